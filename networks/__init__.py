"""Road network of southern Laos: OSM → routable graph → seasonal speeds → snapping → matrices.

Road data © OpenStreetMap contributors, ODbL. The embedded data is the early-2014 OSM main-road
network of Laos (primary + secondary only).
"""

from networks.exceptions import (
    EdgeSelectionError,
    NetworkDataError,
    OfflineError,
    OutOfRegionError,
    SnappingError,
    UnknownPlaceError,
    UnreachableError,
)
from networks.load import load_network
from networks.matrix import EdgeCost, TravelMatrix, travel_matrix
from networks.model import RepairReport, RoadNetwork, Season, SourceInfo, VehicleClass
from networks.paths import Route, resolve_point, route
from networks.places import Place, find_place, load_places
from networks.snapping import SnapResult, UnreachablePoint, snap_points
from networks.summary import network_summary, road_sections
from networks.villages import Village, load_villages

__all__ = [
    "EdgeCost",
    "EdgeSelectionError",
    "NetworkDataError",
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
    "find_place",
    "load_network",
    "load_places",
    "load_villages",
    "network_summary",
    "resolve_point",
    "road_sections",
    "route",
    "snap_points",
    "travel_matrix",
]
