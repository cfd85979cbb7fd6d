"""Drawn road-network values laid over a located network: edges re-weighted, nothing rebuilt.

The ranges of ``data/network_defaults.toml`` (class speeds by surface, season and vehicle;
roughness by surface; connector circuity) and of ``data/road_conditions.csv`` (measured
roughness of named roads) change the weights of edges the located network already has. They
are applied to a copy of the cached located network (:func:`reweighted`): every edge keeps its
surface, ends and geometry; its speeds, durations, roughness and (connectors only) length are
scaled from the central to the drawn values. The OSM graph is never rebuilt and no site is
re-snapped; the leg matrices are then recomputed on the copy and cached under a key of the
located network's key and the drawn values (:func:`reweighted_key`).

Edges set by a scenario (a road upgrade's roughness, a new link) keep their own roughness:
only an edge whose roughness is a class default or a condition-table value is re-drawn.
Speeds scale on every edge of a surface, upgrades included (an upgrade's ``speed_factor``
multiplies the drawn class speed, as it multiplies the central one).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from scenarios.common import ParamRange

if TYPE_CHECKING:
    from scenarios.consolidate import SnappedNetwork

__all__ = ["NETWORK_STEMS", "is_network_key", "reweighted", "reweighted_key"]

NETWORK_STEMS = ("network_defaults", "road_conditions")
"""File stems whose drawn values re-weight the network's edges."""

_SPEED = "network_defaults.speed_kph."
_IRI = "network_defaults.iri_m_per_km."
_CIRCUITY = "network_defaults.connector.circuity"
_CONDITION = "road_conditions."


def is_network_key(key: str) -> bool:
    """True for a drawn key that re-weights the network (see :data:`NETWORK_STEMS`)."""
    return key.split(".", 1)[0] in NETWORK_STEMS


def _ratios(
    values: Mapping[str, float], central: Mapping[str, ParamRange], prefix: str
) -> dict[str, float]:
    return {
        key.removeprefix(prefix): float(v) / central[key].value
        for key, v in values.items()
        if key.startswith(prefix) and central[key].value
    }


def _refs(text: object) -> set[str]:
    return {r.strip() for r in str(text or "").split(";") if r.strip()}


def _iri(
    data: Mapping[str, Any],
    values: Mapping[str, float],
    central: Mapping[str, ParamRange],
) -> float | None:
    """The drawn roughness of one edge, or None when the edge keeps its own."""
    iri = float(data["iri_m_per_km"])
    for ref in _refs(data.get("ref")):
        key = f"{_CONDITION}{ref}.iri_m_per_km"
        if key in values and data.get("condition") and iri == central[key].value:
            return float(values[key])
    key = f"{_IRI}{data.get('surface')}"
    if key in values and iri == central[key].value:
        return float(values[key])
    return None


def reweighted(
    located: SnappedNetwork,
    values: Mapping[str, float],
    central: Mapping[str, ParamRange],
) -> SnappedNetwork:
    """A copy of ``located`` whose edges carry the drawn network values (see module doc).

    ``values`` holds drawn network keys (:func:`is_network_key`); ``central`` maps each key to
    its range (for the central value the drawn one replaces).
    """
    from networks import RoadNetwork

    speed = _ratios(values, central, _SPEED)  # "<surface>.<season>.<vehicle>" -> ratio
    circuity = float(values[_CIRCUITY]) / central[_CIRCUITY].value if _CIRCUITY in values else 1.0
    graph = located.net.graph.copy()
    for _, _, data in graph.edges(data=True):
        if data.get("connector") and circuity != 1.0:
            data["length_m"] = float(data["length_m"]) * circuity
        iri = _iri(data, values, central)
        if iri is not None:
            data["iri_m_per_km"] = iri
        surface = data.get("surface")
        for name in [k for k in data if k.startswith("speed_kph_")]:
            season, vehicle = name.removeprefix("speed_kph_").split("_", 1)
            kph = float(data[name]) * speed.get(f"{surface}.{season}.{vehicle}", 1.0)
            data[name] = kph
            data[f"duration_s_{season}_{vehicle}"] = float(data["length_m"]) / (kph / 3.6)
    net = located.net
    new = RoadNetwork(graph=graph, repairs=net.repairs, source=net.source, places=net.places)
    return replace(located, net=new)


def reweighted_key(located_key: str | None, values: Mapping[str, float]) -> str | None:
    """The content key of the re-weighted located network (None when the base's is unknown)."""
    from scenarios.consolidate import content_key

    if located_key is None:
        return None
    return content_key("reweighted", located_key, sorted(values.items()))
