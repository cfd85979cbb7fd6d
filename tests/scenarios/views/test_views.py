"""The app facade's pure pieces: money, uploads, scenario staging, stored runs, map helpers,
data sources and colours."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import networkx as nx
import pandas as pd
import pytest
from shapely.geometry import LineString

from networks import RepairReport, RoadNetwork, SourceInfo
from scenarios import views
from scenarios.common.costing import COST_RATES_TOML, load_cost_rates

ROOT = Path(__file__).resolve().parents[3]
RATE = views.ExchangeRate(21_900.0, "test")
MB = 1024 * 1024


# ---- money ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount_lak", "currency", "expected"),
    [
        (21_900_000.0, "LAK", "21,900,000 LAK"),
        (1234.5, "LAK", "1,234 LAK"),  # banker's rounding of .5 to the even kip
        (-50_000.0, "LAK", "-50,000 LAK"),
        (21_900_000.0, "USD", "US$ 1,000"),
        (21_899_781.0, "USD", "US$ 999.99"),  # below 1,000 US$: cents shown
        (10_950.0, "USD", "US$ 0.50"),
        (-10_950.0, "USD", "US$ -0.50"),
        (0.0, "USD", "US$ 0.00"),
        (float("nan"), "USD", "–"),
        (float("inf"), "LAK", "–"),
        (float("-inf"), "USD", "–"),
    ],
)
def test_format_money(amount_lak: float, currency: str, expected: str) -> None:
    """LAK amounts are written in LAK or in USD at the given rate; non-finite ones as a dash."""
    assert views.format_money(amount_lak, currency, RATE) == expected


@pytest.mark.parametrize("currency", ["EUR", "lak", "", "usd"])
def test_format_money_rejects_unknown_currency(currency: str) -> None:
    """An unknown currency (case matters) names the valid choices."""
    with pytest.raises(ValueError, match=rf"Unknown currency {currency!r}\. Choose from: LAK, USD"):
        views.format_money(1.0, currency, RATE)


@pytest.mark.parametrize("lak_per_usd", [0.0, -21_900.0, float("nan"), float("inf")])
def test_exchange_rate_must_be_positive_and_finite(lak_per_usd: float) -> None:
    """A rate of zero, below zero or not finite is refused with the value received."""
    with pytest.raises(ValueError, match=r"Expected lak_per_usd > 0; got"):
        views.ExchangeRate(lak_per_usd, "test")


def _cost_rates(tmp_path: Path, lak_per_usd: str, *, top: str = "") -> Path:
    """The shipped cost rates with the ``[lak_per_usd]`` table replaced by ``lak_per_usd``
    (and ``top`` before the first table)."""
    text = COST_RATES_TOML.read_text(encoding="utf-8")
    start = text.index("[lak_per_usd]")
    end = text.index("[", start + 1)
    path = tmp_path / "cost_rates.toml"
    path.write_text(top + text[:start] + lak_per_usd + text[end:], encoding="utf-8")
    return path


def test_exchange_rate_comes_from_the_cost_rates(tmp_path: Path) -> None:
    """The rate is the validated cost rates' lak_per_usd, with its entry's source and flag."""
    path = _cost_rates(
        tmp_path, '[lak_per_usd]\nvalue = 20000\nsource = "a bank"\nestimate = false\n\n'
    )
    assert views.exchange_rate(path) == views.ExchangeRate(20_000.0, "a bank", estimate=False)
    assert load_cost_rates(path).lak_per_usd == 20_000.0


def test_exchange_rate_of_a_bare_number_is_an_estimate_named_by_its_file(tmp_path: Path) -> None:
    """A bare ``lak_per_usd = 21000`` has no provenance: the file is named, flagged estimate."""
    path = _cost_rates(tmp_path, "", top="lak_per_usd = 21000\n")
    assert views.exchange_rate(path) == views.ExchangeRate(21_000.0, "cost_rates.toml", True)


@pytest.mark.parametrize(
    ("entry", "match"),
    [
        ("", r"cost_rates\.toml: expected keys lak_per_usd; they are missing"),
        ('[lak_per_usd]\nvalue = "lots"\n\n', r"\[lak_per_usd\] expected a number in 'value'"),
        ("[lak_per_usd]\nvalue = 0\n\n", r"lak_per_usd"),
        ("[usd_rate]\nvalue = 21900\n\n", r"unknown keys \['usd_rate'\]"),
    ],
)
def test_exchange_rate_refuses_what_the_cost_rate_loader_refuses(
    tmp_path: Path, entry: str, match: str
) -> None:
    """A missing, non-numeric, zero or misnamed rate is an error naming the file: no guessing."""
    with pytest.raises(ValueError, match=match):
        views.exchange_rate(_cost_rates(tmp_path, entry))


def test_shipped_exchange_rate_is_the_cost_models_rate() -> None:
    """The app converts at the rate the costs were computed with, and shows its source."""
    rate = views.exchange_rate()
    assert rate.lak_per_usd == load_cost_rates().lak_per_usd > 1000
    assert rate.source and rate.source != "cost_rates.toml"


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("LAK", "LAK"),
        ("LAK/t", "LAK"),
        ("LAK/t collected", "LAK"),
        ("US$/t", "USD"),
        ("t green", None),
        ("t-km", None),
        ("share", None),
        ("", None),
    ],
)
def test_unit_currency(unit: str, expected: str | None) -> None:
    """Money units are told by their currency part; other units are not money."""
    assert views.unit_currency(unit) == expected


def test_money_rows_convert_lak_rows_and_leave_out_usd_twins() -> None:
    """Rows in LAK units are converted and relabelled; US$ rows go; other rows stay as they are."""
    frame = pd.DataFrame(
        {
            "kpi": ["cost", "cost in US$", "volume"],
            "unit": ["LAK/t", "US$/t", "t green"],
            "a": [43_800, 2.0, 30_000],
            "b": [21_900, 1.0, 40_000],
        }
    )
    usd = views.money_rows(frame, "USD", RATE, unit_column="unit", value_columns=["a", "b"])
    assert usd.to_dict("list") == {
        "kpi": ["cost", "volume"],
        "unit": ["USD/t", "t green"],
        "a": [2.0, 30_000.0],
        "b": [1.0, 40_000.0],
    }
    lak = views.money_rows(frame, "LAK", RATE, unit_column="unit", value_columns=["a", "b"])
    assert lak["unit"].tolist() == ["LAK/t", "t green"] and lak["a"].tolist() == [43_800, 30_000]


def test_money_columns_convert_and_rename_lak_columns() -> None:
    """Columns with the word lak in their name are converted and renamed; others are kept."""
    frame = pd.DataFrame({"npv_lak": [21_900_000], "lak_per_t": [43_800], "bcr": [1.5]})
    usd = views.money_columns(frame, "USD", RATE)
    assert usd.to_dict("list") == {"npv_usd": [1000.0], "usd_per_t": [2.0], "bcr": [1.5]}
    lak = views.money_columns(frame, "LAK", RATE)
    assert list(lak.columns) == ["npv_lak", "lak_per_t", "bcr"]
    assert lak["npv_lak"].tolist() == [21_900_000.0]
    with pytest.raises(ValueError, match=r"Unknown currency 'EUR'\. Choose from: LAK, USD"):
        views.money_columns(frame, "EUR", RATE)


# ---- uploads --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size_bytes", "limit_bytes", "match"),
    [
        (2 * MB + 1, 2 * MB, r"expected a file of at most 2 MB, got 2\.0 MB"),
        (3 * MB, 2 * MB, r"expected a file of at most 2 MB, got 3\.0 MB"),
        (5 * MB, 4 * MB, r"expected a file of at most 4 MB, got 5\.0 MB"),
        (0, 2 * MB, r"expected a file with a header row and data rows, got an empty file"),
    ],
)
def test_check_upload_size_rejects_too_large_or_empty(
    size_bytes: int, limit_bytes: int, match: str
) -> None:
    """Uploads over the limit name both sizes; an empty upload says so."""
    with pytest.raises(ValueError, match=match):
        views.check_upload_size(size_bytes, limit_bytes=limit_bytes)


@pytest.mark.parametrize("size_bytes", [1, 2 * MB])
def test_check_upload_size_accepts_up_to_the_limit(size_bytes: int) -> None:
    """One byte and exactly the 2 MB default limit are accepted."""
    views.check_upload_size(size_bytes)
    assert views.MAX_UPLOAD_BYTES == 2 * MB


def test_staged_upload_is_named_by_its_content_hash(tmp_path: Path) -> None:
    """A staged upload is ``upload-<sha256[:20]>.csv`` in the folder, whatever its content says."""
    data = b"id,name\n../../etc/passwd,x\n"
    path = views.stage_upload(data, suffix=".csv", directory=tmp_path)
    assert path == tmp_path / f"upload-{hashlib.sha256(data).hexdigest()[:20]}.csv"
    assert path.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no ".part" left over


def test_same_upload_maps_to_the_same_path(tmp_path: Path) -> None:
    """The same bytes give the same path (so cached results apply); other bytes another one."""
    first = views.stage_upload(b"a,b\n1,2\n", suffix=".csv", directory=tmp_path)
    again = views.stage_upload(b"a,b\n1,2\n", suffix=".csv", directory=tmp_path)
    other = views.stage_upload(b"a,b\n1,3\n", suffix=".csv", directory=tmp_path)
    assert first == again != other
    assert len(list(tmp_path.iterdir())) == 2


@pytest.mark.parametrize(
    ("data", "suffix", "match"),
    [
        (b"x", ".py", r"Unknown upload type '\.py'\. Choose from: \.csv, \.toml"),
        (b"x", "/../../x.csv", r"Unknown upload type '/\.\./\.\./x\.csv'"),
        (b"x", "", r"Unknown upload type ''"),
        (b"", ".csv", r"got an empty file"),
        (b"x" * (2 * MB + 1), ".csv", r"at most 2 MB, got 2\.0 MB"),
    ],
)
def test_stage_upload_rejects_bad_uploads_before_writing(
    tmp_path: Path, data: bytes, suffix: str, match: str
) -> None:
    """A bad type or size is refused and nothing is written."""
    folder = tmp_path / "uploads"
    with pytest.raises(ValueError, match=match):
        views.stage_upload(data, suffix=suffix, directory=folder)
    assert not folder.exists()


# ---- scenario uploads -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ('extends = "../../x.toml"\n', "extends", "../../x.toml"),
        ('extends = "/etc/passwd"\n', "extends", "/etc/passwd"),
        ('extends = "library/baseline.toml"\n', "extends", "library/baseline.toml"),
        ('compare_to = "../baseline.toml"\n', "compare_to", "../baseline.toml"),
        ('extends = "baseline.toml"\ncompare_to = "nope.toml"\n', "compare_to", "nope.toml"),
    ],
)
def test_scenario_upload_may_only_extend_library_files(
    tmp_path: Path, text: str, key: str, value: str
) -> None:
    """A hostile ``extends`` or ``compare_to`` is refused by name before anything is written."""
    data = text.encode()
    label = f"upload-{hashlib.sha256(data).hexdigest()[:20]}.toml"
    expected = (
        rf"{re.escape(label)}: key '{key}': expected the name of a library scenario "
        rf"\(.*baseline\.toml.*\); got {re.escape(repr(value))}"
    )
    with pytest.raises(ValueError, match=expected):
        views.stage_scenario_upload(data, directory=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_scenario_upload_is_staged_beside_library_copies(tmp_path: Path) -> None:
    """A good upload gets a generated name beside copies of the library, so it can extend them."""
    data = b'extends = "baseline.toml"\nname = "mine"\n'
    path = views.stage_scenario_upload(data, directory=tmp_path)
    digest = hashlib.sha256(data).hexdigest()[:20]
    assert path == tmp_path / f"scenario-{digest}" / f"upload-{digest}.toml"
    library = {p.name for p in views.LIBRARY.glob("*.toml")}
    assert "baseline.toml" in library
    assert {p.name for p in path.parent.iterdir()} == library | {path.name}
    spec = views.load_scenario_file(path)
    assert spec.name == "mine"


def test_invalid_toml_upload_is_left_to_the_scenario_loader(tmp_path: Path) -> None:
    """Broken TOML passes the name guard; the loader then reports the line."""
    path = views.stage_scenario_upload(b"[[road_upgrade\n", directory=tmp_path)
    with pytest.raises(ValueError, match=r"not valid TOML.*line 1"):
        views.load_scenario_file(path)


# ---- stored runs ----------------------------------------------------------------------------


def test_stored_scenario_result_is_reused(tmp_path: Path) -> None:
    """A scenario whose result is stored for the same content, data and code is not re-solved."""
    from scenarios.batch.runner import inputs_fingerprint

    spec = views.load_scenario_file(views.LIBRARY / "baseline.toml")
    key = f"{views.scenario_key(spec)}:{inputs_fingerprint()}"
    stored = tmp_path / f"{hashlib.sha256(key.encode()).hexdigest()}.json"
    assert views.stored_result_path(spec, cache_dir=tmp_path) == stored
    solver = {"status": "optimal", "mip_gap": 0.0, "proven_optimal": True}
    result = {"kpis": {"tonnes": 7.0}, "solver": solver}
    stored.write_text(json.dumps(result), encoding="utf-8")
    payload = views.run_scenario_payload(spec, cache_dir=tmp_path)
    assert payload["result"] == result
    assert payload["name"] == "baseline" and payload["compare_to"] == spec.compare_to


def test_results_folder_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """$BOLAVEN_APP_RESULTS wins, then $BOLAVEN_CACHE_DIR/app-results, then .cache/app-results."""
    monkeypatch.delenv("BOLAVEN_APP_RESULTS", raising=False)
    monkeypatch.delenv("BOLAVEN_CACHE_DIR", raising=False)
    assert views.results_cache_dir() == ROOT / ".cache" / "app-results"
    monkeypatch.setenv("BOLAVEN_CACHE_DIR", str(tmp_path / "c"))
    assert views.results_cache_dir() == tmp_path / "c" / "app-results"
    monkeypatch.setenv("BOLAVEN_APP_RESULTS", str(tmp_path / "r"))
    assert views.results_cache_dir() == tmp_path / "r"


def test_baseline_file_defaults_to_the_library_baseline(tmp_path: Path) -> None:
    """A scenario without ``compare_to`` is compared to the library baseline."""
    assert views.baseline_file(SimpleNamespace(compare_to=None)) == views.LIBRARY / "baseline.toml"
    other = str(tmp_path / "wet.toml")
    assert views.baseline_file(SimpleNamespace(compare_to=other)) == Path(other)


def test_scenario_without_road_changes_changes_no_roads() -> None:
    """A scenario that leaves the roads alone gives an empty changed-roads table (no network)."""
    frame = views.changed_roads(SimpleNamespace(has_network_changes=False, name="x"))
    assert frame.empty
    assert list(frame.columns) == [
        "scenario",
        "change",
        "ref",
        "surface",
        "length_km",
        "path",
        "rgb",
    ]


# ---- map helpers ----------------------------------------------------------------------------


def _tiny_network() -> RoadNetwork:
    """A two-way paved road A–B (1 km, with geometry), a one-way earth road B–C, a connector
    S–A both ways."""
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph(crs="EPSG:4326")
    for node, (x, y) in {"A": (106.0, 15.0), "B": (106.01, 15.0), "C": (106.01, 15.01)}.items():
        graph.add_node(node, x=x, y=y)
    graph.add_node("S", x=106.0, y=15.001)
    paved = {
        "length_m": 1000.0,
        "surface": "paved",
        "highway": "primary",
        "ref": "16",
        "passable_wet_heavy_truck": True,
        "speed_kph_wet_heavy_truck": 50.0,
        "geometry": LineString([(106.0, 15.0), (106.005, 15.0005), (106.01, 15.0)]),
    }
    graph.add_edge("A", "B", 0, **paved)
    graph.add_edge("B", "A", 0, **paved)
    graph.add_edge(
        "B",
        "C",
        0,
        length_m=1500.0,
        surface="earth",
        highway="secondary",
        oneway=True,
        passable_wet_heavy_truck=False,
    )
    graph.add_edge("S", "A", 0, length_m=100.0, connector=True, highway="connector")
    graph.add_edge("A", "S", 0, length_m=100.0, connector=True, highway="connector")
    source = SourceInfo(kind="test", path="", description="tiny", data_date="2026")
    return RoadNetwork(graph=graph, repairs=RepairReport(), source=source)


def test_network_edges_lists_each_section_once_without_connectors() -> None:
    """A two-way road is one row; connectors are left out; colours follow surface and season."""
    edges = views.network_edges(_tiny_network(), season="wet", vehicle="heavy_truck")
    assert sorted(edges["surface"]) == ["earth", "paved"]
    paved = edges.set_index("surface").loc["paved"]
    assert paved["length_km"] == 1.0 and paved["speed_kph"] == 50.0 and paved["passable"]
    assert paved["path"] == [[106.0, 15.0], [106.005, 15.0005], [106.01, 15.0]]
    earth = edges.set_index("surface").loc["earth"]
    assert earth["path"] == [[106.01, 15.0], [106.01, 15.01]]  # straight, from the nodes
    assert earth["passable_rgb"] == list(views.palette.PASSABLE_RGB[False])
    assert paved["surface_rgb"] == list(views.palette.SURFACE_RGB["paved"])


def test_network_summary_is_the_network_info_summary_with_sections() -> None:
    """The page's summary is ``bolaven network info``'s, plus sections counted like its km."""
    import networks

    net = _tiny_network()
    summary = views.network_summary(net)
    assert summary == {**networks.network_summary(net), "sections": 3}
    assert (summary["nodes"], summary["km_total"], summary["source"]["description"]) == (
        4,
        2.6,
        "tiny",
    )
    table = views.km_by(views.network_edges(net, season="wet", vehicle="heavy_truck"), "surface")
    pd.testing.assert_frame_equal(
        table, pd.DataFrame({"surface": ["earth", "paved"], "length_km": [1.5, 1.0]})
    )


def test_shipped_network_km_and_sections_agree_with_the_edges_table() -> None:
    """On the embedded network, the road table sums to the summary's km and sections."""
    net = views.load_road_network()
    summary = views.network_summary(net)
    edges = views.network_edges(net, season="dry", vehicle="heavy_truck")
    connectors = summary["connector_edges"]
    assert len(edges) == summary["sections"] - connectors // 2
    assert edges["length_km"].sum() == pytest.approx(summary["km_total"], abs=1.0)


