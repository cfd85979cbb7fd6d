"""Hired trucks beside the own fleet: used where cheaper, their cost reported apart."""

from __future__ import annotations

from dataclasses import replace

import pytest

from optimizer import SolveParams, VerificationError, solve, verify
from optimizer.pickup.problem import PickupProblem, VehicleType
from tests.optimizer.pickup.test_vrp_cases import four_stop_problem


def with_hire(own_count: int, hire_fixed_lak: int) -> PickupProblem:
    """Four stops (A +10, B +20, C -10, D -20; 1 kg each), trucks of 2 kg, one trip each.

    The own fleet has ``own_count`` trucks (no fixed cost); one truck for hire costs
    ``hire_fixed_lak`` per trip plus the same 1 kip per metre.
    """
    base = four_stop_problem(count=own_count)
    hired = VehicleType("hired truck", 2, count=1, fixed_cost_lak=hire_fixed_lak, hired=True)
    return PickupProblem(
        base.depots, base.pickups, (*base.vehicle_types, hired), (*base.matrices, base.matrices[0])
    )


@pytest.mark.parametrize("engine", ["ortools", "pyvrp"])
def test_hired_truck_takes_what_the_fleet_cannot(engine: str) -> None:
    """One own truck serves one side (40), the hired one the other (40 + 30): own 40, hired 70."""
    params = SolveParams(engine=engine, time_limit_s=5, solution_limit=200)  # type: ignore[arg-type]
    plan = solve(with_hire(1, 30), params)
    assert plan.dropped == ()
    assert (plan.own_cost_lak, plan.hired_cost_lak, plan.total_cost_lak) == (40, 70, 110)
    assert sorted(r.hired for r in plan.routes) == [False, True]


@pytest.mark.parametrize("engine", ["ortools", "pyvrp"])
def test_dear_hire_is_left_unused(engine: str) -> None:
    """Two own trucks cover the day for 80; a hired truck at 30 a trip would only add cost."""
    params = SolveParams(engine=engine, time_limit_s=5, solution_limit=200)  # type: ignore[arg-type]
    plan = solve(with_hire(2, 30), params)
    assert (plan.own_cost_lak, plan.hired_cost_lak) == (80, 0)


def test_verify_catches_a_route_passed_off_as_own() -> None:
    """A hired truck's route marked as own fleet fails: the flag is re-read from the problem."""
    problem = with_hire(1, 30)
    plan = solve(problem, SolveParams(engine="pyvrp", time_limit_s=5, solution_limit=200))  # type: ignore[arg-type]
    routes = tuple(replace(r, hired=False) for r in plan.routes)
    with pytest.raises(VerificationError, match="hired is False, its vehicle type's True"):
        verify(problem, replace(plan, routes=routes))
