"""Integration on the embedded 2014 network: distances, seasons, repairs, places, attributes."""

from __future__ import annotations

import pytest

from networks import RoadNetwork, SnappingError, UnreachableError, route, snap_points
from networks.model import Season, VehicleClass, duration_attr, passable_attr, speed_attr

# Published: Pakse-Paksong ~50 km (shared SOURCE.md network check); Pakse-Vang Tao checkpoint
# ~45 km (lao-coffee-facts.md §3.1).


@pytest.mark.parametrize(
    ("a", "b", "km", "tol"),
    [("Pakse", "Paksong", 50, 5), ("Pakse", "Vang Tao-Chong Mek crossing", 45, 4),
     ("Pakse", "Attapeu", 165, 10), ("Pakse", "Savannakhet", 242, 10)],
)  # fmt: skip
def test_route_distances_match_published_figures(
    embedded: RoadNetwork, a: str, b: str, km: float, tol: float
) -> None:
    """Shortest routes agree with the published road distances."""
    r = route(embedded, a, b, season="dry", vehicle="medium_truck")
    assert r.distance_m / 1000 == pytest.approx(km, abs=tol)
    assert r.coords[0] != r.coords[-1]


def test_route_refs_follow_the_roads_in_order(embedded: RoadNetwork) -> None:
    """Pakse → Paksong uses 13S then Route 16, with no consecutive repeats."""
    r = route(embedded, "pakse", "PAKSONG", season="dry", vehicle="pickup_4x4")
    assert r.refs[0] == "13S" and r.refs[-1] == "16"
    assert all(x != y for x, y in zip(r.refs, r.refs[1:], strict=False))


def test_wet_season_is_slower_on_unpaved_edges(embedded: RoadNetwork) -> None:
    """Every gravel and earth edge takes longer in the wet season, for every class."""
    unpaved = [d for *_, d in embedded.graph.edges(data=True) if d["surface"] != "paved"]
    assert unpaved
    for v in VehicleClass:
        dry, wet = duration_attr(Season.DRY, v), duration_attr(Season.WET, v)
        assert all(d[wet] > d[dry] for d in unpaved)


def test_every_edge_carries_the_cost_attributes(embedded: RoadNetwork) -> None:
    """Edges have length, surface with its source, IRI and per season/class speed and duration."""
    sources = {"osm", "condition table", "class default", "patch table"}
    for *_, d in embedded.graph.edges(data=True):
        assert d["length_m"] > 0 and d["surface"] in {"paved", "gravel", "earth"}
        assert d["surface_source"] in sources and d["iri_m_per_km"] > 0
        for s in Season:
            for v in VehicleClass:
                assert d[speed_attr(s, v)] > 0 and isinstance(d[passable_attr(s, v)], bool)


def test_repairs_are_reported_and_the_18b_patch_is_flagged(embedded: RoadNetwork) -> None:
    """Joins, dropped components and the Route 18B patch appear in the repair report."""
    rep = embedded.repairs
    assert rep.endpoints_joined > 0 and rep.dropped_nodes > 0 and rep.dropped_km > 0
    assert any("18B" in p for p in rep.patches_added)
    added = [d for *_, d in embedded.graph.edges(data=True) if d["added"]]
    assert added and all(d["ref"] == "18B" and d["patch_source"] for d in added)
    r = route(embedded, "Attapeu", "Phou Keua-Bo Y crossing", season="wet", vehicle="heavy_truck")
    assert r.distance_m / 1000 == pytest.approx(111, abs=10)  # published Attapeu-Bo Y 111 km


def test_condition_table_sets_route_20_paved(embedded: RoadNetwork) -> None:
    """NR20 (ADB: good condition) is paved from the condition table unless OSM says otherwise."""
    r20 = [d for *_, d in embedded.graph.edges(data=True) if d["ref"] == "20"]
    from_table = [d for d in r20 if d["surface_source"] == "condition table"]
    assert from_table and all(d["surface"] == "paved" for d in from_table)


def test_places_snap_with_connectors_and_far_ones_are_reported(embedded: RoadNetwork) -> None:
    """Lao towns snap with flagged connectors; Laem Chabang (Thailand) is reported unreachable."""
    res = snap_points(embedded, [(p.lat, p.lon) for p in embedded.places])
    names = [p.name for p in embedded.places]
    assert res.nodes[names.index("Pakse")] is not None
    far = {names[u.index] for u in res.unreachable}
    assert "Laem Chabang" in far and "Pakse" not in far
    assert sum(1 for *_, d in res.network.graph.edges(data=True) if d["connector"]) > 20


def test_route_errors_are_clear(embedded: RoadNetwork) -> None:
    """Too far from roads: SnappingError; no wet path for trucks: UnreachableError."""
    with pytest.raises(SnappingError, match=r"Dakcheung.*maximum connector length"):
        route(embedded, "Pakse", "Dakcheung", season="dry", vehicle="pickup_4x4")
    # 10.5 km from the nearest main road (south-east of Paksong): an earth connector track.
    with pytest.raises(UnreachableError, match="heavy_truck in the wet season"):
        route(embedded, "Pakse", "15.05,106.45", season="wet", vehicle="heavy_truck")
