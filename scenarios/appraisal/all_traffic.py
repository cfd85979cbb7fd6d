"""All-traffic appraisal of a stored scenario result: road upgrades, borders and hubs.

Joins what the run recorded (``road_sections``: the upgraded pieces, their condition before
and after and coffee's vehicle passes over them, :mod:`scenarios.run.road_sections`) with the
traffic counts (:mod:`scenarios.appraisal.traffic`), the appraisal parameters and the
scenario's ``[appraisal]`` costs, and runs the HDM-4 / RED engine
(:mod:`scenarios.appraisal.economic`) with its sensitivity tests. Border and hub scenarios
are passed on to :mod:`scenarios.appraisal.border`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from scenarios.appraisal.border import appraise_border_or_hub
from scenarios.appraisal.economic import RoadProject, Section, appraise_road
from scenarios.appraisal.params import APPRAISAL_CLASSES, AppraisalParams, load_appraisal_params
from scenarios.appraisal.summary import AllTrafficAppraisal, plain_sentence
from scenarios.appraisal.traffic import TrafficRow, TrafficTable, load_traffic
from scenarios.appraisal.voc import class_costs
from scenarios.common import load_cost_rates, load_vehicle_profiles

__all__ = ["AllTrafficAppraisal", "appraise_all_traffic", "build_sections", "plain_sentence"]


_COFFEE_CLASS = {"heavy_truck": "heavy_truck", "medium_truck": "medium_truck"}
_COFFEE_CLASS["pickup_4x4"] = "car_pickup"


def _weighted(pieces: Sequence[Mapping[str, Any]], key: str) -> float:
    total = sum(p["length_km"] for p in pieces)
    return float(sum(float(p[key]) * p["length_km"] for p in pieces) / total)


def _hours(pieces: Sequence[Mapping[str, Any]], key: str) -> dict[str, dict[str, float | None]]:
    """Length-weighted hours per km by season and network class (None if any piece is shut)."""
    total = sum(p["length_km"] for p in pieces)
    out: dict[str, dict[str, float | None]] = {}
    for season, classes in pieces[0][key].items():
        out[season] = {}
        for vehicle in classes:
            values = [p[key][season][vehicle] for p in pieces]
            shut = any(v is None for v in values)
            weighted = sum(v * p["length_km"] for v, p in zip(values, pieces, strict=True) if v)
            out[season][vehicle] = None if shut else weighted / total
    return out


def _coffee_aadt(pieces: Sequence[Mapping[str, Any]]) -> dict[str, float]:
    """Coffee vehicles per day on the section (passes weighted by piece length)."""
    total = sum(p["length_km"] for p in pieces)
    out = dict.fromkeys(APPRAISAL_CLASSES, 0.0)
    for p in pieces:
        for vehicle, passes in p.get("coffee_passes", {}).items():
            out[_COFFEE_CLASS[vehicle]] += float(passes) * p["length_km"] / total / 365.0
    return out


def _majority(pieces: Sequence[Mapping[str, Any]], key: str) -> str:
    lengths: dict[str, float] = {}
    for p in pieces:
        lengths[p[key]] = lengths.get(p[key], 0.0) + p["length_km"]
    return max(sorted(lengths), key=lambda s: lengths[s])


def build_sections(
    pieces: Sequence[Mapping[str, Any]], table: TrafficTable
) -> tuple[tuple[Section, ...], tuple[TrafficRow, ...]]:
    """Group the upgraded pieces by their traffic row into appraisal sections."""
    groups: dict[str, list[Mapping[str, Any]]] = {}
    rows: dict[str, TrafficRow] = {}
    for p in pieces:
        row = table.row_for(p["ref"], p["highway"], p["lat"], p["lon"])
        key = f"{row.id} ({p['surface_before']})"  # one section per traffic row and surface
        groups.setdefault(key, []).append(p)
        rows[key] = row
    sections = tuple(
        Section(
            name=row_id,
            length_km=sum(p["length_km"] for p in group),
            surface_before=_majority(group, "surface_before"),
            surface_after=_majority(group, "surface_after"),
            iri_before=_weighted(group, "iri_before"),
            iri_after=_weighted(group, "iri_after"),
            hours_per_km_before=_hours(group, "hours_per_km_before"),
            hours_per_km_after=_hours(group, "hours_per_km_after"),
            aadt=rows[row_id].aadt,
            count_year=rows[row_id].count_year,
            growth_per_year=rows[row_id].growth_per_year,
            coffee_aadt=_coffee_aadt(group),
        )
        for row_id, group in groups.items()
    )
    return sections, tuple(rows[s.name] for s in sections)


def _notes(sections: Sequence[Section], rows: Sequence[TrafficRow], base_year: int) -> list[str]:
    notes = []
    for section, row in zip(sections, rows, strict=True):
        if row.kind == "class_default":
            notes.append(f"{section.name}: no traffic row for this road; class default used")
        if row.estimate:
            notes.append(
                f"{section.name}: traffic is an estimate ({row.total:,.0f} AADT in "
                f"{row.count_year}, range {row.total * row.low_factor:,.0f}-"
                f"{row.total * row.high_factor:,.0f})"
            )
        grown = row.aadt_in(base_year)
        short = [c for c, n in section.coffee_aadt.items() if n > grown.get(c, 0.0)]
        if short:
            notes.append(
                f"{section.name}: coffee alone puts more {', '.join(short)} on this road than the "
                "traffic table has; the table's count is raised to coffee's"
            )
    return notes


def appraise_all_traffic(
    scenario: Mapping[str, Any],
    *,
    coffee_saving_lak: float | None = None,
    params: AppraisalParams | None = None,
    traffic: TrafficTable | None = None,
) -> AllTrafficAppraisal | None:
    """The all-traffic appraisal of a stored result with an ``[appraisal]`` table.

    Road upgrades get the HDM-4 / RED appraisal; border and hub scenarios (given the coffee
    logistics saving ``coffee_saving_lak`` per year) get the appraisal of
    :mod:`scenarios.appraisal.border`. None for every other scenario (new links, costs).
    """
    spec = scenario.get("spec", {})
    costs_in = spec.get("appraisal")
    result = scenario["result"]
    pieces = result.get("road_sections") or []
    border_or_hub = bool(spec.get("border") or spec.get("hubs", {}).get("add"))
    if not pieces and (coffee_saving_lak is None or spec.get("new_link") or not border_or_hub):
        return None
    if not costs_in:
        return None
    params = params or load_appraisal_params()
    defaults = load_cost_rates()
    rates = dataclasses.replace(
        defaults,
        diesel_lak_per_l=float(result.get("diesel_lak_per_l", defaults.diesel_lak_per_l)),
        lak_per_usd=float(result.get("lak_per_usd", defaults.lak_per_usd)),
    )
    if not pieces:
        assert coffee_saving_lak is not None  # checked above
        return appraise_border_or_hub(scenario, coffee_saving_lak, params, rates)
    table = traffic or load_traffic()
    sections, rows = build_sections(pieces, table)
    lak_per_usd = rates.lak_per_usd
    project = RoadProject(
        sections=sections,
        capital_lak=float(costs_in["capital_cost_usd"]) * lak_per_usd,
        extra_maintenance_lak_per_year=float(costs_in["maintenance_usd_per_year"]) * lak_per_usd,
        construction_years=int(costs_in["construction_years"]),
        horizon_years=int(costs_in["horizon_years"]),
        discount_rate=float(costs_in["discount_rate"]),
        base_year=params.base_year,
        lak_per_usd=lak_per_usd,
    )
    appraisal = appraise_road(project, params, class_costs(params, rates, load_vehicle_profiles()))
    summary = tuple(
        {
            "traffic_row": s.name,
            "length_km": s.length_km,
            "surface": f"{s.surface_before} -> {s.surface_after}",
            "iri": f"{s.iri_before:.1f} -> {s.iri_after:.1f}",
            "aadt_base_year": sum(s.aadt_in(params.base_year).values()),
            "coffee_vehicles_per_day": sum(s.coffee_aadt.values()),
            "estimate": r.estimate,
        }
        for s, r in zip(sections, rows, strict=True)
    )
    notes = _notes(sections, rows, params.base_year)
    return AllTrafficAppraisal.of(str(scenario.get("name", "")), appraisal, summary, notes)
