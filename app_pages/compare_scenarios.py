"""Page 2, Compare scenarios (policymakers): library or uploaded TOML → KPIs, deltas, CBA, map."""

from __future__ import annotations

import re
from typing import Any

import altair as alt
import pandas as pd
import pydeck as pdk
import streamlit as st
from common import currency, headers, money_factor, network_or_stop, number_columns, table_height
from i18n import t, term

from scenarios import views

st.title(t("page_compare"))
st.caption(t("compare_intro"))


@st.cache_data(show_spinner=False, max_entries=64)
def _run(key: str, _spec: Any) -> dict[str, Any]:
    """One scenario's result, cached by the scenario's content (``key``)."""
    return views.run_scenario_payload(_spec)


@st.cache_data(show_spinner=False, max_entries=64)
def _changed(key: str, _spec: Any) -> pd.DataFrame:
    return views.changed_roads(_spec)


library = views.library_scenarios()
default = [n for n in ("pave_route_16a",) if n in set(library["name"])]
chosen = st.multiselect(
    t("pick_scenarios"),
    list(library["name"]),
    default=default,
    key="cmp_pick",
    help="\n\n".join(f"**{r.name}**: {r.description}" for r in library.itertuples()),
)
upload = st.file_uploader(t("upload_toml"), type=["toml"], key="cmp_upload")

specs: list[Any] = []
for name in chosen:
    specs.append(views.load_scenario_file(library.set_index("name").loc[name, "file"]))
if upload is not None:
    try:
        specs.append(views.load_scenario_file(views.stage_scenario_upload(upload.getvalue())))
    except (ValueError, OSError) as exc:
        # show the user's file name (display only; the staged file has a generated name)
        st.error(t("bad_upload", msg=re.sub(r"upload-[0-9a-f]{20}\.toml", upload.name, str(exc))))

run = st.button(
    t("run_compare"),
    type="primary",
    key="cmp_run",
    disabled=not specs,
    icon=":material/play_arrow:",
)
if not specs:
    st.info(t("pick_one"))


def _run_all(specs: list[Any]) -> tuple[views.CompareView, pd.DataFrame]:
    todo: dict[str, Any] = {}
    for spec in specs:
        base = views.load_scenario_file(views.baseline_file(spec))
        todo.setdefault(views.scenario_key(base), base)
        todo.setdefault(views.scenario_key(spec), spec)
    payloads = []
    with st.status(t("running"), expanded=False) as status:
        bar = st.progress(0.0)
        for i, (key, spec) in enumerate(todo.items(), start=1):
            status.update(label=f"{t('running')} {spec.name} ({i}/{len(todo)})")
            payloads.append(_run(key, spec))
            bar.progress(i / len(todo))
        changed = pd.concat([_changed(views.scenario_key(s), s) for s in specs], ignore_index=True)
        status.update(label=t("compared", n=len(todo)), state="complete")
    return views.compare_view(payloads), changed


if run and specs:
    try:
        st.session_state["cmp_result"] = _run_all(specs)
    except (ValueError, LookupError, OSError, RuntimeError) as exc:
        st.session_state.pop("cmp_result", None)
        st.error(t("compare_failed", msg=exc))

if "cmp_result" not in st.session_state:
    st.stop()
view, changed = st.session_state["cmp_result"]
factor, cur = money_factor(), currency()


def _money_rows(frame: pd.DataFrame, unit_col: str, value_cols: list[str]) -> pd.DataFrame:
    """Convert rows whose unit is in LAK to the chosen currency (units renamed)."""
    out = frame.copy()
    lak = out[unit_col].astype(str).str.startswith("LAK")
    for col in value_cols:
        out[col] = out[col].astype(float)
        out.loc[lak, col] = out.loc[lak, col] * factor
    out.loc[lak, unit_col] = out.loc[lak, unit_col].str.replace("LAK", cur, regex=False)
    return out


def _engine_labels(frame: pd.DataFrame) -> pd.DataFrame:
    """Write the engine's KPI labels in the chosen language (by KPI key), then drop the key."""
    out = frame.copy()
    out["kpi"] = [term(str(k), str(label)) for k, label in zip(out["key"], out["kpi"], strict=True)]
    return out.drop(columns=["key"])


