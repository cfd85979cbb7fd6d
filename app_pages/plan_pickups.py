"""Page 1, Plan pickups (exporters): depot, pickups, fleet, season and time budget → routes."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd
import streamlit as st

from app_pages import maps
from app_pages.common import (
    depot_choices,
    headers,
    localized_choice,
    money,
    money_columns,
    network_or_stop,
)
from app_pages.i18n import t
from scenarios import views

st.title(t("page_plan"))
st.caption(t("plan_intro"))

# ---- inputs ---------------------------------------------------------------------------------
left, right = st.columns([1, 1])
with left:
    depots = depot_choices()
    depot = st.selectbox(t("depot"), depots, key="plan_depot")
    source = localized_choice(
        st.radio,
        t("pickups_source"),
        ["sample", "upload"],
        format_func=lambda k: t("use_sample" if k == "sample" else "upload_csv"),
        horizontal=True,
        key="plan_source",
    )
    pickups_path: Path | None = None
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
    pickups: pd.DataFrame | None = None
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
                views.plan_view,
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
colours = views.palette
maps.show(
    [
        maps.paths(paths, colour="rgb", width=4, pickable=True),
        maps.points(stops, colour="rgb", radius_px=9, outline=colours.OUTLINE_RGB, pickable=True),
        maps.labels(stops, text="label", size_px=11, colour=colours.STOP_LABEL_RGB, bold=True),
        maps.points(plan.depot, colour=colours.DEPOT_RGB, radius_px=12),
    ],
    view=plan.view,
    tooltip="{truck} {village} {arrival}",
    height=520,
    key="plan_map",
)

st.subheader(t("routes_table"))
trucks = money_columns(plan.trucks).round({"cost_lak": 2, "cost_usd": 2})
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
