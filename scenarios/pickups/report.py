"""Pickup plan outputs: summary totals, plan JSON, driver sheets, GeoJSON routes and files.

Everything here reads a finished :class:`scenarios.pickups.records.PickupRun`; nothing is solved.
"""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path
from typing import Any

import geopandas as gpd

import networks
from optimizer import Stop, VehicleRoute, co2_kg, lak_to_usd
from scenarios.common import make_edge_cost, write_rows
from scenarios.pickups.io import format_clock
from scenarios.pickups.records import DayPlan, PickupRun
from scenarios.pickups.road_end import check_carry, stop_carry, truck_point
from scenarios.pickups.sheet_html import sheets_html
from scenarios.pickups.sheets import driver_sheets, write_sheets

__all__ = [
    "route_geojson",
    "run_to_json",
    "summary",
    "write_driver_sheets",
    "write_outputs",
]


def _route_litres(day: DayPlan, route: VehicleRoute) -> float:
    litres = day.litres[route.vehicle_type]
    nodes = [0] + [day.problem.node(s.pickup) for s in route.stops] + [0]
    return float(sum(litres[a, b] for a, b in itertools.pairwise(nodes)))


def summary(run: PickupRun) -> dict[str, float]:
    """Totals over all days: cost (LAK, US$), per tonne, km, hours, litres, CO2, tonnes."""
    cost = sum(d.plan.total_cost_lak for d in run.days)
    served_kg = sum(r.load_kg for d in run.days for r in d.plan.routes)
    litres = sum(_route_litres(d, r) for d in run.days for r in d.plan.routes)
    tonnes = served_kg / 1000.0
    return {
        "total_cost_lak": cost,
        "total_cost_usd": round(float(lak_to_usd(cost, run.rates)), 2),
        "own_fleet_cost_lak": sum(d.plan.own_cost_lak for d in run.days),
        "hired_cost_lak": sum(d.plan.hired_cost_lak for d in run.days),
        # village-to-collection-point legs, apart from the trucks' cost (one per merged row)
        "feeder_cost_lak": round(
            sum({r.id: r.feeder_cost_lak for d in run.days for r in d.records}.values())
        ),
        # villages' carry to the road end of tracks no vehicle may use, apart from the trucks
        "carry_cost_lak": round(sum(check_carry(d) for d in run.days)),
        "road_end_stops": sum(
            1 for d in run.days for r in d.plan.routes for s in r.stops if _at_road_end(d, s)
        ),
        "tonnes_collected": round(tonnes, 3),
        "cost_lak_per_tonne": round(cost / tonnes) if tonnes else 0,
        "distance_km": round(sum(d.plan.distance_m for d in run.days) / 1000.0, 1),
        "hours": round(sum(r.duration_s for d in run.days for r in d.plan.routes) / 3600.0, 2),
        "litres_diesel": round(litres, 1),
        "co2_kg": round(float(co2_kg(litres, kg_per_l=run.rates.co2_kg_per_l)), 1),
        "routes": sum(len(d.plan.routes) for d in run.days),
        "dropped": sum(len(d.plan.dropped) for d in run.days),
    }


def _connector_km(day: DayPlan, pickup: int) -> float | None:
    """The pickup's off-road connector in km (0.1); None when unknown or not snapped."""
    if not day.connector_m or math.isnan(day.connector_m[pickup]):
        return None
    return round(day.connector_m[pickup] / 1000.0, 1)


def _at_road_end(day: DayPlan, stop: Stop) -> bool:
    return day.records[stop.pickup].road_end is not None


def _carry_json(day: DayPlan, stop: Stop) -> dict[str, Any]:
    """Where the truck collects the stop and the village's carry to there (km, kip)."""
    km, cost = stop_carry(day, stop.pickup)
    return {
        "collected_at": "road_end" if _at_road_end(day, stop) else "village",
        "carry_km": round(km, 2),
        "carry_cost_lak": round(cost),
    }


