"""All-traffic road appraisal for the compare page: summary, benefit split, tests, sentences.

View-model only (pandas tables, no ``st.*``); money in economic LAK (the app converts).
The coffee-only CBA stays in :class:`scenarios.views.compare.CompareView`, labelled as such.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

__all__ = ["AllTrafficView", "all_traffic_view"]


@dataclass(frozen=True, slots=True)
class AllTrafficView:
    """Tables of the HDM-4 / RED appraisal of the road scenarios among the payloads."""

    summary: pd.DataFrame
    by_class: pd.DataFrame
    tests: pd.DataFrame
    sentences: tuple[str, ...]

    @property
    def empty(self) -> bool:
        """True when no scenario upgrades a road with appraisal costs."""
        return self.summary.empty


def all_traffic_view(payloads: list[dict[str, Any]]) -> AllTrafficView:
    """The all-traffic appraisal of every compared road scenario (``as_dict`` per scenario)."""
    from scenarios.batch import comparisons_for

    done = [
        (c.scenario, c.all_traffic.as_dict())
        for c in comparisons_for(payloads)
        if c.all_traffic is not None
    ]
    summary = pd.DataFrame(
        [
            {
                "scenario": name,
                "npv_all_traffic_lak": s["npv_all_traffic_lak"],
                "eirr_all_traffic_pct": None
                if s["eirr_all_traffic"] is None
                else 100.0 * s["eirr_all_traffic"],
                "bcr_all_traffic": s["bcr_all_traffic"],
                "first_year_return_pct": None
                if s["first_year_return"] is None
                else 100.0 * s["first_year_return"],
                "coffee_benefit_share_pct": None
                if s["coffee_benefit_share"] is None
                else 100.0 * s["coffee_benefit_share"],
            }
            for name, s in done
        ],
        columns=[
            "scenario",
            "npv_all_traffic_lak",
            "eirr_all_traffic_pct",
            "bcr_all_traffic",
            "first_year_return_pct",
            "coffee_benefit_share_pct",
        ],
    )
    by_class = pd.DataFrame(
        [
            {"scenario": name, "benefit": label, "pv_lak": value}
            for name, s in done
            for label, value in (
                *s["pv_by_class_lak"].items(),
                ("generated_traffic", s["pv_generated_lak"]),
                ("maintenance_saving", s["pv_maintenance_saving_lak"]),
                ("residual_value", s["pv_residual_lak"]),
                ("of_which_coffee", s["pv_coffee_lak"]),
            )
        ],
        columns=["scenario", "benefit", "pv_lak"],
    )
    tests = pd.DataFrame(
        [
            {
                "scenario": name,
                "test": t["label"],
                "npv_lak": t["npv_lak"],
                "eirr_pct": None if t["eirr"] is None else 100.0 * t["eirr"],
                "bcr": t["bcr"],
            }
            for name, s in done
            for t in s["tests"]
        ],
        columns=["scenario", "test", "npv_lak", "eirr_pct", "bcr"],
    )
    return AllTrafficView(summary, by_class, tests, tuple(s["sentence"] for _, s in done))
