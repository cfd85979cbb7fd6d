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

import functools
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from networks import (
    EdgeCost,
    GraphArrays,
    RoadNetwork,
    accumulate_along_trees,
    graph_arrays,
    parse_season,
    parse_vehicle,
    reversed_arrays,
    shortest_trees,
)
from optimizer import (
    UNREACHABLE,
    CostRates,
    VehicleProfile,
    cost_per_hour_lak,
    fixed_cost_lak,
    litres_per_km,
    loading_time_s,
    roughness_factors,
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


@dataclass(frozen=True)
class PhysicalLeg:
    """What a leg's trip costs are made of, along fixed least-cost paths, without prices.

    Rows are origins, columns destinations; ``out`` is origin → destination, ``back`` the
    return. Per direction: distance (m), duration (s), litres of the per-km fuel term and
    US$ of the per-km repair-and-tyre term, summed over the edges of the path; ``inf`` where
    impassable. ``trip_litres`` are along least-fuel paths. Re-pricing these (diesel, exchange
    rate) needs no new shortest-path run; see :func:`price_leg`.
    """

    out_m: FloatArray
    out_s: FloatArray
    out_fuel_l: FloatArray
    out_usd: FloatArray
    back_s: FloatArray
    back_fuel_l: FloatArray
    back_usd: FloatArray
    trip_litres: FloatArray


def _edge_terms(
    net: RoadNetwork, arrays: GraphArrays, profile: VehicleProfile, rates: CostRates
) -> tuple[FloatArray, FloatArray]:
    """Per kept edge: litres of the per-km fuel term and US$ of the repair-and-tyre term."""
    iri = arrays.iri_m_per_km
    if iri is None:
        graph = net.graph
        iri = np.array([graph.edges[key]["iri_m_per_km"] for key in arrays.keys], dtype=float)
    fuel, rm, tyres = roughness_factors(iri, rates)
    km = arrays.length_m / 1000.0
    fuel_l = km * profile.fuel_l_per_km * fuel
    usd = km * (profile.maintenance_usd_per_km * rm + profile.tyres_usd_per_km * tyres)
    return np.asarray(fuel_l, dtype=float), np.asarray(usd, dtype=float)


@functools.lru_cache(maxsize=64)
def _fuel_cost(profile: VehicleProfile, rates: CostRates) -> EdgeCost:
    """Litres per edge (one function per profile and rates: graph arrays are cached by it)."""

    def fuel_cost(length_m: FloatArray, duration_s: FloatArray, iri: FloatArray) -> FloatArray:
        del duration_s
        return np.asarray(length_m / 1000.0 * litres_per_km(profile, iri, rates))

    return fuel_cost


def _sums_into(
    arrays: GraphArrays, sources: list[int], targets: list[int], values: list[FloatArray]
) -> tuple[FloatArray, list[FloatArray]]:
    """Path weights and ``values`` summed along the least-cost paths from each source (rows)
    to each target (columns); ``inf`` where no path exists."""
    weights, pred = shortest_trees(arrays, sources)
    cols = np.array([arrays.index[int(n)] for n in targets])
    unreachable = np.isinf(weights[:, cols])
    sums = accumulate_along_trees(arrays, pred, values) if values else []
    return weights[:, cols], [np.where(unreachable, np.inf, a[:, cols]) for a in sums]


def physical_leg(
    net: RoadNetwork,
    origins: list[int],
    destinations: list[int],
    *,
    season: str,
    profile: VehicleProfile,
    path_rates: CostRates,
) -> PhysicalLeg:
    """Distances, durations and cost terms along the least-cost paths at ``path_rates``.

    The paths are those :func:`leg_matrix` prices at ``path_rates``; the litres along the
    least-fuel paths come from a second shortest-path run, as in :func:`leg_matrix`. Trees
    grow from the (few) destinations only: outward on the network for the way back, and on the
    reversed network (:func:`networks.reversed_arrays`) for the way there.
    """
    vehicle = parse_vehicle(profile.network_class)
    arrays = graph_arrays(net, parse_season(season), vehicle, make_edge_cost(profile, path_rates))
    into = reversed_arrays(arrays)

    def terms(a: GraphArrays) -> list[FloatArray]:
        return [a.length_m, a.duration_s, *_edge_terms(net, a, profile, path_rates)]

    _, (_, back_s, back_fuel, back_usd) = _sums_into(arrays, destinations, origins, terms(arrays))
    _, (out_m, out_s, out_fuel, out_usd) = _sums_into(into, destinations, origins, terms(into))

    # least-fuel paths: only their summed weight (the litres) is needed, nothing accumulated
    fuel_arrays = graph_arrays(net, parse_season(season), vehicle, _fuel_cost(profile, path_rates))
    back_l, _ = _sums_into(fuel_arrays, destinations, origins, [])
    out_l, _ = _sums_into(reversed_arrays(fuel_arrays), destinations, origins, [])
    return PhysicalLeg(
        out_m=out_m.T,
        out_s=out_s.T,
        out_fuel_l=out_fuel.T,
        out_usd=out_usd.T,
        back_s=back_s.T,
        back_fuel_l=back_fuel.T,
        back_usd=back_usd.T,
        trip_litres=out_l.T + back_l.T,
    )


def price_leg(
    leg: PhysicalLeg,
    *,
    profile: VehicleProfile,
    rates: CostRates,
    empty_return: float,
    hours_per_day: float,
) -> LegMatrix:
    """Trip costs and hours of a physical leg at ``rates`` (diesel, exchange rate, wages)."""
    crew_per_h = cost_per_hour_lak(profile, rates)
    out_h, back_h = leg.out_s / 3600.0, leg.back_s / 3600.0
    out_cost = leg.out_fuel_l * rates.diesel_lak_per_l + leg.out_usd * rates.lak_per_usd
    out_cost = out_cost + out_h * crew_per_h
    back_cost = leg.back_fuel_l * rates.diesel_lak_per_l + leg.back_usd * rates.lak_per_usd
    back_cost = back_cost + back_h * crew_per_h
    load_h = float(loading_time_s(profile.capacity_kg, rates)) / 3600.0
    fixed_per_h = fixed_cost_lak(profile, rates) / hours_per_day
    back = back_cost + back_h * fixed_per_h
    # an impassable return stays impassable even when no return cost is charged (0 x inf)
    with np.errstate(invalid="ignore"):  # 0 x inf where np.where keeps inf: no warning
        back = np.where(np.isfinite(back), empty_return * back, np.inf)
    cost = out_cost + out_h * fixed_per_h + back + load_h * (fixed_per_h + crew_per_h)
    return LegMatrix(
        profile=profile,
        distance_km=leg.out_m / 1000.0,
        trip_hours=out_h + back_h + load_h,
        trip_cost_lak=cost,
        trip_litres=leg.trip_litres,
    )


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
    leg = physical_leg(net, origins, destinations, season=season, profile=profile, path_rates=rates)
    return price_leg(
        leg, profile=profile, rates=rates, empty_return=empty_return, hours_per_day=hours_per_day
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
