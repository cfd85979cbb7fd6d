"""Road changes of a scenario on a tiny graph: upgrade, closure (all year / wet only), new link."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from shapely.geometry import LineString

from networks import RoadNetwork
from networks.attributes import edge_speeds
from networks.model import RepairReport, SourceInfo
from networks.tables import default_tables
from scenarios.run.resolve import network_variant
from scenarios.spec.schema import ScenarioError, ScenarioSpec, load_scenario

# A 3-node line A(0) - B(1) - C(2) on ref "R1" (gravel), and a spur B(1) - D(3) on "R2" (earth).
NODES = {0: (106.00, 15.00), 1: (106.01, 15.00), 2: (106.02, 15.00), 3: (106.01, 15.01)}
EDGES = [(0, 1, "R1", "gravel"), (1, 2, "R1", "gravel"), (1, 3, "R2", "earth")]
REACH_M = 50_000.0


def tiny_network() -> RoadNetwork:
    """Four nodes ~1.1 km apart, both directions of each road."""
    graph = nx.MultiDiGraph(crs="EPSG:4326")
    for n, (x, y) in NODES.items():
        graph.add_node(n, x=x, y=y)
    tables = default_tables()
    for u, v, ref, surface in EDGES:
        for a, b in ((u, v), (v, u)):
            attrs = {
                "length_m": 1112.0, "highway": "secondary", "ref": ref, "name": "",
                "osm_id": 1000 + 10 * u + v, "surface": surface, "surface_source": "osm",
                "surface_tag": surface, "oneway": False,
                "iri_m_per_km": tables.iri_m_per_km[surface], "added": False,
                "connector": False, "condition": "",
                "geometry": LineString([NODES[a], NODES[b]]),
            }  # fmt: skip
            edge_speeds(attrs, tables)
            graph.add_edge(a, b, **attrs)
    return RoadNetwork(graph, RepairReport(), SourceInfo("test", "", "tiny", "n/a"))


def _spec(tmp_path: Path, text: str) -> ScenarioSpec:
    path = tmp_path / "roads.toml"
    path.write_text(text, encoding="utf-8")
    return load_scenario(path)


def _edges(net: RoadNetwork, ref: str) -> list[dict[str, object]]:
    return [d for _, _, d in net.graph.edges(data=True) if d.get("ref") == ref]


def test_no_road_change_keeps_the_network_object(tmp_path: Path) -> None:
    """Without road changes the very same network object is used (no copy)."""
    net = tiny_network()
    assert network_variant(_spec(tmp_path, ""), net, REACH_M) is net


def test_upgrade_by_ref_changes_only_that_road(tmp_path: Path) -> None:
    """Paving R1 with IRI 2 makes R1 paved and faster; R2 and the original stay as they were."""
    net = tiny_network()
    text = "[[road_upgrade]]\nref = 'R1'\nsurface = 'paved'\niri_m_per_km = 2.0\n"
    new = network_variant(_spec(tmp_path, text), net, REACH_M)
    assert {d["surface"] for d in _edges(new, "R1")} == {"paved"}
    assert {d["iri_m_per_km"] for d in _edges(new, "R1")} == {2.0}
    old_speed = _edges(net, "R1")[0]["speed_kph_dry_heavy_truck"]
    assert _edges(new, "R1")[0]["speed_kph_dry_heavy_truck"] > old_speed  # type: ignore[operator]
    assert {d["surface"] for d in _edges(new, "R2")} == {"earth"}
    assert {d["surface"] for d in _edges(net, "R1")} == {"gravel"}


def test_upgrade_by_osm_id_and_section(tmp_path: Path) -> None:
    """An OSM way id selects one road; a section between two points selects part of a ref."""
    net = tiny_network()
    by_id = network_variant(
        _spec(tmp_path, "[[road_upgrade]]\nosm_ids = [1013]\nsurface = 'paved'\n"), net, REACH_M
    )
    assert {d["surface"] for d in _edges(by_id, "R2")} == {"paved"}
    assert {d["surface"] for d in _edges(by_id, "R1")} == {"gravel"}
    text = (
        "[[road_upgrade]]\nref = 'R1'\nbetween = ['15.0,106.0', '15.0,106.01']\nsurface = 'paved'\n"
    )
    section = network_variant(_spec(tmp_path, text), net, REACH_M)
    paved = {(u, v) for u, v, d in section.graph.edges(data=True) if d["surface"] == "paved"}
    assert paved == {(0, 1), (1, 0)}


def test_closures_all_year_and_wet_only(tmp_path: Path) -> None:
    """A closure in both seasons blocks every class; a wet-only one keeps the dry season open."""
    net = tiny_network()
    closed = network_variant(_spec(tmp_path, "[[closure]]\nref = 'R2'\n"), net, REACH_M)
    assert not any(d["passable_dry_pickup_4x4"] for d in _edges(closed, "R2"))
    wet = network_variant(
        _spec(tmp_path, "[[closure]]\nref = 'R1'\nseasons = ['wet']\n"), net, REACH_M
    )
    assert all(d["passable_dry_heavy_truck"] for d in _edges(wet, "R1"))
    assert not any(d["passable_wet_pickup_4x4"] for d in _edges(wet, "R1"))


def test_new_link_joins_two_points(tmp_path: Path) -> None:
    """A new paved link between A and D adds an 'added' road in both directions."""
    net = tiny_network()
    text = (
        "[[new_link]]\nfrom_place = '15.0,106.0'\nto_place = '15.01,106.01'\n"
        "surface = 'paved'\nref = 'NEW'\n"
    )
    new = network_variant(_spec(tmp_path, text), net, REACH_M)
    added = [d for _, _, d in new.graph.edges(data=True) if d.get("added")]
    assert len(added) == 2
    assert {d["surface"] for d in added} == {"paved"}
    assert not any(d.get("added") for _, _, d in net.graph.edges(data=True))


@pytest.mark.parametrize(
    ("text", "match"),
    [
        (
            "[[road_upgrade]]\nref = 'R9'\nsurface = 'paved'\n",
            r"roads\.toml: \[road_upgrade\.1\] .*'R9'",
        ),
        (
            "[[road_upgrade]]\nref = 'R2'\nbetween = ['15.0,106.0', '15.0,106.02']\n"
            "surface = 'paved'\n",
            r"roads\.toml: \[road_upgrade\.1\] None of the selected roads lies on the path",
        ),
        ("[[closure]]\nosm_ids = [42]\n", r"roads\.toml: \[closure\.1\] .*42"),
        (
            "[[road_upgrade]]\nbbox = [100.0, 10.0, 100.1, 10.1]\nsurface = 'paved'\n",
            r"roads\.toml: \[road_upgrade\.1\] .*bbox",
        ),
        (
            "[[new_link]]\nfrom_place = 'Atlantis'\nto_place = '15.0,106.0'\n",
            r"roads\.toml: \[new_link\.1\] .*Atlantis",
        ),
    ],
)
def test_bad_road_selections_name_file_and_key(tmp_path: Path, text: str, match: str) -> None:
    """A ref, section, way id, bbox or place that matches nothing gives one clear message."""
    with pytest.raises(ScenarioError, match=match):
        network_variant(_spec(tmp_path, text), tiny_network(), REACH_M)
