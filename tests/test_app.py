"""Streamlit AppTest runs of each page, and the app's English/Lao label tables.

The facade's pure helpers (scenarios/views/) are tested in tests/scenarios/views/. Where the
pipeline itself is not under test the pages get canned results: stored scenario runs
(tests/data/app_compare_results.json, rewritten by tests/data/make_app_compare_results.py) and
the sample plan made once by the ``planned`` fixture, the one AppTest that runs the real pickup
pipeline.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from app_pages import i18n
from scenarios import views

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
TIMEOUT_S = 120


def _app() -> AppTest:
    return AppTest.from_file(APP, default_timeout=TIMEOUT_S)


def test_frame_starts_on_plan_page_with_attribution() -> None:
    """The app opens on Plan pickups, with the ODbL attribution in the sidebar."""
    at = _app().run()
    assert not at.exception
    assert at.title[0].value == "Plan pickups"
    captions = " ".join(c.value for c in at.sidebar.caption)
    assert "© OpenStreetMap contributors, ODbL" in captions
    assert f"Rate: {views.exchange_rate().lak_per_usd:,.0f} LAK per USD" in captions  # sidebar
    assert not [c for c in at.main.caption if c.value.startswith("Rate:")]


def test_language_switch_translates_labels() -> None:
    """Choosing ລາວ in the sidebar turns the page title and navigation into Lao."""
    at = _app().run()
    at.sidebar.segmented_control(key="lang").set_value("lo").run()
    assert at.title[0].value == "ວາງແຜນເກັບກາເຟ"
    captions = " ".join(c.value for c in at.sidebar.caption)
    assert "ຂໍ້ມູນທາງ © ຜູ້ປະກອບສ່ວນ OpenStreetMap" in captions


def test_language_and_currency_are_kept_in_the_url() -> None:
    """?lang=lo&currency=USD opens the app in Lao and US$; a switch rewrites the URL; bad values
    fall back to English and LAK."""
    at = _app()
    at.query_params["lang"] = "lo"
    at.query_params["currency"] = "USD"
    at.run()
    assert not at.exception
    assert at.title[0].value == "ວາງແຜນເກັບກາເຟ"
    assert at.sidebar.segmented_control(key="currency").value == "USD"
    at.sidebar.segmented_control(key="lang").set_value("en").run()
    assert at.title[0].value == "Plan pickups"
    assert at.query_params["lang"] in ("en", ["en"]) and at.query_params["currency"] in (
        "USD",
        ["USD"],
    )
    bad = _app()
    bad.query_params["lang"] = "fr"
    bad.run()
    assert bad.sidebar.segmented_control(key="lang").value == "en"


def test_every_label_has_english_and_lao() -> None:
    """Every i18n key and engine term has an English and a Lao text with the same placeholders."""
    import string

    for key, (en, lo) in {**i18n.STRINGS, **i18n.ENGINE_TERMS}.items():
        assert en and lo, key
        fields_en = {f for _, f, _, _ in string.Formatter().parse(en) if f}
        fields_lo = {f for _, f, _, _ in string.Formatter().parse(lo) if f}
        assert fields_en == fields_lo, key
        assert any("\u0e80" <= ch <= "\u0eff" for ch in lo), f"{key}: no Lao script"


def test_engine_terms_cover_every_kpi_and_cost_part() -> None:
    """Each KPI key and landed-cost part of scenarios.run.kpis has a Lao name; English matches."""
    from scenarios.run.kpis import BREAKDOWN_PARTS, KPI_FIELDS

    terms = i18n.ENGINE_TERMS
    assert {f.key: f.label for f in KPI_FIELDS} == {f.key: terms[f.key][0] for f in KPI_FIELDS}
    assert {*BREAKDOWN_PARTS, "total"} <= set(terms)


def _show_terms() -> None:
    """App script for AppTest: write engine names through i18n.term in the chosen language."""
    import streamlit as st

    from app_pages.i18n import term

    st.text(term("landed_cost_lak_per_t", "Landed cost to port"))  # known, engine label given
    st.text(term("hub_handling"))  # known cost part, no engine label
    st.text(term("new_engine_kpi", "A new KPI"))  # unknown key: the engine's English
    st.text(term("new_engine_part"))  # unknown key, no label: the key itself


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["Landed cost to port", "Hub handling", "A new KPI", "new_engine_part"]),
        ("lo", ["ຕົ້ນທຶນຮອດທ່າເຮືອ", "ການຈັດການຢູ່ສູນລວບລວມ", "A new KPI", "new_engine_part"]),
    ],
)
def test_engine_terms_translate_and_unknown_keys_fall_back_to_english(
    lang: str, expected: list[str]
) -> None:
    """Engine names are written in the chosen language; keys not in the table stay English."""
    at = AppTest.from_function(_show_terms, default_timeout=TIMEOUT_S)
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception
    assert [e.value for e in at.text] == expected


def _check_maps(at: AppTest) -> list[str]:
    """Assert each map has a legend and a text tooltip in every hoverable feature; the tooltips."""
    decks = at.get("deck_gl_json_chart")
    legends = [m for m in at.markdown if "class='bolaven-legend'" in m.value]
    assert len(legends) == len(decks) > 0
    tips: list[str] = []
    for deck in decks:
        assert json.loads(deck.proto.tooltip) == {"text": "{tooltip}"}
        for layer in json.loads(deck.proto.json)["layers"]:
            if layer.get("pickable"):
                tips += [row["tooltip"] for row in layer["data"]]
    assert tips and not [tip for tip in tips if "{" in tip or "}" in tip]
    return tips


def _network_page() -> AppTest:
    at = _app().run()
    at.switch_page("app_pages/network_data.py").run()
    assert not at.exception
    return at


def test_network_page_map_legend_and_sources() -> None:
    """Network & data draws the map and lists km by surface, places and licensed sources."""
    at = _network_page()
    assert len(at.get("deck_gl_json_chart")) == 1
    tips = _check_maps(at)
    assert "Pakse (Town)" in tips
    legend, places, sources = (d.value for d in at.dataframe)
    assert set(legend["surface"]) <= {"Paved", "Gravel", "Earth"}
    assert legend["length_km"].sum() == pytest.approx(
        float(at.metric[2].value.replace(",", "")), abs=1
    )
    assert {"Pakse", "Paksong", "Vang Tao"} <= set(places["name"])
    deck = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    dots = [layer for layer in deck["layers"] if layer.get("getText") == "@@=dot"]
    assert len(dots) == 1 and dots[0]["characterSet"] == "auto"  # a list drew no glyph
    assert [row["dot"] for row in dots[0]["data"]] == ["\u25cf"] * len(places)
    types = {layer["@@type"] for layer in deck["layers"]}
    assert types == {"PathLayer", "TextLayer"}  # two shader programs: quick in software WebGL
    assert sources["licence"].str.contains("ODbL").any()
    assert "early 2014" in at.main.caption[0].value


def test_maps_name_a_web_style_only_when_tiles_are_on() -> None:
    """With tiles off a map names no web style, so Streamlit adds no web basemap under it (a
    second WebGL map fetched from the internet); the tiles switch brings Carto's back."""
    at = _network_page()
    assert json.loads(at.get("deck_gl_json_chart")[0].proto.json)["mapStyle"] == "__MAP_STYLE__"
    at.toggle(key="tiles").set_value(True).run()
    assert "cartocdn" in json.loads(at.get("deck_gl_json_chart")[0].proto.json)["mapStyle"]


