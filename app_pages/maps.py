"""The deck.gl layers every page draws, built one way: paths, points, labels, and the map.

Colours come from :mod:`scenarios.views.palette` as data; a colour argument is either a fixed
colour (a tuple) or the name of the table column holding each row's colour (``"rgb"``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
import pydeck as pdk
import streamlit as st

from scenarios.views import RGB

Colour = RGB | str
"""A fixed colour, or the name of the column that holds each row's colour."""

_PIXELS = '"pixels"'
_FONT = '"sans-serif"'
_POSITION = ["lon", "lat"]


def _colour(colour: Colour) -> list[int] | str:
    return colour if isinstance(colour, str) else list(colour)


def paths(
    data: pd.DataFrame,
    *,
    colour: Colour,
    width: float | str,
    min_width_px: int | None = None,
    pickable: bool = False,
) -> Any:
    """Lines along each row's ``path`` ([lon, lat] pairs), ``width`` in pixels (or an
    expression of the row's columns, e.g. ``"2 + tonnes / 1500"``)."""
    extra = {} if min_width_px is None else {"width_min_pixels": min_width_px}
    return pdk.Layer(
        "PathLayer",
        data,
        get_path="path",
        get_color=_colour(colour),
        **extra,
        get_width=width,
        width_units=_PIXELS,
        pickable=pickable,
    )


def points(
    data: pd.DataFrame,
    *,
    colour: Colour,
    radius_px: int,
    outline: RGB | None = None,
    pickable: bool = False,
) -> Any:
    """A dot at each row's ``lon``, ``lat``, with a 1-pixel ``outline`` if given."""
    extra: dict[str, Any] = {}
    if outline is not None:
        extra = {"get_line_color": list(outline), "stroked": True, "line_width_min_pixels": 1}
    return pdk.Layer(
        "ScatterplotLayer",
        data,
        get_position=_POSITION,
        get_fill_color=_colour(colour),
        **extra,
        get_radius=radius_px,
        radius_units=_PIXELS,
        pickable=pickable,
    )


def labels(
    data: pd.DataFrame,
    *,
    text: str,
    size_px: int,
    colour: RGB,
    bold: bool = False,
    offset_px: Sequence[int] | None = None,
) -> Any:
    """The ``text`` column written at each row's ``lon``, ``lat``: centred on the point, or
    starting ``offset_px`` (x, y) to its right."""
    extra: dict[str, Any] = {"font_weight": '"bold"'} if bold else {}
    if offset_px is not None:
        extra |= {"get_text_anchor": '"start"', "get_pixel_offset": list(offset_px)}
    return pdk.Layer(
        "TextLayer",
        data,
        get_position=_POSITION,
        get_text=text,
        get_size=size_px,
        get_color=list(colour),
        font_family=_FONT,
        get_alignment_baseline='"center"',
        **extra,
    )


def show(
    layers: Sequence[Any], *, view: dict[str, float], tooltip: str, height: int, key: str
) -> None:
    """Draw ``layers`` on a map centred on ``view`` (longitude, latitude, zoom)."""
    st.pydeck_chart(
        pdk.Deck(
            layers=list(layers),
            initial_view_state=pdk.ViewState(**view),
            map_style=None,
            tooltip={"text": tooltip},
        ),
        height=height,
        key=key,
    )
