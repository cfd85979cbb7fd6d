"""Shared pieces of the app facade: paths, map views, staged uploads.

Used by the other ``scenarios.views`` modules; the app reaches them through
:mod:`scenarios.views`. Nothing here renders and nothing heavy runs at import.
"""

from __future__ import annotations

import math
from collections.abc import Hashable
from pathlib import Path
from typing import Any

import networkx as nx

from scenarios.common import DATA_DIR, LIBRARY_DIR, REPO_ROOT
from scenarios.pickups import STUDY_AREA

__all__ = [
    "DATA",
    "LIBRARY",
    "MAX_UPLOAD_BYTES",
    "ROOT",
    "STUDY_AREA",  # W, S, E, N of the southern-Laos extract (data/osm/SOURCE.md)
    "check_upload_size",
    "edge_path",
    "inputs_fingerprint",
    "safe_file_name",
    "stage_upload",
    "view_state",
]

ROOT = REPO_ROOT
DATA = DATA_DIR
LIBRARY = LIBRARY_DIR
MAX_UPLOAD_BYTES = 2 * 1024 * 1024


def view_state(lons: list[float], lats: list[float]) -> dict[str, float]:
    """Centre and zoom that fit the given points (for a pydeck ``ViewState``)."""
    if not lons:
        return {"longitude": 106.2, "latitude": 15.2, "zoom": 7.0}
    span = max(max(lons) - min(lons), max(lats) - min(lats), 0.01)
    # 256 px per 360 degrees at zoom 0; fit the span into ~560 px of map height
    zoom = max(4.0, min(13.0, math.log2(560.0 * 360.0 / 256.0 / span) - 0.7))
    return {
        "longitude": (max(lons) + min(lons)) / 2,
        "latitude": (max(lats) + min(lats)) / 2,
        "zoom": round(zoom, 2),
    }


_UPLOAD_SUFFIXES = (".csv", ".toml")


def check_upload_size(size_bytes: int, *, limit_bytes: int = MAX_UPLOAD_BYTES) -> None:
    """Reject an upload larger than ``limit_bytes`` with a message giving both sizes."""
    if size_bytes > limit_bytes:
        msg = (
            f"expected a file of at most {limit_bytes / 1024 / 1024:.0f} MB, "
            f"got {size_bytes / 1024 / 1024:.1f} MB"
        )
        raise ValueError(msg)
    if size_bytes == 0:
        msg = "expected a file with a header row and data rows, got an empty file"
        raise ValueError(msg)


def safe_file_name(name: str, suffix: str) -> str:
    """``name`` made safe as one file name: letters, digits, ``._- `` kept, the rest ``_``.

    No folder part survives (``/`` and ``\\`` become ``_``, leading dots go), at most 80
    characters, and it ends with ``suffix``.
    """
    kept = "".join(c if c.isalnum() or c in "._- " else "_" for c in name)
    kept = kept.strip(" .")[:80].strip(" .")
    if not kept.lower().endswith(suffix):
        kept = (kept or "upload") + suffix
    return kept


def stage_upload(
    data: bytes, *, suffix: str, directory: Path | None = None, name: str | None = None
) -> Path:
    """Write uploaded bytes to a temporary file and return its path.

    The path is made from the content's SHA-256, so the same upload maps to the same path (and
    cached results). Without ``name`` the file is ``upload-<sha>.csv``; with the uploaded file's
    ``name`` it is ``upload-<sha>/<name made safe>`` (:func:`safe_file_name`), so that every
    error about the file names the file the user uploaded, not an internal one.
    """
    import hashlib
    import tempfile

    if suffix not in _UPLOAD_SUFFIXES:
        msg = f"Unknown upload type {suffix!r}. Choose from: {', '.join(_UPLOAD_SUFFIXES)}."
        raise ValueError(msg)
    check_upload_size(len(data))
    folder = directory or Path(tempfile.gettempdir()) / "bolaven-uploads"
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"upload-{hashlib.sha256(data).hexdigest()[:20]}"
    if name is not None:
        folder = folder / stem
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / safe_file_name(name, suffix)
    else:
        path = folder / f"{stem}{suffix}"
    if not path.exists():
        tmp = path.with_suffix(path.suffix + ".part")
        tmp.write_bytes(data)
        tmp.replace(path)
    return path


def inputs_fingerprint(*parts: object) -> str:
    """A short digest of a page's inputs (text, numbers, paths, tables, bytes).

    A page keeps the fingerprint of the inputs a result was computed from beside the result;
    when the inputs on screen give another fingerprint, the result is out of date.
    """
    import hashlib

    import pandas as pd

    digest = hashlib.sha256()
    for part in parts:
        if isinstance(part, pd.DataFrame):
            text = part.reset_index(drop=True).astype("string").fillna("").to_csv(index=False)
            data = text.encode("utf-8")
        elif isinstance(part, bytes):
            data = part
        else:
            data = repr(part).encode("utf-8")
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()[:16]


def edge_path(
    graph: nx.MultiDiGraph[Any],
    u: Hashable,
    v: Hashable,
    data: dict[str, Any],
    *,
    tolerance_deg: float = 0.0,
) -> list[list[float]]:
    """The section's drawn path as [lon, lat] pairs (its geometry, else the straight line).

    With ``tolerance_deg`` > 0 the geometry is simplified (Douglas-Peucker) to that tolerance:
    lighter maps, with no point moved further than the tolerance.
    """
    geom = data.get("geometry")
    if geom is not None:
        decimals = 6
        if tolerance_deg > 0:
            geom = geom.simplify(tolerance_deg)
            decimals = 5  # ~1 m, well within the tolerance
        return [[round(float(x), decimals), round(float(y), decimals)] for x, y in geom.coords]
    a, b = graph.nodes[u], graph.nodes[v]
    return [[float(a["x"]), float(a["y"])], [float(b["x"]), float(b["y"])]]
