"""Ranges on the Compare scenarios page: P5-P95 bars, probability of a saving, tornado chart.

A small Monte Carlo (a few Latin-hypercube draws and the one-at-a-time tornado) of the chosen
scenarios and their baselines runs on request, with progress; the numbers of the tables above
it are the values at the central estimates. ``bolaven scenarios uncertainty`` runs the full
analysis (more draws, switching values) from the command line.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st

from app_pages.common import money_rows
from app_pages.i18n import STRINGS, t
from scenarios import views

# key: (English, Lao)
_TEXT: dict[str, tuple[str, str]] = {
    "title": ("Ranges, not single numbers", "ຂອບເຂດ, ບໍ່ແມ່ນຕົວເລກດຽວ"),
    "central": (
        "Every number above is the value at the central estimates. Many inputs are estimates "
        "with a range: run the Monte Carlo to see P5–P95 ranges, the probability of a saving "
        "and which inputs matter most.",
        "ທຸກຕົວເລກຂ້າງເທິງແມ່ນຄ່າຕາມຄ່າປະມານກາງ. ຂໍ້ມູນຫຼາຍອັນເປັນຄ່າປະມານທີ່ມີຂອບເຂດ: "
        "ແລ່ນ Monte Carlo ເພື່ອເບິ່ງຂອບເຂດ P5–P95 ແລະ ຄວາມເປັນໄປໄດ້ທີ່ຈະປະຫຍັດ.",
    ),
    "draws": ("Draws", "ຈຳນວນການສຸ່ມ"),
    "run": ("Run the Monte Carlo", "ແລ່ນ Monte Carlo"),
    "progress": ("{done} of {total} re-solves", "{done} ຈາກ {total} ການຄິດໄລ່ຄືນ"),
    "p_saving": ("Saves money against {baseline}", "ປະຫຍັດເມື່ອທຽບກັບ {baseline}"),
    "p_saving_help": (
        "Share of the {draws} draws in which the scenario is cheaper than its baseline "
        "(the same draws for both).",
        "ສ່ວນຂອງ {draws} ການສຸ່ມທີ່ສະຖານະການຖືກກວ່າພື້ນຖານ.",
    ),
    "bars": (
        "P5–P95 over {draws} draws (bar), median (tick), at the central estimates (dot)",
        "P5–P95 ຈາກ {draws} ການສຸ່ມ (ແທ່ງ), ຄ່າກາງ (ຂີດ), ຕາມຄ່າປະມານກາງ (ຈຸດ)",
    ),
    "tornado": (
        "Tornado: {metric} with one input at its low and high bound, others central ({name})",
        "Tornado: {metric} ເມື່ອຂໍ້ມູນໜຶ່ງຢູ່ຄ່າຕ່ຳ ແລະ ສູງ, ອັນອື່ນຢູ່ຄ່າກາງ ({name})",
    ),
    "failed": ("The Monte Carlo failed: {msg}", "Monte Carlo ລົ້ມເຫຼວ: {msg}"),
    "infeasible": (
        "{scenario}: no plan at all in {n} of {total} draws (the inputs drawn admit none, e.g. "
        "every hub near its lowest capacity); the ranges leave them out.",
        "{scenario}: ບໍ່ມີແຜນທີ່ເປັນໄປໄດ້ໃນ {n} ຈາກ {total} ການສຸ່ມ (ເຊັ່ນ ທຸກສາງຢູ່ໃກ້ຄວາມຈຸຕ່ຳສຸດ); "
        "ຂອບເຂດບໍ່ນັບການສຸ່ມເຫຼົ່ານັ້ນ.",
    ),
    "what_landed cost": ("landed cost", "ຕົ້ນທຶນຮອດທ່າເຮືອ"),
    "what_annual saving": ("annual saving", "ເງິນປະຫຍັດຕໍ່ປີ"),
    "what_share of tonnes": ("share of tonnes", "ສ່ວນແບ່ງຂອງໂຕນ"),
    "what_share via": ("share via {corridor}", "ສ່ວນແບ່ງຜ່ານ {corridor}"),
    "metric_landed_cost_lak_per_t": ("landed cost (LAK/t)", "ຕົ້ນທຶນຮອດທ່າເຮືອ (ກີບ/ໂຕນ)"),
    "metric_saving_lak_per_yr": ("annual saving (LAK/yr)", "ເງິນປະຫຍັດຕໍ່ປີ (ກີບ/ປີ)"),
}


STRINGS.update({f"unc_{key}": text for key, text in _TEXT.items()})


def _t(key: str, **fields: object) -> str:
    return t(f"unc_{key}", **fields)


def _what(what: str) -> str:
    """A band's name (``landed cost``, ``share via <corridor>``…) in the chosen language."""
    if what.startswith("share via "):
        return _t("what_share via", corridor=what.removeprefix("share via "))
    return _t(f"what_{what}") if f"unc_what_{what}" in STRINGS else what


