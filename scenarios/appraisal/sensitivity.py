"""Standard sensitivity tests and switching values of a road appraisal (ADB practice).

Tests: capital cost +20 %, benefits -20 %, both together, benefits one year late. Switching
values: the change of the capital cost, and of the traffic, that brings the NPV to zero.
Traffic benefits (normal and generated traffic) are proportional to the traffic level, so the
traffic switching value is exact; the maintenance saving and residual value do not move with
traffic.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from scenarios.appraisal.cba import eirr, npv
from scenarios.appraisal.economic import RoadAppraisal

__all__ = ["SensitivityCase", "SwitchingValues", "sensitivity_tests", "switching_values"]

Array = NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class SensitivityCase:
    """One test: its label and the NPV (economic LAK), EIRR and BCR it gives."""

    label: str
    npv_lak: float
    eirr: float | None
    bcr: float | None


@dataclass(frozen=True, slots=True)
class SwitchingValues:
    """Changes (fractions, signed) that bring the NPV to zero; None when undefined."""

    capital_change: float | None
    traffic_change: float | None


def _case(label: str, capital: Array, benefits: Array, rate: float) -> SensitivityCase:
    pv_cost = npv(capital, rate)
    return SensitivityCase(
        label=label,
        npv_lak=npv(benefits - capital, rate),
        eirr=eirr(benefits - capital)[0],
        bcr=npv(benefits, rate) / pv_cost if pv_cost > 0 else None,
    )


def _late(flows: Array) -> Array:
    return np.concatenate([[0.0], flows[:-1]])


def sensitivity_tests(appraisal: RoadAppraisal) -> tuple[SensitivityCase, ...]:
    """Base case and the four standard tests."""
    rate = appraisal.discount_rate
    capital, benefits, residual = appraisal.capital, appraisal.benefits, appraisal.residual
    operating = benefits - residual
    return (
        _case("Base case", capital, benefits, rate),
        _case("Capital cost +20 %", capital * 1.2, benefits, rate),
        _case("Benefits -20 %", capital, benefits * 0.8, rate),
        _case("Capital +20 % and benefits -20 %", capital * 1.2, benefits * 0.8, rate),
        _case("Benefits one year late", capital, _late(operating) + residual, rate),
    )


def switching_values(appraisal: RoadAppraisal) -> SwitchingValues:
    """Capital increase and traffic change (fractions) at which the NPV is zero."""
    npv_lak = appraisal.npv_lak
    pv_capital = appraisal.pv(appraisal.capital)
    pv_traffic = appraisal.pv(appraisal.user + appraisal.generated)
    return SwitchingValues(
        capital_change=npv_lak / pv_capital if pv_capital > 0 else None,
        traffic_change=-npv_lak / pv_traffic if pv_traffic > 0 else None,
    )
