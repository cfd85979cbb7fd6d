"""The app's facade: tables, map layers and downloads built from the pipelines.

The app (``app.py`` and ``app_pages/``) imports only this module of the packages. Every function
returns plain data (DataFrames, GeoJSON-like dicts, records, bytes); nothing here renders.
Nothing heavy runs at import: the road network is loaded by :func:`load_road_network`, which the
app caches once per server process.

The code lives in one module per concern; this module re-exports their public names:

- :mod:`scenarios.views.common`: paths, money in LAK or USD, map views, staged uploads;
- :mod:`scenarios.views.network`: the Network & data page;
- :mod:`scenarios.views.plan`: the Plan pickups page;
- :mod:`scenarios.views.library`: scenario files, uploads and stored runs;
- :mod:`scenarios.views.compare`: the Compare scenarios page's tables and maps.
"""

from __future__ import annotations

from scenarios.views.common import (
    DATA,
    FALLBACK_LAK_PER_USD,
    FALLBACK_RATE_SOURCE,
    LIBRARY,
    MAX_UPLOAD_BYTES,
    ROOT,
    STUDY_AREA,
    ExchangeRate,
    check_upload_size,
    exchange_rate,
    format_money,
    stage_upload,
    view_state,
)
from scenarios.views.compare import FLOW_RGB, CompareView, changed_roads, compare_view
from scenarios.views.library import (
    baseline_file,
    library_scenarios,
    load_scenario_file,
    results_cache_dir,
    run_scenario_payload,
    scenario_key,
    stage_scenario_upload,
)
from scenarios.views.network import (
    DATA_SOURCES,
    FRESHER_OSM_MD,
    PASSABLE_RGB,
    PLACE_RGB,
    SURFACE_RGB,
    data_sources,
    km_by,
    load_road_network,
    network_edges,
    network_summary,
    places_frame,
    sources_markdown,
    study_area_view,
)
from scenarios.views.plan import (
    DEFAULT_DEPOT,
    FLEET_EDIT_COLUMNS,
    ROUTE_RGB,
    SAMPLE_FLEET,
    SAMPLE_PICKUPS,
    PlanView,
    depot_choices,
    pickups_available,
    pickups_preview,
    plan_pickups,
    plan_view,
    sample_fleet,
    sample_pickups_path,
    stage_fleet,
)
from scenarios.views.road_appraisal import AllTrafficView, all_traffic_view

__all__ = [
    "DATA",
    "DATA_SOURCES",
    "DEFAULT_DEPOT",
    "FALLBACK_LAK_PER_USD",
    "FALLBACK_RATE_SOURCE",
    "FLEET_EDIT_COLUMNS",
    "FLOW_RGB",
    "FRESHER_OSM_MD",
    "LIBRARY",
    "MAX_UPLOAD_BYTES",
    "PASSABLE_RGB",
    "PLACE_RGB",
    "ROOT",
    "ROUTE_RGB",
    "SAMPLE_FLEET",
    "SAMPLE_PICKUPS",
    "STUDY_AREA",
    "SURFACE_RGB",
    "AllTrafficView",
    "CompareView",
    "ExchangeRate",
    "PlanView",
    "all_traffic_view",
    "baseline_file",
    "changed_roads",
    "check_upload_size",
    "compare_view",
    "data_sources",
    "depot_choices",
    "exchange_rate",
    "format_money",
    "km_by",
    "library_scenarios",
    "load_road_network",
    "load_scenario_file",
    "network_edges",
    "network_summary",
    "pickups_available",
    "pickups_preview",
    "places_frame",
    "plan_pickups",
    "plan_view",
    "results_cache_dir",
    "run_scenario_payload",
    "sample_fleet",
    "sample_pickups_path",
    "scenario_key",
    "sources_markdown",
    "stage_fleet",
    "stage_scenario_upload",
    "stage_upload",
    "study_area_view",
    "view_state",
]
