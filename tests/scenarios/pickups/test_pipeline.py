"""Pickup planning end to end on the embedded road network: verified plans, seasons, outputs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import networks
import scenarios.pickups as pickups_room
from optimizer import SolveParams, verify
from optimizer.pickup.params import Engine
from scenarios.pickups import plan_pickups, run_to_json, write_outputs
from scenarios.pickups import report as pickup_report

SAMPLE = Path(__file__).resolve().parents[3] / "data" / "samples" / "paksong_pickups.csv"
PARAMS = SolveParams(engine=Engine.PYVRP, time_limit_s=2.0, seed=1, solution_limit=300)

# four sample villages on the plateau, one tonne each (parchment), no windows
SMALL = """id,village_code,weight_kg,product
P02,1604008,1000,parchment
P03,1604013,1000,parchment
P04,1604016,1000,parchment
T1,1504001,1000,parchment
"""
FLEET = "type,count,max_trips\n4x4-pickup,2,3\n6-wheel,1,1\n"


@pytest.fixture
def small(tmp_path: Path) -> tuple[Path, Path]:
    pickups, fleet = tmp_path / "p.csv", tmp_path / "f.csv"
    pickups.write_text(SMALL)
    fleet.write_text(FLEET)
    return pickups, fleet


def test_small_plan_is_verified_and_complete(small: tuple[Path, Path]) -> None:
    """All four pickups are served, the plan re-verifies and the JSON has the issue's keys."""
    pickups, fleet = small
    run = plan_pickups(pickups, "Paksong", fleet_path=fleet, params=PARAMS)
    (day,) = run.days
    verify(day.problem, day.plan)
    data = run_to_json(run)
    assert data["status"] == "feasible" and data["dropped"] == []
    assert {"status", "engine", "total_cost_lak", "routes", "dropped"} <= set(data)
    route = data["routes"][0]
    assert {"vehicle", "capacity_kg", "distance_m", "duration_s", "cost_lak", "stops"} <= set(route)
    assert {"id", "weight_kg", "arrival_s"} <= set(route["stops"][0])
    served = sorted(s["id"] for r in data["routes"] for s in r["stops"])
    assert served == ["P02", "P03", "P04", "T1"]
    assert data["total_cost_lak"] == sum(r["cost_lak"] for r in data["routes"])
    summary = data["summary"]
    assert summary["tonnes_collected"] == 4.0
    assert summary["co2_kg"] == pytest.approx(summary["litres_diesel"] * 2.66, abs=0.2)


def test_wet_season_costs_more_than_dry(small: tuple[Path, Path]) -> None:
    """The same pickups cost more in the wet season, trucks and carry together: P02's 9.4 km
    track is cut off for every class, so the trucks meet it at the road end (a shorter drive)
    and the village's carry to there is the price of the season."""
    pickups, fleet = small
    dry = run_to_json(plan_pickups(pickups, "Paksong", fleet_path=fleet, params=PARAMS))
    wet = run_to_json(
        plan_pickups(pickups, "Paksong", fleet_path=fleet, season="wet", params=PARAMS)
    )
    assert dry["dropped"] == [] and wet["dropped"] == []
    where = {s["id"]: s["collected_at"] for r in wet["routes"] for s in r["stops"]}
    assert where == {"P02": "road_end", "P03": "village", "P04": "village", "T1": "village"}
    assert {s["collected_at"] for r in dry["routes"] for s in r["stops"]} == {"village"}
    assert dry["summary"]["carry_cost_lak"] == 0 and wet["summary"]["road_end_stops"] == 1
    wet_total = wet["total_cost_lak"] + wet["summary"]["carry_cost_lak"]
    assert wet_total > dry["total_cost_lak"]


def test_same_seed_and_limit_give_same_plan(small: tuple[Path, Path]) -> None:
    """Determinism: same inputs, seed and solution limit give an identical JSON plan."""
    pickups, fleet = small
    first = run_to_json(plan_pickups(pickups, "Paksong", fleet_path=fleet, params=PARAMS))
    second = run_to_json(plan_pickups(pickups, "Paksong", fleet_path=fleet, params=PARAMS))
    assert first == second


def test_outputs_written(small: tuple[Path, Path], tmp_path: Path) -> None:
    """plan.json, summary.csv, routes GeoJSON/GeoPackage and one driver sheet per truck."""
    pickups, fleet = small
    run = plan_pickups(pickups, "Paksong", fleet_path=fleet, params=PARAMS)
    written = write_outputs(run, tmp_path / "out")
    names = {p.name for p in written}
    assert {"plan.json", "summary.csv", "routes.geojson", "routes.gpkg"} <= names
    sheets = [p for p in written if p.name.startswith("driver_sheet_")]
    assert len(sheets) == sum(len(d.plan.routes) for d in run.days)
    lines = sheets[0].read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Truck,Day,Trip,Order,Time,What to do,Village or place,Pickup ID")
    assert re.match(r"^(4x4-pickup|6-wheel) #\d,,1,,07:00,", lines[1])  # the on-screen name
    assert ",Leave the depot empty,Paksong," in lines[1]
    assert "driver_sheets.html" in names
    geo = json.loads((tmp_path / "out" / "routes.geojson").read_text())
    assert all(len(f["geometry"]["coordinates"]) >= 2 for f in geo["features"])


