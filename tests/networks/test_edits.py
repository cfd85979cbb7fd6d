"""Scenario edits return new networks with recomputed speeds; selections fail loudly."""

from __future__ import annotations

import pytest

from networks import EdgeSelectionError, RoadNetwork, route, travel_matrix
from networks.edits import add_link, close_edges, select_edges, upgrade_edges
from tests.networks.conftest import DEG001_M, make_network

NODES = {1: (0.0, 0.0), 2: (0.01, 0.0), 3: (0.02, 0.0)}
EDGES = [(1, 2, 1000.0, "gravel"), (2, 3, 1000.0, "gravel"), (1, 3, 5000.0, "paved")]


def test_upgrade_to_paved_speeds_up_and_leaves_the_original() -> None:
    """Paving 1-2 cuts dry medium-truck time from 1000/35 km/h to 1000/55 km/h."""
    net = make_network(NODES, EDGES)
    edges = select_edges(net, ref="R12")
    assert len(edges) == 2
    new = upgrade_edges(net, edges, surface="paved")
    before = travel_matrix(net, [1, 2], season="dry", vehicle="medium_truck").duration_s[0, 1]
    after = travel_matrix(new, [1, 2], season="dry", vehicle="medium_truck").duration_s[0, 1]
    assert before == pytest.approx(1000 / (35 / 3.6))
    assert after == pytest.approx(1000 / (55 / 3.6))
    assert new.graph.edges[edges[0]]["surface_source"] == "edit"
    assert net.graph.edges[edges[0]]["surface"] == "gravel"


def test_speed_factor_and_close() -> None:
    """speed_factor 2 halves the time; closing 1-2 forces the 5 km detour via 1-3-2."""
    net = make_network(NODES, EDGES)
    edges = select_edges(net, ref="R12")
    fast = upgrade_edges(net, edges, speed_factor=2.0)
    t = travel_matrix(fast, [1, 2], season="dry", vehicle="medium_truck").duration_s[0, 1]
    assert t == pytest.approx(1000 / (70 / 3.6))
    closed = close_edges(net, edges)
    m = travel_matrix(closed, [1, 2], season="dry", vehicle="medium_truck")
    assert m.distance_m[0, 1] == pytest.approx(6000.0)


def test_add_link_is_flagged_and_used() -> None:
    """A new paved link 1→(0.0, 0.03) is added both ways, flagged, with its source."""
    net = make_network({**NODES, 4: (0.03, 0.0)}, [*EDGES, (3, 4, 9000.0, "earth")])
    new = add_link(net, (0.0, 0.0), (0.0, 0.03), surface="paved", ref="NEW", source="plan X")
    added = [d for *_, d in new.graph.edges(data=True) if d["added"]]
    assert len(added) == 2 and added[0]["patch_source"] == "plan X"
    r = route(new, (0.0, 0.0), (0.0, 0.03), season="wet", vehicle="heavy_truck")
    assert r.refs == ("NEW",)
    assert r.distance_m == pytest.approx(3 * 1111.95, rel=1e-3)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [({"ref": "99X"}, "No road has ref '99X'"), ({"osm_ids": [1]}, "OSM way ids"),
     ({"bbox": (50.0, 50.0, 51.0, 51.0)}, "No road intersects bbox")],
)  # fmt: skip
def test_selectors_that_match_nothing_say_so(kwargs: dict[str, object], match: str) -> None:
    """Each empty selector raises EdgeSelectionError naming it."""
    with pytest.raises(EdgeSelectionError, match=match):
        select_edges(make_network(NODES, EDGES), **kwargs)  # type: ignore[arg-type]


def test_bad_edit_values_are_rejected() -> None:
    """Unknown surface, non-positive factors and unknown edge keys are rejected."""
    net = make_network(NODES, EDGES)
    edges = select_edges(net, ref="R12")
    with pytest.raises(ValueError, match="surface in"):
        upgrade_edges(net, edges, surface="tarmac")
    with pytest.raises(ValueError, match="speed_factor > 0"):
        upgrade_edges(net, edges, speed_factor=0)
    with pytest.raises(EdgeSelectionError, match="unknown"):
        close_edges(net, [(7, 8, 0)])


def test_section_between_places_on_the_embedded_network(embedded: RoadNetwork) -> None:
    """Route 16 between Pakse and Paksong is a ~50 km section, a part of all of Route 16."""
    section = select_edges(embedded, ref="16", between=("Pakse", "Paksong"))
    whole = select_edges(embedded, ref="16")
    km = sum(embedded.graph.edges[k]["length_m"] for k in section) / 2000
    assert 35 < km < 55
    assert set(section) < set(whole)


def test_add_link_reaches_a_far_end_only_with_max_connector_m() -> None:
    """An end 37.7 km off the roads fails at the 30 km default and joins with 40 km allowed."""
    net = make_network(NODES, EDGES)
    far = (0.24, 0.26)  # lat, lon: 0.24 degree north and east of node 3 (0.02, 0.0)
    with pytest.raises(EdgeSelectionError, match=r"cannot reach '0\.24000,0\.26000'"):
        add_link(net, (0.0, 0.0), far, surface="paved", ref="NEW", source="plan X")
    new = add_link(
        net, (0.0, 0.0), far, surface="paved", ref="NEW", source="plan X", max_connector_m=40_000
    )
    r = route(new, (0.0, 0.0), far, season="dry", vehicle="heavy_truck")
    assert r.refs == ("NEW",)
    # the link runs straight (circuity 1) from node 1 to the far end: sqrt(24² + 26²) × 0.01°
    assert r.distance_m == pytest.approx(35.384 * DEG001_M, rel=1e-3)
    connectors = [d for *_, d in new.graph.edges(data=True) if d["connector"]]
    assert connectors and min(d["length_m"] for d in connectors) > 33 * DEG001_M


def test_add_link_rejects_a_negative_max_connector_m() -> None:
    """max_connector_m below 0 is rejected with what was expected and what was received."""
    with pytest.raises(ValueError, match=r"Expected max_connector_m >= 0; got -1"):
        add_link(
            make_network(NODES, EDGES), (0.0, 0.0), (0.0, 0.02),
            surface="paved", ref="NEW", source="plan X", max_connector_m=-1,
        )  # fmt: skip
