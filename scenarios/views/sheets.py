"""Driver sheets, file templates and truck names in the app's language (Plan pickups page).

The words come from :mod:`scenarios.pickups.labels`, the table the CLI's ``--lang`` reads
too, so a sheet downloaded from the app and one written by ``bolaven plan-pickups --sheets``
say the same.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from scenarios.pickups import (
    DEFAULT_ITERATIONS,
    DEFAULT_TIME_LIMIT_S,
    LANGUAGES,
    SHEET_LABELS,
    TEMPLATES,
    label,
    sheets_csv,
    sheets_html,
    truck_label,
)
from scenarios.views.plan import PlanView
from scenarios.views.status_words import reason_in_language

__all__ = [
    "DEFAULT_ITERATIONS",
    "DEFAULT_TIME_LIMIT_S",
    "LANGUAGES",
    "SHEET_LABELS",
    "TEMPLATES",
    "SheetDownloads",
    "plan_in_language",
    "sheet_downloads",
    "sheet_label",
    "template_bytes",
]


@dataclass(frozen=True, slots=True)
class SheetDownloads:
    """The driver sheets of a plan as files: one CSV of every truck-day, one printable HTML."""

    csv: bytes
    html: bytes
    csv_name: str
    html_name: str


def sheet_downloads(plan: PlanView, lang: str) -> SheetDownloads:
    """The plan's driver sheets in ``lang`` (``en`` or ``lo``): CSV and printable HTML."""
    html = sheets_html(plan.sheets, depot=plan.depot_name, season=plan.season, lang=lang)
    suffix = "" if lang == "en" else f"_{lang}"
    return SheetDownloads(
        csv=sheets_csv(plan.sheets, lang),
        html=html.encode("utf-8"),
        csv_name=f"driver_sheets{suffix}.csv",
        html_name=f"driver_sheets{suffix}.html",
    )


def sheet_label(key: str, lang: str, **fields: object) -> str:
    """A word of the sheets' table in ``lang`` (the same the CLI prints)."""
    return label(key, lang, **fields)


def template_bytes(name: str) -> bytes:
    """The template file ``name`` (``pickups_template.csv`` or ``fleet_template.csv``)."""
    try:
        return TEMPLATES[name].encode("utf-8")
    except KeyError:
        msg = f"Unknown template {name!r}. Choose from: {', '.join(TEMPLATES)}."
        raise ValueError(msg) from None


def plan_in_language(plan: PlanView, lang: str) -> PlanView:
    """``plan`` with its truck names in ``lang``: the names the sheets of ``lang`` print, and
    the reasons of the pickups left behind in ``lang``.

    The view is built with English names (``D2 4x4-pickup #1``); in Lao each becomes the Lao
    name of the same truck-day, in the tables, the map and the legend alike.
    """
    if lang == "en":
        return plan
    names = {
        truck_label(sheet.day, sheet.vehicle, "en"): truck_label(sheet.day, sheet.vehicle, lang)
        for sheet in plan.sheets
    }
    frames = {}
    for field in ("trucks", "stops", "paths", "carried"):
        frame = getattr(plan, field).copy()
        if "truck" in frame.columns:
            frame["truck"] = frame["truck"].map(lambda t: names.get(t, t))
        frames[field] = frame
    dropped = plan.dropped.copy()
    if "reason" in dropped.columns:
        dropped["reason"] = dropped["reason"].map(lambda r: reason_in_language(str(r), lang))
    return dataclasses.replace(plan, dropped=dropped, **frames)
