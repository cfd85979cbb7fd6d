"""Problems in, verified solutions out: pickup routing and consolidation/corridor models.

The optimizer knows nothing about OSM: it receives typed records and integer matrices.
"""

from optimizer.consolidation.explain import Explanation, explain_consolidation
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
    SupplyPoint,
    solve_consolidation,
)
from optimizer.consolidation.model import SolveParams as ConsolidationSolveParams
from optimizer.costs import (
    CO2_KG_PER_L_DIESEL,
    ConversionRatios,
    CostRates,
    Product,
    VehicleProfile,
    co2_kg,
    cost_per_hour_lak,
    cost_per_km_lak,
    edge_cost_lak,
    fixed_cost_lak,
    lak_to_thb,
    lak_to_usd,
    litres_per_km,
    loading_time_s,
    roughness_factors,
    to_green_kg,
)
from optimizer.exceptions import (
    InfeasibleProblemError,
    InputError,
    ScalingWarning,
    VerificationError,
)
from optimizer.pickup.params import Engine, SolveParams
from optimizer.pickup.problem import Depot, Pickup, PickupProblem, TravelMatrices, VehicleType
from optimizer.pickup.solution import Dropped, PickupPlan, Route, Stop, plan_status
from optimizer.pickup.solve import solve
from optimizer.pickup.verify import verify
from optimizer.pickup.vrplib_io import (
    VrplibInstance,
    gap_percent,
    plan_cost,
    plan_routes,
    read_instance,
)

__all__ = [
    "CO2_KG_PER_L_DIESEL",
    "UNREACHABLE",
    "Assignment",
    "ConsolidationProblem",
    "ConsolidationResult",
    "ConsolidationSolveParams",
    "ConversionRatios",
    "Corridor",
    "CorridorFlow",
    "CostBreakdown",
    "CostRates",
    "Depot",
    "Dropped",
    "Engine",
    "Explanation",
    "Gateway",
    "Hub",
    "InfeasibleProblemError",
    "InputError",
    "Market",
    "MarketFlow",
    "Pickup",
    "PickupPlan",
    "PickupProblem",
    "Product",
    "Route",
    "ScalingWarning",
    "SolveParams",
    "Stop",
    "SupplyPoint",
    "TravelMatrices",
    "VehicleProfile",
    "VehicleType",
    "VerificationError",
    "VrplibInstance",
    "co2_kg",
    "cost_per_hour_lak",
    "cost_per_km_lak",
    "edge_cost_lak",
    "explain_consolidation",
    "fixed_cost_lak",
    "gap_percent",
    "lak_to_thb",
    "lak_to_usd",
    "litres_per_km",
    "loading_time_s",
    "plan_cost",
    "plan_routes",
    "plan_status",
    "read_instance",
    "roughness_factors",
    "solve",
    "solve_consolidation",
    "to_green_kg",
    "verify",
]
