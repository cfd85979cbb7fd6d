"""Inline SVG charts and maps for the offline HTML report (no JavaScript, no CDN)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from scenarios.run import BREAKDOWN_PARTS

__all__ = ["MAP_SIMPLIFY_DEG", "PALETTE", "breakdown_chart", "flow_map"]

MAP_SIMPLIFY_DEG = 0.005
"""Douglas-Peucker tolerance of the report's flow maps, degrees (~0.5 km, under a pixel)."""

PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1")


def breakdown_chart(rows: Sequence[tuple[str, Mapping[str, float]]], *, width: int = 760) -> str:
    """Horizontal stacked bars: landed cost per tonne by part, one bar per scenario."""
    if not rows:
        return ""
    label_w, bar_h, gap, top = 190, 18, 8, 30
    totals = [sum(max(v, 0.0) for v in parts.values()) for _, parts in rows]
    scale = (width - label_w - 90) / max(*totals, 1.0)
    height = top + len(rows) * (bar_h + gap) + 10
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'role="img" aria-label="Landed cost per tonne by part">'
    ]
    x = label_w
    for i, part in enumerate(BREAKDOWN_PARTS):
        out.append(
            f'<rect x="{x}" y="6" width="10" height="10" fill="{PALETTE[i % len(PALETTE)]}"/>'
            f'<text x="{x + 14}" y="15" font-size="11">{escape(part.replace("_", " "))}</text>'
        )
        x += 95
    for row, (name, parts) in enumerate(rows):
        y = top + row * (bar_h + gap)
        out.append(
            f'<text x="{label_w - 6}" y="{y + 13}" font-size="12" text-anchor="end">'
            f"{escape(name)}</text>"
        )
        x0 = float(label_w)
        for i, part in enumerate(BREAKDOWN_PARTS):
            w = max(parts.get(part, 0.0), 0.0) * scale
            colour = PALETTE[i % len(PALETTE)]
            out.append(
                f'<rect x="{x0:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{colour}">'
                f"<title>{escape(name)} {escape(part)}: {parts.get(part, 0.0):,.0f} LAK/t</title>"
                "</rect>"
            )
            x0 += w
        out.append(f'<text x="{x0 + 4:.1f}" y="{y + 13}" font-size="11">{totals[row]:,.0f}</text>')
    out.append("</svg>")
    return "".join(out)


def _simplified(coords: Sequence[Sequence[float]]) -> list[tuple[float, float]]:
    """The line's vertices after simplification (keeps the report small)."""
    import shapely

    line = shapely.simplify(
        shapely.linestrings([(float(p[0]), float(p[1])) for p in coords]), MAP_SIMPLIFY_DEG
    )
    return [(x, y) for x, y in shapely.get_coordinates(line).tolist()]


def _bounds(flows: Sequence[Mapping[str, Any]]) -> tuple[float, float, float, float]:
    lons = [p[0] for f in flows for p in f["coords"]]
    lats = [p[1] for f in flows for p in f["coords"]]
    return min(lons), min(lats), max(lons), max(lats)


def flow_map(flows: Sequence[Mapping[str, Any]], *, width: int = 460, height: int = 360) -> str:
    """A small map of flows: trunk lines with width by tonnes, collection lines thin grey."""
    drawable = [f for f in flows if len(f.get("coords", ())) >= 2]
    if not drawable:
        return "<p><em>No flow geometry.</em></p>"
    min_lon, min_lat, max_lon, max_lat = _bounds(drawable)
    kx = math.cos(math.radians((min_lat + max_lat) / 2))
    span = max((max_lon - min_lon) * kx, max_lat - min_lat, 1e-6)
    scale = (min(width, height) - 20) / span

    def xy(lon: float, lat: float) -> str:
        return (
            f"{10 + (lon - min_lon) * kx * scale:.1f},{height - 10 - (lat - min_lat) * scale:.1f}"
        )

    peak = max((float(f["tonnes"]) for f in drawable), default=1.0) or 1.0
    gateways = sorted({str(f.get("to", "")) for f in drawable if f.get("kind") == "trunk"})
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        'role="img" aria-label="Flows map" style="background:#f7f7f2">'
    ]
    for flow in sorted(drawable, key=lambda f: f.get("kind") == "trunk"):
        points = " ".join(xy(lon, lat) for lon, lat in _simplified(flow["coords"]))
        trunk = flow.get("kind") == "trunk"
        colour = PALETTE[gateways.index(str(flow["to"])) % len(PALETTE)] if trunk else "#999"
        w = 1.0 + 7.0 * float(flow["tonnes"]) / peak if trunk else 0.6
        title = f"{flow.get('from')} → {flow.get('to')}: {float(flow['tonnes']):,.0f} t"
        out.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="{w:.1f}" '
            f'stroke-opacity="0.8"><title>{escape(title)}</title></polyline>'
        )
    for i, gateway in enumerate(gateways):
        out.append(
            f'<text x="8" y="{14 + 13 * i}" font-size="11" fill="{PALETTE[i % len(PALETTE)]}">'
            f"■ {escape(gateway)}</text>"
        )
    out.append("</svg>")
    return "".join(out)
