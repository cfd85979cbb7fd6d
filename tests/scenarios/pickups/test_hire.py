"""Tariffs of trucks for hire: the shipped file, bad rows, and plans that hire where cheaper."""

from __future__ import annotations

from pathlib import Path

import pytest

from optimizer import SolveParams
from optimizer.pickup.params import Engine
from scenarios.common.errors import DataFileError
from scenarios.pickups import HIRE_TARIFFS, plan_pickups, read_hire_tariffs, summary

PARAMS = SolveParams(engine=Engine.PYVRP, time_limit_s=2.0, seed=1, solution_limit=300)
TYPES = ("4x4-pickup", "6-wheel", "10-wheel")
HEADER = "id,type,basis,count,max_trips,fixed_lak,per_km_lak\n"
TWO = "id,village_code,weight_kg,product\nP02,1604008,1000,parchment\nP03,1604013,1000,parchment\n"


def test_shipped_tariffs_parse() -> None:
    """The shipped file offers a 4x4 per day (3 trips) and 6- and 10-wheel trucks per trip."""
    tariffs = read_hire_tariffs(HIRE_TARIFFS, known_types=TYPES)
    assert [(t.type, t.basis, t.max_trips) for t in tariffs] == [
        ("4x4-pickup", "day", 3),
        ("6-wheel", "trip", 1),
        ("10-wheel", "trip", 1),
    ]


@pytest.mark.parametrize(
    ("body", "match"),
    [
        ("h,6-wheel,week,1,,0,1\n", "row 2, column basis: expected one of day, trip, got 'week'"),
        ("h,6-wheel,trip,1,2,0,1\n", "row 2, column max_trips: expected 1 for a tariff per trip"),
        ("h,bus,day,1,,0,1\n", "row 2, column type: expected one of 4x4-pickup"),
        ("h,6-wheel,day,1,,-5,1\n", "row 2, column fixed_lak: expected a number >= 0"),
        ("h,6-wheel,day,1,,0,1\nh,6-wheel,day,1,,0,1\n", r"row 3, column id: .*already on row 2"),
    ],
)
def test_bad_tariff_rows(tmp_path: Path, body: str, match: str) -> None:
    """Each bad cell names its row and column and what was expected."""
    path = tmp_path / "hire.csv"
    path.write_text(HEADER + body)
    with pytest.raises(DataFileError, match=match):
        read_hire_tariffs(path, known_types=TYPES)


def _plan(tmp_path: Path, fleet: str, tariff: str | None) -> dict[str, float]:
    pickups, fleet_path = tmp_path / "p.csv", tmp_path / "f.csv"
    pickups.write_text(TWO)
    fleet_path.write_text(fleet)
    hire = None
    if tariff is not None:
        hire = tmp_path / "hire.csv"
        hire.write_text(HEADER + tariff)
    run = plan_pickups(pickups, "Paksong", fleet_path=fleet_path, params=PARAMS, hire_path=hire)
    return summary(run)


def test_hire_serves_what_the_own_fleet_leaves(tmp_path: Path) -> None:
    """One 4x4 (1.5 t, one trip) cannot take 2 t: without hire a stop is dropped; with a 6-wheel
    for hire everything is served and own + hired = total."""
    fleet = "type,count,max_trips\n4x4-pickup,1,1\n"
    alone = _plan(tmp_path, fleet, None)
    assert alone["dropped"] == 1 and alone["hired_cost_lak"] == 0
    hired = _plan(tmp_path, fleet, "h,6-wheel,trip,1,1,300000,3000\n")
    assert hired["dropped"] == 0 and hired["hired_cost_lak"] > 300000
    assert hired["own_fleet_cost_lak"] + hired["hired_cost_lak"] == hired["total_cost_lak"]


def test_hire_is_used_only_where_cheaper(tmp_path: Path) -> None:
    """With two own 4x4s free, a dear tariff stays unused; a near-free one takes every stop."""
    fleet = "type,count,max_trips\n4x4-pickup,2,1\n"
    dear = _plan(tmp_path, fleet, "h,4x4-pickup,day,2,1,50000000,0\n")
    assert dear["hired_cost_lak"] == 0 and dear["dropped"] == 0
    cheap = _plan(tmp_path, fleet, "h,4x4-pickup,day,2,1,0,1\n")
    assert cheap["own_fleet_cost_lak"] == 0 and cheap["dropped"] == 0
    assert 0 < cheap["hired_cost_lak"] < dear["total_cost_lak"]
