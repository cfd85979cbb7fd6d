"""Road geometry of consolidation flows: the least-cost path between two snapped nodes.

The consolidation prices each leg on the least-cost path of its vehicle and season
(:func:`scenarios.consolidate.matrices.leg_matrix`); the map lines follow the same paths.
One shortest-path tree is grown per destination (village → hub lines, on the reversed graph)
or per origin (hub → gateway lines), so the ~1,500 village lines of the full region need only
one tree per hub and season; every (origin node, destination node) path is cached.

A pair without a passable path gets a straight line, flagged ``geometry_kind = "straight"``.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import shapely
from numpy.typing import NDArray
from scipy.sparse.csgraph import dijkstra

from networks import GraphArrays, RoadNetwork, graph_arrays, parse_season, parse_vehicle
from optimizer import CostRates, VehicleProfile
from scenarios.common import make_edge_cost
from scenarios.consolidate.records import ConsolidationRun

GeometryKind = Literal["road", "straight"]
LonLat = tuple[float, float]
FloatArray = NDArray[np.float64]


@dataclass(frozen=True, eq=False)
class PathGeometry:
    """A line for the map: vertices (lon, lat), its network length (m) and how it was drawn.

    ``coords`` is a ``(k, 2)`` array of (lon, lat). ``distance_m`` is the summed ``length_m``
    of the edges (connectors included); it is ``nan`` for a straight fallback line, which is
    not a road distance.
    """

    coords: FloatArray
    distance_m: float
    kind: GeometryKind

    def __post_init__(self) -> None:
        shape = np.shape(self.coords)
        if len(shape) != 2 or shape[0] < 2 or shape[1] != 2:
            msg = f"Expected (k >= 2, 2) line vertices (lon, lat); got an array of shape {shape}"
            raise ValueError(msg)


@dataclass
class RoadPaths:
    """Least-cost paths for one season and vehicle profile on a snapped network, cached.

    Parameters
    ----------
    net
        The network the nodes belong to (``Network.net`` of a consolidation run).
    season
        ``dry`` or ``wet``: passability and speeds.
    profile, rates
        The vehicle whose per-km and crew cost the paths minimise, as in the leg matrices.
    """

    net: RoadNetwork
    season: str
    profile: VehicleProfile
    rates: CostRates
    _arrays: GraphArrays | None = field(default=None, init=False, repr=False)
    _trees: dict[tuple[int, bool], NDArray[np.int32]] = field(
        default_factory=dict, init=False, repr=False
    )
    _paths: dict[tuple[int, int], PathGeometry | None] = field(
        default_factory=dict, init=False, repr=False
    )
    _edge_xy: dict[int, FloatArray] = field(default_factory=dict, init=False, repr=False)

    @property
    def arrays(self) -> GraphArrays:
        """The network in csgraph form, weighted by this vehicle's edge cost (built once)."""
        if self._arrays is None:
            self._arrays = graph_arrays(
                self.net,
                parse_season(self.season),
                parse_vehicle(self.profile.network_class),
                make_edge_cost(self.profile, self.rates),
            )
        return self._arrays

    def _tree(self, root: int, *, towards: bool) -> NDArray[np.int32]:
        """Predecessors from ``root`` (``towards``: on the reversed graph, i.e. paths to root)."""
        key = (root, towards)
        if key not in self._trees:
            arrays = self.arrays
            csr = arrays.csr.transpose().tocsr() if towards else arrays.csr
            _, pred = dijkstra(
                csr, directed=True, indices=arrays.index[root], return_predecessors=True
            )
            self._trees[key] = np.asarray(pred, dtype=np.int32)
        return self._trees[key]

    def path(
        self,
        origin: int,
        destination: int,
        *,
        fallback: tuple[LonLat, LonLat],
        tree_at: Literal["origin", "destination"] = "destination",
    ) -> PathGeometry:
        """The least-cost path ``origin`` → ``destination`` (node ids), or a straight line.

        ``tree_at`` says which end is shared by many calls (one tree is grown per shared end);
        ``fallback`` gives the two (lon, lat) ends of the straight line for an unreachable pair.
        """
        key = (origin, destination)
        if key not in self._paths:
            self._paths[key] = self._road(origin, destination, tree_at)
        road = self._paths[key]
        if road is not None:
            return road
        return PathGeometry(np.array(fallback, dtype=np.float64), float("nan"), "straight")

    def _road(
        self, origin: int, destination: int, tree_at: Literal["origin", "destination"]
    ) -> PathGeometry | None:
        arrays = self.arrays
        a, b = arrays.index[origin], arrays.index[destination]
        if tree_at == "destination":
            pred = self._tree(destination, towards=True)
            nodes = [a]
            while nodes[-1] != b:
                nxt = int(pred[nodes[-1]])
                if nxt < 0:
                    return None
                nodes.append(nxt)
        else:
            pred = self._tree(origin, towards=False)
            nodes = [b]
            while nodes[-1] != a:
                prv = int(pred[nodes[-1]])
                if prv < 0:
                    return None
                nodes.append(prv)
            nodes.reverse()
        return self._geometry(nodes)

    def _geometry(self, nodes: list[int]) -> PathGeometry | None:
        arrays, graph = self.arrays, self.net.graph
        if len(nodes) < 2:
            return None  # origin and destination snapped to the same node: nothing to draw
        n = len(arrays.node_ids)
        codes = np.array([x * n + y for x, y in itertools.pairwise(nodes)], dtype=np.int64)
        pos = (
            arrays.dense.take(codes)
            if arrays.dense is not None
            else np.searchsorted(arrays.codes, codes)
        )
        parts: list[FloatArray] = []
        for p in pos.tolist():
            xy = self._edge_xy.get(p)
            if xy is None:
                xy = shapely.get_coordinates(graph.edges[arrays.keys[p]]["geometry"])
                self._edge_xy[p] = xy
            parts.append(xy if not parts else xy[1:])  # consecutive edges share a vertex
        coords = np.concatenate(parts)
        return PathGeometry(coords, float(arrays.length_m[pos].sum()), "road")


class FlowPaths:
    """Road paths of a consolidation run's flows: one cached :class:`RoadPaths` per leg and period.

    ``leg`` is ``"collection"`` (village → hub: the villages share their hub's tree) or
    ``"trunk"`` (hub → gateway: the lines share the hub's tree).
    """

    def __init__(self, run: ConsolidationRun) -> None:
        self.run = run
        located, inputs = run.network, run.inputs
        self.node = dict(zip([v.id for v in inputs.villages], located.village_nodes, strict=True))
        self.node.update(zip([h.id for h in inputs.hubs], located.hub_nodes, strict=True))
        self.node.update(zip([g.id for g in inputs.gateways], located.gateway_nodes, strict=True))
        self._finders: dict[tuple[str, str], RoadPaths] = {}

    def _finder(self, leg: str, period: str) -> RoadPaths:
        key = (leg, period)
        if key not in self._finders:
            legs = self.run.collection if leg == "collection" else self.run.trunk
            self._finders[key] = RoadPaths(
                self.run.network.net, period, legs[period].profile, self.run.inputs.rates
            )
        return self._finders[key]

    def path(self, leg: str, period: str, origin: str, destination: str) -> PathGeometry:
        """The least-cost path of ``leg``'s vehicle in ``period`` from origin to destination."""
        xy = self.run.network.coords
        return self._finder(leg, period).path(
            self.node[origin],
            self.node[destination],
            fallback=(xy[origin], xy[destination]),
            tree_at="destination" if leg == "collection" else "origin",
        )
