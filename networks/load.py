"""`load_network`: any source → one pipeline → a cached `RoadNetwork`."""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from collections.abc import Sequence
from pathlib import Path

import networkx as nx

from networks import _data
from networks.attributes import assign_speeds, assign_surfaces
from networks.build import build_graph
from networks.model import RoadNetwork, SourceInfo
from networks.osm_io import Way, read_ways
from networks.places import load_places
from networks.tables import load_conditions, load_defaults, load_patches

log = logging.getLogger(__name__)

CODE_VERSION = "networks-3"
EMBEDDED_DESCRIPTION = (
    "OpenStreetMap main roads (primary + secondary only) of Laos as of early 2014 "
    "(OSM Laos portal extract, ~Q1 2014); no tertiary, rural or village roads"
)


def _tables_bytes() -> bytes:
    paths = (_data.DEFAULTS_TOML, _data.ROAD_CONDITIONS_CSV, _data.PATCHES_CSV, _data.PLACES_CSV)
    return b"".join(p.read_bytes() for p in paths)


def _hash(payload: bytes) -> str:
    digest = hashlib.sha256(payload)
    digest.update(_tables_bytes())
    digest.update(CODE_VERSION.encode())
    return digest.hexdigest()


def network_from_ways(ways: Sequence[Way], source: SourceInfo) -> RoadNetwork:
    """Run the build pipeline (repairs, surfaces, speeds) on already-read ways."""
    defaults = load_defaults()
    places = load_places()
    graph, repairs = build_graph(ways, load_patches(), join_tolerance_m=defaults.join_tolerance_m)
    by_name = {p.name.lower(): (p.lat, p.lon) for p in places}
    assign_surfaces(graph, load_conditions(), defaults, by_name)
    assign_speeds(graph, defaults)
    return RoadNetwork(graph=graph, repairs=repairs, source=source, places=places)


def _resolve_source(source: str | Path | None) -> tuple[Path, bool]:
    if source is None:
        env = os.environ.get("BOLAVEN_NETWORK", "").strip()
        if env:
            return Path(env), False
        return _data.EMBEDDED_OSM, True
    return Path(source), False


def _read_cache(path: Path) -> RoadNetwork | None:
    try:
        with path.open("rb") as fh:
            graph, repairs, source, places = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError) as exc:
        log.warning("ignoring unreadable network cache %s: %s", path, exc)
        return None
    if not isinstance(graph, nx.MultiDiGraph):
        return None
    return RoadNetwork(graph=graph, repairs=repairs, source=source, places=places)


def _write_cache(path: Path, net: RoadNetwork) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        with tmp.open("wb") as fh:
            payload = (net.graph, net.repairs, net.source, net.places)
            pickle.dump(payload, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError as exc:
        log.warning("could not write the network cache %s: %s", path, exc)


def load_network(source: str | Path | None = None, *, use_cache: bool = True) -> RoadNetwork:
    """Load a road network, building it on first use and caching it.

    Parameters
    ----------
    source
        None for ``$BOLAVEN_NETWORK`` if set, else the embedded 2014 OSM extract in
        ``data/osm/``; or a path to a ``.osm``, ``.osm.pbf``, ``.geojson`` or ``.graphml``
        (as saved by ``bolaven network fetch``).
    use_cache
        Read and write the pickle cache (``.cache/networks/`` or ``$BOLAVEN_CACHE_DIR``),
        keyed by the input bytes, the data tables and the code version.

    Raises
    ------
    NetworkDataError
        If the file is missing, empty, corrupt or has no drivable roads.
    """
    path, embedded = _resolve_source(source)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        from networks.exceptions import NetworkDataError

        msg = f"Network file not found or unreadable: {path} ({exc.strerror or exc})"
        raise NetworkDataError(msg) from exc
    key = _hash(raw)
    cache_file = _data.cache_dir() / f"{key[:32]}.pickle"
    if use_cache and cache_file.is_file():
        cached = _read_cache(cache_file)
        if cached is not None:
            log.info("loaded network from cache %s", cache_file)
            return cached
    kind, ways = read_ways(path)
    if embedded:
        info = SourceInfo("embedded", str(path), EMBEDDED_DESCRIPTION, "2014-Q1", content_hash=key)
    else:
        desc = f"OpenStreetMap roads from {path.name} ({kind}); data date as in the file"
        info = SourceInfo(kind, str(path), desc, "unknown", content_hash=key)
    net = network_from_ways(ways, info)
    if use_cache:
        _write_cache(cache_file, net)
    return net
