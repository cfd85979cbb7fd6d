"""Records of the consolidation room: files, options, inputs, the snapped network, the run.

A leaf module: the pipeline, metrics, geometry and outputs modules all import these records,
and none of them is imported here, so no two modules of the room import each other.
Also the World Bank 2018 reference costs the fidelity check compares against.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from networks import RoadNetwork
from optimizer import (
    ConsolidationProblem,
    ConsolidationResult,
    ConversionRatios,
    CostRates,
    Explanation,
    MarketDrop,
    Product,
    VehicleProfile,
)
from scenarios.common import (
    UnknownNameError,
    find_profile,
    load_conversions,
    load_cost_rates,
    load_vehicle_profiles,
)
from scenarios.consolidate import gateways as cg
from scenarios.consolidate import inputs as ci
from scenarios.consolidate.access import VillageTracks
from scenarios.consolidate.forms import (
    CalendarMonth,
    FormShare,
    VillageForms,
    read_calendar,
    read_forms,
    village_forms,
)
from scenarios.consolidate.matrices import LegMatrix
from scenarios.consolidate.params import ConsolidationParams, read_params

#: World Bank (2018) "Transport Costs and Prices in Lao PDR", AUS0000443 (facts §2.1), 2018 LAK:
#: operator cost per t-km (most firms 230-575, average 489) and shipper price per t-km.
WB2018_COST_LAK_PER_TKM = (230.0, 575.0)
WB2018_COST_AVERAGE_LAK_PER_TKM = 489.0
WB2018_PRICE_LAK_PER_TKM = (882.0, 2966.0)
WB2018_COST_USD_PER_TKM = (0.028, 0.07)


@dataclass(frozen=True)
class Metrics:
    """Tonne-km by leg (green t for trunk/onward, collected t for collection), truck-hours,
    litres and CO2 (t) for collection + trunk (the onward leg is priced per km, its fuel is not
    modelled)."""

    tkm_collection: float
    tkm_trunk: float
    tkm_onward: float
    truck_hours: float
    litres: float
    co2_t: float

    @property
    def tkm(self) -> float:
        """All tonne-km, including the onward leg beyond the border."""
        return self.tkm_collection + self.tkm_trunk + self.tkm_onward


@dataclass(frozen=True)
class Fidelity:
    """The model's trunk cost per loaded t-km, today and re-priced at 2018 levels."""

    trunk_lak_per_tkm: float
    trunk_usd_per_tkm: float
    trunk_lak_per_tkm_2018_prices: float

    @property
    def in_world_bank_range(self) -> bool:
        """Whether the trunk cost at 2018 prices lies in WB 2018's LAK 230-575 per t-km."""
        lo, hi = WB2018_COST_LAK_PER_TKM
        return lo <= self.trunk_lak_per_tkm_2018_prices <= hi


SEASON_MODES = ("dry", "wet", "year")
MARKET_RULES = ("fixed", "reroute", "drop")
"""What happens to a market whose corridors are closed or full: ``fixed`` (an error naming
it), ``reroute`` (its volume leaves through the next-cheapest open corridors) or ``drop`` (its
volume is dropped and the lost export value reported)."""


@dataclass(frozen=True)
class ConsolidateFiles:
    """Input files; ``None`` means the default under ``data/``."""

    supply: Path | None = None
    hubs: Path | None = None
    gateways: Path | None = None
    corridors: Path | None = None
    markets: Path | None = None
    calendar: Path | None = None
    params: Path | None = None
    forms: Path | None = None


@dataclass(frozen=True)
class ConsolidateOptions:
    """What to solve: season mode, market rule, closed gateways, explanation, solver limits.

    ``time_limit_s``: optional wall-clock limit (``None``: none; the solve stops on its proven
    gap or its deterministic node limit). ``hint_open_hubs``: warm start from a known plan's
    open hubs (e.g. the baseline's).
    """

    season: str = "year"
    enforce_markets: bool = True
    closed_gateways: tuple[str, ...] = ()
    explain: bool = True
    time_limit_s: float | None = None
    hint_open_hubs: tuple[str, ...] | None = None
    market_rule: str = "reroute"
    lean: bool = False
    """Skip the physical metrics and the fidelity check (a Monte Carlo case reads neither)."""

    def __post_init__(self) -> None:
        if self.season not in SEASON_MODES:
            msg = f"Unknown season {self.season!r}. Choose from: {', '.join(SEASON_MODES)}."
            raise UnknownNameError(msg)
        if self.market_rule not in MARKET_RULES:
            msg = (
                f"Unknown market rule {self.market_rule!r}. Choose from: {', '.join(MARKET_RULES)}."
            )
            raise UnknownNameError(msg)


