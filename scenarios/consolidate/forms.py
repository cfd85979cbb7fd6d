"""Coffee forms and collection timing: what each village sells, and in which season.

``data/coffee_forms.csv`` gives, per district (``*`` = every district without its own rows for
that species) and species, the share of the green volume sold in each form (fresh cherry, dry
cherry, parchment, green) and the days from harvest to collection (drying, hulling). Collection
by month is the harvest calendar (``data/harvest_calendar.csv``) shifted by that lag, a
harvest month's volume spread evenly over the month. The collection truck carries the form
(``data/conversions.csv``: dry cherry x0.5 green, parchment x0.8, fresh cherry ~1/6).

A supply row with ``collected_state = mix`` takes the district's forms; a single state
(``parchment``, ``green``...) is carried all year with the harvest-calendar season split.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from optimizer import ConversionRatios, Product
from scenarios.common import (
    DATA_DIR,
    NOTE_COLUMNS,
    DataFileError,
    range_columns,
    read_rows,
    read_table,
)
from scenarios.consolidate.inputs import CALENDAR_COLUMNS, CALENDAR_OPTIONAL

__all__ = [
    "FORMS",
    "FORMS_CSV",
    "CalendarMonth",
    "FormShare",
    "VillageForms",
    "collection_by_month",
    "read_calendar",
    "read_forms",
    "village_forms",
]

FORMS_CSV = DATA_DIR / "coffee_forms.csv"
CALENDAR_CSV = DATA_DIR / "harvest_calendar.csv"
#: Columns beyond the required ones (any other is a misspelling).
FORMS_OPTIONAL = ("form_id", *NOTE_COLUMNS, *range_columns(FORMS_CSV.name))
FORMS = ("cherry", "dry_cherry", "parchment", "green")
SPECIES = ("arabica", "robusta")
DAYS_PER_MONTH = 365.25 / 12


@dataclass(frozen=True, slots=True)
class FormShare:
    """Share of a species' green volume sold in one form, and days from harvest to collection."""

    district: str
    species: str
    form: str
    share: float
    lag_days: float


@dataclass(frozen=True, slots=True)
class CalendarMonth:
    """One month of the harvest calendar: its season and each species' share of the harvest."""

    month: int
    season: str
    arabica: float
    robusta: float


def read_forms(path: Path | None = None) -> tuple[FormShare, ...]:
    """Read the form mix; the shares of each (district, species) must sum to 1."""
    path = path or FORMS_CSV
    need = ("district", "species", "form", "share", "lag_days")
    out = []
    for row in read_table(path, required=need, optional=FORMS_OPTIONAL, what="coffee forms"):
        species, form = row.text("species"), row.text("form")
        if species not in SPECIES:
            raise row.fail("species", f"one of {', '.join(SPECIES)}")
        if form not in FORMS:
            raise row.fail("form", f"one of {', '.join(FORMS)}")
        district = row.text("district") or "*"
        share = row.number_("share", strict=False)
        out.append(FormShare(district, species, form, share, row.number_("lag_days", strict=False)))
    totals: dict[tuple[str, str], float] = defaultdict(float)
    for f in out:
        totals[f.district, f.species] += f.share
    bad = {k: round(v, 4) for k, v in totals.items() if not math.isclose(v, 1.0, abs_tol=1e-3)}
    if bad:
        msg = f"{path.name}: expected the shares of each (district, species) to sum to 1; got {bad}"
        raise DataFileError(msg)
    return tuple(out)


def read_calendar(path: Path | None = None) -> tuple[CalendarMonth, ...]:
    """The twelve months of the harvest calendar, in month order."""
    path = path or CALENDAR_CSV
    months = [
        CalendarMonth(
            int(row.number_("month")),
            row.text("season"),
            row.number_("arabica_share", strict=False),
            row.number_("robusta_share", strict=False),
        )
        for row in read_rows(
            path, required=CALENDAR_COLUMNS, optional=CALENDAR_OPTIONAL, what="harvest calendar"
        )
    ]
    months.sort(key=lambda m: m.month)
    if [m.month for m in months] != list(range(1, 13)):
        msg = f"{path.name}: expected one row per month 1-12; got {[m.month for m in months]}"
        raise DataFileError(msg)
    return tuple(months)


