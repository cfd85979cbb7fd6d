"""Readers for the network's data tables (defaults, road conditions, patches), validated once."""

from __future__ import annotations

import csv
import math
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from networks import _data
from networks._cells import float_cell
from networks.exceptions import NetworkDataError
from networks.model import Season, VehicleClass

SURFACES = ("paved", "gravel", "earth")


@dataclass(frozen=True)
class NetworkDefaults:
    """Class defaults from ``data/network_defaults.toml`` (all flagged as estimates there).

    Attributes
    ----------
    class_surface
        OSM highway class → surface, with a ``default`` entry.
    iri_m_per_km
        Surface → roughness (m/km).
    speed_kph
        (surface, season, vehicle) → speed in km/h.
    passable
        (surface, season, vehicle) → passable.
    connector_circuity, connector_surface, max_connector_m
        Off-network connector parameters.
    track_limit_m
        (season, vehicle) → straight-line distance to the road (m) beyond which an unpaved
        connector is cut off for that class (``[connector_access]``); absent: no limit.
    heavy_earth_road_max_m
        Earth road edges longer than this (m) carry no heavy truck.
    join_tolerance_m
        Largest endpoint gap the build joins (m).
    """

    class_surface: dict[str, str]
    iri_m_per_km: dict[str, float]
    speed_kph: dict[tuple[str, Season, VehicleClass], float]
    passable: dict[tuple[str, Season, VehicleClass], bool]
    connector_circuity: float
    connector_surface: str
    max_connector_m: float
    join_tolerance_m: float
    short_connector_m: float = 0.0
    short_connector_surface: str = "gravel"
    track_limit_m: dict[tuple[Season, VehicleClass], float] = field(default_factory=dict)
    heavy_earth_road_max_m: float = math.inf

    def track_passable(self, straight_m: float, season: Season, vehicle: VehicleClass) -> bool:
        """Whether an unpaved village track this far (straight line, m) from the road passes."""
        return straight_m <= self.track_limit_m.get((season, vehicle), math.inf)

    def connector_surface_for(self, distance_m: float) -> str:
        """Surface of a connector of this straight-line length."""
        if distance_m <= self.short_connector_m:
            return self.short_connector_surface
        return self.connector_surface

    def surface_for_class(self, highway: str) -> str:
        """Default surface for an OSM highway class."""
        return self.class_surface.get(highway, self.class_surface["default"])


@dataclass(frozen=True)
class RoadCondition:
    """One row of ``data/road_conditions.csv``: what is known about a route (section)."""

    ref: str
    section_from: str
    section_to: str
    surface: str
    iri_m_per_km: float | None
    condition: str
    source: str
    year: int | None
    estimate: bool


@dataclass(frozen=True)
class Patch:
    """One row of ``data/network_patches.csv``: a link known to exist but missing in the data."""

    name: str
    from_lat: float
    from_lon: float
    to_lat: float
    to_lon: float
    ref: str
    highway: str
    surface: str
    circuity: float
    source: str


def _require(table: dict[str, Any], key: str, where: str) -> Any:
    if key not in table:
        msg = f"{where}: expected key {key!r}; got keys {sorted(table)}"
        raise NetworkDataError(msg)
    return table[key]


