"""`bolaven plan-pickups` and `bolaven solve-vrplib`: pickup routing from the command line."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from optimizer import (
    Engine,
    InfeasibleProblemError,
    SolveParams,
    gap_percent,
    plan_cost,
    plan_routes,
    read_instance,
    solve,
)
from scenarios.cli.options import SeasonChoice, SeasonOpt
from scenarios.common import read_text
from scenarios.pickups import (
    DEFAULT_ENGINE,
    DEFAULT_ITERATIONS,
    DEFAULT_SEED,
    DEFAULT_TIME_LIMIT_S,
    truck_label,
)


class _Engine(StrEnum):
    AUTO = "auto"
    ORTOOLS = "ortools"
    PYVRP = "pyvrp"


_DEFAULT_ENGINE = _Engine(DEFAULT_ENGINE.value)


class _Lang(StrEnum):
    EN = "en"
    LO = "lo"


EngineOpt = Annotated[
    _Engine,
    typer.Option(
        "--engine",
        help="ortools, pyvrp, or auto (parallel PyVRP seeds, OR-Tools for cherry limits; "
        "best verified plan).",
    ),
]
TimeOpt = Annotated[
    float, typer.Option("--time-limit", min=0.1, help="Search time budget in seconds.")
]
SeedOpt = Annotated[int, typer.Option("--seed", min=0, help="Random seed.")]
LimitOpt = Annotated[
    int | None,
    typer.Option(
        "--solution-limit",
        min=1,
        help="Deterministic stop (OR-Tools solutions / PyVRP iterations).",
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]


def register(app: typer.Typer) -> None:
    """Add ``plan-pickups``, ``pickup-templates`` and ``solve-vrplib`` to the ``bolaven`` root."""
    app.command("plan-pickups")(plan_pickups_command)
    app.command("pickup-templates")(pickup_templates_command)
    app.command("solve-vrplib")(solve_vrplib_command)


def _print_plan(data: dict[str, Any], console: Console) -> None:
    summary = data["summary"]
    console.print(
        f"[bold]{data['status']}[/bold] plan by {data['engine']} from {data['depot']['name']} "
        f"({data['season']} season): {data['total_cost_lak']:,} LAK "
        f"(US$ {summary['total_cost_usd']:,.0f}), {summary['tonnes_collected']:.1f} t, "
        f"{summary['cost_lak_per_tonne']:,} LAK/t"
    )
    table = Table("truck", "stops", "load kg", "km", "hours", "cost LAK")
    for route in data["routes"]:
        load = sum(s["weight_kg"] for s in route["stops"])
        table.add_row(
            truck_label(route["day"], route["vehicle"]),
            str(len(route["stops"])),
            f"{load:,}",
            f"{route['distance_m'] / 1000:.1f}",
            f"{route['duration_s'] / 3600:.1f}",
            f"{route['cost_lak']:,}",
        )
    console.print(table)
    if summary["hired_cost_lak"]:
        console.print(
            f"own fleet {summary['own_fleet_cost_lak']:,} LAK, hired trucks "
            f"{summary['hired_cost_lak']:,} LAK"
        )
    if summary["feeder_cost_lak"]:
        console.print(
            f"village-to-collection-point legs (motorbike / on foot, estimate): "
            f"{summary['feeder_cost_lak']:,} LAK, not in the truck total"
        )
    if summary["road_end_stops"]:
        console.print(
            f"{summary['road_end_stops']} stop(s) collected at the road end of a track no truck "
            f"may use this season; the villages' carry (motorbike / hand tractor, estimate): "
            f"{summary['carry_cost_lak']:,} LAK, not in the truck total"
        )
    console.print(
        f"{summary['distance_km']:,.1f} km, {summary['hours']:.1f} truck-hours, "
        f"{summary['litres_diesel']:,.0f} L diesel, {summary['co2_kg']:,.0f} kg CO2"
    )
    for dropped in data["dropped"]:
        console.print(f"[yellow]dropped[/yellow] {dropped['id']}: {dropped['reason']}")


def plan_pickups_command(
    pickups: Annotated[
        Path, typer.Argument(help="Pickups CSV (id, lat/lon or village_code, ...).")
    ],
    *,
    depot: Annotated[str, typer.Option("--depot", help="Place name (e.g. Paksong) or 'lat,lon'.")],
    fleet: Annotated[
        Path | None,
        typer.Option("--fleet", help="Fleet CSV or TOML (default: the sample Paksong fleet)."),
    ] = None,
    season: SeasonOpt = SeasonChoice.DRY,
    time_limit: Annotated[
        float,
        typer.Option(
            "--time-limit",
            min=0.1,
            help="Safety net of the whole file, seconds (the search stops on --solution-limit).",
        ),
    ] = DEFAULT_TIME_LIMIT_S,
    engine: EngineOpt = _DEFAULT_ENGINE,
    seed: SeedOpt = DEFAULT_SEED,
    solution_limit: Annotated[
        int | None,
        typer.Option(
            "--solution-limit",
            min=1,
            help="Deterministic stop per day (PyVRP iterations / OR-Tools solutions); "
            "the app and the scenario report use the same default.",
        ),
    ] = DEFAULT_ITERATIONS,
    as_json: JsonOpt = False,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Write plan.json, driver sheets, routes.geojson here."),
    ] = None,
    sheets: Annotated[
        Path | None,
        typer.Option(
            "--sheets",
            help="Write one driver sheet CSV per truck and day and driver_sheets.html here.",
        ),
    ] = None,
    lang: Annotated[
        _Lang, typer.Option("--lang", help="Language of the driver sheets: en or lo (Lao).")
    ] = _Lang.EN,
    hire: Annotated[
        Path | None,
        typer.Option(
            "--hire",
            help="Trucks for hire beside the fleet: a tariff CSV (e.g. data/hire_tariffs.csv).",
        ),
    ] = None,
) -> None:
    """Plan pickups from a depot: verified routes per day, costs, litres and CO2."""
    from scenarios.pickups import plan_pickups, run_to_json, write_driver_sheets, write_outputs

    params = SolveParams(
        engine=Engine(engine.value),
        time_limit_s=time_limit,
        seed=seed,
        solution_limit=solution_limit,
    )
    run = plan_pickups(
        pickups, depot, fleet_path=fleet, season=season.value, params=params, hire_path=hire
    )
    data = run_to_json(run)
    err = Console(stderr=True)
    for warning in run.warnings:
        err.print(f"[yellow]warning[/yellow] {warning}", highlight=False)
    if out is not None:
        written = write_outputs(run, out, lang.value)
        if not as_json:
            err.print(f"wrote {len(written)} files to {out}")
    if sheets is not None:
        written = write_driver_sheets(run, sheets, lang.value)
        if not as_json:
            err.print(f"wrote {len(written)} driver sheet files ({lang.value}) to {sheets}")
    if as_json:
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        _print_plan(data, Console())


def pickup_templates_command(
    out: Annotated[
        Path, typer.Argument(help="Folder for pickups_template.csv, fleet_template.csv.")
    ],
) -> None:
    """Write templates of the pickups and fleet files (a header and two example rows each)."""
    from scenarios.pickups import write_templates

    for path in write_templates(out):
        typer.echo(str(path))


def solve_vrplib_command(
    instance: Annotated[Path, typer.Argument(help="VRPLIB .vrp (CVRP) or Solomon .txt file.")],
    *,
    time_limit: TimeOpt = 10.0,
    engine: EngineOpt = _Engine.AUTO,
    seed: SeedOpt = 0,
    solution_limit: LimitOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Solve a benchmark instance; with a .sol file beside it, print the gap to it.

    An instance no plan can serve in full (a demand above the capacity, a customer out of
    reach) is an error naming the customer; a customer is never silently left out.
    """
    read_text(instance, what="instance")  # one encoding rule for every input file
    bench = read_instance(instance)
    params = SolveParams(
        engine=Engine(engine.value),
        time_limit_s=time_limit,
        seed=seed,
        solution_limit=solution_limit,
    )
    plan = solve(bench.problem, params)
    if plan.dropped:
        customers = ", ".join(str(d.pickup + 1) for d in plan.dropped[:10])
        msg = (
            f"{instance.name}: no plan serves every customer within the limits; "
            f"unserved customer(s) {customers} ({plan.dropped[0].reason})"
        )
        raise InfeasibleProblemError(msg)
    cost = plan_cost(bench, plan)
    gap = None if bench.bks is None else gap_percent(cost, bench.bks)
    data: dict[str, Any] = {
        "instance": bench.name,
        "engine": plan.engine,
        "cost": round(cost, 1) if bench.scale > 1 else int(cost),
        "routes": plan_routes(plan),
        "bks": bench.bks,
        # below the reference: the .sol is not optimal or uses another rounding; no gap then
        "gap_percent": None if gap is None or gap < 0 else round(gap, 3),
        "below_reference": gap is not None and gap < 0,
    }
    if as_json:
        typer.echo(json.dumps(data))
        return
    gap_text = (
        "" if data["gap_percent"] is None else f", gap {data['gap_percent']:.2f} % to {bench.bks:g}"
    )
    if data["below_reference"]:
        gap_text = f", below the .sol cost {bench.bks:g} (the .sol is not a proven optimum)"
    elif bench.bks is None and instance.with_suffix(".sol").is_file():
        gap_text = ", no gap: the .sol file has no cost > 0"
    typer.echo(
        f"{bench.name}: cost {data['cost']} by {plan.engine}, {len(plan.routes)} routes{gap_text}"
    )
    for number, route in enumerate(data["routes"], start=1):
        typer.echo(f"Route #{number}: {' '.join(map(str, route))}")
