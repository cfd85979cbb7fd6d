"""The consolidation solve: checks before, one engine, the independent verification after."""

from __future__ import annotations

from optimizer.consolidation.checks import precheck
from optimizer.consolidation.model import ConsolidationProblem, ConsolidationResult
from optimizer.consolidation.params import ConsolidationSolveParams
from optimizer.consolidation.verify import verify_consolidation


def solve_consolidation(
    problem: ConsolidationProblem, params: ConsolidationSolveParams | None = None
) -> ConsolidationResult:
    """Choose hubs, assign villages, route hub volumes through corridors at least cost.

    Raises
    ------
    InfeasibleProblemError
        With the cause (all gateways closed, capacity below supply, a village that reaches no
        hub, a market with no corridor), before or after the solver runs.
    SolverError
        The solver stopped on a limit before it found any plan.
    """
    # The engines load OR-Tools (~1 s of imports): only when a solve is asked for.
    from optimizer._ortools.consolidation_mip import solve_with_mip
    from optimizer._ortools.cpsat import solve_with_cpsat

    params = params or ConsolidationSolveParams()
    precheck(problem, params.forced_open)
    engine = solve_with_mip if params.engine == "mip" else solve_with_cpsat
    result = engine(problem, params)
    verify_consolidation(problem, result)
    return result
