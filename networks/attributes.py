"""Edge attributes the costs depend on: surface (with its source), roughness, seasonal speeds."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Sequence
from typing import Any

import networkx as nx
import numpy as np

from networks.geometry import haversine_m
from networks.model import Season, VehicleClass, duration_attr, passable_attr, speed_attr
from networks.tables import NetworkDefaults, RoadCondition

log = logging.getLogger(__name__)

# OSM surface tag → our three surface classes; tags not listed (wood, metal: bridges) say
# nothing about the road and fall through to the condition table / class default.
OSM_SURFACES = {
    "paved": "paved", "asphalt": "paved", "concrete": "paved", "chipseal": "paved",
    "paving_stones": "paved", "sett": "paved",
    "unpaved": "gravel", "gravel": "gravel", "fine_gravel": "gravel", "compacted": "gravel",
    "pebblestone": "gravel",
    "dirt": "earth", "earth": "earth", "ground": "earth", "mud": "earth", "sand": "earth",
    "grass": "earth",
}  # fmt: skip


def _refs(value: str) -> set[str]:
    return {r.strip() for r in value.split(";") if r.strip()}


def _nearest_node(graph: nx.MultiDiGraph[Any], lat: float, lon: float) -> int:
    nodes = list(graph.nodes)
    xs = np.array([graph.nodes[n]["x"] for n in nodes])
    ys = np.array([graph.nodes[n]["y"] for n in nodes])
    return int(nodes[int(np.argmin(haversine_m(xs, ys, lon, lat)))])


def _section_edges(
    graph: nx.MultiDiGraph[Any], cond: RoadCondition, places: dict[str, tuple[float, float]]
) -> list[tuple[int, int, int]]:
    """Edges of `cond.ref`, restricted to the path between its section ends when given."""
    on_ref = [
        (u, v, k) for u, v, k, d in graph.edges(keys=True, data=True) if cond.ref in _refs(d["ref"])
    ]
    if not on_ref or not (cond.section_from and cond.section_to):
        return on_ref
    ends = [places.get(cond.section_from.lower()), places.get(cond.section_to.lower())]
    if None in ends:
        log.warning("road condition %s: unknown section place; applied to the whole ref", cond.ref)
        return on_ref
    sub = graph.edge_subgraph(on_ref)  # type: ignore[arg-type]
    (lat1, lon1), (lat2, lon2) = ends  # type: ignore[misc]
    a, b = _nearest_node(sub, lat1, lon1), _nearest_node(sub, lat2, lon2)
    try:
        path = nx.shortest_path(graph.to_undirected(as_view=True), a, b, weight="length_m")
    except nx.NetworkXNoPath:
        return on_ref
    pairs = set(itertools.pairwise(path)) | set(zip(path[1:], path[:-1], strict=True))
    return [e for e in on_ref if (e[0], e[1]) in pairs]


def assign_surfaces(
    graph: nx.MultiDiGraph[Any],
    conditions: Sequence[RoadCondition],
    defaults: NetworkDefaults,
    places: dict[str, tuple[float, float]],
) -> None:
    """Set ``surface``, ``surface_source`` and ``iri_m_per_km`` on every edge, in place.

    Precedence: the OSM surface tag, then ``data/road_conditions.csv``, then the class default.
    Roughness comes from the condition table where it gives one, else the surface default.
    """
    known: dict[tuple[int, int, int], RoadCondition] = {}
    for row in conditions:
        for e in _section_edges(graph, row, places):
            known.setdefault(e, row)
    for u, v, k, d in graph.edges(keys=True, data=True):
        if d.get("connector"):
            continue
        cond = known.get((u, v, k))
        tagged = OSM_SURFACES.get(str(d.get("surface_tag", "")).lower())
        if tagged:
            d["surface"], d["surface_source"] = tagged, "osm"
        elif cond is not None:
            d["surface"], d["surface_source"] = cond.surface, "condition table"
        elif d.get("surface_patch"):
            d["surface"], d["surface_source"] = d["surface_patch"], "patch table"
        else:
            d["surface"] = defaults.surface_for_class(d["highway"])
            d["surface_source"] = "class default"
        same = cond is not None and cond.surface == d["surface"] and cond.iri_m_per_km is not None
        d["iri_m_per_km"] = cond.iri_m_per_km if same else defaults.iri_m_per_km[d["surface"]]  # type: ignore[union-attr]
        d["condition"] = cond.condition if cond is not None else ""


def _length_ok(
    data: dict[str, Any], defaults: NetworkDefaults, season: Season, vehicle: VehicleClass
) -> bool:
    """Length rules: unpaved village tracks by distance to the road, heavy trucks on earth."""
    if data["surface"] == "paved":
        return True
    if data.get("connector"):
        straight_m = float(data.get("straight_m", data["length_m"]))
        return defaults.track_passable(straight_m, season, vehicle)
    if vehicle is VehicleClass.HEAVY_TRUCK and data["surface"] == "earth":
        return float(data["length_m"]) <= defaults.heavy_earth_road_max_m
    return True


def edge_speeds(data: dict[str, Any], defaults: NetworkDefaults) -> None:
    """(Re)compute speed, duration and passability for every season and class on one edge.

    Unpaved village tracks (``connector`` edges, by their ``straight_m`` distance to the road)
    and long earth roads (for heavy trucks) follow the length rules of ``[connector_access]``.
    Honours the edit attributes ``speed_factor`` (multiplies speeds), ``wet_passable``
    (overrides wet-season passability for all classes) and ``closed`` (nothing passes).
    """
    factor = float(data.get("speed_factor", 1.0))
    for season in Season:
        for vehicle in VehicleClass:
            speed = defaults.speed_kph[data["surface"], season, vehicle] * factor
            ok = defaults.passable[data["surface"], season, vehicle] and _length_ok(
                data, defaults, season, vehicle
            )
            if season is Season.WET and data.get("wet_passable") is not None:
                ok = bool(data["wet_passable"])
            if data.get("closed"):
                ok = False
            data[speed_attr(season, vehicle)] = speed
            data[duration_attr(season, vehicle)] = data["length_m"] / (speed / 3.6)
            data[passable_attr(season, vehicle)] = ok


def assign_speeds(graph: nx.MultiDiGraph[Any], defaults: NetworkDefaults) -> None:
    """Apply `edge_speeds` to every edge, in place."""
    for _, _, d in graph.edges(data=True):
        edge_speeds(d, defaults)
