"""The scenario's sample pickup plan sees its prices and fleet, not only its roads."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenarios.run.resolve import base_inputs, plan_pickup_sample, resolve_scenario
from scenarios.spec import CostChange, ScenarioSpec

# Two villages of Paksong district (codes of data/villages), collected on one day.
HEADER = "id,name,village_code,lat,lon,weight_kg,product,day,tw_start,tw_end,service_min,required"
PICKUPS = f"""{HEADER},note
P01,Ban Vatlouang,1604001,,,1070,cherry,1,,,,true,test
P07,Ban Phoulangkeo,1604028,,,2460,parchment,1,,,,true,test
"""


@pytest.fixture(scope="module")
def pickups(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A two-stop pickup file."""
    path = tmp_path_factory.mktemp("sample") / "pickups.csv"
    path.write_text(PICKUPS, encoding="utf-8")
    return path


def test_diesel_plus_50_raises_the_sample_cost_per_tonne(pickups: Path) -> None:
    """Diesel × 1.5 makes the same two pickups dearer per tonne; tonnes collected are equal."""
    base = base_inputs()
    today = resolve_scenario(ScenarioSpec(name="today"), base)
    dear = resolve_scenario(ScenarioSpec(name="dear", costs=CostChange(diesel_factor=1.5)), base)
    assert dear.inputs.rates.diesel_lak_per_l == pytest.approx(
        1.5 * today.inputs.rates.diesel_lak_per_l
    )
    before = plan_pickup_sample(today, pickups_path=pickups, time_limit_s=2.0)
    after = plan_pickup_sample(dear, pickups_path=pickups, time_limit_s=2.0)
    assert before["dropped"] == after["dropped"] == 0
    assert before["tonnes_collected"] == after["tonnes_collected"] == pytest.approx(3.53)
    assert after["cost_lak_per_tonne"] > before["cost_lak_per_tonne"]
    assert after["litres_diesel"] == pytest.approx(before["litres_diesel"], rel=0.05)
