"""Shared fixtures: the `bolaven` CLI in-process; a real `streamlit run app.py` server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
SERVER_START_TIMEOUT_S = 90


@dataclass(frozen=True)
class CliRun:
    """Exit code and captured output of one in-process ``bolaven`` run."""

    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliRun]:
    """Run ``bolaven ARGS`` in this process (``scenarios.cli.main(args)``), as the shell would."""
    from scenarios.cli import main

    def run(*args: str | Path) -> CliRun:
        capsys.readouterr()
        try:
            main([str(a) for a in args])
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
        out = capsys.readouterr()
        return CliRun(code, out.out, out.err)

    return run


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_healthy(url: str, proc: subprocess.Popen[bytes], timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            msg = f"streamlit exited with code {proc.returncode} before it was healthy"
            raise RuntimeError(msg)
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.25)
    msg = f"streamlit was not healthy at {url} within {timeout_s} s"
    raise RuntimeError(msg)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Keep each phase's report on the test item (``item.report_call``) for failure artifacts."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session", autouse=True)
def _fresh_app_results(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Scenario results stored by the app start empty in each test session (set before the
    browser server starts, so it shares them with the in-process AppTests)."""
    saved = os.environ.get("BOLAVEN_APP_RESULTS")
    os.environ["BOLAVEN_APP_RESULTS"] = str(tmp_path_factory.mktemp("app-results"))
    yield
    if saved is None:
        os.environ.pop("BOLAVEN_APP_RESULTS", None)
    else:
        os.environ["BOLAVEN_APP_RESULTS"] = saved


@pytest.fixture(scope="session")
def streamlit_url() -> Iterator[str]:
    """Start `streamlit run app.py` headless on a free port; yield its URL; stop it afterwards."""
    port = _free_port()
    ARTIFACTS.mkdir(exist_ok=True)
    log = (ARTIFACTS / "streamlit-server.log").open("wb")
    cmd = [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=os.environ)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc, SERVER_START_TIMEOUT_S)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
