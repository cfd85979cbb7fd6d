"""Pickup planning: pickup and fleet files → road matrices → verified plans → driver sheets."""

from scenarios.pickups.collection import feeder_cost_lak, group_collection_points
from scenarios.pickups.defaults import (
    DEFAULT_ENGINE,
    DEFAULT_ITERATIONS,
    DEFAULT_SEED,
    DEFAULT_TIME_LIMIT_S,
    default_params,
)
from scenarios.pickups.hire import HIRE_TARIFFS, HireTariff, read_hire_tariffs
from scenarios.pickups.io import (
    FleetEntry,
    PickupRecord,
    format_clock,
    parse_clock,
    read_fleet,
    read_pickups,
)
from scenarios.pickups.labels import (
    LANGUAGES,
    SHEET_LABELS,
    check_language,
    label,
    product_label,
    truck_label,
)
from scenarios.pickups.pipeline import SAMPLE_FLEET, SAMPLE_PICKUPS, plan_pickups, resolve_depot
from scenarios.pickups.reach import FAR_CONNECTOR_M, STUDY_AREA, far_warnings, outside_km
from scenarios.pickups.records import DayPlan, DepotPoint, PickupRun
from scenarios.pickups.report import (
    route_geojson,
    run_to_json,
    summary,
    write_driver_sheets,
    write_outputs,
)
from scenarios.pickups.rules import PICKUP_RULES, PickupRules, load_pickup_rules
from scenarios.pickups.sheet_html import sheets_html
from scenarios.pickups.sheets import (
    DriverSheet,
    SheetLine,
    driver_sheets,
    sheet_file_stem,
    sheet_rows,
    sheets_csv,
    write_sheets,
)
from scenarios.pickups.templates import FLEET_TEMPLATE, PICKUPS_TEMPLATE, TEMPLATES, write_templates

__all__ = [
    "DEFAULT_ENGINE",
    "DEFAULT_ITERATIONS",
    "DEFAULT_SEED",
    "DEFAULT_TIME_LIMIT_S",
    "FAR_CONNECTOR_M",
    "FLEET_TEMPLATE",
    "HIRE_TARIFFS",
    "LANGUAGES",
    "PICKUPS_TEMPLATE",
    "PICKUP_RULES",
    "SAMPLE_FLEET",
    "SAMPLE_PICKUPS",
    "SHEET_LABELS",
    "STUDY_AREA",
    "TEMPLATES",
    "DayPlan",
    "DepotPoint",
    "DriverSheet",
    "FleetEntry",
    "HireTariff",
    "PickupRecord",
    "PickupRules",
    "PickupRun",
    "SheetLine",
    "check_language",
    "default_params",
    "driver_sheets",
    "far_warnings",
    "feeder_cost_lak",
    "format_clock",
    "group_collection_points",
    "label",
    "load_pickup_rules",
    "outside_km",
    "parse_clock",
    "plan_pickups",
    "product_label",
    "read_fleet",
    "read_hire_tariffs",
    "read_pickups",
    "resolve_depot",
    "route_geojson",
    "run_to_json",
    "sheet_file_stem",
    "sheet_rows",
    "sheets_csv",
    "sheets_html",
    "summary",
    "truck_label",
    "write_driver_sheets",
    "write_outputs",
    "write_sheets",
    "write_templates",
]
