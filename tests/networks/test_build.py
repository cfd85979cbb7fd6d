"""The build pipeline on tiny ways: junctions, endpoint joins, patches, SCC, chain merging."""

from __future__ import annotations

import pytest

from networks.build import build_graph, join_dangling_endpoints, ways_to_graph
from networks.osm_io import Way
from networks.tables import Patch


def _way(osm_id: int, *coords: tuple[float, float], oneway: bool = False) -> Way:
    return Way(coords=coords, osm_id=osm_id, highway="primary", ref="R1", oneway=oneway)


def test_shared_vertices_become_junctions_and_two_way_roads_get_both_directions() -> None:
    """A T of two ways meeting mid-way gives 4 nodes and 3 two-way edges (6 directed)."""
    a = _way(1, (0.0, 0.0), (0.01, 0.0), (0.02, 0.0))
    b = _way(2, (0.01, 0.0), (0.01, 0.01))
    g = ways_to_graph([a, b])
    assert g.number_of_nodes() == 4
    assert g.number_of_edges() == 6
    assert g.graph["crs"] == "EPSG:4326"


def test_endpoint_missing_a_junction_by_a_few_metres_is_joined() -> None:
    """A way ending 11 m short of another way's vertex is extended to it; 2 km away is not."""
    main = _way(1, (0.0, 0.0), (0.01, 0.0), (0.02, 0.0))
    near = _way(2, (0.01, 0.0001), (0.01, 0.01))  # 0.0001 deg = 11.1 m north of (0.01, 0)
    far = _way(3, (0.05, 0.02), (0.05, 0.03))
    joined, count = join_dangling_endpoints([main, near, far], 50.0)
    assert count == 1
    assert joined[1].coords[0] == (0.01, 0.0)
    assert joined[2] == far


def test_largest_component_is_kept_and_the_rest_reported() -> None:
    """An isolated 0.01-degree road (1.112 km) is dropped and counted."""
    main = _way(1, (0.0, 0.0), (0.01, 0.0), (0.02, 0.0))
    island = _way(2, (0.5, 0.5), (0.51, 0.5))
    g, stats = build_graph([main, island], [], join_tolerance_m=50.0)
    assert stats.dropped_nodes == 2
    assert stats.dropped_edges == 2
    assert stats.dropped_km == pytest.approx(1.112, abs=0.01)
    assert g.number_of_nodes() == 2  # the middle vertex of `main` merged away


def test_patch_joins_a_cut_off_road_and_is_flagged() -> None:
    """A patch between two components keeps both and flags the added edges with the source."""
    a = _way(1, (0.0, 0.0), (0.01, 0.0))
    b = _way(2, (0.02, 0.0), (0.03, 0.0))
    patch = Patch("gap", 0.0, 0.01, 0.0, 0.02, "R1", "primary", "paved", 1.0, "a source")
    g, stats = build_graph([a, b], [patch], join_tolerance_m=5.0)
    added = [d for *_, d in g.edges(data=True) if d["added"]]
    assert len(added) == 2
    assert added[0]["patch_source"] == "a source"
    assert stats.dropped_nodes == 0
    assert stats.patches_added and "gap" in stats.patches_added[0]


def test_patch_far_from_the_network_is_skipped_with_a_reason() -> None:
    """A patch whose end is 111 km away is not applied and is reported."""
    a = _way(1, (0.0, 0.0), (0.01, 0.0))
    patch = Patch("far", 1.0, 0.0, 0.0, 0.01, "R1", "primary", "paved", 1.0, "src")
    _, stats = build_graph([a], [patch], join_tolerance_m=5.0)
    assert stats.patches_added == ()
    assert "far" in stats.patches_skipped[0] and "km from the network" in stats.patches_skipped[0]


def test_degree2_chains_merge_keeping_geometry_and_length() -> None:
    """Two consecutive ways with equal tags become one edge per direction, lengths summed."""
    a = _way(1, (0.0, 0.0), (0.01, 0.0))
    b = _way(2, (0.01, 0.0), (0.02, 0.0))
    g, stats = build_graph([a, b], [], join_tolerance_m=5.0)
    assert stats.nodes_merged == 1
    assert g.number_of_edges() == 2
    (_, _, d), _ = list(g.edges(data=True))
    assert d["length_m"] == pytest.approx(2 * 1111.95, rel=1e-4)
    assert len(d["geometry"].coords) == 3
    assert d["osm_id"] == [1, 2]


def test_oneway_roads_get_one_direction() -> None:
    """A one-way way adds a single directed edge."""
    g = ways_to_graph([_way(1, (0.0, 0.0), (0.01, 0.0), oneway=True)])
    assert list(g.edges()) == [(0, 1)]
