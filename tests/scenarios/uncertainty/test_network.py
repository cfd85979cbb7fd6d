"""Drawn speeds, roughness and circuity re-weight a copy of a located network's edges."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pytest

from networks import RoadNetwork
from scenarios.common import ParamRange
from scenarios.consolidate import SnappedNetwork
from scenarios.uncertainty.network import is_network_key, reweighted, reweighted_key


def _range(key: str, value: float, low: float, high: float) -> ParamRange:
    return ParamRange(key, "f", value, low, high, "triangular", "why", "src", True)


CENTRAL = {
    r.key: r
    for r in (
        _range("network_defaults.speed_kph.paved.dry.heavy_truck", 50.0, 40.0, 57.5),
        _range("network_defaults.iri_m_per_km.paved", 4.0, 2.5, 6.0),
        _range("road_conditions.16.iri_m_per_km", 3.0, 2.0, 5.0),
        _range("network_defaults.connector.circuity", 1.3, 1.15, 1.8),
    )
}


def _edge(iri: float, *, ref: str = "", condition: str = "", connector: bool = False) -> Any:
    return {
        "length_m": 1000.0, "surface": "paved", "iri_m_per_km": iri, "ref": ref,
        "condition": condition, "connector": connector,
        "speed_kph_dry_heavy_truck": 50.0, "duration_s_dry_heavy_truck": 72.0,
    }  # fmt: skip


def _located() -> SnappedNetwork:
    g: nx.MultiDiGraph[Any] = nx.MultiDiGraph()
    g.add_edge(1, 2, **_edge(4.0))  # class default roughness
    g.add_edge(2, 3, **_edge(3.0, ref="16", condition="good"))  # condition table
    g.add_edge(3, 4, **_edge(2.0, ref="16"))  # a scenario's upgrade keeps its own
    g.add_edge(4, 5, **_edge(4.0, connector=True))
    net = RoadNetwork(graph=g, repairs=None, source=None)  # type: ignore[arg-type]
    return SnappedNetwork(net, [1], [3], [5], {})


def test_edges_take_the_drawn_values_and_the_original_is_untouched() -> None:
    """Speed x0.8 stretches durations by 1/0.8; roughness follows its source (class default,
    condition table; a scenario's own stays); circuity lengthens connectors only."""
    located = _located()
    values = {
        "network_defaults.speed_kph.paved.dry.heavy_truck": 40.0,
        "network_defaults.iri_m_per_km.paved": 6.0,
        "road_conditions.16.iri_m_per_km": 5.0,
        "network_defaults.connector.circuity": 1.56,
    }
    new = reweighted(located, values, CENTRAL)
    edges = {(u, v): d for u, v, d in new.net.graph.edges(data=True)}
    assert [edges[e]["iri_m_per_km"] for e in [(1, 2), (2, 3), (3, 4), (4, 5)]] == [6, 5, 2, 6]
    assert edges[1, 2]["speed_kph_dry_heavy_truck"] == pytest.approx(40.0)
    assert edges[1, 2]["duration_s_dry_heavy_truck"] == pytest.approx(90.0)
    assert edges[4, 5]["length_m"] == pytest.approx(1200.0)
    assert edges[4, 5]["duration_s_dry_heavy_truck"] == pytest.approx(108.0)
    assert edges[1, 2]["length_m"] == 1000.0
    old = {(u, v): d for u, v, d in located.net.graph.edges(data=True)}
    assert old[1, 2]["iri_m_per_km"] == 4.0 and old[4, 5]["length_m"] == 1000.0
    assert new.village_nodes == [1] and new.gateway_nodes == [5]


def test_keys_name_the_drawn_values() -> None:
    """The re-weighted network's key depends on the base key and the drawn values."""
    a = reweighted_key("located-x", {"network_defaults.connector.circuity": 1.5})
    assert a == reweighted_key("located-x", {"network_defaults.connector.circuity": 1.5})
    assert a != reweighted_key("located-x", {"network_defaults.connector.circuity": 1.6})
    assert reweighted_key(None, {"network_defaults.connector.circuity": 1.5}) is None
    assert is_network_key("road_conditions.16.iri_m_per_km")
    assert not is_network_key("cost_rates.diesel_lak_per_l")


def test_the_scenarios_of_one_draw_share_one_reweighted_network(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Same base and drawn values: the re-weighted network is built once; new values rebuild."""
    from scenarios.uncertainty import apply

    monkeypatch.setattr(apply, "_central", lambda: CENTRAL)
    monkeypatch.setattr(apply, "_LAST", [])
    located = _located()
    values = {"network_defaults.iri_m_per_km.paved": 6.0}
    first = apply._reweighted(located, "k", values)
    assert apply._reweighted(located, "k", dict(values)) is first
    assert first[1] == reweighted_key("k", values)
    other = apply._reweighted(located, "k", {"network_defaults.iri_m_per_km.paved": 5.0})
    assert other is not first and other[1] != first[1]
    assert apply._reweighted(_located(), "k", values) is not first  # another base
