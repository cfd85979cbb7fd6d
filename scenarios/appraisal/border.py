"""Appraisal of border and hub scenarios: the cost saving to the flows that use them.

A border change (shorter clearance, longer opening hours) saves every truck that crosses
there the same waiting time. The benefit counts two groups:

- coffee: the consolidation model's yearly logistics saving against the baseline (it already
  includes coffee's own waiting), converted to economic prices;
- other trucks: the trucks a day through each changed border (``data/border_traffic.csv``,
  flagged estimates with ranges), less coffee's own trucks there, times the hours saved and
  the economic cost of a heavy truck's hour (crew and fixed cost, :mod:`scenarios.appraisal.voc`).

A hub (dry port) changes no other traffic's costs in the model: its benefit is coffee's
saving, and the notes say so. The result reuses :class:`~scenarios.appraisal.economic.RoadAppraisal`
(``heavy_truck`` carries all benefits; ``coffee`` is coffee's part), so the sensitivity tests
and reports apply unchanged.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from optimizer import CostRates
from scenarios.appraisal.economic import RoadAppraisal
from scenarios.appraisal.params import APPRAISAL_CLASSES, AppraisalParams
from scenarios.appraisal.summary import AllTrafficAppraisal
from scenarios.appraisal.voc import class_costs
from scenarios.common import load_vehicle_profiles
from scenarios.consolidate import BorderTraffic, load_border_traffic

__all__ = [
    "BorderTraffic",
    "appraise_border_or_hub",
    "border_appraisal",
    "load_border_traffic",
    "waiting_saved_h",
]


def _hours(text: str) -> tuple[float, float]:
    start, end = (int(h) + int(m) / 60 for h, m in (t.split(":") for t in text.split("-")))
    return start, end


def waiting_saved_h(border_changes: Mapping[str, Mapping[str, Any]]) -> dict[str, float]:
    """Hours of expected waiting saved per truck at each gateway a scenario changes."""
    from scenarios.consolidate import read_gateways

    sites = {g.id: g for g in read_gateways()}
    out: dict[str, float] = {}
    for gateway_id, change in border_changes.items():
        site = sites.get(gateway_id)
        if site is None or change.get("closed") is not None:
            continue  # an opened or closed border moves traffic; no waiting saving to price
        new = site
        if change.get("wait_h") is not None:
            new = dataclasses.replace(new, clearance_h=float(change["wait_h"]))
        if change.get("opening_hours"):
            new = dataclasses.replace(new, opening_hours=_hours(str(change["opening_hours"])))
        saved = site.expected_wait_h - new.expected_wait_h
        if saved != 0:
            out[gateway_id] = saved
    return out


@dataclass(frozen=True, slots=True)
class BorderInputs:
    """What a border or hub appraisal needs, in financial LAK (converted inside)."""

    coffee_saving_lak_per_year: float
    hours_saved: Mapping[str, float]
    coffee_trucks_per_day: Mapping[str, float]
    truck_hour_lak: float
    capital_lak: float
    maintenance_lak_per_year: float
    construction_years: int
    horizon_years: int
    discount_rate: float


def border_appraisal(
    inputs: BorderInputs, traffic: Mapping[str, BorderTraffic], params: AppraisalParams
) -> tuple[RoadAppraisal, list[str]]:
    """Yearly benefits of coffee and of other trucks through the changed borders."""
    n, start = inputs.horizon_years, inputs.construction_years
    years = np.arange(n, dtype=np.int64)
    works = params.conversion_factor_works
    capital = np.where(years < start, inputs.capital_lak / start * works, 0.0)
    coffee = np.where(years >= start, inputs.coffee_saving_lak_per_year, 0.0)
    coffee *= params.conversion_factor_voc
    others = np.zeros(n)
    notes: list[str] = []
    for gateway_id, saved_h in sorted(inputs.hours_saved.items()):
        count = traffic.get(gateway_id)
        if count is None:
            notes.append(f"{gateway_id}: no truck count in data/border_traffic.csv; not valued")
            continue
        for t in range(start, n):
            trucks = count.trucks_in(params.base_year + t)
            trucks = max(trucks - inputs.coffee_trucks_per_day.get(gateway_id, 0.0), 0.0)
            others[t] += trucks * 365.0 * saved_h * inputs.truck_hour_lak
        flag = "estimate" if count.estimate else "sourced"
        notes.append(
            f"{gateway_id}: {saved_h:.1f} h saved per truck (the scenario's change, applied to "
            "every truck crossing); "
            f"{count.trucks_per_day:,.0f} trucks/day in {count.count_year} "
            f"({flag}, range {count.low:,.0f}-{count.high:,.0f})"
        )
    if not inputs.hours_saved:
        notes.append("no border waiting changes: benefits are coffee's logistics saving only")
    user = {c: np.zeros(n) for c in APPRAISAL_CLASSES}
    user["heavy_truck"] = others + coffee
    maintenance = np.where(years >= start, -inputs.maintenance_lak_per_year * works, 0.0)
    appraisal = RoadAppraisal(
        years=years,
        capital=capital,
        user_by_class=user,
        generated=np.zeros(n),
        maintenance_saving=maintenance,
        residual=np.zeros(n),
        coffee=coffee,
        discount_rate=inputs.discount_rate,
    )
    return appraisal, notes


def _coffee_trucks_per_day(result: Mapping[str, Any], payload_t: float) -> dict[str, float]:
    """Coffee's trunk trucks a day through each gateway (loaded, from corridor tonnes)."""
    from scenarios.consolidate import read_corridors, read_gateways

    gateway_of = {c.id: c.gateway_id for c in read_corridors(read_gateways())}
    out: dict[str, float] = {}
    for corridor, tonnes in result["kpis"]["tonnes_by_corridor"].items():
        gateway = gateway_of.get(corridor)
        if gateway is not None:
            out[gateway] = out.get(gateway, 0.0) + float(tonnes) / payload_t / 365.0
    return out


