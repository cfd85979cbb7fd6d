"""The English-Lao glossary: well formed, and the app's Lao labels use its terms."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenarios import views


def test_glossary_covers_what_a_lao_exporter_names() -> None:
    """Products, truck types of the fleet files and every border crossing of the places table
    have a Lao term."""
    terms = views.lao_terms()
    for english in ("cherry", "parchment", "green bean", "4x4-pickup", "6-wheel", "10-wheel"):
        assert english in terms
    places = views.places_frame(views.load_road_network())
    crossings = places.loc[places["kind"].isin(["border_pair", "border_post"]), "name"]
    assert set(crossings) <= set(terms)


def test_unsure_translations_are_flagged_for_review() -> None:
    """Translations not taken from a sourced file are marked needs_review, never ok silently:
    every ok row gives its source, and the trade terms of the brief wait for a Lao reviewer."""
    table = views.read_glossary().set_index("english")
    assert (table["source"].str.strip() != "").all()
    for english in ("parchment", "cherry", "green bean"):
        assert table.loc[english, "status"] == "needs_review"
    assert table.loc["Champasak", "source"].startswith("data/admin/")


def test_a_name_missing_from_the_glossary_stays_as_written() -> None:
    """A village of the user's own file is not in the glossary and keeps its name."""
    assert views.in_lao("Ban Nongping") == "Ban Nongping"
    assert views.in_lao("Pakse") == "ປາກເຊ"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("parchment,parchment,product,ok,,,x", "expected an English term and Lao script"),
        ("parchment,ກາເຟກະລາ,product,maybe,,,x", "unknown status 'maybe'. Choose from: ok"),
    ],
)
def test_bad_glossary_rows_are_refused_with_their_row(
    tmp_path: Path, row: str, message: str
) -> None:
    """A row without Lao script, or with an unknown status, is refused naming row 2."""
    path = tmp_path / "glossary.csv"
    path.write_text(
        "english,lao,category,status,i18n_keys,note,source\n" + row + "\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match=f"row 2: {message}"):
        views.read_glossary(path)
