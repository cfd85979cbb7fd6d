"""Every estimate of data/ and scenarios/library/ has a range; the README table is current."""

from __future__ import annotations

import csv
import tomllib
from collections.abc import Iterator, Mapping
from typing import Any

from scenarios.common.paths import DATA_DIR, LIBRARY_DIR, REPO_ROOT
from scenarios.common.ranges import CSV_RANGED
from scenarios.uncertainty.catalogue import BEGIN_MARK, END_MARK, all_ranges, ranges_table

# traffic counts of the road appraisal: ranges in their own columns (aadt_low, aadt_high,
# growth_low_pct, ...), read and checked by scenarios/appraisal/traffic.py
APPRAISAL_OWN_LAYOUT = {"traffic.csv", "border_traffic.csv"}
_SKIP = {"unit", "source", "estimate", "range", "range_source", "low", "high", "dist"}


def _estimate_numbers(table: Mapping[str, Any], path: str, flagged: bool) -> Iterator[str]:
    """Key paths of the numbers inside tables flagged ``estimate = true`` (walked independently)."""
    flagged = flagged or table.get("estimate") is True
    for key, item in table.items():
        sub = f"{path}.{key}" if path else key
        if key in _SKIP:
            continue
        if isinstance(item, Mapping):
            yield from _estimate_numbers(item, sub, flagged)
        elif isinstance(item, list):
            for i, element in enumerate(item):
                if isinstance(element, Mapping):
                    name = element.get("name", element.get("ref", i))
                    yield from _estimate_numbers(element, f"{sub}.{name}", flagged)
        elif flagged and isinstance(item, int | float) and not isinstance(item, bool):
            yield path if key == "value" else sub


def test_every_toml_estimate_number_has_a_range() -> None:
    """Each number under estimate = true in data/*.toml and the library has a range."""
    keys = {r.key for r in all_ranges()}
    missing = []
    for path in [*DATA_DIR.glob("*.toml"), *LIBRARY_DIR.glob("*.toml")]:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
        prefix = "library." if path.parent == LIBRARY_DIR else ""
        for number in _estimate_numbers(doc, "", False):
            if f"{prefix}{path.stem}.{number}" not in keys:
                missing.append(f"{path.name}: {number}")
    assert missing == []


def test_every_csv_estimate_number_has_a_range() -> None:
    """Each estimate flag column of data/*.csv is known, and its flagged numbers have ranges."""
    keys = {r.key for r in all_ranges()}
    missing = []
    for path in DATA_DIR.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        flags = [c for c in rows[0] if c == "estimate" or c.endswith("_estimate")]
        if not flags:
            continue
        if path.name in APPRAISAL_OWN_LAYOUT:
            continue
        id_column, covered = CSV_RANGED[path.name]
        assert set(flags) <= set(covered), path.name
        for row in rows:
            for flag in flags:
                if row[flag].strip().lower() != "true":
                    continue
                assert row["range_source"].strip(), f"{path.name} {row[id_column]}"
                for column in covered[flag]:
                    if row[column].strip() and path.name != "road_conditions.csv":
                        key = f"{path.stem}.{row[id_column]}.{column}"
                        missing += [] if key in keys else [key]
    assert missing == []


def test_readme_table_is_current() -> None:
    """README.md holds the table generated from the data files (catalogue module)."""
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    between = text.split(BEGIN_MARK, 1)[1].split(END_MARK, 1)[0]
    assert between == "\n" + ranges_table()


def test_folded_rows_say_how_many() -> None:
    """The 778 village volumes are one README line with their count and relative range."""
    line = next(x for x in ranges_table().splitlines() if "supply_villages" in x)
    assert "(778 rows)" in line
    assert "x0.7 – x1.3 of each value" in line
