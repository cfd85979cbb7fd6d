"""The Streamlit pages of the bolaven app, and the helpers they share.

``app.py`` is the frame; each page is a script run by ``st.navigation``: ``plan_pickups``,
``compare_scenarios``, ``network_data``. The helpers: ``common`` (cached loads, money,
tables, errors), ``i18n`` (every label in English and Lao), ``maps`` (the deck.gl layers).
Of the project's packages the pages import only :mod:`scenarios.views`.
"""
