"""Resolving scenarios into pipeline inputs: each non-road change type, and its bad inputs."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from scenarios.consolidate import load_inputs
from scenarios.run.resolve import BaseInputs, resolve_scenario
from scenarios.spec.schema import ScenarioError, ScenarioSpec, load_scenario


@pytest.fixture(scope="module")
def base() -> BaseInputs:
    """The real data tables; no road network (these scenarios do not change roads)."""
    return BaseInputs(net=None, inputs=load_inputs())


def _spec(tmp_path: Path, text: str, name: str = "s.toml") -> ScenarioSpec:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_scenario(path)


def test_no_changes_returns_the_base_inputs(tmp_path: Path, base: BaseInputs) -> None:
    """An empty scenario passes every input through unchanged (same objects)."""
    resolved = resolve_scenario(_spec(tmp_path, ""), base)
    assert resolved.inputs == base.inputs
    assert resolved.inputs.villages is base.inputs.villages
    assert resolved.net is None
    assert resolved.season == "year"


def test_diesel_factor_and_exchange_rate(tmp_path: Path, base: BaseInputs) -> None:
    """diesel_factor 1.5 multiplies the table price; lak_per_usd replaces the rate."""
    resolved = resolve_scenario(
        _spec(tmp_path, "[costs]\ndiesel_factor = 1.5\nlak_per_usd = 25000\n"), base
    )
    assert resolved.inputs.rates.diesel_lak_per_l == pytest.approx(
        1.5 * base.inputs.rates.diesel_lak_per_l
    )
    assert resolved.inputs.rates.lak_per_usd == 25000
    assert resolved.inputs.rates.crew_wage_lak_per_hour == base.inputs.rates.crew_wage_lak_per_hour


def test_border_changes_touch_only_that_gateway(tmp_path: Path, base: BaseInputs) -> None:
    """Waiting, fee (LAK → US$ per truck), hours and closure change the named gateway only."""
    text = (
        "[costs]\nlak_per_usd = 20000\n"
        "[border.vang_tao]\nwait_h = 4.5\nfee_lak = 400000\nopening_hours = '05:30-23:00'\n"
        "[border.lalay]\nclosed = true\n"
    )
    resolved = resolve_scenario(_spec(tmp_path, text), base)
    new = {g.id: g for g in resolved.inputs.gateways}
    old = {g.id: g for g in base.inputs.gateways}
    assert new["vang_tao"].clearance_h == 4.5
    assert new["vang_tao"].fee_usd_per_truck == pytest.approx(20.0)
    assert new["vang_tao"].opening_hours == (5.5, 23.0)
    assert new["lalay"].open_seasons == frozenset()
    assert new["phou_keua"] == old["phou_keua"]
    assert new["vang_tao"].onward_usd_per_km == old["vang_tao"].onward_usd_per_km


def test_hub_changes(tmp_path: Path, base: BaseInputs) -> None:
    """Hubs are removed, re-costed, added (forced open) as the file says."""
    text = (
        "[hubs]\nremove = ['sekong']\nfixed_cost_usd_per_yr = {pakse = 1000}\n"
        "force_open = ['thateng']\n"
        "[[hubs.add]]\nname = 'pakse_dry_port'\nplace = 'Pakse'\ncapacity_t = 40000\n"
        "handling_usd_per_t = 10\nforce_open = true\n"
    )
    resolved = resolve_scenario(_spec(tmp_path, text), base)
    hubs = {h.id: h for h in resolved.inputs.hubs}
    assert "sekong" not in hubs
    assert hubs["pakse"].fixed_cost_usd_per_yr == 1000
    assert hubs["pakse_dry_port"].status == "open"
    assert hubs["pakse_dry_port"].capacity_t == 40000
    assert hubs["thateng"].status == "open"
    assert hubs["paksong"].status == "candidate"
    assert len(hubs) == len(base.inputs.hubs)


def test_fleet_and_demand(tmp_path: Path, base: BaseInputs) -> None:
    """Vehicle choices override the parameters; volume_factor scales every village."""
    text = "[fleet]\ncollection_vehicle_dry = '10-wheel'\n[demand]\nvolume_factor = 2.0\n"
    resolved = resolve_scenario(_spec(tmp_path, text), base)
    assert resolved.inputs.params.collection_vehicle_dry == "10-wheel"
    assert resolved.inputs.params.trunk_vehicle == base.inputs.params.trunk_vehicle
    total = sum(v.green_t for v in resolved.inputs.villages)
    assert total == pytest.approx(2.0 * sum(v.green_t for v in base.inputs.villages))


def test_seasons_pass_through(tmp_path: Path, base: BaseInputs) -> None:
    """A wet-only scenario asks the pipeline for the wet season only."""
    assert resolve_scenario(_spec(tmp_path, "seasons = ['wet']\n"), base).season == "wet"
    assert resolve_scenario(_spec(tmp_path, "seasons = ['dry']\n"), base).season == "dry"


@pytest.mark.parametrize(
    ("text", "match"),
    [
        (
            "[border.vang_tow]\nwait_h = 1\n",
            r"s\.toml: \[border\] unknown border gateway 'vang_tow'; choose from: vang_tao,",
        ),
        ("[hubs]\nremove = ['paksongg']\n", r"s\.toml: \[hubs\] unknown hub 'paksongg'"),
        (
            "[fleet]\ntrunk_vehicle = 'road_train'\n",
            r"s\.toml: \[fleet\] key 'trunk_vehicle': unknown vehicle type 'road_train'",
        ),
        (
            "[fleet]\nallowed = ['pickup_4x4']\n",
            r"\[fleet\] key 'allowed': collection_vehicle_dry is '6-wheel' \(medium_truck\)",
        ),
        (
            "[border.vang_tao]\nopening_hours = '22:00-06:00'\n",
            r"\[border\.vang_tao\] key 'opening_hours'.*opening before closing",
        ),
        (
            "[[hubs.add]]\nname = 'pakse'\nplace = 'Pakse'\ncapacity_t = 1\n",
            r"\[hubs\.add\] hub 'pakse' already exists",
        ),
    ],
)
def test_bad_changes_name_file_and_key(
    tmp_path: Path, base: BaseInputs, text: str, match: str
) -> None:
    """Unknown gateways, hubs or vehicles and inconsistent values give one clear message."""
    with pytest.raises(ScenarioError, match=match):
        resolve_scenario(_spec(tmp_path, text), base)


def test_resolved_scenario_is_frozen(tmp_path: Path, base: BaseInputs) -> None:
    """A resolved scenario cannot be changed after the fact."""
    resolved = resolve_scenario(_spec(tmp_path, ""), base)
    with pytest.raises(dataclasses.FrozenInstanceError):
        resolved.season = "dry"  # type: ignore[misc]
