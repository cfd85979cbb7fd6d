"""One pipeline, several sources: .osm, .osm.pbf, GeoJSON; bad files; the cache."""

from __future__ import annotations

import json
from pathlib import Path

import osmium
import pytest

from networks import NetworkDataError, load_network, travel_matrix

# A T junction: 1-2-3 along the equator (primary), 2-4 north (secondary), plus a footway.
NODES = {1: (0.0, 0.0), 2: (0.01, 0.0), 3: (0.02, 0.0), 4: (0.01, 0.01), 5: (0.03, 0.0)}


def _write_osm(path: Path) -> Path:
    with osmium.SimpleWriter(str(path)) as writer:
        for i, (lon, lat) in NODES.items():
            writer.add_node(osmium.osm.mutable.Node(id=i, location=osmium.osm.Location(lon, lat)))
        writer.add_way(
            osmium.osm.mutable.Way(
                id=10, nodes=[1, 2, 3], tags={"highway": "primary", "ref": "13S"}
            )
        )
        writer.add_way(
            osmium.osm.mutable.Way(
                id=11, nodes=[2, 4], tags={"highway": "secondary", "surface": "dirt"}
            )
        )
        writer.add_way(osmium.osm.mutable.Way(id=12, nodes=[3, 5], tags={"highway": "footway"}))
    return path


@pytest.mark.parametrize("name", ["tiny.osm", "tiny.osm.pbf"])
def test_osm_xml_and_pbf_give_the_same_graph(tmp_path: Path, cache_dir: Path, name: str) -> None:
    """Both formats give 4 nodes, 3 two-way roads; the footway is ignored; surfaces sourced."""
    net = load_network(_write_osm(tmp_path / name))
    g = net.graph
    assert g.number_of_nodes() == 4 and g.number_of_edges() == 6
    by_id = {d["osm_id"]: d for *_, d in g.edges(data=True)}
    assert by_id[11]["surface"] == "earth" and by_id[11]["surface_source"] == "osm"
    assert by_id[10]["surface_source"] == "class default"
    assert by_id[10]["ref"] == "13S"
    assert net.source.kind == ("osm_pbf" if name.endswith("pbf") else "osm_xml")
    m = travel_matrix(net, list(g.nodes), season="dry", vehicle="pickup_4x4")
    assert m.unreachable_pairs == 0


def test_geojson_source_and_cache_round_trip(tmp_path: Path, cache_dir: Path) -> None:
    """A GeoJSON source builds, is cached, and the cached load is equal."""
    path = tmp_path / "roads.geojson"
    feature = {"type": "Feature", "properties": {"osm_id": 7, "highway": "primary"},
               "geometry": {"type": "LineString", "coordinates": [[0, 0], [0.01, 0]]}}  # fmt: skip
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    first = load_network(path)
    assert len(list(cache_dir.glob("*.pickle"))) == 1
    second = load_network(path)
    assert second.source == first.source
    assert sorted(second.graph.edges) == sorted(first.graph.edges)


def test_bolaven_network_env_var_selects_the_source(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """BOLAVEN_NETWORK=path is used when no source is given."""
    path = _write_osm(tmp_path / "env.osm")
    monkeypatch.setenv("BOLAVEN_NETWORK", str(path))
    assert load_network().source.path == str(path)


@pytest.mark.parametrize(
    ("name", "content", "match"),
    [
        ("empty.osm", b"", "is empty"),
        ("bad.osm.pbf", b"this is not a pbf file at all", "corrupt or wrong format"),
        ("bad.osm", b"<osm><node id='1' lat='x'", "corrupt or wrong format"),
        ("bad.geojson", b"{not json", "Cannot read .* as GeoJSON"),
        ("roads.shp", b"abc", "Unsupported network file"),
        ("noroads.geojson", b'{"type": "FeatureCollection", "features": []}', "No drivable roads"),
    ],
)
def test_bad_network_files_raise_a_clear_error(
    tmp_path: Path, cache_dir: Path, name: str, content: bytes, match: str
) -> None:
    """Empty, corrupt, unsupported or road-less files raise NetworkDataError."""
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(NetworkDataError, match=match):
        load_network(path)


def test_missing_file_raises(tmp_path: Path, cache_dir: Path) -> None:
    """A missing file is reported by path."""
    with pytest.raises(NetworkDataError, match="not found"):
        load_network(tmp_path / "nope.osm")


def test_graphml_export_loads_back_with_the_same_routes(tmp_path: Path, cache_dir: Path) -> None:
    """A network exported to GraphML loads again and gives the same shortest distance."""
    from networks.export import export_network

    net = load_network(_write_osm(tmp_path / "t.osm"))
    out = export_network(net, tmp_path / "t.graphml")
    again = load_network(out)
    assert again.source.kind == "graphml"
    a = travel_matrix(net, list(net.graph.nodes), season="dry", vehicle="pickup_4x4")
    b = travel_matrix(again, list(again.graph.nodes), season="dry", vehicle="pickup_4x4")
    assert sorted(a.distance_m.ravel()) == pytest.approx(sorted(b.distance_m.ravel()))
