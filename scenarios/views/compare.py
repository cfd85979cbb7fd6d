"""Compare scenarios page: KPIs side by side, deltas, cost breakdown, CBA, flows, changed roads."""

from __future__ import annotations

import dataclasses
import math
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from networks import road_sections
from scenarios.views.common import edge_path
from scenarios.views.palette import CHANGE_RGB, COLLECTION_RGB, FLOW_RGB, cycle, rgb

if TYPE_CHECKING:
    from scenarios.spec import ScenarioSpec


@dataclass(frozen=True, slots=True)
class CompareView:
    """Tables for the Compare scenarios page (money in LAK; the app converts)."""

    kpis: pd.DataFrame
    deltas: pd.DataFrame
    breakdown: pd.DataFrame
    cba: pd.DataFrame
    flows: pd.DataFrame
    report_html: bytes
    solver: pd.DataFrame = dataclasses.field(default_factory=pd.DataFrame)
    """One row per scenario: ``scenario``, ``solver_status``, ``mip_gap_pct`` (proven gap, %)."""

    def solver_line(self, *, lang: str = "en", titles: dict[str, str] | None = None) -> str:
        """Each scenario's solver status and proven gap, in one line, in ``lang``; scenarios
        named by their ``titles`` where given."""
        from scenarios.views.status_words import STATUS_LABELS, status_in_language

        gap_word = STATUS_LABELS["status_gap"][1 if lang == "lo" else 0]
        parts = []
        for record in self.solver.to_dict("records"):
            gap = record.get("mip_gap_pct")
            known = isinstance(gap, int | float) and not math.isnan(gap)
            gap_text = f", {gap_word} {gap:.4f} %" if known else ""
            name = str(record["scenario"])
            status = status_in_language(record["solver_status"], lang)
            parts.append(f"{(titles or {}).get(name, name)}: {status}{gap_text}")
        return "; ".join(parts)


def _kpi_table(payloads: list[dict[str, Any]]) -> pd.DataFrame:
    """One row per KPI (label, unit, engine key), one column per scenario.

    Optional KPIs a run does not report (``None`` or absent, e.g. the wet-season share of a
    dry-only run) are NaN, shown as blank.
    """
    from scenarios.run import KPI_FIELDS

    rows = []
    for field in KPI_FIELDS:
        row: dict[str, Any] = {"kpi": field.label, "unit": field.unit, "key": field.key}
        for payload in payloads:
            value = payload["result"]["kpis"].get(field.key)
            row[payload["name"]] = math.nan if value is None else float(value)
        rows.append(row)
    return pd.DataFrame(rows)


def _flows_table(payloads: list[dict[str, Any]]) -> pd.DataFrame:
    rows = []
    for payload in payloads:
        flows = payload["result"].get("flows", [])
        trunk_to = sorted({str(f.get("to", "")) for f in flows if f.get("kind") == "trunk"})
        for flow in flows:
            coords = flow.get("coords") or []
            if len(coords) < 2:
                continue
            colour = rgb(COLLECTION_RGB)
            if flow.get("kind") == "trunk":
                colour = cycle(FLOW_RGB, trunk_to.index(str(flow["to"])))
            rows.append(
                {
                    "scenario": payload["name"],
                    "kind": str(flow.get("kind", "")),
                    "from": str(flow.get("from", "")),
                    "to": str(flow.get("to", "")),
                    "corridor": str(flow.get("corridor", "")),
                    "tonnes": round(float(flow["tonnes"]), 1),
                    "path": [[float(p[0]), float(p[1])] for p in coords],
                    "rgb": colour,
                }
            )
    return pd.DataFrame(
        rows, columns=["scenario", "kind", "from", "to", "corridor", "tonnes", "path", "rgb"]
    )


