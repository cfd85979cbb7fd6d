"""Reuse of located networks, leg matrices and proven solves gives the numbers recomputing does."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from scenarios.consolidate import (
    ConsolidateOptions,
    ConsolidationRun,
    Inputs,
    cache,
    load_inputs,
    reuse,
    run_consolidation,
)


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty derived-value cache in a temporary folder (the network cache is untouched)."""
    monkeypatch.setattr(cache, "cache_dir", lambda: tmp_path)
    monkeypatch.setattr(cache, "_MEMORY", {})
    return tmp_path


@pytest.fixture(scope="module")
def small() -> Inputs:
    """The data tables with every 50th coffee village (16 villages)."""
    inputs = load_inputs()
    villages = tuple(v for v in inputs.villages if v.green_t > 0)[::50]
    return dataclasses.replace(inputs, villages=villages)


def _run(inputs: Inputs) -> ConsolidationRun:
    return run_consolidation(inputs, ConsolidateOptions(season="year", explain=False))


def _same(a: ConsolidationRun, b: ConsolidationRun) -> None:
    assert a.result.cost_lak == b.result.cost_lak
    assert a.result.assignments == b.result.assignments
    assert np.array_equal(a.problem.collection_lak_per_t, b.problem.collection_lak_per_t)
    assert np.array_equal(a.problem.trunk_lak_per_t, b.problem.trunk_lak_per_t)


def test_reused_run_equals_a_fresh_one(
    small: Inputs, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A warm run (everything from the cache) and a run with reuse off give identical plans."""
    first = _run(small)
    kinds = sorted({p.name.split("-")[0] for p in fresh_cache.glob("*.pickle")})
    assert kinds == ["leg", "located", "solve"]
    warm = _run(small)
    _same(first, warm)
    monkeypatch.setenv("BOLAVEN_REUSE", "off")
    _same(first, _run(small))


def test_price_change_reprices_cached_legs_without_new_paths(
    small: Inputs, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Diesel x1.5 reuses the 5 cached leg matrices (no new ones), costs rise, and the
    re-priced problem equals the one computed with reuse off."""
    _run(small)
    legs = sorted(fresh_cache.glob("leg-*.pickle"))
    # collection and trunk, dry and wet, and the wet pickup's leg from the road ends of the
    # villages whose track it cannot use
    assert len(legs) == 5
    dearer = dataclasses.replace(
        small,
        rates=dataclasses.replace(small.rates, diesel_lak_per_l=small.rates.diesel_lak_per_l * 1.5),
    )
    base_run, diesel_run = _run(small), _run(dearer)
    assert sorted(fresh_cache.glob("leg-*.pickle")) == legs
    assert (diesel_run.problem.trunk_lak_per_t >= base_run.problem.trunk_lak_per_t).all()
    assert diesel_run.result.cost_lak.total_lak > base_run.result.cost_lak.total_lak
    monkeypatch.setenv("BOLAVEN_REUSE", "off")
    _same(diesel_run, _run(dearer))


def test_keys_follow_content_not_identity() -> None:
    """Equal content gives equal keys whatever the set order; any changed value a new key."""
    a = cache.content_key("x", {"s": frozenset({"dry", "wet"})}, np.arange(3))
    b = cache.content_key("x", {"s": frozenset({"wet", "dry"})}, np.arange(3))
    assert a == b
    assert cache.content_key("x", {"s": frozenset({"dry"})}, np.arange(3)) != a
    assert cache.content_key("x", {"s": frozenset({"dry", "wet"})}, np.arange(4)) != a
    rates = load_inputs().rates
    doubled = dataclasses.replace(rates, diesel_lak_per_l=2 * rates.diesel_lak_per_l)
    assert reuse.path_rates(doubled) == reuse.path_rates(rates)


def test_memory_cache_drops_the_least_recently_used_beyond_its_byte_budget(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three 1 MB values under a 2.5 MB budget: the least recently used one goes, a re-read
    one stays, and what left memory is still read back from disk."""
    monkeypatch.setattr(cache, "_MEMORY_BYTES_MAX", int(2.5 * 2**20))
    big = {name: np.full(2**17, i, dtype=np.float64) for i, name in enumerate("abc")}
    for name in "ab":
        cache.cached(name, lambda name=name: big[name])  # type: ignore[misc]
    cache.cached("a", lambda: pytest.fail("a is in memory"))
    cache.cached("c", lambda: big["c"])
    assert list(cache._MEMORY) == ["a", "c"]
    again = cache.cached("b", lambda: pytest.fail("b is on disk"))
    assert np.array_equal(again, big["b"])


def test_lean_run_solves_the_same_plan_without_metrics(small: Inputs, fresh_cache: Path) -> None:
    """A lean run (the Monte Carlo's) has the full run's problem and plan, and no metrics."""
    full = _run(small)
    lean = run_consolidation(small, ConsolidateOptions(season="year", explain=False, lean=True))
    _same(full, lean)
    assert lean.metrics is None and lean.fidelity is None
    assert full.checked() == (full.metrics, full.fidelity)
    with pytest.raises(ValueError, match="lean=False"):
        lean.checked()
