"""Drawn values reach the consolidation inputs; unknown keys are refused."""

from __future__ import annotations

import pytest

from scenarios.common import ScenarioError
from scenarios.consolidate import load_inputs
from scenarios.uncertainty.apply import apply_values


def test_drawn_values_replace_central_ones() -> None:
    """Rates, parameters, hub, gateway, corridor, village and vehicle rows take drawn values."""
    inputs = load_inputs()
    village = inputs.villages[0].id
    drawn = apply_values(
        inputs,
        {
            "cost_rates.diesel_lak_per_l": 25000.0,
            "consolidation_params.trunk_empty_return": 0.5,
            "hubs.paksong.capacity_t": 9000.0,
            "gateways.lalay.clearance_h": 3.0,
            "corridors.lalay__da_nang.road_km": 250.0,
            f"supply_villages.{village}.green_t": 1.5,
            "vehicles.6-wheel.crew": 2.6,
        },
    )
    assert drawn.rates.diesel_lak_per_l == 25000.0
    assert drawn.params.trunk_empty_return == 0.5
    assert next(h for h in drawn.hubs if h.id == "paksong").capacity_t == 9000.0
    assert next(g for g in drawn.gateways if g.id == "lalay").clearance_h == 3.0
    assert next(c for c in drawn.corridors if c.id == "lalay__da_nang").road_km == 250.0
    assert drawn.villages[0].green_t == 1.5
    assert next(p for p in drawn.profiles if p.name == "6-wheel").crew == 3  # whole people
    assert inputs.rates.diesel_lak_per_l == 20000.0  # the central inputs are untouched
    assert apply_values(inputs, {}) == inputs


@pytest.mark.parametrize(
    ("key", "match"),
    [
        ("hubs.nowhere.capacity_t", r"unknown hubs rows \['nowhere'\]"),
        ("network_defaults.speed_kph.paved.dry.pickup_4x4", r"not an input of the consolidation"),
    ],
)
def test_values_that_cannot_be_applied_are_refused(key: str, match: str) -> None:
    """A drawn value for an unknown row, or for a network table, raises naming the key."""
    with pytest.raises(ScenarioError, match=match):
        apply_values(load_inputs(), {key: 1.0})


def test_a_scenario_takes_its_own_drawn_values_only() -> None:
    """Drawn values of a scenario file re-write that scenario (whole years stay whole); keys of
    another scenario leave it as it is; an unknown path is refused."""
    from scenarios.common.paths import LIBRARY_DIR
    from scenarios.spec import load_scenario
    from scenarios.uncertainty.apply import spec_with_values, split_values

    spec = load_scenario(LIBRARY_DIR / "pakse_dry_port.toml")
    values = {
        "library.pakse_dry_port.hubs.add.pakse_dry_port.capacity_t": 20000.0,
        "library.pakse_dry_port.border.dakta_ok.wait_h": 7.0,
        "library.pakse_dry_port.appraisal.horizon_years": 24.6,
        "library.vang_tao_half_wait.border.vang_tao.wait_h": 6.0,
        "cost_rates.diesel_lak_per_l": 25000.0,
    }
    drawn = spec_with_values(spec, values)
    assert drawn.hubs.add[0].capacity_t == 20000.0
    assert drawn.border["dakta_ok"].wait_h == 7.0
    assert drawn.border["vang_tao"].wait_h == 5.4
    assert drawn.appraisal is not None and drawn.appraisal.horizon_years == 25
    assert spec.hubs.add[0].capacity_t == 40000.0
    plain, network, library = split_values({**values, "road_conditions.16.iri_m_per_km": 4.0})
    assert set(plain) == {"cost_rates.diesel_lak_per_l"}
    assert set(network) == {"road_conditions.16.iri_m_per_km"}
    assert len(library) == 4
    with pytest.raises(ScenarioError, match="no 'nowhere'"):
        spec_with_values(spec, {"library.pakse_dry_port.border.nowhere.wait_h": 1.0})


def test_every_drawn_range_of_the_data_pack_applies() -> None:
    """Each range of data/ the Monte Carlo draws lands on an input (none refused, none ignored):
    consolidation keys change the inputs, network keys are the ones the re-weighting reads."""
    from dataclasses import fields

    from scenarios.uncertainty.apply import split_values
    from scenarios.uncertainty.catalogue import all_ranges
    from scenarios.uncertainty.draws import held_central

    ranges = all_ranges()
    held = {r.key for r, _ in held_central(ranges)}
    drawn = [r for r in ranges if r.key not in held and not r.key.startswith("library.")]
    plain, network, _ = split_values({r.key: r.high for r in drawn if r.high > r.value})
    inputs = load_inputs()
    for key, value in plain.items():
        changed = apply_values(inputs, {key: value})
        assert any(getattr(changed, f.name) != getattr(inputs, f.name) for f in fields(inputs)), key
    prefixes = ("network_defaults.speed_kph.", "network_defaults.iri_m_per_km.", "road_conditions.")
    assert all(
        k.startswith(prefixes) or k == "network_defaults.connector.circuity" for k in network
    )


@pytest.mark.slow
def test_a_draw_that_admits_no_plan_is_an_outcome_not_a_crash() -> None:
    """Every hub at 1 t of capacity cannot take the crop: the real engine proves it and the case
    says so (status infeasible, with the solver's reason) instead of raising."""
    from scenarios.common.paths import LIBRARY_DIR
    from scenarios.spec import load_scenario
    from scenarios.uncertainty import INFEASIBLE, run_case

    hubs = [h.id for h in load_inputs().hubs]
    outcome = run_case(
        load_scenario(LIBRARY_DIR / "baseline.toml"), {f"hubs.{h}.capacity_t": 1.0 for h in hubs}
    )
    assert outcome["status"] == INFEASIBLE and not outcome["proven_optimal"]
    assert "capacit" in outcome["reason"]
