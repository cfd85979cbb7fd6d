"""Which ranged inputs the Monte Carlo draws, and the Latin-hypercube draws themselves.

A *dimension* is one uncertain quantity of the analysis. Ranges that share one rule (the same
file, column, distribution and relative span: e.g. the fixed cost of all candidate hubs, all
set by one placeholder judgement) form one dimension and are drawn together, at the same
quantile of their own ranges: one judgement, one error. Every other range is its own dimension.

Drawn: prices, costs, capacities, waits, fees and distances that the consolidation inputs
carry (:data:`SAMPLED_FILES`). Held at their central values (listed by
:func:`held_central`): ranges that change the road network itself (speeds, roughness,
connectors), the harvest calendar (its shares must sum to 1), the 2018 calibration check, and
the scenario files' own ranges.

The draws are a Latin hypercube (``scipy.stats.qmc.LatinHypercube`` seeded with ``seed``)
mapped through each range's distribution; every scenario is solved at the SAME draws (common
random numbers), so a scenario and its baseline are compared draw by draw.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import stats
from scipy.stats import qmc

from scenarios.common import ParamRange

__all__ = [
    "SAMPLED_FILES",
    "Dimension",
    "dimensions",
    "held_central",
    "latin_hypercube",
    "ppf",
]

#: file -> columns drawn (the rest of the file's ranges are held central)
SAMPLED_FILES: dict[str, tuple[str, ...]] = {
    "cost_rates.toml": (
        "diesel_lak_per_l",
        "lak_per_usd",
        "lak_per_thb",
        "crew_wage_lak_per_hour",
        "loading_s_per_stop",
        "loading_s_per_tonne",
        "iri_cap_m_per_km",
    ),
    "consolidation_params.toml": (
        "collection_empty_return",
        "trunk_empty_return",
        "truck_hours_per_day",
    ),
    "vehicles.csv": (
        "fuel_l_per_km",
        "maintenance_usd_per_km",
        "tyres_usd_per_km",
        "fixed_usd_per_day",
        "crew",
    ),
    "hubs.csv": ("capacity_t", "fixed_cost_usd_per_yr", "handling_usd_per_t"),
    "gateways.csv": ("clearance_h", "fee_usd_per_truck", "onward_usd_per_km"),
    "corridors.csv": ("road_km",),
    "supply_villages.csv": ("green_t",),
}


@dataclass(frozen=True, slots=True)
class Dimension:
    """One drawn quantity: its name and the ranges drawn together at one quantile."""

    name: str
    members: tuple[ParamRange, ...]

    def values(self, u: float) -> dict[str, float]:
        """Every member's value at quantile ``u`` of its own range."""
        return {m.key: ppf(m, u) for m in self.members}

    def at(self, bound: str) -> dict[str, float]:
        """Every member at its ``low`` or ``high`` bound (for the one-at-a-time tornado)."""
        return {m.key: float(getattr(m, bound)) for m in self.members}

    @property
    def label(self) -> str:
        """The name with the span of its first member, e.g. ``hubs.*.capacity_t (x0.5-x1.5)``."""
        m = self.members[0]
        if len(self.members) == 1:
            return f"{self.name} ({m.low:g}-{m.high:g}, central {m.value:g})"
        if m.value:
            return f"{self.name} (x{m.low / m.value:.2g}-x{m.high / m.value:.2g} of each)"
        return self.name


def _column(r: ParamRange) -> str:
    return r.key.rpartition(".")[2]


def _is_sampled(r: ParamRange) -> bool:
    return _column(r) in SAMPLED_FILES.get(r.file, ()) and r.high > r.low


def held_central(ranges: Sequence[ParamRange]) -> tuple[ParamRange, ...]:
    """The ranges that the Monte Carlo holds at their central values (see module doc)."""
    return tuple(r for r in ranges if not _is_sampled(r) and r.high > r.low)


def dimensions(ranges: Sequence[ParamRange]) -> tuple[Dimension, ...]:
    """The drawn dimensions, sorted by name (the order fixes which LHS column each one gets)."""
    groups: dict[tuple[str, str, float, float, str], list[ParamRange]] = defaultdict(list)
    for r in ranges:
        if _is_sampled(r) and not r.key.startswith("library."):
            span = (round(r.low / r.value, 2), round(r.high / r.value, 2)) if r.value else (0, 0)
            groups[r.file, _column(r), *span, r.dist].append(r)
    out = []
    for (file, column, *_), members in groups.items():
        stem = file.rsplit(".", 1)[0]
        if len(members) == 1:
            name = members[0].key
        else:
            ids = sorted({m.key.split(".")[1] for m in members})
            peers = [r for r in ranges if r.file == file and _column(r) == column]
            every = len(members) == len(peers)
            name = f"{stem}.*.{column}" if every else f"{stem}.{'+'.join(ids)}.{column}"
        out.append(Dimension(name, tuple(members)))
    return tuple(sorted(out, key=lambda d: d.name))


def ppf(r: ParamRange, u: float) -> float:
    """The value of range ``r`` at quantile ``u`` (0..1) of its distribution within its bounds.

    ``uniform`` on [low, high]; ``triangular`` with its mode at the central value;
    ``lognormal`` with its median at the central value and sigma = ln(high/low) / 3.29 (so that
    untruncated, [low, high] would be about its 5-95 % interval), truncated to [low, high].
    """
    if r.high <= r.low:
        return r.value
    u = min(max(u, 0.0), 1.0)
    if r.dist == "uniform":
        return r.low + u * (r.high - r.low)
    if r.dist == "triangular":
        c = (r.value - r.low) / (r.high - r.low)
        return float(stats.triang.ppf(u, c, loc=r.low, scale=r.high - r.low))
    mu, sigma = math.log(r.value), math.log(r.high / r.low) / (2 * 1.645)
    lo = stats.norm.cdf((math.log(r.low) - mu) / sigma)
    hi = stats.norm.cdf((math.log(r.high) - mu) / sigma)
    x = math.exp(mu + sigma * float(stats.norm.ppf(lo + u * (hi - lo))))
    return min(max(x, r.low), r.high)


def latin_hypercube(n_dims: int, draws: int, seed: int) -> NDArray[np.float64]:
    """``draws`` x ``n_dims`` quantiles in (0, 1), one stratum per draw in every dimension."""
    if draws < 1:
        msg = f"Expected draws >= 1; got {draws}."
        raise ValueError(msg)
    sampler = qmc.LatinHypercube(d=max(n_dims, 1), rng=np.random.default_rng(seed))
    return np.asarray(sampler.random(draws)[:, :n_dims], dtype=np.float64)