@pytest.mark.parametrize("name", pickup_report.__all__)
def test_output_functions_are_the_rooms_public_api(name: str) -> None:
    """The room's root scenarios.pickups names each output function of its report module."""
    assert getattr(pickups_room, name) is getattr(pickup_report, name)
    assert name in pickups_room.__all__


def test_heavy_truck_cannot_reach_earth_road_in_wet(tmp_path: Path) -> None:
    """In the wet only heavy trucks free: E1 on an earth road is dropped; X, 4.2 km off it (beyond
    the heavy truck's 3 km track limit), would be met at its road end, but that lies on the same
    earth road: dropped too, saying so. A 4x4 (6 km wet limit) collects both at the village. In
    the dry season heavy trucks leave long earth roads too, while a 6-wheel reaches both."""
    pickups, fleet = tmp_path / "p.csv", tmp_path / "f.csv"
    pickups.write_text(
        "id,lat,lon,weight_kg,product\nE1,15.9353,105.3674,500,green\nX,15.9353,105.3274,500,green\n"
    )
    fleet.write_text("type,count\n10-wheel,1\n")
    wet = run_to_json(plan_pickups(pickups, "Pakse", fleet_path=fleet, season="wet", params=PARAMS))
    reasons = {d["id"]: d["reason"] for d in wet["dropped"]}
    assert reasons == {
        "E1": "unreachable in the wet season by any available vehicle class",
        "X": "unreachable in the wet season by any available vehicle class, at the village and "
        "at the road end of its 5.5 km track",
    }
    dry = run_to_json(plan_pickups(pickups, "Pakse", fleet_path=fleet, params=PARAMS))
    assert {d["id"]: d["reason"] for d in dry["dropped"]} == {
        "E1": "unreachable in the dry season by any available vehicle class",
        "X": "unreachable in the dry season by any available vehicle class, at the village and "
        "at the road end of its 5.5 km track",
    }
    fleet.write_text("type,count\n6-wheel,1\n")
    dry = run_to_json(plan_pickups(pickups, "Pakse", fleet_path=fleet, params=PARAMS))
    assert dry["dropped"] == [] and dry["status"] == "feasible"
    assert {s["collected_at"] for r in dry["routes"] for s in r["stops"]} == {"village"}
    fleet.write_text("type,count,max_trips\n4x4-pickup,1,2\n")
    wet = run_to_json(plan_pickups(pickups, "Pakse", fleet_path=fleet, season="wet", params=PARAMS))
    assert wet["dropped"] == [] and wet["status"] == "feasible"
    assert {s["collected_at"] for r in wet["routes"] for s in r["stops"]} == {"village"}


def test_pickup_heavier_than_every_truck_split_or_dropped(tmp_path: Path) -> None:
    """3 t for a 4x4-only fleet becomes two 1.5 t loads; 1,000 t is dropped with the reason."""
    pickups, fleet = tmp_path / "p.csv", tmp_path / "f.csv"
    pickups.write_text(
        "id,village_code,weight_kg,product\nS,1604008,3000,parchment\nX,1604013,1000000,green\n"
    )
    fleet.write_text("type,count,max_trips\n4x4-pickup,1,3\n")
    data = run_to_json(plan_pickups(pickups, "Paksong", fleet_path=fleet, params=PARAMS))
    served = sorted(s["id"] for r in data["routes"] for s in r["stops"])
    assert served == ["S#1", "S#2"]
    assert data["dropped"] == [
        {
            "day": None,
            "id": "X",
            "reason": "weight 1000000 kg exceeds the largest vehicle capacity 1500 kg",
            "connector_km": data["dropped"][0]["connector_km"],
        }
    ]


# one 4x4 (1.5 t, one trip a day) and 1 t pickups: two never share a truck
WINDOWS = """id,village_code,weight_kg,product,day,earliest_day,latest_day
P02,1604008,1000,parchment,1,,
P04,1604001,1000,parchment,2,,
P03,1604013,1000,parchment,,1,3
P05,1604016,1000,parchment,,1,2
"""


