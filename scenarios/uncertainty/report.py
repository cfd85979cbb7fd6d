"""The uncertainty results as JSON and as one offline HTML page (inline SVG, no scripts).

Ranges are drawn as P5-P95 bars with the median marked; the value at the central estimates is
a dot labelled as such; tornado charts show each parameter's swing from its low to its high
bound with the others central.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

__all__ = ["scenario_json", "write_html"]

_BANDS = ("p5", "p50", "p95", "central")


def _band(row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: row.get(k) for k in _BANDS}


_DEST = "landed_destination_lak_per_t"  # landed cost at the buyer's port (financial)


def scenario_json(
    rows: Sequence[Mapping[str, Any]],
    tornado: Sequence[Mapping[str, Any]],
    *,
    baseline: str | None,
) -> dict[str, Any]:
    """One scenario's summary: landed cost, corridor shares, saving (P5/P50/P95), p_saving,
    NPV/BCR when appraised, hub and corridor use, and the top 5 tornado rows."""
    by_metric = {r["metric"]: r for r in rows}
    out: dict[str, Any] = {
        "baseline": baseline,
        "draws": by_metric["landed_cost_lak_per_t"]["n"],
        "landed_cost_lak_per_t": _band(by_metric["landed_cost_lak_per_t"]),
        "landed_destination_lak_per_t": _band(by_metric[_DEST]) if _DEST in by_metric else None,
        "parts_lak_per_t": {
            m.removesuffix("_lak_per_t"): _band(r)
            for m, r in by_metric.items()
            if m.endswith("_lak_per_t") and m not in ("landed_cost_lak_per_t", _DEST)
        },
        "corridor_share": {
            m.removeprefix("share:"): _band(r)
            for m, r in by_metric.items()
            if m.startswith("share:")
        },
        "saving_lak_per_yr": _band(by_metric["saving_lak_per_yr"])
        if "saving_lak_per_yr" in by_metric
        else None,
        "p_saving": by_metric["p_saving"]["mean"] if "p_saving" in by_metric else None,
        "p_infeasible": by_metric["p_infeasible"]["mean"] if "p_infeasible" in by_metric else 0,
        "hub_open_share": {
            m.removeprefix("hub_open:"): r["mean"]
            for m, r in by_metric.items()
            if m.startswith("hub_open:")
        },
        "corridor_used_share": {
            m.removeprefix("corridor_used:"): r["mean"]
            for m, r in by_metric.items()
            if m.startswith("corridor_used:")
        },
        "tornado": [dict(r) for r in tornado[:5]],
    }
    for key in ("npv_lak", "bcr"):
        if key in by_metric:
            out[key] = _band(by_metric[key])
    if "p_npv_positive" in by_metric:
        out["p_npv_positive"] = by_metric["p_npv_positive"]["mean"]
    return out


def _num(x: Any) -> float | None:
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def _bars(title: str, items: Mapping[str, Mapping[str, Any]], unit: str) -> str:
    """Horizontal P5-P95 bars, median tick, dot at the central estimates."""
    rows = [(k, v) for k, v in items.items() if _num(v.get("p5")) is not None]
    if not rows:
        return ""
    values = [_num(v.get(k)) for _, v in rows for k in _BANDS]
    finite = [x for x in values if x is not None]
    lo, hi = min([*finite, 0.0]), max(finite)
    span = (hi - lo) or 1.0
    width, left, row_h = 760, 260, 26

    def x(v: float) -> float:
        return left + (v - lo) / span * (width - left - 20)

    parts = [f"<h3>{html.escape(title)}</h3>"]
    parts.append(f'<svg width="{width}" height="{row_h * len(rows) + 30}" role="img">')
    for i, (name, v) in enumerate(rows):
        y = 10 + i * row_h
        p5, p50, p95 = (_num(v.get(k)) or 0.0 for k in ("p5", "p50", "p95"))
        parts.append(f'<text x="0" y="{y + 14}" font-size="12">{html.escape(name)}</text>')
        parts.append(
            f'<rect x="{x(p5):.1f}" y="{y + 4}" width="{max(x(p95) - x(p5), 1):.1f}" '
            f'height="12" fill="#9ecae1"><title>P5 {p5:,.0f} – P95 {p95:,.0f} {unit}</title></rect>'
        )
        parts.append(f'<line x1="{x(p50):.1f}" x2="{x(p50):.1f}" y1="{y + 2}" y2="{y + 18}" '
                     f'stroke="#08519c" stroke-width="2"/>')  # fmt: skip
        central = _num(v.get("central"))
        if central is not None:
            tip = f"at the central estimates: {central:,.0f} {unit}"
            parts.append(
                f'<circle cx="{x(central):.1f}" cy="{y + 10}" r="4" fill="#d94801">'
                f"<title>{tip}</title></circle>"
            )
    parts.append(
        f'<text x="{left}" y="{row_h * len(rows) + 26}" font-size="11">{lo:,.0f} … {hi:,.0f} '
        f"{html.escape(unit)}</text></svg>"
    )
    return "\n".join(parts)


def _tornado(title: str, rows: Sequence[Mapping[str, Any]], metric: str) -> str:
    """Tornado: one bar per parameter from its value at the low to that at the high bound."""
    pairs: list[tuple[str, float, float]] = []
    for r in rows:
        a, b = _num(r.get(f"{metric}_at_low")), _num(r.get(f"{metric}_at_high"))
        if a is not None and b is not None:
            pairs.append((str(r["parameter"]), a, b))
    if not pairs:
        return ""
    flat = [v for _, a, b in pairs for v in (a, b)]
    lo, hi = min(flat), max(flat)
    span = (hi - lo) or 1.0
    width, left, row_h = 760, 330, 22
    parts = [
        f"<h3>{html.escape(title)}</h3>",
        f'<svg width="{width}" height="{row_h * len(pairs) + 10}">',
    ]
    for i, (name, a, b) in enumerate(pairs):
        y = 4 + i * row_h
        xa = left + (a - lo) / span * (width - left - 20)
        xb = left + (b - lo) / span * (width - left - 20)
        parts.append(f'<text x="0" y="{y + 13}" font-size="11">{html.escape(name)}</text>')
        parts.append(
            f'<rect x="{min(xa, xb):.1f}" y="{y + 3}" width="{max(abs(xb - xa), 1):.1f}" '
            f'height="12" fill="#fdae6b"><title>at low {a:,.0f}; at high {b:,.0f}</title></rect>'
        )
    parts.append("</svg>")
    return "\n".join(parts)


def _switching(rows: Sequence[Mapping[str, Any]]) -> str:
    """Where NPV (or the saving) crosses zero, or the main corridor changes, by bisection."""
    if not rows:
        return ""
    cells = "".join(
        "<tr>"
        + "".join(
            f"<td>{html.escape(str(r.get(k, '')))}</td>"
            for k in ("parameter", "metric", "range", "central", "switching_value", "from", "to")
        )
        + "</tr>"
        for r in rows
    )
    head = "".join(
        f"<th>{h}</th>"
        for h in ("parameter", "what switches", "range", "central", "switches at", "from", "to")
    )
    return (
        "<h3>Switching values (bisection, re-solving; others central)</h3>"
        f"<table border='1' cellpadding='3'><tr>{head}</tr>{cells}</table>"
    )


def _held(held: Sequence[Mapping[str, Any]]) -> str:
    """The ranges held at their central values, grouped by reason."""
    if not held:
        return ""
    by_why: dict[str, list[str]] = {}
    for h in held:
        by_why.setdefault(str(h["why"]), []).append(str(h["parameter"]))
    items = "".join(
        f"<li>{len(keys)} range(s), e.g. <code>{html.escape(keys[0])}</code>: "
        f"{html.escape(why)}</li>"
        for why, keys in by_why.items()
    )
    return f"<h2>Held at their central values</h2><ul>{items}</ul>"


def _infeasible(cases: Mapping[str, str], solved: int) -> str:
    """A note naming the draws and bounds that admit no plan, with the first reason."""
    if not cases:
        return ""
    draws = sorted(c for c in cases if c.startswith("draw-"))
    others = sorted(c for c in cases if not c.startswith("draw-"))
    first = html.escape(next(iter(cases.values())))
    text = f"<p><b>No plan at all</b> in {len(draws)} of {solved + len(draws)} draws"
    text += f" ({', '.join(draws)})" if draws else ""
    text += f" and at {', '.join(map(html.escape, others))}" if others else ""
    return text + f"; the bars and the tornado leave them out. First reason: {first}</p>"


def write_html(out: Path, payload: Mapping[str, Any], meta: Mapping[str, Any]) -> Path:
    """Write ``out/index.html``: per scenario the ranges, probabilities and tornado charts."""
    body = [
        "<h1>Uncertainty: ranges, not single numbers</h1>",
        f"<p>{meta['draws']} Latin-hypercube draws (seed {meta['seed']}) over "
        f"{len(meta['dimensions'])} ranged inputs, the same draws for every scenario. Bars: "
        "P5–P95 with the median as a line; the dot is the value <b>at the central estimates</b>."
        f" Held at their central values: {len(meta['held_central'])} ranges, each with its "
        "reason (end of the page).</p>",
    ]
    for name, s in payload.items():
        body.append(f"<h2>{html.escape(name)}</h2>")
        body.append(_infeasible(s.get("infeasible_cases", {}), s.get("draws", 0)))
        if s.get("p_saving") is not None:
            body.append(
                f"<p>Probability that it saves money against {html.escape(str(s['baseline']))}: "
                f"<b>{100 * float(s['p_saving']):.0f} %</b> of the draws.</p>"
            )
        landed = {"landed cost": s["landed_cost_lak_per_t"], **s["parts_lak_per_t"]}
        body.append(_bars("Landed cost and its parts", landed, "LAK/t"))
        body.append(_bars("Share of the volume by corridor", s["corridor_share"], "share"))
        if s.get("saving_lak_per_yr"):
            body.append(_bars("Annual saving", {"saving": s["saving_lak_per_yr"]}, "LAK/yr"))
        metric = "saving_lak_per_yr" if s.get("saving_lak_per_yr") else "landed_cost_lak_per_t"
        body.append(_tornado(f"Tornado ({metric}), top parameters", s["tornado"], metric))
        body.append(_switching(s.get("switching", [])))
    body.append(_held(meta.get("held_central", [])))
    page = (
        '<!doctype html><html><head><meta charset="utf-8"><title>bolaven uncertainty</title>'
        "<style>body{font-family:sans-serif;max-width:800px;margin:auto}</style></head><body>"
        + "\n".join(b for b in body if b)
        + "</body></html>"
    )
    path = out / "index.html"
    path.write_text(page, encoding="utf-8")
    return path
