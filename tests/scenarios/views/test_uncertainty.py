"""The app's uncertainty tables, read from a real (cheap-engine) uncertainty run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from scenarios.batch.uncertainty import run_uncertainty
from scenarios.views import uncertainty_view
from tests.scenarios.uncertainty.test_runner import ONLY, tiny_engine


def _canned(folder: Path, name: str, draws: int, seed: int, **kwargs: Any) -> Path:
    """An uncertainty output folder of scenario ``name`` against 'base', cheap engine."""
    lib = folder / "lib"
    lib.mkdir(parents=True)
    (lib / "base.toml").write_text("", encoding="utf-8")
    (lib / f"{name}.toml").write_text('extends = "base.toml"\n', encoding="utf-8")
    out = folder / "out"
    kwargs.setdefault("engine", tiny_engine)
    run_uncertainty(
        [lib / f"{name}.toml"], out, draws=draws, seed=seed, workers=1, only=ONLY, **kwargs
    )
    return out


def canned_uncertainty(folder: Path) -> Path:
    """An uncertainty output folder: 'half' (half the border cost) against 'base', 4 draws."""
    return _canned(folder, "half", draws=4, seed=2)


def test_bands_probability_and_tornado(tmp_path: Path) -> None:
    """Landed cost and saving bands with the central value apart, p_saving, tornado swings."""
    view = uncertainty_view(canned_uncertainty(tmp_path))
    assert view.draws == 4 and view.seed == 2
    half = view.bands[view.bands["scenario"] == "half"].set_index("what")
    assert half.loc["annual saving", "p50"] == pytest.approx(1000.0)
    landed = half.loc["landed cost"]
    assert landed["p5"] <= landed["p50"] <= landed["p95"]
    assert landed["central"] == pytest.approx(1000.0 + 100.0)  # 20 000 / 20 + 100
    assert "share via a" in half.index
    p = view.probabilities.set_index("scenario")
    assert p.loc["half", "p_saving"] == 1.0 and p.loc["half", "baseline"] == "base"
    assert p.loc["base", "baseline"] == ""
    tornado = view.tornado[view.tornado["scenario"] == "half"]
    assert set(tornado["parameter"]) == {"cost_rates.diesel_lak_per_l", "hubs.*.capacity_t"}
    assert (tornado["swing"] >= 0).all()


def canned_infeasible(folder: Path) -> Path:
    """An uncertainty output folder where 'tight' admits no plan on dear diesel, 6 draws."""
    from tests.scenarios.uncertainty.test_runner import _tight_engine

    return _canned(folder, "tight", draws=6, seed=3, engine=_tight_engine, switching=False)


def test_draws_without_a_plan_are_counted(tmp_path: Path) -> None:
    """The draws that admit no plan are counted per scenario, apart from the bands' draws."""
    p = uncertainty_view(canned_infeasible(tmp_path)).probabilities.set_index("scenario")
    assert p.loc["base", "infeasible"] == 0
    assert 0 < p.loc["tight", "infeasible"] < 6
    assert p.loc["tight", "infeasible"] + p.loc["tight", "draws"] == 6


def test_a_folder_without_a_run_is_an_os_error(tmp_path: Path) -> None:
    """No uncertainty.json: the caller is told with an OSError it can show."""
    with pytest.raises(OSError, match=r"uncertainty\.json"):
        uncertainty_view(tmp_path)
