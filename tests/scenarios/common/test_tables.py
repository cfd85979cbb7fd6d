"""Shared table readers: rows, TOML, CSV output; every error names file, row and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenarios.common.errors import DataFileError, ScenarioError
from scenarios.common.tables import Row, read_rows, read_toml, write_rows


def test_rows_are_numbered_as_in_a_spreadsheet(tmp_path: Path) -> None:
    """The header is row 1, blank lines are skipped, cells keep their column names."""
    path = tmp_path / "t.csv"
    path.write_text("a,b\n1,x\n,\n2,y\n", encoding="utf-8")
    rows = list(read_rows(path, required=("a",), what="test"))
    assert [(r.number, r.text("b")) for r in rows] == [(2, "x"), (4, "y")]


@pytest.mark.parametrize(
    ("cell", "call", "match"),
    [
        ("abc", lambda r: r.number_("c"), r"t\.csv: row 2, column c: expected a number > 0"),
        ("-1", lambda r: r.integer("c", minimum=0), r"expected an integer >= 0, got '-1'"),
        ("maybe", lambda r: r.boolean("c", default=True), r"expected true or false, got 'maybe'"),
    ],
)
def test_bad_cells_name_file_row_and_column(cell: str, call: object, match: str) -> None:
    """A bad cell is a DataFileError (a ScenarioError, a ValueError) naming where and what."""
    row = Row(2, {"c": cell}, "t.csv")
    with pytest.raises(DataFileError, match=match) as info:
        call(row)  # type: ignore[operator]
    assert isinstance(info.value, ScenarioError | ValueError)


def test_missing_columns_and_bad_toml(tmp_path: Path) -> None:
    """A header without a required column and a broken TOML file are one-line errors."""
    csv_path = tmp_path / "t.csv"
    csv_path.write_text("a\n1\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"row 1 \(header\).*missing b \(found a\)"):
        list(read_rows(csv_path, required=("a", "b"), what="test"))
    toml_path = tmp_path / "t.toml"
    toml_path.write_text("x = \n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"t\.toml: not valid TOML"):
        read_toml(toml_path, what="test")
    with pytest.raises(FileNotFoundError, match="test file not found"):
        read_toml(tmp_path / "absent.toml", what="test")


def test_write_rows_round_trip(tmp_path: Path) -> None:
    """Rows written by write_rows read back with the same cells."""
    path = tmp_path / "out" / "t.csv"
    write_rows(path, [{"a": 1, "b": "x"}, {"a": 2, "b": "y"}])
    rows = list(read_rows(path, required=("a", "b"), what="test"))
    assert [r.cells for r in rows] == [{"a": "1", "b": "x"}, {"a": "2", "b": "y"}]
