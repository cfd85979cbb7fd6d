"""The auto portfolio: parallel PyVRP seeds in worker processes, one deterministic answer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from optimizer import SolveParams, solve
from optimizer.pickup import portfolio
from optimizer.pickup.solve import _portfolio_runs, _task
from tests.optimizer.pickup.test_vrp_cases import four_stop_problem, random_problem


def _params(engine: str, seed: int = 0, workers: int | None = 2) -> SolveParams:
    return SolveParams(
        engine=engine, time_limit_s=30, seed=seed, solution_limit=300, workers=workers
    )


def test_portfolio_runs_pyvrp_with_consecutive_seeds() -> None:
    """Three workers on a plain CVRP: PyVRP seeds 5, 6, 7 and no OR-Tools."""
    task, _ = _task(four_stop_problem(), SolveParams(seed=5))
    runs = _portfolio_runs(task, 3)
    assert [(engine, t.seed) for engine, t in runs] == [("pyvrp", 5), ("pyvrp", 6), ("pyvrp", 7)]


def test_ties_go_to_the_lowest_seed() -> None:
    """Both seeds find the hand-checked optimum 80 kip; the plan is seed 0's."""
    plan = solve(four_stop_problem(), _params("auto"))
    assert plan.total_cost_lak == 80 and plan.engine == "auto (pyvrp seed 0)"


def test_portfolio_is_the_best_of_its_seeds() -> None:
    """auto with seeds 3, 4 returns the cheaper of PyVRP's seed-3 and seed-4 plans, every time."""
    problem = random_problem(11, n=30)
    alone = [solve(problem, _params("pyvrp", seed=s)).objective for s in (3, 4)]
    first = solve(problem, _params("auto", seed=3))
    second = solve(problem, _params("auto", seed=3))
    assert first.objective == min(alone)
    assert first == second


def test_late_worker_is_stopped(tmp_path: Path) -> None:
    """auto does not wait past its grace period: a late worker is killed and ignored."""
    process = subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(30)"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    worker = portfolio.Worker("sleeper", process, tmp_path / "out.pkl")
    assert portfolio.collect(worker, 0.2) is None
    assert process.returncode is not None and process.returncode != 0


@pytest.mark.parametrize("workers", [0, -1, 1.5])
def test_bad_workers(workers: object) -> None:
    """workers must be a whole number >= 1 (or None for one per CPU)."""
    with pytest.raises(ValueError, match="Expected workers to be an integer >= 1 or None"):
        SolveParams(workers=workers)  # type: ignore[arg-type]
