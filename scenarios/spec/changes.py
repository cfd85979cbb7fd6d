"""The change tables of a scenario file: roads, links, closures, borders, prices, fleet, hubs.

Each table is a strict pydantic model (unknown keys are errors) that validates its values;
every table accepts ``source`` (where the figures come from) and ``estimate`` (true when a
figure is not sourced). :mod:`scenarios.spec.schema` assembles them into a ``ScenarioSpec``.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "Appraisal",
    "BorderChange",
    "Closure",
    "CostChange",
    "DemandChange",
    "EdgeSelector",
    "FleetChange",
    "HubChanges",
    "MarketChange",
    "MarketRule",
    "NewHub",
    "NewLink",
    "RoadUpgrade",
    "SeasonName",
    "SourcedTable",
    "StrictTable",
    "Surface",
    "VehicleClassName",
]

Surface = Literal["paved", "gravel", "earth"]
SeasonName = Literal["dry", "wet"]
#: Sanity bounds (not estimates): beyond them a figure is a typo. Prices: today's diesel is
#: ~20,000 LAK/L and the kip ~21,000/USD (data/cost_rates.toml); the bounds leave ample room.
MAX_MONEY = 1e12
VehicleClassName = Literal["pickup_4x4", "medium_truck", "heavy_truck"]


class StrictTable(BaseModel):
    """A frozen table that rejects unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class SourcedTable(StrictTable):
    """A table that says where its figures come from and whether they are estimates."""

    source: str | None = Field(default=None, description="Where the figures come from.")
    estimate: bool = Field(default=False, description="True when the figures are not sourced.")
    range_: dict[str, Any] | None = Field(
        default=None,
        alias="range",
        description="Ranges of the figures: {low, high} per key, dist, range_source "
        "(validated by scenarios.common.ranges).",
    )
    range_source: str | None = Field(default=None, description="Why the range (or why none).")


class EdgeSelector(SourcedTable):
    """Which roads a change applies to; combine keys to narrow the selection."""

    ref: str | None = Field(default=None, description="Route reference, e.g. '16' or '20'.")
    between: tuple[str, str] | None = Field(default=None, description="Section between two places.")
    osm_ids: tuple[int, ...] | None = Field(default=None, description="OSM way ids.")
    bbox: tuple[float, float, float, float] | None = Field(
        None, description="min_lon, min_lat, max_lon, max_lat (WGS84)."
    )

    @model_validator(mode="after")
    def _needs_a_selector(self) -> EdgeSelector:
        if self.between is not None and self.ref is None:
            msg = "'between' selects a section of a route: expected 'ref' as well"
            raise ValueError(msg)
        if self.ref is None and self.osm_ids is None and self.bbox is None:
            msg = "expected at least one of ref, osm_ids, bbox to select roads; got none"
            raise ValueError(msg)
        if self.bbox is not None:
            min_lon, min_lat, max_lon, max_lat = self.bbox
            if not (min_lon < max_lon and min_lat < max_lat):
                msg = f"bbox: expected min_lon < max_lon and min_lat < max_lat; got {self.bbox}"
                raise ValueError(msg)
        return self


class RoadUpgrade(EdgeSelector):
    """A road works on the selected roads: new surface, roughness, speeds, wet passability."""

    surface: Surface | None = None
    iri_m_per_km: float | None = Field(default=None, gt=0, le=30)
    speed_factor: float | None = Field(default=None, gt=0, le=5)
    wet_passable: bool | None = None


class Closure(EdgeSelector):
    """Roads closed, in the listed seasons (both by default)."""

    seasons: tuple[SeasonName, ...] = ("dry", "wet")


class NewLink(SourcedTable):
    """A new road between two places (names or 'lat,lon')."""

    from_place: str
    to_place: str
    surface: Surface = "paved"
    ref: str | None = None
    circuity: float = Field(default=1.2, ge=1.0, le=3.0)


