"""Named places (towns, mills, border posts, seaports) and turning user text into coordinates."""

from __future__ import annotations

import csv
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from networks import _data
from networks._cells import float_cell
from networks.exceptions import (
    NetworkDataError,
    NetworkInputError,
    OutOfRegionError,
    UnknownPlaceError,
)

PLACE_KINDS = ("town", "mill", "border_post", "border_pair", "seaport", "city")
REGION_MARGIN_DEG = 0.25
_LATLON = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$")


@dataclass(frozen=True)
class Place:
    """A named point with its provenance.

    Attributes
    ----------
    name, kind, country
        English name; one of `PLACE_KINDS`; ISO code(s) such as ``LA`` or ``LA/VN``.
    lat, lon
        WGS84 degrees.
    description, source
        What the place is (with any caveat) and where the coordinate comes from.
    estimate
        True when the coordinate stands in for an unpublished location.
    """

    name: str
    kind: str
    country: str
    lat: float
    lon: float
    description: str = ""
    source: str = ""
    estimate: bool = False

    def __post_init__(self) -> None:
        if self.kind not in PLACE_KINDS:
            msg = f"Place {self.name!r}: expected kind in {PLACE_KINDS}, got {self.kind!r}"
            raise NetworkInputError(msg)
        if not (-90 <= self.lat <= 90 and -180 <= self.lon <= 180):
            msg = f"Place {self.name!r}: expected lat/lon in degrees, got {self.lat}, {self.lon}"
            raise NetworkInputError(msg)


def load_places(path: Path | str | None = None) -> tuple[Place, ...]:
    """Read a places table (``data/places.csv`` unless `path` is given).

    Columns: name, kind, country, lat, lon, description, source and optionally estimate.
    """
    path = Path(path) if path is not None else _data.PLACES_CSV
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        msg = f"Cannot read places file {path}: {exc}"
        raise NetworkDataError(msg) from exc
    places = []
    for line, row in enumerate(rows, start=2):
        kind = (row.get("kind") or "").strip()
        if kind not in PLACE_KINDS:
            msg = (
                f"{path.name} row {line}, column kind: expected one of {PLACE_KINDS}, got {kind!r}"
            )
            raise NetworkDataError(msg)
        places.append(
            Place(
                name=(row.get("name") or "").strip(),
                kind=kind,
                country=(row.get("country") or "").strip(),
                lat=float_cell(row, "lat", line, path.name),
                lon=float_cell(row, "lon", line, path.name),
                description=(row.get("description") or "").strip(),
                source=(row.get("source") or "").strip(),
                estimate=(row.get("estimate") or "").strip().lower() == "true",
            )
        )
    return tuple(places)


def find_place(places: Sequence[Place], name: str) -> Place:
    """The place called `name` (case-insensitive); UnknownPlaceError lists the closest names."""
    wanted = name.strip().lower()
    for place in places:
        if place.name.lower() == wanted:
            return place
    starts = [p for p in places if p.name.lower().startswith(wanted)] if wanted else []
    if len(starts) == 1:
        return starts[0]
    names = [p.name for p in places]
    lowered = {n.lower(): n for n in names}
    close = [lowered[c] for c in difflib.get_close_matches(wanted, list(lowered), n=5, cutoff=0.5)]
    close += [p.name for p in starts if p.name not in close]
    hint = f" Closest matches: {', '.join(close)}." if close else ""
    msg = f"Unknown place {name!r}.{hint} Or give coordinates as 'lat,lon'."
    raise UnknownPlaceError(msg)


def parse_latlon(text: str) -> tuple[float, float] | None:
    """``"15.12,105.80"`` → (15.12, 105.80); None if `text` is not a coordinate pair."""
    match = _LATLON.match(text)
    if not match:
        return None
    lat, lon = float(match.group(1)), float(match.group(2))
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        msg = f"Expected 'lat,lon' in degrees (lat -90..90, lon -180..180); got {text!r}"
        raise OutOfRegionError(msg)
    return lat, lon


def check_in_region(
    lat: float, lon: float, bbox: tuple[float, float, float, float], label: str
) -> None:
    """Raise OutOfRegionError if (lat, lon) is outside `bbox` (W, S, E, N) plus a margin."""
    w, s, e, n = bbox
    m = REGION_MARGIN_DEG
    if not (w - m <= lon <= e + m and s - m <= lat <= n + m):
        msg = (
            f"{label} ({lat:.4f}, {lon:.4f}) is outside the network's region "
            f"(lon {w:.2f}..{e:.2f}, lat {s:.2f}..{n:.2f}); give a point in that region"
        )
        raise OutOfRegionError(msg)
