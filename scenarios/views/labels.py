"""Map labels that do not overlap: greedy placement by priority at the map's opening zoom.

Each label tries four places around its point (right, left, above, below); the first whose box
overlaps no label already placed and no point of the map wins, and a label with no free place is
left out. Labels are
taken in priority order (lower first), so a border crossing or a town keeps its name before a
mill on the same spot. Widths are estimated from the text (combining marks, such as Lao vowel and
tone signs written above or below, take no width).
"""

from __future__ import annotations

import math
import unicodedata
from typing import Any

import pandas as pd

CHAR_WIDTH = 0.6
"""Average advance of a Latin character of a sans-serif font, as a share of the font size."""
WIDE_CHAR_WIDTH = 0.85
"""The same for other scripts (Lao letters are wider than Latin ones)."""
_CANDIDATES: tuple[tuple[str, int, int], ...] = (
    ("start", 1, 0),  # right of the point
    ("end", -1, 0),  # left of it
    ("middle", 0, -1),  # above
    ("middle", 0, 1),  # below
)
_Box = tuple[float, float, float, float]


def text_width_px(text: str, size_px: float) -> float:
    """The estimated drawn width of ``text`` at ``size_px``."""
    widths = (
        CHAR_WIDTH if ord(char) < 0x0250 else WIDE_CHAR_WIDTH
        for char in text
        if not unicodedata.combining(char)
    )
    return sum(widths) * size_px


def to_pixels(lon: float, lat: float, view: dict[str, float]) -> tuple[float, float]:
    """Where ``lon``, ``lat`` lies relative to the centre of a map showing ``view``
    (Web Mercator, deck.gl's 512-pixel world at zoom 0; y grows downwards)."""
    scale = 512 * 2 ** view["zoom"] / (2 * math.pi)

    def mercator(lon: float, lat: float) -> tuple[float, float]:
        return math.radians(lon), math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    (x0, y0), (x1, y1) = mercator(view["longitude"], view["latitude"]), mercator(lon, lat)
    return (x1 - x0) * scale, -(y1 - y0) * scale


def _box(x: float, y: float, width: float, height: float, anchor: str) -> _Box:
    left = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
    return left, y - height / 2, left + width, y + height / 2


def _overlaps(a: _Box, b: _Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(
    labels: pd.DataFrame,
    *,
    view: dict[str, float],
    size_px: float,
    gap_px: float = 9.0,
    point_radius_px: float = 6.0,
) -> pd.DataFrame:
    """The labels that fit without overlapping, each with where to write it.

    Parameters
    ----------
    labels
        One row per label: ``text``, ``lon``, ``lat``, ``priority`` (lower is placed first;
        ties keep the table's order), and any other columns (kept).
    view
        The map's opening ``longitude``, ``latitude`` and ``zoom``.
    size_px
        The font size the labels are drawn at.
    gap_px
        Distance between a point and its label.
    point_radius_px
        Radius of the dots drawn at the labels' points: no label covers a dot.

    Returns
    -------
    The placed rows, in placement order, with ``anchor`` (deck.gl's text anchor: ``start``,
    ``end`` or ``middle``) and ``offset`` ([x, y] pixels from the point).
    """
    missing = {"text", "lon", "lat", "priority"} - set(labels.columns)
    if missing:
        msg = f"labels need the columns text, lon, lat, priority; missing {sorted(missing)}"
        raise ValueError(msg)
    height = size_px * 1.25
    r = point_radius_px
    dots = [
        to_pixels(float(lon), float(lat), view)
        for lon, lat in zip(labels["lon"], labels["lat"], strict=True)
    ]
    placed: list[_Box] = [(x - r, y - r, x + r, y + r) for x, y in dots]
    rows: list[dict[str, Any]] = []
    ordered = labels.reset_index(drop=True).sort_values("priority", kind="stable")
    records: list[dict[str, Any]] = ordered.to_dict("records")  # type: ignore[assignment]
    for row in records:
        x, y = to_pixels(float(row["lon"]), float(row["lat"]), view)
        width = text_width_px(str(row["text"]), size_px)
        for anchor, dx, dy in _CANDIDATES:
            offset = [dx * gap_px, dy * (gap_px + height / 2)]
            box = _box(x + offset[0], y + offset[1], width, height, anchor)
            if not any(_overlaps(box, other) for other in placed):
                placed.append(box)
                rows.append({**row, "anchor": anchor, "offset": offset})
                break
    columns = [*labels.columns, "anchor", "offset"]
    return pd.DataFrame(rows, columns=columns)
