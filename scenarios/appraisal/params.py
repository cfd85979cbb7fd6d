"""Parameters of the all-traffic road appraisal, read from ``data/appraisal_params.toml``.

Every entry of the file carries its ``source``, an ``estimate`` flag and a range (``low``,
``high``); this module keeps the central values in one frozen record. The ranges are read and
validated with every other data file's by :func:`scenarios.common.file_ranges`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scenarios.common import DATA_DIR, read_toml

__all__ = [
    "APPRAISAL_CLASSES",
    "AppraisalParams",
    "load_appraisal_params",
]

APPRAISAL_CLASSES = (
    "motorcycle",
    "car_pickup",
    "bus",
    "light_truck",
    "medium_truck",
    "heavy_truck",
)
"""Vehicle classes of the traffic counts and of the benefit split, lightest first."""

SURFACES = ("paved", "gravel", "earth")


@dataclass(frozen=True, slots=True)
class AppraisalParams:
    """Central values of the appraisal parameters (see ``data/appraisal_params.toml``)."""

    discount_rate: float
    base_year: int
    conversion_factor_works: float
    conversion_factor_voc: float
    value_of_time_lak_per_passenger_hour: float
    occupancy: dict[str, float]
    vehicle_profile: dict[str, str]
    motorcycle: dict[str, float]
    hours_per_day: float
    voc_pct_per_iri_above_cap: float
    speed_pct_per_iri_above_5: float
    wet_season_share: float
    roughness_growth: dict[str, float]
    roughness_cap: dict[str, float]
    maintenance_usd_per_km_per_year: dict[str, float]
    residual_value_share: dict[str, float]
    generated_traffic_elasticity: float
    generated_traffic_cap: float

    def __post_init__(self) -> None:
        for name in ("conversion_factor_works", "conversion_factor_voc", "wet_season_share"):
            value = getattr(self, name)
            if not 0 < value <= 1.5:
                msg = f"appraisal parameters: expected 0 < {name} <= 1.5; got {value}"
                raise ValueError(msg)
        for table in ("roughness_growth", "roughness_cap", "maintenance_usd_per_km_per_year"):
            missing = sorted(set(SURFACES) - set(getattr(self, table)))
            if missing:
                msg = f"appraisal parameters: {table} lacks surfaces {missing}"
                raise ValueError(msg)


_SCALARS = (
    "discount_rate",
    "conversion_factor_works",
    "conversion_factor_voc",
    "value_of_time_lak_per_passenger_hour",
    "hours_per_day",
    "voc_pct_per_iri_above_cap",
    "speed_pct_per_iri_above_5",
    "wet_season_share",
    "generated_traffic_elasticity",
    "generated_traffic_cap",
)
_TABLES = {
    "occupancy": "occupancy",
    "motorcycle": "motorcycle",
    "roughness_growth": "roughness_growth_m_per_km_per_year",
    "roughness_cap": "roughness_cap_m_per_km",
    "maintenance_usd_per_km_per_year": "maintenance_usd_per_km_per_year",
    "residual_value_share": "residual_value_share",
}
_META = {"unit", "source", "estimate", "low", "high", "dist", "value"}


def _number(raw: dict[str, Any], key: str, source: Path) -> float:
    value = raw.get("value")
    if not isinstance(value, int | float) or not math.isfinite(value):
        msg = f"{source.name}: [{key}] expected a finite number 'value'; got {value!r}"
        raise ValueError(msg)
    return float(value)


def _table(raw: dict[str, Any], key: str, source: Path) -> dict[str, float]:
    return {k: _number(v, f"{key}.{k}", source) for k, v in raw.items() if k not in _META}


def _read(path: Path | None) -> tuple[dict[str, Any], Path]:
    source = path or DATA_DIR / "appraisal_params.toml"
    return read_toml(source, what="appraisal parameters"), source


def load_appraisal_params(path: Path | None = None, **overrides: float) -> AppraisalParams:
    """The central appraisal parameters; ``overrides`` replace scalar values by name."""
    raw, source = _read(path)
    for key in (*_SCALARS, "base_year", *_TABLES.values(), "vehicle_profile"):
        if key not in raw:
            msg = f"{source.name}: expected a [{key}] table; got {', '.join(sorted(raw))}"
            raise ValueError(msg)
    scalars: dict[str, Any] = {k: _number(raw[k], k, source) for k in _SCALARS}
    tables = {name: _table(raw[key], key, source) for name, key in _TABLES.items()}
    profiles = {k: str(v) for k, v in raw["vehicle_profile"].items() if k not in _META}
    values: dict[str, Any] = {
        **scalars,
        **tables,
        "vehicle_profile": profiles,
        "base_year": int(_number(raw["base_year"], "base_year", source)),
    }
    unknown = sorted(set(overrides) - set(values))
    if unknown:
        msg = f"appraisal parameters: unknown overrides {unknown}; valid: {', '.join(_SCALARS)}"
        raise ValueError(msg)
    values.update(overrides)
    return AppraisalParams(**values)
