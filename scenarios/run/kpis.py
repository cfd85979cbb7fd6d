"""Key performance indicators of a scenario run, as plain JSON-ready mappings.

A scenario result (``run.run_scenario_json``) carries ``kpis``: one mapping with the annual
figures below. This module names them, orders them for tables, and flattens a result into one
CSV row. Money in LAK (constant prices of the cost tables), tonnes of green-equivalent coffee.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from optimizer import CostBreakdown
from scenarios.common import ScenarioError

if TYPE_CHECKING:
    from scenarios.consolidate import ConsolidationRun

__all__ = [
    "BORDER_PARTS",
    "BREAKDOWN_PARTS",
    "KPI_FIELDS",
    "KpiField",
    "kpi_row",
    "kpis_from_run",
    "solver_columns",
    "solver_summary",
    "tonnes_by_corridor",
    "validate_kpis",
]

BREAKDOWN_PARTS = CostBreakdown.PARTS
"""Landed-cost parts, in the order of the consolidation model's breakdown."""

BORDER_PARTS = ("border_fees", "border_waiting")
"""The parts a border change (fees, waiting, hours) acts on directly."""


@dataclass(frozen=True, slots=True)
class KpiField:
    """One KPI: key in ``kpis``, label for tables, unit, and whether lower is better."""

    key: str
    label: str
    unit: str
    lower_is_better: bool = True


KPI_FIELDS = (
    KpiField("annual_transport_cost_lak", "Annual transport cost", "LAK/yr"),
    KpiField("landed_cost_lak_per_t", "Landed cost to port", "LAK/t"),
    KpiField("landed_cost_usd_per_t", "Landed cost to port", "US$/t"),
    KpiField("landed_destination_usd_per_t", "Landed cost at destination", "US$/t"),
    KpiField("economic_cost_lak", "Annual economic cost (to destination)", "LAK/yr"),
    KpiField("dropped_tonnes", "Export volume dropped (closed posts)", "t green"),
    KpiField("tonnes", "Volume moved", "t green", lower_is_better=False),
    KpiField("tkm", "Tonne-km (all legs)", "t-km"),
    KpiField("truck_hours", "Truck-hours (Lao road legs)", "h"),
    KpiField("litres", "Diesel (Lao road legs)", "L"),
    KpiField("co2_t", "CO2 (Lao road legs, TTW)", "t CO2e"),
    KpiField("wet_reachable_share", "Volume reachable in the wet season", "share", False),
    KpiField("trunk_lak_per_tkm", "Trunk haul cost per t-km", "LAK/t-km"),
    KpiField("open_hub_count", "Open hubs", "count", lower_is_better=False),
    KpiField("pickup_sample_lak_per_t", "Sample pickup week (Paksong)", "LAK/t collected"),
)
_OPTIONAL = (
    "pickup_sample_lak_per_t",
    "landed_destination_usd_per_t",
    "economic_cost_lak",
    "dropped_tonnes",
)
_REQUIRED = (
    *(f.key for f in KPI_FIELDS if f.key not in _OPTIONAL),
    "breakdown_lak_per_t",
    "tonnes_by_corridor",
)


def validate_kpis(kpis: Mapping[str, Any]) -> None:
    """Check a KPI mapping has every field and that the breakdown sums to the landed cost.

    Raises
    ------
    ValueError
        Naming the missing keys or the size of the mismatch.
    """
    missing = [key for key in _REQUIRED if key not in kpis]
    if missing:
        msg = f"KPIs: expected keys {', '.join(missing)}; got {', '.join(sorted(kpis))}"
        raise ScenarioError(msg)
    parts = kpis["breakdown_lak_per_t"]
    unknown = sorted(set(parts) - set(BREAKDOWN_PARTS))
    if unknown:
        msg = f"KPIs: unknown breakdown parts {unknown}; valid: {', '.join(BREAKDOWN_PARTS)}"
        raise ScenarioError(msg)
    total = sum(float(v) for v in parts.values())
    landed = float(kpis["landed_cost_lak_per_t"])
    if abs(total - landed) > max(1.0, 1e-6 * abs(landed)):
        msg = f"KPIs: breakdown parts sum to {total:.1f} LAK/t but landed cost is {landed:.1f}"
        raise ScenarioError(msg)


def solver_summary(result: Any) -> dict[str, Any]:
    """Status and proven gap of a consolidation solve, JSON-ready (see README: optimal, gap).

    ``result`` is an ``optimizer.ConsolidationResult``.
    """
    return {
        "status": str(result.status),
        "mip_gap": float(result.mip_gap),
        "mip_gap_pct": float(result.mip_gap) * 100.0,
        "proven_optimal": bool(result.proven_optimal),
        "gap_limit": float(result.gap_limit),
        "nodes": int(result.nodes),
        "solve_time_s": round(float(result.solve_time_s), 3),
    }


def solver_columns(result: Mapping[str, Any]) -> dict[str, Any]:
    """``solver_status`` and ``mip_gap_pct`` of an engine result (``None`` if it has none)."""
    solver = result.get("solver") or {}
    gap = solver.get("mip_gap_pct")
    return {
        "solver_status": solver.get("status"),
        "mip_gap_pct": float(gap) if gap is not None else None,
    }


def kpi_row(result: Mapping[str, Any]) -> dict[str, Any]:
    """Flatten one stored scenario result into a CSV row (status, KPIs, breakdown, corridors)."""
    kpis = result["result"]["kpis"]
    row: dict[str, Any] = {"scenario": result["name"], "status": "ok"}
    row.update(solver_columns(result["result"]))
    for field in KPI_FIELDS:
        row[f"{field.key}"] = kpis.get(field.key)
    for part in BREAKDOWN_PARTS:
        row[f"{part}_lak_per_t"] = kpis["breakdown_lak_per_t"].get(part, 0.0)
    for corridor, tonnes in sorted(kpis["tonnes_by_corridor"].items()):
        row[f"tonnes_via_{corridor}"] = tonnes
    return row


