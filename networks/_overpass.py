"""The only module that goes online: main roads for a bounding box from Overpass via osmnx."""

from __future__ import annotations

import logging
import socket
from pathlib import Path
from typing import Any

import networkx as nx

from networks.exceptions import NetworkDataError, NetworkInputError, OfflineError

log = logging.getLogger(__name__)

OVERPASS_HOST = "overpass-api.de"
CONNECT_TIMEOUT_S = 3.0
MAIN_ROADS_FILTER = (
    '["highway"~"motorway|motorway_link|trunk|trunk_link|primary|primary_link|'
    'secondary|secondary_link|tertiary|tertiary_link"]'
)


def check_online(host: str = OVERPASS_HOST, timeout_s: float = CONNECT_TIMEOUT_S) -> None:
    """Raise OfflineError unless a TCP connection to `host`:443 opens within `timeout_s`."""
    try:
        with socket.create_connection((host, 443), timeout=timeout_s):
            return
    except OSError as exc:
        msg = (
            f"Cannot reach the Overpass API ({host}) within {timeout_s:.0f} s: {exc}. "
            "You seem to be offline; use the embedded network or a downloaded .osm/.osm.pbf file "
            "(e.g. from download.geofabrik.de) with --network FILE."
        )
        raise OfflineError(msg) from exc


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """``"W,S,E,N"`` in degrees → a validated (west, south, east, north) tuple."""
    parts = [p.strip() for p in text.split(",")]
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        msg = f"Expected --bbox W,S,E,N as four numbers in degrees; got {text!r}"
        raise NetworkInputError(msg) from None
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        msg = f"Expected W < E and S < N within lon -180..180, lat -90..90; got {text!r}"
        raise NetworkInputError(msg)
    return west, south, east, north


def fetch_bbox(bbox: tuple[float, float, float, float]) -> nx.MultiDiGraph[Any]:
    """Download the main roads (tertiary and up) inside `bbox` (W, S, E, N) via osmnx."""
    check_online()
    import osmnx as ox

    try:
        graph = ox.graph_from_bbox(
            bbox, custom_filter=MAIN_ROADS_FILTER, simplify=True, retain_all=True
        )
    except Exception as exc:  # osmnx raises its own and requests' errors
        msg = f"Overpass download for bbox {bbox} failed: {exc}"
        raise NetworkDataError(msg) from exc
    log.info("downloaded %d nodes, %d edges", len(graph), graph.number_of_edges())
    return graph


def save_download(graph: nx.MultiDiGraph[Any], out: Path) -> Path:
    """Save a downloaded graph as GraphML that `load_network(out)` accepts."""
    import osmnx as ox

    if out.suffix.lower() != ".graphml":
        msg = f"Expected an output file ending in .graphml; got {out.name!r}"
        raise NetworkInputError(msg)
    ox.save_graphml(graph, out)
    return out
