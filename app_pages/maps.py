"""The deck.gl layers every page draws, built one way: paths, points, labels, and the map.

Colours come from :mod:`scenarios.views.palette` as data; a colour argument is either a fixed
colour (a tuple) or the name of the table column holding each row's colour (``"rgb"``).

Every map has a legend (:class:`Key` entries drawn under it) and one tooltip template,
``{tooltip}``: a pickable layer's table carries a ``tooltip`` column written by
:func:`with_tooltip`, so no layer can show a raw ``{placeholder}``.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd
import pydeck as pdk
import streamlit as st

from scenarios import views
from scenarios.views import RGB

Colour = RGB | str
"""A fixed colour, or the name of the column that holds each row's colour."""

_PIXELS = '"pixels"'
_FONT = '"sans-serif"'
_POSITION = ["lon", "lat"]


def _colour(colour: Colour) -> list[int] | str:
    return colour if isinstance(colour, str) else list(colour)


def with_tooltip(data: pd.DataFrame, template: str) -> pd.DataFrame:
    """``data`` with a ``tooltip`` column: ``template`` filled from each row's columns.

    A field the table lacks raises ``KeyError`` here, instead of reaching the map as a raw
    ``{placeholder}``. Numbers are written as the template says (``{tonnes:,.0f}``).
    """
    text = [template.format_map(row) for row in data.to_dict("records")]
    return data.assign(tooltip=pd.Series(text, index=data.index, dtype="object"))


def _pickable(data: pd.DataFrame, pickable: bool) -> None:
    if pickable and "tooltip" not in data.columns:
        msg = (
            "a pickable map layer needs a 'tooltip' column (see with_tooltip); "
            f"got columns {', '.join(map(str, data.columns))}"
        )
        raise ValueError(msg)


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
    _pickable(data, pickable)
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
    _pickable(data, pickable)
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


@dataclass(frozen=True, slots=True)
class Key:
    """One legend entry: a swatch drawn as a line or a dot, and its label."""

    label: str
    colour: Sequence[int]
    shape: Literal["line", "dot"] = "line"


def _legend_html(keys: Sequence[Key]) -> str:
    items = []
    for key in keys:
        colour = views.palette.css(key.colour)
        if key.shape == "dot":
            swatch = (
                f"<span style='display:inline-block;width:11px;height:11px;border-radius:50%;"
                f"background:{colour};border:1px solid #888'></span>"
            )
        else:
            swatch = (
                f"<span style='display:inline-block;width:22px;height:5px;"
                f"background:{colour};vertical-align:middle'></span>"
            )
        items.append(
            f"<span class='bolaven-legend-item' style='margin-right:14px;white-space:nowrap'>"
            f"{swatch} {html.escape(key.label)}</span>"
        )
    return f"<div class='bolaven-legend'>{' '.join(items)}</div>"


def show(
    layers: Sequence[Any],
    *,
    view: dict[str, float],
    legend: Sequence[Key],
    height: int,
    key: str,
) -> None:
    """Draw ``layers`` on a map centred on ``view`` (longitude, latitude, zoom), the ``legend``
    under it; hovering a pickable feature shows its ``tooltip`` column."""
    if not legend:
        msg = f"map {key!r}: expected at least one legend entry, got none"
        raise ValueError(msg)
    st.pydeck_chart(
        pdk.Deck(
            layers=list(layers),
            initial_view_state=pdk.ViewState(**view),
            map_style=None,
            tooltip={"text": "{tooltip}"},
        ),
        height=height,
        key=key,
    )
    st.markdown(_legend_html(legend), unsafe_allow_html=True)
