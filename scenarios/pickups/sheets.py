"""Driver sheets: per truck and day, every stop in order and every return to the depot.

:func:`driver_sheets` reads a finished run into :class:`DriverSheet` records (no language);
:func:`sheet_rows` gives one sheet's table in English or Lao (headers and words from
:mod:`scenarios.pickups.labels`), :func:`sheets_csv` and :func:`write_sheets` write them, and
:mod:`scenarios.pickups.sheet_html` prints them. A truck that makes several trips a day gets an
``unload`` line at each mid-day return, with the time it is back and the weight it unloads, so
the load column falls to 0 before the next trip.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from optimizer import VehicleRoute
from scenarios.pickups.io import format_clock
from scenarios.pickups.labels import label, product_label, truck_label
from scenarios.pickups.reach import FAR_CONNECTOR_M
from scenarios.pickups.records import DayPlan, PickupRun
from scenarios.pickups.road_end import stop_carry

__all__ = [
    "DriverSheet",
    "SheetLine",
    "driver_sheets",
    "sheet_file_stem",
    "sheet_rows",
    "sheets_csv",
    "write_sheets",
]

#: The kinds of line on a sheet, in the order a day runs.
KINDS = ("start", "load", "unload", "end")


@dataclass(frozen=True, slots=True)
class SheetLine:
    """One line of a driver sheet: leave, load at a village, unload at the depot, or end.

    ``weight_kg`` is what is loaded (``load``) or unloaded (``unload``, ``end``);
    ``load_after_kg`` what is on the truck afterwards (0 after unloading).
    """

    kind: str
    trip: int  # 1, 2, ...
    time_s: int
    place: str
    pickup_id: str = ""
    order: int | None = None  # the stop's number over the day (loads only)
    weight_kg: int = 0
    product: str = ""
    tw_start_s: int | None = None
    tw_end_s: int | None = None
    load_after_kg: int = 0
    connector_m: float = 0.0  # off-road leg from the village to the road (loads only)
    carry_km: float = 0.0  # loads at a road end: the village's carry to it

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            msg = f"Unknown sheet line kind {self.kind!r}. Choose from: {', '.join(KINDS)}."
            raise ValueError(msg)


@dataclass(frozen=True, slots=True)
class DriverSheet:
    """One truck's day: its name as the app shows it, its capacity and its lines."""

    day: int | None
    vehicle: str  # the plan's name, e.g. ``4x4-pickup #1``
    capacity_kg: int
    distance_m: int
    lines: tuple[SheetLine, ...]

    def truck(self, lang: str = "en") -> str:
        """The truck-day's name in ``lang``; in English the name on the app's screen."""
        return truck_label(self.day, self.vehicle, lang)

    @property
    def stops(self) -> int:
        """Villages loaded at."""
        return sum(1 for x in self.lines if x.kind == "load")

    @property
    def trips(self) -> int:
        """Trips from the depot (1 + mid-day returns)."""
        return 1 + sum(1 for x in self.lines if x.kind == "unload")

    @property
    def collected_kg(self) -> int:
        """Weight unloaded at the depot over the day."""
        return sum(x.weight_kg for x in self.lines if x.kind in {"unload", "end"})


def _route_lines(day: DayPlan, route: VehicleRoute, depot: str) -> list[SheetLine]:
    problem = day.problem
    vt = problem.vehicle_types[route.vehicle_type]
    duration = problem.matrices[route.vehicle_type].duration_s
    lines = [SheetLine("start", 1, route.start_s, depot)]
    for order, stop in enumerate(route.stops, start=1):
        nxt = route.stops[order] if order < len(route.stops) else None
        pickup = problem.pickups[stop.pickup]
        record = day.records[stop.pickup]
        lines.append(
            SheetLine(
                "load",
                stop.trip + 1,
                stop.arrival_s,
                pickup.name or record.name or pickup.id,
                pickup_id=pickup.id,
                order=order,
                weight_kg=pickup.weight_kg,
                product=record.product.value,
                tw_start_s=pickup.tw_start_s or None,
                tw_end_s=pickup.tw_end_s,
                load_after_kg=stop.load_after_kg,
                connector_m=day.connector_m[stop.pickup] if day.connector_m else 0.0,
                carry_km=stop_carry(day, stop.pickup)[0],
            )
        )
        if nxt is not None and nxt.trip != stop.trip:
            back = (
                stop.arrival_s
                + pickup.service_s
                + int(duration[problem.node(stop.pickup), vt.depot])
            )
            lines.append(
                SheetLine("unload", stop.trip + 1, back, depot, weight_kg=stop.load_after_kg)
            )
    last = route.stops[-1] if route.stops else None
    unloaded = last.load_after_kg if last is not None else 0
    trip = last.trip + 1 if last is not None else 1
    lines.append(SheetLine("end", trip, route.end_s, depot, weight_kg=unloaded))
    return lines


