"""Many-to-many travel matrices with compiled shortest paths (``scipy.sparse.csgraph``).

Paths minimise cost (when ``edge_cost`` is given) or duration; distance, duration and cost are
then summed along the *same* shortest-path trees by pointer jumping over the predecessor
arrays, so no Python loop runs per node.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from networks.exceptions import NetworkDataError
from networks.model import (
    RoadNetwork,
    Season,
    VehicleClass,
    duration_attr,
    parse_season,
    parse_vehicle,
    passable_attr,
)

FloatArray = NDArray[np.float64]
EdgeCost = Callable[[FloatArray, FloatArray, FloatArray], FloatArray]
MIN_WEIGHT = 1e-9  # csgraph ignores explicit zeros; a zero-length edge must still be an edge
DENSE_LOOKUP_MAX_NODES = 4_000  # up to here an (n, n) int32 edge-index table (<= 64 MB) is kept


@dataclass(frozen=True)
class TravelMatrix:
    """Travel between every pair of `nodes` for one season and vehicle class.

    Attributes
    ----------
    nodes
        Node ids, in row/column order.
    distance_m, duration_s
        ``(n, n)`` arrays; ``np.inf`` where no path exists.
    cost_lak
        Same shape, when an ``edge_cost`` was given; else None.
    """

    nodes: tuple[int, ...]
    season: Season
    vehicle: VehicleClass
    distance_m: FloatArray
    duration_s: FloatArray
    cost_lak: FloatArray | None = None

    @property
    def unreachable_pairs(self) -> int:
        """Number of ordered pairs (i ≠ j) without a path."""
        return int(np.isinf(self.duration_s).sum())


@dataclass(frozen=True)
class GraphArrays:
    """A network flattened for csgraph: passable edges only, cheapest parallel edge kept."""

    index: dict[int, int]
    node_ids: NDArray[np.int64]
    csr: csr_matrix
    codes: NDArray[np.int64]  # sorted src * n + dst of the kept edges
    length_m: FloatArray
    duration_s: FloatArray
    cost_lak: FloatArray | None
    keys: tuple[tuple[int, int, int], ...]  # (u, v, k) of the kept edges, in code order
    dense: NDArray[np.int32] | None = None  # flat (n * n) edge index by code, -1 if no edge
    iri_m_per_km: FloatArray | None = None  # roughness of the kept edges (when in the graph)


def graph_arrays(
    net: RoadNetwork, season: Season, vehicle: VehicleClass, edge_cost: EdgeCost | None = None
) -> GraphArrays:
    """The csgraph form of `net` for a season and class (cached on the network)."""
    cache_key = ("arrays", season, vehicle, edge_cost)
    cached = net.cached(cache_key)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    graph = net.graph
    node_ids = np.fromiter(graph.nodes, dtype=np.int64, count=len(graph))
    index = {int(n): i for i, n in enumerate(node_ids)}
    dur_key, pass_key = duration_attr(season, vehicle), passable_attr(season, vehicle)
    edges = [(u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True) if d[pass_key]]
    src = np.array([index[u] for u, _, _, _ in edges], dtype=np.int64).reshape(-1)
    dst = np.array([index[v] for _, v, _, _ in edges], dtype=np.int64).reshape(-1)
    length = np.array([d["length_m"] for *_, d in edges], dtype=float)
    duration = np.array([d[dur_key] for *_, d in edges], dtype=float)
    iri = np.array([d.get("iri_m_per_km", np.nan) for *_, d in edges], dtype=float)
    cost = None
    if edge_cost is not None:
        cost = np.asarray(edge_cost(length, duration, iri), dtype=float)
        if cost.shape != length.shape or not np.all(np.isfinite(cost)) or np.any(cost < 0):
            msg = "edge_cost must return one finite cost >= 0 per edge"
            raise NetworkDataError(msg)
    weight = cost if cost is not None else duration
    n = len(node_ids)
    codes = src * n + dst
    order = np.lexsort((weight, codes))  # by code, cheapest first
    first = np.ones(len(order), dtype=bool)
    first[1:] = codes[order][1:] != codes[order][:-1]
    keep = order[first]
    w = np.maximum(weight[keep], MIN_WEIGHT)
    csr = csr_matrix((w, (src[keep], dst[keep])), shape=(n, n))
    dense = None
    if n <= DENSE_LOOKUP_MAX_NODES:
        dense = np.full(n * n, -1, dtype=np.int32)
        dense[codes[keep]] = np.arange(len(keep), dtype=np.int32)
    arrays = GraphArrays(
        index=index,
        node_ids=node_ids,
        csr=csr,
        codes=codes[keep],
        length_m=length[keep],
        duration_s=duration[keep],
        cost_lak=cost[keep] if cost is not None else None,
        keys=tuple([edges[i][:3] for i in keep.tolist()]),  # type: ignore[misc]
        dense=dense,
        iri_m_per_km=None if np.isnan(iri).any() else iri[keep],
    )
    net.store(cache_key, arrays)
    return arrays


def _to_pred_values(
    arrays: GraphArrays, pred: NDArray[np.int32], values: Sequence[FloatArray]
) -> list[FloatArray]:
    """For every (source, node): each value array on the tree edge pred → node (0 at roots)."""
    n = len(arrays.node_ids)
    has = pred >= 0
    if len(arrays.codes) == 0:
        return [np.zeros(pred.shape) for _ in values]
    codes = np.where(has, pred.astype(np.int64) * n + np.arange(n), 0)
    if arrays.dense is not None:
        pos = arrays.dense.take(codes)
    else:
        pos = np.clip(np.searchsorted(arrays.codes, codes), 0, len(arrays.codes) - 1)
    return [np.where(has, v.take(pos), 0.0) for v in values]


def accumulate_along_trees(
    arrays: GraphArrays, pred: NDArray[np.int32], values: Sequence[FloatArray]
) -> list[FloatArray]:
    """Sum per-edge `values` from each tree root to every node by pointer jumping."""
    n_src, n = pred.shape
    # Flat indices (row * n + column) make every jump a 1-D `take`, much faster than 2-D
    # fancy indexing. Roots and unreachable nodes point at themselves with value 0.
    itype = np.int32 if n_src * n < 2**31 else np.int64
    offsets = (np.arange(n_src, dtype=itype) * n)[:, None]
    ptr = (np.where(pred >= 0, pred, np.arange(n, dtype=itype)[None, :]) + offsets).ravel()
    ptr = ptr.astype(itype, copy=False)
    acc = [a.ravel() for a in _to_pred_values(arrays, pred, values)]
    while True:
        nxt = ptr.take(ptr)
        if np.array_equal(nxt, ptr):
            return [a.reshape(n_src, n) for a in acc]
        acc = [a + a.take(ptr) for a in acc]
        ptr = nxt


def reversed_arrays(arrays: GraphArrays) -> GraphArrays:
    """The same kept edges, each pointing the other way: a tree from a node of these arrays is
    the tree of least-cost paths INTO that node in ``arrays`` (many origins, few targets)."""
    n = len(arrays.node_ids)
    src, dst = np.divmod(arrays.codes, n)
    order = np.argsort(dst * n + src, kind="stable")
    weight = arrays.cost_lak if arrays.cost_lak is not None else arrays.duration_s
    w = np.maximum(weight[order], MIN_WEIGHT)
    codes = (dst * n + src)[order]
    csr = csr_matrix((w, (dst[order], src[order])), shape=(n, n))
    iri = arrays.iri_m_per_km
    return GraphArrays(
        index=arrays.index,
        node_ids=arrays.node_ids,
        csr=csr,
        codes=codes,
        length_m=arrays.length_m[order],
        duration_s=arrays.duration_s[order],
        cost_lak=arrays.cost_lak[order] if arrays.cost_lak is not None else None,
        keys=tuple(arrays.keys[i] for i in order.tolist()),
        dense=None,  # trees from few nodes: a search in the codes is cheaper than an n x n table
        iri_m_per_km=iri[order] if iri is not None else None,
    )


def shortest_trees(
    arrays: GraphArrays, sources: Sequence[int]
) -> tuple[FloatArray, NDArray[np.int32]]:
    """Dijkstra from each source node id: (weights, predecessors), both (S, n)."""
    idx = [arrays.index[int(s)] for s in sources]
    dist, pred = dijkstra(arrays.csr, directed=True, indices=idx, return_predecessors=True)
    return np.atleast_2d(dist), np.atleast_2d(pred)


def travel_matrix(
    net: RoadNetwork,
    nodes: Sequence[int],
    *,
    season: Season | str,
    vehicle: VehicleClass | str,
    edge_cost: EdgeCost | None = None,
) -> TravelMatrix:
    """Distance, duration (and cost) between every pair of `nodes`.

    Parameters
    ----------
    net
        The network; nodes come from it or from `snap_points` on it.
    nodes
        Node ids (rows and columns, in this order).
    season, vehicle
        Which speeds and passability to use; impassable edges are left out.
    edge_cost
        Optional ``(length_m, duration_s, iri_m_per_km) -> cost_lak`` per edge; paths then
        minimise cost instead of duration.
    """
    season, vehicle = parse_season(season), parse_vehicle(vehicle)
    arrays = graph_arrays(net, season, vehicle, edge_cost)
    missing = [n for n in nodes if int(n) not in arrays.index]
    if missing:
        msg = f"Expected node ids of this network; got unknown ids {missing[:5]}"
        raise NetworkDataError(msg)
    if len(nodes) == 0:
        empty = np.zeros((0, 0))
        cost0 = empty if edge_cost is not None else None
        return TravelMatrix((), season, vehicle, empty, empty.copy(), cost0)
    weights, pred = shortest_trees(arrays, nodes)
    cols = np.array([arrays.index[int(n)] for n in nodes])
    # The path weight is already the summed duration (or cost); only the others are summed.
    if arrays.cost_lak is None:
        (length,) = accumulate_along_trees(arrays, pred, [arrays.length_m])
        acc = [length, weights]
    else:
        length, duration = accumulate_along_trees(
            arrays, pred, [arrays.length_m, arrays.duration_s]
        )
        acc = [length, duration, weights]
    unreachable = np.isinf(weights[:, cols])
    out = [np.where(unreachable, np.inf, a[:, cols]) for a in acc]
    return TravelMatrix(
        nodes=tuple(int(n) for n in nodes),
        season=season,
        vehicle=vehicle,
        distance_m=out[0],
        duration_s=out[1],
        cost_lak=out[2] if len(out) > 2 else None,
    )