def test_network_page_wet_passability_depends_on_vehicle() -> None:
    """Colouring by wet-season passability shows impassable km for heavy trucks, none for 4x4s."""
    at = _network_page()
    at.radio(key="net_colour_by.en").set_value("wet").run()
    heavy = at.dataframe[0].value.set_index("passable")["length_km"]
    assert heavy.get("Impassable", 0.0) > 0.0
    at.selectbox(key="net_vehicle.en").set_value("pickup_4x4").run()
    pickup = at.dataframe[0].value.set_index("passable")["length_km"]
    assert pickup.get("Impassable", 0.0) < heavy["Impassable"]
    assert pickup.sum() == pytest.approx(heavy.sum(), abs=0.5)


SAMPLE_HEADER = "id,name,lat,lon,weight_kg,product\n"


def _plan(at: AppTest, *, time_limit_s: int = 1) -> AppTest:
    at.slider(key="plan_time_limit").set_value(time_limit_s).run()
    at.button(key="plan_run").click().run()
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    return at


@pytest.fixture(scope="module")
def planned() -> AppTest:
    """The Plan pickups page after planning the sample wet week with the sample fleet (5 s)."""
    at = _app().run()
    at.radio(key="season.en").set_value("wet").run()
    return _plan(at, time_limit_s=5)


