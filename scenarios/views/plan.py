"""Plan pickups page, its results: plans as tables, map layers and driver sheets (the inputs:
:mod:`scenarios.views.plan_inputs`)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from networks import RoadNetwork
from scenarios.pickups import (
    DEFAULT_TIME_LIMIT_S,
    DriverSheet,
    sheets_csv,
    truck_label,
)
from scenarios.views.common import view_state
from scenarios.views.palette import distinct
from scenarios.views.plan_inputs import stage_fleet

if TYPE_CHECKING:
    from scenarios.pickups import PickupRun

CARRIED_COLUMNS = ["truck", "day", "village", "path", "lat", "lon", "carry_km", "tonnes"]


def _split_ids(plan: dict[str, Any]) -> list[str]:
    """Ids of the parts "<id>#<n>" of pickups split to fit the trucks, served or dropped."""
    ids = [str(s["id"]) for r in plan["routes"] for s in r["stops"]]
    return [i for i in ids + [str(d["id"]) for d in plan["dropped"]] if "#" in i]


def _km(metres: float) -> float | None:
    return None if math.isnan(metres) else round(metres / 1000.0, 1)  # nan: not snapped


def _dropped_table(run: PickupRun) -> pd.DataFrame:
    """The pickups (or split parts) left behind: id, name, day, kg, required, reason, connector."""
    rows = [
        {
            "id": pickup.id,
            "name": pickup.name,
            "day": day.day,
            "weight_kg": pickup.weight_kg,
            "required": pickup.required,
            "reason": d.reason,
            "connector_km": _km(day.connector_m[d.pickup]) if day.connector_m else None,
        }
        for day in run.days
        for d in day.plan.dropped
        for pickup in (day.problem.pickups[d.pickup],)
    ]
    columns = ["id", "name", "day", "weight_kg", "required", "reason", "connector_km"]
    return pd.DataFrame(rows, columns=columns).astype({"required": bool})


@dataclass(frozen=True, slots=True)
class PlanView:
    """A pickup plan as tables, map layers and downloads (money in LAK).

    ``sheets`` are the driver sheets (:func:`scenarios.views.sheet_downloads` writes them in
    a language); ``warnings`` name far pickups and their connector lengths. A stop collected at
    the road end of a village's track is drawn there (``stops`` ``lat``, ``lon``); ``carried``
    has one row per such stop: the village (``lat``, ``lon``), the carry ``path`` from it to
    the road end, ``carry_km`` and ``tonnes``.
    """

    summary: dict[str, float]
    trucks: pd.DataFrame
    stops: pd.DataFrame
    paths: pd.DataFrame
    depot: pd.DataFrame
    dropped: pd.DataFrame
    view: dict[str, float]
    driver_sheets_csv: bytes
    routes_geojson: bytes
    plan_json: bytes
    sheets: tuple[DriverSheet, ...] = ()
    depot_name: str = ""
    season: str = "dry"
    warnings: tuple[str, ...] = ()
    carried: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=CARRIED_COLUMNS))


def plan_view(
    net: RoadNetwork,
    pickups_path: Path,
    *,
    depot: str,
    fleet: pd.DataFrame | None = None,
    season: str = "dry",
    time_limit_s: float = DEFAULT_TIME_LIMIT_S,
    hire: bool = False,
) -> PlanView:
    """Plan the pickups of ``pickups_path`` from ``depot`` and shape the result for the app.

    Runs :func:`scenarios.pickups.plan_pickups` on ``net`` with the edited ``fleet`` and the
    search the CLI and the scenario report use (:func:`scenarios.pickups.default_params`);
    ``time_limit_s`` is its safety net, so the sample week gives the same figure in all three.
    ``hire`` adds the trucks for hire of ``data/hire_tariffs.csv`` beside the fleet, used where
    cheaper; the summary and the truck table show own and hired cost apart.
    """
    from scenarios import pickups

    fleet_path = stage_fleet(fleet) if fleet is not None else None
    run = pickups.plan_pickups(
        pickups_path,
        depot,
        fleet_path=fleet_path,
        season=season,
        params=pickups.default_params(time_limit_s=time_limit_s),
        network=net,
        hire_path=pickups.HIRE_TARIFFS if hire else None,
    )
    return plan_view_from_run(run)


def plan_view_from_run(run: PickupRun) -> PlanView:
    """Tables, map layers and downloads of a :class:`scenarios.pickups.pipeline.PickupRun`."""
    import json

    from scenarios import pickups

    plan: dict[str, Any] = pickups.run_to_json(run)
    geo: dict[str, Any] = pickups.route_geojson(run)
    points = {r.id: (r.lat, r.lon, r.name) for day in run.days for r in day.records}
    # where the truck meets a cut-off village's coffee: the road end of its track
    ends = {r.id: r.road_end for day in run.days for r in day.records if r.road_end}
    truck_rows, stop_rows, path_rows, carried_rows = [], [], [], []
    solved = [r for day in run.days for r in day.plan.routes]  # the order of plan["routes"]
    legs = zip(plan["routes"], geo["features"], solved, distinct(len(solved)), strict=True)
    for route, feature, solved_route, rgb in legs:
        truck = truck_label(route["day"], route["vehicle"])
        coords = feature["geometry"]["coordinates"]
        path_rows.append({"truck": truck, "day": route["day"], "path": coords, "rgb": rgb})
        for order, (stop, trip) in enumerate(
            zip(route["stops"], (x.trip + 1 for x in solved_route.stops), strict=True), start=1
        ):
            # the pipeline splits a pickup heavier than a truck into parts "<id>#<n>"
            key = stop["id"] if stop["id"] in points else str(stop["id"]).split("#")[0]
            lat, lon, name = points[key]
            end = ends.get(key) if stop["collected_at"] == "road_end" else None
            if end is not None:  # the village carries to the road end; the truck stops there
                carried_rows.append(
                    {
                        "truck": truck,
                        "day": route["day"],
                        "village": stop["name"] or name,
                        "path": [[lon, lat], [end.lon, end.lat]],
                        "lat": lat,
                        "lon": lon,
                        "carry_km": stop["carry_km"],
                        "tonnes": stop["weight_kg"] / 1000.0,
                    }
                )
                lat, lon = end.lat, end.lon
            stop_rows.append(
                {
                    "truck": truck,
                    "day": route["day"],
                    "order": order,
                    "trip": trip,
                    "id": stop["id"],
                    "village": stop["name"] or name,
                    "arrival": stop["arrival"],
                    "weight_kg": stop["weight_kg"],
                    "load_kg": stop["load_after_kg"],
                    "connector_km": stop["connector_km"],
                    "collected_at": stop["collected_at"],
                    "carry_km": stop["carry_km"],
                    "carry_cost_lak": stop["carry_cost_lak"],
                    "lat": lat,
                    "lon": lon,
                    "label": str(order),
                    "rgb": rgb,
                }
            )
        truck_rows.append(
            {
                "truck": truck,
                "day": route["day"],
                "stops": len(route["stops"]),
                "trips": solved_route.trips,
                "load_kg": sum(s["weight_kg"] for s in route["stops"]),
                "capacity_kg": route["capacity_kg"],
                "start": route["start"],
                "end": route["end"],
                "distance_km": round(route["distance_m"] / 1000.0, 1),
                "duration_h": round(route["duration_s"] / 3600.0, 2),
                "hired": solved_route.hired,
                "cost_lak": route["cost_lak"],
            }
        )
    dropped = _dropped_table(run)
    s = plan["summary"]
    sheets = pickups.driver_sheets(run)
    lons = [c[0] for row in path_rows for c in row["path"]] + [run.depot.lon]
    lats = [c[1] for row in path_rows for c in row["path"]] + [run.depot.lat]
    return PlanView(
        summary={
            "total_cost_lak": float(s["total_cost_lak"]),
            # own fleet and hired trucks (tariffs of data/hire_tariffs.csv): own + hired = total
            "own_cost_lak": float(s["own_fleet_cost_lak"]),
            "hired_cost_lak": float(s["hired_cost_lak"]),
            "cost_per_tonne_lak": float(s["cost_lak_per_tonne"]),
            "tonnes": float(s["tonnes_collected"]),
            "distance_km": float(s["distance_km"]),
            "duration_h": float(s["hours"]),
            "co2_kg": float(s["co2_kg"]),
            "litres": float(s["litres_diesel"]),
            # the villages' carry to road ends, not in the trucks' total
            "carry_cost_lak": float(s["carry_cost_lak"]),
            "road_end_stops": float(s["road_end_stops"]),
            # problem pickups, not records: a split pickup's record stands behind each part
            "tonnes_requested": sum(p.weight_kg for d in run.days for p in d.problem.pickups)
            / 1000.0,
            "tonnes_left_behind": float(dropped["weight_kg"].sum()) / 1000.0,
            "tonnes_required_left_behind": float(
                dropped.loc[dropped["required"], "weight_kg"].sum()
            )
            / 1000.0,
            # trucks are numbered 1..n per type and day: the same label on two days is one truck
            "trucks_used": float(len({r["vehicle"] for r in plan["routes"]})),
            "truck_days": float(s["routes"]),
            "split_pickups": float(len({str(i).split("#")[0] for i in _split_ids(plan)})),
        },
        trucks=pd.DataFrame(truck_rows),
        stops=pd.DataFrame(stop_rows),
        paths=pd.DataFrame(path_rows),
        carried=pd.DataFrame(carried_rows, columns=CARRIED_COLUMNS),
        depot=pd.DataFrame([{"name": run.depot.label, "lat": run.depot.lat, "lon": run.depot.lon}]),
        dropped=dropped,
        view=view_state(lons, lats),
        driver_sheets_csv=sheets_csv(sheets, "en"),
        routes_geojson=json.dumps(geo).encode("utf-8"),
        plan_json=json.dumps(plan, indent=2, ensure_ascii=False).encode("utf-8"),
        sheets=sheets,
        depot_name=run.depot.label,
        season=run.season,
        warnings=run.warnings,
    )
