"""Village points (Open Development Mekong government layer) for snapping pickups."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from networks import _data
from networks.exceptions import NetworkDataError


@dataclass(frozen=True)
class Village:
    """One village point: ODM village code (PPDDVVV), names and WGS84 position."""

    code: int
    name: str
    district: str
    province: str
    lat: float
    lon: float


def load_villages(path: Path | str | None = None) -> tuple[Village, ...]:
    """Read village points (``data/admin/south_laos_villages_odm.geojson`` by default).

    The licence of this layer is unclear (see data/admin/SOURCE.md): fine for internal
    planning; check before redistributing. The one reader of this layer: pickups look village
    codes up in it and the supply derivation places its villages with it.
    """
    return _read_villages(Path(path) if path is not None else _data.VILLAGES_GEOJSON)


@functools.lru_cache(maxsize=4)
def _read_villages(path: Path) -> tuple[Village, ...]:
    """Parse a village GeoJSON once per process (the records are frozen)."""
    try:
        features = json.loads(path.read_text(encoding="utf-8"))["features"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        msg = f"Cannot read village points from {path}: {exc}"
        raise NetworkDataError(msg) from exc
    out = []
    for i, f in enumerate(features, start=1):
        try:
            lon, lat = f["geometry"]["coordinates"][:2]
            p = f["properties"]
            out.append(
                Village(int(p["uuid"]), str(p["uucne"]), str(p["uscne"]), str(p["urcne"]),
                        float(lat), float(lon))
            )  # fmt: skip
        except (KeyError, TypeError, ValueError) as exc:
            msg = f"{path.name} feature {i}: expected a Point with uuid/uucne/uscne/urcne; {exc}"
            raise NetworkDataError(msg) from exc
    return tuple(out)
