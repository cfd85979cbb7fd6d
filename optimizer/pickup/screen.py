"""Screening: why a pickup cannot be served by any truck even on its own (before any engine).

Unreachable in the season or on no day of its window, heavier than every truck that can reach
it, a time window or driver's day no truck can keep, or fresh cherry that cannot reach the
depot in time even on a direct trip. The reasons are written for the person planning the day.
"""

from __future__ import annotations

from optimizer.pickup.problem import Pickup, PickupProblem

__all__ = ["screen_reason", "when_text", "window_ok"]


def _unreachable_reason(problem: PickupProblem) -> str:
    season = f" in the {problem.season} season" if problem.season else ""
    return f"unreachable{season} by any available vehicle class"


def window_ok(problem: PickupProblem, k: int, p: int) -> bool:
    vt = problem.vehicle_types[k]
    m = problem.matrices[k]
    pickup = problem.pickups[p]
    node = problem.node(p)
    start = max(vt.shift_start_s + int(m.duration_s[vt.depot, node]), pickup.tw_start_s)
    if pickup.tw_end_s is not None and start > pickup.tw_end_s:
        return False
    back = start + pickup.service_s + int(m.duration_s[node, vt.depot])
    return vt.shift_end_s is None or back <= vt.shift_end_s


def _no_reach_reason(problem: PickupProblem, pickup: Pickup) -> str:
    days = {vt.day for vt in problem.vehicle_types} - {None}
    if days and not any(pickup.on_day(d) for d in days):
        return f"no truck works on a day of its window{_window_text(pickup)}"
    return _unreachable_reason(problem)


def _window_text(pickup: Pickup) -> str:
    if pickup.earliest_day is None and pickup.latest_day is None:
        return ""
    return f" (days {pickup.earliest_day or 'any'} to {pickup.latest_day or 'any'})"


def when_text(problem: PickupProblem, pickup: Pickup) -> str:
    """``for this day``, or the days a multi-day plan could have collected the pickup."""
    if all(vt.day is None for vt in problem.vehicle_types):
        return "for this day"
    return "on any day of its window" + _window_text(pickup)


def screen_reason(problem: PickupProblem, p: int) -> str | None:
    """Why pickup ``p`` cannot be served by any truck on its own, or ``None`` if it can."""
    pickup = problem.pickups[p]
    reach = [k for k in range(len(problem.vehicle_types)) if problem.allowed(k, p)]
    if not reach:
        return _no_reach_reason(problem, pickup)
    biggest = max(vt.capacity_kg for vt in problem.vehicle_types)
    if pickup.weight_kg > biggest:
        return f"weight {pickup.weight_kg} kg exceeds the largest vehicle capacity {biggest} kg"
    fits = [k for k in reach if problem.vehicle_types[k].capacity_kg >= pickup.weight_kg]
    if not fits:
        cap = max(problem.vehicle_types[k].capacity_kg for k in reach)
        return (
            f"weight {pickup.weight_kg} kg exceeds the capacity of every vehicle class that "
            f"can reach it (largest {cap} kg)"
        )
    if not any(window_ok(problem, k, p) for k in fits):
        return "its time window or the driver's day cannot be kept by any vehicle, even alone"
    if not any(_fresh_ok(problem, k, p) for k in fits):
        hours = (pickup.max_ride_s or 0) / 3600
        return f"fresh cherry cannot reach the depot within {hours:g} h even on a direct trip"
    return None


def _fresh_ok(problem: PickupProblem, k: int, p: int) -> bool:
    """Loading here and driving straight back keeps the freshness limit (if any)."""
    pickup = problem.pickups[p]
    if pickup.max_ride_s is None:
        return True
    back = int(problem.matrices[k].duration_s[problem.node(p), problem.vehicle_types[k].depot])
    return pickup.service_s + back <= pickup.max_ride_s
