"""Run one scenario: resolve it into plain inputs, re-solve the logistics, report KPIs.

``resolve_scenario`` turns a :class:`~scenarios.spec.schema.ScenarioSpec` into a
:class:`ResolvedScenario`: a network variant (roads upgraded, closed or added), cost rates
(diesel, exchange rates), vehicle choices, hubs, gateways (fees, waiting, hours, closures) and
supply volumes. ``run_scenario`` then calls the consolidation pipeline with those inputs (both
seasons in one model, or one season) and turns the verified result into KPIs
(:mod:`scenarios.run.kpis`), plus a sample week of cooperative pickups on the same roads.

Default inputs (the road network and the data tables) are loaded once per process and cached,
so a Dask worker that runs several scenarios loads them once.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scenarios.common import scenario_key_error
from scenarios.run.inputs import resolve_inputs
from scenarios.run.network import network_variant, where
from scenarios.spec import ScenarioSpec

__all__ = [
    "BaseInputs",
    "ResolvedScenario",
    "base_inputs",
    "comparator_plan",
    "network_variant",
    "plan_pickup_sample",
    "resolve_scenario",
    "run_scenario",
    "run_scenario_json",
]

if TYPE_CHECKING:
    from networks import RoadNetwork
    from optimizer import ConsolidationResult
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
    net_key: str | None = None


@functools.cache
def base_inputs() -> BaseInputs:
    """Network and data tables, loaded once per process (cached)."""
    from networks import load_network
    from scenarios.common import DATA_DIR, check_file
    from scenarios.consolidate import load_inputs

    # the network's own tables are read by networks, which cannot check ranges: check here
    for name in ("network_defaults.toml", "road_conditions.csv", "places.csv"):
        check_file(DATA_DIR / name)
    return BaseInputs(net=load_network(), inputs=load_inputs())


_SEASON_MODE = {("dry", "wet"): "year", ("wet", "dry"): "year", ("dry",): "dry", ("wet",): "wet"}


def resolve_scenario(spec: ScenarioSpec, base: BaseInputs | None = None) -> ResolvedScenario:
    """Turn a scenario into plain pipeline inputs; every error names the file and the key."""
    base = base or base_inputs()
    net = network_variant(spec, base.net, base.inputs.params.supply_max_connector_m)
    resolved_inputs = resolve_inputs(spec, base.inputs)
    season = _SEASON_MODE.get(tuple(dict.fromkeys(spec.seasons)))
    if season is None:
        problem = f"expected dry, wet or both; got {list(spec.seasons)}"
        raise scenario_key_error(where(spec), "seasons", problem)
    return ResolvedScenario(
        spec=spec, net=net, inputs=resolved_inputs, season=season, net_key=_net_key(spec, base)
    )


def _source_hash(base: BaseInputs) -> str:
    """The content hash of the base network ("" when unknown)."""
    return str(getattr(getattr(base.net, "source", None), "content_hash", "") or "")


def _net_key(spec: ScenarioSpec, base: BaseInputs) -> str | None:
    """Content key of the scenario's network: the base network's, plus its road changes.

    Scenarios without road changes share the base network's key, hence its located network
    and leg matrices.
    """
    import hashlib
    import json

    source = _source_hash(base)
    if not source:  # a network of unknown content (e.g. built in a test): nothing is reused
        return None
    if not spec.has_network_changes:
        return source
    changes = spec.model_dump(mode="json", include={"new_link", "road_upgrade", "closure"})
    reach = base.inputs.params.supply_max_connector_m
    text = json.dumps([source, reach, changes], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def run_scenario(
    spec: ScenarioSpec,
    base: BaseInputs | None = None,
    *,
    time_limit_s: float | None = None,
    pickup_sample: bool = True,
) -> dict[str, Any]:
    """Resolve and run one scenario; returns the JSON-ready result (KPIs, seasons, flows).

    ``time_limit_s`` bounds the consolidation solver of this scenario. With ``pickup_sample``
    the illustrative week of cooperative pickups (``data/samples/paksong_pickups.csv``) is also
    planned on the scenario's road network, as ``pickup_sample`` in the result. The pickup
    search stops on its solution limit (deterministic); its time limit is only a safety net.
    """
    from scenarios.consolidate import ConsolidateOptions, run_consolidation
    from scenarios.run.invariants import check_not_dearer
    from scenarios.run.kpis import kpis_from_run
    from scenarios.run.road_sections import road_sections

    resolved = resolve_scenario(spec, base)
    comparator = comparator_plan(spec, base)
    hint = None
    if comparator is not None:
        hub_ids = {h.id for h in resolved.inputs.hubs}
        hint = tuple(h for h in comparator[1].open_hubs if h in hub_ids)
    options = ConsolidateOptions(
        season=resolved.season,
        explain=False,
        time_limit_s=time_limit_s,
        hint_open_hubs=hint,
        market_rule=spec.markets.rule,
    )
    run = run_consolidation(resolved.inputs, options, net=resolved.net, net_key=resolved.net_key)
    result = kpis_from_run(run)
    if comparator is not None:
        name, plan = comparator
        result["invariant"] = check_not_dearer(
            run.problem, run.result, plan, baseline=name
        ).as_dict()
    result["road_sections"] = road_sections(spec, (base or base_inputs()).net, resolved.net, run)
    if pickup_sample:
        sample = plan_pickup_sample(resolved)
        result["pickup_sample"] = sample
        result["kpis"]["pickup_sample_lak_per_t"] = float(sample["cost_lak_per_tonne"])
    return result


_COMPARATOR_PLANS: dict[str, tuple[str, ConsolidationResult]] = {}


def comparator_plan(
    spec: ScenarioSpec, base: BaseInputs | None = None
) -> tuple[str, ConsolidationResult] | None:
    """The name and solved plan of the scenario's comparator (``compare_to``), or None.

    Solved once per process and content (a batch worker reuses it for every scenario that
    compares with the same baseline); used as the warm start and for the invariant check.
    """
    from scenarios.consolidate import ConsolidateOptions, content_key, run_consolidation
    from scenarios.spec import load_scenario, scenario_fingerprint

    if spec.compare_to is None or (spec.path and Path(spec.compare_to) == Path(spec.path)):
        return None
    comparator = load_scenario(spec.compare_to)
    base = base or base_inputs()
    key = content_key(
        "comparator", scenario_fingerprint(comparator), _source_hash(base), base.inputs
    )
    if key not in _COMPARATOR_PLANS:
        resolved = resolve_scenario(comparator, base)
        options = ConsolidateOptions(
            season=resolved.season, explain=False, market_rule=comparator.markets.rule
        )
        run = run_consolidation(
            resolved.inputs, options, net=resolved.net, net_key=resolved.net_key
        )
        _COMPARATOR_PLANS[key] = (comparator.name, run.result)
    return _COMPARATOR_PLANS[key]


def plan_pickup_sample(
    resolved: ResolvedScenario,
    *,
    pickups_path: Path | None = None,
    depot: str = "Paksong",
    time_limit_s: float | None = None,
) -> dict[str, Any]:
    """A week of cooperative pickups planned under the scenario's conditions.

    The scenario's roads, prices (diesel, exchange rates) and vehicle cost profiles all reach
    the plan. ``pickups_path`` defaults to the illustrative week in
    ``data/samples/paksong_pickups.csv``; in the wet-season-only mode the week is wet. The
    search is the shared default of ``bolaven plan-pickups`` and the app
    (:func:`scenarios.pickups.default_params`: same engine, iterations and seed), so the
    baseline's figure equals theirs; ``time_limit_s`` overrides only its safety net.
    """
    from scenarios.pickups import SAMPLE_PICKUPS, default_params, plan_pickups, summary

    season = "wet" if resolved.season == "wet" else "dry"
    run = plan_pickups(
        pickups_path or SAMPLE_PICKUPS,
        depot,
        season=season,
        params=default_params()
        if time_limit_s is None
        else default_params(time_limit_s=time_limit_s),
        network=resolved.net,
        rates=resolved.inputs.rates,
        profiles=resolved.inputs.profiles,
    )
    return {"season": season, "depot": depot, **summary(run)}


def run_scenario_json(spec: ScenarioSpec) -> dict[str, Any]:
    """The batch engine: :func:`run_scenario` with the per-process cached default inputs."""
    return run_scenario(spec)
