"""Uncertainty: ranges of the estimated inputs, Monte Carlo draws, one-at-a-time sensitivity.

Above ``appraisal`` (savings and NPV per draw) and below ``batch`` (which runs the cases on Dask).
"""

from scenarios.uncertainty.apply import (
    INFEASIBLE,
    apply_values,
    run_case,
    spec_with_values,
    split_values,
)
from scenarios.uncertainty.catalogue import (
    BEGIN_MARK,
    END_MARK,
    all_ranges,
    range_files,
    ranges_table,
    write_readme_table,
)
from scenarios.uncertainty.draws import (
    HELD,
    Dimension,
    dimensions,
    held_central,
    held_reason,
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
from scenarios.uncertainty.switching import (
    STEPS,
    Bracket,
    brackets,
    outcome_class,
    position_values,
    switching_row,
)

__all__ = [
    "BEGIN_MARK",
    "END_MARK",
    "HELD",
    "INFEASIBLE",
    "STEPS",
    "Bracket",
    "Dimension",
    "all_ranges",
    "apply_values",
    "brackets",
    "case_figures",
    "dimensions",
    "draw_rows",
    "held_central",
    "held_reason",
    "latin_hypercube",
    "outcome_class",
    "position_values",
    "ppf",
    "range_files",
    "ranges_table",
    "run_case",
    "scenario_json",
    "spec_with_values",
    "split_values",
    "summary_rows",
    "switching_row",
    "switching_value",
    "tornado_rows",
    "write_html",
    "write_readme_table",
]
