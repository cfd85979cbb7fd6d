"""Which ranged inputs the Monte Carlo draws, and the Latin-hypercube draws themselves.

A *dimension* is one uncertain quantity of the analysis. Ranges that share one rule (the same
file, column, distribution and relative span: e.g. the fixed cost of all candidate hubs, all
set by one placeholder judgement) form one dimension and are drawn together, at the same
quantile of their own ranges: one judgement, one error. All class speeds (one rule, -20 %/+15 %
on every surface, season and vehicle) are one dimension. Every other range is its own dimension.

Drawn: every range of ``data/`` except those listed in :data:`HELD` (each with the reason it
cannot be drawn), and the ranges of the scenario files being run (``library`` stems). Prices,
costs, capacities, waits, fees and distances re-price cached matrices; speeds, roughness and
connector circuity re-weight the edges of the cached located network
(:mod:`scenarios.uncertainty.network`); a scenario file's own ranges re-write that scenario.

The draws are a Latin hypercube (``scipy.stats.qmc.LatinHypercube`` seeded with ``seed``)
mapped through each range's distribution; every scenario is solved at the SAME draws (common
random numbers), so a scenario and its baseline are compared draw by draw.
"""

from __future__ import annotations

import fnmatch
import math
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import stats
from scipy.stats import qmc

from scenarios.common import ParamRange

__all__ = [
    "HELD",
    "Dimension",
    "dimensions",
    "held_central",
    "held_reason",
    "latin_hypercube",
    "ppf",
]

_RELOCATES = (
    "how far a site may lie from a road to be snapped to it: another value snaps sites anew "
    "(a new located network, not a re-weighting of its edges)"
)

#: key pattern (fnmatch) -> why the Monte Carlo holds these ranges at their central values
HELD: dict[str, str] = {
    "harvest_calendar.*": (
        "monthly harvest shares must sum to 1 per crop: one month drawn alone would break the "
        "sum, and a joint (Dirichlet) draw of the calendar is not implemented"
    ),
    "appraisal_params.*": (
        "enters only the all-traffic road appraisal (traffic other than coffee), which the "
        "Monte Carlo does not summarise; landed cost, saving and the coffee NPV do not use it"
    ),
    "consolidation_params.wb2018_*": "the 2018 World Bank calibration check, not a model input",
    "consolidation_params.supply_max_connector_m": _RELOCATES,
    "network_defaults.connector.max_connector_m": _RELOCATES,
    "network_defaults.connector.short_connector_m": (
        "which connectors are gravel streets rather than earth tracks: set when sites are "
        "snapped (surface and wet-season passability of each connector), not a re-weighting"
    ),
    "network_defaults.connector_access.*": (
        "which village tracks each vehicle class may use: set when sites are located (the "
        "access rule of each connector), not a re-weighting of edges; drawing it would need the "
        "rule re-applied to the located network, not implemented"
    ),
    "coffee_forms.*": (
        "the shares of the forms of one species sum to 1 (a joint draw is not implemented, as "
        "for the harvest calendar), and the drying days move volume between collection months "
        "with them"
    ),
    "pickup_rules.*": (
        "an input of the pickup planner (cherry freshness, collection-point legs), not of the "
        "consolidation model the Monte Carlo re-solves"
    ),
    "hire_tariffs.*": (
        "an input of the pickup planner (trucks for hire), not of the consolidation model the "
        "Monte Carlo re-solves"
    ),
    "network_defaults.repair.join_tolerance_m": (
        "a repair rule of the OSM build: drawing it would rebuild the graph from OSM, which "
        "the Monte Carlo never does"
    ),
}
_SPEEDS = "network_defaults.speed_kph."


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
            return f"{self.name} (x{m.low / m.value:.3g}-x{m.high / m.value:.3g} of each)"
        return self.name


def _column(r: ParamRange) -> str:
    return "speed_kph" if r.key.startswith(_SPEEDS) else r.key.rpartition(".")[2]


def held_reason(r: ParamRange) -> str | None:
    """Why the Monte Carlo holds ``r`` at its central value (None when it is drawn)."""
    return next((why for pattern, why in HELD.items() if fnmatch.fnmatch(r.key, pattern)), None)


def _is_sampled(r: ParamRange, library: Collection[str]) -> bool:
    if r.high <= r.low or held_reason(r) is not None:
        return False
    if r.key.startswith("library."):
        return r.key.split(".")[1] in library
    return True


def held_central(ranges: Sequence[ParamRange]) -> tuple[tuple[ParamRange, str], ...]:
    """The ranges of ``data/`` the Monte Carlo holds at their central values, with the reason."""
    out = []
    for r in ranges:
        why = held_reason(r)
        if why is not None and r.high > r.low:
            out.append((r, why))
    return tuple(out)


def _stem_and_middle(r: ParamRange) -> tuple[str, str]:
    """``("hubs", "paksong")`` for ``hubs.paksong.capacity_t``; library keys keep their stem."""
    parts = r.key.split(".")
    n = 2 if parts[0] == "library" else 1
    column = _column(r)
    tail = 1 if column == parts[-1] else 4  # the speed rule spans surface.season.vehicle
    return ".".join(parts[:n]), ".".join(parts[n:-tail]) if len(parts) > n + tail else ""


def dimensions(
    ranges: Sequence[ParamRange], *, library: Collection[str] = ()
) -> tuple[Dimension, ...]:
    """The drawn dimensions, sorted by name (the order fixes which LHS column each one gets).

    ``library``: the stems of the scenario files whose own ranges are drawn (those being run).
    """
    groups: dict[tuple[str, str, float, float, str], list[ParamRange]] = defaultdict(list)
    for r in ranges:
        if _is_sampled(r, library):
            span = (round(r.low / r.value, 2), round(r.high / r.value, 2)) if r.value else (0, 0)
            stem = _stem_and_middle(r)[0]
            groups[r.file, stem + "|" + _column(r), *span, r.dist].append(r)
    out = []
    for (_, rule, *_), members in groups.items():
        stem, column = rule.split("|")
        if len(members) == 1:
            name = members[0].key
        else:
            ids = sorted({_stem_and_middle(m)[1] for m in members})
            peers = [r for r in ranges if r.file == members[0].file and _column(r) == column]
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
