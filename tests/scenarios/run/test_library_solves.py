"""Every shipped library scenario solves on the full region: proven optimal, within capacities."""

from __future__ import annotations

import pytest

from optimizer import ConsolidationResult
from scenarios.common.paths import LIBRARY_DIR
from scenarios.consolidate.pipeline import ConsolidateOptions, run_consolidation
from scenarios.run.resolve import base_inputs, resolve_scenario
from scenarios.spec.schema import load_scenario

pytestmark = pytest.mark.slow

LIBRARY_FILES = sorted(LIBRARY_DIR.glob("*.toml"))


@pytest.fixture(scope="module")
def results() -> dict[str, ConsolidationResult]:
    """Each library scenario's consolidation, solved once for the module (~3 min under load)."""
    base = base_inputs()
    out = {}
    for path in LIBRARY_FILES:
        resolved = resolve_scenario(load_scenario(path), base)
        options = ConsolidateOptions(season=resolved.season, explain=False)
        run = run_consolidation(resolved.inputs, options, net=resolved.net)
        for hub in run.problem.hubs:
            assert run.result.hub_kg(hub.id) <= hub.capacity_kg, (path.stem, hub.id)
        out[path.stem] = run.result
    return out


def test_library_has_the_ten_shipped_scenarios() -> None:
    """The parametrised checks below cover all twelve shipped files."""
    assert len(LIBRARY_FILES) == 12


@pytest.mark.parametrize("name", [p.stem for p in LIBRARY_FILES])
def test_scenario_is_proven_optimal(results: dict[str, ConsolidationResult], name: str) -> None:
    """Verified (capacities kept, whole kg), status optimal and a proven gap <= 1e-5."""
    result = results[name]
    assert result.status == "optimal"
    assert result.mip_gap <= 1e-5
    assert result.proven_optimal


@pytest.mark.parametrize("name", ["pave_route_16a", "route16_ac_overlay", "vang_tao_half_wait"])
def test_cost_lowering_scenarios_are_not_dearer(
    results: dict[str, ConsolidationResult], name: str
) -> None:
    """A road upgrade or a shorter border wait never shows a dearer tonne at destination (the
    cost the model minimises; the cost to the port may rise when the plan changes port)."""
    baseline = results["baseline"].cost_per_tonne_lak.at_destination_lak
    assert results[name].cost_per_tonne_lak.at_destination_lak <= baseline * (1 + 1e-5)
