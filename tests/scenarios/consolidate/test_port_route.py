"""The corridor quote prices one flow with the consolidation's own code: hand-checked figures,
and the quote from a hub's place equals that hub's costs in the consolidation's problem."""

from __future__ import annotations

import dataclasses

import pytest

import networks
from optimizer import UNREACHABLE
from scenarios.common import UnknownNameError
from scenarios.consolidate import (
    ConsolidateOptions,
    Inputs,
    PortQuote,
    load_inputs,
    port_routes,
    run_consolidation,
)


@pytest.fixture(scope="module")
def net() -> networks.RoadNetwork:
    return networks.load_network()


@pytest.fixture(scope="module")
def inputs() -> Inputs:
    return load_inputs()


@pytest.fixture(scope="module")
def quote(net: networks.RoadNetwork, inputs: Inputs) -> PortQuote:
    return port_routes(net, "Paksong", "Da Nang", season="dry", inputs=inputs)


def test_border_onward_and_ocean_are_hand_checked(quote: PortQuote) -> None:
    """Phou Keua-Bo Y to Da Nang, container (21 t), US$ 1 = LAK 21,900, diesel at reference."""
    assert (quote.vehicle, quote.payload_t, quote.lak_per_usd) == ("container", 21.0, 21_900)
    route = next(r for r in quote.routes if r.corridor.id == "phou_keua__da_nang")
    # fee US$ 100 a truck / 21 t x 21,900 = 104,285.7
    assert route.price.border_fee_lak_per_t == 104_286
    # onward 200 km x US$ 2.04/km x index 1.0 / 21 t x 21,900 = 425,485.7
    assert route.price.onward_lak_per_t == 425_486
    # ocean to Japan US$ 450 (250-1,000) per TEU / 21 t x 21,900
    japan = next(o for o in route.ocean if o.market == "Japan")
    assert japan.route_id == "da_nang__japan"
    assert japan.usd_per_teu == (450, 250, 1000)
    assert japan.lak_per_t == (469_286, 260_714, 1_042_857)
    assert route.road_lak_per_t is not None and route.at_seaport_lak_per_t == (
        route.road_lak_per_t + 104_286 + route.price.border_waiting_lak_per_t + 425_486
    )


def test_diesel_raises_onward_and_road_legs(net: networks.RoadNetwork, inputs: Inputs) -> None:
    """Diesel +50 % (LAK 30,000/l): onward x (1 - 0.35 + 0.35 x 1.5) = x1.175; the road dearer."""
    dearer = dataclasses.replace(
        inputs, rates=dataclasses.replace(inputs.rates, diesel_lak_per_l=30_000.0)
    )
    base = port_routes(net, "Paksong", "Da Nang", season="dry", inputs=inputs)
    high = port_routes(net, "Paksong", "Da Nang", season="dry", inputs=dearer)
    assert high.onward_diesel_index == pytest.approx(1.175)
    old, new = (
        next(r for r in q.routes if r.corridor.id == "phou_keua__da_nang") for q in (base, high)
    )
    # 408 US$ a truck x 1.175 / 21 t x 21,900 = 499,945.7
    assert new.price.onward_lak_per_t == 499_946
    assert old.road_lak_per_t is not None and new.road_lak_per_t is not None
    assert new.road_lak_per_t > old.road_lak_per_t
    assert new.price.border_fee_lak_per_t == old.price.border_fee_lak_per_t


def test_quote_from_a_hub_is_the_consolidations_cost_of_that_flow(
    net: networks.RoadNetwork, inputs: Inputs, quote: PortQuote
) -> None:
    """From Paksong (a hub's place): the problem's trunk cost to each post and corridor costs."""
    few = dataclasses.replace(inputs, villages=inputs.villages[::100])
    run = run_consolidation(few, ConsolidateOptions(season="dry"), net=net)
    problem = run.problem
    h = next(i for i, hub in enumerate(problem.hubs) if hub.id == "paksong")
    corridors = {c.id: c for c in problem.corridors}
    gateways = [g.id for g in problem.gateways]
    reached = [r for r in quote.routes if r.road_lak_per_t is not None]
    assert len(reached) >= 3
    for route in reached:
        c = corridors[route.corridor.id]
        trunk = int(problem.trunk_lak_per_t[0, h, gateways.index(c.gateway_id)])
        assert route.road_lak_per_t == pytest.approx(trunk, abs=1)  # roads split at villages
        assert route.price.border_fee_lak_per_t == c.border_fee_lak_per_t
        assert route.price.border_waiting_lak_per_t == c.border_waiting_lak_per_t
        assert route.price.onward_lak_per_t == c.onward_lak_per_t
        assert {o.market: o.lak_per_t[0] for o in route.ocean} == dict(c.ocean_lak_per_t)
    unreached = [r for r in quote.routes if r.road_lak_per_t is None]
    assert unreached
    for route in unreached:
        g = gateways.index(corridors[route.corridor.id].gateway_id)
        assert problem.trunk_lak_per_t[0, h, g] == UNREACHABLE  # Dakta Ok: no container road


def test_truck_option_replaces_the_trunk_vehicle(net: networks.RoadNetwork, inputs: Inputs) -> None:
    """--truck 10-wheel: 15 t loads, so the fee per tonne is US$ 100 / 15 t x 21,900 = 146,000."""
    q = port_routes(net, "Paksong", "Da Nang", season="dry", inputs=inputs, truck="10-wheel")
    assert (q.vehicle, q.payload_t) == ("10-wheel", 15.0)
    route = next(r for r in q.routes if r.corridor.id == "phou_keua__da_nang")
    assert route.price.border_fee_lak_per_t == 146_000
    with pytest.raises(UnknownNameError, match="10-weel"):
        port_routes(net, "Paksong", "Da Nang", season="dry", inputs=inputs, truck="10-weel")


def test_unknown_port_lists_the_ports(net: networks.RoadNetwork, inputs: Inputs) -> None:
    """An unknown seaport is an error that names the ports of the corridors."""
    with pytest.raises(UnknownNameError, match=r"unknown seaport 'Hai Phong'.*Laem Chabang"):
        port_routes(net, "Paksong", "Hai Phong", season="dry", inputs=inputs)
