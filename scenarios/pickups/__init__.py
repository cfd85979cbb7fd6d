"""Pickup planning: pickup and fleet files → road matrices → verified plans → driver sheets."""

from scenarios.pickups.io import (
    FleetEntry,
    PickupRecord,
    format_clock,
    parse_clock,
    read_fleet,
    read_pickups,
)
from scenarios.pickups.pipeline import SAMPLE_FLEET, plan_pickups, resolve_depot
from scenarios.pickups.records import DayPlan, DepotPoint, PickupRun
from scenarios.pickups.report import (
    driver_sheets,
    route_geojson,
    run_to_json,
    summary,
    write_outputs,
)

__all__ = [
    "SAMPLE_FLEET",
    "DayPlan",
    "DepotPoint",
    "FleetEntry",
    "PickupRecord",
    "PickupRun",
    "driver_sheets",
    "format_clock",
    "parse_clock",
    "plan_pickups",
    "read_fleet",
    "read_pickups",
    "resolve_depot",
    "route_geojson",
    "run_to_json",
    "summary",
    "write_outputs",
]
