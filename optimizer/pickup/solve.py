"""``solve(problem, params)``: screen pickups, run the engine(s), verify, return the best plan.

Screening drops, with a reason, the pickups no engine could serve (unreachable in the season,
heavier than every truck that can reach them, windows or driver's day impossible). The rest go
to OR-Tools, PyVRP, or a portfolio (``auto``: PyVRP with seeds ``seed, seed+1, ...``, one per
worker process, all within one time limit; OR-Tools joins only where PyVRP cannot model the task,
see :func:`_ortools_needed`). Every plan is verified before it is returned; ``auto`` keeps the
verified plan that serves the most required pickups, then the cheapest, then the lowest seed.
"""

from __future__ import annotations

import logging
import tempfile
import time
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

from optimizer.exceptions import VerificationError
from optimizer.pickup import portfolio
from optimizer.pickup.params import Engine, SolveParams
from optimizer.pickup.problem import EngineTask, PickupProblem
from optimizer.pickup.screen import screen_reason, when_text, window_ok
from optimizer.pickup.solution import Dropped, PickupPlan, RawRoute, build_plan
from optimizer.pickup.verify import verify

logger = logging.getLogger(__name__)

#: Seconds ``auto`` waits for its workers after the deadline (engines check the clock only
#: between iterations, and a busy machine delays them a little).
_GRACE_S = 1.0
_GRACE_WITHOUT_PLAN_S = 10.0


def required_penalty(problem: PickupProblem) -> int:
    """Drop penalty for required pickups: more than serving any one of them could ever cost."""
    worst_arc = 0
    for m in problem.matrices:
        reachable = m.cost_lak[m.reachable]
        if reachable.size:
            worst_arc = max(worst_arc, int(reachable.max()))
    worst_fixed = max(vt.fixed_cost_lak for vt in problem.vehicle_types)
    return (2 * worst_arc + worst_fixed + 1) * (len(problem.pickups) + 1)


def _task(problem: PickupProblem, params: SolveParams) -> tuple[EngineTask, list[Dropped]]:
    dropped: list[Dropped] = []
    candidates: list[int] = []
    for p in range(len(problem.pickups)):
        reason = screen_reason(problem, p)
        if reason is None:
            candidates.append(p)
        else:
            dropped.append(Dropped(p, reason))
    big = required_penalty(problem)
    penalties = tuple(
        big if problem.pickups[p].required else problem.pickups[p].penalty_lak for p in candidates
    )
    task = EngineTask(
        problem=problem,
        candidates=tuple(candidates),
        penalties_lak=penalties,
        time_limit_s=params.time_limit_s,
        seed=params.seed,
        solution_limit=params.solution_limit,
    )
    return task, dropped


def _finish(
    task: EngineTask,
    raw: list[RawRoute],
    screened: list[Dropped],
    engine: str,
    *,
    timed_out: bool = False,
) -> PickupPlan:
    problem = task.problem
    served = {p for r in raw for p in r.pickups}
    dropped = list(screened)
    idle = _idle_vehicles(task, raw)
    for p in task.candidates:
        if p in served:
            continue
        pickup = problem.pickups[p]
        spare = sum(n for t, n in idle.items() if _could_serve_alone(problem, t, p))
        if timed_out:
            reason = (
                f"not planned: no engine found a plan within the {task.time_limit_s:g} s "
                "limit; give a longer --time-limit or fewer pickups per day"
            )
        elif pickup.required and spare:
            # trucks that may serve it stood idle: the search stopped before the fleet ran out
            reason = (
                f"not planned: the search stopped at its limit ({task.time_limit_s:g} s or the "
                f"solution limit) with {spare} suitable truck(s) unused; give a longer limit"
            )
        elif pickup.required:
            where = when_text(problem, pickup)
            reason = f"no vehicle capacity or driver time left in the fleet {where}"
        else:
            reason = f"optional: serving it costs more than its penalty of {pickup.penalty_lak} LAK"
        dropped.append(Dropped(p, reason))
    plan = build_plan(problem, raw, dropped, engine)
    verify(problem, plan)
    return plan


