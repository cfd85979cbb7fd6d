"""Independent check of a consolidation result against its problem (no solver involved)."""

from __future__ import annotations

from collections import defaultdict

from optimizer.consolidation.checks import corridor_may_carry, market_targets_kg
from optimizer.consolidation.costs import cost_breakdown
from optimizer.consolidation.model import UNREACHABLE, ConsolidationProblem, ConsolidationResult
from optimizer.exceptions import VerificationError


def _fail(msg: str) -> None:
    raise VerificationError(msg)


def verify_consolidation(problem: ConsolidationProblem, result: ConsolidationResult) -> None:
    """Raise :class:`VerificationError` unless the plan conserves tonnes and keeps every rule.

    Checked: each village's volume in each period goes to exactly one open, reachable hub; hub
    capacities; each hub sends out what it receives through open, reachable corridors; gateway
    capacities; market shares; the cost parts equal the recomputed parts.
    """
    _check_assignments(problem, result)
    _check_flows(problem, result)
    if problem.markets:
        _check_markets(problem, result)
    expected = cost_breakdown(
        problem, result.open_hubs, result.assignments, result.flows, result.market_flows
    )
    got = result.cost_lak
    if abs(expected.at_destination_lak - got.at_destination_lak) > 1.0:
        want = expected.at_destination_lak
        _fail(f"cost parts sum to {got.at_destination_lak:.0f}, expected {want:.0f}")


def _check_assignments(problem: ConsolidationProblem, result: ConsolidationResult) -> None:
    periods = {name: p for p, name in enumerate(problem.periods)}
    hubs = {h.id: (i, h) for i, h in enumerate(problem.hubs)}
    seen: dict[tuple[str, str], int] = {}
    received: dict[str, int] = defaultdict(int)
    v_index = {s.id: i for i, s in enumerate(problem.supply)}
    for a in result.assignments:
        h, _ = hubs[a.hub_id]
        p, v = periods[a.period], v_index[a.supply_id]
        if a.hub_id not in result.open_hubs:
            _fail(f"village {a.supply_id} assigned to closed hub {a.hub_id}")
        if problem.collection_lak_per_t[p, v, h] == UNREACHABLE:
            _fail(f"village {a.supply_id} assigned to unreachable hub {a.hub_id}")
        seen[a.period, a.supply_id] = seen.get((a.period, a.supply_id), 0) + a.green_kg
        received[a.hub_id] += a.green_kg
    for p, name in enumerate(problem.periods):
        for point in problem.supply:
            if seen.get((name, point.id), 0) != point.green_kg[p]:
                _fail(f"village {point.id} moves {seen.get((name, point.id), 0)} kg in {name}")
    for hub_id, kg in received.items():
        if kg > hubs[hub_id][1].capacity_kg:
            _fail(f"hub {hub_id} receives {kg} kg > capacity {hubs[hub_id][1].capacity_kg}")
    if sum(received.values()) != result.total_green_kg or result.total_green_kg != problem.total_kg:
        _fail("tonnes are not conserved between supply and hubs")


def _check_flows(problem: ConsolidationProblem, result: ConsolidationResult) -> None:
    inflow: dict[tuple[str, str], int] = defaultdict(int)
    outflow: dict[tuple[str, str], int] = defaultdict(int)
    through: dict[tuple[str, str], int] = defaultdict(int)
    for a in result.assignments:
        inflow[a.period, a.hub_id] += a.green_kg
    periods = {name: p for p, name in enumerate(problem.periods)}
    h_index = {h.id: i for i, h in enumerate(problem.hubs)}
    gateways = {g.id: g for g in problem.gateways}
    for f in result.flows:
        gateway = gateways[f.gateway_id]
        if f.period not in gateway.open_periods:
            _fail(f"flow through gateway {f.gateway_id}, closed in {f.period}")
        g = problem.gateway_index(f.gateway_id)
        if problem.trunk_lak_per_t[periods[f.period], h_index[f.hub_id], g] == UNREACHABLE:
            _fail(f"hub {f.hub_id} cannot reach gateway {f.gateway_id} in {f.period}")
        outflow[f.period, f.hub_id] += f.green_kg
        through[f.period, f.gateway_id] += f.green_kg
    for key in set(inflow) | set(outflow):
        if inflow.get(key, 0) != outflow.get(key, 0):
            _fail(f"hub {key[1]} sends {outflow.get(key, 0)} kg but receives {inflow.get(key, 0)}")
    for (period, gateway_id), kg in through.items():
        cap = problem.gateway_max_kg(gateway_id, periods[period])
        if cap is not None and kg > cap:
            _fail(f"gateway {gateway_id} carries {kg} kg > capacity {cap} in {period}")


def _check_markets(problem: ConsolidationProblem, result: ConsolidationResult) -> None:
    corridors = {c.id: c for c in problem.corridors}
    for p, name in enumerate(problem.periods):
        targets = market_targets_kg(problem, p)
        for market, target in zip(problem.markets, targets, strict=True):
            got = 0
            for mf in result.market_flows:
                if mf.period == name and mf.market_id == market.id:
                    if not corridor_may_carry(problem, corridors[mf.corridor_id], market.id):
                        _fail(f"corridor {mf.corridor_id} does not serve market {market.id}")
                    got += mf.green_kg
            # the MIP rounds tonnes to kg per corridor, so allow 1 kg per corridor
            if abs(got - target) > len(problem.corridors):
                _fail(f"market {market.id} gets {got} kg in {name}, expected {target}")
