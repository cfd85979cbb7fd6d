"""Whole-kg rounding that keeps totals and capacities; exact merging of equivalent villages."""

from __future__ import annotations

import numpy as np
import pytest

from optimizer import (
    ConsolidationProblem,
    ConsolidationSolveParams,
    Corridor,
    Gateway,
    Hub,
    SupplyPoint,
    solve_consolidation,
)
from optimizer.consolidation.assemble import RawSolution, SolveStats, assemble_result
from optimizer.consolidation.reduce import village_groups
from optimizer.consolidation.rounding import largest_remainder, round_to_totals
from optimizer.consolidation.verify import verify_consolidation
from tests.optimizer.consolidation.conftest import DRY

# Village A (10 t) and B (5 t) fill hub H1 (10 t) exactly in the solver's reals, each with a
# half kg that plain largest remainder gives to H1: 5001 + 5000 = 10001 kg > 10000 kg.
SPLIT_KG = {(0, 0, 0): 5000.5, (0, 0, 1): 4999.5, (0, 1, 0): 4999.5, (0, 1, 1): 0.5}


def full_hub_problem() -> ConsolidationProblem:
    """Two villages, hub H1 (10 t, cheap) and H2 (20 t), one corridor."""
    return ConsolidationProblem(
        periods=("dry",),
        supply=(SupplyPoint("A", (10_000,)), SupplyPoint("B", (5_000,))),
        hubs=(Hub("H1", 10_000, 0, 0), Hub("H2", 20_000, 0, 0)),
        gateways=(Gateway("G", DRY),),
        corridors=(Corridor("C", "G", "Port", 0, 0, 1_000),),
        collection_lak_per_t=np.array([[[100, 300], [100, 200]]], dtype=np.int64),
        trunk_lak_per_t=np.zeros((1, 2, 1), dtype=np.int64),
    )


def test_plain_largest_remainder_overfills_the_full_hub() -> None:
    """The old rounding, village by village: H1 gets 10001 kg (the bug seen in the batch)."""
    a = largest_remainder([SPLIT_KG[0, 0, 0], SPLIT_KG[0, 0, 1]], 10_000)
    b = largest_remainder([SPLIT_KG[0, 1, 0], SPLIT_KG[0, 1, 1]], 5_000)
    assert a[0] + b[0] == 10_001


def test_round_to_totals_keeps_totals_and_capacity() -> None:
    """Same values: each village keeps its kg and H1 gets exactly its 10000 kg capacity."""
    kg = round_to_totals(
        SPLIT_KG,
        group=lambda k: (k[0], k[1]),
        column=lambda k: k[2],
        totals={(0, 0): 10_000, (0, 1): 5_000},
        capacity={0: 10_000, 1: 20_000},
    )
    assert kg[0, 0, 0] + kg[0, 0, 1] == 10_000
    assert kg[0, 1, 0] + kg[0, 1, 1] == 5_000
    assert kg[0, 0, 0] + kg[0, 1, 0] == 10_000
    assert all(v >= 0 and isinstance(v, int) for v in kg.values())


def test_assembled_result_never_exceeds_a_hub_capacity() -> None:
    """Through the shared assembly, the constructed case passes the independent verification."""
    problem = full_hub_problem()
    raw = RawSolution(
        open_hubs=(0, 1),
        assign_kg=SPLIT_KG,
        flow_kg={(0, 0, 0): 10_000.0, (0, 1, 0): 5_000.0},
        market_kg={},
    )
    stats = SolveStats("optimal", 0.0, 1e-5, 1, 7, 0.01)
    result = assemble_result(problem, raw, stats)
    assert result.hub_kg("H1") == 10_000
    assert result.hub_kg("H2") == 5_000
    verify_consolidation(problem, result)


def test_solver_fills_the_cheap_hub_to_capacity_exactly() -> None:
    """End to end: H1 (cheaper for both) is filled to 10000 kg, never 10001."""
    result = solve_consolidation(full_hub_problem())
    assert result.hub_kg("H1") == 10_000
    assert result.cost_lak.total_lak == pytest.approx(
        (10_000 * 100 + 5_000 * 200 + 15_000 * 1_000) / 1000
    )


def test_villages_with_parallel_costs_are_merged_and_split_back() -> None:
    """A and C differ by 50 LAK/t to every hub (one group); B does not; the optimum is exact."""
    problem = ConsolidationProblem(
        periods=("dry",),
        supply=(
            SupplyPoint("A", (6_000,)),
            SupplyPoint("B", (3_000,)),
            SupplyPoint("C", (6_000,)),
        ),
        hubs=(Hub("H1", 8_000, 0, 0), Hub("H2", 20_000, 0, 0)),
        gateways=(Gateway("G", DRY),),
        corridors=(Corridor("C", "G", "Port", 0, 0, 0),),
        collection_lak_per_t=np.array([[[100, 400], [100, 200], [150, 450]]], dtype=np.int64),
        trunk_lak_per_t=np.zeros((1, 2, 1), dtype=np.int64),
    )
    groups = village_groups(problem, 0, merge=True)
    assert sorted(g.members for g in groups) == [(0, 2), (1,)]
    assert next(g for g in groups if g.members == (0, 2)).offset_lak == pytest.approx(300.0)
    result = solve_consolidation(problem)
    # H1's 8 t go to A/C (saving 300 LAK/t over H2) rather than B (saving 100 LAK/t)
    to_h1 = {a.supply_id: a.green_kg for a in result.assignments if a.hub_id == "H1"}
    assert sum(to_h1.values()) == 8_000
    assert set(to_h1) <= {"A", "C"}
    expected = (6_000 * 100 + 2_000 * 150 + 4_000 * 450 + 3_000 * 200) / 1000
    assert result.cost_lak.total_lak == pytest.approx(expected)
    single = solve_consolidation(problem, ConsolidationSolveParams(single_sourcing=True))
    assert single.cost_lak.total_lak >= result.cost_lak.total_lak
