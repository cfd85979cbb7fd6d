"""Tiny pickup problems with hand-computed answers, shared by the VRP and verification tests."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from optimizer.pickup.problem import Depot, Pickup, PickupProblem, TravelMatrices, VehicleType


def line_matrices(positions: Sequence[float], *, blocked: Sequence[int] = ()) -> TravelMatrices:
    """Nodes on a line (metres); travel time 1 s per metre, cost 1 kip per metre.

    ``blocked`` nodes cannot be reached from or left to any other node.
    """
    pos = np.asarray(positions, dtype=np.float64)
    dist = np.abs(pos[:, None] - pos[None, :])
    for b in blocked:
        dist[b, :] = np.inf
        dist[:, b] = np.inf
        dist[b, b] = 0.0
    return TravelMatrices.from_float(dist, dist, dist)


def four_stop_problem(**vehicle: int) -> PickupProblem:
    """Depot at 0, pickups A +10, B +20, C -10, D -20, 1 kg each; two trucks of 2 kg.

    Optimum: 0-A-B-0 and 0-C-D-0, 40 + 40 = 80 kip.
    """
    options = {"capacity_kg": 2, "count": 2} | vehicle
    pickups = tuple(Pickup(name, 1) for name in "ABCD")
    fleet = (VehicleType("truck", **options),)
    matrices = (line_matrices([0, 10, 20, -10, -20]),)
    return PickupProblem((Depot("depot"),), pickups, fleet, matrices)


def window_problem() -> PickupProblem:
    """Depot 0; A +10 (window 0..15), B +20 (0..25), C -10 (window 40..100); one truck.

    The windows force A, B, then C: arrivals 10, 20, 50; cost 60; back at 60.
    """
    pickups = (
        Pickup("A", 1, tw_end_s=15),
        Pickup("B", 1, tw_end_s=25),
        Pickup("C", 1, tw_start_s=40, tw_end_s=100),
    )
    fleet = (VehicleType("truck", 10, count=1, max_duration_s=1000),)
    return PickupProblem((Depot("d"),), pickups, fleet, (line_matrices([0, 10, 20, -10]),))


def mixed_fleet_problem(season: str = "wet") -> PickupProblem:
    """A 4x4 (cap 2) reaches everything; a truck (cap 10) cannot reach pickup F (node 3).

    Pickups: E +10 (1 kg), F +30 (1 kg, truck-blocked), G -10 (1 kg), H +1000 blocked for all,
    I +5 weighing 50 kg (heavier than any vehicle).
    """
    positions = [0, 10, 30, -10, 1000, 5]
    pickups = (
        Pickup("E", 1),
        Pickup("F", 1),
        Pickup("G", 1),
        Pickup("H", 1),
        Pickup("I", 50),
    )
    fleet = (
        VehicleType("4x4", 2, count=1, fixed_cost_lak=5),
        VehicleType("truck", 10, count=1, fixed_cost_lak=100),
    )
    matrices = (line_matrices(positions, blocked=[4]), line_matrices(positions, blocked=[2, 4]))
    return PickupProblem((Depot("d"),), pickups, fleet, matrices, season=season)


def random_problem(seed: int, n: int = 25) -> PickupProblem:
    """A random problem with windows, optional stops and a two-type fleet (for invariants)."""
    rng = np.random.default_rng(seed)
    points = rng.random((n + 1, 2)) * 20_000
    dist = np.hypot(*(points[:, None, :] - points[None, :, :]).transpose(2, 0, 1))
    slow = TravelMatrices.from_float(dist, dist / 8, dist * 2)
    fast = TravelMatrices.from_float(dist, dist / 12, dist * 3)
    pickups = []
    for i in range(n):
        start = int(rng.integers(7, 12)) * 3600
        windowed = i % 3 == 0
        pickups.append(
            Pickup(
                f"p{i}",
                int(rng.integers(100, 1500)),
                service_s=600,
                tw_start_s=start if windowed else 0,
                tw_end_s=start + 4 * 3600 if windowed else None,
                required=i % 5 != 0,
                penalty_lak=int(rng.integers(1000, 40_000)),
            )
        )
    fleet = (
        VehicleType(
            "small",
            1500,
            count=4,
            fixed_cost_lak=20_000,
            shift_start_s=6 * 3600,
            max_duration_s=10 * 3600,
        ),
        VehicleType(
            "big",
            6000,
            count=2,
            fixed_cost_lak=60_000,
            shift_start_s=6 * 3600,
            max_duration_s=10 * 3600,
        ),
    )
    return PickupProblem((Depot("d"),), tuple(pickups), fleet, (slow, fast))


def test_cases_are_well_formed() -> None:
    """The shared cases build: sizes and reachability as documented above."""
    assert four_stop_problem().num_nodes == 5
    mixed = mixed_fleet_problem()
    assert mixed.allowed(0, 1) and not mixed.allowed(1, 1) and not mixed.allowed(0, 3)
    assert random_problem(0).num_nodes == 26
