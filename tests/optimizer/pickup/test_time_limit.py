"""An engine that stops early never loses stops silently: each is dropped with the true reason."""

from __future__ import annotations

import pytest

import optimizer.pickup.solve as solve_module
from optimizer import Engine, SolveParams, solve
from optimizer.pickup.solution import RawRoute, plan_status
from tests.optimizer.pickup.test_vrp_cases import four_stop_problem

PARAMS = SolveParams(engine=Engine.PYVRP, time_limit_s=0.5, seed=1)


def test_no_plan_in_time_gives_a_partial_plan_with_the_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """When the engine returns nothing within the limit, every stop is dropped, saying why."""
    monkeypatch.setattr(solve_module, "_run_pyvrp", lambda task: None)
    problem = four_stop_problem()
    plan = solve(problem, PARAMS)
    assert plan.routes == () and len(plan.dropped) == len(problem.pickups)
    assert all("no engine found a plan within the 0.5 s limit" in d.reason for d in plan.dropped)
    assert plan.engine == "pyvrp (no plan in time)"
    assert plan_status(problem, plan) == "partial"


def test_stops_left_with_idle_trucks_blame_the_search_not_the_fleet(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An engine stopped after one route: the others name the limit and the idle trucks."""
    problem = four_stop_problem(count=2)
    monkeypatch.setattr(solve_module, "_run_pyvrp", lambda task: [RawRoute(0, (0,))])
    plan = solve(problem, PARAMS)
    reasons = {d.reason for d in plan.dropped}
    assert len(plan.dropped) == len(problem.pickups) - 1
    assert reasons == {
        "not planned: the search stopped at its limit (0.5 s or the solution limit) with 1 "
        "suitable truck(s) unused; give a longer limit"
    }
