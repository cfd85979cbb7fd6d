"""A real browser (Debian's chromium via Playwright) against a real `streamlit run app.py`."""

from __future__ import annotations

import math
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from tests.browser_harness import CHROMIUM, RUNNING, launch

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
MAP = '[data-testid="stDeckGlJsonChart"] canvas'
TABLE = '[data-testid="stDataFrame"]'
CHART = '[data-testid="stDeckGlJsonChart"]'  # one per map (its canvases are more)
LEGEND = ".bolaven-legend"  # app_pages/maps.py writes one under every map
TOOLTIP = ".deck-tooltip"

pytestmark = pytest.mark.browser

if not CHROMIUM.exists():
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("/usr/bin/chromium is missing in CI: apt-get install chromium", pytrace=False)
    pytest.skip(
        "/usr/bin/chromium is missing (apt-get install chromium); not in CI, so skipping",
        allow_module_level=True,
    )


@pytest.fixture(scope="module")
def page(streamlit_url: str) -> Iterator[Any]:
    """A fresh chromium page, 1400×1000, shared by the tests of this module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = launch(pw)
        tab = browser.new_page(viewport={"width": 1400, "height": 1000})
        tab.set_default_timeout(60_000)
        yield tab
        browser.close()


@pytest.fixture(autouse=True)
def _screenshot_on_failure(page: Any, request: pytest.FixtureRequest) -> Iterator[None]:
    """When a browser test fails, keep a full-page screenshot of what the browser showed."""
    yield
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"FAILED-{request.node.name}.png"), full_page=True)


def _open(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector('[data-testid="stSidebar"]')


def _click_when_idle(page: Any, name: str) -> None:
    """Click a button once the app's script run is over: under load, a click that lands while a
    rerun (e.g. from an upload) is in flight can be lost, and the test would wait in vain."""
    page.wait_for_timeout(500)  # Streamlit shows its running icon a moment after a rerun starts
    page.locator(RUNNING).first.wait_for(state="detached", timeout=120_000)
    page.get_by_role("button", name=name).click()


def _shot(page: Any, name: str, *, height: int = 2400) -> Path:
    """Screenshot the whole app: Streamlit scrolls inside its main block, so grow the viewport."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.set_viewport_size({"width": 1400, "height": height})
    page.wait_for_timeout(2000)  # relayout, then let deck.gl repaint
    page.screenshot(path=str(path))
    page.set_viewport_size({"width": 1400, "height": 1000})
    return path


def _pixel(
    box: dict[str, float], view: dict[str, float], lon: float, lat: float
) -> tuple[float, float]:
    """Where deck.gl draws ``lon``, ``lat`` on a canvas ``box`` centred on ``view`` (Web Mercator,
    512-pixel world at zoom 0)."""
    scale = 512 * 2 ** view["zoom"] / (2 * math.pi)

    def mercator(lon: float, lat: float) -> tuple[float, float]:
        return math.radians(lon), math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    (x0, y0), (x1, y1) = mercator(view["longitude"], view["latitude"]), mercator(lon, lat)
    return box["x"] + box["width"] / 2 + (x1 - x0) * scale, box["y"] + box["height"] / 2 - (
        y1 - y0
    ) * scale


def _tooltip_at(page: Any, x: float, y: float) -> str:
    """The map tooltip shown with the mouse at ``x``, ``y`` (page pixels)."""
    page.mouse.move(x - 30, y - 30)
    page.mouse.move(x, y)
    tip = page.locator(TOOLTIP).first
    tip.wait_for(state="visible", timeout=30_000)
    return str(tip.inner_text())


def _colour_share(page: Any, rgb: Sequence[int]) -> float:
    """The share of the first map's pixels painted in colour ``rgb`` (within 3 per channel)."""
    import io

    import numpy as np
    from PIL import Image

    shot = Image.open(io.BytesIO(page.locator(MAP).first.screenshot())).convert("RGB")
    pixels = np.asarray(shot, dtype=int).reshape(-1, 3)
    near = np.abs(pixels - np.array(rgb[:3])).max(axis=1) <= 3
    return float(near.mean())


