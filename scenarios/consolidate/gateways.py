"""Border posts and what lies beyond them: gateways, their other traffic, ocean freight.

Files: ``data/gateways.csv`` (clearance, fees, hours, capacity, transloading and onward rate
per post), ``data/border_traffic.csv`` (trucks a day of all goods through each post) and
``data/ocean_freight.csv`` (US$ per 20-ft container from each seaport to each market). Every
figure carries its source or an ``estimate`` flag with a range in its own file.
"""

from __future__ import annotations

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

__all__ = [
    "BORDER_TRAFFIC_CSV",
    "GATEWAYS_CSV",
    "OCEAN_CSV",
    "BorderTraffic",
    "GatewaySite",
    "OceanRate",
    "load_border_traffic",
    "read_gateways",
    "read_ocean_freight",
]

GATEWAYS_CSV = DATA_DIR / "gateways.csv"
BORDER_TRAFFIC_CSV = DATA_DIR / "border_traffic.csv"
OCEAN_CSV = DATA_DIR / "ocean_freight.csv"

# Columns beyond the required ones (any other is a misspelling); ranges as in CSV_RANGED.
GATEWAYS_OPTIONAL = (
    *("name", "onward_name", "open_dry", "open_wet", "opening_hours", "onward_usd_per_km"),
    *("capacity_t", "capacity_trucks_per_day", "transload", "transload_usd_per_t", "transload_h"),
    *("hours_source", "clearance_source", "fee_source", "onward_rate_source"),
    *("capacity_source", "transload_source"),
    *NOTE_COLUMNS,
    *range_columns(GATEWAYS_CSV.name),
)
BORDER_TRAFFIC_OPTIONAL = ("growth_pct_per_yr", "reasoning", *NOTE_COLUMNS)
OCEAN_OPTIONAL = ("route_id", *NOTE_COLUMNS, *range_columns(OCEAN_CSV.name))


@dataclass(frozen=True, slots=True)
class GatewaySite:
    """A border post: where, when open, clearance, fees, capacity, transloading, onward rate.

    ``capacity_trucks_per_day``: trucks a day (all goods, both directions) the post clears;
    ``None`` means no queue is modelled. ``transload``: coffee is moved from the Lao truck to
    a Thai or Vietnamese one at the post (``transload_usd_per_t`` and ``transload_h``).
    """

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
    capacity_trucks_per_day: float | None = None
    transload_usd_per_t: float = 0.0
    transload_h: float = 0.0
    transload: bool = False

    @property
    def open_h_per_day(self) -> float:
        """Hours a day the post is open."""
        start, end = self.opening_hours
        return end - start

    @property
    def expected_wait_h(self) -> float:
        """Clearance, the mean wait for opening, and transloading if chosen (no queue).

        A closed spell of ``c`` hours a day makes a random arrival wait ``c**2 / 48`` h on average.
        """
        closed_h = 24.0 - self.open_h_per_day
        transload = self.transload_h if self.transload else 0.0
        return self.clearance_h + closed_h**2 / 48.0 + transload


def parse_hours(row: Row) -> tuple[float, float]:
    """``HH:MM-HH:MM`` of the ``opening_hours`` column as hours (00:00-24:00 if empty)."""
    text = row.text("opening_hours") or "00:00-24:00"
    try:
        start, end = (int(h) + int(m) / 60 for h, m in (t.split(":") for t in text.split("-")))
    except ValueError:
        raise row.fail("opening_hours", "HH:MM-HH:MM") from None
    if not 0 <= start < end <= 24:
        raise row.fail("opening_hours", "HH:MM-HH:MM with opening before closing")
    return start, end


def _optional(row: Row, column: str) -> float | None:
    return row.number_(column, strict=False) if row.text(column) else None


