"""Consolidation hubs and export corridors: the problem and result records (a leaf module).

Villages (supply points) bring coffee to candidate hubs (mills); each hub sends its volume
through a corridor (a border gateway and its onward leg to a seaport or a border market).
Every cost is an integer in LAK per tonne of GREEN-equivalent coffee; every weight is an
integer number of kg of green-equivalent coffee. The model knows nothing about roads: the
caller (``scenarios``) turns network matrices into these arrays.

Periods are season names (``dry``, ``wet``). Hubs opened serve every period; capacities are
annual. Villages may split their volume between hubs unless
``ConsolidationSolveParams.single_sourcing``. The solver is in :mod:`optimizer.consolidation.solve`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from optimizer.consolidation.parts import (
    Assignment,
    CorridorFlow,
    CostBreakdown,
    GatewayQueue,
    MarketFlow,
)
from optimizer.exceptions import InputError

__all__ = [  # the plan records live in the leaf ``parts`` and are re-exported here
    "UNREACHABLE",
    "Assignment",
    "ConsolidationProblem",
    "ConsolidationResult",
    "Corridor",
    "CorridorFlow",
    "CostBreakdown",
    "Gateway",
    "GatewayQueue",
    "Hub",
    "Market",
    "MarketFlow",
    "SolveStatus",
    "SupplyPoint",
    "hub_ids",
]

UNREACHABLE = -1
"""Marker in the cost arrays for a pair that the vehicle cannot drive in that period."""

HUB_STATUSES = ("candidate", "open", "closed")

SolveStatus = Literal["optimal", "feasible", "time_limit"]
"""``optimal``: proven within the relative gap asked for; ``feasible``: stopped on the
deterministic work limit (nodes) without that proof; ``time_limit``: stopped on the clock (the
answer depends on the machine's load: never store it as a finished result)."""


def _check_id(kind: str, value: str) -> None:
    if not value.strip():
        msg = f"{kind}: expected a non-empty id, got {value!r}."
        raise InputError(msg)


@dataclass(frozen=True, slots=True)
class SupplyPoint:
    """A coffee-producing village: green-equivalent kg to move in each period."""

    id: str
    green_kg: tuple[int, ...]

    def __post_init__(self) -> None:
        _check_id("supply point", self.id)
        if any(kg < 0 for kg in self.green_kg):
            msg = f"supply point {self.id!r}: expected green_kg >= 0, got {self.green_kg}."
            raise InputError(msg)


@dataclass(frozen=True, slots=True)
class Hub:
    """A candidate consolidation hub or mill with an annual capacity and costs."""

    id: str
    capacity_kg: int
    fixed_cost_lak: int
    handling_lak_per_t: int
    status: str = "candidate"

    def __post_init__(self) -> None:
        _check_id("hub", self.id)
        if self.capacity_kg <= 0:
            msg = (
                f"hub {self.id!r}: expected capacity_kg > 0, got {self.capacity_kg} "
                "(set status 'closed' to exclude a hub)."
            )
            raise InputError(msg)
        if self.fixed_cost_lak < 0 or self.handling_lak_per_t < 0:
            msg = (
                f"hub {self.id!r}: expected fixed_cost_lak >= 0 and handling_lak_per_t >= 0, "
                f"got {self.fixed_cost_lak} and {self.handling_lak_per_t}."
            )
            raise InputError(msg)
        if self.status not in HUB_STATUSES:
            msg = (
                f"hub {self.id!r}: unknown status {self.status!r}. "
                "Choose from: candidate, open, closed."
            )
            raise InputError(msg)


@dataclass(frozen=True, slots=True)
class Gateway:
    """A border post; ``open_periods`` lists the periods it may be used in."""

    id: str
    open_periods: frozenset[str]
    capacity_kg: int | None = None

    def __post_init__(self) -> None:
        _check_id("gateway", self.id)
        if self.capacity_kg is not None and self.capacity_kg < 0:
            msg = f"gateway {self.id!r}: expected capacity_kg >= 0 or None, got {self.capacity_kg}."
            raise InputError(msg)


@dataclass(frozen=True, slots=True)
class Corridor:
    """A way out: a gateway, the port (or border market) beyond it, and per-tonne costs.

    ``ocean_lak_per_t`` pairs a market id with the sea freight from this corridor's port to
    that market's port (LAK per tonne green); markets not listed pay none.
    """

    id: str
    gateway_id: str
    port: str
    border_fee_lak_per_t: int
    border_waiting_lak_per_t: int
    onward_lak_per_t: int
    markets: frozenset[str] = field(default_factory=frozenset)
    ocean_lak_per_t: tuple[tuple[str, int], ...] = ()

    def __post_init__(self) -> None:
        _check_id("corridor", self.id)
        parts = (self.border_fee_lak_per_t, self.border_waiting_lak_per_t, self.onward_lak_per_t)
        if min(parts) < 0 or any(lak < 0 for _, lak in self.ocean_lak_per_t):
            msg = f"corridor {self.id!r}: expected costs >= 0, got {parts}, {self.ocean_lak_per_t}."
            raise InputError(msg)

    def reaches_by_sea(self, market_id: str) -> bool:
        """Whether a sea route from this corridor's port to the market is known."""
        return market_id in dict(self.ocean_lak_per_t)

    def ocean_to(self, market_id: str) -> int:
        """Sea freight from this corridor's port to ``market_id``, LAK per tonne (0 if none)."""
        return dict(self.ocean_lak_per_t).get(market_id, 0)

    @property
    def lak_per_t(self) -> int:
        """Border fee + border waiting + onward leg, LAK per tonne green."""
        return self.border_fee_lak_per_t + self.border_waiting_lak_per_t + self.onward_lak_per_t


@dataclass(frozen=True, slots=True)
class Market:
    """A destination market and the share of the volume it takes (0-1)."""

    id: str
    share: float

    def __post_init__(self) -> None:
        _check_id("market", self.id)
        if not 0.0 <= self.share <= 1.0:
            msg = f"market {self.id!r}: expected 0 <= share <= 1, got {self.share}."
            raise InputError(msg)


def _check_array(name: str, array: NDArray[np.int64], shape: tuple[int, ...]) -> None:
    if array.shape != shape:
        msg = f"{name}: expected shape {shape}, got {array.shape}."
        raise InputError(msg)
    if array.size and int(array.min()) < UNREACHABLE:
        msg = f"{name}: expected costs >= 0 (or {UNREACHABLE} for unreachable), got {array.min()}."
        raise InputError(msg)


@dataclass(frozen=True)
class ConsolidationProblem:
    """Supply points, hubs, gateways, corridors, markets and per-tonne cost arrays.

    ``collection_lak_per_t[p, v, h]``: collecting one tonne green from village ``v`` to hub
    ``h`` in period ``p`` (``UNREACHABLE`` if the collection vehicle cannot drive it).
    ``trunk_lak_per_t[p, h, g]``: trunk haul of one tonne green from hub ``h`` to gateway
    ``g``. Market shares, if given, are enforced: each market's share of every period's volume
    must leave through corridors that serve it; with ``reroute_penalty_lak_per_t`` set, a
    market's volume may also leave through corridors whose port reaches it by sea
    (``Corridor.ocean_lak_per_t``) at that penalty per tonne (a priority
    that keeps re-routing to the volume the closures and capacities force, not a cost: it is
    left out of the cost parts). ``queues`` are the queueing costs of busy border posts.
    """

    periods: tuple[str, ...]
    supply: tuple[SupplyPoint, ...]
    hubs: tuple[Hub, ...]
    gateways: tuple[Gateway, ...]
    corridors: tuple[Corridor, ...]
    collection_lak_per_t: NDArray[np.int64]
    trunk_lak_per_t: NDArray[np.int64]
    markets: tuple[Market, ...] = ()
    queues: tuple[GatewayQueue, ...] = ()
    reroute_penalty_lak_per_t: int | None = None

    def __post_init__(self) -> None:
        self._check_queues()
        n_p, n_v, n_h, n_g = len(self.periods), len(self.supply), len(self.hubs), len(self.gateways)
        if n_p == 0 or n_v == 0 or n_h == 0 or n_g == 0 or not self.corridors:
            msg = (
                "consolidation problem: expected at least one period, supply point, hub, gateway "
                f"and corridor, got {n_p}, {n_v}, {n_h}, {n_g}, {len(self.corridors)}."
            )
            raise InputError(msg)
        for kind, ids in (
            ("supply point", [s.id for s in self.supply]),
            ("hub", [h.id for h in self.hubs]),
            ("gateway", [g.id for g in self.gateways]),
            ("corridor", [c.id for c in self.corridors]),
        ):
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            if dupes:
                msg = f"{kind} ids must be unique; duplicated: {', '.join(dupes)}."
                raise InputError(msg)
        gateway_ids = {g.id for g in self.gateways}
        for corridor in self.corridors:
            if corridor.gateway_id not in gateway_ids:
                msg = (
                    f"corridor {corridor.id!r}: unknown gateway {corridor.gateway_id!r}. "
                    f"Choose from: {', '.join(sorted(gateway_ids))}."
                )
                raise InputError(msg)
        for point in self.supply:
            if len(point.green_kg) != n_p:
                msg = (
                    f"supply point {point.id!r}: expected {n_p} period volumes, "
                    f"got {len(point.green_kg)}."
                )
                raise InputError(msg)
        _check_array("collection_lak_per_t", self.collection_lak_per_t, (n_p, n_v, n_h))
        _check_array("trunk_lak_per_t", self.trunk_lak_per_t, (n_p, n_h, n_g))
        if self.markets and abs(sum(m.share for m in self.markets) - 1.0) > 1e-6:
            total = sum(m.share for m in self.markets)
            msg = f"market shares: expected a sum of 1, got {total:.4f}."
            raise InputError(msg)

    def _check_queues(self) -> None:
        keys = [(q.gateway_id, q.period) for q in self.queues]
        gateway_ids = {g.id for g in self.gateways}
        for gateway_id, period in keys:
            if (
                gateway_id not in gateway_ids
                or period not in self.periods
                or keys.count((gateway_id, period)) > 1
            ):
                msg = (
                    f"queue ({gateway_id!r}, {period!r}): expected one queue per known gateway "
                    f"and period; gateways {sorted(gateway_ids)}, periods {self.periods}."
                )
                raise InputError(msg)
        if self.reroute_penalty_lak_per_t is not None and self.reroute_penalty_lak_per_t < 0:
            got = self.reroute_penalty_lak_per_t
            msg = f"reroute_penalty_lak_per_t: expected >= 0 or None, got {got}."
            raise InputError(msg)

    def queue_for(self, gateway_id: str, period: int) -> GatewayQueue | None:
        """The queue curve of a gateway in a period (None: no queue modelled)."""
        name = self.periods[period]
        return next(
            (q for q in self.queues if q.gateway_id == gateway_id and q.period == name), None
        )

    def gateway_max_kg(self, gateway_id: str, period: int) -> int | None:
        """Most kg a gateway takes in a period: capacity and queue room (None: no limit)."""
        gateway = self.gateways[self.gateway_index(gateway_id)]
        queue = self.queue_for(gateway_id, period)
        limits = [
            x for x in (gateway.capacity_kg, queue.max_kg if queue else None) if x is not None
        ]
        return min(limits) if limits else None

    def gateway_index(self, gateway_id: str) -> int:
        """Position of a gateway in :attr:`gateways`."""
        return [g.id for g in self.gateways].index(gateway_id)

    def period_kg(self, period: int) -> int:
        """Total green kg to move in one period."""
        return sum(s.green_kg[period] for s in self.supply)

    @property
    def total_kg(self) -> int:
        """Total green kg over all periods."""
        return sum(sum(s.green_kg) for s in self.supply)


@dataclass(frozen=True, slots=True)
class ConsolidationResult:
    """A verified solution: open hubs, assignments, corridor and market flows, costs.

    ``status`` says why the solver stopped (:data:`SolveStatus`); ``mip_gap`` is the proven
    relative gap between the plan's cost and the solver's lower bound (0.0: proven optimal),
    ``gap_limit`` the gap that was asked for, ``nodes`` the branch-and-bound nodes (or CP-SAT
    conflicts) explored.
    """

    status: SolveStatus
    mip_gap: float
    open_hubs: tuple[str, ...]
    assignments: tuple[Assignment, ...]
    flows: tuple[CorridorFlow, ...]
    market_flows: tuple[MarketFlow, ...]
    cost_lak: CostBreakdown
    total_green_kg: int
    num_variables: int
    solve_time_s: float
    nodes: int = 0
    gap_limit: float = 1e-5

    @property
    def proven_optimal(self) -> bool:
        """True when the solver proved the plan within the gap asked for (any machine)."""
        return self.status == "optimal" and self.mip_gap <= self.gap_limit

    @property
    def cost_per_tonne_lak(self) -> CostBreakdown:
        """Landed cost per tonne green, part by part."""
        return self.cost_lak.per_tonne(self.total_green_kg)

    def hub_kg(self, hub_id: str) -> int:
        """Green kg received by one hub over all periods."""
        return sum(a.green_kg for a in self.assignments if a.hub_id == hub_id)


def hub_ids(hubs: Sequence[Hub]) -> list[str]:
    """Ids in order (helper for callers building arrays)."""
    return [h.id for h in hubs]
