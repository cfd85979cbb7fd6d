"""Two views of money for one plan: financial (what the exporter pays) and economic.

- financial: the optimizer's own costs. Lao legs (collection, trunk, truck waiting) at carrier
  prices, operator cost x (1 + ``lao_carrier_markup``) for margin and unpaid backhaul; border
  fees; onward legs and ocean freight at the published prices (onward indexed to diesel).
- economic: resource cost, used by the appraisal. Lao legs at operator cost (the price less
  the markup), border fees left out (transfers to the two governments; transloading kept: it
  uses labour and equipment), onward legs and ocean freight less the carriers' margin
  (``foreign_carrier_margin``).

Both are in LAK per year and per tonne, with the ocean freight apart so that the landed cost
is given at the seaport and at destination.
"""

from __future__ import annotations

from typing import Any

from optimizer import CostBreakdown
from scenarios.consolidate.records import ConsolidationRun

__all__ = ["economic_breakdown", "money_views"]

FINANCIAL_LABEL = "financial: what the exporter pays (carrier prices with margin and backhaul)"
ECONOMIC_LABEL = "economic: resource cost (no margins, no border fees), used by the appraisal"


def _transload_lak(run: ConsolidationRun) -> float:
    lak = run.inputs.rates.lak_per_usd
    sites = {g.id: g for g in run.inputs.gateways}
    return sum(
        f.green_kg / 1000.0 * sites[f.gateway_id].transload_usd_per_t * lak
        for f in run.result.flows
        if sites[f.gateway_id].transload
    )


def economic_breakdown(run: ConsolidationRun) -> CostBreakdown:
    """The plan's cost parts as resource costs (LAK per year)."""
    fin = run.result.cost_lak
    p = run.inputs.params
    lao = 1.0 + p.lao_carrier_markup
    foreign = 1.0 + p.foreign_carrier_margin
    return CostBreakdown(
        collection_lak=fin.collection_lak / lao,
        hub_handling_lak=fin.hub_handling_lak,
        trunk_haul_lak=fin.trunk_haul_lak / lao,
        border_fees_lak=_transload_lak(run),
        border_waiting_lak=fin.border_waiting_lak / lao,
        onward_leg_lak=fin.onward_leg_lak / foreign,
        ocean_freight_lak=fin.ocean_freight_lak / foreign,
    )


def _view(label: str, cost: CostBreakdown, tonnes: float, lak_per_usd: float) -> dict[str, Any]:
    per_t = {k: v / tonnes for k, v in cost.as_dict().items()} if tonnes > 0 else {}
    port = cost.total_lak / tonnes if tonnes > 0 else 0.0
    dest = cost.at_destination_lak / tonnes if tonnes > 0 else 0.0
    return {
        "label": label,
        "annual_lak": round(cost.total_lak),
        "annual_at_destination_lak": round(cost.at_destination_lak),
        "parts_lak_per_t": {k: round(v, 1) for k, v in per_t.items()},
        "landed_at_seaport_lak_per_t": round(port, 1),
        "ocean_freight_lak_per_t": round(dest - port, 1),
        "landed_at_destination_lak_per_t": round(dest, 1),
        "landed_at_seaport_usd_per_t": round(port / lak_per_usd, 2),
        "landed_at_destination_usd_per_t": round(dest / lak_per_usd, 2),
    }


def money_views(run: ConsolidationRun) -> dict[str, dict[str, Any]]:
    """``financial`` and ``economic`` views of the plan, each labelled (JSON-ready)."""
    tonnes = run.result.total_green_kg / 1000.0
    lak = run.inputs.rates.lak_per_usd
    return {
        "financial": _view(FINANCIAL_LABEL, run.result.cost_lak, tonnes, lak),
        "economic": _view(ECONOMIC_LABEL, economic_breakdown(run), tonnes, lak),
    }
