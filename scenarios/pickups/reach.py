"""Far pickups: points outside the study area or joined to the roads by a long off-road leg.

A pickup is snapped to the nearest road by a ``connector`` (straight line x circuity, see
``data/network_defaults.toml``) of up to 30 km; beyond that it is dropped with the reason. A
point within that reach is routed, however far it lies from the coffee districts: a typo in a
latitude (200 km north, near the Vientiane roads) would be planned silently. So every pickup
outside the study area, or with a connector longer than :data:`FAR_CONNECTOR_M`, gets a warning
naming it and its connector length, and the plan shows the connector length of such villages.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import networks
from scenarios.pickups.io import PickupRecord

__all__ = ["FAR_CONNECTOR_M", "STUDY_AREA", "connector_lengths", "far_warnings", "outside_km"]

#: W, S, E, N of the southern-Laos study area, degrees (the target bbox, data/osm/SOURCE.md).
STUDY_AREA = (105.4, 14.3, 107.2, 16.7)

#: Connectors longer than this draw a warning. Measured on the embedded network (2026-11-30):
#: the sample week's villages lie at most 15.0 km (straight line) from a road, 19.6 km as a
#: connector; half of the 778 coffee villages of data/supply_villages.csv lie within 3.9 km.
#: 20 km is just above the sample's longest connector: the cost of a longer off-road leg rests
#: on an assumed track (surface and circuity are estimates), so the user should check it.
FAR_CONNECTOR_M = 20_000.0

_KM_PER_DEG_LAT = 111.32


def outside_km(
    lat: float, lon: float, area: tuple[float, float, float, float] = STUDY_AREA
) -> float:
    """Distance (km, equirectangular) from the point to the study area's box; 0 inside."""
    west, south, east, north = area
    dlat = max(south - lat, 0.0, lat - north)
    dlon = max(west - lon, 0.0, lon - east)
    km_per_deg_lon = _KM_PER_DEG_LAT * math.cos(math.radians(min(abs(lat), 89.0)))
    return math.hypot(dlat * _KM_PER_DEG_LAT, dlon * km_per_deg_lon)


def connector_lengths(snap: networks.SnapResult) -> list[float]:
    """Length (m) of the connector joining each snapped point to the road; 0 on a road.

    ``nan`` for a point that could not be snapped (it is dropped with the snapping reason).
    """
    graph = snap.network.graph
    lengths = []
    for node in snap.nodes:
        if node is None:
            lengths.append(math.nan)
            continue
        found = [
            float(d["length_m"])
            for _, _, d in graph.out_edges(node, data=True)
            if d.get("connector")
        ]
        lengths.append(max(found, default=0.0))
    return lengths


def far_warnings(
    records: Sequence[PickupRecord],
    connector_m: Sequence[float],
    *,
    threshold_m: float = FAR_CONNECTOR_M,
) -> list[str]:
    """One warning per pickup outside the study area or with a connector above ``threshold_m``."""
    warnings = []
    for record, length in zip(records, connector_m, strict=True):
        if math.isnan(length):
            continue  # not snapped: dropped with the snapping reason
        away = outside_km(record.lat, record.lon)
        if away <= 0.0 and length <= threshold_m:
            continue
        where = (
            f"{away:,.0f} km outside the study area ({_area_text()})"
            if away > 0.0
            else "inside the study area"
        )
        warnings.append(
            f"pickup {record.id} ({record.name or 'no name'}, row {record.row}) at "
            f"{record.lat:.4f}, {record.lon:.4f} is {where} and joined to the road network by a "
            f"{length / 1000.0:,.1f} km off-road connector (warning above "
            f"{threshold_m / 1000.0:g} km); check its coordinates or village code"
        )
    return warnings


def _area_text() -> str:
    west, south, east, north = STUDY_AREA
    return f"{west:g}-{east:g} E, {south:g}-{north:g} N"
