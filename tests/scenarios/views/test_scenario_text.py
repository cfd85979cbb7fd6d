"""Scenario titles and descriptions in Lao (data/lao_scenarios.csv, views/scenario_text.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenarios import views


def test_every_library_scenario_has_a_lao_title_and_every_row_a_scenario() -> None:
    """The Lao table and the library name the same scenarios, each with Lao script."""
    library = views.library_scenarios()
    table = views.read_lao_scenarios()
    assert set(table["name"]) == set(library["name"])
    for row in library.itertuples():
        title, description = views.scenario_text(str(row.name), str(row.description), "lo")
        assert title != row.title and description != row.description
        assert any(0x0E80 <= ord(c) < 0x0F00 for c in title + description)


def test_lao_scenario_texts_wait_for_a_lao_reviewer() -> None:
    """Translated for this project, not by a Lao speaker: every row is marked needs_review."""
    assert set(views.read_lao_scenarios()["status"]) == {"needs_review"}


def test_the_lao_texts_use_the_glossary_terms() -> None:
    """Border crossings, products and seasons are written as data/lao_glossary.csv has them."""
    texts = dict(zip(*views.read_lao_scenarios()[["name", "description_lo"]].T.values, strict=True))
    terms = views.lao_terms()
    assert terms["Vang Tao"] in texts["vang_tao_half_wait"]
    assert terms["green bean"] in texts["demand_growth_40kt"]
    assert terms["wet season"] in texts["wet_season_baseline"]
    assert terms["10-wheel"] in texts["larger_trucks"]


def test_english_and_user_scenarios_keep_the_english_text() -> None:
    """In English the title is the description's first sentence; a scenario without a Lao row
    (a user's file) keeps its English title and description in Lao mode too."""
    text = "Pave the Bolaven feeder Route 16A (Paksong - Ban Lak 52) to a good sealed road."
    assert views.scenario_text("pave_route_16a", text, "en") == (text.rstrip("."), text)
    assert views.scenario_text("my_road", "Seal my road. Cheap.", "lo") == (
        "Seal my road",
        "Seal my road. Cheap.",
    )


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("baseline,Today,ປັດຈຸບັນ,needs_review,", "expected name and Lao script"),
        ("baseline,ປັດຈຸບັນ,ປັດຈຸບັນ,maybe,", "unknown status 'maybe'. Choose from: ok"),
    ],
)
def test_bad_rows_are_refused_with_their_row(tmp_path: Path, row: str, message: str) -> None:
    """A row without Lao script, or with an unknown status, is refused naming row 2."""
    path = tmp_path / "lao_scenarios.csv"
    path.write_text("name,title_lo,description_lo,status,note\n" + row + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=f"row 2: {message}"):
        views.read_lao_scenarios(path)


def test_a_scenario_named_twice_is_refused(tmp_path: Path) -> None:
    """Two rows for one scenario would make its Lao title depend on the row order."""
    path = tmp_path / "lao_scenarios.csv"
    row = "baseline,ປັດຈຸບັນ,ປັດຈຸບັນ,needs_review,\n"
    path.write_text("name,title_lo,description_lo,status,note\n" + row * 2, encoding="utf-8")
    with pytest.raises(ValueError, match=r"expected each name once, got twice: \['baseline'\]"):
        views.read_lao_scenarios(path)
