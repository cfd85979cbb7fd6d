"""Command-line words that click would misread: coordinates with a leading minus sign."""

from __future__ import annotations

import re

__all__ = ["protect_negative_coordinates"]

# "-15.1,-105.8" (lat,lon) or "-15.1" would be parsed by click as the short options -1, -5...
_NEGATIVE_NUMBER = re.compile(r"^-\d+(\.\d+)?(\s*,\s*-?\d+(\.\d+)?)?$")


def protect_negative_coordinates(args: list[str]) -> list[str]:
    """``args`` with each negative coordinate ('-15.1,-105.8') marked as a value, not an option.

    A leading space makes click see a plain word; every reader of 'lat,lon' strips it.
    """
    return [f" {a}" if _NEGATIVE_NUMBER.match(a) else a for a in args]
