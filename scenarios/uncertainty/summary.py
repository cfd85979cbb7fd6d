"""From solved cases to the analysts' tables: draws, percentiles, probabilities, tornado.

A *case* is one scenario solved at one set of values: ``central`` (every input at its central
estimate), ``draw-NNNN`` (a Latin-hypercube draw) or ``tornado/<dimension>/<low|high>`` (one
dimension at a bound, the others central). Savings and NPV are computed draw by draw against
the baseline's case with the SAME values (common random numbers).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from scenarios.appraisal import compare_results
from scenarios.run import BREAKDOWN_PARTS

__all__ = [
    "Outcome",
    "case_figures",
    "draw_rows",
    "summary_rows",
    "switching_value",
    "tornado_rows",
]

Outcome = Mapping[str, Any]
"""A solved case: ``{"status", "mip_gap", "proven_optimal", "lak_per_usd", "kpis"}``."""


def _payload(name: str, spec: Mapping[str, Any], outcome: Outcome) -> dict[str, Any]:
    solver = {"status": outcome["status"], "mip_gap_pct": 100.0 * float(outcome["mip_gap"])}
    result = {"kpis": outcome["kpis"], "lak_per_usd": outcome["lak_per_usd"], "solver": solver}
    return {"name": name, "spec": spec, "result": result}


def case_figures(
    name: str,
    spec: Mapping[str, Any],
    outcome: Outcome,
    baseline: tuple[str, Mapping[str, Any], Outcome] | None,
) -> dict[str, Any]:
    """The figures of one case: landed cost, parts, corridor shares, saving, NPV, BCR."""
    kpis = outcome["kpis"]
    tonnes = float(kpis["tonnes"]) or 1.0
    out: dict[str, Any] = {
        "landed_cost_lak_per_t": float(kpis["landed_cost_lak_per_t"]),
        "annual_transport_cost_lak": float(kpis["annual_transport_cost_lak"]),
        "status": outcome["status"],
        "open_hubs": sorted(kpis["open_hubs"]),
    }
    if "landed_destination_lak_per_t" in kpis:  # what the model minimises (financial)
        out["landed_destination_lak_per_t"] = float(kpis["landed_destination_lak_per_t"])
    for part in BREAKDOWN_PARTS:
        out[f"{part}_lak_per_t"] = float(kpis["breakdown_lak_per_t"].get(part, 0.0))
    for corridor, t in kpis["tonnes_by_corridor"].items():
        out[f"share:{corridor}"] = float(t) / tonnes
    if baseline is not None:
        b_name, b_spec, b_outcome = baseline
        comparison = compare_results(
            _payload(name, spec, outcome), _payload(b_name, b_spec, b_outcome)
        )
        out["saving_lak_per_yr"] = comparison.annual_saving_lak
        if comparison.cba is not None:
            out["npv_lak"] = comparison.cba.npv_lak
            out["bcr"] = comparison.cba.bcr
    return out


_FIXED = ("landed_cost_lak_per_t", "annual_transport_cost_lak")


def _metrics(figures: Sequence[Mapping[str, Any]]) -> list[str]:
    parts = [f"{p}_lak_per_t" for p in BREAKDOWN_PARTS]
    shares = sorted({k for f in figures for k in f if k.startswith("share:")})
    optional = ("landed_destination_lak_per_t", "saving_lak_per_yr", "npv_lak", "bcr")
    extra = [k for k in optional if any(k in f for f in figures)]
    return [*_FIXED, *parts, *shares, *extra]


def _value(fig: Mapping[str, Any], metric: str) -> float:
    value = fig.get(metric)
    if value is None:
        return 0.0 if metric.startswith("share:") else float("nan")
    return float(value)


def _round(x: float) -> float | str:
    return "" if not np.isfinite(x) else float(f"{x:.6g}")


def summary_rows(
    scenario: str,
    central: Mapping[str, Any],
    draws: Sequence[Mapping[str, Any]],
    *,
    infeasible: int = 0,
) -> list[dict[str, Any]]:
    """Per metric: value at the central estimates, P5, P50, P95, mean over the draws; then the
    probability of a saving and the share of draws in which each hub opens / corridor is used;
    all over the ``draws`` that have a plan. ``infeasible`` more draws admitted none (for the
    scenario or its baseline): their share of all draws is the row ``p_infeasible``.
    """
    rows: list[dict[str, Any]] = []
    n = len(draws)
    for metric in _metrics([central, *draws]):
        values = np.array([_value(f, metric) for f in draws], dtype=float)
        finite = values[np.isfinite(values)]
        p5, p50, p95 = (
            np.percentile(finite, [5, 50, 95]) if finite.size else (np.nan, np.nan, np.nan)
        )
        rows.append(
            {
                "scenario": scenario,
                "metric": metric,
                "central": _round(_value(central, metric)),
                "p5": _round(float(p5)),
                "p50": _round(float(p50)),
                "p95": _round(float(p95)),
                "mean": _round(float(finite.mean()) if finite.size else np.nan),
                "n": int(finite.size),
            }
        )

    def probability(metric: str, hits: int) -> None:
        share = hits / n if n else np.nan
        rows.append(
            {"scenario": scenario, "metric": metric, "central": "", "p5": "", "p50": "",
             "p95": "", "mean": _round(share), "n": n}
        )  # fmt: skip

    every = n + infeasible
    rows.append(
        {"scenario": scenario, "metric": "p_infeasible", "central": "", "p5": "", "p50": "",
         "p95": "", "mean": _round(infeasible / every if every else np.nan), "n": every}
    )  # fmt: skip
    if "saving_lak_per_yr" in central:
        probability("p_saving", sum(1 for f in draws if f.get("saving_lak_per_yr", 0) > 0))
    if "npv_lak" in central:
        probability("p_npv_positive", sum(1 for f in draws if f.get("npv_lak", 0) > 0))
    hubs = sorted({h for f in [central, *draws] for h in f["open_hubs"]})
    for hub in hubs:
        probability(f"hub_open:{hub}", sum(1 for f in draws if hub in f["open_hubs"]))
    corridors = sorted({k for f in [central, *draws] for k in f if k.startswith("share:")})
    for key in corridors:
        used = sum(1 for f in draws if _value(f, key) > 1e-9)
        probability(f"corridor_used:{key.removeprefix('share:')}", used)
    return rows


def draw_rows(
    scenario: str, draws: Sequence[Mapping[str, Any]], values: Sequence[Mapping[str, float]]
) -> list[dict[str, Any]]:
    """One row per draw: the drawn value of each dimension and the scenario's figures."""
    rows = []
    for i, (fig, drawn) in enumerate(zip(draws, values, strict=True)):
        row: dict[str, Any] = {"scenario": scenario, "draw": i, **drawn}
        row.update({k: (_round(float(v)) if isinstance(v, int | float) else v) for k, v in
                    fig.items() if k != "open_hubs"})  # fmt: skip
        row["open_hubs"] = " ".join(fig["open_hubs"])
        rows.append(row)
    return rows


