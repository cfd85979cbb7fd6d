"""MIP adapter for the consolidation model (OR-Tools linear-solver interface, SCIP backend).

``open[h]`` binary; ``assign[p, v, h]`` continuous tonnes (a village may split its volume
between hubs; with ``ConsolidationSolveParams.single_sourcing`` it is binary, as in
:mod:`optimizer._ortools.cpsat`); ``flow[p, h, c]`` and ``market[p, c, k]`` continuous tonnes.
Given the hubs, the rest is a network flow (villages → hubs → corridors → markets) whose
simplex vertices are integral in kg, so only the hub binaries branch and the full region solves
in seconds. Tonnes are rounded back to integer kg preserving every total (largest remainder),
which leaves market totals within a few kg of their targets. The objective is in thousand LAK.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from ortools.linear_solver import pywraplp

from optimizer.consolidation.checks import (
    corridor_serves,
    market_targets_kg,
    open_corridors,
    usable_hubs,
)
from optimizer.consolidation.costs import cost_breakdown
from optimizer.consolidation.model import (
    UNREACHABLE,
    Assignment,
    ConsolidationProblem,
    ConsolidationResult,
    CorridorFlow,
    MarketFlow,
    SolveStatus,
)
from optimizer.consolidation.params import ConsolidationSolveParams
from optimizer.exceptions import InfeasibleProblemError, SolverError

logger = logging.getLogger(__name__)

_KEY = tuple[int, int, int]
_SCIP_PARAMS = (
    "separating/maxrounds = 0\n"
    "separating/maxroundsroot = 0\n"
    "presolving/maxrestarts = 0\n"
    "heuristics/rens/freq = -1\n"
)
_SCALE = 1000.0  # objective unit: thousand LAK (tonnes x LAK per tonne / 1000)


class _Model:
    """Variables and objective terms of one MIP."""

    def __init__(self, problem: ConsolidationProblem, params: ConsolidationSolveParams) -> None:
        solver = pywraplp.Solver.CreateSolver(params.mip_solver)
        if solver is None:  # pragma: no cover - the ortools wheel ships SCIP, HiGHS and CBC
            msg = f"the OR-Tools {params.mip_solver} backend is not available in this installation"
            raise SolverError(msg)
        self.solver = solver
        self.problem = problem
        self.params = params
        self.hubs = usable_hubs(problem, params.forced_open)
        self.open: dict[int, pywraplp.Variable] = {}
        self.assign: dict[_KEY, pywraplp.Variable] = {}
        self.flow: dict[_KEY, pywraplp.Variable] = {}
        self.market: dict[_KEY, pywraplp.Variable] = {}
        self.objective = solver.Objective()

    def build(self) -> None:
        problem, s = self.problem, self.solver
        for h in self.hubs:
            hub = problem.hubs[h]
            forced = hub.status == "open" or hub.id in self.params.forced_open
            self.open[h] = s.IntVar(1 if forced else 0, 1, f"open_{h}")
            self.objective.SetCoefficient(self.open[h], hub.fixed_cost_lak / _SCALE)
        received: dict[int, list[tuple[float, pywraplp.Variable]]] = defaultdict(list)
        for p in range(len(problem.periods)):
            inflow = self._assignments(p, received)
            self._flows(p, inflow)
        for h in self.hubs:
            ct = s.Constraint(-s.infinity(), 0.0)
            for coef, var in received[h]:
                ct.SetCoefficient(var, coef)
            ct.SetCoefficient(self.open[h], -problem.hubs[h].capacity_kg / 1000.0)
        self.objective.SetMinimization()

    def _assignments(
        self, p: int, received: dict[int, list[tuple[float, pywraplp.Variable]]]
    ) -> dict[int, list[tuple[float, pywraplp.Variable]]]:
        problem, s = self.problem, self.solver
        collection = problem.collection_lak_per_t[p]
        inflow: dict[int, list[tuple[float, pywraplp.Variable]]] = defaultdict(list)
        for v, point in enumerate(problem.supply):
            kg = point.green_kg[p]
            if kg == 0:
                continue
            single = self.params.single_sourcing
            one = s.Constraint(1.0, 1.0) if single else s.Constraint(kg / 1000.0, kg / 1000.0)
            for h in self.hubs:
                if collection[v, h] == UNREACHABLE:
                    continue
                tonnes = kg / 1000.0
                var = (
                    s.BoolVar(f"a_{p}_{v}_{h}") if single else s.NumVar(0, tonnes, f"a_{p}_{v}_{h}")
                )
                coef = tonnes if single else 1.0
                self.assign[p, v, h] = var
                one.SetCoefficient(var, 1.0)
                if single or self.params.strong_links:
                    link = s.Constraint(-s.infinity(), 0.0)
                    link.SetCoefficient(var, 1.0)
                    link.SetCoefficient(self.open[h], -1.0 if single else -kg / 1000.0)
                per_t = int(collection[v, h]) + problem.hubs[h].handling_lak_per_t
                self.objective.SetCoefficient(var, coef * per_t / _SCALE)
                inflow[h].append((coef, var))
                received[h].append((coef, var))
        return inflow

    def _flows(self, p: int, inflow: dict[int, list[tuple[float, pywraplp.Variable]]]) -> None:
        problem, s = self.problem, self.solver
        total = problem.period_kg(p)
        corridors = open_corridors(problem, p)
        for h in self.hubs:
            balance = s.Constraint(0.0, 0.0)
            for coef, var in inflow[h]:
                balance.SetCoefficient(var, -coef)
            for c in corridors:
                corridor = problem.corridors[c]
                g = problem.gateway_index(corridor.gateway_id)
                trunk = int(problem.trunk_lak_per_t[p, h, g])
                if trunk == UNREACHABLE:
                    continue
                var = s.NumVar(0, total / 1000.0, f"f_{p}_{h}_{c}")
                self.flow[p, h, c] = var
                balance.SetCoefficient(var, 1.0)
                self.objective.SetCoefficient(var, (trunk + corridor.lak_per_t) / _SCALE)
        for gateway in problem.gateways:
            if gateway.capacity_kg is None:
                continue
            cap = s.Constraint(0.0, gateway.capacity_kg / 1000.0)
            for (pp, _, c), var in self.flow.items():
                if pp == p and problem.corridors[c].gateway_id == gateway.id:
                    cap.SetCoefficient(var, 1.0)
        if problem.markets:
            self._markets(p)

    def _markets(self, p: int) -> None:
        problem, s = self.problem, self.solver
        targets = market_targets_kg(problem, p)
        demand = [s.Constraint(t / 1000.0, t / 1000.0) for t in targets]
        for c in sorted({c for (pp, _, c) in self.flow if pp == p}):
            split = s.Constraint(0.0, 0.0)
            for (pp, _, cc), var in self.flow.items():
                if pp == p and cc == c:
                    split.SetCoefficient(var, -1.0)
            for k, market in enumerate(problem.markets):
                if corridor_serves(problem.corridors[c], market.id):
                    var = s.NumVar(0, targets[k] / 1000.0, f"m_{p}_{c}_{k}")
                    self.market[p, c, k] = var
                    split.SetCoefficient(var, 1.0)
                    demand[k].SetCoefficient(var, 1.0)


def solve_with_mip(
    problem: ConsolidationProblem, params: ConsolidationSolveParams
) -> ConsolidationResult:
    """Build and solve the MIP with SCIP; return the (not yet verified) result."""
    start = time.perf_counter()
    model = _Model(problem, params)
    model.build()
    solver = model.solver
    if params.time_limit_s is not None:
        solver.SetTimeLimit(int(params.time_limit_s * 1000))
    # Cutting planes barely move this bound (the gap closes by branching on a few hub
    # binaries); restarts re-solve the large root LP and RENS solves a sub-MIP of the same
    # size. Together they cost more than half the solve time on the full region (measured
    # with benchmarks/bench_consolidation.py): switch them off.
    scip = _SCIP_PARAMS + f"limits/totalnodes = {params.node_limit}\n"
    if not solver.SetSolverSpecificParametersAsString(scip):
        logger.warning("SCIP rejected the tuning parameters; solving with its defaults")
    mp = pywraplp.MPSolverParameters()
    mp.SetDoubleParam(pywraplp.MPSolverParameters.RELATIVE_MIP_GAP, params.relative_gap)
    code = solver.Solve(mp)
    elapsed = time.perf_counter() - start
    logger.info("SCIP status %d in %.2f s, %d variables", code, elapsed, solver.NumVariables())
    if code == pywraplp.Solver.INFEASIBLE:
        msg = (
            "infeasible capacities: no assignment of villages to hubs respects every hub "
            "capacity, gateway capacity and market share (single sourcing per village)."
        )
        raise InfeasibleProblemError(msg)
    if code not in (pywraplp.Solver.OPTIMAL, pywraplp.Solver.FEASIBLE):
        msg = (
            f"the MIP solver found no plan within its limits (status {code}, "
            f"node limit {params.node_limit}, time limit {params.time_limit_s} s); raise them."
        )
        raise SolverError(msg)
    value, bound = solver.Objective().Value(), solver.Objective().BestBound()
    gap = abs(value - bound) / max(abs(value), 1e-9)
    status: SolveStatus
    if code == pywraplp.Solver.OPTIMAL:
        status = "optimal"
    elif params.time_limit_s is not None and elapsed >= params.time_limit_s:
        status = "time_limit"
    else:
        status = "feasible"
    return _extract(model, status, elapsed, gap)


def largest_remainder(values_kg: list[float], total_kg: int) -> list[int]:
    """Round non-negative kg values to integers that add up to ``total_kg`` exactly."""
    floors = [max(int(x), 0) for x in values_kg]
    short = total_kg - sum(floors)
    order = sorted(range(len(values_kg)), key=lambda i: values_kg[i] - floors[i], reverse=True)
    for i in order[: max(short, 0)]:
        floors[i] += 1
    for i in sorted(range(len(floors)), key=lambda i: floors[i], reverse=True)[: max(-short, 0)]:
        floors[i] -= 1
    return floors


def _group_round(
    items: dict[_KEY, pywraplp.Variable], group: Callable[[_KEY], Any], totals: dict[Any, int]
) -> dict[_KEY, int]:
    keys_by: dict[Any, list[_KEY]] = defaultdict(list)
    for key in items:
        keys_by[group(key)].append(key)
    out: dict[_KEY, int] = {}
    for g, keys in keys_by.items():
        kg = largest_remainder([items[k].solution_value() * 1000 for k in keys], totals.get(g, 0))
        out.update(zip(keys, kg, strict=True))
    return out


def _assigned_kg(model: _Model) -> dict[_KEY, int]:
    problem = model.problem
    if model.params.single_sourcing:
        return {
            (p, v, h): problem.supply[v].green_kg[p] if var.solution_value() > 0.5 else 0
            for (p, v, h), var in model.assign.items()
        }
    totals = {
        (p, v): s.green_kg[p]
        for p in range(len(problem.periods))
        for v, s in enumerate(problem.supply)
    }
    return _group_round(model.assign, lambda k: (k[0], k[1]), totals)


def _extract(model: _Model, status: SolveStatus, elapsed: float, gap: float) -> ConsolidationResult:
    problem = model.problem
    periods = problem.periods
    open_hubs = tuple(
        problem.hubs[h].id for h, var in model.open.items() if var.solution_value() > 0.5
    )
    assigned = _assigned_kg(model)
    hub_in: dict[tuple[int, int], int] = defaultdict(int)
    assignments = []
    for (p, v, h), kg in assigned.items():
        if kg <= 0:
            continue
        hub_in[p, h] += kg
        cost = round(kg * int(problem.collection_lak_per_t[p, v, h]) / 1000)
        assignments.append(
            Assignment(periods[p], problem.supply[v].id, problem.hubs[h].id, kg, cost)
        )
    flow_kg = _group_round(model.flow, lambda k: (k[0], k[1]), dict(hub_in))
    corridor_in: dict[tuple[int, int], int] = defaultdict(int)
    for (p, _, c), kg in flow_kg.items():
        corridor_in[p, c] += kg
    market_kg = _group_round(model.market, lambda k: (k[0], k[1]), dict(corridor_in))
    flows = tuple(
        CorridorFlow(
            period=periods[p],
            hub_id=problem.hubs[h].id,
            corridor_id=problem.corridors[c].id,
            gateway_id=problem.corridors[c].gateway_id,
            port=problem.corridors[c].port,
            green_kg=kg,
        )
        for (p, h, c), kg in flow_kg.items()
        if kg > 0
    )
    market_flows = tuple(
        MarketFlow(periods[p], problem.corridors[c].id, problem.markets[k].id, kg)
        for (p, c, k), kg in market_kg.items()
        if kg > 0
    )
    return ConsolidationResult(
        status=status,
        mip_gap=gap,
        open_hubs=open_hubs,
        assignments=tuple(assignments),
        flows=flows,
        market_flows=market_flows,
        cost_lak=cost_breakdown(problem, open_hubs, tuple(assignments), flows),
        total_green_kg=problem.total_kg,
        num_variables=model.solver.NumVariables(),
        solve_time_s=elapsed,
        nodes=int(model.solver.nodes()),
        gap_limit=model.params.relative_gap,
    )