@pytest.mark.parametrize(
    ("lons", "lats", "expected"),
    [
        ([], [], {"longitude": 106.2, "latitude": 15.2, "zoom": 7.0}),
        ([106.0], [15.0], {"longitude": 106.0, "latitude": 15.0, "zoom": 13.0}),
        ([100.0, 110.0], [10.0, 20.0], {"longitude": 105.0, "latitude": 15.0, "zoom": 5.6}),
        ([50.0, 150.0], [0.0, 10.0], {"longitude": 100.0, "latitude": 5.0, "zoom": 4.0}),
    ],
)
def test_view_state_fits_the_points(
    lons: list[float], lats: list[float], expected: dict[str, float]
) -> None:
    """The view is centred on the points; the zoom fits the larger span, between 4 and 13."""
    assert views.view_state(lons, lats) == pytest.approx(expected, abs=0.01)


def test_study_area_view_centres_southern_laos() -> None:
    """The study area view is centred on 106.3 E, 15.5 N."""
    view = views.study_area_view()
    assert (view["longitude"], view["latitude"]) == pytest.approx((106.3, 15.5))


# ---- plan pickups inputs --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("counts", "message"),
    [
        ([0, 0, 0], "fleet: expected at least one truck with count >= 1, got none"),
        ([1, -1, 0], "fleet row 2, column count: expected a whole number >= 0, got -1"),
        ([1, 1.5, 0], "fleet row 2, column count: expected a whole number >= 0, got 1.5"),
        ([1, 0, "two"], "fleet row 3, column count: expected a whole number >= 0, got two"),
        (
            [None, 1, 0],
            "fleet row 1, column count: expected a whole number >= 0, got an empty cell",
        ),
    ],
)
def test_bad_fleet_edits_are_rejected(counts: list[Any], message: str) -> None:
    """An edited fleet with no trucks or a bad count is rejected with the row named."""
    fleet = views.sample_fleet().assign(count=counts)
    with pytest.raises(ValueError, match=re.escape(message)):
        views.stage_fleet(fleet)