def test_wet_week_with_the_sample_fleet_collects_every_required_stop(planned: AppTest) -> None:
    """The sample fleet's trips per day reach the planner: no required pickup is left behind.

    Before the editor kept ``max_trips`` every truck went out once a day and 22 t stayed behind;
    since village tracks have wet-season limits, the villages no truck may drive to are met at
    the road end of their track, their carry costed apart and named in one line.
    """
    plan: views.PlanView = planned.session_state["plan_result"]
    s = plan.summary
    assert s["tonnes_required_left_behind"] == 0
    at_road_end = plan.stops[plan.stops["collected_at"] == "road_end"]
    assert len(at_road_end) == s["road_end_stops"] > 0
    assert (at_road_end["carry_km"] > 0).all() and (at_road_end["carry_cost_lak"] > 0).all()
    assert s["carry_cost_lak"] == pytest.approx(
        at_road_end["carry_cost_lak"].sum(), abs=len(plan.stops)
    )
    assert (plan.stops.loc[plan.stops["collected_at"] == "village", "carry_cost_lak"] == 0).all()
    note = i18n.STRINGS["carry_note"][0].split("{n}")[1].split(":")[0]
    assert any(note in c.value for c in planned.caption)
    assert not plan.dropped["required"].any()
    assert s["tonnes"] + s["tonnes_left_behind"] == pytest.approx(s["tonnes_requested"], abs=0.01)
    assert plan.trucks["trips"].max() > 1  # a truck unloads at the depot and goes out again
    per_trip = plan.stops.groupby(["truck", "trip"])["weight_kg"].sum()
    capacity = plan.trucks.set_index("truck")["capacity_kg"]
    assert all(kg <= capacity[truck] for (truck, _), kg in per_trip.items())
    assert planned.metric[3].value == f"{s['tonnes']:,.1f} t of {s['tonnes_requested']:,.1f} t"
    assert not planned.warning  # no "required pickups left behind", no "out of date"
    assert s["hired_cost_lak"] == 0 and s["own_cost_lak"] == s["total_cost_lak"]  # none hired
    assert not plan.trucks["hired"].any()


@pytest.mark.parametrize(
    ("kind", "key", "other"),
    [
        ("radio", "season.en", "dry"),
        ("selectbox", "plan_depot", "Pakse"),
        ("slider", "plan_time_limit", 9),
    ],
)
def test_changed_inputs_mark_the_plan_out_of_date(
    planned: AppTest, kind: str, key: str, other: Any
) -> None:
    """Changing an input after planning marks the plan out of date until the inputs match again."""
    widget = getattr(planned, kind)(key=key)
    before = widget.value
    widget.set_value(other).run()
    # the only warning: every required stop is collected (cut-off villages at their road ends)
    assert [w.value for w in planned.warning] == [i18n.STRINGS["stale_plan"][0]]
    assert planned.session_state["plan_result"] is not None  # kept on screen, greyed out
    getattr(planned, kind)(key=key).set_value(before).run()
    assert not planned.warning


def test_plan_sample_shows_trucks_map_kpis_and_downloads(planned: AppTest) -> None:
    """Planning the sample fills one table row per truck route, the map, KPIs and 3 downloads."""
    trucks = planned.dataframe[2].value  # preview, fleet editor not counted, then trucks
    assert list(trucks.columns[:3]) == ["truck", "day", "stops"]
    trucks_used = int(planned.metric[2].value)
    # trucks are counted once however many days they drive; the table has a row per truck-day
    assert trucks_used == trucks["truck"].str.split(" ", n=1).str[1].nunique()
    assert 0 < trucks_used <= 7 < len(trucks)  # the sample fleet has 7 trucks
    plan = planned.session_state["plan_result"]
    assert trucks["stops"].sum() == len(plan.stops)
    served = {str(i).split("#")[0] for i in plan.stops["id"]}  # split parts: "<id>#<n>"
    dropped = {str(i).split("#")[0] for i in plan.dropped["id"]}
    sample = set(views.pickups_preview(views.sample_pickups_path())["id"])
    assert served | dropped == sample and len(sample) == 45  # each served or listed dropped
    assert (trucks["load_kg"] <= trucks["capacity_kg"] * trucks["trips"]).all()
    assert len(planned.get("deck_gl_json_chart")) == 1
    tips = _check_maps(planned)
    assert "Mill or depot: Paksong" in tips
    assert any(
        re.fullmatch(r"D\d .+ · Order \d+ \(Trip \d\) · .+ · Arrival \d\d:\d\d · [\d,]+ kg", tip)
        for tip in tips
    )
    legend = next(m.value for m in planned.markdown if "bolaven-legend" in m.value)
    assert all(truck in legend for truck in trucks["truck"])  # one legend entry per route
    assert planned.metric[0].value.endswith(" LAK")
    keys = [b.key for b in planned.get("download_button")]
    assert keys == ["dl_sheets", "dl_sheets_html", "dl_geo", "dl_plan"]


