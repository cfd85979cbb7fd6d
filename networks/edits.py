"""Scenario edits: select road sections, upgrade, close or add links → new networks.

Every edit returns a new `RoadNetwork` (the input is untouched) with speeds, durations and
passability recomputed and no cached matrices. Edited edges record ``surface_source = "edit"``
when their surface changes.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import Any

import networkx as nx
import numpy as np
from shapely.geometry import LineString, box

from networks.attributes import edge_speeds
from networks.exceptions import EdgeSelectionError, NetworkInputError
from networks.geometry import haversine_m
from networks.model import RoadNetwork
from networks.paths import PointSpec, resolve_point
from networks.snapping import snap_points
from networks.tables import SURFACES, default_tables

EdgeKey = tuple[int, int, int]


def _refs(value: object) -> set[str]:
    return {r.strip() for r in str(value or "").split(";") if r.strip()}


def _ids(value: object) -> set[int]:
    return {int(v) for v in value} if isinstance(value, list | tuple) else {int(value)}  # type: ignore[call-overload]


def _nearest(graph: nx.MultiDiGraph[Any], lat: float, lon: float) -> int:
    nodes = list(graph.nodes)
    xs = np.array([graph.nodes[n]["x"] for n in nodes])
    ys = np.array([graph.nodes[n]["y"] for n in nodes])
    return int(nodes[int(np.argmin(haversine_m(xs, ys, lon, lat)))])


def _section(
    net: RoadNetwork, keys: list[EdgeKey], between: tuple[PointSpec, PointSpec]
) -> list[EdgeKey]:
    # The path runs over all roads (a route's ref can have gaps in OSM, e.g. Route 16 in
    # Pakse); the section is the part of that path carried by the selected edges.
    sub = net.graph.edge_subgraph(keys)  # type: ignore[arg-type]
    (lat1, lon1, l1), (lat2, lon2, l2) = (resolve_point(net, p) for p in between)
    a, b = _nearest(sub, lat1, lon1), _nearest(sub, lat2, lon2)
    try:
        path = nx.shortest_path(net.graph.to_undirected(as_view=True), a, b, weight="length_m")
    except nx.NetworkXNoPath:
        msg = f"No road joins {l1} and {l2}"
        raise EdgeSelectionError(msg) from None
    hops = set(itertools.pairwise(path))
    hops |= {(v, u) for u, v in hops}
    section = [k for k in keys if (k[0], k[1]) in hops]
    if not section:
        msg = f"None of the selected roads lies on the path between {l1} and {l2}"
        raise EdgeSelectionError(msg)
    return section


def select_edges(
    net: RoadNetwork,
    *,
    ref: str | None = None,
    between: tuple[PointSpec, PointSpec] | None = None,
    osm_ids: Iterable[int] | None = None,
    bbox: tuple[float, float, float, float] | None = None,
) -> tuple[EdgeKey, ...]:
    """Edge keys matching all the given selectors (both directions of two-way roads).

    Parameters
    ----------
    ref
        Route ref, e.g. ``"16"`` (also matches ``"16;13S"``).
    between
        Two place names or (lat, lon) pairs: the section (of `ref`, if given) between the nodes
        nearest to them, along the shortest path by length.
    osm_ids
        OSM way ids.
    bbox
        (W, S, E, N) degrees: edges whose geometry intersects it.

    Raises
    ------
    EdgeSelectionError
        Naming the selector that matched nothing.
    """
    keys = [k for k in net.graph.edges(keys=True) if not net.graph.edges[k].get("connector")]
    if ref is not None:
        keys = [k for k in keys if ref in _refs(net.graph.edges[k].get("ref"))]
        if not keys:
            msg = f"No road has ref {ref!r}"
            raise EdgeSelectionError(msg)
    if osm_ids is not None:
        wanted = {int(i) for i in osm_ids}
        keys = [k for k in keys if _ids(net.graph.edges[k].get("osm_id", -1)) & wanted]
        if not keys:
            msg = f"No road matches OSM way ids {sorted(wanted)[:10]}"
            raise EdgeSelectionError(msg)
    if bbox is not None:
        area = box(*bbox)
        keys = [k for k in keys if net.graph.edges[k]["geometry"].intersects(area)]
        if not keys:
            msg = f"No road intersects bbox {bbox}"
            raise EdgeSelectionError(msg)
    if between is not None:
        keys = _section(net, keys, between)
    if not keys:
        msg = "The edge selection matched no road"
        raise EdgeSelectionError(msg)
    return tuple(keys)


def _copy(net: RoadNetwork, graph: nx.MultiDiGraph[Any]) -> RoadNetwork:
    return RoadNetwork(graph=graph, repairs=net.repairs, source=net.source, places=net.places)


def _checked(net: RoadNetwork, edges: Sequence[EdgeKey]) -> None:
    missing = [e for e in edges if not net.graph.has_edge(*e)]
    if missing or not edges:
        msg = f"Expected edge keys (u, v, key) of this network; got unknown {missing[:5] or 'none'}"
        raise EdgeSelectionError(msg)


def upgrade_edges(
    net: RoadNetwork,
    edges: Sequence[EdgeKey],
    *,
    surface: str | None = None,
    iri_m_per_km: float | None = None,
    speed_factor: float | None = None,
    wet_passable: bool | None = None,
) -> RoadNetwork:
    """A new network with the given edges resurfaced / smoothed / sped up / made all-weather.

    A new `surface` without an `iri_m_per_km` takes that surface's default roughness.
    """
    _checked(net, edges)
    if surface is not None and surface not in SURFACES:
        msg = f"Expected surface in {SURFACES}; got {surface!r}"
        raise NetworkInputError(msg)
    if iri_m_per_km is not None and not iri_m_per_km > 0:
        msg = f"Expected iri_m_per_km > 0; got {iri_m_per_km}"
        raise NetworkInputError(msg)
    if speed_factor is not None and not speed_factor > 0:
        msg = f"Expected speed_factor > 0; got {speed_factor}"
        raise NetworkInputError(msg)
    tables = default_tables()
    graph = net.graph.copy()
    for e in edges:
        d = graph.edges[e]
        if surface is not None:
            d["surface"], d["surface_source"] = surface, "edit"
            d["iri_m_per_km"] = tables.iri_m_per_km[surface]
        if iri_m_per_km is not None:
            d["iri_m_per_km"] = float(iri_m_per_km)
        if speed_factor is not None:
            d["speed_factor"] = float(speed_factor)
        if wet_passable is not None:
            d["wet_passable"] = bool(wet_passable)
        edge_speeds(d, tables)
    return _copy(net, graph)


def close_edges(net: RoadNetwork, edges: Sequence[EdgeKey]) -> RoadNetwork:
    """A new network where the given edges are impassable in every season for every class."""
    _checked(net, edges)
    graph = net.graph.copy()
    for e in edges:
        graph.edges[e]["closed"] = True
        edge_speeds(graph.edges[e], default_tables())
    return _copy(net, graph)


def add_link(
    net: RoadNetwork,
    a: PointSpec,
    b: PointSpec,
    *,
    surface: str,
    ref: str,
    circuity: float = 1.0,
    source: str,
    max_connector_m: float | None = None,
) -> RoadNetwork:
    """A new network with a two-way link between two points (snapped), flagged ``added``.

    Its length is the straight line × `circuity`; `source` says where the link comes from.
    Each end is joined to the nearest road by a ``connector`` of up to `max_connector_m`
    (straight line, m; default ``connector.max_connector_m`` of
    ``data/network_defaults.toml``), so a new road into unmapped country can reach a far end.

    Raises
    ------
    EdgeSelectionError
        When an end is farther than `max_connector_m` from every road.
    """
    if surface not in SURFACES:
        msg = f"Expected surface in {SURFACES}; got {surface!r}"
        raise NetworkInputError(msg)
    if not circuity >= 1.0:
        msg = f"Expected circuity >= 1; got {circuity}"
        raise NetworkInputError(msg)
    if max_connector_m is not None and not max_connector_m >= 0:
        msg = f"Expected max_connector_m >= 0; got {max_connector_m}"
        raise NetworkInputError(msg)
    pa, pb = resolve_point(net, a), resolve_point(net, b)
    snap = snap_points(net, [(pa[0], pa[1]), (pb[0], pb[1])], max_connector_m=max_connector_m)
    if snap.unreachable:
        far = snap.unreachable[0]
        label = pa[2] if far.index == 0 else pb[2]
        msg = f"Cannot add a link: cannot reach {label!r}: {far.reason}"
        raise EdgeSelectionError(msg)
    graph = snap.network.graph
    u, v = snap.nodes
    assert u is not None and v is not None
    pu = (graph.nodes[u]["x"], graph.nodes[u]["y"])
    pv = (graph.nodes[v]["x"], graph.nodes[v]["y"])
    length = float(haversine_m(pu[0], pu[1], pv[0], pv[1])) * circuity
    tables = default_tables()
    for x, y, geom in ((u, v, [pu, pv]), (v, u, [pv, pu])):
        attrs = {
            "osm_id": -1, "highway": "primary", "ref": ref, "name": "", "surface_tag": "",
            "oneway": False, "added": True, "connector": False, "length_m": length,
            "geometry": LineString(geom), "surface": surface, "surface_source": "edit",
            "iri_m_per_km": tables.iri_m_per_km[surface], "condition": "", "patch_source": source,
        }  # fmt: skip
        edge_speeds(attrs, tables)
        graph.add_edge(x, y, **attrs)
    return _copy(net, graph)
