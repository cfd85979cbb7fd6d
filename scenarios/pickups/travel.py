"""Road matrices of one vehicle class for the pickup pipeline: distance, time, money, litres."""

from __future__ import annotations

import numpy as np

import networks
from optimizer import CostRates, VehicleProfile, litres_per_km
from scenarios.common import make_edge_cost
from scenarios.pickups.records import FloatArray

__all__ = ["matrices_for"]


def _expand(values: FloatArray, keep: list[int], size: int) -> FloatArray:
    """Place a matrix over the snapped points into a full matrix (inf elsewhere)."""
    full = np.full((size, size), np.inf)
    full[np.ix_(keep, keep)] = values
    np.fill_diagonal(full, 0.0)
    return full


def matrices_for(
    net: networks.RoadNetwork,
    nodes: list[int],
    keep: list[int],
    size: int,
    season: str,
    profile: VehicleProfile,
    rates: CostRates,
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    """Distance, duration, cost and litres (full size, inf where unreachable)."""
    cost_tm = networks.travel_matrix(
        net,
        nodes,
        season=season,
        vehicle=profile.network_class,
        edge_cost=make_edge_cost(profile, rates),
    )

    def litres(length_m: FloatArray, duration_s: FloatArray, iri: FloatArray) -> FloatArray:
        return np.asarray(length_m / 1000.0 * litres_per_km(profile, iri, rates))

    fuel_tm = networks.travel_matrix(
        net, nodes, season=season, vehicle=profile.network_class, edge_cost=litres
    )
    assert cost_tm.cost_lak is not None and fuel_tm.cost_lak is not None
    return (
        _expand(cost_tm.distance_m, keep, size),
        _expand(cost_tm.duration_s, keep, size),
        _expand(cost_tm.cost_lak, keep, size),
        _expand(fuel_tm.cost_lak, keep, size),
    )
