"""Small geometry helpers: great-circle lengths and a local metric projection."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

EARTH_RADIUS_M = 6_371_008.8


def haversine_m(
    lon1: NDArray[np.float64] | float,
    lat1: NDArray[np.float64] | float,
    lon2: NDArray[np.float64] | float,
    lat2: NDArray[np.float64] | float,
) -> NDArray[np.float64]:
    """Great-circle distance (m) between points given in degrees (vectorised)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dlat = p2 - p1
    dlon = np.radians(np.asarray(lon2) - np.asarray(lon1))
    a = np.sin(dlat / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlon / 2) ** 2
    return np.asarray(2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0))))


def line_length_m(coords: Sequence[tuple[float, float]]) -> float:
    """Length (m) of a polyline of (lon, lat) vertices."""
    arr = np.asarray(coords, dtype=float)
    if len(arr) < 2:
        return 0.0
    return float(haversine_m(arr[:-1, 0], arr[:-1, 1], arr[1:, 0], arr[1:, 1]).sum())


class LocalProjection:
    """Equirectangular projection to metres around a reference latitude.

    Accurate to well under 1% across a few hundred km at these latitudes, which is all the
    snapping and endpoint joining need.
    """

    def __init__(self, lat0: float) -> None:
        self.kx = np.pi / 180 * EARTH_RADIUS_M * np.cos(np.radians(lat0))
        self.ky = np.pi / 180 * EARTH_RADIUS_M

    def forward(self, lonlat: NDArray[np.float64]) -> NDArray[np.float64]:
        """(lon, lat) degrees → (x, y) metres; works on any (..., 2) array."""
        arr = np.asarray(lonlat, dtype=float)
        return np.stack([arr[..., 0] * self.kx, arr[..., 1] * self.ky], axis=-1)

    def inverse(self, xy: NDArray[np.float64]) -> NDArray[np.float64]:
        """(x, y) metres → (lon, lat) degrees."""
        arr = np.asarray(xy, dtype=float)
        return np.stack([arr[..., 0] / self.kx, arr[..., 1] / self.ky], axis=-1)
