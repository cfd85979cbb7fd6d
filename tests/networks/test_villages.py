"""Village points load and most snap within the connector limit."""

from __future__ import annotations

from pathlib import Path

import pytest

from networks import NetworkDataError, RoadNetwork, load_villages, snap_points


def test_villages_load_and_snap(embedded: RoadNetwork) -> None:
    """All 1,740 southern villages load; reachable and unreachable ones add up, none dropped."""
    villages = load_villages()
    assert len(villages) == 1740
    res = snap_points(embedded, [(v.lat, v.lon) for v in villages])
    reachable = sum(1 for n in res.nodes if n is not None)
    assert reachable + len(res.unreachable) == len(villages)
    assert reachable > 1000


def test_bad_village_file(tmp_path: Path) -> None:
    """A feature without a code is reported with its number."""
    path = tmp_path / "v.geojson"
    path.write_text('{"features": [{"geometry": {"coordinates": [106, 15]}, "properties": {}}]}')
    with pytest.raises(NetworkDataError, match="feature 1: expected a Point"):
        load_villages(path)
