"""Monte Carlo and one-at-a-time sensitivity of scenarios on Dask, resumable, failure-isolated.

Every scenario (and the baseline it is compared with) is re-solved at the central estimates,
at each Latin-hypercube draw (the SAME draws for every scenario: common random numbers) and,
with ``tornado``, at each drawn dimension's low and high bound with the others central.
Each solved case is written the moment it finishes, atomically, as
``DIR/cases/<scenario>/<case>.json`` with a fingerprint of the scenario, the data, the code and
the drawn values; a rerun skips fresh cases, and a failed case writes ``<case>.error.json``
while the others go on. With the tornado, switching values are then found by bisection
(:mod:`scenarios.batch.switching`), in rounds on the same cluster. The tables (``draws.csv``,
``summary.csv``, ``tornado.csv``, ``switching.csv``) are built from the case files alone, so
they are the same on 1 or 2 workers.
"""

from __future__ import annotations

import contextlib
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
from scenarios.batch.switching import switching_rows
from scenarios.batch.uncertainty_tables import CaseFigures, case_path, write_tables
from scenarios.common import REPO_ROOT
from scenarios.spec import ScenarioSpec, scenario_fingerprint
from scenarios.uncertainty import (
    INFEASIBLE,
    Dimension,
    all_ranges,
    dimensions,
    latin_hypercube,
)

__all__ = [
    "CaseEngine",
    "UncertaintyRun",
    "plan_dimensions",
    "run_uncertainty",
    "write_tables",
]

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


def plan_dimensions(
    only: Sequence[str] | None = None, specs: Mapping[str, ScenarioSpec] | None = None
) -> tuple[Dimension, ...]:
    """The drawn dimensions (with the own ranges of the scenario files in ``specs``),
    restricted to names matching any ``only`` pattern (fnmatch)."""
    stems = {Path(s.path).stem for s in (specs or {}).values() if s.path}
    dims = dimensions(all_ranges(), library=stems)
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


def _shared_fingerprint() -> str:
    """The data and engine code, plus the code that lays drawn values over the inputs."""
    digest = hashlib.sha256(inputs_fingerprint().encode())
    for name in ("apply.py", "network.py"):
        digest.update((REPO_ROOT / "scenarios" / "uncertainty" / name).read_bytes())
    return digest.hexdigest()


def _fresh(path: Path, fingerprint: str) -> bool:
    try:
        return bool(json.loads(path.read_text(encoding="utf-8"))["fingerprint"] == fingerprint)
    except (OSError, ValueError, KeyError, TypeError):
        return False


def _default_engine() -> CaseEngine:
    from scenarios.uncertainty import run_case

    return run_case


_Todo = tuple[ScenarioSpec, dict[str, float], str]


