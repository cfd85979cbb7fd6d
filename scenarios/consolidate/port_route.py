"""From a place in southern Laos to a seaport and beyond: the consolidation's price of one flow.

Per corridor that reaches the port, per tonne of green coffee in the financial view, priced by
the consolidation's own code (:mod:`scenarios.consolidate.corridor_prices`,
:func:`scenarios.consolidate.reuse.trunk_leg`): the road from the origin to the border post in
the trunk vehicle (there, the empty-return share of the way back, loading, carrier's markup),
the border fee and expected wait, the onward leg priced from the published road km of
``data/onward_legs.csv`` (mean of the rows, min and max kept, via ``data/corridors.csv``) at the
gateway's rate indexed to diesel, and the ocean freight from the port to each market
(``data/ocean_freight.csv``, with its range). The quote from a hub's place equals that hub's
cost in the consolidation's problem, except other traffic's queue at the border (it depends on
the season's volume).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

import networks
from networks import RoadNetwork
from optimizer import Corridor
from scenarios.common import UnknownNameError, closest, file_ranges, find_profile, read_rows
from scenarios.consolidate import reuse
from scenarios.consolidate.corridor_prices import (
    financial_lak_per_t,
    onward_diesel_index,
    price_corridor,
    teu_lak_per_t,
)
from scenarios.consolidate.gateways import OCEAN_CSV
from scenarios.consolidate.inputs import (
    CORRIDORS_CSV,
    CORRIDORS_OPTIONAL,
    ONWARD_CSV,
    ONWARD_OPTIONAL,
    CorridorSpec,
    GatewaySite,
    HubSite,
)
from scenarios.consolidate.matrices import to_int_costs
from scenarios.consolidate.records import Inputs, load_inputs

__all__ = ["OceanQuote", "PortQuote", "PortRoute", "find_ports", "port_routes"]


@dataclass(frozen=True, slots=True)
class OceanQuote:
    """Sea freight from the port to one market: US$ per 20-ft container and LAK per tonne green,
    central, low and high (the range of ``data/ocean_freight.csv``)."""

    market: str
    route_id: str
    usd_per_teu: tuple[float, float, float]
    lak_per_t: tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class PortRoute:
    """One corridor to the port, per tonne green: road to the border, border, onward, ocean."""

    corridor: CorridorSpec
    gateway: GatewaySite
    price: Corridor  # border fee, waiting and onward leg per tonne, as in the consolidation
    road_lak_per_t: int | None  # None when the border post cannot be reached
    road_km: float | None
    road_trip_h: float | None  # there and back with loading, as the consolidation counts it
    road_note: str
    onward_sources: tuple[str, ...]
    ocean: tuple[OceanQuote, ...]

    @property
    def onward_table(self) -> str:
        """The data file the onward km come from."""
        published = any("onward_legs.csv" in s for s in self.onward_sources)
        return "data/onward_legs.csv" if published else "data/corridors.csv"

    @property
    def at_seaport_lak_per_t(self) -> int | None:
        """Road + border fee + waiting + onward leg per tonne green (None if unreachable)."""
        if self.road_lak_per_t is None:
            return None
        p = self.price
        return (
            self.road_lak_per_t
            + p.border_fee_lak_per_t
            + p.border_waiting_lak_per_t
            + (p.onward_lak_per_t)
        )


@dataclass(frozen=True, slots=True)
class PortQuote:
    """The corridors from ``origin`` to a port and the basis they are priced on."""

    origin: str
    season: str
    vehicle: str
    payload_t: float
    lak_per_usd: float
    diesel_lak_per_l: float
    onward_diesel_index: float
    routes: tuple[PortRoute, ...]


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


def _ocean(inputs: Inputs, port: str) -> tuple[OceanQuote, ...]:
    ranges = {r.key: r for r in file_ranges(OCEAN_CSV)}
    out = []
    for rate in (r for r in inputs.ocean if r.seaport == port):
        found = ranges.get(f"{OCEAN_CSV.stem}.{rate.route_id}.usd_per_teu")
        usd = (rate.usd_per_teu, *((found.low, found.high) if found else (rate.usd_per_teu,) * 2))
        lak = tuple(teu_lak_per_t(inputs, u) for u in usd)
        out.append(OceanQuote(rate.market, rate.route_id, usd, (lak[0], lak[1], lak[2])))
    return tuple(out)


def _origin_inputs(net: RoadNetwork, origin: str, inputs: Inputs) -> tuple[Inputs, str]:
    """``inputs`` with the origin as the only hub and no villages (the located trunk leg's rows)."""
    lat, lon, label = networks.resolve_point(net, origin)
    site = HubSite(label, label, "", lon, lat, 1.0, 0.0, 0.0, "open")
    return dataclasses.replace(inputs, villages=(), hubs=(site,)), label


def port_routes(
    net: RoadNetwork,
    origin: str,
    port: str,
    *,
    season: str,
    inputs: Inputs | None = None,
    truck: str | None = None,
) -> PortQuote:
    """Every corridor from ``origin`` to the seaport ``port``, cheapest reachable first.

    ``inputs`` default to the consolidation's data tables; ``truck`` (a vehicle type of
    ``data/vehicles.csv``) replaces the trunk vehicle of ``consolidation_params.toml``.

    Raises
    ------
    UnknownNameError
        When no corridor ends at a port of that name (the message lists the ports), or the
        truck is not a known vehicle type.
    """
    inputs = inputs or load_inputs()
    if truck is not None:
        name = find_profile(inputs.profiles, truck).name
        inputs = dataclasses.replace(
            inputs, params=dataclasses.replace(inputs.params, trunk_vehicle=name)
        )
    ports = find_ports(port, inputs.corridors)
    quoted, label = _origin_inputs(net, origin, inputs)
    located, _ = reuse.located_network(net, None, quoted)
    leg = reuse.trunk_leg(located, None, quoted, season)
    road = to_int_costs(financial_lak_per_t(leg, inputs))[0]
    column = {g.id: j for j, g in enumerate(inputs.gateways)}
    out = []
    for corridor in (c for c in inputs.corridors if c.port in ports):
        gateway = inputs.gateways[column[corridor.gateway_id]]
        j = column[gateway.id]
        reachable = bool(np.isfinite(leg.trip_cost_lak[0, j]))
        note = ""
        if season not in gateway.open_seasons:
            note = f"the {gateway.name} border post is closed in the {season} season"
        elif not reachable:
            note = (
                f"no {season}-season road from {label} to {gateway.place} for a {leg.profile.name}"
            )
        ok = not note
        out.append(
            PortRoute(
                corridor,
                gateway,
                price_corridor(inputs, corridor, ocean=False),
                int(road[j]) if ok else None,
                float(leg.distance_km[0, j]) if ok else None,
                float(leg.trip_hours[0, j]) if ok else None,
                note,
                _onward_sources(gateway, corridor),
                _ocean(inputs, corridor.port),
            )
        )
    routes = sorted(out, key=lambda r: (r.road_lak_per_t is None, r.at_seaport_lak_per_t or 0))
    return PortQuote(
        origin=label,
        season=season,
        vehicle=leg.profile.name,
        payload_t=leg.payload_t,
        lak_per_usd=inputs.rates.lak_per_usd,
        diesel_lak_per_l=inputs.rates.diesel_lak_per_l,
        onward_diesel_index=onward_diesel_index(inputs),
        routes=tuple(routes),
    )
