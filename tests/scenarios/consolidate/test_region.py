"""Acceptance on the full region: every coffee village, every candidate hub and gateway."""

from __future__ import annotations

import pytest

from scenarios.consolidate import (
    WB2018_COST_LAK_PER_TKM,
    ConsolidateOptions,
    ConsolidationRun,
    load_inputs,
)
from scenarios.consolidate import run_consolidation as run
from scenarios.consolidate.outputs import to_json_dict

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def year_run() -> ConsolidationRun:
    """The default year plan (no explanation re-solves)."""
    return run(load_inputs(), ConsolidateOptions(season="year", explain=False))


def test_year_plan_moves_the_whole_supply(year_run: ConsolidationRun) -> None:
    """Corridor flows add up to the 30,398 t green of data/supply_villages.csv."""
    data = to_json_dict(year_run)
    assert data["status"] == "optimal"
    supply_t = sum(v.green_t for v in year_run.inputs.villages)
    assert data["total_tonnes"] == pytest.approx(supply_t, abs=0.5)
    assert sum(c["tonnes"] for c in data["corridors"]) == pytest.approx(supply_t, abs=0.5)
    parts = data["cost_per_tonne_lak"]
    assert sum(v for k, v in parts.items() if k != "total") == pytest.approx(parts["total"], abs=1)


def test_year_plan_is_proven_optimal_within_capacities(year_run: ConsolidationRun) -> None:
    """The JSON carries a proven gap <= 0.001 %; no open hub receives more than its capacity."""
    data = to_json_dict(year_run)
    assert data["solver_status"] == "optimal"
    assert 0.0 <= data["mip_gap_pct"] <= 0.001
    assert data["proven_optimal"] is True
    for hub in year_run.problem.hubs:
        assert year_run.result.hub_kg(hub.id) <= hub.capacity_kg


def test_trunk_cost_is_in_the_world_bank_2018_range(year_run: ConsolidationRun) -> None:
    """Trunk cost per t-km, re-priced at 2018 levels, lies within WB 2018's LAK 230-575."""
    lo, hi = WB2018_COST_LAK_PER_TKM
    assert lo <= year_run.fidelity.trunk_lak_per_tkm_2018_prices <= hi
    assert year_run.fidelity.in_world_bank_range


def test_market_shares_are_met(year_run: ConsolidationRun) -> None:
    """Vietnam's share (56/99.4) leaves through Vietnamese gateways."""
    vn = sum(m.green_kg for m in year_run.result.market_flows if m.market_id == "Vietnam")
    assert vn / year_run.result.total_green_kg == pytest.approx(56 / 99.4, abs=1e-4)


def test_wet_season_access_is_no_longer_total(year_run: ConsolidationRun) -> None:
    """Wet season: 30-60 % of coffee villages are cut off for a 4x4 pickup, none when dry."""
    access = to_json_dict(year_run)["access"]
    rows = {(r["season"], r["vehicle_class"]): r for r in access["by_season_and_class"]}
    assert 0.3 <= rows["wet", "pickup_4x4"]["village_share"] <= 0.6
    assert 0.0 < rows["wet", "pickup_4x4"]["volume_share"] < 1.0
    assert rows["dry", "pickup_4x4"]["villages_cut_off"] == 0
    assert (
        rows["dry", "heavy_truck"]["villages_cut_off"]
        > rows["wet", "pickup_4x4"]["villages_cut_off"]
    )


def test_wet_reachable_kpi_counts_only_villages_the_pickup_reaches(
    year_run: ConsolidationRun,
) -> None:
    """The KPI is 1 minus the volume share cut off for the wet pickup (no longer 100 %)."""
    from scenarios.run import kpis_from_run

    access = to_json_dict(year_run)["access"]
    wet = next(
        r for r in access["by_season_and_class"]
        if (r["season"], r["vehicle_class"]) == ("wet", "pickup_4x4")
    )  # fmt: skip
    share = kpis_from_run(year_run)["kpis"]["wet_reachable_share"]
    assert share == pytest.approx(1 - wet["volume_share"], abs=1e-4)
    assert share < 1.0