def test_driver_sheet_downloads_follow_the_language(planned: AppTest) -> None:
    """The sheets download in the sidebar's language, truck names as the tables show them."""
    plan: views.PlanView = planned.session_state["plan_result"]
    english = views.sheet_downloads(plan, "en")
    header = english.csv.decode("utf-8-sig").splitlines()[0]
    assert header.startswith("Truck,Day,Trip,Order,Time,What to do,Village or place")
    assert set(plan.trucks["truck"]) == {s.truck("en") for s in plan.sheets}
    assert english.html.decode().count("<section>") == len(plan.trucks)  # a page per truck-day
    planned.sidebar.segmented_control(key="lang").set_value("lo").run()
    try:
        labels = {b.key: b.label for b in planned.get("download_button")}
        assert labels["dl_sheets_html"] == i18n.STRINGS["dl_sheets_html"][1]
        lao = views.sheet_downloads(plan, "lo")
        assert lao.csv_name == "driver_sheets_lo.csv"
        text = lao.csv.decode("utf-8-sig")
        assert text.splitlines()[0].startswith("ລົດ,ມື້,ຖ້ຽວທີ,ລຳດັບ,ເວລາ")
        shown = planned.dataframe[2].value["truck"]  # the trucks table, in Lao
        assert all(f"\n{truck}," in text for truck in shown)
        assert not any("D1 " in truck for truck in shown)
    finally:
        planned.sidebar.segmented_control(key="lang").set_value("en").run()


def _amount(text: str) -> float:
    """A number written by views.format_money, without its currency ("34.3 M" -> 34.3e6)."""
    scale = {"M": 1e6, "bn": 1e9}
    number, _, word = text.partition(" ")
    return float(number.replace(",", "")) * scale.get(word, 1.0)


def test_currency_switch_shows_usd(planned: AppTest) -> None:
    """Switching the sidebar to USD rewrites the money KPIs at the configured rate."""
    lak = _amount(planned.metric[1].value.removesuffix(" LAK"))
    assert planned.metric[1].value.endswith(" M LAK")  # a week's cost: millions, no kip decimals
    planned.sidebar.segmented_control(key="currency").set_value("USD").run()
    usd = _amount(planned.metric[1].value.removeprefix("US$ "))
    rate = views.exchange_rate().lak_per_usd
    assert usd == pytest.approx(lak / rate, rel=2e-3)  # "34.3 M": rounded to 0.15 % at most
    planned.sidebar.segmented_control(key="currency").set_value("LAK").run()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"id,name,lat,lon\nP1,a,15.2,106.2\n", r"row 1 \(header\).*missing weight_kg, product"),
        (
            (SAMPLE_HEADER + "P1,a,15.2,106.2,100,cherry\nP2,b,15.3,106.3,abc,cherry\n").encode(),
            r"row 3, column weight_kg: expected a number >= 1, got 'abc'",
        ),
        (
            (SAMPLE_HEADER + "P1,a,15.2,106.2,100,beans\n").encode(),
            r"row 2, column product: expected one of",
        ),
        (
            (SAMPLE_HEADER + "P1,a,15.2,106.2,100,cherry\nP1,b,15.3,106.3,50,cherry\n").encode(),
            r"row 3, column id: expected a unique id \(already on row 2\)",
        ),
        (b"x" * (2 * 1024 * 1024 + 1), r"expected a file of at most 2 MB, got 2\.0 MB"),
    ],
)
def test_bad_pickup_upload_names_row_and_column(content: bytes, message: str) -> None:
    """A bad pickups CSV shows one clear error naming row and column; the page keeps working."""
    at = _app().run()
    at.radio(key="plan_source.en").set_value("upload").run()
    at.file_uploader(key="plan_upload").upload("../../evil name.csv", content, "text/csv").run()
    assert not at.exception
    assert len(at.error) == 1
    assert re.search(message, at.error[0].value), at.error[0].value
    assert "upload-" not in at.error[0].value  # never the internal staged file
    if not message.startswith("expected a file"):  # the size is refused before reading
        assert "evil name.csv: row" in at.error[0].value
    assert at.button(key="plan_run").disabled
    at.radio(key="plan_source.en").set_value("sample").run()  # still usable afterwards
    assert not at.error and not at.button(key="plan_run").disabled


