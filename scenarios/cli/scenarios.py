"""`bolaven scenarios ...`: run batches, compare two scenarios, validate and list files."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from scenarios.appraisal import Comparison, compare_results
from scenarios.batch import BatchEvent, BatchInterrupted, BatchSummary, load_results, run_batch
from scenarios.cli.options import quiet_dask_logs
from scenarios.common import LIBRARY_DIR, ScenarioError
from scenarios.spec import load_scenario

LIBRARY = LIBRARY_DIR
DEFAULT_CACHE = Path(".cache") / "scenario-runs"

scenarios_app = typer.Typer(
    help="Scenario files for policymakers: run batches, compare, validate, list.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    """Add the ``scenarios`` command group to the ``bolaven`` root."""
    app.add_typer(scenarios_app, name="scenarios")


def _run_with_progress(
    files: list[Path], out: Path, workers: int, scheduler: str | None, quiet: bool
) -> BatchSummary:
    console = Console(stderr=True)
    quiet_dask_logs()
    with Progress(
        TextColumn("[bold]scenarios"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=console,
        disable=quiet,
        transient=False,
    ) as progress:
        task = progress.add_task("starting", total=None)

        def on_event(event: BatchEvent) -> None:
            progress.update(task, total=event.total, completed=event.done, description=event.name)
            if event.status == "failed":
                progress.console.print(f"[red]failed[/red] {escape(event.error or event.name)}")

        return run_batch(files, out, workers=workers, scheduler=scheduler, on_event=on_event)


EXIT_INTERRUPTED = 130
"""Exit code after Ctrl-C (128 + SIGINT), as shells report it."""


def _interrupted(summary: BatchSummary | None) -> typer.Exit:
    """Print the one-line Ctrl-C message and return the exit to raise."""
    done = f"{len(summary.done)} finished and stored; " if summary is not None else ""
    typer.echo(
        f"interrupted: {done}nothing unfinished was stored; rerun the same command to resume",
        err=True,
    )
    return typer.Exit(EXIT_INTERRUPTED)


@scenarios_app.command("run")
def run_command(
    files: Annotated[list[Path], typer.Argument(help="Scenario TOML files.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("reports"),
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Local processes.")] = 2,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler, e.g. tcp://host:8786.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON summary.")] = False,
) -> None:
    """Run scenarios in parallel; write index.html, kpis.csv, flows.gpkg and per-scenario JSON.

    Finished scenarios are skipped on a rerun unless their inputs changed. Exit code 1 if any
    scenario failed (the others are still written).
    """
    from scenarios.batch import write_report

    try:
        summary = _run_with_progress(files, out, workers, scheduler, quiet=as_json)
    except BatchInterrupted as exc:
        raise _interrupted(exc.summary) from None
    except KeyboardInterrupt:
        raise _interrupted(None) from None
    names = set(summary.done) | set(summary.skipped)
    results, errors = load_results(out)
    results = [r for r in results if r["key"] in names]
    errors = [e for e in errors if e["key"] in summary.failed]
    paths = write_report(out, results, errors)
    if as_json:
        payload = {
            "done": list(summary.done),
            "skipped": list(summary.skipped),
            "failed": summary.failed,
            "outputs": {k: str(v) if v else None for k, v in paths.items()},
            "elapsed_s": round(summary.elapsed_s, 2),
        }
        typer.echo(json.dumps(payload, indent=2))
    else:
        typer.echo(
            f"{len(summary.done)} run, {len(summary.skipped)} unchanged (skipped), "
            f"{len(summary.failed)} failed in {summary.elapsed_s:.1f} s → {paths['html']}"
        )
        for name, error in summary.failed.items():
            typer.echo(f"failed: {name}: {error}", err=True)
    if summary.failed:
        raise typer.Exit(1)


def _comparison_table(comparison: Comparison) -> Table:
    table = Table(title=f"{comparison.scenario} vs {comparison.baseline}")
    for column in ("KPI", "unit", "baseline", "scenario", "Δ", "Δ %"):
        table.add_column(column, justify="left" if column in ("KPI", "unit") else "right")
    rows = (*comparison.kpis, *comparison.breakdown, *comparison.corridors, *comparison.routes)
    for d in rows:
        pct = f"{d.delta_pct:+.1%}" if d.delta_pct is not None else "–"
        base = f"{d.baseline:,.2f}" if d.baseline is not None else "unreachable"
        scen = f"{d.scenario:,.2f}" if d.scenario is not None else "unreachable"
        delta = f"{d.delta:+,.2f}" if d.delta is not None else "–"
        table.add_row(d.label, d.unit, base, scen, delta, pct)
    return table


def _print_cba(console: Console, comparison: Comparison) -> None:
    console.print(comparison.solver_note)
    console.print(f"Annual saving: {comparison.annual_saving_lak:,.0f} LAK/yr")
    cba = comparison.cba
    if cba is None:
        console.print(comparison.cba_note)
        return
    bcr = f"{cba.bcr:.2f}" if cba.bcr is not None else "–"
    eirr = f"{cba.eirr:.1%}" if cba.eirr is not None else cba.eirr_note
    console.print(
        f"NPV at {cba.discount_rate:.0%}: {cba.npv_lak:,.0f} LAK | BCR {bcr} | EIRR {eirr} | "
        f"payback year {cba.payback_year if cba.payback_year is not None else '–'}"
    )
    console.print(comparison.cba_note)
    if comparison.all_traffic is not None:  # HDM-4 / RED appraisal of all traffic
        console.print(comparison.all_traffic.as_dict()["sentence"])


@scenarios_app.command("compare")
def compare_command(
    baseline: Annotated[Path, typer.Argument(help="Baseline scenario file (A).")],
    scenario: Annotated[Path, typer.Argument(help="Scenario file compared with A (B).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON, not tables.")] = False,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Local processes.")] = 2,
    cache: Annotated[Path, typer.Option("--cache", help="Results reused between runs.")] = (
        DEFAULT_CACHE
    ),
) -> None:
    """Run A and B (reusing unchanged results) and print B - A deltas and B's CBA."""
    try:
        summary = run_batch([baseline, scenario], cache, workers=workers)
    except BatchInterrupted as exc:
        raise _interrupted(exc.summary) from None
    if summary.failed:
        first = next(iter(summary.failed.values()))
        raise ScenarioError(first)
    results, _ = load_results(cache)
    # by file, not by name: two files of different folders may share a scenario name
    by_path: dict[str, dict[str, Any]] = {str(r.get("path")): r for r in results}
    by_name: dict[str, dict[str, Any]] = {r["name"]: r for r in results}

    def stored(file: Path) -> dict[str, Any]:
        found = by_path.get(str(file.resolve())) or by_name.get(load_scenario(file).name)
        if found is None:
            msg = f"{file.name}: no stored result in {cache}"
            raise ScenarioError(msg)
        return found

    comparison = compare_results(stored(scenario), stored(baseline))
    if as_json:
        typer.echo(json.dumps(comparison.as_dict(), indent=2))
        return
    console = Console()
    console.print(_comparison_table(comparison))
    _print_cba(console, comparison)


