"""Monte Carlo and one-at-a-time sensitivity of scenarios on Dask, resumable, failure-isolated.

Every scenario (and the baseline it is compared with) is re-solved at the central estimates,
at each Latin-hypercube draw (the SAME draws for every scenario: common random numbers) and,
with ``tornado``, at each drawn dimension's low and high bound with the others central.
Each solved case is written the moment it finishes, atomically, as
``DIR/cases/<scenario>/<case>.json`` with a fingerprint of the scenario, the data, the code and
the drawn values; a rerun skips fresh cases, and a failed case writes ``<case>.error.json``
while the others go on. The tables (``draws.csv``, ``summary.csv``, ``tornado.csv``) are then
built from the case files alone, so they are the same on 1 or 2 workers.
"""

from __future__ import annotations

import csv
import fnmatch
import hashlib
import json
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scenarios.batch.runner import _client, _expand
from scenarios.batch.store import inputs_fingerprint, write_json_atomic
from scenarios.spec import ScenarioSpec, scenario_fingerprint
from scenarios.uncertainty import (
    Dimension,
    all_ranges,
    case_figures,
    dimensions,
    draw_rows,
    held_central,
    latin_hypercube,
    scenario_json,
    summary_rows,
    tornado_rows,
    write_html,
)

__all__ = ["CaseEngine", "UncertaintyRun", "plan_dimensions", "run_uncertainty"]

log = logging.getLogger(__name__)

CaseEngine = Callable[[ScenarioSpec, Mapping[str, float]], dict[str, Any]]


@dataclass(frozen=True)
class UncertaintyRun:
    """What a run did and where its tables are; ``scenarios`` is the JSON-ready summary."""

    out_dir: Path
    solved: int
    skipped: int
    failed: dict[str, str]
    scenarios: dict[str, Any]
    elapsed_s: float = 0.0
    dimensions: tuple[str, ...] = field(default=())


def plan_dimensions(only: Sequence[str] | None = None) -> tuple[Dimension, ...]:
    """The drawn dimensions, restricted to names matching any ``only`` pattern (fnmatch)."""
    dims = dimensions(all_ranges())
    if not only:
        return dims
    chosen = tuple(d for d in dims if any(fnmatch.fnmatch(d.name, p) for p in only))
    if not chosen:
        msg = f"no drawn parameter matches {list(only)}; choose from: " + ", ".join(
            d.name for d in dims
        )
        raise ValueError(msg)
    return chosen


def _cases(
    dims: Sequence[Dimension], draws: int, seed: int, tornado: bool
) -> dict[str, dict[str, float]]:
    u = latin_hypercube(len(dims), draws, seed)
    cases: dict[str, dict[str, float]] = {"central": {}}
    for i in range(draws):
        values: dict[str, float] = {}
        for j, dim in enumerate(dims):
            values.update(dim.values(float(u[i, j])))
        cases[f"draw-{i:04d}"] = values
    if tornado:
        for dim in dims:
            for bound in ("low", "high"):
                cases[f"tornado/{dim.name}/{bound}"] = dim.at(bound)
    return cases


def _fingerprint(spec: ScenarioSpec, shared: str, values: Mapping[str, float]) -> str:
    text = json.dumps(sorted(values.items()), separators=(",", ":"))
    digest = hashlib.sha256(f"{scenario_fingerprint(spec)}|{shared}|{text}".encode())
    return digest.hexdigest()


def _case_path(out: Path, scenario: str, case: str) -> Path:
    return out / "cases" / scenario / (case.replace("/", "__") + ".json")


def _fresh(path: Path, fingerprint: str) -> bool:
    try:
        return bool(json.loads(path.read_text(encoding="utf-8"))["fingerprint"] == fingerprint)
    except (OSError, ValueError, KeyError, TypeError):
        return False


def _default_engine() -> CaseEngine:
    from scenarios.uncertainty import run_case

    return run_case


