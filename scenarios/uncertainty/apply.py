"""One Monte Carlo case: drawn values laid over the default inputs, the scenario re-solved.

:func:`apply_values` replaces the central values of the consolidation inputs by drawn ones
(keys as in :class:`~scenarios.common.ranges.ParamRange`: ``<file stem>.<row id>.<column>``
or ``<file stem>.<key>``); the scenario's own changes are then laid over them as usual, so a
scenario that sets a border wait keeps its wait in every draw. :func:`run_case` re-solves the
consolidation model (proven optimal, no clock limit) and returns the figures the summaries
need, with the solver's status and proven gap; or, when the drawn inputs admit no plan at all
(proven infeasible), status ``infeasible`` and the reason.

Drawn keys of a scenario file (``library.<file stem>.<path>``) re-write that scenario
(:func:`spec_with_values`); drawn network keys re-weight the located network's edges
(:mod:`scenarios.uncertainty.network`); every other key is a consolidation input.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import fields, replace
from typing import TYPE_CHECKING, Any

from scenarios.common import ParamRange, ScenarioError
from scenarios.uncertainty.network import is_network_key, reweighted, reweighted_key

if TYPE_CHECKING:
    from scenarios.consolidate import Inputs, SnappedNetwork
    from scenarios.spec import ScenarioSpec

__all__ = ["INFEASIBLE", "apply_values", "run_case", "spec_with_values", "split_values"]

INFEASIBLE = "infeasible"
"""The status of a case whose inputs admit no plan (e.g. drawn hub capacities below the crop):
stored as an outcome with its ``reason``, counted in ``p_infeasible``, kept out of the bands."""

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
    ocean: dict[str, float] = {}
    for key, value in values.items():
        stem, row, column = _split(key)
        if stem == "cost_rates" and not row:
            rates[column] = float(value)
        elif stem == "consolidation_params" and not row and column in param_names:
            params[column] = float(value)
        elif stem == "ocean_freight" and row:
            ocean[row] = float(value)
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
    if ocean:
        changes["ocean"] = _ocean(inputs, ocean)
    return replace(inputs, **changes)


def _ocean(inputs: Inputs, drawn: Mapping[str, float]) -> Any:
    lanes = {r.route_id: r for r in inputs.ocean}
    unknown = sorted(set(drawn) - set(lanes))
    if unknown:
        msg = f"drawn values for unknown ocean_freight routes {unknown[:5]}"
        raise ScenarioError(msg)
    return tuple(
        replace(r, usd_per_teu=drawn[r.route_id]) if r.route_id in drawn else r
        for r in inputs.ocean
    )


def split_values(
    values: Mapping[str, float],
) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """``values`` as (consolidation inputs, network, scenario-file keys)."""
    inputs, network, library = {}, {}, {}
    for key, value in values.items():
        if key.startswith("library."):
            library[key] = value
        elif is_network_key(key):
            network[key] = value
        else:
            inputs[key] = value
    return inputs, network, library


_LIST_NAMES = ("name", "ref", "id")
_INTEGER_KEYS = {"construction_years", "horizon_years"}


def _child(node: Any, part: str, key: str) -> Any:
    if isinstance(node, dict) and part in node:
        return node[part]
    if isinstance(node, list | tuple):
        for element in node:
            if any(str(element.get(n)) == part for n in _LIST_NAMES if n in element):
                return element
    msg = f"cannot apply a drawn value to {key!r}: no {part!r} in the scenario"
    raise ScenarioError(msg)


def spec_with_values(spec: ScenarioSpec, values: Mapping[str, float]) -> ScenarioSpec:
    """``spec`` with its own drawn values (keys ``library.<its file stem>.<path>``) in place."""
    from pathlib import Path

    from scenarios.spec import ScenarioSpec as Spec

    prefix = f"library.{Path(spec.path).stem if spec.path else spec.name}."
    mine = {k.removeprefix(prefix): v for k, v in values.items() if k.startswith(prefix)}
    if not mine:
        return spec
    data = spec.model_dump(mode="python", by_alias=True)
    for path, value in sorted(mine.items()):
        *parents, leaf = path.split(".")
        node: Any = data
        for part in parents:
            node = _child(node, part, prefix + path)
        if not isinstance(node, dict) or leaf not in node:
            msg = f"cannot apply a drawn value to {prefix + path!r}: no {leaf!r} there"
            raise ScenarioError(msg)
        node[leaf] = round(value) if leaf in _INTEGER_KEYS else float(value)
    return Spec.model_validate(data)


@functools.cache
def _central() -> dict[str, ParamRange]:
    from scenarios.uncertainty.catalogue import all_ranges

    return {r.key: r for r in all_ranges()}


_Memo = tuple[object, tuple[tuple[str, float], ...], tuple["SnappedNetwork", str | None]]
_LAST: list[_Memo] = []
"""The last re-weighted located network (its base and key): the scenarios of one draw share
it, and a worker solves them one after the other. One entry only: each holds its own graph
arrays (tens of MB)."""


def _reweighted(
    at: SnappedNetwork, key: str | None, network: Mapping[str, float]
) -> tuple[SnappedNetwork, str | None]:
    """``at`` re-weighted by the drawn ``network`` values, built once per draw."""
    drawn = tuple(sorted((k, float(v)) for k, v in network.items()))
    if _LAST and _LAST[0][0] is at and _LAST[0][1] == drawn:
        return _LAST[0][2]
    located = (reweighted(at, network, _central()), reweighted_key(key, network))
    _LAST[:] = [(at, drawn, located)]
    return located


def run_case(spec: ScenarioSpec, values: Mapping[str, float]) -> dict[str, Any]:
    """Re-solve ``spec`` with ``values`` drawn; the KPIs the uncertainty summaries need."""
    from optimizer import InfeasibleProblemError
    from scenarios.consolidate import ConsolidateOptions, located_network, run_consolidation
    from scenarios.run import BaseInputs, base_inputs, resolve_scenario

    plain, network, _ = split_values(values)
    base = base_inputs()
    drawn = BaseInputs(net=base.net, inputs=apply_values(base.inputs, plain))
    resolved = resolve_scenario(spec_with_values(spec, values), drawn)
    options = ConsolidateOptions(
        season=resolved.season, explain=False, market_rule=spec.markets.rule, lean=True
    )
    located = None
    if network:
        at, key = located_network(resolved.net, resolved.net_key, resolved.inputs)
        located = _reweighted(at, key, network)
    try:
        run = run_consolidation(
            resolved.inputs, options, net=resolved.net, net_key=resolved.net_key, located=located
        )
    except InfeasibleProblemError as exc:  # an outcome of the draw, not a failure of the run
        return {"status": INFEASIBLE, "proven_optimal": False, "reason": str(exc)}
    return _figures(run)


def _figures(run: Any) -> dict[str, Any]:
    """The KPIs the summaries need, as :func:`scenarios.run.kpis_from_run` defines them (without
    its flow lines and physical metrics, which the summaries do not use)."""
    from scenarios.consolidate import money_views
    from scenarios.run import solver_summary, tonnes_by_corridor

    result, lak_per_usd = run.result, run.inputs.rates.lak_per_usd
    views = money_views(run)
    per_t = result.cost_per_tonne_lak.as_dict()
    solver = solver_summary(result)
    return {
        "status": solver["status"],
        "mip_gap": solver["mip_gap"],
        "proven_optimal": solver["proven_optimal"],
        "lak_per_usd": float(lak_per_usd),
        "kpis": {
            "annual_transport_cost_lak": float(result.cost_lak.total_lak),
            "landed_cost_lak_per_t": sum(per_t.values()),
            "landed_destination_lak_per_t": float(
                views["financial"]["landed_at_destination_lak_per_t"]
            ),
            "economic_cost_lak": float(views["economic"]["annual_at_destination_lak"]),
            "tonnes": result.total_green_kg / 1000.0,
            "breakdown_lak_per_t": per_t,
            "tonnes_by_corridor": tonnes_by_corridor(result.flows),
            "open_hubs": list(result.open_hubs),
        },
    }
