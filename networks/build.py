"""Ways → repaired, simplified osmnx-schema MultiDiGraph (without costs; see `attributes`)."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from typing import Any

import networkx as nx
import numpy as np
from scipy.spatial import cKDTree
from shapely.geometry import LineString

from networks.geometry import LocalProjection, haversine_m, line_length_m
from networks.model import RepairReport
from networks.osm_io import Way
from networks.tables import Patch

log = logging.getLogger(__name__)

PATCH_SNAP_M = 2_000.0  # a patch end must lie this close to an existing vertex
MERGE_KEYS = ("highway", "ref", "name", "surface_tag", "added", "oneway")

Key = tuple[float, float]


def _key(pt: tuple[float, float]) -> Key:
    return (round(pt[0], 7), round(pt[1], 7))


def join_dangling_endpoints(ways: list[Way], tolerance_m: float) -> tuple[list[Way], int]:
    """Extend way ends that miss a junction to the nearest vertex of another way.

    Returns the new ways and how many endpoints were joined.
    """
    counts: Counter[Key] = Counter(_key(p) for w in ways for p in w.coords)
    pts, owner = [], []
    for i, w in enumerate(ways):
        for p in w.coords:
            pts.append(p)
            owner.append(i)
    if not pts:
        return ways, 0
    arr = np.asarray(pts)
    proj = LocalProjection(float(arr[:, 1].mean()))
    tree = cKDTree(proj.forward(arr))
    owners = np.asarray(owner)
    new = list(ways)
    joined = 0
    for i in range(len(ways)):
        coords = list(new[i].coords)
        for end in (0, -1):
            if counts[_key(coords[end])] > 1:
                continue
            xy = proj.forward(np.asarray(coords[end]))
            idx = tree.query_ball_point(xy, tolerance_m)
            cand = [j for j in idx if owners[j] != i]
            if not cand:
                continue
            best = min(cand, key=lambda j: float(np.hypot(*(tree.data[j] - xy))))
            target = (float(arr[best, 0]), float(arr[best, 1]))
            if end == 0:
                coords.insert(0, target)
            else:
                coords.append(target)
            counts[_key(target)] += 1
            joined += 1
        new[i] = Way(**{**new[i].__dict__, "coords": tuple(coords)})
    return new, joined


def _edge_attrs(way: Way, coords: list[tuple[float, float]]) -> dict[str, Any]:
    return {
        "osm_id": way.osm_id,
        "highway": way.highway,
        "ref": way.ref,
        "name": way.name,
        "surface_tag": way.surface_tag,
        "oneway": way.oneway,
        "added": False,
        "connector": False,
        "length_m": line_length_m(coords),
        "geometry": LineString(coords),
    }


def _add_both(graph: nx.MultiDiGraph[Any], u: int, v: int, attrs: dict[str, Any]) -> None:
    graph.add_edge(u, v, **attrs)
    if not attrs["oneway"]:
        back = dict(attrs)
        back["geometry"] = LineString(list(attrs["geometry"].coords)[::-1])
        graph.add_edge(v, u, **back)


def ways_to_graph(ways: Sequence[Way]) -> nx.MultiDiGraph[Any]:
    """Split ways at shared vertices (junctions) into a MultiDiGraph in the osmnx schema."""
    counts: Counter[Key] = Counter(_key(p) for w in ways for p in w.coords)
    ids: dict[Key, int] = {}
    graph: nx.MultiDiGraph[Any] = nx.MultiDiGraph(crs="EPSG:4326")

    def node(pt: tuple[float, float]) -> int:
        k = _key(pt)
        if k not in ids:
            ids[k] = len(ids)
            graph.add_node(ids[k], x=k[0], y=k[1])
        return ids[k]

    for way in ways:
        start = 0
        coords = list(way.coords)
        for i in range(1, len(coords)):
            if i < len(coords) - 1 and counts[_key(coords[i])] < 2:
                continue
            piece = coords[start : i + 1]
            start = i
            u, v = node(piece[0]), node(piece[-1])
            if u == v:
                continue  # a ring closing on itself adds nothing to routing
            _add_both(graph, u, v, _edge_attrs(way, piece))
    return graph


def add_patches(
    graph: nx.MultiDiGraph[Any], patches: Sequence[Patch]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Add each patch link between the vertices nearest its ends; return (added, skipped)."""
    if graph.number_of_nodes() == 0:
        return (), tuple(f"{p.name}: the network is empty" for p in patches)
    nodes = list(graph.nodes)
    xs = np.array([graph.nodes[n]["x"] for n in nodes])
    ys = np.array([graph.nodes[n]["y"] for n in nodes])
    added, skipped = [], []
    for p in patches:
        ends = []
        for lat, lon in ((p.from_lat, p.from_lon), (p.to_lat, p.to_lon)):
            d = haversine_m(xs, ys, lon, lat)
            i = int(np.argmin(d))
            ends.append((nodes[i], float(d[i])))
        far = max(e[1] for e in ends)
        if far > PATCH_SNAP_M:
            skipped.append(f"{p.name}: an end lies {far / 1000:.1f} km from the network")
            continue
        (u, _), (v, _) = ends
        coords = [
            (xs[nodes.index(u)], ys[nodes.index(u)]),
            (xs[nodes.index(v)], ys[nodes.index(v)]),
        ]
        way = Way(coords=tuple(coords), osm_id=-1, highway=p.highway, ref=p.ref, name=p.name)
        attrs = _edge_attrs(way, coords)
        attrs.update(
            added=True,
            surface_patch=p.surface,
            length_m=attrs["length_m"] * p.circuity,
            patch_source=p.source,
        )
        _add_both(graph, u, v, attrs)
        added.append(f"{p.name} (ref {p.ref}, {attrs['length_m'] / 1000:.1f} km; {p.source})")
    return tuple(added), tuple(skipped)