def _could_serve_alone(problem: PickupProblem, vehicle_type: int, p: int) -> bool:
    """An idle truck of this type could serve pickup ``p`` alone: the plan was not finished."""
    fits = problem.vehicle_types[vehicle_type].capacity_kg >= problem.pickups[p].weight_kg
    return problem.allowed(vehicle_type, p) and fits and window_ok(problem, vehicle_type, p)


def _idle_vehicles(task: EngineTask, raw: list[RawRoute]) -> dict[int, int]:
    """Trucks of each vehicle type that drove no route (each may carry several trips)."""
    used = [0] * len(task.problem.vehicle_types)
    for route in raw:
        used[route.vehicle_type] += 1
    types = task.problem.vehicle_types
    return {t: v.count - used[t] for t, v in enumerate(types) if v.count > used[t]}


def _run_ortools(task: EngineTask) -> list[RawRoute] | None:
    return portfolio.run_engine("ortools", task)


def _run_pyvrp(task: EngineTask) -> list[RawRoute] | None:
    return portfolio.run_engine("pyvrp", task)


def _empty_plan(task: EngineTask, screened: list[Dropped], engine: str) -> PickupPlan:
    return _finish(task, [], screened, engine)


def _cherry_last(task: EngineTask, routes: list[RawRoute]) -> list[RawRoute]:
    """Each trip with its freshness-limited stops moved to its end (in their order): the
    cheap repair of a plan from PyVRP, which does not see the limits; verified like any plan."""
    pickups = task.problem.pickups
    out = []
    for route in routes:
        cuts = [0, *route.trip_breaks, len(route.pickups)]
        order: list[int] = []
        for a, b in pairwise(cuts):
            trip = route.pickups[a:b]
            order += sorted(trip, key=lambda p: pickups[p].max_ride_s is not None)
        out.append(replace(route, pickups=tuple(order)))
    return out


def _finish_fresh(
    task: EngineTask, raw: list[RawRoute], screened: list[Dropped], engine: str
) -> PickupPlan:
    """``_finish``; a plan breaking a freshness limit is retried with cherry loaded last."""
    try:
        return _finish(task, raw, screened, engine)
    except VerificationError:
        if not task.has_freshness_limits:
            raise
        plan = _finish(task, _cherry_last(task, raw), screened, f"{engine} + cherry last")
        logger.info("%s: freshness repaired by loading cherry last on each trip", engine)
        return plan


def _single(task: EngineTask, screened: list[Dropped], engine: Engine) -> PickupPlan:
    run = _run_ortools if engine is Engine.ORTOOLS else _run_pyvrp
    raw = run(task)
    if raw is None:  # nothing in time: every stop is reported undone, with the reason
        logger.warning("%s found no plan within %g s", engine.value, task.time_limit_s)
        return _finish(task, [], screened, f"{engine.value} (no plan in time)", timed_out=True)
    try:
        return _finish_fresh(task, raw, screened, engine.value)
    except VerificationError as exc:
        if engine is Engine.PYVRP and task.has_freshness_limits:
            msg = (
                f"{exc} (PyVRP cannot model the freshness limit of fresh cherry; "
                "use --engine auto or ortools)"
            )
            raise VerificationError(msg) from None
        raise


def _ortools_needed(task: EngineTask) -> bool:
    """OR-Tools joins the portfolio only where it wins: constraints PyVRP cannot model (the
    freshness limit per stop). Elsewhere PyVRP is better at the same wall time (``make bench``)."""
    return task.has_freshness_limits


def _label(engine: str, seed: int) -> str:
    return f"{engine} seed {seed}" if engine == "pyvrp" else engine