def read_gateways(path: Path | None = None) -> tuple[GatewaySite, ...]:
    """Read border posts (see ``data/gateways.csv`` for the columns and their sources)."""
    path = path or GATEWAYS_CSV
    need = ("gateway_id", "place", "country", "clearance_h", "fee_usd_per_truck")
    out: list[GatewaySite] = []
    for row in read_table(path, required=need, optional=GATEWAYS_OPTIONAL, what="gateways"):
        seasons = {s for s in ("dry", "wet") if row.boolean(f"open_{s}", default=True)}
        out.append(
            GatewaySite(
                id=row.text("gateway_id"),
                name=row.text("name") or row.text("gateway_id"),
                place=row.text("place"),
                country=row.text("country"),
                onward_name=row.text("onward_name"),
                open_seasons=frozenset(seasons),
                opening_hours=parse_hours(row),
                clearance_h=row.number_("clearance_h", strict=False),
                fee_usd_per_truck=row.number_("fee_usd_per_truck", strict=False),
                onward_usd_per_km=row.number_("onward_usd_per_km", strict=False),
                capacity_t=row.number_("capacity_t") if row.text("capacity_t") else None,
                capacity_trucks_per_day=_optional(row, "capacity_trucks_per_day"),
                transload_usd_per_t=_optional(row, "transload_usd_per_t") or 0.0,
                transload_h=_optional(row, "transload_h") or 0.0,
                transload=row.boolean("transload", default=False),
            )
        )
    return tuple(out)


@dataclass(frozen=True, slots=True)
class BorderTraffic:
    """Trucks a day through one border gateway in ``count_year`` (all goods, both ways)."""

    gateway_id: str
    count_year: int
    trucks_per_day: float
    low: float
    high: float
    growth_per_year: float
    estimate: bool
    source: str

    def trucks_in(self, year: int) -> float:
        """Trucks a day grown to ``year``."""
        return self.trucks_per_day * (1.0 + self.growth_per_year) ** (year - self.count_year)


def load_border_traffic(path: Path | None = None) -> dict[str, BorderTraffic]:
    """Read ``data/border_traffic.csv``; errors name the row and column."""
    source = path or BORDER_TRAFFIC_CSV
    out: dict[str, BorderTraffic] = {}
    required = ("gateway_id", "count_year", "trucks_per_day", "trucks_low", "trucks_high")
    need = (*required, "estimate", "source")
    for row in read_rows(source, required=need, optional=BORDER_TRAFFIC_OPTIONAL, what="border"):
        low, high = row.number_("trucks_low", strict=False), row.number_("trucks_high")
        central = row.number_("trucks_per_day", strict=False)
        if not low <= central <= high or not row.text("source"):
            msg = f"{source.name}: row {row.number}: expected trucks_low <= trucks_per_day <= "
            msg += f"trucks_high and a source; got {low}, {central}, {high}"
            raise DataFileError(msg)
        out[row.text("gateway_id")] = BorderTraffic(
            gateway_id=row.text("gateway_id"),
            count_year=row.integer("count_year", minimum=1990),
            trucks_per_day=central,
            low=low,
            high=high,
            growth_per_year=row.number_("growth_pct_per_yr", strict=False) / 100.0,
            estimate=row.text("estimate").lower() == "true",
            source=row.text("source"),
        )
    return out


@dataclass(frozen=True, slots=True)
class OceanRate:
    """Sea freight of one 20-ft container from a seaport to a destination market."""

    seaport: str
    market: str
    usd_per_teu: float
    route_id: str = ""  # the row's id in data/ocean_freight.csv (its ranges are keyed by it)


def read_ocean_freight(path: Path | None = None) -> tuple[OceanRate, ...]:
    """Read ``data/ocean_freight.csv`` (one row per seaport and market, unique)."""
    path = path or OCEAN_CSV
    out: list[OceanRate] = []
    seen: set[tuple[str, str]] = set()
    need = ("seaport", "market", "usd_per_teu")
    for row in read_table(path, required=need, optional=OCEAN_OPTIONAL, what="ocean freight"):
        key = (row.text("seaport"), row.text("market"))
        if key in seen or not all(key):
            raise row.fail("market", "one row per seaport and market")
        seen.add(key)
        rate = row.number_("usd_per_teu", strict=False)
        out.append(OceanRate(*key, rate, route_id=row.text("route_id")))
    return tuple(out)
