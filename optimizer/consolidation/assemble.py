"""One result assembly for every engine: solver values in, a :class:`ConsolidationResult` out.

Engines report what they found as :class:`RawSolution` (open hub indices and real-valued kg per
variable) and how they stopped as :class:`SolveStats`; :func:`assemble_result` turns both into
whole-kg records that keep every total and capacity (:mod:`optimizer.consolidation.rounding`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from optimizer.consolidation.checks import market_targets_kg
from optimizer.consolidation.costs import cost_breakdown
from optimizer.consolidation.model import (
    Assignment,
    ConsolidationProblem,
    ConsolidationResult,
    CorridorFlow,
    MarketFlow,
    SolveStatus,
)
from optimizer.consolidation.rounding import round_to_totals

Key = tuple[int, int, int]
"""``(period, village, hub)``, ``(period, hub, corridor)`` or ``(period, corridor, market)``."""


@dataclass(frozen=True, slots=True)
class RawSolution:
    """An engine's values: open hubs (indices) and kg per assignment, flow and market variable."""

    open_hubs: tuple[int, ...]
    assign_kg: dict[Key, float]
    flow_kg: dict[Key, float]
    market_kg: dict[Key, float]


@dataclass(frozen=True, slots=True)
class SolveStats:
    """How the engine stopped: status, proven gap, gap asked for, work, model size, seconds."""

    status: SolveStatus
    mip_gap: float
    gap_limit: float
    nodes: int
    num_variables: int
    solve_time_s: float


def solve_status(*, proven: bool, clock: bool) -> SolveStatus:
    """``optimal`` if proven; ``time_limit`` if the clock stopped it; else the work limit did."""
    if proven:
        return "optimal"
    return "time_limit" if clock else "feasible"


def assemble_result(
    problem: ConsolidationProblem, raw: RawSolution, stats: SolveStats
) -> ConsolidationResult:
    """Round the engine's values to whole kg and build the (not yet verified) result."""
    periods = problem.periods
    assigned = _round_assignments(problem, raw)
    hub_in: dict[tuple[int, int], int] = defaultdict(int)
    assignments = []
    for (p, v, h), kg in assigned.items():
        if kg <= 0:
            continue
        hub_in[p, h] += kg
        cost = round(kg * int(problem.collection_lak_per_t[p, v, h]) / 1000)
        assignments.append(
            Assignment(periods[p], problem.supply[v].id, problem.hubs[h].id, kg, cost)
        )
    flow_kg = _round_flows(problem, raw, hub_in)
    market_kg = _round_markets(problem, raw, flow_kg)
    flows = tuple(
        CorridorFlow(
            period=periods[p],
            hub_id=problem.hubs[h].id,
            corridor_id=problem.corridors[c].id,
            gateway_id=problem.corridors[c].gateway_id,
            port=problem.corridors[c].port,
            green_kg=kg,
        )
        for (p, h, c), kg in flow_kg.items()
        if kg > 0
    )
    market_flows = tuple(
        MarketFlow(periods[p], problem.corridors[c].id, problem.markets[k].id, kg)
        for (p, c, k), kg in market_kg.items()
        if kg > 0
    )
    open_hubs = tuple(problem.hubs[h].id for h in sorted(raw.open_hubs))
    return ConsolidationResult(
        status=stats.status,
        mip_gap=stats.mip_gap,
        open_hubs=open_hubs,
        assignments=tuple(assignments),
        flows=flows,
        market_flows=market_flows,
        cost_lak=cost_breakdown(problem, open_hubs, tuple(assignments), flows, market_flows),
        total_green_kg=problem.total_kg,
        num_variables=stats.num_variables,
        solve_time_s=stats.solve_time_s,
        nodes=stats.nodes,
        gap_limit=stats.gap_limit,
    )


def _round_assignments(problem: ConsolidationProblem, raw: RawSolution) -> dict[Key, int]:
    """Each village's period volume exactly; each open hub within its annual capacity."""
    opened = set(raw.open_hubs)
    values = {k: kg for k, kg in raw.assign_kg.items() if k[2] in opened}
    totals = {
        (p, v): s.green_kg[p]
        for p in range(len(problem.periods))
        for v, s in enumerate(problem.supply)
    }
    capacity = {h: problem.hubs[h].capacity_kg for h in opened}
    return round_to_totals(
        values,
        group=lambda k: (k[0], k[1]),
        column=lambda k: k[2],
        totals=totals,
        capacity=capacity,
    )


def _round_flows(
    problem: ConsolidationProblem, raw: RawSolution, hub_in: dict[tuple[int, int], int]
) -> dict[Key, int]:
    """Each hub sends out what it receives; each gateway within its capacity."""
    capacity = {
        (p, g.id): cap
        for p in range(len(problem.periods))
        for g in problem.gateways
        if (cap := problem.gateway_max_kg(g.id, p)) is not None
    }
    return round_to_totals(
        raw.flow_kg,
        group=lambda k: (k[0], k[1]),
        column=lambda k: (k[0], problem.corridors[k[2]].gateway_id),
        totals=hub_in,
        capacity=capacity,
    )


def _round_markets(
    problem: ConsolidationProblem, raw: RawSolution, flow_kg: dict[Key, int]
) -> dict[Key, int]:
    """Each corridor's volume credited to its markets; each market gets its share exactly."""
    if not problem.markets:
        return {}
    corridor_in: dict[tuple[int, int], int] = defaultdict(int)
    for (p, _, c), kg in flow_kg.items():
        corridor_in[p, c] += kg
    targets = {
        (p, k): kg
        for p in range(len(problem.periods))
        for k, kg in enumerate(market_targets_kg(problem, p))
    }
    return round_to_totals(
        raw.market_kg,
        group=lambda k: (k[0], k[1]),
        column=lambda k: (k[0], k[2]),
        totals=corridor_in,
        capacity=targets,
    )
