"""`bolaven scenarios uncertainty`: Monte Carlo and tornado over every ranged input."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Column

from scenarios.cli.options import quiet_dask_logs

__all__ = ["register", "uncertainty_command"]


_SWINGS = ("saving_lak_per_yr_swing", "landed_cost_lak_per_t_swing")
_OnPlan = Callable[[int], None]
_OnCase = Callable[[str, str, str], None]


@contextlib.contextmanager
def _progress() -> Iterator[tuple[_OnPlan, _OnCase]]:
    """A progress bar on stderr (cases done of planned, the last case, time elapsed); failed
    cases are printed as they end. Bisection steps of the switching values come after the
    planned cases and extend the count."""
    quiet_dask_logs()
    columns = (MofNCompleteColumn(), TextColumn("cases"), TimeElapsedColumn())
    with Progress(
        TextColumn("[bold]uncertainty"), *columns, BarColumn(bar_width=20),
        TextColumn("{task.description}", table_column=Column(no_wrap=True, max_width=36)),
        console=Console(stderr=True), transient=False,
    ) as progress:  # fmt: skip
        task = progress.add_task("starting the workers", total=None)
        planned, done = [0], [0]

        def on_plan(cases: int) -> None:
            planned[0] = cases
            progress.update(task, total=cases)

        def on_case(name: str, case: str, status: str) -> None:
            done[0] += 1
            step = "" if done[0] <= planned[0] else "switching values: "
            total, what = max(planned[0], done[0]), f"{step}{name} {case}"
            progress.update(task, total=total, completed=done[0], description=what)
            if status == "failed":
                progress.console.print(f"[red]failed[/red] {escape(name)} {escape(case)}")

        yield on_plan, on_case


def uncertainty_command(  # noqa: PLR0917 (typer maps each option to a parameter)
    files: Annotated[list[Path], typer.Argument(help="Scenario TOML files.")],
    draws: Annotated[int, typer.Option("--draws", "-n", min=1, help="Monte Carlo draws.")] = 100,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the Latin hypercube.")] = 1,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Local processes.")] = 2,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler, e.g. tcp://host:8786.")
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("uncertainty"),
    tornado: Annotated[
        bool, typer.Option("--tornado/--no-tornado", help="One-at-a-time low/high runs.")
    ] = True,
    switching: Annotated[
        bool,
        typer.Option(
            "--switching/--no-switching",
            help="Switching values by bisection (with the tornado): NPV = 0, main corridor.",
        ),
    ] = True,
    only: Annotated[
        list[str] | None,
        typer.Option("--only", help="Draw only parameters matching this pattern (repeatable)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Re-solve each scenario at Latin-hypercube draws of every ranged input (the same draws for
    every scenario) and at each input's low and high bound, then bisect for switching values;
    write draws.csv, summary.csv, tornado.csv, switching.csv and index.html. Finished cases are
    skipped on a rerun.
    """
    from scenarios.batch import run_uncertainty

    with _progress() as (on_plan, on_case):
        run = run_uncertainty(
            files, out, draws=draws, seed=seed, workers=workers, scheduler=scheduler,
            tornado=tornado, switching=switching, only=only, on_case=on_case, on_plan=on_plan,
        )  # fmt: skip
    if as_json:
        typer.echo(json.dumps(run.scenarios, indent=1, default=str))
    else:
        for name, s in run.scenarios.items():
            band = s["landed_cost_lak_per_t"]
            line = f"{name}: landed cost P5 {band['p5']:,.0f} / P50 {band['p50']:,.0f} / P95 "
            line += f"{band['p95']:,.0f} LAK/t (at the central estimates {band['central']:,.0f})"
            if s.get("p_saving") is not None:
                line += f"; saves money in {100 * float(s['p_saving']):.0f} % of draws"
            typer.echo(line)
            if s.get("infeasible_cases"):
                cases = s["infeasible_cases"]
                typer.echo(
                    f"  no plan at all (left out of the ranges) at {', '.join(sorted(cases))}: "
                    f"{next(iter(cases.values()))}"
                )
            for row in s["tornado"][:5]:  # sorted by the saving's swing where there is one
                swing = next((k for k in _SWINGS if row.get(k) not in (None, "")), None)
                if swing:
                    what = swing.removesuffix("_swing")
                    typer.echo(f"  tornado: {row['parameter']} swings {what} by {row[swing]:,.0f}")
            for row in s.get("switching", []):
                if row["switching_value"] != "none within range":
                    typer.echo(
                        f"  switches: {row['metric']} from {row['from']} to {row['to']} at "
                        f"{row['parameter']} = {row['switching_value']}"
                    )
        typer.echo(
            f"{run.solved} cases solved, {run.skipped} unchanged in {run.elapsed_s:.1f} s "
            f"-> {out / 'index.html'}"
        )
    for error in run.failed.values():
        typer.echo(f"failed: {error}", err=True)
    if run.failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add ``uncertainty`` to the ``scenarios`` command group."""
    from scenarios.cli.scenarios import scenarios_app

    del app
    scenarios_app.command("uncertainty")(uncertainty_command)
