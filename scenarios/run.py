"""Run one scenario: resolve it into plain inputs, re-solve the logistics, report KPIs.

``resolve_scenario`` turns a :class:`~scenarios.spec.ScenarioSpec` into a
:class:`ResolvedScenario`: a network variant (roads upgraded, closed or added), cost rates
(diesel, exchange rates), vehicle choices, hubs, gateways (fees, waiting, hours, closures) and
supply volumes. ``run_scenario`` then calls the consolidation pipeline with those inputs (both
seasons in one model, or one season) and turns the verified result into KPIs
(:mod:`scenarios.kpis`), plus a sample week of cooperative pickups on the same roads.

Default inputs (the road network and the data tables) are loaded once per process and cached,
so a Dask worker that runs several scenarios loads them once.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scenarios.spec import BorderChange, EdgeSelector, NewLink, ScenarioError, ScenarioSpec

__all__ = [
    "BaseInputs",
    "ResolvedScenario",
    "base_inputs",
    "network_variant",
    "resolve_scenario",
    "run_scenario",
    "run_scenario_json",
]

if TYPE_CHECKING:
    from networks import RoadNetwork
    from scenarios.consolidate import Inputs

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BaseInputs:
    """Default inputs of every scenario: the road network and the consolidation inputs."""

    net: RoadNetwork
    inputs: Inputs


@dataclass(frozen=True)
class ResolvedScenario:
    """A scenario as plain inputs of the consolidation pipeline.

    ``net`` is the network variant, ``inputs`` the consolidation inputs (rates, vehicles,
    supply, hubs, gateways, corridors, parameters) and ``season`` the pipeline's season mode
    (``year`` = dry and wet months in one model, ``dry`` or ``wet`` = everything in one season).
    """

    spec: ScenarioSpec
    net: RoadNetwork
    inputs: Inputs
    season: str


@functools.cache
def base_inputs() -> BaseInputs:
    """Network and data tables, loaded once per process (cached)."""
    from networks import load_network
    from scenarios.consolidate import load_inputs

    return BaseInputs(net=load_network(), inputs=load_inputs())


def _where(spec: ScenarioSpec) -> str:
    return Path(spec.path).name if spec.path else spec.name


def _fail(spec: ScenarioSpec, key: str, problem: object) -> ScenarioError:
    return ScenarioError(f"{_where(spec)}: [{key}] {problem}")


# -- prices, fleet, demand ----------------------------------------------------------------------


def _rates(spec: ScenarioSpec, rates: Any) -> Any:
    costs = spec.costs
    changes: dict[str, float] = {}
    if costs.diesel_lak_per_l is not None:
        changes["diesel_lak_per_l"] = costs.diesel_lak_per_l
    if costs.diesel_factor is not None:
        base = changes.get("diesel_lak_per_l", rates.diesel_lak_per_l)
        changes["diesel_lak_per_l"] = base * costs.diesel_factor
    if costs.lak_per_usd is not None:
        changes["lak_per_usd"] = costs.lak_per_usd
    if costs.lak_per_thb is not None:
        changes["lak_per_thb"] = costs.lak_per_thb
    return replace(rates, **changes) if changes else rates


_FLEET_PARAMS = ("collection_vehicle_dry", "collection_vehicle_wet", "trunk_vehicle")


def _fleet(spec: ScenarioSpec, params: dict[str, Any], vehicles: tuple[Any, ...]) -> dict[str, Any]:
    out = dict(params)
    by_name = {v.name: v for v in vehicles}
    for key in _FLEET_PARAMS:
        chosen = getattr(spec.fleet, key)
        if chosen is None:
            continue
        if chosen not in by_name:
            problem = f"key {key!r}: unknown vehicle type {chosen!r}; choose from: " + ", ".join(
                sorted(by_name)
            )
            raise _fail(spec, "fleet", problem)
        out[key] = chosen
    allowed = spec.fleet.allowed
    if allowed is not None:
        for key in _FLEET_PARAMS:
            vehicle = by_name.get(str(out.get(key)))
            if vehicle is not None and vehicle.network_class not in allowed:
                problem = (
                    f"key 'allowed': {key} is {vehicle.name!r} ({vehicle.network_class}), which "
                    f"is not in the allowed classes {', '.join(allowed)}; choose another {key}"
                )
                raise _fail(spec, "fleet", problem)
    return out


def _supply(spec: ScenarioSpec, supply: tuple[Any, ...]) -> tuple[Any, ...]:
    factor = spec.demand.volume_factor
    if factor == 1.0:
        return supply
    return tuple(replace(v, green_t=v.green_t * factor) for v in supply)


# -- hubs and borders ---------------------------------------------------------------------------


def _hubs(spec: ScenarioSpec, hubs: tuple[Any, ...]) -> tuple[Any, ...]:
    from scenarios.consolidate_inputs import HubSite

    changes = spec.hubs
    ids = [h.id for h in hubs]
    for hub_id in (*changes.remove, *changes.fixed_cost_usd_per_yr, *changes.force_open):
        if hub_id not in ids and hub_id not in {h.name for h in changes.add}:
            problem = f"unknown hub {hub_id!r}; choose from: {', '.join(ids)}"
            raise _fail(spec, "hubs", problem)
    out = [h for h in hubs if h.id not in changes.remove]
    out = [
        replace(h, fixed_cost_usd_per_yr=changes.fixed_cost_usd_per_yr[h.id])
        if h.id in changes.fixed_cost_usd_per_yr
        else h
        for h in out
    ]
    out = [replace(h, status="open") if h.id in changes.force_open else h for h in out]
    for new in changes.add:
        if new.name in ids:
            raise _fail(spec, "hubs.add", f"hub {new.name!r} already exists; use another name")
        out.append(
            HubSite(
                id=new.name,
                name=new.name,
                place=new.place or "",
                lon=new.lon,
                lat=new.lat,
                capacity_t=new.capacity_t,
                fixed_cost_usd_per_yr=new.fixed_cost_usd_per_yr,
                handling_usd_per_t=new.handling_usd_per_t,
                status="open" if new.force_open else "candidate",
            )
        )
    return tuple(out)


def _hours(text: str) -> tuple[float, float]:
    start, end = (int(h) + int(m) / 60 for h, m in (t.split(":") for t in text.split("-")))
    return start, end


def _gateway(spec: ScenarioSpec, gateway: Any, change: BorderChange, lak_per_usd: float) -> Any:
    updates: dict[str, Any] = {}
    if change.fee_lak is not None:
        updates["fee_usd_per_truck"] = change.fee_lak / lak_per_usd
    if change.wait_h is not None:
        updates["clearance_h"] = change.wait_h
    if change.opening_hours is not None:
        start, end = _hours(change.opening_hours)
        if not 0 <= start < end <= 24:
            problem = (
                "key 'opening_hours': expected HH:MM-HH:MM, opening before closing; "
                f"got {change.opening_hours!r}"
            )
            raise _fail(spec, f"border.{gateway.id}", problem)
        updates["opening_hours"] = (start, end)
    if change.closed is not None:
        updates["open_seasons"] = frozenset() if change.closed else frozenset({"dry", "wet"})
    return replace(gateway, **updates) if updates else gateway


def _gateways(spec: ScenarioSpec, gateways: tuple[Any, ...], lak_per_usd: float) -> tuple[Any, ...]:
    ids = [g.id for g in gateways]
    unknown = sorted(set(spec.border) - set(ids))
    if unknown:
        problem = f"unknown border gateway {unknown[0]!r}; choose from: {', '.join(ids)}"
        raise _fail(spec, "border", problem)
    return tuple(
        _gateway(spec, g, spec.border[g.id], lak_per_usd) if g.id in spec.border else g
        for g in gateways
    )


# -- roads --------------------------------------------------------------------------------------


def _select(spec: ScenarioSpec, net: Any, selector: EdgeSelector, key: str) -> Any:
    from networks.edits import select_edges

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
    """Add a new road; an end off the mapped roads is first joined by a connector.

    ``networks.edits.add_link`` joins existing roads only; a new road into unmapped country
    (e.g. Sekong to the Dakta Ok border) needs its far end on the network first, so each end is
    snapped with up to ``reach_m`` of connector, as the consolidation pipeline snaps its sites.
    """
    from networks import resolve_point, snap_points
    from networks.edits import add_link

    ends = []
    for point in (link.from_place, link.to_place):
        lat, lon, _ = resolve_point(net, point)
        snap = snap_points(net, [(lat, lon)], max_connector_m=reach_m)
        if snap.unreachable:
            msg = f"cannot reach {point!r}: {snap.unreachable[0].reason}"
            raise ValueError(msg)
        net = snap.network
        ends.append((lat, lon))
    return add_link(
        net,
        ends[0],
        ends[1],
        surface=link.surface,
        ref=link.ref or "",
        circuity=link.circuity,
        source=link.source or "scenario file",
    )


def network_variant(spec: ScenarioSpec, net: Any, reach_m: float) -> Any:
    """The network variant: links added, then upgrades, then closures, in file order."""
    if not spec.has_network_changes:
        return net
    from networks.edits import close_edges, upgrade_edges

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


_SEASON_MODE = {("dry", "wet"): "year", ("wet", "dry"): "year", ("dry",): "dry", ("wet",): "wet"}


def resolve_scenario(spec: ScenarioSpec, base: BaseInputs | None = None) -> ResolvedScenario:
    """Turn a scenario into plain pipeline inputs; every error names the file and the key."""
    base = base or base_inputs()
    inputs = base.inputs
    rates = _rates(spec, inputs.rates)
    net = network_variant(spec, base.net, float(inputs.params["supply_max_connector_m"]))
    hubs = _hubs(spec, inputs.hubs)
    season = _SEASON_MODE.get(tuple(dict.fromkeys(spec.seasons)))
    if season is None:
        raise _fail(spec, "seasons", f"expected dry, wet or both; got {list(spec.seasons)}")
    resolved_inputs = replace(
        inputs,
        rates=rates,
        villages=_supply(spec, inputs.villages),
        hubs=hubs,
        gateways=_gateways(spec, inputs.gateways, rates.lak_per_usd),
        params=_fleet(spec, inputs.params, inputs.profiles),
    )
    return ResolvedScenario(spec=spec, net=net, inputs=resolved_inputs, season=season)


def run_scenario(
    spec: ScenarioSpec,
    base: BaseInputs | None = None,
    *,
    time_limit_s: float = 30.0,
    pickup_sample: bool = True,
) -> dict[str, Any]:
    """Resolve and run one scenario; returns the JSON-ready result (KPIs, seasons, flows).

    ``time_limit_s`` bounds the consolidation solver of this scenario. With ``pickup_sample``
    the illustrative week of cooperative pickups (``data/samples/paksong_pickups.csv``) is also
    planned on the scenario's road network, as ``pickup_sample`` in the result.
    """
    from scenarios.consolidate import ConsolidateOptions, run_consolidation
    from scenarios.kpis import kpis_from_run

    resolved = resolve_scenario(spec, base)
    options = ConsolidateOptions(season=resolved.season, explain=False, time_limit_s=time_limit_s)
    run = run_consolidation(resolved.inputs, options, net=resolved.net)
    result = kpis_from_run(run)
    if pickup_sample:
        sample = _pickup_sample(resolved)
        result["pickup_sample"] = sample
        result["kpis"]["pickup_sample_lak_per_t"] = float(sample["cost_lak_per_tonne"])
    return result


def _pickup_sample(resolved: ResolvedScenario) -> dict[str, Any]:
    """The sample week of pickups from Paksong, planned with OR-Tools on the scenario's roads.

    The pickup planner reads its own cost tables, so scenario price changes (diesel, exchange
    rates) do not reach this sample; road changes do.
    """
    from optimizer.params import Engine, SolveParams
    from scenarios.pickups import DATA_DIR, plan_pickups, summary

    season = "wet" if resolved.season == "wet" else "dry"
    run = plan_pickups(
        DATA_DIR / "samples" / "paksong_pickups.csv",
        "Paksong",
        season=season,
        params=SolveParams(engine=Engine("ortools"), time_limit_s=6.0, solution_limit=200),
        network=resolved.net,
    )
    return {"season": season, "depot": "Paksong", **summary(run)}


def run_scenario_json(spec: ScenarioSpec) -> dict[str, Any]:
    """The batch engine: :func:`run_scenario` with the per-process cached default inputs."""
    return run_scenario(spec)
