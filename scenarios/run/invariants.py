"""The check after every scenario solve: the baseline's plan, re-priced, bounds the optimum.

The baseline's plan (its open hubs, village-to-hub assignments and corridor flows) is priced
under the scenario's cost arrays, independently of the solver. When that plan is also a
feasible plan of the scenario (same volumes, hubs and corridors still there and reachable,
capacities and market shares kept), the scenario's optimum can never cost more than it: a
change that only lowers costs can never show a dearer tonne. A solve that breaks this is an
error naming both numbers, never a stored answer.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from optimizer import (
    ConsolidationProblem,
    ConsolidationResult,
    CostBreakdown,
    MarketFlow,
    VerificationError,
    cost_breakdown,
    verify_consolidation,
)

__all__ = [
    "InvariantCheck",
    "InvariantError",
    "check_not_dearer",
    "objective_lak",
    "reprice_plan",
]


class InvariantError(ValueError):
    """A scenario's optimum costs more than the baseline's plan re-priced for the scenario."""


@dataclass(frozen=True, slots=True)
class InvariantCheck:
    """Outcome of the check: the re-priced baseline plan, or why it does not apply (LAK/yr)."""

    baseline: str
    scenario_cost_lak: float
    baseline_plan_cost_lak: float | None
    note: str

    @property
    def applies(self) -> bool:
        """True when the baseline's plan is feasible for the scenario (the bound holds)."""
        return self.baseline_plan_cost_lak is not None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready mapping for a scenario result."""
        return {
            "baseline": self.baseline,
            "applies": self.applies,
            "scenario_cost_lak": self.scenario_cost_lak,
            "baseline_plan_cost_lak": self.baseline_plan_cost_lak,
            "note": self.note,
        }


def _hub_status_problem(problem: ConsolidationProblem, plan: ConsolidationResult) -> str | None:
    status = {h.id: h.status for h in problem.hubs}
    for hub_id in plan.open_hubs:
        if hub_id not in status:
            return f"hub {hub_id} of the baseline plan is not in the scenario"
        if status[hub_id] == "closed":
            return f"hub {hub_id} of the baseline plan is closed in the scenario"
    forced = sorted(h for h, s in status.items() if s == "open" and h not in plan.open_hubs)
    if forced:
        return f"the scenario forces open hub(s) the baseline plan leaves shut: {', '.join(forced)}"
    return None


def objective_lak(
    problem: ConsolidationProblem, cost: CostBreakdown, market_flows: Iterable[MarketFlow]
) -> float:
    """What the optimizer minimises: the landed cost at destination plus the re-routing
    priority on market volume that leaves through another market's corridors."""
    penalty = problem.reroute_penalty_lak_per_t or 0
    corridors = {c.id: c for c in problem.corridors}
    rerouted_t = sum(
        m.green_kg / 1000
        for m in market_flows
        if m.market_id not in corridors[m.corridor_id].markets
    )
    return float(cost.at_destination_lak) + rerouted_t * penalty


def reprice_plan(
    problem: ConsolidationProblem, plan: ConsolidationResult
) -> tuple[float | None, str]:
    """The cost (LAK) of ``plan`` under ``problem``'s arrays, or None and why it is infeasible.

    The plan must move exactly the problem's volumes through hubs and corridors the problem
    has, reachable and open in each period, within capacities and market shares (the
    optimizer's independent verification, with the parts recomputed from ``problem``).
    """
    reason = _hub_status_problem(problem, plan)
    if reason is not None:
        return None, reason
    try:
        cost = cost_breakdown(
            problem, plan.open_hubs, plan.assignments, plan.flows, plan.market_flows
        )
        repriced = dataclasses.replace(plan, cost_lak=cost)
        verify_consolidation(problem, repriced)
    except (KeyError, ValueError, VerificationError) as exc:
        text = str(exc).strip("'\"") or type(exc).__name__
        return None, f"the baseline plan is not feasible for the scenario ({text})"
    repriced_lak = objective_lak(problem, cost, plan.market_flows)
    return repriced_lak, "the baseline plan is feasible for the scenario"


def check_not_dearer(
    problem: ConsolidationProblem,
    result: ConsolidationResult,
    plan: ConsolidationResult,
    *,
    baseline: str = "baseline",
) -> InvariantCheck:
    """Check that ``result`` (the scenario's optimum) costs no more than ``plan`` re-priced.

    The tolerance is the solve's proven gap (the optimum may lie that far below the plan
    found) plus 1 LAK of rounding.

    Raises
    ------
    InvariantError
        Naming the scenario's cost and the re-priced baseline plan's cost, when the plan is
        feasible for the scenario and cheaper beyond the tolerance.
    """
    total = objective_lak(problem, result.cost_lak, result.market_flows)
    repriced, note = reprice_plan(problem, plan)
    if repriced is not None and total - repriced > max(result.mip_gap, 0.0) * total + 1.0:
        msg = (
            f"invariant broken: the scenario's optimum costs {total:,.0f} LAK/yr, more than "
            f"the {baseline} plan re-priced under the scenario's costs ({repriced:,.0f} LAK/yr), "
            "which is feasible for the scenario; the solve is wrong and its result is not stored"
        )
        raise InvariantError(msg)
    return InvariantCheck(baseline, total, repriced, note)
