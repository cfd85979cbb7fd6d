"""The road end of a village track and the carry to it (a leaf record of the pickups room).

A village whose own track (its ``connector`` to the road, see ``data/network_defaults.toml``
``[connector_access]``) no available vehicle class may use in the season is collected where the
track meets a road. The village carries its coffee there by motorbike or hand tractor; the carry
is costed apart from the trucks (:mod:`scenarios.pickups.road_end`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["RoadEnd"]


@dataclass(frozen=True, slots=True)
class RoadEnd:
    """Where a cut-off village's coffee is collected and what carrying it there costs.

    Parameters
    ----------
    node
        The network node where the village's track meets the road.
    lat, lon
        That node's coordinates, degrees.
    carry_km
        The track's length: straight-line distance to the road x connector circuity, km.
    lak_per_t_km
        The carry rate (``carry_lak_per_tkm`` of ``data/consolidation_params.toml``, an estimate).
    """

    node: int
    lat: float
    lon: float
    carry_km: float
    lak_per_t_km: float

    def __post_init__(self) -> None:
        values = (self.carry_km, self.lak_per_t_km)
        if not all(math.isfinite(v) and v > 0 for v in values):
            msg = (
                "Expected a road end with finite carry_km > 0 and lak_per_t_km > 0; got "
                f"carry_km={self.carry_km}, lak_per_t_km={self.lak_per_t_km}."
            )
            raise ValueError(msg)

    def cost_lak(self, weight_kg: float) -> float:
        """Cost of carrying ``weight_kg`` from the village to the road end, kip."""
        return self.carry_km * weight_kg / 1000.0 * self.lak_per_t_km
