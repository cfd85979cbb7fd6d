"""Join arbitrary points (villages, farms, places) to the network with flagged connector edges."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np
import shapely
from numpy.typing import NDArray
from scipy.spatial import cKDTree
from shapely.geometry import LineString

from networks.attributes import edge_speeds
from networks.geometry import LocalProjection
from networks.model import RoadNetwork
from networks.tables import default_tables

log = logging.getLogger(__name__)

SAME_POINT_M = 1.0  # closer than this to a vertex or the road: reuse it, no new node / connector

EdgeKey = tuple[int, int, int]


@dataclass(frozen=True)
class UnreachablePoint:
    """A point that could not be joined, and why (it is reported, never silently dropped)."""

    index: int
    lat: float
    lon: float
    distance_m: float
    reason: str


@dataclass(frozen=True)
class SnapResult:
    """Outcome of `snap_points`.

    Attributes
    ----------
    network
        A new network holding one node per reachable point (the input network is untouched).
    nodes
        For each input point, its node id in `network`, or None if unreachable.
    distance_m
        For each input point, the straight-line distance to the nearest road (m).
    unreachable
        The points beyond the maximum connector length, with the reason.
    """

    network: RoadNetwork
    nodes: tuple[int | None, ...]
    distance_m: tuple[float, ...]
    unreachable: tuple[UnreachablePoint, ...]


def _pieces(graph: nx.MultiDiGraph[Any]) -> list[list[EdgeKey]]:
    """Group directed edges that share one road geometry (a two-way road's two directions)."""
    groups: list[list[EdgeKey]] = []
    taken: set[EdgeKey] = set()
    for u, v, k, d in graph.edges(keys=True, data=True):
        key: EdgeKey = (int(u), int(v), int(k))
        if key in taken:
            continue
        taken.add(key)
        group = [key]
        if not d.get("oneway") and graph.has_edge(v, u):
            for k2, d2 in graph[v][u].items():
                twin = (int(v), int(u), int(k2))
                if twin not in taken and abs(d2["length_m"] - d["length_m"]) < 1e-6:
                    taken.add(twin)
                    group.append(twin)
                    break
        groups.append(group)
    return groups


def _cut_line(
    lonlat: NDArray[np.float64], xy: NDArray[np.float64], fractions: Sequence[float]
) -> tuple[list[NDArray[np.float64]], NDArray[np.float64]]:
    """Cut a polyline at fractions of its (projected) length: the pieces and the cut points.

    Fractions are measured in the metric projection `xy` (as `line_locate_point` returned
    them) and the cut points interpolated linearly inside their segment, which the affine
    projection preserves, so cuts land exactly where the points were located.
    """
    seg = np.hypot(*np.diff(xy, axis=0).T)
    cum = np.concatenate(([0.0], np.cumsum(seg)))
    targets = np.asarray(fractions, dtype=float) * cum[-1]
    idx = np.clip(np.searchsorted(cum, targets, side="right") - 1, 0, len(seg) - 1)
    t = (targets - cum[idx]) / np.where(seg[idx] > 0, seg[idx], 1.0)
    points = lonlat[idx] + t[:, None] * (lonlat[idx + 1] - lonlat[idx])
    pieces, prev_pt, prev_idx = [], lonlat[0], 0
    for pt, i in zip(points, idx, strict=True):
        pieces.append(np.vstack([prev_pt, lonlat[prev_idx + 1 : i + 1], pt]))
        prev_pt, prev_idx = pt, int(i)
    pieces.append(np.vstack([prev_pt, lonlat[prev_idx + 1 :]]))
    return pieces, points


def _split_piece(
    graph: nx.MultiDiGraph[Any],
    group: list[EdgeKey],
    xy: NDArray[np.float64],
    fractions: list[float],
    new_ids: list[int],
) -> None:
    """Replace a road piece by a chain through new nodes at the given fractions (sorted)."""
    u, v, k = group[0]
    lonlat = np.asarray(graph.edges[u, v, k]["geometry"].coords, dtype=float)
    pieces, points = _cut_line(lonlat, xy, fractions)
    cuts = [0.0, *fractions, 1.0]
    chain = [u, *new_ids, v]
    for n, pt in zip(new_ids, points, strict=True):
        graph.add_node(n, x=float(pt[0]), y=float(pt[1]))
    tables = default_tables()
    for a, b, key in group:
        d = graph.edges[a, b, key]
        forward = a == u
        graph.remove_edge(a, b, key)
        for i, piece in enumerate(pieces):
            part = dict(d)
            part["length_m"] = d["length_m"] * (cuts[i + 1] - cuts[i])
            x, y = chain[i], chain[i + 1]
            if forward:
                part["geometry"] = LineString(piece)
            else:
                x, y = y, x
                part["geometry"] = LineString(piece[::-1])
            edge_speeds(part, tables)
            graph.add_edge(x, y, **part)


def _connector_attrs(
    coords: list[tuple[float, float]], straight_m: float, circuity: float
) -> dict[str, Any]:
    tables = default_tables()
    surface = tables.connector_surface_for(straight_m)
    length_m = straight_m * circuity
    attrs: dict[str, Any] = {
        "osm_id": -1, "highway": "connector", "ref": "", "name": "", "surface_tag": "",
        "oneway": False, "added": False, "connector": True, "length_m": length_m,
        "straight_m": straight_m,
        "geometry": LineString(coords), "surface": surface,
        "surface_source": "class default", "iri_m_per_km": tables.iri_m_per_km[surface],
        "condition": "",
    }  # fmt: skip
    edge_speeds(attrs, tables)
    return attrs


def snap_points(
    net: RoadNetwork,
    points: Sequence[tuple[float, float]],
    *,
    max_connector_m: float | None = None,
    circuity: float | None = None,
) -> SnapResult:
    """Join points to the network; points off the roads get a ``connector`` edge pair.

    Parameters
    ----------
    net
        The network (not modified).
    points
        (lat, lon) pairs in degrees.
    max_connector_m
        Points farther than this (straight line, m) from any road are reported unreachable.
        Default: ``connector.max_connector_m`` in ``data/network_defaults.toml``.
    circuity
        Connector length = straight-line distance × circuity. Default from the same table.
    """
    tables = default_tables()
    max_m = tables.max_connector_m if max_connector_m is None else max_connector_m
    factor = tables.connector_circuity if circuity is None else circuity
    graph = net.graph.copy()
    if not points:
        return SnapResult(_renew(net, graph), (), (), ())
    # Points join real roads, not other points' connectors (a chain of guessed tracks).
    groups = [g for g in _pieces(graph) if not graph.edges[g[0]].get("connector")]
    proj = LocalProjection(float(np.mean([d["y"] for _, d in graph.nodes(data=True)])))
    lines = [
        LineString(proj.forward(np.asarray(graph.edges[g[0]]["geometry"].coords))) for g in groups
    ]
    tree = shapely.STRtree(lines)
    lonlat = np.array([[lon, lat] for lat, lon in points], dtype=float)
    pts_xy = shapely.points(proj.forward(lonlat))
    (_, nearest), dists = tree.query_nearest(pts_xy, return_distance=True, all_matches=False)
    dists = np.asarray(dists, dtype=float).copy()
    # query_nearest returns one match per input in input order when all_matches=False
    fracs = shapely.line_locate_point(
        np.asarray(lines, dtype=object)[nearest], pts_xy, normalized=True
    )
    next_id = max(graph.nodes) + 1 if len(graph) else 0
    snap_node = _on_existing_nodes(graph, proj, lonlat)
    for i in snap_node:
        dists[i] = 0.0
    unreachable = []
    by_piece: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for i, (gi, dist, frac) in enumerate(zip(nearest, dists, fracs, strict=True)):
        if i in snap_node:
            continue
        if dist > max_m:
            reason = _too_far(dist, max_m)
            unreachable.append(UnreachablePoint(i, points[i][0], points[i][1], float(dist), reason))
            continue
        by_piece[int(gi)].append((float(frac), i))
    next_id = _split_at_points(graph, groups, lines, by_piece, snap_node, next_id)
    nodes = _add_connectors(graph, points, snap_node, dists, factor, next_id)
    if unreachable:
        log.info("%d of %d points are beyond the connector limit", len(unreachable), len(points))
    return SnapResult(
        _renew(net, graph), tuple(nodes), tuple(float(d) for d in dists), tuple(unreachable)
    )


#: Beyond this a straight-line distance in the local projection is no longer a distance on
#: the ground (the projection is exact only near the network), so it is not quoted.
MAX_QUOTED_M = 500_000.0


def _too_far(dist_m: float, max_m: float) -> str:
    """Why a point is not joined, quoting the distance only where it is meaningful."""
    if dist_m > MAX_QUOTED_M:
        return (
            f"outside the network's region (more than {MAX_QUOTED_M / 1000:,.0f} km from the "
            "nearest road); check the coordinates (lat, lon in degrees)"
        )
    return (
        f"{dist_m / 1000:.1f} km from the nearest road, beyond the maximum connector "
        f"length of {max_m / 1000:.1f} km"
    )


def _split_at_points(
    graph: nx.MultiDiGraph[Any],
    groups: list[list[EdgeKey]],
    lines: list[LineString],
    by_piece: dict[int, list[tuple[float, int]]],
    snap_node: dict[int, int],
    next_id: int,
) -> int:
    """Split each road piece at its points (sorted along it); fill `snap_node`; next free id."""
    for gi, items in by_piece.items():
        group, length = groups[gi], lines[gi].length
        u, v, _ = group[0]
        new_fracs: list[float] = []
        new_ids: list[int] = []
        for frac, i in sorted(items):
            if frac * length < SAME_POINT_M:
                snap_node[i] = u
            elif (1 - frac) * length < SAME_POINT_M:
                snap_node[i] = v
            elif new_fracs and (frac - new_fracs[-1]) * length < SAME_POINT_M:
                snap_node[i] = new_ids[-1]
            else:
                new_fracs.append(frac)
                new_ids.append(next_id)
                snap_node[i] = next_id
                next_id += 1
        if new_ids:
            _split_piece(graph, group, np.asarray(lines[gi].coords), new_fracs, new_ids)
    return next_id


def _on_existing_nodes(
    graph: nx.MultiDiGraph[Any], proj: LocalProjection, lonlat: Any
) -> dict[int, int]:
    """Points lying on an existing node (e.g. an earlier snapped point) reuse that node."""
    ids = list(graph.nodes)
    xy = proj.forward(np.array([[graph.nodes[n]["x"], graph.nodes[n]["y"]] for n in ids]))
    dist, idx = cKDTree(xy).query(proj.forward(lonlat))
    return {
        i: int(ids[j]) for i, (d, j) in enumerate(zip(dist, idx, strict=True)) if d < SAME_POINT_M
    }


def _add_connectors(
    graph: nx.MultiDiGraph[Any],
    points: Sequence[tuple[float, float]],
    snap_node: dict[int, int],
    dists: Any,
    circuity: float,
    next_id: int,
) -> list[int | None]:
    """Add a point node and a connector pair for each snapped point off the road."""
    nodes: list[int | None] = [None] * len(points)
    for i, s in snap_node.items():
        if dists[i] < SAME_POINT_M:
            nodes[i] = s
            continue
        lat, lon = points[i]
        graph.add_node(next_id, x=float(lon), y=float(lat))
        road = (graph.nodes[s]["x"], graph.nodes[s]["y"])
        attrs = _connector_attrs([(lon, lat), road], float(dists[i]), circuity)
        graph.add_edge(next_id, s, **attrs)
        back = dict(attrs, geometry=LineString([road, (lon, lat)]))
        graph.add_edge(s, next_id, **back)
        nodes[i] = next_id
        next_id += 1
    return nodes


def _renew(net: RoadNetwork, graph: nx.MultiDiGraph[Any]) -> RoadNetwork:
    return RoadNetwork(graph=graph, repairs=net.repairs, source=net.source, places=net.places)
