"""The road network of a scenario: new links, then upgrades, then closures, in file order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scenarios.common import ScenarioError, scenario_key_error
from scenarios.spec import EdgeSelector, NewLink, ScenarioSpec

__all__ = ["network_variant", "where"]


def where(spec: ScenarioSpec) -> str:
    """The scenario's file name (or its name when it was not read from a file)."""
    return Path(spec.path).name if spec.path else spec.name


def _fail(spec: ScenarioSpec, key: str, problem: object) -> ScenarioError:
    return scenario_key_error(where(spec), key, problem)


def _select(spec: ScenarioSpec, net: Any, selector: EdgeSelector, key: str) -> Any:
    from networks import select_edges

    try:
        edges = select_edges(
            net,
            ref=selector.ref,
            between=selector.between,
            osm_ids=list(selector.osm_ids) if selector.osm_ids is not None else None,
            bbox=selector.bbox,
        )
    except (LookupError, ValueError) as exc:
        raise _fail(spec, key, exc) from None
    if not edges:
        raise _fail(spec, key, "the selection matches no road")
    return edges


def _add_link(net: Any, link: NewLink, reach_m: float) -> Any:
    """Add a new road; an end off the mapped roads is joined by up to ``reach_m`` of connector.

    A new road into unmapped country (e.g. Sekong to the Dakta Ok border, 48 km from any 2014
    road) reaches as far as the consolidation pipeline snaps its sites.
    """
    from networks import add_link

    return add_link(
        net,
        link.from_place,
        link.to_place,
        surface=link.surface,
        ref=link.ref or "",
        circuity=link.circuity,
        source=link.source or "scenario file",
        max_connector_m=reach_m,
    )


def network_variant(spec: ScenarioSpec, net: Any, reach_m: float) -> Any:
    """The network variant: links added, then upgrades, then closures, in file order.

    ``reach_m`` is the longest connector that joins a new link's end to the mapped roads.
    """
    if not spec.has_network_changes:
        return net
    from networks import close_edges, upgrade_edges

    for i, link in enumerate(spec.new_link, start=1):
        try:
            net = _add_link(net, link, reach_m)
        except (LookupError, ValueError) as exc:
            raise _fail(spec, f"new_link.{i}", exc) from None
    for i, upgrade in enumerate(spec.road_upgrade, start=1):
        edges = _select(spec, net, upgrade, f"road_upgrade.{i}")
        net = upgrade_edges(
            net,
            edges,
            surface=upgrade.surface,
            iri_m_per_km=upgrade.iri_m_per_km,
            speed_factor=upgrade.speed_factor,
            wet_passable=upgrade.wet_passable,
        )
    for i, closure in enumerate(spec.closure, start=1):
        key = f"closure.{i}"
        edges = _select(spec, net, closure, key)
        if "dry" in closure.seasons:
            net = close_edges(net, edges)
        else:  # closed in the wet season only: impassable then, open in the dry season
            net = upgrade_edges(net, edges, wet_passable=False)
    return net
