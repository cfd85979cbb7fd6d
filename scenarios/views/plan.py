"""Plan pickups page: depots, sample and uploaded pickups, the fleet table, plans as map layers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from networks import RoadNetwork, load_places
from scenarios.views.common import DATA, STUDY_AREA, stage_upload, view_state
from scenarios.views.palette import ROUTE_RGB, cycle

if TYPE_CHECKING:
    from scenarios.pickups import PickupRun

SAMPLE_PICKUPS = DATA / "samples" / "paksong_pickups.csv"
SAMPLE_FLEET = DATA / "samples" / "paksong_fleet.csv"
DEFAULT_DEPOT = "Paksong"
_DEPOT_KINDS = ("mill", "town")


def depot_choices(places_csv: Path | None = None) -> list[str]:
    """Places a pickup tour can start from: Paksong first, then mills, then Lao towns.

    Read with the networks place loader (default ``data/places.csv``), so that the page shows
    its inputs before the road network is loaded.
    """
    west, south, east, north = STUDY_AREA
    places = load_places(places_csv)
    names = [
        place.name
        for kind in _DEPOT_KINDS
        for place in places
        if place.kind == kind
        and place.country == "LA"
        and west <= place.lon <= east
        and south <= place.lat <= north
    ]
    if DEFAULT_DEPOT in names:
        names.remove(DEFAULT_DEPOT)
        names.insert(0, DEFAULT_DEPOT)
    return names


def sample_pickups_path() -> Path:
    """The shipped sample: a week of pickups for a Paksong cooperative."""
    return SAMPLE_PICKUPS


FLEET_EDIT_COLUMNS = ("type", "count", "shift_start", "max_hours")


def sample_fleet() -> pd.DataFrame:
    """The sample fleet as an editable table (type, count, shift_start, max_hours)."""
    frame = pd.read_csv(SAMPLE_FLEET, dtype={"shift_start": str})
    return frame[[c for c in FLEET_EDIT_COLUMNS if c in frame.columns]].copy()


def pickups_preview(path: Path) -> pd.DataFrame:
    """The validated pickups of a CSV file as a table; errors name the row and the column."""
    from scenarios.pickups import read_pickups

    records = read_pickups(path)
    return pd.DataFrame(
        [
            {
                "id": r.id,
                "name": r.name,
                "day": r.day,
                "weight_kg": r.weight_kg,
                "product": str(r.product.value),
                "lat": round(r.lat, 5),
                "lon": round(r.lon, 5),
            }
            for r in records
        ]
    )


def stage_fleet(fleet: pd.DataFrame) -> Path:
    """Write an edited fleet table to a staged CSV (rows with count 0 are left out)."""
    missing = [c for c in ("type", "count") if c not in fleet.columns]
    if missing:
        msg = f"fleet table: expected columns type, count; missing {', '.join(missing)}"
        raise ValueError(msg)
    counts = pd.to_numeric(fleet["count"], errors="coerce")
    for index, value in enumerate(counts, start=1):
        if pd.isna(value) or value < 0 or value != int(value):
            raw = fleet["count"].iloc[index - 1]
            got = "an empty cell" if pd.isna(raw) else raw
            msg = f"fleet row {index}, column count: expected a whole number >= 0, got {got}"
            raise ValueError(msg)
    kept = fleet[counts > 0]
    if kept.empty:
        msg = "fleet: expected at least one truck with count >= 1, got none"
        raise ValueError(msg)
    columns = [c for c in FLEET_EDIT_COLUMNS if c in kept.columns]
    text = kept[columns].fillna("").astype(str).to_csv(index=False)
    return stage_upload(text.encode("utf-8"), suffix=".csv")


@dataclass(frozen=True, slots=True)
class PlanView:
    """A pickup plan as tables, map layers and downloads (money in LAK)."""

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


def plan_view(
    net: RoadNetwork,
    pickups_path: Path,
    *,
    depot: str,
    fleet: pd.DataFrame | None = None,
    season: str = "dry",
    time_limit_s: float = 10.0,
) -> PlanView:
    """Plan the pickups of ``pickups_path`` from ``depot`` and shape the result for the app.

    Runs :func:`scenarios.pickups.pipeline.plan_pickups` on ``net`` with the edited ``fleet``.
    """
    from optimizer import SolveParams
    from scenarios import pickups

    fleet_path = stage_fleet(fleet) if fleet is not None else None
    run = pickups.plan_pickups(
        pickups_path,
        depot,
        fleet_path=fleet_path,
        season=season,
        params=SolveParams(time_limit_s=time_limit_s),
        network=net,
    )
    return plan_view_from_run(run)


def _truck_label(day: int | None, vehicle: str) -> str:
    return f"D{day} {vehicle}" if day is not None else vehicle


def plan_view_from_run(run: PickupRun) -> PlanView:
    """Tables, map layers and downloads of a :class:`scenarios.pickups.pipeline.PickupRun`."""
    import json

    from scenarios import pickups

    plan: dict[str, Any] = pickups.run_to_json(run)
    geo: dict[str, Any] = pickups.route_geojson(run)
    points = {r.id: (r.lat, r.lon, r.name) for day in run.days for r in day.records}
    truck_rows, stop_rows, path_rows = [], [], []
    for index, (route, feature) in enumerate(zip(plan["routes"], geo["features"], strict=True)):
        truck = _truck_label(route["day"], route["vehicle"])
        rgb = cycle(ROUTE_RGB, index)
        coords = feature["geometry"]["coordinates"]
        path_rows.append({"truck": truck, "day": route["day"], "path": coords, "rgb": rgb})
        for order, stop in enumerate(route["stops"], start=1):
            # the pipeline splits a pickup heavier than a truck into parts "<id>#<n>"
            lat, lon, name = points.get(stop["id"]) or points[str(stop["id"]).split("#")[0]]
            stop_rows.append(
                {
                    "truck": truck,
                    "day": route["day"],
                    "order": order,
                    "id": stop["id"],
                    "village": stop["name"] or name,
                    "arrival": stop["arrival"],
                    "weight_kg": stop["weight_kg"],
                    "load_kg": stop["load_after_kg"],
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
                "load_kg": sum(s["weight_kg"] for s in route["stops"]),
                "capacity_kg": route["capacity_kg"],
                "start": route["start"],
                "end": route["end"],
                "distance_km": round(route["distance_m"] / 1000.0, 1),
                "duration_h": round(route["duration_s"] / 3600.0, 2),
                "cost_lak": route["cost_lak"],
            }
        )
    names = {pid: name for pid, (_, _, name) in points.items()}
    names.update({d["id"]: names.get(str(d["id"]).split("#")[0], "") for d in plan["dropped"]})
    dropped = pd.DataFrame(
        [
            {"id": d["id"], "name": names.get(d["id"], ""), "day": d["day"], "reason": d["reason"]}
            for d in plan["dropped"]
        ],
        columns=["id", "name", "day", "reason"],
    )
    s = plan["summary"]
    sheets = [
        {"truck": key, **row} for key, rows in pickups.driver_sheets(run).items() for row in rows
    ]
    lons = [c[0] for row in path_rows for c in row["path"]] + [run.depot.lon]
    lats = [c[1] for row in path_rows for c in row["path"]] + [run.depot.lat]
    return PlanView(
        summary={
            "total_cost_lak": float(s["total_cost_lak"]),
            "cost_per_tonne_lak": float(s["cost_lak_per_tonne"]),
            "tonnes": float(s["tonnes_collected"]),
            "distance_km": float(s["distance_km"]),
            "duration_h": float(s["hours"]),
            "co2_kg": float(s["co2_kg"]),
            "litres": float(s["litres_diesel"]),
            "trucks_used": float(s["routes"]),
        },
        trucks=pd.DataFrame(truck_rows),
        stops=pd.DataFrame(stop_rows),
        paths=pd.DataFrame(path_rows),
        depot=pd.DataFrame([{"name": run.depot.label, "lat": run.depot.lat, "lon": run.depot.lon}]),
        dropped=dropped,
        view=view_state(lons, lats),
        driver_sheets_csv=pd.DataFrame(sheets).to_csv(index=False).encode("utf-8"),
        routes_geojson=json.dumps(geo).encode("utf-8"),
        plan_json=json.dumps(plan, indent=2, ensure_ascii=False).encode("utf-8"),
    )