def collection_by_month(
    calendar: tuple[CalendarMonth, ...], species: str, lag_days: float
) -> NDArray[np.float64]:
    """Share of a species' harvest collected in each month (index 0 = January)."""
    harvest = np.array([getattr(m, species) for m in calendar], dtype=float)
    whole, part = divmod(lag_days / DAYS_PER_MONTH, 1.0)
    k = int(whole)
    return np.asarray((1 - part) * np.roll(harvest, k) + part * np.roll(harvest, k + 1))


@dataclass(frozen=True)
class VillageForms:
    """Per village: share of its green volume collected in each season, and per season the
    green kg per kg carried (``green_per_kg["year"]``: over the whole year)."""

    season_share: dict[str, NDArray[np.float64]]
    green_per_kg: dict[str, NDArray[np.float64]]


def _mix(
    forms: tuple[FormShare, ...], district: str, arabica_share: float
) -> list[tuple[float, str, FormShare]]:
    """(species weight, species, form row) for a district: its own rows, else the defaults."""
    out: list[tuple[float, str, FormShare]] = []
    for species, weight in (("arabica", arabica_share), ("robusta", 1 - arabica_share)):
        if weight <= 0:
            continue
        own = [f for f in forms if f.species == species and f.district == district]
        rows = own or [f for f in forms if f.species == species and f.district == "*"]
        if not rows:
            msg = f"coffee forms: no rows for {species} in {district!r} and no '*' default."
            raise DataFileError(msg)
        out.extend((weight, species, f) for f in rows)
    return out


def _season_weights(
    mix: list[tuple[float, str, FormShare]],
    calendar: tuple[CalendarMonth, ...],
    in_season: NDArray[np.bool_],
    ratios: ConversionRatios,
) -> tuple[float, float]:
    """Green and carried weight collected in the season's months, per unit of annual green."""
    green = carried = 0.0
    for weight, species, f in mix:
        part = weight * f.share * collection_by_month(calendar, species, f.lag_days)
        green += float(part[in_season].sum())
        carried += float(part[in_season].sum()) / ratios.ratio(Product(f.form))
    return green, carried


def village_forms(
    districts: list[str],
    states: list[str],
    *,
    forms: tuple[FormShare, ...],
    calendar: tuple[CalendarMonth, ...],
    arabica_share: float,
    ratios: ConversionRatios,
) -> VillageForms:
    """Season shares and carried-weight ratios per village (see the module doc)."""
    seasons = {"dry": np.array([m.season == "dry" for m in calendar])}
    seasons["wet"] = ~seasons["dry"]
    green: dict[str, list[float]] = {"dry": [], "wet": []}
    carried: dict[str, list[float]] = {"dry": [], "wet": []}
    known: dict[tuple[str, str], dict[str, tuple[float, float]]] = {}
    for district, state in zip(districts, states, strict=True):
        key = (district if state == "mix" else "", state)
        if key not in known:
            mix = (
                _mix(forms, district, arabica_share)
                if state == "mix"
                else [
                    (w, s, FormShare("", s, state, 1.0, 0.0))
                    for s, w in (("arabica", arabica_share), ("robusta", 1 - arabica_share))
                ]
            )
            known[key] = {s: _season_weights(mix, calendar, m, ratios) for s, m in seasons.items()}
        for season, (g, c) in known[key].items():
            green[season].append(g)
            carried[season].append(c)
    total_g = np.array(green["dry"]) + np.array(green["wet"])
    total_c = np.array(carried["dry"]) + np.array(carried["wet"])
    year = total_g / total_c
    per_kg = {
        s: np.where(
            np.array(carried[s]) > 0, np.array(green[s]) / np.maximum(carried[s], 1e-12), year
        )
        for s in ("dry", "wet")
    }
    return VillageForms(
        season_share={s: np.array(green[s]) / total_g for s in ("dry", "wet")},
        green_per_kg={**per_kg, "year": year},
    )