st.subheader(t("kpis"))
names = [c for c in view.kpis.columns if c not in ("kpi", "unit", "key")]
kpis = _engine_labels(view.kpis[~view.kpis["key"].str.contains("usd")])
kpi_table = _money_rows(kpis, "unit", names).round(2)
st.dataframe(
    kpi_table,
    hide_index=True,
    key="cmp_kpis",
    column_config=headers(kpi_table, number_columns(kpi_table)),
    height=table_height(kpi_table),
)
st.caption(t("solver_caption", detail=view.solver_line()))

st.subheader(t("deltas"))
if view.deltas.empty:
    st.info(t("pick_one"))
else:
    deltas = _engine_labels(view.deltas[~view.deltas["unit"].str.contains("US")])
    delta_table = _money_rows(deltas, "unit", ["baseline_value", "scenario_value", "delta"])
    st.dataframe(
        delta_table.round(2),
        hide_index=True,
        key="cmp_deltas",
        column_config=headers(delta_table, number_columns(delta_table)),
        height=table_height(delta_table),
    )

st.subheader(t("breakdown"))
chart_data = view.breakdown.assign(
    value=view.breakdown["lak_per_t"] * factor, part=view.breakdown["part"].map(term)
)
st.altair_chart(
    alt.Chart(chart_data)
    .mark_bar()
    .encode(
        x=alt.X("value:Q", title=f"{cur} / t"),
        y=alt.Y("scenario:N", title=t("scenario")),
        color=alt.Color("part:N", title=t("part")),
        tooltip=["scenario", "part", alt.Tooltip("value:Q", format=",.2f")],
    ),
    height=max(180, 50 * chart_data["scenario"].nunique()),
    key="cmp_breakdown",
)

st.subheader(t("cba"))
cba = view.cba.copy()
for col in ("annual_saving_lak", "npv_lak"):
    cba[col] = cba[col].astype(float) * factor
cba = cba.rename(
    columns={"annual_saving_lak": f"annual_saving_{cur.lower()}", "npv_lak": f"npv_{cur.lower()}"}
)
st.dataframe(
    cba.round(2), hide_index=True, key="cmp_cba", column_config=headers(cba, number_columns(cba))
)

st.subheader(t("changed_roads"))
shown = st.selectbox(t("scenario"), names, index=len(names) - 1, key="cmp_map_scenario")
flows = view.flows[view.flows["scenario"] == shown]
changed_shown = changed[changed["scenario"] == shown]
roads = views.network_edges(network_or_stop(), season="dry", vehicle="heavy_truck")
layers = [
    pdk.Layer(
        "PathLayer",
        roads,
        get_path="path",
        get_color=[200, 200, 200],
        get_width=2,
        width_units='"pixels"',
    ),
    pdk.Layer(
        "PathLayer",
        flows[flows["kind"] != "trunk"],
        get_path="path",
        get_color=[120, 120, 120, 90],
        get_width=1,
        width_units='"pixels"',
    ),
    pdk.Layer(
        "PathLayer",
        flows[flows["kind"] == "trunk"],
        get_path="path",
        get_color="rgb",
        get_width="2 + tonnes / 1500",
        width_units='"pixels"',
        pickable=True,
    ),
    pdk.Layer(
        "PathLayer",
        changed_shown,
        get_path="path",
        get_color="rgb",
        get_width=7,
        width_units='"pixels"',
        pickable=True,
    ),
]
st.pydeck_chart(
    pdk.Deck(
        layers=layers,
        initial_view_state=pdk.ViewState(
            **views.view_state(
                [p[0] for path in flows["path"] for p in path],
                [p[1] for path in flows["path"] for p in path],
            )
        ),
        map_style=None,
        tooltip={"text": "{scenario} {from} → {to} {tonnes} t {change} {ref}"},
    ),
    height=520,
    key="cmp_map",
)
if not changed.empty:
    changed_table = changed.drop(columns=["path", "rgb"])
    st.dataframe(
        changed_table, hide_index=True, key="cmp_changed", column_config=headers(changed_table)
    )

st.download_button(
    t("dl_report"), view.report_html, "scenario_report.html", "text/html", key="cmp_dl_report"
)
