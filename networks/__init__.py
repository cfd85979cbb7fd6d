"""Road network of southern Laos: OSM → routable graph → seasonal speeds → snapping → matrices.

Road data © OpenStreetMap contributors, ODbL. The embedded data is the early-2014 OSM main-road
network of Laos (primary + secondary only). Other packages import this package only through
this module (``from networks import ...``); ``tests/test_architecture.py`` enforces it.
"""

from networks._overpass import fetch_bbox, parse_bbox, save_download
from networks.edits import add_link, close_edges, select_edges, upgrade_edges
from networks.exceptions import (
    EdgeSelectionError,
    NetworkDataError,
    NetworkError,
    NetworkInputError,
    OfflineError,
    OutOfRegionError,
    SnappingError,
    UnknownPlaceError,
    UnreachableError,
)
from networks.export import export_network
from networks.geometry import haversine_m
from networks.load import load_network
from networks.matrix import (
    EdgeCost,
    GraphArrays,
    TravelMatrix,
    accumulate_along_trees,
    graph_arrays,
    reversed_arrays,
    shortest_trees,
    travel_matrix,
)
from networks.model import (
    RepairReport,
    RoadNetwork,
    Season,
    SourceInfo,
    VehicleClass,
    parse_season,
    parse_vehicle,
    passable_attr,
)
from networks.paths import Route, resolve_point, route
from networks.places import Place, find_place, load_places
from networks.sampling import sample_nodes
from networks.snapping import SnapResult, UnreachablePoint, snap_points
from networks.summary import network_summary, road_sections
from networks.villages import Village, load_villages

__all__ = [
    "EdgeCost",
    "EdgeSelectionError",
    "GraphArrays",
    "NetworkDataError",
    "NetworkError",
    "NetworkInputError",
    "OfflineError",
    "OutOfRegionError",
    "Place",
    "RepairReport",
    "RoadNetwork",
    "Route",
    "Season",
    "SnapResult",
    "SnappingError",
    "SourceInfo",
    "TravelMatrix",
    "UnknownPlaceError",
    "UnreachableError",
    "UnreachablePoint",
    "VehicleClass",
    "Village",
    "accumulate_along_trees",
    "add_link",
    "close_edges",
    "export_network",
    "fetch_bbox",
    "find_place",
    "graph_arrays",
    "haversine_m",
    "load_network",
    "load_places",
    "load_villages",
    "network_summary",
    "parse_bbox",
    "parse_season",
    "parse_vehicle",
    "passable_attr",
    "resolve_point",
    "reversed_arrays",
    "road_sections",
    "route",
    "sample_nodes",
    "save_download",
    "select_edges",
    "shortest_trees",
    "snap_points",
    "travel_matrix",
    "upgrade_edges",
]
