"""The ``drop`` market rule: volume of markets that lost their corridors leaves the problem.

A market whose open, reachable corridors cannot take its share (all closed, or their posts'
capacity below its volume) loses the missing fraction of its volume in every period; the
villages' volumes shrink by the same total (largest remainder, so every kg is accounted for)
and the remaining markets keep their shares of what is left. The dropped kg per market and
period are returned so that the lost export value can be reported.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from optimizer.consolidation.checks import (
    corridor_serves,
    market_targets_kg,
    open_corridors,
    usable_hubs,
)
from optimizer.consolidation.model import UNREACHABLE, ConsolidationProblem, Market, SupplyPoint
from optimizer.consolidation.rounding import largest_remainder
from optimizer.exceptions import InfeasibleProblemError

__all__ = ["MarketDrop", "drop_unserved_markets", "servable_kg"]


@dataclass(frozen=True, slots=True)
class MarketDrop:
    """Green kg of one market's volume dropped in one period (no corridor could take it)."""

    period: str
    market_id: str
    green_kg: int


def servable_kg(problem: ConsolidationProblem, period: int, market_id: str) -> float:
    """Most kg the open, reachable corridors serving a market can take in a period."""
    hubs = usable_hubs(problem)
    gateways: set[str] = set()
    for c in open_corridors(problem, period):
        corridor = problem.corridors[c]
        g = problem.gateway_index(corridor.gateway_id)
        reachable = (problem.trunk_lak_per_t[period][hubs, g] != UNREACHABLE).any()
        if reachable and corridor_serves(corridor, market_id):
            gateways.add(corridor.gateway_id)
    caps = [problem.gateway_max_kg(g, period) for g in sorted(gateways)]
    if any(cap is None for cap in caps):
        return float("inf")
    return float(sum(cap for cap in caps if cap is not None))


def _lost_fraction(problem: ConsolidationProblem, k: int) -> float:
    market = problem.markets[k]
    worst = 0.0
    for p in range(len(problem.periods)):
        target = market_targets_kg(problem, p)[k]
        if target > 0:
            worst = max(worst, 1.0 - min(servable_kg(problem, p, market.id) / target, 1.0))
    return worst


def drop_unserved_markets(
    problem: ConsolidationProblem,
) -> tuple[ConsolidationProblem, tuple[MarketDrop, ...]]:
    """The problem without the market volume no corridor can carry, and what was dropped.

    Raises
    ------
    InfeasibleProblemError
        When every market loses all its volume (nothing left to move).
    """
    if not problem.markets:
        return problem, ()
    lost = [_lost_fraction(problem, k) for k in range(len(problem.markets))]
    if not any(f > 0 for f in lost):
        return problem, ()
    kept = [m.share * (1.0 - f) for m, f in zip(problem.markets, lost, strict=True)]
    kept_share = sum(kept)
    if kept_share <= 1e-12:
        msg = "market rule drop: every market lost its corridors; nothing is left to move."
        raise InfeasibleProblemError(msg)
    n_p = len(problem.periods)
    columns = []
    for p in range(n_p):
        volumes = [s.green_kg[p] * kept_share for s in problem.supply]
        columns.append(largest_remainder(volumes, round(problem.period_kg(p) * kept_share)))
    supply = tuple(
        SupplyPoint(s.id, tuple(columns[p][i] for p in range(n_p)))
        for i, s in enumerate(problem.supply)
    )
    markets = tuple(
        Market(m.id, share / kept_share) for m, share in zip(problem.markets, kept, strict=True)
    )
    reduced = dataclasses.replace(problem, supply=supply, markets=markets)
    drops = []
    for p, name in enumerate(problem.periods):
        before, after = market_targets_kg(problem, p), market_targets_kg(reduced, p)
        for k, market in enumerate(problem.markets):
            if lost[k] > 0 and before[k] - after[k] > 0:
                drops.append(MarketDrop(name, market.id, before[k] - after[k]))
    return reduced, tuple(drops)