@pytest.mark.parametrize("sep", [";", "\t"])
def test_semicolon_and_tab_uploads_are_read_and_templates_offered(sep: str) -> None:
    """A semicolon- or tab-separated pickups file previews; both templates can be downloaded."""
    rows = [SAMPLE_HEADER.strip(), "P1,a,15.2,106.2,100,cherry", "P2,b,15.3,106.3,250,green"]
    content = "\n".join(r.replace(",", sep) for r in rows).encode()
    at = _app().run()
    at.radio(key="plan_source.en").set_value("upload").run()
    at.file_uploader(key="plan_upload").upload("week.csv", content, "text/csv").run()
    assert not at.exception and not at.error
    assert list(at.dataframe[0].value["weight_kg"]) == [100, 250]
    keys = {b.key for b in at.get("download_button")}
    assert {"dl_pickups_template", "dl_fleet_template"} <= keys
    assert not at.button(key="plan_run").disabled


WET_PAVING_TOML = b"""
extends = "wet_season_baseline.toml"
compare_to = "wet_season_baseline.toml"
name = "test_wet_paving"
description = "Pave Route 16A; wet season only (keeps the test short)."

[[road_upgrade]]
ref = "16A"
surface = "paved"
iri_m_per_km = 2.0
wet_passable = true
source = "test"

[appraisal]
capital_cost_usd = 1_000_000
maintenance_usd_per_year = 10_000
construction_years = 1
horizon_years = 20
discount_rate = 0.12
source = "test"
"""


def _compare_page() -> AppTest:
    at = _app().run()
    at.switch_page("app_pages/compare_scenarios.py").run()
    assert not at.exception
    return at


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b'extends = "baseline.toml"\n[costs]\ndiesl_lak_per_l = 1\n',
            r"my_plan\.toml: \[costs\] unknown key 'diesl_lak_per_l'; valid keys: .*diesel",
        ),
        (
            b'extends = "baseline.toml"\n[[road_upgrade]]\nref = "16A"\niri_m_per_km = -3\n',
            r"my_plan\.toml: \[road_upgrade\.1\] key 'iri_m_per_km'.*greater than 0; got -3",
        ),
        (b"[[road_upgrade\n", r"my_plan\.toml: not valid TOML.*line 1"),
        (
            b'extends = "../../../etc/passwd"\n',
            r"my_plan\.toml: key 'extends': expected the name of a library scenario .*; "
            r"got '\.\./\.\./\.\./etc/passwd'",
        ),
    ],
)
def test_bad_scenario_upload_is_reported(content: bytes, message: str) -> None:
    """A bad scenario TOML shows one error naming the uploaded file and the key."""
    at = _compare_page()
    at.multiselect(key="cmp_pick").set_value([]).run()
    at.file_uploader(key="cmp_upload").upload("my_plan.toml", content, "text/plain").run()
    assert not at.exception
    assert len(at.error) == 1
    assert re.search(message, at.error[0].value), at.error[0].value
    assert "upload-" not in at.error[0].value
    assert at.button(key="cmp_run").disabled


CANNED_RESULTS = ROOT / "tests" / "data" / "app_compare_results.json"


def _store_canned_results(*specs: views.ScenarioSpec) -> None:
    """Store canned runs where the app keeps its scenario runs, so the page reads them back."""
    results = json.loads(CANNED_RESULTS.read_text(encoding="utf-8"))["results"]
    for spec in specs:
        path = views.stored_result_path(spec)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(results[spec.name]), encoding="utf-8")


