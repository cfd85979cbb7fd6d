"""The pickup routing problem: depots, pickups, a heterogeneous fleet and integer matrices.

Node indices are ``0 .. D-1`` for the depots, then ``D .. D+P-1`` for the pickups, in the order
given. Every vehicle type has its own matrices (its road class decides speeds, costs and which
roads it may use in the season); ``reachable[i, j]`` says whether the type can drive from node
``i`` to node ``j`` at all. Floats are turned into integers in exactly one place,
:meth:`TravelMatrices.from_float`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from optimizer.pickup.matrices import BoolArray, TravelMatrices, require

__all__ = ["Depot", "EngineTask", "Pickup", "PickupProblem", "TravelMatrices", "VehicleType"]


def _int_ge(value: object, minimum: int) -> bool:
    ok = isinstance(value, int | np.integer) and not isinstance(value, bool) and value >= minimum
    return bool(ok)


@dataclass(frozen=True, slots=True)
class Depot:
    """A mill, warehouse or hub where trucks start and end the day."""

    id: str
    name: str = ""

    def __post_init__(self) -> None:
        require(bool(self.id.strip()), "Expected a non-empty depot id; got ''.")


@dataclass(frozen=True, slots=True)
class Pickup:
    """Coffee waiting at a farm or village.

    Parameters
    ----------
    id
        Unique pickup id (as in the input file).
    weight_kg
        Weight to load, kilograms (as carried: cherry, parchment or green).
    service_s
        Handling time at the stop, seconds.
    tw_start_s, tw_end_s
        Time window for the start of service, seconds since midnight; ``None`` = open.
    required
        Required pickups are dropped only when infeasible; optional ones may be dropped at
        ``penalty_lak``.
    penalty_lak
        Cost charged for leaving an optional pickup unserved.
    earliest_day, latest_day
        Days on which the pickup may be collected (a harvest window, both ends included);
        ``None`` = any day. Only vehicle types working a day in the window may serve it.
    max_ride_s
        Freshness limit (fresh cherry): at most this many seconds from the start of service
        here to the truck's arrival back at its depot (the mill) on that trip; ``None`` = none.
    """

    id: str
    weight_kg: int
    service_s: int = 0
    tw_start_s: int = 0
    tw_end_s: int | None = None
    required: bool = True
    penalty_lak: int = 0
    name: str = ""
    earliest_day: int | None = None
    latest_day: int | None = None
    max_ride_s: int | None = None

    def on_day(self, day: int | None) -> bool:
        """Whether the pickup may be collected on ``day`` (``None``: a plan with no days)."""
        if day is None:
            return True
        low = self.earliest_day if self.earliest_day is not None else day
        high = self.latest_day if self.latest_day is not None else day
        return low <= day <= high

    def __post_init__(self) -> None:
        who = f"pickup {self.id!r}"
        require(bool(self.id.strip()), "Expected a non-empty pickup id; got ''.")
        require(
            _int_ge(self.weight_kg, 1),
            f"{who}: expected weight_kg to be an integer > 0; got {self.weight_kg!r}.",
        )
        require(
            _int_ge(self.service_s, 0),
            f"{who}: expected service_s >= 0; got {self.service_s!r}.",
        )
        require(
            _int_ge(self.tw_start_s, 0), f"{who}: expected tw_start_s >= 0; got {self.tw_start_s}."
        )
        require(
            self.tw_end_s is None or self.tw_end_s >= self.tw_start_s,
            f"{who}: expected tw_end_s >= tw_start_s; got window "
            f"{self.tw_start_s}..{self.tw_end_s} (reversed).",
        )
        require(
            _int_ge(self.penalty_lak, 0),
            f"{who}: expected penalty_lak >= 0; got {self.penalty_lak!r}.",
        )
        low, high = self.earliest_day, self.latest_day
        require(
            all(d is None or _int_ge(d, 0) for d in (low, high))
            and (low is None or high is None or low <= high),
            f"{who}: expected days 0 <= earliest_day <= latest_day; got {low}..{high}.",
        )
        require(
            self.max_ride_s is None or _int_ge(self.max_ride_s, 1),
            f"{who}: expected max_ride_s > 0 or None; got {self.max_ride_s!r}.",
        )


@dataclass(frozen=True, slots=True)
class VehicleType:
    """Trucks of one kind, all based at one depot.

    Parameters
    ----------
    name
        Type name, e.g. ``"10-wheel"``.
    capacity_kg
        Payload, kilograms.
    count
        Number of trucks of this type available for the day.
    depot
        Index of the depot where the trucks start and end.
    fixed_cost_lak
        Cost of using one truck for the day.
    shift_start_s
        Earliest departure from the depot, seconds since midnight.
    max_duration_s
        Longest route (a driver's day), seconds; ``None`` = unlimited.
    max_trips
        Trips per day: above 1 the truck may unload at its depot and go out again (PyVRP
        reloads; OR-Tools plans single trips).
    day
        The day these trucks work in a multi-day plan (one copy of the fleet per day, see
        :func:`optimizer.pickup.days.with_days`); ``None`` = a one-day problem.
    hired
        Trucks hired at a tariff (fixed cost = the tariff per day or per trip, arc costs = the
        tariff per km), not the own fleet; plans report their cost apart.
    """

    name: str
    capacity_kg: int
    count: int = 1
    depot: int = 0
    fixed_cost_lak: int = 0
    shift_start_s: int = 0
    max_duration_s: int | None = None
    max_trips: int = 1
    day: int | None = None
    hired: bool = False

    def __post_init__(self) -> None:
        who = f"vehicle type {self.name!r}"
        require(
            _int_ge(self.max_trips, 1), f"{who}: expected max_trips >= 1; got {self.max_trips}."
        )
        require(bool(self.name.strip()), "Expected a non-empty vehicle type name; got ''.")
        require(
            _int_ge(self.capacity_kg, 1),
            f"{who}: expected capacity_kg > 0; got {self.capacity_kg}.",
        )
        require(_int_ge(self.count, 1), f"{who}: expected count >= 1; got {self.count}.")
        require(_int_ge(self.depot, 0), f"{who}: expected a depot index >= 0; got {self.depot}.")
        require(
            _int_ge(self.fixed_cost_lak, 0),
            f"{who}: expected fixed_cost_lak >= 0; got {self.fixed_cost_lak}.",
        )
        require(
            _int_ge(self.shift_start_s, 0),
            f"{who}: expected shift_start_s >= 0; got {self.shift_start_s}.",
        )
        require(
            self.max_duration_s is None or _int_ge(self.max_duration_s, 1),
            f"{who}: expected max_duration_s > 0 or None; got {self.max_duration_s}.",
        )

    @property
    def shift_end_s(self) -> int | None:
        """Latest return to the depot, seconds since midnight (``None`` = open)."""
        if self.max_duration_s is None:
            return None
        return self.shift_start_s + self.max_duration_s


@dataclass(frozen=True, eq=False)
class PickupProblem:
    """One day of pickups for a heterogeneous fleet.

    Parameters
    ----------
    depots, pickups
        Nodes ``0..D-1`` and ``D..D+P-1``.
    vehicle_types
        Fleet, each with a count, a depot and a driver's-day limit.
    matrices
        One :class:`TravelMatrices` per vehicle type, same order.
    season
        Label used in messages (e.g. ``"wet"``); the matrices already reflect it.
    """

    depots: tuple[Depot, ...]
    pickups: tuple[Pickup, ...]
    vehicle_types: tuple[VehicleType, ...]
    matrices: tuple[TravelMatrices, ...]
    season: str | None = None
    _allowed: BoolArray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        require(len(self.depots) >= 1, "Expected at least one depot; got none.")
        require(len(self.vehicle_types) >= 1, "Expected at least one vehicle type; got none.")
        require(
            len(self.matrices) == len(self.vehicle_types),
            f"Expected one matrix set per vehicle type ({len(self.vehicle_types)}); "
            f"got {len(self.matrices)}.",
        )
        _unique([d.id for d in self.depots], "depot")
        _unique([p.id for p in self.pickups], "pickup")
        _unique([v.name for v in self.vehicle_types], "vehicle type")
        n = self.num_nodes
        for vt, m in zip(self.vehicle_types, self.matrices, strict=True):
            require(
                m.reachable.shape == (n, n),
                f"vehicle type {vt.name!r}: expected matrices of size {n}x{n} "
                f"({len(self.depots)} depots + {len(self.pickups)} pickups); "
                f"got {m.reachable.shape[0]}x{m.reachable.shape[1]}.",
            )
            require(
                vt.depot < len(self.depots),
                f"vehicle type {vt.name!r}: depot index {vt.depot} out of range "
                f"0..{len(self.depots) - 1}.",
            )
        allowed = np.zeros((len(self.vehicle_types), len(self.pickups)), dtype=np.bool_)
        first = len(self.depots)
        for k, (vt, m) in enumerate(zip(self.vehicle_types, self.matrices, strict=True)):
            nodes = np.arange(first, n)
            allowed[k] = m.reachable[vt.depot, nodes] & m.reachable[nodes, vt.depot]
            allowed[k] &= np.array([p.on_day(vt.day) for p in self.pickups], dtype=np.bool_)
        object.__setattr__(self, "_allowed", allowed)

    @property
    def num_nodes(self) -> int:
        """Depots plus pickups."""
        return len(self.depots) + len(self.pickups)

    def node(self, pickup: int) -> int:
        """Node index of pickup number ``pickup``."""
        return len(self.depots) + pickup

    def allowed(self, vehicle_type: int, pickup: int) -> bool:
        """Whether trucks of ``vehicle_type`` can drive from their depot to ``pickup`` and back."""
        return bool(self._allowed[vehicle_type, pickup])

    @property
    def allowed_mask(self) -> BoolArray:
        """``[vehicle_type, pickup]`` reachability from and back to the type's depot."""
        return self._allowed.copy()


def _unique(ids: Sequence[str], what: str) -> None:
    seen: set[str] = set()
    for value in ids:
        if value in seen:
            msg = f"Expected unique {what} ids; {value!r} appears more than once."
            raise ValueError(msg)
        seen.add(value)


@dataclass(frozen=True, eq=False)
class EngineTask:
    """What an engine adapter receives: the problem, which pickups to route and their penalties.

    ``candidates`` are the pickup indices left after screening (the others are dropped before
    any engine runs); ``penalties_lak[i]`` is the cost of not serving ``candidates[i]``
    (very large for required pickups).
    """

    problem: PickupProblem
    candidates: tuple[int, ...]
    penalties_lak: tuple[int, ...]
    time_limit_s: float
    seed: int = 0
    solution_limit: int | None = None

    @property
    def has_time_constraints(self) -> bool:
        """Whether any window or driver's-day limit applies (else time can be ignored)."""
        windows = any(
            self.problem.pickups[i].tw_end_s is not None or self.problem.pickups[i].tw_start_s > 0
            for i in self.candidates
        )
        days = any(vt.max_duration_s is not None for vt in self.problem.vehicle_types)
        return windows or days or self.has_freshness_limits

    @property
    def has_freshness_limits(self) -> bool:
        """Whether any candidate must reach the depot within a time (fresh cherry)."""
        return any(self.problem.pickups[i].max_ride_s is not None for i in self.candidates)
