"""Flexible pickup days: one model over day copies of the fleet chooses each pickup's day."""

from __future__ import annotations

import pytest

from optimizer import Pickup, SolveParams, VerificationError, solve, verify
from optimizer.pickup.days import split_by_day, with_days
from optimizer.pickup.problem import Depot, PickupProblem, VehicleType
from optimizer.pickup.solution import RawRoute, build_plan
from tests.optimizer.pickup.test_vrp_cases import line_matrices

NO_ROOM = "no vehicle capacity or driver time left in the fleet on any day of its window"


def harvest_week() -> PickupProblem:
    """One 2 kg truck, one trip a day, days 1-3; stops on a line (1 kip per metre).

    B +20 (day 1 only), A +10 (days 1-2), C -10 (days 2-3), E -30 (days 1-3), D +5 (days 4-5),
    2 kg each (D 1 kg). Day 1 must take B, so A takes day 2 and C day 3: 40 + 20 + 20 = 80
    kip. E finds no free day (serving it instead of B costs 100, of C 120); D has no truck in
    its window.
    """
    pickups = (
        Pickup("B", 2, earliest_day=1, latest_day=1),
        Pickup("A", 2, earliest_day=1, latest_day=2),
        Pickup("C", 2, earliest_day=2, latest_day=3),
        Pickup("E", 2, earliest_day=1, latest_day=3),
        Pickup("D", 1, earliest_day=4, latest_day=5),
    )
    one_day = PickupProblem(
        (Depot("mill"),),
        pickups,
        (VehicleType("truck", 2),),
        (line_matrices([0, 20, 10, -10, -30, 5]),),
    )
    return with_days(one_day, [1, 2, 3])


@pytest.mark.parametrize("engine", ["ortools", "pyvrp", "auto"])
def test_planner_chooses_the_days(engine: str) -> None:
    """B day 1, A day 2, C day 3 for 80 kip; E and D dropped, each with its own reason."""
    problem = harvest_week()
    params = SolveParams(engine=engine, time_limit_s=5, solution_limit=200)  # type: ignore[arg-type]
    plan = solve(problem, params)
    days = {problem.pickups[s.pickup].id: r.day for r in plan.routes for s in r.stops}
    assert days == {"B": 1, "A": 2, "C": 3}
    assert plan.total_cost_lak == 80
    reasons = {problem.pickups[d.pickup].id: d.reason for d in plan.dropped}
    assert reasons == {
        "E": f"{NO_ROOM} (days 1 to 3)",
        "D": "no truck works on a day of its window (days 4 to 5)",
    }


def test_split_gives_one_verified_plan_per_day() -> None:
    """Day plans: B (40), A (20), C (20) with E dropped on its last day 3, D on day 1."""
    problem = harvest_week()
    plan = solve(problem, SolveParams(engine="pyvrp", time_limit_s=5, solution_limit=200))  # type: ignore[arg-type]
    slices = split_by_day(problem, plan)
    assert [s.day for s in slices] == [1, 2, 3]
    assert [s.plan.total_cost_lak for s in slices] == [40, 20, 20]
    ids = [[p.id for p in s.problem.pickups] for s in slices]
    assert ids == [["B", "D"], ["A"], ["C", "E"]]
    assert slices[0].problem.vehicle_types[0].name == "truck"
    assert slices[2].pickups == (2, 3)


def test_verify_rejects_a_day_outside_the_window() -> None:
    """A collected on day 3 (its window is days 1-2) fails verification, naming the window."""
    problem = harvest_week()
    plan = build_plan(
        problem,
        [RawRoute(0, (0,)), RawRoute(2, (1,))],
        [],
        "hand",
    )
    with pytest.raises(
        VerificationError, match=r"'A' collected on day 3, outside its window 1\.\.2"
    ):
        verify(problem, plan)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"earliest_day": 3, "latest_day": 2}, "expected days 0 <= earliest_day <= latest_day"),
        ({"earliest_day": -1}, "expected days 0 <= earliest_day <= latest_day; got -1..None"),
    ],
)
def test_bad_day_windows(kwargs: dict[str, int], match: str) -> None:
    """A reversed or negative window is refused, naming both ends."""
    with pytest.raises(ValueError, match=match):
        Pickup("X", 1, **kwargs)  # type: ignore[arg-type]


def test_with_days_refuses_repeated_days() -> None:
    """Day numbers of a multi-day problem are distinct."""
    with pytest.raises(ValueError, match=r"Expected distinct day numbers; got \[1, 1\]"):
        with_days(harvest_week(), [1, 1])
