"""The consolidation parameters file reads into a typed record; bad tables name the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenarios.common import DataFileError
from scenarios.consolidate import ConsolidationParams, read_params
from scenarios.consolidate.params import PARAMS_TOML


def test_shipped_parameters_are_typed() -> None:
    """data/consolidation_params.toml gives vehicle names as text and every number as float."""
    params = read_params()
    assert isinstance(params, ConsolidationParams)
    assert params.trunk_vehicle == "container"
    assert params.supply_max_connector_m == 50_000.0
    assert 0 < params.arabica_share < 1


@pytest.mark.parametrize(
    ("old", "new", "match"),
    [
        ('value = "container"', "value = 3", r"\[trunk_vehicle\] expected a table with a 'value' "
         "that is a vehicle type name"),
        ("value = 50000.0", 'value = "far"', r"\[supply_max_connector_m\] expected .* a number"),
        ("[trunk_vehicle]", "[trunk_vehicles]", r"unknown: trunk_vehicles; missing: trunk_vehicle"),
    ],
)  # fmt: skip
def test_bad_tables_name_the_key(tmp_path: Path, old: str, new: str, match: str) -> None:
    """A wrong type or a misspelt table is a DataFileError naming the table."""
    text = PARAMS_TOML.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "p.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataFileError, match=match):
        read_params(path)
