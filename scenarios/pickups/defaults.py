"""The one default search of a pickup plan, shared by the CLI, the app and the scenario report.

Before, the three ran different searches on the same sample week and gave three figures:
the scenario report OR-Tools with 200 solutions (single trips only, 296,780 LAK/t), the CLI
``auto`` for 10 s of wall time (267,096 LAK/t, depending on the machine's load), the app
``auto`` for 5 s (a total in LAK, not per tonne). Now all three default to PyVRP (it plans the
fleet's reloads at the depot, OR-Tools does not) stopped by an iteration count with a fixed
seed: the same plan on an idle or a busy machine. The time limit is only a safety net; a plan
that reaches it is no longer guaranteed to be the same.

Measured on the sample week (2026-11-30, 2 shared cores): 1,000 iterations per day give
25,205,870 LAK for 94.37 t (267,096 LAK/t, dry season) in ~14 s including the network load,
the same plan as ``auto`` with 10 s.
"""

from __future__ import annotations

from optimizer import Engine, SolveParams

__all__ = [
    "DEFAULT_ENGINE",
    "DEFAULT_ITERATIONS",
    "DEFAULT_SEED",
    "DEFAULT_TIME_LIMIT_S",
    "default_params",
]

#: PyVRP plans reloads at the depot (the sample fleet makes 2-3 trips a day); OR-Tools does not.
DEFAULT_ENGINE = Engine.PYVRP
#: Iterations per day: the deterministic stop (see the module docstring for the measurement).
DEFAULT_ITERATIONS = 1_000
DEFAULT_SEED = 0
#: Safety net of the whole file (split by day); the sample week needs ~10 s of it.
DEFAULT_TIME_LIMIT_S = 60.0


def default_params(
    *,
    time_limit_s: float = DEFAULT_TIME_LIMIT_S,
    engine: Engine | str = DEFAULT_ENGINE,
    seed: int = DEFAULT_SEED,
    solution_limit: int | None = DEFAULT_ITERATIONS,
) -> SolveParams:
    """The shared default :class:`optimizer.SolveParams`, any part overridable."""
    return SolveParams(
        engine=Engine(engine), time_limit_s=time_limit_s, seed=seed, solution_limit=solution_limit
    )
