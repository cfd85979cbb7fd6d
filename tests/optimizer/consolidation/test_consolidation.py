"""Known-answer and invariant tests for the consolidation model (real CP-SAT)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from optimizer import (
    UNREACHABLE,
    ConsolidationProblem,
    ConsolidationResult,
    ConsolidationSolveParams,
    Corridor,
    Gateway,
    Hub,
    Market,
    SupplyPoint,
    solve_consolidation,
)
from optimizer.consolidation.explain import explain_consolidation
from optimizer.consolidation.verify import verify_consolidation
from optimizer.exceptions import InfeasibleProblemError, InputError, VerificationError
from tests.optimizer.consolidation.conftest import DRY, T, three_by_two


@pytest.mark.parametrize("engine", ["mip", "cpsat"])
def test_hand_solved_optimum_opens_both_hubs(engine: str) -> None:
    """Both hubs (15.1 M LAK): A,B -> H1 -> C1, C -> H2 -> C2 (H1 alone 16.4 M, H2 alone 17 M)."""
    result = solve_consolidation(three_by_two(), ConsolidationSolveParams(engine=engine))
    assert result.status == "optimal"
    assert sorted(result.open_hubs) == ["H1", "H2"]
    assert {a.supply_id: a.hub_id for a in result.assignments} == {"A": "H1", "B": "H1", "C": "H2"}
    assert {(f.hub_id, f.corridor_id): f.green_kg for f in result.flows} == {
        ("H1", "C1"): 20 * T,
        ("H2", "C2"): 10 * T,
    }
    assert result.cost_lak.total_lak == pytest.approx(15_100_000)


def test_breakdown_parts_are_hand_computed_and_sum_to_total() -> None:
    """Collection 4.0 M, handling 2.3 M, trunk 3.0 M, fees 1.3 M, waiting 0.5 M, onward 4.0 M."""
    result = solve_consolidation(three_by_two())
    assert result.cost_lak.as_dict() == pytest.approx(
        {
            "collection": 4_000_000,
            "hub_handling": 2_300_000,
            "trunk_haul": 3_000_000,
            "border_fees": 1_300_000,
            "border_waiting": 500_000,
            "onward_leg": 4_000_000,
        }
    )
    per_t = result.cost_per_tonne_lak
    assert sum(per_t.as_dict().values()) == pytest.approx(per_t.total_lak)
    assert per_t.total_lak == pytest.approx(15_100_000 / 30)


def test_high_fixed_cost_opens_one_hub() -> None:
    """With 3 M LAK fixed cost per hub, only H1 opens (18.4 M < both 19.1 M < only H2 20.0 M)."""
    result = solve_consolidation(three_by_two(fixed_cost_lak=3_000_000))
    assert result.open_hubs == ("H1",)
    assert result.cost_lak.total_lak == pytest.approx(18_400_000)


def test_explain_prices_the_closed_hub_and_unused_corridor() -> None:
    """Forced open, H2 alone is best (19.0 M vs 18.4 M: +0.6 M); C2 from H1 is +120,000 LAK/t."""
    problem = three_by_two(fixed_cost_lak=3_000_000)
    result = solve_consolidation(problem)
    notes = explain_consolidation(problem, result)
    (hub_note,) = notes.closed_hubs
    assert hub_note.hub_id == "H2"
    assert hub_note.extra_cost_lak == pytest.approx(600_000)
    (corridor_note,) = notes.unused_corridors
    assert (corridor_note.hub_id, corridor_note.corridor_id) == ("H1", "C2")
    assert corridor_note.extra_lak_per_t == pytest.approx(120_000)


@pytest.mark.parametrize(
    ("params", "b_to_h2_kg", "total_lak"),
    [
        (ConsolidationSolveParams(), 5 * T, 15_200_000),
        (ConsolidationSolveParams(single_sourcing=True), 10 * T, 15_300_000),
        (ConsolidationSolveParams(engine="cpsat"), 10 * T, 15_300_000),
    ],
)
def test_market_shares_reroute_a_village(
    params: ConsolidationSolveParams, b_to_h2_kg: int, total_lak: float
) -> None:
    """M1 (50 %) only via C2: 5 t of B go to H2 (+20,000 LAK/t), or all of B if single-sourced."""
    markets = (Market("M1", 0.5), Market("M2", 0.5))
    result = solve_consolidation(three_by_two(markets=markets), params)
    to_h2 = sum(a.green_kg for a in result.assignments if a.supply_id == "B" and a.hub_id == "H2")
    assert to_h2 == b_to_h2_kg
    assert result.cost_lak.total_lak == pytest.approx(total_lak)
    m1 = sum(m.green_kg for m in result.market_flows if m.market_id == "M1")
    assert m1 == 15 * T
    assert {f.corridor_id for f in result.flows if f.hub_id == "H2"} == {"C2"}


def test_tonnes_are_conserved_over_two_seasons() -> None:
    """Village, hub and corridor totals all equal the supply in each season."""
    base = three_by_two()
    problem = dataclasses.replace(
        base,
        periods=("dry", "wet"),
        supply=tuple(SupplyPoint(s.id, (7 * T, 3 * T)) for s in base.supply),
        gateways=(Gateway("G1", frozenset({"dry", "wet"})), Gateway("G2", DRY)),
        collection_lak_per_t=np.concatenate([base.collection_lak_per_t] * 2),
        trunk_lak_per_t=np.concatenate([base.trunk_lak_per_t] * 2),
    )
    result = solve_consolidation(problem)
    for season, kg in (("dry", 21 * T), ("wet", 9 * T)):
        assert sum(a.green_kg for a in result.assignments if a.period == season) == kg
        assert sum(f.green_kg for f in result.flows if f.period == season) == kg
    assert all(f.corridor_id == "C1" for f in result.flows if f.period == "wet")


def _closed_gateways(p: ConsolidationProblem) -> ConsolidationProblem:
    gates = tuple(Gateway(g.id, frozenset()) for g in p.gateways)
    return dataclasses.replace(p, gateways=gates)


def _small_capacity(p: ConsolidationProblem) -> ConsolidationProblem:
    return dataclasses.replace(
        p, hubs=tuple(dataclasses.replace(h, capacity_kg=12 * T) for h in p.hubs)
    )


def _single_sourcing_capacity(p: ConsolidationProblem) -> ConsolidationProblem:
    hubs = (
        dataclasses.replace(p.hubs[0], capacity_kg=15 * T),
        dataclasses.replace(p.hubs[1], capacity_kg=15 * T),
    )
    return dataclasses.replace(p, hubs=hubs)


def _isolated_village(p: ConsolidationProblem) -> ConsolidationProblem:
    collection = p.collection_lak_per_t.copy()
    collection[0, 1, :] = UNREACHABLE
    return dataclasses.replace(p, collection_lak_per_t=collection)


def _market_without_corridor(p: ConsolidationProblem) -> ConsolidationProblem:
    return dataclasses.replace(p, markets=(Market("M2", 0.9), Market("Cambodia", 0.1)))


def _all_hubs_closed(p: ConsolidationProblem) -> ConsolidationProblem:
    return dataclasses.replace(
        p, hubs=tuple(dataclasses.replace(h, status="closed") for h in p.hubs)
    )


SINGLE = ConsolidationSolveParams(single_sourcing=True)
CPSAT = ConsolidationSolveParams(engine="cpsat")


@pytest.mark.parametrize(
    ("edit", "params", "match"),
    [
        (_closed_gateways, None, "all gateways are closed in the dry season"),
        (_small_capacity, None, r"supply 30\.0 t green exceeds the total capacity .* 24\.0 t"),
        (_single_sourcing_capacity, SINGLE, "no assignment of villages to hubs respects every"),
        (
            _single_sourcing_capacity,
            ConsolidationSolveParams(engine="cpsat"),
            "no assignment of villages",
        ),
        (_isolated_village, None, "supply point 'B' reaches no usable hub in the dry season"),
        (_market_without_corridor, None, "market 'Cambodia' .* has no open, reachable corridor"),
        (_all_hubs_closed, None, "all candidate hubs are closed"),
    ],
)
def test_infeasible_inputs_name_the_cause(
    edit: object, params: ConsolidationSolveParams | None, match: str
) -> None:
    """Each infeasible case raises InfeasibleProblemError naming its cause."""
    assert callable(edit)
    with pytest.raises(InfeasibleProblemError, match=match):
        solve_consolidation(edit(three_by_two()), params)


def test_split_capacity_is_feasible_without_single_sourcing() -> None:
    """Two 15 t hubs take three 10 t villages when one village may split its volume."""
    result = solve_consolidation(_single_sourcing_capacity(three_by_two()))
    assert sum(a.green_kg for a in result.assignments) == 30 * T
    assert len(result.assignments) == 4  # one village split between the hubs


@pytest.mark.parametrize(
    ("build", "match"),
    [
        (lambda: Hub("Paksong", 0, 0, 0), "hub 'Paksong': expected capacity_kg > 0, got 0"),
        (lambda: Hub("X", 1, -1, 0), "expected fixed_cost_lak >= 0"),
        (lambda: Hub("X", 1, 0, 0, status="maybe"), "unknown status 'maybe'"),
        (lambda: SupplyPoint("V1", (-5,)), "supply point 'V1': expected green_kg >= 0"),
        (lambda: Market("Japan", 1.3), "market 'Japan': expected 0 <= share <= 1, got 1.3"),
        (lambda: Corridor("C", "G", "P", -1, 0, 0), "corridor 'C': expected costs >= 0"),
        (
            lambda: dataclasses.replace(
                three_by_two(), trunk_lak_per_t=np.zeros((1, 3, 2), dtype=np.int64)
            ),
            r"trunk_lak_per_t: expected shape \(1, 2, 2\), got \(1, 3, 2\)",
        ),
        (
            lambda: dataclasses.replace(three_by_two(), markets=(Market("M1", 0.5),)),
            "market shares: expected a sum of 1, got 0.5000",
        ),
        (
            lambda: dataclasses.replace(
                three_by_two(), corridors=(Corridor("C", "G9", "P", 0, 0, 0),)
            ),
            "corridor 'C': unknown gateway 'G9'",
        ),
    ],
)
def test_bad_records_are_rejected(build: object, match: str) -> None:
    """Invalid records raise InputError saying what was expected and what was received."""
    assert callable(build)
    with pytest.raises(InputError, match=match):
        build()


def _drop_a_flow(r: ConsolidationResult) -> ConsolidationResult:
    return dataclasses.replace(r, flows=r.flows[1:])


def _move_to_closed_hub(r: ConsolidationResult) -> ConsolidationResult:
    first = dataclasses.replace(r.assignments[0], hub_id="H9")
    return dataclasses.replace(r, assignments=(first, *r.assignments[1:]))


def _wrong_total(r: ConsolidationResult) -> ConsolidationResult:
    parts = dataclasses.replace(r.cost_lak, trunk_haul_lak=r.cost_lak.trunk_haul_lak + 5_000)
    return dataclasses.replace(r, cost_lak=parts)


@pytest.mark.parametrize(
    ("tamper", "match"),
    [
        (_drop_a_flow, "sends 0 kg but receives"),
        (_move_to_closed_hub, "assigned to closed hub H9"),
        (_wrong_total, "cost parts sum to"),
    ],
)
def test_verify_catches_a_tampered_plan(tamper: object, match: str) -> None:
    """The independent check rejects lost tonnes, closed hubs and wrong cost parts."""
    base = three_by_two()
    problem = dataclasses.replace(
        base,
        hubs=(*base.hubs, Hub("H9", 30 * T, 0, 0, status="closed")),
        collection_lak_per_t=np.concatenate(
            [base.collection_lak_per_t, np.full((1, 3, 1), 1, dtype=np.int64)], axis=2
        ),
        trunk_lak_per_t=np.concatenate(
            [base.trunk_lak_per_t, np.full((1, 1, 2), 1, dtype=np.int64)], axis=1
        ),
    )
    result = solve_consolidation(problem)
    assert callable(tamper)
    with pytest.raises(VerificationError, match=match):
        verify_consolidation(problem, tamper(result))
