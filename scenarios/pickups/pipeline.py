"""Pickup planning pipeline: files → road matrices per vehicle class and season → verified plans.

Steps: read and validate the pickups (village codes become points), resolve the depot (place
name or ``lat,lon``), snap the depot and every point to the road network once
(:mod:`scenarios.pickups.snapped`; each day reads its points from that snap), build travel
matrices per fleet vehicle type with the cost model (paths minimise money, not time), build one
:class:`optimizer.PickupProblem` per day, solve and verify, then report
(:mod:`scenarios.pickups.report`). The records live in :mod:`scenarios.pickups.records`.

The crew cost of handling time at a stop is added to the arcs leaving that stop, so the
engines see all crew time except waiting for a window to open.
"""

from __future__ import annotations

import logging
import math
from dataclasses import replace
from pathlib import Path

import numpy as np

import networks
from optimizer import (
    CostRates,
    Depot,
    Pickup,
    PickupProblem,
    SolveParams,
    TravelMatrices,
    VehicleProfile,
    VehicleType,
    cost_per_hour_lak,
    fixed_cost_lak,
    loading_time_s,
    solve,
)
from scenarios.common import (
    DATA_DIR,
    UnknownNameError,
    find_profile,
    load_cost_rates,
    load_vehicle_profiles,
)
from scenarios.pickups.budget import day_budgets, group_by_day
from scenarios.pickups.collection import group_collection_points
from scenarios.pickups.hire import read_hire_tariffs
from scenarios.pickups.io import FleetEntry, PickupRecord, read_fleet, read_pickups
from scenarios.pickups.reach import far_warnings
from scenarios.pickups.records import DayPlan, DepotPoint, FloatArray, PickupRun
from scenarios.pickups.road_end import check_carry, road_end_reason, road_ends
from scenarios.pickups.rules import PickupRules, load_pickup_rules, with_cherry_limits
from scenarios.pickups.snapped import SnappedPickups, snap_pickups
from scenarios.pickups.travel import matrices_for
from scenarios.pickups.week import DayInputs, has_windows, plan_week, with_snap_reasons

__all__ = ["SAMPLE_FLEET", "SAMPLE_PICKUPS", "plan_pickups", "resolve_depot"]

logger = logging.getLogger(__name__)

SAMPLE_FLEET = DATA_DIR / "samples" / "paksong_fleet.csv"
#: The illustrative week of Paksong cooperative pickups (CLI example, app sample, scenario KPI).
SAMPLE_PICKUPS = DATA_DIR / "samples" / "paksong_pickups.csv"


def _fleet(fleet_path: Path | None, profiles: tuple[VehicleProfile, ...]) -> tuple[FleetEntry, ...]:
    path = fleet_path or SAMPLE_FLEET
    return read_fleet(path, known_types=[p.name for p in profiles])


#: A pickup heavier than every truck that can reach it is split into at most this many loads.
MAX_SPLIT_LOADS = 10


def _reach_capacity(
    records: tuple[PickupRecord, ...], fleet_caps: list[int], costs: list[FloatArray]
) -> list[int]:
    """Largest capacity among the fleet types that can reach each pickup and come back."""
    caps = []
    for i in range(len(records)):
        reach = [
            cap
            for cap, c in zip(fleet_caps, costs, strict=True)
            if np.isfinite(c[0, i + 1]) and np.isfinite(c[i + 1, 0])
        ]
        caps.append(max(reach, default=0))
    return caps


def _split(records: tuple[PickupRecord, ...], caps: list[int]) -> list[tuple[int, str, float]]:
    """(record index, id, weight) per problem pickup; heavy loads become several pickups."""
    parts: list[tuple[int, str, float]] = []
    for i, (r, cap) in enumerate(zip(records, caps, strict=True)):
        n = math.ceil(r.weight_kg / cap) if cap > 0 else 1
        if n <= 1 or n > MAX_SPLIT_LOADS:
            parts.append((i, r.id, r.weight_kg))
            continue
        parts.extend((i, f"{r.id}#{k + 1}", r.weight_kg / n) for k in range(n))
    return parts


def _service_s(record: PickupRecord, weight_kg: float, rates: CostRates) -> float:
    if record.service_s is not None:
        return float(record.service_s)
    return float(loading_time_s(weight_kg, rates))


def _penalty(record: PickupRecord, matrices: list[TravelMatrices], node: int) -> int:
    if record.penalty_lak is not None:
        return record.penalty_lak
    return _round_trip_cost(matrices, node)


