"""Border and hub appraisal: waiting saved at the border, priced for coffee and other trucks."""

from __future__ import annotations

import dataclasses

import pytest

from scenarios.appraisal.border import (
    BorderInputs,
    BorderTraffic,
    border_appraisal,
    load_border_traffic,
    waiting_saved_h,
)
from scenarios.appraisal.params import load_appraisal_params


def _inputs(**changes: object) -> BorderInputs:
    base = BorderInputs(
        coffee_saving_lak_per_year=0.0,
        hours_saved={"vang_tao": 2.0},
        coffee_trucks_per_day={},
        truck_hour_lak=100_000.0,
        capital_lak=10e9,
        maintenance_lak_per_year=0.0,
        construction_years=1,
        horizon_years=3,
        discount_rate=0.12,
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


TRAFFIC = {"vang_tao": BorderTraffic("vang_tao", 2026, 100.0, 50.0, 200.0, 0.0, True, "test")}
PARAMS = dataclasses.replace(
    load_appraisal_params(), base_year=2026, conversion_factor_works=1.0, conversion_factor_voc=1.0
)


def test_halving_clearance_saves_the_halved_hours() -> None:
    """wait_h 3 at Vang Tao (6 h clearance in data/gateways.csv) saves 3 h per truck."""
    assert waiting_saved_h({"vang_tao": {"wait_h": 3.0}}) == {"vang_tao": pytest.approx(3.0)}
    assert waiting_saved_h({"vang_tao": {"closed": True}}) == {}


def test_other_trucks_benefit_is_trucks_times_hours_times_cost() -> None:
    """100 trucks/day x 365 x 2 h x 100,000 LAK/h = 7.3 bn LAK a year of benefit."""
    appraisal, notes = border_appraisal(_inputs(), TRAFFIC, PARAMS)
    assert appraisal.benefits.tolist() == pytest.approx([0.0, 7.3e9, 7.3e9])
    assert appraisal.coffee_share == 0.0
    assert any("vang_tao" in n and "estimate" in n for n in notes)


def test_coffee_trucks_are_not_counted_twice() -> None:
    """Coffee's own trucks are taken out of the border count; its saving counts as coffee's."""
    inputs = _inputs(coffee_trucks_per_day={"vang_tao": 20.0}, coffee_saving_lak_per_year=1e9)
    appraisal, _ = border_appraisal(inputs, TRAFFIC, PARAMS)
    others = 80 * 365 * 2 * 100_000.0
    assert appraisal.benefits[1] == pytest.approx(others + 1e9)
    assert appraisal.coffee_share == pytest.approx(1e9 / (others + 1e9))


def test_border_traffic_rows_have_sources_and_ranges() -> None:
    """data/border_traffic.csv: every gateway row sourced or flagged, low <= central <= high."""
    rows = load_border_traffic()
    assert {"vang_tao", "dansavanh"} <= set(rows)
    for row in rows.values():
        assert row.source and row.low <= row.trucks_per_day <= row.high
