"""Ranges of the estimated inputs: read and validated in this one module.

Every parameter flagged ``estimate`` in ``data/`` and ``scenarios/library/`` carries a range in
its own file: ``low`` and ``high`` (hard bounds that no Monte Carlo draw goes beyond), ``dist``
(``uniform``, ``triangular`` with its mode at the central value, or ``lognormal`` with its
median at the central value, truncated to the bounds) and ``range_source`` (why this range).

File formats (aligned with ``data/appraisal_params.toml`` and ``data/traffic.csv``):

- CSV: for a ranged column ``X`` the columns ``X_low`` and ``X_high``, plus one ``dist`` and one
  ``range_source`` per row. Which columns a row's estimate flag covers is listed in
  :data:`CSV_RANGED` (a flag that covers no number, e.g. a location, needs ``range_source``).
- TOML entry with a numeric ``value``: the keys ``low``, ``high``, ``dist``, ``range_source``.
- TOML table of numbers (``[iri_m_per_km]``, a scenario's ``[border.x]``): a ``range`` table with
  ``{low, high}`` per number (same key path) or ``low_factor`` / ``high_factor`` for all its
  numbers, plus ``dist`` and ``range_source``.
- An estimate that is not a number (a vehicle choice, a surface rule) needs ``range_source``
  saying why it has no numeric range.

Validation raises :class:`~optimizer.exceptions.DataFileError` naming file, row or key.
"""

from __future__ import annotations

import csv
import math
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scenarios.common.errors import DataFileError

__all__ = [
    "CSV_RANGED",
    "DISTRIBUTIONS",
    "ParamRange",
    "check_file",
    "csv_ranges",
    "file_ranges",
    "range_columns",
    "toml_ranges",
]

DISTRIBUTIONS = ("uniform", "triangular", "lognormal")

#: file name -> (id column, {estimate flag column: value columns it covers})
CSV_RANGED: dict[str, tuple[str, dict[str, tuple[str, ...]]]] = {
    "hubs.csv": (
        "hub_id",
        {"estimate": ("capacity_t", "fixed_cost_usd_per_yr", "handling_usd_per_t")},
    ),
    "gateways.csv": (
        "gateway_id",
        {
            "hours_estimate": (),
            "clearance_estimate": ("clearance_h",),
            "fee_estimate": ("fee_usd_per_truck",),
            "onward_rate_estimate": ("onward_usd_per_km",),
            "capacity_estimate": ("capacity_trucks_per_day",),
            "transload_estimate": ("transload_usd_per_t", "transload_h"),
        },
    ),
    "corridors.csv": ("corridor_id", {"km_estimate": ("road_km",)}),
    "vehicles.csv": (
        "name",
        {
            "estimate": (
                "fuel_l_per_km",
                "maintenance_usd_per_km",
                "tyres_usd_per_km",
                "fixed_usd_per_day",
                "crew",
            )
        },
    ),
    "road_conditions.csv": ("ref", {"estimate": ("iri_m_per_km",)}),
    "harvest_calendar.csv": ("month", {"estimate": ("arabica_share", "robusta_share")}),
    "supply_villages.csv": ("village_id", {"estimate": ("green_t",)}),
    "places.csv": ("name", {"estimate": ()}),
    "conversions.csv": ("product", {"estimate": ("green_kg_per_kg",)}),
    "coffee_forms.csv": ("form_id", {"estimate": ("share", "lag_days")}),
    "markets.csv": ("market", {"estimate": ("share_pct",)}),
    "ocean_freight.csv": ("route_id", {"estimate": ("usd_per_teu",)}),
    "hire_tariffs.csv": ("id", {"estimate": ("fixed_lak", "per_km_lak")}),
}


def range_columns(file_name: str) -> tuple[str, ...]:
    """The estimate flags and range columns a file of :data:`CSV_RANGED` may carry.

    Per flag: the flag, ``X_low`` and ``X_high`` of each value column ``X`` it covers; then
    ``dist`` and ``range_source`` (empty for a file with no ranged columns).
    """
    if file_name not in CSV_RANGED:
        return ()
    flags = CSV_RANGED[file_name][1]
    bounds = [f"{c}_{end}" for cols in flags.values() for c in cols for end in ("low", "high")]
    return (*flags, *bounds, "dist", "range_source")


_META = {"unit", "source", "estimate", "low", "high", "dist", "range_source", "range", "value"}


@dataclass(frozen=True, slots=True)
class ParamRange:
    """One ranged number: where it lives, its central value and its bounds.

    ``key`` is ``<file stem>.<row or key path>.<column>`` (e.g. ``hubs.paksong.capacity_t``,
    ``cost_rates.diesel_lak_per_l``); ``low <= value <= high``.
    """

    key: str
    file: str
    value: float
    low: float
    high: float
    dist: str
    range_source: str
    source: str
    estimate: bool

    def __post_init__(self) -> None:
        problem = _check(self.value, self.low, self.high, self.dist)
        if problem:
            msg = f"{self.file}: {self.key}: {problem}"
            raise DataFileError(msg)