def _fleet_types(
    fleet: tuple[FleetEntry, ...],
    used: list[VehicleProfile],
    full: list[tuple[FloatArray, FloatArray, FloatArray, FloatArray]],
    src: list[int],
    service: FloatArray,
    rates: CostRates,
) -> tuple[list[TravelMatrices], list[VehicleType]]:
    """Matrices and vehicle type per fleet row; a hired row is costed at its tariff."""
    matrices: list[TravelMatrices] = []
    types: list[VehicleType] = []
    grid = np.ix_(src, src)
    for entry, profile, (dist, dur, cost, _) in zip(fleet, used, full, strict=True):
        tariff = entry.tariff
        if tariff is None:
            # crew time while loading at a stop is charged on the arcs leaving it
            crew = service * cost_per_hour_lak(profile, rates) / 3600.0
            day_cost = cost[grid] + crew[:, None]
            fixed, name = round(fixed_cost_lak(profile, rates)), entry.type
        else:  # the hauler's driver loads; the tariff is all the hirer pays
            day_cost = dist[grid] / 1000.0 * tariff.per_km_lak
            fixed, name = tariff.fixed_lak, f"{entry.type} hired per {tariff.basis}"
        np.fill_diagonal(day_cost, 0.0)
        matrices.append(TravelMatrices.from_float(dist[grid], dur[grid], day_cost))
        if name in {t.name for t in types}:
            name = f"{name} (row {entry.row})"
        types.append(
            VehicleType(
                name=name,
                capacity_kg=profile.capacity_kg,
                count=entry.count,
                fixed_cost_lak=fixed,
                shift_start_s=entry.shift_start_s,
                max_duration_s=entry.max_duration_s,
                max_trips=entry.max_trips,
                hired=tariff is not None,
            )
        )
    return matrices, types


def _day_problem(
    records: tuple[PickupRecord, ...],
    depot: DepotPoint,
    fleet: tuple[FleetEntry, ...],
    profiles: tuple[VehicleProfile, ...],
    rates: CostRates,
    snapped: SnappedPickups,
    season: str,
    rules: PickupRules,
) -> tuple[PickupProblem, tuple[PickupRecord, ...], tuple[FloatArray, ...], dict[int, str]]:
    """The day's problem, the record behind each problem pickup, litres matrices, snap drops.

    A pickup whose track no fleet class may use in ``season`` is collected at its road end
    (:mod:`scenarios.pickups.road_end`): its record carries the road end and the carry.
    The points come from the file's one snap (``snapped``), never snapped again here.
    """
    snap = snapped.day(records)
    if snap.nodes[0] is None:
        msg = f"depot {depot.label!r} is too far from any road in the network"
        raise networks.SnappingError(msg)
    used = [find_profile(profiles, entry.type) for entry in fleet]
    classes = [p.network_class for p in used]
    ends = road_ends(snap, season, classes, rules.carry_lak_per_t_km)
    ends.pop(0, None)  # the depot is where it is
    records = tuple(
        replace(r, road_end=ends[i + 1]) if i + 1 in ends else r for i, r in enumerate(records)
    )
    keep = [i for i, n in enumerate(snap.nodes) if n is not None]
    nodes = [
        ends[i].node if i in ends else int(n) for i, n in enumerate(snap.nodes) if n is not None
    ]
    by_class = {
        p.name: matrices_for(snap.network, nodes, keep, len(snap.nodes), season, p, rates)
        for p in used
    }  # own and hired trucks of one class share the roads: one set of matrices per class
    full = [by_class[p.name] for p in used]
    caps = _reach_capacity(records, [p.capacity_kg for p in used], [f[2] for f in full])
    parts = _split(records, caps)
    src = [0] + [i + 1 for i, _, _ in parts]
    service = np.array([0.0] + [_service_s(records[i], w, rates) for i, _, w in parts])
    matrices, types = _fleet_types(fleet, used, full, src, service, rates)
    pickups = tuple(
        Pickup(
            id=pid,
            name=records[i].name,
            weight_kg=max(1, round(w)),
            service_s=int(service[j + 1]),
            tw_start_s=records[i].tw_start_s,
            tw_end_s=records[i].tw_end_s,
            required=records[i].required,
            penalty_lak=_penalty(records[i], matrices, j + 1),
            max_ride_s=records[i].max_ride_s,
        )
        for j, (i, pid, w) in enumerate(parts)
    )
    problem = PickupProblem(
        (Depot("depot", depot.label),), pickups, tuple(types), tuple(matrices), season=season
    )
    off_road = {u.index - 1: u.reason for u in snap.unreachable if u.index > 0}
    for i, r in enumerate(records):  # road end out of reach too: say so if it is dropped
        reason = road_end_reason(r, season) if caps[i] == 0 else None
        if reason is not None:
            off_road[i] = reason
    reasons = {j: off_road[i] for j, (i, _, _) in enumerate(parts) if i in off_road}
    litres = tuple(f[3][np.ix_(src, src)] for f in full)
    return problem, tuple(records[i] for i, _, _ in parts), litres, reasons


