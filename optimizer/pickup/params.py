"""Solver parameters: engine choice, time budget, seed and a deterministic stop."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum


class Engine(StrEnum):
    """Routing engines behind :func:`optimizer.pickup.solve`."""

    AUTO = "auto"
    ORTOOLS = "ortools"
    PYVRP = "pyvrp"


@dataclass(frozen=True, slots=True)
class SolveParams:
    """How to solve a :class:`~optimizer.pickup.problem.PickupProblem`.

    Parameters
    ----------
    engine
        ``ortools``, ``pyvrp`` or ``auto`` (a portfolio of parallel searches; best verified plan).
    time_limit_s
        Wall-clock budget for the search, seconds.
    seed
        Random seed (PyVRP); OR-Tools' search is deterministic for a given solution limit.
    solution_limit
        Deterministic stop: OR-Tools stops after this many improving solutions and PyVRP after
        this many iterations (whichever comes first with the time limit). Same inputs + seed +
        solution limit give the same plan.
    workers
        Parallel searches in ``auto`` (PyVRP seeds ``seed .. seed + workers - 1``, each in its
        own process); ``None`` = 2 with a solution limit, else one per idle CPU (1 to 4; see
        :func:`optimizer.pickup.portfolio.default_workers`).
    """

    engine: Engine = Engine.AUTO
    time_limit_s: float = 10.0
    seed: int = 0
    solution_limit: int | None = None
    workers: int | None = None

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "engine", Engine(self.engine))
        except ValueError:
            choices = ", ".join(e.value for e in Engine)
            msg = f"Unknown engine {self.engine!r}. Choose from: {choices}."
            raise ValueError(msg) from None
        if not (math.isfinite(self.time_limit_s) and self.time_limit_s > 0):
            msg = f"Expected time_limit_s > 0; got {self.time_limit_s}."
            raise ValueError(msg)
        if not isinstance(self.seed, int) or self.seed < 0:
            msg = f"Expected seed to be an integer >= 0; got {self.seed!r}."
            raise ValueError(msg)
        if self.solution_limit is not None and self.solution_limit < 1:
            msg = f"Expected solution_limit >= 1 or None; got {self.solution_limit}."
            raise ValueError(msg)
        if self.workers is not None and (not isinstance(self.workers, int) or self.workers < 1):
            msg = f"Expected workers to be an integer >= 1 or None; got {self.workers!r}."
            raise ValueError(msg)
