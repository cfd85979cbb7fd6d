"""Checks that name the cause of an infeasible consolidation problem before any solver runs."""

from __future__ import annotations

import numpy as np

from optimizer.consolidation.model import UNREACHABLE, ConsolidationProblem, Corridor
from optimizer.exceptions import InfeasibleProblemError


def usable_hubs(problem: ConsolidationProblem, forced_open: tuple[str, ...] = ()) -> list[int]:
    """Indices of hubs that may be opened (not closed, or forced open)."""
    return [i for i, h in enumerate(problem.hubs) if h.status != "closed" or h.id in forced_open]


def open_corridors(problem: ConsolidationProblem, period: int) -> list[int]:
    """Indices of corridors whose gateway is open in a period."""
    name = problem.periods[period]
    open_gateways = {g.id for g in problem.gateways if name in g.open_periods}
    return [i for i, c in enumerate(problem.corridors) if c.gateway_id in open_gateways]


def corridor_serves(corridor: Corridor, market_id: str) -> bool:
    """Whether a corridor may carry a market's volume."""
    return market_id in corridor.markets


def corridor_may_carry(problem: ConsolidationProblem, corridor: Corridor, market_id: str) -> bool:
    """Serves the market, or (re-routing on) reaches it by sea from its port."""
    if corridor_serves(corridor, market_id):
        return True
    return problem.reroute_penalty_lak_per_t is not None and corridor.reaches_by_sea(market_id)


def market_targets_kg(problem: ConsolidationProblem, period: int) -> list[int]:
    """Each market's kg in a period: shares rounded so that they add up exactly."""
    total = problem.period_kg(period)
    raw = [m.share * total for m in problem.markets]
    floors = [int(np.floor(x)) for x in raw]
    short = total - sum(floors)
    order = sorted(range(len(raw)), key=lambda i: raw[i] - floors[i], reverse=True)
    for i in order[:short]:
        floors[i] += 1
    return floors


def precheck(problem: ConsolidationProblem, forced_open: tuple[str, ...] = ()) -> None:
    """Raise :class:`InfeasibleProblemError` naming the first cause found, if any."""
    hubs = usable_hubs(problem, forced_open)
    if not hubs:
        msg = "all candidate hubs are closed; open at least one hub."
        raise InfeasibleProblemError(msg)
    for p, name in enumerate(problem.periods):
        if problem.period_kg(p) > 0 and not open_corridors(problem, p):
            msg = f"all gateways are closed in the {name} season; no corridor can carry the coffee."
            raise InfeasibleProblemError(msg)
    capacity_kg = sum(problem.hubs[i].capacity_kg for i in hubs)
    if capacity_kg < problem.total_kg:
        msg = (
            f"infeasible capacities: supply {problem.total_kg / 1000:,.1f} t green exceeds the "
            f"total capacity of the usable hubs, {capacity_kg / 1000:,.1f} t."
        )
        raise InfeasibleProblemError(msg)
    for p in range(len(problem.periods)):
        _check_reach(problem, p, hubs)
        _check_markets(problem, p, hubs)


def _check_reach(problem: ConsolidationProblem, p: int, hubs: list[int]) -> None:
    name = problem.periods[p]
    collection = problem.collection_lak_per_t[p][:, hubs]
    for v, point in enumerate(problem.supply):
        if point.green_kg[p] > 0 and not (collection[v] != UNREACHABLE).any():
            msg = (
                f"supply point {point.id!r} reaches no usable hub in the {name} season "
                f"({point.green_kg[p] / 1000:,.1f} t green)."
            )
            raise InfeasibleProblemError(msg)
    gates = sorted(
        {problem.gateway_index(problem.corridors[c].gateway_id) for c in open_corridors(problem, p)}
    )
    trunk = problem.trunk_lak_per_t[p][np.ix_(hubs, gates)]
    if problem.period_kg(p) > 0 and not (trunk != UNREACHABLE).any():
        msg = f"no usable hub reaches an open gateway by trunk road in the {name} season."
        raise InfeasibleProblemError(msg)


def _check_markets(problem: ConsolidationProblem, p: int, hubs: list[int]) -> None:
    name = problem.periods[p]
    targets = market_targets_kg(problem, p) if problem.markets else []
    usable = []
    for c in open_corridors(problem, p):
        g = problem.gateway_index(problem.corridors[c].gateway_id)
        if (problem.trunk_lak_per_t[p][hubs, g] != UNREACHABLE).any():
            usable.append(problem.corridors[c])
    for market, target in zip(problem.markets, targets, strict=True):
        if target > 0 and not any(corridor_may_carry(problem, c, market.id) for c in usable):
            rule = (
                "it has no sea route from an open port either; choose the market rule drop"
                if problem.reroute_penalty_lak_per_t is not None
                else "open one, or choose the market rule reroute or drop"
            )
            msg = (
                f"market {market.id!r} ({market.share:.1%} of the volume) has no open, reachable "
                f"corridor in the {name} season; {rule}."
            )
            raise InfeasibleProblemError(msg)