def test_compare_uploaded_scenario_against_its_baseline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An uploaded paving scenario is compared with its baseline: KPIs, deltas, CBA, changed roads.

    The two runs are canned (stored results): the page, not the pipeline, is under test here.
    """
    monkeypatch.setenv("BOLAVEN_APP_RESULTS", str(tmp_path))
    spec = views.load_scenario_file(views.stage_scenario_upload(WET_PAVING_TOML))
    _store_canned_results(spec, views.load_scenario_file(views.baseline_file(spec)))
    at = _compare_page()
    at.multiselect(key="cmp_pick").set_value([]).run()
    at.file_uploader(key="cmp_upload").upload("paving.toml", WET_PAVING_TOML, "text/plain").run()
    at.button(key="cmp_run").click().run()
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    kpis, deltas, cba, all_traffic, by_class, tests, changed = (d.value for d in at.dataframe)
    assert list(kpis.columns) == ["kpi", "unit", "wet_season_baseline", "test_wet_paving"]
    assert "US$/t" not in set(kpis["unit"])  # the LAK twin is shown, in the chosen currency
    landed = deltas[deltas["kpi"] == "Landed cost to port"].iloc[0]
    assert landed["delta"] == pytest.approx(landed["scenario_value"] - landed["baseline_value"])
    title = "Pave Route 16A; wet season only (keeps the test short)"
    assert cba["scenario"].tolist() == [title]  # titles, not slugs
    assert {"npv_lak", "bcr", "eirr_pct", "payback_year"} <= set(cba.columns)
    assert cba["discount_rate_pct"].tolist() == [12.0]
    assert re.fullmatch(r"\d+\.\d\d|n/a \(no benefits\)", cba["bcr"].iloc[0])
    assert f"**{title}**: Pave Route 16A; wet season only (keeps the test short)." in [
        c.value for c in at.caption
    ]
    # the all-traffic appraisal (HDM-4 / RED) beside the coffee-only one
    assert all_traffic["scenario"].tolist() == [title]
    assert {"eirr_all_traffic_pct", "coffee_benefit_share_pct"} <= set(all_traffic.columns)
    assert "heavy_truck" in set(by_class["benefit"])
    assert "Capital cost +20 %" in set(tests["test"])
    assert set(changed["ref"]) == {"16A"} and set(changed["change"]) == {"upgraded"}
    assert len(at.get("deck_gl_json_chart")) == 1
    tips = _check_maps(at)
    assert any(tip.startswith(f"{title}: upgraded 16A (") for tip in tips)
    assert len(at.get("download_button")) == 1
    at.sidebar.segmented_control(key="lang").set_value("lo").run()  # results stay on screen
    assert not at.exception
    kpis_lo, deltas_lo = at.dataframe[0].value, at.dataframe[1].value
    assert "ຕົ້ນທຶນຮອດທ່າເຮືອ" in set(kpis_lo["kpi"]) and "ຕົ້ນທຶນຮອດທ່າເຮືອ" in set(deltas_lo["kpi"])
    assert "Landed cost to port" not in set(kpis_lo["kpi"]) | set(deltas_lo["kpi"])
    assert kpis_lo[["unit", "wet_season_baseline"]].equals(kpis[["unit", "wet_season_baseline"]])
    # library scenarios by their Lao titles (data/lao_scenarios.csv), the upload in English
    lao_titles = views.read_lao_scenarios().set_index("name")["title_lo"]
    assert set(deltas_lo["baseline"]) == {lao_titles["wet_season_baseline"]}
    assert set(deltas_lo["scenario"]) == {title}
    assert lao_titles["pave_route_16a"] in at.multiselect(key="cmp_pick").options
    solver = next(c.value for c in at.caption if c.value.startswith("ຕົວແກ້ບັນຫາ"))
    assert f"{lao_titles['wet_season_baseline']}: ດີທີ່ສຸດ" in solver and "optimal" not in solver
    at.sidebar.segmented_control(key="currency").set_value("USD").run()
    kpis_usd, cba_usd = at.dataframe[0].value, at.dataframe[2].value
    rate = views.exchange_rate().lak_per_usd
    assert "USD/t" in set(kpis_usd["unit"]) and "LAK/t" not in set(kpis_usd["unit"])
    assert cba_usd["npv_usd"].iloc[0] == pytest.approx(cba["npv_lak"].iloc[0] / rate, abs=0.01)
    assert not at.warning  # language and currency are not inputs of the comparison
    at.multiselect(key="cmp_pick").set_value(["pave_route_16a"]).run()
    assert [w.value for w in at.warning] == [i18n.STRINGS["stale_compare"][1]]  # still in Lao


def test_choices_survive_a_language_switch() -> None:
    """A season chosen in English stays chosen, with Lao labels, after switching to ລາວ."""
    at = _app().run()
    at.radio(key="season.en").set_value("wet").run()
    at.sidebar.segmented_control(key="lang").set_value("lo").run()
    season = at.radio(key="season.lo")
    assert season.value == "wet"
    assert season.options == ["ລະດູແລ້ງ", "ລະດູຝົນ"]


def test_chosen_depot_and_season_reach_the_planner_and_dropped_pickups_are_listed(
    planned: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pakse in the wet season goes to the planner; each dropped pickup is listed with its reason.

    The plan is canned (the sample plan, with two pickups marked dropped): which pickups wet roads
    drop is the pipeline's concern (tests/scenarios/pickups/).
    """
    sample: views.PlanView = planned.session_state["plan_result"]
    reason = "unreachable in the wet season by any available vehicle class"
    dropped = pd.DataFrame(
        {
            "id": list(sample.stops["id"][:2]),
            "name": list(sample.stops["village"][:2]),
            "day": list(sample.stops["day"][:2]),
            "reason": [reason, reason],
        }
    )
    calls: list[dict[str, Any]] = []

    def canned_plan_view(net: Any, pickups_path: Path, **options: Any) -> views.PlanView:
        calls.append({"pickups_path": pickups_path, **options})
        return dataclasses.replace(sample, dropped=dropped)

    monkeypatch.setattr(views, "plan_view", canned_plan_view)
    at = _app().run()
    at.selectbox(key="plan_depot").set_value("Pakse").run()
    at.radio(key="season.en").set_value("wet").run()
    _plan(at)
    (call,) = calls
    assert call["pickups_path"] == views.sample_pickups_path()
    assert (call["depot"], call["season"], call["time_limit_s"]) == ("Pakse", "wet", 1.0)
    assert call["fleet"].equals(views.sample_fleet())
    shown = at.dataframe[-1].value
    pd.testing.assert_frame_equal(shown.reset_index(drop=True), dropped)


