"""Reuse across calls: located networks, physical leg matrices and proven-optimal solves.

Re-solving often (scenario batches, uncertainty and appraisal runs) must not redo work whose
inputs did not change. Each step is keyed by the content it depends on
(:mod:`scenarios.consolidate.cache`):

- the located network, by the network's content key and the sites' coordinates: shared by
  every scenario that does not touch the roads or move a site;
- the physical leg matrices (distance, duration, fuel litres and US$ terms along each
  least-cost path), by the located network, season, vehicle and the *reference* prices of
  ``data/cost_rates.toml``. Paths are always chosen at those reference prices, so a
  price-only change (diesel, exchange rate) re-prices the cached matrices with no new
  shortest-path run: trucks keep the base roads when only a price moves;
- solves, by the problem's content and the solve parameters, kept only when proven optimal
  with no clock limit: the answer is then the same on any machine, so reusing it is exact.

Set ``BOLAVEN_REUSE=off`` to compute everything afresh (benchmarks of cold runs).
"""

from __future__ import annotations

import dataclasses
import os
from typing import TYPE_CHECKING, Any

import numpy as np

from optimizer import (
    ConsolidationProblem,
    ConsolidationResult,
    ConsolidationSolveParams,
    CostRates,
    Explanation,
    explain_consolidation,
)
from optimizer import solve_consolidation as _solve
from scenarios.common import load_cost_rates
from scenarios.consolidate.access import VillageTracks, with_carry
from scenarios.consolidate.cache import cached, content_key
from scenarios.consolidate.locate import locate
from scenarios.consolidate.matrices import LegMatrix, physical_leg, price_leg
from scenarios.consolidate.records import Inputs, SnappedNetwork

if TYPE_CHECKING:
    from networks import RoadNetwork

__all__ = ["enabled", "leg_matrices", "located_network", "path_rates", "solve", "trunk_leg"]

PRICE_FIELDS = (
    "diesel_lak_per_l",
    "lak_per_usd",
    "lak_per_thb",
    "crew_wage_lak_per_hour",
    "loading_s_per_stop",
    "loading_s_per_tonne",
)
"""Cost-rate fields a scenario (or an uncertainty draw) may change without new shortest-path
runs: prices, wages and loading times enter the trip cost only through :func:`price_leg`,
never the physical terms along a path."""


def enabled() -> bool:
    """False when ``BOLAVEN_REUSE=off`` asks for everything to be computed afresh."""
    return os.environ.get("BOLAVEN_REUSE", "on").strip().lower() not in ("off", "0", "no")


def path_rates(rates: CostRates) -> CostRates:
    """``rates`` with the reference prices of ``data/cost_rates.toml``: paths are chosen there."""
    reference = load_cost_rates()
    return dataclasses.replace(rates, **{f: getattr(reference, f) for f in PRICE_FIELDS})


def _sites(net: RoadNetwork, inputs: Inputs) -> dict[str, Any]:
    return {
        "places": net.places,
        "villages": [(v.id, v.lat, v.lon) for v in inputs.villages],
        "hubs": [(h.id, h.place, h.lat, h.lon) for h in inputs.hubs],
        "gateways": [(g.id, g.place) for g in inputs.gateways],
        "max_connector_m": float(inputs.params.supply_max_connector_m),
    }


def located_network(
    net: RoadNetwork, net_key: str | None, inputs: Inputs
) -> tuple[SnappedNetwork, str | None]:
    """The located network and its key (None when ``net``'s content is unknown)."""
    reach_m = float(inputs.params.supply_max_connector_m)
    if net_key is None or not enabled():
        return locate(net, inputs, reach_m), None
    key = content_key("located", net_key, _sites(net, inputs))
    return cached(key, lambda: locate(net, inputs, reach_m)), key


