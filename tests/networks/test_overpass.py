"""Overpass download: bbox validation and a fast, clear failure when offline."""

from __future__ import annotations

import pytest

from networks import OfflineError
from networks._overpass import check_online, parse_bbox


def test_offline_fails_fast_with_a_clear_message() -> None:
    """A closed port (nothing listens on 127.0.0.1:443) raises OfflineError naming the fix."""
    with pytest.raises(OfflineError, match=r"offline.*--network FILE"):
        check_online("127.0.0.1", timeout_s=1.0)


@pytest.mark.parametrize(
    ("text", "match"),
    [("1,2,3", "four numbers"), ("a,b,c,d", "four numbers"), ("107,14,105,16", "W < E")],
)
def test_bad_bbox(text: str, match: str) -> None:
    """A malformed or inverted bbox is rejected."""
    with pytest.raises(ValueError, match=match):
        parse_bbox(text)


def test_good_bbox() -> None:
    """W,S,E,N parses in order."""
    assert parse_bbox("105.4, 14.3, 107.2, 16.7") == (105.4, 14.3, 107.2, 16.7)
