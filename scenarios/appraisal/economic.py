"""Economic appraisal of a road work for all its traffic, following HDM-4 / RED.

For every year of the horizon and every road section the engine compares the road *without*
the project (today's surface, its roughness growing each year up to a cap, its maintenance)
with the road *with* it (the new surface from the first operating year, its own roughness
growth and maintenance). Benefits per vehicle class are the savings in vehicle operating
cost and travel time per vehicle-km times the vehicle-km of normal traffic (grown from its
count year), plus generated traffic valued by the rule of a half; the agency's maintenance
saving and the residual value of the works at the horizon are added. Costs are the capital,
spread over the construction years, converted to economic prices.

Conventions as in :mod:`scenarios.appraisal.cba`: year 0 is the first construction year and
is undiscounted; EIRR by bisection. Money in economic LAK.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from scenarios.appraisal.cba import eirr, npv
from scenarios.appraisal.params import APPRAISAL_CLASSES, AppraisalParams
from scenarios.appraisal.voc import ClassCosts, speed_factor

__all__ = ["RoadAppraisal", "RoadProject", "Section", "appraise_road"]

Array = NDArray[np.float64]
SEASONS = ("dry", "wet")


@dataclass(frozen=True, slots=True)
class Section:
    """One road section with one traffic count: condition before and after, traffic.

    ``hours_per_km_before`` / ``_after`` map season → class → hours per km at the section's
    IRI today / after the works (``None``: the class cannot pass in that season; no benefit
    is counted for it then). ``aadt`` is by class in ``count_year``; ``coffee_aadt`` is the
    coffee vehicles per day among them (by class, constant over the years).
    """

    name: str
    length_km: float
    surface_before: str
    surface_after: str
    iri_before: float
    iri_after: float
    hours_per_km_before: Mapping[str, Mapping[str, float | None]]
    hours_per_km_after: Mapping[str, Mapping[str, float | None]]
    aadt: Mapping[str, float]
    count_year: int
    growth_per_year: float
    coffee_aadt: Mapping[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.length_km <= 0:
            msg = f"section {self.name!r}: expected length_km > 0; got {self.length_km}"
            raise ValueError(msg)

    def aadt_in(self, year: int) -> dict[str, float]:
        """Normal traffic by class in ``year``; never below coffee's own vehicles."""
        grow = (1.0 + self.growth_per_year) ** (year - self.count_year)
        return {
            c: max(self.aadt.get(c, 0.0) * grow, self.coffee_aadt.get(c, 0.0))
            for c in APPRAISAL_CLASSES
        }


@dataclass(frozen=True, slots=True)
class RoadProject:
    """The works: capital (financial LAK), extra maintenance, timing and discount rate."""

    sections: tuple[Section, ...]
    capital_lak: float
    extra_maintenance_lak_per_year: float
    construction_years: int
    horizon_years: int
    discount_rate: float
    base_year: int
    lak_per_usd: float


@dataclass(frozen=True, slots=True)
class RoadAppraisal:
    """Yearly streams (economic LAK) and the appraisal totals.

    ``user_by_class`` holds the VOC and time savings of normal traffic per class and year;
    ``generated`` the rule-of-a-half benefit of generated traffic; ``maintenance_saving`` the
    agency's saving (negative when the new road costs more to keep); ``coffee`` the part of
    the normal-traffic savings that coffee's own vehicles receive.
    """

    years: NDArray[np.int64]
    capital: Array
    user_by_class: dict[str, Array]
    generated: Array
    maintenance_saving: Array
    residual: Array
    coffee: Array
    discount_rate: float

    @property
    def user(self) -> Array:
        """Normal-traffic savings of all classes per year."""
        total = np.zeros(len(self.years))
        for flows in self.user_by_class.values():
            total += flows
        return total

    @property
    def benefits(self) -> Array:
        """All benefits per year: users, generated traffic, maintenance saving, residual."""
        return self.user + self.generated + self.maintenance_saving + self.residual

    @property
    def net(self) -> Array:
        """Benefits minus capital, per year."""
        return self.benefits - self.capital

    def pv(self, flows: Array, rate: float | None = None) -> float:
        """Present value of a stream at the appraisal's (or the given) rate."""
        return npv(flows, self.discount_rate if rate is None else rate)

    @property
    def npv_lak(self) -> float:
        """Net present value."""
        return self.pv(self.net)

    @property
    def bcr(self) -> float | None:
        """PV of benefits / PV of capital (None without capital).

        Maintenance differences count among the benefits (negative when the new road costs
        more to keep), as in HDM-4's NPV/capital ratio; the capital alone is the denominator.
        """
        cost = self.pv(self.capital)
        return self.pv(self.benefits) / cost if cost > 0 else None

    @property
    def eirr(self) -> float | None:
        """Economic internal rate of return (None when the net flows never change sign)."""
        return eirr(self.net)[0]

    @property
    def first_year_return(self) -> float | None:
        """Net benefit of the first operating year / undiscounted capital."""
        capital = float(self.capital.sum())
        operating = np.flatnonzero(self.capital == 0)
        if capital <= 0 or operating.size == 0:
            return None
        first = int(operating[0])
        return float(self.benefits[first] - self.residual[first]) / capital

    @property
    def coffee_share(self) -> float | None:
        """PV of coffee's benefits / PV of all benefits."""
        total = self.pv(self.benefits)
        return self.pv(self.coffee) / total if total > 0 else None

    def pv_by_class(self) -> dict[str, float]:
        """PV of normal-traffic savings per class."""
        return {c: self.pv(a) for c, a in self.user_by_class.items()}


