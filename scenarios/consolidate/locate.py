"""Villages, hubs and gateways snapped onto the road network (the located network)."""

from __future__ import annotations

from networks import (
    OutOfRegionError,
    RoadNetwork,
    SnappingError,
    find_place,
    load_places,
    resolve_point,
    snap_points,
)
from scenarios.consolidate.records import Inputs, SnappedNetwork

__all__ = ["locate"]


def _point(net: RoadNetwork, lat: float, lon: float, label: str) -> tuple[float, float]:
    try:
        lat, lon, _ = resolve_point(net, (lat, lon))
    except OutOfRegionError as exc:
        msg = f"{label} is off the map: {exc}"
        raise OutOfRegionError(msg) from None
    return lat, lon


def locate(net: RoadNetwork, inputs: Inputs, max_connector_m: float) -> SnappedNetwork:
    """Snap villages, hubs and gateways; off-map or unconnectable points raise naming their id."""
    places = net.places or load_places()
    coords: dict[str, tuple[float, float]] = {}
    village_pts = []
    for v in inputs.villages:
        lat, lon = _point(net, v.lat, v.lon, f"supply point {v.id!r} ({v.name})")
        village_pts.append((lat, lon))
        coords[v.id] = (lon, lat)
    site_pts = []
    for hub in inputs.hubs:
        if hub.lat is not None and hub.lon is not None:
            lat, lon = hub.lat, hub.lon
        else:
            place = find_place(places, hub.place)
            lat, lon = place.lat, place.lon
        site_pts.append(_point(net, lat, lon, f"hub {hub.id!r}"))
        coords[hub.id] = (site_pts[-1][1], site_pts[-1][0])
    for gateway in inputs.gateways:
        place = find_place(places, gateway.place)
        site_pts.append(_point(net, place.lat, place.lon, f"gateway {gateway.id!r}"))
        coords[gateway.id] = (place.lon, place.lat)
    snap = snap_points(net, [*village_pts, *site_pts], max_connector_m=max_connector_m)
    ids = [v.id for v in inputs.villages] + [h.id for h in inputs.hubs]
    ids += [g.id for g in inputs.gateways]
    if snap.unreachable:
        names = ", ".join(f"{ids[u.index]!r} ({u.reason})" for u in snap.unreachable[:5])
        more = f" and {len(snap.unreachable) - 5} more" if len(snap.unreachable) > 5 else ""
        msg = f"points off the road network: {names}{more}."
        raise SnappingError(msg)
    nodes = [int(n) for n in snap.nodes if n is not None]
    n_v, n_h = len(inputs.villages), len(inputs.hubs)
    return SnappedNetwork(
        snap.network, nodes[:n_v], nodes[n_v : n_v + n_h], nodes[n_v + n_h :], coords
    )
