"""Deltas against the baseline and the CBA built from the yearly savings."""

from __future__ import annotations

from typing import Any

import pytest

from scenarios.appraisal.compare import annual_saving_lak, compare_results
from scenarios.run.kpis import kpi_row, validate_kpis

PARTS = {
    "collection": 100.0,
    "hub_handling": 50.0,
    "trunk_haul": 300.0,
    "border_fees": 20.0,
    "border_waiting": 30.0,
    "onward_leg": 500.0,
}


def make_result(
    name: str,
    *,
    parts: dict[str, float] | None = None,
    tonnes: float = 1000.0,
    appraisal: dict[str, Any] | None = None,
    compare_to: str | None = None,
    corridors: dict[str, float] | None = None,
) -> dict[str, Any]:
    """A stored result as the batch writes it, with consistent KPIs."""
    parts = parts or dict(PARTS)
    per_t = sum(parts.values())
    kpis = {
        "annual_transport_cost_lak": per_t * tonnes,
        "landed_cost_lak_per_t": per_t,
        "landed_cost_usd_per_t": per_t / 20000.0,
        "tonnes": tonnes,
        "tkm": 50.0 * tonnes,
        "truck_hours": 10.0,
        "litres": 300.0,
        "co2_t": 0.8,
        "wet_reachable_share": 0.9,
        "trunk_lak_per_tkm": 450.0,
        "open_hub_count": 2,
        "breakdown_lak_per_t": parts,
        "tonnes_by_corridor": corridors or {"vang_tao-laem_chabang": tonnes},
        "hub_to_port_lak_per_t": {"paksong > vang_tao-laem_chabang": parts["trunk_haul"] + 550.0},
    }
    spec: dict[str, Any] = {"name": name, "description": f"{name} test", "demand": {}}
    if appraisal is not None:
        spec["appraisal"] = appraisal
    flows = [
        {
            "kind": "trunk",
            "period": "dry",
            "from": "paksong",
            "to": "vang_tao",
            "corridor": "vang_tao-laem_chabang",
            "tonnes": tonnes,
            "coords": [[106.23, 15.18], [105.8, 15.12], [105.6, 14.95]],
        }
    ]
    return {
        "name": name,
        "path": f"/lib/{name}.toml",
        "compare_to": compare_to,
        "spec": spec,
        "result": {"kpis": kpis, "lak_per_usd": 20000.0, "flows": flows, "solver": SOLVER},
    }


SOLVER = {"status": "optimal", "mip_gap": 0.0, "mip_gap_pct": 0.0, "proven_optimal": True}
"""A proven-optimal solve, as stored with every finished result."""


APPRAISAL = {
    "capital_cost_usd": 0.005,  # 100 LAK at 20,000 LAK/US$
    "maintenance_usd_per_year": 0.0,
    "construction_years": 1,
    "horizon_years": 3,
    "discount_rate": 0.10,
}


def test_border_change_shows_only_in_border_parts() -> None:
    """Halving border waiting moves only the border_waiting part and the totals."""
    base = make_result("baseline")
    scen = make_result("half_wait", parts={**PARTS, "border_waiting": 15.0})
    comparison = compare_results(scen, base)
    changed = {d.key for d in comparison.breakdown if d.delta != 0}
    assert changed == {"border_waiting"}
    landed = next(d for d in comparison.kpis if d.key == "landed_cost_lak_per_t")
    assert landed.delta == -15.0
    assert landed.delta_pct == pytest.approx(-15.0 / 1000.0)
    assert comparison.annual_saving_lak == 15_000.0
    assert comparison.cba is None
    assert "no [appraisal]" in comparison.cba_note


def test_cba_uses_the_yearly_saving() -> None:
    """Saving 0.06 LAK/t x 1000 t = 60 LAK/yr against 100 LAK capital: NPV at 10 % hand-made."""
    base = make_result("baseline")
    scen = make_result("road", parts={**PARTS, "trunk_haul": 300.0 - 0.06}, appraisal=APPRAISAL)
    comparison = compare_results(scen, base)
    assert comparison.annual_saving_lak == pytest.approx(60.0)
    assert comparison.cba is not None
    assert comparison.cba.npv_lak == pytest.approx(-100 + 60 / 1.1 + 60 / 1.21)
    assert comparison.cba.bcr == pytest.approx((60 / 1.1 + 60 / 1.21) / 100)


