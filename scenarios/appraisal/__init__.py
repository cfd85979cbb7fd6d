"""Appraisal of scenario results: KPI comparison against a baseline and cost-benefit analysis."""

from scenarios.appraisal.cba import CbaInputs, CbaResult, appraise, eirr, npv
from scenarios.appraisal.compare import (
    Comparison,
    KpiDelta,
    annual_saving_lak,
    compare_results,
)

__all__ = [
    "CbaInputs",
    "CbaResult",
    "Comparison",
    "KpiDelta",
    "annual_saving_lak",
    "appraise",
    "compare_results",
    "eirr",
    "npv",
]
