"""Running a scenario: spec → inputs and network variant → consolidation → KPIs and flow lines."""

from scenarios.run.flows import flow_lines
from scenarios.run.inputs import resolve_inputs
from scenarios.run.kpis import (
    BORDER_PARTS,
    BREAKDOWN_PARTS,
    KPI_FIELDS,
    KpiField,
    kpi_row,
    kpis_from_run,
    solver_columns,
    solver_summary,
    tonnes_by_corridor,
    validate_kpis,
)
from scenarios.run.network import network_variant
from scenarios.run.resolve import (
    BaseInputs,
    ResolvedScenario,
    base_inputs,
    plan_pickup_sample,
    resolve_scenario,
    run_scenario,
    run_scenario_json,
)

__all__ = [
    "BORDER_PARTS",
    "BREAKDOWN_PARTS",
    "KPI_FIELDS",
    "BaseInputs",
    "KpiField",
    "ResolvedScenario",
    "base_inputs",
    "flow_lines",
    "kpi_row",
    "kpis_from_run",
    "network_variant",
    "plan_pickup_sample",
    "resolve_inputs",
    "resolve_scenario",
    "run_scenario",
    "run_scenario_json",
    "solver_columns",
    "solver_summary",
    "tonnes_by_corridor",
    "validate_kpis",
]
