"""The independent plan check catches every kind of wrong plan fed to it by hand."""

from __future__ import annotations

from dataclasses import replace

import pytest

from optimizer import VerificationError, verify
from optimizer.pickup.problem import PickupProblem
from optimizer.pickup.solution import Dropped, PickupPlan, RawRoute, build_plan
from tests.optimizer.pickup.test_vrp_cases import (
    four_stop_problem,
    mixed_fleet_problem,
    window_problem,
)


def _plan(
    problem: PickupProblem,
    routes: list[tuple[int, tuple[int, ...]]],
    dropped: tuple[Dropped, ...] = (),
) -> PickupPlan:
    return build_plan(problem, [RawRoute(k, r) for k, r in routes], dropped, "hand")


def test_correct_plan_passes() -> None:
    """The hand-computed optimum of the four-stop case verifies."""
    problem = four_stop_problem()
    verify(problem, _plan(problem, [(0, (0, 1)), (0, (2, 3))]))


def test_mixed_plan_with_reasons_passes() -> None:
    """A plan with F on the 4x4 and H, I dropped with reasons verifies."""
    problem = mixed_fleet_problem()
    dropped = (Dropped(3, "unreachable"), Dropped(4, "too heavy"))
    verify(problem, _plan(problem, [(0, (0, 1)), (1, (2,))], dropped))


@pytest.mark.parametrize(
    ("case", "match"),
    [
        ("overload", "load 3 kg exceeds capacity 2 kg"),
        ("served_twice", "pickup 'A' served 2 times"),
        ("missing", "pickup 'D' is neither served nor listed as dropped"),
        ("served_and_dropped", "pickup 'D' is both served and dropped"),
        ("too_many_trucks", "3 routes for 'truck', only 2 available"),
        ("wrong_cost", "travel cost 79, recomputed 40"),
        ("no_reason", "has no reason"),
    ],
)
def test_wrong_four_stop_plans_are_caught(case: str, match: str) -> None:
    """Overload, double service, missing stop, fleet count, cost and reasons are checked."""
    problem = four_stop_problem()
    good = [(0, (0, 1)), (0, (2, 3))]
    plans = {
        "overload": _plan(problem, [(0, (0, 1, 2)), (0, (3,))]),
        "served_twice": _plan(problem, [(0, (0, 1)), (0, (2, 3, 0))]),
        "missing": _plan(problem, [(0, (0, 1)), (0, (2,))]),
        "served_and_dropped": _plan(problem, good, (Dropped(3, "x"),)),
        "too_many_trucks": _plan(problem, [(0, (0,)), (0, (1,)), (0, (2, 3))]),
        "no_reason": _plan(problem, [(0, (0, 1)), (0, (2,))], (Dropped(3, " "),)),
    }
    plan = _plan(problem, good)
    plans["wrong_cost"] = replace(
        plan, routes=(replace(plan.routes[0], travel_cost_lak=79), plan.routes[1])
    )
    with pytest.raises(VerificationError, match=match):
        verify(problem, plans[case])


def test_missed_window_is_caught() -> None:
    """Serving C first (wait to 40 s) brings A to 60 s, after its window ends at 15 s."""
    problem = window_problem()
    with pytest.raises(
        VerificationError, match="pickup 'A' served at 60 s, after its window ends at 15 s"
    ):
        verify(problem, _plan(problem, [(0, (2, 0, 1))]))


def test_driver_day_is_checked() -> None:
    """A route returning after the shift end is caught."""
    problem = window_problem()
    plan = _plan(problem, [(0, (0, 1, 2))])
    late = replace(plan, routes=(replace(plan.routes[0], end_s=5000),))
    with pytest.raises(VerificationError, match="after the driver's day ends at 1000 s"):
        verify(problem, late)


def test_forbidden_vehicle_is_caught() -> None:
    """Pickup F on the truck, which cannot reach it in this season, is caught."""
    problem = mixed_fleet_problem()
    dropped = (Dropped(3, "unreachable"), Dropped(4, "too heavy"))
    with pytest.raises(VerificationError, match="pickup 'F' is not reachable by truck"):
        verify(problem, _plan(problem, [(0, (0, 2)), (1, (1,))], dropped))


def test_fabricated_arrival_is_caught() -> None:
    """An arrival earlier than the driving time allows is caught."""
    problem = four_stop_problem()
    plan = _plan(problem, [(0, (0, 1)), (0, (2, 3))])
    route = plan.routes[0]
    fast = replace(route, stops=(replace(route.stops[0], arrival_s=1), *route.stops[1:]))
    with pytest.raises(VerificationError, match="served at 1 s, earliest is 10 s"):
        verify(problem, replace(plan, routes=(fast, plan.routes[1])))