class BorderChange(SourcedTable):
    """Changes at one border gateway (keyed by the gateway id in data/gateways.csv).

    ``wait_h`` replaces the post's clearance time; ``capacity_trucks_per_day`` its capacity
    (all goods, both directions); ``other_trucks_per_day`` the other traffic sharing it (in
    the queue model's year); ``transload`` moves coffee from the Lao truck to a Thai or
    Vietnamese one there, at the post's transloading cost and time.
    """

    fee_lak: float | None = Field(default=None, ge=0, le=MAX_MONEY)
    wait_h: float | None = Field(default=None, ge=0, le=24 * 30)
    opening_hours: str | None = Field(default=None, pattern=r"^\d{2}:\d{2}-\d{2}:\d{2}$")
    closed: bool | None = None
    capacity_trucks_per_day: float | None = Field(default=None, gt=0, le=100_000)
    other_trucks_per_day: float | None = Field(default=None, ge=0, le=100_000)
    transload: bool | None = None


MarketRule = Literal["fixed", "reroute", "drop"]


class MarketChange(SourcedTable):
    """What happens to a market whose border posts are closed or full.

    ``reroute`` (the default): its volume leaves through the next-cheapest open corridors;
    ``drop``: the volume its posts cannot take is dropped and the lost export value reported;
    ``fixed``: market shares are kept exactly and such a scenario is reported infeasible.
    """

    rule: MarketRule = "reroute"


class CostChange(SourcedTable):
    """Prices: diesel and exchange rates (absolute values or factors on the defaults)."""

    diesel_lak_per_l: float | None = Field(default=None, ge=100, le=1_000_000)
    diesel_factor: float | None = Field(default=None, gt=0, le=100)
    lak_per_usd: float | None = Field(default=None, ge=100, le=10_000_000)
    lak_per_thb: float | None = Field(default=None, ge=1, le=1_000_000)


class FleetChange(SourcedTable):
    """Which vehicles haul: vehicle types (names in data/vehicles.csv) and allowed classes."""

    allowed: tuple[VehicleClassName, ...] | None = None
    collection_vehicle_dry: str | None = None
    collection_vehicle_wet: str | None = None
    trunk_vehicle: str | None = None


class DemandChange(SourcedTable):
    """Volume of coffee: a factor on today's supply and a yearly growth rate for appraisal."""

    volume_factor: float = Field(default=1.0, gt=0, le=1000)
    growth_per_year: float = Field(default=0.0, ge=-0.5, le=0.5)


class NewHub(SourcedTable):
    """A candidate consolidation hub or dry port."""

    name: str
    place: str | None = Field(default=None, description="Place name; else lat/lon.")
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    capacity_t: float = Field(gt=0, le=1e8)
    fixed_cost_usd_per_yr: float = Field(default=0.0, ge=0, le=MAX_MONEY)
    handling_usd_per_t: float = Field(default=0.0, ge=0, le=1e5)
    force_open: bool = False

    @model_validator(mode="after")
    def _needs_a_location(self) -> NewHub:
        if self.place is None and (self.lat is None or self.lon is None):
            msg = f"hub {self.name!r}: expected 'place' or both 'lat' and 'lon'"
            raise ValueError(msg)
        return self


class HubChanges(SourcedTable):
    """Hubs added, removed, forced open, or with a new yearly fixed cost (hub ids of hubs.csv)."""

    add: tuple[NewHub, ...] = ()
    remove: tuple[str, ...] = ()
    force_open: tuple[str, ...] = ()
    fixed_cost_usd_per_yr: dict[str, float] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _non_negative_costs(self) -> HubChanges:
        for hub, cost in self.fixed_cost_usd_per_yr.items():
            if not 0 <= cost <= MAX_MONEY:
                msg = (
                    f"fixed_cost_usd_per_yr.{hub}: expected a cost from 0 to {MAX_MONEY:g}; "
                    f"got {cost}"
                )
                raise ValueError(msg)
        return self


class Appraisal(SourcedTable):
    """Cost-benefit appraisal inputs: what the intervention costs and over which horizon."""

    capital_cost_usd: float = Field(default=0.0, ge=0, le=MAX_MONEY)
    maintenance_usd_per_year: float = Field(default=0.0, ge=0, le=MAX_MONEY)
    construction_years: int = Field(default=1, ge=1, le=20)
    horizon_years: int = Field(default=20, ge=2, le=60)
    discount_rate: float = Field(default=0.12, gt=-0.5, lt=1.0)

    @model_validator(mode="after")
    def _horizon_after_construction(self) -> Appraisal:
        if self.horizon_years <= self.construction_years:
            msg = (
                f"expected horizon_years > construction_years; got {self.horizon_years} "
                f"<= {self.construction_years}"
            )
            raise ValueError(msg)
        return self
