"""The results of the Plan pickups page: headline figures, map, tables, downloads."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from app_pages import maps
from app_pages.common import headers, localized_choice, money, money_columns
from app_pages.i18n import STRINGS, lang, t
from scenarios import views

# own fleet and hired trucks (data/hire_tariffs.csv); key: (English, Lao)
STRINGS.update(
    {
        "use_hire": (
            "Hire trucks where cheaper (tariffs: data/hire_tariffs.csv, estimates)",
            "ເຊົ່າລົດເພີ່ມ ເມື່ອຖືກກວ່າ (ລາຄາເຊົ່າ: data/hire_tariffs.csv, ຄ່າປະມານ)",
        ),
        "own_cost": ("Own trucks' cost", "ຕົ້ນທຶນລົດຂອງຕົນເອງ"),
        "hired_cost": ("Hired trucks' cost", "ຕົ້ນທຶນລົດເຊົ່າ"),
        "hired_cost_help": (
            "Hired trucks cost their tariff per day or per trip plus the fuel per km; the own "
            "fleet costs fuel, wear, crew and its fixed cost per day. Own + hired = total.",
            "ລົດເຊົ່າ ຄິດຕາມລາຄາເຊົ່າຕໍ່ມື້ ຫຼື ຕໍ່ຖ້ຽວ ບວກຄ່ານ້ຳມັນຕໍ່ກິໂລແມັດ; ລົດຂອງຕົນເອງ ຄິດຄ່ານ້ຳມັນ, "
            "ຄ່າສຶກຫຼໍ່, ຄ່າຄົນຂັບ ແລະ ຕົ້ນທຶນຄົງທີ່ຕໍ່ມື້. ລົດຂອງຕົນເອງ + ລົດເຊົ່າ = ລວມ.",
        ),
        "col_hired": ("Hired", "ລົດເຊົ່າ"),
        "carried_key": (
            "Carried to the road end (village to where the truck stops)",
            "ຂົນໄປປາຍທາງ (ຈາກບ້ານ ຫາ ຈຸດທີ່ລົດຈອດ)",
        ),
        "carried_tip": (
            "{village}: carried {km} km to the road end, {tonnes} t",
            "{village}: ຂົນໄປປາຍທາງ {km} ກມ, {tonnes} ໂຕນ",
        ),
    }
)


def show(plan: views.PlanView) -> None:
    """Render ``plan``: figures, the routes map, a table per truck, dropped pickups, downloads."""
    plan = views.plan_in_language(plan, lang())
    _figures(plan.summary)
    s = plan.summary
    if s["road_end_stops"]:
        st.caption(t("carry_note", n=int(s["road_end_stops"]), cost=money(s["carry_cost_lak"])))
    if s["tonnes_required_left_behind"] > 0:
        st.warning(t("required_left", t=f"{s['tonnes_required_left_behind']:,.1f}"))
    if plan.warnings:
        st.warning("\n".join([t("far_pickups"), *(f"- {w}" for w in plan.warnings)]))

    st.subheader(t("routes_map"))
    days = sorted({d for d in plan.paths["day"] if d is not None and not pd.isna(d)})
    paths, stops, carried = plan.paths, plan.stops, plan.carried
    if len(days) > 1:
        day = localized_choice(
            st.segmented_control,
            t("day"),
            ["all", *days],
            format_func=lambda d: t("all_days") if d == "all" else str(d),
            key="plan_map_day",
        )
        if day not in (None, "all"):
            paths, stops = paths[paths["day"] == day], stops[stops["day"] == day]
            carried = carried[carried["day"] == day]
    _routes_map(plan, paths, stops, carried)

    st.subheader(t("routes_table"))
    trucks = money_columns(plan.trucks).round({"cost_lak": 2, "cost_usd": 2})
    st.dataframe(trucks, hide_index=True, key="plan_trucks", column_config=headers(trucks))
    table_columns = {
        "order": t("sheet_order"),
        "trip": t("sheet_trip"),
        "village": t("sheet_place"),
        "arrival": t("sheet_time"),
        "weight_kg": t("sheet_weight_kg"),
        "load_kg": t("sheet_load_kg"),
        "connector_km": t("sheet_far_km"),
        "carry_km": t("carry_km"),
    }
    for i, (truck, truck_stops) in enumerate(plan.stops.groupby("truck", sort=False)):
        with st.expander(
            f"{t('truck')} {truck}: {t('n_stops', n=len(truck_stops))}", expanded=i == 0
        ):
            st.dataframe(
                truck_stops[list(table_columns)].rename(columns=table_columns),
                hide_index=True,
                key=f"plan_stops_{truck}",
            )

    if s["split_pickups"]:
        st.caption(t("split_note", n=int(s["split_pickups"])))

    st.subheader(t("dropped"))
    if plan.dropped.empty:
        st.success(t("no_dropped"))
    else:
        st.dataframe(
            plan.dropped, hide_index=True, key="plan_dropped", column_config=headers(plan.dropped)
        )

    st.subheader(t("downloads"))
    sheets = views.sheet_downloads(plan, lang())
    d1, d4, d2, d3 = st.columns(4)
    d1.download_button(t("dl_sheets"), sheets.csv, sheets.csv_name, "text/csv", key="dl_sheets")
    d4.download_button(
        t("dl_sheets_html"), sheets.html, sheets.html_name, "text/html", key="dl_sheets_html"
    )
    st.caption(t("sheets_lang_note"))
    d2.download_button(
        t("dl_geojson"), plan.routes_geojson, "routes.geojson", "application/geo+json", key="dl_geo"
    )
    d3.download_button(t("dl_plan"), plan.plan_json, "plan.json", "application/json", key="dl_plan")


def _figures(s: dict[str, float]) -> None:
    """The headline figures: cost, trucks, tonnes, distance, hours, CO2, own and hired cost."""
    cols = st.columns(4) + st.columns(4)
    cols[0].metric(t("cost_per_t"), money(s["cost_per_tonne_lak"]))
    cols[1].metric(t("total_cost"), money(s["total_cost_lak"]))
    cols[2].metric(
        t("trucks_used"),
        f"{int(s['trucks_used'])}",
        help=t("trucks_used_help", days=int(s["truck_days"])),
    )
    cols[3].metric(
        t("collected"),
        t("t_of_t", got=f"{s['tonnes']:,.1f}", of=f"{s['tonnes_requested']:,.1f}"),
    )
    cols[4].metric(
        t("left_behind"),
        f"{s['tonnes_left_behind']:,.1f} t",
        help=t("left_behind_help", required=f"{s['tonnes_required_left_behind']:,.1f}"),
    )
    cols[5].metric(t("distance_km"), f"{s['distance_km']:,.1f}")
    cols[6].metric(t("hours"), f"{s['duration_h']:,.1f}")
    cols[7].metric(t("co2_kg"), f"{s['co2_kg']:,.0f}")
    own, hired = st.columns(4)[:2]
    own.metric(t("own_cost"), money(s["own_cost_lak"]))
    hired.metric(t("hired_cost"), money(s["hired_cost_lak"]), help=t("hired_cost_help"))


def _carried_layers(carried: pd.DataFrame) -> list[Any]:
    """Cut-off villages: a thin line from the village to the road end where the truck stops,
    a small dot at the village, a tooltip with the carry's km and tonnes."""
    colour = views.palette.CARRY_RGB
    tips = maps.with_tooltip(
        carried.assign(
            km=carried["carry_km"].map(lambda km: f"{km:,.1f}"),
            t=carried["tonnes"].map(lambda tonnes: f"{tonnes:,.1f}"),
        ),
        t("carried_tip", village="{village}", km="{km}", tonnes="{t}"),
    )
    return [
        maps.paths(tips, colour=colour, width=2, pickable=True),
        maps.points(
            tips, colour=colour, radius_px=5, outline=views.palette.OUTLINE_RGB, pickable=True
        ),
    ]