def keep_largest_scc(graph: nx.MultiDiGraph[Any]) -> tuple[int, int, float]:
    """Remove everything outside the largest strongly connected component, in place.

    Returns the dropped node count, edge count and km (one direction per two-way road).
    """
    if graph.number_of_nodes() == 0:
        return 0, 0, 0.0
    keep = max(nx.strongly_connected_components(graph), key=len)
    drop = [n for n in graph.nodes if n not in keep]
    edges = [(u, v, d) for u, v, d in graph.edges(data=True) if u not in keep or v not in keep]
    km = sum(d["length_m"] for u, v, d in edges if d["oneway"] or u < v) / 1000
    graph.remove_nodes_from(drop)
    return len(drop), len(edges), km


def _concat(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    out = dict(first)
    coords = list(first["geometry"].coords) + list(second["geometry"].coords)[1:]
    out["geometry"] = LineString(coords)
    out["length_m"] = first["length_m"] + second["length_m"]
    ids = [first["osm_id"]] if not isinstance(first["osm_id"], list) else list(first["osm_id"])
    for i in second["osm_id"] if isinstance(second["osm_id"], list) else [second["osm_id"]]:
        if i not in ids:
            ids.append(i)
    out["osm_id"] = ids[0] if len(ids) == 1 else ids
    return out


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return all(a.get(k) == b.get(k) for k in MERGE_KEYS)


def _chain(graph: nx.MultiDiGraph[Any], n: int) -> tuple[int, int] | None:
    """(a, b) if `n` is an interstitial node of a simple chain a - n - b, else None."""
    preds, succs = list(graph.predecessors(n)), list(graph.successors(n))
    if n in preds or len(set(preds) | set(succs)) != 2:
        return None
    ins, outs = graph.in_degree(n), graph.out_degree(n)
    if ins == outs == 1 and preds[0] != succs[0]:
        a, b = preds[0], succs[0]
        ok = _same(graph.edges[a, n, 0], graph.edges[n, b, 0])
        return (a, b) if ok else None
    if ins == outs == 2 and set(preds) == set(succs) and len(set(preds)) == 2:
        a, b = sorted(set(preds))
        datas = [
            graph.edges[a, n, 0],
            graph.edges[n, b, 0],
            graph.edges[b, n, 0],
            graph.edges[n, a, 0],
        ]
        if all(_same(datas[0], d) for d in datas[1:]):
            return a, b
    return None


def merge_degree2_chains(graph: nx.MultiDiGraph[Any]) -> int:
    """Merge chains through degree-2 nodes into single edges, in place; return nodes removed.

    Geometry is concatenated and lengths are summed; only edges with the same tags merge, so
    a change of ref or surface keeps its junction.
    """
    removed = 0
    for n in list(graph.nodes):
        pair = _chain(graph, n)
        if pair is None:
            continue
        a, b = pair
        if graph.has_edge(a, n) and graph.has_edge(n, b):
            graph.add_edge(a, b, **_concat(graph.edges[a, n, 0], graph.edges[n, b, 0]))
        if graph.has_edge(b, n) and graph.has_edge(n, a):
            graph.add_edge(b, a, **_concat(graph.edges[b, n, 0], graph.edges[n, a, 0]))
        graph.remove_node(n)
        removed += 1
    return removed


def build_graph(
    ways: Sequence[Way], patches: Sequence[Patch], *, join_tolerance_m: float
) -> tuple[nx.MultiDiGraph[Any], RepairReport]:
    """The full repair pipeline: join endpoints, split, patch, largest SCC, merge chains.

    Returns the graph and the report of what the repairs changed.
    """
    joined_ways, joined = join_dangling_endpoints(list(ways), join_tolerance_m)
    graph = ways_to_graph(joined_ways)
    added, skipped = add_patches(graph, patches)
    dropped_nodes, dropped_edges, dropped_km = keep_largest_scc(graph)
    merged = merge_degree2_chains(graph)
    graph = nx.convert_node_labels_to_integers(graph, ordering="sorted")  # type: ignore[assignment]
    graph.graph["crs"] = "EPSG:4326"
    repairs = RepairReport(
        endpoints_joined=joined,
        join_tolerance_m=join_tolerance_m,
        patches_added=added,
        patches_skipped=skipped,
        dropped_nodes=dropped_nodes,
        dropped_edges=dropped_edges,
        dropped_km=dropped_km,
        nodes_merged=merged,
    )
    log.info("built graph: %d nodes, %d edges; %s", len(graph), graph.number_of_edges(), repairs)
    return graph, repairs