def _check(value: float, low: float, high: float, dist: str) -> str:
    if dist not in DISTRIBUTIONS:
        return f"expected dist one of {', '.join(DISTRIBUTIONS)}; got {dist!r}"
    if not all(math.isfinite(x) for x in (value, low, high)):
        return f"expected finite low, value, high; got {low}, {value}, {high}"
    if not low <= value <= high:
        return f"expected low <= value <= high; got low={low}, value={value}, high={high}"
    if dist == "lognormal" and low <= 0:
        return f"a lognormal range needs low > 0; got low={low}"
    return ""


def _number(text: object, where: str) -> float:
    try:
        number = float(str(text).strip())
    except ValueError:
        number = math.nan
    if isinstance(text, bool) or not math.isfinite(number):
        msg = f"{where}: expected a number; got {text!r}"
        raise DataFileError(msg)
    return number


def _truthy(text: object) -> bool:
    return str(text).strip().lower() in {"true", "1", "yes"}


# -- CSV ------------------------------------------------------------------------------------------


def _csv_row(
    name: str, line: int, row: Mapping[str, str], spec: tuple[str, dict[str, tuple[str, ...]]]
) -> Iterator[ParamRange]:
    id_column, flags = spec
    row_id = (row.get(id_column) or "").strip()
    if name == "road_conditions.csv" and (row.get("section_from") or "").strip():
        row_id = f"{row_id}:{row['section_from'].strip()}-{(row.get('section_to') or '').strip()}"
    why = (row.get("range_source") or "").strip()
    for flag, columns in flags.items():
        estimate = _truthy(row.get(flag, ""))
        if estimate and not why:
            msg = f"{name} row {line} ({row_id}): {flag} is true; expected a range_source"
            raise DataFileError(msg)
        for column in columns:
            where = f"{name} row {line} ({row_id}), column {column}"
            value_text = (row.get(column) or "").strip()
            low_text = (row.get(f"{column}_low") or "").strip()
            high_text = (row.get(f"{column}_high") or "").strip()
            if not value_text or not (estimate or low_text or high_text):
                continue
            if not low_text or not high_text:
                msg = f"{where}: an estimate needs {column}_low and {column}_high; got none"
                raise DataFileError(msg)
            dist = (row.get("dist") or "").strip()
            problem = _check(
                _number(value_text, where),
                _number(low_text, f"{where}_low"),
                _number(high_text, f"{where}_high"),
                dist,
            )
            if problem:
                raise DataFileError(f"{where}: {problem}")
            yield ParamRange(
                key=f"{Path(name).stem}.{row_id}.{column}",
                file=name,
                value=float(value_text),
                low=float(low_text),
                high=float(high_text),
                dist=dist,
                range_source=why,
                source=(
                    row.get("source") or row.get(flag.replace("estimate", "source")) or ""
                ).strip(),
                estimate=estimate,
            )


def csv_ranges(path: Path) -> tuple[ParamRange, ...]:
    """The ranges of a CSV data file (none for a file not listed in :data:`CSV_RANGED`)."""
    spec = CSV_RANGED.get(path.name)
    if spec is None:
        return ()
    with path.open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    out: list[ParamRange] = []
    for line, row in enumerate(rows, start=2):
        out.extend(_csv_row(path.name, line, row, spec))
    return tuple(out)


# -- TOML -----------------------------------------------------------------------------------------


def _leaves(table: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, float]]:
    for key, item in table.items():
        if key in _META:
            continue
        if isinstance(item, Mapping) and isinstance(item.get("value"), int | float):
            yield f"{prefix}{key}", float(item["value"])  # inline {value, low, high}
        elif isinstance(item, Mapping):
            yield from _leaves(item, f"{prefix}{key}.")
        elif isinstance(item, int | float) and not isinstance(item, bool):
            yield f"{prefix}{key}", float(item)


def _lookup(table: Mapping[str, Any], path: str) -> Any:
    item: Any = table
    for part in path.split("."):
        item = item.get(part) if isinstance(item, Mapping) else None
    return item


def _value_entry(
    file: str, path: str, entry: Mapping[str, Any], label: str
) -> Iterator[ParamRange]:
    """An entry with a numeric ``value``: ``low``, ``high``, ``dist``, ``range_source`` keys."""
    estimate = bool(entry.get("estimate", False))
    where = f"{file}: [{path}]"
    if not estimate and "low" not in entry:
        return
    missing = [k for k in ("low", "high", "dist") if k not in entry]
    if "range_source" not in entry and "source" not in entry:
        missing.append("range_source")
    if missing:
        msg = f"{where} is an estimate; expected keys {', '.join(missing)} for its range"
        raise DataFileError(msg)
    bounds = (_number(entry["low"], f"{where} low"), _number(entry["high"], f"{where} high"))
    spec = {**entry, "range_source": entry.get("range_source") or entry.get("source")}
    yield _toml_range(f"{label}.{path}", file, float(entry["value"]), bounds, spec, entry)


