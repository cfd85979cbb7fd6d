"""Errors of the scenario engine: one root, :class:`ScenarioError`, that every other subclasses.

Each subclasses a built-in too, so callers may catch ``ValueError`` (or ``LookupError`` for
unknown names). The CLI catches :class:`ScenarioError` (with the roots of ``networks`` and
``optimizer``) and prints one line; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

__all__ = ["DataFileError", "ScenarioError", "UnknownNameError", "scenario_key_error"]


class ScenarioError(ValueError):
    """Root of the scenario engine's errors; also: a scenario file is unreadable or invalid."""


class DataFileError(ScenarioError):
    """A data table (CSV, TOML) is invalid; the message names file, row, column, expected, got."""


class UnknownNameError(ScenarioError, LookupError):
    """A name (vehicle type, gateway, season, depot) matches nothing; the message lists choices."""


def scenario_key_error(where: str, key: str, problem: object) -> ScenarioError:
    """``ScenarioError("<file>: [<key>] <problem>")``: the error of one table of a scenario."""
    return ScenarioError(f"{where}: [{key}] {problem}")
