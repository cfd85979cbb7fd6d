"""Cells of the shipped CSV tables (a leaf module: tables and places both read numbers with it)."""

from __future__ import annotations

from networks.exceptions import NetworkDataError


def float_cell(row: dict[str, str], column: str, line: int, name: str) -> float:
    """The number in ``column`` of a CSV row (``line`` counts the header as 1) of file ``name``."""
    text = (row.get(column) or "").strip()
    try:
        return float(text)
    except ValueError:
        msg = f"{name} row {line}, column {column}: expected a number, got {text!r}"
        raise NetworkDataError(msg) from None
