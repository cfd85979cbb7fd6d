"""Page 3, Network & data: the road network by surface or wet-season passability, the places,
the data sources with dates and licences, and how to load fresher OSM data."""

from __future__ import annotations

import pydeck as pdk
import streamlit as st
from common import headers, localized_choice, network_or_stop
from i18n import t

from scenarios import views

st.title(t("page_network"))
st.caption(t("network_age"))

net = network_or_stop()

left, mid, right = st.columns(3)
with left:
    colour_by = localized_choice(
        st.radio,
        t("colour_by"),
        ["surface", "wet"],
        format_func=lambda k: t("by_surface" if k == "surface" else "by_wet"),
        horizontal=True,
        key="net_colour_by",
    )
with mid:
    vehicle = localized_choice(
        st.selectbox,
        t("vehicle"),
        ["heavy_truck", "medium_truck", "pickup_4x4"],
        format_func=t,
        key="net_vehicle",
    )
season = "wet"
if colour_by != "wet":
    with right:
        season = localized_choice(
            st.radio, t("season"), ["dry", "wet"], format_func=t, horizontal=True, key="net_season"
        )

edges = views.network_edges(net, season=season, vehicle=vehicle)
places = views.places_frame(net)
colour_column = "surface_rgb" if colour_by == "surface" else "passable_rgb"

layers = [
    pdk.Layer(
        "PathLayer",
        edges,
        get_path="path",
        get_color=colour_column,
        width_min_pixels=2,
        get_width=3,
        width_units='"pixels"',
        pickable=True,
    ),
    pdk.Layer(
        "ScatterplotLayer",
        places,
        get_position=["lon", "lat"],
        get_fill_color="rgb",
        get_radius=6,
        radius_units='"pixels"',
        pickable=True,
    ),
    pdk.Layer(
        "TextLayer",
        places,
        get_position=["lon", "lat"],
        get_text="name",
        get_size=12,
        font_family='"sans-serif"',
        get_text_anchor='"start"',
        get_alignment_baseline='"center"',
        get_pixel_offset=[9, 0],
        get_color=[20, 20, 20],
    ),
]
st.pydeck_chart(
    pdk.Deck(
        layers=layers,
        initial_view_state=pdk.ViewState(**views.study_area_view()),
        map_style=None,
        tooltip={"text": "{name} {ref} {highway} {surface} {length_km} km"},
    ),
    height=560,
    key="network_map",
)

legend_col, stats_col = st.columns(2)
with legend_col:
    st.subheader(t("legend"))
    if colour_by == "surface":
        table = views.km_by(edges, "surface")
        table["surface"] = table["surface"].map(
            lambda s: t(s) if s in ("paved", "gravel", "earth") else s
        )
        rgb = views.SURFACE_RGB
    else:
        table = views.km_by(edges, "passable")
        table["passable"] = table["passable"].map(lambda b: t("passable" if b else "impassable"))
        rgb = {}
    st.dataframe(table, hide_index=True, key="legend_table", column_config=headers(table))
    swatches = (
        [(t(k), v) for k, v in rgb.items()]
        if colour_by == "surface"
        else [
            (t("passable"), views.PASSABLE_RGB[True]),
            (t("impassable"), views.PASSABLE_RGB[False]),
        ]
    )
    st.markdown(
        " ".join(
            f"<span style='color:rgb({c[0]},{c[1]},{c[2]})'>━━</span> {label}"
            for label, c in swatches
        ),
        unsafe_allow_html=True,
    )
with stats_col:
    st.subheader(t("network_stats"))
    summary = views.network_summary(net)
    a, b, c = st.columns(3)
    a.metric(t("nodes"), f"{summary['nodes']:,}")
    b.metric(t("edges"), f"{summary['edges']:,}")
    c.metric(t("km_total"), f"{summary['km']:,.0f}")
    if summary["source"]:
        st.caption(summary["source"])

st.subheader(t("places"))
place_table = places.drop(columns=["rgb"])
st.dataframe(place_table, hide_index=True, key="places_table", column_config=headers(place_table))

st.subheader(t("sources"))
sources = views.data_sources()
st.dataframe(sources, hide_index=True, key="sources_table", column_config=headers(sources))
st.caption(t("attribution"))
sources_md = views.sources_markdown()
if sources_md:
    with st.expander("data/SOURCES.md"):
        st.markdown(sources_md)

st.subheader(t("fresher"))
st.markdown(views.FRESHER_OSM_MD)
