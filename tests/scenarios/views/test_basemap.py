"""The offline basemap: Laos, its provinces and main roads from the data pack, simplified."""

from __future__ import annotations

import json

from shapely import geometry as shp

from scenarios import views
from scenarios.views.basemap import LINE_WIDTH_PX, PROVINCES_FILE, TOLERANCE_DEG


def test_basemap_has_every_province_with_its_lao_name() -> None:
    """All 18 provinces get a label point inside the province, named in English and Lao script."""
    base = views.basemap()
    features = json.loads(PROVINCES_FILE.read_text(encoding="utf-8"))["features"]
    assert len(base.provinces) == len(features) == 18
    champasak = base.provinces.set_index("name_en").loc["Champasack"]
    assert champasak["name_lo"] == "ຈຳປາສັກ"
    shape = next(
        shp.shape(f["geometry"]) for f in features if f["properties"]["ADM1_EN"] == "Champasack"
    )
    assert shape.contains(shp.Point(champasak["lon"], champasak["lat"]))


def test_basemap_lines_are_simplified_and_drawn_border_last() -> None:
    """Roads, province boundaries and the national border come far lighter than the source
    files (97,815 road vertices), the border drawn last so nothing covers it."""
    base = views.basemap()
    lines = base.lines
    assert set(lines["kind"]) == {"primary", "secondary", "province", "border"}
    assert lines["kind"].iloc[-1] == "border"
    road_points = sum(
        len(p)
        for p, k in zip(lines["path"], lines["kind"], strict=True)
        if k in ("primary", "secondary")
    )
    assert 1_000 < road_points < 97_815 // 5
    assert list(lines["width_px"]) == [LINE_WIDTH_PX[k] for k in lines["kind"]]
    assert TOLERANCE_DEG <= 0.005


def test_basemap_land_is_laos_and_holds_pakse() -> None:
    """The land polygon is the outline of Laos: Pakse lies inside, Ubon Ratchathani (Thailand)
    outside."""
    land = views.basemap().land
    polygons = [shp.Polygon(rings[0]) for rings in land["polygon"]]
    assert any(p.contains(shp.Point(105.799, 15.1202)) for p in polygons)
    assert not any(p.contains(shp.Point(104.8472, 15.2384)) for p in polygons)
