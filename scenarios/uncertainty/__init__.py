"""Uncertainty: ranges of the estimated inputs, Monte Carlo draws, one-at-a-time sensitivity.

Above ``appraisal`` (savings and NPV per draw) and below ``batch`` (which runs the cases on Dask).
"""

from scenarios.uncertainty.apply import apply_values, run_case
from scenarios.uncertainty.catalogue import (
    BEGIN_MARK,
    END_MARK,
    all_ranges,
    range_files,
    ranges_table,
    write_readme_table,
)
from scenarios.uncertainty.draws import (
    SAMPLED_FILES,
    Dimension,
    dimensions,
    held_central,
    latin_hypercube,
    ppf,
)
from scenarios.uncertainty.report import scenario_json, write_html
from scenarios.uncertainty.summary import (
    case_figures,
    draw_rows,
    summary_rows,
    switching_value,
    tornado_rows,
)

__all__ = [
    "BEGIN_MARK",
    "END_MARK",
    "SAMPLED_FILES",
    "Dimension",
    "all_ranges",
    "apply_values",
    "case_figures",
    "dimensions",
    "draw_rows",
    "held_central",
    "latin_hypercube",
    "ppf",
    "range_files",
    "ranges_table",
    "run_case",
    "scenario_json",
    "summary_rows",
    "switching_value",
    "tornado_rows",
    "write_html",
    "write_readme_table",
]
