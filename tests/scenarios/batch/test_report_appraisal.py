"""The all-traffic appraisal reaches kpis.csv and index.html, beside the coffee-only CBA."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from scenarios.batch.report import write_report
from scenarios.batch.report_appraisal import ALL_TRAFFIC_COLUMNS
from tests.scenarios.appraisal.test_compare import PARTS, make_result

HOURS = {
    s: {"pickup_4x4": 1 / 60, "medium_truck": 1 / 50, "heavy_truck": 1 / 45} for s in ("dry", "wet")
}
FASTER = {s: {k: v / 1.1 for k, v in h.items()} for s, h in HOURS.items()}


def _road_result() -> dict[str, Any]:
    """A stored road-upgrade result: 10 km of NR16 between Pakse and Paksong, IRI 3 -> 2."""
    appraisal = {
        "capital_cost_usd": 2_000_000,
        "maintenance_usd_per_year": 0.0,
        "construction_years": 1,
        "horizon_years": 20,
        "discount_rate": 0.12,
    }
    result = make_result(
        "overlay",
        parts={**PARTS, "trunk_haul": 290.0},
        appraisal=appraisal,
        compare_to="/lib/baseline.toml",
    )
    result["result"]["road_sections"] = [
        {
            "upgrade": 1,
            "ref": "16",
            "highway": "primary",
            "length_km": 10.0,
            "lon": 106.0,
            "lat": 15.15,
            "surface_before": "paved",
            "surface_after": "paved",
            "iri_before": 3.0,
            "iri_after": 2.0,
            "hours_per_km_before": HOURS,
            "hours_per_km_after": FASTER,
            "coffee_passes": {"heavy_truck": 1825.0, "medium_truck": 0.0, "pickup_4x4": 0.0},
        }
    ]
    return result


def test_kpis_csv_and_html_carry_the_all_traffic_appraisal(tmp_path: Path) -> None:
    """kpis.csv gets the four all-traffic columns; the HTML the appendix, sentence and tests."""
    results = [make_result("baseline"), _road_result()]
    paths = write_report(tmp_path, results)
    text = Path(str(paths["csv"])).read_text(encoding="utf-8").splitlines()
    rows = {r["scenario"]: r for r in csv.DictReader(text)}
    for column in ALL_TRAFFIC_COLUMNS:
        assert rows["overlay"][column] != "", column
        assert rows["baseline"][column] == "", column
    share = float(rows["overlay"]["coffee_benefit_share"])
    assert 0.0 < share < 0.05  # 5 coffee trucks/day among ~1,800 vehicles/day
    html = Path(str(paths["html"])).read_text(encoding="utf-8")
    assert "Economic appraisal, all traffic (HDM-4 / RED method)" in html
    assert "At the central estimates overlay returns" in html
    assert "Coffee-only appraisal" in html
    assert "Capital +20 % and benefits -20 %" in html
    assert "nr16_pakse_paksong" in html
