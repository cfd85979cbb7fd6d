"""Monte Carlo runs on a real local Dask cluster: same tables on 1 or 2 workers, resume,
failure isolation; and (slow) the real consolidation engine end to end."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from scenarios.batch.uncertainty import run_uncertainty
from scenarios.common.paths import LIBRARY_DIR
from scenarios.spec.schema import ScenarioSpec
from scenarios.uncertainty import INFEASIBLE

ONLY = ["cost_rates.diesel_lak_per_l", "hubs.*.capacity_t"]


def tiny_engine(spec: ScenarioSpec, values: Mapping[str, float]) -> dict[str, Any]:
    """A cheap engine: landed cost follows the diesel price; the 'fails' scenario raises on
    dear diesel; the 'half' scenario halves the border part (it saves money in every draw)."""
    diesel = float(values.get("cost_rates.diesel_lak_per_l", 20000.0))
    if spec.name == "fails" and diesel > 21000:
        msg = "dear diesel"
        raise RuntimeError(msg)
    border = 100.0 if spec.name == "half" else 200.0
    if spec.name == "flip":  # dearer than the base below 21 000 LAK/l, cheaper above
        border = 200.0 + (21000.0 - diesel) / 20.0
    haul = diesel / 20.0
    share = 1.0 if values.get("hubs.paksong.capacity_t", 15000.0) >= 15000 else 0.6
    return {
        "status": "optimal",
        "mip_gap": 0.0,
        "proven_optimal": True,
        "lak_per_usd": 21900.0,
        "kpis": {
            "annual_transport_cost_lak": 10.0 * (haul + border),
            "landed_cost_lak_per_t": haul + border,
            "tonnes": 10.0,
            "breakdown_lak_per_t": {"trunk_haul": haul, "border_waiting": border},
            "tonnes_by_corridor": {"a": 10.0 * share, "b": 10.0 * (1 - share)},
            "open_hubs": ["paksong"] if share == 1.0 else ["paksong", "pakse"],
        },
    }


def _files(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "base.toml").write_text("", encoding="utf-8")
    for name in ("half", "fails"):
        (folder / f"{name}.toml").write_text('extends = "base.toml"\n', encoding="utf-8")
    return [folder / "half.toml", folder / "fails.toml"]


def test_same_summary_on_one_or_two_workers_and_resume(tmp_path: Path) -> None:
    """Same files, seed and draws give byte-identical tables on 1 and 2 workers; a rerun
    solves nothing; a failing case is recorded while every other case is written."""
    files = _files(tmp_path / "lib")
    kwargs: dict[str, Any] = {"draws": 4, "seed": 3, "only": ONLY, "engine": tiny_engine}
    one = run_uncertainty(files, tmp_path / "one", workers=1, **kwargs)
    two = run_uncertainty(files, tmp_path / "two", workers=2, **kwargs)
    for table in ("summary.csv", "draws.csv", "tornado.csv", "switching.csv"):
        first = (tmp_path / "one" / table).read_text(encoding="utf-8")
        assert first == (tmp_path / "two" / table).read_text(encoding="utf-8"), table
    assert one.failed and one.failed.keys() == two.failed.keys()
    assert all(k.startswith("fails ") for k in one.failed)
    assert (tmp_path / "one" / "cases" / "fails" / "central.json").is_file()
    half = one.scenarios["half"]
    assert half["baseline"] == "base"
    assert half["p_saving"] == 1.0
    assert half["saving_lak_per_yr"]["p50"] == pytest.approx(1000.0)
    assert half["tornado"][0]["parameter"] in {"cost_rates.diesel_lak_per_l", "hubs.*.capacity_t"}
    again = run_uncertainty(files, tmp_path / "one", workers=1, **kwargs)
    assert again.solved == 0
    assert again.skipped == 3 * (1 + 4 + 2 * 2) - len(one.failed)
    assert "P5" in (tmp_path / "one" / "index.html").read_text(encoding="utf-8")


def test_progress_tells_the_plan_then_every_case_with_its_status(tmp_path: Path) -> None:
    """``on_plan`` gets the case count before any case ends, ``on_case`` is called once per
    case: done or failed on the first run; on a rerun, unchanged for stored cases while the
    failed ones are tried (and fail) again."""
    files = _files(tmp_path / "lib")
    kwargs: dict[str, Any] = {"draws": 2, "seed": 3, "only": ONLY, "engine": tiny_engine}
    kwargs |= {"tornado": False, "workers": 1}
    for attempt in ("first", "rerun"):
        events: list[Any] = []

        def on_case(name: str, case: str, status: str, events: list[Any] = events) -> None:
            events.append((name, case, status))

        run = run_uncertainty(
            files, tmp_path / "out", on_plan=events.append, on_case=on_case, **kwargs
        )
        assert events[0] == 3 * (1 + 2)  # base, half, fails x (central + 2 draws)
        statuses = [status for _, _, status in events[1:]]
        assert len(statuses) == events[0]
        failed = {f"{name} {case}" for name, case, status in events[1:] if status == "failed"}
        assert failed == set(run.failed) and failed
        stored = "done" if attempt == "first" else "unchanged"
        assert statuses.count(stored) == events[0] - len(failed)


def _tight_engine(spec: ScenarioSpec, values: Mapping[str, float]) -> dict[str, Any]:
    """The tiny engine, but the 'tight' scenario admits no plan on dear diesel."""
    if spec.name == "tight" and float(values.get("cost_rates.diesel_lak_per_l", 0)) > 21000:
        return {"status": INFEASIBLE, "proven_optimal": False, "reason": "hubs too small"}
    return tiny_engine(spec, values)


def test_draws_without_a_plan_are_counted_and_kept_out_of_the_bands(tmp_path: Path) -> None:
    """A draw the engine proves infeasible is stored (a rerun skips it), not a failure; its
    share is ``p_infeasible`` and it is named with its reason; the bands use the other draws."""
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "base.toml").write_text("", encoding="utf-8")
    (lib / "tight.toml").write_text('extends = "base.toml"\n', encoding="utf-8")
    kwargs: dict[str, Any] = {"draws": 6, "seed": 3, "only": ONLY, "engine": _tight_engine}
    kwargs |= {"switching": False, "workers": 1}
    run = run_uncertainty([lib / "tight.toml"], tmp_path / "out", **kwargs)
    assert not run.failed
    tight = run.scenarios["tight"]
    none = tight["infeasible_cases"]
    draws = sorted(c for c in none if c.startswith("draw-"))
    assert draws and "tornado/cost_rates.diesel_lak_per_l/high" in none
    assert all(why == "tight: hubs too small" for why in none.values())
    assert tight["p_infeasible"] == pytest.approx(len(draws) / 6)
    assert tight["draws"] == 6 - len(draws)  # the bands' sample
    summary = (tmp_path / "out" / "summary.csv").read_text(encoding="utf-8")
    assert f"tight,p_infeasible,,,,,{round(len(draws) / 6, 4)}" in summary
    assert "No plan at all" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    again = run_uncertainty([lib / "tight.toml"], tmp_path / "out", **kwargs)
    assert again.solved == 0 and not again.failed


def test_switching_value_found_by_bisection(tmp_path: Path) -> None:
    """The saving of 'flip' turns positive at 21 000 LAK/l: bisection between the central
    20 000 and the high 28 000 finds it within 1/32 of that half-range; the hub capacity
    never flips it."""
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "base.toml").write_text("", encoding="utf-8")
    (folder / "flip.toml").write_text('extends = "base.toml"\n', encoding="utf-8")
    run = run_uncertainty(
        [folder / "flip.toml"], tmp_path / "out", draws=2, seed=1, workers=1, only=ONLY,
        engine=tiny_engine,
    )  # fmt: skip
    rows = {(r["parameter"], r["metric"]): r for r in run.scenarios["flip"]["switching"]}
    diesel = rows["cost_rates.diesel_lak_per_l", "saving_lak_per_yr"]
    assert float(diesel["switching_value"]) == pytest.approx(21000.0, abs=8000 / 32)
    assert (diesel["from"], diesel["to"]) == ("negative", "positive")
    assert rows["hubs.*.capacity_t", "saving_lak_per_yr"]["switching_value"] == "none within range"
    assert "none within range" in (tmp_path / "out" / "switching.csv").read_text("utf-8")


@pytest.mark.slow
def test_real_engine_summary_is_the_same_on_one_or_two_workers(tmp_path: Path) -> None:
    """The real re-solves: baseline and the Vang Tao scenario, 2 draws of the diesel price."""
    files = [LIBRARY_DIR / "baseline.toml", LIBRARY_DIR / "vang_tao_half_wait.toml"]
    kwargs: dict[str, Any] = {"draws": 2, "seed": 1, "only": ["cost_rates.diesel*"]}
    run_uncertainty(files, tmp_path / "one", workers=1, tornado=False, **kwargs)
    run = run_uncertainty(files, tmp_path / "two", workers=2, tornado=False, **kwargs)
    summary = (tmp_path / "one" / "summary.csv").read_text(encoding="utf-8")
    assert summary == (tmp_path / "two" / "summary.csv").read_text(encoding="utf-8")
    scenario = run.scenarios["vang_tao_half_wait"]
    landed = scenario["landed_cost_lak_per_t"]
    assert landed["p5"] <= landed["p50"] <= landed["p95"]
    # a shorter wait never makes the exporter pay more to destination (what the model
    # minimises); the economic saving may be negative (fees are transfers)
    dest = "landed_destination_lak_per_t"
    assert scenario[dest]["p50"] <= run.scenarios["baseline"][dest]["p50"] + 1.0
    assert json.loads((tmp_path / "two" / "uncertainty.json").read_text())["meta"]["seed"] == 1
