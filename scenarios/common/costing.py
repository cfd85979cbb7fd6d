"""Glue between the cost data files, the optimizer's cost model and the networks package.

- :func:`load_vehicle_profiles`, :func:`load_cost_rates`, :func:`load_conversions` read
  ``data/vehicles.csv``, ``data/cost_rates.toml`` and ``data/conversions.csv`` into the typed
  records of :mod:`optimizer.costs` (the optimizer never reads files itself).
- :func:`make_edge_cost` turns a vehicle profile and rates into the vectorised
  ``edge_cost(length_m, duration_s, iri_m_per_km) -> cost_lak`` callable that
  ``networks.travel_matrix`` / ``networks.route`` accept.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import MISSING, fields, replace
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from networks import VehicleClass
from optimizer import ConversionRatios, CostRates, Product, VehicleProfile, edge_cost_lak
from scenarios.common.errors import DataFileError, UnknownNameError
from scenarios.common.paths import DATA_DIR
from scenarios.common.ranges import check_file
from scenarios.common.tables import read_rows, read_toml

VEHICLES_CSV = DATA_DIR / "vehicles.csv"
COST_RATES_TOML = DATA_DIR / "cost_rates.toml"
CONVERSIONS_CSV = DATA_DIR / "conversions.csv"

EdgeCost = Callable[
    [npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.float64]],
    npt.NDArray[np.float64],
]

_NETWORK_CLASSES = tuple(v.value for v in VehicleClass)

#: The cost-rate keys without a default in :class:`optimizer.CostRates`: the file must set them.
_REQUIRED_RATES = tuple(
    f.name for f in fields(CostRates) if f.default is MISSING and f.default_factory is MISSING
)

_VEHICLE_COLUMNS = (
    "name",
    "network_class",
    "capacity_kg",
    "fuel_l_per_km",
    "maintenance_usd_per_km",
    "tyres_usd_per_km",
    "fixed_usd_per_day",
    "crew",
)


def load_vehicle_profiles(path: Path | None = None) -> tuple[VehicleProfile, ...]:
    """Read vehicle types (default ``data/vehicles.csv``); errors name row and column."""
    source = path or VEHICLES_CSV
    check_file(source)
    profiles: list[VehicleProfile] = []
    seen: set[str] = set()
    for row in read_rows(source, required=_VEHICLE_COLUMNS, what="vehicle types"):
        name = row.text("name")
        if not name:
            raise row.fail("name", "a vehicle type name")
        if name in seen:
            raise row.fail("name", "a name not used on an earlier row")
        seen.add(name)
        network_class = row.text("network_class")
        if network_class not in _NETWORK_CLASSES:
            raise row.fail("network_class", "one of " + ", ".join(_NETWORK_CLASSES))
        profiles.append(
            VehicleProfile(
                name=name,
                network_class=network_class,
                capacity_kg=row.integer("capacity_kg", minimum=1),
                fuel_l_per_km=row.number_("fuel_l_per_km", strict=False),
                maintenance_usd_per_km=row.number_("maintenance_usd_per_km", strict=False),
                tyres_usd_per_km=row.number_("tyres_usd_per_km", strict=False),
                fixed_usd_per_day=row.number_("fixed_usd_per_day", strict=False),
                crew=row.integer("crew", minimum=1),
            )
        )
    if not profiles:
        msg = f"{source.name}: expected at least one vehicle type row; got none"
        raise DataFileError(msg)
    return tuple(profiles)


def _rate_value(key: str, entry: Any, source: Path) -> float:
    value = entry.get("value") if isinstance(entry, dict) else entry
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    msg = f"{source.name}: [{key}] expected a number in 'value'; got {value!r}"
    raise DataFileError(msg)


def load_cost_rates(path: Path | None = None, **overrides: float) -> CostRates:
    """Read cost rates (default ``data/cost_rates.toml``); keyword ``overrides`` replace values.

    Every entry is a table ``{value, unit, source, estimate}``; a bare number is accepted too.
    """
    source = path or COST_RATES_TOML
    check_file(source)
    data = read_toml(source, what="cost rates")
    names = [f.name for f in fields(CostRates)]
    unknown = sorted(set(data) - set(names))
    if unknown:
        msg = f"{source.name}: unknown keys {unknown}; choose from: {', '.join(names)}"
        raise DataFileError(msg)
    values = {key: _rate_value(key, entry, source) for key, entry in data.items()}
    missing = [n for n in _REQUIRED_RATES if n not in values]
    if missing:
        msg = f"{source.name}: expected keys {', '.join(missing)}; they are missing"
        raise DataFileError(msg)
    rates = CostRates(**values)
    bad = sorted(set(overrides) - set(names))
    if bad:
        msg = f"unknown cost rate override {bad}; choose from: {', '.join(names)}"
        raise UnknownNameError(msg)
    return replace(rates, **overrides) if overrides else rates


def load_conversions(path: Path | None = None) -> ConversionRatios:
    """Read green-equivalent conversion ratios (default ``data/conversions.csv``)."""
    source = path or CONVERSIONS_CSV
    pairs: list[tuple[Product, float]] = []
    choices = ", ".join(p.value for p in Product)
    for row in read_rows(source, required=("product", "green_kg_per_kg"), what="conversions"):
        try:
            product = Product(row.text("product"))
        except ValueError:
            raise row.fail("product", f"one of {choices}") from None
        pairs.append((product, row.number_("green_kg_per_kg")))
    return ConversionRatios(tuple(pairs))


def find_profile(profiles: Sequence[VehicleProfile], name: str) -> VehicleProfile:
    """The profile called ``name``; an :class:`UnknownNameError` lists the choices otherwise."""
    for profile in profiles:
        if profile.name == name:
            return profile
    msg = f"Unknown vehicle type {name!r}. Choose from: {', '.join(p.name for p in profiles)}."
    raise UnknownNameError(msg)


@functools.lru_cache(maxsize=64)
def make_edge_cost(profile: VehicleProfile, rates: CostRates) -> EdgeCost:
    """A vectorised ``(length_m, duration_s, iri_m_per_km) -> cost_lak`` for ``profile``.

    The cost covers distance (fuel, maintenance, tyres, all rising with roughness) and crew
    time; the fixed cost per vehicle-day is charged once per route by the optimizer. Equal
    arguments give the same function, so a network's graph arrays (cached per edge-cost
    function) are built once for them.
    """

    def edge_cost(
        length_m: npt.NDArray[np.float64],
        duration_s: npt.NDArray[np.float64],
        iri_m_per_km: npt.NDArray[np.float64],
    ) -> npt.NDArray[np.float64]:
        return edge_cost_lak(profile, rates, length_m, duration_s, iri_m_per_km)

    return edge_cost
