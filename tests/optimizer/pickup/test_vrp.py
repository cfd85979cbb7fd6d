"""Known-answer and invariant tests for solve() with the real OR-Tools and PyVRP engines."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from optimizer import (
    Depot,
    Pickup,
    PickupProblem,
    SolveParams,
    TravelMatrices,
    VehicleType,
    solve,
    verify,
)
from optimizer.exceptions import InfeasibleProblemError
from optimizer.pickup.solution import plan_status
from tests.optimizer.pickup.test_vrp_cases import (
    four_stop_problem,
    line_matrices,
    mixed_fleet_problem,
    random_problem,
    window_problem,
)

ENGINES = ("ortools", "pyvrp")


def _params(engine: str, **kw: object) -> SolveParams:
    return SolveParams(engine=engine, time_limit_s=2.0, solution_limit=200, **kw)  # type: ignore[arg-type]


def _route_ids(problem: PickupProblem, plan: object) -> set[tuple[str, ...]]:
    return {
        tuple(problem.pickups[s.pickup].id for s in r.stops)
        for r in plan.routes  # type: ignore[attr-defined]
    }


@pytest.mark.parametrize("engine", ENGINES)
def test_four_stops_known_optimum(engine: str) -> None:
    """Two trucks of 2 kg serve A,B and C,D for 80 kip, the hand-computed optimum."""
    problem = four_stop_problem()
    plan = solve(problem, _params(engine))
    assert plan.total_cost_lak == 80
    assert plan.distance_m == 80
    normalised = {tuple(sorted(r)) for r in _route_ids(problem, plan)}
    assert normalised == {("A", "B"), ("C", "D")}
    assert plan.dropped == ()
    assert plan_status(problem, plan) == "feasible"


@pytest.mark.parametrize("engine", ENGINES)
def test_windows_force_the_order(engine: str) -> None:
    """Windows force A, B, C with service starting at 10, 20 and 50 s."""
    problem = window_problem()
    plan = solve(problem, _params(engine))
    (route,) = plan.routes
    assert [problem.pickups[s.pickup].id for s in route.stops] == ["A", "B", "C"]
    assert [s.arrival_s for s in route.stops] == [10, 20, 50]
    assert [s.load_after_kg for s in route.stops] == [1, 2, 3]
    assert route.end_s == 60 and route.cost_lak == 60


@pytest.mark.parametrize("engine", ENGINES)
def test_mixed_fleet_restrictions_and_drops(engine: str) -> None:
    """F goes on the 4x4 only; H is unreachable in the wet season; I is too heavy."""
    problem = mixed_fleet_problem()
    plan = solve(problem, _params(engine))
    reasons = {problem.pickups[d.pickup].id: d.reason for d in plan.dropped}
    assert reasons == {
        "H": "unreachable in the wet season by any available vehicle class",
        "I": "weight 50 kg exceeds the largest vehicle capacity 10 kg",
    }
    for route in plan.routes:
        ids = [problem.pickups[s.pickup].id for s in route.stops]
        if "F" in ids:
            assert route.vehicle.startswith("4x4")
    assert plan_status(problem, plan) == "partial"


@pytest.mark.parametrize("engine", ENGINES)
def test_optional_far_stop_dropped_at_penalty(engine: str) -> None:
    """An optional stop 500 m away with a 100 kip penalty is dropped; objective = 0 + 100."""
    base = four_stop_problem(count=1, capacity_kg=10)
    far = Pickup("far", 1, required=False, penalty_lak=100)
    problem = PickupProblem(
        base.depots,
        (*base.pickups, far),
        base.vehicle_types,
        (line_matrices([0, 10, 20, -10, -20, 500]),),
    )
    plan = solve(problem, _params(engine))
    assert [problem.pickups[d.pickup].id for d in plan.dropped] == ["far"]
    assert plan.dropped[0].reason.startswith("optional: serving it costs more")
    assert plan.total_cost_lak == 80 and plan.penalty_lak == 100 and plan.objective == 180


@pytest.mark.parametrize("engine", ENGINES)
def test_random_plans_keep_invariants(engine: str) -> None:
    """Random timed, mixed-fleet problems: every plan passes the independent check."""
    for seed in (1, 2):
        problem = random_problem(seed)
        plan = solve(problem, _params(engine, seed=seed))
        verify(problem, plan)
        served = [s.pickup for r in plan.routes for s in r.stops]
        assert len(served) == len(set(served))
        assert len(served) + len(plan.dropped) == len(problem.pickups)


@pytest.mark.parametrize("engine", ENGINES)
def test_same_inputs_seed_and_limit_give_same_plan(engine: str) -> None:
    """Determinism: two runs with the same seed and solution limit return identical plans."""
    problem = random_problem(3)
    first = solve(problem, _params(engine, seed=7))
    second = solve(problem, _params(engine, seed=7))
    assert first == second


def test_auto_returns_best_verified_plan() -> None:
    """auto's portfolio includes PyVRP's own run (same seed): never worse than PyVRP alone."""
    problem = random_problem(4)
    alone = solve(problem, _params("pyvrp"))
    auto = solve(problem, _params("auto"))
    assert auto.engine.startswith("auto (pyvrp seed ")
    assert auto.objective <= alone.objective


def test_no_candidates_gives_empty_plan() -> None:
    """When every pickup is screened out the plan is empty and lists each with its reason."""
    problem = PickupProblem(
        (Depot("d"),),
        (Pickup("H", 1), Pickup("I", 50)),
        (VehicleType("truck", 10),),
        (line_matrices([0, 1000, 5], blocked=[1]),),
        season="dry",
    )
    plan = solve(problem, _params("ortools"))
    assert plan.routes == ()
    assert [d.reason for d in plan.dropped] == [
        "unreachable in the dry season by any available vehicle class",
        "weight 50 kg exceeds the largest vehicle capacity 10 kg",
    ]


def test_infeasible_engine_result_is_an_error() -> None:
    """InfeasibleProblemError is a ValueError so the CLI can report it in one line."""
    assert issubclass(InfeasibleProblemError, ValueError)


def test_pyvrp_reloads_for_a_second_trip() -> None:
    """One 2 kg truck allowed two trips serves all four stops: A,B then C,D for 80 kip."""
    base = four_stop_problem(count=1)
    truck = replace(base.vehicle_types[0], max_trips=2)
    problem = PickupProblem(base.depots, base.pickups, (truck,), base.matrices)
    plan = solve(problem, _params("pyvrp"))
    (route,) = plan.routes
    assert plan.total_cost_lak == 80 and route.trips == 2 and plan.dropped == ()
    assert [s.load_after_kg for s in route.stops] == [1, 2, 1, 2]


def test_auto_prefers_serving_required_pickups() -> None:
    """auto uses PyVRP, which plans the two trips OR-Tools cannot, and serves every stop."""
    base = four_stop_problem(count=1)
    truck = replace(base.vehicle_types[0], max_trips=2)
    problem = PickupProblem(base.depots, base.pickups, (truck,), base.matrices)
    plan = solve(problem, _params("auto"))
    assert plan.engine.startswith("auto (pyvrp seed ") and plan.dropped == ()


@pytest.mark.parametrize("engine", ENGINES)
def test_over_full_day_drops_with_reason(engine: str) -> None:
    """Six 1 kg stops for one 2 kg truck: two are served, four dropped as no capacity left."""
    base = four_stop_problem(count=1)
    pickups = (*base.pickups, Pickup("E", 1), Pickup("F", 1))
    problem = PickupProblem(
        base.depots, pickups, base.vehicle_types, (line_matrices([0, 10, 20, -10, -20, 5, -5]),)
    )
    plan = solve(problem, _params(engine))
    assert len(plan.routes) == 1 and len(plan.routes[0].stops) == 2
    assert {d.reason for d in plan.dropped} == {
        "no vehicle capacity or driver time left in the fleet for this day"
    }
    assert plan_status(problem, plan) == "partial"


def _bad_problem(case: str) -> object:
    base = four_stop_problem()
    m = base.matrices[0]
    builders = {
        "zero weight": lambda: Pickup("A", 0),
        "reversed window": lambda: Pickup("A", 1, tw_start_s=100, tw_end_s=50),
        "negative penalty": lambda: Pickup("A", 1, penalty_lak=-1),
        "zero capacity": lambda: VehicleType("t", 0),
        "zero count": lambda: VehicleType("t", 1, count=0),
        "zero trips": lambda: VehicleType("t", 1, max_trips=0),
        "duplicate ids": lambda: PickupProblem(
            base.depots, (Pickup("A", 1),) * 4, base.vehicle_types, base.matrices
        ),
        "wrong size": lambda: PickupProblem(
            base.depots, base.pickups[:3], base.vehicle_types, base.matrices
        ),
        "depot index": lambda: PickupProblem(
            base.depots, base.pickups, (VehicleType("t", 1, depot=3),), base.matrices
        ),
        "negative distance": lambda: TravelMatrices.from_float(-m.distance_m, m.duration_s),
        "bad engine": lambda: SolveParams(engine="gurobi"),  # type: ignore[arg-type]
        "bad time": lambda: SolveParams(time_limit_s=0),
    }
    return builders[case]()


@pytest.mark.parametrize(
    ("case", "match"),
    [
        ("zero weight", "pickup 'A': expected weight_kg to be an integer > 0; got 0"),
        ("reversed window", r"expected tw_end_s >= tw_start_s; got window 100..50 \(reversed\)"),
        ("negative penalty", "expected penalty_lak >= 0"),
        ("zero capacity", "vehicle type 't': expected capacity_kg > 0; got 0"),
        ("zero count", "expected count >= 1; got 0"),
        ("zero trips", "expected max_trips >= 1; got 0"),
        ("duplicate ids", "Expected unique pickup ids; 'A' appears more than once"),
        ("wrong size", r"expected matrices of size 4x4 \(1 depots \+ 3 pickups\); got 5x5"),
        ("depot index", "depot index 3 out of range 0..0"),
        ("negative distance", "expected distances, durations and costs >= 0"),
        ("bad engine", "Unknown engine 'gurobi'. Choose from: auto, ortools, pyvrp"),
        ("bad time", "Expected time_limit_s > 0; got 0"),
    ],
)
def test_bad_problem_inputs(case: str, match: str) -> None:
    """Each invalid record says what was expected and what was received."""
    with pytest.raises(ValueError, match=match):
        _bad_problem(case)


def test_scaling_warning_on_overflow_risk() -> None:
    """Float values too large for safe integer sums raise a ScalingWarning at conversion."""
    from optimizer import ScalingWarning

    big = np.array([[0.0, 1e17], [1e17, 0.0]])
    with pytest.warns(ScalingWarning, match="risks integer overflow"):
        TravelMatrices.from_float(big, big)


def test_unreachable_pairs_become_mask() -> None:
    """inf in a float matrix marks the pair unreachable and gets a large finite integer."""
    m = TravelMatrices.from_float([[0, np.inf], [5.4, 0]], [[0, 1], [2, 0]])
    assert m.reachable.tolist() == [[True, False], [True, True]]
    assert m.distance_m[1, 0] == 5 and m.distance_m[0, 1] > 5