def test_lao_mode_writes_maps_tables_and_products_in_lao() -> None:
    """In Lao, the network map names places and provinces in Lao script with the basemap's
    legend in Lao; the pickups preview shows Lao headers and products, the fleet Lao truck types."""
    at = _app()
    at.session_state["lang"] = "lo"
    at.run()
    preview, fleet = at.dataframe[0], at.dataframe(key="plan_fleet")
    assert {"ກາເຟກະລາ", "ໝາກກາເຟສົດ"} <= set(preview.value["product"])
    config = json.loads(preview.proto.columns)
    assert {str(c) for c in preview.value.columns} <= set(config)  # every column has a header
    headers = {c["label"] for c in config.values() if "label" in c}
    assert {"ນ້ຳໜັກ (ກິໂລ)", "ຜະລິດຕະພັນ", "ເສັ້ນຂະໜານ"} <= headers
    assert json.loads(fleet.proto.columns)["type"]["label"] == "ປະເພດລົດ"
    at.switch_page("app_pages/network_data.py").run()
    assert not at.exception
    deck = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    texts = {row.get("text") for layer in deck["layers"] for row in layer.get("data", [])}
    assert {"ປາກເຊ", "ປາກຊ່ອງ"} <= texts and "Pakse" not in texts
    assert "ຈຳປາສັກ" in texts  # a province name from the COD-AB file
    legend = " ".join(m.value for m in at.markdown)
    assert "ເຂດແດນແຂວງ" in legend and "ຊາຍແດນ ສປປ ລາວ" in legend


def test_app_lao_labels_use_the_glossary_terms() -> None:
    """Every app label the glossary names (i18n_keys) contains the glossary's Lao term."""
    from app_pages.i18n import ENGINE_TERMS, STRINGS

    labels = {k: v[1] for k, v in STRINGS.items()} | {k: v[1] for k, v in ENGINE_TERMS.items()}
    checked = 0
    for row in views.read_glossary().itertuples():
        for key in filter(None, str(row.i18n_keys).split(";")):
            assert key in labels, f"glossary {row.english!r} names unknown label {key!r}"
            assert row.lao in labels[key], (row.english, key, labels[key])
            checked += 1
    assert checked >= 20


