"""Cost-benefit arithmetic against hand-computed values."""

from __future__ import annotations

import numpy as np
import pytest

from scenarios.appraisal.cba import CbaInputs, appraise, eirr, npv


def test_npv_discounts_from_year_zero() -> None:
    """NPV of -100, 60, 72 at 10 % is -100 + 60/1.1 + 72/1.21."""
    flows = np.array([-100.0, 60.0, 72.0])
    assert npv(flows, 0.10) == pytest.approx(-100 + 60 / 1.1 + 72 / 1.21)


def test_appraise_hand_computed_growth_case() -> None:
    """Capital 100 in year 0, saving 60 growing 20 %/yr: NPV 14.0496, BCR 1.1405, EIRR 20 %."""
    result = appraise(
        CbaInputs(
            annual_saving_lak=60.0,
            capital_cost_lak=100.0,
            construction_years=1,
            horizon_years=3,
            discount_rate=0.10,
            growth_per_year=0.20,
        )
    )
    assert result.pv_benefits_lak == pytest.approx(114.0495868, rel=1e-8)
    assert result.npv_lak == pytest.approx(14.0495868, rel=1e-8)
    assert result.bcr == pytest.approx(1.140495868, rel=1e-8)
    assert result.eirr == pytest.approx(0.20, abs=1e-7)
    assert result.eirr_note == "ok"
    assert result.payback_year == 2


def test_appraise_capital_spread_and_maintenance() -> None:
    """Capital 200 over 2 years, maintenance 10 and saving 50 from year 2, r = 0: NPV -120."""
    inputs = CbaInputs(
        annual_saving_lak=50.0,
        capital_cost_lak=200.0,
        maintenance_lak_per_year=10.0,
        construction_years=2,
        horizon_years=4,
        discount_rate=0.0,
    )
    benefits, capital, maintenance = inputs.yearly_flows()
    assert capital.tolist() == [100.0, 100.0, 0.0, 0.0]
    assert maintenance.tolist() == [0.0, 0.0, 10.0, 10.0]
    assert benefits.tolist() == [0.0, 0.0, 50.0, 50.0]
    result = appraise(inputs)
    assert result.npv_lak == pytest.approx(-120.0)
    assert result.bcr == pytest.approx(100.0 / 220.0)
    assert result.payback_year is None


def test_irr_of_single_period_investment() -> None:
    """-100 then +110 has an IRR of exactly 10 %."""
    rate, note = eirr(np.array([-100.0, 110.0]))
    assert note == "ok"
    assert rate == pytest.approx(0.10, abs=1e-7)


def test_no_irr_without_sign_change() -> None:
    """A pure saving (no capital) has no IRR and no BCR, and pays back at once."""
    result = appraise(CbaInputs(annual_saving_lak=5.0, capital_cost_lak=0.0, horizon_years=3))
    assert result.eirr is None
    assert "never change sign" in result.eirr_note
    assert result.bcr is None
    assert result.payback_year == 0
    assert result.npv_lak == pytest.approx(5 / 1.12 + 5 / 1.12**2)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"capital_cost_lak": -1.0}, "capital_cost_lak >= 0; got -1.0"),
        ({"maintenance_lak_per_year": -5.0}, "maintenance_lak_per_year >= 0; got -5.0"),
        ({"construction_years": 0}, "construction_years >= 1; got 0"),
        ({"horizon_years": 1}, "horizon_years > construction_years; got 1 and 1"),
        ({"discount_rate": 1.5}, "discount_rate < 1; got 1.5"),
    ],
)
def test_bad_inputs_are_rejected(kwargs: dict[str, float], match: str) -> None:
    """Negative costs, an empty horizon or an absurd rate raise ValueError saying why."""
    base: dict[str, float] = {"annual_saving_lak": 1.0, "capital_cost_lak": 10.0}
    with pytest.raises(ValueError, match=match):
        CbaInputs(**{**base, **kwargs})  # type: ignore[arg-type]
