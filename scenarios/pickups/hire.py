"""Trucks for hire beside the own fleet: tariffs per day or per trip (``data/hire_tariffs.csv``).

A tariff row offers ``count`` trucks of a vehicle class (capacity and the roads it may use come
from ``data/vehicles.csv``) at ``fixed_lak`` per day or per trip plus ``per_km_lak`` per km
driven; the tariff replaces the own-fleet cost model (driver, fuel and truck are the hauler's).
A ``trip`` row is one trip per truck; a ``day`` row allows ``max_trips``. The planner uses hired
trucks where they are cheaper, and the plan reports own and hired cost apart. The shipped
figures are flagged estimates with ranges (see the file's ``source`` and ``range_source``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from scenarios.common import DATA_DIR, DataFileError, Row, read_rows

__all__ = ["HIRE_TARIFFS", "HireTariff", "read_hire_tariffs"]

HIRE_TARIFFS = DATA_DIR / "hire_tariffs.csv"
HIRE_COLUMNS = ("id", "type", "basis", "count", "fixed_lak", "per_km_lak")
HIRE_OPTIONAL = (
    "max_trips",
    "fixed_lak_low",
    "fixed_lak_high",
    "per_km_lak_low",
    "per_km_lak_high",
    "source",
    "estimate",
    "dist",
    "range_source",
    "note",
)
BASES = ("day", "trip")
#: Sane upper bounds: beyond them a value is a typo (US$ ~4,600 a trip, ~US$ 46 a km).
MAX_TARIFF_LAK = 100_000_000
MAX_PER_KM_LAK = 1_000_000
MAX_HIRED = 100


@dataclass(frozen=True, slots=True)
class HireTariff:
    """One validated tariff row: trucks of a class for hire per day or per trip."""

    row: int
    id: str
    type: str
    basis: str
    count: int
    max_trips: int
    fixed_lak: int
    per_km_lak: float


def _bounded(row: Row, column: str, maximum: float) -> float:
    value = row.number_(column, strict=False)
    if value > maximum:
        raise row.fail(column, f"a number >= 0 and <= {maximum:,.0f}")
    return value


def _tariff(row: Row, known: Sequence[str]) -> HireTariff:
    if not row.text("id"):
        raise row.fail("id", "a tariff id")
    if row.text("type") not in known:
        raise row.fail("type", "one of " + ", ".join(known))
    basis = row.text("basis").lower()
    if basis not in BASES:
        raise row.fail("basis", "one of " + ", ".join(BASES))
    count = row.integer("count", minimum=1)
    if count > MAX_HIRED:
        raise row.fail("count", f"an integer from 1 to {MAX_HIRED}")
    trips = row.integer("max_trips", minimum=1) if row.text("max_trips") else 1
    if basis == "trip" and trips != 1:
        raise row.fail("max_trips", "1 for a tariff per trip (each trip is paid apart)")
    return HireTariff(
        row=row.number,
        id=row.text("id"),
        type=row.text("type"),
        basis=basis,
        count=count,
        max_trips=trips,
        fixed_lak=round(_bounded(row, "fixed_lak", MAX_TARIFF_LAK)),
        per_km_lak=_bounded(row, "per_km_lak", MAX_PER_KM_LAK),
    )


def read_hire_tariffs(path: Path, *, known_types: Sequence[str]) -> tuple[HireTariff, ...]:
    """Read a tariff file; every error names the row and column. Ids are unique."""
    tariffs: list[HireTariff] = []
    seen: dict[str, int] = {}
    for row in read_rows(path, required=HIRE_COLUMNS, optional=HIRE_OPTIONAL, what="hire"):
        tariff = _tariff(row, known_types)
        if tariff.id in seen:
            raise row.fail("id", f"a unique id (already on row {seen[tariff.id]})")
        seen[tariff.id] = row.number
        tariffs.append(tariff)
    if not tariffs:
        msg = f"{path.name}: expected at least one tariff row; got none"
        raise DataFileError(msg)
    return tuple(tariffs)
