"""The network facts of `bolaven network info` and the app: road sections and km."""

from __future__ import annotations

from networks import network_summary, road_sections
from tests.networks.conftest import make_network

NODES = {1: (106.0, 15.0), 2: (106.01, 15.0), 3: (106.02, 15.0)}


def test_a_two_way_road_is_one_section() -> None:
    """Two roads built both ways are two sections, and their km are counted once."""
    net = make_network(NODES, [(1, 2, 1000.0, "paved"), (2, 3, 2500.0, "gravel")])
    assert net.graph.number_of_edges() == 4
    assert sorted(d["length_m"] for *_, d in road_sections(net.graph)) == [1000.0, 2500.0]
    summary = network_summary(net)
    assert summary["km_total"] == 3.5
    assert summary["km_by_surface"] == {"gravel": 2.5, "paved": 1.0}


def test_each_carriageway_of_a_one_way_pair_is_a_section() -> None:
    """A divided road (one-way both ways) is two sections: each carriageway is its own road."""
    there = make_network(NODES, [(1, 2, 1000.0, "paved")], oneway=True)
    back = make_network(NODES, [(2, 1, 1000.0, "paved")], oneway=True)
    there.graph.add_edges_from(back.graph.edges(keys=True, data=True))
    assert len(list(road_sections(there.graph))) == 2
    assert network_summary(there)["km_total"] == 2.0
