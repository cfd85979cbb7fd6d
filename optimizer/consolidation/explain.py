"""Why the plan looks as it does: the extra cost of each closed hub and each unused corridor."""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass

from optimizer.consolidation.model import (
    UNREACHABLE,
    ConsolidationProblem,
    ConsolidationResult,
)
from optimizer.consolidation.params import ConsolidationSolveParams
from optimizer.consolidation.solve import solve_consolidation
from optimizer.exceptions import InfeasibleProblemError

logger = logging.getLogger(__name__)

#: Re-solves stop at this relative gap (0.1 % of the total): differences smaller than that are
#: reported as "as cheap as the plan".
EXPLAIN_GAP = 1e-3


@dataclass(frozen=True, slots=True)
class ClosedHubNote:
    """Extra total cost (LAK) if a hub that was not opened were forced open, and per tonne."""

    hub_id: str
    extra_cost_lak: float | None
    extra_lak_per_t: float | None
    reason: str


@dataclass(frozen=True, slots=True)
class UnusedCorridorNote:
    """Per-tonne cost of an unused corridor minus the cheapest used one, from the same hub."""

    hub_id: str
    corridor_id: str
    period: str
    extra_lak_per_t: float | None
    reason: str


@dataclass(frozen=True, slots=True)
class Explanation:
    """Notes on closed hubs and unused corridors."""

    closed_hubs: tuple[ClosedHubNote, ...]
    unused_corridors: tuple[UnusedCorridorNote, ...]


def explain_consolidation(
    problem: ConsolidationProblem,
    result: ConsolidationResult,
    params: ConsolidationSolveParams | None = None,
    *,
    max_resolves: int = 12,
) -> Explanation:
    """Re-solve once per closed candidate hub (forced open); compare corridors arithmetically.

    ``max_resolves`` bounds the re-solves (hubs beyond it get ``None`` and a reason).
    """
    params = params or ConsolidationSolveParams()
    return Explanation(
        closed_hubs=_closed_hubs(problem, result, params, max_resolves),
        unused_corridors=_unused_corridors(problem, result),
    )


def _closed_hubs(
    problem: ConsolidationProblem,
    result: ConsolidationResult,
    params: ConsolidationSolveParams,
    max_resolves: int,
) -> tuple[ClosedHubNote, ...]:
    notes = []
    base = result.cost_lak.at_destination_lak
    tonnes = result.total_green_kg / 1000
    done = 0
    for hub in problem.hubs:
        if hub.id in result.open_hubs:
            continue
        if hub.status == "closed":
            notes.append(ClosedHubNote(hub.id, None, None, "closed by the input (status closed)"))
            continue
        if done >= max_resolves:
            notes.append(ClosedHubNote(hub.id, None, None, f"not evaluated (max {max_resolves})"))
            continue
        done += 1
        forced = dataclasses.replace(
            params,
            forced_open=(*params.forced_open, hub.id),
            relative_gap=max(params.relative_gap, EXPLAIN_GAP),
        )
        try:
            alt = solve_consolidation(problem, forced)
        except InfeasibleProblemError as exc:
            notes.append(ClosedHubNote(hub.id, None, None, f"infeasible if opened: {exc}"))
            continue
        extra = alt.cost_lak.at_destination_lak - base
        reason = (
            f"opening it costs {extra / tonnes:,.0f} LAK/t more"
            if extra > EXPLAIN_GAP * base
            else "as cheap as the plan within the solver gap"
        )
        notes.append(ClosedHubNote(hub.id, extra, extra / tonnes, reason))
    return tuple(notes)


def _unused_corridors(
    problem: ConsolidationProblem, result: ConsolidationResult
) -> tuple[UnusedCorridorNote, ...]:
    h_index = {h.id: i for i, h in enumerate(problem.hubs)}
    used = {(f.period, f.hub_id, f.corridor_id) for f in result.flows}
    notes = []
    for p, period in enumerate(problem.periods):
        for hub_id in result.open_hubs:
            h = h_index[hub_id]
            costs = {c.id: _corridor_lak_per_t(problem, p, h, c.id) for c in problem.corridors}
            used_here = [costs[c] for (pp, hh, c) in used if pp == period and hh == hub_id]
            best = min((x for x in used_here if x is not None), default=None)
            for corridor in problem.corridors:
                if (period, hub_id, corridor.id) in used:
                    continue
                notes.append(_corridor_note(problem, p, hub_id, corridor.id, costs, best))
    return tuple(notes)


def _corridor_note(
    problem: ConsolidationProblem,
    p: int,
    hub_id: str,
    corridor_id: str,
    costs: dict[str, float | None],
    best: float | None,
) -> UnusedCorridorNote:
    period = problem.periods[p]
    corridor = next(c for c in problem.corridors if c.id == corridor_id)
    gateway = problem.gateways[problem.gateway_index(corridor.gateway_id)]
    if period not in gateway.open_periods:
        return UnusedCorridorNote(hub_id, corridor_id, period, None, "gateway closed")
    cost = costs[corridor_id]
    if cost is None:
        return UnusedCorridorNote(hub_id, corridor_id, period, None, "no trunk road from the hub")
    if best is None:
        return UnusedCorridorNote(hub_id, corridor_id, period, None, "hub ships nothing")
    extra = cost - best
    return UnusedCorridorNote(
        hub_id, corridor_id, period, extra, f"{extra:,.0f} LAK/t more than the used corridor"
    )


def _corridor_lak_per_t(
    problem: ConsolidationProblem, p: int, h: int, corridor_id: str
) -> float | None:
    corridor = next(c for c in problem.corridors if c.id == corridor_id)
    trunk = int(problem.trunk_lak_per_t[p, h, problem.gateway_index(corridor.gateway_id)])
    if trunk == UNREACHABLE:
        return None
    return float(trunk + corridor.lak_per_t)
