"""Batch runs on a real local Dask cluster: failure isolation, atomic results, resume."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from scenarios.batch.runner import (
    BatchEvent,
    inputs_fingerprint,
    load_results,
    run_batch,
    write_json_atomic,
)
from scenarios.spec.schema import ScenarioSpec

REPO = Path(__file__).resolve().parents[3]


def tiny_engine(spec: ScenarioSpec) -> dict[str, Any]:
    """A cheap real engine: cost = 100 x volume factor; diesel_factor 13 fails; may sleep.

    Diesel factor 7 stands for a solve that stopped on its work limit (status ``feasible``).
    """
    if spec.costs.diesel_factor == 13:
        msg = "unlucky diesel factor"
        raise RuntimeError(msg)
    if spec.name == "slow" and os.environ.get("BOLAVEN_TEST_SLEEP_S"):
        time.sleep(float(os.environ["BOLAVEN_TEST_SLEEP_S"]))
    stopped = spec.costs.diesel_factor == 7
    solver = {
        "status": "feasible" if stopped else "optimal",
        "mip_gap": 0.02 if stopped else 0.0,
        "proven_optimal": not stopped,
    }
    return {
        "kpis": {"annual_cost_lak": 100.0 * spec.demand.volume_factor},
        "solver": solver,
        "pid": os.getpid(),
        "pgid": os.getpgrp(),
    }


def _library(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "base.toml": "",
        "grow.toml": 'extends = "base.toml"\n[demand]\nvolume_factor = 1.5\n',
        "fails.toml": 'extends = "base.toml"\n[costs]\ndiesel_factor = 13\n',
        "broken.toml": 'extends = "base.toml"\n[costs]\ndiesel_factr = 2\n',
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / n for n in ("grow.toml", "fails.toml", "broken.toml")]


@pytest.mark.slow  # starts a Dask cluster
def test_failures_are_isolated_and_rerun_skips_finished(tmp_path: Path) -> None:
    """A broken file and a failing engine are recorded; the rest is written; rerun skips them."""
    files = _library(tmp_path / "lib")
    out = tmp_path / "out"
    events: list[BatchEvent] = []
    summary = run_batch(
        files, out, workers=2, engine=tiny_engine, shared_fingerprint="v1", on_event=events.append
    )
    assert sorted(summary.done) == ["base", "grow"]  # base joins as the comparator of grow
    assert set(summary.failed) == {"fails", "broken"}
    assert "unknown key 'diesel_factr'" in summary.failed["broken"]
    assert "RuntimeError: unlucky diesel factor" in summary.failed["fails"]
    assert not summary.ok
    assert [e.done for e in events] == [1, 2, 3, 4]
    results, errors = load_results(out)
    assert {r["name"]: r["result"]["kpis"]["annual_cost_lak"] for r in results} == {
        "base": 100.0,
        "grow": 150.0,
    }
    assert {e["name"] for e in errors} == {"fails", "broken"}

    again = run_batch(files, out, workers=2, engine=tiny_engine, shared_fingerprint="v1")
    assert sorted(again.skipped) == ["base", "grow"]
    assert again.done == ()
    assert set(again.failed) == {"fails", "broken"}


@pytest.mark.slow  # starts a Dask cluster
def test_changed_inputs_rerun_only_what_changed(tmp_path: Path) -> None:
    """Editing one file reruns it; a new shared fingerprint (data/code) reruns everything."""
    lib = tmp_path / "lib"
    files = _library(lib)[:1]
    out = tmp_path / "out"
    run_batch(files, out, workers=1, engine=tiny_engine, shared_fingerprint="v1")
    (lib / "grow.toml").write_text('extends = "base.toml"\n[demand]\nvolume_factor = 2.0\n')
    second = run_batch(files, out, workers=1, engine=tiny_engine, shared_fingerprint="v1")
    assert second.done == ("grow",)
    assert second.skipped == ("base",)
    third = run_batch(files, out, workers=1, engine=tiny_engine, shared_fingerprint="v2")
    assert sorted(third.done) == ["base", "grow"]
    results, _ = load_results(out)
    assert {r["name"]: r["result"]["kpis"]["annual_cost_lak"] for r in results}["grow"] == 200.0


@pytest.mark.slow  # starts a Dask cluster
def test_fixed_error_replaces_error_file(tmp_path: Path) -> None:
    """Once a broken file is fixed its error record disappears and its result appears."""
    lib = tmp_path / "lib"
    files = _library(lib)
    out = tmp_path / "out"
    run_batch([files[2]], out, workers=1, engine=tiny_engine, shared_fingerprint="v1")
    assert (out / "results" / "broken.error.json").exists()
    (lib / "broken.toml").write_text('extends = "base.toml"\n[costs]\ndiesel_factor = 2\n')
    summary = run_batch([files[2]], out, workers=1, engine=tiny_engine, shared_fingerprint="v1")
    assert summary.ok
    assert not (out / "results" / "broken.error.json").exists()
    assert (out / "results" / "broken.json").exists()


def test_atomic_write_leaves_no_temporary_files(tmp_path: Path) -> None:
    """write_json_atomic replaces the file whole and leaves no temporary file behind."""
    target = tmp_path / "r" / "a.json"
    write_json_atomic(target, {"x": 1})
    write_json_atomic(target, {"x": 2})
    assert json.loads(target.read_text()) == {"x": 2}
    assert [p.name for p in target.parent.iterdir()] == ["a.json"]


def test_bad_worker_count_is_rejected(tmp_path: Path) -> None:
    """workers must be at least 1."""
    with pytest.raises(ValueError, match="workers >= 1; got 0"):
        run_batch([], tmp_path, workers=0, engine=tiny_engine, shared_fingerprint="v1")


def _wait_for_first_result(result: Path, proc: subprocess.Popen[Any]) -> None:
    """Wait (up to 90 s) until ``result`` is stored while the batch process still runs."""
    for _ in range(900):
        if result.exists() or proc.poll() is not None:
            break
        time.sleep(0.1)
    assert result.exists(), "the fast scenario never finished"
    assert proc.poll() is None, "the batch ended before it could be stopped"


_KILLED_BATCH = """
import sys
from tests.scenarios.batch.test_runner import tiny_engine
from scenarios.batch.runner import run_batch
run_batch(sys.argv[1:-1], sys.argv[-1], workers=2, engine=tiny_engine, shared_fingerprint="v1")
"""


@pytest.mark.slow
def test_killed_batch_resumes_without_redoing(tmp_path: Path) -> None:
    """Kill a batch after the first result lands; the rerun keeps it and finishes the rest."""
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "fast.toml").write_text("")
    (lib / "slow.toml").write_text("")
    out = tmp_path / "out"
    env = {**os.environ, "BOLAVEN_TEST_SLEEP_S": "120", "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            _KILLED_BATCH,
            str(lib / "fast.toml"),
            str(lib / "slow.toml"),
            str(out),
        ],
        cwd=REPO,
        env=env,
        start_new_session=True,
    )
    fast = out / "results" / "fast.json"
    try:
        _wait_for_first_result(fast, proc)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    before = fast.stat().st_mtime_ns
    assert not (out / "results" / "slow.json").exists()
    summary = run_batch(
        [lib / "fast.toml", lib / "slow.toml"],
        out,
        workers=1,
        engine=tiny_engine,
        shared_fingerprint="v1",
    )
    assert summary.skipped == ("fast",)
    assert summary.done == ("slow",)
    assert fast.stat().st_mtime_ns == before


@pytest.mark.slow  # starts a Dask cluster
def test_existing_scheduler_address_is_used(tmp_path: Path) -> None:
    """With a scheduler address the batch runs on that (real, already running) Dask cluster."""
    from distributed import LocalCluster

    lib = tmp_path / "lib"
    files = _library(lib)[:1]
    with LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
    ) as cluster:
        summary = run_batch(
            files,
            tmp_path / "out",
            scheduler=cluster.scheduler_address,
            engine=tiny_engine,
            shared_fingerprint="v1",
        )
    assert sorted(summary.done) == ["base", "grow"]
    results, _ = load_results(tmp_path / "out")
    assert len({r["result"]["pid"] for r in results}) == 1  # the one worker of that cluster


def test_inputs_fingerprint_follows_engine_code_and_data(tmp_path: Path) -> None:
    """Data and engine code change the fingerprint; report or CLI code does not."""
    for folder in ("data", "networks", "optimizer", "scenarios/run", "scenarios/batch"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "data" / "hubs.csv").write_text("hub_id\npakse\n")
    (tmp_path / "scenarios" / "run" / "resolve.py").write_text("x = 1\n")
    (tmp_path / "scenarios" / "batch" / "report.py").write_text("y = 1\n")
    first = inputs_fingerprint(tmp_path)
    (tmp_path / "scenarios" / "batch" / "report.py").write_text("y = 2\n")
    (tmp_path / "scenarios" / "batch" / "runner.py").write_text("z = 1\n")
    assert inputs_fingerprint(tmp_path) == first
    (tmp_path / "scenarios" / "run" / "resolve.py").write_text("x = 2\n")
    second = inputs_fingerprint(tmp_path)
    assert second != first
    (tmp_path / "data" / "hubs.csv").write_text("hub_id\npaksong\n")
    assert inputs_fingerprint(tmp_path) != second


def test_longest_scenarios_are_scheduled_first(tmp_path: Path) -> None:
    """Priority comes from an earlier result's wall time, else from road changes and seasons."""
    from scenarios.batch.runner import _expected_cost
    from scenarios.spec.schema import load_scenario

    (tmp_path / "wet.toml").write_text("seasons = ['wet']\n")
    (tmp_path / "road.toml").write_text("[[road_upgrade]]\nref = '16'\nsurface = 'paved'\n")
    wet, road = load_scenario(tmp_path / "wet.toml"), load_scenario(tmp_path / "road.toml")
    out = tmp_path / "out"
    assert _expected_cost(out, road) > _expected_cost(out, wet)
    write_json_atomic(out / "results" / "wet.json", {"elapsed_s": 99.0})
    assert _expected_cost(out, wet) == 990 > _expected_cost(out, road)


