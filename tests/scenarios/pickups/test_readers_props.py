"""Property-based (Hypothesis): pickups files read the same whatever their separator, and an
uploaded file keeps its own (made safe) name in every error, never the staged file's."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from optimizer import Product
from scenarios.common import DataFileError
from scenarios.common.textfile import sniff_delimiter
from scenarios.pickups import read_fleet, read_pickups
from scenarios.pickups.io import PICKUP_COLUMNS, PICKUP_OPTIONAL
from scenarios.views.common import safe_file_name, stage_upload

BOUNDED = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
SEPARATORS = (",", ";", "\t")

pickup_rows = st.lists(
    st.tuples(
        st.integers(14_300_000, 16_700_000),  # lat in micro-degrees (study area)
        st.integers(105_400_000, 107_200_000),  # lon
        st.integers(1, 50_000),  # kg
        st.sampled_from([p.value for p in Product]),
        st.sampled_from(["Ban Nong", "ບ້ານ ໜອງ", "Ban 'Lak' 3"]),
    ),
    min_size=1,
    max_size=8,
)


def _number(micro: int, decimal_comma: bool) -> str:
    text = f"{micro / 1e6:.6f}"
    return text.replace(".", ",") if decimal_comma else text


@BOUNDED
@given(rows=pickup_rows, sep=st.sampled_from(SEPARATORS), decimal_comma=st.booleans())
def test_separator_and_decimal_comma_do_not_change_the_pickups(
    rows: list[tuple[int, int, int, str, str]], sep: str, decimal_comma: bool
) -> None:
    """The same rows written with ``,``, ``;`` or tab (decimal commas with ``;``/tab) read equal."""
    comma = decimal_comma and sep != ","
    lines = [sep.join(["id", "name", "lat", "lon", "weight_kg", "product"])]
    for i, (lat, lon, kg, product, name) in enumerate(rows):
        cells = [f"P{i}", name, _number(lat, comma), _number(lon, comma), str(kg), product]
        lines.append(sep.join(cells))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "week.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        records = read_pickups(path)
    assert [(r.id, r.name, r.weight_kg, r.product.value) for r in records] == [
        (f"P{i}", name, kg, product) for i, (_, _, kg, product, name) in enumerate(rows)
    ]
    for record, (lat, lon, *_) in zip(records, rows, strict=True):
        assert record.lat == pytest.approx(lat / 1e6, abs=1e-9)
        assert record.lon == pytest.approx(lon / 1e6, abs=1e-9)


@BOUNDED
@given(
    columns=st.lists(st.sampled_from([*PICKUP_COLUMNS, *PICKUP_OPTIONAL]), min_size=2, unique=True),
    sep=st.sampled_from(SEPARATORS),
)
def test_header_separator_is_sniffed(columns: list[str], sep: str) -> None:
    """A header of two or more known columns gives back its separator."""
    assert sniff_delimiter(sep.join(columns) + "\n1\n") == sep


@BOUNDED
@given(name=st.text(max_size=120))
def test_safe_file_name_has_no_folder_part(name: str) -> None:
    """Any uploaded name becomes one file name: no separator, no leading dot, the suffix kept."""
    safe = safe_file_name(name, ".csv")
    assert "/" not in safe and "\\" not in safe and "\x00" not in safe
    assert not safe.startswith(".") and safe.endswith(".csv")
    assert 4 < len(safe) <= 84
    assert Path(safe).name == safe


@BOUNDED
@given(
    name=st.text(min_size=1, max_size=40).filter(lambda n: "upload" not in n.lower()),
    bad=st.sampled_from(["abc", "-5", "nan", "0"]),
    sep=st.sampled_from(SEPARATORS),
)
def test_staged_upload_errors_name_the_uploaded_file(name: str, bad: str, sep: str) -> None:
    """A bad weight in an upload is reported under the uploaded file's name, inside the folder."""
    text = (
        f"id{sep}lat{sep}lon{sep}weight_kg{sep}product\nP1{sep}15.2{sep}106.2{sep}{bad}{sep}green\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        path = stage_upload(text.encode(), suffix=".csv", directory=Path(folder), name=name)
        assert path.resolve().parent.parent == Path(folder).resolve()
        with pytest.raises(DataFileError) as error:
            read_pickups(path)
    message = str(error.value)
    assert message.startswith(f"{safe_file_name(name, '.csv')}: row 2, column weight_kg:")
    assert "upload-" not in message


@BOUNDED
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["4x4-pickup", "6-wheel", "10-wheel"]),
            st.integers(1, 50),
            st.integers(2, 48),  # half hours
            st.integers(1, 5),
        ),
        min_size=1,
        max_size=4,
    ),
    sep=st.sampled_from(SEPARATORS),
)
def test_fleet_reads_the_same_with_any_separator(
    rows: list[tuple[str, int, int, int]], sep: str
) -> None:
    """A fleet file with ``,``, ``;`` or tab (decimal-comma hours with ``;``/tab) reads equal."""
    lines = [sep.join(["type", "count", "max_hours", "max_trips"])]
    for kind, count, halves, trips in rows:
        hours = f"{halves / 2:.1f}"
        lines.append(
            sep.join(
                [kind, str(count), hours.replace(".", ",") if sep != "," else hours, str(trips)]
            )
        )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fleet.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        fleet = read_fleet(path, known_types=["4x4-pickup", "6-wheel", "10-wheel"])
    assert [(f.type, f.count, f.max_duration_s, f.max_trips) for f in fleet] == [
        (kind, count, halves * 1800, trips) for kind, count, halves, trips in rows
    ]
