"""Shared state and rendering helpers for the app pages: cached loads, money, errors."""

from __future__ import annotations

from typing import Any

import streamlit as st
from i18n import t

from scenarios import views


@st.cache_resource(show_spinner=False)
def road_network() -> Any:
    """The road network, loaded once per server process."""
    return views.load_road_network()


@st.cache_resource(show_spinner=False)
def exchange_rate() -> views.ExchangeRate:
    """The configured LAK per USD rate."""
    return views.exchange_rate()


def network_or_stop() -> Any:
    """The cached network; on failure show the reason and stop this page (the app keeps running)."""
    try:
        with st.spinner(t("loading_network")):
            return road_network()
    except (ImportError, AttributeError) as exc:
        st.info(t("not_ready", detail=f"road network ({exc})"))
    except (ValueError, LookupError, OSError, RuntimeError) as exc:
        st.error(str(exc))
    st.stop()


def currency() -> str:
    """``LAK`` or ``USD`` as chosen in the sidebar."""
    chosen = st.session_state.get("currency")
    return chosen if chosen in ("LAK", "USD") else "LAK"


def money(amount_lak: float) -> str:
    """An amount in LAK written in the chosen currency."""
    return views.format_money(amount_lak, currency(), exchange_rate())


def money_factor() -> float:
    """Multiply LAK amounts by this to show them in the chosen currency."""
    return 1.0 / exchange_rate().lak_per_usd if currency() == "USD" else 1.0


def number_columns(frame: Any) -> dict[str, Any]:
    """Column settings showing every numeric column with thousands separators."""
    return {
        str(c): st.column_config.NumberColumn(format="localized")
        for c in frame.columns
        if str(frame[c].dtype).startswith(("float", "int"))
    }


def table_height(frame: Any, *, max_rows: int = 25) -> int:
    """A dataframe height (px) that shows up to ``max_rows`` rows without scrolling."""
    return 38 + 35 * min(len(frame), max_rows)


def localized_choice(
    widget: Any, label: str, options: list[Any], *, key: str, **kwargs: Any
) -> Any:
    """A choice widget whose option labels are translated, keeping its value across languages.

    Streamlit's frontend loses the selection when ``format_func`` output changes under the same
    widget key, so each language gets its own widget key and the chosen value lives under
    ``key`` in the session state.
    """
    from i18n import lang

    chosen = st.session_state.get(key, kwargs.pop("default", options[0]))
    index = options.index(chosen) if chosen in options else 0
    if widget is st.segmented_control:
        kwargs["default"] = options[index]
    else:
        kwargs["index"] = index
    value = widget(label, options, key=f"{key}.{lang()}", **kwargs)
    st.session_state[key] = value
    return value


def headers(frame: Any, config: dict[str, Any] | None = None) -> dict[str, Any]:
    """Column settings that translate known headers (and keep ``config`` entries)."""
    from i18n import STRINGS

    out: dict[str, Any] = dict(config or {})
    for column in frame.columns:
        key = f"col_{column}"
        if key in STRINGS and str(column) not in out:
            out[str(column)] = st.column_config.Column(label=t(key))
        elif key in STRINGS:
            out[str(column)]["label"] = t(key)
    return out
