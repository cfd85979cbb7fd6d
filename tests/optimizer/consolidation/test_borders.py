"""Border rules of the consolidation model: ocean freight, queues, closures (reroute, drop).

One village (10 t), one hub, two gateways: G1 -> corridor C1 (port P1), G2 -> C2 (port P2).
Every per-tonne figure is chosen so that the optimum can be checked by hand.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from optimizer import (
    ConsolidationProblem,
    ConsolidationSolveParams,
    Corridor,
    Gateway,
    GatewayQueue,
    Hub,
    InfeasibleProblemError,
    InputError,
    Market,
    SupplyPoint,
    drop_unserved_markets,
    solve_consolidation,
)

T = 1000
BOTH = frozenset({"M1", "M2"})


def tiny(
    *,
    c1: int = 100_000,
    c2: int = 150_000,
    ocean1: int = 0,
    ocean2: int = 0,
    serves1: frozenset[str] = BOTH,
    serves2: frozenset[str] = BOTH,
    g2_open: bool = True,
    queues: tuple[GatewayQueue, ...] = (),
    markets: tuple[Market, ...] = (Market("M1", 1.0),),
) -> ConsolidationProblem:
    """Collection 20,000 + handling 0 + trunk 30,000 LAK/t to either gateway; C1/C2 onward."""
    return ConsolidationProblem(
        periods=("dry",),
        supply=(SupplyPoint("V", (10 * T,)),),
        hubs=(Hub("H", 100 * T, 0, 0, status="open"),),
        gateways=(
            Gateway("G1", frozenset({"dry"})),
            Gateway("G2", frozenset({"dry"}) if g2_open else frozenset()),
        ),
        corridors=(
            Corridor("C1", "G1", "P1", 0, 0, c1, serves1, (("M1", ocean1), ("M2", ocean1))),
            Corridor("C2", "G2", "P2", 0, 0, c2, serves2, (("M1", ocean2), ("M2", ocean2))),
        ),
        collection_lak_per_t=np.array([[[20_000]]], dtype=np.int64),
        trunk_lak_per_t=np.array([[[30_000, 30_000]]], dtype=np.int64),
        markets=markets,
        queues=queues,
    )


def _tonnes_by_corridor(problem: ConsolidationProblem, engine: str = "mip") -> dict[str, int]:
    result = solve_consolidation(problem, ConsolidationSolveParams(engine=engine))  # type: ignore[arg-type]
    out: dict[str, int] = {}
    for f in result.flows:
        out[f.corridor_id] = out.get(f.corridor_id, 0) + f.green_kg
    return out


def test_ocean_freight_flips_the_port() -> None:
    """C1 is 50,000 LAK/t cheaper to its port, but 100,000 LAK/t dearer by sea: C2 wins."""
    assert _tonnes_by_corridor(tiny()) == {"C1": 10 * T}
    problem = tiny(ocean1=200_000, ocean2=100_000)
    result = solve_consolidation(problem)
    assert {f.corridor_id for f in result.flows} == {"C2"}
    # at the port: 20,000 + 30,000 + 150,000 = 200,000 LAK/t; at destination + 100,000
    assert result.cost_lak.total_lak == pytest.approx(10 * 200_000)
    assert result.cost_lak.at_destination_lak == pytest.approx(10 * 300_000)


@pytest.mark.parametrize("engine", ["mip", "cpsat"])
def test_queue_flips_the_corridor(engine: str) -> None:
    """A queue at G1 costing 80,000 LAK/t beyond its first 4 t sends the other 6 t via C2."""
    queue = GatewayQueue("G1", "dry", (4 * T, 20 * T), (0, 80_000))
    assert _tonnes_by_corridor(tiny(), engine) == {"C1": 10 * T}
    assert _tonnes_by_corridor(tiny(queues=(queue,)), engine) == {"C1": 4 * T, "C2": 6 * T}


def test_queue_room_is_a_capacity() -> None:
    """A queue whose segments add up to 3 t caps G1 at 3 t; the queue cost is waiting."""
    queue = GatewayQueue("G1", "dry", (1 * T, 2 * T), (10_000, 20_000))
    problem = tiny(queues=(queue,))
    result = solve_consolidation(problem)
    flows = {f.corridor_id: f.green_kg for f in result.flows}
    assert flows == {"C1": 3 * T, "C2": 7 * T}
    assert result.cost_lak.border_waiting_lak == pytest.approx(1 * 10_000 + 2 * 20_000)


def test_queue_slopes_must_not_decrease() -> None:
    """A concave queue curve would need binaries: it is refused with the slopes named."""
    with pytest.raises(InputError, match="non-decreasing slopes"):
        GatewayQueue("G1", "dry", (T, T), (20_000, 10_000))


SPLIT = (Market("M1", 0.6), Market("M2", 0.4))
ONLY_1 = frozenset({"M1"})
ONLY_2 = frozenset({"M2"})


def test_closed_market_corridor_without_a_rule_is_a_named_infeasibility() -> None:
    """Fixed shares with M2's only post closed: the error names the market and the rules."""
    problem = tiny(serves1=ONLY_1, serves2=ONLY_2, g2_open=False, markets=SPLIT)
    with pytest.raises(InfeasibleProblemError, match=r"'M2'.*reroute or drop"):
        solve_consolidation(problem)


