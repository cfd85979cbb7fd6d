"""Traffic counts by vehicle class (``data/traffic.csv``) and their attachment to road pieces.

Each row gives the annual average daily traffic (AADT) of a road in a count year, split by
vehicle class, with a growth rate, a range (``aadt_low`` .. ``aadt_high``), a source and an
``estimate`` flag. Rows are of three kinds, tried in this order for a road piece:

1. ``section``: a route ``ref`` between two places of ``data/places.csv``. A piece belongs to
   it when its ref matches and its midpoint projects between the two places (within 5 % beyond
   either end) and lies no farther from the straight line than ``max(15 km, 35 % of the
   section's length)``; the nearest such section wins.
2. ``ref``: every piece of a route ``ref``.
3. ``class_default``: by OSM highway class (``*`` for any class); always an estimate, and the
   appraisal flags pieces that fall back to it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from optimizer import InputError
from scenarios.appraisal.params import APPRAISAL_CLASSES
from scenarios.common import DATA_DIR, Row, read_rows

__all__ = ["TrafficRow", "TrafficTable", "load_traffic", "traffic_summary"]

_KINDS = ("section", "ref", "class_default")
_COLUMNS = (
    "id",
    "kind",
    "ref",
    "highway",
    "section_from",
    "section_to",
    "count_year",
    "aadt_total",
    "aadt_low",
    "aadt_high",
    *APPRAISAL_CLASSES,
    "growth_pct_per_yr",
    "estimate",
    "source",
)
_KM_PER_DEG_LAT = 110.57
_END_SLACK = 0.05
_MIN_OFFSET_KM = 15.0
_OFFSET_SHARE = 0.35


@dataclass(frozen=True, slots=True)
class TrafficRow:
    """AADT by class for one road or section in ``count_year``, growing ``growth_per_year``.

    ``low_factor`` and ``high_factor`` scale every class to the ends of the row's range.
    ``ends`` holds the (lat, lon) of the section's two places (``None`` for other kinds).
    """

    id: str
    kind: str
    ref: str
    highway: str
    count_year: int
    aadt: dict[str, float]
    growth_per_year: float
    low_factor: float
    high_factor: float
    estimate: bool
    source: str
    ends: tuple[tuple[float, float], tuple[float, float]] | None = None

    def __post_init__(self) -> None:
        if self.kind not in _KINDS:
            msg = f"traffic row {self.id!r}: expected kind in {_KINDS}; got {self.kind!r}"
            raise ValueError(msg)
        if not 0 <= self.low_factor <= 1 <= self.high_factor:
            msg = (
                f"traffic row {self.id!r}: expected aadt_low <= aadt_total <= aadt_high; got "
                f"factors {self.low_factor:.2f} and {self.high_factor:.2f}"
            )
            raise ValueError(msg)

    @property
    def total(self) -> float:
        """All classes, vehicles per day in the count year."""
        return sum(self.aadt.values())

    def aadt_in(self, year: int) -> dict[str, float]:
        """AADT by class grown (or shrunk) from the count year to ``year``."""
        factor = (1.0 + self.growth_per_year) ** (year - self.count_year)
        return {c: n * factor for c, n in self.aadt.items()}


def _xy_km(lat: float, lon: float) -> tuple[float, float]:
    return lon * _KM_PER_DEG_LAT * math.cos(math.radians(15.0)), lat * _KM_PER_DEG_LAT


def _refs(value: str) -> set[str]:
    return {r.strip() for r in value.split(";") if r.strip()}


@dataclass(frozen=True, slots=True)
class TrafficTable:
    """The rows of ``data/traffic.csv``, with the lookup of a road piece's row."""

    rows: tuple[TrafficRow, ...]

    def _offset_km(self, row: TrafficRow, lat: float, lon: float) -> float | None:
        """Distance from the section's line when the point lies along it, else None."""
        assert row.ends is not None
        (ax, ay), (bx, by) = (_xy_km(*row.ends[0]), _xy_km(*row.ends[1]))
        px, py = _xy_km(lat, lon)
        dx, dy = bx - ax, by - ay
        length2 = dx * dx + dy * dy
        if length2 <= 0:
            return None
        t = ((px - ax) * dx + (py - ay) * dy) / length2
        if not -_END_SLACK <= t <= 1 + _END_SLACK:
            return None
        offset = math.hypot(px - (ax + t * dx), py - (ay + t * dy))
        limit = max(_MIN_OFFSET_KM, _OFFSET_SHARE * math.sqrt(length2))
        return offset if offset <= limit else None

    def row_for(self, ref: str, highway: str, lat: float, lon: float) -> TrafficRow:
        """The traffic row of a road piece (section, then ref, then class default)."""
        refs = _refs(ref)
        candidates = []
        for row in self.rows:
            if row.kind == "section" and row.ref in refs:
                offset = self._offset_km(row, lat, lon)
                if offset is not None:
                    candidates.append((offset, row.id, row))
        if candidates:
            return min(candidates)[2]
        for row in self.rows:
            if row.kind == "ref" and row.ref in refs:
                return row
        defaults = {r.highway: r for r in self.rows if r.kind == "class_default"}
        found = defaults.get(highway.removesuffix("_link")) or defaults.get("*")
        if found is None:
            msg = f"traffic: no row for ref {ref!r} and no class default for {highway!r} or '*'"
            raise LookupError(msg)
        return found


