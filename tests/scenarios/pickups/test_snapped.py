"""The pickup planner snaps a file once: the same plans as snapping each day, one snap call."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

import networks
from optimizer import SolveParams
from optimizer.pickup.params import Engine
from scenarios.pickups import plan_pickups
from scenarios.pickups.io import read_pickups
from scenarios.pickups.pipeline import SAMPLE_PICKUPS, resolve_depot
from scenarios.pickups.reach import connector_lengths
from scenarios.pickups.snapped import snap_pickups

#: Deterministic: OR-Tools stops on its solution limit, never on the (generous) clock.
EXACT = SolveParams(engine=Engine.ORTOOLS, time_limit_s=600, solution_limit=60)
#: Day costs (LAK) of the sample weeks under EXACT, measured with the planner that snapped each
#: day again (commit ba733e3); snapping once must not move them by one kip.
WEEK_LAK = [5540680, 5180011, 5484159, 5466901, 5750281, 4877075]
FLEXIBLE_WEEK_LAK = [1425636, 3804504, 1521567, 5675255, 5814677, 6862581]


@pytest.fixture
def snap_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts calls of the real ``networks.snap_points`` (a wrapper, the real snapping runs)."""
    calls: list[int] = []
    real = networks.snap_points

    def counting(*args: Any, **kwargs: Any) -> networks.SnapResult:
        calls.append(len(args[1]))
        return real(*args, **kwargs)

    monkeypatch.setattr(networks, "snap_points", counting)
    return calls


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "expected"),
    [("paksong_pickups.csv", WEEK_LAK), ("paksong_pickups_flexible.csv", FLEXIBLE_WEEK_LAK)],
)
def test_sample_week_is_snapped_once_and_keeps_its_plan(
    name: str, expected: list[int], snap_calls: list[int]
) -> None:
    """One snap of the depot and every pickup; the six day costs are those of one snap a day."""
    run = plan_pickups(SAMPLE_PICKUPS.with_name(name), "Paksong", params=EXACT)
    pickups = sum(len(d.records) for d in run.days) + sum(len(d.plan.dropped) for d in run.days)
    assert [d.plan.total_cost_lak for d in run.days] == expected
    assert len(snap_calls) == 1
    assert snap_calls[0] == 1 + len(read_pickups(SAMPLE_PICKUPS.with_name(name)))
    assert pickups >= 45


def test_day_view_is_the_snap_of_that_day_alone() -> None:
    """A day's view has the nodes, distances and connectors of snapping that day's points alone."""
    net = networks.load_network()
    depot = resolve_depot(net, "Paksong")
    records = read_pickups(SAMPLE_PICKUPS)
    snapped = snap_pickups(net, depot, records)
    day = [r for r in records if r.day == 2]
    alone = networks.snap_points(net, [(depot.lat, depot.lon), *((r.lat, r.lon) for r in day)])
    view = snapped.day(day)
    assert len(view.nodes) == len(day) + 1 == len(alone.nodes)
    assert view.distance_m == pytest.approx(alone.distance_m)
    assert [n is None for n in view.nodes] == [n is None for n in alone.nodes]
    assert connector_lengths(view) == pytest.approx(connector_lengths(alone), nan_ok=True)
    file_lengths = snapped.connector_m()
    assert [file_lengths[r.id] for r in day] == pytest.approx(connector_lengths(alone)[1:])


def test_unreachable_pickup_keeps_its_reason_in_its_day(tmp_path: Path) -> None:
    """A pickup far off the roads is unreachable at its own position within its day's view."""
    path = tmp_path / "p.csv"
    path.write_text(
        "id,lat,lon,weight_kg,product,day\n"
        "A,15.10,106.20,500,parchment,1\n"
        "FAR,14.40,106.50,500,parchment,2\n"
        "B,15.12,106.22,500,parchment,2\n"
    )
    net = networks.load_network()
    records = read_pickups(path)
    snapped = snap_pickups(net, resolve_depot(net, "Paksong"), records)
    day2 = snapped.day([r for r in records if r.day == 2])
    assert day2.nodes[1] is None and day2.nodes[2] is not None
    assert [u.index for u in day2.unreachable] == [1]
    assert math.isnan(snapped.connector_m()["FAR"])
    assert snapped.day([records[0]]).unreachable == ()
