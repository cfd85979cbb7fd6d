"""Consolidation pipeline: data files → network matrices → problem → solve → verified result.

Seasons (``season`` option):

- ``dry`` / ``wet``: the whole annual volume moves under that season's speeds and passability.
- ``year``: the volume is split by the harvest calendar (``data/harvest_calendar.csv`` and the
  arabica share) into dry- and wet-month volumes, solved in ONE model with both seasons' matrices;
  hubs opened serve both seasons, capacities are annual. Rule for wet-season access: a village
  whose collection vehicle cannot reach any candidate hub in the wet season has its wet-month
  volume shifted to the dry season (stored on the farm as parchment until the roads reopen); the
  villages are listed in :attr:`ConsolidationRun.shifted_to_dry`, never dropped.

All tonnes are GREEN-equivalent; collection weights use the village's collected product state.
"""

from __future__ import annotations

import logging

import numpy as np

from networks import RoadNetwork, load_network
from optimizer import (
    ConsolidationProblem,
    ConsolidationSolveParams,
    Corridor,
    Gateway,
    Hub,
    Market,
    SupplyPoint,
    cost_per_hour_lak,
    fixed_cost_lak,
)
from scenarios.common import UnknownNameError
from scenarios.consolidate import reuse
from scenarios.consolidate.matrices import LegMatrix, per_tonne_green, to_int_costs
from scenarios.consolidate.metrics import fidelity, metrics
from scenarios.consolidate.records import (
    ConsolidateOptions,
    ConsolidationRun,
    Inputs,
    SnappedNetwork,
    green_ratios,
)

logger = logging.getLogger(__name__)


def _periods(season: str) -> tuple[str, ...]:
    return ("dry", "wet") if season == "year" else (season,)


def _supply(
    inputs: Inputs, periods: tuple[str, ...], collection: dict[str, LegMatrix]
) -> tuple[tuple[SupplyPoint, ...], tuple[str, ...]]:
    points, shifted = [], []
    wet_share = inputs.season_split["wet"] if len(periods) == 2 else 0.0
    for i, v in enumerate(inputs.villages):
        total_kg = round(v.green_t * 1000)
        if len(periods) == 1:
            points.append(SupplyPoint(v.id, (total_kg,)))
            continue
        wet_kg = round(total_kg * wet_share)
        if wet_kg and not np.isfinite(collection["wet"].trip_cost_lak[i]).any():
            shifted.append(v.id)
            wet_kg = 0
        points.append(SupplyPoint(v.id, (total_kg - wet_kg, wet_kg)))
    if shifted:
        logger.info(
            "%d villages unreachable in the wet season: volume shifted to dry", len(shifted)
        )
    return tuple(points), tuple(shifted)


def _corridors(inputs: Inputs, enforce_markets: bool) -> tuple[Corridor, ...]:
    trunk = inputs.profile("trunk_vehicle")
    rates, payload_t = inputs.rates, trunk.capacity_kg / 1000
    per_hour = (
        cost_per_hour_lak(trunk, rates)
        + fixed_cost_lak(trunk, rates) / inputs.params.truck_hours_per_day
    )
    gateways = {g.id: g for g in inputs.gateways}
    out = []
    for spec in inputs.corridors:
        g = gateways[spec.gateway_id]
        markets = frozenset(
            m.name
            for m in inputs.markets
            if (m.served_by == "seaport" and spec.port_kind == "seaport")
            or m.served_by == f"gateway_country:{g.country}"
        )
        out.append(
            Corridor(
                id=spec.id,
                gateway_id=g.id,
                port=spec.port,
                border_fee_lak_per_t=round(g.fee_usd_per_truck * rates.lak_per_usd / payload_t),
                border_waiting_lak_per_t=round(g.expected_wait_h * per_hour / payload_t),
                onward_lak_per_t=round(
                    spec.road_km * g.onward_usd_per_km * rates.lak_per_usd / payload_t
                ),
                markets=markets if enforce_markets else frozenset(),
            )
        )
    return tuple(out)


