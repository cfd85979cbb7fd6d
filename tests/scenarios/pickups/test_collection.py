"""Collection points and cherry freshness in the pickup pipeline; the rules file."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from networks import Village
from optimizer import SolveParams, verify
from optimizer.pickup.params import Engine
from scenarios.common.errors import DataFileError
from scenarios.pickups import (
    PickupRules,
    PickupRun,
    group_collection_points,
    load_pickup_rules,
    plan_pickups,
    read_pickups,
    run_to_json,
    summary,
)

PARAMS = SolveParams(engine=Engine.AUTO, time_limit_s=4.0, seed=1, solution_limit=300)
RULES = PickupRules(
    cherry_max_hours_to_mill=8.0, feeder_lak_per_t_km=30_000, feeder_detour_factor=1.3
)
POINT = Village(9, "Point", "d", "p", lat=15.0, lon=106.0)
GROUP = """id,lat,lon,weight_kg,product,tw_start,tw_end,collection_point,required
V1,15.0,106.01,400,parchment,08:00,16:00,9,true
V2,15.02,106.0,600,parchment,10:00,17:00,9,false
V3,15.0,106.01,100,cherry,,,9,true
V4,15.1,106.1,500,parchment,,,,true
"""


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle km, written out here to check the module's figure independently."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def _plan(tmp_path: Path, pickups_csv: str, trucks: int) -> PickupRun:
    pickups, fleet = tmp_path / "p.csv", tmp_path / "f.csv"
    pickups.write_text(pickups_csv)
    fleet.write_text(f"type,count\n4x4-pickup,{trucks}\n")
    return plan_pickups(pickups, "Paksong", fleet_path=fleet, params=PARAMS)


def test_shipped_rules() -> None:
    """data/pickup_rules.toml: 8 h cherry limit (28,800 s), 30,000 LAK/t-km, detour 1.3."""
    rules = load_pickup_rules()
    assert rules == RULES and rules.cherry_max_ride_s == 28_800


def test_rows_merge_into_one_stop_per_point_and_product(tmp_path: Path) -> None:
    """V1 + V2 become one 1,000 kg parchment stop at the point with the overlap window 10-16 h,
    required because V1 is; the cherry row stays its own stop there; V4 is untouched.
    Feeder: (0.4 t x 1.074 km + 0.6 t x 2.224 km) x 1.3 x 30,000 LAK/t-km."""
    path = tmp_path / "p.csv"
    path.write_text(GROUP)
    merged = group_collection_points(read_pickups(path), RULES, villages={"9": POINT})
    by_id = {r.id: r for r in merged}
    assert sorted(by_id) == ["CP 9 cherry", "CP 9 parchment", "V4"]
    stop = by_id["CP 9 parchment"]
    assert (stop.lat, stop.lon, stop.weight_kg, stop.required) == (15.0, 106.0, 1000, True)
    assert (stop.tw_start_s, stop.tw_end_s) == (10 * 3600, 16 * 3600)
    expected = (0.4 * _km(15.0, 106.01, 15.0, 106.0) + 0.6 * _km(15.02, 106.0, 15.0, 106.0)) * 1.3
    assert stop.feeder_cost_lak == pytest.approx(expected * 30_000, rel=1e-9)
    assert stop.feeder_cost_lak == pytest.approx(68_800, abs=300)
    assert by_id["V4"].feeder_cost_lak == 0.0


@pytest.mark.parametrize(
    ("rows", "match"),
    [
        ("A,15,106,1,green,08:00,09:00,9,\nB,15,106,1,green,10:00,11:00,9,\n", "do not overlap"),
        ("A,15,106,1,green,,,77,\n", r"column collection_point: expected a village code .* '77'"),
    ],
)
def test_bad_collection_points(tmp_path: Path, rows: str, match: str) -> None:
    """Windows that cannot all be kept, or an unknown village code, name the row and column."""
    path = tmp_path / "p.csv"
    path.write_text(GROUP.splitlines()[0] + "\n" + rows)
    with pytest.raises(DataFileError, match=match):
        group_collection_points(read_pickups(path), RULES, villages={"9": POINT})


def test_trucks_visit_the_point_and_the_legs_are_costed_apart(tmp_path: Path) -> None:
    """Two villages grouped at Ban PhouMakkor: one truck stop of 1,000 kg there; the feeder
    cost is in the summary, not in the truck total."""
    rows = "A,1604013,400,parchment,1604008\nB,1604001,600,parchment,1604008\n"
    run = _plan(tmp_path, "id,village_code,weight_kg,product,collection_point\n" + rows, 1)
    data = run_to_json(run)
    stops = [s for r in data["routes"] for s in r["stops"]]
    assert [(s["id"], s["weight_kg"]) for s in stops] == [("CP 1604008 parchment", 1000)]
    feeder = summary(run)["feeder_cost_lak"]
    a = 0.4 * _km(15.22954113, 106.20014171, 15.11069915, 106.22494695)
    b = 0.6 * _km(15.1821843, 106.2322004, 15.11069915, 106.22494695)
    assert feeder == round((a + b) * 1.3 * 30_000)
    assert data["total_cost_lak"] == sum(r["cost_lak"] for r in data["routes"])


def test_cherry_gets_the_freshness_limit_and_a_hopeless_one_is_dropped(tmp_path: Path) -> None:
    """Cherry without its own limit gets 8 h; cherry 3 minutes from the mill at most cannot
    come from Ban Lark 28 and is dropped saying so; parchment has no limit."""
    rows = "C1,1604008,500,cherry,\nC2,1604016,500,cherry,0.05\nP1,1604013,500,parchment,\n"
    run = _plan(tmp_path, "id,village_code,weight_kg,product,max_hours_to_mill\n" + rows, 2)
    (day,) = run.days
    verify(day.problem, day.plan)
    limits = {p.id: p.max_ride_s for p in day.problem.pickups}
    assert limits == {"C1": 28_800, "C2": 180, "P1": None}
    assert [(d["id"], d["reason"]) for d in run_to_json(run)["dropped"]] == [
        ("C2", "fresh cherry cannot reach the depot within 0.05 h even on a direct trip")
    ]
