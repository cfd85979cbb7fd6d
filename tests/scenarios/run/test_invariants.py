"""The re-priced baseline plan bounds every scenario optimum (real solver, tiny problems)."""

from __future__ import annotations

import dataclasses

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
from scenarios.run.invariants import InvariantError, check_not_dearer, reprice_plan

T = 1000  # kg per tonne
DRY = frozenset({"dry"})


def tiny(*, fixed_cost_lak: int = 1_000_000, volume_t: int = 10) -> ConsolidationProblem:
    """3 villages x 2 hubs x 2 corridors; with 1 M fixed cost both hubs open (15.1 M LAK),
    with 3 M only H1 (18.4 M LAK, both hubs 19.1 M)."""
    return ConsolidationProblem(
        periods=("dry",),
        supply=tuple(SupplyPoint(v, (volume_t * T,)) for v in ("A", "B", "C")),
        hubs=(
            Hub("H1", 40 * T, fixed_cost_lak, 10_000),
            Hub("H2", 40 * T, fixed_cost_lak, 10_000),
        ),
        gateways=(Gateway("G1", DRY), Gateway("G2", DRY)),
        corridors=(
            Corridor("C1", "G1", "Port1", 50_000, 20_000, 100_000),
            Corridor("C2", "G2", "Port2", 30_000, 10_000, 200_000),
        ),
        collection_lak_per_t=np.array(
            [[[100_000, 300_000], [200_000, 150_000], [400_000, 100_000]]], dtype=np.int64
        ),
        trunk_lak_per_t=np.array([[[100_000, 150_000], [200_000, 100_000]]], dtype=np.int64),
    )


def test_cheaper_collection_gives_a_bound_the_optimum_keeps() -> None:
    """Halving one collection cost: the baseline plan re-priced (hand: 14.35 M) bounds the
    scenario optimum, which the solver finds at or below it."""
    baseline = solve_consolidation(tiny())
    scenario = tiny()
    cheaper = scenario.collection_lak_per_t.copy()
    cheaper[0, 1, 0] = 50_000  # B -> H1: 200,000 -> 50,000 LAK/t, saves 10 t x 150,000
    scenario = dataclasses.replace(scenario, collection_lak_per_t=cheaper)
    repriced, note = reprice_plan(scenario, baseline)
    assert repriced == pytest.approx(15_100_000 - 1_500_000)
    assert "feasible" in note
    result = solve_consolidation(scenario)
    check = check_not_dearer(scenario, result, baseline)
    assert check.applies
    assert check.scenario_cost_lak <= check.baseline_plan_cost_lak + 1.0  # type: ignore[operator]


def test_a_dearer_optimum_is_an_error_naming_both_numbers() -> None:
    """A 'scenario optimum' dearer than the re-priced baseline plan (both hubs forced open,
    19.1 M, vs H1 alone, 18.4 M) is refused with both figures."""
    problem = tiny(fixed_cost_lak=3_000_000)
    baseline = solve_consolidation(problem)
    assert baseline.open_hubs == ("H1",)
    wrong = solve_consolidation(problem, ConsolidationSolveParams(forced_open=("H1", "H2")))
    with pytest.raises(InvariantError, match=r"19,100,000 LAK/yr.*18,400,000 LAK/yr"):
        check_not_dearer(problem, wrong, baseline)


@pytest.mark.parametrize(
    ("scenario", "match"),
    [
        (tiny(volume_t=12), "not feasible for the scenario"),
        (
            dataclasses.replace(
                tiny(),
                hubs=(Hub("H1", 40 * T, 1_000_000, 10_000), Hub("H2", 40 * T, 1, 1, "closed")),
            ),
            "hub H2 of the baseline plan is closed",
        ),
    ],
)
def test_plan_infeasible_for_the_scenario_gives_no_bound(
    scenario: ConsolidationProblem, match: str
) -> None:
    """More volume or a closed hub: the baseline plan is no plan of the scenario, no bound."""
    baseline = solve_consolidation(tiny())
    result = solve_consolidation(scenario)
    check = check_not_dearer(scenario, result, baseline)
    assert not check.applies
    assert match in check.note
