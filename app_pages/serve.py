"""Start the app's Streamlit server with the app's modules already imported.

``python -m app_pages.serve [streamlit run options]`` is ``streamlit run app.py [options]``
(what ``make run``, the browser tests and the app benchmark start), with one difference:
Streamlit runs ``app.py`` only when the first browser connects, so that first visitor waited
for the imports of pandas, pydeck, networkx, SciPy and the scenario engine, most of a ~3 s
first script run (measured with cProfile: 2.5 of 2.9 s). Imported here, before the server
starts, they are in ``sys.modules`` when the script's own imports run.

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


def main(argv: list[str] | None = None) -> None:
    """Warm the imports, then hand over to ``streamlit run app.py`` with ``argv``."""
    from streamlit.web import cli

    warm_imports()
    cli.main(["run", str(APP), *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
