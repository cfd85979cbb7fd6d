"""Network & data page: the road network as map layers, km tables, places and data sources."""

from __future__ import annotations

from typing import Any

import pandas as pd

from networks import RoadNetwork, load_network, road_sections
from networks import network_summary as _network_facts
from scenarios.views.common import STUDY_AREA, edge_path, view_state
from scenarios.views.palette import (
    PASSABLE_RGB,
    PLACE_RGB,
    SURFACE_RGB,
    UNKNOWN_PLACE_RGB,
    UNKNOWN_SURFACE_RGB,
    rgb,
)

FRESHER_OSM_MD = """\
The embedded roads are the OpenStreetMap **main roads (primary and secondary only) as of early
2014**. To plan on fresher or more detailed roads:

1. **Overpass (online):** `bolaven network fetch --bbox 105.4,14.3,107.2,16.7 --out roads.graphml`
   downloads the current OSM main roads for the box and caches them as GraphML.
2. **Geofabrik extract:** download `laos-latest.osm.pbf` from download.geofabrik.de/asia/laos.html
   and pass the file path.
3. **Your own `.osm` file** (e.g. exported from JOSM) works the same way.

Then start the app or the CLI with `BOLAVEN_NETWORK=/path/to/file make run` (the CLI also takes
`--network PATH`). Derived data stays under the ODbL: keep the attribution
"© OpenStreetMap contributors".
"""


def load_road_network() -> RoadNetwork:
    """The road network (embedded data, or ``BOLAVEN_NETWORK``), from the networks cache."""
    return load_network()


def network_summary(net: RoadNetwork) -> dict[str, Any]:
    """The facts of ``bolaven network info`` (:func:`networks.network_summary`) for the page.

    ``nodes``, ``km_total`` and ``source`` (a record) as the CLI reports them, plus
    ``sections``: the road sections counted the same way as the kilometres.
    """
    return {**_network_facts(net), "sections": sum(1 for _ in road_sections(net.graph))}


MAP_TOLERANCE_DEG = 0.002
"""How far (~200 m) a drawn road may stray from its geometry on the network map, as on the
basemap: under a pixel up to zoom 9 (the map opens at ~7.5). 4,061 points instead of 15,689 at
0.0002 deg; software WebGL (a browser without a GPU) spends its draw time per point: measured in
headless chromium, the network page's first frame 3-4.5 s -> ~2 s with roads alone, a colour
toggle 1.1 -> 0.6 s."""


def network_edges(
    net: RoadNetwork, *, season: str, vehicle: str, tolerance_deg: float = 0.0
) -> pd.DataFrame:
    """One row per road section with its path, surface and passability for ``season``/``vehicle``.

    Columns: ``path`` (list of [lon, lat], simplified to ``tolerance_deg`` if > 0), ``ref``,
    ``name``, ``highway``, ``surface``, ``length_km``, ``passable``, ``speed_kph``,
    ``surface_rgb``, ``passable_rgb``. Connector edges (snapped points) are left out.
    """
    graph = net.graph
    rows = []
    for u, v, data in road_sections(graph):
        if data.get("connector"):
            continue
        surface = str(data.get("surface", "earth"))
        passable = bool(data.get(f"passable_{season}_{vehicle}", True))
        rows.append(
            {
                "path": edge_path(graph, u, v, data, tolerance_deg=tolerance_deg),
                "ref": str(data.get("ref") or ""),
                "name": str(data.get("name") or ""),
                "highway": str(data.get("highway") or ""),
                "surface": surface,
                "length_km": round(float(data.get("length_m", 0.0)) / 1000.0, 2),
                "passable": passable,
                "speed_kph": round(float(data.get(f"speed_kph_{season}_{vehicle}", 0.0)), 1),
                "surface_rgb": rgb(SURFACE_RGB.get(surface, UNKNOWN_SURFACE_RGB)),
                "passable_rgb": rgb(PASSABLE_RGB[passable]),
            }
        )
    return pd.DataFrame(rows)


def km_by(edges: pd.DataFrame, column: str) -> pd.DataFrame:
    """Kilometres of road per value of ``column`` (e.g. surface, passable)."""
    totals = edges.groupby(column)["length_km"].sum().round(1).sort_values(ascending=False)
    return pd.DataFrame({column: totals.index, "length_km": totals.to_numpy()})


def places_frame(net: RoadNetwork) -> pd.DataFrame:
    """The network's places (towns, border posts, seaports, mills) with map colours."""
    rows = [
        {
            "name": place.name,
            "kind": place.kind,
            "country": place.country,
            "lat": place.lat,
            "lon": place.lon,
            "source": place.source,
            "rgb": rgb(PLACE_RGB.get(place.kind, UNKNOWN_PLACE_RGB)),
        }
        for place in net.places
    ]
    return pd.DataFrame(rows, columns=["name", "kind", "country", "lat", "lon", "source", "rgb"])


def study_area_view() -> dict[str, float]:
    """Centre and zoom of the southern-Laos study area (105.4–107.2 E, 14.3–16.7 N)."""
    west, south, east, north = STUDY_AREA
    return view_state([west, east], [south, north])
