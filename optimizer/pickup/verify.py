"""Independent check of a pickup plan against its problem; imports no engine.

Every number the plan claims is recomputed from the problem's matrices and records: each
pickup served exactly once or dropped with a reason, fleet counts, reachability (season and
vehicle class), the day each pickup is collected (inside its harvest window), loads, time
windows, freshness limits (fresh cherry at the mill in time), driver's-day limits, distances
and cost parts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from optimizer.exceptions import VerificationError
from optimizer.pickup.problem import PickupProblem
from optimizer.pickup.solution import PickupPlan, VehicleRoute


@dataclass
class _Walk:
    """Running totals while re-driving a route."""

    time: int
    load: int = 0
    distance: int = 0
    cost: int = 0
    fresh: list[tuple[str, int, int]] = field(default_factory=list)  # id, loaded at, limit


def _check_fresh(walk: _Walk, at_depot_s: int, where: str, errors: list[str]) -> None:
    """Each freshness-limited load of the trip reached the depot in time; start a new trip."""
    for pickup_id, loaded_s, limit_s in walk.fresh:
        if at_depot_s - loaded_s > limit_s:
            errors.append(
                f"{where}: pickup {pickup_id!r} reaches the depot {at_depot_s - loaded_s} s "
                f"after loading, beyond its freshness limit of {limit_s} s"
            )
    walk.fresh.clear()


def _reload(problem: PickupProblem, k: int, prev: int, walk: _Walk) -> int:
    """Drive back to the depot and unload between two trips; return the depot node."""
    depot, m = problem.vehicle_types[k].depot, problem.matrices[k]
    walk.time += int(m.duration_s[prev, depot])
    walk.distance += int(m.distance_m[prev, depot])
    walk.cost += int(m.cost_lak[prev, depot])
    walk.load = 0
    return depot


def _check_stops(
    problem: PickupProblem, route: VehicleRoute, walk: _Walk, errors: list[str]
) -> int:
    """Re-drive the stops; return the last node (or -1 if a stop index is invalid)."""
    k = route.vehicle_type
    vt, m = problem.vehicle_types[k], problem.matrices[k]
    where = route.vehicle
    prev = vt.depot
    trip = 0
    for stop in route.stops:
        if not 0 <= stop.pickup < len(problem.pickups):
            errors.append(f"{where}: unknown pickup index {stop.pickup}")
            return -1
        if stop.trip not in (trip, trip + 1) or stop.trip >= vt.max_trips:
            errors.append(
                f"{where}: trip {stop.trip + 1} is not allowed (trips are consecutive, "
                f"at most {vt.max_trips})"
            )
        if stop.trip == trip + 1:
            prev = _reload(problem, route.vehicle_type, prev, walk)
            _check_fresh(walk, walk.time, where, errors)
        trip = stop.trip
        p = problem.pickups[stop.pickup]
        node = len(problem.depots) + stop.pickup
        if not p.on_day(vt.day):
            errors.append(
                f"{where}: pickup {p.id!r} collected on day {vt.day}, outside its window "
                f"{p.earliest_day}..{p.latest_day}"
            )
        if not (m.reachable[prev, node] and problem.allowed(k, stop.pickup)):
            errors.append(f"{where}: pickup {p.id!r} is not reachable by {vt.name}")
        earliest = max(walk.time + int(m.duration_s[prev, node]), p.tw_start_s)
        if stop.arrival_s < earliest:
            errors.append(
                f"{where}: pickup {p.id!r} served at {stop.arrival_s} s, earliest is {earliest} s"
            )
        if p.tw_end_s is not None and stop.arrival_s > p.tw_end_s:
            errors.append(
                f"{where}: pickup {p.id!r} served at {stop.arrival_s} s, after its window "
                f"ends at {p.tw_end_s} s"
            )
        if p.max_ride_s is not None:
            walk.fresh.append((p.id, stop.arrival_s, p.max_ride_s))
        walk.time = max(stop.arrival_s, earliest) + p.service_s
        walk.load += p.weight_kg
        if stop.load_after_kg != walk.load:
            errors.append(
                f"{where}: load after {p.id!r} is {walk.load} kg, plan says {stop.load_after_kg}"
            )
        if walk.load > vt.capacity_kg:
            errors.append(f"{where}: load {walk.load} kg exceeds capacity {vt.capacity_kg} kg")
        walk.distance += int(m.distance_m[prev, node])
        walk.cost += int(m.cost_lak[prev, node])
        prev = node
    return prev


def _check_return(
    problem: PickupProblem, route: VehicleRoute, walk: _Walk, last: int, errors: list[str]
) -> None:
    vt, m = problem.vehicle_types[route.vehicle_type], problem.matrices[route.vehicle_type]
    where = route.vehicle
    if not m.reachable[last, vt.depot]:
        errors.append(f"{where}: cannot drive back to the depot")
    walk.time += int(m.duration_s[last, vt.depot])
    walk.distance += int(m.distance_m[last, vt.depot])
    walk.cost += int(m.cost_lak[last, vt.depot])
    if route.end_s < walk.time:
        errors.append(f"{where}: returns at {route.end_s} s, earliest possible is {walk.time} s")
    _check_fresh(walk, route.end_s, where, errors)
    if vt.shift_end_s is not None and route.end_s > vt.shift_end_s:
        errors.append(
            f"{where}: returns at {route.end_s} s, "
            f"after the driver's day ends at {vt.shift_end_s} s"
        )
    if route.distance_m != walk.distance:
        errors.append(f"{where}: distance {route.distance_m} m, recomputed {walk.distance} m")
    if route.travel_cost_lak != walk.cost:
        errors.append(f"{where}: travel cost {route.travel_cost_lak}, recomputed {walk.cost}")
    if route.fixed_cost_lak != vt.fixed_cost_lak:
        errors.append(f"{where}: fixed cost {route.fixed_cost_lak}, type's {vt.fixed_cost_lak}")
    if route.cost_lak != route.travel_cost_lak + route.fixed_cost_lak:
        errors.append(f"{where}: cost parts do not sum to the route cost")


def _check_route(problem: PickupProblem, route: VehicleRoute, errors: list[str]) -> None:
    k = route.vehicle_type
    if not 0 <= k < len(problem.vehicle_types):
        errors.append(f"{route.vehicle}: unknown vehicle type index {k}")
        return
    vt = problem.vehicle_types[k]
    if route.capacity_kg != vt.capacity_kg:
        errors.append(
            f"{route.vehicle}: capacity {route.capacity_kg} kg != type's {vt.capacity_kg} kg"
        )
    if route.day != vt.day:
        errors.append(f"{route.vehicle}: day {route.day}, its vehicle type works day {vt.day}")
    if route.hired != vt.hired:
        errors.append(f"{route.vehicle}: hired is {route.hired}, its vehicle type's {vt.hired}")
    if route.start_s < vt.shift_start_s:
        errors.append(f"{route.vehicle}: leaves at {route.start_s} s before shift start")
    walk = _Walk(time=route.start_s)
    last = _check_stops(problem, route, walk, errors)
    if last >= 0:
        _check_return(problem, route, walk, last, errors)


def _check_coverage(problem: PickupProblem, plan: PickupPlan, errors: list[str]) -> None:
    served: dict[int, int] = {}
    for route in plan.routes:
        for stop in route.stops:
            served[stop.pickup] = served.get(stop.pickup, 0) + 1
    dropped: dict[int, int] = {}
    for d in plan.dropped:
        dropped[d.pickup] = dropped.get(d.pickup, 0) + 1
        if not d.reason.strip():
            errors.append(f"dropped pickup index {d.pickup} has no reason")
    for i, p in enumerate(problem.pickups):
        n_served, n_dropped = served.get(i, 0), dropped.get(i, 0)
        if n_served > 1:
            errors.append(f"pickup {p.id!r} served {n_served} times")
        if n_dropped > 1:
            errors.append(f"pickup {p.id!r} listed as dropped {n_dropped} times")
        if n_served and n_dropped:
            errors.append(f"pickup {p.id!r} is both served and dropped")
        if not n_served and not n_dropped:
            errors.append(f"pickup {p.id!r} is neither served nor listed as dropped")
    extra = sorted(set(served) | set(dropped))
    if extra and (extra[0] < 0 or extra[-1] >= len(problem.pickups)):
        errors.append("plan refers to pickup indices outside the problem")


def problem_hired(problem: PickupProblem, route: VehicleRoute) -> bool:
    """Whether the route's vehicle type is hired, read from the problem (not the route)."""
    k = route.vehicle_type
    return 0 <= k < len(problem.vehicle_types) and problem.vehicle_types[k].hired