def _toml_range(
    key: str,
    file: str,
    value: float,
    bounds: tuple[float, float],
    spec: Mapping[str, Any],
    entry: Mapping[str, Any],
) -> ParamRange:
    problem = _check(value, bounds[0], bounds[1], str(spec["dist"]))
    if problem:
        raise DataFileError(f"{file}: {key}: {problem}")
    return ParamRange(
        key, file, value, bounds[0], bounds[1], str(spec["dist"]), str(spec["range_source"]),
        str(entry.get("source", "")), bool(entry.get("estimate", False)),
    )  # fmt: skip


def _bounds(
    spec: Mapping[str, Any], leaf: str, number: float, where: str, entry: Mapping[str, Any]
) -> tuple[float, float]:
    bounds = _lookup(entry, leaf)
    if not (isinstance(bounds, Mapping) and "low" in bounds):
        bounds = _lookup(spec, leaf)
    if isinstance(bounds, Mapping) and "low" in bounds and "high" in bounds:
        low = _number(bounds["low"], f"{where} range.{leaf}.low")
        return low, _number(bounds["high"], f"{where} range.{leaf}.high")
    if "low_factor" in spec and "high_factor" in spec:
        low = number * _number(spec["low_factor"], f"{where} range.low_factor")
        return low, number * _number(spec["high_factor"], f"{where} range.high_factor")
    msg = f"{where} range: expected {{low, high}} for {leaf!r} (or low_factor/high_factor)"
    raise DataFileError(msg)


def _table_entry(
    file: str, path: str, entry: Mapping[str, Any], label: str
) -> Iterator[ParamRange]:
    """A table of numbers (or of words) flagged ``estimate``: its ``range`` table, or inline
    ``{value, low, high}`` numbers with ``dist`` on the table (the appraisal file's layout)."""
    estimate = bool(entry.get("estimate", False))
    where = f"{file}: [{path}]"
    leaves = list(_leaves(entry))
    table = entry.get("range")
    inline = any(isinstance(_lookup(entry, leaf), Mapping) for leaf, _ in leaves)
    why = entry.get("range_source") or (table or {}).get("range_source") or entry.get("source")
    if not leaves or (not estimate and table is None and not inline):
        if estimate and not why:
            msg = f"{where} is an estimate with no number; expected range_source saying why"
            raise DataFileError(msg)
        return
    if not isinstance(table, Mapping) and not inline:
        msg = f"{where} is an estimate; expected a range table ({{low, high}} per number)"
        raise DataFileError(msg)
    spec = {**(table or {}), "range_source": why}
    spec.setdefault("dist", entry.get("dist"))
    if not spec["dist"] or not why:
        raise DataFileError(f"{where} range: expected keys 'dist' and 'range_source'")
    for leaf, number in leaves:
        bounds = _bounds(spec, leaf, number, where, entry)
        yield _toml_range(f"{label}.{path}.{leaf}", file, number, bounds, spec, entry)


def _entry(file: str, path: str, entry: Mapping[str, Any], label: str) -> Iterator[ParamRange]:
    value = entry.get("value")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _value_entry(file, path, entry, label)
    return _table_entry(file, path, entry, label)


def _walk(file: str, table: Mapping[str, Any], path: str, label: str) -> Iterator[ParamRange]:
    if path and ("estimate" in table or "value" in table):
        yield from _entry(file, path, table, label)
        return
    for key, item in table.items():
        sub = f"{path}.{key}" if path else key
        if isinstance(item, Mapping):
            yield from _walk(file, item, sub, label)
        elif isinstance(item, list):
            for i, element in enumerate(item):
                if isinstance(element, Mapping):
                    name = element.get("name", element.get("ref", i))
                    yield from _walk(file, element, f"{sub}.{name}", label)


def toml_ranges(
    doc: Mapping[str, Any], file: str, *, label: str | None = None
) -> tuple[ParamRange, ...]:
    """The ranges of a parsed TOML document; ``label`` prefixes the keys (default: file stem)."""
    return tuple(_walk(file, doc, "", label or Path(file).stem))


def file_ranges(path: Path) -> tuple[ParamRange, ...]:
    """The validated ranges of one data or scenario file (``.csv`` or ``.toml``)."""
    if path.suffix == ".csv":
        return csv_ranges(path)
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        msg = f"{path.name}: not valid TOML: {exc}"
        raise DataFileError(msg) from None
    return toml_ranges(doc, path.name)


def check_file(path: Path) -> None:
    """Validate the ranges of one file at load time; raises naming file, row or key.

    A missing or unreadable file is left to the file's own reader, which names it.
    """
    if path.is_file():
        try:
            file_ranges(path)
        except (UnicodeDecodeError, csv.Error):
            return