def _iri_path(start: float, growth: float, cap: float, years: int) -> Array:
    return np.asarray(np.minimum(start + growth * np.arange(years), max(cap, start)), np.float64)


def _unit_cost(
    costs: ClassCosts, iri: float, iri_ref: float, hours_ref: float, params: AppraisalParams
) -> float:
    """Cost per vehicle-km; travel time scaled from the network's IRI to this year's IRI."""
    hours = hours_ref * speed_factor(iri_ref, params) / speed_factor(iri, params)
    return costs.cost_lak_per_km(iri, hours)


def _section_streams(
    section: Section,
    project: RoadProject,
    params: AppraisalParams,
    costs: Mapping[str, ClassCosts],
) -> tuple[dict[str, Array], Array, Array]:
    """User savings by class, generated-traffic and coffee benefits of one section."""
    n, start = project.horizon_years, project.construction_years
    growth, cap = params.roughness_growth, params.roughness_cap
    without = _iri_path(
        section.iri_before,
        growth[section.surface_before],
        cap[section.surface_before],
        n,
    )
    with_ = without.copy()
    with_[start:] = _iri_path(
        section.iri_after, growth[section.surface_after], cap[section.surface_after], n - start
    )
    share = {"dry": 1.0 - params.wet_season_share, "wet": params.wet_season_share}
    user = {c: np.zeros(n) for c in APPRAISAL_CLASSES}
    generated, coffee = np.zeros(n), np.zeros(n)
    for t in range(start, n):
        traffic = section.aadt_in(project.base_year + t)
        for c in APPRAISAL_CLASSES:
            for season in SEASONS:
                h0 = section.hours_per_km_before[season].get(_network_class(c))
                h1 = section.hours_per_km_after[season].get(_network_class(c))
                if h0 is None or h1 is None:
                    continue
                c0 = _unit_cost(costs[c], float(without[t]), section.iri_before, h0, params)
                c1 = _unit_cost(costs[c], float(with_[t]), section.iri_after, h1, params)
                vkm = 365.0 * share[season] * section.length_km
                saving = c0 - c1
                user[c][t] += traffic[c] * vkm * saving
                coffee[t] += section.coffee_aadt.get(c, 0.0) * vkm * saving
                if saving > 0 and c0 > 0:
                    extra = min(
                        params.generated_traffic_elasticity * saving / c0,
                        params.generated_traffic_cap,
                    )
                    generated[t] += 0.5 * saving * extra * traffic[c] * vkm
    return user, generated, coffee


_NETWORK_CLASS = {
    "motorcycle": "pickup_4x4",
    "car_pickup": "pickup_4x4",
    "bus": "medium_truck",
    "light_truck": "medium_truck",
    "medium_truck": "medium_truck",
    "heavy_truck": "heavy_truck",
}


def _network_class(appraisal_class: str) -> str:
    """The road-network vehicle class whose speeds an appraisal class drives at."""
    return _NETWORK_CLASS[appraisal_class]


def appraise_road(
    project: RoadProject, params: AppraisalParams, costs: Mapping[str, ClassCosts]
) -> RoadAppraisal:
    """The all-traffic appraisal of a road project (see the module docstring)."""
    n, start = project.horizon_years, project.construction_years
    years = np.arange(n, dtype=np.int64)
    capital = np.where(years < start, project.capital_lak / start, 0.0)
    capital *= params.conversion_factor_works
    user = {c: np.zeros(n) for c in APPRAISAL_CLASSES}
    generated, coffee, maintenance = np.zeros(n), np.zeros(n), np.zeros(n)
    per_km = params.maintenance_usd_per_km_per_year
    paving = False
    for section in project.sections:
        s_user, s_generated, s_coffee = _section_streams(section, project, params, costs)
        for c in APPRAISAL_CLASSES:
            user[c] += s_user[c]
        generated += s_generated
        coffee += s_coffee
        saving_usd = (per_km[section.surface_before] - per_km[section.surface_after]) * (
            section.length_km
        )
        maintenance[start:] += saving_usd * project.lak_per_usd
        paving |= section.surface_before != "paved" and section.surface_after == "paved"
    maintenance[start:] -= project.extra_maintenance_lak_per_year
    maintenance *= params.conversion_factor_works
    residual = np.zeros(n)
    treatment = "paving" if paving else "overlay"
    residual[-1] = params.residual_value_share.get(treatment, 0.0) * float(capital.sum())
    return RoadAppraisal(
        years=years,
        capital=capital,
        user_by_class=user,
        generated=generated,
        maintenance_saving=maintenance,
        residual=residual,
        coffee=coffee,
        discount_rate=project.discount_rate,
    )
