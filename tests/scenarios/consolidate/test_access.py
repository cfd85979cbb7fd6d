"""Village access: the carry replaces a cut-off village's trip; cut-off shares per class."""

from __future__ import annotations

import numpy as np
import pytest

from optimizer import VehicleProfile
from scenarios.common import find_profile, load_vehicle_profiles
from scenarios.consolidate.access import VillageTracks, access_rows, with_carry
from scenarios.consolidate.matrices import LegMatrix


def _leg(profile: VehicleProfile, cost: list[list[float]], km: list[list[float]]) -> LegMatrix:
    arr = np.array(cost, dtype=float)
    return LegMatrix(profile, np.array(km, dtype=float), arr / 1000, arr, arr / 100)


def test_carry_replaces_only_the_cut_off_rows() -> None:
    """Row 1 is cut off: road-end trip (900) + carry 2,000 LAK/t x 1.5 t payload = 3,900."""
    pickup = find_profile(load_vehicle_profiles(), "4x4-pickup")
    village = _leg(pickup, [[100.0, 200.0], [np.inf, np.inf]], [[1.0, 2.0], [np.inf, np.inf]])
    roadside = _leg(pickup, [[50.0, 60.0], [900.0, 800.0]], [[0.5, 0.6], [9.0, 8.0]])
    cut = np.array([False, True])
    out = with_carry(village, roadside, cut, np.array([0.0, 2000.0]))
    assert out.trip_cost_lak.tolist() == [[100.0, 200.0], [3900.0, 3800.0]]
    assert out.distance_km.tolist() == [[1.0, 2.0], [9.0, 8.0]]


def test_access_rows_count_villages_and_volume_per_season_and_class() -> None:
    """Two of three villages cut off for the wet pickup: 2/3 of villages, 30/60 t of volume."""
    ok = np.array([True, False, False])
    tracks = VillageTracks(
        road_node=[1, 2, 3],
        straight_km=np.array([0.0, 7.0, 9.0]),
        track_km=np.array([0.0, 9.1, 11.7]),
        passable={("wet", "pickup_4x4"): ok, ("dry", "pickup_4x4"): np.ones(3, dtype=bool)},
    )
    rows = {(r.season, r.vehicle): r for r in access_rows(tracks, [30.0, 10.0, 20.0])}
    wet = rows["wet", "pickup_4x4"]
    assert (wet.villages, wet.villages_cut_off) == (3, 2)
    assert wet.village_share == pytest.approx(2 / 3)
    assert wet.volume_share == pytest.approx(0.5)
    assert rows["dry", "pickup_4x4"].villages_cut_off == 0