def _portfolio_runs(task: EngineTask, workers: int) -> list[tuple[str, EngineTask]]:
    """(engine, task) per search: PyVRP with seeds ``seed, seed+1, ...``, OR-Tools if needed."""
    pyvrp_runs = max(1, workers - 1) if _ortools_needed(task) else workers
    runs = [("pyvrp", replace(task, seed=task.seed + i)) for i in range(pyvrp_runs)]
    if _ortools_needed(task):
        runs.append(("ortools", task))
    return runs


def _auto(task: EngineTask, screened: list[Dropped], workers: int) -> PickupPlan:
    """Run the portfolio: the first search here, the others in worker processes, all stopping
    at one deadline; keep the verified plan serving most required pickups, then the cheapest,
    then the earliest in portfolio order (lowest seed), so a seed set gives one answer."""
    deadline = time.monotonic() + task.time_limit_s
    runs = _portfolio_runs(task, workers)
    results: list[tuple[str, list[RawRoute] | None]] = []
    with tempfile.TemporaryDirectory(prefix="bolaven-auto-") as tmp:
        spawned = [
            portfolio.start(engine, sub, deadline, Path(tmp), _label(engine, sub.seed))
            for engine, sub in runs[1:]
        ]
        first_engine, first = runs[0]
        raw: list[RawRoute] | None = None
        try:
            remaining = max(0.1, deadline - time.monotonic())
            raw = portfolio.run_engine(first_engine, replace(first, time_limit_s=remaining))
        finally:
            results.append((_label(first_engine, first.seed), raw))
            # a deterministic stop (solution limit), no plan yet, or a plan that may break a
            # freshness limit PyVRP cannot model: wait longer for the others
            patient = raw is None or task.solution_limit is not None or _ortools_needed(task)
            grace = _GRACE_WITHOUT_PLAN_S if patient else _GRACE_S
            for worker in spawned:
                wait_s = deadline + grace - time.monotonic()
                results.append((worker.label, portfolio.collect(worker, wait_s)))
    plans: list[PickupPlan] = []
    for label, routes in results:
        if routes is None:
            continue
        try:
            plans.append(_finish_fresh(task, routes, screened, label))
        except VerificationError as exc:
            # expected on cherry days: PyVRP does not see the freshness limits
            expected = label.startswith("pyvrp") and task.has_freshness_limits
            log = logger.info if expected else logger.warning
            log("auto: the %s plan failed verification and is discarded: %s", label, exc)
    if not plans:  # nothing in time: every stop is reported undone, with the reason
        logger.warning("auto: no engine found a verified plan within %g s", task.time_limit_s)
        return _finish(task, [], screened, "auto (no plan in time)", timed_out=True)
    order = [label for label, _ in results]

    def rank(plan: PickupPlan) -> tuple[int, int, int]:
        missed = sum(1 for d in plan.dropped if task.problem.pickups[d.pickup].required)
        return missed, plan.objective, order.index(plan.engine.removesuffix(" + cherry last"))

    best = min(plans, key=rank)
    logger.info("auto: objectives %s", {p.engine: p.objective for p in plans})
    return replace(best, engine=f"auto ({best.engine})")


def solve(problem: PickupProblem, params: SolveParams | None = None) -> PickupPlan:
    """Solve ``problem`` and return a verified plan.

    When no engine returns a plan within the limit, the plan serves nothing and every
    pickup is reported dropped with that reason (a partial plan, never a silent loss).

    Raises
    ------
    VerificationError
        If a single engine's plan fails the independent check.
    """
    params = params or SolveParams()
    task, screened = _task(problem, params)
    if not task.candidates:
        return _empty_plan(task, screened, params.engine.value)
    if params.engine is Engine.AUTO:
        deterministic = params.solution_limit is not None
        workers = params.workers or portfolio.default_workers(deterministic=deterministic)
        return _auto(task, screened, workers)
    return _single(task, screened, params.engine)