@scenarios_app.command("validate")
def validate_command(
    files: Annotated[list[Path], typer.Argument(help="Scenario TOML files.")],
    deep: Annotated[
        bool, typer.Option("--deep", help="Also resolve roads, borders, hubs against the data.")
    ] = False,
) -> None:
    """Check scenario files (schema, inheritance, values, names of gateways, hubs, vehicles).

    ``--deep`` also resolves roads and places against the network. Exit 1 if any is invalid.
    """
    from scenarios.consolidate import load_inputs
    from scenarios.run import resolve_inputs

    bad = 0
    inputs = load_inputs()
    for file in files:
        try:
            spec = load_scenario(file)
            resolve_inputs(spec, inputs)  # gateway, hub and vehicle names, without the network
            if deep:
                from scenarios.run import resolve_scenario

                resolve_scenario(spec)
        except (ScenarioError, LookupError, ValueError, OSError) as exc:
            bad += 1
            typer.echo(f"invalid: {exc}", err=True)
            continue
        typer.echo(f"ok: {file} ({spec.name})")
    if bad:
        raise typer.Exit(1)


@scenarios_app.command("list")
def list_command(
    folder: Annotated[Path, typer.Argument(help="Folder of scenario files.")] = LIBRARY,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the scenario files in a folder (the shipped library by default)."""
    if not folder.is_dir():
        msg = f"expected a folder of scenario files; got {folder}"
        raise OSError(msg)
    rows = []
    for file in sorted(folder.glob("*.toml")):
        try:
            spec = load_scenario(file)
            rows.append({"file": file.name, "name": spec.name, "description": spec.description})
        except ScenarioError as exc:
            rows.append({"file": file.name, "name": "", "description": f"INVALID: {exc}"})
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
        return
    table = Table(title=str(folder))
    for column in ("file", "name", "description"):
        table.add_column(column)
    for row in rows:
        table.add_row(row["file"], row["name"], row["description"])
    Console(file=sys.stdout).print(table)
