"""The record of an all-traffic appraisal (road, border or hub) and its plain sentence."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from scenarios.appraisal.economic import RoadAppraisal
from scenarios.appraisal.sensitivity import (
    SensitivityCase,
    SwitchingValues,
    sensitivity_tests,
    switching_values,
)

__all__ = ["AllTrafficAppraisal", "plain_sentence"]


@dataclass(frozen=True, slots=True)
class AllTrafficAppraisal:
    """The appraisal of one scenario with its inputs summarised for reports."""

    scenario: str
    appraisal: RoadAppraisal
    tests: tuple[SensitivityCase, ...]
    switching: SwitchingValues
    sections: tuple[dict[str, Any], ...]
    notes: tuple[str, ...]

    @classmethod
    def of(
        cls,
        scenario: str,
        appraisal: RoadAppraisal,
        sections: Sequence[dict[str, Any]],
        notes: Sequence[str],
    ) -> AllTrafficAppraisal:
        """The record with its sensitivity tests and switching values computed."""
        return cls(
            scenario=scenario,
            appraisal=appraisal,
            tests=sensitivity_tests(appraisal),
            switching=switching_values(appraisal),
            sections=tuple(sections),
            notes=tuple(notes),
        )

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready mapping of the totals, the class split, the tests and the notes."""
        ap = self.appraisal
        return {
            "npv_all_traffic_lak": ap.npv_lak,
            "eirr_all_traffic": ap.eirr,
            "bcr_all_traffic": ap.bcr,
            "first_year_return": ap.first_year_return,
            "coffee_benefit_share": ap.coffee_share,
            "pv_capital_lak": ap.pv(ap.capital),
            "pv_benefits_lak": ap.pv(ap.benefits),
            "pv_by_class_lak": ap.pv_by_class(),
            "pv_generated_lak": ap.pv(ap.generated),
            "pv_maintenance_saving_lak": ap.pv(ap.maintenance_saving),
            "pv_residual_lak": ap.pv(ap.residual),
            "pv_coffee_lak": ap.pv(ap.coffee),
            "discount_rate": ap.discount_rate,
            "tests": [dataclasses.asdict(t) for t in self.tests],
            "switching": dataclasses.asdict(self.switching),
            "sections": list(self.sections),
            "notes": list(self.notes),
            "sentence": plain_sentence(self),
        }


def plain_sentence(result: AllTrafficAppraisal) -> str:
    """One sentence a policymaker can quote, labelled as the central estimate."""
    ap = result.appraisal
    share = ap.coffee_share
    coffee = "" if share is None else f"; coffee alone accounts for {share:.1%} of its benefits"
    if ap.eirr is None:
        head = (
            f"has no rate of return (NPV {ap.npv_lak / 1e9:,.1f} bn LAK at {ap.discount_rate:.0%})"
        )
    else:
        head = f"returns {ap.eirr:.1%} for all traffic"
    return f"At the central estimates {result.scenario} {head}{coffee}."
