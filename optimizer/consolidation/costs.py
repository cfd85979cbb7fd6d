"""Landed-cost parts of a consolidation plan, recomputed from the problem's arrays."""

from __future__ import annotations

from collections.abc import Iterable

from optimizer.consolidation.model import (
    Assignment,
    ConsolidationProblem,
    CorridorFlow,
    CostBreakdown,
)


def cost_breakdown(
    problem: ConsolidationProblem,
    open_hubs: Iterable[str],
    assignments: Iterable[Assignment],
    flows: Iterable[CorridorFlow],
) -> CostBreakdown:
    """Cost parts in LAK: collection, hub handling (+ fixed), trunk, border fees, waiting, onward.

    Collection is taken from the arrays, not from ``Assignment.collection_lak``, so that this
    function can check a plan independently of the solver's bookkeeping.
    """
    periods = {name: p for p, name in enumerate(problem.periods)}
    v_index = {s.id: i for i, s in enumerate(problem.supply)}
    h_index = {h.id: i for i, h in enumerate(problem.hubs)}
    c_index = {c.id: i for i, c in enumerate(problem.corridors)}
    hubs = {h.id: h for h in problem.hubs}
    collection = handling = 0.0
    for a in assignments:
        p, v, h = periods[a.period], v_index[a.supply_id], h_index[a.hub_id]
        collection += a.green_kg * int(problem.collection_lak_per_t[p, v, h]) / 1000
        handling += a.green_kg * hubs[a.hub_id].handling_lak_per_t / 1000
    handling += sum(hubs[h].fixed_cost_lak for h in open_hubs)
    trunk = fees = waiting = onward = 0.0
    for f in flows:
        p, h = periods[f.period], h_index[f.hub_id]
        corridor = problem.corridors[c_index[f.corridor_id]]
        g = problem.gateway_index(corridor.gateway_id)
        tonnes = f.green_kg / 1000
        trunk += tonnes * int(problem.trunk_lak_per_t[p, h, g])
        fees += tonnes * corridor.border_fee_lak_per_t
        waiting += tonnes * corridor.border_waiting_lak_per_t
        onward += tonnes * corridor.onward_lak_per_t
    return CostBreakdown(
        collection_lak=collection,
        hub_handling_lak=handling,
        trunk_haul_lak=trunk,
        border_fees_lak=fees,
        border_waiting_lak=waiting,
        onward_leg_lak=onward,
    )