def _routes_map(
    plan: views.PlanView, paths: pd.DataFrame, stops: pd.DataFrame, carried: pd.DataFrame
) -> None:
    """The routes along the roads, numbered stops named by village (a cut-off village's stop at
    the road end, its carry drawn from the village), the depot, a legend."""
    colours = views.palette
    stop_tip = (
        f"{{truck}} · {t('order')} {{order}} ({t('trip')} {{trip}}) · {{village}} · "
        f"{t('arrival')} {{arrival}} · {{weight_kg:,.0f}} kg"
    )
    depot = maps.with_tooltip(plan.depot, f"{t('depot')}: {{name}}")
    maps.show(
        [
            maps.paths(
                maps.with_tooltip(paths, f"{t('truck')} {{truck}}"),
                colour="rgb",
                width=4,
                pickable=True,
            ),
            *(_carried_layers(carried) if not carried.empty else []),
            maps.points(
                maps.with_tooltip(stops, stop_tip),
                colour="rgb",
                radius_px=9,
                outline=colours.OUTLINE_RGB,
                pickable=True,
            ),
            maps.labels(stops, text="label", size_px=11, colour=colours.STOP_LABEL_RGB, bold=True),
            maps.labels(
                stops, text="village", size_px=11, colour=colours.PLACE_LABEL_RGB, offset_px=(11, 0)
            ),
            maps.points(depot, colour=colours.DEPOT_RGB, radius_px=12, pickable=True),
            maps.labels(
                depot,
                text="name",
                size_px=14,
                colour=colours.DEPOT_RGB,
                bold=True,
                offset_px=(15, 0),
            ),
        ],
        view=plan.view,
        legend=[
            maps.Key(t("depot"), colours.DEPOT_RGB, "dot"),
            maps.Key(t("stop_key"), colours.PLACE_LABEL_RGB, "dot"),
            *([maps.Key(t("carried_key"), colours.CARRY_RGB)] if not carried.empty else []),
            *(
                maps.Key(str(truck), rgb)
                for truck, rgb in zip(paths["truck"], paths["rgb"], strict=True)
            ),
        ],
        height=520,
        key="plan_map",
    )
