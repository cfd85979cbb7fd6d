"""bolaven: the Streamlit frame. Run with `make run` (streamlit run app.py).

A frame over ``scenarios``: the sidebar holds the language and currency switches and the data
attribution; the three pages live in ``app_pages/``. Nothing heavy runs at import: the road
network is loaded on first use and cached for the server's lifetime.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from app_pages.common import exchange_rate
from app_pages.i18n import LANGUAGES, t
from scenarios import views

PAGES = Path(__file__).resolve().parent / "app_pages"

st.set_page_config(page_title="bolaven", page_icon=":material/coffee:", layout="wide")

# Language and currency live in the URL (?lang=lo&currency=USD): a reload or a shared link
# keeps them. The URL is read once per session; afterwards the widgets write it.
_SWITCHES = {"lang": (list(LANGUAGES), "en"), "currency": (list(views.CURRENCIES), "LAK")}
for _key, (_choices, _default) in _SWITCHES.items():
    if st.session_state.get(_key) not in _choices:
        _wanted = st.query_params.get(_key)
        st.session_state[_key] = _wanted if _wanted in _choices else _default

with st.sidebar:
    st.segmented_control(
        t("language"), options=list(LANGUAGES), format_func=LANGUAGES.__getitem__, key="lang"
    )
    st.segmented_control(t("currency"), options=list(views.CURRENCIES), key="currency")
    st.toggle(t("tiles"), key="tiles", help=t("tiles_help"))
    rate = exchange_rate()
    st.caption(
        t(
            "rate_note",
            rate=f"{rate.lak_per_usd:,.0f}",
            source=t("estimate" if rate.estimate else "sourced"),
        ),
        help=rate.source,
    )
for _key in _SWITCHES:
    st.query_params[_key] = st.session_state[_key]

page = st.navigation(
    [
        st.Page(
            PAGES / "plan_pickups.py",
            title=t("page_plan"),
            icon=":material/local_shipping:",
            url_path="plan",
        ),
        st.Page(
            PAGES / "compare_scenarios.py",
            title=t("page_compare"),
            icon=":material/compare_arrows:",
            url_path="compare",
        ),
        st.Page(
            PAGES / "network_data.py",
            title=t("page_network"),
            icon=":material/map:",
            url_path="network",
        ),
    ]
)
with st.sidebar:
    st.caption(t("attribution"))
page.run()
st.caption(t("attribution"))
