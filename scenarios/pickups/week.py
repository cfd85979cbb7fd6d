"""Flexible pickup days: rows with ``earliest_day``/``latest_day`` make one model of all days.

The whole file becomes one problem over every day from the first to the last day it names
(:func:`optimizer.pickup.days.with_days`: one copy of the fleet per day). A row with a ``day``
keeps that day, a row with neither joins the first day (as in a file without windows), a window
with one end open reaches the first or last day. The engines choose each flexible pickup's day;
a pickup is dropped only when no day of its window has room, with that reason. The verified plan
is then cut into one verified plan per day, so reports and driver sheets read as before.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from optimizer import (
    PickupPlan,
    PickupProblem,
    SolveParams,
    solve,
    split_by_day,
    verify,
    with_days,
)
from scenarios.pickups.budget import day_budgets
from scenarios.pickups.io import PickupRecord
from scenarios.pickups.records import FloatArray

__all__ = [
    "DayInputs",
    "WeekDay",
    "has_windows",
    "plan_week",
    "planning_days",
    "solve_week",
    "with_snap_reasons",
]

#: What the pipeline builds for a set of rows: the problem, the row behind each pickup, litres
#: matrices per vehicle type, and the drop reasons of pickups off the road network.
DayInputs = tuple[PickupProblem, tuple[PickupRecord, ...], tuple[FloatArray, ...], dict[int, str]]


def has_windows(records: Sequence[PickupRecord]) -> bool:
    """Whether any row gives a window of days (then the file is planned as one model)."""
    return any(r.flexible for r in records)


def planning_days(records: Sequence[PickupRecord]) -> list[int]:
    """Every day from the first to the last day the file names (day or window ends)."""
    named = [d for r in records for d in (r.day, r.earliest_day, r.latest_day) if d is not None]
    return list(range(min(named), max(named) + 1))


def _window(record: PickupRecord, days: Sequence[int]) -> tuple[int, int]:
    if record.day is not None:
        return record.day, record.day
    if not record.flexible:
        return days[0], days[0]
    low = days[0] if record.earliest_day is None else record.earliest_day
    high = days[-1] if record.latest_day is None else record.latest_day
    return low, high


def with_snap_reasons(
    problem: PickupProblem, plan: PickupPlan, snap_reasons: Mapping[int, str]
) -> PickupPlan:
    """``plan`` with the drop reason of each pickup off the road network, re-verified."""
    if not snap_reasons:
        return plan
    dropped = tuple(replace(d, reason=snap_reasons.get(d.pickup, d.reason)) for d in plan.dropped)
    plan = replace(plan, dropped=dropped)
    verify(problem, plan)
    return plan


@dataclass(frozen=True, eq=False)
class WeekDay:
    """One day cut from the multi-day plan: its rows, problem, plan and litres matrices."""

    day: int
    records: tuple[PickupRecord, ...]
    problem: PickupProblem
    plan: PickupPlan
    litres: tuple[FloatArray, ...]


def solve_week(
    problem: PickupProblem,
    sources: Sequence[PickupRecord],
    litres: Sequence[FloatArray],
    snap_reasons: Mapping[int, str],
    params: SolveParams,
) -> list[WeekDay]:
    """Solve all days at once; ``problem`` is the one-day problem of every row of the file.

    ``sources[i]`` is the row behind pickup ``i``; ``litres`` are per vehicle type over the
    problem's nodes; ``snap_reasons`` replace the drop reason of pickups off the road network.
    """
    days = planning_days(sources)
    pickups = tuple(
        replace(p, earliest_day=low, latest_day=high)
        for p, (low, high) in zip(problem.pickups, (_window(r, days) for r in sources), strict=True)
    )
    one_day = PickupProblem(
        problem.depots, pickups, problem.vehicle_types, problem.matrices, season=problem.season
    )
    week = with_days(one_day, days)
    plan = with_snap_reasons(week, solve(week, params), snap_reasons)
    out = []
    for part in split_by_day(week, plan):
        nodes = [0] + [p + len(problem.depots) for p in part.pickups]
        grid = (nodes, nodes)
        out.append(
            WeekDay(
                part.day,
                tuple(sources[p] for p in part.pickups),
                part.problem,
                part.plan,
                tuple(m[grid[0]][:, grid[1]] for m in litres),
            )
        )
    return out


def plan_week(
    records: tuple[PickupRecord, ...],
    build: Callable[[tuple[PickupRecord, ...]], DayInputs],
    params: SolveParams,
    *,
    what: str,
) -> list[WeekDay]:
    """Plan a file with windows of days: one budget, one problem, one plan cut into days."""
    (budget_s,) = day_budgets([len(records)], params.time_limit_s, what=what)
    problem, sources, litres, snap_reasons = build(records)
    return solve_week(
        problem, sources, litres, snap_reasons, replace(params, time_limit_s=budget_s)
    )
