"""Multi-day plans: one copy of the fleet per day; pickups with a window of days go on any.

:func:`with_days` turns a one-day problem into a multi-day one: every vehicle type is copied
once per day (same matrices, ``day`` set), and a pickup with ``earliest_day``/``latest_day`` may
ride only the copies of its window (:meth:`PickupProblem.allowed`). One routing model then
chooses the day of every flexible pickup; a pickup is dropped only when no day works.
:func:`split_by_day` cuts the verified plan back into one verified problem and plan per day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from optimizer.exceptions import VerificationError
from optimizer.pickup.matrices import TravelMatrices
from optimizer.pickup.problem import PickupProblem
from optimizer.pickup.solution import Dropped, PickupPlan, RawRoute, build_plan
from optimizer.pickup.verify import verify


def with_days(problem: PickupProblem, days: Sequence[int]) -> PickupProblem:
    """``problem`` with its fleet copied for each of ``days`` (named ``"<type> day <d>"``)."""
    if not days or len(set(days)) != len(days):
        msg = f"Expected distinct day numbers; got {list(days)}."
        raise ValueError(msg)
    types = []
    matrices = []
    for day in days:
        for vt, m in zip(problem.vehicle_types, problem.matrices, strict=True):
            types.append(replace(vt, name=f"{vt.name} day {day}", day=day))
            matrices.append(m)
    return PickupProblem(
        problem.depots, problem.pickups, tuple(types), tuple(matrices), season=problem.season
    )


@dataclass(frozen=True, eq=False)
class DaySlice:
    """One day of a multi-day plan: its own problem and verified plan.

    ``pickups[i]`` is the index, in the multi-day problem, of the day problem's pickup ``i``.
    """

    day: int
    pickups: tuple[int, ...]
    problem: PickupProblem
    plan: PickupPlan


def _drop_day(problem: PickupProblem, p: int, days: Sequence[int]) -> int:
    """The day a dropped pickup is reported on: the last day of its window (or the first)."""
    latest = problem.pickups[p].latest_day
    inside = [d for d in days if problem.pickups[p].on_day(d)]
    if latest is not None and inside:
        return inside[-1]
    return inside[0] if inside else days[0]


def _sub_matrices(m: TravelMatrices, nodes: list[int]) -> TravelMatrices:
    grid = np.ix_(nodes, nodes)
    return TravelMatrices(
        m.distance_m[grid], m.duration_s[grid], m.cost_lak[grid], m.reachable[grid]
    )


def _day_slice(
    problem: PickupProblem, plan: PickupPlan, day: int, dropped: list[Dropped]
) -> DaySlice:
    types = [k for k, vt in enumerate(problem.vehicle_types) if vt.day == day]
    routes = [r for r in plan.routes if r.day == day]
    served = [s.pickup for r in routes for s in r.stops]
    chosen = served + [d.pickup for d in dropped]
    new_index = {p: i for i, p in enumerate(chosen)}
    nodes = list(range(len(problem.depots))) + [problem.node(p) for p in chosen]
    sub = PickupProblem(
        problem.depots,
        tuple(problem.pickups[p] for p in chosen),
        tuple(
            replace(
                problem.vehicle_types[k],
                name=problem.vehicle_types[k].name.removesuffix(f" day {day}"),
            )
            for k in types
        ),
        tuple(_sub_matrices(problem.matrices[k], nodes) for k in types),
        season=problem.season,
    )
    raw = [
        RawRoute(
            types.index(r.vehicle_type),
            tuple(new_index[s.pickup] for s in r.stops),
            tuple(i for i in range(1, len(r.stops)) if r.stops[i].trip != r.stops[i - 1].trip),
        )
        for r in routes
    ]
    moved = [Dropped(new_index[d.pickup], d.reason) for d in dropped]
    day_plan = build_plan(sub, raw, moved, plan.engine)
    verify(sub, day_plan)
    return DaySlice(day, tuple(chosen), sub, day_plan)


def split_by_day(problem: PickupProblem, plan: PickupPlan) -> list[DaySlice]:
    """One verified problem and plan per day of a plan of :func:`with_days` (days in order).

    A dropped pickup is reported on the last day of its window (the first day without one).
    The day plans' costs sum to the multi-day plan's: the same routes, re-indexed.
    """
    days = sorted({vt.day for vt in problem.vehicle_types if vt.day is not None})
    if not days:
        msg = "Expected a multi-day problem (vehicle types with a day); got a one-day problem."
        raise ValueError(msg)
    by_day: dict[int, list[Dropped]] = {d: [] for d in days}
    for d in plan.dropped:
        by_day[_drop_day(problem, d.pickup, days)].append(d)
    slices = [_day_slice(problem, plan, day, by_day[day]) for day in days]
    total = sum(s.plan.total_cost_lak for s in slices)
    if total != plan.total_cost_lak:  # the same routes re-indexed: a mismatch is a defect
        msg = f"day plans cost {total} LAK, the multi-day plan {plan.total_cost_lak} LAK"
        raise VerificationError(msg)
    return slices
