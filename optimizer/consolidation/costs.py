"""Landed-cost parts of a consolidation plan, recomputed from the problem's arrays."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from optimizer.consolidation.model import (
    Assignment,
    ConsolidationProblem,
    CorridorFlow,
    CostBreakdown,
    MarketFlow,
)


def queue_cost_lak(problem: ConsolidationProblem, flows: Iterable[CorridorFlow]) -> float:
    """Coffee's queueing cost at the busy border posts (the convex curves of ``queues``)."""
    through: dict[tuple[str, str], int] = defaultdict(int)
    for f in flows:
        through[f.period, f.gateway_id] += f.green_kg
    periods = {name: p for p, name in enumerate(problem.periods)}
    total = 0.0
    for (period, gateway_id), kg in through.items():
        queue = problem.queue_for(gateway_id, periods[period])
        if queue is not None:
            total += queue.cost_lak(kg)
    return total


def cost_breakdown(
    problem: ConsolidationProblem,
    open_hubs: Iterable[str],
    assignments: Iterable[Assignment],
    flows: Iterable[CorridorFlow],
    market_flows: Iterable[MarketFlow] = (),
) -> CostBreakdown:
    """Cost parts in LAK: collection, hub handling (+ fixed), trunk, border fees, waiting, onward.

    Waiting includes the queues at busy posts; the ocean freight (beyond the seaport) comes
    from the market flows. Collection is taken from the arrays, not from
    ``Assignment.collection_lak``, so that this function can check a plan independently of
    the solver's bookkeeping.
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
    flows = tuple(flows)
    trunk = fees = onward = 0.0
    waiting = queue_cost_lak(problem, flows)
    for f in flows:
        p, h = periods[f.period], h_index[f.hub_id]
        corridor = problem.corridors[c_index[f.corridor_id]]
        g = problem.gateway_index(corridor.gateway_id)
        tonnes = f.green_kg / 1000
        trunk += tonnes * int(problem.trunk_lak_per_t[p, h, g])
        fees += tonnes * corridor.border_fee_lak_per_t
        waiting += tonnes * corridor.border_waiting_lak_per_t
        onward += tonnes * corridor.onward_lak_per_t
    ocean = sum(
        m.green_kg / 1000 * problem.corridors[c_index[m.corridor_id]].ocean_to(m.market_id)
        for m in market_flows
    )
    return CostBreakdown(
        collection_lak=collection,
        hub_handling_lak=handling,
        trunk_haul_lak=trunk,
        border_fees_lak=fees,
        border_waiting_lak=waiting,
        onward_leg_lak=onward,
        ocean_freight_lak=ocean,
    )
