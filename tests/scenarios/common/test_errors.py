"""One error root per package; pickups and consolidation raise the same type for the same fault."""

from __future__ import annotations

from pathlib import Path

import pytest

import networks
from scenarios.common import DataFileError, ScenarioError, UnknownNameError, errors
from scenarios.consolidate import ConsolidateOptions
from scenarios.consolidate.inputs import read_supply
from scenarios.pickups import plan_pickups, read_pickups


def test_every_scenario_error_subclasses_the_root() -> None:
    """DataFileError and UnknownNameError are ScenarioErrors and still built-in errors."""
    assert issubclass(DataFileError, ScenarioError) and issubclass(DataFileError, ValueError)
    assert issubclass(UnknownNameError, ScenarioError) and issubclass(UnknownNameError, LookupError)
    assert set(errors.__all__) >= {"ScenarioError", "DataFileError", "UnknownNameError"}


def test_every_network_error_subclasses_the_root() -> None:
    """Each public error of networks is a NetworkError."""
    public = [getattr(networks, n) for n in networks.__all__ if n.endswith("Error")]
    assert len(public) >= 8 and all(issubclass(e, networks.NetworkError) for e in public)


def test_unknown_season_is_the_same_error_in_both_pipelines(tmp_path: Path) -> None:
    """A season typo is an UnknownNameError for consolidation and pickups alike."""
    with pytest.raises(UnknownNameError, match="Unknown season 'monsoon'"):
        ConsolidateOptions(season="monsoon")
    with pytest.raises(UnknownNameError, match="Unknown season 'monsoon'"):
        plan_pickups(tmp_path / "unused.csv", "Paksong", season="monsoon")


def test_bad_coordinates_are_the_same_error_in_both_readers(tmp_path: Path) -> None:
    """A latitude that is not a number is a DataFileError naming file, row and column in both."""
    pickups = tmp_path / "p.csv"
    pickups.write_text("id,lat,lon,weight_kg,product\nA,north,106.2,100,cherry\n")
    supply = tmp_path / "s.csv"
    supply.write_text("village_id,lon,lat,green_t\nV1,106.2,north,10\n")
    with pytest.raises(DataFileError, match=r"p\.csv: row 2, column lat: expected a number"):
        read_pickups(pickups)
    with pytest.raises(DataFileError, match=r"s\.csv: row 2, column lat: expected a number"):
        read_supply(supply)
