"""MIP adapter for the consolidation model (OR-Tools linear-solver interface, SCIP by default).

``open[h]`` binary; ``assign[p, g, h]`` continuous tonnes from a supply group (villages whose
collection costs differ by a constant, merged exactly: :mod:`optimizer.consolidation.reduce`;
with ``single_sourcing`` one binary per village and hub); ``flow[p, h, c]`` and
``market[p, c, k]`` continuous tonnes. Given the hubs the rest is a network flow, so only the
hub binaries branch. Capacity links are aggregated per hub (``sum assign <= cap * open``):
measured on the full region, the disaggregated links (one per village and hub) tighten the
root bound by ~1 % but double the LP, and the proof is slower. The objective is in thousand LAK.

Determinism: one thread, a fixed random seed, a node limit as the safety net and no clock
unless the caller sets one; SCIP does not catch Ctrl-C (an interrupted solve must never look
like a finished one).
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict

from ortools.linear_solver import pywraplp

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
from optimizer.consolidation.reduce import VillageGroup, split_group, village_groups
from optimizer.exceptions import InfeasibleProblemError, SolverError

logger = logging.getLogger(__name__)

_KEY = tuple[int, int, int]
_Terms = list[tuple[float, pywraplp.Variable]]
# Cutting planes barely move this bound (the gap closes by branching on a few hub binaries);
# restarts re-solve the large root LP and RENS solves a sub-MIP of the same size: measured with
# benchmarks/bench_consolidation.py, together they cost more than half the solve time.
_SCIP_PARAMS = (
    "separating/maxrounds = 0",
    "separating/maxroundsroot = 0",
    "presolving/maxrestarts = 0",
    "heuristics/rens/freq = -1",
    "randomization/randomseedshift = 0",
    "lp/threads = 1",
    "misc/catchctrlc = FALSE",
    # A hint fixes only the hub binaries; let SCIP complete it into a plan whatever the share
    # of variables left unknown (the default, 85 %, ignores such a hint).
    "heuristics/completesol/maxunknownrate = 1",
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
        self.groups: list[VillageGroup] = []
        self.assign: dict[tuple[int, int], pywraplp.Variable] = {}  # (group, hub)
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
        self._break_symmetry()
        received: dict[int, _Terms] = defaultdict(list)
        for p in range(len(problem.periods)):
            inflow = self._assignments(p, received)
            self._flows(p, inflow)
        for h in self.hubs:
            ct = s.Constraint(-s.infinity(), 0.0)
            for coef, var in received[h]:
                ct.SetCoefficient(var, coef)
            ct.SetCoefficient(self.open[h], -problem.hubs[h].capacity_kg / 1000.0)
        self.objective.SetOffset(sum(g.offset_lak for g in self.groups) / _SCALE)
        self.objective.SetMinimization()

    def _break_symmetry(self) -> None:
        """Identical hubs (same records and cost columns): open them in index order."""
        problem = self.problem
        seen: dict[tuple[object, ...], int] = {}
        for h in self.hubs:
            hub = problem.hubs[h]
            key = (
                hub.capacity_kg,
                hub.fixed_cost_lak,
                hub.handling_lak_per_t,
                hub.status,
                hub.id in self.params.forced_open,
                problem.collection_lak_per_t[:, :, h].tobytes(),
                problem.trunk_lak_per_t[:, h, :].tobytes(),
            )
            if key in seen:
                ct = self.solver.Constraint(0.0, 1.0)
                ct.SetCoefficient(self.open[seen[key]], 1.0)
                ct.SetCoefficient(self.open[h], -1.0)
            seen[key] = h

    def _assignments(self, p: int, received: dict[int, _Terms]) -> dict[int, _Terms]:
        problem, s = self.problem, self.solver
        collection = problem.collection_lak_per_t[p]
        single = self.params.single_sourcing
        inflow: dict[int, _Terms] = defaultdict(list)
        merge = self.params.merge_villages and not single
        for group in village_groups(problem, p, merge=merge):
            g = len(self.groups)
            self.groups.append(group)
            tonnes = group.kg / 1000.0
            one = s.Constraint(1.0, 1.0) if single else s.Constraint(tonnes, tonnes)
            for h in self.hubs:
                if collection[group.rep, h] == UNREACHABLE:
                    continue
                var = s.BoolVar(f"a_{g}_{h}") if single else s.NumVar(0, tonnes, f"a_{g}_{h}")
                coef = tonnes if single else 1.0
                self.assign[g, h] = var
                one.SetCoefficient(var, 1.0)
                if single or self.params.strong_links:
                    link = s.Constraint(-s.infinity(), 0.0)
                    link.SetCoefficient(var, 1.0)
                    link.SetCoefficient(self.open[h], -1.0 if single else -tonnes)
                per_t = int(collection[group.rep, h]) + problem.hubs[h].handling_lak_per_t
                self.objective.SetCoefficient(var, coef * per_t / _SCALE)
                inflow[h].append((coef, var))
                received[h].append((coef, var))
        return inflow

    def _flows(self, p: int, inflow: dict[int, _Terms]) -> None:
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
            self._gateway_limits(p, gateway.id)
        if problem.markets:
            self._markets(p)

    def _gateway_limits(self, p: int, gateway_id: str) -> None:
        """Capacity of a post and, if it queues, its convex waiting cost (segments in order)."""
        problem, s = self.problem, self.solver
        through = [
            var
            for (pp, _, c), var in self.flow.items()
            if pp == p and problem.corridors[c].gateway_id == gateway_id
        ]
        cap = problem.gateway_max_kg(gateway_id, p)
        if cap is not None:
            ct = s.Constraint(0.0, cap / 1000.0)
            for var in through:
                ct.SetCoefficient(var, 1.0)
        queue = problem.queue_for(gateway_id, p)
        if queue is None:
            return
        link = s.Constraint(0.0, 0.0)
        for var in through:
            link.SetCoefficient(var, 1.0)
        for i, (width, slope) in enumerate(zip(queue.widths_kg, queue.lak_per_t, strict=True)):
            seg = s.NumVar(0.0, width / 1000.0, f"q_{p}_{gateway_id}_{i}")
            link.SetCoefficient(seg, -1.0)
            self.objective.SetCoefficient(seg, slope / _SCALE)

    def _markets(self, p: int) -> None:
        problem, s = self.problem, self.solver
        targets = market_targets_kg(problem, p)
        demand = [s.Constraint(t / 1000.0, t / 1000.0) for t in targets]
        penalty = problem.reroute_penalty_lak_per_t
        for c in sorted({c for (pp, _, c) in self.flow if pp == p}):
            corridor = problem.corridors[c]
            split = s.Constraint(0.0, 0.0)
            for (pp, _, cc), var in self.flow.items():
                if pp == p and cc == c:
                    split.SetCoefficient(var, -1.0)
            for k, market in enumerate(problem.markets):
                serves = corridor_serves(corridor, market.id)
                if not corridor_may_carry(problem, corridor, market.id):
                    continue
                var = s.NumVar(0, targets[k] / 1000.0, f"m_{p}_{c}_{k}")
                self.market[p, c, k] = var
                split.SetCoefficient(var, 1.0)
                demand[k].SetCoefficient(var, 1.0)
                per_t = corridor.ocean_to(market.id) + (0 if serves else penalty or 0)
                self.objective.SetCoefficient(var, per_t / _SCALE)

    def hint(self, open_hub_ids: tuple[str, ...]) -> None:
        """Start from a known plan's open hubs (SCIP completes the rest of the plan)."""
        variables = list(self.open.values())
        values = [1.0 if self.problem.hubs[h].id in open_hub_ids else 0.0 for h in self.open]
        self.solver.SetHint(variables, values)

    def raw_solution(self) -> RawSolution:
        """The solver's values in kg, village groups split back into villages."""
        by_group: dict[int, dict[int, float]] = defaultdict(dict)
        for (g, h), var in self.assign.items():
            coef = self.groups[g].kg if self.params.single_sourcing else 1000.0
            by_group[g][h] = var.solution_value() * coef
        assign: dict[_KEY, float] = {}
        for g, hub_kg in by_group.items():
            assign.update(split_group(self.problem, self.groups[g], hub_kg))
        return RawSolution(
            open_hubs=tuple(h for h, var in self.open.items() if var.solution_value() > 0.5),
            assign_kg=assign,
            flow_kg={k: var.solution_value() * 1000.0 for k, var in self.flow.items()},
            market_kg={k: var.solution_value() * 1000.0 for k, var in self.market.items()},
        )


