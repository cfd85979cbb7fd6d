"""The pickup planner's rules and the rates it shares with the consolidation model."""

from __future__ import annotations


def test_road_end_carry_uses_the_consolidation_models_rate() -> None:
    """The carry to a road end is priced at the one carry rate the consolidation model uses."""
    from scenarios.consolidate import read_params
    from scenarios.pickups import load_pickup_rules

    assert load_pickup_rules().carry_lak_per_t_km == read_params().carry_lak_per_tkm
