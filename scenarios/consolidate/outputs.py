"""Consolidation outputs: the JSON document, CSV tables and a GeoPackage of flows for QGIS."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import Point

from optimizer import CostBreakdown
from scenarios.consolidate.geometry import FlowPaths
from scenarios.consolidate.market_report import gateway_rows, market_route_rows
from scenarios.consolidate.money import money_views
from scenarios.consolidate.records import (
    WB2018_COST_AVERAGE_LAK_PER_TKM,
    WB2018_COST_LAK_PER_TKM,
    WB2018_COST_USD_PER_TKM,
    WB2018_PRICE_LAK_PER_TKM,
    ConsolidationRun,
)
from scenarios.consolidate.validation import access_dict, fidelity_rows


def _breakdown(per_t: CostBreakdown, divisor: float = 1.0) -> dict[str, float]:
    parts = {k: round(v / divisor, 2) for k, v in per_t.as_dict().items()}
    parts["total"] = round(per_t.total_lak / divisor, 2)
    return parts


def hub_rows(run: ConsolidationRun) -> list[dict[str, Any]]:
    """One row per hub: open or not, tonnes green received, capacity, utilisation."""
    rows = []
    for hub in run.inputs.hubs:
        tonnes = run.result.hub_kg(hub.id) / 1000
        rows.append(
            {
                "hub": hub.id,
                "name": hub.name,
                "open": hub.id in run.result.open_hubs,
                "tonnes": round(tonnes, 3),
                "capacity_t": hub.capacity_t,
                "utilisation": round(tonnes / hub.capacity_t, 4),
            }
        )
    return rows


def corridor_rows(run: ConsolidationRun) -> list[dict[str, Any]]:
    """Tonnes green per corridor (gateway → port), summed over hubs and seasons."""
    tonnes: dict[str, float] = defaultdict(float)
    for f in run.result.flows:
        tonnes[f.corridor_id] += f.green_kg / 1000
    specs = {c.id: c for c in run.inputs.corridors}
    return [
        {
            "corridor": cid,
            "gateway": specs[cid].gateway_id,
            "port": specs[cid].port,
            "tonnes": round(t, 3),
            "onward_km": specs[cid].road_km,
            "onward_km_min": specs[cid].km_min,
            "onward_km_max": specs[cid].km_max,
        }
        for cid, t in sorted(tonnes.items(), key=lambda kv: -kv[1])
    ]


def market_rows(run: ConsolidationRun) -> list[dict[str, Any]]:
    """Tonnes green per destination market and the share of the total."""
    tonnes: dict[str, float] = defaultdict(float)
    for m in run.result.market_flows:
        tonnes[m.market_id] += m.green_kg / 1000
    total = run.result.total_green_kg / 1000
    return [
        {"market": k, "tonnes": round(v, 3), "share": round(v / total, 4)}
        for k, v in tonnes.items()
    ]


def _explain_dict(run: ConsolidationRun) -> dict[str, Any] | None:
    if run.explanation is None:
        return None
    return {
        "closed_hubs": [
            {
                "hub": n.hub_id,
                "extra_cost_lak": n.extra_cost_lak,
                "extra_lak_per_t": n.extra_lak_per_t,
                "reason": n.reason,
            }
            for n in run.explanation.closed_hubs
        ],
        "unused_corridors": [
            {
                "hub": n.hub_id,
                "corridor": n.corridor_id,
                "season": n.period,
                "extra_lak_per_t": n.extra_lak_per_t,
                "reason": n.reason,
            }
            for n in run.explanation.unused_corridors
        ],
    }


def to_json_dict(run: ConsolidationRun) -> dict[str, Any]:
    """The machine-readable summary printed by ``bolaven consolidate --json``."""
    result, (m, fid) = run.result, run.checked()
    per_t = result.cost_per_tonne_lak
    lak_per_usd = run.inputs.rates.lak_per_usd
    return {
        "status": result.status,
        "solver_status": result.status,
        "mip_gap_pct": round(result.mip_gap * 100, 6),
        "proven_optimal": result.proven_optimal,
        "season": run.season,
        "tonnes_basis": "green-equivalent",
        "total_tonnes": round(result.total_green_kg / 1000, 3),
        "season_tonnes": {
            p: round(run.problem.period_kg(i) / 1000, 3) for i, p in enumerate(run.problem.periods)
        },
        "open_hubs": [r for r in hub_rows(run) if r["open"]],
        "corridors": corridor_rows(run),
        "markets": market_rows(run),
        "market_rule": run.market_rule,
        "market_routes": market_route_rows(run),
        "gateways": gateway_rows(run),
        "cost_per_tonne_lak": _breakdown(per_t),
        "cost_per_tonne_usd": _breakdown(per_t, lak_per_usd),
        "landed_cost_usd_per_t": {
            "at_seaport": round(per_t.total_lak / lak_per_usd, 2),
            "ocean_freight": round(per_t.ocean_freight_lak / lak_per_usd, 2),
            "at_destination": round(per_t.at_destination_lak / lak_per_usd, 2),
        },
        "money_views": money_views(run),
        "total_cost_lak": round(result.cost_lak.total_lak),
        "total_cost_at_destination_lak": round(result.cost_lak.at_destination_lak),
        "lak_per_usd": lak_per_usd,
        "trunk_cost_lak_per_tkm": round(fid.trunk_lak_per_tkm, 1),
        "trunk_cost_usd_per_tkm": round(fid.trunk_usd_per_tkm, 4),
        "trunk_cost_lak_per_tkm_2018_prices": round(fid.trunk_lak_per_tkm_2018_prices, 1),
        "world_bank_2018": {
            "cost_lak_per_tkm": {
                "min": WB2018_COST_LAK_PER_TKM[0],
                "max": WB2018_COST_LAK_PER_TKM[1],
                "average": WB2018_COST_AVERAGE_LAK_PER_TKM,
            },
            "cost_usd_per_tkm": {
                "min": WB2018_COST_USD_PER_TKM[0],
                "max": WB2018_COST_USD_PER_TKM[1],
            },
            "price_lak_per_tkm": {
                "min": WB2018_PRICE_LAK_PER_TKM[0],
                "max": WB2018_PRICE_LAK_PER_TKM[1],
            },
            "model_in_cost_range_at_2018_prices": fid.in_world_bank_range,
            "source": "World Bank (2018) Transport Costs and Prices in Lao PDR, AUS0000443",
        },
        "tkm": round(m.tkm),
        "tkm_by_leg": {
            "collection": round(m.tkm_collection),
            "trunk": round(m.tkm_trunk),
            "onward": round(m.tkm_onward),
        },
        "truck_hours": round(m.truck_hours, 1),
        "litres": round(m.litres),
        "co2_t": round(m.co2_t, 2),
        "shifted_to_dry": list(run.shifted_to_dry),
        "access": access_dict(run),
        "fidelity": [row.as_dict() for row in fidelity_rows(run)],
        "explain": _explain_dict(run),
        "solver": {
            "num_variables": result.num_variables,
            "solve_time_s": round(result.solve_time_s, 2),
            "nodes": result.nodes,
            "relative_gap_limit": result.gap_limit,
        },
    }


def breakdown_rows(run: ConsolidationRun) -> list[dict[str, Any]]:
    """Cost part, LAK total, LAK per tonne and US$ per tonne."""
    per_t = run.result.cost_per_tonne_lak.as_dict()
    totals = run.result.cost_lak.as_dict()
    usd = run.inputs.rates.lak_per_usd
    rows = [
        {"part": k, "lak": round(totals[k]), "lak_per_t": per_t[k], "usd_per_t": per_t[k] / usd}
        for k in per_t
    ]
    total_t = run.result.cost_per_tonne_lak.total_lak
    rows.append(
        {
            "part": "total",
            "lak": round(run.result.cost_lak.total_lak),
            "lak_per_t": total_t,
            "usd_per_t": total_t / usd,
        }
    )
    return rows


def assignment_rows(run: ConsolidationRun) -> list[dict[str, Any]]:
    """Village → hub tonnes per season, with the collection cost."""
    names = {v.id: v.name for v in run.inputs.villages}
    return [
        {
            "season": a.period,
            "village_id": a.supply_id,
            "village": names[a.supply_id],
            "hub": a.hub_id,
            "tonnes": a.green_kg / 1000,
            "collection_lak": a.collection_lak,
        }
        for a in run.result.assignments
    ]


def _line(paths: FlowPaths, leg: str, period: str, origin: str, destination: str) -> dict[str, Any]:
    """Geometry, ``geometry_kind`` and ``road_km`` of one flow line."""
    path = paths.path(leg, period, origin, destination)
    return {
        "geometry_kind": path.kind,
        "road_km": round(path.distance_m / 1000, 3),
        "geometry": shapely.linestrings(path.coords),
    }


def flows_gdf(run: ConsolidationRun) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Lines village → hub and hub → gateway along the roads, and hub points.

    Each line follows the least-cost path of its leg's vehicle in its season (the path the
    costs were computed on); ``geometry_kind`` is ``road``, or ``straight`` for a pair without
    a passable path (then ``road_km`` is empty).
    """
    paths = FlowPaths(run)
    collect = [
        {**row, **_line(paths, "collection", row["season"], row["village_id"], row["hub"])}
        for row in assignment_rows(run)
    ]
    trunk = [
        {
            "season": f.period,
            "hub": f.hub_id,
            "corridor": f.corridor_id,
            "gateway": f.gateway_id,
            "port": f.port,
            "tonnes": f.green_kg / 1000,
            **_line(paths, "trunk", f.period, f.hub_id, f.gateway_id),
        }
        for f in run.result.flows
    ]
    hubs = [{**r, "geometry": Point(run.network.coords[r["hub"]])} for r in hub_rows(run)]
    crs = "EPSG:4326"
    return (
        gpd.GeoDataFrame(collect, geometry="geometry", crs=crs),
        gpd.GeoDataFrame(trunk, geometry="geometry", crs=crs),
        gpd.GeoDataFrame(hubs, geometry="geometry", crs=crs),
    )


def write_outputs(run: ConsolidationRun, out_dir: Path) -> list[Path]:
    """Write open_hubs.csv, assignments.csv, corridors.csv, breakdown.csv and flows.gpkg."""
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = {
        "open_hubs.csv": hub_rows(run),
        "assignments.csv": assignment_rows(run),
        "corridors.csv": corridor_rows(run),
        "breakdown.csv": breakdown_rows(run),
    }
    written = []
    for name, rows in tables.items():
        path = out_dir / name
        pd.DataFrame(rows).to_csv(path, index=False)
        written.append(path)
    gpkg = out_dir / "flows.gpkg"
    if gpkg.exists():
        gpkg.unlink()
    collect, trunk, hubs = flows_gdf(run)
    collect.to_file(gpkg, layer="village_to_hub", driver="GPKG")
    trunk.to_file(gpkg, layer="hub_to_gateway", driver="GPKG")
    hubs.to_file(gpkg, layer="hubs", driver="GPKG")
    written.append(gpkg)
    return written
