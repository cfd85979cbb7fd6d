"""Solve status, proven gap, work and time limits, warm starts and determinism (real SCIP)."""

from __future__ import annotations

import numpy as np
import pytest

from optimizer import (
    ConsolidationProblem,
    ConsolidationSolveParams,
    Corridor,
    Gateway,
    Hub,
    InputError,
    OptimizerError,
    SupplyPoint,
    solve_consolidation,
)
from tests.optimizer.consolidation.conftest import three_by_two


def hard_instance(n_villages: int = 150, n_hubs: int = 30, seed: int = 7) -> ConsolidationProblem:
    """Random capacitated facility location: SCIP needs minutes to prove it optimal."""
    rng = np.random.default_rng(seed)
    village_xy, hub_xy = rng.random((n_villages, 2)), rng.random((n_hubs, 2))
    distance = np.linalg.norm(village_xy[:, None] - hub_xy[None], axis=2)
    supply = tuple(
        SupplyPoint(f"v{i}", (int(rng.integers(5, 50)) * 1000,)) for i in range(n_villages)
    )
    total_kg = sum(s.green_kg[0] for s in supply)
    hubs = tuple(
        Hub(f"h{j}", total_kg // 6, int(rng.integers(20, 40)) * 1_000_000, 10_000)
        for j in range(n_hubs)
    )
    return ConsolidationProblem(
        periods=("dry",),
        supply=supply,
        hubs=hubs,
        gateways=(Gateway("G", frozenset({"dry"})),),
        corridors=(Corridor("C", "G", "Port", 0, 0, 0),),
        collection_lak_per_t=(distance * 1_000_000).astype(np.int64)[None],
        trunk_lak_per_t=np.zeros((1, n_hubs, 1), dtype=np.int64),
    )


@pytest.mark.parametrize("engine", ["mip", "cpsat"])
def test_known_answer_is_proven_optimal_with_zero_gap(engine: str) -> None:
    """The hand-solved 3x2 instance (15.1 M LAK) is proven optimal: gap 0, within the limit."""
    params = ConsolidationSolveParams(engine=engine)
    result = solve_consolidation(three_by_two(), params)
    assert result.cost_lak.total_lak == pytest.approx(15_100_000)
    assert result.status == "optimal"
    assert result.mip_gap == pytest.approx(0.0, abs=1e-9)
    assert result.gap_limit == params.relative_gap == 1e-5
    assert result.proven_optimal


def test_node_limit_stops_without_proof_as_feasible() -> None:
    """One node cannot close the hard instance's gap: status feasible, gap above the limit."""
    result = solve_consolidation(hard_instance(), ConsolidationSolveParams(node_limit=1))
    assert result.status == "feasible"
    assert result.nodes == 1
    assert result.mip_gap > result.gap_limit
    assert not result.proven_optimal


def test_time_limit_is_reported_as_time_limit() -> None:
    """A 2 s clock on an instance that needs minutes stops on the clock: status time_limit."""
    problem = hard_instance()
    params = ConsolidationSolveParams(
        time_limit_s=2.0, hint_open_hubs=tuple(h.id for h in problem.hubs)
    )
    result = solve_consolidation(problem, params)
    assert result.status == "time_limit"
    assert not result.proven_optimal


@pytest.mark.parametrize("hint", [("H1", "H2"), ("H1",), ("H2",)])
@pytest.mark.parametrize("engine", ["mip", "cpsat"])
def test_hint_is_accepted_and_does_not_change_the_optimum(
    engine: str, hint: tuple[str, ...]
) -> None:
    """Starting from the optimal hubs or from a worse plan gives the same optimal plan."""
    plain = solve_consolidation(three_by_two(), ConsolidationSolveParams(engine=engine))
    hinted = solve_consolidation(
        three_by_two(), ConsolidationSolveParams(engine=engine, hint_open_hubs=hint)
    )
    assert hinted.status == "optimal"
    assert hinted.open_hubs == plain.open_hubs == ("H1", "H2")
    assert hinted.assignments == plain.assignments
    assert hinted.flows == plain.flows


@pytest.mark.parametrize("engine", ["mip", "cpsat"])
def test_hint_naming_an_unknown_hub_is_rejected(engine: str) -> None:
    """A hint must name hubs of the problem; the message lists the valid ones."""
    params = ConsolidationSolveParams(engine=engine, hint_open_hubs=("H9",))
    with pytest.raises(InputError, match=r"unknown hub\(s\) H9\. Choose from: H1, H2"):
        solve_consolidation(three_by_two(), params)


def test_same_problem_twice_gives_identical_flows() -> None:
    """Determinism: two solves of a split-heavy instance give the same records, kg for kg."""
    problem = hard_instance(n_villages=60, n_hubs=8, seed=3)
    first = solve_consolidation(problem)
    second = solve_consolidation(problem)
    assert first.status == second.status == "optimal"
    assert first.open_hubs == second.open_hubs
    assert first.assignments == second.assignments
    assert first.flows == second.flows
    assert first.cost_lak == second.cost_lak


def test_identical_hubs_open_in_index_order() -> None:
    """Symmetry breaking: of two interchangeable hubs, the first one listed is opened."""
    base = three_by_two(fixed_cost_lak=50_000_000)
    twin = Hub("H1bis", 30 * 1000, 50_000_000, 10_000)
    problem = ConsolidationProblem(
        periods=base.periods,
        supply=base.supply,
        hubs=(*base.hubs, twin),
        gateways=base.gateways,
        corridors=base.corridors,
        collection_lak_per_t=np.concatenate(
            [base.collection_lak_per_t, base.collection_lak_per_t[:, :, :1]], axis=2
        ),
        trunk_lak_per_t=np.concatenate(
            [base.trunk_lak_per_t, base.trunk_lak_per_t[:, :1, :]], axis=1
        ),
    )
    result = solve_consolidation(problem)
    assert result.open_hubs == ("H1",)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"time_limit_s": 0}, "expected time_limit_s > 0 or None"),
        ({"node_limit": 0}, "node_limit >= 1"),
        ({"relative_gap": -1e-3}, "relative_gap >= 0"),
        ({"engine": "gurobi"}, "Unknown engine 'gurobi'. Choose from: mip, cpsat"),
        ({"mip_solver": "XPRESS"}, "Unknown MIP solver 'XPRESS'. Choose from: SCIP, HIGHS, CBC"),
    ],
)
def test_bad_params_raise_the_optimizer_error(kwargs: dict[str, object], match: str) -> None:
    """Parameter errors are InputErrors (an OptimizerError and a ValueError) naming the fault."""
    with pytest.raises(InputError, match=match) as info:
        ConsolidationSolveParams(**kwargs)  # type: ignore[arg-type]
    assert isinstance(info.value, OptimizerError)
    assert isinstance(info.value, ValueError)
