"""How long the app makes a user wait, in a real chromium against a real `streamlit run app.py`.

Prints one line per interaction: wall seconds from the click or navigation until the app's
script run is over and two frames are painted (the map's included), with the browser's own
main-thread work over the same span (Chrome's ``TaskDuration``, of which ``ScriptDuration`` is
JavaScript; the rest is mostly waiting on software WebGL), less load-dependent than the wall
time. Not a test gate.

Scenario results are stored in a fresh temporary folder, so the comparison is measured first
without stored runs (the consolidation cache in ``.cache/derived`` is used as it is), then again
with them, and last on a second server whose derived cache starts empty (``BOLAVEN_CACHE_DIR``
in a fresh folder): what a first user of a new machine waits. The network page is measured
twice: opened from the sidebar (what a user does, the app already loaded) and from its URL (a
whole page load, Streamlit's own start included).

Run: ``python -m benchmarks app`` (needs /usr/bin/chromium); ``BOLAVEN_BENCH_APP_COMPARE=0``
leaves out the scenario comparison. The machine's load changes the numbers; the load average
is printed with them.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.browser_harness import app_server, launch

MAP = '[data-testid="stDeckGlJsonChart"] canvas'
COMPARED = ("Pave the Bolaven", "Diesel price", "Halve the waiting")
"""The three library scenarios compared (by the start of their titles)."""


_WATCH = """() => {
  window.__bolavenRuns = [];
  const app = document.querySelector('[data-testid="stApp"]');
  new MutationObserver(changes => changes.forEach(c => window.__bolavenRuns.push(
    c.target.getAttribute("data-test-script-state")))).observe(
    app, {attributes: true, attributeFilter: ["data-test-script-state"]});
}"""
_RAN = """() => window.__bolavenRuns.includes("running") && document.querySelector(
  '[data-testid="stApp"]').getAttribute("data-test-script-state") === "notRunning";"""
_IDLE = """() => { const app = document.querySelector('[data-testid="stApp"]');
  return app !== null && app.getAttribute("data-test-script-state") === "notRunning"; }"""
_TWO_FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def _frames(page: Any) -> None:
    """Wait for two painted frames: the second starts once the first (with the map) is drawn."""
    page.evaluate(_TWO_FRAMES)


def _loaded(page: Any, *, timeout_ms: int = 300_000) -> None:
    """After a page load: wait for its first script run to end, then for two painted frames."""
    page.wait_for_function(_IDLE, timeout=timeout_ms)
    _frames(page)


def _after(page: Any, action: Callable[[], None], *, timeout_ms: int = 300_000) -> None:
    """Do ``action`` (a click) and wait for the script run it starts to end, then two frames.

    Streamlit's app root carries the script run's state (``data-test-script-state``); a watcher
    installed before the click records every change, so a run too short for the running icon
    to show is still seen, and nothing waits for an icon that never comes (the icon-based wait
    this replaces added up to 1.5 s to every quick interaction).
    """
    page.evaluate(_WATCH)
    action()
    page.wait_for_function(_RAN, timeout=timeout_ms)
    _frames(page)


def _timed(action: Callable[[], None]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


class _BrowserCpu:
    """The page's main-thread busy seconds (Chrome DevTools ``Performance.getMetrics``)."""

    def __init__(self, page: Any) -> None:
        self._cdp = page.context.new_cdp_session(page)
        self._cdp.send("Performance.enable")
        self._last = self._read()

    def _read(self) -> dict[str, float]:
        metrics = self._cdp.send("Performance.getMetrics")["metrics"]
        return {m["name"]: float(m["value"]) for m in metrics}

    def since_last(self) -> str:
        """The busy seconds since the last call, as a note."""
        now = self._read()
        if now["TaskDuration"] < self._last["TaskDuration"]:  # a new document: counts restart
            self._last = dict.fromkeys(now, 0.0)
        task, script = (now[k] - self._last[k] for k in ("TaskDuration", "ScriptDuration"))
        self._last = now
        return f"browser busy {task:.2f} s (JS {script:.2f} s)"


def _open(page: Any, url: str, ready: Callable[[], None]) -> float:
    def go() -> None:
        page.goto(url)
        ready()
        _loaded(page)

    return _timed(go)


def _navigate(page: Any, link: str) -> float:
    """Seconds from a click on the sidebar's ``link`` to the map drawn on the page it opens."""

    def go() -> None:
        _after(page, lambda: page.locator('[data-testid="stSidebarNav"] a', has_text=link).click())
        page.wait_for_selector(MAP)
        _frames(page)

    return _timed(go)


