"""Point-to-point routes with geometry and the route refs used, for maps and the CLI."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from networks.exceptions import SnappingError, UnreachableError
from networks.matrix import EdgeCost, accumulate_along_trees, graph_arrays, shortest_trees
from networks.model import RoadNetwork, Season, VehicleClass, parse_season, parse_vehicle
from networks.places import check_in_region, find_place, parse_latlon
from networks.snapping import snap_points

PointSpec = str | tuple[float, float]


@dataclass(frozen=True)
class Route:
    """A shortest route between two points.

    Attributes
    ----------
    origin, destination
        Labels (place names or coordinates as given).
    distance_m, duration_s, cost_lak
        Totals along the route (cost only when an ``edge_cost`` was given).
    refs
        Route refs used, in order, consecutive repeats removed (e.g. ``("16", "20")``).
    coords
        (lon, lat) vertices following the edge geometries, for maps.
    connector_m
        Connector lengths at the origin and destination (0 when on a road).
    """

    origin: str
    destination: str
    season: Season
    vehicle: VehicleClass
    distance_m: float
    duration_s: float
    cost_lak: float | None
    refs: tuple[str, ...]
    coords: tuple[tuple[float, float], ...]
    connector_m: tuple[float, float] = (0.0, 0.0)


def network_bbox(net: RoadNetwork) -> tuple[float, float, float, float]:
    """(W, S, E, N) of the network's nodes."""
    xs = [d["x"] for _, d in net.graph.nodes(data=True)]
    ys = [d["y"] for _, d in net.graph.nodes(data=True)]
    return min(xs), min(ys), max(xs), max(ys)


def resolve_point(net: RoadNetwork, spec: PointSpec) -> tuple[float, float, str]:
    """A place name, ``"lat,lon"`` text or a (lat, lon) pair → (lat, lon, label).

    Raises UnknownPlaceError (with the closest names) or OutOfRegionError.
    """
    if isinstance(spec, tuple):
        lat, lon = float(spec[0]), float(spec[1])
        label = f"{lat:.5f},{lon:.5f}"
    else:
        pair = parse_latlon(spec)
        if pair is None:
            place = find_place(net.places, spec)
            lat, lon, label = place.lat, place.lon, place.name
        else:
            (lat, lon), label = pair, spec.strip()
    check_in_region(lat, lon, network_bbox(net), label)
    return lat, lon, label


def _dedupe_refs(refs: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for ref in refs:
        if ref and (not out or out[-1] != ref):
            out.append(ref)
    return tuple(out)


def route(
    net: RoadNetwork,
    origin: PointSpec,
    destination: PointSpec,
    *,
    season: Season | str,
    vehicle: VehicleClass | str,
    edge_cost: EdgeCost | None = None,
) -> Route:
    """The fastest (or, with `edge_cost`, cheapest) route between two points.

    `origin` and `destination` are place names (case-insensitive), ``"lat,lon"`` text or
    (lat, lon) pairs; points off the roads are joined by connectors.

    Raises
    ------
    UnknownPlaceError, OutOfRegionError
        For a name or coordinates that cannot be used.
    SnappingError
        If a point is beyond the maximum connector length.
    UnreachableError
        If no passable path exists for this season and vehicle class.
    """
    season, vehicle = parse_season(season), parse_vehicle(vehicle)
    a, b = resolve_point(net, origin), resolve_point(net, destination)
    if (a[0], a[1]) == (b[0], b[1]):  # the same point: no journey, whatever the snapping
        cost = 0.0 if edge_cost is not None else None
        return Route(a[2], b[2], season, vehicle, 0.0, 0.0, cost, (), ((a[1], a[0]),))
    snap = snap_points(net, [(a[0], a[1]), (b[0], b[1])])
    for bad in snap.unreachable:
        label = (a, b)[bad.index][2]
        msg = f"Cannot join {label} to the road network: {bad.reason}"
        raise SnappingError(msg)
    snapped = snap.network
    u, v = snap.nodes
    assert u is not None and v is not None  # all points were reachable
    arrays = graph_arrays(snapped, season, vehicle, edge_cost)
    weights, pred = shortest_trees(arrays, [u])
    target = arrays.index[v]
    if np.isinf(weights[0, target]):
        msg = (
            f"No passable route from {a[2]} to {b[2]} for a {vehicle.value} in the "
            f"{season.value} season (impassable roads are left out)"
        )
        raise UnreachableError(msg)
    path = [target]
    while path[-1] != arrays.index[u]:
        path.append(int(pred[0, path[-1]]))
    path.reverse()
    values = [arrays.length_m, arrays.duration_s]
    if arrays.cost_lak is not None:
        values.append(arrays.cost_lak)
    totals = [float(x[0, target]) for x in accumulate_along_trees(arrays, pred, values)]
    n = len(arrays.node_ids)
    coords: list[tuple[float, float]] = []
    refs: list[str] = []
    for x, y in itertools.pairwise(path):
        key = arrays.keys[int(np.searchsorted(arrays.codes, x * n + y))]
        data = snapped.graph.edges[key]
        pts = [(float(p[0]), float(p[1])) for p in data["geometry"].coords]
        coords.extend(pts if not coords else pts[1:])
        refs.append(str(data["ref"]))
    conn = snap.distance_m
    return Route(
        origin=a[2],
        destination=b[2],
        season=season,
        vehicle=vehicle,
        distance_m=totals[0],
        duration_s=totals[1],
        cost_lak=totals[2] if len(totals) > 2 else None,
        refs=_dedupe_refs(refs),
        coords=tuple(coords),
        connector_m=(float(conn[0]), float(conn[1])),
    )