def switching_value(points: Sequence[tuple[float, float]]) -> float | None:
    """The parameter value where a figure crosses zero, interpolated linearly between solved
    points ``(parameter value, figure)`` (None when it keeps its sign over the range)."""
    ordered = sorted(points)
    for (x0, y0), (x1, y1) in itertools.pairwise(ordered):
        if y0 == 0:
            return x0
        if (y0 < 0) != (y1 < 0) and y1 != y0:
            return x0 + (x1 - x0) * (0 - y0) / (y1 - y0)
    return None


def tornado_rows(
    scenario: str,
    central: Mapping[str, Any],
    cases: Mapping[str, tuple[Mapping[str, Any], Mapping[str, Any]]],
    labels: Mapping[str, str],
    bounds: Mapping[str, tuple[float, float, float]] | None = None,
) -> list[dict[str, Any]]:
    """One row per dimension: landed cost, saving and NPV at its low and high bound, the
    swings, and where NPV or the saving turns negative (``bounds``: low, central, high of the
    dimension's first member); sorted by the saving swing when the scenario has a baseline,
    else by the landed-cost swing.
    """
    rows = []
    for dim, (low, high) in cases.items():
        row: dict[str, Any] = {"scenario": scenario, "parameter": dim, "range": labels[dim]}
        for metric in ("landed_cost_lak_per_t", "saving_lak_per_yr", "npv_lak"):
            if metric not in central:
                continue
            lo, hi = _value(low, metric), _value(high, metric)
            row[f"{metric}_at_low"] = _round(lo)
            row[f"{metric}_at_high"] = _round(hi)
            row[f"{metric}_swing"] = _round(abs(hi - lo))
            if metric != "landed_cost_lak_per_t" and bounds is not None and dim in bounds:
                b_lo, b_mid, b_hi = bounds[dim]
                points = [(b_lo, lo), (b_mid, _value(central, metric)), (b_hi, hi)]
                switch = switching_value(points)
                row[f"{metric}_switching_value"] = "" if switch is None else _round(switch)
        rows.append(row)
    key = "saving_lak_per_yr_swing" if "saving_lak_per_yr" in central else None
    key = key or "landed_cost_lak_per_t_swing"
    return sorted(rows, key=lambda r: (-float(r.get(key) or 0.0), r["parameter"]))
