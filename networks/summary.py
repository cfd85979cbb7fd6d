"""Facts about a network for `bolaven network info` (computed here; the CLI renders them)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterator
from typing import Any

import networkx as nx

from networks.model import RoadNetwork
from networks.snapping import snap_points


def road_sections(
    graph: nx.MultiDiGraph[Any],
) -> Iterator[tuple[Hashable, Hashable, dict[str, Any]]]:
    """Each road section once: a two-way road by one of its two directed edges, each
    carriageway of a divided (one-way pair) road by its own edge."""
    for u, v, d in graph.edges(data=True):
        if d.get("oneway") or u < v:
            yield u, v, d


def road_km(net: RoadNetwork, attr: str) -> dict[str, float]:
    """Road km by an edge attribute, counting a two-way road once."""
    out: dict[str, float] = defaultdict(float)
    for _, _, d in road_sections(net.graph):
        out[str(d.get(attr, ""))] += d["length_m"] / 1000
    return {k: round(v, 1) for k, v in sorted(out.items())}


def network_summary(net: RoadNetwork) -> dict[str, Any]:
    """Counts, km by class and surface, components, repairs and each place's snap distance."""
    graph = net.graph
    snap = snap_points(net, [(p.lat, p.lon) for p in net.places])
    unreachable = {u.index: u.reason for u in snap.unreachable}
    places = [
        {
            "name": p.name,
            "kind": p.kind,
            "snap_distance_km": round(snap.distance_m[i] / 1000, 2),
            "reachable": i not in unreachable,
            **({"reason": unreachable[i]} if i in unreachable else {}),
        }
        for i, p in enumerate(net.places)
    ]
    connectors = sum(1 for *_, d in snap.network.graph.edges(data=True) if d.get("connector"))
    return {
        "source": {
            "kind": net.source.kind,
            "path": net.source.path,
            "description": net.source.description,
            "data_date": net.source.data_date,
            "attribution": net.source.attribution,
        },
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "km_total": round(sum(road_km(net, "highway").values()), 1),
        "km_by_highway": road_km(net, "highway"),
        "km_by_surface": road_km(net, "surface"),
        "km_by_surface_source": road_km(net, "surface_source"),
        "strongly_connected_components": nx.number_strongly_connected_components(graph),
        "added_edges": sum(1 for *_, d in graph.edges(data=True) if d.get("added")),
        "connector_edges": sum(1 for *_, d in graph.edges(data=True) if d.get("connector")),
        "place_connector_edges": connectors,
        "repairs": net.repairs.lines(),
        "places": places,
    }
