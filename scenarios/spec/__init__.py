"""Scenario files: the TOML schema, its change tables, loading with ``extends``, fingerprints."""

from scenarios.spec.changes import (
    Appraisal,
    BorderChange,
    Closure,
    CostChange,
    DemandChange,
    EdgeSelector,
    FleetChange,
    HubChanges,
    MarketChange,
    NewHub,
    NewLink,
    RoadUpgrade,
)
from scenarios.spec.schema import ScenarioSpec, load_scenario, scenario_fingerprint

__all__ = [
    "Appraisal",
    "BorderChange",
    "Closure",
    "CostChange",
    "DemandChange",
    "EdgeSelector",
    "FleetChange",
    "HubChanges",
    "MarketChange",
    "NewHub",
    "NewLink",
    "RoadUpgrade",
    "ScenarioSpec",
    "load_scenario",
    "scenario_fingerprint",
]