def build_problem(
    inputs: Inputs,
    options: ConsolidateOptions,
    collection: dict[str, LegMatrix],
    trunk: dict[str, LegMatrix],
) -> tuple[ConsolidationProblem, tuple[str, ...]]:
    """The optimizer's problem for a season mode, and the villages shifted to the dry season."""
    periods = _periods(options.season)
    supply, shifted = _supply(inputs, periods, collection)
    lak = inputs.rates.lak_per_usd
    hubs = tuple(
        Hub(
            id=h.id,
            capacity_kg=round(h.capacity_t * 1000),
            fixed_cost_lak=round(h.fixed_cost_usd_per_yr * lak),
            handling_lak_per_t=round(h.handling_usd_per_t * lak),
            status=h.status,
        )
        for h in inputs.hubs
    )
    unknown = sorted(set(options.closed_gateways) - {g.id for g in inputs.gateways})
    if unknown:
        choices = ", ".join(g.id for g in inputs.gateways)
        msg = f"Unknown gateway(s) {', '.join(unknown)}. Choose from: {choices}."
        raise UnknownNameError(msg)
    gateways = tuple(
        Gateway(
            id=g.id,
            open_periods=frozenset() if g.id in options.closed_gateways else g.open_seasons,
            capacity_kg=round(g.capacity_t * 1000) if g.capacity_t is not None else None,
        )
        for g in inputs.gateways
    )
    ratios = green_ratios(inputs)
    problem = ConsolidationProblem(
        periods=periods,
        supply=supply,
        hubs=hubs,
        gateways=gateways,
        corridors=_corridors(inputs, options.enforce_markets),
        collection_lak_per_t=np.stack(
            [to_int_costs(per_tonne_green(collection[p], ratios)) for p in periods]
        ),
        trunk_lak_per_t=np.stack([to_int_costs(per_tonne_green(trunk[p], 1.0)) for p in periods]),
        markets=tuple(Market(m.name, m.share) for m in inputs.markets)
        if options.enforce_markets
        else (),
    )
    return problem, shifted


def run_consolidation(
    inputs: Inputs,
    options: ConsolidateOptions | None = None,
    *,
    net: RoadNetwork | None = None,
    net_key: str | None = None,
    located: tuple[SnappedNetwork, str | None] | None = None,
) -> ConsolidationRun:
    """Solve the consolidation for ``options.season`` on ``net`` (default: the embedded network).

    ``net_key`` names the content of ``net`` (the default network's is its source hash): with
    it, the located network and the leg matrices are reused across calls and processes
    (:mod:`scenarios.consolidate.reuse`); without it (a network of unknown content) they are
    computed afresh. Proven-optimal solves are reused by the content of the problem.
    ``located`` (a located network and its content key, e.g. one whose edges an uncertainty
    draw re-weighted) replaces the located network of ``net``.
    """
    options = options or ConsolidateOptions()
    if net is None:
        net = load_network()
        net_key = net_key or net.source.content_hash or None
    if located is None:
        located = reuse.located_network(net, net_key, inputs)
    located_net, located_key = located
    periods = _periods(options.season)
    collection, trunk = reuse.leg_matrices(located_net, located_key, inputs, periods)
    problem, shifted = build_problem(inputs, options, collection, trunk)
    params = ConsolidationSolveParams(
        time_limit_s=options.time_limit_s, hint_open_hubs=options.hint_open_hubs
    )
    result, explanation = reuse.solve(problem, params, explain=options.explain)
    return ConsolidationRun(
        season=options.season,
        inputs=inputs,
        problem=problem,
        result=result,
        explanation=explanation,
        metrics=metrics(inputs, problem, result, collection, trunk),
        fidelity=fidelity(inputs, located_net, result, trunk, periods),
        shifted_to_dry=shifted,
        network=located_net,
        collection=collection,
        trunk=trunk,
    )
