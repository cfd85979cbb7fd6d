"""An offline basemap from the data pack: Laos, its provinces and the main roads, as map data.

Every map of the app draws these under its own layers, so that a map reads without internet
(web tiles are optional, on top of the page's choice). The geometry is simplified once per
process (:func:`basemap`), to about a pixel at the zooms the app opens with, which keeps the
maps light to send and to draw.

Sources: ``data/admin/lao_adm1_provinces_hdx_codab.geojson`` (OCHA/HDX COD-AB, provinces with
their Lao names) and ``data/osm/laos_main_roads_osm_2014.geojson`` (OpenStreetMap main roads,
early 2014); see their ``SOURCE.md``.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from shapely import geometry as shp
from shapely.ops import unary_union

from scenarios.views.common import DATA
from scenarios.views.palette import (
    BASEMAP_BORDER_RGB,
    BASEMAP_LAND_RGB,
    BASEMAP_PROVINCE_RGB,
    BASEMAP_ROAD_RGB,
    rgb,
)

PROVINCES_FILE = DATA / "admin" / "lao_adm1_provinces_hdx_codab.geojson"
ROADS_FILE = DATA / "osm" / "laos_main_roads_osm_2014.geojson"
TOLERANCE_DEG = 0.002
"""Simplification tolerance (~200 m): under a pixel up to zoom 9 (~0.0014-0.0055 deg/px)."""
_DECIMALS = 4  # ~10 m: finer than the tolerance, and a third shorter to send than 6 decimals
LINE_WIDTH_PX = {"border": 2.5, "province": 1.0, "primary": 1.6, "secondary": 1.0}
"""Drawn widths of the basemap's lines, in pixels."""


@dataclass(frozen=True, slots=True)
class Basemap:
    """The offline basemap as map data.

    Attributes
    ----------
    land
        Laos as polygons (``polygon``: rings of [lon, lat]) with a fill colour (``rgb``).
    lines
        The lines drawn over the land, national border last: ``path`` ([lon, lat] pairs),
        ``kind`` (``primary``, ``secondary``, ``province``, ``border``), ``rgb`` and
        ``width_px``.
    provinces
        One label point per province: ``name_en``, ``name_lo`` (Lao script, from the source
        file), ``lon``, ``lat``.
    """

    land: pd.DataFrame
    lines: pd.DataFrame
    provinces: pd.DataFrame


def _coords(line: Any) -> list[list[float]]:
    return [[round(float(x), _DECIMALS), round(float(y), _DECIMALS)] for x, y in line.coords]


def _polygons(geom: Any) -> list[Any]:
    return list(geom.geoms) if hasattr(geom, "geoms") else [geom]


def _read(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        features: list[dict[str, Any]] = json.load(handle)["features"]
    return features


def _line_rows(
    paths: list[list[list[float]]], kind: str, colour: tuple[int, ...]
) -> list[dict[str, Any]]:
    return [
        {"path": path, "kind": kind, "rgb": rgb(colour), "width_px": LINE_WIDTH_PX[kind]}
        for path in paths
        if len(path) >= 2
    ]


def _road_rows(roads_file: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for feature in _read(roads_file):
        highway = str(feature["properties"].get("highway") or "secondary")
        kind = "primary" if highway.startswith("primary") else "secondary"
        line = shp.shape(feature["geometry"]).simplify(TOLERANCE_DEG, preserve_topology=False)
        rows += _line_rows([_coords(line)], kind, BASEMAP_ROAD_RGB)
    # primary roads drawn over secondary ones where they meet
    return sorted(rows, key=lambda row: row["kind"] != "secondary")


@functools.cache
def basemap(provinces_file: Path = PROVINCES_FILE, roads_file: Path = ROADS_FILE) -> Basemap:
    """The basemap of Laos (read and simplified once per process; the frames are shared, so
    callers copy before changing them)."""
    shapes, labels = [], []
    for feature in _read(provinces_file):
        props = feature["properties"]
        shape = shp.shape(feature["geometry"]).buffer(0)
        shapes.append(shape)
        point = shape.representative_point()
        labels.append(
            {
                "name_en": str(props["ADM1_EN"]),
                "name_lo": str(props.get("ADM1_LO") or props["ADM1_EN"]),
                "lon": round(point.x, _DECIMALS),
                "lat": round(point.y, _DECIMALS),
            }
        )
    country = unary_union(shapes).simplify(TOLERANCE_DEG)
    outer = [_coords(polygon.exterior) for polygon in _polygons(country)]
    province_lines = [
        _coords(polygon.exterior)
        for shape in shapes
        for polygon in _polygons(shape.simplify(TOLERANCE_DEG))
    ]
    lines = [
        *_road_rows(roads_file),
        *_line_rows(province_lines, "province", BASEMAP_PROVINCE_RGB),
        *_line_rows(outer, "border", BASEMAP_BORDER_RGB),
    ]
    land = pd.DataFrame({"polygon": [[ring] for ring in outer]})
    land["rgb"] = [rgb(BASEMAP_LAND_RGB)] * len(land)
    return Basemap(land=land, lines=pd.DataFrame(lines), provinces=pd.DataFrame(labels))
