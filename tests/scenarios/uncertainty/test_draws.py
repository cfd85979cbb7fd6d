"""Latin-hypercube draws, distributions within their bounds, grouped dimensions."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from scenarios.common.ranges import ParamRange
from scenarios.uncertainty.catalogue import all_ranges
from scenarios.uncertainty.draws import dimensions, held_central, latin_hypercube, ppf


def _range(dist: str, low: float = 2.0, value: float = 4.0, high: float = 8.0) -> ParamRange:
    return ParamRange("f.k", "f.toml", value, low, high, dist, "why", "src", True)


@pytest.mark.parametrize("dist", ["uniform", "triangular", "lognormal"])
def test_ppf_spans_the_bounds_monotonically(dist: str) -> None:
    """Quantile 0 gives low, 1 gives high, and values rise with the quantile."""
    r = _range(dist)
    values = [ppf(r, u) for u in np.linspace(0, 1, 21)]
    assert values[0] == pytest.approx(2.0)
    assert values[-1] == pytest.approx(8.0)
    assert all(a <= b for a, b in itertools.pairwise(values))


def test_central_value_is_the_mode_or_median() -> None:
    """Triangular: P(x <= mode) = (mode-low)/(high-low); lognormal: median at the value."""
    assert ppf(_range("triangular"), 2 / 6) == pytest.approx(4.0)
    assert ppf(_range("lognormal"), 0.5) == pytest.approx(4.0)  # symmetric in log: 2, 4, 8
    assert ppf(_range("uniform"), 0.5) == pytest.approx(5.0)


def test_latin_hypercube_has_one_draw_per_stratum_and_repeats_with_its_seed() -> None:
    """Each column has exactly one of n draws in each 1/n stratum; same seed, same draws."""
    u = latin_hypercube(3, 10, seed=7)
    for column in u.T:
        assert sorted(np.floor(column * 10).astype(int)) == list(range(10))
    assert np.array_equal(u, latin_hypercube(3, 10, seed=7))
    assert not np.array_equal(u, latin_hypercube(3, 10, seed=8))


def test_one_judgement_is_one_dimension() -> None:
    """All hubs' fixed costs share one placeholder rule: one dimension with every hub in it."""
    dims = {d.name: d for d in dimensions(all_ranges())}
    hubs = dims["hubs.*.fixed_cost_usd_per_yr"]
    assert len(hubs.members) == 8
    values = hubs.values(1.0)
    assert all(values[m.key] == pytest.approx(m.high) for m in hubs.members)
    assert "corridors.lalay__da_nang.road_km" in dims


def test_network_and_scenario_ranges_are_drawn_and_the_rest_held_with_a_reason() -> None:
    """Speeds, roughness and circuity are drawn (all speeds as one rule); a scenario file's own
    ranges only when it is run; what is held central says why."""
    ranges = all_ranges()
    held = dict((r.key, why) for r, why in held_central(ranges))
    dims = {d.name: d for d in dimensions(ranges, library={"vang_tao_half_wait"})}
    drawn = {m.key for d in dims.values() for m in d.members}
    assert len(dims["network_defaults.*.speed_kph"].members) == 18
    assert "network_defaults.iri_m_per_km.paved" in dims
    assert "network_defaults.connector.circuity" in dims
    assert "library.vang_tao_half_wait.border.vang_tao.wait_h" in drawn
    assert not any(k.startswith("library.pakse_dry_port") for k in drawn)
    assert "Dirichlet" in held["harvest_calendar.1.robusta_share"]
    assert "rebuild the graph" in held["network_defaults.repair.join_tolerance_m"]
    assert not set(held) & drawn
