"""The real-browser harness shared by the browser tests, `benchmarks/bench_app.py` and the
screenshot script: a `streamlit run app.py` server on a free loopback port, and Debian's
chromium driven by Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SERVER_START_TIMEOUT_S = 90
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--enable-unsafe-swiftshader",  # software WebGL for the deck.gl maps
]
RUNNING = '[data-testid="stStatusWidgetRunningIcon"]'  # shown while the script runs


def free_port() -> int:
    """A TCP port free on the loopback interface now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(url: str, proc: subprocess.Popen[bytes], timeout_s: float) -> None:
    """Return once the server at ``url`` answers its health check; fail if it exits or is late."""
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


@contextmanager
def app_server(log_path: Path) -> Iterator[str]:
    """Start `streamlit run app.py` headless on a free loopback port; yield its URL; stop it."""
    port = free_port()
    log_path.parent.mkdir(parents=True, exist_ok=True)
    cmd = [
        sys.executable, "-m", "app_pages.serve",  # streamlit run app.py, imports warmed
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    with log_path.open("wb") as log:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=os.environ)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(url, proc, SERVER_START_TIMEOUT_S)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def launch(playwright: Any) -> Any:
    """A headless Debian chromium (software WebGL for the maps)."""
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )


def wait_idle(page: Any, *, timeout_ms: int = 120_000) -> None:
    """Wait until the app's script run is over (Streamlit shows its running icon a moment after
    a rerun starts, so look a little later)."""
    page.wait_for_timeout(300)
    page.locator(RUNNING).first.wait_for(state="detached", timeout=timeout_ms)
