"""The vehicle operating cost model: parts, roughness, vectorised edge costs, validation."""

from __future__ import annotations

import numpy as np
import pytest

from optimizer.costs import (
    CostRates,
    VehicleProfile,
    co2_kg,
    cost_per_hour_lak,
    cost_per_km_lak,
    edge_cost_lak,
    fixed_cost_lak,
    lak_to_thb,
    lak_to_usd,
    litres_per_km,
    loading_time_s,
    roughness_factors,
)

TRUCK = VehicleProfile(
    name="t",
    network_class="heavy_truck",
    capacity_kg=10_000,
    fuel_l_per_km=0.5,
    maintenance_usd_per_km=0.1,
    tyres_usd_per_km=0.1,
    fixed_usd_per_day=10.0,
    crew=2,
)
RATES = CostRates(
    diesel_lak_per_l=10_000,
    lak_per_usd=10_000,
    lak_per_thb=500,
    crew_wage_lak_per_hour=20_000,
    loading_s_per_stop=600,
    loading_s_per_tonne=900,
)


def test_cost_per_km_on_good_road_is_sum_of_parts() -> None:
    """At IRI 2: fuel 0.5 L x 10,000 + R&M 0.1 US$ + tyres 0.1 US$ at 10,000 = 7,000 kip/km."""
    assert float(cost_per_km_lak(TRUCK, 2.0, RATES)) == pytest.approx(7_000.0)


def test_roughness_factors_follow_nchrp_720() -> None:
    """Fuel +2 %/IRI, tyres +1 %/IRI above 2; R&M flat to 3, +10 % at 4, +50 % at 5; capped at 6."""
    fuel, rm, tyres = roughness_factors(np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 15.0]), RATES)
    np.testing.assert_allclose(fuel, [1, 1, 1.02, 1.04, 1.06, 1.08, 1.08])
    np.testing.assert_allclose(rm, [1, 1, 1, 1.1, 1.5, 1.5, 1.5])
    np.testing.assert_allclose(tyres, [1, 1, 1.01, 1.02, 1.03, 1.04, 1.04])


def test_cost_rises_with_roughness_at_iri_5() -> None:
    """At IRI 5: fuel 5,000 x 1.06 + R&M 1,000 x 1.5 + tyres 1,000 x 1.03 = 7,830 kip/km."""
    assert float(cost_per_km_lak(TRUCK, 5.0, RATES)) == pytest.approx(7_830.0)


def test_edge_cost_is_vectorised_distance_plus_crew_time() -> None:
    """2 km at IRI 2 in 1 h with 2 crew at 20,000/h costs 14,000 + 40,000 kip."""
    got = edge_cost_lak(TRUCK, RATES, np.array([2000.0, 0.0]), np.array([3600.0, 0.0]), 2.0)
    np.testing.assert_allclose(got, [54_000.0, 0.0])
    assert cost_per_hour_lak(TRUCK, RATES) == 40_000
    assert fixed_cost_lak(TRUCK, RATES) == 100_000


def test_litres_co2_loading_and_currency() -> None:
    """Litres rise with roughness; 10 L emit 26.6 kg CO2; 1.5 t loads in 600 + 1350 s."""
    assert float(litres_per_km(TRUCK, 4.0, RATES)) == pytest.approx(0.52)
    assert float(co2_kg(10.0)) == pytest.approx(26.6)
    assert float(loading_time_s(1500, RATES)) == pytest.approx(1950.0)
    assert float(lak_to_usd(50_000, RATES)) == pytest.approx(5.0)
    assert float(lak_to_thb(50_000, RATES)) == pytest.approx(100.0)


@pytest.mark.parametrize(
    ("field", "value", "match"),
    [
        ("capacity_kg", 0, "capacity_kg to be an integer > 0; got 0"),
        ("fuel_l_per_km", -1.0, "fuel_l_per_km to be a finite number >= 0; got -1.0"),
        ("crew", 0, "crew to be an integer >= 1"),
        ("network_class", " ", "expected a network class"),
    ],
)
def test_bad_vehicle_profile_rejected(field: str, value: object, match: str) -> None:
    """Invalid vehicle fields raise ValueError naming the field and the value."""
    kwargs = {
        "name": "x",
        "network_class": "heavy_truck",
        "capacity_kg": 1,
        "fuel_l_per_km": 0.1,
        "maintenance_usd_per_km": 0.0,
        "tyres_usd_per_km": 0.0,
        "fixed_usd_per_day": 0.0,
        "crew": 1,
    }
    kwargs[field] = value
    with pytest.raises(ValueError, match=match):
        VehicleProfile(**kwargs)  # type: ignore[arg-type]


def test_negative_iri_rejected() -> None:
    """Roughness must be >= 0."""
    with pytest.raises(ValueError, match="iri_m_per_km to be finite and >= 0"):
        cost_per_km_lak(TRUCK, -1.0, RATES)
