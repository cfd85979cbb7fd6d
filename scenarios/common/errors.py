"""Errors of the scenario engine; each subclasses a built-in so callers may catch ``ValueError``."""

from __future__ import annotations

__all__ = ["ScenarioError", "scenario_key_error"]


class ScenarioError(ValueError):
    """A scenario file is unreadable or invalid; the message names the file and the key."""


def scenario_key_error(where: str, key: str, problem: object) -> ScenarioError:
    """``ScenarioError("<file>: [<key>] <problem>")``: the error of one table of a scenario."""
    return ScenarioError(f"{where}: [{key}] {problem}")
