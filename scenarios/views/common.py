"""Shared pieces of the app facade: paths, money in LAK or USD, map views, staged uploads.

Used by the other ``scenarios.views_*`` modules; the app reaches them through
:mod:`scenarios.views`. Nothing here renders and nothing heavy runs at import.
"""

from __future__ import annotations

import logging
import math
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scenarios.common.paths import LIBRARY_DIR, REPO_ROOT

logger = logging.getLogger(__name__)

ROOT = REPO_ROOT
DATA = ROOT / "data"
LIBRARY = LIBRARY_DIR
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
STUDY_AREA = (105.4, 14.3, 107.2, 16.7)  # W, S, E, N of the southern-Laos extract (SOURCE.md)

# Derived in docs/lao-coffee-facts.md §2.3 (~21,900 LAK per USD implied, Oct 2024); used only
# until data/cost_rates.toml provides the configured rate.
FALLBACK_LAK_PER_USD = 21_900.0
FALLBACK_RATE_SOURCE = "lao-coffee-facts.md §2.3, DERIVED Oct 2024 (estimate)"


@dataclass(frozen=True, slots=True)
class ExchangeRate:
    """The configured LAK per USD rate and where it comes from."""

    lak_per_usd: float
    source: str
    estimate: bool = True

    def __post_init__(self) -> None:
        if not (math.isfinite(self.lak_per_usd) and self.lak_per_usd > 0):
            msg = f"Expected lak_per_usd > 0; got {self.lak_per_usd}."
            raise ValueError(msg)


def exchange_rate(path: Path | None = None) -> ExchangeRate:
    """The LAK per USD rate configured in ``data/cost_rates.toml`` (a fallback if absent)."""
    path = path or DATA / "cost_rates.toml"
    if not path.exists():
        return ExchangeRate(FALLBACK_LAK_PER_USD, FALLBACK_RATE_SOURCE)
    with path.open("rb") as fh:
        doc = tomllib.load(fh)
    found = _find_rate(doc)
    if found is None:
        logger.warning("no LAK per USD rate found in %s; using the fallback", path)
        return ExchangeRate(FALLBACK_LAK_PER_USD, FALLBACK_RATE_SOURCE)
    value, source, estimate = found
    return ExchangeRate(value, source or path.name, estimate)


def _find_rate(doc: dict[str, Any]) -> tuple[float, str, bool] | None:
    """Find a ``lak_per_usd``-like key at any depth, with a sibling ``source`` if present."""
    for key, value in doc.items():
        if isinstance(value, dict):
            if isinstance(value.get("value"), int | float) and "usd" in key.lower():
                source = str(value.get("source", ""))
                return float(value["value"]), source, bool(value.get("estimate", True))
            inner = _find_rate(value)
            if inner is not None:
                return inner
        elif key.lower() in {"lak_per_usd", "usd_lak", "lak_usd"} and isinstance(
            value, int | float
        ):
            return float(value), str(doc.get(f"{key}_source", "")), True
    return None


def format_money(amount_lak: float, currency: str, rate: ExchangeRate) -> str:
    """An amount given in LAK, written in ``currency`` (``LAK`` or ``USD``)."""
    if not math.isfinite(amount_lak):
        return "–"
    if currency == "USD":
        usd = amount_lak / rate.lak_per_usd
        return f"US$ {usd:,.2f}" if abs(usd) < 1000 else f"US$ {usd:,.0f}"
    if currency != "LAK":
        msg = f"Unknown currency {currency!r}. Choose from: LAK, USD."
        raise ValueError(msg)
    return f"{amount_lak:,.0f} LAK"


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


def stage_upload(data: bytes, *, suffix: str, directory: Path | None = None) -> Path:
    """Write uploaded bytes to a temporary file with a generated name and return its path.

    The uploaded file's own name is never used: the name is the content's SHA-256, so the same
    upload maps to the same path (and cached results), and no user text reaches the filesystem.
    """
    import hashlib
    import tempfile

    if suffix not in _UPLOAD_SUFFIXES:
        msg = f"Unknown upload type {suffix!r}. Choose from: {', '.join(_UPLOAD_SUFFIXES)}."
        raise ValueError(msg)
    check_upload_size(len(data))
    folder = directory or Path(tempfile.gettempdir()) / "bolaven-uploads"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"upload-{hashlib.sha256(data).hexdigest()[:20]}{suffix}"
    if not path.exists():
        tmp = path.with_suffix(path.suffix + ".part")
        tmp.write_bytes(data)
        tmp.replace(path)
    return path


def undirected_edges(graph: Any) -> Iterator[tuple[Any, Any, dict[str, Any]]]:
    """Each road section once (the reverse direction of a two-way road is skipped)."""
    seen: set[tuple[Any, Any, Any]] = set()
    for u, v, k, data in graph.edges(keys=True, data=True):
        if (v, u, k) in seen:
            continue
        seen.add((u, v, k))
        yield u, v, data


def edge_path(graph: Any, u: Any, v: Any, data: dict[str, Any]) -> list[list[float]]:
    """The section's drawn path as [lon, lat] pairs (its geometry, else the straight line)."""
    geom = data.get("geometry")
    if geom is not None:
        return [[round(float(x), 6), round(float(y), 6)] for x, y in geom.coords]
    a, b = graph.nodes[u], graph.nodes[v]
    return [[float(a["x"]), float(a["y"])], [float(b["x"]), float(b["y"])]]
