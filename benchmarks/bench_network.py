"""Network benchmark: first build vs cached load; 1000 x 1000 matrix vs per-pair networkx."""

from __future__ import annotations

import os
import tempfile
import time

import networkx as nx
import numpy as np

from networks import load_network, travel_matrix
from networks.model import Season, VehicleClass, duration_attr, passable_attr
from networks.sampling import sample_nodes

N = 1000
NX_PAIRS = 300  # per-pair networkx Dijkstra on a sample; extrapolated to N x N


def _timed(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - start


def main() -> None:
    """Print a table of timings and the speed-ups measured in this run."""
    season, vehicle = Season.DRY, VehicleClass.MEDIUM_TRUCK
    with tempfile.TemporaryDirectory() as cache:
        os.environ["BOLAVEN_CACHE_DIR"] = cache
        _, build_s = _timed(load_network)
        net, load_s = _timed(load_network)
    net, nodes = sample_nodes(net, N, seed=0)
    _, cold_s = _timed(travel_matrix, net, nodes, season=season, vehicle=vehicle)
    warm = [_timed(travel_matrix, net, nodes, season=season, vehicle=vehicle)[1] for _ in range(3)]
    warm_s = min(warm)

    dur, ok = duration_attr(season, vehicle), passable_attr(season, vehicle)
    simple = nx.DiGraph()
    for u, v, d in net.graph.edges(data=True):
        if d[ok] and (not simple.has_edge(u, v) or simple[u][v]["w"] > d[dur]):
            simple.add_edge(u, v, w=d[dur])
    rng = np.random.default_rng(1)
    pairs = rng.choice(len(nodes), size=(NX_PAIRS, 2))
    start = time.perf_counter()
    for i, j in pairs:
        nx.dijkstra_path_length(simple, nodes[i], nodes[j], weight="w")
    per_pair = (time.perf_counter() - start) / NX_PAIRS
    nx_total = per_pair * N * N

    rows = [
        ("graph", f"{net.graph.number_of_nodes()} nodes, {net.graph.number_of_edges()} edges"),
        ("first build (no cache)", f"{build_s:.2f} s"),
        ("cached load", f"{load_s:.3f} s"),
        ("build / cached load", f"{build_s / load_s:.0f}x"),
        (f"{N}x{N} matrix, cold (CSR build)", f"{cold_s:.3f} s"),
        (f"{N}x{N} matrix, warm (best of 3)", f"{warm_s:.3f} s"),
        (f"networkx per pair ({NX_PAIRS} pairs)", f"{per_pair * 1000:.2f} ms"),
        (f"networkx {N}x{N}, extrapolated", f"{nx_total:.0f} s"),
        ("speed-up warm matrix vs networkx", f"{nx_total / warm_s:.0f}x"),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    print("(networkx time is measured per pair on a sample and extrapolated to all pairs)")
