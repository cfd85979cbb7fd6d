"""Vehicle operating costs: fuel, repair and maintenance, tyres, crew time, fixed cost per day.

The model follows the structure of HDM-style road-user-cost relations: a per-kilometre cost at
good roughness (IRI 2 m/km) for each vehicle type, scaled up with road roughness by the factors
reported in NCHRP Report 720 (Chatti & Zaabar 2012; see docs/lao-coffee-facts.md §2.6):

- fuel: +``fuel_pct_per_iri`` % per m/km of IRI above 2 (heavy trucks +2 % at 56 km/h);
- repair and maintenance: no effect up to IRI 3, +10 % at IRI 4, +50 % at IRI 5 (heavy trucks);
- tyres: +``tyre_pct_per_iri`` % per m/km of IRI above 2.

The source only covers IRI up to about 6, so roughness is capped at ``CostRates.iri_cap_m_per_km``
before any factor is applied (Lao gravel roads reach IRI 10-20; their extra cost beyond the cap
is not modelled, which understates the cost of rough roads rather than inventing a figure).

Money is in Lao kip (LAK). Imported items (parts, tyres, the truck itself) are given in US$ in
the data and converted at ``CostRates.lak_per_usd``. Every function here is pure and vectorised:
``iri`` may be a scalar or a NumPy array. The defaults live in ``data/vehicles.csv`` and
``data/cost_rates.toml`` and are read by :mod:`scenarios.common.costing`; this module never
reads files.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

#: kg CO2e per litre of mineral diesel, tank-to-wheel (UK DEFRA GHG conversion factors 2024).
CO2_KG_PER_L_DIESEL = 2.66

#: Roughness of a good paved road, m/km (World Bank Infrastructure Note RT-1, 1999).
IRI_GOOD_PAVED_M_PER_KM = 2.0

#: Repair-and-maintenance multiplier by IRI for heavy trucks (NCHRP 720): flat to IRI 3,
#: +10 % at IRI 4, +50 % at IRI 5; linear in between, held constant beyond the last point.
_RM_IRI_POINTS = (0.0, 3.0, 4.0, 5.0)
_RM_FACTORS = (1.0, 1.0, 1.10, 1.50)


class Product(StrEnum):
    """The form in which coffee is picked up."""

    CHERRY = "cherry"
    DRY_CHERRY = "dry_cherry"
    PARCHMENT = "parchment"
    GREEN = "green"


def _require(condition: bool, msg: str) -> None:
    if not condition:
        raise ValueError(msg)


def _finite_nonneg(name: str, value: float, owner: str) -> None:
    ok = isinstance(value, int | float) and math.isfinite(value) and value >= 0
    _require(ok, f"{owner}: expected {name} to be a finite number >= 0; got {value!r}.")


@dataclass(frozen=True, slots=True)
class VehicleProfile:
    """A class of truck: what it carries, which road class it drives as and what it costs.

    Parameters
    ----------
    name
        Fleet type name, e.g. ``"10-wheel"``.
    network_class
        Road-network vehicle class it drives as (``pickup_4x4``, ``medium_truck``,
        ``heavy_truck``), which decides speeds and seasonal passability.
    capacity_kg
        Payload in kilograms.
    fuel_l_per_km
        Diesel use on a good paved road (IRI 2), litres per kilometre.
    maintenance_usd_per_km, tyres_usd_per_km
        Repair-and-maintenance and tyre cost on a good paved road, US$ per kilometre.
    fixed_usd_per_day
        Depreciation, interest, insurance and licences per vehicle-day used, US$.
    crew
        People paid per hour on the truck (driver plus helpers).
    """

    name: str
    network_class: str
    capacity_kg: int
    fuel_l_per_km: float
    maintenance_usd_per_km: float
    tyres_usd_per_km: float
    fixed_usd_per_day: float
    crew: int = 1

    def __post_init__(self) -> None:
        owner = f"vehicle type {self.name!r}"
        _require(bool(self.name.strip()), "Expected a non-empty vehicle type name; got ''.")
        _require(
            bool(self.network_class.strip()),
            f"{owner}: expected a network class; got {self.network_class!r}.",
        )
        _require(
            isinstance(self.capacity_kg, int) and self.capacity_kg > 0,
            f"{owner}: expected capacity_kg to be an integer > 0; got {self.capacity_kg!r}.",
        )
        for field in ("fuel_l_per_km", "maintenance_usd_per_km", "tyres_usd_per_km"):
            _finite_nonneg(field, getattr(self, field), owner)
        _finite_nonneg("fixed_usd_per_day", self.fixed_usd_per_day, owner)
        _require(
            isinstance(self.crew, int) and self.crew >= 1,
            f"{owner}: expected crew to be an integer >= 1; got {self.crew!r}.",
        )


@dataclass(frozen=True, slots=True)
class CostRates:
    """Prices and factors shared by all vehicle types.

    Parameters
    ----------
    diesel_lak_per_l
        Retail diesel price, kip per litre.
    lak_per_usd, lak_per_thb
        Exchange rates, kip per US dollar and per Thai baht.
    crew_wage_lak_per_hour
        Cost of one crew member per paid hour, kip.
    loading_s_per_stop, loading_s_per_tonne
        Handling time at a pickup: a fixed part per stop plus a part per tonne loaded.
    fuel_pct_per_iri, tyre_pct_per_iri
        Percent increase of fuel use and tyre wear per m/km of IRI above 2.
    iri_cap_m_per_km
        Roughness beyond which the (US, low-IRI) relations are not extrapolated.
    co2_kg_per_l
        Tank-to-wheel emission factor of diesel.
    """

    diesel_lak_per_l: float
    lak_per_usd: float
    lak_per_thb: float
    crew_wage_lak_per_hour: float
    loading_s_per_stop: float
    loading_s_per_tonne: float
    fuel_pct_per_iri: float = 2.0
    tyre_pct_per_iri: float = 1.0
    iri_cap_m_per_km: float = 6.0
    co2_kg_per_l: float = CO2_KG_PER_L_DIESEL

    def __post_init__(self) -> None:
        for field in (
            "diesel_lak_per_l",
            "lak_per_usd",
            "lak_per_thb",
            "crew_wage_lak_per_hour",
            "loading_s_per_stop",
            "loading_s_per_tonne",
            "fuel_pct_per_iri",
            "tyre_pct_per_iri",
            "co2_kg_per_l",
        ):
            _finite_nonneg(field, getattr(self, field), "cost rates")
        _require(
            self.lak_per_usd > 0 and self.lak_per_thb > 0,
            "cost rates: expected exchange rates > 0; "
            f"got lak_per_usd={self.lak_per_usd}, lak_per_thb={self.lak_per_thb}.",
        )
        _require(
            math.isfinite(self.iri_cap_m_per_km)
            and self.iri_cap_m_per_km >= IRI_GOOD_PAVED_M_PER_KM,
            f"cost rates: expected iri_cap_m_per_km >= {IRI_GOOD_PAVED_M_PER_KM}; "
            f"got {self.iri_cap_m_per_km}.",
        )


@dataclass(frozen=True, slots=True)
class ConversionRatios:
    """Kilograms of green coffee per kilogram of each product form."""

    green_kg_per_kg: tuple[tuple[Product, float], ...]

    def __post_init__(self) -> None:
        seen = {p for p, _ in self.green_kg_per_kg}
        missing = sorted(set(Product) - seen)
        _require(not missing, f"conversion ratios: missing products {missing}.")
        for product, ratio in self.green_kg_per_kg:
            _require(
                math.isfinite(ratio) and 0 < ratio <= 1,
                f"conversion ratio for {product}: expected 0 < ratio <= 1; got {ratio}.",
            )

    def ratio(self, product: Product) -> float:
        """Kilograms of green coffee in one kilogram of ``product``."""
        return dict(self.green_kg_per_kg)[Product(product)]


def _clip_iri(iri: npt.ArrayLike, rates: CostRates) -> FloatArray:
    arr = np.asarray(iri, dtype=np.float64)
    if np.any(~np.isfinite(arr)) or np.any(arr < 0):
        msg = "Expected iri_m_per_km to be finite and >= 0; got a negative or non-finite value."
        raise ValueError(msg)
    return np.clip(arr, 0.0, rates.iri_cap_m_per_km)


def roughness_factors(
    iri_m_per_km: npt.ArrayLike, rates: CostRates
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Multipliers on fuel, repair-and-maintenance and tyre cost relative to IRI 2.

    Roughness below 2 m/km gives no saving (factor 1); above ``rates.iri_cap_m_per_km`` the
    factors are held at their value at the cap.
    """
    iri = _clip_iri(iri_m_per_km, rates)
    excess = np.maximum(iri - IRI_GOOD_PAVED_M_PER_KM, 0.0)
    fuel = 1.0 + rates.fuel_pct_per_iri / 100.0 * excess
    tyres = 1.0 + rates.tyre_pct_per_iri / 100.0 * excess
    rm = np.interp(iri, _RM_IRI_POINTS, _RM_FACTORS)
    return fuel, rm, tyres


