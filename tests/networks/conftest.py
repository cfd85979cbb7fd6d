"""Tiny networks built in code, and the embedded network loaded once per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from shapely.geometry import LineString

from networks import RoadNetwork, load_network
from networks.attributes import edge_speeds
from networks.model import RepairReport, SourceInfo
from networks.tables import default_tables

# 0.01 degree of longitude on the equator, in metres (R = 6,371,008.8 m).
DEG001_M = 1111.9508


def make_network(
    nodes: dict[int, tuple[float, float]],
    edges: list[tuple[int, int, float, str]],
    *,
    oneway: bool = False,
) -> RoadNetwork:
    """A network from node (lon, lat) and edges (u, v, length_m, surface), both ways."""
    graph = nx.MultiDiGraph(crs="EPSG:4326")
    for n, (x, y) in nodes.items():
        graph.add_node(n, x=x, y=y)
    tables = default_tables()
    for u, v, length, surface in edges:
        pairs = [(u, v)] if oneway else [(u, v), (v, u)]
        for a, b in pairs:
            attrs = {
                "length_m": length, "highway": "primary", "ref": f"R{min(u, v)}{max(u, v)}",
                "name": "", "osm_id": 100 + min(u, v) * 10 + max(u, v), "surface": surface,
                "surface_source": "osm", "surface_tag": surface, "oneway": oneway,
                "iri_m_per_km": tables.iri_m_per_km[surface], "added": False,
                "connector": False, "condition": "",
                "geometry": LineString([nodes[a], nodes[b]]),
            }  # fmt: skip
            edge_speeds(attrs, tables)
            graph.add_edge(a, b, **attrs)
    return RoadNetwork(graph, RepairReport(), SourceInfo("test", "", "tiny test network", "n/a"))


@pytest.fixture(scope="session")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RoadNetwork]:
    """The embedded 2014 network, built once into a private cache."""
    cache = tmp_path_factory.mktemp("cache")
    mp = pytest.MonkeyPatch()
    mp.setenv("BOLAVEN_CACHE_DIR", str(cache))
    mp.delenv("BOLAVEN_NETWORK", raising=False)
    yield load_network()
    mp.undo()


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private, empty network cache directory."""
    monkeypatch.setenv("BOLAVEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("BOLAVEN_NETWORK", raising=False)
    return tmp_path / "cache"
