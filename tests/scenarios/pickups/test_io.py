"""Pickup and fleet file validation (row and column in every error) and the CLI commands."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from optimizer import Product
from scenarios.common.errors import DataFileError
from scenarios.pickups.io import format_clock, parse_clock, read_fleet, read_pickups
from tests.conftest import CliRun

ROOT = Path(__file__).resolve().parents[3]
HEADER = "id,lat,lon,village_code,weight_kg,product,tw_start,tw_end,required,day\n"
GOOD = "A,15.18,106.23,,100,cherry,13:00,17:00,true,1\n"
TYPES = ("4x4-pickup", "6-wheel")


def test_good_row_parses() -> None:
    """A full row: times in seconds since midnight, product enum, day and required flag."""
    path = ROOT / "data" / "samples" / "paksong_pickups.csv"
    records = read_pickups(path)
    assert len(records) == 45
    first = records[0]
    assert first.product is Product.CHERRY
    assert (first.tw_start_s, first.tw_end_s) == (13 * 3600, 17 * 3600)
    assert first.lat == pytest.approx(15.1822, abs=1e-3)  # village 1604001, Ban Vatlouang


@pytest.mark.parametrize(
    ("body", "match"),
    [
        (GOOD + GOOD, r"row 3, column id: expected a unique id \(already on row 2\), got 'A'"),
        (
            "A,15.18,106.23,,0,cherry,,,,\n",
            "row 2, column weight_kg: expected a number >= 1, got '0'",
        ),
        ("A,15.18,106.23,,-5,cherry,,,,\n", "row 2, column weight_kg: expected a number >= 1"),
        ("A,15.18,106.23,,abc,cherry,,,,\n", "row 2, column weight_kg: .* got 'abc'"),
        (
            "A,15.18,106.23,,10,cherry,15:00,13:00,,\n",
            "row 2, column tw_end: expected a time at or after tw_start 15:00, got '13:00'",
        ),
        ("A,15.18,106.23,,10,cherry,25:00,,,\n", "row 2, column tw_start: expected a time HH:MM"),
        ("A,,,9999999,10,cherry,,,,\n", "row 2, column village_code: expected a code of"),
        ("A,,,,10,cherry,,,,\n", "row 2, column lat: expected lat and lon, or a village_code"),
        ("A,95,106,,10,cherry,,,,\n", "row 2, column lat: expected a latitude between"),
        ("A,15.18,106.23,,10,beans,,,,\n", "row 2, column product: expected one of cherry"),
        ("A,15.18,106.23,,10,cherry,,,maybe,\n", "row 2, column required: expected true or false"),
        ("A,15.18,106.23,,10,cherry,,,,0\n", "row 2, column day: expected an integer >= 1"),
        (",15.18,106.23,,10,cherry,,,,\n", "row 2, column id: expected a pickup id"),
    ],
)
def test_bad_pickup_rows(tmp_path: Path, body: str, match: str) -> None:
    """Each bad cell is reported with its row and column, what was expected and what was got."""
    path = tmp_path / "p.csv"
    path.write_text(HEADER + body)
    with pytest.raises(DataFileError, match=match):
        read_pickups(path)


WINDOW_HEADER = "id,lat,lon,weight_kg,product,day,earliest_day,latest_day\n"


@pytest.mark.parametrize(
    ("body", "match"),
    [
        (
            "A,15.18,106.23,10,cherry,2,1,3\n",
            "row 2, column day: expected either a day or a window earliest_day..latest_day",
        ),
        (
            "A,15.18,106.23,10,cherry,,3,2\n",
            "row 2, column latest_day: expected a day at or after earliest_day 3, got '2'",
        ),
        ("A,15.18,106.23,10,cherry,,0,\n", "row 2, column earliest_day: expected an integer >= 1"),
    ],
)
def test_bad_day_windows(tmp_path: Path, body: str, match: str) -> None:
    """A window with a day, reversed, or before day 1 is refused with row and column."""
    path = tmp_path / "p.csv"
    path.write_text(WINDOW_HEADER + body)
    with pytest.raises(DataFileError, match=match):
        read_pickups(path)


def test_day_window_parses(tmp_path: Path) -> None:
    """earliest_day/latest_day are read; one end alone leaves the other open (None)."""
    path = tmp_path / "p.csv"
    rows = "A,15.18,106.23,10,cherry,,2,4\nB,15.18,106.23,10,cherry,,,3\n"
    path.write_text(WINDOW_HEADER + rows)
    a, b = read_pickups(path)
    assert (a.earliest_day, a.latest_day, a.day, a.flexible) == (2, 4, None, True)
    assert (b.earliest_day, b.latest_day) == (None, 3)


def test_missing_columns_and_empty_file(tmp_path: Path) -> None:
    """A header without weight_kg, or a file without rows, is refused."""
    path = tmp_path / "p.csv"
    path.write_text("id,lat,lon\nA,1,2\n")
    with pytest.raises(DataFileError, match=r"row 1 \(header\).*missing weight_kg, product"):
        read_pickups(path)
    path.write_text(HEADER)
    with pytest.raises(DataFileError, match="expected at least one pickup row"):
        read_pickups(path)


@pytest.mark.parametrize(
    ("name", "text", "match"),
    [
        ("f.csv", "type,count\ntruck,1\n", "row 2, column type: expected one of 4x4-pickup"),
        ("f.csv", "type,count\n6-wheel,0\n", "row 2, column count: expected an integer >= 1"),
        ("f.csv", "type,count,max_hours\n6-wheel,1,30\n", "column max_hours: expected a number"),
        ("f.csv", "type,count,shift_start\n6-wheel,1,7am\n", "column shift_start: expected a time"),
        (
            "f.toml",
            "[[vehicle]]\ntype = '6-wheel'\ncount = 0\n",
            r"\[\[vehicle\]\] number 1, column count",
        ),
        ("f.toml", "vehicle = 1\n", r"expected \[\[vehicle\]\] tables"),
    ],
)
def test_bad_fleet_files(tmp_path: Path, name: str, text: str, match: str) -> None:
    """Fleet CSV and TOML errors name the row (or table) and column."""
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(DataFileError, match=match):
        read_fleet(path, known_types=TYPES)


def test_fleet_toml_parses(tmp_path: Path) -> None:
    """A TOML fleet gives the same entries as a CSV fleet."""
    path = tmp_path / "f.toml"
    path.write_text(
        "[[vehicle]]\ntype = '6-wheel'\ncount = 2\nshift_start = '06:30'\nmax_trips = 2\n"
    )
    (entry,) = read_fleet(path, known_types=TYPES)
    assert (entry.type, entry.count, entry.shift_start_s, entry.max_trips) == (
        "6-wheel",
        2,
        23400,
        2,
    )
    assert entry.max_duration_s == 36000


def test_clock_round_trip() -> None:
    """HH:MM parses to seconds since midnight and formats back."""
    assert parse_clock("07:30") == 27000
    assert format_clock(27000) == "07:30"
    with pytest.raises(ValueError):
        parse_clock("7.30")


def test_cli_bad_input_is_one_line_error(cli: Callable[..., CliRun], tmp_path: Path) -> None:
    """Duplicate ids and an unknown depot: one line on stderr, exit code 2, no traceback."""
    path = tmp_path / "p.csv"
    path.write_text(HEADER + GOOD + GOOD)
    result = cli("plan-pickups", str(path), "--depot", "Paksong")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "error: p.csv: row 3, column id: expected a unique id (already on row 2), got 'A'"
    )
    result = cli("plan-pickups", str(path), "--depot", "Paksongg")
    assert result.returncode == 2
    assert result.stderr.startswith("error: Unknown place 'Paksongg'. Closest matches: Paksong")
    assert "Traceback" not in result.stderr


def test_cli_solve_vrplib_json(cli: Callable[..., CliRun]) -> None:
    """solve-vrplib --json prints cost, routes as customer numbers and the gap to the .sol."""
    result = cli(
        "solve-vrplib",
        str(ROOT / "benchmarks" / "cvrplib" / "C101.txt"),
        "--engine",
        "ortools",
        "--time-limit",
        "2",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["bks"] == pytest.approx(827.3)
    assert sorted(c for r in data["routes"] for c in r) == list(range(1, 101))
    assert data["gap_percent"] >= -1e-9
