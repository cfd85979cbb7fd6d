"""`bolaven plan-pickups --sheets/--lang`, `bolaven pickup-templates`, and one figure for the
sample week from the command line, the app's view function and the scenario report."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from scenarios import views
from scenarios.pickups import SAMPLE_PICKUPS, SHEET_LABELS, read_fleet, read_pickups, truck_label
from tests.conftest import CliRun

LAO = {key: lo for key, (_, lo) in SHEET_LABELS.items()}
# four plateau villages, one tonne each, one 4x4 (1.5 t) making up to 3 trips: it must unload
SMALL = """id,village_code,weight_kg,product
P02,1604008,1000,parchment
P03,1604013,1000,parchment
P04,1604016,1000,parchment
"""
FAST = ["--solution-limit", "200", "--time-limit", "20"]


def test_sheets_in_lao_with_every_mid_day_unload(
    cli: Callable[..., CliRun], tmp_path: Path
) -> None:
    """--sheets DIR --lang lo: a Lao CSV per truck-day with an unload line per extra trip, HTML."""
    pickups, fleet = tmp_path / "p.csv", tmp_path / "f.csv"
    pickups.write_text(SMALL)
    fleet.write_text("type,count,max_trips\n4x4-pickup,1,3\n")
    out = tmp_path / "sheets"
    result = cli(
        "plan-pickups", pickups, "--depot", "Paksong", "--fleet", fleet, *FAST,
        "--sheets", out, "--lang", "lo", "--json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    (route,) = plan["routes"]
    assert len(route["stops"]) == 3
    (sheet,) = sorted(out.glob("driver_sheet_*.csv"))
    assert sheet.name == "driver_sheet_4x4-pickup_1.csv"
    rows = list(csv.DictReader(sheet.read_text(encoding="utf-8-sig").splitlines()))
    assert {r[LAO["sheet_truck"]] for r in rows} == {truck_label(None, route["vehicle"], "lo")}
    actions = [r[LAO["sheet_action"]] for r in rows]
    trips = max(s["trip"] for s in route["stops"])
    assert trips >= 2  # three tonnes on a 1.5 t truck
    assert actions.count(LAO["act_unload"]) == trips - 1  # every mid-day return
    assert actions[0] == LAO["act_start"] and actions[-1] == LAO["act_end"]
    assert actions.count(LAO["act_load"]) == 3
    loads = [int(r[LAO["sheet_load_kg"]]) for r in rows]
    assert max(loads) <= 1500 and loads[-1] == 0
    html = (out / "driver_sheets.html").read_text(encoding="utf-8")
    assert html.count("<section>") == 1 and LAO["sheet_title"] in html


def test_pickup_templates_are_valid_inputs(cli: Callable[..., CliRun], tmp_path: Path) -> None:
    """pickup-templates DIR writes both templates; each reads back with two rows."""
    result = cli("pickup-templates", tmp_path / "t")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        str(tmp_path / "t" / "pickups_template.csv"),
        str(tmp_path / "t" / "fleet_template.csv"),
    ]
    assert len(read_pickups(tmp_path / "t" / "pickups_template.csv")) == 2
    fleet = read_fleet(tmp_path / "t" / "fleet_template.csv", known_types=["4x4-pickup", "6-wheel"])
    assert len(fleet) == 2


def test_semicolon_file_with_decimal_commas_plans(
    cli: Callable[..., CliRun], tmp_path: Path
) -> None:
    """A spreadsheet's `;` file with decimal commas plans like the comma file."""
    path = tmp_path / "semi.csv"
    path.write_text("id;lat;lon;weight_kg;product\nA;15,1202;105,7990;800;green\n")
    result = cli("plan-pickups", path, "--depot", "Paksong", *FAST, "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["summary"]["tonnes_collected"] == 0.8


@pytest.mark.slow
def test_sample_week_same_total_from_cli_app_and_scenario_report(
    cli: Callable[..., CliRun],
) -> None:
    """Same inputs, same figure: the CLI's defaults, the app's view and the baseline's KPI."""
    from scenarios.run.resolve import base_inputs, plan_pickup_sample, resolve_scenario
    from scenarios.spec import ScenarioSpec

    result = cli("plan-pickups", SAMPLE_PICKUPS, "--depot", "Paksong", "--json")
    assert result.returncode == 0, result.stderr
    from_cli = json.loads(result.stdout)["summary"]
    base = base_inputs()
    view = views.plan_view(base.net, SAMPLE_PICKUPS, depot="Paksong", fleet=views.sample_fleet())
    assert view.summary["total_cost_lak"] == from_cli["total_cost_lak"]
    assert view.summary["cost_per_tonne_lak"] == from_cli["cost_lak_per_tonne"]
    report = plan_pickup_sample(resolve_scenario(ScenarioSpec(name="today"), base))
    assert report["total_cost_lak"] == from_cli["total_cost_lak"]
    assert report["cost_lak_per_tonne"] == from_cli["cost_lak_per_tonne"]


def test_far_pickup_is_warned_once_on_stderr(cli: Callable[..., CliRun], tmp_path: Path) -> None:
    """A pickup ~200 km north of the area: one warning naming it and its connector, in JSON too."""
    path = tmp_path / "far.csv"
    path.write_text(
        "id,name,village_code,lat,lon,weight_kg,product\n"
        "P02,,1604008,,,1000,parchment\nFAR,Typo,,18.5,105.0,500,green\n"
    )
    result = cli("plan-pickups", path, "--depot", "Paksong", *FAST, "--json")
    assert result.returncode == 0, result.stderr
    stderr = " ".join(result.stderr.split())  # rich wraps long lines
    assert stderr.count("pickup FAR (Typo, row 3)") == 1
    assert "27.1 km off-road connector" in stderr
    assert json.loads(result.stdout)["warnings"] == [stderr[stderr.index("pickup FAR") :].strip()]
