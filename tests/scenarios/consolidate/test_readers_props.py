"""Property-based (Hypothesis): every consolidation table refuses a misspelt or unknown column
with a one-line error naming the file, the column and the valid ones, and reads its shipped file."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scenarios.common import DATA_DIR, NOTE_COLUMNS, DataFileError
from scenarios.consolidate import gateways as cg
from scenarios.consolidate import inputs as ci
from scenarios.consolidate.forms import read_calendar, read_forms

BOUNDED = settings(max_examples=25, deadline=None, derandomize=True, database=None)

Reader = Callable[[Path], object]
#: Every reader of the consolidation's CSV inputs and the data file it reads.
READERS: dict[str, tuple[str, Reader]] = {
    "supply": ("supply_villages.csv", ci.read_supply),
    "hubs": ("hubs.csv", ci.read_hubs),
    "gateways": ("gateways.csv", cg.read_gateways),
    "corridors": ("corridors.csv", lambda p: ci.read_corridors(cg.read_gateways(), p)),
    "onward legs": ("onward_legs.csv", ci.read_onward_legs),
    "markets": ("markets.csv", ci.read_markets),
    "season split": ("harvest_calendar.csv", lambda p: ci.read_season_split(0.1, p)),
    "season days": ("harvest_calendar.csv", ci.read_season_days),
    "calendar": ("harvest_calendar.csv", read_calendar),
    "forms": ("coffee_forms.csv", read_forms),
    "border traffic": ("border_traffic.csv", cg.load_border_traffic),
    "ocean freight": ("ocean_freight.csv", cg.read_ocean_freight),
}


def _header(name: str) -> list[str]:
    return (DATA_DIR / name).read_text(encoding="utf-8").splitlines()[0].split(",")


def _with_header(name: str, header: list[str], folder: str) -> Path:
    """The shipped file ``name`` with its header replaced, written under ``folder``."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    path = Path(folder) / name
    path.write_text("\n".join([",".join(header), *lines[1:]]) + "\n", encoding="utf-8")
    return path


def _misspell(column: str, how: int) -> str:
    """A near miss of ``column``: a letter dropped, doubled, an abbreviation or a suffix."""
    if how == 0 and len(column) > 2:
        return column[:-1]
    if how == 1:
        return column + column[-1]
    if how == 2:
        return column.replace("_", "", 1) if "_" in column else column + "_x"
    return column + "_tpy"


@pytest.mark.parametrize("reader", sorted(READERS))
def test_shipped_file_reads(reader: str) -> None:
    """Every reader accepts the columns of its shipped data file."""
    name, read = READERS[reader]
    with tempfile.TemporaryDirectory() as folder:
        read(_with_header(name, _header(name), folder))


@pytest.mark.parametrize("reader", sorted(READERS))
@BOUNDED
@given(data=st.data())
def test_misspelt_column_names_file_column_and_valid_ones(reader: str, data: st.DataObject) -> None:
    """Renaming any column of the shipped file to a near miss is a one-line error."""
    name, read = READERS[reader]
    header = _header(name)
    index = data.draw(st.integers(0, len(header) - 1), label="column")
    wrong = _misspell(header[index], data.draw(st.integers(0, 3), label="how"))
    if wrong in {*header, *NOTE_COLUMNS}:  # the near miss is another valid column: not refused
        return
    bad = [*header[:index], wrong, *header[index + 1 :]]
    with tempfile.TemporaryDirectory() as folder, pytest.raises(DataFileError) as caught:
        read(_with_header(name, bad, folder))
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{name}: row 1 (header): unknown column {wrong!r}")
    assert "valid: " in message
    assert header[index] in message.split("valid: ", 1)[1].split(", ")


@pytest.mark.parametrize("reader", sorted(READERS))
@BOUNDED
@given(extra=st.from_regex(r"x_[a-z_]{0,15}", fullmatch=True))
def test_added_unknown_column_is_refused(reader: str, extra: str) -> None:
    """An added column that no reader knows (``x_...``) is refused, naming the file and it."""
    name, read = READERS[reader]
    with tempfile.TemporaryDirectory() as folder:
        path = _with_header(name, [*_header(name), extra], folder)
        with pytest.raises(DataFileError) as caught:
            read(path)
    assert str(caught.value).startswith(f"{name}: row 1 (header): unknown column {extra!r}")


def test_capacity_tpy_names_the_expected_column() -> None:
    """The brief's example: ``capacity_tpy`` for ``capacity_t`` in hubs.csv is one clear line."""
    header = ["capacity_tpy" if h == "capacity_t" else h for h in _header("hubs.csv")]
    with tempfile.TemporaryDirectory() as folder:
        path = _with_header("hubs.csv", header, folder)
        with pytest.raises(DataFileError) as caught:
            ci.read_hubs(path)
    expected = (
        "hubs.csv: row 1 (header): unknown column 'capacity_tpy' (did you mean 'capacity_t'?)"
    )
    assert str(caught.value).startswith(expected + "; valid: ")
