"""Pickup-planning rules from ``data/pickup_rules.toml``: cherry freshness and feeder legs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from optimizer import Product
from scenarios.common import DATA_DIR, DataFileError, check_file, read_toml
from scenarios.pickups.io import PickupRecord

__all__ = ["PICKUP_RULES", "PickupRules", "load_pickup_rules", "with_cherry_limits"]

PICKUP_RULES = DATA_DIR / "pickup_rules.toml"
#: the carry over a village track to its road end: one rate, shared with the consolidation model
CARRY_RATE_FILE = DATA_DIR / "consolidation_params.toml"
_CARRY_KEY = "carry_lak_per_tkm"
_KEYS = ("cherry_max_hours_to_mill", "feeder_lak_per_t_km", "feeder_detour_factor")


@dataclass(frozen=True, slots=True)
class PickupRules:
    """Defaults of the pickup planner (central values of flagged estimates).

    Parameters
    ----------
    cherry_max_hours_to_mill
        Fresh cherry: most hours from loading to arrival at the mill (a row's
        ``max_hours_to_mill`` overrides it).
    feeder_lak_per_t_km
        Cost of carrying coffee from a village to its collection point (motorbike or on foot).
    feeder_detour_factor
        Path length over straight-line distance on that leg.
    carry_lak_per_t_km
        Cost of carrying coffee over a village track no available truck may use, to the road end
        where the truck meets it (motorbike or hand tractor): ``carry_lak_per_tkm`` of
        ``data/consolidation_params.toml``, the rate the consolidation model uses for that leg.
    """

    cherry_max_hours_to_mill: float = 8.0
    feeder_lak_per_t_km: float = 30_000.0
    feeder_detour_factor: float = 1.3
    carry_lak_per_t_km: float = 15_000.0

    @property
    def cherry_max_ride_s(self) -> int:
        """The freshness limit in whole seconds."""
        return round(self.cherry_max_hours_to_mill * 3600)


def load_pickup_rules(path: Path | None = None) -> PickupRules:
    """Read the rules (default ``data/pickup_rules.toml``); each key is ``{value, ...}``."""
    source = path or PICKUP_RULES
    check_file(source)
    data = read_toml(source, what="pickup rules")
    unknown = sorted(set(data) - set(_KEYS))
    if unknown:
        msg = f"{source.name}: unknown keys {unknown}; choose from: {', '.join(_KEYS)}"
        raise DataFileError(msg)
    values = {key: _positive_value(data, key, source) for key in _KEYS}
    carry = read_toml(CARRY_RATE_FILE, what="consolidation parameters")
    return PickupRules(
        **values, carry_lak_per_t_km=_positive_value(carry, _CARRY_KEY, CARRY_RATE_FILE)
    )


def _positive_value(data: Mapping[str, Any], key: str, source: Path) -> float:
    """The number > 0 of entry ``key`` (``{value, ...}`` or a bare number) of a TOML file."""
    entry = data.get(key)
    value = entry.get("value") if isinstance(entry, dict) else entry
    if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
        msg = f"{source.name}: key {key}: expected a number > 0 (value = ...); got {value!r}"
        raise DataFileError(msg)
    return float(value)


def with_cherry_limits(
    records: tuple[PickupRecord, ...], rules: PickupRules
) -> tuple[PickupRecord, ...]:
    """Fresh-cherry rows without their own ``max_hours_to_mill`` get the rules' limit."""
    return tuple(
        replace(r, max_ride_s=rules.cherry_max_ride_s)
        if r.product is Product.CHERRY and r.max_ride_s is None
        else r
        for r in records
    )