def litres_per_km(
    profile: VehicleProfile, iri_m_per_km: npt.ArrayLike, rates: CostRates
) -> FloatArray:
    """Diesel use in litres per kilometre at the given roughness."""
    fuel, _, _ = roughness_factors(iri_m_per_km, rates)
    return profile.fuel_l_per_km * fuel


def cost_per_km_lak(
    profile: VehicleProfile, iri_m_per_km: npt.ArrayLike, rates: CostRates
) -> FloatArray:
    """Distance-dependent cost (fuel, repair and maintenance, tyres) in kip per kilometre."""
    fuel, rm, tyres = roughness_factors(iri_m_per_km, rates)
    fuel_lak = profile.fuel_l_per_km * fuel * rates.diesel_lak_per_l
    rm_lak = profile.maintenance_usd_per_km * rm * rates.lak_per_usd
    tyre_lak = profile.tyres_usd_per_km * tyres * rates.lak_per_usd
    return np.asarray(fuel_lak + rm_lak + tyre_lak, dtype=np.float64)


def cost_per_hour_lak(profile: VehicleProfile, rates: CostRates) -> float:
    """Time-dependent cost (crew wages) in kip per hour of route duration."""
    return float(profile.crew * rates.crew_wage_lak_per_hour)


def fixed_cost_lak(profile: VehicleProfile, rates: CostRates) -> float:
    """Fixed cost of using the vehicle for one day, kip."""
    return float(profile.fixed_usd_per_day * rates.lak_per_usd)


