"""PyVRP adapter for the pickup VRP (private: the only module that imports pyvrp).

One routing profile per vehicle type: its "distance" matrix is the type's arc cost in kip
(``unit_distance_cost = 1``), its duration matrix the travel time. Pickups a type may not reach
get prohibitive arc costs in that type's profile. Required pickups are hard clients; if no
feasible plan appears within half the budget, every pickup becomes a prize-collecting client
whose prize is its drop penalty, so an over-full day still yields a plan with drops.
"""

from __future__ import annotations

import logging
import math
import time
import warnings

import numpy as np
import pyvrp
from pyvrp.exceptions import PenaltyBoundWarning
from pyvrp.stop import MaxIterations, MaxRuntime, MultipleCriteria, StoppingCriterion

from optimizer.pickup.problem import EngineTask
from optimizer.pickup.solution import RawRoute

logger = logging.getLogger(__name__)

_OPEN = int(np.iinfo(np.int64).max)
_INFEASIBLE_COST = 2**62


def _matrices(task: EngineTask, forbidden_cost: int) -> tuple[list[np.ndarray], list[np.ndarray]]:
    problem = task.problem
    nodes = np.asarray(
        list(range(len(problem.depots))) + [problem.node(p) for p in task.candidates]
    )
    first = len(problem.depots)
    distances: list[np.ndarray] = []
    durations: list[np.ndarray] = []
    for k, m in enumerate(problem.matrices):
        cost = m.cost_lak[np.ix_(nodes, nodes)].copy()
        duration = m.duration_s[np.ix_(nodes, nodes)].copy()
        for r, p in enumerate(task.candidates, start=first):
            if not problem.allowed(k, p):
                cost[r, :] = forbidden_cost
                cost[:, r] = forbidden_cost
                cost[r, r] = 0
        np.fill_diagonal(cost, 0)  # PyVRP requires zero diagonals; self-loops are never used
        np.fill_diagonal(duration, 0)
        distances.append(np.ascontiguousarray(cost, dtype=np.int64))
        durations.append(np.ascontiguousarray(duration, dtype=np.int64))
    return distances, durations


def _data(task: EngineTask, *, hard: bool) -> pyvrp.ProblemData:
    problem = task.problem
    forbidden_cost = 4 * max(task.penalties_lak, default=1) + 1
    depots = [pyvrp.Depot(location=d) for d in range(len(problem.depots))]
    clients = []
    first = len(depots)
    for c, (p, penalty) in enumerate(zip(task.candidates, task.penalties_lak, strict=True)):
        pickup = problem.pickups[p]
        required = hard and pickup.required
        clients.append(
            pyvrp.Client(
                location=first + c,
                pickup=[pickup.weight_kg],
                service_duration=pickup.service_s,
                tw_early=pickup.tw_start_s,
                tw_late=_OPEN if pickup.tw_end_s is None else pickup.tw_end_s,
                prize=0 if required else int(penalty),
                required=required,
            )
        )
    # locations are the depots, then the candidate pickups in task order
    locations = [pyvrp.Location(x=0, y=0) for _ in range(len(depots) + len(clients))]
    vehicle_types = [
        pyvrp.VehicleType(
            num_available=vt.count,
            capacity=[vt.capacity_kg],
            start_depot=vt.depot,
            end_depot=vt.depot,
            fixed_cost=vt.fixed_cost_lak,
            tw_early=vt.shift_start_s,
            tw_late=_OPEN if vt.shift_end_s is None else vt.shift_end_s,
            profile=k,
            reload_depots=[vt.depot] if vt.max_trips > 1 else [],
            max_reloads=vt.max_trips - 1,
            name=vt.name,
        )
        for k, vt in enumerate(problem.vehicle_types)
    ]
    distances, durations = _matrices(task, forbidden_cost)
    return pyvrp.ProblemData(
        locations=locations,
        clients=clients,
        depots=depots,
        vehicle_types=vehicle_types,
        distance_matrices=distances,  # type: ignore[arg-type]
        duration_matrices=durations,  # type: ignore[arg-type]
    )


def _stop(seconds: float, iterations: int | None) -> StoppingCriterion:
    stop: StoppingCriterion = MaxRuntime(max(0.05, seconds))
    if iterations is not None:
        stop = MultipleCriteria([MaxIterations(max(1, iterations)), stop])
    return stop


def _routes(task: EngineTask, best: pyvrp.Solution) -> list[RawRoute]:
    routes = []
    for route in best.routes():
        visits: list[int] = []
        breaks: list[int] = []
        trip = 0
        for activity in route:
            if not activity.is_client():
                continue
            if int(activity.trip) != trip and visits:
                breaks.append(len(visits))
            trip = int(activity.trip)
            visits.append(task.candidates[int(activity.idx)])
        if visits:
            routes.append(RawRoute(int(route.vehicle_type()), tuple(visits), tuple(breaks)))
    return routes


def solve_pyvrp(task: EngineTask) -> list[RawRoute] | None:
    """Solve ``task`` with PyVRP; see :func:`_solve` (penalty-bound warnings are expected)."""
    with warnings.catch_warnings():
        # an over-full day makes the hard model infeasible: expected, handled in _solve
        warnings.simplefilter("ignore", PenaltyBoundWarning)
        return _solve(task)


class _GiveUpIfInfeasible:
    """Stop at the time or iteration limit, or at half of either with no feasible plan yet."""

    def __init__(self, seconds: float, iterations: int | None) -> None:
        self._seconds = seconds
        self._iterations = iterations
        self._start: float | None = None
        self._done = 0
        self.gave_up = False

    def __call__(self, best_cost: float) -> bool:
        if self._start is None:
            self._start = time.perf_counter()
        elapsed = time.perf_counter() - self._start
        self._done += 1
        over = elapsed > self._seconds or (
            self._iterations is not None and self._done > self._iterations
        )
        halfway = elapsed > self._seconds / 2 or (
            self._iterations is not None and self._done > self._iterations / 2
        )
        # PyVRP reports an infeasible best solution as inf or as the int64 maximum
        if halfway and not (math.isfinite(best_cost) and best_cost < _INFEASIBLE_COST):
            self.gave_up = True
            return True
        return over


def _solve(task: EngineTask) -> list[RawRoute] | None:
    """Required pickups are hard clients (PyVRP's search handles them far better than large
    prizes). If half the budget passes without a feasible plan, the fleet is too small: the
    rest of the budget runs prize-collecting, dropping what does not fit.
    """
    start = time.perf_counter()
    hard = _data(task, hard=True)
    stop = _GiveUpIfInfeasible(task.time_limit_s, task.solution_limit)
    result = pyvrp.solve(hard, stop=stop, seed=task.seed, display=False)
    if stop.gave_up:
        logger.info("PyVRP: not every required pickup fits; switching to prize collecting")
        remaining = task.time_limit_s - (time.perf_counter() - start)
        iterations = None if task.solution_limit is None else max(1, task.solution_limit // 2)
        soft = _data(task, hard=False)
        result = pyvrp.solve(soft, stop=_stop(remaining, iterations), seed=task.seed, display=False)
    if not result.best.is_feasible():
        logger.info("PyVRP found no feasible solution")
        return None
    routes = _routes(task, result.best)
    logger.info("PyVRP cost %d with %d routes", result.cost(), len(routes))
    return routes