def _leg(
    located: SnappedNetwork,
    located_key: str | None,
    origins: list[int],
    destinations: list[int],
    *,
    season: str,
    vehicle_key: str,
    inputs: Inputs,
    empty_return_key: str,
    kind: str,
) -> LegMatrix:
    profile = inputs.profile(vehicle_key)
    at = path_rates(inputs.rates)

    def compute() -> Any:
        return physical_leg(
            located.net, origins, destinations, season=season, profile=profile, path_rates=at
        )

    if located_key is None or not enabled():
        physical = compute()
    else:
        key = content_key("leg", located_key, kind, season, profile, at, origins)
        physical = cached(key, compute)
    return price_leg(
        physical,
        profile=profile,
        rates=inputs.rates,
        empty_return=float(getattr(inputs.params, empty_return_key)),
        hours_per_day=float(inputs.params.truck_hours_per_day),
    )


def _collection(
    located: SnappedNetwork,
    located_key: str | None,
    inputs: Inputs,
    period: str,
    tracks: VillageTracks,
) -> LegMatrix:
    """Village → hub leg; villages cut off for the vehicle are collected at their road end."""
    vehicle_key = f"collection_vehicle_{period}"

    def leg(origins: list[int], kind: str) -> LegMatrix:
        return _leg(
            located,
            located_key,
            origins,
            located.hub_nodes,
            season=period,
            vehicle_key=vehicle_key,
            inputs=inputs,
            empty_return_key="collection_empty_return",
            kind=kind,
        )

    village_leg = leg(located.village_nodes, "collection")
    cut = tracks.cut_off(period, inputs.profile(vehicle_key).network_class)
    if not cut.any():
        return village_leg
    ends = sorted({tracks.road_node[i] for i in np.flatnonzero(cut)})
    roadside = leg(ends, "roadside")
    at = {node: row for row, node in enumerate(ends)}
    rows = np.array([at.get(node, 0) for node in tracks.road_node])
    expanded = LegMatrix(
        profile=roadside.profile,
        distance_km=roadside.distance_km[rows],
        trip_hours=roadside.trip_hours[rows],
        trip_cost_lak=roadside.trip_cost_lak[rows],
        trip_litres=roadside.trip_litres[rows],
    )
    carry = inputs.params.carry_lak_per_tkm * tracks.track_km
    return with_carry(village_leg, expanded, cut, carry)


def leg_matrices(
    located: SnappedNetwork,
    located_key: str | None,
    inputs: Inputs,
    periods: tuple[str, ...],
    tracks: VillageTracks,
) -> tuple[dict[str, LegMatrix], dict[str, LegMatrix]]:
    """Collection (village → hub) and trunk (hub → gateway) legs of each period, priced.

    Villages whose track the season's collection vehicle cannot use are carried to the road
    (:mod:`scenarios.consolidate.access`).
    """
    collection, trunk = {}, {}
    for period in periods:
        collection[period] = _collection(located, located_key, inputs, period, tracks)
        trunk[period] = trunk_leg(located, located_key, inputs, period)
    return collection, trunk


def trunk_leg(
    located: SnappedNetwork, located_key: str | None, inputs: Inputs, season: str
) -> LegMatrix:
    """The trunk leg (hub → gateway, trunk vehicle) of ``season``, priced at ``inputs.rates``."""
    return _leg(
        located,
        located_key,
        located.hub_nodes,
        located.gateway_nodes,
        season=season,
        vehicle_key="trunk_vehicle",
        inputs=inputs,
        empty_return_key="trunk_empty_return",
        kind="trunk",
    )


def solve(
    problem: ConsolidationProblem, params: ConsolidationSolveParams, *, explain: bool
) -> tuple[ConsolidationResult, Explanation | None]:
    """Solve (and explain) ``problem``, reusing a proven-optimal solve of the same content.

    Nothing that stopped on the clock or before proving optimality is reused.
    """
    reusable = enabled() and params.time_limit_s is None
    if reusable:
        key = content_key("solve", problem, params)
        result = cached(key, lambda: _solve(problem, params), keep=lambda r: r.proven_optimal)
    else:
        result = _solve(problem, params)
    if not explain:
        return result, None
    if reusable and result.proven_optimal:
        explain_key = content_key("explain", problem, params)
        return result, cached(explain_key, lambda: explain_consolidation(problem, result, params))
    return result, explain_consolidation(problem, result, params)
