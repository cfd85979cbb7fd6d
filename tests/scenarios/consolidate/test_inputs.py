"""Readers of the consolidation tables and the derived supply file."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest

from networks import load_villages
from scenarios.common.errors import DataFileError
from scenarios.consolidate import inputs as ci
from scenarios.consolidate.derive_supply import (
    CORE_SHARE,
    DISTRICTS,
    NATIONAL_GREEN_T,
    OUTPUT,
    derive_supply,
)


def test_season_split_from_calendar() -> None:
    """12 % arabica, a third of it harvested in October (wet): 4 % of the volume is wet."""
    split = ci.read_season_split(0.12)
    assert split["wet"] == pytest.approx(0.04, abs=1e-4)
    assert split["dry"] + split["wet"] == pytest.approx(1.0)


def test_corridor_km_is_the_mean_of_published_legs() -> None:
    """Chong Mek-Laem Chabang: rows of 815 and 850 km give 832.5 km (min and max kept)."""
    corridors = {c.id: c for c in ci.read_corridors(ci.read_gateways())}
    leg = corridors["vang_tao__laem_chabang"]
    assert (leg.road_km, leg.km_min, leg.km_max) == (832.5, 815.0, 850.0)


def test_expected_wait_adds_closed_hours() -> None:
    """9 h clearance + a 14 h closure (07:00-17:00) waited on average 14^2/48 = 4.08 h."""
    gateways = {g.id: g for g in ci.read_gateways()}
    assert gateways["nong_nok_khiene"].expected_wait_h == pytest.approx(9 + 196 / 48)


def test_market_shares_are_normalised() -> None:
    """The 2021 shares sum to 99.4 %; read back they sum to 1."""
    assert sum(m.share for m in ci.read_markets()) == pytest.approx(1.0)


def test_supply_file_matches_its_derivation() -> None:
    """The shipped supply file is what derive_supply derives: 30,398 t, 95 % in core areas."""
    derived = derive_supply(load_villages(), gpd.read_file(DISTRICTS))
    shipped = pd.read_csv(OUTPUT, dtype={"village_id": str})
    columns = ["village_id", "name", "district", "province", "lon", "lat", "green_t"]
    pd.testing.assert_frame_equal(shipped[columns], derived[columns], check_dtype=False)
    assert shipped["green_t"].sum() == pytest.approx(NATIONAL_GREEN_T, abs=1)
    core = shipped.loc[shipped["district_kind"] == "core", "green_t"].sum()
    assert core / NATIONAL_GREEN_T == pytest.approx(CORE_SHARE, abs=1e-4)
    assert shipped["estimate"].all()


@pytest.mark.parametrize(
    ("reader", "text", "match"),
    [
        (ci.read_supply, "village_id,lon,lat,green_t\nV1,106,15,-3\n", r"row 2, column green_t"),
        (ci.read_supply, "village_id,lon,lat\nV1,106,15\n", r"expected columns .* missing green_t"),
        (
            ci.read_supply,
            "village_id,lon,lat,green_t,collected_state\nV1,106,15,1,beans\n",
            r"row 2, column collected_state: expected one of cherry",
        ),
        (ci.read_supply, "village_id,lon,lat,green_t\nV1,106,15,1\nV1,106,15,1\n", r"row 3"),
        (
            ci.read_hubs,
            "hub_id,capacity_t,fixed_cost_usd_per_yr,handling_usd_per_t,status\nH,1,0,0,maybe\n",
            r"row 2, column place: expected a place name or lon and lat",
        ),
        (
            ci.read_hubs,
            "hub_id,place,capacity_t,fixed_cost_usd_per_yr,handling_usd_per_t,status\n"
            "H,Pakse,1,0,0,maybe\n",
            r"row 2, column status: expected one of candidate, open, closed, got 'maybe'",
        ),
        (
            ci.read_gateways,
            "gateway_id,place,country,clearance_h,fee_usd_per_truck,opening_hours\n"
            "G,Vang Tao,TH,9,100,17:00-07:00\n",
            r"row 2, column opening_hours: expected HH:MM-HH:MM with opening before closing",
        ),
    ],
)
def test_bad_rows_name_row_and_column(
    tmp_path: Path, reader: object, text: str, match: str
) -> None:
    """Each reader reports file, row, column, what was expected and what it got."""
    path = tmp_path / "table.csv"
    path.write_text(text, encoding="utf-8")
    assert callable(reader)
    with pytest.raises(DataFileError, match=match):
        reader(path)


@pytest.mark.parametrize(
    ("name", "columns"),
    [
        ("hubs.csv", ("source", "estimate")),
        ("gateways.csv", ("hours_source", "clearance_source", "fee_source", "fee_estimate")),
        ("corridors.csv", ("km_source", "km_estimate")),
        ("markets.csv", ("source", "estimate")),
        ("harvest_calendar.csv", ("season_source", "harvest_source", "estimate")),
    ],
)
def test_every_default_row_carries_its_source(name: str, columns: tuple[str, ...]) -> None:
    """Each shipped table row names its source and says whether it is an estimate."""
    table = pd.read_csv(ci.DATA_DIR / name, dtype=str, keep_default_na=False)
    for column in columns:
        assert (table[column].str.strip() != "").all(), column
