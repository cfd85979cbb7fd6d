"""From a place in southern Laos to a seaport: the road part, the border and the onward leg.

The road network stops at the border. The leg beyond it, to a Thai or Vietnamese seaport, is
priced from the published road km of ``data/onward_legs.csv`` (mean of the rows, min and max
kept, via ``data/corridors.csv``) and the gateway's onward rate in ``data/gateways.csv``,
exactly as the consolidation model prices it. One answer per corridor that reaches the port.
"""

from __future__ import annotations

from dataclasses import dataclass

import networks
from networks import RoadNetwork
from scenarios.common import UnknownNameError, closest, read_rows
from scenarios.consolidate.inputs import (
    CORRIDORS_CSV,
    CORRIDORS_OPTIONAL,
    ONWARD_CSV,
    ONWARD_OPTIONAL,
    CorridorSpec,
    GatewaySite,
    read_corridors,
    read_gateways,
)

__all__ = ["PortRoute", "find_ports", "port_routes"]


@dataclass(frozen=True, slots=True)
class PortRoute:
    """One corridor to the port: road to the border, border crossing, onward leg (per truck)."""

    corridor: CorridorSpec
    gateway: GatewaySite
    road: networks.Route | None  # None when the border post cannot be reached
    road_note: str
    onward_sources: tuple[str, ...]

    @property
    def onward_table(self) -> str:
        """The data file the onward km come from."""
        published = any("onward_legs.csv" in s for s in self.onward_sources)
        return "data/onward_legs.csv" if published else "data/corridors.csv"

    @property
    def onward_cost_usd(self) -> float:
        """The onward leg for one truck at the gateway's rate (central km)."""
        return self.corridor.road_km * self.gateway.onward_usd_per_km

    def total_usd(self, lak_per_usd: float) -> float | None:
        """Road driving cost + border fee + onward leg, per truck (None if unreachable)."""
        if self.road is None or self.road.cost_lak is None:
            return None
        road = self.road.cost_lak / lak_per_usd
        return road + self.gateway.fee_usd_per_truck + self.onward_cost_usd


def _port_names(corridors: tuple[CorridorSpec, ...]) -> list[str]:
    return sorted({c.port for c in corridors})


def find_ports(port: str, corridors: tuple[CorridorSpec, ...]) -> list[str]:
    """Port names of the corridors that ``port`` names (case-insensitive part of the name)."""
    wanted = "".join(port.lower().split())
    names = _port_names(corridors)
    found = [n for n in names if wanted and wanted in "".join(n.lower().split())]
    if not found:
        hint = closest(port, names)
        did = f" (did you mean {hint!r}?)" if hint else ""
        msg = f"unknown seaport {port!r}{did}; choose from: {', '.join(names)}"
        raise UnknownNameError(msg)
    return found


def _onward_sources(gateway: GatewaySite, corridor: CorridorSpec) -> tuple[str, ...]:
    """The published legs behind the corridor's km, or its own rule and source when none."""
    need = ("border_post", "port", "road_km")
    legs = tuple(
        f"{row.text('road_km')} km: {row.text('source')} ({row.text('year')}; onward_legs.csv)"
        for row in read_rows(ONWARD_CSV, required=need, optional=ONWARD_OPTIONAL, what="onward")
        if row.text("border_post") == gateway.onward_name and row.text("port") == corridor.port
    )
    if legs:
        return legs
    return tuple(
        f"{row.text('road_km')} km: {row.text('km_rule')}; {row.text('km_source')} (corridors.csv)"
        for row in read_rows(
            CORRIDORS_CSV,
            required=("corridor_id", "gateway_id", "port"),
            optional=CORRIDORS_OPTIONAL,
            what="corridors",
        )
        if row.text("corridor_id") == corridor.id
    )


def port_routes(
    net: RoadNetwork,
    origin: str,
    port: str,
    *,
    season: str,
    vehicle: str,
    edge_cost: networks.EdgeCost,
    lak_per_usd: float,
) -> list[PortRoute]:
    """Every corridor from ``origin`` to the seaport ``port``, cheapest reachable first.

    Raises
    ------
    UnknownNameError
        When no corridor ends at a port of that name (the message lists the ports).
    """
    gateways = read_gateways()
    corridors = read_corridors(gateways)
    ports = find_ports(port, corridors)
    by_id = {g.id: g for g in gateways}
    out = []
    for corridor in (c for c in corridors if c.port in ports):
        gateway = by_id[corridor.gateway_id]
        road, note = None, ""
        if season not in gateway.open_seasons:
            note = f"the {gateway.name} border post is closed in the {season} season"
        else:
            try:
                road = networks.route(
                    net, origin, gateway.place, season=season, vehicle=vehicle, edge_cost=edge_cost
                )
            except networks.UnknownPlaceError:
                raise  # the origin is unknown: no corridor can help
            except (LookupError, ValueError) as exc:  # this border post cannot be reached
                note = str(exc)
        out.append(PortRoute(corridor, gateway, road, note, _onward_sources(gateway, corridor)))
    return sorted(out, key=lambda r: (r.road is None, r.total_usd(lak_per_usd) or 0.0))
