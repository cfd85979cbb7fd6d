"""Solver values (real kg) to whole kg that keep every total and every capacity.

A MIP solver returns real-valued flows that satisfy each capacity only up to its tolerance.
Rounding each village's volume to whole kg by largest remainder keeps the village's total but
may push a full hub one kg over its capacity (``6000001 kg > capacity 6000000``). Here each
group (a village in a period, a hub in a period, a corridor in a period) is rounded to its
exact total, then the few kg over a column's capacity (a hub, a gateway, a market target) are
moved, inside a group, to another column of that group with room to spare.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
G = TypeVar("G", bound=Hashable)
C = TypeVar("C", bound=Hashable)


def largest_remainder(values_kg: list[float], total_kg: int) -> list[int]:
    """Round non-negative kg values to integers that add up to ``total_kg`` exactly.

    Ties go to the earlier value, so the same input always gives the same output.
    """
    floors = [max(int(x), 0) for x in values_kg]
    short = total_kg - sum(floors)
    order = sorted(range(len(values_kg)), key=lambda i: values_kg[i] - floors[i], reverse=True)
    for i in order[: max(short, 0)]:
        floors[i] += 1
    for i in sorted(range(len(floors)), key=lambda i: floors[i], reverse=True)[: max(-short, 0)]:
        floors[i] -= 1
    return floors


def round_to_totals(
    values: Mapping[K, float],
    *,
    group: Callable[[K], G],
    column: Callable[[K], C],
    totals: Mapping[G, int],
    capacity: Mapping[C, int],
) -> dict[K, int]:
    """Whole kg per key: each group sums to its total, no column exceeds its capacity if possible.

    Parameters
    ----------
    values
        Real kg per key, as the solver returned them (keys in a fixed order).
    group, column
        The group (whose total is fixed) and the column (whose capacity binds) of a key.
    totals
        Whole kg of each group (a group absent here must sum to 0).
    capacity
        Whole-kg capacity of a column; a column absent here has none.

    Returns
    -------
    dict
        Whole kg per key. A column stays over its capacity only when no group of that column
        has another column with room (the caller's verification then names it).
    """
    keys_by: dict[G, list[K]] = defaultdict(list)
    for key in values:
        keys_by[group(key)].append(key)
    out: dict[K, int] = {}
    for g, keys in keys_by.items():
        kg = largest_remainder([values[k] for k in keys], totals.get(g, 0))
        out.update(zip(keys, kg, strict=True))
    _repair(out, values, keys_by, group, column, capacity)
    return out


def _repair(
    out: dict[K, int],
    values: Mapping[K, float],
    keys_by: Mapping[G, list[K]],
    group: Callable[[K], G],
    column: Callable[[K], C],
    capacity: Mapping[C, int],
) -> None:
    load: dict[C, int] = defaultdict(int)
    for key, kg in out.items():
        load[column(key)] += kg
    for col in [c for c in load if c in capacity]:
        for key in sorted(
            (k for k in out if column(k) == col and out[k] > 0),
            key=lambda k: values[k] - out[k],  # most rounded-up first
        ):
            over = load[col] - capacity[col]
            if over <= 0:
                break
            for other in sorted(keys_by[group(key)], key=lambda k: -values[k]):
                target = column(other)
                room = capacity[target] - load[target] if target in capacity else over
                if target == col or room <= 0:
                    continue
                moved = min(over, out[key], room)
                out[key] -= moved
                out[other] += moved
                load[col] -= moved
                load[target] += moved
                over -= moved
                if over <= 0 or out[key] == 0:
                    break
