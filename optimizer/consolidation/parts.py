"""Leaf records of the consolidation model: plan records, cost parts and gateway queue curves."""

from __future__ import annotations

from dataclasses import dataclass

from optimizer.exceptions import InputError


@dataclass(frozen=True, slots=True)
class CostBreakdown:
    """Landed cost parts in LAK (hub handling includes the hubs' fixed costs).

    The :attr:`PARTS` add up to the landed cost at the seaport (or border market);
    ``ocean_freight_lak`` is the sea leg beyond it, so :attr:`at_destination_lak` is the
    landed cost at the buyer's port. ``border_waiting`` includes the queue at busy posts.
    """

    collection_lak: float
    hub_handling_lak: float
    trunk_haul_lak: float
    border_fees_lak: float
    border_waiting_lak: float
    onward_leg_lak: float
    ocean_freight_lak: float = 0.0

    PARTS = (
        "collection",
        "hub_handling",
        "trunk_haul",
        "border_fees",
        "border_waiting",
        "onward_leg",
    )

    @property
    def total_lak(self) -> float:
        """Sum of the parts: the landed cost at the seaport or border market."""
        return sum(self.as_dict().values())

    @property
    def at_destination_lak(self) -> float:
        """Landed cost at the buyer's port: the parts plus the ocean freight."""
        return self.total_lak + self.ocean_freight_lak

    def as_dict(self) -> dict[str, float]:
        """Parts by name (without the ``_lak`` suffix); the ocean freight is not a part."""
        return {name: float(getattr(self, f"{name}_lak")) for name in self.PARTS}

    def per_tonne(self, green_kg: int) -> CostBreakdown:
        """The same parts divided by the tonnes moved."""
        tonnes = green_kg / 1000.0
        if tonnes <= 0:
            msg = f"expected green_kg > 0 to compute a per-tonne breakdown, got {green_kg}."
            raise ValueError(msg)
        parts = {f"{k}_lak": v / tonnes for k, v in self.as_dict().items()}
        return CostBreakdown(**parts, ocean_freight_lak=self.ocean_freight_lak / tonnes)


@dataclass(frozen=True, slots=True)
class GatewayQueue:
    """Coffee's queueing cost at one border post in one period: convex, piecewise linear.

    The ``i``-th segment carries up to ``widths_kg[i]`` kg at ``lak_per_t[i]`` LAK per tonne;
    slopes never decrease (each extra truck waits at least as long as the one before), so a
    least-cost plan fills the segments in order without binaries. The widths add up to the
    post's room for coffee in the period (its capacity less the other traffic).
    """

    gateway_id: str
    period: str
    widths_kg: tuple[int, ...]
    lak_per_t: tuple[int, ...]

    def __post_init__(self) -> None:
        where = f"queue of gateway {self.gateway_id!r} in {self.period!r}"
        if len(self.widths_kg) != len(self.lak_per_t) or not self.widths_kg:
            msg = (
                f"{where}: expected as many widths as slopes (at least one), got "
                f"{len(self.widths_kg)} and {len(self.lak_per_t)}."
            )
            raise InputError(msg)
        if min(self.widths_kg) < 0 or min(self.lak_per_t) < 0:
            msg = (
                f"{where}: expected widths and slopes >= 0, got {self.widths_kg}, {self.lak_per_t}."
            )
            raise InputError(msg)
        if any(b < a for a, b in zip(self.lak_per_t, self.lak_per_t[1:], strict=False)):
            msg = f"{where}: expected non-decreasing slopes (a convex cost), got {self.lak_per_t}."
            raise InputError(msg)

    @property
    def max_kg(self) -> int:
        """The most coffee the post can take in the period."""
        return sum(self.widths_kg)

    def cost_lak(self, kg: float) -> float:
        """Queueing cost of ``kg`` through the post (segments filled in order)."""
        left, cost = float(kg), 0.0
        for width, slope in zip(self.widths_kg, self.lak_per_t, strict=True):
            take = min(left, float(width))
            cost += take / 1000.0 * slope
            left -= take
        return cost


@dataclass(frozen=True, slots=True)
class Assignment:
    """Green kg one village sends to one hub in one period (and its collection cost)."""

    period: str
    supply_id: str
    hub_id: str
    green_kg: int
    collection_lak: int


@dataclass(frozen=True, slots=True)
class CorridorFlow:
    """Green kg one hub sends through one corridor in one period."""

    period: str
    hub_id: str
    corridor_id: str
    gateway_id: str
    port: str
    green_kg: int


@dataclass(frozen=True, slots=True)
class MarketFlow:
    """Green kg of one corridor's volume credited to one market in one period."""

    period: str
    corridor_id: str
    market_id: str
    green_kg: int
