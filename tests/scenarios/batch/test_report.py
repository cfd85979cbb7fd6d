"""The offline HTML report, kpis.csv and flows.gpkg."""

from __future__ import annotations

import csv
from pathlib import Path

import geopandas as gpd

from scenarios.batch.report import write_report
from tests.scenarios.appraisal.test_compare import APPRAISAL, PARTS, make_result


def test_report_writes_three_outputs(tmp_path: Path) -> None:
    """index.html (self-contained), one CSV row per scenario incl. failures, and a GeoPackage."""
    base = make_result("baseline")
    road = make_result(
        "road",
        parts={**PARTS, "trunk_haul": 250.0},
        appraisal={**APPRAISAL, "capital_cost_usd": 1.0},
        compare_to="/lib/baseline.toml",
    )
    errors = [{"name": "broken", "error": "broken.toml: [costs] unknown key 'x'"}]
    paths = write_report(tmp_path, [base, road], errors)

    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert paths["html"] == tmp_path / "index.html"
    assert "<svg" in html and "road vs baseline" in html
    assert "Benefit-cost ratio" in html
    assert "route paksong &gt; vang_tao-laem_chabang" in html
    assert "broken.toml: [costs] unknown key" in html
    assert "<script" not in html and "http://" not in html.replace("http://www.w3.org", "")

    with (tmp_path / "kpis.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["scenario"] for r in rows] == ["baseline", "road", "broken"]
    assert float(rows[1]["annual_saving_lak"]) == 50.0 * 1000.0
    assert rows[1]["bcr"] != "" and rows[0]["bcr"] == ""
    assert rows[2]["status"] == "failed"
    assert [(r["solver_status"], r["mip_gap_pct"]) for r in rows[:2]] == [("optimal", "0.0")] * 2
    assert "<th>Solver status</th>" in html
    assert "solver: road: optimal, proven gap 0.0000 %; baseline: optimal" in html

    flows = gpd.read_file(tmp_path / "flows.gpkg", layer="flows")
    assert sorted(flows["scenario"]) == ["baseline", "road"]
    assert flows.crs.to_epsg() == 4326
    assert flows["tonnes"].sum() == 2000.0


def test_report_without_flows_skips_the_geopackage(tmp_path: Path) -> None:
    """Results without geometry still give HTML and CSV; no empty GeoPackage is written."""
    base = make_result("baseline")
    base["result"]["flows"] = []
    paths = write_report(tmp_path, [base])
    assert paths["gpkg"] is None
    assert "No flow geometry" in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_road_flows_are_simplified_in_the_map_and_kept_in_the_geopackage(tmp_path: Path) -> None:
    """A 201-vertex road line keeps its vertices in flows.gpkg; the SVG map draws a few only."""
    base = make_result("baseline")
    wiggle = [[106.0 + i * 0.001, 15.0 + (0.0002 if i % 2 else 0.0)] for i in range(201)]
    flow = base["result"]["flows"][0]
    flow.update(coords=wiggle, geometry_kind="road", road_km=22.5)
    write_report(tmp_path, [base])

    flows = gpd.read_file(tmp_path / "flows.gpkg", layer="flows")
    assert len(flows.geometry.iloc[0].coords) == 201
    assert flows["geometry_kind"].tolist() == ["road"]
    assert flows["road_km"].tolist() == [22.5]
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    points = html.split('<polyline points="')[1].split('"')[0].split()
    assert len(points) == 2  # 22 m wiggles vanish under the 0.005 degree tolerance
