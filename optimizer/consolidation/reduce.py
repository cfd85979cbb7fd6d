"""Exact reduction of the split model: villages whose collection costs differ by a constant.

Two villages whose collection costs to every hub differ by the same amount (villages that reach
the road network at the same node: only their access leg differs) are interchangeable in the
model where a village may split its volume: any split of their joint volume between hubs costs
the same, whoever sends which part. They are solved as one supply point (their kg added, the
constant kept as an objective offset) and split back afterwards. On the full region this
halves the assignment variables without changing the optimum.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from optimizer.consolidation.model import UNREACHABLE, ConsolidationProblem


@dataclass(frozen=True, slots=True)
class VillageGroup:
    """Villages (indices) solved as one supply point in one period.

    ``rep`` is the member whose cost row the group uses; ``offset_lak`` is the sum over the
    members of kg x (member's cost - rep's cost) / 1000, the same for every hub.
    """

    period: int
    members: tuple[int, ...]
    kg: int
    rep: int
    offset_lak: float


def village_groups(
    problem: ConsolidationProblem, period: int, *, merge: bool
) -> list[VillageGroup]:
    """Supply points of one period with volume; equivalent villages merged if ``merge``."""
    costs = problem.collection_lak_per_t[period]
    by_row: dict[bytes, list[int]] = {}
    for v, point in enumerate(problem.supply):
        if point.green_kg[period] == 0:
            continue
        row = costs[v]
        reach = row != UNREACHABLE
        base = int(row[reach].min()) if reach.any() else 0
        key = (
            np.where(reach, row - base, UNREACHABLE).tobytes() if merge else bytes(str(v), "ascii")
        )
        by_row.setdefault(key, []).append(v)
    groups = []
    for members in by_row.values():
        rep = members[0]
        reach = costs[rep] != UNREACHABLE
        h = int(np.argmax(reach))  # any reachable hub: the difference is the same for all
        kg = [problem.supply[v].green_kg[period] for v in members]
        offset = sum(
            k * (int(costs[v, h]) - int(costs[rep, h])) for v, k in zip(members, kg, strict=True)
        )
        groups.append(VillageGroup(period, tuple(members), sum(kg), rep, offset / 1000.0))
    return groups


def split_group(
    problem: ConsolidationProblem, group: VillageGroup, hub_kg: dict[int, float]
) -> dict[tuple[int, int, int], float]:
    """Share a group's kg per hub among its members, in order (any split costs the same)."""
    out: dict[tuple[int, int, int], float] = {}
    left = dict(hub_kg)
    hubs = list(left)
    for v in group.members:
        need = float(problem.supply[v].green_kg[group.period])
        for h in hubs:
            take = min(need, left[h])
            if take > 0:
                out[group.period, v, h] = take
                left[h] -= take
                need -= take
            if need <= 0:
                break
        if need > 0 and hubs:  # the solver's tolerance left a sliver: the largest hub takes it
            h = max(hubs, key=lambda i: hub_kg[i])
            out[group.period, v, h] = out.get((group.period, v, h), 0.0) + need
    return out
