"""Pickup and fleet file readers; every error names file, row, column and value.

Rows are numbered as in a spreadsheet: the header is row 1 (see :mod:`scenarios.common.tables`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from networks import Village, load_villages
from optimizer import Product
from scenarios.common import (
    NOTE_COLUMNS,
    DataFileError,
    Row,
    read_rows,
    read_toml,
    unknown_names_error,
)
from scenarios.pickups.carry import RoadEnd
from scenarios.pickups.hire import HireTariff

#: Default start of a driver's day and its length (estimates: no sourced Lao figure).
DEFAULT_SHIFT_START_S = 7 * 3600
DEFAULT_DAY_HOURS = 10.0


# --- pickups, fleet and villages -----------------------------------------------------------

PICKUP_COLUMNS = ("id", "weight_kg", "product")
PICKUP_OPTIONAL = (
    "lat",
    "lon",
    "village_code",
    "name",
    "day",
    "earliest_day",
    "latest_day",
    "tw_start",
    "tw_end",
    "service_min",
    "required",
    "penalty_lak",
    "max_hours_to_mill",
    "collection_point",
    *NOTE_COLUMNS,
)
FLEET_COLUMNS = ("type", "count")
FLEET_OPTIONAL = ("shift_start", "max_hours", "max_trips", *NOTE_COLUMNS)
#: Sane upper bounds: beyond them a value is a typo, and the engines' integers would overflow.
MAX_WEIGHT_KG = 1_000_000.0  # 1,000 t at one farm gate: far above any Bolaven village
MAX_PENALTY_LAK = 1e15  # ~ US$ 50 million per stop; engines sum penalties in int64
MAX_SERVICE_MIN = 24 * 60.0
MAX_DAY = 1_000  # day numbers of one planning file; far beyond one harvest
MAX_VEHICLES = 1_000


@dataclass(frozen=True, slots=True)
class PickupRecord:
    """One validated row of a pickups file (times in seconds since midnight)."""

    row: int
    id: str
    name: str
    lat: float
    lon: float
    weight_kg: float
    product: Product
    day: int | None
    tw_start_s: int
    tw_end_s: int | None
    service_s: int | None
    required: bool
    penalty_lak: int | None
    earliest_day: int | None = None  # harvest window: the planner chooses the day
    latest_day: int | None = None
    max_ride_s: int | None = None  # freshness limit to the mill (cherry default: the rules)
    collection_point: str = ""  # village code of the producer group's collection point
    feeder_cost_lak: float = 0.0  # village-to-point legs of the rows merged into this one
    road_end: RoadEnd | None = None  # collected at its track's road end (set by the pipeline)

    @property
    def flexible(self) -> bool:
        """Whether the row gives a window of days instead of one day."""
        return self.earliest_day is not None or self.latest_day is not None


@dataclass(frozen=True, slots=True)
class FleetEntry:
    """One validated row of a fleet file: how many trucks of a type, and their day."""

    row: int
    type: str
    count: int
    shift_start_s: int
    max_duration_s: int
    max_trips: int = 1
    tariff: HireTariff | None = None  # hired trucks: the tariff replaces the own cost model

    @classmethod
    def hired(cls, tariff: HireTariff) -> FleetEntry:
        """Trucks for hire, on the default driver's day (07:00, 10 h)."""
        return cls(
            row=tariff.row,
            type=tariff.type,
            count=tariff.count,
            shift_start_s=DEFAULT_SHIFT_START_S,
            max_duration_s=round(DEFAULT_DAY_HOURS * 3600),
            max_trips=tariff.max_trips,
            tariff=tariff,
        )


def villages_by_code(villages: Sequence[Village] | None = None) -> dict[str, Village]:
    """Village points by their code as written in a pickups file (default: the ODM layer)."""
    return {str(v.code): v for v in (load_villages() if villages is None else villages)}


def parse_clock(text: str) -> int:
    """``"HH:MM"`` (00:00-23:59, or 24:00) to seconds since midnight; ValueError otherwise."""
    hours, sep, minutes = text.partition(":")
    if not sep or not hours.isdigit() or not minutes.isdigit() or len(minutes) != 2:
        raise ValueError(text)
    h, m = int(hours), int(minutes)
    if h > 24 or m > 59 or (h == 24 and m):
        raise ValueError(text)
    return h * 3600 + m * 60


