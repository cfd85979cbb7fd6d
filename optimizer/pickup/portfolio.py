"""Engine runs in separate worker processes, for the ``auto`` portfolio.

Each worker is ``python -m optimizer.pickup.portfolio ENGINE TASK.pkl OUT.pkl``: it reads a
pickled ``(EngineTask, deadline)``, runs one engine with the task's seed until the deadline (a
``time.monotonic()`` value, system-wide on Linux) and writes the pickled routes. Processes, not
threads: both engines hold the GIL while they search.
"""

from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

from optimizer.pickup.problem import EngineTask
from optimizer.pickup.solution import RawRoute

logger = logging.getLogger(__name__)

#: Seconds a worker needs to start Python and import its engine (measured ~0.4-0.7 s on the
#: 2-core development machine); its search gets the time left after that.
START_UP_S = 0.7
#: Most parallel searches ``auto`` starts when ``SolveParams.workers`` is not given.
MAX_DEFAULT_WORKERS = 4
#: Searches of a deterministic run (a solution limit): a fixed seed set, whatever the machine.
DETERMINISTIC_WORKERS = 2


def default_workers(*, deterministic: bool = False) -> int:
    """Parallel searches for ``auto`` when ``SolveParams.workers`` is not given.

    A deterministic run (solution limit) always uses :data:`DETERMINISTIC_WORKERS` seeds. A run
    that stops on the clock uses the idle CPUs (CPUs minus the 1-minute load average, rounded,
    at least 1, at most :data:`MAX_DEFAULT_WORKERS`): on a busy machine, extra searches only
    take CPU from the first one (measured: ``make bench``, see the README).
    """
    if deterministic:
        return DETERMINISTIC_WORKERS
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cpus = cpus or 1
    idle = round(cpus - os.getloadavg()[0]) if hasattr(os, "getloadavg") else cpus
    return max(1, min(MAX_DEFAULT_WORKERS, cpus, idle))


@dataclass
class Worker:
    """A running engine process and where it writes its routes."""

    label: str
    process: subprocess.Popen[bytes]
    out: Path


def run_engine(engine: str, task: EngineTask) -> list[RawRoute] | None:
    """Run one engine in this process (imports it lazily: engines are optional at import)."""
    if engine == "ortools":
        from optimizer._ortools.routing import solve_routing

        return solve_routing(task)
    from optimizer._pyvrp import solve_pyvrp

    return solve_pyvrp(task)


def start(engine: str, task: EngineTask, deadline: float, workdir: Path, label: str) -> Worker:
    """Start ``engine`` on ``task`` in a new process that stops by ``deadline``."""
    stem = label.replace(" ", "_")
    task_path = workdir / f"{stem}.task.pkl"
    out = workdir / f"{stem}.routes.pkl"
    task_path.write_bytes(pickle.dumps((task, deadline)))
    command = [sys.executable, "-m", "optimizer.pickup.portfolio", engine, str(task_path), str(out)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return Worker(label, process, out)


def collect(worker: Worker, wait_s: float) -> list[RawRoute] | None:
    """The worker's routes, waiting at most ``wait_s``; a late worker is stopped and ignored."""
    try:
        _, stderr = worker.process.communicate(timeout=max(0.1, wait_s))
    except subprocess.TimeoutExpired:
        worker.process.kill()
        worker.process.communicate()
        logger.info("auto: %s did not finish within the time limit; ignored", worker.label)
        return None
    if worker.process.returncode != 0 or not worker.out.is_file():
        tail = stderr.decode(errors="replace").strip().splitlines()[-1:] or ["no output"]
        logger.warning("auto: the %s worker failed: %s", worker.label, tail[0])
        return None
    routes: list[RawRoute] | None = pickle.loads(worker.out.read_bytes())
    return routes


def _main(argv: list[str]) -> int:
    engine, task_path, out_path = argv[0], Path(argv[1]), Path(argv[2])
    task, deadline = pickle.loads(task_path.read_bytes())
    # the engine's own limit counts only its search: keep a tenth for building its model
    remaining = deadline - time.monotonic()
    task = replace(task, time_limit_s=max(0.1, 0.9 * remaining))
    out_path.write_bytes(pickle.dumps(run_engine(engine, task)))
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
