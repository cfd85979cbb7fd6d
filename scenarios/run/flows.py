"""Flow lines of a scenario result: collection and trunk flows drawn along the roads.

Each line follows the least-cost path of its leg's vehicle (the path the consolidation costs
were computed on, :class:`scenarios.consolidate.geometry.RoadPaths`), simplified to
``SIMPLIFY_DEG`` so that a batch of results stays small. A pair without a passable path is
drawn straight and says so (``geometry_kind = "straight"``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shapely

from scenarios.consolidate import FlowPaths

if TYPE_CHECKING:
    from scenarios.consolidate import ConsolidationRun

__all__ = ["SIMPLIFY_DEG", "flow_lines"]

SIMPLIFY_DEG = 0.001
"""Douglas-Peucker tolerance of stored flow lines, degrees (about 110 m): map detail only."""

_FlowKey = tuple[str, str, str, str]


def _line(paths: FlowPaths, kind: str, period: str, start: str, end: str) -> dict[str, Any]:
    """Simplified coordinates, ``geometry_kind`` and ``road_km`` of one flow line."""
    path = paths.path(kind, period, start, end)
    simple = shapely.simplify(shapely.linestrings(path.coords), SIMPLIFY_DEG)
    coords = [[round(x, 4), round(y, 4)] for x, y in shapely.get_coordinates(simple).tolist()]
    road_km = None if path.kind == "straight" else round(path.distance_m / 1000, 3)
    return {"geometry_kind": path.kind, "road_km": road_km, "coords": coords}


def _tonnes_by_period(run: ConsolidationRun) -> dict[_FlowKey, dict[str, float]]:
    lines: dict[_FlowKey, dict[str, float]] = {}
    for a in run.result.assignments:
        periods = lines.setdefault(("collection", a.supply_id, a.hub_id, ""), {})
        periods[a.period] = periods.get(a.period, 0.0) + a.green_kg / 1000.0
    for f in run.result.flows:
        periods = lines.setdefault(("trunk", f.hub_id, f.gateway_id, f.corridor_id), {})
        periods[f.period] = periods.get(f.period, 0.0) + f.green_kg / 1000.0
    return lines


def flow_lines(run: ConsolidationRun) -> list[dict[str, Any]]:
    """Collection (village → hub) and trunk (hub → gateway) flows of a run, along the roads.

    One line per (kind, from, to, corridor) with its tonnes summed over the periods; the line
    is the path of the period that carries most of them. ``road_km`` is the path length (km;
    None for a straight line).
    """
    paths = FlowPaths(run)
    coords = run.network.coords
    out = []
    for (kind, start, end, corridor), periods in sorted(_tonnes_by_period(run).items()):
        tonnes = sum(periods.values())
        if tonnes <= 0 or start not in coords or end not in coords:
            continue
        period = max(sorted(periods), key=lambda p: periods[p])
        out.append(
            {
                "kind": kind,
                "period": "year" if run.season == "year" else run.season,
                "from": start,
                "to": end,
                "corridor": corridor,
                "tonnes": tonnes,
                **_line(paths, kind, period, start, end),
            }
        )
    return out
