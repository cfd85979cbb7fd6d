"""Page 2, Compare scenarios (policymakers): library or uploaded TOML → KPIs, deltas, CBA, map."""

from __future__ import annotations

import re
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from app_pages import maps, uncertainty_panel
from app_pages.common import (
    currency,
    headers,
    mark_stale,
    money,
    money_columns,
    money_rows,
    number_columns,
    table_height,
    upload_box_in_language,
)
from app_pages.i18n import STRINGS, lang, t, term
from scenarios import views

st.title(t("page_compare"))
st.caption(t("compare_intro"))


@st.cache_data(show_spinner=False, max_entries=64)
def _run(key: str, _spec: views.ScenarioSpec) -> dict[str, Any]:
    """One scenario's result, cached by the scenario's content (``key``)."""
    return views.run_scenario_payload(_spec)


@st.cache_data(show_spinner=False, max_entries=64)
def _changed(key: str, _spec: views.ScenarioSpec) -> pd.DataFrame:
    return views.changed_roads(_spec)


library = views.library_scenarios()
default = [n for n in ("pave_route_16a",) if n in set(library["name"])]
# titles and descriptions in the chosen language (data/lao_scenarios.csv; English otherwise)
texts: dict[str, tuple[str, str]] = {
    str(name): views.scenario_text(str(name), str(text), lang())
    for name, text in zip(library["name"], library["description"], strict=True)
}
titles = {name: title for name, (title, _) in texts.items()}
chosen = st.multiselect(
    t("pick_scenarios"),
    list(library["name"]),
    default=default,
    format_func=lambda name: titles.get(name, name),
    key="cmp_pick",
    help="\n\n".join(f"**{title}** (`{name}`): {text}" for name, (title, text) in texts.items()),
)
upload_box_in_language()
upload = st.file_uploader(t("upload_toml"), type=["toml"], key="cmp_upload")

specs: list[views.ScenarioSpec] = []
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
for spec in specs:
    titles[spec.name], description = views.scenario_text(spec.name, spec.description, lang())
    st.caption(f"**{titles[spec.name]}**: {description}")


def _run_all(specs: list[views.ScenarioSpec]) -> tuple[views.CompareView, pd.DataFrame]:
    todo: dict[str, views.ScenarioSpec] = {}
    for spec in specs:
        base = views.load_scenario_file(views.baseline_file(spec))
        todo.setdefault(views.scenario_key(base), base)
        todo.setdefault(views.scenario_key(spec), spec)
    payloads = []
    with st.status(t("running"), expanded=False) as status:
        bar = st.progress(0.0)
        for i, (key, spec) in enumerate(todo.items(), start=1):
            title = (
                titles.get(spec.name) or views.scenario_text(spec.name, spec.description, "en")[0]
            )
            status.update(label=f"{t('running')} {i}/{len(todo)}: {title}")
            payloads.append(_run(key, spec))
            bar.progress(i / len(todo))
        changed = pd.concat([_changed(views.scenario_key(s), s) for s in specs], ignore_index=True)
        status.update(label=t("compared", n=len(todo)), state="complete")
    st.session_state["cmp_all_traffic"] = views.all_traffic_view(payloads)
    return views.compare_view(payloads), changed


# the scenarios chosen now; a comparison of other scenarios is marked out of date
inputs = views.inputs_fingerprint(chosen, None if upload is None else upload.getvalue())
if run and specs:
    try:
        st.session_state["cmp_result"] = _run_all(specs)
        st.session_state["cmp_inputs"] = inputs
    except (ValueError, LookupError, OSError, RuntimeError) as exc:
        st.session_state.pop("cmp_result", None)
        st.error(t("compare_failed", msg=exc))

if "cmp_result" not in st.session_state:
    st.stop()
view, changed = st.session_state["cmp_result"]
if st.session_state.get("cmp_inputs") != inputs:
    # every result element has a key "cmp_…"; the inputs above keep theirs clickable
    inputs_keys = ("pick", "upload", "run")
    mark_stale(
        '[class*="st-key-cmp_"]' + "".join(f":not(.st-key-cmp_{k})" for k in inputs_keys),
        message=t("stale_compare"),
    )
cur = currency()


def _engine_labels(frame: pd.DataFrame) -> pd.DataFrame:
    """Write the engine's KPI labels in the chosen language (by KPI key), then drop the key."""
    out = frame.copy()
    out["kpi"] = [term(str(k), str(label)) for k, label in zip(out["key"], out["kpi"], strict=True)]
    return out.drop(columns=["key"])