def format_clock(seconds: int) -> str:
    """Seconds since midnight as ``"HH:MM"`` (days beyond the first add 24 h)."""
    minutes = round(seconds / 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _clock(row: Row, column: str) -> int | None:
    if not row.text(column):
        return None
    try:
        return parse_clock(row.text(column))
    except ValueError:
        raise row.fail(column, "a time HH:MM") from None


def _location(row: Row, villages: Mapping[str, Village] | None) -> tuple[float, float, str]:
    code = row.text("village_code")
    if code and (row.text("lat") or row.text("lon")):
        raise row.fail("village_code", "either lat and lon, or a village_code, not both")
    if not row.text("lat") and not row.text("lon"):
        if not code:
            raise row.fail("lat", "lat and lon, or a village_code")
        if villages is None:
            villages = villages_by_code()
        village = villages.get(code)
        if village is None:
            raise row.fail("village_code", "a code of data/admin/south_laos_villages_odm.geojson")
        return village.lat, village.lon, village.name
    lat = row.number_("lat", minimum=-90, strict=False)
    lon = row.number_("lon", minimum=-180, strict=False)
    if lat > 90:
        raise row.fail("lat", "a latitude between -90 and 90")
    if lon > 180:
        raise row.fail("lon", "a longitude between -180 and 180")
    return lat, lon, ""


def _at_most(
    row: Row, column: str, maximum: float, *, minimum: float = 0.0, strict: bool = True
) -> float:
    """A finite number in (minimum, maximum] (or [minimum, maximum] when not ``strict``)."""
    value = row.number_(column, minimum=minimum, strict=strict)
    if value > maximum:
        op = ">" if strict else ">="
        raise row.fail(column, f"a number {op} {minimum:g} and <= {maximum:g}")
    return value


def _pickup(row: Row, villages: Mapping[str, Village] | None) -> PickupRecord:
    lat, lon, village_name = _location(row, villages)
    try:
        product = Product(row.text("product").lower())
    except ValueError:
        raise row.fail("product", "one of " + ", ".join(p.value for p in Product)) from None
    start = _clock(row, "tw_start")
    end = _clock(row, "tw_end")
    if start is not None and end is not None and end < start:
        raise row.fail("tw_end", f"a time at or after tw_start {row.text('tw_start')}")
    service = None
    if row.text("service_min"):
        service = round(_at_most(row, "service_min", MAX_SERVICE_MIN, strict=False) * 60)
    penalty = None
    if row.text("penalty_lak"):
        penalty = round(_at_most(row, "penalty_lak", MAX_PENALTY_LAK, strict=False))
    day, earliest, latest = (_day(row, c) for c in ("day", "earliest_day", "latest_day"))
    if day is not None and (earliest is not None or latest is not None):
        raise row.fail("day", "either a day or a window earliest_day..latest_day, not both")
    if earliest is not None and latest is not None and latest < earliest:
        raise row.fail("latest_day", f"a day at or after earliest_day {earliest}")
    return PickupRecord(
        row=row.number,
        id=row.text("id"),
        name=row.text("name") or village_name,
        lat=lat,
        lon=lon,
        weight_kg=_at_most(row, "weight_kg", MAX_WEIGHT_KG, minimum=1.0, strict=False),
        product=product,
        day=day,
        tw_start_s=start or 0,
        tw_end_s=end,
        service_s=service,
        required=row.boolean("required", default=True),
        penalty_lak=penalty,
        earliest_day=earliest,
        latest_day=latest,
        max_ride_s=_hours_s(row, "max_hours_to_mill"),
        collection_point=row.text("collection_point"),
    )


def _hours_s(row: Row, column: str) -> int | None:
    if not row.text(column):
        return None
    return round(_at_most(row, column, 24.0 * 7) * 3600)


def _day(row: Row, column: str) -> int | None:
    if not row.text(column):
        return None
    day = row.integer(column, minimum=1)
    if day > MAX_DAY:
        raise row.fail(column, f"a day number from 1 to {MAX_DAY}")
    return day


def read_pickups(
    path: Path, *, villages: Mapping[str, Village] | None = None
) -> tuple[PickupRecord, ...]:
    """Read and validate a pickups CSV; every error names the row and column.

    Columns: ``id, weight_kg, product`` and either ``lat, lon`` or ``village_code``; optional
    ``name, day, tw_start, tw_end`` (HH:MM), ``service_min, required, penalty_lak``, and
    ``earliest_day, latest_day`` (a harvest window: the planner chooses the day; one end alone
    leaves the other at the first or last day of the file), ``max_hours_to_mill`` (freshness
    limit; fresh cherry defaults to ``data/pickup_rules.toml``) and ``collection_point`` (the
    village code of the producer group's point the row's coffee is carried to).
    """
    records: list[PickupRecord] = []
    first_row: dict[str, int] = {}
    for row in read_rows(path, required=PICKUP_COLUMNS, optional=PICKUP_OPTIONAL, what="pickups"):
        pickup_id = row.text("id")
        if not pickup_id:
            raise row.fail("id", "a pickup id")
        if pickup_id in first_row:
            raise row.fail("id", f"a unique id (already on row {first_row[pickup_id]})")
        first_row[pickup_id] = row.number
        records.append(_pickup(row, villages))
    if not records:
        msg = f"{path.name}: expected at least one pickup row; got none"
        raise DataFileError(msg)
    return tuple(records)


def _count(row: Row) -> int:
    count = row.integer("count", minimum=1)
    if count > MAX_VEHICLES:
        raise row.fail("count", f"an integer from 1 to {MAX_VEHICLES}")
    return count


def _fleet_row(row: Row, known: Sequence[str]) -> FleetEntry:
    name = row.text("type")
    if name not in known:
        raise row.fail("type", "one of " + ", ".join(known))
    start = _clock(row, "shift_start")
    hours = row.number_("max_hours") if row.text("max_hours") else DEFAULT_DAY_HOURS
    if hours > 24:
        raise row.fail("max_hours", "a number of hours <= 24")
    return FleetEntry(
        row=row.number,
        type=name,
        count=_count(row),
        shift_start_s=DEFAULT_SHIFT_START_S if start is None else start,
        max_duration_s=round(hours * 3600),
        max_trips=row.integer("max_trips", minimum=1) if row.text("max_trips") else 1,
    )


def read_fleet(path: Path, *, known_types: Sequence[str]) -> tuple[FleetEntry, ...]:
    """Read a fleet file (CSV, or TOML with ``[[vehicle]]`` tables).

    Columns ``type, count`` and optional ``shift_start`` (HH:MM), ``max_hours`` and
    ``max_trips`` (reloads at the depot); errors name the row (or table) and column.
    """
    if path.suffix.lower() == ".toml":
        return _read_fleet_toml(path, known_types)
    entries = [
        _fleet_row(row, known_types)
        for row in read_rows(path, required=FLEET_COLUMNS, optional=FLEET_OPTIONAL, what="fleet")
    ]
    if not entries:
        msg = f"{path.name}: expected at least one vehicle row; got none"
        raise DataFileError(msg)
    return tuple(entries)


def _read_fleet_toml(path: Path, known_types: Sequence[str]) -> tuple[FleetEntry, ...]:
    data = read_toml(path, what="fleet")
    if set(data) - {"vehicle"}:
        where = f"{path.name}: top level"
        raise DataFileError(unknown_names_error(where, "key", set(data) - {"vehicle"}, ["vehicle"]))
    tables = data.get("vehicle")
    if not isinstance(tables, list) or not tables:
        msg = f"{path.name}: expected [[vehicle]] tables with type and count; got none"
        raise DataFileError(msg)
    return tuple(
        _fleet_table(path, index, table, known_types) for index, table in enumerate(tables, start=1)
    )


def _fleet_table(path: Path, index: int, table: object, known_types: Sequence[str]) -> FleetEntry:
    """One ``[[vehicle]]`` table: a table, known keys, plain values, then the row rules."""
    where = f"{path.name}: [[vehicle]] number {index}"
    if not isinstance(table, dict):
        msg = f"{where}: expected a table with type and count; got {table!r}"
        raise DataFileError(msg)
    valid = (*FLEET_COLUMNS, *FLEET_OPTIONAL)
    unknown = [k for k in table if k not in valid]
    if unknown:
        raise DataFileError(unknown_names_error(where, "key", unknown, valid))
    for key, value in table.items():
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            msg = f"{where}, key {key}: expected a number or text; got {value!r}"
            raise DataFileError(msg)
    row = Row(index, {str(k): str(v) for k, v in table.items()}, path.name)
    try:
        return _fleet_row(row, known_types)
    except DataFileError as exc:
        msg = str(exc).replace(f"row {index},", f"[[vehicle]] number {index},", 1)
        raise DataFileError(msg) from None