def _land_share(page: Any) -> float:
    """The share of the first map's pixels painted in the basemap's land colour (Laos)."""
    from scenarios.views.palette import BASEMAP_LAND_RGB

    return _colour_share(page, BASEMAP_LAND_RGB)


def test_network_page_shows_map_places_and_attribution(page: Any, streamlit_url: str) -> None:
    """The Network & data page draws the road map with its legend, real tooltips on the places,
    the places table and the ODbL notice."""
    from scenarios import views

    _open(page, f"{streamlit_url}/network")
    page.wait_for_selector(MAP)
    page.wait_for_selector(TABLE)
    page.get_by_text("OpenStreetMap contributors, ODbL").first.wait_for()
    assert page.locator(LEGEND).count() == page.locator(CHART).count() == 1
    legend = page.locator(LEGEND).inner_text()
    assert "Paved" in legend and "Province boundary" in legend and "National border" in legend
    page.wait_for_timeout(2000)  # let deck.gl draw before picking
    # the offline basemap without its land fill (one shader program less): the national border
    border = _colour_share(page, views.palette.BASEMAP_BORDER_RGB)
    assert border > 0.002, border  # 0.006 measured: the border is a thin line
    assert _land_share(page) == 0.0
    assert page.locator(f"{CHART} canvas").count() == 1  # deck.gl's only: no web map beneath
    box = page.locator(MAP).first.bounding_box()
    tips = [
        _tooltip_at(page, *_pixel(box, views.study_area_view(), lon, lat))
        for lon, lat in ((105.799, 15.1202), (106.2304, 15.1815))  # Pakse, Paksong
    ]
    # Paksong's town point carries a mill too: either may be on top
    assert tips[0] == "Pakse (Town)" and tips[1].startswith("Paksong"), tips
    assert not [tip for tip in tips if "{" in tip or "}" in tip]
    assert _shot(page, "network_data").stat().st_size > 10_000


def test_plan_sample_pickups_shows_routes_map_and_table(page: Any, streamlit_url: str) -> None:
    """Planning the sample pickups draws the routes map and the per-truck result table."""
    _open(page, streamlit_url)  # the default page lives at /
    page.get_by_text("pickups loaded").first.wait_for()
    slider = page.get_by_role("slider").first
    slider.focus()
    page.keyboard.press("Home")  # the smallest time budget (1 s) keeps the test short
    for _ in range(50):
        if slider.input_value() == "1":
            break
        page.wait_for_timeout(100)
    assert slider.input_value() == "1"
    _click_when_idle(page, "Plan the routes")  # after the rerun with the new budget
    page.get_by_text("Plan ready").first.wait_for(timeout=180_000)
    page.wait_for_selector(MAP)
    page.get_by_text("Routes on the roads").first.wait_for()
    page.get_by_text("Cost per tonne").first.wait_for()
    for download in ("Driver sheets (CSV)", "Driver sheets to print (HTML)"):
        page.get_by_role("button", name=download).wait_for()
    assert page.locator(TABLE).count() >= 3  # preview, trucks, and more
    page.get_by_text("Every pickup is served.").or_(
        page.get_by_text("Dropped pickups")
    ).first.wait_for()
    assert page.locator(LEGEND).count() == page.locator(CHART).count() == 1
    assert "Mill or depot" in page.locator(LEGEND).inner_text()
    assert _shot(page, "plan_pickups").stat().st_size > 10_000


