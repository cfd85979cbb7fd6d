"""How long the app makes a user wait, in a real chromium against a real `streamlit run app.py`.

Prints one line per interaction (wall seconds, from the click or navigation until the app's
script run is over and the page shows what it should); not a test gate. Scenario results are
stored in a fresh temporary folder, so the comparison is measured first without stored runs
(the consolidation cache in ``.cache/derived`` is used as it is) and then again with them.

Run: ``python -m benchmarks app`` (needs /usr/bin/chromium); ``BOLAVEN_BENCH_APP_COMPARE=0``
leaves out the scenario comparison. The machine's load changes the
numbers; the load average is printed with them.
"""

from __future__ import annotations

import contextlib
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.browser_harness import RUNNING, app_server, launch

MAP = '[data-testid="stDeckGlJsonChart"] canvas'
COMPARED = ("Pave the Bolaven", "Diesel price", "Halve the waiting")
"""The three library scenarios compared (by the start of their titles)."""


def _settle(page: Any, *, timeout_ms: int = 300_000) -> None:
    """Wait for the script run the last action started to end, then for two painted frames."""
    from playwright.sync_api import TimeoutError as NotSeen

    with contextlib.suppress(NotSeen):  # a run shorter than the poll: nothing to wait for
        page.wait_for_selector(RUNNING, state="attached", timeout=1_500)
    page.locator(RUNNING).first.wait_for(state="detached", timeout=timeout_ms)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def _timed(action: Callable[[], None]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _open(page: Any, url: str, ready: Callable[[], None]) -> float:
    def go() -> None:
        page.goto(url)
        ready()
        _settle(page)

    return _timed(go)


def _compare(page: Any, url: str) -> tuple[float, list[str]]:
    """Pick three scenarios, run them; the wall time and the progress labels seen."""
    page.goto(f"{url}/compare")
    picker = page.locator('[data-testid="stMultiSelect"]')
    picker.wait_for()
    _settle(page)
    for title in COMPARED[1:]:
        picker.locator("input").click()
        page.keyboard.type(title)
        page.get_by_role("option").first.click()
        _settle(page)
    page.keyboard.press("Escape")
    labels: list[str] = []
    start = time.perf_counter()
    page.get_by_role("button", name="Run and compare").click()
    done = page.get_by_text("scenario runs done").or_(page.get_by_text("The comparison failed"))
    while not done.count():
        for text in page.locator('[data-testid="stExpander"] summary').all_inner_texts():
            if "Running" in text and text not in labels:
                labels.append(text)
        page.wait_for_timeout(100)
    _settle(page)
    return time.perf_counter() - start, labels


def _network_toggles(page: Any, url: str) -> list[float]:
    """Switch the network map's colouring back and forth; seconds per switch."""
    times = []
    for label in ("Wet-season passability", "Surface") * 2:
        radio = page.get_by_text(label, exact=True).first
        times.append(_timed(lambda radio=radio: (radio.click(), _settle(page))))
    return times


def run(url: str) -> list[tuple[str, float, str]]:
    """Every measurement: (what, seconds, note)."""
    from playwright.sync_api import sync_playwright

    rows: list[tuple[str, float, str]] = []
    with sync_playwright() as pw:
        browser = launch(pw)
        for attempt in ("cold server", "warm"):
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(300_000)
            first = _open(
                page, url, lambda p=page: p.get_by_text("pickups loaded").first.wait_for()
            )
            rows.append(("first page interactive", first, attempt))
            network = _open(page, f"{url}/network", lambda p=page: p.wait_for_selector(MAP))
            rows.append(("network page", network, attempt))
            page.close()
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(300_000)
        _open(page, f"{url}/network", lambda: page.wait_for_selector(MAP))
        toggles = _network_toggles(page, url)
        rows.append(
            ("layer toggle (median of 4)", statistics.median(toggles), f"max {max(toggles):.2f} s")
        )
        attempts = ("no stored runs", "stored runs")
        for attempt in attempts if os.environ.get("BOLAVEN_BENCH_APP_COMPARE", "1") == "1" else ():
            seconds, labels = _compare(page, url)
            rows.append(
                (
                    "compare 3 scenarios",
                    seconds,
                    f"{attempt}; progress: {' | '.join(labels) or 'none seen'}",
                )
            )
        browser.close()
    return rows


def script_runs() -> list[tuple[str, float, str]]:
    """The server's share: one page script run in-process (Streamlit's AppTest), no browser."""
    from streamlit.testing.v1 import AppTest

    from tests.browser_harness import ROOT

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    rows = [("script: first page", _timed(at.run), "cold process (network loaded)")]
    at.switch_page("app_pages/network_data.py")
    rows.append(("script: network page", _timed(at.run), "first run (roads cached)"))
    rows.append(("script: network page", _timed(at.run), "again"))
    toggle = at.radio(key="net_colour_by.en").set_value("wet")
    rows.append(("script: layer toggle", _timed(toggle.run), ""))
    return rows


def main() -> None:
    if not Path("/usr/bin/chromium").exists():
        print("skipped: /usr/bin/chromium is missing (apt-get install chromium)")
        return
    with tempfile.TemporaryDirectory(prefix="bolaven-bench-app-") as results:
        os.environ["BOLAVEN_APP_RESULTS"] = results
        with app_server(Path(results) / "server.log") as url:
            rows = run(url)
    rows += script_runs()
    load = os.getloadavg()
    print(f"load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} on {os.cpu_count()} cores")
    for what, seconds, note in rows:
        print(f"{what:<28} {seconds:7.2f} s   {note}")


if __name__ == "__main__":
    main()
