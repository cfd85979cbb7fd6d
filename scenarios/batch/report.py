"""Batch outputs: a self-contained ``index.html``, ``kpis.csv`` and ``flows.gpkg``.

The HTML has inline CSS and inline SVG only (users may be offline): KPI table, deltas against
each scenario's baseline with the cost-benefit appraisal, a landed-cost chart and a flow map
per scenario, and the list of failed scenarios with their errors.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from html import escape
from pathlib import Path
from typing import Any

from scenarios.appraisal import Comparison, compare_results
from scenarios.batch.names import spreadsheet_safe
from scenarios.batch.report_appraisal import all_traffic_columns, all_traffic_html
from scenarios.batch.report_svg import breakdown_chart, flow_map
from scenarios.run import KPI_FIELDS, kpi_row, solver_columns

log = logging.getLogger(__name__)

__all__ = ["comparisons_for", "write_flows_gpkg", "write_kpis_csv", "write_report"]

_CSS = """
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222;max-width:1200px}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5rem 0;font-size:.85rem}
th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:right}
th:first-child,td:first-child{text-align:left}
thead th{background:#f0f0ea}.better{color:#17803d}.worse{color:#b3261e}
.err{color:#b3261e;font-family:monospace;white-space:pre-wrap;text-align:left}
.maps{display:flex;flex-wrap:wrap;gap:1rem}.maps figure{margin:0}
figcaption{font-size:.85rem;text-align:center}
"""


def comparisons_for(results: Sequence[Mapping[str, Any]]) -> list[Comparison]:
    """Each result compared with the result of its ``compare_to`` file (when in the batch)."""
    by_path = {r.get("path"): r for r in results}
    out = []
    for result in results:
        base = by_path.get(result.get("compare_to"))
        if base is not None and base is not result:
            try:  # one odd result must not cost the report of the others
                comparison = compare_results(result, base)
                out.append(replace(comparison, scenario_path=result.get("path")))
            except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
                log.warning("no comparison of %s with %s: %s", result["name"], base["name"], exc)
    return out


def write_kpis_csv(
    path: Path,
    results: Sequence[Mapping[str, Any]],
    errors: Sequence[Mapping[str, Any]] = (),
    comparisons: Sequence[Comparison] = (),
) -> Path:
    """One row per scenario: KPIs, cost parts, corridor tonnes, CBA; failed ones with error."""
    by_file = {(c.scenario, c.scenario_path): c for c in comparisons}
    names = Counter(str(r["name"]) for r in results)
    by_name = {c.scenario: c for c in comparisons if names[c.scenario] == 1}
    rows: list[dict[str, Any]] = []
    for result in results:
        row = kpi_row(result)
        # two files may share a scenario name (two baseline.toml): match by file first
        name = str(result["name"])
        comparison = by_file.get((name, result.get("path"))) or by_name.get(name)
        row["baseline"] = comparison.baseline if comparison else ""
        row["annual_saving_lak"] = comparison.annual_saving_lak if comparison else ""
        cba = comparison.cba if comparison else None
        for key in ("npv_lak", "bcr", "eirr", "payback_year"):
            value = getattr(cba, key) if cba is not None else None
            row[key] = "" if value is None else value
        all_traffic = comparison.all_traffic if comparison else None
        row.update(all_traffic_columns(all_traffic.as_dict() if all_traffic else None))
        rows.append(row)
    for error in errors:
        rows.append({"scenario": error["name"], "status": "failed", "error": error["error"]})
    columns: list[str] = []
    for row in rows:
        columns.extend(k for k in row if k not in columns)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, restval="")
        writer.writeheader()
        writer.writerows({k: spreadsheet_safe(v) for k, v in row.items()} for row in rows)
    return path


def write_flows_gpkg(path: Path, results: Sequence[Mapping[str, Any]]) -> Path | None:
    """All scenarios' flows as lines (EPSG:4326) in one GeoPackage layer ``flows``."""
    import geopandas as gpd
    from shapely.geometry import LineString

    records = [
        {
            "scenario": result["name"],
            "kind": flow.get("kind", ""),
            "period": flow.get("period", ""),
            "from_id": flow.get("from", ""),
            "to_id": flow.get("to", ""),
            "corridor": flow.get("corridor", ""),
            "tonnes": float(flow["tonnes"]),
            "geometry_kind": flow.get("geometry_kind", "straight"),
            "road_km": flow.get("road_km"),
            "geometry": LineString([(float(p[0]), float(p[1])) for p in flow["coords"]]),
        }
        for result in results
        for flow in result["result"].get("flows", [])
        if len(flow.get("coords", ())) >= 2
    ]
    if not records:
        return None
    frame = gpd.GeoDataFrame(records, geometry="geometry", crs="EPSG:4326")
    tmp = path.with_name(f".tmp-{path.name}")
    tmp.unlink(missing_ok=True)
    frame.to_file(tmp, layer="flows", driver="GPKG")
    tmp.replace(path)
    return path


def _fmt(value: Any, unit: str = "") -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int) or unit == "count":
        return f"{value:,.0f}"
    if isinstance(value, float) and unit in ("share",):
        return f"{value:.1%}"
    if isinstance(value, int | float):
        return f"{value:,.2f}" if abs(value) < 100 else f"{value:,.0f}"
    return escape(str(value))


def _route(value: float | None) -> str:
    return "unreachable" if value is None else _fmt(value)


def _kpi_table(results: Sequence[Mapping[str, Any]]) -> str:
    head = "".join(
        f"<th>{escape(f.label)}<br><small>{escape(f.unit)}</small></th>" for f in KPI_FIELDS
    )
    body = []
    for result in results:
        kpis = result["result"]["kpis"]
        solver = solver_columns(result["result"])
        gap = solver["mip_gap_pct"]
        cells = "".join(f"<td>{_fmt(kpis.get(f.key), f.unit)}</td>" for f in KPI_FIELDS)
        body.append(
            f"<tr><td>{escape(str(result['name']))}</td>"
            f"<td>{escape(str(solver['solver_status'] or '–'))}</td>"
            f"<td>{'–' if gap is None else f'{gap:.4f}'}</td>{cells}</tr>"
        )
    return (
        "<table><thead><tr><th>Scenario</th><th>Solver status</th>"
        f"<th>Proven gap<br><small>%</small></th>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _delta_cell(delta: float | None, pct: float | None, lower_is_better: bool | None = True) -> str:
    """A delta, green when it is an improvement, red when worse, plain when neutral or ~0."""
    if delta is None:
        return "<td>–</td>"
    if lower_is_better is None or delta == 0 or (pct is not None and abs(pct) < 5e-6):
        css = ""
    else:
        css = "better" if (delta < 0) == lower_is_better else "worse"
    share = f" ({pct:+.1%})" if pct is not None else ""
    shown = f"{delta:+,.2f}" if abs(delta) < 100 else f"{delta:+,.0f}"
    return f'<td class="{css}">{shown}{share}</td>'


def _comparison_html(comparison: Comparison) -> str:
    better = {f.key: f.lower_is_better for f in KPI_FIELDS}
    rows = [
        f"<tr><td>{escape(d.label)} [{escape(d.unit)}]</td><td>{_fmt(d.baseline, d.unit)}</td>"
        f"<td>{_fmt(d.scenario, d.unit)}</td>"
        f"{_delta_cell(d.delta, d.delta_pct, better.get(d.key, True))}</tr>"
        for d in (*comparison.kpis, *comparison.breakdown)
    ]
    rows += [
        f"<tr><td>via {escape(d.label)} [{escape(d.unit)}]</td><td>{_fmt(d.baseline)}</td>"
        f"<td>{_fmt(d.scenario)}</td>{_delta_cell(d.delta, d.delta_pct, None)}</tr>"
        for d in comparison.corridors
    ]
    rows += [
        f"<tr><td>route {escape(d.label)} [{escape(d.unit)}]</td>"
        f"<td>{_route(d.baseline)}</td><td>{_route(d.scenario)}</td>"
        f"{_delta_cell(d.delta, d.delta_pct)}</tr>"
        for d in comparison.routes
    ]
    cba = comparison.cba
    if cba is None:
        appraisal = f"<p>{escape(comparison.cba_note)}</p>"
    else:
        eirr = f"{cba.eirr:.1%}" if cba.eirr is not None else escape(cba.eirr_note)
        bcr = f"{cba.bcr:.2f}" if cba.bcr is not None else "–"
        appraisal = (
            "<h4>Coffee-only appraisal (coffee logistics saving)</h4><table><tbody>"
            f"<tr><td>NPV at {cba.discount_rate:.0%}</td><td>{cba.npv_lak:,.0f} LAK</td></tr>"
            f"<tr><td>Benefit-cost ratio</td><td>{bcr}</td></tr>"
            f"<tr><td>Economic IRR</td><td>{eirr}</td></tr>"
            f"<tr><td>Payback year</td><td>{_fmt(cba.payback_year)}</td></tr>"
            f"</tbody></table><p><small>{escape(comparison.cba_note)}</small></p>"
        )
    return (
        f"<h3>{escape(comparison.scenario)} vs {escape(comparison.baseline)}</h3>"
        f"<p>Annual saving: <b>{comparison.annual_saving_lak:,.0f} LAK/yr</b><br>"
        f"<small>{escape(comparison.solver_note)}</small></p>"
        "<table><thead><tr><th>KPI</th><th>Baseline</th><th>Scenario</th><th>Δ</th></tr>"
        f"</thead><tbody>{''.join(rows)}</tbody></table>{appraisal}"
        f"{all_traffic_html(comparison.all_traffic.as_dict() if comparison.all_traffic else None)}"
    )


def _errors_html(errors: Sequence[Mapping[str, Any]]) -> str:
    if not errors:
        return ""
    items = "".join(
        f"<tr><td>{escape(str(e['name']))}</td><td class='err'>{escape(str(e['error']))}</td></tr>"
        for e in errors
    )
    return f"<h2>Failed scenarios</h2><table><tbody>{items}</tbody></table>"


def _page(
    results: Sequence[Mapping[str, Any]],
    errors: Sequence[Mapping[str, Any]],
    comparisons: Sequence[Comparison],
) -> str:
    chart = breakdown_chart(
        [(str(r["name"]), r["result"]["kpis"]["breakdown_lak_per_t"]) for r in results]
    )
    maps = "".join(
        f"<figure>{flow_map(r['result'].get('flows', []))}"
        f"<figcaption>{escape(str(r['name']))}</figcaption></figure>"
        for r in results
    )
    descriptions = "".join(
        f"<tr><td>{escape(str(r['name']))}</td><td style='text-align:left'>"
        f"{escape(str(r.get('spec', {}).get('description', '')))}</td></tr>"
        for r in results
    )
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>bolaven scenario report</title><style>{_CSS}</style></head><body>"
        "<h1>Bolaven coffee logistics: scenario report</h1>"
        f"<p>{len(results)} scenario(s) run, {len(errors)} failed; generated {stamp}. "
        "Money in LAK at the cost tables' prices; tonnes of green-equivalent coffee. "
        "Road data © OpenStreetMap contributors (ODbL). Solver status <i>optimal</i>: the "
        "plan is proven within the proven gap shown of the least-cost plan; only such "
        "results are kept.</p>"
        f"<h2>Scenarios</h2><table><tbody>{descriptions}</tbody></table>"
        f"<h2>Key indicators</h2>{_kpi_table(results)}"
        f"<h2>Landed cost per tonne by part</h2>{chart}"
        f"<h2>Against the baseline, with cost-benefit appraisal</h2>"
        f"{''.join(_comparison_html(c) for c in comparisons) or '<p>No comparisons.</p>'}"
        f"<h2>Flows</h2><div class='maps'>{maps}</div>"
        f"{_errors_html(errors)}</body></html>"
    )


def write_report(
    out_dir: str | Path,
    results: Sequence[Mapping[str, Any]],
    errors: Sequence[Mapping[str, Any]] = (),
) -> dict[str, Path | None]:
    """Write ``index.html``, ``kpis.csv`` and ``flows.gpkg`` into ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    comparisons = comparisons_for(results)
    html = out / "index.html"
    tmp = out / ".index.html.tmp"
    tmp.write_text(_page(results, errors, comparisons), encoding="utf-8")
    tmp.replace(html)
    return {
        "html": html,
        "csv": write_kpis_csv(out / "kpis.csv", results, errors, comparisons),
        "gpkg": write_flows_gpkg(out / "flows.gpkg", results),
    }
