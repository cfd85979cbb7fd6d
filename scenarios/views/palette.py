"""Every map colour of the app, as data: one module, one categorical palette.

Colours are ``(r, g, b)`` or ``(r, g, b, alpha)`` tuples of 0-255 integers, the form pydeck
layers take. The view-model tables put them in their ``rgb`` columns as lists (:func:`rgb`).
"""

from __future__ import annotations

import colorsys
from collections.abc import Sequence

RGB = tuple[int, ...]

CATEGORY_RGB: tuple[RGB, ...] = (
    (31, 119, 180),  # blue: the 10 colours of d3/matplotlib "tab10", in their usual order
    (255, 127, 14),  # orange
    (44, 160, 44),  # green
    (214, 39, 40),  # red
    (148, 103, 189),  # purple
    (140, 86, 75),  # brown
    (227, 119, 194),  # pink
    (127, 127, 127),  # grey
    (188, 189, 34),  # olive
    (23, 190, 207),  # cyan
)
"""One colour per category (truck route, gateway), repeating after ten."""
_GREY, _OLIVE = CATEGORY_RGB[7], CATEGORY_RGB[8]

ROUTE_RGB: tuple[RGB, ...] = CATEGORY_RGB
"""Pickup routes: one colour per truck route."""
FLOW_RGB: tuple[RGB, ...] = tuple(c for c in CATEGORY_RGB if c not in (_GREY, _OLIVE))
"""Trunk flows: one colour per gateway, without the greys that collection flows use."""
COLLECTION_RGB: RGB = (150, 150, 150)
"""Collection flows (village → hub) in the flows table."""

SURFACE_RGB: dict[str, RGB] = {
    "paved": (40, 40, 40),
    "gravel": (214, 140, 30),
    "earth": (150, 75, 0),
}
UNKNOWN_SURFACE_RGB: RGB = (120, 120, 120)
PASSABLE_RGB: dict[bool, RGB] = {True: (30, 130, 60), False: (200, 30, 30)}
PLACE_RGB: dict[str, RGB] = {
    "town": (30, 90, 200),
    "mill": (120, 60, 20),
    "border_post": (200, 0, 120),
    "border_pair": (200, 0, 120),
    "seaport": (0, 150, 170),
    "city": (90, 90, 90),
}
UNKNOWN_PLACE_RGB: RGB = (90, 90, 90)
CHANGE_RGB: dict[str, RGB] = {
    "upgraded": (0, 170, 90),
    "new link": (0, 90, 220),
    "closed": (220, 30, 30),
}
"""Roads a scenario changes, by kind of change."""

# Fixed colours of the map layers drawn under or over the data.
COLLECTION_FLOW_RGBA: RGB = (120, 120, 120, 90)
DEPOT_RGB: RGB = (0, 0, 0)
OUTLINE_RGB: RGB = (255, 255, 255)
STOP_LABEL_RGB: RGB = (255, 255, 255)
PLACE_LABEL_RGB: RGB = (20, 20, 20)
CARRY_RGB: RGB = (166, 86, 40)
"""A cut-off village and its carry to the road end where the truck collects (brown: a track)."""

# The offline basemap (scenarios.views.basemap): quiet colours under every map's own layers.
BASEMAP_LAND_RGB: RGB = (246, 243, 234)
"""Laos filled in a light sand colour; neighbouring countries stay white."""
BASEMAP_ROAD_RGB: RGB = (200, 200, 200)
BASEMAP_PROVINCE_RGB: RGB = (170, 150, 190)
BASEMAP_BORDER_RGB: RGB = (110, 80, 140)
BASEMAP_LABEL_RGB: RGB = (120, 100, 140)


def rgb(colour: RGB) -> list[int]:
    """A colour as the list a DataFrame ``rgb`` cell (and deck.gl's JSON) holds."""
    return list(colour)


def cycle(palette: Sequence[RGB], index: int) -> list[int]:
    """The ``index``-th colour of ``palette``, starting again after its last colour."""
    return rgb(palette[index % len(palette)])


def distinct(count: int) -> list[list[int]]:
    """``count`` colours, no two alike: the category colours, then hues stepped around the wheel.

    Up to ten routes keep the familiar category colours; beyond that the hues are spread evenly
    (360 / ``count`` degrees apart), with lighter and darker steps alternating so that
    neighbouring hues still read apart.
    """
    if count <= len(CATEGORY_RGB):
        return [rgb(c) for c in CATEGORY_RGB[:count]]
    colours: list[list[int]] = []
    for index in range(count):
        lightness = (0.40, 0.58)[index % 2]
        red, green, blue = colorsys.hls_to_rgb(index / count, lightness, 0.8)
        colours.append([round(255 * red), round(255 * green), round(255 * blue)])
    return colours


def css(colour: Sequence[int]) -> str:
    """A colour as CSS text (``rgb(r, g, b)``, with alpha as ``rgba``) for legends."""
    if len(colour) == 4:
        return f"rgba({colour[0]}, {colour[1]}, {colour[2]}, {colour[3] / 255:.2f})"
    return f"rgb({colour[0]}, {colour[1]}, {colour[2]})"
