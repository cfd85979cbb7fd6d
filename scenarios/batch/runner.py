"""Run many scenarios in parallel on dask.distributed, resumable and failure-isolated.

Each scenario's result is written the moment it finishes, atomically (temporary file then
``os.replace``), as ``DIR/results/<name>.json`` together with its input fingerprint: a hash of
the resolved scenario, the data files and the code. A rerun skips scenarios whose fingerprint
did not change, so a batch killed midway finishes without redoing or losing work. A scenario
that fails writes ``DIR/results/<name>.error.json`` and the others go on.

The per-scenario function (the *engine*) is a parameter: by default the real engine
:func:`scenarios.run.resolve.run_scenario_json`; tests pass a cheap one.
"""

from __future__ import annotations

import contextlib
import json
import logging
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from scenarios.batch.names import batch_key
from scenarios.batch.safety import load_failure
from scenarios.batch.store import (
    NotProvenOptimalError,
    clean_stale_tmp,
    fingerprint,
    inputs_fingerprint,
    is_fresh,
    load_results,
    record_failure,
    record_success,
    result_path,
    write_json_atomic,
)
from scenarios.common import ScenarioError
from scenarios.spec import ScenarioSpec, load_scenario

__all__ = [
    "BatchEvent",
    "BatchInterrupted",
    "BatchSummary",
    "Engine",
    "inputs_fingerprint",
    "load_results",
    "run_batch",
    "write_json_atomic",
]

log = logging.getLogger(__name__)

WORKER_PRELOAD = "scenarios.batch.worker_init"
"""Module run in every local worker process at start-up (see its docstring)."""

Engine = Callable[[ScenarioSpec], dict[str, Any]]
Status = Literal["done", "skipped", "failed"]


@dataclass(frozen=True, slots=True)
class BatchEvent:
    """One scenario finished (or was skipped, or failed); ``done`` of ``total`` so far."""

    name: str
    status: Status
    done: int
    total: int
    error: str | None = None


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """What a batch did: names per status and the error message of each failure."""

    out_dir: Path
    done: tuple[str, ...]
    skipped: tuple[str, ...]
    failed: dict[str, str] = field(default_factory=dict)
    elapsed_s: float = 0.0

    @property
    def ok(self) -> bool:
        """True when no scenario failed."""
        return not self.failed


class BatchInterrupted(KeyboardInterrupt):
    """Ctrl-C stopped a batch; ``summary`` says what finished (and was stored) before it.

    Nothing that was still running is stored: a rerun resumes with the scenarios left.
    """

    def __init__(self, summary: BatchSummary) -> None:
        super().__init__("interrupted")
        self.summary = summary


def _expand(files: Sequence[Path]) -> tuple[dict[str, ScenarioSpec], dict[str, str]]:
    """Load every file plus the comparators they name; bad files become failures."""
    specs: dict[str, ScenarioSpec] = {}
    failed: dict[str, str] = {}
    seen_paths: dict[str, str] = {}
    queue = [Path(f) for f in files]
    while queue:
        file = queue.pop(0)
        key = str(file.resolve())
        if key in seen_paths:
            continue
        taken = set(specs) | set(failed)
        try:
            spec = load_scenario(file)
        except Exception as exc:  # any file problem fails this file only (see load_failure)
            name = batch_key(file.stem, file.parent.name, taken)
            failed[name] = load_failure(file, exc)
            seen_paths[key] = name
            continue
        # two files may share a name (two baseline.toml of different folders): both run
        name = batch_key(spec.name, file.parent.name, taken)
        seen_paths[key] = name
        specs[name] = spec
        if spec.compare_to is not None:
            queue.append(Path(spec.compare_to))
    return specs, failed


def _execute(engine: Engine, spec: ScenarioSpec) -> dict[str, Any]:
    """Runs on a worker: the engine plus its wall time; exceptions travel back to the client."""
    start, cpu = time.perf_counter(), time.process_time()
    result = engine(spec)
    return {
        "result": result,
        "elapsed_s": time.perf_counter() - start,
        "cpu_s": time.process_time() - cpu,
    }


@contextlib.contextmanager
def _client(workers: int, scheduler: str | None) -> Iterator[Any]:
    from distributed import Client, LocalCluster

    if scheduler is not None:
        with Client(scheduler, timeout="10s") as client:  # type: ignore[no-untyped-call]
            yield client
        return
    with (
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            scheduler_port=0,  # any free port: no fixed ports (8786 may be taken)
            dashboard_address=None,  # no dashboard: nobody reads it
            # ... but the scheduler still serves its health routes over HTTP, on 8787 unless
            # told otherwise (and warns when 8787 is taken): any free loopback port instead
            scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
            memory_limit="8GiB",  # two workers fit a 24 GiB machine; 4 GiB paused them
            silence_logs=logging.CRITICAL,  # failures are reported by the batch itself
            preload=[WORKER_PRELOAD],  # workers never receive the terminal's Ctrl-C
        ) as cluster,
        Client(cluster) as client,  # type: ignore[no-untyped-call]
    ):
        yield client


def _error_message(spec: ScenarioSpec, exc: BaseException) -> str:
    """One line naming the scenario file; scenario errors already name file and key."""
    if isinstance(exc, ScenarioError):
        return str(exc)
    return f"{Path(spec.path or spec.name).name}: {type(exc).__name__}: {exc}"