def _route_json(day: DayPlan, route: VehicleRoute) -> dict[str, Any]:
    pickups = day.problem.pickups
    return {
        "day": day.day,
        "vehicle": route.vehicle,
        "capacity_kg": route.capacity_kg,
        "distance_m": route.distance_m,
        "duration_s": route.duration_s,
        "start": format_clock(route.start_s),
        "end": format_clock(route.end_s),
        "cost_lak": route.cost_lak,
        "fixed_cost_lak": route.fixed_cost_lak,
        "travel_cost_lak": route.travel_cost_lak,
        "litres_diesel": round(_route_litres(day, route), 1),
        "stops": [
            {
                "id": pickups[s.pickup].id,
                "name": pickups[s.pickup].name,
                "weight_kg": pickups[s.pickup].weight_kg,
                "arrival_s": s.arrival_s,
                "arrival": format_clock(s.arrival_s),
                "load_after_kg": s.load_after_kg,
                "trip": s.trip + 1,
                "connector_km": _connector_km(day, s.pickup),
                **_carry_json(day, s),
            }
            for s in route.stops
        ],
    }


def run_to_json(run: PickupRun) -> dict[str, Any]:
    """The plan as JSON-ready data (keys documented in the README)."""
    engines = sorted({d.plan.engine for d in run.days})
    return {
        "status": run.status,
        "engine": engines[0] if len(engines) == 1 else ", ".join(engines),
        "season": run.season,
        "depot": {"name": run.depot.label, "lat": run.depot.lat, "lon": run.depot.lon},
        "total_cost_lak": sum(d.plan.total_cost_lak for d in run.days),
        "penalty_lak": sum(d.plan.penalty_lak for d in run.days),
        "routes": [_route_json(d, r) for d in run.days for r in d.plan.routes],
        "dropped": [
            {
                "day": d.day,
                "id": d.problem.pickups[x.pickup].id,
                "reason": x.reason,
                "connector_km": _connector_km(d, x.pickup),
            }
            for d in run.days
            for x in d.plan.dropped
        ],
        "summary": summary(run),
        "warnings": list(run.warnings),
    }


def route_geojson(run: PickupRun) -> dict[str, Any]:
    """Routes as GeoJSON LineStrings along the roads (legs routed on the network)."""
    features = []
    for day in run.days:
        points = [(run.depot.lat, run.depot.lon)] + [truck_point(r) for r in day.records]
        for route in day.plan.routes:
            profile = day.profiles[route.vehicle_type]
            seq = [0] + [s.pickup + 1 for s in route.stops] + [0]
            coords: list[list[float]] = []
            for a, b in itertools.pairwise(seq):
                try:
                    leg = networks.route(
                        run.network,
                        points[a],
                        points[b],
                        season=run.season,
                        vehicle=profile.network_class,
                        edge_cost=make_edge_cost(profile, run.rates),
                    )
                    coords.extend([list(c) for c in leg.coords])
                except (ValueError, LookupError):
                    coords.extend([[points[a][1], points[a][0]], [points[b][1], points[b][0]]])
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "LineString", "coordinates": coords},
                    "properties": {
                        "day": day.day,
                        "vehicle": route.vehicle,
                        "cost_lak": route.cost_lak,
                        "distance_m": route.distance_m,
                    },
                }
            )
    return {"type": "FeatureCollection", "features": features}


def write_outputs(run: PickupRun, out_dir: Path, lang: str = "en") -> list[Path]:
    """Write plan.json, summary.csv, routes.geojson/.gpkg and the driver sheets in ``lang``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    plan_path = out_dir / "plan.json"
    plan_path.write_text(json.dumps(run_to_json(run), indent=2, ensure_ascii=False))
    written.append(plan_path)
    summary_path = out_dir / "summary.csv"
    write_rows(summary_path, [dict(summary(run))])
    written.append(summary_path)
    geo_path = out_dir / "routes.geojson"
    geojson = route_geojson(run)
    geo_path.write_text(json.dumps(geojson))
    written.append(geo_path)
    if geojson["features"]:
        gpkg_path = out_dir / "routes.gpkg"
        frame = gpd.GeoDataFrame.from_features(geojson["features"], crs="EPSG:4326")
        frame.to_file(gpkg_path, layer="routes", driver="GPKG")
        written.append(gpkg_path)
    return written + write_driver_sheets(run, out_dir, lang)


def write_driver_sheets(run: PickupRun, out_dir: Path, lang: str = "en") -> list[Path]:
    """One driver sheet CSV per truck and day and ``driver_sheets.html`` (all, printable)."""
    sheets = driver_sheets(run)
    written = write_sheets(sheets, out_dir, lang)
    html_path = out_dir / "driver_sheets.html"
    html_path.write_text(
        sheets_html(sheets, depot=run.depot.label, season=run.season, lang=lang), encoding="utf-8"
    )
    return [*written, html_path]
