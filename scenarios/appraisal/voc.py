"""Road-user costs per vehicle class as a function of roughness (IRI), surface and speed.

The distance cost (fuel, repair and maintenance, tyres) reuses the optimizer's cost model
(:func:`optimizer.costs.cost_per_km_lak`, NCHRP 720 roughness relations up to its IRI cap)
with the vehicle profile each class is priced as (``[vehicle_profile]`` in
``data/appraisal_params.toml``); a motorcycle gets its own profile from ``[motorcycle]``.
Above the cap the distance cost keeps rising by ``voc_pct_per_iri_above_cap`` % per m/km (a
flagged estimate; 0 repeats the cap).

The time cost of one vehicle-hour is the crew's wages (trucks and buses), the vehicle's fixed
cost per day spread over ``hours_per_day``, and the passengers' time at the value of time.
Speeds fall by ``speed_pct_per_iri_above_5`` % per m/km of IRI above 5.

Vehicle operating costs are converted to economic prices with ``conversion_factor_voc``;
passengers' time is valued directly in economic terms.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from optimizer import CostRates, VehicleProfile, cost_per_km_lak
from scenarios.appraisal.params import APPRAISAL_CLASSES, AppraisalParams

__all__ = ["ClassCosts", "class_costs", "speed_factor"]

_PRIVATE = ("motorcycle", "car_pickup")
"""Classes whose driver is a passenger (no crew wage); the rest pay a crew."""

_SPEED_FLOOR = 0.3


def speed_factor(iri_m_per_km: float, params: AppraisalParams) -> float:
    """Speed relative to a smooth road: 1 up to IRI 5, then lower by the parameter's slope."""
    drop = params.speed_pct_per_iri_above_5 / 100.0 * max(iri_m_per_km - 5.0, 0.0)
    return max(1.0 - drop, _SPEED_FLOOR)


@dataclass(frozen=True, slots=True)
class ClassCosts:
    """Economic road-user cost of one vehicle class: per km at a roughness and per hour."""

    name: str
    profile: VehicleProfile
    rates: CostRates
    time_lak_per_hour: float
    voc_factor: float
    pct_above_cap: float

    def distance_lak_per_km(self, iri_m_per_km: float) -> float:
        """Fuel, repair and tyres per vehicle-km at ``iri_m_per_km`` (economic LAK)."""
        base = float(np.asarray(cost_per_km_lak(self.profile, iri_m_per_km, self.rates)))
        excess = max(iri_m_per_km - self.rates.iri_cap_m_per_km, 0.0)
        return base * (1.0 + self.pct_above_cap / 100.0 * excess) * self.voc_factor

    def cost_lak_per_km(self, iri_m_per_km: float, hours_per_km: float) -> float:
        """Distance plus time cost of one vehicle-km at the roughness and travel time given."""
        return self.distance_lak_per_km(iri_m_per_km) + self.time_lak_per_hour * hours_per_km


def _motorcycle(params: AppraisalParams) -> VehicleProfile:
    m = params.motorcycle
    return VehicleProfile(
        name="motorcycle",
        network_class="pickup_4x4",
        capacity_kg=100,
        fuel_l_per_km=m["fuel_l_per_km"],
        maintenance_usd_per_km=m["maintenance_usd_per_km"],
        tyres_usd_per_km=m["tyres_usd_per_km"],
        fixed_usd_per_day=0.0,
    )


def class_costs(
    params: AppraisalParams, rates: CostRates, profiles: Sequence[VehicleProfile]
) -> Mapping[str, ClassCosts]:
    """The cost model of every appraisal class, in economic prices.

    Raises
    ------
    ValueError
        When a class is priced as a vehicle profile that ``profiles`` does not have.
    """
    by_name = {p.name: p for p in profiles}
    out: dict[str, ClassCosts] = {}
    for name in APPRAISAL_CLASSES:
        if name == "motorcycle":
            profile = _motorcycle(params)
        else:
            wanted = params.vehicle_profile.get(name, "")
            if wanted not in by_name:
                msg = (
                    f"appraisal class {name!r} is priced as vehicle {wanted!r}; "
                    f"choose from: {', '.join(sorted(by_name))}"
                )
                raise ValueError(msg)
            profile = by_name[wanted]
        crew = 0.0 if name in _PRIVATE else profile.crew * rates.crew_wage_lak_per_hour
        fixed = profile.fixed_usd_per_day * rates.lak_per_usd / params.hours_per_day
        passengers = params.occupancy.get(name, 0.0) * params.value_of_time_lak_per_passenger_hour
        out[name] = ClassCosts(
            name=name,
            profile=profile,
            rates=rates,
            time_lak_per_hour=(crew + fixed) * params.conversion_factor_voc + passengers,
            voc_factor=params.conversion_factor_voc,
            pct_above_cap=params.voc_pct_per_iri_above_cap,
        )
    return out
