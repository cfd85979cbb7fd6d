"""Scenario titles and descriptions in the app's language (``data/lao_scenarios.csv``).

The library scenarios' titles and descriptions are written in English in their TOML files; their
Lao text is data, one row per scenario ``name``: ``title_lo``, ``description_lo``, ``status``
(``ok`` or ``needs_review``, as in ``data/lao_glossary.csv``) and a ``note``. A translation is
not part of a scenario's content, so it never changes a scenario's fingerprint or stored run.
A scenario without a row (a user's own file) keeps its English text.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pandas as pd

from scenarios.views.common import DATA
from scenarios.views.glossary import read_lao_table
from scenarios.views.numbers import scenario_title

LAO_SCENARIOS_FILE = DATA / "lao_scenarios.csv"
LAO_SCENARIO_COLUMNS = ("name", "title_lo", "description_lo", "status", "note")


def read_lao_scenarios(path: Path = LAO_SCENARIOS_FILE) -> pd.DataFrame:
    """The Lao titles and descriptions, checked (Lao script, status, each name once)."""
    return read_lao_table(
        path, LAO_SCENARIO_COLUMNS, key="name", lao=("title_lo", "description_lo")
    )


@functools.cache
def _lao_texts(path: Path) -> dict[str, tuple[str, str]]:
    table = read_lao_scenarios(path)
    return {
        row["name"]: (row["title_lo"], row["description_lo"]) for row in table.to_dict("records")
    }


def scenario_text(
    name: str, description: str, lang: str, *, path: Path = LAO_SCENARIOS_FILE
) -> tuple[str, str]:
    """``(title, description)`` of scenario ``name`` in ``lang`` (``en`` or ``lo``).

    In Lao, the row of ``data/lao_scenarios.csv``; in English or for a scenario without a row,
    :func:`scenario_title` of the English ``description`` and the description itself.
    """
    if lang == "lo":
        known = _lao_texts(path).get(name)
        if known is not None:
            return known
    return scenario_title(name, description), description
