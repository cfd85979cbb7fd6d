"""Scenario inputs other than roads: prices, fleet, demand, hubs and border gateways.

:func:`resolve_inputs` lays a scenario's ``[costs]``, ``[fleet]``, ``[demand]``, ``[hubs]`` and
``[border.*]`` tables over the default consolidation inputs; every error names the file and
the table.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from scenarios.common import ScenarioError, scenario_key_error
from scenarios.run.network import where
from scenarios.spec import BorderChange, ScenarioSpec

if TYPE_CHECKING:
    from optimizer import VehicleProfile
    from scenarios.consolidate import ConsolidationParams, Inputs

__all__ = ["resolve_inputs"]


def _fail(spec: ScenarioSpec, key: str, problem: object) -> ScenarioError:
    return scenario_key_error(where(spec), key, problem)


# -- prices, fleet, demand ----------------------------------------------------------------------


def _rates(spec: ScenarioSpec, rates: Any) -> Any:
    costs = spec.costs
    changes: dict[str, float] = {}
    if costs.diesel_lak_per_l is not None:
        changes["diesel_lak_per_l"] = costs.diesel_lak_per_l
    if costs.diesel_factor is not None:
        base = changes.get("diesel_lak_per_l", rates.diesel_lak_per_l)
        changes["diesel_lak_per_l"] = base * costs.diesel_factor
    if costs.lak_per_usd is not None:
        changes["lak_per_usd"] = costs.lak_per_usd
    if costs.lak_per_thb is not None:
        changes["lak_per_thb"] = costs.lak_per_thb
    return replace(rates, **changes) if changes else rates


_FLEET_PARAMS = ("collection_vehicle_dry", "collection_vehicle_wet", "trunk_vehicle")


def _fleet(
    spec: ScenarioSpec, params: ConsolidationParams, vehicles: tuple[VehicleProfile, ...]
) -> ConsolidationParams:
    changes: dict[str, Any] = {}
    by_name = {v.name: v for v in vehicles}
    for key in _FLEET_PARAMS:
        chosen = getattr(spec.fleet, key)
        if chosen is None:
            continue
        if chosen not in by_name:
            problem = f"key {key!r}: unknown vehicle type {chosen!r}; choose from: " + ", ".join(
                sorted(by_name)
            )
            raise _fail(spec, "fleet", problem)
        changes[key] = chosen
    out = replace(params, **changes) if changes else params
    allowed = spec.fleet.allowed
    if allowed is not None:
        for key in _FLEET_PARAMS:
            vehicle = by_name.get(getattr(out, key))
            if vehicle is not None and vehicle.network_class not in allowed:
                problem = (
                    f"key 'allowed': {key} is {vehicle.name!r} ({vehicle.network_class}), which "
                    f"is not in the allowed classes {', '.join(allowed)}; choose another {key}"
                )
                raise _fail(spec, "fleet", problem)
    return out


def _supply(spec: ScenarioSpec, supply: tuple[Any, ...]) -> tuple[Any, ...]:
    factor = spec.demand.volume_factor
    if factor == 1.0:
        return supply
    return tuple(replace(v, green_t=v.green_t * factor) for v in supply)


# -- hubs and borders ---------------------------------------------------------------------------


def _hubs(spec: ScenarioSpec, hubs: tuple[Any, ...]) -> tuple[Any, ...]:
    from scenarios.consolidate import HubSite

    changes = spec.hubs
    ids = [h.id for h in hubs]
    for hub_id in (*changes.remove, *changes.fixed_cost_usd_per_yr, *changes.force_open):
        if hub_id not in ids and hub_id not in {h.name for h in changes.add}:
            problem = f"unknown hub {hub_id!r}; choose from: {', '.join(ids)}"
            raise _fail(spec, "hubs", problem)
    out = [h for h in hubs if h.id not in changes.remove]
    out = [
        replace(h, fixed_cost_usd_per_yr=changes.fixed_cost_usd_per_yr[h.id])
        if h.id in changes.fixed_cost_usd_per_yr
        else h
        for h in out
    ]
    out = [replace(h, status="open") if h.id in changes.force_open else h for h in out]
    for new in changes.add:
        if new.name in ids:
            raise _fail(spec, "hubs.add", f"hub {new.name!r} already exists; use another name")
        out.append(
            HubSite(
                id=new.name,
                name=new.name,
                place=new.place or "",
                lon=new.lon,
                lat=new.lat,
                capacity_t=new.capacity_t,
                fixed_cost_usd_per_yr=new.fixed_cost_usd_per_yr,
                handling_usd_per_t=new.handling_usd_per_t,
                status="open" if new.force_open else "candidate",
            )
        )
    return tuple(out)


def _hours(text: str) -> tuple[float, float]:
    start, end = (int(h) + int(m) / 60 for h, m in (t.split(":") for t in text.split("-")))
    return start, end


def _gateway(spec: ScenarioSpec, gateway: Any, change: BorderChange, lak_per_usd: float) -> Any:
    updates: dict[str, Any] = {}
    if change.fee_lak is not None:
        updates["fee_usd_per_truck"] = change.fee_lak / lak_per_usd
    if change.wait_h is not None:
        updates["clearance_h"] = change.wait_h
    if change.opening_hours is not None:
        start, end = _hours(change.opening_hours)
        if not 0 <= start < end <= 24:
            problem = (
                "key 'opening_hours': expected HH:MM-HH:MM, opening before closing; "
                f"got {change.opening_hours!r}"
            )
            raise _fail(spec, f"border.{gateway.id}", problem)
        updates["opening_hours"] = (start, end)
    if change.closed is not None:
        updates["open_seasons"] = frozenset() if change.closed else frozenset({"dry", "wet"})
    if change.capacity_trucks_per_day is not None:
        updates["capacity_trucks_per_day"] = change.capacity_trucks_per_day
    if change.transload is not None:
        updates["transload"] = change.transload
    return replace(gateway, **updates) if updates else gateway


def _border_traffic(spec: ScenarioSpec, inputs: Inputs) -> dict[str, Any]:
    """Other traffic at the posts, with the scenario's counts (taken in the queue model's year)."""
    from scenarios.consolidate import BorderTraffic

    out = dict(inputs.border_traffic)
    year = round(inputs.params.border_traffic_year)
    for gateway_id, change in spec.border.items():
        trucks = change.other_trucks_per_day
        if trucks is not None:
            out[gateway_id] = BorderTraffic(
                gateway_id, year, trucks, trucks, trucks, 0.0, change.estimate, change.source or ""
            )
    return out


def _gateways(spec: ScenarioSpec, gateways: tuple[Any, ...], lak_per_usd: float) -> tuple[Any, ...]:
    ids = [g.id for g in gateways]
    unknown = sorted(set(spec.border) - set(ids))
    if unknown:
        problem = f"unknown border gateway {unknown[0]!r}; choose from: {', '.join(ids)}"
        raise _fail(spec, "border", problem)
    return tuple(
        _gateway(spec, g, spec.border[g.id], lak_per_usd) if g.id in spec.border else g
        for g in gateways
    )


def resolve_inputs(spec: ScenarioSpec, inputs: Inputs) -> Inputs:
    """The consolidation inputs with the scenario's prices, supply, hubs, borders and fleet."""
    rates = _rates(spec, inputs.rates)
    return replace(
        inputs,
        rates=rates,
        villages=_supply(spec, inputs.villages),
        hubs=_hubs(spec, inputs.hubs),
        gateways=_gateways(spec, inputs.gateways, rates.lak_per_usd),
        params=_fleet(spec, inputs.params, inputs.profiles),
        border_traffic=_border_traffic(spec, inputs),
    )
