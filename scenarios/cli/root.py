"""The `bolaven` command line.

Each command group lives in its own module (``network``, ``pickups``,
``consolidate``, ``scenarios``) and registers itself on :data:`app`. This
module only wires them together and turns any expected error into a one-line
message with a non-zero exit code: a user never sees a traceback.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys

import typer

app = typer.Typer(
    name="bolaven",
    help=(
        "Transport-cost and logistics optimization for the coffee trade of southern Laos. "
        "Road data © OpenStreetMap contributors (ODbL)."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

_COMMAND_MODULES = (
    "scenarios.cli.network",
    "scenarios.cli.pickups",
    "scenarios.cli.consolidate",
    "scenarios.cli.scenarios",
    "scenarios.cli.uncertainty",
)


def _register() -> None:
    for name in _COMMAND_MODULES:
        importlib.import_module(name).register(app)


@app.callback()
def _root(verbose: bool = typer.Option(False, "--verbose", "-v", help="Log progress.")) -> None:
    level = logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def main() -> None:
    """Entry point of the ``bolaven`` console script."""
    # Read by dask when it is first imported, here and in spawned workers: keep its INFO
    # chatter (dashboard hints, scratch-space notes) out of the user's terminal.
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")
    _register()
    try:
        app()  # click handles --help and usage errors, then exits
    except (ValueError, LookupError, OSError, RuntimeError) as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(2)
