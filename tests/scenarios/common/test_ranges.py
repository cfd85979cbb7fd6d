"""Range validation of estimated inputs (scenarios.common.ranges)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scenarios.common import DataFileError
from scenarios.common.errors import ScenarioError
from scenarios.common.paths import DATA_DIR, LIBRARY_DIR
from scenarios.common.ranges import file_ranges, toml_ranges
from scenarios.consolidate.inputs import read_hubs
from scenarios.spec.schema import load_scenario

HUB_HEADER = (
    "hub_id,name,place,capacity_t,capacity_t_low,capacity_t_high,fixed_cost_usd_per_yr,"
    "fixed_cost_usd_per_yr_low,fixed_cost_usd_per_yr_high,handling_usd_per_t,"
    "handling_usd_per_t_low,handling_usd_per_t_high,status,source,estimate,dist,range_source\n"
)


def _hubs(tmp_path: Path, row: str) -> Path:
    path = tmp_path / "hubs.csv"
    path.write_text(HUB_HEADER + row + "\n", encoding="utf-8")
    return path


GOOD = "pakse,Pakse,Pakse,100,50,150,10,5,20,1,1,2,candidate,src,true,triangular,why"


def test_good_hub_row_gives_three_ranges(tmp_path: Path) -> None:
    """A complete estimate row yields one range per ranged column with its bounds."""
    ranges = file_ranges(_hubs(tmp_path, GOOD))
    assert [(r.key, r.low, r.value, r.high) for r in ranges] == [
        ("hubs.pakse.capacity_t", 50.0, 100.0, 150.0),
        ("hubs.pakse.fixed_cost_usd_per_yr", 5.0, 10.0, 20.0),
        ("hubs.pakse.handling_usd_per_t", 1.0, 1.0, 2.0),
    ]


@pytest.mark.parametrize(
    ("row", "match"),
    [
        (GOOD.replace("100,50,150", "100,,150"), r"row 2 \(pakse\), column capacity_t.*_low"),
        (GOOD.replace("100,50,150", "100,120,150"), r"capacity_t: expected low <= value"),
        (GOOD.replace("100,50,150", "100,50,90"), r"low=50.0, value=100.0, high=90.0"),
        (GOOD.replace("triangular", "normal"), r"dist one of uniform, triangular, lognormal"),
        (GOOD.replace(",why", ","), r"row 2 \(pakse\): estimate is true; expected a range_source"),
        (GOOD.replace("10,5,20", "10,x,20"), r"fixed_cost_usd_per_yr_low: expected a number"),
    ],
)
def test_bad_csv_ranges_are_rejected_at_load(tmp_path: Path, row: str, match: str) -> None:
    """The hub reader rejects an estimate without a range or with value outside it."""
    with pytest.raises(DataFileError, match=match):
        read_hubs(_hubs(tmp_path, row))


def test_sourced_row_needs_no_range(tmp_path: Path) -> None:
    """A row not flagged estimate may leave its range empty."""
    row = "pakse,Pakse,Pakse,100,,,10,,,1,,,candidate,src,false,,"
    assert file_ranges(_hubs(tmp_path, row)) == ()


@pytest.mark.parametrize(
    ("doc", "match"),
    [
        ({"x": {"value": 2.0, "estimate": True}}, r"\[x\] is an estimate; expected keys low"),
        (
            {
                "x": {
                    "value": 2.0,
                    "estimate": True,
                    "low": 3,
                    "high": 4,
                    "dist": "uniform",
                    "range_source": "w",
                }
            },
            r"f\.x: expected low <= value",
        ),
        (
            {
                "x": {
                    "value": 2.0,
                    "estimate": True,
                    "low": 0,
                    "high": 4,
                    "dist": "lognormal",
                    "range_source": "w",
                }
            },
            r"lognormal range needs low > 0",
        ),
        ({"t": {"estimate": True, "a": 1.0}}, r"\[t\] is an estimate; expected a range table"),
        (
            {"t": {"estimate": True, "a": 1.0, "range": {"dist": "uniform", "range_source": "w"}}},
            r"expected \{low, high\} for 'a'",
        ),
        ({"t": {"estimate": True, "value": "6-wheel"}}, r"no number; expected range_source"),
    ],
)
def test_bad_toml_ranges_name_file_and_key(doc: dict[str, object], match: str) -> None:
    """TOML estimates without a range, or with a value outside it, name the file and key."""
    with pytest.raises(DataFileError, match=rf"f\.toml: .*{match}"):
        toml_ranges(doc, "f.toml")


def test_table_factors_scale_every_number() -> None:
    """low_factor/high_factor give every number of a table its own bounds."""
    spread = {"dist": "uniform", "range_source": "w"}
    doc = {
        "s": {
            "estimate": True,
            "paved": {"dry": 50.0},
            "range": {
                "low_factor": 0.8,
                "high_factor": 1.2,
                "dist": "uniform",
                "range_source": "w",
            },
        }
    }
    doc["s"]["range"].update(spread)  # type: ignore[index]
    (r,) = toml_ranges(doc, "n.toml")
    assert (r.key, r.low, r.value, r.high) == ("n.s.paved.dry", 40.0, 50.0, 60.0)


def test_scenario_file_without_range_is_rejected(tmp_path: Path) -> None:
    """A library-style scenario whose estimate has no range fails to load, naming the key."""
    shutil.copy(LIBRARY_DIR / "baseline.toml", tmp_path / "baseline.toml")
    text = (LIBRARY_DIR / "vang_tao_half_wait.toml").read_text(encoding="utf-8")
    text = "\n".join(line for line in text.splitlines() if not line.startswith("range"))
    (tmp_path / "v.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"v\.toml: \[border\.vang_tao\] is an estimate"):
        load_scenario(tmp_path / "v.toml")


def test_shipped_data_has_no_estimate_without_range() -> None:
    """Every shipped data file validates (an estimate without a range would raise)."""
    files = [*DATA_DIR.glob("*.csv"), *DATA_DIR.glob("*.toml"), *LIBRARY_DIR.glob("*.toml")]
    assert sum(len(file_ranges(f)) for f in files) > 100
