"""Queues at busy border posts: coffee's waiting cost as a convex piecewise-linear curve.

Per truck, the wait beyond clearance grows with the trucks a day through the post ``n`` (the
other traffic of ``data/border_traffic.csv``, grown to ``border_traffic_year``, plus coffee's
own trucks) against the post's capacity ``c`` (``data/gateways.csv``), in the form of the
Bureau of Public Roads link-performance function::

    queue_h(n) = clearance_h x queue_alpha x (n / c) ** queue_beta

Coffee's cost ``f(x)`` for ``x`` tonnes in a season of ``D`` days is its trucks
``x / payload`` times ``queue_h(other + x / payload / D)`` times the truck's cost per hour:
convex, so the MIP needs no binaries. Breakpoints halve towards zero from the season's whole
volume (fine where coffee's volume lies), the last one is the post's room for coffee
(``c - other`` trucks a day), which is therefore also a capacity.
"""

from __future__ import annotations

import numpy as np

from optimizer import GatewayQueue
from scenarios.consolidate.gateways import GatewaySite
from scenarios.consolidate.records import Inputs

__all__ = ["gateway_queues", "other_trucks_per_day", "queue_wait_h"]


def queue_wait_h(site: GatewaySite, trucks_per_day: float, inputs: Inputs) -> float:
    """Hours a truck queues beyond clearance at ``trucks_per_day`` through the post."""
    cap = site.capacity_trucks_per_day
    if cap is None or cap <= 0:
        return 0.0
    p = inputs.params
    return float(site.clearance_h * p.queue_alpha * (trucks_per_day / cap) ** p.queue_beta)


def other_trucks_per_day(site: GatewaySite, inputs: Inputs) -> float:
    """Trucks a day of other goods through the post in the queue model's year."""
    traffic = inputs.border_traffic.get(site.id)
    if traffic is None:
        return 0.0
    return traffic.trucks_in(round(inputs.params.border_traffic_year))


def _curve(
    site: GatewaySite, inputs: Inputs, days: float, volume_t: float, truck_lak_per_h: float
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    payload_t = inputs.profile("trunk_vehicle").capacity_kg / 1000.0
    other = other_trucks_per_day(site, inputs)
    cap = site.capacity_trucks_per_day or 0.0
    room_t = max(cap - other, 0.0) * payload_t * days
    if room_t <= 0:
        return (0,), (0,)
    halvings = int(inputs.params.queue_segments) - 1
    points = sorted({0.0, room_t, *(min(volume_t / 2**k, room_t) for k in range(halvings))})

    def cost(x_t: float) -> float:
        trucks = x_t / payload_t
        return trucks * queue_wait_h(site, other + trucks / days, inputs) * truck_lak_per_h

    widths_kg = np.diff(np.floor(np.array(points) * 1000.0)).astype(np.int64)
    values = np.array([cost(x) for x in points])
    slopes = np.diff(values) / np.maximum(np.diff(points), 1e-9)
    slopes = np.maximum.accumulate(np.rint(slopes)).astype(np.int64)
    return tuple(int(w) for w in widths_kg), tuple(int(s) for s in slopes)


def gateway_queues(
    inputs: Inputs,
    periods: tuple[str, ...],
    period_t: dict[str, float],
    truck_lak_per_h: float,
) -> tuple[GatewayQueue, ...]:
    """Queue curves of the posts with a capacity, per period (the season's days from the
    harvest calendar; one season alone carries the whole year)."""
    out = []
    for site in inputs.gateways:
        if site.capacity_trucks_per_day is None:
            continue
        for period in periods:
            days = inputs.season_days[period] if len(periods) > 1 else 365.0
            widths, slopes = _curve(site, inputs, days, period_t[period], truck_lak_per_h)
            out.append(GatewayQueue(site.id, period, widths, slopes))
    return tuple(out)
