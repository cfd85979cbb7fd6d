"""The Dakta Ok road scenario's counterfactual: no container reaches Dakta Ok in the baseline."""

from __future__ import annotations

import numpy as np
import pytest

from networks import Season, VehicleClass, passable_attr
from scenarios.common.paths import LIBRARY_DIR
from scenarios.consolidate import reuse
from scenarios.consolidate.access import village_tracks
from scenarios.consolidate.matrices import LegMatrix
from scenarios.run.resolve import base_inputs, resolve_scenario
from scenarios.spec.schema import load_scenario

pytestmark = pytest.mark.slow


def _trunk(name: str) -> tuple[dict[str, LegMatrix], int, object]:
    resolved = resolve_scenario(load_scenario(LIBRARY_DIR / f"{name}.toml"), base_inputs())
    located, key = reuse.located_network(resolved.net, resolved.net_key, resolved.inputs)
    tracks = village_tracks(located.net, located.village_nodes)
    _, trunk = reuse.leg_matrices(located, key, resolved.inputs, ("dry", "wet"), tracks)
    ids = [g.id for g in resolved.inputs.gateways]
    return trunk, ids.index("dakta_ok"), located


def test_baseline_container_never_uses_an_earth_connector_and_misses_dakta_ok() -> None:
    """Baseline: no earth connector carries a heavy truck; Dakta Ok's 63 km track is closed."""
    trunk, dakta, located = _trunk("baseline")
    graph = located.net.graph  # type: ignore[attr-defined]
    for _, _, d in graph.edges(data=True):
        if d.get("connector") and d["surface"] == "earth":
            for season in Season:
                assert not d[passable_attr(season, VehicleClass.HEAVY_TRUCK)]
    for season in ("dry", "wet"):
        assert np.isinf(trunk[season].trip_cost_lak[:, dakta]).all()


def test_the_sealed_road_opens_dakta_ok_to_containers() -> None:
    """With the sealed Sekong - Dakta Ok road, containers reach Dakta Ok in both seasons."""
    trunk, dakta, _ = _trunk("dakta_ok_da_nang")
    for season in ("dry", "wet"):
        assert np.isfinite(trunk[season].trip_cost_lak[:, dakta]).sum() >= 7
