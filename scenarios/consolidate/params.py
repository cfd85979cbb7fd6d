"""The consolidation model's parameters (``data/consolidation_params.toml``) as a typed record.

Every table of the file is ``{value, unit, source, estimate}``; only the values reach the model.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from scenarios.common import DATA_DIR, DataFileError, check_file, read_toml

__all__ = ["PARAMS_TOML", "ConsolidationParams", "read_params"]

PARAMS_TOML = DATA_DIR / "consolidation_params.toml"


@dataclass(frozen=True, slots=True)
class ConsolidationParams:
    """The model parameters of ``data/consolidation_params.toml`` (units and sources there)."""

    collection_vehicle_dry: str
    collection_vehicle_wet: str
    trunk_vehicle: str
    arabica_share: float
    collection_empty_return: float
    trunk_empty_return: float
    truck_hours_per_day: float
    wb2018_diesel_lak_per_l: float
    wb2018_lak_per_usd: float
    wb2018_crew_wage_lak_per_hour: float
    supply_max_connector_m: float
    carry_lak_per_tkm: float
    queue_alpha: float
    queue_beta: float
    queue_segments: float
    border_traffic_year: float
    reroute_penalty_usd_per_t: float
    export_value_usd_per_t: float
    lao_carrier_markup: float
    foreign_carrier_margin: float
    onward_fuel_share: float
    onward_diesel_ref_lak_per_l: float

    def __post_init__(self) -> None:
        if not 0 <= self.arabica_share <= 1:
            msg = f"Expected arabica_share between 0 and 1; got {self.arabica_share}"
            raise DataFileError(msg)
        if not (0 <= self.onward_fuel_share <= 1 and self.queue_segments >= 1):
            msg = (
                "Expected onward_fuel_share in [0, 1] and queue_segments >= 1; got "
                f"{self.onward_fuel_share} and {self.queue_segments}"
            )
            raise DataFileError(msg)
        if not 0 < self.truck_hours_per_day <= 24:
            msg = f"Expected truck_hours_per_day in (0, 24]; got {self.truck_hours_per_day}"
            raise DataFileError(msg)


def _param_value(path: Path, key: str, entry: object, kind: type[str | float]) -> str | float:
    value = entry.get("value") if isinstance(entry, dict) else None
    if kind is str and isinstance(value, str) and value:
        return value
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    if kind is float and isinstance(value, int | float) and is_number and math.isfinite(value):
        return float(value)
    expected = "a vehicle type name" if kind is str else "a number"
    msg = f"{path.name}: [{key}] expected a table with a 'value' that is {expected}, got {entry!r}."
    raise DataFileError(msg)


def read_params(path: Path | None = None) -> ConsolidationParams:
    """The ``value`` of every table in ``consolidation_params.toml``, typed and checked."""
    path = path or PARAMS_TOML
    check_file(path)
    data = read_toml(path, what="consolidation parameters")
    kinds: dict[str, type[str | float]] = {
        f.name: (str if f.type == "str" else float) for f in fields(ConsolidationParams)
    }
    unknown = sorted(set(data) - set(kinds))
    missing = [k for k in kinds if k not in data]
    if unknown or missing:
        msg = (
            f"{path.name}: expected the tables {', '.join(kinds)}; "
            f"unknown: {', '.join(unknown) or 'none'}; missing: {', '.join(missing) or 'none'}."
        )
        raise DataFileError(msg)
    values: dict[str, Any] = {k: _param_value(path, k, data[k], kind) for k, kind in kinds.items()}
    return ConsolidationParams(**values)
