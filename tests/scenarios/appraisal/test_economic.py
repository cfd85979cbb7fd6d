"""All-traffic road appraisal (HDM-4 / RED method) against hand-computed cases."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from optimizer.costs import CostRates, VehicleProfile
from scenarios.appraisal.economic import RoadAppraisal, RoadProject, Section, appraise_road
from scenarios.appraisal.params import APPRAISAL_CLASSES, AppraisalParams, load_appraisal_params
from scenarios.appraisal.sensitivity import sensitivity_tests, switching_values
from scenarios.appraisal.voc import class_costs

RATES = CostRates(
    diesel_lak_per_l=20_000.0,
    lak_per_usd=21_900.0,
    lak_per_thb=625.0,
    crew_wage_lak_per_hour=24_000.0,
    loading_s_per_stop=0.0,
    loading_s_per_tonne=0.0,
)
TRUCK = VehicleProfile("10-wheel", "heavy_truck", 15_000, 0.30, 0.07, 0.035, 30.0, crew=2)
OTHERS = (
    VehicleProfile("4x4-pickup", "pickup_4x4", 1_500, 0.11, 0.03, 0.01, 12.0),
    VehicleProfile("6-wheel", "medium_truck", 6_000, 0.20, 0.05, 0.02, 20.0, crew=2),
)
HOURS = {s: {"pickup_4x4": 0.02, "medium_truck": 0.02, "heavy_truck": 0.02} for s in ("dry", "wet")}


def _params() -> AppraisalParams:
    """The shipped parameters made neutral: no growth, no generated traffic, factors 1."""
    base = load_appraisal_params()
    return dataclasses.replace(
        base,
        base_year=2026,
        conversion_factor_works=1.0,
        conversion_factor_voc=1.0,
        speed_pct_per_iri_above_5=0.0,
        generated_traffic_elasticity=0.0,
        roughness_growth=dict.fromkeys(("paved", "gravel", "earth"), 0.0),
        residual_value_share={"paving": 0.0, "overlay": 0.0},
    )


def _section(heavy_per_day: float, *, coffee: float = 0.0) -> Section:
    aadt = dict.fromkeys(APPRAISAL_CLASSES, 0.0) | {"heavy_truck": heavy_per_day}
    return Section(
        name="test road",
        length_km=10.0,
        surface_before="paved",
        surface_after="paved",
        iri_before=4.0,
        iri_after=2.0,
        hours_per_km_before=HOURS,
        hours_per_km_after=HOURS,
        aadt=aadt,
        count_year=2026,
        growth_per_year=0.0,
        coffee_aadt={"heavy_truck": coffee},
    )


def _appraise(section: Section, params: AppraisalParams | None = None) -> RoadAppraisal:
    params = params or _params()
    project = RoadProject(
        sections=(section,),
        capital_lak=300e6,
        extra_maintenance_lak_per_year=0.0,
        construction_years=1,
        horizon_years=3,
        discount_rate=0.12,
        base_year=2026,
        lak_per_usd=RATES.lak_per_usd,
    )
    return appraise_road(project, params, class_costs(params, RATES, (TRUCK, *OTHERS)))


def test_one_section_road_hand_computed() -> None:
    """100 heavy trucks/day on 10 km, IRI 4 -> 2: saving 408.63 LAK/veh-km, NPV -47.93 M LAK."""
    # IRI 4 vs 2 (NCHRP 720): fuel x1.04, repair x1.10, tyres x1.02 on the 10-wheel's
    # 6,000 + 1,533 + 766.5 LAK/km -> 8,708.13 - 8,299.50 = 408.63 LAK per vehicle-km.
    yearly = 100 * 365 * 10 * 408.63
    result = _appraise(_section(100.0))
    assert result.user_by_class["heavy_truck"] == pytest.approx([0.0, yearly, yearly], rel=1e-6)
    expected_npv = -300e6 + yearly / 1.12 + yearly / 1.12**2
    assert result.npv_lak == pytest.approx(expected_npv, rel=1e-6)
    assert result.bcr == pytest.approx((yearly / 1.12 + yearly / 1.12**2) / 300e6, rel=1e-6)
    assert result.first_year_return == pytest.approx(yearly / 300e6, rel=1e-6)


def test_eirr_of_a_known_cash_flow() -> None:
    """Capital 300 M then twice the yearly saving: EIRR solves -300 + b/(1+r) + b/(1+r)^2 = 0."""
    result = _appraise(_section(100.0))
    b = 100 * 365 * 10 * 408.63
    # Closed form: x = 1/(1+r) solves b x^2 + b x - 300e6 = 0.
    x = (-b + np.sqrt(b * b + 4 * b * 300e6)) / (2 * b)
    assert result.eirr == pytest.approx(1 / x - 1, abs=1e-7)


def test_zero_traffic_gives_zero_traffic_benefits() -> None:
    """An upgrade nobody drives on saves nobody anything (maintenance equal, no residual)."""
    result = _appraise(_section(0.0))
    assert float(np.abs(result.user).sum()) == 0.0
    assert float(np.abs(result.generated).sum()) == 0.0
    assert float(np.abs(result.benefits).sum()) == 0.0


def test_doubling_traffic_doubles_traffic_benefits() -> None:
    """Without generated traffic, road-user benefits are proportional to traffic."""
    once, twice = _appraise(_section(100.0)), _appraise(_section(200.0))
    np.testing.assert_allclose(twice.user, 2 * once.user, rtol=1e-12)
    assert twice.pv(twice.user) == pytest.approx(2 * once.pv(once.user), rel=1e-12)


def test_generated_traffic_uses_rule_of_a_half() -> None:
    """Generated traffic earns half the unit saving: 0.5 x saving x elasticity x saving/cost."""
    params = dataclasses.replace(_params(), generated_traffic_elasticity=1.0)
    result = _appraise(_section(100.0), params)
    costs = class_costs(params, RATES, (TRUCK, *OTHERS))["heavy_truck"]
    c0, c1 = costs.cost_lak_per_km(4.0, 0.02), costs.cost_lak_per_km(2.0, 0.02)
    expected = 0.5 * (c0 - c1) * ((c0 - c1) / c0) * 100 * 365 * 10
    assert result.generated[1] == pytest.approx(expected, rel=1e-9)


def test_coffee_share_is_its_vehicles_share_of_one_class_road() -> None:
    """On a trucks-only road, 5 coffee trucks of 100 take 5 % of the benefits."""
    result = _appraise(_section(100.0, coffee=5.0))
    assert result.coffee_share == pytest.approx(0.05, rel=1e-9)


def test_sensitivity_and_switching_values() -> None:
    """Capital +20 % lowers NPV by 0.2 PV(capital); the switching values zero the NPV."""
    result = _appraise(_section(300.0))
    cases = {c.label: c for c in sensitivity_tests(result)}
    pv_capital = result.pv(result.capital)
    assert cases["Capital cost +20 %"].npv_lak == pytest.approx(
        result.npv_lak - 0.2 * pv_capital, rel=1e-9
    )
    assert cases["Benefits -20 %"].npv_lak == pytest.approx(
        result.npv_lak - 0.2 * result.pv(result.benefits), rel=1e-9
    )
    switching = switching_values(result)
    assert switching.capital_change is not None and switching.traffic_change is not None
    assert result.pv(result.benefits) - pv_capital * (1 + switching.capital_change) == (
        pytest.approx(0.0, abs=1e-3)
    )
    scaled = _appraise(_section(300.0 * (1 + switching.traffic_change)))
    assert scaled.npv_lak == pytest.approx(0.0, abs=1.0)


def test_late_benefits_lower_the_npv() -> None:
    """A one-year delay of benefits gives a lower NPV than the base case."""
    cases = {c.label: c for c in sensitivity_tests(_appraise(_section(300.0)))}
    assert cases["Benefits one year late"].npv_lak < cases["Base case"].npv_lak