def _configure(solver: pywraplp.Solver, params: ConsolidationSolveParams) -> None:
    solver.SetNumThreads(params.num_workers)
    if params.time_limit_s is not None:
        solver.SetTimeLimit(int(params.time_limit_s * 1000))
    if params.mip_solver != "SCIP":
        logger.warning(
            "%s through OR-Tools takes no node limit: only the gap (and any time limit) stops it",
            params.mip_solver,
        )
        return
    scip = (*_SCIP_PARAMS, f"limits/totalnodes = {params.node_limit}")
    if not solver.SetSolverSpecificParametersAsString("\n".join(scip) + "\n"):
        logger.warning("SCIP rejected the tuning parameters; solving with its defaults")


def solve_with_mip(
    problem: ConsolidationProblem, params: ConsolidationSolveParams
) -> ConsolidationResult:
    """Build and solve the MIP; return the (not yet verified) result."""
    start = time.perf_counter()
    model = _Model(problem, params)
    model.build()
    solver = model.solver
    _configure(solver, params)
    if params.hint_open_hubs is not None:
        model.hint(params.hint_open_hubs)
    mp = pywraplp.MPSolverParameters()
    mp.SetDoubleParam(pywraplp.MPSolverParameters.RELATIVE_MIP_GAP, params.relative_gap)
    solve_start = time.perf_counter()
    code = solver.Solve(mp)
    elapsed = time.perf_counter() - start
    stopped_by_clock = params.time_limit_s is not None and (
        time.perf_counter() - solve_start >= params.time_limit_s
    )
    logger.info(
        "%s status %d in %.2f s, %d nodes, %d variables",
        params.mip_solver,
        code,
        elapsed,
        solver.nodes(),
        solver.NumVariables(),
    )
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
    stats = SolveStats(
        status=solve_status(proven=code == pywraplp.Solver.OPTIMAL, clock=stopped_by_clock),
        mip_gap=abs(value - bound) / max(abs(value), 1e-9),
        gap_limit=params.relative_gap,
        nodes=int(solver.nodes()),
        num_variables=solver.NumVariables(),
        solve_time_s=elapsed,
    )
    return assemble_result(problem, model.raw_solution(), stats)
