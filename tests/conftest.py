"""Shared fixtures: the `bolaven` CLI in-process; a real `streamlit run app.py` server."""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"


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
    from tests.browser_harness import app_server

    with app_server(ARTIFACTS / "streamlit-server.log") as url:
        yield url
