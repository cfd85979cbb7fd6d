"""Safe file names for batch results, and spreadsheet-safe cells for ``kpis.csv``.

A scenario's name is the user's: any length, any character, possibly ending in ``.error``
(the failure files' suffix) or shared by two files of different folders. The file a result is
stored in gets a *stem* derived from it: a name that is already safe is kept as it is (so
results stay easy to find), any other is cleaned, capped and suffixed with a hash of the full
name, so two different names never share a file. The report always shows the real name.
"""

from __future__ import annotations

import hashlib
import re

__all__ = ["MAX_STEM_CHARS", "RESERVED_SUFFIXES", "batch_key", "safe_stem", "spreadsheet_safe"]

#: Longest stem kept: with ``.error.json`` the file name stays far below the 255-byte limit.
MAX_STEM_CHARS = 120
#: Endings that the store itself uses; a name ending so would collide with another's file.
RESERVED_SUFFIXES = (".error", ".json", ".tmp")
_SAFE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")
_UNSAFE_CHAR = re.compile(r"[^A-Za-z0-9_.-]+")
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10))} | {
    f"lpt{i}" for i in range(10)
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _is_safe(name: str) -> bool:
    lowered = name.lower()
    return (
        bool(_SAFE.match(name))
        and len(name) <= MAX_STEM_CHARS
        and not lowered.endswith(RESERVED_SUFFIXES)
        and lowered.split(".", 1)[0] not in _WINDOWS_RESERVED
    )


def safe_stem(name: str) -> str:
    """The file stem for ``name``: the name itself when safe, else ``<cleaned>~<hash>``.

    ``~`` never occurs in a safe name, so a cleaned stem never equals a kept one, and the
    hash of the full name keeps two different cleaned names apart.
    """
    if _is_safe(name):
        return name
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    cleaned = _UNSAFE_CHAR.sub("_", name).strip("._-")[: MAX_STEM_CHARS - 11] or "scenario"
    return f"{cleaned}~{digest}"


def batch_key(name: str, folder: str, taken: set[str]) -> str:
    """A key unique in the batch: ``name``, or ``name@folder`` when another file took it."""
    if name not in taken:
        return name
    key = f"{name}@{folder}"
    number = 2
    while key in taken:
        key = f"{name}@{folder}#{number}"
        number += 1
    return key


def spreadsheet_safe(value: object) -> object:
    """A CSV cell that a spreadsheet will not run as a formula (OWASP: prefix a quote).

    Numbers are left alone (a negative saving is a number, not a formula).
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
