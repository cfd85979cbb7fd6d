"""Solver statuses and drop reasons in Lao (scenarios/views/status_words.py)."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from scenarios import views

_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


@pytest.mark.parametrize(
    ("reason", "figures"),
    [
        ("no vehicle capacity or driver time left in the fleet for this day", []),
        (
            "no vehicle capacity or driver time left in the fleet on any day of its window "
            "(days 2 to any)",
            ["2"],
        ),
        ("optional: serving it costs more than its penalty of 150000 LAK", ["150000"]),
        (
            "unreachable in the wet season by any available vehicle class, at the village and "
            "at the road end of its 3.4 km track",
            ["3.4"],
        ),
        ("unreachable in the wet season by any available vehicle class", []),
        ("unreachable by any available vehicle class", []),
        ("no truck works on a day of its window (days 3 to 4)", ["3", "4"]),
        ("weight 30000 kg exceeds the largest vehicle capacity 15000 kg", ["30000", "15000"]),
        (
            "weight 8000 kg exceeds the capacity of every vehicle class that can reach it "
            "(largest 6000 kg)",
            ["8000", "6000"],
        ),
        ("its time window or the driver's day cannot be kept by any vehicle, even alone", []),
        ("fresh cherry cannot reach the depot within 6 h even on a direct trip", ["6"]),
        ("12.3 km from the nearest road, beyond the maximum connector length of 30.0 km", ["30.0"]),
        (
            "not planned: the search stopped at its limit (5 s or the solution limit) with 2 "
            "suitable truck(s) unused; give a longer limit",
            ["2"],
        ),
        (
            "not planned: no engine found a plan within the 5 s limit; give a longer "
            "--time-limit or fewer pickups per day",
            ["5"],
        ),
    ],
)
def test_every_engine_reason_reads_in_lao_with_its_figures(reason: str, figures: list[str]) -> None:
    """Each sentence the planner writes for a pickup left behind has a Lao version that keeps
    its figures and no English word; in English it is unchanged."""
    lao = views.reason_in_language(reason, "lo")
    assert _LATIN_WORD.findall(lao.replace("lat, lon", "")) == []
    assert all(figure in lao for figure in figures)
    assert views.reason_in_language(reason, "en") == reason


def test_a_reason_no_pattern_knows_stays_in_english() -> None:
    """A new engine sentence is shown as written rather than lost."""
    assert views.reason_in_language("a brand new reason", "lo") == "a brand new reason"


def test_solver_statuses_read_in_lao_and_unknown_ones_stay() -> None:
    """optimal, feasible, time_limit and partial have Lao words; an unknown status stays."""
    for status in ("optimal", "feasible", "time_limit", "partial", "infeasible"):
        assert not _LATIN_WORD.search(views.status_in_language(status, "lo"))
        assert views.status_in_language(status, "en") == status
    assert views.status_in_language("stalled", "lo") == "stalled"


def test_the_compare_solver_line_is_written_in_lao_with_titles() -> None:
    """The compare page's solver line names scenarios by title and the status and gap in Lao."""
    view = views.CompareView(
        kpis=pd.DataFrame(),
        deltas=pd.DataFrame(),
        breakdown=pd.DataFrame(),
        cba=pd.DataFrame(),
        flows=pd.DataFrame(),
        report_html=b"",
        solver=pd.DataFrame(
            [{"scenario": "baseline", "solver_status": "optimal", "mip_gap_pct": 0.0}]
        ),
    )
    assert view.solver_line() == "baseline: optimal, gap 0.0000 %"
    lao = view.solver_line(lang="lo", titles={"baseline": "ປັດຈຸບັນ"})
    assert lao == "ປັດຈຸບັນ: ດີທີ່ສຸດ (ພິສູດແລ້ວ), ຊ່ອງຫ່າງ 0.0000 %"
