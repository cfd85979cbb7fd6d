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
from scenarios.cli.argv import protect_negative_coordinates
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
    # click's plain help: typer's rich panels show flags as '--json <bool>' with click 8.2+
    rich_markup_mode=None,
)

_COMMAND_MODULES = (
    "scenarios.cli.network",
    "scenarios.cli.pickups",
    "scenarios.cli.consolidate",
    "scenarios.cli.scenarios",
    "scenarios.cli.corridor",
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
    sys.exit(run(args))


def run(args: Sequence[str]) -> int:
    """Run the command line on ``args`` and return the exit code (0 ok, 1 failed, 2 error).

    Usage errors (an unknown command, a bad option value) and the project's errors are one
    line on stderr; ``--help`` prints help; anything else is a bug (its traceback with -v).
    """
    _register()
    args = list(args)
    try:
        code = app(
            args=protect_negative_coordinates(args), prog_name="bolaven", standalone_mode=False
        )
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.Abort:
        typer.echo("error: aborted", err=True)
        return 1
    except typer.TyperException as exc:  # click's usage errors, vendored by typer
        return _usage_error(exc)
    except USER_ERRORS as exc:
        typer.echo(f"error: {' '.join(str(exc).split())}", err=True)
        return 2
    except Exception as exc:
        if "-v" in args or "--verbose" in args:
            raise  # a bug: show where it happened
        typer.echo(
            f"internal error ({type(exc).__name__}): {exc}; rerun with -v for details", err=True
        )
        return 1
    return code if isinstance(code, int) else 0


def _usage_error(exc: typer.TyperException) -> int:
    """One line for a usage error (a missing argument, an unknown option); help when asked."""
    ctx = getattr(exc, "ctx", None)
    if type(exc).__name__ == "NoArgsIsHelpError" and ctx is not None:
        typer.echo(ctx.get_help())
        return 2
    format_message = getattr(exc, "format_message", None)
    text = format_message() if callable(format_message) else str(exc)
    where = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
    typer.echo(f"error: {' '.join(str(text).split())}{where}", err=True)
    return int(getattr(exc, "exit_code", 2))
