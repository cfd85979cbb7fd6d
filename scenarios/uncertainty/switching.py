"""Switching values by bisection: where a parameter makes NPV (or the saving) cross zero, or
makes the main corridor change, found by re-solving the scenario between solved points.

A parameter (a dimension, all members together) is moved along its *position* ``s`` in
[-1, 1]: ``s = 0`` is the central estimate, ``s = -1`` every member at its low bound,
``s = +1`` at its high bound, linear in between on each side (:func:`position_values`). The
one-at-a-time tornado has already solved ``s = -1, 0, +1``; where the outcome differs between
two neighbouring points (NPV or saving changes sign; another corridor carries the most
tonnes), :class:`Bracket` halves that interval, one re-solve per step, for :data:`STEPS` steps.
Where it does not differ, the answer is "none within range" (a double crossing inside one half
of the range would be missed; the tornado's three points are all that is tried).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from scenarios.uncertainty.draws import Dimension

__all__ = [
    "STEPS",
    "Bracket",
    "brackets",
    "outcome_class",
    "position_values",
    "switching_row",
]

STEPS = 4
"""Halvings of a bracketing interval: the switching value is known to 1/16 of a half-range."""


def position_values(dim: Dimension, s: float) -> dict[str, float]:
    """Every member of ``dim`` at position ``s`` (-1 low, 0 central, +1 high)."""
    out = {}
    for m in dim.members:
        bound = m.high if s >= 0 else m.low
        out[m.key] = m.value + abs(s) * (bound - m.value)
    return out


def outcome_class(fig: Mapping[str, Any], metric: str) -> str:
    """What the switch is about: the sign of ``metric``, or (``main_corridor``) the corridor
    carrying the largest share of the tonnes."""
    if metric == "main_corridor":
        shares = {
            k.removeprefix("share:"): float(v) for k, v in fig.items() if k.startswith("share:")
        }
        return max(sorted(shares), key=lambda k: shares[k]) if shares else ""
    value = fig.get(metric)
    return "" if value is None else ("negative" if float(value) < 0 else "positive")


@dataclass(frozen=True)
class Bracket:
    """An interval of positions whose ends give different outcomes (``at_lo`` != ``at_hi``)."""

    scenario: str
    parameter: str
    metric: str
    lo: float
    hi: float
    at_lo: str
    at_hi: str
    steps: int = 0

    @property
    def mid(self) -> float:
        """The position solved next."""
        return round((self.lo + self.hi) / 2, 9)

    @property
    def done(self) -> bool:
        """True after :data:`STEPS` halvings."""
        return self.steps >= STEPS

    def halve(self, outcome: str) -> Bracket:
        """The half whose ends still differ, given the outcome at :attr:`mid`."""
        if outcome == self.at_lo:
            return replace(self, lo=self.mid, steps=self.steps + 1)
        return replace(self, hi=self.mid, at_hi=outcome, steps=self.steps + 1)


def brackets(
    scenario: str, parameter: str, metric: str, figs: Mapping[float, Mapping[str, Any]]
) -> list[Bracket]:
    """The intervals between solved positions (``figs``: position -> figures) where the
    outcome changes; at most one per side of the central estimate."""
    points = sorted(figs)
    out = []
    for a, b in itertools.pairwise(points):
        at_a, at_b = outcome_class(figs[a], metric), outcome_class(figs[b], metric)
        if at_a and at_b and at_a != at_b:
            out.append(Bracket(scenario, parameter, metric, a, b, at_a, at_b))
    return out


def switching_row(
    dim: Dimension, metric: str, scenario: str, found: list[Bracket]
) -> dict[str, Any]:
    """One row of ``switching.csv``: where ``metric`` switches along ``dim`` (or that it does
    not within the range), as the first member's value and, for a group, a factor of each."""
    first = dim.members[0]
    row: dict[str, Any] = {
        "scenario": scenario,
        "parameter": dim.name,
        "metric": metric,
        "central": f"{first.value:.6g}",
        "range": f"{first.low:.6g} – {first.high:.6g}",
    }
    if not found:
        return {**row, "switching_value": "none within range", "from": "", "to": ""}
    parts, moves = [], []
    for b in sorted(found, key=lambda b: b.mid):
        value = position_values(dim, b.mid)[first.key]
        text = f"{value:.4g}"
        if len(dim.members) > 1 and first.value:
            text += f" (x{value / first.value:.3g} of each)"
        parts.append(text)
        moves.append((b.at_lo, b.at_hi))
    return {
        **row,
        "switching_value": "; ".join(parts),
        "from": "; ".join(m[0] for m in moves),
        "to": "; ".join(m[1] for m in moves),
    }
