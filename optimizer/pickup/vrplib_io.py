"""Read VRPLIB CVRP (``.vrp``) and Solomon VRPTW (``.txt``) instances as pickup problems.

Each family keeps its own distance convention:

- X (Uchoa et al. 2017) and other ``EUC_2D`` CVRP files: ``nint(Euclidean)`` integers;
- Solomon (DIMACS convention): Euclidean distances truncated to one decimal, travel time equal
  to distance, objective = distance only, the file's vehicle count and capacity. To stay in
  integers every Solomon distance, time and window is multiplied by 10 (``scale``).

The ``vrplib`` package parses the files; distances are computed here. Customer numbers in
results follow the ``.sol`` files: depot 0, customers ``1..n``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import vrplib

from optimizer.exceptions import InputError
from optimizer.pickup.problem import Depot, Pickup, PickupProblem, TravelMatrices, VehicleType
from optimizer.pickup.solution import PickupPlan
from optimizer.pickup.vrplib_checks import (
    checked_capacity,
    checked_coords,
    checked_ints,
    require,
)

#: Spare vehicles on top of the capacity lower bound for CVRP files without a fleet size.
_FLEET_MARGIN = 1.3


@dataclass(frozen=True, eq=False)
class VrplibInstance:
    """A benchmark instance as a :class:`PickupProblem` plus what is needed to report on it."""

    name: str
    kind: str  # "cvrp" or "vrptw"
    problem: PickupProblem
    scale: int  # integer units per file unit of distance
    bks: float | None  # cost of the .sol file beside the instance, if any


def _euclid(coords: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    diff = coords[:, None, :] - coords[None, :, :]
    return np.asarray(np.sqrt((diff**2).sum(axis=2)), dtype=np.float64)


def _read(path: Path) -> tuple[str, dict[str, object]]:
    if not path.is_file():
        msg = f"instance file not found: {path}"
        raise FileNotFoundError(msg)
    if path.suffix.lower() == ".vrp":
        kind, fmt = "cvrp", "vrplib"
    elif path.suffix.lower() == ".txt":
        kind, fmt = "vrptw", "solomon"
    else:
        msg = f"{path.name}: expected a VRPLIB .vrp or Solomon .txt file; got {path.suffix!r}"
        raise InputError(msg)
    try:
        data = vrplib.read_instance(str(path), instance_format=fmt, compute_edge_weights=False)
    except (ValueError, IndexError, KeyError, RuntimeError, TypeError, UnicodeError) as exc:
        msg = f"{path.name}: could not parse as {fmt} instance: {exc}"
        raise InputError(msg) from None
    return kind, data


def _cvrp(path: Path, data: dict[str, object]) -> tuple[PickupProblem, int]:
    if str(data.get("edge_weight_type", "EUC_2D")).upper() != "EUC_2D":
        msg = f"{path.name}: expected EDGE_WEIGHT_TYPE EUC_2D; got {data.get('edge_weight_type')}"
        raise InputError(msg)
    require(path, data, ("node_coord", "demand", "capacity"))
    coords = checked_coords(path, data)
    demand = checked_ints(path, data, "demand", "DEMAND_SECTION", count=len(coords))
    capacity = checked_capacity(path, data, demand)
    depots = [int(d) for d in np.atleast_1d(np.asarray(data.get("depot", [0])))]
    if depots != [0]:
        msg = f"{path.name}: expected a single depot at node 1; got {depots}"
        raise InputError(msg)
    dist = np.rint(_euclid(coords))
    pickups = tuple(Pickup(str(i), int(demand[i])) for i in range(1, len(coords)))
    lower = math.ceil(int(demand.sum()) / capacity)
    count = max(lower + 2, math.ceil(lower * _FLEET_MARGIN))
    fleet = (VehicleType("vehicle", capacity, count=count),)
    matrices = TravelMatrices.from_float(dist, np.zeros_like(dist), dist)
    return PickupProblem((Depot("0"),), pickups, fleet, (matrices,)), 1


def _vrptw(path: Path, data: dict[str, object]) -> tuple[PickupProblem, int]:
    scale = 10
    require(path, data, ("node_coord", "demand", "capacity", "time_window", "service_time"))
    require(path, data, ("vehicles",))
    coords = checked_coords(path, data)
    dist = np.floor(_euclid(coords) * scale)  # truncated to one decimal, in tenths
    n = len(coords)
    demand = checked_ints(path, data, "demand", "DEMAND", count=n)
    capacity = checked_capacity(path, data, demand)
    windows = checked_ints(path, data, "time_window", "READY TIME/DUE DATE", count=n) * scale
    service = checked_ints(path, data, "service_time", "SERVICE TIME", count=n) * scale
    vehicles = _vehicles(path, data)
    pickups = tuple(
        Pickup(
            str(i),
            int(demand[i]),
            service_s=int(service[i]),
            tw_start_s=int(windows[i, 0]),
            tw_end_s=int(windows[i, 1]),
        )
        for i in range(1, len(coords))
    )
    fleet = (
        VehicleType(
            "vehicle",
            capacity,
            count=vehicles,
            shift_start_s=int(windows[0, 0]),
            max_duration_s=int(windows[0, 1] - windows[0, 0]),
        ),
    )
    matrices = TravelMatrices.from_float(dist, dist, dist)
    return PickupProblem((Depot("0"),), pickups, fleet, (matrices,)), scale


def _vehicles(path: Path, data: dict[str, object]) -> int:
    try:
        count = float(str(data["vehicles"]))
    except ValueError:
        count = 0.0
    if not (math.isfinite(count) and count.is_integer() and 1 <= count <= 10_000):
        msg = (
            f"{path.name}: VEHICLE NUMBER: expected a whole number from 1 to 10000; "
            f"got {data['vehicles']!r}"
        )
        raise InputError(msg)
    return int(count)


def read_bks(path: Path) -> float | None:
    """Cost in the ``.sol`` file beside ``path`` (same stem), or ``None`` if there is none.

    A cost that is not a finite number > 0 (``Cost 0``, ``Cost nan``) gives no reference:
    a gap to it means nothing.
    """
    sol = path.with_suffix(".sol")
    if not sol.is_file():
        return None
    try:
        cost = vrplib.read_solution(str(sol)).get("cost")
        value = None if cost is None else float(cost)
    except (ValueError, TypeError, IndexError, KeyError, UnicodeError) as exc:
        msg = f"{sol.name}: could not parse as a VRPLIB solution: {exc}"
        raise InputError(msg) from None
    if value is None or not math.isfinite(value) or value <= 0:
        return None
    return value


def read_instance(path: Path | str) -> VrplibInstance:
    """Read a ``.vrp`` (CVRP, EUC_2D) or Solomon ``.txt`` (VRPTW) instance."""
    source = Path(path)
    kind, data = _read(source)
    problem, scale = _cvrp(source, data) if kind == "cvrp" else _vrptw(source, data)
    return VrplibInstance(source.stem, kind, problem, scale, read_bks(source))


def plan_cost(instance: VrplibInstance, plan: PickupPlan) -> float:
    """Objective in the file's units (distance; Solomon to one decimal)."""
    return plan.total_cost_lak / instance.scale


def plan_routes(plan: PickupPlan) -> list[list[int]]:
    """Routes as customer numbers (``1..n``, depot excluded), as in ``.sol`` files."""
    return [[stop.pickup + 1 for stop in route.stops] for route in plan.routes]


def gap_percent(cost: float, bks: float) -> float:
    """``100 x (cost - bks) / bks`` (``bks`` > 0; :func:`read_bks` never returns less)."""
    if bks <= 0:
        msg = f"Expected a reference cost > 0; got {bks}."
        raise ValueError(msg)
    return 100.0 * (cost - bks) / bks
