"""Page 3, Network & data: the road network by surface or wet-season passability, the places,
the data sources with dates and licences, and how to load fresher OSM data."""

from __future__ import annotations

import streamlit as st

from app_pages import maps
from app_pages.common import headers, localized_choice, network_or_stop
from app_pages.i18n import t
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

colours = views.palette
maps.show(
    [
        maps.paths(edges, colour=colour_column, width=3, min_width_px=2, pickable=True),
        maps.points(places, colour="rgb", radius_px=6, pickable=True),
        maps.labels(
            places, text="name", size_px=12, colour=colours.PLACE_LABEL_RGB, offset_px=(9, 0)
        ),
    ],
    view=views.study_area_view(),
    tooltip="{name} {ref} {highway} {surface} {length_km} km",
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
        swatches = [(t(k), v) for k, v in colours.SURFACE_RGB.items()]
    else:
        table = views.km_by(edges, "passable")
        table["passable"] = table["passable"].map(lambda b: t("passable" if b else "impassable"))
        swatches = [
            (t("passable"), colours.PASSABLE_RGB[True]),
            (t("impassable"), colours.PASSABLE_RGB[False]),
        ]
    st.dataframe(table, hide_index=True, key="legend_table", column_config=headers(table))
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
    b.metric(t("edges"), f"{summary['sections']:,}")
    c.metric(t("km_total"), f"{summary['km_total']:,.0f}")
    if summary["source"]["description"]:
        st.caption(summary["source"]["description"])

st.subheader(t("places"))
place_table = places.drop(columns=["rgb"])
st.dataframe(place_table, hide_index=True, key="places_table", column_config=headers(place_table))

st.subheader(t("sources"))
sources = views.data_sources()
st.dataframe(sources, hide_index=True, key="sources_table", column_config=headers(sources))
st.caption(t("attribution"))
with st.expander("data/SOURCES.md"):
    st.markdown(views.sources_markdown())

st.subheader(t("fresher"))
st.markdown(views.FRESHER_OSM_MD)
