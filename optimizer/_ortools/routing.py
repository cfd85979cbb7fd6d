"""OR-Tools routing adapter for the pickup VRP (private: only this package imports ortools).

Model: one routing node per depot and candidate pickup; one vehicle per truck. Per-type arc
costs and fixed costs, a capacity dimension, a time dimension (travel + service) when windows,
a driver's day or freshness limits apply (fresh cherry back at the mill in time), allowed
vehicles per pickup (season, road class, day), and a disjunction per pickup whose penalty is
the cost of dropping it. Guided local search under a time limit, and a
solution limit for deterministic runs.
"""

from __future__ import annotations

import logging

import numpy as np
from ortools.constraint_solver import pywrapcp, routing_enums_pb2

from optimizer.pickup.problem import EngineTask
from optimizer.pickup.solution import RawRoute

logger = logging.getLogger(__name__)

#: Upper bound for time cumul variables when nothing else bounds them (seconds).
_OPEN_HORIZON_S = 10 * 24 * 3600


def _node_list(task: EngineTask) -> list[int]:
    """Problem node indices in routing-node order: depots first, then candidate pickups."""
    problem = task.problem
    return list(range(len(problem.depots))) + [problem.node(p) for p in task.candidates]


def _add_time(
    task: EngineTask,
    routing: pywrapcp.RoutingModel,
    manager: pywrapcp.RoutingIndexManager,
    nodes: list[int],
    vehicle_types: list[int],
) -> None:
    problem = task.problem
    idx = np.asarray(nodes)
    service = np.zeros(len(nodes), dtype=np.int64)
    for r, p in enumerate(task.candidates, start=len(problem.depots)):
        service[r] = problem.pickups[p].service_s
    callbacks: dict[int, int] = {}
    for k, m in enumerate(problem.matrices):
        transit = m.duration_s[np.ix_(idx, idx)] + service[:, None]
        callbacks[k] = routing.RegisterTransitMatrix(transit.tolist())
    horizon = _OPEN_HORIZON_S
    for vt in problem.vehicle_types:
        if vt.shift_end_s is not None:
            horizon = max(horizon, vt.shift_end_s)
    routing.AddDimensionWithVehicleTransits(
        [callbacks[k] for k in vehicle_types], horizon, horizon, False, "time"
    )
    time = routing.GetDimensionOrDie("time")
    for r, p in enumerate(task.candidates, start=len(problem.depots)):
        pickup = problem.pickups[p]
        end = horizon if pickup.tw_end_s is None else min(pickup.tw_end_s, horizon)
        time.CumulVar(manager.NodeToIndex(r)).SetRange(min(pickup.tw_start_s, end), end)
    for v, k in enumerate(vehicle_types):
        vt = problem.vehicle_types[k]
        end = horizon if vt.shift_end_s is None else vt.shift_end_s
        time.CumulVar(routing.Start(v)).SetRange(vt.shift_start_s, end)
        time.CumulVar(routing.End(v)).SetRange(vt.shift_start_s, end)
    _add_freshness(task, routing, manager, vehicle_types, horizon)


def _add_freshness(
    task: EngineTask,
    routing: pywrapcp.RoutingModel,
    manager: pywrapcp.RoutingIndexManager,
    vehicle_types: list[int],
    horizon: int,
) -> None:
    """Fresh cherry: the truck that loads it is back at its depot within ``max_ride_s``.

    One constraint per limited stop and allowed truck, relaxed by ``horizon`` unless the
    stop rides that truck: ``end(v) - start_of_service(i) <= limit + horizon * [vehicle(i) != v]``.
    """
    problem = task.problem
    solver = routing.solver()
    time = routing.GetDimensionOrDie("time")
    for r, p in enumerate(task.candidates, start=len(problem.depots)):
        limit = problem.pickups[p].max_ride_s
        if limit is None:
            continue
        index = manager.NodeToIndex(r)
        for v, k in enumerate(vehicle_types):
            if not problem.allowed(k, p):
                continue
            elsewhere = solver.IsDifferentCstVar(routing.VehicleVar(index), v)
            ride = time.CumulVar(routing.End(v)) - time.CumulVar(index)
            solver.Add(ride <= limit + horizon * elsewhere)


def _search_parameters(task: EngineTask) -> pywrapcp.DefaultRoutingSearchParameters:
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    params.local_search_metaheuristic = (
        routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    )
    params.time_limit.FromMilliseconds(max(1, int(task.time_limit_s * 1000)))
    if task.solution_limit is not None:
        params.solution_limit = task.solution_limit
    return params


def solve_routing(task: EngineTask) -> list[RawRoute] | None:
    """Solve ``task`` with OR-Tools; ``None`` if no solution was found in time."""
    problem = task.problem
    nodes = _node_list(task)
    vehicle_types = [k for k, vt in enumerate(problem.vehicle_types) for _ in range(vt.count)]
    starts = [problem.vehicle_types[k].depot for k in vehicle_types]
    manager = pywrapcp.RoutingIndexManager(len(nodes), len(vehicle_types), starts, starts)
    routing = pywrapcp.RoutingModel(manager)
    idx = np.asarray(nodes)

    cost_callbacks = {
        k: routing.RegisterTransitMatrix(m.cost_lak[np.ix_(idx, idx)].tolist())
        for k, m in enumerate(problem.matrices)
    }
    for v, k in enumerate(vehicle_types):
        routing.SetArcCostEvaluatorOfVehicle(cost_callbacks[k], v)
        routing.SetFixedCostOfVehicle(problem.vehicle_types[k].fixed_cost_lak, v)

    demand = [0] * len(problem.depots) + [problem.pickups[p].weight_kg for p in task.candidates]
    demand_cb = routing.RegisterUnaryTransitVector(demand)
    capacities = [problem.vehicle_types[k].capacity_kg for k in vehicle_types]
    routing.AddDimensionWithVehicleCapacity(demand_cb, 0, capacities, True, "load")

    if task.has_time_constraints:
        _add_time(task, routing, manager, nodes, vehicle_types)

    for r, (p, penalty) in enumerate(
        zip(task.candidates, task.penalties_lak, strict=True), start=len(problem.depots)
    ):
        index = manager.NodeToIndex(r)
        forbidden = [v for v, k in enumerate(vehicle_types) if not problem.allowed(k, p)]
        if forbidden:
            routing.VehicleVar(index).RemoveValues(forbidden)
        routing.AddDisjunction([index], int(penalty))

    assignment = routing.SolveWithParameters(_search_parameters(task))
    if assignment is None:
        logger.info("OR-Tools found no solution (status %s)", routing.status())
        return None
    routes: list[RawRoute] = []
    for v, k in enumerate(vehicle_types):
        index = routing.Start(v)
        visited: list[int] = []
        index = assignment.Value(routing.NextVar(index))
        while not routing.IsEnd(index):
            r = manager.IndexToNode(index)
            visited.append(task.candidates[r - len(problem.depots)])
            index = assignment.Value(routing.NextVar(index))
        if visited:
            routes.append(RawRoute(k, tuple(visited)))
    logger.info("OR-Tools objective %d with %d routes", assignment.ObjectiveValue(), len(routes))
    return routes
