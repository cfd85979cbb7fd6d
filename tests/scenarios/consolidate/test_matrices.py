"""Leg matrices on the embedded network equal the plain travel matrices they are made of."""

from __future__ import annotations

import numpy as np

from networks import graph_arrays, load_network, parse_season, parse_vehicle, travel_matrix
from optimizer import litres_per_km
from scenarios.common import make_edge_cost
from scenarios.consolidate import load_inputs
from scenarios.consolidate.matrices import physical_leg


def test_litres_and_roughness_equal_the_plain_computations() -> None:
    """Least-fuel litres equal travel_matrix's fuel cost bit for bit, and the roughness kept on
    the graph arrays is that of each kept edge."""
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
    assert np.array_equal(leg.trip_litres, expected)
    assert np.isfinite(expected).any()
    cost = make_edge_cost(profile, inputs.rates)
    arrays = graph_arrays(net, parse_season("wet"), vehicle, cost)
    assert arrays.iri_m_per_km is not None
    iri = [net.graph.edges[key]["iri_m_per_km"] for key in arrays.keys]
    assert np.array_equal(arrays.iri_m_per_km, np.array(iri, dtype=float))
