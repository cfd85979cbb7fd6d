"""Pickups collected at the road end of a track no available vehicle may use in the season.

The network cuts off an unpaved village track longer than a season's limit for a vehicle class
(``data/network_defaults.toml`` ``[connector_access]``). A dispatcher does not leave such a
village's coffee behind: the truck meets the village where its track meets a passable road (the
road end), and the village carries its coffee there by motorbike or hand tractor. The carry is
the track's length (straight line x connector circuity, as the network builds it) x tonnes x
``carry_lak_per_tkm`` of ``data/consolidation_params.toml`` (the consolidation model's rate for
the same carry, a flagged estimate), costed apart from the trucks.

A pickup whose road end no vehicle reaches either stays dropped, the reason saying so.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import networks
from networks import Season, VehicleClass, passable_attr
from optimizer import VerificationError
from scenarios.pickups.carry import RoadEnd
from scenarios.pickups.io import PickupRecord
from scenarios.pickups.records import DayPlan

__all__ = ["check_carry", "road_end_reason", "road_ends", "stop_carry", "truck_point"]


def road_ends(
    snap: networks.SnapResult, season: str, classes: Iterable[str], lak_per_t_km: float
) -> dict[int, RoadEnd]:
    """Per snapped point index: its road end, when no class of ``classes`` may use its track.

    Points on a road, or whose track some class of ``classes`` may use in ``season``, are not
    in the result (the truck drives to the village).
    """
    graph = snap.network.graph
    flags = [passable_attr(Season(season), VehicleClass(c)) for c in set(classes)]
    ends: dict[int, RoadEnd] = {}
    for i, node in enumerate(snap.nodes):
        if node is None:
            continue
        track = next(
            ((v, d) for _, v, d in graph.out_edges(node, data=True) if d.get("connector")), None
        )
        if track is None or any(track[1][f] for f in flags):
            continue
        road, data = track
        ends[i] = RoadEnd(
            node=int(road),
            lat=float(graph.nodes[road]["y"]),
            lon=float(graph.nodes[road]["x"]),
            carry_km=float(data["length_m"]) / 1000.0,
            lak_per_t_km=lak_per_t_km,
        )
    return ends


def road_end_reason(record: PickupRecord, season: str) -> str | None:
    """Why a road-end pickup no vehicle reaches is dropped; ``None`` for other pickups."""
    if record.road_end is None:
        return None
    return (
        f"unreachable in the {season} season by any available vehicle class, at the village "
        f"and at the road end of its {record.road_end.carry_km:.1f} km track"
    )


def truck_point(record: PickupRecord) -> tuple[float, float]:
    """Where the truck collects ``record``: its road end, else the village (lat, lon)."""
    end = record.road_end
    return (end.lat, end.lon) if end is not None else (record.lat, record.lon)


def stop_carry(day: DayPlan, pickup: int) -> tuple[float, float]:
    """(carry km, carry cost in kip) of problem pickup ``pickup``; (0, 0) at the village."""
    end = day.records[pickup].road_end
    if end is None:
        return 0.0, 0.0
    return end.carry_km, end.cost_lak(day.problem.pickups[pickup].weight_kg)


def check_carry(day: DayPlan, served: Sequence[int] | None = None) -> float:
    """Check that every served road-end stop has its carry costed; the day's carry, kip.

    ``served`` are the problem pickups on the day's routes (default: read from the plan).
    Raises :class:`optimizer.VerificationError` naming the stop when a carry is missing,
    not positive or not the track length x tonnes x rate.
    """
    stops = served if served is not None else [s.pickup for r in day.plan.routes for s in r.stops]
    total = 0.0
    for p in stops:
        record, pickup = day.records[p], day.problem.pickups[p]
        if record.road_end is None:
            continue
        km, cost = stop_carry(day, p)
        expected = km * pickup.weight_kg / 1000.0 * record.road_end.lak_per_t_km
        if not (km > 0 and math.isfinite(cost) and cost > 0 and math.isclose(cost, expected)):
            msg = (
                f"stop {pickup.id} (day {day.day}) is collected at its road end; expected a "
                f"carry of {expected:,.0f} LAK over {km:.2f} km, got {cost!r}"
            )
            raise VerificationError(msg)
        total += cost
    return total
