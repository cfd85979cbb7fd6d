"""Start the app's Streamlit server with the app's modules already imported.

``python -m app_pages.serve [streamlit run options]`` is ``streamlit run app.py [options]``
(what ``make run``, the browser tests and the app benchmark start), with one difference:
Streamlit runs ``app.py`` only when the first browser connects, so that first visitor waited
for the imports of pandas, pydeck, networkx, SciPy and the scenario engine, most of a ~3 s
first script run (measured with cProfile: 2.5 of 2.9 s). Imported here, before the server
starts, they are in ``sys.modules`` when the script's own imports run. The server-wide caches
the opening views read are filled here too (:func:`warm_caches`).

Page scripts (``plan_pickups.py``, ...) are not imported here: they draw when imported.
"""

from __future__ import annotations

import sys
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app.py"


def warm_imports() -> None:
    """Import the modules the pages import (none of them draws anything when imported)."""
    import app_pages.common
    import app_pages.i18n
    import app_pages.maps
    import app_pages.plan_results
    import app_pages.uncertainty_panel  # noqa: F401


def warm_caches() -> None:
    """Fill the server-wide caches (``st.cache_resource``, shared by every session) that the
    first page and the network page's opening view read: the road network, the rate, the
    depots, the offline basemap and the network map's roads for the default season and vehicle
    (~0.7 s of the network page's first script run on a cold server, measured)."""
    from app_pages import common, maps

    common.road_network()
    common.exchange_rate()
    common.depot_choices()
    maps.offline_basemap()
    common.network_edges(common.NETWORK_SEASONS[0], common.NETWORK_VEHICLES[0])


def main(argv: list[str] | None = None) -> None:
    """Warm the imports and caches, then hand over to ``streamlit run app.py`` with ``argv``.

    A cache that cannot be filled (say a broken data file) is left for the page to fill, where
    its error is shown to the user as usual."""
    from streamlit.web import cli

    warm_imports()
    try:
        warm_caches()
    except (ValueError, LookupError, OSError, RuntimeError) as exc:
        print(f"bolaven: caches not warmed ({exc}); the pages will load them", file=sys.stderr)
    cli.main(["run", str(APP), *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
