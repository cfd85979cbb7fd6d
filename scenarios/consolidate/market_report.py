"""Where each market's coffee went and what it cost; what each border post carried.

Market rows answer "where did Thailand-bound coffee go when Vang Tao closed": tonnes per
corridor, the tonnes re-routed through another market's corridors, the tonnes dropped (market
rule ``drop``) with their lost export value, and the landed cost per tonne at the seaport and
at destination. Gateway rows give each post's coffee, its other traffic, its capacity and the
queue a truck meets there.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from scenarios.consolidate.queues import other_trucks_per_day, queue_wait_h
from scenarios.consolidate.records import ConsolidationRun

__all__ = ["gateway_rows", "landed_by_corridor", "market_route_rows"]


def landed_by_corridor(run: ConsolidationRun) -> dict[str, float]:
    """Landed cost per tonne at the seaport for each used corridor (financial view).

    A flow from hub ``h`` in period ``p`` through corridor ``c`` costs, per tonne: the mean
    collection cost of what ``h`` received in ``p``, the hub's handling plus its fixed cost
    spread over its annual volume, the trunk haul ``h`` → gateway in ``p``, and the corridor's
    border fee, waiting and onward leg (the queue is spread over the post's coffee).
    """
    problem, result = run.problem, run.result
    hubs = {h.id: h for h in problem.hubs}
    h_index = {h.id: i for i, h in enumerate(problem.hubs)}
    p_index = {p: i for i, p in enumerate(problem.periods)}
    corridors = {c.id: c for c in problem.corridors}
    received: dict[tuple[str, str], list[float]] = {}
    for a in result.assignments:
        acc = received.setdefault((a.period, a.hub_id), [0.0, 0.0])
        acc[0] += a.collection_lak
        acc[1] += a.green_kg
    annual_kg = {h: result.hub_kg(h) for h in result.open_hubs}
    through: dict[tuple[str, str], int] = defaultdict(int)
    for f in result.flows:
        through[f.period, f.gateway_id] += f.green_kg
    cost: dict[str, float] = defaultdict(float)
    tonnes: dict[str, float] = defaultdict(float)
    for f in result.flows:
        t = f.green_kg / 1000.0
        coll_lak, coll_kg = received.get((f.period, f.hub_id), (0.0, 0.0))
        hub = hubs[f.hub_id]
        per_t = coll_lak / (coll_kg / 1000.0) if coll_kg else 0.0
        per_t += hub.handling_lak_per_t + hub.fixed_cost_lak / max(annual_kg[f.hub_id] / 1e3, 1e-9)
        g = problem.gateway_index(f.gateway_id)
        per_t += float(problem.trunk_lak_per_t[p_index[f.period], h_index[f.hub_id], g])
        per_t += corridors[f.corridor_id].lak_per_t
        queue = problem.queue_for(f.gateway_id, p_index[f.period])
        kg = through[f.period, f.gateway_id]
        if queue is not None and kg > 0:
            per_t += queue.cost_lak(kg) / (kg / 1000.0)
        cost[f.corridor_id] += per_t * t
        tonnes[f.corridor_id] += t
    return {c: cost[c] / tonnes[c] for c in sorted(cost) if tonnes[c] > 0}


def market_route_rows(run: ConsolidationRun) -> list[dict[str, Any]]:
    """Per market: tonnes by corridor, re-routed and dropped tonnes, landed cost per tonne."""
    landed = landed_by_corridor(run)
    corridors = {c.id: c for c in run.problem.corridors}
    lak = run.inputs.rates.lak_per_usd
    value = run.inputs.params.export_value_usd_per_t
    rows = []
    for market in (m.name for m in run.inputs.markets):
        flows = [m for m in run.result.market_flows if m.market_id == market]
        by_corridor: dict[str, float] = defaultdict(float)
        port_lak = dest_lak = rerouted = 0.0
        for m in flows:
            t = m.green_kg / 1000.0
            corridor = corridors[m.corridor_id]
            by_corridor[m.corridor_id] += t
            port_lak += t * landed.get(m.corridor_id, 0.0)
            dest_lak += t * (landed.get(m.corridor_id, 0.0) + corridor.ocean_to(market))
            rerouted += t if market not in corridor.markets else 0.0
        total = sum(by_corridor.values())
        dropped = sum(d.green_kg for d in run.dropped if d.market_id == market) / 1000.0
        rows.append(
            {
                "market": market,
                "tonnes": round(total, 3),
                "tonnes_by_corridor": {k: round(v, 3) for k, v in sorted(by_corridor.items())},
                "rerouted_tonnes": round(rerouted, 3),
                "dropped_tonnes": round(dropped, 3),
                "lost_export_value_usd": round(dropped * value),
                "landed_at_seaport_usd_per_t": round(port_lak / total / lak, 2) if total else None,
                "landed_at_destination_usd_per_t": round(dest_lak / total / lak, 2)
                if total
                else None,
            }
        )
    return rows


def gateway_rows(run: ConsolidationRun) -> list[dict[str, Any]]:
    """Per border post: coffee tonnes and trucks a day, other traffic, capacity, queue hours."""
    payload_t = run.inputs.profile("trunk_vehicle").capacity_kg / 1000.0
    periods = run.problem.periods
    rows = []
    for site in run.inputs.gateways:
        tonnes = {p: 0.0 for p in periods}
        for f in run.result.flows:
            if f.gateway_id == site.id:
                tonnes[f.period] += f.green_kg / 1000.0
        other = other_trucks_per_day(site, run.inputs)
        queue_h = {}
        for p in periods:
            days = run.inputs.season_days[p] if len(periods) > 1 else 365.0
            coffee = tonnes[p] / payload_t / days
            queue_h[p] = round(queue_wait_h(site, other + coffee, run.inputs), 2)
        rows.append(
            {
                "gateway": site.id,
                "open": bool(site.open_seasons),
                "tonnes": round(sum(tonnes.values()), 3),
                "other_trucks_per_day": round(other, 1),
                "capacity_trucks_per_day": site.capacity_trucks_per_day,
                "clearance_h": site.clearance_h,
                "queue_h_by_season": queue_h,
                "fee_usd_per_truck": site.fee_usd_per_truck,
                "transload": site.transload,
            }
        )
    return rows
