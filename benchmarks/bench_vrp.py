"""Gap to best-known cost per engine on the shipped CVRPLIB X and Solomon instances.

Runs ``ortools``, ``pyvrp`` (one search) and ``auto`` (the portfolio: parallel PyVRP seeds in
worker processes) on every instance in ``benchmarks/cvrplib/`` at the same wall-time limit (10 s,
or ``BOLAVEN_BENCH_TIME_LIMIT`` seconds) in one run, and prints the gap per instance, the ratio
of auto's cost to PyVRP alone's, the mean gap per engine, and whether ``auto`` meets its target
(mean X gap <= 1 %, never worse than OR-Tools alone).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from optimizer import Engine, SolveParams, solve
from optimizer.pickup.portfolio import default_workers
from optimizer.pickup.vrplib_io import gap_percent, plan_cost, read_instance

INSTANCE_DIR = Path(__file__).resolve().parent / "cvrplib"
ENGINES = ("ortools", "pyvrp", "auto", "auto x2")


def _instances() -> list[Path]:
    x = sorted(INSTANCE_DIR.glob("X-*.vrp"))
    solomon = sorted(INSTANCE_DIR.glob("*.txt"))
    return x + solomon


def main() -> None:
    """Print the gap table; one row per instance, one column per engine."""
    limit = float(os.environ.get("BOLAVEN_BENCH_TIME_LIMIT", "10"))
    print(
        f"time limit {limit:g} s per engine and instance; seed 0; auto: {default_workers()} "
        f"parallel searches at this load, auto x2: two; {os.cpu_count()} CPUs, load average "
        f"at start {os.getloadavg()[0]:.1f}"
    )
    header = "".join(f"{e + ' gap %':>16}" for e in ENGINES)
    print(f"{'instance':<14}{'bks':>10}{header}{'auto/pyvrp':>12}{'x2/pyvrp':>10}")
    ratios2: dict[str, float] = {}
    gaps: dict[str, dict[str, float]] = {e: {} for e in ENGINES}
    ratios: dict[str, float] = {}
    for path in _instances():
        instance = read_instance(path)
        if instance.bks is None:
            continue
        cells = []
        costs: dict[str, float] = {}
        for engine in ENGINES:
            start = time.perf_counter()
            # "auto x2": the portfolio forced to two searches, whatever the machine's load
            workers = 2 if engine == "auto x2" else None
            params = SolveParams(
                engine=Engine(engine.split()[0]), time_limit_s=limit, workers=workers
            )
            plan = solve(instance.problem, params)
            elapsed = time.perf_counter() - start
            costs[engine] = plan_cost(instance, plan)
            gap = gap_percent(costs[engine], instance.bks)
            gaps[engine][instance.name] = gap
            cells.append(f"{gap:>9.2f} ({elapsed:4.1f}s)")
        ratios[instance.name] = costs["auto"] / costs["pyvrp"]
        ratios2[instance.name] = costs["auto x2"] / costs["pyvrp"]
        row = "".join(f"{c:>16}" for c in cells)
        both = f"{ratios[instance.name]:>12.4f}{ratios2[instance.name]:>10.4f}"
        print(f"{instance.name:<14}{instance.bks:>10g}{row}{both}")
    for family, is_x in (("X", True), ("Solomon", False)):
        names = [n for n in gaps["auto"] if n.startswith("X-") == is_x]
        if not names:
            continue
        means = {e: sum(gaps[e][n] for n in names) / len(names) for e in ENGINES}
        row = "".join(f"{means[e]:>16.2f}" for e in ENGINES)
        mean_ratio = sum(ratios[n] for n in names) / len(names)
        mean_ratio2 = sum(ratios2[n] for n in names) / len(names)
        print(f"{'mean ' + family:<14}{'':>10}{row}{mean_ratio:>12.4f}{mean_ratio2:>10.4f}")
    print(
        f"load average at end {os.getloadavg()[0]:.1f} "
        "(other work on the machine slows every engine)"
    )
    x_names = [n for n in gaps["auto"] if n.startswith("X-")]
    if x_names:
        auto_mean = sum(gaps["auto"][n] for n in x_names) / len(x_names)
        ort_mean = sum(gaps["ortools"][n] for n in x_names) / len(x_names)
        ratio = auto_mean / ort_mean if ort_mean else float("nan")
        never_worse = all(gaps["auto"][n] <= gaps["ortools"][n] + 1e-9 for n in gaps["auto"])
        print(
            f"auto target: mean X gap {auto_mean:.2f} % <= 1 %: {auto_mean <= 1.0}; "
            f"never worse than OR-Tools alone: {never_worse}; "
            f"ratio auto/ortools mean X gap: {ratio:.2f}"
        )
    if ratios:
        better = sum(r < 1 - 1e-9 for r in ratios.values())
        worse = sum(r > 1 + 1e-9 for r in ratios.values())
        print(
            f"auto vs PyVRP alone at the same wall time: cheaper on {better}, dearer on {worse}, "
            f"equal on {len(ratios) - better - worse} of {len(ratios)} instances; mean cost "
            f"ratio {sum(ratios.values()) / len(ratios):.4f}"
        )
