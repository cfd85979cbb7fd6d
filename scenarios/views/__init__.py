"""The app's facade: tables, map layers and downloads built from the pipelines.

The app (``app.py`` and ``app_pages/``) imports only this module of the packages. Every function
returns plain data (DataFrames, GeoJSON-like dicts, records, bytes); nothing here renders.
Nothing heavy runs at import: the road network is loaded by :func:`load_road_network`, which the
app caches once per server process.

The code lives in one module per concern; this module re-exports their public names:

- :mod:`scenarios.views.common`: paths, map views, staged uploads;
- :mod:`scenarios.views.money`: the exchange rate, amounts and tables in LAK or USD;
- :mod:`scenarios.views.palette`: every map colour, as data;
- :mod:`scenarios.views.basemap`: the offline basemap (Laos, provinces, main roads);
- :mod:`scenarios.views.labels`: map labels placed without overlaps;
- :mod:`scenarios.views.glossary`: the English-Lao glossary (``data/lao_glossary.csv``);
- :mod:`scenarios.views.scenario_text`: scenario titles in Lao (``data/lao_scenarios.csv``);
- :mod:`scenarios.views.status_words`: solver statuses and drop reasons in Lao;
- :mod:`scenarios.views.network`: the Network & data page;
- :mod:`scenarios.views.sources`: the data sources table, read from ``data/SOURCES.md``;
- :mod:`scenarios.views.plan_inputs` and :mod:`scenarios.views.plan`: the Plan pickups page's
  inputs (depots, pickups, fleet table) and results (plans as tables and map layers);
- :mod:`scenarios.views.sheets`: its driver sheets, file templates and truck names by language;
- :mod:`scenarios.views.library`: scenario files, uploads and stored runs;
- :mod:`scenarios.views.compare`: the Compare scenarios page's tables and maps;
- :mod:`scenarios.views.uncertainty`: its ranges (Monte Carlo bands, tornado).
"""

from __future__ import annotations

from networks import RoadNetwork
from scenarios.pickups import SAMPLE_FLEET, SAMPLE_PICKUPS
from scenarios.spec import ScenarioSpec
from scenarios.views import palette
from scenarios.views.basemap import Basemap, basemap
from scenarios.views.common import (
    DATA,
    LIBRARY,
    MAX_UPLOAD_BYTES,
    ROOT,
    STUDY_AREA,
    check_upload_size,
    inputs_fingerprint,
    stage_upload,
    view_state,
)
from scenarios.views.compare import CompareView, changed_roads, compare_view
from scenarios.views.glossary import GLOSSARY_FILE, in_lao, lao_terms, read_glossary
from scenarios.views.labels import place_labels, text_width_px
from scenarios.views.library import (
    baseline_file,
    library_scenarios,
    load_scenario_file,
    results_cache_dir,
    run_scenario_payload,
    scenario_key,
    stage_scenario_upload,
    stored_result_path,
)
from scenarios.views.money import (
    CURRENCIES,
    ExchangeRate,
    exchange_rate,
    format_money,
    lak_factor,
    money_columns,
    money_rows,
    unit_currency,
)
from scenarios.views.network import (
    FRESHER_OSM_MD,
    MAP_TOLERANCE_DEG,
    km_by,
    load_road_network,
    network_edges,
    network_summary,
    places_frame,
    study_area_view,
)
from scenarios.views.numbers import readable_cba, scenario_title
from scenarios.views.palette import RGB
from scenarios.views.plan import PlanView, plan_view, plan_view_from_run
from scenarios.views.plan_inputs import (
    DEFAULT_DEPOT,
    FLEET_EDIT_COLUMNS,
    depot_choices,
    pickups_preview,
    sample_fleet,
    sample_pickups_path,
    stage_fleet,
)
from scenarios.views.road_appraisal import AllTrafficView, all_traffic_view
from scenarios.views.scenario_text import read_lao_scenarios, scenario_text
from scenarios.views.sheets import (
    DEFAULT_ITERATIONS,
    DEFAULT_TIME_LIMIT_S,
    LANGUAGES,
    SHEET_LABELS,
    TEMPLATES,
    SheetDownloads,
    plan_in_language,
    sheet_downloads,
    sheet_label,
    template_bytes,
)
from scenarios.views.sources import data_sources, markdown_tables, sources_markdown
from scenarios.views.status_words import STATUS_LABELS, reason_in_language, status_in_language
from scenarios.views.uncertainty import (
    UncertaintyView,
    run_uncertainty_view,
    uncertainty_dir,
    uncertainty_view,
)

__all__ = [
    "CURRENCIES",
    "DATA",
    "DEFAULT_DEPOT",
    "DEFAULT_ITERATIONS",
    "DEFAULT_TIME_LIMIT_S",
    "FLEET_EDIT_COLUMNS",
    "FRESHER_OSM_MD",
    "GLOSSARY_FILE",
    "LANGUAGES",
    "LIBRARY",
    "MAP_TOLERANCE_DEG",
    "MAX_UPLOAD_BYTES",
    "RGB",
    "ROOT",
    "SAMPLE_FLEET",
    "SAMPLE_PICKUPS",
    "SHEET_LABELS",
    "STATUS_LABELS",
    "STUDY_AREA",
    "TEMPLATES",
    "AllTrafficView",
    "Basemap",
    "CompareView",
    "ExchangeRate",
    "PlanView",
    "RoadNetwork",
    "ScenarioSpec",
    "SheetDownloads",
    "UncertaintyView",
    "all_traffic_view",
    "baseline_file",
    "basemap",
    "changed_roads",
    "check_upload_size",
    "compare_view",
    "data_sources",
    "depot_choices",
    "exchange_rate",
    "format_money",
    "in_lao",
    "inputs_fingerprint",
    "km_by",
    "lak_factor",
    "lao_terms",
    "library_scenarios",
    "load_road_network",
    "load_scenario_file",
    "markdown_tables",
    "money_columns",
    "money_rows",
    "network_edges",
    "network_summary",
    "palette",
    "pickups_preview",
    "place_labels",
    "places_frame",
    "plan_in_language",
    "plan_view",
    "plan_view_from_run",
    "read_glossary",
    "read_lao_scenarios",
    "readable_cba",
    "reason_in_language",
    "results_cache_dir",
    "run_scenario_payload",
    "run_uncertainty_view",
    "sample_fleet",
    "sample_pickups_path",
    "scenario_key",
    "scenario_text",
    "scenario_title",
    "sheet_downloads",
    "sheet_label",
    "sources_markdown",
    "stage_fleet",
    "stage_scenario_upload",
    "stage_upload",
    "status_in_language",
    "stored_result_path",
    "study_area_view",
    "template_bytes",
    "text_width_px",
    "uncertainty_dir",
    "uncertainty_view",
    "unit_currency",
    "view_state",
]