def test_flexible_days_are_chosen_by_the_planner(tmp_path: Path) -> None:
    """Days 1, 2 are taken by fixed pickups: P03 (days 1-3) goes on day 3; P05 (days 1-2) has
    no day left and is dropped saying so (serving it instead of P04 on day 2 costs more: Ban
    Lark 28 is farther than Ban Vatlouang); each day's plan verifies on its own."""
    pickups, fleet = tmp_path / "p.csv", tmp_path / "f.csv"
    pickups.write_text(WINDOWS)
    fleet.write_text("type,count,max_trips\n4x4-pickup,1,1\n")
    run = plan_pickups(pickups, "Paksong", fleet_path=fleet, params=PARAMS)
    assert [d.day for d in run.days] == [1, 2, 3]
    for day in run.days:
        verify(day.problem, day.plan)
    data = run_to_json(run)
    served = {s["id"]: r["day"] for r in data["routes"] for s in r["stops"]}
    assert served == {"P02": 1, "P04": 2, "P03": 3}
    assert data["dropped"] == [
        {
            "day": 2,
            "id": "P05",
            "reason": "no vehicle capacity or driver time left in the fleet on any day of its "
            "window (days 1 to 2)",
            "connector_km": 0.0,
        }
    ]


@pytest.mark.slow
def test_sample_week_plans_every_day() -> None:
    """The shipped sample week (45 pickups, 6 days) gives a verified plan for each day."""
    run = plan_pickups(SAMPLE, "Paksong", params=SolveParams(engine=Engine.PYVRP, time_limit_s=6))
    assert [d.day for d in run.days] == [1, 2, 3, 4, 5, 6]
    for day in run.days:
        verify(day.problem, day.plan)
    assert run.status == "feasible"


@pytest.mark.slow
def test_sample_flexible_week_keeps_every_window() -> None:
    """The flexible sample week: one model, six verified day plans, every stop inside its window."""
    path = SAMPLE.with_name("paksong_pickups_flexible.csv")
    run = plan_pickups(path, "Paksong", params=SolveParams(engine=Engine.PYVRP, time_limit_s=8))
    assert [d.day for d in run.days] == [1, 2, 3, 4, 5, 6]
    for day in run.days:
        verify(day.problem, day.plan)
        for route in day.plan.routes:
            for stop in route.stops:
                record = day.records[stop.pickup]
                low = record.earliest_day or record.day
                high = record.latest_day or record.day
                assert low is not None and high is not None and low <= day.day <= high


def test_pickup_beyond_the_wet_limit_is_met_at_its_road_end(tmp_path: Path) -> None:
    """Ban PhouMakkor's track (straight line beyond the 4x4's 6 km wet limit) carries no truck
    in the wet: the 4x4 meets the village at the road end; carry_km is the track's straight
    line x the connector circuity, costed at the feeder rate, on the sheet and in the JSON."""
    from networks.tables import default_tables
    from scenarios.pickups import driver_sheets, load_pickup_rules, read_pickups, sheet_rows

    pickups, fleet = tmp_path / "p.csv", tmp_path / "f.csv"
    pickups.write_text("id,village_code,weight_kg,product\nP02,1604008,1200,parchment\n")
    fleet.write_text("type,count\n4x4-pickup,1\n")
    (record,) = read_pickups(pickups)
    net = networks.load_network()
    straight_m = networks.snap_points(net, [(record.lat, record.lon)]).distance_m[0]
    tables = default_tables()
    assert straight_m > 6000.0  # beyond the wet limit of the 4x4, the only class in the fleet
    carry_km = straight_m * tables.connector_circuity / 1000.0
    rate = load_pickup_rules().carry_lak_per_t_km
    run = plan_pickups(pickups, "Paksong", fleet_path=fleet, season="wet", params=PARAMS)
    (day,) = run.days
    verify(day.problem, day.plan)
    data = run_to_json(run)
    assert data["status"] == "feasible" and data["dropped"] == []
    ((stop,),) = [r["stops"] for r in data["routes"]]
    assert stop["collected_at"] == "road_end"
    assert stop["carry_km"] == pytest.approx(carry_km, abs=0.005)
    assert stop["carry_cost_lak"] == pytest.approx(carry_km * 1.2 * rate, abs=1)
    assert data["summary"]["carry_cost_lak"] == stop["carry_cost_lak"]
    assert data["total_cost_lak"] == sum(r["cost_lak"] for r in data["routes"])  # trucks only
    ((sheet_stop,),) = [
        [row for row in sheet_rows(s) if row["Pickup ID"] == "P02"] for s in driver_sheets(run)
    ]
    assert sheet_stop["What to do"] == (
        f"Meet at the road end, {carry_km:.1f} km from {sheet_stop['Village or place']}: load"
    )
    dry = run_to_json(plan_pickups(pickups, "Paksong", fleet_path=fleet, params=PARAMS))
    assert dry["routes"][0]["stops"][0]["collected_at"] == "village"
    assert dry["summary"]["carry_cost_lak"] == 0
