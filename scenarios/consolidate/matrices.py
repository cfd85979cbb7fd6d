"""Network matrices → per-tonne integer cost arrays and physical quantities for the consolidation.

Collection (village → hub, small truck of the season) and trunk (hub → gateway, container
truck) are both priced per loaded trip, then divided by the payload:

    trip cost = cost there + empty_return x cost back + loading hours x (crew + fixed per hour)
    cost of a direction = driving cost (per-km cost at the roughness of each edge + crew time)
                        + hours x fixed cost per day / working hours per day

``empty_return`` is the share of the return trip charged to this cargo (1 = always empty back).

Collection cost per tonne GREEN = trip cost / payload in tonnes of the collected product /
green kg per kg of that product (full loads out, as stated in ``consolidation_params.toml``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from networks import RoadNetwork, travel_matrix
from optimizer import (
    UNREACHABLE,
    CostRates,
    VehicleProfile,
    cost_per_hour_lak,
    fixed_cost_lak,
    litres_per_km,
    loading_time_s,
)
from scenarios.common import make_edge_cost

FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class LegMatrix:
    """Per loaded trip between origins (rows) and destinations (columns) for one vehicle.

    ``trip_cost_lak`` is ``inf`` where either direction is impassable. Distances and hours are
    those of the least-cost paths; ``litres`` come from least-fuel paths (the same roads in all
    but rare cases; a second matrix call, documented).
    """

    profile: VehicleProfile
    distance_km: FloatArray
    trip_hours: FloatArray
    trip_cost_lak: FloatArray
    trip_litres: FloatArray

    @property
    def payload_t(self) -> float:
        """Payload of the vehicle in tonnes (of whatever it carries)."""
        return self.profile.capacity_kg / 1000.0


def leg_matrix(
    net: RoadNetwork,
    origins: list[int],
    destinations: list[int],
    *,
    season: str,
    profile: VehicleProfile,
    rates: CostRates,
    empty_return: float,
    hours_per_day: float,
) -> LegMatrix:
    """Trip costs, hours and litres from each origin to each destination and back."""
    nodes = [*origins, *destinations]
    n_o = len(origins)
    edge_cost = make_edge_cost(profile, rates)
    tm = travel_matrix(
        net, nodes, season=season, vehicle=profile.network_class, edge_cost=edge_cost
    )
    assert tm.cost_lak is not None
    out_cost, back_cost = tm.cost_lak[:n_o, n_o:], tm.cost_lak[n_o:, :n_o].T
    out_s, back_s = tm.duration_s[:n_o, n_o:], tm.duration_s[n_o:, :n_o].T
    load_h = float(loading_time_s(profile.capacity_kg, rates)) / 3600.0
    out_h, back_h = out_s / 3600.0, back_s / 3600.0
    fixed_per_h = fixed_cost_lak(profile, rates) / hours_per_day
    crew_per_h = cost_per_hour_lak(profile, rates)
    back = back_cost + back_h * fixed_per_h
    # an impassable return stays impassable even when no return cost is charged (0 x inf)
    back = np.where(np.isfinite(back), empty_return * back, np.inf)
    cost = out_cost + out_h * fixed_per_h + back + load_h * (fixed_per_h + crew_per_h)
    hours = out_h + back_h + load_h

    def fuel(length_m: FloatArray, duration_s: FloatArray, iri: FloatArray) -> FloatArray:
        del duration_s
        return np.asarray(length_m / 1000.0 * litres_per_km(profile, iri, rates))

    tl = travel_matrix(net, nodes, season=season, vehicle=profile.network_class, edge_cost=fuel)
    assert tl.cost_lak is not None
    litres = tl.cost_lak[:n_o, n_o:] + tl.cost_lak[n_o:, :n_o].T
    return LegMatrix(
        profile=profile,
        distance_km=tm.distance_m[:n_o, n_o:] / 1000.0,
        trip_hours=hours,
        trip_cost_lak=cost,
        trip_litres=litres,
    )


def per_tonne_green(leg: LegMatrix, green_per_kg: NDArray[np.float64] | float) -> FloatArray:
    """LAK per tonne green: trip cost / payload / green kg per kg carried (row-wise)."""
    ratio = np.asarray(green_per_kg, dtype=float)
    if ratio.ndim == 1:
        ratio = ratio[:, None]
    return np.asarray(leg.trip_cost_lak / leg.payload_t / ratio, dtype=np.float64)


def to_int_costs(lak_per_t: FloatArray) -> NDArray[np.int64]:
    """Round to whole LAK per tonne; ``inf`` becomes the optimizer's ``UNREACHABLE``."""
    out = np.full(lak_per_t.shape, UNREACHABLE, dtype=np.int64)
    finite = np.isfinite(lak_per_t)
    out[finite] = np.rint(lak_per_t[finite]).astype(np.int64)
    return out