def _metric(metric: str) -> str:
    return _t(f"metric_{metric}") if f"unc_metric_{metric}" in STRINGS else metric


def _bars(frame: pd.DataFrame, title: str, key: str) -> None:
    """Horizontal P5-P95 bars per scenario, a tick at the median, a dot at the central value."""
    base = alt.Chart(frame).encode(y=alt.Y("label:N", title=None))
    x_title = f"{title} ({frame['unit'].iloc[0]})"
    chart = (
        base.mark_bar(height=10, opacity=0.5).encode(
            x=alt.X("p5:Q", title=x_title), x2="p95:Q", tooltip=["label", "p5", "p50", "p95"]
        )
        + base.mark_tick(thickness=2, size=16).encode(x="p50:Q")
        + base.mark_point(filled=True, color="#d94801").encode(x="central:Q", tooltip=["central"])
    )
    st.altair_chart(chart, height=40 + 30 * len(frame), key=key)


def _tornado(view: views.UncertaintyView) -> None:
    rows, p = view.tornado, view.probabilities
    names = [s for s in p.loc[p["baseline"] != "", "scenario"] if (rows["scenario"] == s).any()]
    names = names or list(rows["scenario"].unique())
    if not names:
        return
    name = names[-1]
    shown = rows[rows["scenario"] == name].nlargest(10, "swing")
    metric = str(shown["metric"].iloc[0])
    st.markdown(f"**{_t('tornado', metric=_metric(metric), name=name)}**")
    chart = (
        alt.Chart(shown)
        .mark_bar(color="#fdae6b")
        .encode(
            y=alt.Y("parameter:N", sort="-x", title=None),
            x=alt.X("at_low:Q", title=_metric(metric)),
            x2="at_high:Q",
            tooltip=["parameter", "at_low", "at_high", "swing"],
        )
    )
    st.altair_chart(chart, height=40 + 26 * len(shown), key="cmp_unc_tornado")


def _render(view: views.UncertaintyView) -> None:
    for row in view.probabilities.to_dict("records"):
        p, baseline = row["p_saving"], str(row["baseline"])
        if p is not None and pd.notna(p) and baseline:
            st.metric(
                f"{row['scenario']}: {_t('p_saving', baseline=baseline)}",
                f"{100 * float(p):.0f} %",
                help=_t("p_saving_help", draws=row["draws"]),
            )
        if row["infeasible"]:  # draws with no plan: named, never silently left out
            n, total = int(row["infeasible"]), int(row["infeasible"]) + int(row["draws"])
            st.warning(_t("infeasible", scenario=row["scenario"], n=n, total=total))
    st.caption(_t("bars", draws=view.draws))
    bands = money_rows(
        view.bands, unit_column="unit", value_columns=["p5", "p50", "p95", "central"]
    )
    bands = bands.assign(label=bands["scenario"] + ": " + bands["what"].map(_what))
    for what, key in (("landed cost", "cmp_unc_landed"), ("annual saving", "cmp_unc_saving")):
        part = bands[bands["what"] == what]
        if not part.empty:
            _bars(part, _what(what), key)
    shares = bands[bands["unit"] == "share"]
    if not shares.empty:
        _bars(shares, _what("share of tonnes"), "cmp_unc_shares")
    _tornado(view)


def _titled(view: views.UncertaintyView, titles: Mapping[str, str]) -> views.UncertaintyView:
    """``view`` with its scenario and baseline names written as their ``titles``."""

    def title(name: object) -> str:
        return titles.get(str(name), str(name))

    frames = {}
    for field in ("bands", "probabilities", "tornado"):
        frame = getattr(view, field)
        columns = [c for c in ("scenario", "baseline") if c in frame.columns]
        frames[field] = frame.assign(**{c: frame[c].map(title) for c in columns})
    return dataclasses.replace(view, **frames)


def show(files: Sequence[str | Path], *, titles: Mapping[str, str] | None = None) -> None:
    """The ranges panel for the scenario ``files`` compared on the page; scenarios are named
    by their ``titles`` (in the chosen language) where given."""
    st.subheader(_t("title"))
    st.caption(_t("central"))
    draws = int(st.number_input(_t("draws"), 4, 50, 8, key="cmp_unc_draws"))
    request = (tuple(str(f) for f in files), draws)
    if st.button(_t("run"), key="cmp_unc_run", disabled=not files, icon=":material/casino:"):
        bar = st.progress(0.0)

        def progress(done: int, total: int) -> None:
            bar.progress(done / total, text=_t("progress", done=done, total=total))

        try:
            view = views.run_uncertainty_view(files, draws=draws, progress=progress)
        except (ValueError, LookupError, OSError, RuntimeError) as exc:
            st.error(_t("failed", msg=exc))
            return
        st.session_state["cmp_unc"] = (request, view)
    stored = st.session_state.get("cmp_unc")
    if stored is not None and stored[0] == request:
        _render(_titled(stored[1], titles or {}))
