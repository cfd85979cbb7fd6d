"""Ranges for the Compare scenarios page: P5-P95 bands, probability of a saving, tornado.

:func:`uncertainty_view` reads an uncertainty output folder (``uncertainty.json``, written by
``bolaven scenarios uncertainty`` or by :func:`run_uncertainty_view`) into tables the app
draws. :func:`run_uncertainty_view` runs a small Monte Carlo (few draws, the one-at-a-time
tornado, no switching values) for the chosen scenarios and their baselines, reporting
progress; its cases are stored under the app's cache folder, so a rerun of the same
scenarios on the same data and code solves nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["UncertaintyView", "run_uncertainty_view", "uncertainty_dir", "uncertainty_view"]

_BAND_COLUMNS = ["scenario", "what", "unit", "p5", "p50", "p95", "central"]


@dataclass(frozen=True)
class UncertaintyView:
    """The tables of one uncertainty run.

    ``bands``: per scenario, P5/P50/P95 over the draws and the value at the central estimates
    of the landed cost (LAK/t), the annual saving (LAK/yr) and each corridor's share;
    ``probabilities``: per scenario its baseline, the draws and the share of draws in which it
    saves money; ``tornado``: per scenario the top parameters, the figure at their low and
    high bound (others central) and the swing; ``draws`` and ``seed`` of the run.
    """

    bands: pd.DataFrame
    probabilities: pd.DataFrame
    tornado: pd.DataFrame
    switching: pd.DataFrame
    draws: int
    seed: int


def _band(scenario: str, what: str, unit: str, band: dict[str, Any]) -> dict[str, Any]:
    return {"scenario": scenario, "what": what, "unit": unit, **{
        k: float(band[k]) if band.get(k) not in (None, "") else None
        for k in ("p5", "p50", "p95", "central")
    }}  # fmt: skip


def _tornado_rows(name: str, s: dict[str, Any]) -> list[dict[str, Any]]:
    metric = "saving_lak_per_yr" if s.get("saving_lak_per_yr") else "landed_cost_lak_per_t"
    rows = []
    for r in s.get("tornado", []):
        low, high = r.get(f"{metric}_at_low"), r.get(f"{metric}_at_high")
        if low in (None, "") or high in (None, ""):
            continue
        rows.append(
            {
                "scenario": name,
                "parameter": r["parameter"],
                "metric": metric,
                "at_low": float(low),
                "at_high": float(high),
                "swing": abs(float(high) - float(low)),
            }
        )
    return rows


def uncertainty_view(out_dir: str | Path) -> UncertaintyView:
    """The tables of the uncertainty run stored in ``out_dir`` (raises ``OSError`` if none)."""
    doc = json.loads((Path(out_dir) / "uncertainty.json").read_text(encoding="utf-8"))
    bands, probabilities, tornado, switching = [], [], [], []
    for name, s in doc["scenarios"].items():
        bands.append(_band(name, "landed cost", "LAK/t", s["landed_cost_lak_per_t"]))
        if s.get("saving_lak_per_yr"):
            bands.append(_band(name, "annual saving", "LAK/yr", s["saving_lak_per_yr"]))
        for corridor, band in s.get("corridor_share", {}).items():
            bands.append(_band(name, f"share via {corridor}", "share", band))
        p = s.get("p_saving")
        probabilities.append(
            {
                "scenario": name,
                "baseline": s.get("baseline") or "",
                "draws": int(s.get("draws") or 0),
                "p_saving": None if p in (None, "") else float(p),
                "infeasible": sum(
                    1 for c in s.get("infeasible_cases", {}) if c.startswith("draw-")
                ),
            }
        )
        tornado += _tornado_rows(name, s)
        switching += [dict(r) for r in s.get("switching", [])]
    meta = doc.get("meta", {})
    return UncertaintyView(
        bands=pd.DataFrame(bands, columns=_BAND_COLUMNS),
        probabilities=pd.DataFrame(
            probabilities, columns=["scenario", "baseline", "draws", "p_saving", "infeasible"]
        ),
        tornado=pd.DataFrame(
            tornado, columns=["scenario", "parameter", "metric", "at_low", "at_high", "swing"]
        ),
        switching=pd.DataFrame(switching),
        draws=int(meta.get("draws", 0)),
        seed=int(meta.get("seed", 0)),
    )


def uncertainty_dir(files: Sequence[str | Path], draws: int, seed: int) -> Path:
    """The app's folder for the uncertainty run of ``files`` (by their content)."""
    from scenarios.views.library import results_cache_dir

    digest = hashlib.sha256()
    for f in sorted(str(Path(f).resolve()) for f in files):
        digest.update(f.encode())
        digest.update(Path(f).read_bytes())
    digest.update(f"{draws}|{seed}".encode())
    return results_cache_dir().parent / "app-uncertainty" / digest.hexdigest()[:20]


def run_uncertainty_view(
    files: Sequence[str | Path],
    *,
    draws: int = 8,
    seed: int = 1,
    workers: int = 1,
    out_dir: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> UncertaintyView:
    """Run a small Monte Carlo and tornado of ``files`` (their baselines added) and read it.

    ``progress(done, total)`` is called after each case, solved or found stored: cases already
    stored are skipped, so the same request twice solves nothing the second time.
    """
    from scenarios.batch import run_uncertainty

    total, done = [0], [0]

    def on_plan(cases: int) -> None:
        total[0] = cases

    def on_case(name: str, case: str, status: str) -> None:
        del name, case, status
        done[0] += 1
        if progress is not None:
            progress(min(done[0], total[0]), total[0])

    out = out_dir or uncertainty_dir(files, draws, seed)
    run_uncertainty(
        files,
        out,
        draws=draws,
        seed=seed,
        workers=workers,
        switching=False,
        on_case=on_case,
        on_plan=on_plan,
    )
    return uncertainty_view(out)
