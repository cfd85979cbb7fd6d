"""The uncertainty tables, built from the stored case files alone (the same on 1 or 2 workers).

:class:`CaseFigures` reads a solved case of a scenario and of its baseline at the SAME values
and turns them into figures (landed cost, parts, shares, saving, NPV); :func:`write_tables`
writes ``draws.csv``, ``summary.csv``, ``tornado.csv``, ``switching.csv``, ``uncertainty.json``
and ``index.html``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from scenarios.batch.store import write_json_atomic
from scenarios.spec import ScenarioSpec
from scenarios.uncertainty import (
    INFEASIBLE,
    Dimension,
    all_ranges,
    case_figures,
    draw_rows,
    held_central,
    scenario_json,
    spec_with_values,
    summary_rows,
    tornado_rows,
    write_html,
)

__all__ = ["CaseFigures", "case_path", "write_csv", "write_tables"]


def case_path(out: Path, scenario: str, case: str) -> Path:
    """Where one solved case of one scenario is stored."""
    return out / "cases" / scenario / (case.replace("/", "__") + ".json")


def _load(out: Path, name: str, case: str) -> dict[str, Any] | None:
    try:
        outcome: dict[str, Any] = json.loads(case_path(out, name, case).read_text("utf-8"))[
            "outcome"
        ]
    except (OSError, ValueError, KeyError):
        return None
    return outcome


def _baselines(specs: Mapping[str, ScenarioSpec]) -> dict[str, str | None]:
    by_path = {str(Path(s.path).resolve()): n for n, s in specs.items() if s.path}
    out: dict[str, str | None] = {}
    for name, spec in specs.items():
        target = str(Path(spec.compare_to).resolve()) if spec.compare_to else None
        out[name] = by_path.get(target) if target else None
        if out[name] == name:
            out[name] = None
    return out


class CaseFigures:
    """Figures of stored cases: a scenario against its baseline solved at the same values."""

    def __init__(self, out: Path, specs: Mapping[str, ScenarioSpec]) -> None:
        self.out, self.specs = out, specs
        self.baselines = _baselines(specs)
        self._dumped: dict[tuple[str, str], dict[str, Any]] = {}

    def spec_at(self, name: str, values: Mapping[str, float]) -> dict[str, Any]:
        """The scenario as solved at ``values`` (its own drawn values in place, for the CBA)."""
        mine = tuple(sorted((k, v) for k, v in values.items() if k.startswith("library.")))
        key = (name, json.dumps(mine))
        if key not in self._dumped:
            spec = spec_with_values(self.specs[name], dict(mine))
            self._dumped[key] = spec.model_dump(mode="json")
        return self._dumped[key]

    def infeasible(self, name: str, case: str) -> str | None:
        """Why ``case`` admits no plan for ``name`` or its baseline; None if it does (or is
        not stored yet)."""
        for who in (name, self.baselines[name]):
            outcome = _load(self.out, who, case) if who else None
            if outcome is not None and outcome.get("status") == INFEASIBLE:
                return f"{who}: {outcome.get('reason', 'infeasible')}"
        return None

    def get(self, name: str, case: str, values: Mapping[str, float]) -> dict[str, Any] | None:
        """The figures of ``name`` in ``case``; None while it (or its baseline) is missing,
        or when either admits no plan at these values (:meth:`infeasible`)."""
        base = self.baselines[name]
        outcome = _load(self.out, name, case)
        b_outcome = _load(self.out, base, case) if base else None
        if outcome is None or (base and b_outcome is None):
            return None
        if INFEASIBLE in (outcome.get("status"), (b_outcome or {}).get("status")):
            return None
        against = None
        if base and b_outcome is not None:
            against = (base, self.spec_at(base, values), b_outcome)
        return case_figures(name, self.spec_at(name, values), outcome, against)


def write_csv(path: Path, rows: Sequence[Mapping[str, Any]]) -> None:
    """Rows as CSV, the columns in order of first appearance."""
    columns: list[str] = []
    for row in rows:
        columns += [k for k in row if k not in columns]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def write_tables(
    out: Path,
    specs: Mapping[str, ScenarioSpec],
    dims: Sequence[Dimension],
    cases: Mapping[str, Mapping[str, float]],
    *,
    seed: int,
    switching: Sequence[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    """Write the tables from the case files; return the JSON summary of every scenario."""
    figs = CaseFigures(out, specs)
    draw_ids = sorted(c for c in cases if c.startswith("draw-"))
    all_summary, all_draws, all_tornado, payload = [], [], [], {}
    for name in specs:
        fig = {c: f for c in cases if (f := figs.get(name, c, cases[c])) is not None}
        if "central" not in fig:
            continue
        ok = [c for c in draw_ids if c in fig]
        shown = [{d.name: cases[c][d.members[0].key] for d in dims} for c in ok]
        none = {c: why for c in cases if c not in fig and (why := figs.infeasible(name, c))}
        rows = summary_rows(
            name, fig["central"], [fig[c] for c in ok], infeasible=len(set(none) & set(draw_ids))
        )
        all_summary += rows
        all_draws += draw_rows(name, [fig[c] for c in ok], shown)
        pairs = {
            d.name: (fig[f"tornado/{d.name}/low"], fig[f"tornado/{d.name}/high"])
            for d in dims
            if f"tornado/{d.name}/low" in fig and f"tornado/{d.name}/high" in fig
        }
        labels = {d.name: d.label for d in dims}
        bounds = {d.name: (d.members[0].low, d.members[0].value, d.members[0].high) for d in dims}
        tornado = tornado_rows(name, fig["central"], pairs, labels, bounds)
        all_tornado += tornado
        payload[name] = scenario_json(rows, tornado, baseline=figs.baselines[name])
        payload[name]["infeasible_cases"] = none  # kept out of the bands and the tornado
        top = {r["parameter"] for r in tornado[:5]}
        payload[name]["switching"] = [  # the crossings, and the top 5 parameters' answers
            dict(r)
            for r in switching
            if r["scenario"] == name
            and (r["parameter"] in top or r["switching_value"] != "none within range")
        ]
    write_csv(out / "summary.csv", all_summary)
    write_csv(out / "draws.csv", all_draws)
    write_csv(out / "tornado.csv", all_tornado)
    write_csv(out / "switching.csv", list(switching))
    meta = {
        "seed": seed,
        "draws": len(draw_ids),
        "dimensions": [{"name": d.name, "label": d.label, "members": len(d.members)} for d in dims],
        "held_central": [{"parameter": r.key, "why": why} for r, why in held_central(all_ranges())],
    }
    write_json_atomic(out / "uncertainty.json", {"meta": meta, "scenarios": payload})
    write_html(out, payload, meta)
    return payload
