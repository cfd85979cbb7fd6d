"""Readers for the consolidation data tables; every error names file, row, column and value.

Files (defaults in ``data/``): ``supply_villages.csv``, ``hubs.csv``, ``gateways.csv``,
``corridors.csv``, ``onward_legs.csv`` (read only), ``markets.csv``, ``harvest_calendar.csv``
and ``consolidation_params.toml``.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from optimizer.exceptions import InputError
from scenarios.common.paths import DATA_DIR
from scenarios.common.ranges import check_file
from scenarios.pickups.io import Row, read_rows, read_toml

SUPPLY_CSV = DATA_DIR / "supply_villages.csv"
HUBS_CSV = DATA_DIR / "hubs.csv"
GATEWAYS_CSV = DATA_DIR / "gateways.csv"
CORRIDORS_CSV = DATA_DIR / "corridors.csv"
ONWARD_CSV = DATA_DIR / "onward_legs.csv"
MARKETS_CSV = DATA_DIR / "markets.csv"
CALENDAR_CSV = DATA_DIR / "harvest_calendar.csv"
PARAMS_TOML = DATA_DIR / "consolidation_params.toml"

PRODUCT_STATES = ("cherry", "dry_cherry", "parchment", "green")


def _fail(path: Path, row: Row, column: str, expected: str) -> InputError:
    return InputError(f"{path.name}: {row.fail(column, expected)}")


def _num(path: Path, row: Row, column: str, *, minimum: float = 0.0, strict: bool = True) -> float:
    try:
        return row.number_(column, minimum=minimum, strict=strict)
    except InputError as exc:
        raise InputError(f"{path.name}: {exc}") from None


def _bool(path: Path, row: Row, column: str, *, default: bool) -> bool:
    try:
        return row.boolean(column, default=default)
    except InputError as exc:
        raise InputError(f"{path.name}: {exc}") from None


@dataclass(frozen=True, slots=True)
class Village:
    """A supply point: id, position, green-equivalent tonnes per year, delivered product."""

    id: str
    name: str
    lon: float
    lat: float
    green_t: float
    collected_state: str


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
class GatewaySite:
    """A border post: where it is, when it opens, fees, clearance time and onward rate."""

    id: str
    name: str
    place: str
    country: str
    onward_name: str
    open_seasons: frozenset[str]
    opening_hours: tuple[float, float]
    clearance_h: float
    fee_usd_per_truck: float
    onward_usd_per_km: float
    capacity_t: float | None

    @property
    def expected_wait_h(self) -> float:
        """Clearance plus the mean wait for opening of a truck arriving at a uniform random time.

        A closed spell of ``c`` hours a day makes a random arrival wait ``c**2 / 48`` h on average.
        """
        start, end = self.opening_hours
        closed_h = 24.0 - (end - start)
        return self.clearance_h + closed_h**2 / 48.0


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


def read_supply(path: Path | None = None) -> tuple[Village, ...]:
    """Read the supply villages (``village_id, lon, lat, green_t, collected_state``)."""
    path = path or SUPPLY_CSV
    check_file(path)
    need = ("village_id", "lon", "lat", "green_t")
    out: list[Village] = []
    seen: set[str] = set()
    for row in read_rows(path, required=need, what="supply"):
        vid = row.text("village_id")
        if not vid or vid in seen:
            raise _fail(path, row, "village_id", "a unique non-empty id")
        seen.add(vid)
        state = row.text("collected_state") or "green"
        if state not in PRODUCT_STATES:
            raise _fail(path, row, "collected_state", f"one of {', '.join(PRODUCT_STATES)}")
        lon = _num(path, row, "lon", minimum=-180, strict=False)
        lat = _num(path, row, "lat", minimum=-90, strict=False)
        green_t = _num(path, row, "green_t")
        out.append(Village(vid, row.text("name") or vid, lon, lat, green_t, state))
    if not out:
        msg = f"{path.name}: expected at least one supply row, got none."
        raise InputError(msg)
    return tuple(out)


def read_hubs(path: Path | None = None) -> tuple[HubSite, ...]:
    """Read candidate hubs; a row needs a ``place`` name or both ``lon`` and ``lat``."""
    path = path or HUBS_CSV
    check_file(path)
    need = ("hub_id", "capacity_t", "fixed_cost_usd_per_yr", "handling_usd_per_t")
    out: list[HubSite] = []
    for row in read_rows(path, required=need, what="hubs"):
        hub_id = row.text("hub_id")
        if not hub_id:
            raise _fail(path, row, "hub_id", "a non-empty id")
        capacity = _num(path, row, "capacity_t", strict=False)
        if capacity <= 0:
            msg = (
                f"{path.name}: row {row.number}, column capacity_t: hub {hub_id!r} has zero "
                "capacity; expected a number > 0 (set status to closed to exclude it)"
            )
            raise InputError(msg)
        lon_text, lat_text = row.text("lon"), row.text("lat")
        if not row.text("place") and not (lon_text and lat_text):
            raise _fail(path, row, "place", "a place name or lon and lat")
        out.append(
            HubSite(
                id=hub_id,
                name=row.text("name") or hub_id,
                place=row.text("place"),
                lon=float(lon_text) if lon_text else None,
                lat=float(lat_text) if lat_text else None,
                capacity_t=capacity,
                fixed_cost_usd_per_yr=_num(path, row, "fixed_cost_usd_per_yr", strict=False),
                handling_usd_per_t=_num(path, row, "handling_usd_per_t", strict=False),
                status=_status(path, row),
            )
        )
    return tuple(out)


def _status(path: Path, row: Row) -> str:
    status = row.text("status") or "candidate"
    if status not in ("candidate", "open", "closed"):
        raise _fail(path, row, "status", "one of candidate, open, closed")
    return status


def _hours(path: Path, row: Row) -> tuple[float, float]:
    text = row.text("opening_hours") or "00:00-24:00"
    try:
        start, end = (int(h) + int(m) / 60 for h, m in (t.split(":") for t in text.split("-")))
    except ValueError:
        raise _fail(path, row, "opening_hours", "HH:MM-HH:MM") from None
    if not 0 <= start < end <= 24:
        raise _fail(path, row, "opening_hours", "HH:MM-HH:MM with opening before closing")
    return start, end


def read_gateways(path: Path | None = None) -> tuple[GatewaySite, ...]:
    """Read border posts (see ``data/gateways.csv`` for the columns and their sources)."""
    path = path or GATEWAYS_CSV
    check_file(path)
    need = ("gateway_id", "place", "country", "clearance_h", "fee_usd_per_truck")
    out: list[GatewaySite] = []
    for row in read_rows(path, required=need, what="gateways"):
        seasons = {s for s in ("dry", "wet") if _bool(path, row, f"open_{s}", default=True)}
        cap = row.text("capacity_t")
        out.append(
            GatewaySite(
                id=row.text("gateway_id"),
                name=row.text("name") or row.text("gateway_id"),
                place=row.text("place"),
                country=row.text("country"),
                onward_name=row.text("onward_name"),
                open_seasons=frozenset(seasons),
                opening_hours=_hours(path, row),
                clearance_h=_num(path, row, "clearance_h", strict=False),
                fee_usd_per_truck=_num(path, row, "fee_usd_per_truck", strict=False),
                onward_usd_per_km=_num(path, row, "onward_usd_per_km", strict=False),
                capacity_t=_num(path, row, "capacity_t") if cap else None,
            )
        )
    return tuple(out)


def read_onward_legs(path: Path | None = None) -> dict[tuple[str, str], list[float]]:
    """Published road km per (border post, port); several rows per pair are kept."""
    path = path or ONWARD_CSV
    legs: dict[tuple[str, str], list[float]] = defaultdict(list)
    for row in read_rows(path, required=("border_post", "port", "road_km"), what="onward legs"):
        km = _num(path, row, "road_km")
        legs[row.text("border_post"), row.text("port")].append(km)
    return dict(legs)


def read_corridors(
    gateways: tuple[GatewaySite, ...],
    path: Path | None = None,
    onward_path: Path | None = None,
) -> tuple[CorridorSpec, ...]:
    """Read corridors; an empty ``road_km`` takes the mean of the published onward legs."""
    path = path or CORRIDORS_CSV
    check_file(path)
    legs = read_onward_legs(onward_path)
    by_id = {g.id: g for g in gateways}
    out: list[CorridorSpec] = []
    for row in read_rows(path, required=("corridor_id", "gateway_id", "port"), what="corridors"):
        gateway = by_id.get(row.text("gateway_id"))
        if gateway is None:
            raise _fail(path, row, "gateway_id", f"one of {', '.join(sorted(by_id))}")
        if row.text("road_km"):
            km = _num(path, row, "road_km", strict=False)
            lo = hi = km
        else:
            published = legs.get((gateway.onward_name, row.text("port")))
            if not published:
                raise _fail(path, row, "road_km", "a number, or a matching onward_legs.csv row")
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
    for row in read_rows(path, required=("market", "share_pct", "served_by"), what="markets"):
        share = _num(path, row, "share_pct", strict=False)
        served = row.text("served_by")
        if not (served == "seaport" or served.startswith("gateway_country:")):
            raise _fail(path, row, "served_by", "seaport or gateway_country:XX")
        rows.append((row.text("market"), share, served))
    total = sum(s for _, s, _ in rows)
    if total <= 0:
        msg = f"{path.name}: expected market shares summing to > 0, got {total}."
        raise InputError(msg)
    return tuple(MarketSpec(name, share / total, served) for name, share, served in rows)


def read_season_split(arabica_share: float, path: Path | None = None) -> dict[str, float]:
    """Share of the annual volume harvested in dry and in wet months (sums to 1)."""
    path = path or CALENDAR_CSV
    check_file(path)
    split = {"dry": 0.0, "wet": 0.0}
    need = ("month", "season", "arabica_share", "robusta_share")
    for row in read_rows(path, required=need, what="harvest calendar"):
        season = row.text("season")
        if season not in split:
            raise _fail(path, row, "season", "dry or wet")
        arabica = _num(path, row, "arabica_share", strict=False)
        robusta = _num(path, row, "robusta_share", strict=False)
        split[season] += arabica_share * arabica + (1 - arabica_share) * robusta
    total = split["dry"] + split["wet"]
    if not math.isclose(total, 1.0, abs_tol=1e-3):
        msg = f"{path.name}: expected harvest shares summing to 1 per species, got {total:.4f}."
        raise InputError(msg)
    return {k: v / total for k, v in split.items()}


def read_params(path: Path | None = None) -> dict[str, Any]:
    """The ``value`` of every table in ``consolidation_params.toml``."""
    path = path or PARAMS_TOML
    check_file(path)
    data = read_toml(path, what="consolidation parameters")
    values: dict[str, Any] = {}
    for key, entry in data.items():
        if not isinstance(entry, dict) or "value" not in entry:
            msg = f"{path.name}: [{key}] expected a table with a 'value', got {entry!r}."
            raise InputError(msg)
        values[key] = entry["value"]
    return values
