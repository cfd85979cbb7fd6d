"""Gap to best-known cost per engine on the shipped CVRPLIB X and Solomon instances.

Runs ``ortools``, ``pyvrp`` and ``auto`` on every instance in ``benchmarks/cvrplib/`` at the
same time limit (10 s, or ``BOLAVEN_BENCH_TIME_LIMIT`` seconds) in one run, and prints the gap
per instance, the mean gap per engine on the X set, and whether ``auto`` meets its target
(mean X gap <= 1 % and never worse than OR-Tools alone).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from optimizer import SolveParams, solve
from optimizer.pickup.vrplib_io import gap_percent, plan_cost, read_instance

INSTANCE_DIR = Path(__file__).resolve().parent / "cvrplib"
ENGINES = ("ortools", "pyvrp", "auto")


def _instances() -> list[Path]:
    x = sorted(INSTANCE_DIR.glob("X-*.vrp"))
    solomon = sorted(INSTANCE_DIR.glob("*.txt"))
    return x + solomon


def main() -> None:
    """Print the gap table; one row per instance, one column per engine."""
    limit = float(os.environ.get("BOLAVEN_BENCH_TIME_LIMIT", "10"))
    print(
        f"time limit {limit:g} s per engine and instance; seed 0; {os.cpu_count()} CPUs, "
        f"load average at start {os.getloadavg()[0]:.1f}"
    )
    print(f"{'instance':<14}{'bks':>10}" + "".join(f"{e + ' gap %':>16}" for e in ENGINES))
    gaps: dict[str, dict[str, float]] = {e: {} for e in ENGINES}
    for path in _instances():
        instance = read_instance(path)
        if instance.bks is None:
            continue
        cells = []
        for engine in ENGINES:
            start = time.perf_counter()
            plan = solve(instance.problem, SolveParams(engine=engine, time_limit_s=limit))
            elapsed = time.perf_counter() - start
            gap = gap_percent(plan_cost(instance, plan), instance.bks)
            gaps[engine][instance.name] = gap
            cells.append(f"{gap:>9.2f} ({elapsed:4.1f}s)")
        print(f"{instance.name:<14}{instance.bks:>10g}" + "".join(f"{c:>16}" for c in cells))
    for family, is_x in (("X", True), ("Solomon", False)):
        names = [n for n in gaps["auto"] if n.startswith("X-") == is_x]
        if not names:
            continue
        means = {e: sum(gaps[e][n] for n in names) / len(names) for e in ENGINES}
        row = "".join(f"{means[e]:>16.2f}" for e in ENGINES)
        print(f"{'mean ' + family:<14}{'':>10}{row}")
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
