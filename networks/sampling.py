"""Random points on a network, for matrix timing and benchmarks."""

from __future__ import annotations

import numpy as np

from networks.exceptions import NetworkInputError
from networks.model import RoadNetwork
from networks.snapping import snap_points


def sample_nodes(net: RoadNetwork, n: int, *, seed: int = 0) -> tuple[RoadNetwork, list[int]]:
    """`n` distinct random nodes: existing nodes if there are enough, else points on the roads.

    Points are drawn uniformly by length along the edges and snapped in (no connectors are
    needed since they lie on the roads). Returns the (possibly extended) network and the nodes.
    """
    if n <= 0:
        msg = f"Expected a sample size > 0; got {n}"
        raise NetworkInputError(msg)
    rng = np.random.default_rng(seed)
    nodes = list(net.graph.nodes)
    if n <= len(nodes):
        return net, [int(x) for x in rng.choice(nodes, size=n, replace=False)]
    edges = [d for _, _, d in net.graph.edges(data=True) if not d.get("connector")]
    lengths = np.array([d["length_m"] for d in edges])
    extra = n + max(10, n // 10)  # a few draws may land on the same point; keep n distinct
    picks = rng.choice(len(edges), size=extra, p=lengths / lengths.sum())
    fracs = rng.uniform(0.01, 0.99, size=extra)
    points = []
    for i, f in zip(picks, fracs, strict=True):
        pt = edges[i]["geometry"].interpolate(float(f), normalized=True)
        points.append((float(pt.y), float(pt.x)))
    snap = snap_points(net, points)
    chosen = list(dict.fromkeys(x for x in snap.nodes if x is not None))
    return snap.network, [int(x) for x in chosen[:n]]