def appraise_border_or_hub(
    scenario: Mapping[str, Any],
    coffee_saving_lak: float,
    params: AppraisalParams,
    rates: CostRates,
) -> AllTrafficAppraisal:
    """Border or hub appraisal of a stored result (``coffee_saving_lak``: coffee's yearly
    logistics saving against the baseline, financial LAK)."""
    spec, result = scenario["spec"], scenario["result"]
    costs_in = spec["appraisal"]
    profiles = load_vehicle_profiles()
    heavy = class_costs(params, rates, profiles)["heavy_truck"]
    container = next((p for p in profiles if p.name == "container"), heavy.profile)
    hours_saved = waiting_saved_h(spec.get("border", {}))
    inputs = BorderInputs(
        coffee_saving_lak_per_year=coffee_saving_lak,
        hours_saved=hours_saved,
        coffee_trucks_per_day=_coffee_trucks_per_day(result, container.capacity_kg / 1000.0),
        truck_hour_lak=heavy.time_lak_per_hour,
        capital_lak=float(costs_in["capital_cost_usd"]) * rates.lak_per_usd,
        maintenance_lak_per_year=float(costs_in["maintenance_usd_per_year"]) * rates.lak_per_usd,
        construction_years=int(costs_in["construction_years"]),
        horizon_years=int(costs_in["horizon_years"]),
        discount_rate=float(costs_in["discount_rate"]),
    )
    traffic = load_border_traffic()
    appraisal, notes = border_appraisal(inputs, traffic, params)
    if spec.get("hubs", {}).get("add"):
        notes.append("new hub: other traffic's use of it is not modelled; its benefit is coffee's")
    summary = tuple(
        {
            "traffic_row": f"border {gateway}",
            "length_km": 0.0,
            "surface": "-",
            "iri": f"{saved:.1f} h saved",
            "aadt_base_year": traffic[gateway].trucks_in(params.base_year)
            if gateway in traffic
            else 0.0,
            "coffee_vehicles_per_day": inputs.coffee_trucks_per_day.get(gateway, 0.0),
            "estimate": True,
        }
        for gateway, saved in sorted(hours_saved.items())
    )
    return AllTrafficAppraisal.of(str(scenario.get("name", "")), appraisal, summary, notes)
