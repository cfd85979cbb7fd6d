"""Consolidation model: records, checks, cost parts, verification, explanations, solve."""

from optimizer.consolidation.model import (
    UNREACHABLE,
    Assignment,
    ConsolidationProblem,
    ConsolidationResult,
    Corridor,
    CorridorFlow,
    CostBreakdown,
    Gateway,
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
    "Hub",
    "Market",
    "MarketFlow",
    "SolveStatus",
    "SupplyPoint",
    "solve_consolidation",
]
