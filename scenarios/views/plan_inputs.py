"""Plan pickups page, its inputs: the depots, the sample and uploaded pickups, the fleet table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from networks import load_places
from scenarios.pickups import SAMPLE_FLEET, SAMPLE_PICKUPS
from scenarios.views.common import STUDY_AREA, stage_upload

DEFAULT_DEPOT = "Paksong"
_DEPOT_KINDS = ("mill", "town")


def depot_choices(places_csv: Path | None = None) -> list[str]:
    """Places a pickup tour can start from: Paksong first, then mills, then Lao towns.

    Read with the networks place loader (default ``data/places.csv``), so that the page shows
    its inputs before the road network is loaded.
    """
    west, south, east, north = STUDY_AREA
    places = load_places(places_csv)
    names = [
        place.name
        for kind in _DEPOT_KINDS
        for place in places
        if place.kind == kind
        and place.country == "LA"
        and west <= place.lon <= east
        and south <= place.lat <= north
    ]
    if DEFAULT_DEPOT in names:
        names.remove(DEFAULT_DEPOT)
        names.insert(0, DEFAULT_DEPOT)
    return names


def sample_pickups_path() -> Path:
    """The shipped sample: a week of pickups for a Paksong cooperative."""
    return SAMPLE_PICKUPS


FLEET_EDIT_COLUMNS = ("type", "count", "max_trips", "shift_start", "max_hours")
"""The fleet file's columns the app's editor shows (``note`` stays in the file)."""


def sample_fleet() -> pd.DataFrame:
    """The sample fleet as an editable table (type, count, max_trips, shift_start, max_hours)."""
    frame = pd.read_csv(SAMPLE_FLEET, dtype={"shift_start": str})
    return frame[[c for c in FLEET_EDIT_COLUMNS if c in frame.columns]].copy()


def _whole(fleet: pd.DataFrame, column: str, *, minimum: int, optional: bool) -> pd.Series:
    """The cells of ``column`` as whole numbers >= ``minimum``; empty optional cells stay empty."""
    values = pd.to_numeric(fleet[column], errors="coerce")
    for index, (raw, value) in enumerate(zip(fleet[column], values, strict=True), start=1):
        empty = pd.isna(raw) or str(raw).strip() == ""
        if empty and optional:
            continue
        if empty or pd.isna(value) or value < minimum or value != int(value):
            got = "an empty cell" if empty else raw
            msg = (
                f"fleet row {index}, column {column}: expected a whole number >= {minimum}, "
                f"got {got}"
            )
            raise ValueError(msg)
    return values.astype("Int64")


def pickups_preview(path: Path) -> pd.DataFrame:
    """The validated pickups of a CSV file as a table; errors name the row and the column."""
    from scenarios.pickups import read_pickups

    records = read_pickups(path)
    return pd.DataFrame(
        [
            {
                "id": r.id,
                "name": r.name,
                "day": r.day,
                "weight_kg": r.weight_kg,
                "product": str(r.product.value),
                "lat": round(r.lat, 5),
                "lon": round(r.lon, 5),
            }
            for r in records
        ]
    )


def stage_fleet(fleet: pd.DataFrame) -> Path:
    """Write an edited fleet table to a staged CSV (rows with count 0 are left out).

    Keeps every column of :data:`FLEET_EDIT_COLUMNS` the table has, so trips per day
    (``max_trips``), shift start and driver's hours reach the planner as edited; an empty
    optional cell takes the fleet file's default (one trip, 07:00, 10 h).
    """
    missing = [c for c in ("type", "count") if c not in fleet.columns]
    if missing:
        msg = f"fleet table: expected columns type, count; missing {', '.join(missing)}"
        raise ValueError(msg)
    fleet = fleet.reset_index(drop=True).copy()
    fleet["count"] = _whole(fleet, "count", minimum=0, optional=False)
    if "max_trips" in fleet.columns:
        fleet["max_trips"] = _whole(fleet, "max_trips", minimum=1, optional=True)
    kept = fleet[fleet["count"] > 0]
    if kept.empty:
        msg = "fleet: expected at least one truck with count >= 1, got none"
        raise ValueError(msg)
    columns = [c for c in FLEET_EDIT_COLUMNS if c in kept.columns]
    text = kept[columns].astype("string").fillna("").to_csv(index=False)
    return stage_upload(text.encode("utf-8"), suffix=".csv", name="fleet table.csv")
