"""Coffee forms: collection months follow the drying lag; carried weight follows the form."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from scenarios.common import DataFileError, load_conversions
from scenarios.consolidate.forms import (
    FormShare,
    collection_by_month,
    read_calendar,
    read_forms,
    village_forms,
)

DAYS_PER_MONTH = 365.25 / 12


def test_lag_shifts_the_harvest_into_later_months_and_keeps_the_total() -> None:
    """Robusta Dec-Feb, half a month of drying: half of each month's harvest moves on."""
    calendar = read_calendar()
    harvest = collection_by_month(calendar, "robusta", 0.0)
    later = collection_by_month(calendar, "robusta", DAYS_PER_MONTH / 2)
    assert later.sum() == pytest.approx(1.0, abs=1e-3)
    assert later[2] == pytest.approx(harvest[1] / 2)  # March gets half of February's harvest
    assert later[11] == pytest.approx(harvest[11] / 2)  # December keeps half of its own


def test_robusta_dry_cherry_is_carried_at_twice_the_green_weight() -> None:
    """All robusta sold as dry cherry (x0.5): 0.5 green kg per kg carried in every season."""
    forms = (FormShare("*", "robusta", "dry_cherry", 1.0, 21.0),)
    out = village_forms(
        ["X"], ["mix"], forms=forms, calendar=read_calendar(), arabica_share=0.0,
        ratios=load_conversions(),
    )  # fmt: skip
    assert out.green_per_kg["year"][0] == pytest.approx(0.5)
    assert out.green_per_kg["dry"][0] == pytest.approx(0.5)
    assert out.season_share["wet"][0] == pytest.approx(0.0)  # robusta Dec-Feb, all dry


def test_shipped_mix_carries_more_than_parchment_and_arabica_sets_the_wet_share() -> None:
    """Default mix: heavier than all-parchment (0.8); the wet share comes from October arabica."""
    calendar, ratios = read_calendar(), load_conversions()
    mix = village_forms(["Saravane"], ["mix"], forms=read_forms(), calendar=calendar,
                        arabica_share=0.12, ratios=ratios)  # fmt: skip
    single = village_forms(["Saravane"], ["parchment"], forms=read_forms(), calendar=calendar,
                           arabica_share=0.12, ratios=ratios)  # fmt: skip
    assert mix.green_per_kg["year"][0] < 0.8 == pytest.approx(single.green_per_kg["year"][0])
    assert single.season_share["wet"][0] == pytest.approx(0.12 / 3, abs=1e-3)
    assert 0 < mix.season_share["wet"][0] < single.season_share["wet"][0]  # drying lag
    total = mix.season_share["wet"] + mix.season_share["dry"]
    assert np.allclose(total, 1.0)


def test_shares_of_a_species_must_sum_to_one(tmp_path: Path) -> None:
    """A district whose robusta forms add up to 0.9 is rejected, naming the pair."""
    path = tmp_path / "coffee_forms.csv"
    path.write_text(
        "district,species,form,share,lag_days\n*,robusta,green,0.5,30\n*,robusta,dry_cherry,0.4,21\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"sum to 1; got \{\('\*', 'robusta'\): 0.9\}"):
        read_forms(path)