def verify(problem: PickupProblem, plan: PickupPlan) -> None:
    """Raise :class:`VerificationError` listing every violation; return quietly if none."""
    errors: list[str] = []
    _check_coverage(problem, plan, errors)
    counts = [0] * len(problem.vehicle_types)
    for route in plan.routes:
        if 0 <= route.vehicle_type < len(counts):
            counts[route.vehicle_type] += 1
        _check_route(problem, route, errors)
    for vt, used in zip(problem.vehicle_types, counts, strict=True):
        if used > vt.count:
            errors.append(f"{used} routes for {vt.name!r}, only {vt.count} available")
    penalty = sum(
        problem.pickups[d.pickup].penalty_lak
        for d in plan.dropped
        if 0 <= d.pickup < len(problem.pickups) and not problem.pickups[d.pickup].required
    )
    if plan.penalty_lak != penalty:
        errors.append(f"penalty {plan.penalty_lak}, recomputed {penalty}")
    if plan.total_cost_lak != sum(r.travel_cost_lak + r.fixed_cost_lak for r in plan.routes):
        errors.append("route costs do not sum to the total")
    hired = sum(r.cost_lak for r in plan.routes if problem_hired(problem, r))
    if plan.hired_cost_lak != hired:
        errors.append(f"hired cost {plan.hired_cost_lak}, recomputed {hired} from the fleet")
    if errors:
        shown = "; ".join(errors[:10])
        more = f" (and {len(errors) - 10} more)" if len(errors) > 10 else ""
        msg = f"plan from {plan.engine} failed verification: {shown}{more}"
        raise VerificationError(msg)
