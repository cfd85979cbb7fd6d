"""Percentiles, probabilities and tornado order from known case figures."""

from __future__ import annotations

from typing import Any

from scenarios.uncertainty.summary import summary_rows, switching_value, tornado_rows


def _fig(landed: float, saving: float, hubs: list[str], share: float) -> dict[str, Any]:
    return {
        "landed_cost_lak_per_t": landed,
        "annual_transport_cost_lak": landed * 10,
        "saving_lak_per_yr": saving,
        "open_hubs": hubs,
        "share:a": share,
        "share:b": 1 - share,
    }


def test_summary_percentiles_and_probabilities() -> None:
    """P5/P50/P95 over the draws, the central value apart, and shares of draws."""
    draws = [_fig(100.0 + i, -5.0 + i, ["x"] if i < 5 else ["x", "y"], 1.0) for i in range(11)]
    rows = {r["metric"]: r for r in summary_rows("s", _fig(104, 1, ["x"], 1.0), draws)}
    landed = rows["landed_cost_lak_per_t"]
    assert (landed["central"], landed["p5"], landed["p50"], landed["p95"]) == (
        104,
        100.5,
        105,
        109.5,
    )
    assert rows["p_saving"]["mean"] == round(5 / 11, 6)  # savings 1..5 of -5..5
    assert rows["hub_open:x"]["mean"] == 1.0
    assert rows["hub_open:y"]["mean"] == round(6 / 11, 6)
    assert rows["corridor_used:a"]["mean"] == 1.0
    assert rows["corridor_used:b"]["mean"] == 0.0


def test_tornado_sorted_by_saving_swing() -> None:
    """The parameter that moves the saving most comes first."""
    central = _fig(100, 0, ["x"], 1.0)
    cases = {
        "small": (_fig(99, -1, ["x"], 1.0), _fig(101, 1, ["x"], 1.0)),
        "big": (_fig(90, 30, ["x"], 1.0), _fig(120, -20, ["x"], 1.0)),
    }
    rows = tornado_rows("s", central, cases, {"small": "small (1-2)", "big": "big (3-4)"})
    assert [r["parameter"] for r in rows] == ["big", "small"]
    assert rows[0]["saving_lak_per_yr_swing"] == 50
    assert rows[0]["landed_cost_lak_per_t_at_low"] == 90


def test_switching_value_interpolates_the_sign_change() -> None:
    """NPV -10 at 1, +10 at 3: it switches at 2; no sign change, no switching value."""
    assert switching_value([(3.0, 10.0), (1.0, -10.0), (2.5, 5.0)]) == 2.0
    assert switching_value([(1.0, 5.0), (2.0, 1.0)]) is None
