"""The consolidation solve: checks before, one engine, the independent verification after."""

from __future__ import annotations

from optimizer.consolidation.checks import precheck
from optimizer.consolidation.model import ConsolidationProblem, ConsolidationResult
from optimizer.consolidation.params import ConsolidationSolveParams
from optimizer.consolidation.verify import verify_consolidation
from optimizer.exceptions import InputError


def solve_consolidation(
    problem: ConsolidationProblem, params: ConsolidationSolveParams | None = None
) -> ConsolidationResult:
    """Choose hubs, assign villages, route hub volumes through corridors at least cost.

    Raises
    ------
    InfeasibleProblemError
        With the cause (all gateways closed, capacity below supply, a village that reaches no
        hub, a market with no corridor), before or after the solver runs.
    InputError
        A hint names a hub that is not in the problem.
    SolverError
        The solver stopped on a limit before it found any plan.
    """
    # The engines load OR-Tools (~1 s of imports): only when a solve is asked for.
    from optimizer._ortools.consolidation_mip import solve_with_mip
    from optimizer._ortools.cpsat import solve_with_cpsat

    params = params or ConsolidationSolveParams()
    precheck(problem, params.forced_open)
    _check_hint(problem, params.hint_open_hubs)
    engine = solve_with_mip if params.engine == "mip" else solve_with_cpsat
    result = engine(problem, params)
    verify_consolidation(problem, result)
    return result


def _check_hint(problem: ConsolidationProblem, hint: tuple[str, ...] | None) -> None:
    ids = [h.id for h in problem.hubs]
    unknown = sorted(set(hint or ()) - set(ids))
    if unknown:
        msg = f"hint_open_hubs: unknown hub(s) {', '.join(unknown)}. Choose from: {', '.join(ids)}."
        raise InputError(msg)
