"""HTML of the all-traffic road appraisal, laid out like a bank's economic-analysis appendix.

Four tables per appraised scenario: the summary (NPV, EIRR, BCR, first-year return, coffee's
share), the benefit split by vehicle class with coffee's part, the sensitivity tests with the
switching values, and the sections appraised with their traffic; then the notes (estimates,
class defaults) and a plain sentence at the central estimates.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

__all__ = ["ALL_TRAFFIC_COLUMNS", "all_traffic_columns", "all_traffic_html"]

ALL_TRAFFIC_COLUMNS = (
    "eirr_all_traffic",
    "npv_all_traffic_lak",
    "bcr_all_traffic",
    "coffee_benefit_share",
)
"""kpis.csv columns of the all-traffic appraisal (empty for scenarios without one)."""


def all_traffic_columns(summary: Mapping[str, Any] | None) -> dict[str, Any]:
    """The kpis.csv cells of one scenario's all-traffic appraisal (``as_dict`` mapping)."""
    out: dict[str, Any] = {}
    for key in ALL_TRAFFIC_COLUMNS:
        value = summary.get(key) if summary else None
        out[key] = "" if value is None else value
    return out


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.1%}"


def _bn(value: float | None) -> str:
    return "–" if value is None else f"{value / 1e9:,.2f}"


def _ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _rows(cells: list[tuple[str, str]]) -> str:
    return "".join(f"<tr><td>{escape(a)}</td><td>{b}</td></tr>" for a, b in cells)


def _summary(s: Mapping[str, Any]) -> str:
    rate = float(s["discount_rate"])
    return (
        "<table><thead><tr><th>Economic indicator (all traffic)</th><th>Value</th></tr></thead>"
        "<tbody>"
        + _rows(
            [
                (f"NPV at {rate:.0%} (bn LAK, economic prices)", _bn(s["npv_all_traffic_lak"])),
                ("EIRR", _pct(s["eirr_all_traffic"])),
                ("Benefit-cost ratio", _ratio(s["bcr_all_traffic"])),
                ("First-year return", _pct(s["first_year_return"])),
                ("PV of capital (bn LAK)", _bn(s["pv_capital_lak"])),
                ("PV of benefits (bn LAK)", _bn(s["pv_benefits_lak"])),
                ("Coffee's share of benefits", _pct(s["coffee_benefit_share"])),
            ]
        )
        + "</tbody></table>"
    )


def _split(s: Mapping[str, Any]) -> str:
    total = float(s["pv_benefits_lak"]) or 1.0
    items = [(c.replace("_", " "), v) for c, v in s["pv_by_class_lak"].items()]
    items += [
        ("generated traffic (rule of a half)", s["pv_generated_lak"]),
        ("maintenance saving (agency)", s["pv_maintenance_saving_lak"]),
        ("residual value", s["pv_residual_lak"]),
    ]
    body = "".join(
        f"<tr><td>{escape(label)}</td><td>{_bn(v)}</td><td>{float(v) / total:.1%}</td></tr>"
        for label, v in items
    )
    body += (
        f"<tr><td><b>of which coffee's own vehicles</b></td><td>{_bn(s['pv_coffee_lak'])}</td>"
        f"<td>{_pct(s['coffee_benefit_share'])}</td></tr>"
    )
    return (
        "<table><thead><tr><th>Benefit (PV)</th><th>bn LAK</th><th>Share</th></tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def _tests(s: Mapping[str, Any]) -> str:
    body = "".join(
        f"<tr><td>{escape(t['label'])}</td><td>{_bn(t['npv_lak'])}</td>"
        f"<td>{_pct(t['eirr'])}</td><td>{_ratio(t['bcr'])}</td></tr>"
        for t in s["tests"]
    )
    sw = s["switching"]
    body += (
        f"<tr><td>Switching value: capital cost</td><td colspan='3'>"
        f"{_pct(sw['capital_change'])} change</td></tr>"
        f"<tr><td>Switching value: traffic</td><td colspan='3'>"
        f"{_pct(sw['traffic_change'])} change</td></tr>"
    )
    return (
        "<table><thead><tr><th>Sensitivity test</th><th>NPV (bn LAK)</th><th>EIRR</th>"
        f"<th>BCR</th></tr></thead><tbody>{body}</tbody></table>"
    )


def _sections(s: Mapping[str, Any]) -> str:
    body = "".join(
        f"<tr><td>{escape(x['traffic_row'])}</td><td>{x['length_km']:,.1f}</td>"
        f"<td>{escape(x['surface'])}</td><td>{escape(x['iri'])}</td>"
        f"<td>{x['aadt_base_year']:,.0f}</td><td>{x['coffee_vehicles_per_day']:,.1f}</td>"
        f"<td>{'estimate' if x['estimate'] else 'sourced'}</td></tr>"
        for x in s["sections"]
    )
    return (
        "<table><thead><tr><th>Section (traffic row)</th><th>km</th><th>Surface</th>"
        "<th>IRI m/km</th><th>AADT, year 0</th><th>Coffee vehicles/day</th><th>Traffic</th>"
        f"</tr></thead><tbody>{body}</tbody></table>"
    )


def all_traffic_html(summary: Mapping[str, Any] | None) -> str:
    """The appendix-style block of one scenario (empty string when there is none)."""
    if not summary:
        return ""
    notes = "".join(f"<li>{escape(n)}</li>" for n in summary["notes"])
    return (
        "<h4>Economic appraisal, all traffic (HDM-4 / RED method)</h4>"
        f"<p><b>{escape(summary['sentence'])}</b></p>"
        f"{_summary(summary)}{_split(summary)}{_tests(summary)}{_sections(summary)}"
        f"<ul><small>{notes}</small></ul>"
        "<p><small>Economic prices; every estimated input has a range in data/traffic.csv and "
        "data/appraisal_params.toml. The coffee-only appraisal above counts only coffee's "
        "logistics saving.</small></p>"
    )
