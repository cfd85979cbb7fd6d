"""Shared state and rendering helpers for the app pages: cached loads, money, tables, errors."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import pandas as pd
import streamlit as st

from app_pages.i18n import STRINGS, lang, t
from scenarios import views

if TYPE_CHECKING:
    from streamlit.delta_generator import DeltaGenerator

_T = TypeVar("_T")


@st.cache_resource(show_spinner=False)
def road_network() -> views.RoadNetwork:
    """The road network, loaded once per server process."""
    return views.load_road_network()


@st.cache_resource(show_spinner=False)
def exchange_rate() -> views.ExchangeRate:
    """The configured LAK per USD rate, read once per server process."""
    return views.exchange_rate()


@st.cache_resource(show_spinner=False)
def depot_choices() -> list[str]:
    """The places a pickup tour can start from, read once per server process."""
    return views.depot_choices()


NETWORK_SEASONS = ("dry", "wet")
NETWORK_VEHICLES = ("heavy_truck", "medium_truck", "pickup_4x4")
"""The network page's season and vehicle choices; the first of each opens the page (and is
the view ``app_pages.serve`` warms)."""


@st.cache_resource(show_spinner=False, max_entries=8)
def network_edges(season: str, vehicle: str) -> pd.DataFrame:
    """The network map's road sections for ``season``/``vehicle`` (simplified; shared, never
    changed), built once per server process."""
    return views.network_edges(
        road_network(), season=season, vehicle=vehicle, tolerance_deg=views.MAP_TOLERANCE_DEG
    )


def network_or_stop() -> views.RoadNetwork:
    """The cached network; on failure show the reason and stop this page (the app keeps running)."""
    try:
        with st.spinner(t("loading_network")):
            return road_network()
    except (ValueError, LookupError, OSError, RuntimeError) as exc:
        st.error(str(exc))
    st.stop()


def currency() -> str:
    """``LAK`` or ``USD`` as chosen in the sidebar."""
    chosen = st.session_state.get("currency")
    return chosen if chosen in views.CURRENCIES else "LAK"


def money(amount_lak: float) -> str:
    """An amount in LAK written in the chosen currency."""
    return views.format_money(amount_lak, currency(), exchange_rate())


def money_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its LAK columns (``cost_lak``, ``lak_per_t``) in the chosen currency."""
    return views.money_columns(frame, currency(), exchange_rate())


def money_rows(
    frame: pd.DataFrame, *, unit_column: str, value_columns: Sequence[str]
) -> pd.DataFrame:
    """``frame`` with its rows in LAK units in the chosen currency (US$ rows left out)."""
    return views.money_rows(
        frame,
        currency(),
        exchange_rate(),
        unit_column=unit_column,
        value_columns=value_columns,
    )


def number_columns(frame: pd.DataFrame) -> dict[str, Any]:
    """Column settings showing every numeric column with thousands separators."""
    return {
        str(c): st.column_config.NumberColumn(format="localized")
        for c in frame.columns
        if str(frame[c].dtype).startswith(("float", "int"))
    }


def table_height(frame: pd.DataFrame, *, max_rows: int = 25) -> int:
    """A dataframe height (px) that shows up to ``max_rows`` rows without scrolling."""
    return 38 + 35 * min(len(frame), max_rows)


def localized_choice(
    widget: Callable[..., Any],
    label: str,
    options: list[_T],
    *,
    key: str,
    **kwargs: Any,
) -> _T:
    """A choice widget whose option labels are translated, keeping its value across languages.

    Streamlit's frontend loses the selection when ``format_func`` output changes under the same
    widget key, so each language gets its own widget key and the chosen value lives under
    ``key`` in the session state.
    """
    chosen = st.session_state.get(key, kwargs.pop("default", options[0]))
    if "format_func" in kwargs:
        # freeze the labels in this run's language: the widget of another language keeps its own
        labels = {option: str(kwargs["format_func"](option)) for option in options}
        kwargs["format_func"] = labels.__getitem__
    index = options.index(chosen) if chosen in options else 0
    if widget is st.segmented_control:
        kwargs["default"] = options[index]
    else:
        kwargs["index"] = index
    value: _T = widget(label, options, key=f"{key}.{lang()}", **kwargs)
    st.session_state[key] = value
    return value


def in_language(values: Iterable[object]) -> list[str]:
    """Data values (products, vehicle types, place names) in the chosen language: in Lao from
    the glossary (``data/lao_glossary.csv``) where it has them, else as the data writes them."""
    texts = [str(v) for v in values]
    return [views.in_lao(v) for v in texts] if lang() == "lo" else texts


def upload_box_in_language() -> None:
    """Write Streamlit's own file-upload texts (the "Upload" button, the size limit) in the
    chosen language: the English is hidden and the translation drawn in its place."""
    if lang() != "lo":
        return
    box = '[data-testid="stFileUploaderDropzoneInstructions"]'
    button = '[data-testid="stFileUploader"] button'
    st.html(
        f"<style>{box} span, {button} [data-testid='stMarkdownContainer'] {{display: none;}}"
        f"{box} > div::after {{content: '{t('upload_limit')}'; font-size: 0.85em;}}"
        f"{button} > div::after {{content: '{t('upload_browse')}';}}</style>"
    )


def plan_in_language(plan: views.PlanView) -> views.PlanView:
    """``plan`` with its products written in the chosen language (display only; the downloads
    keep the engine's names). Truck names: :func:`scenarios.views.plan_in_language`."""
    if lang() != "lo":
        return plan

    def shown(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy()
        if "product" in out.columns:
            out["product"] = in_language(out["product"])
        return out

    return dataclasses.replace(
        plan,
        trucks=shown(plan.trucks),
        stops=shown(plan.stops),
        paths=shown(plan.paths),
        dropped=shown(plan.dropped),
    )


def place_names(places: pd.DataFrame) -> list[str]:
    """The ``name`` column of a places table in the chosen language (:func:`in_language`)."""
    return in_language(places["name"])


def headers(frame: pd.DataFrame, config: dict[str, Any] | None = None) -> dict[str, Any]:
    """Column settings that translate known headers (and keep ``config`` entries)."""
    out: dict[str, Any] = dict(config or {})
    for column in frame.columns:
        key = f"col_{column}"
        if key in STRINGS and str(column) not in out:
            out[str(column)] = st.column_config.Column(label=t(key))
        elif key in STRINGS:
            out[str(column)]["label"] = t(key)
    return out


def mark_stale(selector: str, *, message: str) -> None:
    """Warn that results are out of date and grey out the elements matching CSS ``selector``.

    The results stay on screen for reference, faded and not clickable (no stale download),
    until the user runs the page again with the inputs on screen.
    """
    st.warning(message, icon=":material/update:")
    st.html(
        f"<style>{selector} {{opacity: 0.35; filter: grayscale(1); pointer-events: none;}}</style>"
    )


def result_box(key: str, *, fresh: bool, message: str) -> DeltaGenerator:
    """A container for a page's results, marked out of date (:func:`mark_stale`) unless fresh."""
    if not fresh:
        mark_stale(f".st-key-{key}", message=message)
    return st.container(key=key)
