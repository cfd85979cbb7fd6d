"""Export a network (edges, nodes, places) for QGIS as GeoPackage or GraphML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import geopandas as gpd
from shapely.geometry import Point

from networks.exceptions import NetworkInputError
from networks.model import RoadNetwork

_SKIP = {"geometry"}


def _plain(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return ";".join(str(v) for v in value)
    return value


def to_geodataframes(
    net: RoadNetwork,
) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """(nodes, edges, places) as GeoDataFrames in EPSG:4326."""
    nodes = gpd.GeoDataFrame(
        [{"node": n, "x": d["x"], "y": d["y"]} for n, d in net.graph.nodes(data=True)],
        geometry=[Point(d["x"], d["y"]) for _, d in net.graph.nodes(data=True)],
        crs="EPSG:4326",
    )
    rows, geoms = [], []
    for u, v, k, d in net.graph.edges(keys=True, data=True):
        rows.append(
            {"u": u, "v": v, "key": k, **{a: _plain(b) for a, b in d.items() if a not in _SKIP}}
        )
        geoms.append(d["geometry"])
    edges = gpd.GeoDataFrame(rows, geometry=geoms, crs="EPSG:4326")
    places = gpd.GeoDataFrame(
        [
            {"name": p.name, "kind": p.kind, "country": p.country, "source": p.source,
             "estimate": p.estimate, "description": p.description}
            for p in net.places
        ],
        geometry=[Point(p.lon, p.lat) for p in net.places],
        crs="EPSG:4326",
    )  # fmt: skip
    return nodes, edges, places


def export_network(net: RoadNetwork, out: Path) -> Path:
    """Write `net` to ``.gpkg`` (layers edges, nodes, places) or ``.graphml``."""
    suffix = out.suffix.lower()
    if suffix == ".gpkg":
        nodes, edges, places = to_geodataframes(net)
        if out.exists():
            out.unlink()
        edges.to_file(out, layer="edges", driver="GPKG")
        nodes.to_file(out, layer="nodes", driver="GPKG")
        places.to_file(out, layer="places", driver="GPKG")
        return out
    if suffix == ".graphml":
        import osmnx as ox

        # osmnx's writer stringifies every attribute; `load_network(out)` reads it back.
        ox.save_graphml(net.graph, out)
        return out
    msg = f"Expected an output file ending in .gpkg or .graphml; got {out.name!r}"
    raise NetworkInputError(msg)
