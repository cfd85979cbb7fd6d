"""Consolidation pipeline: data files → network matrices → problem → solve → verified result.

Seasons (``season`` option):

- ``dry`` / ``wet``: the whole annual volume moves under that season's speeds and passability.
- ``year``: the volume is split by the harvest calendar (``data/harvest_calendar.csv`` and the
  arabica share) into dry- and wet-month volumes, solved in ONE model with both seasons' matrices;
  hubs opened serve both seasons, capacities are annual. Rule for wet-season access: a village
  whose collection vehicle cannot reach any candidate hub in the wet season has its wet-month
  volume shifted to the dry season (stored on the farm as parchment until the roads reopen); the
  villages are listed in :attr:`ConsolidationRun.shifted_to_dry`, never dropped.

All tonnes are GREEN-equivalent; collection weights follow the forms each village sells in
each season (:mod:`scenarios.consolidate.forms`).
"""

from __future__ import annotations

import logging

import numpy as np

from networks import RoadNetwork, load_network
from optimizer import (
    ConsolidationProblem,
    ConsolidationSolveParams,
    Gateway,
    Hub,
    Market,
    MarketDrop,
    SupplyPoint,
    drop_unserved_markets,
)
from scenarios.common import UnknownNameError
from scenarios.consolidate import reuse
from scenarios.consolidate.access import village_tracks
from scenarios.consolidate.corridor_prices import (
    financial_lak_per_t,
    price_corridors,
    truck_lak_per_h,
)
from scenarios.consolidate.matrices import LegMatrix, to_int_costs
from scenarios.consolidate.metrics import fidelity, metrics
from scenarios.consolidate.queues import gateway_queues
from scenarios.consolidate.records import (
    ConsolidateOptions,
    ConsolidationRun,
    Inputs,
    SnappedNetwork,
    forms_of,
    green_ratios,
)

logger = logging.getLogger(__name__)


def _periods(season: str) -> tuple[str, ...]:
    return ("dry", "wet") if season == "year" else (season,)


def _supply(
    inputs: Inputs, periods: tuple[str, ...], collection: dict[str, LegMatrix]
) -> tuple[tuple[SupplyPoint, ...], tuple[str, ...]]:
    points, shifted = [], []
    wet_share = np.full(len(inputs.villages), inputs.season_split["wet"])
    if inputs.forms and inputs.calendar:
        wet_share = forms_of(inputs).season_share["wet"]
    for i, v in enumerate(inputs.villages):
        total_kg = round(v.green_t * 1000)
        if len(periods) == 1:
            points.append(SupplyPoint(v.id, (total_kg,)))
            continue
        wet_kg = round(total_kg * float(wet_share[i]))
        if wet_kg and not np.isfinite(collection["wet"].trip_cost_lak[i]).any():
            shifted.append(v.id)
            wet_kg = 0
        points.append(SupplyPoint(v.id, (total_kg - wet_kg, wet_kg)))
    if shifted:
        logger.info(
            "%d villages unreachable in the wet season: volume shifted to dry", len(shifted)
        )
    return tuple(points), tuple(shifted)


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
    year = len(periods) == 2
    ratios = {p: green_ratios(inputs, p if year else "year") for p in periods}
    financial = 1.0 + inputs.params.lao_carrier_markup
    period_t = {p: sum(s.green_kg[i] for s in supply) / 1000 for i, p in enumerate(periods)}
    per_hour = truck_lak_per_h(inputs) * financial
    problem = ConsolidationProblem(
        periods=periods,
        supply=supply,
        hubs=hubs,
        gateways=gateways,
        corridors=price_corridors(inputs, options.enforce_markets),
        collection_lak_per_t=np.stack(
            [to_int_costs(financial_lak_per_t(collection[p], inputs, ratios[p])) for p in periods]
        ),
        trunk_lak_per_t=np.stack(
            [to_int_costs(financial_lak_per_t(trunk[p], inputs)) for p in periods]
        ),
        markets=tuple(Market(m.name, m.share) for m in inputs.markets)
        if options.enforce_markets
        else (),
        queues=gateway_queues(inputs, periods, period_t, per_hour),
        reroute_penalty_lak_per_t=None
        if options.market_rule == "fixed" or not options.enforce_markets
        else round(inputs.params.reroute_penalty_usd_per_t * lak),
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
    tracks = village_tracks(located_net.net, located_net.village_nodes)
    collection, trunk = reuse.leg_matrices(located_net, located_key, inputs, periods, tracks)
    problem, shifted = build_problem(inputs, options, collection, trunk)
    dropped: tuple[MarketDrop, ...] = ()
    if options.market_rule == "drop":
        problem, dropped = drop_unserved_markets(problem)
    params = ConsolidationSolveParams(
        time_limit_s=options.time_limit_s, hint_open_hubs=options.hint_open_hubs
    )
    result, explanation = reuse.solve(problem, params, explain=options.explain)
    lean = options.lean
    return ConsolidationRun(
        season=options.season,
        inputs=inputs,
        problem=problem,
        result=result,
        explanation=explanation,
        metrics=None if lean else metrics(inputs, problem, result, collection, trunk),
        fidelity=None if lean else fidelity(inputs, located_net, result, trunk, periods),
        shifted_to_dry=shifted,
        network=located_net,
        collection=collection,
        trunk=trunk,
        tracks=tracks,
        dropped=dropped,
        market_rule=options.market_rule,
    )
