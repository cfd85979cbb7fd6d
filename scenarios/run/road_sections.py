"""The roads a scenario upgrades: their condition before and after, and coffee's use of them.

The all-traffic road appraisal (:mod:`scenarios.appraisal.all_traffic`) works on stored
results, without the network; this module records at run time what it needs, one entry per
upgraded road piece (an undirected network edge):

- ``ref``, ``highway``, ``length_km`` and the piece's midpoint (``lon``, ``lat``), by which the
  appraisal attaches the traffic counts of ``data/traffic.csv``;
- surface and roughness (IRI) before and after the works;
- hours per km by season and network vehicle class before and after (``None`` where the
  class cannot pass);
- ``coffee_passes``: one-way vehicle passes a year over the piece by the scenario's coffee
  flows (loaded trips plus the empty returns the consolidation model charges), by network
  vehicle class of the vehicle that drives the leg.

A flow uses a piece when the piece's midpoint lies on the flow's least-cost road path (the
path the consolidation priced, :class:`scenarios.consolidate.geometry.FlowPaths`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import shapely

from networks import Season, VehicleClass

if TYPE_CHECKING:
    from networks import RoadNetwork
    from scenarios.consolidate import ConsolidationRun
    from scenarios.spec import ScenarioSpec

__all__ = ["road_sections"]

_ON_PATH_DEG = 1e-6
"""A midpoint this close (degrees, ~0.1 m) to a path's line lies on it."""


def _hours_per_km(attrs: dict[str, Any]) -> dict[str, dict[str, float | None]]:
    out: dict[str, dict[str, float | None]] = {}
    for season in Season:
        out[str(season)] = {}
        for vehicle in VehicleClass:
            speed = float(attrs.get(f"speed_kph_{season}_{vehicle}", 0.0) or 0.0)
            passable = bool(attrs.get(f"passable_{season}_{vehicle}", speed > 0))
            out[str(season)][str(vehicle)] = 1.0 / speed if passable and speed > 0 else None
    return out


def _pieces(spec: ScenarioSpec, base: RoadNetwork, variant: RoadNetwork) -> list[dict[str, Any]]:
    from networks import select_edges

    pieces: list[dict[str, Any]] = []
    seen: set[tuple[frozenset[int], int]] = set()
    for i, upgrade in enumerate(spec.road_upgrade, start=1):
        keys = select_edges(
            variant,
            ref=upgrade.ref,
            between=upgrade.between,
            osm_ids=list(upgrade.osm_ids) if upgrade.osm_ids is not None else None,
            bbox=upgrade.bbox,
        )
        for u, v, k in keys:
            ident = (frozenset((u, v)), k)
            if ident in seen or not base.graph.has_edge(u, v, k):
                continue  # the other direction, or a new link (no "before")
            seen.add(ident)
            before, after = base.graph.edges[u, v, k], variant.graph.edges[u, v, k]
            mid = after["geometry"].interpolate(0.5, normalized=True)
            pieces.append(
                {
                    "upgrade": i,
                    "ref": str(after.get("ref") or ""),
                    "highway": str(after.get("highway") or ""),
                    "length_km": float(after["length_m"]) / 1000.0,
                    "lon": round(float(mid.x), 6),
                    "lat": round(float(mid.y), 6),
                    "surface_before": str(before["surface"]),
                    "surface_after": str(after["surface"]),
                    "iri_before": float(before["iri_m_per_km"]),
                    "iri_after": float(after["iri_m_per_km"]),
                    "hours_per_km_before": _hours_per_km(before),
                    "hours_per_km_after": _hours_per_km(after),
                }
            )
    return pieces


def _coffee_passes(run: ConsolidationRun, pieces: list[dict[str, Any]]) -> list[dict[str, float]]:
    """One-way coffee vehicle passes a year over each piece, by network vehicle class."""
    from scenarios.consolidate import FlowPaths, green_ratios

    tree = shapely.STRtree(shapely.points([(p["lon"], p["lat"]) for p in pieces]))
    passes = [dict.fromkeys((str(v) for v in VehicleClass), 0.0) for _ in pieces]
    paths = FlowPaths(run)
    ratios = dict(zip((v.id for v in run.inputs.villages), green_ratios(run.inputs), strict=True))
    params = run.inputs.params

    def add(kind: str, period: str, start: str, end: str, carried_t: float) -> None:
        legs = run.collection if kind == "collection" else run.trunk
        leg = legs[period]
        back = params.collection_empty_return if kind == "collection" else params.trunk_empty_return
        path = paths.path(kind, period, start, end)
        if path.kind != "road" or carried_t <= 0:
            return
        hits = tree.query(shapely.linestrings(path.coords), "dwithin", distance=_ON_PATH_DEG)
        vehicle = str(leg.profile.network_class)
        for index in np.unique(hits).tolist():
            passes[index][vehicle] += carried_t / leg.payload_t * (1.0 + back)

    for a in run.result.assignments:
        add("collection", a.period, a.supply_id, a.hub_id, a.green_kg / 1000 / ratios[a.supply_id])
    for f in run.result.flows:
        add("trunk", f.period, f.hub_id, f.gateway_id, f.green_kg / 1000)
    return passes


def road_sections(
    spec: ScenarioSpec, base: RoadNetwork, variant: RoadNetwork, run: ConsolidationRun
) -> list[dict[str, Any]]:
    """The upgraded road pieces of a scenario, JSON-ready (empty when it upgrades no road)."""
    if not spec.road_upgrade:
        return []
    pieces = _pieces(spec, base, variant)
    if not pieces:
        return []
    for piece, passes in zip(pieces, _coffee_passes(run, pieces), strict=True):
        piece["coffee_passes"] = {k: round(v, 3) for k, v in passes.items()}
    return pieces
