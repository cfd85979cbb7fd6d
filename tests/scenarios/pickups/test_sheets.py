"""Driver sheets on a hand-built route with a mid-day return to the depot (known answers)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from optimizer import Depot, Pickup, PickupProblem, Product, VehicleType
from optimizer.pickup.solution import RawRoute, build_plan
from scenarios.pickups import (
    SHEET_LABELS,
    DayPlan,
    DepotPoint,
    PickupRecord,
    PickupRun,
    driver_sheets,
    sheet_file_stem,
    sheet_rows,
    sheets_csv,
    sheets_html,
    truck_label,
    write_sheets,
)
from tests.optimizer.pickup.test_vrp_cases import line_matrices

H7 = 7 * 3600


def _record(pid: str, name: str, kg: int, product: Product) -> PickupRecord:
    return PickupRecord(0, pid, name, 15.0, 106.0, kg, product, 2, 0, None, None, True, None)


@pytest.fixture(scope="module")
def run() -> PickupRun:
    """Depot at 0 m, A at +600, B at +1,200, C at -900 (1 s and 1 kip per metre), 5 min each.

    One 3 t truck (2 trips) loads A (07:30-09:00 window) and B, goes back to unload 2,800 kg,
    then loads C and ends the day: A 07:30, B 07:45, depot 08:10, C 08:25, depot 08:45.
    """
    pickups = (
        Pickup("A", 2000, service_s=300, tw_start_s=H7 + 1800, tw_end_s=H7 + 7200),
        Pickup("B", 800, service_s=300),
        Pickup("C", 2500, service_s=300),
    )
    truck = VehicleType("6-wheel", capacity_kg=3000, count=1, shift_start_s=H7, max_trips=2)
    problem = PickupProblem(
        (Depot("depot"),), pickups, (truck,), (line_matrices([0, 600, 1200, -900]),)
    )
    plan = build_plan(problem, [RawRoute(0, (0, 1, 2), trip_breaks=(2,))], [], "test")
    records = (
        _record("A", "Ban A", 2000, Product.PARCHMENT),
        _record("B", "Ban B", 800, Product.CHERRY),
        _record("C", "Ban C", 2500, Product.GREEN),
    )
    day = DayPlan(2, records, problem, plan, (), (), connector_m=(500.0, 0.0, 25_000.0))
    return PickupRun("dry", DepotPoint("Mill", 15.0, 106.0), (day,), None, None)  # type: ignore[arg-type]


def test_sheet_lists_every_stop_and_the_mid_day_unload(run: PickupRun) -> None:
    """Leave 07:00, load A and B, unload 2,800 kg at 08:10, load C, unload 2,500 kg at 08:45."""
    (sheet,) = driver_sheets(run)
    rows = sheet_rows(sheet, "en")
    table = [
        (
            r["Trip"],
            r["Order"],
            r["Time"],
            r["What to do"],
            r["Village or place"],
            r["Weight (kg)"],
            r["Product"],
            r["Time window"],
            r["Load on the truck after (kg)"],
        )
        for r in rows
    ]
    assert table == [
        (1, "", "07:00", "Leave the depot empty", "Mill", "", "", "", 0),
        (1, 1, "07:30", "Load", "Ban A", 2000, "Parchment", "07:30-09:00", 2000),
        (1, 2, "07:45", "Load", "Ban B", 800, "Fresh cherry", "any time", 2800),
        (1, "", "08:10", "Back at the depot: unload, then go out again", "Mill", 2800, "", "", 0),
        (2, 3, "08:25", "Load", "Ban C", 2500, "Green bean", "any time", 2500),
        (2, "", "08:45", "Back at the depot: unload, end of the day", "Mill", 2500, "", "", 0),
    ]
    assert {r["Truck"] for r in rows} == {"D2 6-wheel #1"}
    assert (sheet.stops, sheet.trips, sheet.collected_kg) == (3, 2, 5300)
    # only the far village (25 km > 20 km) shows its off-road leg
    assert [r["Off-road leg (km)"] for r in rows] == ["", "", "", "", "25.0", ""]


def test_lao_sheet_has_lao_headers_words_and_truck_name(run: PickupRun) -> None:
    """In Lao every header, action, product and the truck name come from the Lao column."""
    (sheet,) = driver_sheets(run)
    rows = sheet_rows(sheet, "lo")
    lao = {key: lo for key, (_, lo) in SHEET_LABELS.items()}
    assert list(rows[0])[:4] == [
        lao["sheet_truck"],
        lao["sheet_day"],
        lao["sheet_trip"],
        lao["sheet_order"],
    ]
    assert rows[0][lao["sheet_truck"]] == "ມື້ 2 ລົດ 6 ລໍ້ #1" == truck_label(2, "6-wheel #1", "lo")
    assert rows[3][lao["sheet_action"]] == lao["act_unload"]
    assert rows[1][lao["sheet_product"]] == lao["product_parchment"]
    assert rows[2][lao["sheet_window"]] == lao["any_time"]


def test_csv_html_and_files(run: PickupRun, tmp_path: Path) -> None:
    """One CSV row per sheet line (UTF-8 with BOM), one HTML page per sheet, one file each."""
    sheets = driver_sheets(run)
    text = sheets_csv(sheets, "lo").decode("utf-8-sig")
    assert len(list(csv.DictReader(io.StringIO(text)))) == 6
    html = sheets_html(sheets, depot="Mill", season="dry", lang="en")
    assert html.count("<section>") == 1 and "page-break-after" in html
    assert "Driver sheet: D2 6-wheel #1" in html and "2 trip(s), 5,300 kg" in html
    assert "<script" not in html and "http" not in html  # self-contained
    (path,) = write_sheets(sheets, tmp_path, "en")
    assert (
        path.name
        == "driver_sheet_D2_6-wheel_1.csv"
        == f"driver_sheet_{sheet_file_stem(sheets[0])}.csv"
    )
    assert path.read_bytes().startswith(b"\xef\xbb\xbfTruck,Day,Trip,Order,Time")


def test_every_label_has_english_and_lao() -> None:
    """No label is empty; each sheet header and word in Lao is written in Lao script."""
    for key, (en, lo) in SHEET_LABELS.items():
        assert en.strip() and lo.strip(), key
        if key.startswith(("sheet_", "act_", "product_")):
            assert any("\u0e80" <= c <= "\u0eff" for c in lo), key


@pytest.mark.parametrize(
    ("day", "vehicle", "lang", "expected"),
    [
        (2, "4x4-pickup #1", "en", "D2 4x4-pickup #1"),
        (None, "10-wheel #3", "lo", "ລົດ 10 ລໍ້ #3"),
        (1, "4x4-pickup (row 3) #2", "lo", "ມື້ 1 ລົດກະບະ 4x4 (row 3) #2"),
        (1, "tractor #1", "lo", "ມື້ 1 tractor #1"),
    ],
)
def test_truck_label(day: int | None, vehicle: str, lang: str, expected: str) -> None:
    """Day prefix and known vehicle types translated; unknown types kept as written."""
    assert truck_label(day, vehicle, lang) == expected


def test_unknown_language_is_refused() -> None:
    """A language other than en/lo is a ValueError naming the choices."""
    with pytest.raises(ValueError, match=r"Unknown language 'fr'\. Choose from: en, lo\."):
        truck_label(1, "6-wheel #1", "fr")
