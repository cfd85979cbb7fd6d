"""The depot and every pickup of a file snapped to the road network once, viewed day by day.

The whole-file snap gives the connector lengths and the far-from-road warnings; each day's
problem reads its own points from the same snap (:meth:`SnappedPickups.day`) instead of
snapping them again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import networks
from scenarios.pickups.io import PickupRecord
from scenarios.pickups.reach import connector_lengths
from scenarios.pickups.records import DepotPoint

__all__ = ["SnappedPickups", "snap_pickups"]


@dataclass(frozen=True)
class SnappedPickups:
    """One snap of the depot (point 0) and the pickups (points 1..n, by record id)."""

    snap: networks.SnapResult
    index: dict[str, int]  # pickup id -> its point in ``snap``

    def connector_m(self) -> dict[str, float]:
        """Length (m) of each pickup's off-road connector (0 on a road, nan if not snapped)."""
        lengths = connector_lengths(self.snap)
        return {pid: lengths[i] for pid, i in self.index.items()}

    def day(self, records: Sequence[PickupRecord]) -> networks.SnapResult:
        """The snap of the depot and ``records`` only, in that order (point 0 is the depot).

        The network is the whole file's: a day's paths may pass the split points of other
        days' pickups, which leaves their lengths and costs unchanged.
        """
        points = [0, *(self.index[r.id] for r in records)]
        position = {point: i for i, point in enumerate(points)}
        return networks.SnapResult(
            self.snap.network,
            tuple(self.snap.nodes[p] for p in points),
            tuple(self.snap.distance_m[p] for p in points),
            tuple(
                replace(u, index=position[u.index])
                for u in self.snap.unreachable
                if u.index in position
            ),
        )


def snap_pickups(
    net: networks.RoadNetwork, depot: DepotPoint, records: Sequence[PickupRecord]
) -> SnappedPickups:
    """Snap the depot and every pickup of the file in one call."""
    points = [(depot.lat, depot.lon), *((r.lat, r.lon) for r in records)]
    snap = networks.snap_points(net, points)
    return SnappedPickups(snap, {r.id: i + 1 for i, r in enumerate(records)})
