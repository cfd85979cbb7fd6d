"""Road ends: a served road-end stop's carry is checked; the records validate themselves."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from optimizer import SolveParams, VerificationError
from optimizer.pickup.params import Engine
from scenarios.pickups import plan_pickups
from scenarios.pickups.carry import RoadEnd
from scenarios.pickups.road_end import check_carry

PARAMS = SolveParams(engine=Engine.PYVRP, time_limit_s=2.0, seed=1, solution_limit=300)


def test_check_carry_costs_each_road_end_stop_and_refuses_an_uncosted_one(tmp_path: Path) -> None:
    """The day's carry is km x t x rate of its road-end stop; a carry costed at 0 is refused."""
    pickups, fleet = tmp_path / "p.csv", tmp_path / "f.csv"
    pickups.write_text("id,village_code,weight_kg,product\nP02,1604008,2000,parchment\n")
    fleet.write_text("type,count,max_trips\n4x4-pickup,1,2\n")
    run = plan_pickups(pickups, "Paksong", fleet_path=fleet, season="wet", params=PARAMS)
    (day,) = run.days
    ends = {r.road_end for r in day.records}
    (end,) = ends  # both 1 t parts of the 2 t pickup: one road end
    assert end is not None
    assert check_carry(day) == pytest.approx(end.carry_km * 2.0 * end.lak_per_t_km)
    broken = RoadEnd(end.node, end.lat, end.lon, end.carry_km, end.lak_per_t_km)
    object.__setattr__(broken, "lak_per_t_km", 0.0)  # as a faulty rate table would leave it
    records = tuple(dataclasses.replace(r, road_end=broken) for r in day.records)
    with pytest.raises(
        VerificationError, match=r"stop P02#[12] \(day None\) is collected at its road end"
    ):
        check_carry(dataclasses.replace(day, records=records))


@pytest.mark.parametrize(
    ("carry_km", "rate", "match"),
    [(0.0, 30_000.0, "carry_km=0.0"), (5.0, -1.0, "lak_per_t_km=-1.0"), (float("inf"), 1.0, "inf")],
)
def test_road_end_refuses_a_carry_it_cannot_cost(carry_km: float, rate: float, match: str) -> None:
    """A road end needs a finite positive track length and rate."""
    with pytest.raises(ValueError, match=match):
        RoadEnd(1, 15.0, 106.0, carry_km, rate)
