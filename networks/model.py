"""The network's vocabulary: seasons, vehicle classes and the frozen `RoadNetwork` record."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import networkx as nx

from networks.exceptions import NetworkInputError

if TYPE_CHECKING:
    from networks.places import Place


class Season(StrEnum):
    """Season of travel: the dry season (Nov-Apr) or the wet season (May-Oct)."""

    DRY = "dry"
    WET = "wet"


class VehicleClass(StrEnum):
    """Network vehicle classes; fleet vehicle types name the class they drive as."""

    PICKUP_4X4 = "pickup_4x4"
    MEDIUM_TRUCK = "medium_truck"
    HEAVY_TRUCK = "heavy_truck"


def parse_season(value: str | Season) -> Season:
    """Return the `Season` named by `value` or raise a ValueError listing the choices."""
    try:
        return Season(str(value).lower())
    except ValueError:
        choices = ", ".join(s.value for s in Season)
        msg = f"Unknown season {value!r}. Choose from: {choices}."
        raise NetworkInputError(msg) from None


def parse_vehicle(value: str | VehicleClass) -> VehicleClass:
    """Return the `VehicleClass` named by `value` or raise a ValueError listing the choices."""
    try:
        return VehicleClass(str(value).lower())
    except ValueError:
        choices = ", ".join(v.value for v in VehicleClass)
        msg = f"Unknown vehicle class {value!r}. Choose from: {choices}."
        raise NetworkInputError(msg) from None


def speed_attr(season: Season, vehicle: VehicleClass) -> str:
    """Edge attribute holding the speed (km/h) for a season and vehicle class."""
    return f"speed_kph_{season.value}_{vehicle.value}"


def duration_attr(season: Season, vehicle: VehicleClass) -> str:
    """Edge attribute holding the travel time (s) for a season and vehicle class."""
    return f"duration_s_{season.value}_{vehicle.value}"


def passable_attr(season: Season, vehicle: VehicleClass) -> str:
    """Edge attribute saying whether the edge is passable for a season and vehicle class."""
    return f"passable_{season.value}_{vehicle.value}"


@dataclass(frozen=True)
class SourceInfo:
    """Where a network came from.

    Attributes
    ----------
    kind
        ``embedded`` (the shipped 2014 extract), ``osm_xml``, ``osm_pbf``, ``geojson``,
        ``graphml`` or ``overpass``.
    path
        The input file, or an empty string for a download.
    description
        One line a user can read, including the data date and its coverage.
    data_date
        When the road data was captured (e.g. ``2014-Q1``), or ``unknown``.
    attribution
        The licence notice that must be shown with the data.
    content_hash
        SHA-256 of the input bytes plus the tables and code version (the cache key).
    """

    kind: str
    path: str
    description: str
    data_date: str
    attribution: str = "Road data © OpenStreetMap contributors, ODbL (openstreetmap.org/copyright)"
    content_hash: str = ""


@dataclass(frozen=True)
class RepairReport:
    """What the build changed to make the raw data routable.

    Attributes
    ----------
    endpoints_joined
        Way endpoints that missed a junction and were joined to the nearest vertex.
    join_tolerance_m
        The largest gap that was joined (m).
    patches_added
        Names (ref and note) of the patch-table links that were added (edges flagged ``added``).
    patches_skipped
        Patch-table rows not applied, each with the reason.
    dropped_nodes, dropped_edges, dropped_km
        What lay outside the largest strongly connected component and was removed.
    nodes_merged
        Degree-2 nodes removed when chains of edges were merged.
    """

    endpoints_joined: int = 0
    join_tolerance_m: float = 0.0
    patches_added: tuple[str, ...] = ()
    patches_skipped: tuple[str, ...] = ()
    dropped_nodes: int = 0
    dropped_edges: int = 0
    dropped_km: float = 0.0
    nodes_merged: int = 0

    def lines(self) -> list[str]:
        """Human-readable summary, one repair per line."""
        out = [
            f"joined {self.endpoints_joined} way endpoints that missed a junction "
            f"(gap <= {self.join_tolerance_m:.0f} m)",
            f"kept the largest strongly connected component; dropped {self.dropped_nodes} nodes, "
            f"{self.dropped_edges} edges, {self.dropped_km:.1f} km",
            f"merged {self.nodes_merged} degree-2 nodes into longer edges",
        ]
        out += [f"added patch link: {p}" for p in self.patches_added]
        out += [f"skipped patch: {p}" for p in self.patches_skipped]
        return out


@dataclass(frozen=True)
class RoadNetwork:
    """A routable road network: an osmnx-schema graph plus what was done to build it.

    Attributes
    ----------
    graph
        ``nx.MultiDiGraph`` with ``graph["crs"] == "EPSG:4326"``, nodes with ``x`` (lon) and
        ``y`` (lat), and edges carrying the attributes listed in docs/architecture.md. Treat it
        as read-only: the edit functions return new networks.
    repairs
        The repairs the build applied.
    source
        Where the data came from.
    places
        Named places (towns, border posts, ports, mills) for lookups; not part of the graph.
    """

    graph: nx.MultiDiGraph[Any]
    repairs: RepairReport
    source: SourceInfo
    places: tuple[Place, ...] = ()
    _cache: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    def cached(self, key: Any) -> Any:
        """Return a derived object cached on this network (or None)."""
        return self._cache.get(key)

    def store(self, key: Any, value: Any) -> None:
        """Cache a derived object (e.g. a CSR matrix) on this network."""
        self._cache[key] = value
