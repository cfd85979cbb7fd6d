"""CP-SAT adapter for the consolidation model (the only consolidation code importing ortools).

Variables: ``open[h]`` (bool), ``assign[p, v, h]`` (bool, single sourcing per period),
``flow[p, h, c]`` (integer kg through corridor ``c``), ``market[p, c, k]`` (integer kg of
corridor ``c`` credited to market ``k``). The objective is in LAK x kg / t (LAK / 1000) so that
every coefficient stays an exact integer.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from ortools.sat.python import cp_model

from optimizer.consolidation.assemble import RawSolution, SolveStats, assemble_result, solve_status
from optimizer.consolidation.checks import (
    corridor_may_carry,
    corridor_serves,
    market_targets_kg,
    open_corridors,
    usable_hubs,
)
from optimizer.consolidation.model import (
    UNREACHABLE,
    ConsolidationProblem,
    ConsolidationResult,
)
from optimizer.consolidation.params import ConsolidationSolveParams
from optimizer.exceptions import InfeasibleProblemError, SolverError

logger = logging.getLogger(__name__)

_KEY = tuple[int, int, int]


@dataclass
class _Vars:
    open: dict[int, cp_model.IntVar]
    assign: dict[_KEY, cp_model.IntVar]
    flow: dict[_KEY, cp_model.IntVar]
    market: dict[_KEY, cp_model.IntVar]


def _build(
    model: cp_model.CpModel, problem: ConsolidationProblem, params: ConsolidationSolveParams
) -> tuple[_Vars, list[cp_model.LinearExprT]]:
    hubs = usable_hubs(problem, params.forced_open)
    v = _Vars(open={}, assign={}, flow={}, market={})
    objective: list[cp_model.LinearExprT] = []
    for h in hubs:
        hub = problem.hubs[h]
        v.open[h] = model.new_bool_var(f"open_{hub.id}")
        if hub.status == "open" or hub.id in params.forced_open:
            model.add(v.open[h] == 1)
        objective.append(hub.fixed_cost_lak * 1000 * v.open[h])
    for p in range(len(problem.periods)):
        _build_period(model, problem, p, hubs, v, objective)
    for h in hubs:
        received = [
            problem.supply[vi].green_kg[p] * var for (p, vi, hh), var in v.assign.items() if hh == h
        ]
        model.add(sum(received) <= problem.hubs[h].capacity_kg * v.open[h])
    return v, objective


def _build_period(
    model: cp_model.CpModel,
    problem: ConsolidationProblem,
    p: int,
    hubs: list[int],
    v: _Vars,
    objective: list[cp_model.LinearExprT],
) -> None:
    collection = problem.collection_lak_per_t[p]
    total = problem.period_kg(p)
    for vi, point in enumerate(problem.supply):
        kg = point.green_kg[p]
        if kg == 0:
            continue
        choices = []
        for h in hubs:
            if collection[vi, h] == UNREACHABLE:
                continue
            var = model.new_bool_var(f"assign_{p}_{vi}_{h}")
            model.add_implication(var, v.open[h])
            v.assign[p, vi, h] = var
            per_t = int(collection[vi, h]) + problem.hubs[h].handling_lak_per_t
            objective.append(kg * per_t * var)
            choices.append(var)
        model.add_exactly_one(choices)
    corridors = open_corridors(problem, p)
    for h in hubs:
        outs = []
        for c in corridors:
            corridor = problem.corridors[c]
            trunk = int(problem.trunk_lak_per_t[p, h, problem.gateway_index(corridor.gateway_id)])
            if trunk == UNREACHABLE:
                continue
            var = model.new_int_var(0, total, f"flow_{p}_{h}_{c}")
            v.flow[p, h, c] = var
            objective.append((trunk + corridor.lak_per_t) * var)
            outs.append(var)
        inflow = [
            problem.supply[vi].green_kg[p] * var
            for (pp, vi, hh), var in v.assign.items()
            if pp == p and hh == h
        ]
        model.add(sum(outs) == sum(inflow))
    _gateway_capacity(model, problem, p, v, objective)
    if problem.markets:
        _markets(model, problem, p, v, objective)


def _gateway_capacity(
    model: cp_model.CpModel,
    problem: ConsolidationProblem,
    p: int,
    v: _Vars,
    objective: list[cp_model.LinearExprT],
) -> None:
    for gateway in problem.gateways:
        through = [
            var
            for (pp, _, c), var in v.flow.items()
            if pp == p and problem.corridors[c].gateway_id == gateway.id
        ]
        cap = problem.gateway_max_kg(gateway.id, p)
        if through and cap is not None:
            model.add(sum(through) <= cap)
        queue = problem.queue_for(gateway.id, p)
        if queue is None or not through:
            continue
        segments = []
        for i, (width, slope) in enumerate(zip(queue.widths_kg, queue.lak_per_t, strict=True)):
            seg = model.new_int_var(0, width, f"queue_{p}_{gateway.id}_{i}")
            segments.append(seg)
            objective.append(slope * seg)
        model.add(sum(segments) == sum(through))


def _markets(
    model: cp_model.CpModel,
    problem: ConsolidationProblem,
    p: int,
    v: _Vars,
    objective: list[cp_model.LinearExprT],
) -> None:
    targets = market_targets_kg(problem, p)
    used = sorted({c for (pp, _, c) in v.flow if pp == p})
    penalty = problem.reroute_penalty_lak_per_t
    by_market: dict[int, list[cp_model.IntVar]] = {k: [] for k in range(len(problem.markets))}
    for c in used:
        corridor = problem.corridors[c]
        parts = []
        for k, market in enumerate(problem.markets):
            serves = corridor_serves(corridor, market.id)
            if not corridor_may_carry(problem, corridor, market.id):
                continue
            var = model.new_int_var(0, targets[k], f"market_{p}_{c}_{k}")
            v.market[p, c, k] = var
            parts.append(var)
            by_market[k].append(var)
            objective.append((corridor.ocean_to(market.id) + (0 if serves else penalty or 0)) * var)
        flows = [var for (pp, _, cc), var in v.flow.items() if pp == p and cc == c]
        model.add(sum(parts) == sum(flows))
    for k, target in enumerate(targets):
        model.add(sum(by_market[k]) == target)


def solve_with_cpsat(
    problem: ConsolidationProblem, params: ConsolidationSolveParams
) -> ConsolidationResult:
    """Build and solve the CP-SAT model; return the (not yet verified) result."""
    start = time.perf_counter()
    model = cp_model.CpModel()
    v, objective = _build(model, problem, params)
    model.minimize(sum(objective))
    if params.hint_open_hubs is not None:
        for h, var in v.open.items():
            model.add_hint(var, problem.hubs[h].id in params.hint_open_hubs)
    solver = cp_model.CpSolver()
    if params.time_limit_s is not None:
        solver.parameters.max_time_in_seconds = params.time_limit_s
    solver.parameters.max_number_of_conflicts = params.node_limit
    solver.parameters.num_workers = params.num_workers
    solver.parameters.interleave_search = params.num_workers > 1  # deterministic with threads
    solver.parameters.random_seed = 0
    solver.parameters.catch_sigint_signal = False  # Ctrl-C must not end a solve as if finished
    solver.parameters.relative_gap_limit = params.relative_gap
    code = solver.solve(model)
    elapsed = time.perf_counter() - start
    num_vars = len(model.proto.variables)
    logger.info("CP-SAT %s in %.2f s, %d variables", solver.status_name(code), elapsed, num_vars)
    if code == cp_model.INFEASIBLE:
        msg = (
            "infeasible capacities: no assignment of villages to hubs respects every hub "
            "capacity, gateway capacity and market share (single sourcing per village)."
        )
        raise InfeasibleProblemError(msg)
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        msg = (
            f"CP-SAT found no plan within its limits (status {solver.status_name(code)}, "
            f"conflict limit {params.node_limit}, time limit {params.time_limit_s} s); raise them."
        )
        raise SolverError(msg)
    value, bound = solver.objective_value, solver.best_objective_bound
    stats = SolveStats(
        status=solve_status(
            proven=code == cp_model.OPTIMAL,
            clock=params.time_limit_s is not None and solver.wall_time >= params.time_limit_s,
        ),
        mip_gap=abs(value - bound) / max(abs(value), 1e-9),
        gap_limit=params.relative_gap,
        nodes=int(solver.num_conflicts),
        num_variables=num_vars,
        solve_time_s=elapsed,
    )
    raw = RawSolution(
        open_hubs=tuple(h for h, var in v.open.items() if solver.value(var)),
        assign_kg={
            (p, vi, h): float(problem.supply[vi].green_kg[p]) if solver.value(var) else 0.0
            for (p, vi, h), var in v.assign.items()
        },
        flow_kg={k: float(solver.value(var)) for k, var in v.flow.items()},
        market_kg={k: float(solver.value(var)) for k, var in v.market.items()},
    )
    return assemble_result(problem, raw, stats)
