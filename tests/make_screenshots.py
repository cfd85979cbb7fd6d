"""Refresh the README's screenshots (`make screenshots`): every page in English and in Lao.

Drives a real chromium against the real app server (the browser tests' harness) and
writes ``docs/screenshots/<page>.png`` and ``<page>_lao.png``. The plan uses the sample week
with a 5 s budget; the comparison runs the default library pick (stored runs are reused).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tests.browser_harness import ROOT, app_server, launch, wait_idle

OUT = ROOT / "docs" / "screenshots"
MAP = '[data-testid="stDeckGlJsonChart"] canvas'
LABELS = {  # what to click, per language
    "en": {"plan": "Plan the routes", "planned": "Plan ready", "compare": "Run and compare",
           "compared": "scenario runs done", "wet": "Wet-season passability"},
    "lo": {"plan": "ວາງແຜນເສັ້ນທາງ", "planned": "ແຜນສຳເລັດ", "compare": "ຄຳນວນ ແລະ ປຽບທຽບ",
           "compared": "ຄຳນວນແລ້ວ", "wet": "ການຜ່ານໄດ້ໃນລະດູຝົນ"},
}  # fmt: skip


def _shot(page: Any, name: str, *, height: int) -> Path:
    """The whole page: Streamlit scrolls inside its main block, so grow the viewport first."""
    path = OUT / f"{name}.png"
    page.set_viewport_size({"width": 1400, "height": height})
    page.wait_for_timeout(2500)  # relayout, then let deck.gl repaint
    page.screenshot(path=str(path))
    page.set_viewport_size({"width": 1400, "height": 1000})
    print(f"wrote {path.relative_to(ROOT)}", flush=True)
    return path


def _pages(page: Any, url: str, lang: str) -> None:
    words, suffix = LABELS[lang], "" if lang == "en" else "_lao"
    page.goto(f"{url}/network?lang={lang}")
    page.wait_for_selector(MAP)
    wait_idle(page)
    _shot(page, f"network_data{suffix}", height=2200)
    if lang == "en":
        page.get_by_text(words["wet"], exact=True).first.click()
        wait_idle(page)
        _shot(page, "network_wet_passability", height=1100)

    page.goto(f"{url}/?lang={lang}")
    page.get_by_role("button", name=words["plan"]).wait_for()
    wait_idle(page)
    page.get_by_role("button", name=words["plan"]).click()
    page.get_by_text(words["planned"]).first.wait_for(timeout=300_000)
    page.wait_for_selector(MAP)
    wait_idle(page)
    _shot(page, f"plan_pickups{suffix}", height=2600)

    page.goto(f"{url}/compare?lang={lang}")
    page.get_by_role("button", name=words["compare"]).wait_for()
    wait_idle(page)
    page.get_by_role("button", name=words["compare"]).click()
    page.get_by_text(words["compared"]).first.wait_for(timeout=600_000)
    page.wait_for_selector(MAP)
    wait_idle(page)
    _shot(page, f"compare_scenarios{suffix}", height=3200)


def main() -> int:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with (
        app_server(ROOT / "test-artifacts" / "screenshots-server.log") as url,
        sync_playwright() as pw,
    ):
        browser = launch(pw)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(120_000)
        for lang in ("en", "lo"):
            _pages(page, url, lang)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
