"""The deck.gl layers every page draws, built one way: paths, points, labels, and the map.

Colours come from :mod:`scenarios.views.palette` as data; a colour argument is either a fixed
colour (a tuple) or the name of the table column holding each row's colour (``"rgb"``).

Every map has a legend (:class:`Key` entries drawn under it) and one tooltip template,
``{tooltip}``: a pickable layer's table carries a ``tooltip`` column written by
:func:`with_tooltip`, so no layer can show a raw ``{placeholder}``.

Under every map lies the offline basemap (:func:`scenarios.views.basemap`: Laos, its provinces
and main roads from the data pack), so a map reads without internet; web tiles are drawn
beneath it only when the user turns them on in the sidebar (``tiles`` in the session).
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd
import pydeck as pdk
import streamlit as st

from app_pages.i18n import lang, t
from scenarios import views
from scenarios.views import RGB

Colour = RGB | str
"""A fixed colour, or the name of the column that holds each row's colour."""

_PIXELS = '"pixels"'
_FONT = '"sans-serif"'
_POSITION = ["lon", "lat"]
_NO_MAP_STYLE = "__MAP_STYLE__"  # pydeck's "no style given", which Streamlit draws as no basemap


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


DOT = "\u25cf"
"""The glyph :func:`dots` draws: a black circle, in every sans-serif font."""


def dots(data: pd.DataFrame, *, colour: Colour, size_px: int, pickable: bool = False) -> Any:
    """A round dot (the glyph :data:`DOT`, ``size_px`` tall) at each row's ``lon``, ``lat``.

    Drawn by deck.gl's text layer, as the map's labels are: a map with labels and dots then
    needs one shader program less than with :func:`points`. A browser without a GPU compiles
    each program in software on the map's first frame (measured in headless chromium on the
    network page, dropping the scatterplot program and the land fill took the first view from
    ~3.2 to ~2.5 s, medians of 5 views). Unlike :func:`points`, no outline.
    """
    return labels(
        data.assign(dot=DOT), text="dot", size_px=size_px, colour=colour, pickable=pickable
    )


def labels(
    data: pd.DataFrame,
    *,
    text: str,
    size_px: int,
    colour: Colour,
    bold: bool = False,
    offset_px: Sequence[int] | None = None,
    pickable: bool = False,
) -> Any:
    """The ``text`` column written at each row's ``lon``, ``lat``: centred on the point,
    starting ``offset_px`` (x, y) to its right, or where the table's ``anchor`` and ``offset``
    columns say (:func:`scenarios.views.place_labels`)."""
    _pickable(data, pickable)
    extra: dict[str, Any] = {"font_weight": '"bold"'} if bold else {}
    if pickable:
        extra["pickable"] = True
    if offset_px is not None:
        extra |= {"get_text_anchor": '"start"', "get_pixel_offset": list(offset_px)}
    elif {"anchor", "offset"} <= set(data.columns):
        extra |= {"get_text_anchor": "anchor", "get_pixel_offset": "offset"}
    return pdk.Layer(
        "TextLayer",
        data,
        get_position=_POSITION,
        get_text=text,
        get_size=size_px,
        get_color=_colour(colour),
        font_family=_FONT,
        get_alignment_baseline='"center"',
        character_set='"auto"',  # Lao script as well as Latin; a one-glyph list drew nothing
        **extra,
    )


@st.cache_resource(show_spinner=False)
def offline_basemap() -> views.Basemap:
    """The offline basemap's tables, built once per server process."""
    return views.basemap()


def province_labels() -> pd.DataFrame:
    """The provinces' label points (``text`` in the chosen language, ``lon``, ``lat``)."""
    provinces = offline_basemap().provinces
    names = provinces["name_lo" if lang() == "lo" else "name_en"]
    return provinces[["lon", "lat"]].assign(text=names)


def basemap_layers(*, roads: bool = True, names: bool = True, land: bool = True) -> list[Any]:
    """The offline basemap: Laos filled (unless ``land`` is false, e.g. over web tiles), its
    main roads (unless ``roads`` is false), province boundaries, the national border, and the
    province names (unless ``names`` is false)."""
    base = offline_basemap()
    lines = base.lines if roads else base.lines[base.lines["kind"].isin(["province", "border"])]
    layers = []
    if land:
        layers.append(
            pdk.Layer("SolidPolygonLayer", base.land, get_polygon="polygon", get_fill_color="rgb")
        )
    layers.append(
        pdk.Layer(
            "PathLayer",
            lines[["path", "rgb", "width_px"]],
            get_path="path",
            get_color="rgb",
            get_width="width_px",
            width_units=_PIXELS,
        )
    )
    if names:
        layers.append(
            labels(
                province_labels(), text="text", size_px=12, colour=views.palette.BASEMAP_LABEL_RGB
            )
        )
    return layers


def basemap_keys(*, roads: bool = True) -> list[Key]:
    """The legend entries of the basemap."""
    colours = views.palette
    keys = [Key(t("main_road_key"), colours.BASEMAP_ROAD_RGB)] if roads else []
    return [
        *keys,
        Key(t("province_key"), colours.BASEMAP_PROVINCE_RGB),
        Key(t("border_key"), colours.BASEMAP_BORDER_RGB),
    ]


class _CompactDeck(pdk.Deck):  # type: ignore[misc]
    """A deck sent without pydeck's two-space indentation: a third of the bytes to send and parse
    for maps of many coordinates."""

    def to_json(self) -> str:
        from pydeck.bindings.json_tools import default_serialize

        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


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
    basemap_roads: bool = True,
    province_names: bool = True,
    land_fill: bool = True,
) -> None:
    """Draw ``layers`` over the offline basemap (:func:`basemap_layers`) on a map centred on
    ``view`` (longitude, latitude, zoom), the ``legend`` and the basemap's keys under it;
    hovering a pickable feature shows its ``tooltip`` column. ``land_fill=False`` leaves Laos
    unfilled (its border and provinces still drawn): one shader program less to compile."""
    if not legend:
        msg = f"map {key!r}: expected at least one legend entry, got none"
        raise ValueError(msg)
    tiles = bool(st.session_state.get("tiles"))
    land = land_fill and not tiles
    st.pydeck_chart(
        _CompactDeck(
            layers=[
                *basemap_layers(roads=basemap_roads, names=province_names, land=land),
                *layers,
            ],
            initial_view_state=pdk.ViewState(**view),
            map_provider="carto" if tiles else None,
            # Without tiles, no web map at all: an explicit ``None`` style makes Streamlit draw
            # the Carto web basemap anyway (a second WebGL map under the deck, its style fetched
            # from the internet); measured on the network page, it cost ~3 s of the browser's
            # script time and ~2 s of shader queries. pydeck's "no style given" sentinel makes
            # Streamlit leave it out.
            map_style="light" if tiles else _NO_MAP_STYLE,
            tooltip={"text": "{tooltip}"},
        ),
        height=height,
        key=key,
    )
    keys = [*legend, *basemap_keys(roads=basemap_roads)]
    st.markdown(_legend_html(keys), unsafe_allow_html=True)