def edge_cost_lak(
    profile: VehicleProfile,
    rates: CostRates,
    length_m: npt.ArrayLike,
    duration_s: npt.ArrayLike,
    iri_m_per_km: npt.ArrayLike,
) -> FloatArray:
    """Cost in kip of driving road segments: per-km cost at their roughness plus crew time."""
    km = np.asarray(length_m, dtype=np.float64) / 1000.0
    hours = np.asarray(duration_s, dtype=np.float64) / 3600.0
    per_km = cost_per_km_lak(profile, iri_m_per_km, rates)
    return np.asarray(km * per_km + hours * cost_per_hour_lak(profile, rates), dtype=np.float64)


def co2_kg(litres: npt.ArrayLike, *, kg_per_l: float = CO2_KG_PER_L_DIESEL) -> FloatArray:
    """CO2e in kg (tank-to-wheel) from litres of diesel burned."""
    return np.asarray(litres, dtype=np.float64) * kg_per_l


def loading_time_s(weight_kg: npt.ArrayLike, rates: CostRates) -> FloatArray:
    """Handling time at one pickup of ``weight_kg``: per-stop time plus per-tonne time."""
    tonnes = np.asarray(weight_kg, dtype=np.float64) / 1000.0
    return np.asarray(rates.loading_s_per_stop + tonnes * rates.loading_s_per_tonne)


def lak_to_usd(cost_lak: npt.ArrayLike, rates: CostRates) -> FloatArray:
    """Convert kip to US dollars at ``rates.lak_per_usd``."""
    return np.asarray(cost_lak, dtype=np.float64) / rates.lak_per_usd


def lak_to_thb(cost_lak: npt.ArrayLike, rates: CostRates) -> FloatArray:
    """Convert kip to Thai baht at ``rates.lak_per_thb``."""
    return np.asarray(cost_lak, dtype=np.float64) / rates.lak_per_thb


def to_green_kg(weight_kg: npt.ArrayLike, product: Product, ratios: ConversionRatios) -> FloatArray:
    """Green-coffee equivalent of ``weight_kg`` of ``product``."""
    return np.asarray(weight_kg, dtype=np.float64) * ratios.ratio(product)
