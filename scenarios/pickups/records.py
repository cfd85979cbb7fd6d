"""Records of the pickups room: the resolved depot, one day's plan and a whole run.

A leaf module: the pipeline and the report both import these records, never each other.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from networks import RoadNetwork
from optimizer import CostRates, PickupPlan, PickupProblem, VehicleProfile
from scenarios.pickups.io import PickupRecord

__all__ = ["DayPlan", "DepotPoint", "FloatArray", "PickupRun"]

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class DepotPoint:
    """The resolved depot: label and coordinates."""

    label: str
    lat: float
    lon: float


@dataclass(frozen=True, eq=False)
class DayPlan:
    """One day's problem and verified plan, with what is needed to report on it."""

    day: int | None
    records: tuple[PickupRecord, ...]  # the input row behind each problem pickup
    problem: PickupProblem
    plan: PickupPlan
    profiles: tuple[VehicleProfile, ...]
    litres: tuple[FloatArray, ...]  # litres between nodes, per vehicle type
    #: per problem pickup: length of the off-road connector joining it to the road, metres
    connector_m: tuple[float, ...] = ()


@dataclass(frozen=True, eq=False)
class PickupRun:
    """Everything a pickup-planning run produced."""

    season: str
    depot: DepotPoint
    days: tuple[DayPlan, ...]
    rates: CostRates
    network: RoadNetwork
    #: warnings for the user (far pickups), also logged
    warnings: tuple[str, ...] = ()

    @property
    def status(self) -> str:
        """``feasible`` if every required pickup of every day is served, else ``partial``."""
        for day in self.days:
            if any(day.problem.pickups[d.pickup].required for d in day.plan.dropped):
                return "partial"
        return "feasible"
