"""Scenario titles and CBA ratios written for people (scenarios/views/numbers.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from scenarios import views


@pytest.mark.parametrize(
    ("name", "description", "title"),
    [
        (
            "pave_route_16a",
            "Pave the Bolaven feeder Route 16A (Paksong - Ban Lak 52) to a good sealed road.",
            "Pave the Bolaven feeder Route 16A (Paksong - Ban Lak 52) to a good sealed road",
        ),
        ("wet_season_baseline", "", "Wet season baseline"),
        ("x", "Open the border. Then more text.", "Open the border"),
        ("y", "word " * 30, ("word " * 18).strip() + "…"),
    ],
)
def test_scenario_title_is_the_first_sentence_else_the_name_in_words(
    name: str, description: str, title: str
) -> None:
    """A title is the description's first sentence (cut at a word), else the name in words."""
    assert views.scenario_title(name, description) == title


def test_readable_cba_writes_reasons_instead_of_zero_or_none() -> None:
    """No benefits: 'n/a (no benefits)' for BCR and EIRR; no appraisal and no EIRR say so."""
    cba = pd.DataFrame(
        {
            "scenario": ["paving", "closure", "nothing", "slow"],
            "annual_saving_usd": [1000.0, -50.0, 0.0, 10.0],
            "npv_usd": [5e6, -2e6, None, -1e6],
            "bcr": [1.2345, 0.0, None, 0.1],
            "eirr_pct": [14.26, None, None, None],
            "discount_rate_pct": [12.0, 12.0, None, 12.0],
        }
    )
    out = views.readable_cba(
        cba, titles={"paving": "Pave 16A"}, no_benefits="NB", not_appraised="NA", no_eirr="NE"
    )
    assert out["scenario"].tolist() == ["Pave 16A", "closure", "nothing", "slow"]
    assert out["bcr"].tolist() == ["1.23", "NB", "NA", "0.10"]
    assert out["eirr_pct"].tolist() == ["14.3 %", "NB", "NA", "NE"]
    assert out["discount_rate_pct"].tolist()[:2] == [12.0, 12.0]