def driver_sheets(run: PickupRun) -> tuple[DriverSheet, ...]:
    """One sheet per truck and day, in the plan's order (day, then truck)."""
    return tuple(
        DriverSheet(
            day.day,
            route.vehicle,
            route.capacity_kg,
            route.distance_m,
            tuple(_route_lines(day, route, run.depot.label)),
        )
        for day in run.days
        for route in day.plan.routes
    )


_COLUMNS = (
    "sheet_truck",
    "sheet_day",
    "sheet_trip",
    "sheet_order",
    "sheet_time",
    "sheet_action",
    "sheet_place",
    "sheet_id",
    "sheet_weight_kg",
    "sheet_product",
    "sheet_window",
    "sheet_load_kg",
    "sheet_far_km",
)


def _window(line: SheetLine, lang: str) -> str:
    if line.kind != "load":
        return ""
    if line.tw_start_s is None and line.tw_end_s is None:
        return label("any_time", lang)
    start = format_clock(line.tw_start_s or 0)
    end = "" if line.tw_end_s is None else format_clock(line.tw_end_s)
    return f"{start}-{end}"


def _far_km(line: SheetLine) -> str:
    """The off-road leg of a far village in km (empty for the others)."""
    return f"{line.connector_m / 1000.0:.1f}" if line.connector_m > FAR_CONNECTOR_M else ""


def _action(line: SheetLine, lang: str) -> str:
    """What to do; a load at a road end says where to meet the village's carry."""
    if line.kind == "load" and line.carry_km > 0:
        return label("act_road_end", lang, km=f"{line.carry_km:.1f}", village=line.place)
    return label(f"act_{line.kind}", lang)


def sheet_rows(sheet: DriverSheet, lang: str = "en") -> list[dict[str, object]]:
    """The sheet as table rows: headers and words in ``lang``, numbers as numbers."""
    truck = sheet.truck(lang)
    h = {key: label(key, lang) for key in _COLUMNS}
    return [
        {
            h["sheet_truck"]: truck,
            h["sheet_day"]: "" if sheet.day is None else sheet.day,
            h["sheet_trip"]: line.trip,
            h["sheet_order"]: "" if line.order is None else line.order,
            h["sheet_time"]: format_clock(line.time_s),
            h["sheet_action"]: _action(line, lang),
            h["sheet_place"]: line.place,
            h["sheet_id"]: line.pickup_id,
            h["sheet_weight_kg"]: line.weight_kg if line.kind != "start" else "",
            h["sheet_product"]: product_label(line.product, lang) if line.product else "",
            h["sheet_window"]: _window(line, lang),
            h["sheet_load_kg"]: line.load_after_kg,
            h["sheet_far_km"]: _far_km(line),
        }
        for line in sheet.lines
    ]


def _csv_text(rows: list[dict[str, object]]) -> str:
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return buffer.getvalue()


def sheets_csv(sheets: tuple[DriverSheet, ...], lang: str = "en") -> bytes:
    """All sheets in one CSV (the truck column tells them apart), UTF-8 with a byte-order mark.

    The mark lets spreadsheet programs open the Lao text as UTF-8.
    """
    rows = [row for sheet in sheets for row in sheet_rows(sheet, lang)]
    return _csv_text(rows).encode("utf-8-sig")


def sheet_file_stem(sheet: DriverSheet) -> str:
    """A file name for the sheet from its English truck name (``D2_4x4-pickup_1``)."""
    text = sheet.truck("en")
    keep = "".join(c if c.isalnum() or c in "-" else "_" for c in text)
    return "_".join(part for part in keep.split("_") if part)


def write_sheets(sheets: tuple[DriverSheet, ...], out_dir: Path, lang: str = "en") -> list[Path]:
    """One CSV per truck and day (``driver_sheet_<truck>.csv``) in ``out_dir``; the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for sheet in sheets:
        path = out_dir / f"driver_sheet_{sheet_file_stem(sheet)}.csv"
        path.write_bytes(_csv_text(sheet_rows(sheet, lang)).encode("utf-8-sig"))
        written.append(path)
    return written