class _Solver:
    """Solves cases on one Dask cluster, started at the first case that needs solving."""

    def __init__(
        self,
        out: Path,
        specs: Mapping[str, ScenarioSpec],
        engine: CaseEngine,
        client_args: tuple[int, str | None],
        on_case: Callable[[str, str, str], None] | None,
    ) -> None:
        self.out, self.specs, self.engine = out, specs, engine
        self.client_args, self.on_case = client_args, on_case
        self.shared = _shared_fingerprint()
        self.stack = contextlib.ExitStack()
        self.client: Any = None
        self.solved, self.skipped = 0, 0
        self.failed: dict[str, str] = {}

    def __call__(self, cases: Mapping[tuple[str, str], Mapping[str, float]]) -> None:
        todo = {}
        for (name, case), values in cases.items():
            fp = _fingerprint(self.specs[name], self.shared, values)
            if _fresh(case_path(self.out, name, case), fp):
                self.skipped += 1
                if self.on_case is not None:
                    self.on_case(name, case, "unchanged")
            else:
                todo[name, case] = (self.specs[name], dict(values), fp)
        if todo:
            self._submit(todo)

    def _submit(self, todo: dict[tuple[str, str], _Todo]) -> None:
        """One task per case with every scenario of it: a worker solves the scenarios of one
        draw one after the other, so the legs of a re-weighted network are computed once."""
        from distributed import as_completed

        if self.client is None:
            workers, scheduler = self.client_args
            self.client = self.stack.enter_context(_client(workers, scheduler))
        groups: dict[str, list[tuple[str, ScenarioSpec, dict[str, float]]]] = {}
        for (name, case), (spec, values, _) in todo.items():
            groups.setdefault(case, []).append((name, spec, values))
        futures = {}
        for case, items in groups.items():
            fps = "".join(todo[name, case][2][:8] for name, _, _ in items)
            key = f"case-{hashlib.sha256(fps.encode()).hexdigest()[:16]}"
            work = [(spec, values) for _, spec, values in items]
            future = self.client.submit(_solve_group, self.engine, work, key=key, pure=False)
            futures[future] = case
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            case = futures[future]
            try:
                answers = future.result()
            except Exception as exc:  # the task itself died (e.g. a lost worker)
                answers = [(False, f"{type(exc).__name__}: {exc}")] * len(groups[case])
            for (name, _, _), answer in zip(groups[case], answers, strict=True):
                self._store(name, case, todo[name, case][2], answer)

    def _store(self, name: str, case: str, fp: str, answer: tuple[bool, Any]) -> None:
        path = case_path(self.out, name, case)
        ok, outcome = answer
        status = "done"
        if not ok:  # a failed case is recorded, the others go on
            message = f"{name} {case}: {outcome}"
            self.failed[f"{name} {case}"] = message
            write_json_atomic(path.with_suffix(".error.json"), {"error": message})
            log.warning("case failed: %s", message)
            status = "failed"
        elif outcome.get("proven_optimal", True) or outcome.get("status") == INFEASIBLE:
            # unproven answers are never stored; a proven-infeasible draw is an outcome
            write_json_atomic(path, {"fingerprint": fp, "case": case, "outcome": outcome})
            self.solved += 1
            status = "infeasible" if outcome.get("status") == INFEASIBLE else status
        else:
            self.failed[f"{name} {case}"] = f"{name} {case}: not proven optimal"
            status = "failed"
        if self.on_case is not None:
            self.on_case(name, case, status)


def _solve_group(
    engine: CaseEngine, work: list[tuple[ScenarioSpec, dict[str, float]]]
) -> list[tuple[bool, Any]]:
    """Runs on a worker: each scenario of one case, a failure isolated to its scenario."""
    answers: list[tuple[bool, Any]] = []
    for spec, values in work:
        try:
            answers.append((True, engine(spec, values)))
        except Exception as exc:  # reported by the client, the other scenarios go on
            answers.append((False, f"{type(exc).__name__}: {exc}"))
    return answers


def run_uncertainty(
    files: Sequence[str | Path],
    out_dir: str | Path,
    *,
    draws: int,
    seed: int,
    workers: int = 2,
    scheduler: str | None = None,
    tornado: bool = True,
    switching: bool = True,
    only: Sequence[str] | None = None,
    engine: CaseEngine | None = None,
    on_case: Callable[[str, str, str], None] | None = None,
    on_plan: Callable[[int], None] | None = None,
) -> UncertaintyRun:
    """Solve every case of every scenario (see module doc) and write the tables.

    ``switching`` (with ``tornado``) adds the switching values found by bisection.
    ``on_plan(n)`` is told the number of central, draw and tornado cases before any is solved;
    ``on_case(scenario, case, status)`` is then called once per case as it ends, with status
    ``done``, ``failed`` or ``unchanged`` (stored by an earlier run), and once per bisection
    step of the switching values (which come after the ``n``).
    """
    if workers < 1:
        msg = f"Expected workers >= 1; got {workers}."
        raise ValueError(msg)
    start = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    specs, failed = _expand([Path(f) for f in files])
    dims = plan_dimensions(only, specs)
    cases = _cases(dims, draws, seed, tornado)
    if on_plan is not None:
        on_plan(len(cases) * len(specs))
    solver = _Solver(out, specs, engine or _default_engine(), (workers, scheduler), on_case)
    rows: list[dict[str, Any]] = []
    with solver.stack:
        # a case of every scenario before the next case
        solver({(n, c): v for c, v in cases.items() for n in specs})
        if tornado and switching:
            rows = switching_rows(CaseFigures(out, specs), dims, list(specs), solver)
    summary = write_tables(out, specs, dims, cases, seed=seed, switching=rows)
    return UncertaintyRun(
        out_dir=out,
        solved=solver.solved,
        skipped=solver.skipped,
        failed=failed | solver.failed,
        scenarios=summary,
        elapsed_s=time.perf_counter() - start,
        dimensions=tuple(d.name for d in dims),
    )
