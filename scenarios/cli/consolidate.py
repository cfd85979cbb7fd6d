"""`bolaven consolidate`: hubs, corridors and the landed cost per tonne from the command line."""

from __future__ import annotations

import dataclasses
import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from scenarios.consolidate import (
    ConsolidateFiles,
    ConsolidateOptions,
    load_inputs,
    run_consolidation,
    to_json_dict,
    write_outputs,
)


class _SeasonMode(StrEnum):
    DRY = "dry"
    WET = "wet"
    YEAR = "year"


FileOpt = Annotated[
    Path | None, typer.Option(exists=False, dir_okay=False, help="CSV file (default under data/).")
]


def register(app: typer.Typer) -> None:
    """Add ``consolidate`` to the ``bolaven`` root."""
    app.command("consolidate")(consolidate_command)


def consolidate_command(
    *,
    season: Annotated[
        _SeasonMode,
        typer.Option("--season", help="dry, wet, or year (volume split by harvest calendar)."),
    ] = _SeasonMode.YEAR,
    supply: FileOpt = None,
    hubs: FileOpt = None,
    gateways: FileOpt = None,
    close_gateway: Annotated[
        list[str] | None,
        typer.Option("--close-gateway", help="Close a gateway by id (repeatable)."),
    ] = None,
    market_rule: Annotated[
        str,
        typer.Option(
            "--market-rule",
            help="A market whose posts are closed or full: reroute (default), drop or fixed.",
        ),
    ] = "reroute",
    no_markets: Annotated[
        bool, typer.Option("--no-markets", help="Do not enforce destination-market shares.")
    ] = False,
    no_explain: Annotated[
        bool, typer.Option("--no-explain", help="Skip re-solves that price closed hubs.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    out: Annotated[
        Path | None,
        typer.Option("--out", file_okay=False, help="Write CSV tables and flows.gpkg here."),
    ] = None,
) -> None:
    """Choose hubs and export corridors for the harvest; print the landed cost per tonne."""
    files = ConsolidateFiles(supply=supply, hubs=hubs, gateways=gateways)
    for label, path in dataclasses.asdict(files).items():
        if path is not None and not Path(path).is_file():
            msg = f"{label} file not found: {path}"
            raise FileNotFoundError(msg)
    options = ConsolidateOptions(
        season=season.value,
        enforce_markets=not no_markets,
        closed_gateways=tuple(close_gateway or ()),
        explain=not no_explain,
        market_rule=market_rule,
    )
    run = run_consolidation(load_inputs(files), options)
    data = to_json_dict(run)
    if out is not None:
        written = write_outputs(run, out)
        data["outputs"] = [str(p) for p in written]
    if as_json:
        typer.echo(json.dumps(data, indent=2, default=float))
        return
    _print(data, Console())


def _print_markets(data: dict[str, Any], console: Console) -> None:
    views = data["money_views"]
    for view in views.values():
        console.print(
            f"{view['label']}: US$ {view['landed_at_seaport_usd_per_t']:,.2f}/t at the seaport, "
            f"US$ {view['landed_at_destination_usd_per_t']:,.2f}/t at destination"
        )
    table = Table("market", "tonnes", "via", "re-routed t", "dropped t", "US$/t at destination")
    for row in data["market_routes"]:
        via = ", ".join(f"{k} {v:,.0f} t" for k, v in row["tonnes_by_corridor"].items())
        dest = row["landed_at_destination_usd_per_t"]
        table.add_row(
            row["market"],
            f"{row['tonnes']:,.0f}",
            via or "-",
            f"{row['rerouted_tonnes']:,.0f}",
            f"{row['dropped_tonnes']:,.0f}",
            "-" if dest is None else f"{dest:,.2f}",
        )
    console.print(table)
    lost = sum(r["lost_export_value_usd"] for r in data["market_routes"])
    if lost:
        console.print(f"market rule drop: export value lost US$ {lost:,.0f} a year")


def _print(data: dict[str, Any], console: Console) -> None:
    console.print(
        f"[bold]{data['status']}[/bold] consolidation, season {data['season']}: "
        f"{data['total_tonnes']:,.0f} t green, {data['total_cost_lak']:,} LAK"
    )
    hubs = Table("open hub", "tonnes", "capacity t", "use")
    for h in data["open_hubs"]:
        hubs.add_row(
            h["hub"], f"{h['tonnes']:,.0f}", f"{h['capacity_t']:,.0f}", f"{h['utilisation']:.0%}"
        )
    console.print(hubs)
    corridors = Table("gateway", "port", "tonnes", "onward km")
    for c in data["corridors"]:
        corridors.add_row(c["gateway"], c["port"], f"{c['tonnes']:,.0f}", f"{c['onward_km']:.0f}")
    console.print(corridors)
    parts = Table("landed cost per tonne green", "LAK", "US$")
    lak, usd = data["cost_per_tonne_lak"], data["cost_per_tonne_usd"]
    for key in lak:
        parts.add_row(key, f"{lak[key]:,.0f}", f"{usd[key]:,.2f}")
    console.print(parts)
    landed = data["landed_cost_usd_per_t"]
    console.print(
        f"landed cost US$ {landed['at_seaport']:,.2f}/t at the seaport, "
        f"US$ {landed['at_destination']:,.2f}/t at destination "
        f"(ocean freight US$ {landed['ocean_freight']:,.2f}/t; financial view)"
    )
    _print_markets(data, console)
    wb = data["world_bank_2018"]
    lo, hi = wb["cost_lak_per_tkm"]["min"], wb["cost_lak_per_tkm"]["max"]
    console.print(
        f"trunk cost {data['trunk_cost_lak_per_tkm']:,.0f} LAK/t-km today "
        f"(US$ {data['trunk_cost_usd_per_tkm']:.3f}); at 2018 prices "
        f"{data['trunk_cost_lak_per_tkm_2018_prices']:,.0f} LAK/t-km vs World Bank 2018 cost "
        f"LAK {lo:.0f}-{hi:.0f} (average {wb['cost_lak_per_tkm']['average']:.0f}), prices "
        f"LAK {wb['price_lak_per_tkm']['min']:,.0f}-{wb['price_lak_per_tkm']['max']:,.0f}: "
        + ("inside" if wb["model_in_cost_range_at_2018_prices"] else "OUTSIDE")
        + " the cost range"
    )
    console.print(
        f"{data['tkm']:,} t-km, {data['truck_hours']:,.0f} truck-hours, "
        f"{data['litres']:,} L diesel, {data['co2_t']:,.1f} t CO2"
    )
    _print_access(data.get("access"), console)
    _print_fidelity(data.get("fidelity", []), console)
    if data["shifted_to_dry"]:
        console.print(
            f"{len(data['shifted_to_dry'])} villages unreachable in the wet season: "
            "their wet-month volume is moved in the dry season"
        )
    explain = data["explain"]
    if explain:
        for note in explain["closed_hubs"]:
            console.print(f"hub {note['hub']} not opened: {note['reason']}")
    for path in data.get("outputs", []):
        console.print(f"wrote {path}")


def _print_access(access: dict[str, Any] | None, console: Console) -> None:
    if not access:
        return
    table = Table("season", "vehicle class", "villages cut off", "share", "volume share")
    for r in access["by_season_and_class"]:
        table.add_row(
            r["season"],
            r["vehicle_class"],
            f"{r['villages_cut_off']:,} / {r['villages']:,}",
            f"{r['village_share']:.1%}",
            f"{r['volume_share']:.1%}",
        )
    console.print(table)
    for c in access["collection"]:
        console.print(
            f"{c['season']}: {c['vehicle']} cannot use {c['villages_carried']} village tracks; "
            f"{c['tonnes_green_carried']:,.0f} t green carried to the road "
            f"({c['carry_tkm']:,.0f} t-km at {c['carry_lak_per_tkm']:,.0f} LAK/t-km, estimate)"
        )
    wfp = access["wfp"]
    console.print(
        f"wet season: {wfp['model_wet_village_share']:.1%} of villages cut off for a 4x4 pickup "
        f"vs WFP '{wfp['statement']}' ({wfp['published_low']:.0%}-{wfp['published_high']:.0%}): "
        + ("inside" if wfp["within"] else "OUTSIDE")
    )


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    return f"{value:.1%}" if unit == "share" else f"{value:,.0f}"


def _print_fidelity(rows: list[dict[str, Any]], console: Console) -> None:
    if not rows:
        return
    table = Table(
        "fidelity: model vs published", "model", "published", "range", "in range", "source"
    )
    for r in rows:
        low, high, unit = r["published_low"], r["published_high"], r["unit"]
        span = "-" if low is None else f"{_fmt(low, unit)}-{_fmt(high, unit)}"
        inside = {True: "yes", False: "NO", None: "-"}[r["within"]]
        table.add_row(
            f"{r['item']} ({unit})",
            _fmt(r["model"], unit),
            _fmt(r["published"], unit),
            span,
            inside,
            r["source"].split(":")[0].split(",")[0],
        )
    console.print(table)
    console.print("each row's full source and basis (by construction or model result): --json")
