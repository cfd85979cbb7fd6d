"""VRPLIB and Solomon reading with each family's distance convention; tiny known answers."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from optimizer import InputError, SolveParams, solve
from optimizer.pickup.vrplib_io import gap_percent, plan_cost, plan_routes, read_instance

SHIPPED = Path(__file__).resolve().parents[3] / "benchmarks" / "cvrplib"

TINY_VRP = """NAME : tiny
TYPE : CVRP
DIMENSION : 4
EDGE_WEIGHT_TYPE : EUC_2D
CAPACITY : 10
NODE_COORD_SECTION
1 0 0
2 1 1
3 3 4
4 6 8
DEMAND_SECTION
1 0
2 1
3 1
4 1
DEPOT_SECTION
1
-1
EOF
"""

TINY_SOLOMON = """TINY

VEHICLE
NUMBER     CAPACITY
  2         10

CUSTOMER
CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME

    0      0         0          0          0       100          0
    1      1         1          5          0       100          1
    2      2         0          5          0       100          1
"""


def test_cvrp_uses_rounded_euclidean(tmp_path: Path) -> None:
    """nint: sqrt(2) -> 1, sqrt(13) -> 4; optimum 1 + 4 + 5 + 10 = 20 with routes as 1..n."""
    path = tmp_path / "tiny.vrp"
    path.write_text(TINY_VRP)
    instance = read_instance(path)
    m = instance.problem.matrices[0]
    assert m.distance_m[0, 1] == 1 and m.distance_m[1, 2] == 4 and m.distance_m[2, 3] == 5
    plan = solve(instance.problem, SolveParams(engine="pyvrp", time_limit_s=1, solution_limit=50))
    assert plan_cost(instance, plan) == 20
    assert plan_routes(plan) in ([[1, 2, 3]], [[3, 2, 1]])
    assert instance.bks is None


def test_solomon_truncates_to_one_decimal(tmp_path: Path) -> None:
    """sqrt(2) -> 1.4, so the one route costs 1.4 + 1.4 + 2.0 = 4.8; windows scale by 10."""
    path = tmp_path / "TINY.txt"
    path.write_text(TINY_SOLOMON)
    instance = read_instance(path)
    assert instance.scale == 10
    assert instance.problem.matrices[0].distance_m[0, 1] == 14
    assert instance.problem.vehicle_types[0].count == 2
    assert instance.problem.pickups[0].service_s == 10
    plan = solve(instance.problem, SolveParams(engine="ortools", time_limit_s=1, solution_limit=50))
    assert plan_cost(instance, plan) == pytest.approx(4.8)


def test_shipped_x_instance_and_bks() -> None:
    """X-n106-k14: 105 customers, capacity 600, best known 26,362 read from the .sol file."""
    instance = read_instance(SHIPPED / "X-n106-k14.vrp")
    assert len(instance.problem.pickups) == 105
    assert instance.problem.vehicle_types[0].capacity_kg == 600
    assert instance.bks == 26362
    assert gap_percent(26362 * 1.01, 26362) == pytest.approx(1.0)
    assert bool(np.all(instance.problem.matrices[0].duration_s == 0))


def test_shipped_solomon_bks() -> None:
    """C101's .sol gives 827.3 and the file's 25 vehicles of capacity 200."""
    instance = read_instance(SHIPPED / "C101.txt")
    assert instance.bks == pytest.approx(827.3)
    vt = instance.problem.vehicle_types[0]
    assert (vt.count, vt.capacity_kg, vt.shift_start_s, vt.max_duration_s) == (25, 200, 0, 12360)


@pytest.mark.parametrize(
    ("name", "text", "error", "match"),
    [
        ("a.csv", "x", InputError, "expected a VRPLIB .vrp or Solomon .txt file"),
        ("missing.vrp", None, FileNotFoundError, "instance file not found"),
        ("junk.vrp", "hello\n", InputError, "junk.vrp: could not parse as vrplib instance"),
        (
            "bad.vrp",
            TINY_VRP.replace("EUC_2D", "EXPLICIT"),
            InputError,
            "expected EDGE_WEIGHT_TYPE EUC_2D",
        ),
        (
            "geo.vrp",
            TINY_VRP.replace("EUC_2D", "GEO"),
            InputError,
            "expected EDGE_WEIGHT_TYPE EUC_2D",
        ),
    ],
)
def test_bad_instance_files(
    tmp_path: Path, name: str, text: str | None, error: type[Exception], match: str
) -> None:
    """Wrong suffix, missing file and unsupported edge weights give clear errors."""
    path = tmp_path / name
    if text is not None:
        path.write_text(text)
    with pytest.raises(error, match=match):
        read_instance(path)