def _compare(page: Any, url: str) -> tuple[float, list[str]]:
    """Pick three scenarios, run them; the wall time and the progress labels seen."""
    page.goto(f"{url}/compare")
    picker = page.locator('[data-testid="stMultiSelect"]')
    picker.wait_for()
    _loaded(page)
    for title in COMPARED[1:]:
        picker.locator("input").click()
        page.keyboard.type(title)
        page.get_by_role("option").first.click()
    page.keyboard.press("Escape")  # the picker may rerun only now, as it closes
    page.wait_for_timeout(500)
    _loaded(page)
    labels: list[str] = []
    start = time.perf_counter()
    page.get_by_role("button", name="Run and compare").click()
    done = page.get_by_text("scenario runs done").or_(page.get_by_text("The comparison failed"))
    while not done.count():
        for text in page.locator('[data-testid="stExpander"] summary').all_inner_texts():
            if "Running" in text and text not in labels:
                labels.append(text)
        page.wait_for_timeout(100)
    _loaded(page)
    return time.perf_counter() - start, labels


def _network_toggles(page: Any, url: str) -> list[float]:
    """Switch the network map's colouring back and forth; seconds per switch."""
    times = []
    for label in ("Wet-season passability", "Surface") * 2:
        radio = page.get_by_text(label, exact=True).first
        times.append(_timed(lambda radio=radio: _after(page, radio.click)))
    return times


def _page(browser: Any) -> Any:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(300_000)
    return page


def run(url: str) -> list[tuple[str, float, str]]:
    """Every measurement but the cold-cache comparison: (what, seconds, note)."""
    from playwright.sync_api import sync_playwright

    rows: list[tuple[str, float, str]] = []
    with sync_playwright() as pw:
        browser = launch(pw)
        for attempt in ("cold server", "warm"):
            page = _page(browser)
            cpu = _BrowserCpu(page)
            first = _open(
                page, url, lambda p=page: p.get_by_text("pickups loaded").first.wait_for()
            )
            rows.append(("first page interactive", first, f"{attempt}; {cpu.since_last()}"))
            network = _navigate(page, "Network")
            canvases = page.locator(MAP).count()
            note = f"{attempt}; {cpu.since_last()}; {canvases} WebGL canvas(es) in the map"
            rows.append(("network page (sidebar)", network, note))
            network = _open(page, f"{url}/network", lambda p=page: p.wait_for_selector(MAP))
            rows.append(("network page (URL)", network, f"{attempt}; {cpu.since_last()}"))
            page.close()
        page = _page(browser)
        _open(page, f"{url}/network", lambda: page.wait_for_selector(MAP))
        cpu = _BrowserCpu(page)
        toggles = _network_toggles(page, url)
        rows.append(
            (
                "layer toggle (median of 4)",
                statistics.median(toggles),
                f"max {max(toggles):.2f} s; 4 toggles {cpu.since_last()}",
            )
        )
        for attempt in ("no stored runs", "stored runs") if _COMPARE else ():
            seconds, labels = _compare(page, url)
            rows.append(("compare 3 scenarios", seconds, f"{attempt}; {_progress(labels)}"))
        browser.close()
    return rows


_COMPARE = os.environ.get("BOLAVEN_BENCH_APP_COMPARE", "1") == "1"


def _progress(labels: list[str]) -> str:
    return f"progress: {' | '.join(labels) or 'none seen'}"


def compare_cold_cache(url: str) -> list[tuple[str, float, str]]:
    """The comparison on a server whose derived cache started empty."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = launch(pw)
        seconds, labels = _compare(_page(browser), url)
        browser.close()
    return [("compare 3 scenarios", seconds, f"cold derived cache; {_progress(labels)}")]


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
    if _COMPARE:
        with tempfile.TemporaryDirectory(prefix="bolaven-bench-app-cold-") as cache:
            os.environ["BOLAVEN_CACHE_DIR"] = os.environ["BOLAVEN_APP_RESULTS"] = cache
            with app_server(Path(cache) / "server.log") as url:
                rows += compare_cold_cache(url)
            del os.environ["BOLAVEN_CACHE_DIR"]
    rows += script_runs()
    load = os.getloadavg()
    print(f"load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} on {os.cpu_count()} cores")
    for what, seconds, note in rows:
        print(f"{what:<28} {seconds:7.2f} s   {note}")


if __name__ == "__main__":
    main()
