"""Full-region consolidation: time to a proven optimum per solver, and per library scenario.

Run with ``python -m benchmarks consolidation`` (``make bench`` runs all benchmarks). Every row
is measured in this run: process CPU seconds (build + solve + verification) and wall seconds,
branch-and-bound nodes (CP-SAT: conflicts), the status and the proven relative gap. The load
average is printed because the wall time depends on it (the CPU time much less, the status,
gap and plan not at all).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from optimizer import (
    ConsolidationProblem,
    ConsolidationResult,
    ConsolidationSolveParams,
    OptimizerError,
    solve_consolidation,
)
from scenarios.common import LIBRARY_DIR
from scenarios.consolidate import ConsolidateOptions, load_inputs, run_consolidation

#: Solvers and formulations compared on the year model; the first is the default.
VARIANTS: tuple[tuple[str, ConsolidationSolveParams], ...] = (
    ("SCIP (default: merged villages, aggregated links)", ConsolidationSolveParams()),
    ("SCIP, disaggregated links", ConsolidationSolveParams(strong_links=True)),
    ("SCIP, villages not merged", ConsolidationSolveParams(merge_villages=False)),
    (
        "SCIP, previous formulation (not merged, disaggregated)",
        ConsolidationSolveParams(merge_villages=False, strong_links=True),
    ),
    (
        "HiGHS (merged, aggregated; 120 s clock)",
        ConsolidationSolveParams(mip_solver="HIGHS", time_limit_s=120.0),
    ),
    (
        "CBC (merged, aggregated; 120 s clock)",
        ConsolidationSolveParams(mip_solver="CBC", time_limit_s=120.0),
    ),
    (
        "CP-SAT (single sourcing, 1 worker; 120 s clock)",
        ConsolidationSolveParams(engine="cpsat", single_sourcing=True, time_limit_s=120.0),
    ),
)


@dataclass(frozen=True)
class Row:
    """One measured solve."""

    label: str
    result: ConsolidationResult
    cpu_s: float

    def line(self) -> str:
        r = self.result
        return (
            f"{self.label:<58} {r.status:<10} {self.cpu_s:>7.2f} {r.solve_time_s:>7.2f} "
            f"{r.nodes:>8} {r.mip_gap:>9.1e} {r.num_variables:>6} "
            f"{r.cost_per_tonne_lak.total_lak:>14,.2f}"
        )


HEADER = (
    f"{'solver / formulation':<58} {'status':<10} {'cpu s':>7} {'wall s':>7} {'nodes':>8} "
    f"{'gap':>9} {'vars':>6} {'LAK/t':>14}"
)


def _measure(label: str, problem: ConsolidationProblem, params: ConsolidationSolveParams) -> Row:
    start = time.process_time()
    result = solve_consolidation(problem, params)
    return Row(label, result, time.process_time() - start)


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} CPUs"


def compare_solvers() -> ConsolidationProblem:
    """Print the solver table for the year model; return the problem."""
    inputs = load_inputs()
    start = time.perf_counter()
    run = run_consolidation(inputs, ConsolidateOptions(season="year", explain=False))
    print(
        f"year model: {len(inputs.villages)} villages, {len(inputs.hubs)} candidate hubs, "
        f"{len(inputs.corridors)} corridors; pipeline {time.perf_counter() - start:.1f} s wall"
    )
    print(_load())
    print(HEADER)
    rows = []
    for label, params in VARIANTS:
        try:
            row = _measure(label, run.problem, params)
        except OptimizerError as exc:  # e.g. no plan at all within the clock
            print(f"{label:<58} failed: {exc}", flush=True)
            continue
        rows.append(row)
        print(row.line(), flush=True)
    hinted = ConsolidationSolveParams(hint_open_hubs=rows[0].result.open_hubs)
    print(_measure("SCIP (default) hinted with the optimal hubs", run.problem, hinted).line())
    print(_load())
    print("ratios measured in this run (CPU seconds / the default's):")
    for row in rows[1:]:
        print(f"  {row.label}: {row.cpu_s / rows[0].cpu_s:.2f}")
    return run.problem


def library_scenarios() -> None:
    """Time to a proven optimum for every library scenario, through the scenario pipeline."""
    from scenarios.run import base_inputs, resolve_scenario
    from scenarios.spec import load_scenario

    base = base_inputs()
    print(f"{'library scenario':<24} {'status':<10} {'solve s':>8} {'nodes':>6} {'gap':>9} LAK/t")
    for path in sorted(Path(LIBRARY_DIR).glob("*.toml")):
        resolved = resolve_scenario(load_scenario(path), base)
        options = ConsolidateOptions(season=resolved.season, explain=False)
        r = run_consolidation(resolved.inputs, options, net=resolved.net).result
        print(
            f"{path.stem:<24} {r.status:<10} {r.solve_time_s:>8.2f} {r.nodes:>6} "
            f"{r.mip_gap:>9.1e} {r.cost_per_tonne_lak.total_lak:>14,.2f}",
            flush=True,
        )
    print(_load())


def main() -> None:
    """Solver comparison on the year model, then the library scenarios with the default."""
    compare_solvers()
    library_scenarios()


if __name__ == "__main__":
    main()
