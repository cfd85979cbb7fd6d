"""Shared by every room of scenarios: data paths, table readers and writers, cost rates, errors."""

from scenarios.common.costing import (
    COST_RATES_TOML,
    EdgeCost,
    find_profile,
    load_conversions,
    load_cost_rates,
    load_vehicle_profiles,
    make_edge_cost,
)
from scenarios.common.errors import (
    DataFileError,
    ScenarioError,
    UnknownNameError,
    scenario_key_error,
)
from scenarios.common.paths import DATA_DIR, LIBRARY_DIR, REPO_ROOT
from scenarios.common.tables import Row, read_rows, read_toml, write_rows

__all__ = [
    "COST_RATES_TOML",
    "DATA_DIR",
    "LIBRARY_DIR",
    "REPO_ROOT",
    "DataFileError",
    "EdgeCost",
    "Row",
    "ScenarioError",
    "UnknownNameError",
    "find_profile",
    "load_conversions",
    "load_cost_rates",
    "load_vehicle_profiles",
    "make_edge_cost",
    "read_rows",
    "read_toml",
    "scenario_key_error",
    "write_rows",
]
