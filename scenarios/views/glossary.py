"""The English-Lao glossary of the app (``data/lao_glossary.csv``): terms a Lao exporter uses.

One row per term: ``english``, ``lao`` (Lao script), ``category``, ``status`` (``ok`` or
``needs_review``: a translation still to be checked by a Lao speaker of the trade),
``i18n_keys`` (the app labels that must use this term, ``;``-separated), ``note``, ``source``.
The app writes products, vehicle types, provinces, towns, border crossings and seaports in Lao
from this table; a name it lacks stays as the data has it.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pandas as pd

from scenarios.views.common import DATA

GLOSSARY_FILE = DATA / "lao_glossary.csv"
GLOSSARY_COLUMNS = ("english", "lao", "category", "status", "i18n_keys", "note", "source")
STATUSES = ("ok", "needs_review")
_LAO_SCRIPT = range(0x0E80, 0x0F00)


def _has_lao(text: str) -> bool:
    return any(ord(char) in _LAO_SCRIPT for char in text)


def read_glossary(path: Path = GLOSSARY_FILE) -> pd.DataFrame:
    """The glossary as a table, checked: its columns, a Lao-script ``lao`` cell on every row,
    a known ``status`` and no English term twice. Errors name the row (header = row 1)."""
    return read_lao_table(path, GLOSSARY_COLUMNS, key="english", lao=("lao",))


def read_lao_table(
    path: Path, columns: tuple[str, ...], *, key: str, lao: tuple[str, ...]
) -> pd.DataFrame:
    """A CSV of Lao texts, checked: its ``columns``, a ``key`` and Lao script in the ``lao``
    columns on every row, a known ``status`` and no ``key`` twice. Errors name the row."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in columns if c not in table.columns]
    if missing:
        msg = f"{path.name}: expected the columns {', '.join(columns)}; missing {missing}"
        raise ValueError(msg)
    for row, record in enumerate(table.to_dict("records"), start=2):
        texts = [str(record[c]) for c in lao]
        if not str(record[key]).strip() or not all(_has_lao(text) for text in texts):
            msg = (
                f"{path.name} row {row}: expected {'an English term' if key == 'english' else key}"
                f" and Lao script, got {record[key]!r}, {', '.join(map(repr, texts))}"
            )
            raise ValueError(msg)
        status = record["status"]
        if status not in STATUSES:
            choices = ", ".join(STATUSES)
            msg = f"{path.name} row {row}: unknown status {status!r}. Choose from: {choices}."
            raise ValueError(msg)
    twice = sorted(set(table[key][table[key].duplicated()]))
    if twice:
        what = "English term" if key == "english" else key
        msg = f"{path.name}: expected each {what} once, got twice: {twice}"
        raise ValueError(msg)
    return table


@functools.cache
def lao_terms(path: Path = GLOSSARY_FILE) -> dict[str, str]:
    """English term -> Lao term, for every row of the glossary (read once per process)."""
    table = read_glossary(path)
    return dict(zip(table["english"], table["lao"], strict=True))


def in_lao(english: str, *, path: Path = GLOSSARY_FILE) -> str:
    """``english`` in Lao if the glossary has it, else ``english`` unchanged (a proper noun or a
    name from the user's own data)."""
    return lao_terms(path).get(english, english)