def _default_engine() -> Engine:
    from scenarios.run import run_scenario_json

    engine: Engine = run_scenario_json
    return engine


def run_batch(
    files: Sequence[str | Path],
    out_dir: str | Path,
    *,
    workers: int = 2,
    scheduler: str | None = None,
    engine: Engine | None = None,
    shared_fingerprint: str | None = None,
    on_event: Callable[[BatchEvent], None] | None = None,
) -> BatchSummary:
    """Run scenario files in parallel and write one result file per scenario.

    Parameters
    ----------
    files
        Scenario TOML files; comparators they name (``compare_to`` or their root parent)
        are added to the batch.
    out_dir
        Output folder; results go to ``out_dir/results/``.
    workers
        Worker processes of the local Dask cluster (ignored with ``scheduler``).
    scheduler
        Address of an existing Dask scheduler, e.g. ``tcp://host:8786``.
    engine
        Per-scenario function (picklable); defaults to the real engine.
    shared_fingerprint
        Hash of everything besides the scenario that the results depend on; defaults to
        :func:`inputs_fingerprint` (data files and code).
    on_event
        Called in this process each time a scenario finishes, is skipped or fails.
    """
    if workers < 1:
        msg = f"Expected workers >= 1; got {workers}."
        raise ScenarioError(msg)
    start = time.perf_counter()
    out = Path(out_dir)
    (out / "results").mkdir(parents=True, exist_ok=True)
    run = engine or _default_engine()
    shared = shared_fingerprint if shared_fingerprint is not None else inputs_fingerprint()
    clean_stale_tmp(out)
    specs, failed = _expand([Path(f) for f in files])
    total = len(specs) + len(failed)
    done: list[str] = []
    skipped: list[str] = []

    def emit(name: str, status: Status, error: str | None = None) -> None:
        if on_event is not None:
            finished = len(done) + len(skipped) + len(failed)
            on_event(BatchEvent(name, status, finished, total, error))

    for name, error in failed.items():
        record_failure(out, name, None, error, "")
        emit(name, "failed", error)
    fingerprints = {name: fingerprint(spec, shared) for name, spec in specs.items()}
    todo = {n: s for n, s in specs.items() if not is_fresh(out, n, fingerprints[n])}
    for name in specs:
        if name not in todo:
            skipped.append(name)
            emit(name, "skipped")
    try:
        if todo:
            plan = _Plan(todo, fingerprints, out, run)
            _run_on_dask(plan, workers, scheduler, done=done, failed=failed, emit=emit)
    except KeyboardInterrupt:
        elapsed = time.perf_counter() - start
        raise BatchInterrupted(
            BatchSummary(out, tuple(done), tuple(skipped), dict(failed), elapsed)
        ) from None
    return BatchSummary(out, tuple(done), tuple(skipped), failed, time.perf_counter() - start)


def _expected_cost(out: Path, spec: ScenarioSpec) -> int:
    """A priority for the scheduler: longest scenarios first, so no worker idles at the end.

    The wall time of an earlier result of the same scenario (even a stale one) when there is
    one, else a rough guess: road changes and two seasons make a scenario slower.
    """
    try:
        stored = json.loads(result_path(out, spec.name).read_text(encoding="utf-8"))
        return round(float(stored["elapsed_s"]) * 10)
    except (OSError, ValueError, KeyError, TypeError):
        seasons = len(set(spec.seasons))
        return 50 * seasons + 50 * int(spec.has_network_changes) + 20 * int(bool(spec.hubs.add))


@dataclass(frozen=True, slots=True)
class _Plan:
    todo: dict[str, ScenarioSpec]
    fingerprints: dict[str, str]
    out: Path
    run: Engine


def _run_on_dask(
    plan: _Plan,
    workers: int,
    scheduler: str | None,
    *,
    done: list[str],
    failed: dict[str, str],
    emit: Callable[..., None],
) -> None:
    todo, fingerprints, out, run = plan.todo, plan.fingerprints, plan.out, plan.run
    from distributed import as_completed

    with _client(min(workers, len(todo)), scheduler) as client:
        futures = {
            client.submit(
                _execute,
                run,
                spec,
                key=f"scenario-{name}-{fingerprints[name][:12]}",
                priority=_expected_cost(out, spec),
            ): name
            for name, spec in todo.items()
        }
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            name = futures[future]
            spec = todo[name]
            try:
                output = future.result()
            except Exception as exc:  # any engine error is recorded, the batch goes on
                message = _error_message(spec, exc)
                tb = "".join(traceback.format_exception(exc))
                failed[name] = message
                record_failure(out, name, spec, message, tb)
                log.warning("scenario %s failed: %s", name, message)
                emit(name, "failed", message)
                continue
            try:  # writing fails this scenario only (a full disk, a value JSON cannot hold)
                record_success(out, spec, fingerprints[name], output, key=name)
            except (NotProvenOptimalError, OSError, ValueError, TypeError) as exc:
                # an unproven answer is stored as a failure, so the next run solves it again
                why = "" if isinstance(exc, NotProvenOptimalError) else "result not written: "
                message = f"{Path(spec.path or spec.name).name}: {why}{exc}"
                failed[name] = message
                record_failure(out, name, spec, message, "")
                emit(name, "failed", message)
                continue
            done.append(name)
            emit(name, "done")
