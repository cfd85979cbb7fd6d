"""The `bolaven` command line.

Each command group lives in its own module (``network``, ``pickups``, ``consolidate``,
``scenarios``) and registers itself on :data:`app`. This module only wires them together and
turns the project's errors (the roots of ``networks``, ``optimizer`` and ``scenarios``, and
unreadable files) into a one-line message with exit code 2. Anything else is a bug: one line
with exit code 1, or its full traceback with ``-v``.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from collections.abc import Sequence

import typer

from networks import NetworkError
from optimizer import OptimizerError
from scenarios.common import ScenarioError

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

#: The errors a user can cause. The optimizer's three classes become its one root,
#: ``optimizer.OptimizerError``, when the `solver` branch lands.
USER_ERRORS: tuple[type[BaseException], ...] = (
    NetworkError,
    ScenarioError,
    OptimizerError,
    OSError,  # unreadable or missing files (FileNotFoundError), no internet (OfflineError)
    UnicodeDecodeError,  # a binary file given where text was expected
)


def _register() -> None:
    if app.registered_commands or app.registered_groups:
        return  # main() called again in the same process (tests)
    for name in _COMMAND_MODULES:
        importlib.import_module(name).register(app)


@app.callback()
def _root(verbose: bool = typer.Option(False, "--verbose", "-v", help="Log progress.")) -> None:
    level = logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``bolaven`` console script; ``argv`` defaults to ``sys.argv[1:]``."""
    args = list(sys.argv[1:] if argv is None else argv)
    # Read by dask when it is first imported, here and in spawned workers: keep its INFO
    # chatter (dashboard hints, scratch-space notes) out of the user's terminal.
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")
    _register()
    try:
        app(args, prog_name="bolaven")  # click handles --help and usage errors, then exits
    except USER_ERRORS as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except Exception as exc:
        if "-v" in args or "--verbose" in args:
            raise  # a bug: show where it happened
        typer.echo(
            f"internal error ({type(exc).__name__}): {exc}; rerun with -v for details", err=True
        )
        sys.exit(1)
