"""Reading user files as text: one encoding rule, delimiter sniffing and 'did you mean' hints.

Every input kind (pickups and fleet CSV, fleet and scenario TOML, VRPLIB files) goes through
:func:`read_text`, so a file in Latin-1 or UTF-16 gets the same one-line message naming the
file, the first bad byte and its offset, and never a bare codec error.
"""

from __future__ import annotations

import csv
import difflib
import math
from collections.abc import Iterable
from pathlib import Path

from scenarios.common.errors import DataFileError

__all__ = [
    "check_csv_syntax",
    "closest",
    "find_nonfinite",
    "read_text",
    "sniff_delimiter",
    "unknown_names_error",
]

_BOMS_NOT_UTF8 = {
    b"\xff\xfe": "UTF-16 (little endian)",
    b"\xfe\xff": "UTF-16 (big endian)",
}


def read_text(path: Path, *, what: str) -> str:
    """The text of ``path`` as UTF-8 (a leading byte-order mark is dropped).

    Raises
    ------
    FileNotFoundError
        When ``path`` is not a file (a folder named ``x.toml`` included), naming ``what``.
    DataFileError
        When the bytes are not UTF-8: names the file, the first bad byte and its offset.
    """
    if not path.is_file():
        kind = "a folder, not a file" if path.is_dir() else "not found"
        msg = f"{what} file {kind}: {path}"
        raise FileNotFoundError(msg)
    data = path.read_bytes()
    for bom, name in _BOMS_NOT_UTF8.items():
        if data.startswith(bom):
            msg = f"file {path.name}: {name} text, not UTF-8; save it as UTF-8"
            raise DataFileError(msg)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        msg = (
            f"file {path.name}: not UTF-8 text (byte 0x{bad:02x} at offset {exc.start}); "
            "save it as UTF-8"
        )
        raise DataFileError(msg) from None
    if "\x00" in text:
        msg = f"file {path.name}: contains NUL bytes (offset {text.index(chr(0))}); not a text file"
        raise DataFileError(msg)
    return text


def sniff_delimiter(text: str) -> str:
    """``,`` or ``;`` or tab: the delimiter of the header line (comma when unclear)."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    if counts[best] == 0 or counts[","] == counts[best]:
        return ","
    return best


#: Common spellings of our column names that difflib alone would not connect.
_ALIASES = {
    "latitude": "lat",
    "longitude": "lon",
    "long": "lon",
    "lng": "lon",
    "weight": "weight_kg",
    "kg": "weight_kg",
    "penalty": "penalty_lak",
}


def closest(name: str, valid: Iterable[str]) -> str | None:
    """The valid name closest to ``name`` (case-insensitive), or None when nothing is close."""
    options = list(valid)
    lowered = {v.lower(): v for v in options}
    if name.strip().lower() in lowered:
        return lowered[name.strip().lower()]
    wanted = _ALIASES.get(name.strip().lower(), name.strip().lower())
    if wanted in lowered:
        return lowered[wanted]
    match = difflib.get_close_matches(wanted, list(lowered), n=1, cutoff=0.6)
    return lowered[match[0]] if match else None


def unknown_names_error(where: str, kind: str, unknown: Iterable[str], valid: Iterable[str]) -> str:
    """``"<where>: unknown <kind> 'x' (did you mean 'y'?); valid: a, b"`` for the first unknown."""
    options = sorted(valid)
    name = next(iter(unknown))
    hint = closest(name, options)
    did = f" (did you mean {hint!r}?)" if hint is not None else ""
    return f"{where}: unknown {kind} {name!r}{did}; valid: {', '.join(options)}"


def find_nonfinite(value: object, path: tuple[str, ...] = ()) -> tuple[str, ...] | None:
    """The key path of the first ``inf``/``nan`` float inside nested dicts and lists."""
    if isinstance(value, float) and not math.isfinite(value):
        return path
    if isinstance(value, dict):
        for key, item in value.items():
            found = find_nonfinite(item, (*path, str(key)))
            if found is not None:
                return found
    if isinstance(value, list):
        for index, item in enumerate(value, start=1):
            found = find_nonfinite(item, (*path, str(index)))
            if found is not None:
                return found
    return None


def check_csv_syntax(path: Path, text: str, delimiter: str) -> None:
    """Reject an unterminated quote with the row where it opens (csv would swallow the rest)."""
    quotes_open, opened = False, 0
    for number, line in enumerate(text.splitlines(), start=1):
        if line.count('"') % 2:
            quotes_open = not quotes_open
            opened = number if quotes_open else opened
    if quotes_open:
        msg = f'file {path.name}: row {opened}: unterminated quote (a " is never closed)'
        raise DataFileError(msg)
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter, strict=True)
    try:
        for _ in reader:
            pass
    except csv.Error as exc:
        msg = f"file {path.name}: row {reader.line_num}: malformed CSV ({exc})"
        raise DataFileError(msg) from None