def test_closure_reroutes_the_market_through_the_next_cheapest_corridor() -> None:
    """M2's 4 t go through C1 (its post G2 is closed); the penalty is not a cost."""
    problem = tiny(serves1=ONLY_1, serves2=ONLY_2, g2_open=False, markets=SPLIT)
    problem = dataclasses.replace(problem, reroute_penalty_lak_per_t=1_000_000)
    result = solve_consolidation(problem)
    by_market = {(m.corridor_id, m.market_id): m.green_kg for m in result.market_flows}
    assert by_market == {("C1", "M1"): 6 * T, ("C1", "M2"): 4 * T}
    # 10 t x (20,000 collection + 30,000 trunk + 100,000 onward)
    assert result.cost_lak.total_lak == pytest.approx(10 * 150_000)


def test_reroute_only_moves_what_the_capacity_forces() -> None:
    """G2 takes 1 t: M2 keeps 1 t on C2 and only 3 t are re-routed via C1, though C1 is cheaper."""
    problem = tiny(serves1=ONLY_1, serves2=ONLY_2, markets=SPLIT)
    g2 = Gateway("G2", frozenset({"dry"}), capacity_kg=1 * T)
    problem = dataclasses.replace(
        problem, gateways=(problem.gateways[0], g2), reroute_penalty_lak_per_t=1_000_000
    )
    result = solve_consolidation(problem)
    by_market = {(m.corridor_id, m.market_id): m.green_kg for m in result.market_flows}
    assert by_market == {("C1", "M1"): 6 * T, ("C1", "M2"): 3 * T, ("C2", "M2"): 1 * T}


def test_closure_drops_the_market_volume() -> None:
    """Rule drop: M2's 40 % (4 t) leave the problem; the 6 t left all go to M1 via C1."""
    problem = tiny(serves1=ONLY_1, serves2=ONLY_2, g2_open=False, markets=SPLIT)
    reduced, drops = drop_unserved_markets(problem)
    assert [(d.market_id, d.green_kg) for d in drops] == [("M2", 4 * T)]
    assert reduced.total_kg == 6 * T
    result = solve_consolidation(reduced)
    assert {(m.corridor_id, m.market_id): m.green_kg for m in result.market_flows} == {
        ("C1", "M1"): 6 * T
    }
    assert result.cost_lak.total_lak == pytest.approx(6 * 150_000)


def test_drop_keeps_what_a_capacity_limited_post_can_take() -> None:
    """G2 takes 1 t of M2's 4 t: 3 t (75 % of M2) are dropped, 7 t move."""
    problem = tiny(serves1=ONLY_1, serves2=ONLY_2, markets=SPLIT)
    g2 = Gateway("G2", frozenset({"dry"}), capacity_kg=1 * T)
    problem = dataclasses.replace(problem, gateways=(problem.gateways[0], g2))
    reduced, drops = drop_unserved_markets(problem)
    assert [(d.market_id, d.green_kg) for d in drops] == [("M2", 3 * T)]
    assert reduced.total_kg == 7 * T
    served = tiny(markets=SPLIT)
    kept, none = drop_unserved_markets(served)
    assert kept is served
    assert none == ()


def test_reroute_needs_a_sea_route_to_the_market() -> None:
    """M2's post is closed and C1's port has no sea route to M2: the error says use drop."""
    problem = tiny(serves1=ONLY_1, serves2=ONLY_2, g2_open=False, markets=SPLIT)
    c1 = dataclasses.replace(problem.corridors[0], ocean_lak_per_t=(("M1", 0),))
    problem = dataclasses.replace(
        problem, corridors=(c1, problem.corridors[1]), reroute_penalty_lak_per_t=1_000_000
    )
    with pytest.raises(InfeasibleProblemError, match=r"'M2'.*no sea route.*drop"):
        solve_consolidation(problem)
