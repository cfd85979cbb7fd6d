"""Monte Carlo: N draws x (baseline + 1 scenario) on 1 and on 2 workers, in one run.

Prints the wall time of each run (cluster start included), the load average and the speed-up
from 1 to 2 workers (never asserted). Each run gets a fresh output folder and a fresh
derived-data cache (``BOLAVEN_CACHE_DIR``), so nothing is reused from an earlier run; within a
run, workers reuse located networks and path matrices as in production. ``BOLAVEN_BENCH_DRAWS``
sets N (default 200, the target of issue 11: <= 10 minutes on 2 workers, speed-up >= 1.6x on an
idle machine).
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from scenarios.batch.uncertainty import run_uncertainty

LIBRARY = Path(__file__).resolve().parent.parent / "scenarios" / "library"
FILES = [LIBRARY / "baseline.toml", LIBRARY / "vang_tao_half_wait.toml"]


def _run(workers: int, draws: int) -> tuple[float, int, int]:
    with tempfile.TemporaryDirectory(prefix=f"bench-unc-{workers}w-") as tmp:
        os.environ["BOLAVEN_CACHE_DIR"] = str(Path(tmp) / "cache")
        start = time.perf_counter()
        run = run_uncertainty(FILES, Path(tmp) / "out", draws=draws, seed=1, workers=workers,
                              tornado=False)  # fmt: skip
        return time.perf_counter() - start, run.solved, len(run.failed)


def main() -> None:
    """Run 1 worker, then 2 workers, and print the times and the speed-up."""
    draws = int(os.environ.get("BOLAVEN_BENCH_DRAWS", "200"))
    previous = os.environ.get("BOLAVEN_CACHE_DIR")
    print(f"{draws} draws x (baseline + vang_tao_half_wait), central case included")
    print(f"{'workers':>8}{'wall s':>10}{'cases':>7}{'failed':>8}{'load before':>13}{'after':>8}")
    walls = {}
    try:
        for workers in (1, 2):
            load = os.getloadavg()[0]
            wall, solved, failed = _run(workers, draws)
            walls[workers] = wall
            print(f"{workers:>8}{wall:>10.1f}{solved:>7}{failed:>8}{load:>13.1f}"
                  f"{os.getloadavg()[0]:>8.1f}")  # fmt: skip
    finally:
        if previous is None:
            os.environ.pop("BOLAVEN_CACHE_DIR", None)
        else:
            os.environ["BOLAVEN_CACHE_DIR"] = previous
    print(
        f"speed-up 1 -> 2 workers: {walls[1] / walls[2]:.2f}x (target >= 1.6x on an idle machine)"
    )
    print(f"2 workers: {walls[2] / 60:.1f} min (target <= 10 min for 200 draws)")
