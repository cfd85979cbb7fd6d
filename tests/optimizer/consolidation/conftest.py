"""Shared instances for the consolidation tests."""

from __future__ import annotations

import numpy as np

from optimizer import ConsolidationProblem, Corridor, Gateway, Hub, Market, SupplyPoint

T = 1000  # kg per tonne
DRY = frozenset({"dry"})


def three_by_two(
    *, fixed_cost_lak: int = 1_000_000, markets: tuple[Market, ...] = ()
) -> ConsolidationProblem:
    """3 villages x 2 hubs x 2 gateways with hand-computed costs (see the test docstrings)."""
    return ConsolidationProblem(
        periods=("dry",),
        supply=tuple(SupplyPoint(v, (10 * T,)) for v in ("A", "B", "C")),
        hubs=(
            Hub("H1", 30 * T, fixed_cost_lak, 10_000),
            Hub("H2", 30 * T, fixed_cost_lak, 10_000),
        ),
        gateways=(Gateway("G1", DRY), Gateway("G2", DRY)),
        corridors=(
            Corridor("C1", "G1", "Port1", 50_000, 20_000, 100_000, frozenset({"M2"})),
            Corridor("C2", "G2", "Port2", 30_000, 10_000, 200_000, frozenset({"M1", "M2"})),
        ),
        collection_lak_per_t=np.array(
            [[[100_000, 300_000], [200_000, 150_000], [400_000, 100_000]]], dtype=np.int64
        ),
        trunk_lak_per_t=np.array([[[100_000, 150_000], [200_000, 100_000]]], dtype=np.int64),
        markets=markets,
    )
