"""The Compare scenarios page shows ranges: P5-P95 bars, probability of a saving, tornado."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from scenarios import views
from tests.scenarios.views.test_uncertainty import canned_uncertainty
from tests.test_app import WET_PAVING_TOML, _compare_page, _store_canned_results


def test_compare_page_shows_the_ranges_panel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a comparison, the panel says the numbers are at the central estimates; its run
    button (the Monte Carlo canned here, the page under test) shows p_saving and charts."""
    monkeypatch.setenv("BOLAVEN_APP_RESULTS", str(tmp_path / "results"))
    spec = views.load_scenario_file(views.stage_scenario_upload(WET_PAVING_TOML))
    _store_canned_results(spec, views.load_scenario_file(views.baseline_file(spec)))
    out = canned_uncertainty(tmp_path / "unc")
    calls: list[tuple[list[str], int]] = []

    def canned(
        files: Sequence[str | Path], *, draws: int, progress: Callable[[int, int], None], **_: Any
    ) -> views.UncertaintyView:
        calls.append(([str(f) for f in files], draws))
        progress(1, 2)
        progress(2, 2)
        return views.uncertainty_view(out)

    monkeypatch.setattr(views, "run_uncertainty_view", canned)
    at = _compare_page()
    at.multiselect(key="cmp_pick").set_value([]).run()
    at.file_uploader(key="cmp_upload").upload("paving.toml", WET_PAVING_TOML, "text/plain").run()
    at.button(key="cmp_run").click().run()
    assert not at.exception
    assert any("at the central estimates" in c.value for c in at.caption)
    charts_before = len(at.get("vega_lite_chart"))
    at.button(key="cmp_unc_run").click().run()
    assert not at.exception
    assert calls and calls[0][1] == 8 and calls[0][0][0].endswith(".toml")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"half: Saves money against base": "100 %"}
    charts = len(at.get("vega_lite_chart")) - charts_before
    assert charts == 4  # landed cost, saving, corridor shares, tornado


def test_the_panel_names_draws_without_a_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Draws with no plan are told in a warning (how many of how many), in English and Lao."""
    from tests.scenarios.views.test_uncertainty import canned_infeasible

    monkeypatch.setenv("BOLAVEN_APP_RESULTS", str(tmp_path / "results"))
    spec = views.load_scenario_file(views.stage_scenario_upload(WET_PAVING_TOML))
    _store_canned_results(spec, views.load_scenario_file(views.baseline_file(spec)))
    out = canned_infeasible(tmp_path / "unc")
    monkeypatch.setattr(views, "run_uncertainty_view", lambda *_, **__: views.uncertainty_view(out))
    view = views.uncertainty_view(out).probabilities.set_index("scenario")
    n = int(view.loc["tight", "infeasible"])
    at = _compare_page()
    at.multiselect(key="cmp_pick").set_value([]).run()
    at.file_uploader(key="cmp_upload").upload("paving.toml", WET_PAVING_TOML, "text/plain").run()
    at.button(key="cmp_run").click().run()
    at.button(key="cmp_unc_run").click().run()
    assert not at.exception
    warnings = [w.value for w in at.warning]
    assert any(f"tight: no plan at all in {n} of 6 draws" in w for w in warnings), warnings
