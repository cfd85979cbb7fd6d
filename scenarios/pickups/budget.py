"""The time budget of a pickup plan: refuse what the limit cannot cover, split the rest by day.

``--time-limit`` is the search budget of the whole file. Around the search, each day costs
preparation (snapping, one travel matrix per vehicle type) and the engines' start-up; both
grow with the pickups and the days, not with the limit. Measured on the 2-core development
machine (2026-11-30, shared with other jobs, auto engine, the Paksong sample fleet, random
points within ~15 km of Paksong):

==========================  ===========================================================
one pickup on each of 100    0.2 s preparation + 0.6 s solve per day (OR-Tools worker
days, --time-limit 10        start-up), 93 s in all
200 pickups, one day         1.1 s preparation, a plan within 2 s
500 pickups, one day         4.3-13.9 s preparation; no plan within 2 or 5 s
1,000 pickups, one day       15.3 s preparation; no plan within 2 s
5,000 pickups, one day       380 s before this check (issue 13)
==========================  ===========================================================

Hence the bounds below; they are checked before any preparation starts.
"""

from __future__ import annotations

from collections.abc import Sequence

from scenarios.common import ScenarioError
from scenarios.pickups.io import PickupRecord

__all__ = [
    "DAY_OVERHEAD_S",
    "MAX_PICKUPS_PER_DAY",
    "OVERHEAD_ALLOWANCE_S",
    "PREP_S_PER_PICKUP",
    "BudgetError",
    "day_budgets",
    "group_by_day",
]

#: Most pickups on one day: 1,000 take ~15 s to prepare and need far more than seconds of search.
MAX_PICKUPS_PER_DAY = 1_000
#: Preparation and engine start-up per day (measured 0.8 s for a one-pickup day, see above).
DAY_OVERHEAD_S = 0.8
#: Preparation per pickup (measured 0.009-0.028 s at 500-1,000 pickups; the low end is used).
PREP_S_PER_PICKUP = 0.015
#: Work around the search accepted without a longer limit: the sample week needs ~6 s.
OVERHEAD_ALLOWANCE_S = 30.0
#: Each day gets at least this weight when the limit is split (a one-pickup day still solves).
_MIN_DAY_WEIGHT = 5


class BudgetError(ScenarioError):
    """The file is beyond what the time limit allows; the message gives the bound."""


def overhead_s(sizes: Sequence[int]) -> float:
    """Estimated seconds outside the search for days of these pickup counts."""
    return len(sizes) * DAY_OVERHEAD_S + sum(sizes) * PREP_S_PER_PICKUP


def day_budgets(sizes: Sequence[int], time_limit_s: float, *, what: str) -> list[float]:
    """The search seconds of each day: ``time_limit_s`` split in proportion to the pickups.

    Raises
    ------
    BudgetError
        Before any work, when a day has more than :data:`MAX_PICKUPS_PER_DAY` pickups, or
        when the work around the search (:func:`overhead_s`) would exceed both the limit and
        :data:`OVERHEAD_ALLOWANCE_S`: the limit could not be kept.
    """
    biggest = max(sizes, default=0)
    if biggest > MAX_PICKUPS_PER_DAY:
        day = list(sizes).index(biggest) + 1
        msg = (
            f"{what}: {biggest:,} pickups on one day (day group {day}); at most "
            f"{MAX_PICKUPS_PER_DAY:,} per day can be planned (preparing 1,000 takes ~15 s "
            "before any search); split them over more days with the 'day' column"
        )
        raise BudgetError(msg)
    extra = overhead_s(sizes)
    if extra > max(time_limit_s, OVERHEAD_ALLOWANCE_S):
        msg = (
            f"{what}: {sum(sizes):,} pickups on {len(sizes)} days need ~{extra:,.0f} s of "
            f"preparation ({DAY_OVERHEAD_S:g} s per day + {PREP_S_PER_PICKUP:g} s per pickup, "
            f"measured), beyond the {time_limit_s:g} s limit; give --time-limit "
            f"{extra:,.0f} or more, or plan fewer days at once"
        )
        raise BudgetError(msg)
    weights = [max(n, _MIN_DAY_WEIGHT) for n in sizes]
    total = sum(weights)
    return [time_limit_s * w / total for w in weights]


def group_by_day(
    records: tuple[PickupRecord, ...],
) -> list[tuple[int | None, tuple[PickupRecord, ...]]]:
    """The pickups of each day (undated ones join the first day); one group when no days."""
    days = sorted({r.day for r in records if r.day is not None})
    if not days:
        return [(None, records)]
    undated = tuple(r for r in records if r.day is None)
    groups: list[tuple[int | None, tuple[PickupRecord, ...]]] = [
        (d, tuple(r for r in records if r.day == d)) for d in days
    ]
    if undated:
        first, rows = groups[0]
        groups[0] = (first, undated + rows)
    return groups
