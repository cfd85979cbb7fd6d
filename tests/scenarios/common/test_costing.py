"""Cost-table loaders: vehicles, rates, conversions into the optimizer's records; edge costs."""

from __future__ import annotations

from dataclasses import MISSING, fields
from pathlib import Path

import numpy as np
import pytest

from optimizer import (
    CostRates,
    Product,
    cost_per_hour_lak,
    cost_per_km_lak,
    edge_cost_lak,
    fixed_cost_lak,
    to_green_kg,
)
from scenarios.common import (
    DataFileError,
    UnknownNameError,
    find_profile,
    load_conversions,
    load_cost_rates,
    load_vehicle_profiles,
    make_edge_cost,
)
from tests.optimizer.test_costs import RATES, TRUCK


def test_make_edge_cost_matches_cost_model() -> None:
    """The networks callable gives the same numbers as the optimizer function."""
    fn = make_edge_cost(TRUCK, RATES)
    length, duration, iri = np.array([1500.0]), np.array([120.0]), np.array([4.0])
    np.testing.assert_allclose(
        fn(length, duration, iri), edge_cost_lak(TRUCK, RATES, length, duration, iri)
    )


def test_default_heavy_truck_lands_in_world_bank_2018_range() -> None:
    """A loaded 15 t truck on IRI 2 at 2018 prices costs within WB 2018's LAK 230-575/t-km."""
    truck = find_profile(load_vehicle_profiles(), "10-wheel")
    assert truck.capacity_kg == 15_000
    # 2018 prices: Champasak diesel 9,980 kip/L (c.2018-19), 8,150 LAK/US$ (implied by WB 2018),
    # crew at 2 x the 2018 minimum wage 1,100,000/month over 208 h (same rule as the default).
    rates = load_cost_rates(
        diesel_lak_per_l=9_980, lak_per_usd=8_150, crew_wage_lak_per_hour=2 * 1_100_000 / 208
    )
    speed_kph, km_per_day = 50.0, 250.0  # assumed operation for the check
    per_km = (
        float(cost_per_km_lak(truck, 2.0, rates))
        + cost_per_hour_lak(truck, rates) / speed_kph
        + fixed_cost_lak(truck, rates) / km_per_day
    )
    per_tkm = per_km / (truck.capacity_kg / 1000)
    assert 230 <= per_tkm <= 575
    # and with today's default rates, within the WB range in US$ (0.028-0.07 per t-km)
    today = load_cost_rates()
    per_km_today = (
        float(cost_per_km_lak(truck, 2.0, today))
        + cost_per_hour_lak(truck, today) / speed_kph
        + fixed_cost_lak(truck, today) / km_per_day
    )
    assert 0.028 <= per_km_today / 15 / today.lak_per_usd <= 0.07


def test_default_data_files_load() -> None:
    """The shipped tables load: 4 vehicle classes, CO2 2.66 kg/L, cherry 6:1."""
    profiles = load_vehicle_profiles()
    assert [p.capacity_kg for p in profiles] == [1500, 6000, 15000, 21000]
    assert load_cost_rates().co2_kg_per_l == 2.66
    ratios = load_conversions()
    assert ratios.ratio(Product.PARCHMENT) == 0.8
    assert float(to_green_kg(600, Product.CHERRY, ratios)) == pytest.approx(100.02)


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("name,network_class\nx,heavy_truck\n", "row 1 \\(header\\).*missing capacity_kg"),
        (
            "name,network_class,capacity_kg,fuel_l_per_km,maintenance_usd_per_km,"
            "tyres_usd_per_km,fixed_usd_per_day,crew\nx,heavy_truck,abc,0.1,0,0,0,1\n",
            "row 2, column capacity_kg: expected an integer >= 1, got 'abc'",
        ),
        (
            "name,network_class,capacity_kg,fuel_l_per_km,maintenance_usd_per_km,"
            "tyres_usd_per_km,fixed_usd_per_day,crew\nx,heavy_truck,10,0.1,0,0,0,1\n"
            "x,heavy_truck,10,-2,0,0,0,1\n",
            "row 3, column name: expected a name not used",
        ),
        (
            "name,network_class,capacity_kg,fuel_l_per_km,maintenance_usd_per_km,"
            "tyres_usd_per_km,fixed_usd_per_day,crew\nx,tractor,10,0.1,0,0,0,1\n",
            "row 2, column network_class: expected one of pickup_4x4, medium_truck, heavy_truck",
        ),
    ],
)
def test_bad_vehicle_file_names_row_and_column(tmp_path: Path, text: str, match: str) -> None:
    """Vehicle CSV errors name the row and column."""
    path = tmp_path / "v.csv"
    path.write_text(text)
    with pytest.raises(DataFileError, match=match):
        load_vehicle_profiles(path)


def test_bad_rates_file_names_key(tmp_path: Path) -> None:
    """A cost-rate entry that is not a number is reported with its key."""
    path = tmp_path / "r.toml"
    path.write_text('[diesel_lak_per_l]\nvalue = "cheap"\n')
    with pytest.raises(DataFileError, match=r"\[diesel_lak_per_l\] expected a number"):
        load_cost_rates(path)


def test_required_rates_are_the_fields_without_a_default(tmp_path: Path) -> None:
    """A rates file missing every key is told exactly the CostRates fields without a default."""
    path = tmp_path / "r.toml"
    path.write_text("")
    required = [f.name for f in fields(CostRates) if f.default is MISSING]
    assert "diesel_lak_per_l" in required and "co2_kg_per_l" not in required
    with pytest.raises(DataFileError, match="expected keys " + ", ".join(required) + ";"):
        load_cost_rates(path)


def test_unknown_names_list_the_choices() -> None:
    """An unknown vehicle type or rate override is an UnknownNameError naming the choices."""
    with pytest.raises(UnknownNameError, match=r"Unknown vehicle type 'tuktuk'\. Choose from: 4x4"):
        find_profile(load_vehicle_profiles(), "tuktuk")
    with pytest.raises(UnknownNameError, match="unknown cost rate override"):
        load_cost_rates(diesel=1.0)
