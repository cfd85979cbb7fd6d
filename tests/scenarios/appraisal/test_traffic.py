"""Traffic counts: every row sourced or flagged with a range, and attached to road pieces."""

from __future__ import annotations

from pathlib import Path

import pytest

from optimizer.exceptions import InputError
from scenarios.appraisal.traffic import load_traffic
from scenarios.common import file_ranges
from scenarios.common.paths import DATA_DIR


def test_every_traffic_row_has_a_source_or_estimate_flag_and_a_range() -> None:
    """data/traffic.csv: source text, estimate flag, low <= central <= high, wider if estimated."""
    table = load_traffic()
    assert table.rows
    for row in table.rows:
        assert row.source.strip(), row.id
        assert row.low_factor <= 1.0 <= row.high_factor, row.id
        if row.estimate:
            assert row.low_factor < 1.0 < row.high_factor, row.id


def test_every_appraisal_parameter_has_a_range_around_its_value() -> None:
    """data/appraisal_params.toml: each numeric value lies within its low..high."""
    ranges = file_ranges(DATA_DIR / "appraisal_params.toml")
    assert len(ranges) > 20
    for item in ranges:
        assert item.low <= item.value <= item.high, item.key


@pytest.mark.parametrize(
    ("ref", "highway", "lat", "lon", "expected"),
    [
        ("16", "primary", 15.15, 106.0, "nr16_pakse_paksong"),
        ("16", "primary", 15.12, 105.65, "nr16_pakse_vangtao"),
        ("16;13S", "primary", 15.30, 106.32, "nr16_paksong_thateng"),
        ("16A", "secondary", 15.15, 106.5, "rd16a"),
        ("99", "secondary", 15.0, 106.0, "default_secondary"),
        ("", "track", 15.0, 106.0, "default_other"),
    ],
)
def test_pieces_find_their_section_ref_or_class_default(
    ref: str, highway: str, lat: float, lon: float, expected: str
) -> None:
    """A piece takes its section's row, else its route's, else its class default."""
    assert load_traffic().row_for(ref, highway, lat, lon).id == expected


def test_class_counts_must_add_up(tmp_path: Path) -> None:
    """A row whose classes do not sum to aadt_total is refused, naming the row and column."""
    text = (DATA_DIR / "traffic.csv").read_text(encoding="utf-8").splitlines()
    bad = text[1].replace(",700,400,1000,", ",701,400,1000,", 1)
    (tmp_path / "traffic.csv").write_text("\n".join([text[0], bad]), encoding="utf-8")
    with pytest.raises(InputError, match=r"row 2, column aadt_total"):
        load_traffic(tmp_path / "traffic.csv")