def _positive(value: Any, where: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = float("nan")
    if not number > 0:
        msg = f"{where}: expected a number > 0, got {value!r}"
        raise NetworkDataError(msg)
    return number


def load_defaults(path: Path | None = None) -> NetworkDefaults:
    """Read the class-default table (``data/network_defaults.toml`` unless `path` is given)."""
    path = path or _data.DEFAULTS_TOML
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        msg = f"Cannot read network defaults {path}: {exc}"
        raise NetworkDataError(msg) from exc
    name = path.name
    speeds: dict[tuple[str, Season, VehicleClass], float] = {}
    passable: dict[tuple[str, Season, VehicleClass], bool] = {}
    speed_table = _require(doc, "speed_kph", name)
    pass_table = _require(doc, "passable", name)
    for surface in SURFACES:
        for season in Season:
            ok = set(_require(_require(pass_table, surface, name), season.value, name))
            row = _require(_require(speed_table, surface, name), season.value, name)
            for vehicle in VehicleClass:
                where = f"{name} speed_kph.{surface}.{season.value}.{vehicle.value}"
                speeds[surface, season, vehicle] = _positive(_require(row, vehicle, where), where)
                passable[surface, season, vehicle] = vehicle.value in ok
    iri = _require(doc, "iri_m_per_km", name)
    classes = {k: v for k, v in _require(doc, "class_surface", name).items() if isinstance(v, str)}
    classes = {k: v for k, v in classes.items() if k not in {"source", "range_source"}}
    for highway, surface in classes.items():
        if surface not in SURFACES:
            msg = f"{name} class_surface.{highway}: expected one of {SURFACES}, got {surface!r}"
            raise NetworkDataError(msg)
    connector = _require(doc, "connector", name)
    access = doc.get("connector_access", {})
    return NetworkDefaults(
        class_surface=classes,
        iri_m_per_km={s: _positive(_require(iri, s, name), f"{name} iri.{s}") for s in SURFACES},
        speed_kph=speeds,
        passable=passable,
        connector_circuity=_positive(connector["circuity"], f"{name} connector.circuity"),
        connector_surface=str(connector["surface"]),
        max_connector_m=_positive(connector["max_connector_m"], f"{name} connector.max"),
        join_tolerance_m=_positive(doc["repair"]["join_tolerance_m"], f"{name} repair"),
        short_connector_m=float(connector.get("short_connector_m", 0.0)),
        short_connector_surface=str(connector.get("short_connector_surface", "gravel")),
        track_limit_m=_track_limits(access, name),
        heavy_earth_road_max_m=_positive(
            access.get("heavy_earth_road_max_m", math.inf), f"{name} heavy_earth_road_max_m"
        ),
    )


def _track_limits(access: dict[str, Any], name: str) -> dict[tuple[Season, VehicleClass], float]:
    """``[connector_access]`` season → class → limit (m); unknown names are errors."""
    limits: dict[tuple[Season, VehicleClass], float] = {}
    for season in Season:
        row = access.get(season.value, {})
        unknown = sorted(set(row) - {v.value for v in VehicleClass})
        if unknown:
            msg = (
                f"{name} connector_access.{season.value}: unknown vehicle class(es) {unknown}; "
                f"choose from {[v.value for v in VehicleClass]}"
            )
            raise NetworkDataError(msg)
        for vehicle in VehicleClass:
            if vehicle.value in row:
                where = f"{name} connector_access.{season.value}.{vehicle.value}"
                limits[season, vehicle] = _positive(row[vehicle.value], where)
    return limits


def _read_rows(path: Path, required: tuple[str, ...]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in required if c not in (reader.fieldnames or [])]
            if missing:
                msg = f"{path.name}: expected columns {list(required)}; missing {missing}"
                raise NetworkDataError(msg)
            return list(reader)
    except OSError as exc:
        msg = f"Cannot read {path}: {exc}"
        raise NetworkDataError(msg) from exc


def _surface_cell(row: dict[str, str], line: int, name: str) -> str:
    surface = (row.get("surface") or "").strip()
    if surface not in SURFACES:
        msg = f"{name} row {line}, column surface: expected one of {SURFACES}, got {surface!r}"
        raise NetworkDataError(msg)
    return surface


def load_conditions(path: Path | None = None) -> tuple[RoadCondition, ...]:
    """Read ``data/road_conditions.csv`` (row numbers count the header as row 1)."""
    path = path or _data.ROAD_CONDITIONS_CSV
    cols = ("ref", "section_from", "section_to", "surface", "iri_m_per_km", "source", "estimate")
    out = []
    for line, row in enumerate(_read_rows(path, cols), start=2):
        iri_text = (row.get("iri_m_per_km") or "").strip()
        iri = float_cell(row, "iri_m_per_km", line, path.name) if iri_text else None
        year_text = (row.get("year") or "").strip()
        out.append(
            RoadCondition(
                ref=row["ref"].strip(),
                section_from=(row.get("section_from") or "").strip(),
                section_to=(row.get("section_to") or "").strip(),
                surface=_surface_cell(row, line, path.name),
                iri_m_per_km=iri,
                condition=(row.get("condition") or "").strip(),
                source=row["source"].strip(),
                year=int(year_text) if year_text.isdigit() else None,
                estimate=row["estimate"].strip().lower() == "true",
            )
        )
    return tuple(out)


def load_patches(path: Path | None = None) -> tuple[Patch, ...]:
    """Read ``data/network_patches.csv``: links to add, each with its source."""
    path = path or _data.PATCHES_CSV
    cols = ("name", "from_lat", "from_lon", "to_lat", "to_lon", "ref", "surface", "source")
    out = []
    for line, row in enumerate(_read_rows(path, cols), start=2):
        circuity_text = (row.get("circuity") or "").strip()
        out.append(
            Patch(
                name=row["name"].strip(),
                from_lat=float_cell(row, "from_lat", line, path.name),
                from_lon=float_cell(row, "from_lon", line, path.name),
                to_lat=float_cell(row, "to_lat", line, path.name),
                to_lon=float_cell(row, "to_lon", line, path.name),
                ref=row["ref"].strip(),
                highway=(row.get("highway") or "primary").strip(),
                surface=_surface_cell(row, line, path.name),
                circuity=float_cell(row, "circuity", line, path.name) if circuity_text else 1.0,
                source=row["source"].strip(),
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def default_tables() -> NetworkDefaults:
    """The shipped class defaults, read once per process."""
    return load_defaults()
