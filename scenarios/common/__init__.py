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
from scenarios.common.ranges import (
    CSV_RANGED,
    DISTRIBUTIONS,
    ParamRange,
    check_file,
    csv_ranges,
    file_ranges,
    range_columns,
    toml_ranges,
)
from scenarios.common.tables import (
    NOTE_COLUMNS,
    Row,
    read_rows,
    read_table,
    read_toml,
    write_rows,
)
from scenarios.common.textfile import (
    closest,
    find_nonfinite,
    read_text,
    unknown_names_error,
)

__all__ = [
    "COST_RATES_TOML",
    "CSV_RANGED",
    "DATA_DIR",
    "DISTRIBUTIONS",
    "LIBRARY_DIR",
    "NOTE_COLUMNS",
    "REPO_ROOT",
    "DataFileError",
    "EdgeCost",
    "ParamRange",
    "Row",
    "ScenarioError",
    "UnknownNameError",
    "check_file",
    "closest",
    "csv_ranges",
    "file_ranges",
    "find_nonfinite",
    "find_profile",
    "load_conversions",
    "load_cost_rates",
    "load_vehicle_profiles",
    "make_edge_cost",
    "range_columns",
    "read_rows",
    "read_table",
    "read_text",
    "read_toml",
    "scenario_key_error",
    "toml_ranges",
    "unknown_names_error",
    "write_rows",
]
