"""Village access by season and vehicle class: who is cut off, and the carry to the road.

A village off the mapped roads joins them by a connector (its track). The network marks a track
impassable for a class in a season by its length (``data/network_defaults.toml``
``[connector_access]``). Where the season's collection vehicle cannot use the track, the coffee
is carried by motorbike or hand tractor over the whole track to the road end (the nearest point
the vehicle reaches), at ``carry_lak_per_tkm`` of ``consolidation_params.toml``, and the vehicle
collects it there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from networks import RoadNetwork, Season, VehicleClass, passable_attr
from scenarios.consolidate.matrices import LegMatrix

__all__ = [
    "WFP_FAR_KM",
    "WFP_FAR_SHARE",
    "WFP_WET_CUT_OFF_SHARE",
    "AccessRow",
    "VillageTracks",
    "access_rows",
    "village_tracks",
    "with_carry",
]

#: WFP Logistics Capacity Assessment 2.3, Road Assessment (facts §2.5): "more than 40 % of
#: villages are 6 km or more from a main road and nearly half are not accessible in the rainy
#: season". "Nearly half" is read as 0.40-0.50.
WFP_WET_CUT_OFF_SHARE = (0.40, 0.50)
WFP_FAR_SHARE = 0.40
WFP_FAR_KM = 6.0
WFP_SOURCE = (
    "WFP Logistics Capacity Assessment 2.3 Road Assessment (dlca.logcluster.org), facts §2.5"
)


@dataclass(frozen=True)
class VillageTracks:
    """Per village (in supply order): its track to the road and whether each class passes it.

    ``road_node`` is where the track meets the road (the village node itself when the village
    lies on the road); ``straight_km`` the straight-line distance to the road; ``track_km`` the
    track length (straight line x circuity); ``passable[(season, class)]`` a bool per village.
    """

    road_node: list[int]
    straight_km: NDArray[np.float64]
    track_km: NDArray[np.float64]
    passable: dict[tuple[str, str], NDArray[np.bool_]]

    def cut_off(self, season: str, vehicle: str) -> NDArray[np.bool_]:
        """Villages whose track the class cannot use in the season."""
        return ~self.passable[season, vehicle]


def village_tracks(net: RoadNetwork, village_nodes: Sequence[int]) -> VillageTracks:
    """Read each village's connector (its track) off the located network."""
    graph = net.graph
    road, straight, track = [], [], []
    ok: dict[tuple[str, str], list[bool]] = {
        (s.value, v.value): [] for s in Season for v in VehicleClass
    }
    for node in village_nodes:
        edge = next(
            ((v, d) for _, v, d in graph.out_edges(node, data=True) if d.get("connector")), None
        )
        if edge is None:
            road.append(node)
            straight.append(0.0)
            track.append(0.0)
            for flags in ok.values():
                flags.append(True)
            continue
        target, data = edge
        road.append(int(target))
        straight.append(float(data.get("straight_m", data["length_m"])) / 1000)
        track.append(float(data["length_m"]) / 1000)
        for (season, vehicle), flags in ok.items():
            flags.append(bool(data[passable_attr(Season(season), VehicleClass(vehicle))]))
    return VillageTracks(
        road_node=road,
        straight_km=np.array(straight, dtype=float),
        track_km=np.array(track, dtype=float),
        passable={k: np.array(v, dtype=bool) for k, v in ok.items()},
    )


def with_carry(
    leg: LegMatrix,
    roadside: LegMatrix,
    cut_off: NDArray[np.bool_],
    carry_lak_per_t: NDArray[np.float64],
) -> LegMatrix:
    """``leg`` with the cut-off villages' rows collected at the road end after a carry.

    ``roadside`` is the same vehicle's leg from each village's road end; ``carry_lak_per_t``
    the carry cost per tonne carried (of the collected product) per village. A carried trip
    costs the vehicle's trip from the road end plus the carry of its payload.
    """
    rows = cut_off[:, None]
    carry_trip = (carry_lak_per_t * leg.payload_t)[:, None]
    return LegMatrix(
        profile=leg.profile,
        distance_km=np.where(rows, roadside.distance_km, leg.distance_km),
        trip_hours=np.where(rows, roadside.trip_hours, leg.trip_hours),
        trip_cost_lak=np.where(rows, roadside.trip_cost_lak + carry_trip, leg.trip_cost_lak),
        trip_litres=np.where(rows, roadside.trip_litres, leg.trip_litres),
    )


@dataclass(frozen=True)
class AccessRow:
    """Villages and volume cut off for one vehicle class in one season."""

    season: str
    vehicle: str
    villages: int
    villages_cut_off: int
    tonnes: float
    tonnes_cut_off: float

    @property
    def key(self) -> tuple[str, str]:
        """(season, vehicle class)."""
        return self.season, self.vehicle

    @property
    def village_share(self) -> float:
        """Share of the villages cut off."""
        return self.villages_cut_off / self.villages if self.villages else 0.0

    @property
    def volume_share(self) -> float:
        """Share of the green volume cut off."""
        return self.tonnes_cut_off / self.tonnes if self.tonnes else 0.0


def access_rows(tracks: VillageTracks, green_t: Sequence[float]) -> tuple[AccessRow, ...]:
    """Cut-off counts and volumes per season and vehicle class."""
    volume = np.asarray(green_t, dtype=float)
    rows = []
    for (season, vehicle), ok in tracks.passable.items():
        cut = ~ok
        rows.append(
            AccessRow(
                season=season,
                vehicle=vehicle,
                villages=len(ok),
                villages_cut_off=int(cut.sum()),
                tonnes=float(volume.sum()),
                tonnes_cut_off=float(volume[cut].sum()),
            )
        )
    return tuple(rows)
