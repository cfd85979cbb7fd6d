"""One Monte Carlo case: drawn values laid over the default inputs, the scenario re-solved.

:func:`apply_values` replaces the central values of the consolidation inputs by drawn ones
(keys as in :class:`~scenarios.common.ranges.ParamRange`: ``<file stem>.<row id>.<column>``
or ``<file stem>.<key>``); the scenario's own changes are then laid over them as usual, so a
scenario that sets a border wait keeps its wait in every draw. :func:`run_case` re-solves the
consolidation model (proven optimal, no clock limit) and returns the figures the summaries
need, with the solver's status and proven gap.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import fields, replace
from typing import TYPE_CHECKING, Any

from scenarios.common import ScenarioError

if TYPE_CHECKING:
    from scenarios.consolidate import Inputs
    from scenarios.spec import ScenarioSpec

__all__ = ["apply_values", "run_case"]

_ROWS = {  # file stem -> (Inputs field, attribute naming the row)
    "hubs": ("hubs", "id"),
    "gateways": ("gateways", "id"),
    "corridors": ("corridors", "id"),
    "supply_villages": ("villages", "id"),
    "vehicles": ("profiles", "name"),
}
_INTEGER_COLUMNS = {"crew"}


def _split(key: str) -> tuple[str, str, str]:
    stem, _, rest = key.partition(".")
    row, _, column = rest.rpartition(".")
    return stem, row, column


def _rows(inputs: Inputs, field: str, attr: str, changes: Mapping[str, dict[str, float]]) -> Any:
    rows = getattr(inputs, field)
    unknown = sorted(set(changes) - {getattr(r, attr) for r in rows})
    if unknown:
        msg = f"drawn values for unknown {field} rows {unknown[:5]}"
        raise ScenarioError(msg)
    return tuple(
        replace(r, **changes[getattr(r, attr)]) if getattr(r, attr) in changes else r for r in rows
    )


def apply_values(inputs: Inputs, values: Mapping[str, float]) -> Inputs:
    """``inputs`` with each drawn value in place of its central value."""
    rates: dict[str, float] = {}
    params: dict[str, Any] = {}
    param_names = {f.name for f in fields(inputs.params)}
    rows: dict[str, dict[str, dict[str, float]]] = defaultdict(lambda: defaultdict(dict))
    for key, value in values.items():
        stem, row, column = _split(key)
        if stem == "cost_rates" and not row:
            rates[column] = float(value)
        elif stem == "consolidation_params" and not row and column in param_names:
            params[column] = float(value)
        elif stem in _ROWS and row:
            number = round(value) if column in _INTEGER_COLUMNS else float(value)
            rows[stem][row][column] = number
        else:
            msg = f"cannot apply a drawn value to {key!r}: not an input of the consolidation"
            raise ScenarioError(msg)
    changes: dict[str, Any] = {}
    if params:
        changes["params"] = replace(inputs.params, **params)
    if rates:
        changes["rates"] = replace(inputs.rates, **rates)
    for stem, by_row in rows.items():
        field, attr = _ROWS[stem]
        changes[field] = _rows(inputs, field, attr, by_row)
    return replace(inputs, **changes)


def run_case(spec: ScenarioSpec, values: Mapping[str, float]) -> dict[str, Any]:
    """Re-solve ``spec`` with ``values`` drawn; the KPIs the uncertainty summaries need."""
    from scenarios.consolidate import ConsolidateOptions, run_consolidation
    from scenarios.run import BaseInputs, base_inputs, kpis_from_run, resolve_scenario

    base = base_inputs()
    drawn = BaseInputs(net=base.net, inputs=apply_values(base.inputs, values))
    resolved = resolve_scenario(spec, drawn)
    options = ConsolidateOptions(
        season=resolved.season, explain=False, market_rule=spec.markets.rule
    )
    run = run_consolidation(resolved.inputs, options, net=resolved.net, net_key=resolved.net_key)
    result = kpis_from_run(run)
    kpis = result["kpis"]
    keep = (
        "annual_transport_cost_lak",
        "landed_cost_lak_per_t",
        "landed_destination_lak_per_t",
        "economic_cost_lak",
        "tonnes",
        "breakdown_lak_per_t",
        "tonnes_by_corridor",
        "open_hubs",
    )
    solver = result.get("solver") or {}
    return {
        "status": str(solver.get("status", result["status"])),
        "mip_gap": float(solver.get("mip_gap", 0.0)),
        "proven_optimal": bool(solver.get("proven_optimal", result["status"] == "optimal")),
        "lak_per_usd": result["lak_per_usd"],
        "kpis": {k: kpis[k] for k in keep},
    }