def test_unproven_result_is_never_stored_and_is_solved_again(tmp_path: Path) -> None:
    """A solve that was not proven optimal is a failure naming its status and gap; a stored
    result without proof (from an older version) is solved again on the next run."""
    lib = tmp_path / "lib"
    _library(lib)
    (lib / "limit.toml").write_text('extends = "base.toml"\n[costs]\ndiesel_factor = 7\n')
    out = tmp_path / "out"
    summary = run_batch(
        [lib / "limit.toml"], out, workers=1, engine=tiny_engine, shared_fingerprint="v1"
    )
    assert summary.done == ("base",)
    assert "status 'feasible'" in summary.failed["limit"]
    assert "2.0000 %" in summary.failed["limit"]
    assert not (out / "results" / "limit.json").exists()
    stored = out / "results" / "base.json"
    payload = json.loads(stored.read_text())
    payload["result"]["solver"] = {"status": "feasible", "mip_gap": 0.01, "proven_optimal": False}
    write_json_atomic(stored, payload)
    again = run_batch(
        [lib / "base.toml"], out, workers=1, engine=tiny_engine, shared_fingerprint="v1"
    )
    assert again.done == ("base",)
    assert json.loads(stored.read_text())["result"]["solver"]["proven_optimal"] is True


def _occupy(port: int) -> socket.socket | None:
    """Listen on 127.0.0.1:port as another program would; None when it is already taken."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind(("127.0.0.1", port))
    except OSError:
        sock.close()
        return None
    sock.listen(1)
    return sock


def test_batch_runs_with_dask_default_ports_taken(tmp_path: Path) -> None:
    """With ports 8786 (scheduler) and 8787 (dashboard) in use, a 2-worker batch still runs."""
    held = [s for s in (_occupy(8786), _occupy(8787)) if s is not None]
    try:
        files = _library(tmp_path / "lib")[:1]
        summary = run_batch(
            files, tmp_path / "out", workers=2, engine=tiny_engine, shared_fingerprint="v1"
        )
    finally:
        for sock in held:
            sock.close()
    assert summary.ok
    assert sorted(summary.done) == ["base", "grow"]


_INTERRUPTED_CLI = """
import sys
import scenarios.batch.runner as runner
from tests.scenarios.batch.test_runner import tiny_engine
runner._default_engine = lambda: tiny_engine
from scenarios.cli.root import main
sys.argv = ["bolaven", "scenarios", "run", *sys.argv[1:-1], "--out", sys.argv[-1], "-w", "2"]
main()
"""


@pytest.mark.slow
def test_ctrl_c_stops_batch_cleanly_and_resume_finishes(tmp_path: Path) -> None:
    """SIGINT to the CLI's process group (a terminal's Ctrl-C) exits 130 with one line; the
    workers, in their own process group, never get it; the unfinished scenario is not stored
    and a rerun finishes it without redoing the finished one."""
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "fast.toml").write_text("")
    (lib / "slow.toml").write_text("")
    out = tmp_path / "out"
    env = {**os.environ, "BOLAVEN_TEST_SLEEP_S": "120", "PYTHONPATH": str(REPO)}
    files = [str(lib / "fast.toml"), str(lib / "slow.toml")]
    proc = subprocess.Popen(
        [sys.executable, "-c", _INTERRUPTED_CLI, *files, str(out)],
        cwd=REPO,
        env=env,
        start_new_session=True,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    fast = out / "results" / "fast.json"
    try:
        _wait_for_first_result(fast, proc)
        os.killpg(proc.pid, signal.SIGINT)
        _, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert lines[-1].startswith("interrupted: 1 finished and stored;"), stderr
    assert "Traceback" not in stderr
    assert "KeyboardInterrupt" not in stderr
    result = json.loads(fast.read_text())["result"]
    assert result["pgid"] != proc.pid  # the worker left the terminal's process group
    assert not (out / "results" / "slow.json").exists()
    assert not (out / "results" / "slow.error.json").exists()
    before = fast.stat().st_mtime_ns
    summary = run_batch(files, out, workers=1, engine=tiny_engine)
    assert summary.skipped == ("fast",)
    assert summary.done == ("slow",)
    assert fast.stat().st_mtime_ns == before
