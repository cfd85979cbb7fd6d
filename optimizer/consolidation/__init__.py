"""Consolidation model: records, checks, cost parts, verification, explanations, solve."""

from optimizer.consolidation.markets import MarketDrop, drop_unserved_markets
from optimizer.consolidation.model import (
    UNREACHABLE,
    Assignment,
    ConsolidationProblem,
    ConsolidationResult,
    Corridor,
    CorridorFlow,
    CostBreakdown,
    Gateway,
    GatewayQueue,
    Hub,
    Market,
    MarketFlow,
    SolveStatus,
    SupplyPoint,
)
from optimizer.consolidation.params import ConsolidationEngine, ConsolidationSolveParams
from optimizer.consolidation.solve import solve_consolidation

__all__ = [
    "UNREACHABLE",
    "Assignment",
    "ConsolidationEngine",
    "ConsolidationProblem",
    "ConsolidationResult",
    "ConsolidationSolveParams",
    "Corridor",
    "CorridorFlow",
    "CostBreakdown",
    "Gateway",
    "GatewayQueue",
    "Hub",
    "Market",
    "MarketDrop",
    "MarketFlow",
    "SolveStatus",
    "SupplyPoint",
    "drop_unserved_markets",
    "solve_consolidation",
]