def _place_points(path: Path) -> dict[str, tuple[float, float]]:
    rows = read_rows(path, required=("name", "lat", "lon"), what="places")
    return {r.text("name"): (float(r.text("lat")), float(r.text("lon"))) for r in rows}


def _row(row: Row, places: dict[str, tuple[float, float]]) -> TrafficRow:
    total = row.number_("aadt_total", strict=False)
    aadt = {c: row.number_(c, strict=False) for c in APPRAISAL_CLASSES}
    if abs(sum(aadt.values()) - total) > 0.5:
        raise row.fail("aadt_total", f"the sum of the class counts ({sum(aadt.values()):g})")
    ends = None
    kind = row.text("kind")
    if kind == "section":
        names = (row.text("section_from"), row.text("section_to"))
        for column, name in zip(("section_from", "section_to"), names, strict=True):
            if name not in places:
                raise row.fail(column, "a place name of data/places.csv")
        ends = (places[names[0]], places[names[1]])
    if not row.text("source"):
        raise row.fail("source", "a source (or the reasoning of an estimate)")
    estimate = row.text("estimate").lower()
    if estimate not in ("true", "false"):
        raise row.fail("estimate", "true or false")
    scale = total if total > 0 else 1.0
    return TrafficRow(
        id=row.text("id"),
        kind=kind,
        ref=row.text("ref"),
        highway=row.text("highway"),
        count_year=row.integer("count_year", minimum=1990),
        aadt=aadt,
        growth_per_year=row.number_("growth_pct_per_yr", minimum=-50, strict=False) / 100.0,
        low_factor=row.number_("aadt_low", strict=False) / scale,
        high_factor=row.number_("aadt_high", strict=False) / scale,
        estimate=estimate == "true",
        source=row.text("source"),
        ends=ends,
    )


def load_traffic(path: Path | None = None, *, places: Path | None = None) -> TrafficTable:
    """Read ``data/traffic.csv``; errors name the row and column."""
    source = path or DATA_DIR / "traffic.csv"
    points = _place_points(places or DATA_DIR / "places.csv")
    rows: list[TrafficRow] = []
    for row in read_rows(source, required=_COLUMNS, what="traffic counts"):
        try:
            rows.append(_row(row, points))
        except (InputError, ValueError) as exc:
            msg = f"{source.name}: {exc}"
            raise InputError(msg) from None
    return TrafficTable(tuple(rows))


def traffic_summary(table: TrafficTable) -> list[dict[str, Any]]:
    """One JSON-ready line per row (id, total, range, year, estimate) for reports."""
    return [
        {
            "id": r.id,
            "aadt_total": r.total,
            "aadt_low": r.total * r.low_factor,
            "aadt_high": r.total * r.high_factor,
            "count_year": r.count_year,
            "estimate": r.estimate,
        }
        for r in table.rows
    ]