def test_fleet_without_a_count_column_is_rejected() -> None:
    """A fleet table must have type and count columns; the missing ones are named."""
    with pytest.raises(ValueError, match="expected columns type, count; missing count"):
        views.stage_fleet(pd.DataFrame({"type": ["6-wheel"]}))


def test_edited_fleet_keeps_only_trucks_in_use() -> None:
    """A staged fleet CSV keeps the rows with count >= 1 and the shift columns."""
    fleet = views.sample_fleet().assign(count=[0, 3, 1])
    text = views.stage_fleet(fleet).read_text(encoding="utf-8")
    assert text.splitlines() == [
        "type,count,shift_start,max_hours",
        "6-wheel,3,07:00,10",
        "10-wheel,1,07:00,10",
    ]


def test_depot_choices_are_lao_mills_and_towns_paksong_first(tmp_path: Path) -> None:
    """Depots: Paksong first, then mills, then Lao towns inside the study area; no ports."""
    places = tmp_path / "places.csv"
    places.write_text(
        "name,kind,country,lat,lon\n"
        "Pakse,town,LA,15.12,105.80\n"
        "Paksong,town,LA,15.18,106.23\n"
        "Coop mill,mill,LA,15.20,106.20\n"
        "Vientiane,town,LA,17.97,102.63\n"
        "Ubon Ratchathani,city,TH,15.24,104.85\n"
        "Laem Chabang,seaport,TH,13.08,100.88\n",
        encoding="utf-8",
    )
    assert views.depot_choices(places) == ["Paksong", "Coop mill", "Pakse"]


