"""Table readers and writers shared by every room: CSV rows, TOML files, CSV output.

Every error is a :class:`~scenarios.common.errors.DataFileError` naming the file, the row (as
in a spreadsheet: the header is row 1), the column, what was expected and what was found.
"""

from __future__ import annotations

import csv
import io
import math
import re
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scenarios.common.errors import DataFileError
from scenarios.common.ranges import check_file
from scenarios.common.textfile import (
    check_csv_syntax,
    closest,
    find_nonfinite,
    read_text,
    sniff_delimiter,
    unknown_names_error,
)

__all__ = ["NOTE_COLUMNS", "Row", "read_rows", "read_table", "read_toml", "write_rows"]

#: Free-text columns a user may keep beside the data in any table; never read.
NOTE_COLUMNS = ("note", "notes", "comment", "source")

#: A number with a decimal comma and no other separator: ``-15,12`` (not ``1,070,000``).
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")


@dataclass(frozen=True, slots=True)
class Row:
    """One data row of a table with its spreadsheet row number (the header is row 1).

    ``source`` is the file name the errors start with (empty: no prefix). ``decimal_comma``:
    the file is ``;`` or tab separated, as spreadsheets write it where the decimal mark is a
    comma, so a number written ``15,12`` reads as 15.12.
    """

    number: int
    cells: dict[str, str]
    source: str = ""
    decimal_comma: bool = False

    def _numeric_text(self, column: str) -> str:
        text = self.text(column)
        if self.decimal_comma and _DECIMAL_COMMA.fullmatch(text):
            return text.replace(",", ".")
        return text

    def text(self, column: str) -> str:
        """The stripped cell text ('' when the column is absent or empty)."""
        return (self.cells.get(column) or "").strip()

    def fail(self, column: str, expected: str) -> DataFileError:
        """An error naming the file, this row, the column, what was expected and what was found."""
        where = f"{self.source}: " if self.source else ""
        return DataFileError(
            f"{where}row {self.number}, column {column}: "
            f"expected {expected}, got {self.text(column)!r}"
        )

    def number_(self, column: str, *, minimum: float = 0.0, strict: bool = True) -> float:
        """Parse a finite number > minimum (or >= when ``strict`` is False)."""
        op = ">" if strict else ">="
        expected = f"a number {op} {minimum:g}"
        try:
            value = float(self._numeric_text(column))
        except ValueError:
            raise self.fail(column, expected) from None
        ok = math.isfinite(value) and (value > minimum if strict else value >= minimum)
        if not ok:
            raise self.fail(column, expected)
        return value

    def integer(self, column: str, *, minimum: int = 1) -> int:
        """Parse an integer >= minimum."""
        try:
            value = int(self.text(column))
        except ValueError:
            raise self.fail(column, f"an integer >= {minimum}") from None
        if value < minimum:
            raise self.fail(column, f"an integer >= {minimum}")
        return value

    def boolean(self, column: str, *, default: bool) -> bool:
        """Parse true/false/yes/no/1/0 (empty gives ``default``)."""
        text = self.text(column).lower()
        if not text:
            return default
        if text in {"true", "yes", "1", "y"}:
            return True
        if text in {"false", "no", "0", "n"}:
            return False
        raise self.fail(column, "true or false")


def read_toml(path: Path, *, what: str) -> dict[str, Any]:
    """Parse a TOML file; a missing file or bad TOML is a one-line error naming ``what``."""
    try:
        data = tomllib.loads(read_text(path, what=what))
    except tomllib.TOMLDecodeError as exc:
        msg = f"{path.name}: not valid TOML: {exc}"
        raise DataFileError(msg) from None
    bad = find_nonfinite(data)
    if bad is not None:
        msg = f"{path.name}: key {'.'.join(bad)}: expected a finite number; got inf or nan"
        raise DataFileError(msg)
    return data


def read_rows(
    path: Path, *, required: Sequence[str], what: str, optional: Sequence[str] | None = None
) -> Iterator[Row]:
    """Yield the data rows of ``path`` after checking the header has the ``required`` columns.

    UTF-8 (with or without a byte-order mark) only; ``,``, ``;`` or tab delimited (sniffed
    from the header); in a ``;`` or tab delimited file a number may have a decimal comma.
    With ``optional`` given, a column that is neither required nor optional is an error
    naming the closest valid column; a row with more cells than the header too.
    """
    text = read_text(path, what=what)
    delimiter = sniff_delimiter(text)
    check_csv_syntax(path, text, delimiter)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip() for h in (reader.fieldnames or [])]
    _check_header(path, header, required, optional)
    reader.fieldnames = header
    for index, cells in enumerate(reader, start=2):
        if None in cells:
            msg = f"{path.name}: row {index}: expected {len(header)} cells (the header's); got more"
            raise DataFileError(msg)
        if not any((v or "").strip() for v in cells.values() if isinstance(v, str)):
            continue
        values = {k: v for k, v in cells.items() if isinstance(k, str)}
        yield Row(index, values, path.name, decimal_comma=delimiter != ",")


def read_table(
    path: Path, *, required: Sequence[str], what: str, optional: Sequence[str] | None = None
) -> list[Row]:
    """The data rows of :func:`read_rows`, then the ranges of the file's estimates checked.

    The header comes first, so a misspelt range column (``road_km_lo``) is named as unknown
    rather than reported as a missing range.
    """
    rows = list(read_rows(path, required=required, what=what, optional=optional))
    check_file(path)
    return rows


def _check_header(
    path: Path, header: list[str], required: Sequence[str], optional: Sequence[str] | None
) -> None:
    where = f"{path.name}: row 1 (header)"
    valid = [*required, *(optional or ())]
    if optional is not None:
        unknown = [h for h in header if h not in valid]
        if unknown:
            raise DataFileError(unknown_names_error(where, "column", unknown, valid))
    duplicated = sorted({h for h in header if header.count(h) > 1})
    if duplicated:
        msg = f"{where}: column {duplicated[0]!r} appears more than once"
        raise DataFileError(msg)
    missing = [c for c in required if c not in header]
    if missing:
        hints = [f"{h!r} -> {closest(h, missing)!r}" for h in header if closest(h, missing)]
        hint = f"; did you mean {', '.join(hints)}?" if hints else ""
        msg = (
            f"{where}: expected columns {', '.join(required)}; "
            f"missing {', '.join(missing)} (found {', '.join(header) or 'nothing'}){hint}"
        )
        raise DataFileError(msg)


def write_rows(path: Path, rows: Sequence[dict[str, object]]) -> None:
    """Write dictionaries as a CSV file (columns from the first row)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        if not rows:
            handle.write("")
            return
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
