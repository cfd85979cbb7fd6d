"""Readers for the consolidation data tables; every error names file, row, column and value.

Files (defaults in ``data/``): ``supply_villages.csv``, ``hubs.csv``, ``gateways.csv``,
``corridors.csv``, ``onward_legs.csv`` (read only), ``markets.csv`` and ``harvest_calendar.csv``
(``consolidation_params.toml``: :mod:`scenarios.consolidate.params`).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from scenarios.common import (
    DATA_DIR,
    NOTE_COLUMNS,
    DataFileError,
    Row,
    range_columns,
    read_rows,
    read_table,
)
from scenarios.consolidate.gateways import GATEWAYS_CSV, GatewaySite, read_gateways

SUPPLY_CSV = DATA_DIR / "supply_villages.csv"
HUBS_CSV = DATA_DIR / "hubs.csv"
CORRIDORS_CSV = DATA_DIR / "corridors.csv"
ONWARD_CSV = DATA_DIR / "onward_legs.csv"
MARKETS_CSV = DATA_DIR / "markets.csv"
CALENDAR_CSV = DATA_DIR / "harvest_calendar.csv"

__all__ = [
    "CALENDAR_COLUMNS",
    "CALENDAR_CSV",
    "CALENDAR_OPTIONAL",
    "CORRIDORS_CSV",
    "CORRIDORS_OPTIONAL",
    "GATEWAYS_CSV",
    "HUBS_CSV",
    "MARKETS_CSV",
    "ONWARD_CSV",
    "ONWARD_OPTIONAL",
    "PRODUCT_STATES",
    "SUPPLY_CSV",
    "CorridorSpec",
    "GatewaySite",
    "HubSite",
    "MarketSpec",
    "SupplySite",
    "read_corridors",
    "read_gateways",
    "read_hubs",
    "read_markets",
    "read_onward_legs",
    "read_season_days",
    "read_season_split",
    "read_supply",
]

PRODUCT_STATES = ("cherry", "dry_cherry", "parchment", "green", "mix")

# Columns each table may carry beyond its required ones (any other column is a misspelling);
# the range columns of an estimate follow scenarios.common.ranges.CSV_RANGED.
SUPPLY_OPTIONAL = (
    *("name", "district", "province", "district_kind", "collected_state", "collected_t", "rule"),
    *NOTE_COLUMNS,
    *range_columns(SUPPLY_CSV.name),
)
HUBS_OPTIONAL = (
    *("name", "place", "lon", "lat", "status"),
    *NOTE_COLUMNS,
    *range_columns(HUBS_CSV.name),
)
ONWARD_OPTIONAL = ("year", *NOTE_COLUMNS)
CORRIDORS_OPTIONAL = (
    *("port_kind", "road_km", "km_rule", "km_source"),
    *NOTE_COLUMNS,
    *range_columns(CORRIDORS_CSV.name),
)
MARKETS_OPTIONAL = (*NOTE_COLUMNS, *range_columns(MARKETS_CSV.name))
CALENDAR_COLUMNS = ("month", "season", "arabica_share", "robusta_share")
CALENDAR_OPTIONAL = (
    *("season_source", "harvest_source"),
    *NOTE_COLUMNS,
    *range_columns(CALENDAR_CSV.name),
)


@dataclass(frozen=True, slots=True)
class SupplySite:
    """A supply village: id, position, green-equivalent tonnes per year, delivered product
    (``mix``: the district's forms, :mod:`scenarios.consolidate.forms`), district.

    Not a village record (that is :class:`networks.Village`): a row of the supply table.
    """

    id: str
    name: str
    lon: float
    lat: float
    green_t: float
    collected_state: str
    district: str = ""


@dataclass(frozen=True, slots=True)
class HubSite:
    """A candidate hub with its position (from ``place`` or lon/lat) and costs."""

    id: str
    name: str
    place: str
    lon: float | None
    lat: float | None
    capacity_t: float
    fixed_cost_usd_per_yr: float
    handling_usd_per_t: float
    status: str


@dataclass(frozen=True, slots=True)
class CorridorSpec:
    """A gateway-to-port leg with its road km (the rule's value) and the published min/max."""

    id: str
    gateway_id: str
    port: str
    port_kind: str
    road_km: float
    km_min: float
    km_max: float
    km_rule: str


@dataclass(frozen=True, slots=True)
class MarketSpec:
    """A destination market, its share (0-1) and which corridors may serve it."""

    name: str
    share: float
    served_by: str


def read_supply(path: Path | None = None) -> tuple[SupplySite, ...]:
    """Read the supply villages (``village_id, lon, lat, green_t, collected_state``)."""
    path = path or SUPPLY_CSV
    need = ("village_id", "lon", "lat", "green_t")
    out: list[SupplySite] = []
    seen: set[str] = set()
    for row in read_table(path, required=need, optional=SUPPLY_OPTIONAL, what="supply"):
        vid = row.text("village_id")
        if not vid or vid in seen:
            raise row.fail("village_id", "a unique non-empty id")
        seen.add(vid)
        state = row.text("collected_state") or "green"
        if state not in PRODUCT_STATES:
            raise row.fail("collected_state", f"one of {', '.join(PRODUCT_STATES)}")
        lon = row.number_("lon", minimum=-180, strict=False)
        lat = row.number_("lat", minimum=-90, strict=False)
        green_t = row.number_("green_t")
        name = row.text("name") or vid
        out.append(SupplySite(vid, name, lon, lat, green_t, state, row.text("district")))
    if not out:
        msg = f"{path.name}: expected at least one supply row, got none."
        raise DataFileError(msg)
    return tuple(out)


def read_hubs(path: Path | None = None) -> tuple[HubSite, ...]:
    """Read candidate hubs; a row needs a ``place`` name or both ``lon`` and ``lat``."""
    path = path or HUBS_CSV
    need = ("hub_id", "capacity_t", "fixed_cost_usd_per_yr", "handling_usd_per_t")
    out: list[HubSite] = []
    for row in read_table(path, required=need, optional=HUBS_OPTIONAL, what="hubs"):
        hub_id = row.text("hub_id")
        if not hub_id:
            raise row.fail("hub_id", "a non-empty id")
        capacity = row.number_("capacity_t", strict=False)
        if capacity <= 0:
            msg = (
                f"{path.name}: row {row.number}, column capacity_t: hub {hub_id!r} has zero "
                "capacity; expected a number > 0 (set status to closed to exclude it)"
            )
            raise DataFileError(msg)
        lon_text, lat_text = row.text("lon"), row.text("lat")
        if not row.text("place") and not (lon_text and lat_text):
            raise row.fail("place", "a place name or lon and lat")
        out.append(
            HubSite(
                id=hub_id,
                name=row.text("name") or hub_id,
                place=row.text("place"),
                lon=float(lon_text) if lon_text else None,
                lat=float(lat_text) if lat_text else None,
                capacity_t=capacity,
                fixed_cost_usd_per_yr=row.number_("fixed_cost_usd_per_yr", strict=False),
                handling_usd_per_t=row.number_("handling_usd_per_t", strict=False),
                status=_status(row),
            )
        )
    return tuple(out)


def _status(row: Row) -> str:
    status = row.text("status") or "candidate"
    if status not in ("candidate", "open", "closed"):
        raise row.fail("status", "one of candidate, open, closed")
    return status


def read_onward_legs(path: Path | None = None) -> dict[tuple[str, str], list[float]]:
    """Published road km per (border post, port); several rows per pair are kept."""
    path = path or ONWARD_CSV
    legs: dict[tuple[str, str], list[float]] = defaultdict(list)
    need = ("border_post", "port", "road_km")
    for row in read_rows(path, required=need, optional=ONWARD_OPTIONAL, what="onward legs"):
        km = row.number_("road_km")
        legs[row.text("border_post"), row.text("port")].append(km)
    return dict(legs)


def read_corridors(
    gateways: tuple[GatewaySite, ...],
    path: Path | None = None,
    onward_path: Path | None = None,
) -> tuple[CorridorSpec, ...]:
    """Read corridors; an empty ``road_km`` takes the mean of the published onward legs."""
    path = path or CORRIDORS_CSV
    legs = read_onward_legs(onward_path)
    by_id = {g.id: g for g in gateways}
    out: list[CorridorSpec] = []
    need = ("corridor_id", "gateway_id", "port")
    for row in read_table(path, required=need, optional=CORRIDORS_OPTIONAL, what="corridors"):
        gateway = by_id.get(row.text("gateway_id"))
        if gateway is None:
            raise row.fail("gateway_id", f"one of {', '.join(sorted(by_id))}")
        if row.text("road_km"):
            km = row.number_("road_km", strict=False)
            lo = hi = km
        else:
            published = legs.get((gateway.onward_name, row.text("port")))
            if not published:
                raise row.fail("road_km", "a number, or a matching onward_legs.csv row")
            km, lo, hi = sum(published) / len(published), min(published), max(published)
        out.append(
            CorridorSpec(
                id=row.text("corridor_id"),
                gateway_id=gateway.id,
                port=row.text("port"),
                port_kind=row.text("port_kind") or "seaport",
                road_km=km,
                km_min=lo,
                km_max=hi,
                km_rule=row.text("km_rule"),
            )
        )
    return tuple(out)


def read_markets(path: Path | None = None) -> tuple[MarketSpec, ...]:
    """Read market shares (percent) and normalise them to sum to 1 (the source sums to 99.4)."""
    path = path or MARKETS_CSV
    rows = []
    need = ("market", "share_pct", "served_by")
    for row in read_rows(path, required=need, optional=MARKETS_OPTIONAL, what="markets"):
        share = row.number_("share_pct", strict=False)
        served = row.text("served_by")
        if not (served == "seaport" or served.startswith("gateway_country:")):
            raise row.fail("served_by", "seaport or gateway_country:XX")
        rows.append((row.text("market"), share, served))
    total = sum(s for _, s, _ in rows)
    if total <= 0:
        msg = f"{path.name}: expected market shares summing to > 0, got {total}."
        raise DataFileError(msg)
    return tuple(MarketSpec(name, share / total, served) for name, share, served in rows)


def read_season_split(arabica_share: float, path: Path | None = None) -> dict[str, float]:
    """Share of the annual volume harvested in dry and in wet months (sums to 1)."""
    path = path or CALENDAR_CSV
    split = {"dry": 0.0, "wet": 0.0}
    rows = read_table(
        path, required=CALENDAR_COLUMNS, optional=CALENDAR_OPTIONAL, what="harvest calendar"
    )
    for row in rows:
        season = row.text("season")
        if season not in split:
            raise row.fail("season", "dry or wet")
        arabica = row.number_("arabica_share", strict=False)
        robusta = row.number_("robusta_share", strict=False)
        split[season] += arabica_share * arabica + (1 - arabica_share) * robusta
    total = split["dry"] + split["wet"]
    if not math.isclose(total, 1.0, abs_tol=1e-3):
        msg = f"{path.name}: expected harvest shares summing to 1 per species, got {total:.4f}."
        raise DataFileError(msg)
    return {k: v / total for k, v in split.items()}


def read_season_days(path: Path | None = None) -> dict[str, float]:
    """Days a year in the dry and in the wet season (months of the harvest calendar x 365/12)."""
    path = path or CALENDAR_CSV
    months = {"dry": 0, "wet": 0}
    need, more = CALENDAR_COLUMNS[:2], CALENDAR_COLUMNS[2:] + CALENDAR_OPTIONAL
    for row in read_rows(path, required=need, optional=more, what="harvest calendar"):
        season = row.text("season")
        if season not in months:
            raise row.fail("season", "dry or wet")
        months[season] += 1
    return {k: n * 365.0 / 12.0 for k, n in months.items()}
