"""The pickup routing problem: depots, pickups, a heterogeneous fleet and integer matrices.

Node indices are ``0 .. D-1`` for the depots, then ``D .. D+P-1`` for the pickups, in the order
given. Every vehicle type has its own matrices (its road class decides speeds, costs and which
roads it may use in the season); ``reachable[i, j]`` says whether the type can drive from node
``i`` to node ``j`` at all. Floats are turned into integers in exactly one place,
:meth:`TravelMatrices.from_float`.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from optimizer.exceptions import ScalingWarning

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

#: Integers above this risk overflow once summed over long routes inside the engines.
SAFE_INT = 2**53


def _require(condition: bool, msg: str) -> None:
    if not condition:
        raise ValueError(msg)


def _int_ge(value: object, minimum: int) -> bool:
    ok = isinstance(value, int | np.integer) and not isinstance(value, bool) and value >= minimum
    return bool(ok)


@dataclass(frozen=True, slots=True)
class Depot:
    """A mill, warehouse or hub where trucks start and end the day."""

    id: str
    name: str = ""

    def __post_init__(self) -> None:
        _require(bool(self.id.strip()), "Expected a non-empty depot id; got ''.")


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
    """

    id: str
    weight_kg: int
    service_s: int = 0
    tw_start_s: int = 0
    tw_end_s: int | None = None
    required: bool = True
    penalty_lak: int = 0
    name: str = ""

    def __post_init__(self) -> None:
        who = f"pickup {self.id!r}"
        _require(bool(self.id.strip()), "Expected a non-empty pickup id; got ''.")
        _require(
            _int_ge(self.weight_kg, 1),
            f"{who}: expected weight_kg to be an integer > 0; got {self.weight_kg!r}.",
        )
        _require(
            _int_ge(self.service_s, 0),
            f"{who}: expected service_s >= 0; got {self.service_s!r}.",
        )
        _require(
            _int_ge(self.tw_start_s, 0), f"{who}: expected tw_start_s >= 0; got {self.tw_start_s}."
        )
        _require(
            self.tw_end_s is None or self.tw_end_s >= self.tw_start_s,
            f"{who}: expected tw_end_s >= tw_start_s; got window "
            f"{self.tw_start_s}..{self.tw_end_s} (reversed).",
        )
        _require(
            _int_ge(self.penalty_lak, 0),
            f"{who}: expected penalty_lak >= 0; got {self.penalty_lak!r}.",
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
    """

    name: str
    capacity_kg: int
    count: int = 1
    depot: int = 0
    fixed_cost_lak: int = 0
    shift_start_s: int = 0
    max_duration_s: int | None = None
    max_trips: int = 1

    def __post_init__(self) -> None:
        who = f"vehicle type {self.name!r}"
        _require(
            _int_ge(self.max_trips, 1), f"{who}: expected max_trips >= 1; got {self.max_trips}."
        )
        _require(bool(self.name.strip()), "Expected a non-empty vehicle type name; got ''.")
        _require(
            _int_ge(self.capacity_kg, 1),
            f"{who}: expected capacity_kg > 0; got {self.capacity_kg}.",
        )
        _require(_int_ge(self.count, 1), f"{who}: expected count >= 1; got {self.count}.")
        _require(_int_ge(self.depot, 0), f"{who}: expected a depot index >= 0; got {self.depot}.")
        _require(
            _int_ge(self.fixed_cost_lak, 0),
            f"{who}: expected fixed_cost_lak >= 0; got {self.fixed_cost_lak}.",
        )
        _require(
            _int_ge(self.shift_start_s, 0),
            f"{who}: expected shift_start_s >= 0; got {self.shift_start_s}.",
        )
        _require(
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
class TravelMatrices:
    """Integer travel data for one vehicle type between all nodes (square, same size)."""

    distance_m: IntArray
    duration_s: IntArray
    cost_lak: IntArray
    reachable: BoolArray

    def __post_init__(self) -> None:
        n = self.reachable.shape[0]
        for name in ("distance_m", "duration_s", "cost_lak", "reachable"):
            arr = getattr(self, name)
            _require(
                isinstance(arr, np.ndarray) and arr.shape == (n, n),
                f"matrices: expected {name} of shape ({n}, {n}); got {np.shape(arr)}.",
            )
        for name in ("distance_m", "duration_s", "cost_lak"):
            arr = getattr(self, name)
            _require(
                arr.dtype == np.int64 and bool(np.all(arr >= 0)),
                f"matrices: expected {name} as int64 >= 0; got dtype {arr.dtype}.",
            )

    @classmethod
    def from_float(
        cls,
        distance_m: npt.ArrayLike,
        duration_s: npt.ArrayLike,
        cost_lak: npt.ArrayLike | None = None,
    ) -> TravelMatrices:
        """Round float matrices to integers; ``inf`` or ``nan`` marks an unreachable pair.

        ``cost_lak`` defaults to the distance. Unreachable pairs get a large finite value that
        no sensible route uses. Warns with :class:`ScalingWarning` if sums could overflow.
        """
        arrays = [np.asarray(a, dtype=np.float64) for a in (distance_m, duration_s)]
        arrays.append(arrays[0] if cost_lak is None else np.asarray(cost_lak, dtype=np.float64))
        shape = arrays[0].shape
        _require(
            len(shape) == 2 and shape[0] == shape[1] and all(a.shape == shape for a in arrays),
            f"matrices: expected three square matrices of one shape; got "
            f"{[a.shape for a in arrays]}.",
        )
        finite = np.logical_and.reduce([np.isfinite(a) for a in arrays])
        if any(bool(np.any(a[finite] < 0)) for a in arrays):
            msg = "matrices: expected distances, durations and costs >= 0; got a negative value."
            raise ValueError(msg)
        out = []
        n = max(shape[0], 1)
        for name, arr in zip(("distance_m", "duration_s", "cost_lak"), arrays, strict=True):
            biggest = float(arr[finite].max()) if bool(finite.any()) else 0.0
            filler = math.ceil(biggest) * n + 1
            if filler * (n + 1) > SAFE_INT:
                warnings.warn(
                    f"{name}: largest value {biggest:.0f} x {n} nodes risks integer overflow in "
                    "the engines; rescale the units.",
                    ScalingWarning,
                    stacklevel=2,
                )
            ints = np.where(finite, np.rint(np.where(finite, arr, 0.0)), filler)
            out.append(ints.astype(np.int64))
        reach = finite.copy()
        np.fill_diagonal(reach, True)
        return cls(out[0], out[1], out[2], reach)


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
        _require(len(self.depots) >= 1, "Expected at least one depot; got none.")
        _require(len(self.vehicle_types) >= 1, "Expected at least one vehicle type; got none.")
        _require(
            len(self.matrices) == len(self.vehicle_types),
            f"Expected one matrix set per vehicle type ({len(self.vehicle_types)}); "
            f"got {len(self.matrices)}.",
        )
        _unique([d.id for d in self.depots], "depot")
        _unique([p.id for p in self.pickups], "pickup")
        _unique([v.name for v in self.vehicle_types], "vehicle type")
        n = self.num_nodes
        for vt, m in zip(self.vehicle_types, self.matrices, strict=True):
            _require(
                m.reachable.shape == (n, n),
                f"vehicle type {vt.name!r}: expected matrices of size {n}x{n} "
                f"({len(self.depots)} depots + {len(self.pickups)} pickups); "
                f"got {m.reachable.shape[0]}x{m.reachable.shape[1]}.",
            )
            _require(
                vt.depot < len(self.depots),
                f"vehicle type {vt.name!r}: depot index {vt.depot} out of range "
                f"0..{len(self.depots) - 1}.",
            )
        allowed = np.zeros((len(self.vehicle_types), len(self.pickups)), dtype=np.bool_)
        first = len(self.depots)
        for k, (vt, m) in enumerate(zip(self.vehicle_types, self.matrices, strict=True)):
            nodes = np.arange(first, n)
            allowed[k] = m.reachable[vt.depot, nodes] & m.reachable[nodes, vt.depot]
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
        return windows or days
