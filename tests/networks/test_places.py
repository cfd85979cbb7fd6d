"""Places table and turning user text into points."""

from __future__ import annotations

from pathlib import Path

import pytest

from networks import NetworkDataError, OutOfRegionError, UnknownPlaceError, find_place, load_places
from networks.places import check_in_region, parse_latlon


def test_shipped_places_have_sources_and_estimates_flagged() -> None:
    """Every place has a source; mill rows are flagged as estimates."""
    places = load_places()
    assert len(places) >= 33
    assert all(p.source for p in places)
    mills = [p for p in places if p.kind == "mill"]
    assert mills and all(p.estimate for p in mills)


def test_lookup_is_case_insensitive() -> None:
    """'PAKSE' finds Pakse."""
    assert find_place(load_places(), "PAKSE").name == "Pakse"


@pytest.mark.parametrize(
    ("name", "match"),
    [("Paksee", "Closest matches: Pakse"), ("Vientiane Xyz", "Unknown place 'Vientiane Xyz'")],
)
def test_unknown_place_lists_closest_matches(name: str, match: str) -> None:
    """An unknown name raises UnknownPlaceError naming the closest places."""
    with pytest.raises(UnknownPlaceError, match=match):
        find_place(load_places(), name)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("15.1,105.8", (15.1, 105.8)), (" -1 , 2.5 ", (-1.0, 2.5)), ("Pakse", None)],
)
def test_parse_latlon(text: str, expected: tuple[float, float] | None) -> None:
    """'lat,lon' text parses; a name does not."""
    assert parse_latlon(text) == expected


def test_coordinates_outside_the_region_are_rejected() -> None:
    """A point in Europe is outside the Laos bbox."""
    with pytest.raises(OutOfRegionError, match="outside the network's region"):
        check_in_region(48.0, 2.0, (100.0, 13.0, 108.0, 23.0), "Paris")
    with pytest.raises(OutOfRegionError, match=r"lat -90\.\.90"):
        parse_latlon("95,10")


@pytest.mark.parametrize(
    ("row", "match"),
    [
        ("X,town,LA,abc,105.0,d,s", r"row 2, column lat: expected a number, got 'abc'"),
        ("X,village,LA,15.0,105.0,d,s", r"row 2, column kind: expected one of"),
    ],
)
def test_bad_places_file_names_row_and_column(tmp_path: Path, row: str, match: str) -> None:
    """A bad cell is reported with its row and column."""
    path = tmp_path / "places.csv"
    path.write_text("name,kind,country,lat,lon,description,source\n" + row + "\n", encoding="utf-8")
    with pytest.raises(NetworkDataError, match=match):
        load_places(path)
