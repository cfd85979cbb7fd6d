"""Switching values on Dask: bisection rounds over the tornado's solved points.

Each round solves, for every open bracket, the scenario and its baseline at the bracket's
midpoint (one case name per position: ``switch/<parameter>/<position>``), all brackets of a
round in parallel; the brackets are then halved from the stored cases alone, so the answer
does not depend on the number of workers or the order in which cases finish.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from scenarios.batch.uncertainty_tables import CaseFigures
from scenarios.uncertainty import (
    Bracket,
    Dimension,
    brackets,
    outcome_class,
    position_values,
    switching_row,
)

__all__ = ["MAJOR", "SWITCH_METRICS", "switching_rows"]

SWITCH_METRICS = ("npv_lak", "saving_lak_per_yr", "main_corridor")
MAJOR = 5
"""Parameters searched per scenario: the first of its tornado (by the swing of NPV, else of
the saving, else of the landed cost). The others are not searched (each bisection step is a
re-solve of the scenario and its baseline)."""

Solve = Callable[[dict[tuple[str, str], dict[str, float]]], None]


def _case(dim: Dimension, s: float) -> str:
    return f"switch/{dim.name}/{s:+.9f}"


def _metrics(central: Mapping[str, Any]) -> list[str]:
    """NPV when appraised, else the saving when compared; the main corridor always."""
    if "npv_lak" in central:
        return ["npv_lak", "main_corridor"]
    if "saving_lak_per_yr" in central:
        return ["saving_lak_per_yr", "main_corridor"]
    return ["main_corridor"]


def _solve_round(
    open_: list[tuple[Dimension, Bracket]], figs: CaseFigures, solve: Solve
) -> dict[tuple[str, str], dict[str, float]]:
    todo: dict[tuple[str, str], dict[str, float]] = {}
    for dim, b in open_:
        values = position_values(dim, b.mid)
        for name in (b.scenario, figs.baselines[b.scenario]):
            if name:
                todo[name, _case(dim, b.mid)] = values
    solve(todo)
    return todo


def _swing(points: Mapping[float, Mapping[str, Any]], central: Mapping[str, Any]) -> float:
    metric = next(
        m for m in ("npv_lak", "saving_lak_per_yr", "landed_cost_lak_per_t") if m in central
    )
    values = [float(f[metric]) for f in points.values() if f.get(metric) is not None]
    return max(values) - min(values) if values else 0.0


def switching_rows(
    figs: CaseFigures,
    dims: Sequence[Dimension],
    names: Sequence[str],
    solve: Solve,
) -> list[dict[str, Any]]:
    """Per scenario, parameter and metric: the switching value or "none within range"."""
    found: dict[tuple[str, str, str], list[Bracket]] = {}
    open_: list[tuple[Dimension, Bracket]] = []
    by_name = {d.name: d for d in dims}
    for name in names:
        central = figs.get(name, "central", {})
        if central is None:
            continue
        points: dict[str, dict[float, Mapping[str, Any]]] = {}
        for dim in dims:
            points[dim.name] = {0.0: central}
            for s, bound in ((-1.0, "low"), (1.0, "high")):
                fig = figs.get(name, f"tornado/{dim.name}/{bound}", dim.at(bound))
                if fig is not None:
                    points[dim.name][s] = fig
        ranked = sorted(dims, key=lambda d: (-_swing(points[d.name], central), d.name))
        for dim in ranked[:MAJOR]:
            for metric in _metrics(central):
                found[name, dim.name, metric] = []
                open_ += [(dim, b) for b in brackets(name, dim.name, metric, points[dim.name])]
    while open_:
        _solve_round(open_, figs, solve)
        still = []
        for dim, b in open_:
            fig = figs.get(b.scenario, _case(dim, b.mid), position_values(dim, b.mid))
            if fig is None:  # the case failed: keep the bracket as it stands
                found[b.scenario, dim.name, b.metric].append(b)
                continue
            nxt = b.halve(outcome_class(fig, b.metric))
            if nxt.done:
                found[b.scenario, dim.name, b.metric].append(nxt)
            else:
                still.append((dim, nxt))
        open_ = still
    return [
        switching_row(by_name[param], metric, scenario, brackets_)
        for (scenario, param, metric), brackets_ in found.items()
    ]
