"""What a tonne of green coffee pays on each corridor: the one pricing of the consolidation.

The consolidation's problem (:func:`scenarios.consolidate.pipeline.build_problem`) and the
``bolaven corridor`` quote (:mod:`scenarios.consolidate.port_route`) both price through this
module, in the financial view (what the exporter pays):

- Lao road legs: trip cost (``scenarios.consolidate.matrices``) / payload x (1 + markup);
- border: the fee per truck / payload, plus transloading when chosen; the expected wait at the
  carrier's truck-hour price;
- onward leg beyond the border: road km x the gateway's US$ per km x the diesel index;
- ocean freight: US$ per 20-ft container / payload, from the corridor's port to each market.
"""

from __future__ import annotations

import numpy as np

from optimizer import Corridor, cost_per_hour_lak, fixed_cost_lak
from scenarios.consolidate.inputs import CorridorSpec
from scenarios.consolidate.matrices import FloatArray, LegMatrix, per_tonne_green
from scenarios.consolidate.records import Inputs

__all__ = [
    "financial_lak_per_t",
    "ocean_lak_per_t",
    "onward_diesel_index",
    "price_corridor",
    "price_corridors",
    "teu_lak_per_t",
    "truck_lak_per_h",
]


def truck_lak_per_h(inputs: Inputs) -> float:
    """Operator cost of one trunk truck-hour (crew + fixed cost per working hour), LAK."""
    trunk = inputs.profile("trunk_vehicle")
    per_day = fixed_cost_lak(trunk, inputs.rates) / inputs.params.truck_hours_per_day
    return cost_per_hour_lak(trunk, inputs.rates) + per_day


def onward_diesel_index(inputs: Inputs) -> float:
    """Factor on the onward rates for today's diesel price (1 at the reference price)."""
    p = inputs.params
    ratio = inputs.rates.diesel_lak_per_l / p.onward_diesel_ref_lak_per_l
    return 1.0 - p.onward_fuel_share + p.onward_fuel_share * ratio


def financial_lak_per_t(
    leg: LegMatrix, inputs: Inputs, green_per_kg: FloatArray | float = 1.0
) -> FloatArray:
    """A Lao road leg per tonne green at the carrier's price: operator cost x (1 + markup)."""
    markup = 1.0 + inputs.params.lao_carrier_markup
    return np.asarray(per_tonne_green(leg, green_per_kg) * markup, dtype=np.float64)


def teu_lak_per_t(inputs: Inputs, usd_per_teu: float) -> int:
    """Sea freight of one 20-ft container spread over one trunk-truck payload, LAK per tonne."""
    payload_t = inputs.profile("trunk_vehicle").capacity_kg / 1000
    return round(usd_per_teu * inputs.rates.lak_per_usd / payload_t)


def ocean_lak_per_t(inputs: Inputs, port: str) -> tuple[tuple[str, int], ...]:
    """Sea freight from ``port`` to each market it reaches, LAK per tonne green."""
    return tuple(
        (r.market, teu_lak_per_t(inputs, r.usd_per_teu)) for r in inputs.ocean if r.seaport == port
    )


def price_corridor(
    inputs: Inputs, spec: CorridorSpec, *, markets: frozenset[str] = frozenset(), ocean: bool = True
) -> Corridor:
    """The corridor's per-tonne border fee, waiting, onward leg (diesel-indexed) and ocean freight.

    Waiting is the carrier's truck time at its price (operator cost x (1 + markup)) for the
    expected wait without other traffic's queue; transloading, when chosen, adds to the fee.
    """
    payload_t = inputs.profile("trunk_vehicle").capacity_kg / 1000
    lak = inputs.rates.lak_per_usd
    per_hour = truck_lak_per_h(inputs) * (1.0 + inputs.params.lao_carrier_markup)
    g = next(g for g in inputs.gateways if g.id == spec.gateway_id)
    transload = g.transload_usd_per_t * lak if g.transload else 0.0
    onward_usd = spec.road_km * g.onward_usd_per_km * onward_diesel_index(inputs)
    return Corridor(
        id=spec.id,
        gateway_id=g.id,
        port=spec.port,
        border_fee_lak_per_t=round(g.fee_usd_per_truck * lak / payload_t + transload),
        border_waiting_lak_per_t=round(g.expected_wait_h * per_hour / payload_t),
        onward_lak_per_t=round(onward_usd * lak / payload_t),
        markets=markets,
        ocean_lak_per_t=ocean_lak_per_t(inputs, spec.port) if ocean else (),
    )


def price_corridors(inputs: Inputs, enforce_markets: bool) -> tuple[Corridor, ...]:
    """Every corridor of ``inputs`` priced; with markets, each with the markets it may serve."""
    gateways = {g.id: g for g in inputs.gateways}
    out = []
    for spec in inputs.corridors:
        country = gateways[spec.gateway_id].country
        markets = frozenset(
            m.name
            for m in inputs.markets
            if (m.served_by == "seaport" and spec.port_kind == "seaport")
            or m.served_by == f"gateway_country:{country}"
        )
        out.append(
            price_corridor(
                inputs,
                spec,
                markets=markets if enforce_markets else frozenset(),
                ocean=enforce_markets,
            )
        )
    return tuple(out)
