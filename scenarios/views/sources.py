"""The data sources table of the Network & data page, read from ``data/SOURCES.md``.

``SOURCES.md`` is the one place the provenance of ``data/`` is written; the app shows its
dataset table (the rows with a file and a licence) and the whole text, never a copy.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from scenarios.common import DATA_DIR

SOURCES_MD = DATA_DIR / "SOURCES.md"
SOURCE_COLUMNS = {"What": "dataset", "Licence": "licence", "File": "file", "Source": "origin"}
"""The columns of a ``SOURCES.md`` dataset table, and their names in the app's table (in the
order shown: what and under which licence first)."""
_MARKUP = re.compile(r"\*\*|`")


def sources_markdown(path: Path | None = None) -> str:
    """The text of ``data/SOURCES.md``."""
    return (path or SOURCES_MD).read_text(encoding="utf-8")


def _cells(line: str) -> list[str]:
    return [_MARKUP.sub("", cell).strip() for cell in line.strip().strip("|").split("|")]


def markdown_tables(text: str) -> list[list[dict[str, str]]]:
    """Every pipe table of a markdown text, as rows keyed by the table's header cells."""
    tables: list[list[dict[str, str]]] = []
    header: list[str] = []
    previous = -2
    for number, line in enumerate(text.splitlines()):
        if not line.lstrip().startswith("|"):
            continue
        cells = _cells(line)
        if number != previous + 1:  # a new table starts with its header row
            header = cells
            tables.append([])
        elif not all(set(c) <= set("-: ") for c in cells):  # skip the |---| rule
            tables[-1].append(dict(zip(header, cells, strict=False)))
        previous = number
    return tables


def data_sources(path: Path | None = None) -> pd.DataFrame:
    """The datasets of ``data/SOURCES.md``: ``dataset``, ``licence``, ``file``, ``origin``.

    Rows come from its tables that have a File and a Licence column; a ``SOURCES.md`` without
    such a table is an error naming the columns expected.
    """
    source = path or SOURCES_MD
    rows = [
        {name: row.get(column, "") for column, name in SOURCE_COLUMNS.items()}
        for table in markdown_tables(sources_markdown(source))
        if table and {"File", "Licence"} <= set(table[0])
        for row in table
    ]
    if not rows:
        msg = (
            f"{source.name}: expected a table with the columns {', '.join(SOURCE_COLUMNS)}; "
            "got none"
        )
        raise ValueError(msg)
    return pd.DataFrame(rows, columns=list(SOURCE_COLUMNS.values()))
