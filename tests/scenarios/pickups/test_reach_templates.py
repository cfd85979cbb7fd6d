"""Far pickups are warned about with their connector length; the file templates read as they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from optimizer import Product
from scenarios.pickups import (
    FAR_CONNECTOR_M,
    TEMPLATES,
    default_params,
    far_warnings,
    outside_km,
    plan_pickups,
    read_fleet,
    read_pickups,
    run_to_json,
    write_templates,
)
from scenarios.pickups.io import PickupRecord


@pytest.mark.parametrize(
    ("lat", "lon", "km"),
    [
        (15.0, 106.0, 0.0),  # inside
        (16.7, 106.0, 0.0),  # on the northern edge
        (17.7, 106.0, 111.32),  # one degree north: 111.32 km
        (14.3, 104.4, 107.87),  # one degree west at 14.3 N: 111.32 x cos(14.3) = 107.87
    ],
)
def test_outside_km_known_answers(lat: float, lon: float, km: float) -> None:
    """Distance to the study area's box: 0 inside and on the edge, degrees times 111.32 km."""
    assert outside_km(lat, lon) == pytest.approx(km, abs=0.01)


def _record(pid: str, lat: float, lon: float) -> PickupRecord:
    return PickupRecord(
        2, pid, "Ban X", lat, lon, 100, Product.GREEN, None, 0, None, None, True, None
    )


def test_far_warnings_name_the_pickup_and_its_connector() -> None:
    """Outside the area or a connector above the threshold warns; a near village does not."""
    records = [
        _record("NEAR", 15.1, 106.1),
        _record("LONG", 15.1, 106.1),
        _record("OUT", 18.5, 105.0),
    ]
    warnings = far_warnings(records, [1_000.0, FAR_CONNECTOR_M + 1.0, 27_100.0])
    assert len(warnings) == 2
    assert warnings[0].startswith(
        "pickup LONG (Ban X, row 2) at 15.1000, 106.1000 is inside the study area"
    )
    assert "20.0 km off-road connector" in warnings[0]
    assert "pickup OUT" in warnings[1] and "205 km outside the study area" in warnings[1]
    assert "27.1 km off-road connector" in warnings[1]
    assert far_warnings([_record("GONE", 30.0, 90.0)], [float("nan")]) == []  # dropped instead


def test_a_pickup_200_km_north_is_planned_with_a_warning(tmp_path: Path) -> None:
    """A point ~200 km north of the area, near the Vientiane roads: warned, its connector shown."""
    path = tmp_path / "p.csv"
    path.write_text(
        "id,name,village_code,lat,lon,weight_kg,product\n"
        "P02,,1604008,,,1000,parchment\n"
        "FAR,Typo,,18.5,105.0,500,green\n"
    )
    run = plan_pickups(path, "Paksong", params=default_params(solution_limit=50, time_limit_s=20))
    (warning,) = run.warnings
    assert warning.startswith("pickup FAR (Typo, row 3) at 18.5000, 105.0000 is 205 km outside")
    data = run_to_json(run)
    assert data["warnings"] == [warning]
    # 205 km away: too far to drive there and back in a driver's day; listed with its connector
    (dropped,) = data["dropped"]
    assert dropped["id"] == "FAR" and dropped["connector_km"] > FAR_CONNECTOR_M / 1000.0
    assert f"{dropped['connector_km']:.1f} km off-road connector" in warning


def test_templates_read_back_with_two_rows_each(tmp_path: Path) -> None:
    """Both templates are valid inputs as written: two pickups, two fleet rows."""
    written = write_templates(tmp_path)
    assert [p.name for p in written] == list(TEMPLATES)
    pickups = read_pickups(tmp_path / "pickups_template.csv")
    assert [(p.id, p.weight_kg, p.day) for p in pickups] == [("P01", 1070, 1), ("P02", 2500, 2)]
    fleet = read_fleet(tmp_path / "fleet_template.csv", known_types=["4x4-pickup", "6-wheel"])
    assert [(f.type, f.count, f.max_trips) for f in fleet] == [
        ("4x4-pickup", 2, 3),
        ("6-wheel", 1, 2),
    ]
