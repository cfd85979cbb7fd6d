"""Page 1, Plan pickups (exporters): depot, pickups, fleet, season and time budget → routes."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from app_pages import plan_results
from app_pages.common import (
    depot_choices,
    headers,
    in_language,
    localized_choice,
    network_or_stop,
    plan_in_language,
    result_box,
    upload_box_in_language,
)
from app_pages.i18n import t
from scenarios import views


@st.cache_data(show_spinner=False)
def _sample_fleet() -> pd.DataFrame:
    """The sample fleet, the same frame on every rerun so that no edit is lost."""
    return views.sample_fleet()


def _in_language(value: object) -> str:
    return in_language([value])[0]


def _fleet_columns() -> dict[str, Any]:
    """The fleet editor's columns: labels in the chosen language, limits the file reader keeps."""
    number = st.column_config.NumberColumn
    return {
        "type": st.column_config.SelectboxColumn(
            t("col_type"), options=list(_sample_fleet()["type"]), format_func=_in_language
        ),
        "count": number(t("col_count"), min_value=0, max_value=50, step=1, required=True),
        "max_trips": number(
            t("col_max_trips"), help=t("max_trips_help"), min_value=1, max_value=10, step=1
        ),
        "shift_start": st.column_config.TextColumn(
            t("col_shift_start"), help="HH:MM", validate=r"^([01]?[0-9]|2[0-3]):[0-5][0-9]$"
        ),
        "max_hours": number(t("col_max_hours"), min_value=1, max_value=24, step=0.5),
    }


def _templates() -> None:
    """Download buttons for the pickups and fleet templates (header and two example rows)."""
    st.caption(t("templates"))
    left, right = st.columns(2)
    for column, name, key in (
        (left, "pickups_template.csv", "dl_pickups_template"),
        (right, "fleet_template.csv", "dl_fleet_template"),
    ):
        column.download_button(
            t(key),
            views.template_bytes(name),
            name,
            "text/csv",
            key=key,
            icon=":material/download:",
        )


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
        upload_box_in_language()
        upload = st.file_uploader(
            t("upload_csv"), type=["csv"], help=t("upload_help"), key="plan_upload"
        )
        if upload is not None:
            try:
                pickups_path = views.stage_upload(
                    upload.getvalue(), suffix=".csv", name=upload.name
                )
            except ValueError as exc:
                st.error(t("bad_upload", msg=exc))
        _templates()
    pickups: pd.DataFrame | None = None
    if pickups_path is not None:
        try:
            pickups = views.pickups_preview(pickups_path)
        except (ValueError, LookupError, OSError) as exc:
            st.error(t("bad_upload", msg=exc))
    if pickups is not None:
        st.caption(t("n_pickups", n=len(pickups)))
        shown = pickups.assign(product=in_language(pickups["product"]))
        st.dataframe(
            shown, hide_index=True, height=200, key="pickups_preview", column_config=headers(shown)
        )
with right:
    season = localized_choice(
        st.radio, t("season"), ["dry", "wet"], format_func=t, horizontal=True, key="season"
    )
    time_limit_s = st.slider(
        t("time_limit"),
        1,
        120,
        int(views.DEFAULT_TIME_LIMIT_S),
        help=t("time_limit_help", n=f"{views.DEFAULT_ITERATIONS:,}"),
        key="plan_time_limit",
    )
    st.markdown(f"**{t('fleet')}**")
    fleet = st.data_editor(
        _sample_fleet(),
        hide_index=True,
        disabled=["type"],
        column_config=_fleet_columns(),
        key="plan_fleet",
    )
    st.caption(t("fleet_help"))
    hire = st.checkbox(t("use_hire"), value=False, key="plan_hire")

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
                hire=hire,
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


# Everything the plan depends on: a plan made from other inputs is marked out of date.
inputs = views.inputs_fingerprint(
    depot, str(pickups_path), season, time_limit_s, pd.DataFrame(fleet), hire
)
if run:
    st.session_state["plan_result"] = _solve_with_progress()
    st.session_state["plan_inputs"] = inputs

plan: views.PlanView | None = st.session_state.get("plan_result")
if plan is None:
    # The inputs are on screen already; warm the road-network cache while the user reads them.
    network_or_stop()
    st.stop()

fresh = st.session_state.get("plan_inputs") == inputs
with result_box("plan_results", fresh=fresh, message=t("stale_plan")):
    plan_results.show(plan_in_language(plan))
