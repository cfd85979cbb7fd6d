"""Pickup planning: pickup and fleet files → road matrices → verified plans → driver sheets."""

from scenarios.pickups.collection import feeder_cost_lak, group_collection_points
from scenarios.pickups.hire import HIRE_TARIFFS, HireTariff, read_hire_tariffs
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
from scenarios.pickups.rules import PICKUP_RULES, PickupRules, load_pickup_rules

__all__ = [
    "HIRE_TARIFFS",
    "PICKUP_RULES",
    "SAMPLE_FLEET",
    "DayPlan",
    "DepotPoint",
    "FleetEntry",
    "HireTariff",
    "PickupRecord",
    "PickupRules",
    "PickupRun",
    "driver_sheets",
    "feeder_cost_lak",
    "format_clock",
    "group_collection_points",
    "load_pickup_rules",
    "parse_clock",
    "plan_pickups",
    "read_fleet",
    "read_hire_tariffs",
    "read_pickups",
    "resolve_depot",
    "route_geojson",
    "run_to_json",
    "summary",
    "write_outputs",
]