def _round_trip_cost(matrices: list[TravelMatrices], node: int) -> int:
    """Default drop penalty of an optional pickup: the cheapest dedicated round trip."""
    costs = [
        int(m.cost_lak[0, node] + m.cost_lak[node, 0])
        for m in matrices
        if m.reachable[0, node] and m.reachable[node, 0]
    ]
    return min(costs, default=0)


def resolve_depot(net: networks.RoadNetwork, spec: str) -> DepotPoint:
    """A place name (e.g. ``Paksong``) or ``"lat,lon"``; errors list close names."""
    lat, lon, label = networks.resolve_point(net, spec)
    return DepotPoint(label, lat, lon)


def plan_pickups(
    pickups_path: Path,
    depot: str,
    *,
    fleet_path: Path | None = None,
    season: str = "dry",
    params: SolveParams | None = None,
    network: networks.RoadNetwork | None = None,
    rates: CostRates | None = None,
    profiles: tuple[VehicleProfile, ...] | None = None,
    hire_path: Path | None = None,
    rules: PickupRules | None = None,
) -> PickupRun:
    """Plan the pickups in ``pickups_path`` from ``depot``; one verified plan per day.

    The time limit in ``params`` is shared between the days in proportion to their pickups;
    a file beyond what it allows is refused before any work (see ``scenarios.pickups.budget``).
    ``rates`` (diesel price, exchange rates) and ``profiles`` (vehicle cost profiles) default to
    ``data/cost_rates.toml`` and ``data/vehicles.csv``; a scenario passes its own.
    ``hire_path`` (e.g. ``data/hire_tariffs.csv``) adds trucks for hire beside the own fleet;
    ``rules`` (cherry freshness, collection-point legs) default to ``data/pickup_rules.toml``.
    """
    params = params or SolveParams()
    season = networks.Season(season).value if season in {"dry", "wet"} else _bad_season(season)
    net = network or networks.load_network()
    point = resolve_depot(net, depot)
    rules = load_pickup_rules() if rules is None else rules
    records = group_collection_points(with_cherry_limits(read_pickups(pickups_path), rules), rules)
    profiles = load_vehicle_profiles() if profiles is None else profiles
    rates = load_cost_rates() if rates is None else rates
    fleet = _fleet(fleet_path, profiles)
    if hire_path is not None:
        known = [p.name for p in profiles]
        hired = read_hire_tariffs(hire_path, known_types=known)
        fleet = fleet + tuple(FleetEntry.hired(t) for t in hired)
    used = tuple(find_profile(profiles, e.type) for e in fleet)
    snapped = snap_pickups(net, point, records)  # once: connectors, warnings and every day
    connector = snapped.connector_m()
    warnings = far_warnings(records, [connector[r.id] for r in records])
    for warning in warnings:
        logger.info("%s: %s", pickups_path.name, warning)  # carried in run.warnings
    if has_windows(records):  # one model over all days chooses each flexible pickup's day

        def build(rows: tuple[PickupRecord, ...]) -> DayInputs:
            return _day_problem(rows, point, fleet, profiles, rates, snapped, season, rules)

        week = plan_week(records, build, params, what=pickups_path.name)
        plans = tuple(
            DayPlan(
                w.day,
                w.records,
                w.problem,
                w.plan,
                used,
                w.litres,
                tuple(connector[r.id] for r in w.records),
            )
            for w in week
        )
        for day_plan in plans:
            check_carry(day_plan)
        return PickupRun(season, point, plans, rates, net, tuple(warnings))
    groups = group_by_day(records)
    budgets = day_budgets(
        [len(rows) for _, rows in groups], params.time_limit_s, what=pickups_path.name
    )
    days = []
    for (day, rows), budget_s in zip(groups, budgets, strict=True):
        per_day = replace(params, time_limit_s=budget_s)
        problem, sources, litres, snap_reasons = _day_problem(
            rows, point, fleet, profiles, rates, snapped, season, rules
        )
        plan = with_snap_reasons(problem, solve(problem, per_day), snap_reasons)
        lengths = tuple(connector[r.id] for r in sources)
        days.append(DayPlan(day, sources, problem, plan, used, litres, lengths))
        check_carry(days[-1])
        logger.info("day %s: %d routes, %d dropped", day, len(plan.routes), len(plan.dropped))
    return PickupRun(season, point, tuple(days), rates, net, tuple(warnings))


def _bad_season(season: str) -> str:
    msg = f"Unknown season {season!r}. Choose from: dry, wet."
    raise UnknownNameError(msg)
