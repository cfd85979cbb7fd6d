"""Re-solve speed: `bolaven consolidate --season year` and the library batch, cold vs warm.

Cold runs set ``BOLAVEN_REUSE=off``: located networks, leg matrices and solves are all
computed afresh, as the code before the reuse cache did on every call. Warm runs reuse what
the cold run stored (keyed by content, so the answers are the same). Both are measured in the
same run, in the order cold, warm, warm, cold, so that a background load that drifts linearly
cancels; each figure is the mean of its two runs. Targets (idle machine): consolidate warm
<= 5 s wall, library batch on 2 workers <= 60 s. The load average is printed beside them: on
a shared machine other processes compete for the cores.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LIBRARY = REPO / "scenarios" / "library"
BOLAVEN = [sys.executable, "-m", "scenarios"]


def _wall(args: list[str], *, cold: bool) -> float:
    env = {**os.environ, "BOLAVEN_REUSE": "off" if cold else "on"}
    start = time.perf_counter()
    subprocess.run(args, cwd=REPO, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def _consolidate(cold: bool) -> float:
    return _wall([*BOLAVEN, "consolidate", "--season", "year", "--json"], cold=cold)


def _library(cold: bool) -> float:
    files = [str(f) for f in sorted(LIBRARY.glob("*.toml"))]
    with tempfile.TemporaryDirectory(prefix="bench-library-") as tmp:
        args = [*BOLAVEN, "scenarios", "run", *files, "--out", tmp, "--workers", "2", "--json"]
        return _wall(args, cold=cold)


def main() -> None:
    """Print cold and warm wall times of both commands and their ratios."""
    print(f"{'command':<34}{'cold s':>9}{'warm s':>9}{'ratio':>8}{'target':>9}{'load':>7}")
    for label, command, target in (
        ("consolidate --season year", _consolidate, 5.0),
        ("library batch, 2 workers", _library, 60.0),
    ):
        command(False)  # fill the caches once (not timed)
        times = {True: 0.0, False: 0.0}
        for cold in (True, False, False, True):
            times[cold] += command(cold) / 2
        load = os.getloadavg()[0]
        print(
            f"{label:<34}{times[True]:>9.1f}{times[False]:>9.1f}"
            f"{times[True] / times[False]:>7.1f}x{f'<= {target:.0f}':>9}{load:>7.1f}"
        )


if __name__ == "__main__":
    main()