def test_saving_is_valued_on_scenario_volume_when_volumes_differ() -> None:
    """With 10 % more volume, saving = (base LAK/t - scenario LAK/t) x scenario tonnes."""
    base = make_result("baseline").get("result")["kpis"]  # type: ignore[index]
    scen = make_result("grow", tonnes=1100.0, parts={**PARTS, "collection": 90.0})
    assert annual_saving_lak(base, scen["result"]["kpis"]) == pytest.approx(10.0 * 1100.0)


def test_only_changed_hub_to_port_routes_are_listed() -> None:
    """A cheaper trunk haul shows as a changed hub > corridor route; unchanged ones are omitted."""
    base = make_result("baseline")
    same = compare_results(make_result("same"), base)
    assert same.routes == ()
    road = compare_results(make_result("road", parts={**PARTS, "trunk_haul": 280.0}), base)
    assert [(d.key, d.delta) for d in road.routes] == [("paksong > vang_tao-laem_chabang", -20.0)]
    assert "benefits count only the coffee" not in road.cba_note  # no appraisal: no CBA note


def test_corridor_deltas_cover_both_sides() -> None:
    """A corridor used only by the scenario appears with baseline 0."""
    base = make_result("baseline")
    scen = make_result(
        "dakta", corridors={"vang_tao-laem_chabang": 400.0, "dakta_ok-da_nang": 600.0}
    )
    rows = {d.key: (d.baseline, d.scenario) for d in compare_results(scen, base).corridors}
    assert rows == {"dakta_ok-da_nang": (0.0, 600.0), "vang_tao-laem_chabang": (1000.0, 400.0)}


def test_kpi_row_flattens_parts_and_corridors() -> None:
    """A CSV row carries each KPI, each cost part per tonne and each corridor's tonnes."""
    row = kpi_row(make_result("baseline"))
    assert row["scenario"] == "baseline"
    assert row["border_waiting_lak_per_t"] == 30.0
    assert row["tonnes_via_vang_tao-laem_chabang"] == 1000.0


@pytest.mark.parametrize(
    ("change", "match"),
    [
        ({"tonnes": None}, "expected keys tonnes"),
        ({"landed_cost_lak_per_t": 5.0}, "parts sum to 1000.0 LAK/t but landed cost is 5.0"),
        ({"breakdown_lak_per_t": {"bribes": 1000.0}}, "unknown breakdown parts"),
    ],
)
def test_validate_kpis_rejects_inconsistent_results(change: dict[str, Any], match: str) -> None:
    """Missing keys, parts that do not add up and unknown parts are rejected."""
    kpis = dict(make_result("x")["result"]["kpis"])
    for key, value in change.items():
        if value is None:
            del kpis[key]
        else:
            kpis[key] = value
    with pytest.raises(ValueError, match=match):
        validate_kpis(kpis)


def test_route_missing_on_one_side_is_reported_as_such() -> None:
    """A hub-to-port route that exists only in the baseline shows scenario None, delta None."""
    base = make_result("baseline")
    scen = make_result("wet")
    scen["result"]["kpis"]["hub_to_port_lak_per_t"] = {}
    (row,) = compare_results(scen, base).routes
    assert row.key == "paksong > vang_tao-laem_chabang"
    assert row.baseline == 850.0 and row.scenario is None and row.delta is None


def test_comparison_carries_each_sides_solver_status_and_gap() -> None:
    """The comparison names both solves' status and proven gap (also in its JSON form)."""
    base = make_result("base")
    scenario = make_result("road")
    scenario["result"]["solver"] = {"status": "optimal", "mip_gap_pct": 0.0004}
    comparison = compare_results(scenario, base)
    assert comparison.solver == {
        "scenario": {"solver_status": "optimal", "mip_gap_pct": 0.0004},
        "baseline": {"solver_status": "optimal", "mip_gap_pct": 0.0},
    }
    assert comparison.solver_note == (
        "solver: road: optimal, proven gap 0.0004 %; base: optimal, proven gap 0.0000 %"
    )
    assert comparison.as_dict()["solver"] == comparison.solver
