"""Physical totals of a consolidation plan and the World Bank 2018 fidelity check.

The records (:class:`Metrics`, :class:`Fidelity`, the WB 2018 constants) live in
:mod:`scenarios.consolidate.records`.
"""

from __future__ import annotations

import dataclasses

from optimizer import CO2_KG_PER_L_DIESEL, ConsolidationProblem, ConsolidationResult, CostRates
from scenarios.consolidate.matrices import LegMatrix, leg_matrix
from scenarios.consolidate.records import Fidelity, Inputs, Metrics, SnappedNetwork, green_ratios


def metrics(
    inputs: Inputs,
    problem: ConsolidationProblem,
    result: ConsolidationResult,
    collection: dict[str, LegMatrix],
    trunk: dict[str, LegMatrix],
) -> Metrics:
    """Sum t-km, truck-hours and litres over the plan's assignments and corridor flows."""
    v_index = {s.id: i for i, s in enumerate(problem.supply)}
    h_index = {h.id: i for i, h in enumerate(problem.hubs)}
    year = len(problem.periods) == 2
    ratios = {p: green_ratios(inputs, p if year else "year") for p in problem.periods}
    tkm_c = tkm_t = tkm_o = hours = litres = 0.0
    for a in result.assignments:
        leg, v, h = collection[a.period], v_index[a.supply_id], h_index[a.hub_id]
        carried_t = a.green_kg / 1000 / ratios[a.period][v]
        trips = carried_t / leg.payload_t
        tkm_c += carried_t * leg.distance_km[v, h]
        hours += trips * leg.trip_hours[v, h]
        litres += trips * leg.trip_litres[v, h]
    waits = {g.id: g.expected_wait_h for g in inputs.gateways}
    km = {c.id: c.road_km for c in inputs.corridors}
    for f in result.flows:
        leg, h = trunk[f.period], h_index[f.hub_id]
        g = problem.gateway_index(f.gateway_id)
        tonnes = f.green_kg / 1000
        trips = tonnes / leg.payload_t
        tkm_t += tonnes * leg.distance_km[h, g]
        tkm_o += tonnes * km[f.corridor_id]
        hours += trips * (leg.trip_hours[h, g] + waits[f.gateway_id])
        litres += trips * leg.trip_litres[h, g]
    co2 = litres * inputs.rates.co2_kg_per_l / 1000 if inputs.rates else CO2_KG_PER_L_DIESEL
    return Metrics(float(tkm_c), float(tkm_t), float(tkm_o), float(hours), float(litres), co2)


def rates_2018(inputs: Inputs) -> CostRates:
    """The cost rates re-priced at 2018 levels (diesel, exchange rate, crew) for the WB check."""
    p = inputs.params
    return dataclasses.replace(
        inputs.rates,
        diesel_lak_per_l=p.wb2018_diesel_lak_per_l,
        lak_per_usd=p.wb2018_lak_per_usd,
        crew_wage_lak_per_hour=p.wb2018_crew_wage_lak_per_hour,
    )


def fidelity(
    inputs: Inputs,
    located: SnappedNetwork,
    result: ConsolidationResult,
    trunk: dict[str, LegMatrix],
    periods: tuple[str, ...],
) -> Fidelity:
    """Trunk haul cost / trunk t-km of the plan, at today's rates and re-priced at 2018 rates."""
    old = rates_2018(inputs)
    h_index = {h.id: i for i, h in enumerate(inputs.hubs)}
    g_index = {g.id: i for i, g in enumerate(inputs.gateways)}
    cost = cost_2018 = tkm = 0.0
    for period in periods:
        legs_2018 = leg_matrix(
            located.net,
            located.hub_nodes,
            located.gateway_nodes,
            season=period,
            profile=inputs.profile("trunk_vehicle"),
            rates=old,
            empty_return=inputs.params.trunk_empty_return,
            hours_per_day=inputs.params.truck_hours_per_day,
        )
        leg = trunk[period]
        for f in result.flows:
            if f.period != period:
                continue
            h, g, tonnes = h_index[f.hub_id], g_index[f.gateway_id], f.green_kg / 1000
            cost += tonnes * leg.trip_cost_lak[h, g] / leg.payload_t
            cost_2018 += tonnes * legs_2018.trip_cost_lak[h, g] / legs_2018.payload_t
            tkm += tonnes * leg.distance_km[h, g]
    if tkm <= 0:
        return Fidelity(float("nan"), float("nan"), float("nan"))
    return Fidelity(
        trunk_lak_per_tkm=float(cost / tkm),
        trunk_usd_per_tkm=float(cost / tkm / inputs.rates.lak_per_usd),
        trunk_lak_per_tkm_2018_prices=float(cost_2018 / tkm),
    )