def _hub_to_port(run: ConsolidationRun) -> dict[str, float]:
    """Cost per tonne from each hub through each corridor to its port (trunk haul + border fee,
    waiting and onward leg), in the first season solved; unreachable pairs are left out.

    Unlike the flow-weighted figures this does not move when the optimizer re-routes volume,
    so it shows exactly which hub-to-port routes a road or border change makes cheaper.
    """
    problem = run.problem
    out: dict[str, float] = {}
    for corridor in problem.corridors:
        g = problem.gateway_index(corridor.gateway_id)
        for h, hub in enumerate(problem.hubs):
            trunk = int(problem.trunk_lak_per_t[0, h, g])
            if trunk >= 0:
                out[f"{hub.id} > {corridor.id}"] = float(trunk + corridor.lak_per_t)
    return out


def _wet_reachable_share(run: ConsolidationRun) -> float | None:
    """Share of the annual green volume whose village the wet-season collection vehicle
    reaches on its own track (villages cut off are carried to the road or shifted to dry)."""
    import numpy as np

    leg = run.collection.get("wet")
    if leg is None:
        return None
    reachable = np.isfinite(leg.trip_cost_lak).any(axis=1)
    if run.tracks is not None:
        vehicle = run.inputs.profile("collection_vehicle_wet").network_class
        reachable &= ~run.tracks.cut_off("wet", vehicle)
    volume = np.array([v.green_t for v in run.inputs.villages])
    total = float(volume.sum())
    return float(volume[reachable].sum() / total) if total > 0 else None


def _border_kpis(run: ConsolidationRun, views: Mapping[str, Any]) -> dict[str, Any]:
    """Landed cost at destination, the economic view, and the markets' lost volume."""
    from scenarios.consolidate import market_route_rows

    fin, eco = views["financial"], views["economic"]
    rows = market_route_rows(run)
    return {
        "landed_destination_lak_per_t": float(fin["landed_at_destination_lak_per_t"]),
        "landed_destination_usd_per_t": float(fin["landed_at_destination_usd_per_t"]),
        "ocean_freight_lak_per_t": float(fin["ocean_freight_lak_per_t"]),
        "economic_cost_lak": float(eco["annual_at_destination_lak"]),
        "economic_landed_destination_lak_per_t": float(eco["landed_at_destination_lak_per_t"]),
        "dropped_tonnes": float(sum(r["dropped_tonnes"] for r in rows)),
        "lost_export_value_usd": float(sum(r["lost_export_value_usd"] for r in rows)),
        "rerouted_tonnes": float(sum(r["rerouted_tonnes"] for r in rows)),
        "market_rule": run.market_rule,
    }


def tonnes_by_corridor(flows: Iterable[Any]) -> dict[str, float]:
    """Tonnes green through each corridor of ``flows`` (in the order corridors first appear)."""
    out: dict[str, float] = {}
    for f in flows:
        out[f.corridor_id] = out.get(f.corridor_id, 0.0) + f.green_kg / 1000.0
    return out


def kpis_from_run(run: ConsolidationRun) -> dict[str, Any]:
    """The JSON-ready result of a scenario from a verified consolidation run.

    Truck-hours, litres and
    CO2 cover the Lao road legs (collection and trunk haul, border waiting included in hours); t-km
    covers every leg including the onward leg beyond the border.
    """
    from scenarios.consolidate import landed_by_corridor, money_views
    from scenarios.run.flows import flow_lines

    result, (metrics, fid) = run.result, run.checked()
    rates = run.inputs.rates
    tonnes = result.total_green_kg / 1000.0
    per_t = result.cost_per_tonne_lak.as_dict()
    landed = sum(per_t.values())
    by_corridor = tonnes_by_corridor(result.flows)
    by_season = {
        period: tonnes_by_corridor(f for f in result.flows if f.period == period)
        for period in dict.fromkeys(f.period for f in result.flows)
    }
    kpis = {
        "annual_transport_cost_lak": float(result.cost_lak.total_lak),
        "landed_cost_lak_per_t": landed,
        "landed_cost_usd_per_t": landed / rates.lak_per_usd,
        "tonnes": tonnes,
        "tkm": float(metrics.tkm),
        "tkm_collection": float(metrics.tkm_collection),
        "tkm_trunk": float(metrics.tkm_trunk),
        "tkm_onward": float(metrics.tkm_onward),
        "truck_hours": float(metrics.truck_hours),
        "litres": float(metrics.litres),
        "co2_t": float(metrics.co2_t),
        "wet_reachable_share": _wet_reachable_share(run),
        "open_hub_count": len(result.open_hubs),
        "open_hubs": list(result.open_hubs),
        "breakdown_lak_per_t": per_t,
        "tonnes_by_corridor": by_corridor,
        "tonnes_by_season_corridor": by_season,
        "landed_cost_by_corridor_lak_per_t": landed_by_corridor(run),
        "hub_to_port_lak_per_t": _hub_to_port(run),
        "shifted_to_dry_villages": len(run.shifted_to_dry),
        "trunk_lak_per_tkm": float(fid.trunk_lak_per_tkm),
        **_border_kpis(run, money_views(run)),
    }
    validate_kpis(kpis)
    return {
        "status": result.status,
        "solver": solver_summary(result),
        "season": run.season,
        "lak_per_usd": float(rates.lak_per_usd),
        "diesel_lak_per_l": float(rates.diesel_lak_per_l),
        "kpis": kpis,
        "flows": flow_lines(run),
    }
