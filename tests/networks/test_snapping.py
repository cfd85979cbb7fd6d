"""Snapping points: connectors flagged with the circuity length; far points reported."""

from __future__ import annotations

import pytest

from networks import snap_points, travel_matrix
from tests.networks.conftest import make_network

NODES = {1: (0.0, 0.0), 2: (0.02, 0.0)}


def test_point_off_the_road_gets_a_flagged_connector() -> None:
    """A point 1,111.95 m north of the road's middle: connector 1.3 × that, road split in two."""
    net = make_network(NODES, [(1, 2, 2000.0, "paved")])
    res = snap_points(net, [(0.01, 0.01)])
    node = res.nodes[0]
    assert node is not None and res.unreachable == ()
    assert res.distance_m[0] == pytest.approx(1111.95, rel=1e-3)
    conn = [d for u, v, d in res.network.graph.edges(data=True) if d["connector"]]
    assert len(conn) == 2
    assert conn[0]["length_m"] == pytest.approx(1.3 * 1111.95, rel=1e-3)
    m = travel_matrix(res.network, [1, node], season="dry", vehicle="pickup_4x4")
    assert m.distance_m[0, 1] == pytest.approx(1000.0 + 1.3 * 1111.95, rel=1e-3)
    assert net.graph.number_of_nodes() == 2  # the input network is untouched


def test_point_beyond_the_maximum_connector_is_reported_not_dropped() -> None:
    """With a 1 km cap, the 1.1 km point is unreachable with the distance in the reason."""
    net = make_network(NODES, [(1, 2, 2000.0, "paved")])
    res = snap_points(net, [(0.0, 0.005), (0.01, 0.01)], max_connector_m=1000.0)
    assert res.nodes[0] is not None and res.nodes[1] is None
    (bad,) = res.unreachable
    assert bad.index == 1
    assert "1.1 km from the nearest road" in bad.reason and "1.0 km" in bad.reason


def test_points_on_a_vertex_reuse_it_and_two_points_split_one_edge_in_order() -> None:
    """A point on node 1 maps to node 1; two on-road points split the edge into three parts."""
    net = make_network(NODES, [(1, 2, 2000.0, "paved")])
    res = snap_points(net, [(0.0, 0.0), (0.0, 0.015), (0.0, 0.005)])
    assert res.nodes[0] == 1
    assert res.network.graph.number_of_edges() == 6
    m = travel_matrix(
        res.network, [1, res.nodes[2], res.nodes[1]], season="dry", vehicle="pickup_4x4"
    )  # type: ignore[list-item]
    assert m.distance_m[0, 1] == pytest.approx(500.0)
    assert m.distance_m[0, 2] == pytest.approx(1500.0)


def test_wet_season_earth_connector_blocks_trucks_but_not_pickups() -> None:
    """A 5 km (earth) connector is impassable for a wet heavy truck, passable for a pickup."""
    net = make_network(NODES, [(1, 2, 2000.0, "paved")])
    res = snap_points(net, [(0.045, 0.01)])  # 0.045 deg lat = 5.0 km north
    node = res.nodes[0]
    assert node is not None
    truck = travel_matrix(res.network, [1, node], season="wet", vehicle="heavy_truck")
    pickup = travel_matrix(res.network, [1, node], season="wet", vehicle="pickup_4x4")
    assert truck.unreachable_pairs == 2
    assert pickup.unreachable_pairs == 0


def test_snapping_again_reuses_snapped_points_and_ignores_connectors() -> None:
    """A point already snapped keeps its node; a new point joins the road, not a connector."""
    net = make_network(NODES, [(1, 2, 2000.0, "paved")])
    first = snap_points(net, [(0.01, 0.01)])
    again = snap_points(first.network, [(0.01, 0.01), (0.011, 0.0102)])
    assert again.nodes[0] == first.nodes[0]
    assert again.distance_m[0] == 0.0
    assert again.distance_m[1] == pytest.approx(0.011 * 111195.08, rel=1e-3)  # to the road


def test_cut_line_follows_the_vertices() -> None:
    """An L-shaped line cut at 1/4 and 3/4 of its length: cuts at (0.005, 0) and (0.01, 0.005)."""
    import numpy as np

    from networks.snapping import _cut_line

    lonlat = np.array([[0.0, 0.0], [0.01, 0.0], [0.01, 0.01]])
    pieces, points = _cut_line(lonlat, lonlat * 111_195.08, [0.25, 0.75])
    assert points.ravel().tolist() == pytest.approx([0.005, 0.0, 0.01, 0.005])
    assert [len(p) for p in pieces] == [2, 3, 2]
    assert pieces[1].ravel().tolist() == pytest.approx([0.005, 0.0, 0.01, 0.0, 0.01, 0.005])


@pytest.mark.parametrize(
    ("north_deg", "season", "vehicle", "passes"),
    [
        (0.045, "wet", "pickup_4x4", True),  # 5.0 km: inside the 6 km wet-season limit
        (0.063, "wet", "pickup_4x4", False),  # 7.0 km: cut off in the wet season
        (0.063, "dry", "pickup_4x4", True),  # no dry-season limit for pickups
        (0.063, "dry", "medium_truck", True),
        (0.036, "dry", "heavy_truck", False),  # 4.0 km: heavy trucks stop at 3 km
        (0.018, "dry", "heavy_truck", True),  # 2.0 km: a settlement street (gravel)
    ],
)
def test_village_tracks_are_cut_off_by_length_season_and_class(
    north_deg: float, season: str, vehicle: str, passes: bool
) -> None:
    """[connector_access]: pickups pass 6 km of track when wet, heavy trucks 3 km in any season."""
    net = make_network(NODES, [(1, 2, 2000.0, "paved")])
    res = snap_points(net, [(north_deg, 0.01)])
    node = res.nodes[0]
    assert node is not None
    m = travel_matrix(res.network, [1, node], season=season, vehicle=vehicle)
    assert (m.unreachable_pairs == 0) is passes


@pytest.mark.parametrize(("length_m", "passes"), [(2500.0, True), (3500.0, False)])
def test_heavy_trucks_leave_long_earth_roads(length_m: float, passes: bool) -> None:
    """An earth road longer than heavy_earth_road_max_m (3 km) carries no heavy truck, even dry."""
    net = make_network(NODES, [(1, 2, length_m, "earth")])
    heavy = travel_matrix(net, [1, 2], season="dry", vehicle="heavy_truck")
    medium = travel_matrix(net, [1, 2], season="dry", vehicle="medium_truck")
    assert (heavy.unreachable_pairs == 0) is passes
    assert medium.unreachable_pairs == 0
