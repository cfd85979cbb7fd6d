"""Network & data page: the road network as map layers, km tables, places and data sources."""

from __future__ import annotations

from typing import Any

import pandas as pd

from scenarios.views.common import DATA, STUDY_AREA, edge_path, undirected_edges, view_state

SURFACE_RGB: dict[str, list[int]] = {
    "paved": [40, 40, 40],
    "gravel": [214, 140, 30],
    "earth": [150, 75, 0],
}
PASSABLE_RGB: dict[bool, list[int]] = {True: [30, 130, 60], False: [200, 30, 30]}
PLACE_RGB: dict[str, list[int]] = {
    "town": [30, 90, 200],
    "mill": [120, 60, 20],
    "border_post": [200, 0, 120],
    "border_pair": [200, 0, 120],
    "seaport": [0, 150, 170],
    "city": [90, 90, 90],
}

# Datasets shipped in data/, with the dates and licences of shared/data/*/SOURCE.md.
DATA_SOURCES: tuple[dict[str, str], ...] = (
    {
        "dataset": "Main roads of southern Laos (primary + secondary)",
        "origin": "OpenStreetMap via openstreetmap.la export, GitHub syldor/syldor.github.io",
        "data_date": "early 2014 (committed 2014-09-18)",
        "licence": "ODbL 1.0: © OpenStreetMap contributors",
    },
    {
        "dataset": "Villages (government village points)",
        "origin": "Open Development Mekong village layer, GitHub SouksavathPMS/"
        "lao-location-prediction",
        "data_date": "repository 2025-04-09",
        "licence": "unclear (ODM data usually CC BY-SA 4.0)",
    },
    {
        "dataset": "Provinces and districts",
        "origin": "OCHA HDX COD-AB (cod-ab-lao); geoBoundaries LAO ADM2",
        "data_date": "COD-AB up to Nov 2019; geoBoundaries 2024-03",
        "licence": "CC BY-IGO (COD-AB); CC BY 4.0 (geoBoundaries)",
    },
    {
        "dataset": "Places: towns, border posts, seaports",
        "origin": "GeoNames; ODM villages; Wikipedia; points derived from the OSM roads",
        "data_date": "sources as cited per row in data/places.csv",
        "licence": "CC BY 4.0 (GeoNames); CC BY-SA (Wikipedia); ODbL (OSM-derived)",
    },
    {
        "dataset": "Onward road legs border → seaport",
        "origin": "publications cited per row in data/onward_legs.csv",
        "data_date": "per row (column year)",
        "licence": "facts cited from the publications",
    },
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


def load_road_network() -> Any:
    """The road network (embedded data, or ``BOLAVEN_NETWORK``), from the networks cache."""
    import networks

    return networks.load_network()


def network_summary(net: Any) -> dict[str, Any]:
    """Counts and kilometres for the network page."""
    graph = net.graph
    km = sum(float(d.get("length_m", 0.0)) for _, _, d in undirected_edges(graph)) / 1000.0
    source = getattr(net, "source", None)
    return {
        "nodes": graph.number_of_nodes(),
        "edges": sum(1 for _ in undirected_edges(graph)),
        "km": round(km, 1),
        "source": str(getattr(source, "description", "") or getattr(source, "name", "") or ""),
    }


def network_edges(net: Any, *, season: str, vehicle: str) -> pd.DataFrame:
    """One row per road section with its path, surface and passability for ``season``/``vehicle``.

    Columns: ``path`` (list of [lon, lat]), ``ref``, ``name``, ``highway``, ``surface``,
    ``length_km``, ``passable``, ``speed_kph``, ``surface_rgb``, ``passable_rgb``.
    Connector edges (snapped points) are left out.
    """
    graph = net.graph
    rows = []
    for u, v, data in undirected_edges(graph):
        if data.get("connector"):
            continue
        surface = str(data.get("surface", "earth"))
        passable = bool(data.get(f"passable_{season}_{vehicle}", True))
        rows.append(
            {
                "path": edge_path(graph, u, v, data),
                "ref": str(data.get("ref") or ""),
                "name": str(data.get("name") or ""),
                "highway": str(data.get("highway") or ""),
                "surface": surface,
                "length_km": round(float(data.get("length_m", 0.0)) / 1000.0, 2),
                "passable": passable,
                "speed_kph": round(float(data.get(f"speed_kph_{season}_{vehicle}", 0.0)), 1),
                "surface_rgb": SURFACE_RGB.get(surface, [120, 120, 120]),
                "passable_rgb": PASSABLE_RGB[passable],
            }
        )
    return pd.DataFrame(rows)


def km_by(edges: pd.DataFrame, column: str) -> pd.DataFrame:
    """Kilometres of road per value of ``column`` (e.g. surface, passable)."""
    totals = edges.groupby(column)["length_km"].sum().round(1).sort_values(ascending=False)
    return pd.DataFrame({column: totals.index, "length_km": totals.to_numpy()})


def places_frame(net: Any) -> pd.DataFrame:
    """The network's places (towns, border posts, seaports, mills) with map colours."""
    rows = []
    for place in getattr(net, "places", ()):
        kind = str(getattr(place, "kind", ""))
        rows.append(
            {
                "name": str(place.name),
                "kind": kind,
                "country": str(getattr(place, "country", "")),
                "lat": float(place.lat),
                "lon": float(place.lon),
                "source": str(getattr(place, "source", "")),
                "rgb": PLACE_RGB.get(kind, [90, 90, 90]),
            }
        )
    return pd.DataFrame(rows, columns=["name", "kind", "country", "lat", "lon", "source", "rgb"])


def data_sources() -> pd.DataFrame:
    """The datasets shipped in ``data/`` with dates and licences."""
    return pd.DataFrame(list(DATA_SOURCES), columns=["dataset", "licence", "data_date", "origin"])


def sources_markdown() -> str:
    """The text of ``data/SOURCES.md`` if the lead has written it, else an empty string."""
    path = DATA / "SOURCES.md"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def study_area_view() -> dict[str, float]:
    """Centre and zoom of the southern-Laos study area (105.4–107.2 E, 14.3–16.7 N)."""
    west, south, east, north = STUDY_AREA
    return view_state([west, east], [south, north])