@dataclass(frozen=True)
class Inputs:
    """Everything read from files, validated."""

    villages: tuple[ci.SupplySite, ...]
    hubs: tuple[ci.HubSite, ...]
    gateways: tuple[cg.GatewaySite, ...]
    corridors: tuple[ci.CorridorSpec, ...]
    markets: tuple[ci.MarketSpec, ...]
    season_split: dict[str, float]
    params: ConsolidationParams
    profiles: tuple[VehicleProfile, ...]
    rates: CostRates
    ratios: ConversionRatios
    forms: tuple[FormShare, ...] = ()
    calendar: tuple[CalendarMonth, ...] = ()
    ocean: tuple[cg.OceanRate, ...] = ()
    border_traffic: dict[str, cg.BorderTraffic] = field(default_factory=dict)
    season_days: dict[str, float] = field(default_factory=lambda: {"dry": 182.5, "wet": 182.5})

    def profile(self, key: str) -> VehicleProfile:
        """The vehicle profile named by parameter ``key`` (e.g. ``trunk_vehicle``)."""
        return find_profile(self.profiles, str(getattr(self.params, key)))


def load_inputs(files: ConsolidateFiles | None = None) -> Inputs:
    """Read and validate all consolidation inputs."""
    files = files or ConsolidateFiles()
    params = read_params(files.params)
    gateways = ci.read_gateways(files.gateways)
    return Inputs(
        villages=ci.read_supply(files.supply),
        hubs=ci.read_hubs(files.hubs),
        gateways=gateways,
        corridors=ci.read_corridors(gateways, files.corridors),
        markets=ci.read_markets(files.markets),
        season_split=ci.read_season_split(params.arabica_share, files.calendar),
        params=params,
        profiles=load_vehicle_profiles(),
        rates=load_cost_rates(),
        ratios=load_conversions(),
        forms=read_forms(files.forms),
        calendar=read_calendar(files.calendar),
        ocean=cg.read_ocean_freight(),
        border_traffic=cg.load_border_traffic(),
        season_days=ci.read_season_days(files.calendar),
    )


@dataclass(frozen=True)
class SnappedNetwork:
    """The network with every village, hub and gateway snapped to it, and their nodes."""

    net: RoadNetwork
    village_nodes: list[int]
    hub_nodes: list[int]
    gateway_nodes: list[int]
    coords: dict[str, tuple[float, float]]  # id -> (lon, lat)


@dataclass(frozen=True)
class ConsolidationRun:
    """A solved, verified consolidation with its explanation, metrics and fidelity check."""

    season: str
    inputs: Inputs
    problem: ConsolidationProblem
    result: ConsolidationResult
    explanation: Explanation | None
    metrics: Metrics | None  # None when solved with ``ConsolidateOptions(lean=True)``
    fidelity: Fidelity | None
    shifted_to_dry: tuple[str, ...]
    network: SnappedNetwork
    collection: dict[str, LegMatrix] = field(repr=False)
    trunk: dict[str, LegMatrix] = field(repr=False)
    tracks: VillageTracks | None = field(default=None, repr=False)
    dropped: tuple[MarketDrop, ...] = ()
    market_rule: str = "reroute"

    def checked(self) -> tuple[Metrics, Fidelity]:
        """The metrics and fidelity check; a lean run (see :class:`ConsolidateOptions`) has none."""
        if self.metrics is None or self.fidelity is None:
            msg = "Expected a run solved with lean=False; got a lean run without metrics."
            raise ValueError(msg)
        return self.metrics, self.fidelity


def forms_of(inputs: Inputs) -> VillageForms:
    """Each village's season shares and green kg per kg carried (its forms)."""
    return village_forms(
        [v.district for v in inputs.villages],
        [v.collected_state for v in inputs.villages],
        forms=inputs.forms,
        calendar=inputs.calendar,
        arabica_share=inputs.params.arabica_share,
        ratios=inputs.ratios,
    )


def green_ratios(inputs: Inputs, period: str = "year") -> np.ndarray[Any, np.dtype[np.float64]]:
    """Green kg per kg collected, per village, in a season (``year``: over the whole year)."""
    if not inputs.forms or not inputs.calendar:  # records built without the forms tables
        return np.array([inputs.ratios.ratio(Product(v.collected_state)) for v in inputs.villages])
    return forms_of(inputs).green_per_kg[period]
