"""The fidelity block: model outputs next to published figures, each with its source.

Each row says whether the model value follows from an input by construction (the supply table
is spread from the 2021 export; market shares are a constraint) or is a model result that could
disagree with the publication (wet-season access, distance to the road, trunk cost per t-km).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from scenarios.consolidate.access import (
    WFP_FAR_KM,
    WFP_FAR_SHARE,
    WFP_SOURCE,
    WFP_WET_CUT_OFF_SHARE,
    access_rows,
)
from scenarios.consolidate.records import (
    WB2018_COST_AVERAGE_LAK_PER_TKM,
    WB2018_COST_LAK_PER_TKM,
    ConsolidationRun,
    green_ratios,
)

__all__ = ["FidelityRow", "access_dict", "fidelity_rows"]

#: 2021 green-coffee export, 30,398 t (Xinhua / Vientiane Times via lokmattimes.com, 8 Jul 2022;
#: facts §1.2); the sourced range of national production is 20-40 kt/yr (facts §1.1).
EXPORT_T = 30_398.0
EXPORT_RANGE_T = (20_000.0, 40_000.0)
EXPORT_SOURCE = "2021 export 30,398 t (Xinhua/Vientiane Times via lokmattimes.com 2022), facts §1.2"
#: Destination shares "last year" (2021), Nation Thailand, Oct 2022 (facts §1.3).
DESTINATION_SHARES = {"Vietnam": 0.56, "Japan": 0.13, "Thailand": 0.12, "Cambodia": 0.03}
DESTINATION_SOURCE = "Nation Thailand, Oct 2022 (2021 destinations), facts §1.3"
WB_SOURCE = "World Bank (2018) Transport Costs and Prices in Lao PDR, AUS0000443, facts §2.1"


@dataclass(frozen=True)
class FidelityRow:
    """One comparison: the model's value, the published value or range, and the source."""

    item: str
    unit: str
    model: float | None
    published: float | None
    published_low: float | None
    published_high: float | None
    source: str
    basis: str

    @property
    def within(self) -> bool | None:
        """Whether the model value lies in the published range (None: nothing to compare)."""
        if self.model is None or self.published_low is None or self.published_high is None:
            return None
        return bool(self.published_low <= self.model <= self.published_high)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready, with ``within``."""
        out = asdict(self)
        out["model"] = None if self.model is None else round(self.model, 4)
        out["within"] = self.within
        return out


def _market_shares(run: ConsolidationRun) -> dict[str, float]:
    kg: dict[str, float] = defaultdict(float)
    for m in run.result.market_flows:
        kg[m.market_id] += m.green_kg
    total = run.result.total_green_kg or 1
    return {k: v / total for k, v in kg.items()}


def _access_rows(run: ConsolidationRun) -> list[FidelityRow]:
    if run.tracks is None:
        return []
    green = [v.green_t for v in run.inputs.villages]
    wet = next(r for r in access_rows(run.tracks, green) if r.key == ("wet", "pickup_4x4"))
    far = float(np.mean(run.tracks.straight_km >= WFP_FAR_KM))
    low, high = WFP_WET_CUT_OFF_SHARE
    return [
        FidelityRow(
            "villages not accessible in the rainy season (4x4 pickup cut off)", "share",
            wet.village_share, None, low, high,
            f"{WFP_SOURCE}: 'nearly half' (national), read as 0.40-0.50",
            "model result (track length rule, data/network_defaults.toml [connector_access])",
        ),
        FidelityRow(
            f"villages >= {WFP_FAR_KM:.0f} km from a main road", "share", far, WFP_FAR_SHARE,
            WFP_FAR_SHARE, 1.0, f"{WFP_SOURCE}: '> 40 %' (national)",
            "model result (straight line to the 2014 main-road network)",
        ),
    ]  # fmt: skip


def fidelity_rows(run: ConsolidationRun) -> list[FidelityRow]:
    """Every comparison the published sources allow, in a fixed order."""
    rows = [
        FidelityRow(
            "export volume", "t green/yr", run.result.total_green_kg / 1000, EXPORT_T,
            *EXPORT_RANGE_T, EXPORT_SOURCE,
            "by construction: the supply table spreads the 2021 export over the villages",
        )
    ]  # fmt: skip
    shares = _market_shares(run)
    for market, published in DESTINATION_SHARES.items():
        rows.append(
            FidelityRow(
                f"destination share: {market}", "share", shares.get(market), published,
                published * 0.9, published * 1.1, DESTINATION_SOURCE,
                "by construction: market shares are a constraint (data/markets.csv, "
                "normalised to 1 from 99.4 %); range +-10 % of the share",
            )
        )  # fmt: skip
    rows.extend(_access_rows(run))
    lo, hi = WB2018_COST_LAK_PER_TKM
    rows.append(
        FidelityRow(
            "trunk operator cost at 2018 prices", "LAK/t-km",
            run.checked()[1].trunk_lak_per_tkm_2018_prices, WB2018_COST_AVERAGE_LAK_PER_TKM, lo, hi,
            f"{WB_SOURCE}: average 489, most firms 230-575",
            "model result; the trunk backhaul share is CALIBRATED to the average",
        )
    )  # fmt: skip
    rows.append(
        FidelityRow(
            "coffee tonnes by border post (corridor shares)", "share", None, None, None, None,
            "NOT FOUND: no published split of coffee exports by border post (facts §1.3: "
            "'most tonnage goes overland to Vietnam or Thailand')",
            "not comparable",
        )
    )  # fmt: skip
    return rows


def _collection_carry(run: ConsolidationRun) -> list[dict[str, Any]]:
    """Per season of the plan: the collection vehicle, villages carried to the road, tonnes."""
    if run.tracks is None:
        return []
    index = {v.id: i for i, v in enumerate(run.inputs.villages)}
    year = len(run.problem.periods) == 2
    out = []
    for period in run.problem.periods:
        ratios = green_ratios(run.inputs, period if year else "year")
        profile = run.inputs.profile(f"collection_vehicle_{period}")
        cut = run.tracks.cut_off(period, profile.network_class)
        green_t = carried_tkm = 0.0
        for a in run.result.assignments:
            i = index[a.supply_id]
            if a.period == period and cut[i]:
                green_t += a.green_kg / 1000
                carried_tkm += a.green_kg / 1000 / ratios[i] * run.tracks.track_km[i]
        out.append(
            {
                "season": period,
                "vehicle": profile.name,
                "vehicle_class": profile.network_class,
                "villages_carried": int(cut.sum()),
                "tonnes_green_carried": round(green_t, 3),
                "carry_tkm": round(float(carried_tkm), 1),
                "carry_lak_per_tkm": run.inputs.params.carry_lak_per_tkm,
            }
        )
    return out


def access_dict(run: ConsolidationRun) -> dict[str, Any] | None:
    """Villages and volume cut off per season and vehicle class, the carry, the WFP check."""
    if run.tracks is None:
        return None
    green = [v.green_t for v in run.inputs.villages]
    rows = access_rows(run.tracks, green)
    wet = next(r for r in rows if r.key == ("wet", "pickup_4x4"))
    low, high = WFP_WET_CUT_OFF_SHARE
    return {
        "rule": (
            "an unpaved village track is cut off for a vehicle class in a season beyond a "
            "straight-line distance to the main road (data/network_defaults.toml "
            "[connector_access]); cut-off coffee is carried by motorbike or hand tractor to "
            "the road end (carry_lak_per_tkm, data/consolidation_params.toml)"
        ),
        "by_season_and_class": [
            {
                "season": r.season,
                "vehicle_class": r.vehicle,
                "villages": r.villages,
                "villages_cut_off": r.villages_cut_off,
                "village_share": round(r.village_share, 4),
                "tonnes_cut_off": round(r.tonnes_cut_off, 3),
                "volume_share": round(r.volume_share, 4),
            }
            for r in rows
        ],
        "collection": _collection_carry(run),
        "wfp": {
            "statement": "nearly half of villages are not accessible in the rainy season",
            "published_low": low,
            "published_high": high,
            "model_wet_village_share": round(wet.village_share, 4),
            "model_wet_volume_share": round(wet.volume_share, 4),
            "within": low <= wet.village_share <= high,
            "source": WFP_SOURCE,
        },
    }