def test_changed_season_marks_the_plan_out_of_date(page: Any) -> None:
    """After planning (the test above), choosing another season warns and greys the plan out."""
    results = page.locator(".st-key-plan_results")
    assert results.evaluate("e => getComputedStyle(e).opacity") == "1"
    page.get_by_text("Wet", exact=True).first.click()
    page.get_by_text("Out of date").first.wait_for()
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('.st-key-plan_results')).opacity < 0.5"
    )
    page.get_by_text("Dry", exact=True).first.click()  # back to the planned inputs
    page.get_by_text("Out of date").first.wait_for(state="detached")


def test_language_and_currency_survive_a_reload(page: Any, streamlit_url: str) -> None:
    """Choosing ລາວ and USD puts them in the URL; reloading the page keeps both."""
    _open(page, streamlit_url)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("ລາວ", exact=True).click()
    page.get_by_role("heading", name="ວາງແຜນເກັບກາເຟ").wait_for()
    sidebar.get_by_text("USD", exact=True).click()
    page.wait_for_function("() => location.search.includes('currency=USD')")
    assert "lang=lo" in page.url
    page.reload()
    page.get_by_role("heading", name="ວາງແຜນເກັບກາເຟ").wait_for()
    assert "lang=lo" in page.url and "currency=USD" in page.url
    sidebar.get_by_text("EN", exact=True).click()  # leave the page in English for what follows
    page.get_by_role("heading", name="Plan pickups").wait_for()


def test_compare_uploaded_scenario_shows_tables_chart_and_map(
    page: Any, streamlit_url: str, tmp_path: Path
) -> None:
    """Uploading a (wet-season, so quick) paving scenario gives KPIs, CBA, chart and flow map."""
    from tests.test_app import WET_PAVING_TOML

    scenario = tmp_path / "paving.toml"
    scenario.write_bytes(WET_PAVING_TOML)
    _open(page, f"{streamlit_url}/compare")
    page.get_by_text("Pave the Bolaven feeder Route 16A").first.wait_for()  # titles, not slugs
    picker = page.locator('[data-testid="stMultiSelect"]')
    picker.locator("input").click()
    page.keyboard.press("Backspace")  # drop the default library pick: only the upload runs
    page.keyboard.press("Escape")
    picker.locator('[data-baseweb="tag"]').first.wait_for(state="detached")  # pick removed
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(scenario)
    page.get_by_text("paving.toml").first.wait_for()
    _click_when_idle(page, "Run and compare")
    page.get_by_text("scenario runs done").or_(
        page.get_by_text("The comparison failed")
    ).first.wait_for(timeout=300_000)
    assert page.get_by_text("2 scenario runs done").count() == 1  # the upload and its baseline
    headings = ("Key figures", "Change against the baseline", "Cost-benefit", "all traffic")
    for heading in headings:
        page.get_by_text(heading).first.wait_for()
    page.wait_for_selector('[data-testid="stVegaLiteChart"], [data-testid="stArrowVegaLiteChart"]')
    page.wait_for_selector(MAP)
    assert page.locator(TABLE).count() >= 4
    assert page.locator(LEGEND).count() == page.locator(CHART).count() == 1
    assert _shot(page, "compare_scenarios", height=2800).stat().st_size > 10_000
    picker.locator("input").click()  # another scenario chosen: the comparison is out of date
    page.get_by_role("option").first.click()
    page.keyboard.press("Escape")
    page.get_by_text("Out of date").first.wait_for()


