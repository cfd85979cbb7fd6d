"""Border posts in the consolidation pipeline: closures, queues, ocean freight, money views."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest

from optimizer import InfeasibleProblemError
from scenarios.consolidate import (
    ConsolidateOptions,
    ConsolidationRun,
    Inputs,
    load_inputs,
    market_route_rows,
    other_trucks_per_day,
    queue_wait_h,
    run_consolidation,
    to_json_dict,
)
from scenarios.consolidate.corridor_prices import onward_diesel_index, truck_lak_per_h
from scenarios.consolidate.queues import gateway_queues


@pytest.fixture(scope="module")
def small() -> Inputs:
    """The data tables with every 50th coffee village (16 villages)."""
    inputs = load_inputs()
    villages = tuple(v for v in inputs.villages if v.green_t > 0)[::50]
    return dataclasses.replace(inputs, villages=villages)


def _closed(inputs: Inputs, gateway_id: str) -> Inputs:
    gateways = tuple(
        dataclasses.replace(g, open_seasons=frozenset()) if g.id == gateway_id else g
        for g in inputs.gateways
    )
    return dataclasses.replace(inputs, gateways=gateways)


def _run(inputs: Inputs, rule: str) -> ConsolidationRun:
    return run_consolidation(inputs, ConsolidateOptions(explain=False, market_rule=rule))


def _row(run: ConsolidationRun, market: str) -> dict[str, Any]:
    return next(r for r in market_route_rows(run) if r["market"] == market)


def test_closed_vang_tao_reroutes_thailand_by_sea(small: Inputs) -> None:
    """Vang Tao closed: all Thailand-bound tonnes leave by a port with a sea route to Thailand."""
    run = _run(_closed(small, "vang_tao"), "reroute")
    thailand = _row(run, "Thailand")
    share = next(m.share for m in small.markets if m.name == "Thailand")
    assert thailand["tonnes"] == pytest.approx(run.result.total_green_kg / 1000 * share, abs=0.01)
    assert thailand["rerouted_tonnes"] == pytest.approx(thailand["tonnes"])
    sea_ports = {r.seaport for r in small.ocean if r.market == "Thailand"}
    ports = {c.id: c.port for c in small.corridors}
    assert {ports[c] for c in thailand["tonnes_by_corridor"]} <= sea_ports
    assert thailand["landed_at_destination_usd_per_t"] > thailand["landed_at_seaport_usd_per_t"]
    assert thailand["dropped_tonnes"] == 0


def test_closed_vang_tao_drops_thailand_and_values_it(small: Inputs) -> None:
    """Rule drop: Thailand's share leaves the plan, valued at the export price per tonne."""
    total_t = sum(v.green_t for v in small.villages)
    run = _run(_closed(small, "vang_tao"), "drop")
    thailand = _row(run, "Thailand")
    share = next(m.share for m in small.markets if m.name == "Thailand")
    assert thailand["tonnes"] == 0
    assert thailand["dropped_tonnes"] == pytest.approx(total_t * share, abs=0.01)
    value = small.params.export_value_usd_per_t
    assert thailand["lost_export_value_usd"] == pytest.approx(
        thailand["dropped_tonnes"] * value, abs=1.0
    )
    assert run.result.total_green_kg / 1000 == pytest.approx(total_t * (1 - share), abs=0.01)


def test_fixed_rule_names_the_market_once(small: Inputs) -> None:
    """Rule fixed: one InfeasibleProblemError naming Thailand and the two other rules."""
    with pytest.raises(InfeasibleProblemError, match=r"'Thailand'.*reroute or drop"):
        _run(_closed(small, "vang_tao"), "fixed")


def test_cli_closure_prints_one_line_error(cli: Callable[..., Any]) -> None:
    """bolaven consolidate with a closed post and rule fixed: exit 2, the message once."""
    done = cli(
        "consolidate", "--close-gateway", "vang_tao", "--market-rule", "fixed", "--no-explain"
    )
    assert done.returncode == 2
    assert done.stderr.count("'Thailand'") == 1


