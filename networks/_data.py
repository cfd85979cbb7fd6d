"""Locations of the shipped data files and of the build cache."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = REPO_ROOT / "data"
EMBEDDED_OSM = DATA_DIR / "osm" / "laos_main_roads_osm_2014.geojson"
PLACES_CSV = DATA_DIR / "places.csv"
ROAD_CONDITIONS_CSV = DATA_DIR / "road_conditions.csv"
PATCHES_CSV = DATA_DIR / "network_patches.csv"
DEFAULTS_TOML = DATA_DIR / "network_defaults.toml"
VILLAGES_GEOJSON = DATA_DIR / "admin" / "south_laos_villages_odm.geojson"


def cache_dir() -> Path:
    """The network cache folder: ``$BOLAVEN_CACHE_DIR`` or ``<repo>/.cache/networks``."""
    override = os.environ.get("BOLAVEN_CACHE_DIR")
    return Path(override) if override else REPO_ROOT / ".cache" / "networks"
