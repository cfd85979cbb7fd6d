"""Derive annual coffee volumes for every village of the coffee districts (a DERIVED estimate).

Run ``python -m scenarios.consolidate.derive_supply`` to rewrite ``data/supply_villages.csv``.
The rule, every step
from sourced figures (docs/lao-coffee-facts.md) and flagged as derived in each output row:

1. National volume ``national_green_t`` (default 30,398 t green, the 2021 export, §1.2; the
   sourced range is 20-40 kt/yr, §1.1).
2. Province volume = national volume x the province's share of the four-province coffee area
   of 2020 (Champasak 50,250 ha; Saravan 19,716; Sekong 10,131; Attapeu 2,216; §1.1).
3. Within Champasak, Saravan and Sekong, the core Bolaven district (Paksong, Lao Ngam,
   Thateng) takes the share that makes the three core districts produce ``core_share`` of the
   national volume (0.95: "> 95 % of all Lao coffee", Lao Coffee Association, §1.1); the rest of
   the province's volume, and all of Attapeu's, goes to the province's other coffee districts.
4. "Other coffee districts" = districts of the four provinces whose boundary touches a core
   district (geoBoundaries ADM2, 500 m tolerance): the plateau slopes. This is a modelling rule.
5. Within a district the volume is split equally over its villages (ODM village points).
6. Villages deliver ``collected_state = mix``: their district's forms (dry cherry, parchment,
   green...; ``data/coffee_forms.csv``, :mod:`scenarios.consolidate.forms`); ``collected_t`` is
   the weight the collection trucks carry over the year (conversions in ``data/conversions.csv``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import geopandas as gpd
import pandas as pd

from networks import Village, load_villages
from scenarios.common import DATA_DIR, ScenarioError

logger = logging.getLogger(__name__)

DISTRICTS = DATA_DIR / "admin" / "lao_adm2_districts_geoboundaries.geojson"
OUTPUT = DATA_DIR / "supply_villages.csv"

#: Coffee area by province, 2020 (Vientiane Times via vietstock, Jun 2020; facts §1.1). Keys are
#: the ODM province names.
PROVINCE_AREA_HA = {"Champasak": 50_250, "Salavan": 19_716, "Xekong": 10_131, "Attapeu": 2_216}
#: Core Bolaven districts by province (Lao Coffee Association; facts §1.1), geoBoundaries names.
CORE_DISTRICTS = {"Champasak": "Paksxong", "Salavan": "Lao Ngarm", "Xekong": "Thateng"}
NATIONAL_GREEN_T = 30_398.0  # 2021 export volume, lokmattimes.com (Xinhua/Vientiane Times 2022)
CORE_SHARE = 0.95  # "> 95 % of all Lao coffee" (Lao Coffee Association)
TOUCH_TOLERANCE_DEG = 0.005  # ~500 m: district polygons from different sources leave slivers


def coffee_districts(districts: gpd.GeoDataFrame) -> dict[str, list[str]]:
    """Per province, the core district first, then the other coffee districts (rule 4)."""
    core = districts[districts["shapeName"].isin(CORE_DISTRICTS.values())]
    touch = core.union_all().buffer(TOUCH_TOLERANCE_DEG)
    near = set(districts.loc[districts.intersects(touch), "shapeName"])
    return {p: sorted(near) for p in PROVINCE_AREA_HA}


def derive_supply(
    villages: Sequence[Village],
    districts: gpd.GeoDataFrame,
    *,
    national_green_t: float = NATIONAL_GREEN_T,
    core_share: float = CORE_SHARE,
) -> pd.DataFrame:
    """One row per coffee village with ``green_t`` and the rule that produced it.

    ``villages`` are the ODM village points (:func:`networks.load_villages`).
    """
    if not 0 < core_share < 1 or national_green_t <= 0:
        msg = (
            "expected 0 < core_share < 1 and national_green_t > 0, "
            f"got {core_share} and {national_green_t}."
        )
        raise ScenarioError(msg)
    table = pd.DataFrame(
        {
            "code": [v.code for v in villages],
            "name": [v.name for v in villages],
            "district": [v.district.replace(" District", "") for v in villages],
            "province": [v.province for v in villages],
            "lon": [v.lon for v in villages],
            "lat": [v.lat for v in villages],
        }
    )
    table["district"] = table["district"].replace({"Lao ngarm": "Lao Ngarm", "Ta oi": "Ta Oi"})
    total_ha = sum(PROVINCE_AREA_HA.values())
    core_provinces_ha = sum(PROVINCE_AREA_HA[p] for p in CORE_DISTRICTS)
    core_fraction = core_share * total_ha / core_provinces_ha  # of each core province's volume
    if core_fraction >= 1:
        msg = f"core_share {core_share} leaves no volume for the other districts; lower it."
        raise ScenarioError(msg)
    near = coffee_districts(districts)
    rows = []
    for province, area_ha in PROVINCE_AREA_HA.items():
        province_t = national_green_t * area_ha / total_ha
        in_prov = table[table["province"] == province]
        core = CORE_DISTRICTS.get(province)
        other = in_prov[in_prov["district"].isin(near[province]) & (in_prov["district"] != core)]
        parts = [(other, province_t * (1 - core_fraction) if core else province_t, "other")]
        if core:
            parts.append((in_prov[in_prov["district"] == core], province_t * core_fraction, "core"))
        for group, volume_t, kind in parts:
            rows.extend(_village_rows(group, volume_t, kind, province))
    out = pd.DataFrame(rows).sort_values("village_id").reset_index(drop=True)
    out["collected_t"] = (out["green_t"] / carried_ratio(list(out["district"]))).round(3)
    logger.info("derived %d coffee villages, %.0f t green", len(out), out["green_t"].sum())
    return out


_VOLUME_RANGE = (
    "DERIVED volume (national export spread by area share and village count): +-30 % per "
    "village (judgement: yields and area shares differ by village and year). Narrow with a "
    "village coffee census."
)


def _village_rows(
    group: pd.DataFrame, volume_t: float, kind: str, province: str
) -> list[dict[str, Any]]:
    if group.empty:
        return []
    per_village = volume_t / len(group)
    rule = (
        f"DERIVED: {province} area share of national {kind} volume / "
        f"{len(group)} villages of the {kind} coffee districts"
    )
    return [
        {
            "village_id": str(row["code"]),
            "name": row["name"],
            "district": row["district"],
            "province": province,
            "lon": round(row["lon"], 5),
            "lat": round(row["lat"], 5),
            "district_kind": kind,
            "green_t": round(per_village, 3),
            "green_t_low": round(per_village * 0.7, 3),
            "green_t_high": round(per_village * 1.3, 3),
            "collected_state": "mix",
            "collected_t": 0.0,  # set from the district's forms in derive_supply
            "rule": rule,
            "source": (
                "national 30,398 t (2021 export); province areas 2020 (Vientiane Times); "
                "core share 0.95 (Lao Coffee Association); "
                "forms by district: data/coffee_forms.csv; "
                "villages: ODM village layer"
            ),
            "estimate": True,
            "dist": "triangular",
            "range_source": _VOLUME_RANGE,
        }
        for _, row in group.iterrows()
    ]


def carried_ratio(districts: list[str]) -> Any:
    """Green kg per kg carried over the year for villages of these districts (their forms)."""
    from scenarios.common import load_conversions
    from scenarios.consolidate.forms import read_calendar, read_forms, village_forms
    from scenarios.consolidate.params import read_params

    forms = village_forms(
        districts,
        ["mix"] * len(districts),
        forms=read_forms(),
        calendar=read_calendar(),
        arabica_share=read_params().arabica_share,
        ratios=load_conversions(),
    )
    return forms.green_per_kg["year"]


def main() -> None:
    """Rewrite ``data/supply_villages.csv`` from the shared admin data."""
    districts = gpd.read_file(DISTRICTS)
    table = derive_supply(load_villages(), districts)
    table.to_csv(OUTPUT, index=False)
    logger.warning(
        "wrote %s: %d villages, %.1f t green", OUTPUT, len(table), table["green_t"].sum()
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
