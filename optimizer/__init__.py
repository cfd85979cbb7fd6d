"""Problems in, verified solutions out: pickup routing and consolidation/corridor models.

The optimizer knows nothing about OSM: it receives typed records and integer matrices.
"""

from optimizer.consolidation.model import (
    ConsolidationProblem,
    ConsolidationResult,
    solve_consolidation,
)
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

__all__ = [
    "CO2_KG_PER_L_DIESEL",
    "ConsolidationProblem",
    "ConsolidationResult",
    "ConversionRatios",
    "CostRates",
    "Depot",
    "Dropped",
    "Engine",
    "InfeasibleProblemError",
    "InputError",
    "Pickup",
    "PickupPlan",
    "PickupProblem",
    "Product",
    "Route",
    "ScalingWarning",
    "SolveParams",
    "Stop",
    "TravelMatrices",
    "VehicleProfile",
    "VehicleType",
    "VerificationError",
    "co2_kg",
    "cost_per_hour_lak",
    "cost_per_km_lak",
    "edge_cost_lak",
    "fixed_cost_lak",
    "lak_to_thb",
    "lak_to_usd",
    "litres_per_km",
    "loading_time_s",
    "plan_status",
    "roughness_factors",
    "solve",
    "solve_consolidation",
    "to_green_kg",
    "verify",
]
