"""Compare a scenario's result with its baseline: KPI deltas, cost-part deltas and the CBA.

Benefits for the appraisal are the yearly transport-cost savings the re-solved logistics
give. When the scenario moves the same volume as the baseline this is simply
``baseline annual cost - scenario annual cost``; when the volume differs (demand changes) the
saving is valued on the scenario's volume, ``(baseline LAK/t - scenario LAK/t) x scenario t``,
so that moving more coffee is not counted as a loss.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from scenarios.appraisal.all_traffic import AllTrafficAppraisal, appraise_all_traffic
from scenarios.appraisal.cba import CbaInputs, CbaResult, appraise
from scenarios.run import BREAKDOWN_PARTS, KPI_FIELDS, solver_columns

__all__ = ["Comparison", "KpiDelta", "annual_saving_lak", "compare_results"]


@dataclass(frozen=True, slots=True)
class KpiDelta:
    """One row of a deltas table (``delta = scenario - baseline``).

    ``baseline`` or ``scenario`` is None where the item does not exist on that side (e.g. a
    hub-to-port route that is unreachable); the delta is then None too.
    """

    key: str
    label: str
    unit: str
    baseline: float | None
    scenario: float | None
    delta: float | None
    delta_pct: float | None


@dataclass(frozen=True, slots=True)
class Comparison:
    """Side-by-side deltas and, when the scenario carries appraisal inputs, its CBA."""

    scenario: str
    baseline: str
    kpis: tuple[KpiDelta, ...]
    breakdown: tuple[KpiDelta, ...]
    corridors: tuple[KpiDelta, ...]
    routes: tuple[KpiDelta, ...]
    annual_saving_lak: float
    cba: CbaResult | None
    cba_note: str
    all_traffic: AllTrafficAppraisal | None = None
    """The HDM-4 / RED appraisal for all traffic (road upgrades only); ``cba`` is coffee-only."""
    solver: dict[str, dict[str, Any]] = field(default_factory=dict)
    """``solver_status`` and ``mip_gap_pct`` of each side, keyed ``scenario`` and ``baseline``."""
    scenario_path: str | None = None
    """The scenario's file, which tells apart two scenarios of the same name in one batch."""

    @property
    def solver_note(self) -> str:
        """One line: each side's solver status and proven gap (README: optimal, gap)."""
        parts = []
        for side, name in (("scenario", self.scenario), ("baseline", self.baseline)):
            info = self.solver.get(side, {})
            gap = info.get("mip_gap_pct")
            gap_text = f"proven gap {gap:.4f} %" if gap is not None else "gap unknown"
            parts.append(f"{name}: {info.get('solver_status') or 'unknown'}, {gap_text}")
        return "solver: " + "; ".join(parts)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready mapping."""
        return {
            "scenario": self.scenario,
            "baseline": self.baseline,
            "kpis": [asdict(d) for d in self.kpis],
            "breakdown_lak_per_t": [asdict(d) for d in self.breakdown],
            "tonnes_by_corridor": [asdict(d) for d in self.corridors],
            "hub_to_port_lak_per_t_changed": [asdict(d) for d in self.routes],
            "annual_saving_lak": self.annual_saving_lak,
            "cba": self.cba.as_dict() if self.cba is not None else None,
            "cba_note": self.cba_note,
            "all_traffic": self.all_traffic.as_dict() if self.all_traffic is not None else None,
            "solver": self.solver,
        }


def _delta(key: str, label: str, unit: str, base: float, scen: float) -> KpiDelta:
    pct = (scen - base) / abs(base) if base else None
    return KpiDelta(key, label, unit, base, scen, scen - base, pct)


def _changed(
    base: Mapping[str, float], scen: Mapping[str, float], unit: str
) -> tuple[KpiDelta, ...]:
    """Deltas of the entries that really differ, and of those present on one side only.

    Differences below 0.5 or 10 ppm are rounding of integer per-tonne costs, not changes.
    """
    rows = []
    for key in sorted(set(base) | set(scen)):
        if key not in base or key not in scen:
            b, s = base.get(key), scen.get(key)
            rows.append(KpiDelta(key, key, unit, b, s, None, None))
            continue
        b_value, s_value = float(base[key]), float(scen[key])
        if abs(s_value - b_value) > max(0.5, 1e-5 * abs(b_value)):
            rows.append(_delta(key, key, unit, b_value, s_value))
    return tuple(rows)


def annual_saving_lak(baseline_kpis: Mapping[str, Any], scenario_kpis: Mapping[str, Any]) -> float:
    """Yearly saving of the scenario against the baseline (LAK/yr, positive = cheaper).

    In the economic view (resource cost to destination) when both results carry it, else
    the transport cost to the port.
    """
    key = "annual_transport_cost_lak"
    if "economic_cost_lak" in baseline_kpis and "economic_cost_lak" in scenario_kpis:
        key = "economic_cost_lak"
    base_t = float(baseline_kpis["tonnes"])
    scen_t = float(scenario_kpis["tonnes"])
    if abs(base_t - scen_t) <= 1e-6 * max(base_t, 1.0):
        return float(baseline_kpis[key]) - float(scenario_kpis[key])
    per_t = float(baseline_kpis[key]) / base_t - float(scenario_kpis[key]) / scen_t
    return per_t * scen_t


def _appraise(scenario: Mapping[str, Any], saving_lak: float) -> tuple[CbaResult | None, str]:
    spec = scenario.get("spec", {})
    appraisal = spec.get("appraisal")
    if not appraisal:
        return None, "no [appraisal] in the scenario: savings only"
    lak_per_usd = float(scenario["result"]["lak_per_usd"])
    inputs = CbaInputs(
        annual_saving_lak=saving_lak,
        capital_cost_lak=float(appraisal["capital_cost_usd"]) * lak_per_usd,
        maintenance_lak_per_year=float(appraisal["maintenance_usd_per_year"]) * lak_per_usd,
        construction_years=int(appraisal["construction_years"]),
        horizon_years=int(appraisal["horizon_years"]),
        discount_rate=float(appraisal["discount_rate"]),
        growth_per_year=float(spec.get("demand", {}).get("growth_per_year", 0.0)),
    )
    note = (
        f"coffee-only appraisal: capital and maintenance converted at {lak_per_usd:,.0f} LAK/US$; "
        "benefits count only the coffee export logistics modelled here, not other traffic on the "
        "same roads (see the all-traffic appraisal for road works)"
    )
    return appraise(inputs), note


def compare_results(scenario: Mapping[str, Any], baseline: Mapping[str, Any]) -> Comparison:
    """Deltas of every KPI, cost part and corridor volume, and the CBA if the scenario has one.

    Both arguments are stored results (``DIR/results/<name>.json`` payloads).
    """
    s_kpis = scenario["result"]["kpis"]
    b_kpis = baseline["result"]["kpis"]
    kpis = tuple(
        _delta(f.key, f.label, f.unit, float(b_kpis[f.key]), float(s_kpis[f.key]))
        for f in KPI_FIELDS
        if b_kpis.get(f.key) is not None and s_kpis.get(f.key) is not None  # optional KPIs
    )
    breakdown = tuple(
        _delta(
            part,
            part.replace("_", " "),
            "LAK/t",
            float(b_kpis["breakdown_lak_per_t"].get(part, 0.0)),
            float(s_kpis["breakdown_lak_per_t"].get(part, 0.0)),
        )
        for part in BREAKDOWN_PARTS
    )
    names = sorted(set(b_kpis["tonnes_by_corridor"]) | set(s_kpis["tonnes_by_corridor"]))
    corridors = tuple(
        _delta(
            name,
            name,
            "t",
            float(b_kpis["tonnes_by_corridor"].get(name, 0.0)),
            float(s_kpis["tonnes_by_corridor"].get(name, 0.0)),
        )
        for name in names
    )
    routes = _changed(
        b_kpis.get("hub_to_port_lak_per_t", {}), s_kpis.get("hub_to_port_lak_per_t", {}), "LAK/t"
    )
    saving = annual_saving_lak(b_kpis, s_kpis)
    cba, note = _appraise(scenario, saving)
    return Comparison(
        solver={
            "scenario": solver_columns(scenario["result"]),
            "baseline": solver_columns(baseline["result"]),
        },
        scenario=str(scenario["name"]),
        baseline=str(baseline["name"]),
        kpis=kpis,
        breakdown=breakdown,
        corridors=corridors,
        routes=routes,
        annual_saving_lak=saving,
        cba=cba,
        cba_note=note,
        all_traffic=appraise_all_traffic(scenario, coffee_saving_lak=saving),
    )
