"""Consolidation: supply, hubs, gateways and corridors → hub location + corridor plan → outputs."""

from scenarios.consolidate.cache import content_key
from scenarios.consolidate.geometry import FlowPaths, PathGeometry, RoadPaths
from scenarios.consolidate.inputs import (
    CorridorSpec,
    GatewaySite,
    HubSite,
    MarketSpec,
    SupplySite,
    read_corridors,
    read_gateways,
)
from scenarios.consolidate.locate import locate
from scenarios.consolidate.outputs import to_json_dict, write_outputs
from scenarios.consolidate.params import ConsolidationParams, read_params
from scenarios.consolidate.pipeline import build_problem, run_consolidation
from scenarios.consolidate.port_route import PortRoute, find_ports, port_routes
from scenarios.consolidate.records import (
    SEASON_MODES,
    WB2018_COST_AVERAGE_LAK_PER_TKM,
    WB2018_COST_LAK_PER_TKM,
    WB2018_COST_USD_PER_TKM,
    WB2018_PRICE_LAK_PER_TKM,
    ConsolidateFiles,
    ConsolidateOptions,
    ConsolidationRun,
    Fidelity,
    Inputs,
    Metrics,
    SnappedNetwork,
    green_ratios,
    load_inputs,
)
from scenarios.consolidate.reuse import located_network

__all__ = [
    "SEASON_MODES",
    "WB2018_COST_AVERAGE_LAK_PER_TKM",
    "WB2018_COST_LAK_PER_TKM",
    "WB2018_COST_USD_PER_TKM",
    "WB2018_PRICE_LAK_PER_TKM",
    "ConsolidateFiles",
    "ConsolidateOptions",
    "ConsolidationParams",
    "ConsolidationRun",
    "CorridorSpec",
    "Fidelity",
    "FlowPaths",
    "GatewaySite",
    "HubSite",
    "Inputs",
    "MarketSpec",
    "Metrics",
    "PathGeometry",
    "PortRoute",
    "RoadPaths",
    "SnappedNetwork",
    "SupplySite",
    "build_problem",
    "content_key",
    "find_ports",
    "green_ratios",
    "load_inputs",
    "locate",
    "located_network",
    "port_routes",
    "read_corridors",
    "read_gateways",
    "read_params",
    "run_consolidation",
    "to_json_dict",
    "write_outputs",
]
