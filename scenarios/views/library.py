"""Scenario files and stored runs for the Compare scenarios page.

Library listing, staged uploads that may only extend library files, content keys, and runs
stored on disk so the same scenario on the same data and code is never solved twice.
"""

from __future__ import annotations

import logging
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from scenarios.views.common import LIBRARY, ROOT, check_upload_size, stage_upload

if TYPE_CHECKING:
    from scenarios.spec import ScenarioSpec

logger = logging.getLogger(__name__)


def library_scenarios() -> pd.DataFrame:
    """The shipped scenario files: ``name``, ``description``, ``file`` (absolute path)."""
    from scenarios.spec import load_scenario

    rows = []
    for path in sorted(LIBRARY.glob("*.toml")):
        try:
            spec = load_scenario(path)
        except ValueError as exc:  # a broken library file is listed, not fatal
            logger.warning("library scenario %s is invalid: %s", path.name, exc)
            continue
        rows.append({"name": spec.name, "description": spec.description, "file": str(path)})
    return pd.DataFrame(rows, columns=["name", "description", "file"])


def load_scenario_file(path: str | Path) -> ScenarioSpec:
    """A validated :class:`scenarios.spec.schema.ScenarioSpec` (raises ``ScenarioError``)."""
    from scenarios.spec import load_scenario

    return load_scenario(path)


def stage_scenario_upload(data: bytes, *, directory: Path | None = None) -> Path:
    """Stage an uploaded TOML scenario next to copies of the library files and return its path.

    The upload gets a generated name (never the uploaded one); the library copies let it
    ``extends = "baseline.toml"`` like the shipped files do.
    """
    import hashlib
    import shutil
    import tempfile

    check_upload_size(len(data))
    digest = hashlib.sha256(data).hexdigest()[:20]
    _check_parent_names(data, f"upload-{digest}.toml")
    base = directory or Path(tempfile.gettempdir()) / "bolaven-uploads"
    folder = base / f"scenario-{digest}"
    folder.mkdir(parents=True, exist_ok=True)
    for lib in LIBRARY.glob("*.toml"):
        target = folder / lib.name
        if not target.exists():
            shutil.copyfile(lib, target)
    return stage_upload(data, suffix=".toml", directory=folder)


def _check_parent_names(data: bytes, label: str) -> None:
    """An uploaded scenario may only extend or compare to a library file, named plainly."""
    try:
        doc = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return  # the scenario loader reports the syntax error with line and column
    library = sorted(p.name for p in LIBRARY.glob("*.toml"))
    for key in ("extends", "compare_to"):
        value = doc.get(key)
        if value is not None and value not in library:
            msg = (
                f"{label}: key {key!r}: expected the name of a library scenario "
                f"({', '.join(library)}); got {value!r}"
            )
            raise ValueError(msg)


def scenario_key(spec: ScenarioSpec) -> str:
    """A stable cache key of a resolved scenario's content."""
    from scenarios.spec import scenario_fingerprint

    return str(scenario_fingerprint(spec))


def results_cache_dir() -> Path:
    """Where the app keeps scenario results.

    ``$BOLAVEN_APP_RESULTS`` if set, else ``app-results`` under ``$BOLAVEN_CACHE_DIR`` or the
    repository's ``.cache/``.
    """
    import os

    if os.environ.get("BOLAVEN_APP_RESULTS"):
        return Path(os.environ["BOLAVEN_APP_RESULTS"])
    override = os.environ.get("BOLAVEN_CACHE_DIR")
    return (Path(override) if override else ROOT / ".cache") / "app-results"


def stored_result_path(spec: ScenarioSpec, *, cache_dir: Path | None = None) -> Path:
    """Where the run of ``spec`` is stored: keyed by the scenario's content and the batch's
    input fingerprint (data files and code), under :func:`results_cache_dir`."""
    import hashlib

    from scenarios.batch import inputs_fingerprint

    key = hashlib.sha256(f"{scenario_key(spec)}:{inputs_fingerprint()}".encode()).hexdigest()
    return (cache_dir or results_cache_dir()) / f"{key}.json"


def run_scenario_payload(spec: ScenarioSpec, *, cache_dir: Path | None = None) -> dict[str, Any]:
    """Run one scenario (or reuse a stored run); the payload has a batch result file's shape.

    A run is stored at :func:`stored_result_path`, so a rerun of the same scenario on the same
    data and code is read back instead of solved again, across server restarts. Only runs
    proven optimal are stored or read back; any other is solved again.
    """
    import json

    from scenarios.batch import solver_problem, write_json_atomic
    from scenarios.run import run_scenario_json

    stored = stored_result_path(spec, cache_dir=cache_dir)
    if stored.exists():
        try:
            result = json.loads(stored.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            logger.warning("ignoring unreadable stored result %s", stored)
        else:
            if solver_problem(result) is None:
                logger.info("scenario %s: stored result %s", spec.name, stored.name)
                return _payload(spec, result)
    result = run_scenario_json(spec)
    problem = solver_problem(result)
    if problem is None:
        write_json_atomic(stored, result)
    else:
        logger.warning("scenario %s: %s", spec.name, problem)
    return _payload(spec, result)


def _payload(spec: ScenarioSpec, result: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": spec.name,
        "status": "ok",
        "path": spec.path,
        "compare_to": spec.compare_to,
        "spec": spec.model_dump(mode="json"),
        "result": result,
    }


def baseline_file(spec: ScenarioSpec) -> Path:
    """The file a scenario is compared against (its ``compare_to``, else the library baseline)."""
    return Path(spec.compare_to) if spec.compare_to else LIBRARY / "baseline.toml"
