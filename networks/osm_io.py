"""Read road ways from any supported source into one plain form (`Way`).

Every source (the embedded GeoJSON, a user's ``.osm`` / ``.osm.pbf``, a GraphML saved by
``fetch``, an Overpass download) becomes a list of `Way`; `networks.build` turns that list
into the graph, so all sources share one pipeline and one schema.
"""

from __future__ import annotations

import ast
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from networks.exceptions import NetworkDataError

log = logging.getLogger(__name__)

# Drivable OSM highway classes kept from user files (the embedded data only has primary/secondary).
DRIVABLE = frozenset(
    {
        "motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link",
        "secondary", "secondary_link", "tertiary", "tertiary_link", "unclassified",
        "residential", "track",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Way:
    """One OSM way: its vertices (lon, lat) and the tags the network uses."""

    coords: tuple[tuple[float, float], ...]
    osm_id: int
    highway: str
    ref: str = ""
    name: str = ""
    surface_tag: str = ""
    oneway: bool = False


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(str(v) for v in value if v is not None)
    return str(value)


def _first(value: Any) -> str:
    return _text(value[0] if isinstance(value, list) and value else value)


def _oneway(value: Any) -> bool:
    return _text(value).lower() in {"yes", "true", "1"}


def way_from_tags(coords: Iterable[tuple[float, float]], osm_id: int, tags: Any) -> Way | None:
    """Build a `Way` from raw tags, or None if it is not a drivable road with >= 2 vertices."""
    pts = tuple((float(x), float(y)) for x, y in coords)
    highway = _first(tags.get("highway"))
    if len(pts) < 2 or highway not in DRIVABLE:
        return None
    name = _text(tags.get("name_en")) or _text(tags.get("name:en")) or _text(tags.get("name"))
    return Way(
        coords=pts,
        osm_id=int(osm_id),
        highway=highway,
        ref=_text(tags.get("ref")),
        name=name,
        surface_tag=_first(tags.get("surface")),
        oneway=_oneway(tags.get("oneway")),
    )


def read_geojson(path: Path) -> list[Way]:
    """Ways from a GeoJSON FeatureCollection of LineStrings with OSM properties."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        features = doc["features"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        msg = f"Cannot read {path} as GeoJSON road data: {exc}"
        raise NetworkDataError(msg) from exc
    ways = []
    for i, feature in enumerate(features):
        geom = feature.get("geometry") or {}
        props = feature.get("properties") or {}
        parts = geom.get("coordinates") or []
        if geom.get("type") == "LineString":
            parts = [parts]
        elif geom.get("type") != "MultiLineString":
            continue
        for part in parts:
            way = way_from_tags((c[:2] for c in part), int(props.get("osm_id") or -(i + 1)), props)
            if way is not None:
                ways.append(way)
    return ways


def read_osm_file(path: Path) -> list[Way]:
    """Ways from an OSM XML (``.osm``) or PBF (``.osm.pbf``) file, read with pyosmium."""
    import osmium

    ways = []
    try:
        processor = (
            osmium.FileProcessor(str(path))
            .with_locations()
            .with_filter(osmium.filter.KeyFilter("highway"))
        )
        for obj in processor:
            if not isinstance(obj, osmium.osm.Way):
                continue
            try:
                coords = [(n.lon, n.lat) for n in obj.nodes]
            except osmium.InvalidLocationError:
                coords = [(n.lon, n.lat) for n in obj.nodes if n.location.valid()]
            way = way_from_tags(coords, obj.id, dict(obj.tags))
            if way is not None:
                ways.append(way)
    except RuntimeError as exc:
        msg = f"Cannot read {path} as an OSM file (corrupt or wrong format): {exc}"
        raise NetworkDataError(msg) from exc
    return ways


def ways_from_graph(graph: nx.MultiDiGraph[Any]) -> list[Way]:
    """Ways from an osmnx graph (GraphML or Overpass): one way per undirected edge."""
    seen: set[tuple[Any, Any]] = set()
    ways = []
    for u, v, data in graph.edges(data=True):
        oneway = _oneway(data.get("oneway"))
        if not oneway and (v, u) in seen:
            continue
        seen.add((u, v))
        geom = data.get("geometry")
        if geom is not None:
            coords = list(geom.coords)
        else:
            nu, nv = graph.nodes[u], graph.nodes[v]
            coords = [(nu["x"], nu["y"]), (nv["x"], nv["y"])]
        osm_id = data.get("osm_id", data.get("osmid", -1))
        if isinstance(osm_id, str) and osm_id.startswith("["):  # a merged edge saved as text
            osm_id = ast.literal_eval(osm_id)
        osm_id = osm_id[0] if isinstance(osm_id, list) else osm_id
        way = way_from_tags(coords, int(osm_id), data)
        if way is not None:
            ways.append(Way(**{**way.__dict__, "oneway": oneway}))
    return ways


def read_graphml(path: Path) -> list[Way]:
    """Ways from a GraphML file saved by osmnx (e.g. by ``bolaven network fetch``)."""
    import osmnx as ox

    try:
        graph = ox.load_graphml(path)
    except Exception as exc:  # osmnx/networkx raise many types on bad XML
        msg = f"Cannot read {path} as GraphML: {exc}"
        raise NetworkDataError(msg) from exc
    return ways_from_graph(graph)


def read_ways(path: Path) -> tuple[str, list[Way]]:
    """Read `path` by its extension; return the source kind and the ways."""
    if not path.is_file():
        msg = f"Network file not found: {path}"
        raise NetworkDataError(msg)
    if path.stat().st_size == 0:
        msg = f"Network file is empty: {path}"
        raise NetworkDataError(msg)
    name = path.name.lower()
    readers = {
        ".geojson": ("geojson", read_geojson),
        ".json": ("geojson", read_geojson),
        ".osm": ("osm_xml", read_osm_file),
        ".xml": ("osm_xml", read_osm_file),
        ".pbf": ("osm_pbf", read_osm_file),
        ".graphml": ("graphml", read_graphml),
    }
    for suffix, (kind, reader) in readers.items():
        if name.endswith(suffix):
            ways = reader(path)
            if not ways:
                msg = f"No drivable roads (highway=*) found in {path}"
                raise NetworkDataError(msg)
            log.info("read %d ways from %s", len(ways), path)
            return kind, ways
    msg = f"Unsupported network file {path.name!r}: expected .osm, .osm.pbf, .geojson or .graphml"
    raise NetworkDataError(msg)