def test_depot_choices_of_the_shipped_places_start_with_paksong() -> None:
    """The shipped places give Paksong first and only Lao mills and towns."""
    import networks

    depots = views.depot_choices()
    kinds = {p.name: (p.kind, p.country) for p in networks.load_places()}
    assert depots[0] == "Paksong"
    assert all(kinds[name] in {("mill", "LA"), ("town", "LA")} for name in depots)


def test_sample_pickups_are_shipped() -> None:
    """The shipped sample exists, so the Plan pickups page has inputs."""
    assert views.sample_pickups_path().is_file()


# ---- data sources ---------------------------------------------------------------------------


def test_markdown_tables_reads_rows_by_header() -> None:
    """Pipe tables become rows keyed by their header; markup is dropped; prose is skipped."""
    text = (
        "# Title\n\n| File | Licence |\n|---|---|\n| `a.csv` | **ODbL** |\n| b.csv | CC BY |\n"
        "\nprose\n\n| Figure | Value |\n|:--|--:|\n| x | 1 |\n"
    )
    assert views.markdown_tables(text) == [
        [{"File": "a.csv", "Licence": "ODbL"}, {"File": "b.csv", "Licence": "CC BY"}],
        [{"Figure": "x", "Value": "1"}],
    ]


def test_data_sources_table_is_read_from_sources_md() -> None:
    """Every dataset row of data/SOURCES.md is in the table, the OSM roads under the ODbL."""
    table = views.data_sources()
    assert list(table.columns) == ["dataset", "licence", "file", "origin"]
    text = views.sources_markdown()
    assert all(f"`{name}`" in text for name in table["file"])
    osm = table.set_index("file").loc["data/osm/laos_main_roads_osm_2014.geojson"]
    assert "ODbL" in osm["licence"]
    assert {"data/places.csv", "data/admin/south_laos_villages_odm.geojson"} <= set(table["file"])


def test_data_sources_without_a_dataset_table_is_an_error(tmp_path: Path) -> None:
    """A SOURCES.md with no File/Licence table is refused, naming the columns expected."""
    path = tmp_path / "SOURCES.md"
    path.write_text("# Sources\n\n| Figure | Value |\n|---|---|\n| x | 1 |\n", encoding="utf-8")
    with pytest.raises(
        ValueError,
        match=r"SOURCES\.md: expected a table with the columns What, Licence, File, Source",
    ):
        views.data_sources(path)


# ---- colours --------------------------------------------------------------------------------


def test_one_categorical_palette_for_routes_and_flows() -> None:
    """Routes use the ten category colours; flows the same minus grey and olive; both repeat."""
    palette = views.palette
    assert palette.ROUTE_RGB == palette.CATEGORY_RGB and len(palette.CATEGORY_RGB) == 10
    assert palette.FLOW_RGB[6:] == ((227, 119, 194), (23, 190, 207))  # pink, then cyan
    assert len(palette.FLOW_RGB) == 8 and set(palette.FLOW_RGB) < set(palette.CATEGORY_RGB)
    assert palette.cycle(palette.FLOW_RGB, 8) == [31, 119, 180]
