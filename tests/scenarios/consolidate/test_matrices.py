"""Leg matrices on the embedded network equal the plain travel matrices they are made of."""

from __future__ import annotations

import numpy as np

from networks import (
    RoadNetwork,
    accumulate_along_trees,
    graph_arrays,
    load_network,
    parse_season,
    parse_vehicle,
    shortest_trees,
    travel_matrix,
)
from optimizer import VehicleProfile, litres_per_km
from scenarios.common import make_edge_cost
from scenarios.consolidate import load_inputs
from scenarios.consolidate.matrices import PhysicalLeg, _edge_terms, physical_leg
from tests.networks.conftest import make_network


def test_litres_and_roughness_equal_the_plain_computations() -> None:
    """Least-fuel litres equal travel_matrix's fuel cost (within 1e-9: the way there is summed
    from the destination end), and the graph arrays keep the roughness of each kept edge."""
    net, inputs = load_network(), load_inputs()
    profile = inputs.profile("trunk_vehicle")
    nodes = list(net.graph.nodes)[:: max(1, len(net.graph) // 7)][:7]
    origins, destinations = nodes[:4], nodes[4:]
    leg = physical_leg(
        net, origins, destinations, season="wet", profile=profile, path_rates=inputs.rates
    )

    def fuel(length_m: np.ndarray, duration_s: np.ndarray, iri: np.ndarray) -> np.ndarray:
        return np.asarray(length_m / 1000.0 * litres_per_km(profile, iri, inputs.rates))

    vehicle = parse_vehicle(profile.network_class)
    plain = travel_matrix(net, nodes, season="wet", vehicle=vehicle, edge_cost=fuel).cost_lak
    assert plain is not None
    expected = plain[:4, 4:] + plain[4:, :4].T
    assert np.allclose(leg.trip_litres, expected, rtol=1e-9, atol=0.0)
    assert np.isfinite(expected).any()
    cost = make_edge_cost(profile, inputs.rates)
    arrays = graph_arrays(net, parse_season("wet"), vehicle, cost)
    assert arrays.iri_m_per_km is not None
    iri = [net.graph.edges[key]["iri_m_per_km"] for key in arrays.keys]
    assert np.array_equal(arrays.iri_m_per_km, np.array(iri, dtype=float))


def _from_every_node(
    net: RoadNetwork, origins: list[int], destinations: list[int], profile: VehicleProfile
) -> list[np.ndarray]:
    """The terms of a leg as computed before: a tree from every origin and destination."""
    rates = load_inputs().rates
    nodes, n_o = [*origins, *destinations], len(origins)
    vehicle = parse_vehicle(profile.network_class)
    arrays = graph_arrays(net, parse_season("wet"), vehicle, make_edge_cost(profile, rates))
    weights, pred = shortest_trees(arrays, nodes)
    values = [arrays.length_m, arrays.duration_s, *_edge_terms(net, arrays, profile, rates)]
    cols = np.array([arrays.index[n] for n in nodes])
    dist, dur, fuel, usd = (
        np.where(np.isinf(weights[:, cols]), np.inf, a[:, cols])
        for a in accumulate_along_trees(arrays, pred, values)
    )
    out, back = (slice(None, n_o), slice(n_o, None)), (slice(n_o, None), slice(None, n_o))
    return [dist[out], dur[out], fuel[out], usd[out], dur[back].T, fuel[back].T, usd[back].T]


def _terms(leg: PhysicalLeg) -> list[np.ndarray]:
    return [leg.out_m, leg.out_s, leg.out_fuel_l, leg.out_usd, leg.back_s, leg.back_fuel_l,
            leg.back_usd]  # fmt: skip


def _assert_same(leg: PhysicalLeg, expected: list[np.ndarray]) -> None:
    for got, want in zip(_terms(leg), expected, strict=True):
        assert np.array_equal(np.isinf(got), np.isinf(want))
        finite = np.isfinite(want)
        assert np.allclose(got[finite], want[finite], rtol=1e-9, atol=0.0)


def test_trees_into_the_destinations_equal_trees_from_every_node() -> None:
    """Trees from the few destinations (reversed network for the way there) give the terms of a
    tree from every node, within 1e-9, on a one-way tiny graph and on the embedded network."""
    profile = load_inputs().profile("trunk_vehicle")
    rates = load_inputs().rates
    nodes = {i: (0.01 * (i % 3), 0.01 * (i // 3)) for i in range(9)}
    ring = [(0, 1, 900.0, "paved"), (1, 2, 1100.0, "gravel"), (2, 5, 700.0, "paved"),
            (5, 8, 1500.0, "earth"), (8, 7, 800.0, "paved"), (7, 6, 1200.0, "gravel"),
            (6, 3, 600.0, "paved"), (3, 0, 1000.0, "paved"), (4, 1, 500.0, "paved"),
            (5, 4, 900.0, "gravel"), (3, 4, 1300.0, "paved")]  # fmt: skip
    tiny = make_network(nodes, ring, oneway=True)
    for net, origins, destinations in (
        (tiny, [0, 2, 4, 6, 7], [8, 1]),
        (load_network(), list(load_network().graph.nodes)[::50], list(load_network().graph)[7:11]),
    ):
        leg = physical_leg(net, origins, destinations, season="wet", profile=profile,
                           path_rates=rates)  # fmt: skip
        _assert_same(leg, _from_every_node(net, origins, destinations, profile))
