"""Parameters of the consolidation solve (engine, stopping rules, warm start, options)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from optimizer.exceptions import InputError

ConsolidationEngine = Literal["mip", "cpsat"]
ENGINES: tuple[str, ...] = ("mip", "cpsat")
MipSolver = Literal["SCIP", "HIGHS", "CBC"]
MIP_SOLVERS: tuple[str, ...] = ("SCIP", "HIGHS", "CBC")


@dataclass(frozen=True, slots=True)
class ConsolidationSolveParams:
    """How to solve a :class:`~optimizer.consolidation.model.ConsolidationProblem`.

    Parameters
    ----------
    engine
        ``mip``: a MIP solver through OR-Tools (continuous assignments, the default);
        ``cpsat``: CP-SAT (always single sourcing; slow on the full region).
    mip_solver
        The MIP solver behind ``engine="mip"`` (all ship with the OR-Tools wheel).
    relative_gap
        Stop when the proven relative gap between the plan and the lower bound is at most this
        (1e-5: the plan is within 0.001 % of the optimum, a few LAK per tonne).
    time_limit_s
        Optional wall-clock limit in seconds; ``None`` (the default) sets none. A result that
        stops on it depends on the machine's load and has status ``time_limit``.
    node_limit
        Deterministic safety net: at most this many branch-and-bound nodes (``mip``) or
        conflicts (``cpsat``). A result that stops on it has status ``feasible``, the same on
        any machine.
    hint_open_hubs
        Warm start: hub ids open in a known plan (e.g. the baseline's); the solver starts from
        it. ``None``: no hint.
    num_workers
        Solver threads. 1 (the default) keeps the search deterministic.
    forced_open
        Hub ids forced open (used by the explanations).
    single_sourcing
        Each village sends all of a period's volume to one hub (binary assignments).
    strong_links
        Add ``assign[v, h] <= supply[v] * open[h]`` for every village-hub pair. Off by default:
        on the full region it tightens the root bound by ~1 % but doubles the LP, and the proof
        takes about twice as long (benchmarks/bench_consolidation.py).
    merge_villages
        Solve villages whose collection costs differ by a constant as one supply point (exact,
        :mod:`optimizer.consolidation.reduce`); off only to measure what it saves.
    """

    engine: ConsolidationEngine = "mip"
    mip_solver: MipSolver = "SCIP"
    relative_gap: float = 1e-5
    time_limit_s: float | None = None
    node_limit: int = 100_000
    hint_open_hubs: tuple[str, ...] | None = None
    num_workers: int = 1
    forced_open: tuple[str, ...] = ()
    single_sourcing: bool = False
    strong_links: bool = False
    merge_villages: bool = True

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            msg = f"Unknown engine {self.engine!r}. Choose from: {', '.join(ENGINES)}."
            raise InputError(msg)
        if self.mip_solver not in MIP_SOLVERS:
            msg = f"Unknown MIP solver {self.mip_solver!r}. Choose from: {', '.join(MIP_SOLVERS)}."
            raise InputError(msg)
        bad_time = self.time_limit_s is not None and self.time_limit_s <= 0
        if bad_time or self.num_workers < 1 or self.relative_gap < 0 or self.node_limit < 1:
            msg = (
                "consolidation solve params: expected time_limit_s > 0 or None, "
                "num_workers >= 1, relative_gap >= 0, node_limit >= 1; got "
                f"{self.time_limit_s}, {self.num_workers}, {self.relative_gap}, {self.node_limit}."
            )
            raise InputError(msg)