def compare_view(payloads: list[dict[str, Any]]) -> CompareView:
    """KPIs side by side, deltas against each scenario's baseline, breakdown, CBA, flows, report.

    ``payloads`` are :func:`run_scenario_payload` results, baselines included. The ``kpis`` and
    ``deltas`` tables carry the engine's KPI ``key`` beside its English ``kpi`` label, and
    ``breakdown`` the engine's ``part`` keys, so the app can translate them.
    """
    import tempfile

    from scenarios.batch import comparisons_for, write_report

    comparisons = comparisons_for(payloads)
    deltas = pd.DataFrame(
        [
            {
                "scenario": c.scenario,
                "baseline": c.baseline,
                "key": d.key,
                "kpi": d.label,
                "unit": d.unit,
                "baseline_value": d.baseline,
                "scenario_value": d.scenario,
                "delta": d.delta,
                "delta_pct": None if d.delta_pct is None else round(100.0 * d.delta_pct, 2),
            }
            for c in comparisons
            for d in c.kpis
        ]
    )
    cba = pd.DataFrame(
        [
            {
                "scenario": c.scenario,
                "annual_saving_lak": c.annual_saving_lak,
                "npv_lak": c.cba.npv_lak if c.cba else None,
                "bcr": c.cba.bcr if c.cba else None,
                "eirr_pct": None if not c.cba or c.cba.eirr is None else 100.0 * c.cba.eirr,
                "payback_year": c.cba.payback_year if c.cba else None,
                "discount_rate_pct": 100.0 * c.cba.discount_rate if c.cba else None,
                "note": c.cba_note if not c.cba else f"{c.cba.eirr_note} {c.cba_note}".strip(),
            }
            for c in comparisons
        ]
    )
    breakdown = pd.DataFrame(
        [
            {"scenario": p["name"], "part": part, "lak_per_t": float(value)}
            for p in payloads
            for part, value in p["result"]["kpis"]["breakdown_lak_per_t"].items()
        ]
    )
    with tempfile.TemporaryDirectory(prefix="bolaven-report-") as tmp, warnings.catch_warnings():
        # report.write_flows_gpkg writes a ".tmp" GeoPackage first; pyogrio warns about the
        # extension. Only the HTML is used here.
        warnings.filterwarnings("ignore", "The filename extension should be 'gpkg'")
        paths = write_report(tmp, payloads)
        html = Path(str(paths["html"])).read_bytes()
    from scenarios.run import solver_columns

    solver = pd.DataFrame(
        [{"scenario": p["name"], **solver_columns(p["result"])} for p in payloads],
        columns=["scenario", "solver_status", "mip_gap_pct"],
    )
    return CompareView(
        solver=solver,
        kpis=_kpi_table(payloads),
        deltas=deltas,
        breakdown=breakdown,
        cba=cba,
        flows=_flows_table(payloads),
        report_html=html,
    )


_COMPARED_ATTRS = (
    "surface",
    "iri_m_per_km",
    "passable_wet_heavy_truck",
    "speed_kph_dry_heavy_truck",
)


def changed_roads(spec: ScenarioSpec) -> pd.DataFrame:
    """Road sections a scenario upgrades, adds or closes, with paths for a map.

    Columns: ``scenario``, ``change`` (upgraded | new link | closed), ``ref``, ``surface``,
    ``length_km``, ``path``, ``rgb``. Empty when the scenario leaves the roads alone.
    """
    columns = ["scenario", "change", "ref", "surface", "length_km", "path", "rgb"]
    if not spec.has_network_changes:
        return pd.DataFrame(columns=columns)
    from scenarios.run import base_inputs, resolve_scenario

    base = base_inputs()
    new_graph = resolve_scenario(spec, base).net.graph
    old_graph = base.net.graph
    rows = []
    for u, v, data in road_sections(new_graph):
        if data.get("connector"):
            continue
        keyed: list[dict[str, Any]] = list(old_graph.get_edge_data(u, v, default={}).values())
        if not keyed:
            change = "new link"
        elif any(all(d.get(a) == data.get(a) for a in _COMPARED_ATTRS) for d in keyed):
            continue
        elif not data.get("passable_dry_pickup_4x4", True):
            change = "closed"
        else:
            change = "upgraded"
        rows.append((change, u, v, data, new_graph))
    for u, v, data in road_sections(old_graph):
        if not data.get("connector") and not new_graph.has_edge(u, v):
            rows.append(("closed", u, v, data, old_graph))
    return pd.DataFrame(
        [
            {
                "scenario": spec.name,
                "change": change,
                "ref": str(data.get("ref") or ""),
                "surface": str(data.get("surface", "")),
                "length_km": round(float(data.get("length_m", 0.0)) / 1000.0, 2),
                "path": edge_path(graph, u, v, data),
                "rgb": rgb(CHANGE_RGB[change]),
            }
            for change, u, v, data, graph in rows
        ],
        columns=columns,
    )
