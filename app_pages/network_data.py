"""Page 3, Network & data: the road network by surface or wet-season passability, the places,
the data sources with dates and licences, and how to load fresher OSM data."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app_pages import maps
from app_pages.common import (
    NETWORK_SEASONS,
    NETWORK_VEHICLES,
    headers,
    localized_choice,
    network_edges,
    network_or_stop,
    place_names,
)
from app_pages.i18n import STRINGS, t
from scenarios import views

st.title(t("page_network"))
st.caption(t("network_age"))

net = network_or_stop()


PLACE_DOT_PX = 22  # height of a place's dot glyph: a disc ~11 px across

# Which labels a crowded map keeps first: crossings and towns, then cities, ports, posts, mills.
_LABEL_PRIORITY = {"border_pair": 0, "town": 1, "city": 2, "seaport": 2, "border_post": 3}


def _labels(places: pd.DataFrame, view: dict[str, float]) -> pd.DataFrame:
    """Place and province names that do not overlap at the map's opening zoom."""
    towns = places.assign(
        text=place_names(places), priority=[_LABEL_PRIORITY.get(k, 4) for k in places["kind"]]
    )[["text", "lon", "lat", "priority"]]
    provinces = maps.province_labels().assign(priority=5)
    table = pd.concat([towns, provinces], ignore_index=True)
    return views.place_labels(table, view=view, size_px=12)


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
        list(NETWORK_VEHICLES),
        format_func=t,
        key="net_vehicle",
    )
season = "wet"
if colour_by != "wet":
    with right:
        season = localized_choice(
            st.radio,
            t("season"),
            list(NETWORK_SEASONS),
            format_func=t,
            horizontal=True,
            key="net_season",
        )

edges = network_edges(season, vehicle)
places = views.places_frame(net)
colour_column = "surface_rgb" if colour_by == "surface" else "passable_rgb"

colours = views.palette
if colour_by == "surface":
    road_keys = [maps.Key(t(k), v) for k, v in colours.SURFACE_RGB.items()]
else:
    road_keys = [
        maps.Key(t("passable"), colours.PASSABLE_RGB[True]),
        maps.Key(t("impassable"), colours.PASSABLE_RGB[False]),
    ]
edge_tip = (
    f"{{ref}} {{highway}} · {t('col_surface')}: {{surface_label}} · {{length_km:,.1f}} {t('km')}"
)
road_layer = edges[["path", colour_column, "ref", "highway", "surface", "length_km"]].assign(
    surface_label=[t(s) if s in colours.SURFACE_RGB else s for s in edges["surface"]],
    highway=[t(f"road_{h}") if f"road_{h}" in STRINGS else h for h in edges["highway"]],
)
view = views.study_area_view()
placed = _labels(places, view)
maps.show(
    [
        maps.paths(
            maps.with_tooltip(road_layer, edge_tip)[["path", colour_column, "tooltip"]],
            colour=colour_column,
            width=3,
            min_width_px=2,
            pickable=True,
        ),
        maps.dots(
            maps.with_tooltip(
                places.assign(
                    label=place_names(places),
                    kind_label=[t(f"place_{k}") for k in places["kind"]],
                ),
                "{label} ({kind_label})",
            )[["lon", "lat", "rgb", "tooltip"]],
            colour="rgb",
            size_px=PLACE_DOT_PX,
            pickable=True,
        ),
        *(
            maps.labels(group, text="text", size_px=12, colour=colour)
            for group, colour in (
                (placed[placed["priority"] < 5], colours.PLACE_LABEL_RGB),
                (placed[placed["priority"] == 5], colours.BASEMAP_LABEL_RGB),
            )
        ),
    ],
    view=view,
    legend=[
        *road_keys,
        *(
            maps.Key(t(f"place_{kind}"), rgb, "dot")
            for kind, rgb in colours.PLACE_RGB.items()
            if kind in set(places["kind"])
        ),
    ],
    height=560,
    key="network_map",
    basemap_roads=False,
    province_names=False,
    land_fill=False,  # this page's subject is the roads; one shader program less to draw
)

legend_col, stats_col = st.columns(2)
with legend_col:
    st.subheader(t("legend"))
    if colour_by == "surface":
        table = views.km_by(edges, "surface")
        table["surface"] = table["surface"].map(
            lambda s: t(s) if s in ("paved", "gravel", "earth") else s
        )
    else:
        table = views.km_by(edges, "passable")
        table["passable"] = table["passable"].map(lambda b: t("passable" if b else "impassable"))
    st.dataframe(table, hide_index=True, key="legend_table", column_config=headers(table))
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
place_table = places.drop(columns=["rgb"]).assign(
    name=place_names(places), kind=[t(f"place_{k}") for k in places["kind"]]
)
st.dataframe(place_table, hide_index=True, key="places_table", column_config=headers(place_table))

st.subheader(t("sources"))
sources = views.data_sources()
st.dataframe(sources, hide_index=True, key="sources_table", column_config=headers(sources))
st.caption(t("attribution"))
with st.expander("data/SOURCES.md"):
    st.markdown(views.sources_markdown())

st.subheader(t("fresher"))
st.markdown(views.FRESHER_OSM_MD)
