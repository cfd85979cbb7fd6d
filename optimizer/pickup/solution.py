"""Pickup plans: routes with their schedule, loads and cost parts, and the dropped pickups.

Engines return only the order of pickups per truck (:class:`RawRoute`); :func:`build_plan`
turns that into a full :class:`PickupPlan` with the earliest feasible schedule, so both
engines are reported the same way. :mod:`optimizer.pickup.verify` re-checks every number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from optimizer.pickup.problem import PickupProblem


@dataclass(frozen=True, slots=True)
class RawRoute:
    """What an engine returns: a vehicle type and the pickups (indices) in visiting order.

    ``trip_breaks`` lists positions in ``pickups`` before which the truck goes back to its
    depot to unload and starts another trip (multi-trip days; empty for one trip).
    """

    vehicle_type: int
    pickups: tuple[int, ...]
    trip_breaks: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Stop:
    """A served pickup: its index, the start of service, the load after loading, the trip."""

    pickup: int
    arrival_s: int
    load_after_kg: int
    trip: int = 0


@dataclass(frozen=True, slots=True)
class VehicleRoute:
    """One truck's day.

    ``start_s`` is the departure from the depot and ``end_s`` the return (seconds since
    midnight); ``cost_lak = travel_cost_lak + fixed_cost_lak``. ``day`` is the vehicle type's
    day in a multi-day plan (``None`` in a one-day problem); ``hired`` marks a hired truck.
    """

    vehicle_type: int
    vehicle: str
    capacity_kg: int
    stops: tuple[Stop, ...]
    start_s: int
    end_s: int
    distance_m: int
    travel_cost_lak: int
    fixed_cost_lak: int
    day: int | None = None
    hired: bool = False

    @property
    def duration_s(self) -> int:
        """Time from departure to return, seconds."""
        return self.end_s - self.start_s

    @property
    def cost_lak(self) -> int:
        """Travel plus fixed cost, kip."""
        return self.travel_cost_lak + self.fixed_cost_lak

    @property
    def load_kg(self) -> int:
        """Weight brought back to the depot over all trips."""
        last: dict[int, int] = {}
        for stop in self.stops:
            last[stop.trip] = stop.load_after_kg
        return sum(last.values())

    @property
    def trips(self) -> int:
        """Number of trips (1 + reloads at the depot)."""
        return 1 + max((s.trip for s in self.stops), default=0)


@dataclass(frozen=True, slots=True)
class Dropped:
    """A pickup that is not served, with the reason in words."""

    pickup: int
    reason: str


@dataclass(frozen=True, slots=True)
class PickupPlan:
    """A solution: routes, dropped pickups, which engine found it and what it costs.

    ``status`` is ``"feasible"`` when every required pickup is served, else ``"partial"``.
    ``total_cost_lak`` is the money spent (sum of route costs); ``penalty_lak`` the penalties
    of dropped optional pickups (not money, only the objective).
    """

    engine: str
    routes: tuple[VehicleRoute, ...]
    dropped: tuple[Dropped, ...]
    penalty_lak: int

    @property
    def total_cost_lak(self) -> int:
        """Sum of route costs, kip."""
        return sum(r.cost_lak for r in self.routes)

    @property
    def objective(self) -> int:
        """Cost plus penalties: what the engines minimise."""
        return self.total_cost_lak + self.penalty_lak

    @property
    def distance_m(self) -> int:
        """Total distance driven, metres."""
        return sum(r.distance_m for r in self.routes)

    @property
    def hired_cost_lak(self) -> int:
        """What the hired trucks cost (tariffs), kip."""
        return sum(r.cost_lak for r in self.routes if r.hired)

    @property
    def own_cost_lak(self) -> int:
        """What the own fleet costs, kip; ``own + hired = total``."""
        return self.total_cost_lak - self.hired_cost_lak


def plan_status(problem: PickupProblem, plan: PickupPlan) -> str:
    """``"feasible"`` if every required pickup is served, else ``"partial"``."""
    missing_required = any(problem.pickups[d.pickup].required for d in plan.dropped)
    return "partial" if missing_required else "feasible"


def schedule_route(
    problem: PickupProblem,
    vehicle_type: int,
    pickups: Sequence[int],
    trip_breaks: Sequence[int] = (),
) -> tuple[list[Stop], int, int, int, int]:
    """Earliest schedule of a route: stops, start, end, distance and travel cost.

    The truck leaves at its shift start; service starts at ``max(arrival, tw_start)``;
    before each position in ``trip_breaks`` it drives back to the depot and unloads.
    """
    vt = problem.vehicle_types[vehicle_type]
    m = problem.matrices[vehicle_type]
    time = vt.shift_start_s
    load = 0
    distance = 0
    cost = 0
    prev = vt.depot
    stops: list[Stop] = []
    trip = 0
    breaks = set(trip_breaks)
    for position, p in enumerate(pickups):
        if position in breaks and position > 0:
            time += int(m.duration_s[prev, vt.depot])
            distance += int(m.distance_m[prev, vt.depot])
            cost += int(m.cost_lak[prev, vt.depot])
            prev, load, trip = vt.depot, 0, trip + 1
        node = problem.node(p)
        pickup = problem.pickups[p]
        time = max(time + int(m.duration_s[prev, node]), pickup.tw_start_s)
        load += pickup.weight_kg
        distance += int(m.distance_m[prev, node])
        cost += int(m.cost_lak[prev, node])
        stops.append(Stop(p, time, load, trip))
        time += pickup.service_s
        prev = node
    time += int(m.duration_s[prev, vt.depot])
    distance += int(m.distance_m[prev, vt.depot])
    cost += int(m.cost_lak[prev, vt.depot])
    return stops, vt.shift_start_s, time, distance, cost


def build_plan(
    problem: PickupProblem,
    raw_routes: Sequence[RawRoute],
    dropped: Sequence[Dropped],
    engine: str,
) -> PickupPlan:
    """Turn engine output into a plan; empty routes are left out."""
    routes: list[VehicleRoute] = []
    used = [0] * len(problem.vehicle_types)
    for raw in sorted(raw_routes, key=lambda r: r.vehicle_type):
        if not raw.pickups:
            continue
        vt = problem.vehicle_types[raw.vehicle_type]
        used[raw.vehicle_type] += 1
        stops, start, end, distance, cost = schedule_route(
            problem, raw.vehicle_type, raw.pickups, raw.trip_breaks
        )
        routes.append(
            VehicleRoute(
                vehicle_type=raw.vehicle_type,
                vehicle=f"{vt.name} #{used[raw.vehicle_type]}",
                capacity_kg=vt.capacity_kg,
                stops=tuple(stops),
                start_s=start,
                end_s=end,
                distance_m=distance,
                travel_cost_lak=cost,
                fixed_cost_lak=vt.fixed_cost_lak,
                day=vt.day,
                hired=vt.hired,
            )
        )
    penalty = sum(
        problem.pickups[d.pickup].penalty_lak
        for d in dropped
        if not problem.pickups[d.pickup].required
    )
    ordered = tuple(sorted(dropped, key=lambda d: d.pickup))
    return PickupPlan(engine=engine, routes=tuple(routes), dropped=ordered, penalty_lak=penalty)
