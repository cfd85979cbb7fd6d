"""Fresh cherry reaches the mill in time: OR-Tools models it, verification checks every plan."""

from __future__ import annotations

import pytest

import optimizer.pickup.solve as solve_module
from optimizer import SolveParams, VerificationError, solve, verify
from optimizer.pickup.problem import Depot, Pickup, PickupProblem, VehicleType
from optimizer.pickup.solution import RawRoute, build_plan
from optimizer.pickup.solve import _portfolio_runs, _task
from tests.optimizer.pickup.test_vrp_cases import line_matrices


def cherry(
    limit_a: int | None, limit_b: int | None = None, count: int = 1, a_at: int = 10
) -> PickupProblem:
    """Depot 0, A at ``a_at`` (+10) and B +20 (1 kg each, 1 s and 1 kip per metre), 2 kg trucks.

    A at +10: 0-A-B-0 and 0-B-A-0 both cost 40; A rides 30 s in the first, 10 s in the second.
    """
    pickups = (Pickup("A", 1, max_ride_s=limit_a), Pickup("B", 1, max_ride_s=limit_b))
    fleet = (VehicleType("truck", 2, count=count),)
    return PickupProblem((Depot("mill"),), pickups, fleet, (line_matrices([0, a_at, 20]),))


def _ids(problem: PickupProblem, plan: object) -> list[tuple[str, ...]]:
    return sorted(
        tuple(problem.pickups[s.pickup].id for s in r.stops)
        for r in plan.routes  # type: ignore[attr-defined]
    )


@pytest.mark.parametrize("engine", ["ortools", "auto"])
def test_cherry_loaded_last_when_its_limit_demands(engine: str) -> None:
    """A may ride at most 25 s: the truck takes B first, then A (40 kip, A rides 10 s)."""
    problem = cherry(25)
    plan = solve(problem, SolveParams(engine=engine, time_limit_s=5, solution_limit=200))  # type: ignore[arg-type]
    assert _ids(problem, plan) == [("B", "A")] and plan.total_cost_lak == 40


def test_tight_limits_split_the_loads() -> None:
    """A at -10 within 15 s, B at +20 within 25 s: A-B makes A ride 50 s, B-A makes B ride 40 s;
    so two trucks, 0-A-0 (20) + 0-B-0 (40) = 60 kip."""
    problem = cherry(15, 25, count=2, a_at=-10)
    plan = solve(problem, SolveParams(engine="ortools", time_limit_s=5, solution_limit=200))  # type: ignore[arg-type]
    assert _ids(problem, plan) == [("A",), ("B",)] and plan.total_cost_lak == 60


def test_impossible_limit_is_screened_out() -> None:
    """A within 5 s cannot be met even straight back (10 s): dropped before any engine runs."""
    problem = cherry(5)
    plan = solve(problem, SolveParams(engine="ortools", time_limit_s=5, solution_limit=200))  # type: ignore[arg-type]
    (dropped,) = plan.dropped
    assert dropped.pickup == 0
    assert "fresh cherry cannot reach the depot within" in dropped.reason
    assert dropped.reason.endswith("h even on a direct trip")


def test_verify_rejects_stale_cherry() -> None:
    """0-A-B-0 with A limited to 25 s: A reaches the mill 30 s after loading."""
    problem = cherry(25)
    plan = build_plan(problem, [RawRoute(0, (0, 1))], [], "hand")
    with pytest.raises(VerificationError, match="'A' reaches the depot 30 s after loading"):
        verify(problem, plan)


def test_verify_checks_each_trip_at_its_reload() -> None:
    """Two trips A | B: A's trip ends at 20 s (ride 10 s), so a 10 s limit holds, 9 s does not."""
    fleet = (VehicleType("truck", 1, max_trips=2),)
    for limit, ok in ((10, True), (9, False)):
        problem = PickupProblem(
            (Depot("mill"),),
            (Pickup("A", 1, max_ride_s=limit), Pickup("B", 1)),
            fleet,
            (line_matrices([0, 10, 20]),),
        )
        plan = build_plan(problem, [RawRoute(0, (0, 1), (1,))], [], "hand")
        if ok:
            verify(problem, plan)
        else:
            with pytest.raises(VerificationError, match="beyond its freshness limit of 9 s"):
                verify(problem, plan)


def test_pyvrp_plan_repaired_by_loading_cherry_last(monkeypatch: pytest.MonkeyPatch) -> None:
    """PyVRP's A, B (A rides 30 s > 25 s) becomes B, A (A rides 10 s), same 40 kip, verified."""
    monkeypatch.setattr(solve_module, "_run_pyvrp", lambda task: [RawRoute(0, (0, 1))])
    problem = cherry(25)
    plan = solve(problem, SolveParams(engine="pyvrp", time_limit_s=1))  # type: ignore[arg-type]
    assert _ids(problem, plan) == [("B", "A")] and plan.total_cost_lak == 40
    assert plan.engine == "pyvrp + cherry last"


def test_pyvrp_alone_says_it_cannot_model_freshness(monkeypatch: pytest.MonkeyPatch) -> None:
    """A PyVRP plan the repair cannot save (both stops limited) is refused, naming the engines
    that model the limit."""
    monkeypatch.setattr(solve_module, "_run_pyvrp", lambda task: [RawRoute(0, (0, 1))])
    problem = cherry(15, 25, a_at=-10)
    with pytest.raises(VerificationError, match="PyVRP cannot model the freshness limit"):
        solve(problem, SolveParams(engine="pyvrp", time_limit_s=1))  # type: ignore[arg-type]


def test_portfolio_adds_ortools_for_cherry() -> None:
    """With a freshness limit, auto's two workers are PyVRP seed 0 and OR-Tools."""
    task, _ = _task(cherry(25), SolveParams())
    assert [(e, t.seed) for e, t in _portfolio_runs(task, 2)] == [("pyvrp", 0), ("ortools", 0)]
    assert [e for e, _ in _portfolio_runs(task, 1)] == ["pyvrp", "ortools"]
