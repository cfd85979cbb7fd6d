"""Travel matrices on tiny hand-checked graphs, against networkx on the embedded network."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pytest

from networks import NetworkDataError, travel_matrix
from networks.model import Season, VehicleClass
from tests.networks.conftest import make_network

# Square 1-2-3-4 plus a diagonal 1-3 of earth; paved sides 1,000 m; speeds from the table:
# paved dry medium truck 55 km/h → 1,000 m takes 65.4545 s.
NODES = {1: (0.0, 0.0), 2: (0.01, 0.0), 3: (0.01, 0.01), 4: (0.0, 0.01)}
EDGES = [(1, 2, 1000.0, "paved"), (2, 3, 1000.0, "paved"), (3, 4, 1000.0, "paved"),
         (4, 1, 1000.0, "paved"), (1, 3, 1200.0, "earth")]  # fmt: skip
PAVED_S = 1000 / (55 / 3.6)
EARTH_S = 1200 / (20 / 3.6)


def test_fastest_path_avoids_the_slow_diagonal() -> None:
    """Dry medium truck: 1→3 goes round two paved sides (130.9 s), not the earth one (216 s)."""
    m = travel_matrix(make_network(NODES, EDGES), [1, 3], season="dry", vehicle="medium_truck")
    assert m.duration_s[0, 1] == pytest.approx(2 * PAVED_S)
    assert m.distance_m[0, 1] == pytest.approx(2000.0)
    assert m.duration_s[0, 1] < EARTH_S
    assert m.distance_m[0, 0] == 0.0


def test_cost_weight_picks_the_short_path_and_sums_along_it() -> None:
    """With cost = length, the 1,200 m diagonal wins and duration is summed along it."""
    net = make_network(NODES, EDGES)
    m = travel_matrix(
        net, [1, 3], season="dry", vehicle="medium_truck", edge_cost=lambda length, d, iri: length
    )
    assert m.cost_lak is not None
    assert m.cost_lak[0, 1] == pytest.approx(1200.0)
    assert m.distance_m[0, 1] == pytest.approx(1200.0)
    assert m.duration_s[0, 1] == pytest.approx(EARTH_S)


def test_wet_season_closes_earth_for_trucks_and_unreachable_is_inf() -> None:
    """Wet heavy truck cannot use an earth-only link: the pair is inf, not an error."""
    net = make_network({1: (0.0, 0.0), 2: (0.01, 0.0)}, [(1, 2, 500.0, "earth")])
    wet = travel_matrix(net, [1, 2], season=Season.WET, vehicle=VehicleClass.HEAVY_TRUCK)
    dry = travel_matrix(net, [1, 2], season=Season.DRY, vehicle=VehicleClass.HEAVY_TRUCK)
    assert np.isinf(wet.duration_s[0, 1]) and np.isinf(wet.distance_m[0, 1])
    assert wet.unreachable_pairs == 2
    assert dry.duration_s[0, 1] == pytest.approx(500 / (15 / 3.6))


def test_parallel_edges_keep_the_cheapest() -> None:
    """Two parallel roads 1→2: the faster one is used."""
    net = make_network({1: (0.0, 0.0), 2: (0.01, 0.0)}, [(1, 2, 900.0, "gravel")])
    fast = make_network({1: (0.0, 0.0), 2: (0.01, 0.0)}, [(1, 2, 1000.0, "paved")])
    for u, v, d in fast.graph.edges(data=True):
        net.graph.add_edge(u, v, **d)
    m = travel_matrix(net, [1, 2], season="dry", vehicle="medium_truck")
    assert m.duration_s[0, 1] == pytest.approx(PAVED_S)
    assert m.distance_m[0, 1] == pytest.approx(1000.0)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"season": "monsoon", "vehicle": "medium_truck"}, ValueError, "Unknown season 'monsoon'"),
        ({"season": "dry", "vehicle": "bus"}, ValueError, "Unknown vehicle class 'bus'"),
        ({"season": "dry", "vehicle": "medium_truck", "nodes": [1, 99]}, NetworkDataError, "99"),
        (
            {"season": "dry", "vehicle": "medium_truck", "edge_cost": lambda a, b, c: -a},
            NetworkDataError,
            "finite cost >= 0",
        ),
    ],
)
def test_bad_matrix_inputs(kwargs: dict[str, object], error: type[Exception], match: str) -> None:
    """Unknown season, class, node or a negative edge cost are rejected with a clear message."""
    nodes = kwargs.pop("nodes", [1, 2])
    with pytest.raises(error, match=match):
        travel_matrix(make_network(NODES, EDGES), nodes, **kwargs)  # type: ignore[arg-type]


def test_matrix_matches_networkx_on_the_embedded_network(embedded) -> None:  # type: ignore[no-untyped-def]
    """Durations and distances agree with networkx Dijkstra for sampled pairs (wet, pickup)."""
    rng = np.random.default_rng(1)
    nodes = [int(x) for x in rng.choice(list(embedded.graph.nodes), 30, replace=False)]
    m = travel_matrix(embedded, nodes, season="wet", vehicle="pickup_4x4")
    simple = nx.DiGraph()
    for u, v, d in embedded.graph.edges(data=True):
        w = d["duration_s_wet_pickup_4x4"]
        if d["passable_wet_pickup_4x4"] and (not simple.has_edge(u, v) or simple[u][v]["w"] > w):
            simple.add_edge(u, v, w=w, length=d["length_m"])
    for i, j in [(0, 5), (3, 17), (29, 1), (12, 12)]:
        path = nx.shortest_path(simple, nodes[i], nodes[j], weight="w")
        pairs = list(itertools.pairwise(path))
        assert m.duration_s[i, j] == pytest.approx(sum(simple[a][b]["w"] for a, b in pairs))
        assert m.distance_m[i, j] == pytest.approx(sum(simple[a][b]["length"] for a, b in pairs))


def test_reversed_arrays_give_the_costs_into_a_node(embedded) -> None:  # type: ignore[no-untyped-def]
    """A tree from node d on the reversed arrays holds every node's least cost into d."""
    from networks import graph_arrays, reversed_arrays, shortest_trees

    arrays = graph_arrays(embedded, Season.WET, VehicleClass.HEAVY_TRUCK)
    nodes = list(embedded.graph.nodes)[::97]
    forward, _ = shortest_trees(arrays, nodes)
    into, _ = shortest_trees(reversed_arrays(arrays), nodes)
    cols = np.array([arrays.index[n] for n in nodes])
    reach = np.isfinite(forward[:, cols])
    assert np.array_equal(reach, np.isfinite(into[:, cols].T))
    assert np.allclose(forward[:, cols][reach], into[:, cols].T[reach], rtol=1e-9, atol=0.0)
    # one-way roads: costs are not symmetric, so the un-reversed arrays would fail the test
    assert not np.allclose(forward[:, cols], forward[:, cols].T, rtol=1e-9, atol=0.0)
