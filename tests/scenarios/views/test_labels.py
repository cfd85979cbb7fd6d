"""Map labels placed greedily by priority, never overlapping at the opening zoom."""

from __future__ import annotations

import pandas as pd
import pytest

from scenarios import views
from scenarios.views.labels import to_pixels

VIEW = {"longitude": 106.0, "latitude": 15.0, "zoom": 8.0}


def _boxes(placed: pd.DataFrame, size_px: float) -> list[tuple[float, float, float, float]]:
    boxes = []
    for row in placed.itertuples():
        x, y = to_pixels(row.lon, row.lat, VIEW)
        x, y = x + row.offset[0], y + row.offset[1]
        width = views.text_width_px(row.text, size_px)
        left = {"start": x, "end": x - width, "middle": x - width / 2}[row.anchor]
        boxes.append((left, y - size_px * 0.625, left + width, y + size_px * 0.625))
    return boxes


def test_two_labels_on_one_point_go_on_either_side() -> None:
    """Two names at the same point: the first goes right of it, the second left."""
    labels = pd.DataFrame(
        {
            "text": ["Paksong", "Mill"],
            "lon": [106.2304] * 2,
            "lat": [15.1815] * 2,
            "priority": [0, 1],
        }
    )
    placed = views.place_labels(labels, view=VIEW, size_px=12)
    assert list(placed["text"]) == ["Paksong", "Mill"]
    assert list(placed["anchor"]) == ["start", "end"]


def test_crowded_labels_keep_the_higher_priority_and_never_overlap() -> None:
    """Ten labels on one spot: four fit (right, left, above, below), the most important first,
    and no two placed boxes overlap."""
    labels = pd.DataFrame(
        {
            "text": [f"Place {i}" for i in range(10)],
            "lon": [106.0] * 10,
            "lat": [15.0] * 10,
            "priority": list(range(9, -1, -1)),
        }
    )
    placed = views.place_labels(labels, view=VIEW, size_px=12)
    assert list(placed["text"]) == ["Place 9", "Place 8", "Place 7", "Place 6"]
    boxes = _boxes(placed, 12)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])


def test_a_label_never_covers_another_point() -> None:
    """A town just right of another keeps its label off that town's dot: it goes left."""
    labels = pd.DataFrame(
        {
            "text": ["Crossing", "Post"],
            "lon": [105.47, 105.50],
            "lat": [15.13, 15.13],
            "priority": [0, 1],
        }
    )
    placed = views.place_labels(labels, view=VIEW, size_px=12)
    assert placed.set_index("text").loc["Crossing", "anchor"] != "start"


def test_far_apart_labels_all_go_right_of_their_points() -> None:
    """Labels a degree apart do not touch at zoom 8: all are kept, right of their points."""
    labels = pd.DataFrame(
        {
            "text": ["A town", "B town"],
            "lon": [105.0, 107.0],
            "lat": [15.0, 15.0],
            "priority": [1, 1],
        }
    )
    placed = views.place_labels(labels, view=VIEW, size_px=12)
    assert list(placed["anchor"]) == ["start", "start"]


def test_lao_vowel_and_tone_marks_take_no_width() -> None:
    """Lao vowel and tone marks above or below add no width: ປາກຊ່ອງ has 6 spacing letters,
    each wider than a Latin one."""
    assert views.text_width_px("ປາກຊ່ອງ", 10) == pytest.approx(6 * 10 * 0.85)


def test_labels_without_a_priority_are_refused() -> None:
    """A table without the priority column is refused, naming what is missing."""
    with pytest.raises(ValueError, match=r"missing \['priority'\]"):
        views.place_labels(
            pd.DataFrame({"text": ["a"], "lon": [1.0], "lat": [1.0]}), view=VIEW, size_px=12
        )