def _solve_on_dask(
    todo: dict[tuple[str, str], tuple[ScenarioSpec, dict[str, float], str]],
    out: Path,
    engine: CaseEngine,
    client_args: tuple[int, str | None],
    on_case: Callable[[str, str, str], None] | None,
) -> dict[str, str]:
    from distributed import as_completed

    failed: dict[str, str] = {}
    workers, scheduler = client_args
    with _client(min(workers, len(todo)), scheduler) as client:
        futures = {
            client.submit(engine, spec, values, key=f"case-{fp[:16]}", pure=False): (name, case)
            for (name, case), (spec, values, fp) in todo.items()
        }
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            name, case = futures[future]
            fp = todo[name, case][2]
            path = _case_path(out, name, case)
            try:
                outcome = future.result()
            except Exception as exc:  # a failed case is recorded, the others go on
                message = f"{name} {case}: {type(exc).__name__}: {exc}"
                failed[f"{name} {case}"] = message
                write_json_atomic(path.with_suffix(".error.json"), {"error": message})
                log.warning("case failed: %s", message)
                if on_case is not None:
                    on_case(name, case, "failed")
                continue
            if outcome.get("proven_optimal", True):  # unproven answers are never stored
                write_json_atomic(path, {"fingerprint": fp, "case": case, "outcome": outcome})
            else:
                failed[f"{name} {case}"] = f"{name} {case}: not proven optimal"
            if on_case is not None:
                on_case(name, case, "done")
    return failed


def run_uncertainty(
    files: Sequence[str | Path],
    out_dir: str | Path,
    *,
    draws: int,
    seed: int,
    workers: int = 2,
    scheduler: str | None = None,
    tornado: bool = True,
    only: Sequence[str] | None = None,
    engine: CaseEngine | None = None,
    on_case: Callable[[str, str, str], None] | None = None,
) -> UncertaintyRun:
    """Solve every case of every scenario (see module doc) and write the three tables."""
    if workers < 1:
        msg = f"Expected workers >= 1; got {workers}."
        raise ValueError(msg)
    start = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    specs, failed = _expand([Path(f) for f in files])
    dims = plan_dimensions(only)
    cases = _cases(dims, draws, seed, tornado)
    shared = inputs_fingerprint()
    todo, skipped = {}, 0
    for case, values in cases.items():  # a case of every scenario before the next case
        for name, spec in specs.items():
            fp = _fingerprint(spec, shared, values)
            if _fresh(_case_path(out, name, case), fp):
                skipped += 1
            else:
                todo[name, case] = (spec, values, fp)
    if todo:
        run = engine or _default_engine()
        failed |= _solve_on_dask(todo, out, run, (workers, scheduler), on_case)
    summary = write_tables(out, specs, dims, cases, seed=seed)
    return UncertaintyRun(
        out_dir=out,
        solved=len(todo) - sum(1 for k in failed if " " in k),
        skipped=skipped,
        failed=failed,
        scenarios=summary,
        elapsed_s=time.perf_counter() - start,
        dimensions=tuple(d.name for d in dims),
    )


def _load(out: Path, name: str, case: str) -> dict[str, Any] | None:
    try:
        outcome: dict[str, Any] = json.loads(
            _case_path(out, name, case).read_text(encoding="utf-8")
        )["outcome"]
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


def _write_csv(path: Path, rows: Sequence[Mapping[str, Any]]) -> None:
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
) -> dict[str, Any]:
    """Write draws.csv, summary.csv, tornado.csv from the case files; return the JSON summary."""
    baselines = _baselines(specs)
    dumped = {n: s.model_dump(mode="json") for n, s in specs.items()}
    draw_ids = sorted(c for c in cases if c.startswith("draw-"))
    figures: dict[str, dict[str, dict[str, Any]]] = {}
    for name in specs:
        base = baselines[name]
        figures[name] = {}
        for case in cases:
            outcome = _load(out, name, case)
            b_outcome = _load(out, base, case) if base else None
            if outcome is None or (base and b_outcome is None):
                continue
            against = (base, dumped[base], b_outcome) if base and b_outcome else None
            figures[name][case] = case_figures(name, dumped[name], outcome, against)
    all_summary, all_draws, all_tornado, payload = [], [], [], {}
    for name in specs:
        fig = figures[name]
        if "central" not in fig:
            continue
        ok = [c for c in draw_ids if c in fig]
        shown = [{d.name: cases[c][d.members[0].key] for d in dims} for c in ok]
        rows = summary_rows(name, fig["central"], [fig[c] for c in ok])
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
        payload[name] = scenario_json(rows, tornado, baseline=baselines[name])
    _write_csv(out / "summary.csv", all_summary)
    _write_csv(out / "draws.csv", all_draws)
    _write_csv(out / "tornado.csv", all_tornado)
    meta = {
        "seed": seed,
        "draws": len(draw_ids),
        "dimensions": [{"name": d.name, "label": d.label, "members": len(d.members)} for d in dims],
        "held_central": [r.key for r in held_central(all_ranges())],
    }
    write_json_atomic(out / "uncertainty.json", {"meta": meta, "scenarios": payload})
    write_html(out, payload, meta)
    return payload