def test_json_reports_landed_cost_at_seaport_and_destination(small: Inputs) -> None:
    """--json carries the landed cost at the seaport and at destination, in both money views."""
    data = to_json_dict(_run(small, "reroute"))
    landed = data["landed_cost_usd_per_t"]
    assert landed["at_destination"] == pytest.approx(
        landed["at_seaport"] + landed["ocean_freight"], abs=0.02
    )
    assert landed["ocean_freight"] > 0
    fin, eco = data["money_views"]["financial"], data["money_views"]["economic"]
    assert fin["label"].startswith("financial") and eco["label"].startswith("economic")
    assert eco["landed_at_destination_usd_per_t"] < fin["landed_at_destination_usd_per_t"]
    assert fin["landed_at_seaport_usd_per_t"] == pytest.approx(landed["at_seaport"], abs=0.01)
    assert {r["gateway"] for r in data["gateways"]} == {g.id for g in small.gateways}


def test_onward_legs_follow_diesel() -> None:
    """Diesel +50 % raises the onward rates by the fuel share x 50 %."""
    inputs = load_inputs()
    assert onward_diesel_index(inputs) == pytest.approx(1.0)
    rates = dataclasses.replace(inputs.rates, diesel_lak_per_l=inputs.rates.diesel_lak_per_l * 1.5)
    dearer = dataclasses.replace(inputs, rates=rates)
    assert onward_diesel_index(dearer) == pytest.approx(1 + 0.5 * inputs.params.onward_fuel_share)


def test_la_lay_queue_curve_starts_at_the_coal_trucks_wait() -> None:
    """La Lay's first queue slope is the wait its other traffic causes, per tonne of coffee;
    the slopes never fall and the room is the capacity left by the other traffic."""
    inputs = load_inputs()
    site = next(g for g in inputs.gateways if g.id == "lalay")
    other = other_trucks_per_day(site, inputs)
    assert other > 350  # 375 a day in 2023 (vnexpress), grown to the queue model's year
    per_h = truck_lak_per_h(inputs)
    (queue,) = (
        q
        for q in gateway_queues(inputs, ("dry",), {"dry": 1000.0}, per_h)
        if q.gateway_id == "lalay"
    )
    payload_t = inputs.profile("trunk_vehicle").capacity_kg / 1000
    first = queue_wait_h(site, other, inputs) * per_h / payload_t
    assert queue.lak_per_t[0] == pytest.approx(first, rel=0.01)
    assert list(queue.lak_per_t) == sorted(queue.lak_per_t)
    room_t = (site.capacity_trucks_per_day or 0) - other
    assert queue.max_kg / 1000 == pytest.approx(room_t * payload_t * 365, rel=1e-6)


def test_scenario_border_keys_reach_the_inputs(tmp_path: Any) -> None:
    """[border.lalay] capacity, other traffic and transload, and [markets] rule, are applied."""
    from scenarios.run.inputs import resolve_inputs
    from scenarios.spec import load_scenario

    path = tmp_path / "s.toml"
    path.write_text(
        "[border.lalay]\ncapacity_trucks_per_day = 900\nother_trucks_per_day = 100\n"
        'transload = true\nsource = "test"\n[markets]\nrule = "drop"\n'
    )
    spec = load_scenario(path)
    assert spec.markets.rule == "drop"
    inputs = resolve_inputs(spec, load_inputs())
    site = next(g for g in inputs.gateways if g.id == "lalay")
    assert site.capacity_trucks_per_day == 900 and site.transload
    assert other_trucks_per_day(site, inputs) == 100
    assert site.expected_wait_h == pytest.approx(
        site.clearance_h + (24 - site.open_h_per_day) ** 2 / 48 + site.transload_h
    )
