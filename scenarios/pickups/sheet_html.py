"""Printable driver sheets: one self-contained HTML file, one page per truck and day.

No scripts, no external files; ``page-break-after`` puts each truck-day on its own page when
printed (or saved as PDF from the browser's print dialog).
"""

from __future__ import annotations

from html import escape

from scenarios.pickups.labels import label
from scenarios.pickups.sheets import DriverSheet, sheet_rows

__all__ = ["sheets_html"]

_STYLE = """
body { font-family: "Noto Sans Lao", "Phetsarath OT", "Noto Sans", Arial, sans-serif;
       margin: 1.5cm; font-size: 11pt; }
section { page-break-after: always; break-after: page; }
section:last-child { page-break-after: auto; break-after: auto; }
h1 { font-size: 16pt; margin: 0 0 4pt 0; }
p.meta { margin: 0 0 8pt 0; color: #333; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #777; padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num { text-align: right; }
tr.depot td { background: #f4f4f4; font-weight: bold; }
"""

#: Columns left out of the printed table: the heading already says the truck and the day.
_HEADING_ONLY = ("sheet_truck", "sheet_day")
_NUMERIC = ("sheet_order", "sheet_trip", "sheet_weight_kg", "sheet_load_kg")


def _cell(value: object, numeric: bool) -> str:
    text = f"{value:,}" if isinstance(value, int) and numeric else str(value)
    css = ' class="num"' if numeric else ""
    return f"<td{css}>{escape(text)}</td>"


def _section(sheet: DriverSheet, lang: str, depot: str, season: str) -> str:
    rows = sheet_rows(sheet, lang)
    skip = {label(k, lang) for k in _HEADING_ONLY}
    numeric = {label(k, lang) for k in _NUMERIC}
    columns = [c for c in rows[0] if c not in skip]
    end = rows[-1][label("sheet_time", lang)]
    summary = label(
        "sheet_summary",
        lang,
        stops=sheet.stops,
        trips=sheet.trips,
        kg=f"{sheet.collected_kg:,}",
        km=f"{sheet.distance_m / 1000.0:,.1f}",
        end=end,
    )
    meta = " · ".join(
        [
            label("sheet_depot", lang, depot=depot, season=label(f"season_{season}", lang)),
            label("sheet_capacity", lang, kg=f"{sheet.capacity_kg:,}"),
            summary,
        ]
    )
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = []
    for line, row in zip(sheet.lines, rows, strict=True):
        css = ' class="depot"' if line.kind != "load" else ""
        cells = "".join(_cell(row[c], c in numeric) for c in columns)
        body.append(f"<tr{css}>{cells}</tr>")
    title = f"{label('sheet_title', lang)}: {sheet.truck(lang)}"
    return (
        f'<section><h1>{escape(title)}</h1><p class="meta">{escape(meta)}</p>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></section>"
    )


def sheets_html(
    sheets: tuple[DriverSheet, ...], *, depot: str, season: str, lang: str = "en"
) -> str:
    """Every sheet as one printable HTML page per truck and day, in ``lang``."""
    sections = "\n".join(_section(s, lang, depot, season) for s in sheets)
    title = escape(label("sheet_title", lang))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{_STYLE}</style></head><body>\n{sections}\n</body></html>\n"
    )
