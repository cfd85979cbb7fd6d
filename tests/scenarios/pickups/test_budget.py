"""The time budget of a pickups file: refused before any work when beyond the limit, else split."""

from __future__ import annotations

import pytest

from scenarios.pickups.budget import (
    DAY_OVERHEAD_S,
    MAX_PICKUPS_PER_DAY,
    BudgetError,
    day_budgets,
)


@pytest.mark.parametrize(
    ("sizes", "limit", "match"),
    [
        ([5_000], 2.0, r"5,000 pickups on one day \(day group 1\); at most 1,000 per day"),
        ([10, MAX_PICKUPS_PER_DAY + 1], 600.0, "at most 1,000 per day"),
        ([1] * 500, 2.0, r"500 pickups on 500 days need ~408 s of preparation"),
        ([1] * 500, 120.0, r"give --time-limit 408 or more"),
    ],
)
def test_files_beyond_the_limit_are_refused(sizes: list[int], limit: float, match: str) -> None:
    """5,000 pickups on a day, or 500 days at 2 s, stop before any work with the bound."""
    with pytest.raises(BudgetError, match=match):
        day_budgets(sizes, limit, what="p.csv")


def test_limit_is_split_by_pickups_and_sums_to_it() -> None:
    """Days get the limit in proportion to their pickups (at least a small day's share)."""
    budgets = day_budgets([100, 50, 1], 10.0, what="p.csv")
    assert sum(budgets) == pytest.approx(10.0)
    assert budgets[0] == pytest.approx(2 * budgets[1]) and budgets[2] > 0


def test_a_long_limit_admits_many_days() -> None:
    """With a limit above the measured preparation, 500 one-pickup days are planned."""
    budgets = day_budgets([1] * 500, 500 * DAY_OVERHEAD_S + 60, what="p.csv")
    assert len(budgets) == 500
