"""Cost-benefit appraisal: NPV, benefit-cost ratio, economic IRR and payback.

Conventions (stated once, used everywhere):

- Years are numbered ``0 .. horizon_years - 1`` from the first construction year; the flow of
  year ``t`` is discounted by ``(1 + r) ** t`` (year 0 is undiscounted).
- Capital is spread evenly over the construction years ``0 .. construction_years - 1``.
- Benefits (transport-cost savings) and maintenance run from year ``construction_years`` to
  the end of the horizon. The first operating year's saving is ``annual_saving_lak``; it grows
  by ``growth_per_year`` each year after (demand growth scales the volume, hence the saving).
- BCR = PV(benefits) / PV(capital + maintenance).
- EIRR: the rate at which NPV = 0, found by bisection on a bracket with a sign change; when the
  net flows never change sign there is no IRR and the result says why.
- Payback year: the first year in which the cumulative undiscounted net flow is >= 0 after
  the investment (``None`` if never within the horizon).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from scenarios.common import ScenarioError

__all__ = ["CbaInputs", "CbaResult", "appraise", "eirr", "npv"]

_IRR_LOW = -0.99
_IRR_HIGH = 10.0
_IRR_TOL = 1e-9


@dataclass(frozen=True, slots=True)
class CbaInputs:
    """What the appraisal needs; money in LAK of the base year (constant prices)."""

    annual_saving_lak: float
    capital_cost_lak: float
    maintenance_lak_per_year: float = 0.0
    construction_years: int = 1
    horizon_years: int = 20
    discount_rate: float = 0.12
    growth_per_year: float = 0.0

    def __post_init__(self) -> None:
        if self.capital_cost_lak < 0:
            msg = f"Expected capital_cost_lak >= 0; got {self.capital_cost_lak}."
            raise ScenarioError(msg)
        if self.maintenance_lak_per_year < 0:
            msg = f"Expected maintenance_lak_per_year >= 0; got {self.maintenance_lak_per_year}."
            raise ScenarioError(msg)
        if self.construction_years < 1:
            msg = f"Expected construction_years >= 1; got {self.construction_years}."
            raise ScenarioError(msg)
        if self.horizon_years <= self.construction_years:
            msg = (
                f"Expected horizon_years > construction_years; got {self.horizon_years} "
                f"and {self.construction_years}."
            )
            raise ScenarioError(msg)
        if not -0.99 < self.discount_rate < 1.0:
            msg = f"Expected -0.99 < discount_rate < 1; got {self.discount_rate}."
            raise ScenarioError(msg)

    def yearly_flows(self) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
        """Benefits, capital and maintenance per year (LAK), each of length horizon_years."""
        years = np.arange(self.horizon_years)
        build = years < self.construction_years
        capital = np.where(build, self.capital_cost_lak / self.construction_years, 0.0)
        operating_index = years - self.construction_years
        growth = (1.0 + self.growth_per_year) ** np.maximum(operating_index, 0)
        benefits = np.where(build, 0.0, self.annual_saving_lak * growth)
        maintenance = np.where(build, 0.0, self.maintenance_lak_per_year)
        return benefits, capital, maintenance


@dataclass(frozen=True, slots=True)
class CbaResult:
    """Outcome of an appraisal; ``eirr`` is None when it does not exist (see ``eirr_note``)."""

    npv_lak: float
    pv_benefits_lak: float
    pv_costs_lak: float
    bcr: float | None
    eirr: float | None
    eirr_note: str
    payback_year: int | None
    discount_rate: float

    def as_dict(self) -> dict[str, float | int | str | None]:
        """JSON-ready mapping."""
        return {
            "npv_lak": self.npv_lak,
            "pv_benefits_lak": self.pv_benefits_lak,
            "pv_costs_lak": self.pv_costs_lak,
            "bcr": self.bcr,
            "eirr": self.eirr,
            "eirr_note": self.eirr_note,
            "payback_year": self.payback_year,
            "discount_rate": self.discount_rate,
        }


def npv(net_flows: NDArray[np.float64], rate: float) -> float:
    """Net present value of yearly flows, year 0 undiscounted."""
    years = np.arange(len(net_flows))
    return float(np.sum(net_flows / (1.0 + rate) ** years))


def eirr(net_flows: NDArray[np.float64]) -> tuple[float | None, str]:
    """Internal rate of return by bisection on NPV(r); ``(None, reason)`` when there is none."""
    if np.all(net_flows >= 0) or np.all(net_flows <= 0):
        return None, "no IRR: the net flows never change sign"
    low, high = _IRR_LOW, _IRR_HIGH
    f_low, f_high = npv(net_flows, low), npv(net_flows, high)
    if np.sign(f_low) == np.sign(f_high):
        return None, f"no IRR: NPV has the same sign at {low:.0%} and {high:.0%}"
    for _ in range(200):
        mid = 0.5 * (low + high)
        f_mid = npv(net_flows, mid)
        if np.sign(f_mid) == np.sign(f_low):
            low, f_low = mid, f_mid
        else:
            high = mid
        if high - low < _IRR_TOL:
            break
    return 0.5 * (low + high), "ok"


def _payback_year(net_flows: NDArray[np.float64]) -> int | None:
    cumulative = np.cumsum(net_flows)
    invested = np.flatnonzero(cumulative < 0)
    if invested.size == 0:
        return 0
    after = np.flatnonzero((cumulative >= 0) & (np.arange(len(cumulative)) > invested[0]))
    return int(after[0]) if after.size else None


def appraise(inputs: CbaInputs) -> CbaResult:
    """NPV, BCR, EIRR and payback year of an intervention from its yearly savings."""
    benefits, capital, maintenance = inputs.yearly_flows()
    costs = capital + maintenance
    net = benefits - costs
    rate = inputs.discount_rate
    pv_benefits = npv(benefits, rate)
    pv_costs = npv(costs, rate)
    rate_of_return, note = eirr(net)
    return CbaResult(
        npv_lak=pv_benefits - pv_costs,
        pv_benefits_lak=pv_benefits,
        pv_costs_lak=pv_costs,
        bcr=pv_benefits / pv_costs if pv_costs > 0 else None,
        eirr=rate_of_return,
        eirr_note=note,
        payback_year=_payback_year(net),
        discount_rate=rate,
    )