def test_hired_trucks_are_costed_apart_from_the_own_fleet() -> None:
    """With trucks for hire ticked, the plan shows own and hired cost apart (own + hired =
    total, the hired trucks' rows summing to the hired cost), in both languages."""
    at = _app().run()
    at.checkbox(key="plan_hire").check().run()
    _plan(at, time_limit_s=5)
    plan: views.PlanView = at.session_state["plan_result"]
    s, trucks = plan.summary, plan.trucks
    assert s["own_cost_lak"] + s["hired_cost_lak"] == pytest.approx(s["total_cost_lak"])
    assert trucks.loc[trucks["hired"], "cost_lak"].sum() == pytest.approx(s["hired_cost_lak"])
    assert s["hired_cost_lak"] > 0 and trucks["hired"].any()  # the sample week hires trucks
    assert trucks.loc[trucks["hired"], "truck"].str.contains(" hired per ").all()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Hired trucks' cost"].endswith(" LAK")
    at.sidebar.segmented_control(key="lang").set_value("lo").run()
    metrics = {m.label: m.value for m in at.metric}
    assert {"ຕົ້ນທຶນລົດຂອງຕົນເອງ", "ຕົ້ນທຶນລົດເຊົ່າ"} <= set(metrics)
    lao_trucks = next(d.value for d in at.dataframe if "hired" in d.value.columns)
    assert not lao_trucks["truck"].str.contains("hired").any()  # ເຊົ່າເປັນມື້ / ເຊົ່າເປັນຖ້ຽວ


def test_road_end_stops_are_drawn_where_the_truck_stops(planned: AppTest) -> None:
    """In the sample wet week each stop collected at a road end is drawn at the road end, its
    village apart with a carry line ending at the stop, a legend entry and a tooltip with the
    carry's km and tonnes."""
    plan: views.PlanView = planned.session_state["plan_result"]
    at_road_end = plan.stops[plan.stops["collected_at"] == "road_end"].reset_index(drop=True)
    carried = plan.carried.reset_index(drop=True)
    assert len(carried) == len(at_road_end) == plan.summary["road_end_stops"] > 0
    villages = views.pickups_preview(views.sample_pickups_path()).set_index("id")
    for stop, carry in zip(at_road_end.to_dict("records"), carried.to_dict("records"), strict=True):
        village = villages.loc[str(stop["id"]).split("#")[0]]
        assert carry["path"][0] == [carry["lon"], carry["lat"]]
        assert (carry["lat"], carry["lon"]) == pytest.approx(
            (village["lat"], village["lon"]), abs=1e-5
        )
        assert carry["path"][1] == [stop["lon"], stop["lat"]]  # the line ends where the truck stops
        assert (stop["lat"], stop["lon"]) != pytest.approx(
            (village["lat"], village["lon"]), abs=1e-4
        )
        assert carry["carry_km"] == stop["carry_km"] > 0
    village_stops = plan.stops[plan.stops["collected_at"] == "village"]
    for stop in village_stops.to_dict("records"):  # other stops stay at their village
        village = villages.loc[str(stop["id"]).split("#")[0]]
        assert (stop["lat"], stop["lon"]) == pytest.approx(
            (village["lat"], village["lon"]), abs=1e-5
        )
    legend = next(m.value for m in planned.markdown if "bolaven-legend" in m.value)
    assert "Carried to the road end" in legend
    tips = _check_maps(planned)
    first = carried.iloc[0]
    assert f"{first['village']}: carried {first['carry_km']:,.1f} km to the road end, " in " ".join(
        tips
    )


def test_the_server_warms_the_caches_the_pages_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """`python -m app_pages.serve` fills the network map's default roads before any visitor:
    the network page then reads them from the cache instead of building them again."""
    from app_pages import common, serve

    built: list[tuple[str, str]] = []
    original = views.network_edges

    def counted(net: views.RoadNetwork, *, season: str, vehicle: str, **kw: float) -> pd.DataFrame:
        built.append((season, vehicle))
        return original(net, season=season, vehicle=vehicle, **kw)

    monkeypatch.setattr(views, "network_edges", counted)
    common.network_edges.clear()
    serve.warm_caches()
    assert built == [("dry", "heavy_truck")]
    at = _app().run()
    at.switch_page("app_pages/network_data.py").run()
    assert not at.exception
    assert built == [("dry", "heavy_truck")]  # the page's opening view: no second build
    at.radio(key="net_season.en").set_value("wet").run()
    assert built == [("dry", "heavy_truck"), ("wet", "heavy_truck")]  # the test can see a build