def _english_left(page: Any) -> list[str]:
    """Lines of the page's visible text that still show an English label of the i18n table.

    A label counts when a line is exactly its English, or holds a run of its English of two or
    more words and 12 or more characters (its text between ``{fields}``). The English titles of
    the library scenarios that have a Lao title (data/lao_scenarios.csv) count too, and so does
    a solver status word (optimal, feasible, …) anywhere in a line. Data (village names, the
    names of a user's own scenario, numbers, units) is not in the tables and so never counts.
    """
    import re

    from app_pages.i18n import ENGINE_TERMS, STRINGS
    from scenarios import views

    english = [en for en, lo in (*STRINGS.values(), *ENGINE_TERMS.values()) if en != lo]
    library = views.library_scenarios()
    translated = set(views.read_lao_scenarios()["name"])
    english += [str(r.title) for r in library.itertuples() if r.name in translated]
    fragments = {
        part.strip(" .,:;()")
        for en in english
        for part in re.split(r"\{[^}]*\}", en)
        if " " in part.strip() and len(part.strip()) >= 12
    }
    whole = {en for en in english if "{" not in en}
    statuses = re.compile(r"\b(optimal|feasible|infeasible|time limit|partial|gap)\b")
    text = str(page.evaluate("() => document.body.innerText"))
    lines = {line.strip() for line in text.splitlines() if line.strip()}
    return sorted(
        line
        for line in lines
        if line in whole or any(part in line for part in fragments) or statuses.search(line)
    )


def test_lao_mode_leaves_no_english_label_on_any_page(
    page: Any, streamlit_url: str, tmp_path: Path
) -> None:
    """In ລາວ, no English label of the app's table shows on the network page, the plan page
    with a plan, or the compare page with a comparison; the language stays across pages."""
    from scenarios import views
    from tests.test_app import WET_PAVING_TOML

    _open(page, f"{streamlit_url}/network?lang=lo")
    page.wait_for_selector(MAP)
    page.get_by_role("heading", name="ແຫຼ່ງຂໍ້ມູນ").wait_for()
    assert "ເຂດແດນແຂວງ" in page.locator(LEGEND).inner_text()
    assert _english_left(page) == []

    page.locator('[data-testid="stSidebarNav"] a').first.click()  # the plan page, still in Lao
    page.get_by_role("heading", name="ວາງແຜນເກັບກາເຟ").wait_for()
    _click_when_idle(page, "ວາງແຜນເສັ້ນທາງ")
    page.get_by_text("ແຜນສຳເລັດ").first.wait_for(timeout=180_000)
    page.wait_for_selector(MAP)
    assert "ມື້ 1" in page.locator(LEGEND).inner_text()  # truck labels in Lao
    assert _english_left(page) == []
    page.get_by_text("ອັບໂຫຼດໄຟລ໌ CSV").first.click()  # the upload box, in Lao too
    page.locator('[data-testid="stFileUploader"]').wait_for()
    page.wait_for_timeout(1000)
    assert _english_left(page) == []

    scenario = tmp_path / "paving.toml"
    scenario.write_bytes(WET_PAVING_TOML)
    page.locator('[data-testid="stSidebarNav"] a').nth(1).click()
    page.get_by_role("heading", name="ປຽບທຽບສະຖານະການ").wait_for()
    lao_titles = views.read_lao_scenarios().set_index("name")["title_lo"]
    page.get_by_text(lao_titles["pave_route_16a"]).first.wait_for()  # the picked scenario, in Lao
    page.locator(RUNNING).first.wait_for(state="detached", timeout=120_000)
    assert _english_left(page) == []
    picker = page.locator('[data-testid="stMultiSelect"]')
    picker.locator("input").click()
    page.keyboard.press("Backspace")  # only the upload runs (stored by the English test above)
    page.keyboard.press("Escape")
    picker.locator('[data-baseweb="tag"]').first.wait_for(state="detached")
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(scenario)
    page.get_by_text("paving.toml").first.wait_for()
    _click_when_idle(page, "ຄຳນວນ ແລະ ປຽບທຽບ")
    page.get_by_text("ຄຳນວນແລ້ວ").first.wait_for(timeout=300_000)
    page.wait_for_selector(MAP)
    page.locator(RUNNING).first.wait_for(state="detached", timeout=120_000)
    # the baseline by its Lao title, its solver status in Lao, in the solver line
    page.get_by_text(f"{lao_titles['wet_season_baseline']}: ດີທີ່ສຸດ").first.wait_for()
    assert _english_left(page) == []
    assert "lang=lo" in page.url
