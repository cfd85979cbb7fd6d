"""Batch results on disk: atomic JSON files and the input fingerprints that make reruns skip.

Each scenario's result is ``DIR/results/<name>.json`` (with its fingerprint) or
``DIR/results/<name>.error.json``; both are written atomically (temporary file then
``os.replace``), so a reader sees the old file or the whole new one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from scenarios.batch.names import safe_stem
from scenarios.common import REPO_ROOT
from scenarios.spec import ScenarioSpec, scenario_fingerprint

__all__ = [
    "NotProvenOptimalError",
    "clean_stale_tmp",
    "error_path",
    "fingerprint",
    "inputs_fingerprint",
    "is_fresh",
    "load_results",
    "record_failure",
    "record_success",
    "result_path",
    "solver_problem",
    "write_json_atomic",
]

log = logging.getLogger(__name__)

#: Mode of result files: readable by all, like every other output (mkstemp alone gives 0600).
RESULT_MODE = 0o644
_REPO = REPO_ROOT
_DATA_GLOBS = ("data/*.csv", "data/*.toml", "data/osm/*", "data/admin/*", "data/samples/*")


def write_json_atomic(path: Path, payload: dict[str, Any]) -> None:
    """Write JSON so that readers see the old file or the whole new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, RESULT_MODE)  # mkstemp makes 0600; results are shared like all outputs
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            # allow_nan=False: an inf/nan would write 'Infinity', which is not JSON
            json.dump(payload, handle, indent=1, sort_keys=True, default=str, allow_nan=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _hash_files(digest: Any, root: Path, files: Sequence[Path]) -> None:
    for file in sorted(set(files)):
        if file.is_file() and "__pycache__" not in file.parts:
            digest.update(str(file.relative_to(root)).encode())
            digest.update(file.read_bytes())


# Modules that only present or schedule results: editing them must not invalidate results.
# The rooms of scenarios/ that compute results; appraisal, batch, views and cli only
# compare, schedule or render, and the report is rebuilt from stored results on every run.
_ENGINE_ROOMS = ("common", "consolidate", "pickups", "run", "spec")


def inputs_fingerprint(repo: Path | None = None) -> str:
    """Hash of the data files and of the engine's code (the 'code version').

    Covers ``data/`` (tables, OSM extract, admin layers, samples), all of ``networks`` and
    ``optimizer``, and the ``scenarios`` rooms that compute results; the rooms that only
    render, compare or schedule (``appraisal``, ``batch``, ``views``, ``cli``) are
    left out, since the report is rebuilt from the stored results on every run.
    """
    root = repo or _REPO
    digest = hashlib.sha256()
    data = [f for pattern in _DATA_GLOBS for f in root.glob(pattern)]
    code = [f for name in ("networks", "optimizer") for f in root.glob(f"{name}/**/*.py")]
    code += [f for room in _ENGINE_ROOMS for f in root.glob(f"scenarios/{room}/**/*.py")]
    _hash_files(digest, root, data)
    _hash_files(digest, root, code)
    return digest.hexdigest()


def fingerprint(spec: ScenarioSpec, shared: str) -> str:
    """The result fingerprint: the scenario's content hash joined with ``shared``."""
    return hashlib.sha256(f"{scenario_fingerprint(spec)}:{shared}".encode()).hexdigest()


def result_path(out_dir: Path, name: str) -> Path:
    """Where the result of scenario ``name`` (its batch key) is stored; see :func:`safe_stem`."""
    return out_dir / "results" / f"{safe_stem(name)}.json"


def error_path(out_dir: Path, name: str) -> Path:
    """Where the failure of scenario ``name`` (its batch key) is stored."""
    return out_dir / "results" / f"{safe_stem(name)}.error.json"


def clean_stale_tmp(out_dir: Path) -> list[Path]:
    """Remove the temporary files a killed run left in ``out_dir/results`` (returns them)."""
    removed = []
    for tmp in (Path(out_dir) / "results").glob(".*.tmp"):
        with contextlib.suppress(OSError):
            tmp.unlink()
            removed.append(tmp)
    if removed:
        log.warning("removed %d temporary file(s) left by an interrupted run", len(removed))
    return removed


class NotProvenOptimalError(RuntimeError):
    """A scenario's solve stopped before proving optimality: its answer is not stored."""


def solver_problem(result: Any) -> str | None:
    """Why an engine result may not be stored as finished, or None when it may.

    A result is finished only when its ``solver`` mapping says ``proven_optimal``: a plan that
    stopped on a work or time limit depends on where the search stopped, not on the inputs.
    """
    solver = result.get("solver") if isinstance(result, dict) else None
    if not isinstance(solver, dict):
        return "the result carries no solver status (expected a 'solver' mapping)"
    if solver.get("proven_optimal") is True:
        return None
    gap = solver.get("mip_gap")
    gap_text = f"{float(gap) * 100:.4f} %" if isinstance(gap, int | float) else "unknown"
    return (
        f"solver stopped with status {solver.get('status')!r} and a proven gap of {gap_text}, "
        "not proven optimal; not stored as a finished result (rerun to solve again)"
    )


def is_fresh(out_dir: Path, name: str, expected: str) -> bool:
    """True when a stored result of ``name`` carries ``expected`` and was proven optimal.

    A result stored by an older version without proof of optimality is solved again.
    """
    path = result_path(out_dir, name)
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if stored.get("fingerprint") != expected:
        return False
    return solver_problem(stored.get("result")) is None


def record_failure(
    out_dir: Path, name: str, spec: ScenarioSpec | None, error: str, tb: str
) -> None:
    """Store a failure (message and traceback) and remove any stale result of ``name``.

    ``name`` is the batch key; the payload shows the scenario's real name when known.
    """
    payload = {
        "name": spec.name if spec is not None else name,
        "key": name,
        "status": "failed",
        "path": spec.path if spec is not None else None,
        "error": error,
        "traceback": tb,
    }
    write_json_atomic(error_path(out_dir, name), payload)
    with contextlib.suppress(FileNotFoundError):
        result_path(out_dir, name).unlink()  # a stale success would contradict the failure


def record_success(
    out_dir: Path, spec: ScenarioSpec, fp: str, output: dict[str, Any], *, key: str | None = None
) -> None:
    """Store a result with its fingerprint and remove any stale failure of the scenario.

    ``key`` is the scenario's key in the batch (its name unless two files share the name).

    Raises
    ------
    NotProvenOptimalError
        When the result was not proven optimal (:func:`solver_problem`); nothing is written.
    """
    problem = solver_problem(output["result"])
    if problem is not None:
        raise NotProvenOptimalError(problem)
    key = key or spec.name
    payload = {
        "name": spec.name,
        "key": key,
        "status": "ok",
        "path": spec.path,
        "compare_to": spec.compare_to,
        "fingerprint": fp,
        "elapsed_s": output["elapsed_s"],
        "cpu_s": output.get("cpu_s"),
        "spec": spec.model_dump(mode="json"),
        "result": output["result"],
    }
    write_json_atomic(result_path(out_dir, key), payload)
    with contextlib.suppress(FileNotFoundError):
        error_path(out_dir, key).unlink()


def load_results(out_dir: str | Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The stored results and failures in ``out_dir/results`` (sorted by file name).

    A file that is not a result of ours (a stray ``notes.json``, a truncated or hand-edited
    file) is skipped with a warning: it never stops the report of the others.
    """
    folder = Path(out_dir) / "results"
    results: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    for file in sorted(folder.glob("*.json")):
        is_error = file.name.endswith(".error.json")
        try:
            payload = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            log.warning("ignored %s in %s: not a readable JSON file (%s)", file.name, folder, exc)
            continue
        if not _is_stored(payload, is_error):
            log.warning("ignored %s in %s: not a scenario result of this batch", file.name, folder)
            continue
        payload.setdefault("key", payload["name"])
        (errors if is_error else results).append(payload)
    return results, errors


def _is_stored(payload: object, is_error: bool) -> bool:
    if not isinstance(payload, dict) or not isinstance(payload.get("name"), str):
        return False
    if is_error:
        return payload.get("status") == "failed" and isinstance(payload.get("error"), str)
    result = payload.get("result")
    return (
        payload.get("status", "ok") == "ok"
        and isinstance(result, dict)
        and isinstance(result.get("kpis"), dict)
    )
