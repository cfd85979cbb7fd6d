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

from scenarios.cli.argv import protect_negative_coordinates

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
)


_registered: list[str] = []


def _register() -> None:
    for name in _COMMAND_MODULES:
        if name not in _registered:
            importlib.import_module(name).register(app)
            _registered.append(name)


@app.callback()
def _root(verbose: bool = typer.Option(False, "--verbose", "-v", help="Log progress.")) -> None:
    level = logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def main() -> None:
    """Entry point of the ``bolaven`` console script."""
    # Read by dask when it is first imported, here and in spawned workers: keep its INFO
    # chatter (dashboard hints, scratch-space notes) out of the user's terminal.
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")
    sys.exit(run(sys.argv[1:]))


def run(args: list[str]) -> int:
    """Run the command line on ``args``; the exit code (0 ok, 1 some failed, 2 error).

    Usage errors and expected errors are one line on stderr; ``--help`` prints help.
    """
    _register()
    try:
        code = app(args=protect_negative_coordinates(args), standalone_mode=False)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.Abort:
        typer.echo("error: aborted", err=True)
        return 1
    except typer.TyperException as exc:  # click's usage errors, vendored by typer
        return _usage_error(exc)
    except (ValueError, LookupError, OSError, RuntimeError, ArithmeticError) as exc:
        typer.echo(f"error: {' '.join(str(exc).split())}", err=True)
        return 2
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