def _titled(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """``frame`` with the scenario names of ``columns`` written as their titles."""
    return frame.assign(**{c: frame[c].map(lambda n: titles.get(str(n), str(n))) for c in columns})


def _change_label(change: str) -> str:
    """A road change (``upgraded``, ``new link``, ``closed``) in the chosen language."""
    key = f"change_{change.replace(' ', '_')}"
    return t(key) if key in STRINGS else change


def _appraisal_sentences(road_appraisal: views.AllTrafficView) -> list[str]:
    """The engine's quotable sentences; in Lao, the same facts written from the summary table."""
    if lang() != "lo":
        return list(road_appraisal.sentences)
    out = []
    for row in road_appraisal.summary.to_dict("records"):
        share = row["coffee_benefit_share_pct"]
        coffee = "" if pd.isna(share) else t("at_coffee_share", share=f"{share:.1f} %")
        if pd.isna(row["eirr_all_traffic_pct"]):
            head = t("at_no_return", npv=money(row["npv_all_traffic_lak"]))
        else:
            head = t("at_returns", eirr=f"{row['eirr_all_traffic_pct']:.1f} %")
        out.append(
            t(
                "at_sentence",
                scenario=titles.get(str(row["scenario"]), str(row["scenario"])),
                head=head,
            )
            + coffee
        )
    return out


st.subheader(t("kpis"))
names = [c for c in view.kpis.columns if c not in ("kpi", "unit", "key")]
kpis = money_rows(view.kpis, unit_column="unit", value_columns=names)
kpi_table = _engine_labels(kpis).round(2)
st.dataframe(
    kpi_table,
    hide_index=True,
    key="cmp_kpis",
    column_config=headers(
        kpi_table,
        number_columns(kpi_table)
        | {n: st.column_config.NumberColumn(titles.get(n, n), format="localized") for n in names},
    ),
    height=table_height(kpi_table),
)
st.caption(t("solver_caption", detail=view.solver_line(lang=lang(), titles=titles)))

st.subheader(t("deltas"))
if view.deltas.empty:
    st.info(t("pick_one"))
else:
    deltas = money_rows(
        view.deltas, unit_column="unit", value_columns=["baseline_value", "scenario_value", "delta"]
    )
    delta_table = _titled(_engine_labels(deltas), "scenario", "baseline")
    st.dataframe(
        delta_table.round(2),
        hide_index=True,
        key="cmp_deltas",
        column_config=headers(delta_table, number_columns(delta_table)),
        height=table_height(delta_table),
    )

st.subheader(t("breakdown"))
breakdown = money_columns(view.breakdown)
chart_data = _titled(
    breakdown.assign(value=breakdown[f"{cur.lower()}_per_t"], part=breakdown["part"].map(term)),
    "scenario",
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
cba = views.readable_cba(
    money_columns(view.cba),
    titles=titles,
    no_benefits=t("no_benefits"),
    not_appraised=t("not_appraised"),
    no_eirr=t("no_eirr"),
)
st.dataframe(cba, hide_index=True, key="cmp_cba", column_config=headers(cba, number_columns(cba)))

road_appraisal = st.session_state.get("cmp_all_traffic")
if road_appraisal is not None and not road_appraisal.empty:
    st.subheader(t("all_traffic_appraisal"))
    for sentence in _appraisal_sentences(road_appraisal):
        st.markdown(f"**{sentence}**")
    for frame, key in (
        (road_appraisal.summary, "cmp_at_summary"),
        (
            road_appraisal.by_class.assign(benefit=road_appraisal.by_class["benefit"].map(term)),
            "cmp_at_classes",
        ),
        (road_appraisal.tests.assign(test=road_appraisal.tests["test"].map(term)), "cmp_at_tests"),
    ):
        shown_frame = money_columns(_titled(frame, "scenario") if "scenario" in frame else frame)
        st.dataframe(
            shown_frame.round(2),
            hide_index=True,
            key=key,
            column_config=headers(shown_frame, number_columns(shown_frame)),
        )
    st.caption(t("all_traffic_note"))

st.subheader(t("changed_roads"))
shown = st.selectbox(
    t("scenario"),
    names,
    index=len(names) - 1,
    format_func=lambda name: titles.get(name, name),
    key="cmp_map_scenario",
)
flows = _titled(view.flows[view.flows["scenario"] == shown], "scenario")
changed_shown = _titled(changed[changed["scenario"] == shown], "scenario")
colours = views.palette
lons_lats = [p for path in flows["path"] for p in path]
trunk = flows[flows["kind"] == "trunk"]
maps.show(
    [
        maps.paths(flows[flows["kind"] != "trunk"], colour=colours.COLLECTION_FLOW_RGBA, width=1),
        maps.paths(
            maps.with_tooltip(trunk, "{scenario}: {from} → {to}, {tonnes:,.0f} t"),
            colour="rgb",
            width="2 + tonnes / 1500",
            pickable=True,
        ),
        maps.paths(
            maps.with_tooltip(
                changed_shown.assign(change_label=changed_shown["change"].map(_change_label)),
                f"{{scenario}}: {{change_label}} {{ref}} ({{length_km:,.1f}} {t('km')})",
            ),
            colour="rgb",
            width=7,
            pickable=True,
        ),
    ],
    view=views.view_state([p[0] for p in lons_lats], [p[1] for p in lons_lats]),
    legend=[
        maps.Key(t("collection_key"), colours.COLLECTION_FLOW_RGBA),
        *(
            maps.Key(t("trunk_key", gateway=to), rgb)
            for to, rgb in trunk.groupby("to", sort=False)["rgb"].first().items()
        ),
        *(
            maps.Key(t("change_key", change=_change_label(change)), colours.CHANGE_RGB[change])
            for change in dict.fromkeys(changed_shown["change"])
        ),
    ],
    height=520,
    key="cmp_map",
)
if not changed.empty:
    changed_table = _titled(changed.drop(columns=["path", "rgb"]), "scenario")
    changed_table["change"] = changed_table["change"].map(_change_label)
    st.dataframe(
        changed_table, hide_index=True, key="cmp_changed", column_config=headers(changed_table)
    )

st.download_button(
    t("dl_report"), view.report_html, "scenario_report.html", "text/html", key="cmp_dl_report"
)
uncertainty_panel.show([s.path for s in specs if s.path], titles=titles)
