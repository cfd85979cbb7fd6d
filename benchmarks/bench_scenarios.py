"""Scenario batch: the shipped library with 1 worker and with 2 workers, in one run.

Prints per-scenario engine wall and CPU time, the wall time of each batch (cluster start
included), the machine's load average, and the speed-up. Each batch writes to a fresh temporary
folder, so nothing is skipped. On a shared machine other processes compete for the cores: the
CPU-time columns and the load average show how much of the wall time was waiting for a core.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

from scenarios.batch.runner import run_batch

LIBRARY = Path(__file__).resolve().parent.parent / "scenarios" / "library"


def _batch(
    files: list[Path], workers: int
) -> tuple[float, dict[str, tuple[float, float]], dict[str, str]]:
    with tempfile.TemporaryDirectory(prefix=f"bench-scenarios-{workers}w-") as tmp:
        start = time.perf_counter()
        summary = run_batch(files, tmp, workers=workers)
        wall = time.perf_counter() - start
        engine = {}
        for file in (Path(tmp) / "results").glob("*.json"):
            if not file.name.endswith(".error.json"):
                payload = json.loads(file.read_text(encoding="utf-8"))
                engine[payload["name"]] = (float(payload["elapsed_s"]), float(payload["cpu_s"]))
    return wall, engine, summary.failed


def main() -> None:
    """Run the library with 1 and 2 workers in the order 1, 2, 2, 1 and print the speed-up.

    The A-B-B-A order cancels a background load that drifts linearly during the benchmark
    (this machine is shared); each configuration's time is the sum of its two runs.
    """
    files = sorted(LIBRARY.glob("*.toml"))
    cores = os.cpu_count() or 1
    walls: dict[int, float] = {1: 0.0, 2: 0.0}
    engine: dict[int, dict[str, tuple[float, float]]] = {1: {}, 2: {}}
    failed: dict[str, str] = {}
    print(f"{'run':<6}{'workers':>8}{'wall s':>10}{'load before':>13}{'load after':>12}")
    for i, workers in enumerate((1, 2, 2, 1), start=1):
        load_before = os.getloadavg()[0]
        wall, times, errors = _batch(files, workers)
        walls[workers] += wall
        failed.update(errors)
        for name, (w, c) in times.items():
            old_w, old_c = engine[workers].get(name, (0.0, 0.0))
            engine[workers][name] = (old_w + w / 2, old_c + c / 2)
        print(f"{i:<6}{workers:>8}{wall:>10.1f}{load_before:>13.1f}{os.getloadavg()[0]:>12.1f}")
    nan = (float("nan"), float("nan"))
    print(
        f"\n{'scenario (mean of 2 runs)':<26}{'1 worker: wall s':>17}{'cpu s':>8}"
        f"{'2 workers: wall s':>19}{'cpu s':>8}"
    )
    for name in sorted(engine[1]):
        (w1, c1), (w2, c2) = engine[1][name], engine[2].get(name, nan)
        print(f"{name:<26}{w1:>17.1f}{c1:>8.1f}{w2:>19.1f}{c2:>8.1f}")
    for name, error in failed.items():
        print(f"FAILED {name}: {error}")
    print(f"\n{len(files)} files, {len(engine[1])} scenarios per run; {cores} cores")
    print(f"library wall time, 1 worker : {walls[1] / 2:8.1f} s (mean of 2 runs)")
    print(f"library wall time, 2 workers: {walls[2] / 2:8.1f} s (mean of 2 runs)")
    print(f"speed-up 2 workers / 1 worker: {walls[1] / walls[2]:.2f}x (target >= 1.6x)")


if __name__ == "__main__":
    main()
