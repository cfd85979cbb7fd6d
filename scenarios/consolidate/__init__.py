"""Consolidation: supply, hubs, gateways and corridors → hub location + corridor plan → outputs."""

from scenarios.consolidate.cache import content_key
from scenarios.consolidate.gateways import (
    BorderTraffic,
    GatewaySite,
    OceanRate,
    load_border_traffic,
    read_gateways,
    read_ocean_freight,
)
from scenarios.consolidate.geometry import FlowPaths, PathGeometry, RoadPaths
from scenarios.consolidate.inputs import (
    CorridorSpec,
    HubSite,
    MarketSpec,
    SupplySite,
    read_corridors,
)
from scenarios.consolidate.locate import locate
from scenarios.consolidate.market_report import (
    gateway_rows,
    landed_by_corridor,
    market_route_rows,
)
from scenarios.consolidate.money import economic_breakdown, money_views
from scenarios.consolidate.outputs import to_json_dict, write_outputs
from scenarios.consolidate.params import ConsolidationParams, read_params
from scenarios.consolidate.pipeline import build_problem, run_consolidation
from scenarios.consolidate.port_route import (
    OceanQuote,
    PortQuote,
    PortRoute,
    find_ports,
    port_routes,
)
from scenarios.consolidate.queues import other_trucks_per_day, queue_wait_h
from scenarios.consolidate.records import (
    MARKET_RULES,
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
    "MARKET_RULES",
    "SEASON_MODES",
    "WB2018_COST_AVERAGE_LAK_PER_TKM",
    "WB2018_COST_LAK_PER_TKM",
    "WB2018_COST_USD_PER_TKM",
    "WB2018_PRICE_LAK_PER_TKM",
    "BorderTraffic",
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
    "OceanQuote",
    "OceanRate",
    "PathGeometry",
    "PortQuote",
    "PortRoute",
    "RoadPaths",
    "SnappedNetwork",
    "SupplySite",
    "build_problem",
    "content_key",
    "economic_breakdown",
    "find_ports",
    "gateway_rows",
    "green_ratios",
    "landed_by_corridor",
    "load_border_traffic",
    "load_inputs",
    "locate",
    "located_network",
    "market_route_rows",
    "money_views",
    "other_trucks_per_day",
    "port_routes",
    "queue_wait_h",
    "read_corridors",
    "read_gateways",
    "read_ocean_freight",
    "read_params",
    "run_consolidation",
    "to_json_dict",
    "write_outputs",
]
