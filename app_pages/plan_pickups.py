"""Page 1, Plan pickups (exporters): depot, pickups, fleet, season and time budget → routes."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import pydeck as pdk
import streamlit as st
from common import currency, headers, localized_choice, money, money_factor, network_or_stop
from i18n import t

from scenarios import views

st.title(t("page_plan"))
st.caption(t("plan_intro"))

missing = views.pickups_available()
if missing:
    st.info(t("not_ready", detail=missing))
    st.stop()

# ---- inputs ---------------------------------------------------------------------------------
left, right = st.columns([1, 1])
with left:
    depots = views.depot_choices()
    depot = st.selectbox(t("depot"), depots, key="plan_depot")
    source = localized_choice(
        st.radio,
        t("pickups_source"),
        ["sample", "upload"],
        format_func=lambda k: t("use_sample" if k == "sample" else "upload_csv"),
        horizontal=True,
        key="plan_source",
    )
    pickups_path = None
    if source == "sample":
        pickups_path = views.sample_pickups_path()
    else:
        upload = st.file_uploader(
            t("upload_csv"), type=["csv"], help=t("upload_help"), key="plan_upload"
        )
        if upload is not None:
            try:
                pickups_path = views.stage_upload(upload.getvalue(), suffix=".csv")
            except ValueError as exc:
                st.error(t("bad_upload", msg=exc))
    pickups = None
    if pickups_path is not None:
        try:
            pickups = views.pickups_preview(pickups_path)
        except (ValueError, LookupError, OSError) as exc:
            st.error(t("bad_upload", msg=exc))
    if pickups is not None:
        st.caption(t("n_pickups", n=len(pickups)))
        st.dataframe(pickups, hide_index=True, height=200, key="pickups_preview")
with right:
    season = localized_choice(
        st.radio, t("season"), ["dry", "wet"], format_func=t, horizontal=True, key="season"
    )
    time_limit_s = st.slider(t("time_limit"), 1, 60, 5, key="plan_time_limit")
    fleet = st.data_editor(
        views.sample_fleet(),
        hide_index=True,
        disabled=[c for c in views.sample_fleet().columns if c != "count"],
        key="plan_fleet",
    )

run = st.button(
    t("run_plan"), type="primary", disabled=pickups is None, key="plan_run", icon=":material/route:"
)


def _solve_with_progress() -> views.PlanView | None:
    """Run the plan in a worker thread while a progress bar tracks the time budget."""
    assert pickups_path is not None
    net = network_or_stop()
    with st.status(t("planning"), expanded=False) as status:
        bar = st.progress(0.0)
        started = time.monotonic()
        budget_s = time_limit_s + 5.0  # snapping, matrices and verification around the solve
        with ThreadPoolExecutor(max_workers=1) as pool:
            future = pool.submit(
                views.plan_pickups,
                net,
                pickups_path,
                depot=depot,
                fleet=pd.DataFrame(fleet),
                season=season,
                time_limit_s=float(time_limit_s),
            )
            while not future.done():
                bar.progress(min((time.monotonic() - started) / budget_s, 0.99))
                time.sleep(0.2)
        try:
            plan = future.result()
        except (ValueError, LookupError, OSError, RuntimeError) as exc:
            status.update(label=t("plan_failed", msg=exc), state="error")
            st.error(t("plan_failed", msg=exc))
            return None
        bar.progress(1.0)
        status.update(
            label=f"{t('planned')} ({time.monotonic() - started:.1f} s)", state="complete"
        )
    return plan


if run:
    st.session_state["plan_result"] = _solve_with_progress()

plan: views.PlanView | None = st.session_state.get("plan_result")
if plan is None:
    # The inputs are on screen already; warm the road-network cache while the user reads them.
    network_or_stop()
    st.stop()

# ---- results --------------------------------------------------------------------------------
s = plan.summary
cols = st.columns(3) + st.columns(3)
cols[0].metric(t("cost_per_t"), money(s["cost_per_tonne_lak"]))
cols[1].metric(t("total_cost"), money(s["total_cost_lak"]))
cols[2].metric(t("trucks_used"), f"{int(s['trucks_used'])}")
cols[3].metric(t("distance_km"), f"{s['distance_km']:,.1f}")
cols[4].metric(t("hours"), f"{s['duration_h']:,.1f}")
cols[5].metric(t("co2_kg"), f"{s['co2_kg']:,.0f}")

st.subheader(t("routes_map"))
days = sorted({d for d in plan.paths["day"] if d is not None and not pd.isna(d)})
paths, stops = plan.paths, plan.stops
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
layers = [
    pdk.Layer(
        "PathLayer",
        paths,
        get_path="path",
        get_color="rgb",
        get_width=4,
        width_units='"pixels"',
        pickable=True,
    ),
    pdk.Layer(
        "ScatterplotLayer",
        stops,
        get_position=["lon", "lat"],
        get_fill_color="rgb",
        get_line_color=[255, 255, 255],
        stroked=True,
        line_width_min_pixels=1,
        get_radius=9,
        radius_units='"pixels"',
        pickable=True,
    ),
    pdk.Layer(
        "TextLayer",
        stops,
        get_position=["lon", "lat"],
        get_text="label",
        get_size=11,
        get_color=[255, 255, 255],
        font_family='"sans-serif"',
        font_weight='"bold"',
        get_alignment_baseline='"center"',
    ),
    pdk.Layer(
        "ScatterplotLayer",
        plan.depot,
        get_position=["lon", "lat"],
        get_fill_color=[0, 0, 0],
        get_radius=12,
        radius_units='"pixels"',
    ),
]
st.pydeck_chart(
    pdk.Deck(
        layers=layers,
        initial_view_state=pdk.ViewState(**plan.view),
        map_style=None,
        tooltip={"text": "{truck} {village} {arrival}"},
    ),
    height=520,
    key="plan_map",
)

st.subheader(t("routes_table"))
trucks = plan.trucks.copy()
trucks["cost"] = (trucks["cost_lak"] * money_factor()).round(2)
trucks = trucks.rename(columns={"cost": f"cost_{currency().lower()}"}).drop(columns=["cost_lak"])
st.dataframe(trucks, hide_index=True, key="plan_trucks", column_config=headers(trucks))
table_columns = {
    "order": t("order"),
    "village": t("village"),
    "arrival": t("arrival"),
    "load_kg": t("load_kg"),
}
for i, (truck, truck_stops) in enumerate(plan.stops.groupby("truck", sort=False)):
    with st.expander(f"{t('truck')} {truck}: {t('n_stops', n=len(truck_stops))}", expanded=i == 0):
        st.dataframe(
            truck_stops[list(table_columns)].rename(columns=table_columns),
            hide_index=True,
            key=f"plan_stops_{truck}",
        )

st.subheader(t("dropped"))
if plan.dropped.empty:
    st.success(t("no_dropped"))
else:
    st.dataframe(
        plan.dropped, hide_index=True, key="plan_dropped", column_config=headers(plan.dropped)
    )

st.subheader(t("downloads"))
d1, d2, d3 = st.columns(3)
d1.download_button(
    t("dl_sheets"), plan.driver_sheets_csv, "driver_sheets.csv", "text/csv", key="dl_sheets"
)
d2.download_button(
    t("dl_geojson"), plan.routes_geojson, "routes.geojson", "application/geo+json", key="dl_geo"
)
d3.download_button(t("dl_plan"), plan.plan_json, "plan.json", "application/json", key="dl_plan")
