"""Batches of scenarios: the runner (Dask, resume, failure isolation), result store, HTML report."""

from scenarios.batch.report import comparisons_for, write_report
from scenarios.batch.runner import BatchEvent, BatchInterrupted, BatchSummary, run_batch
from scenarios.batch.store import (
    inputs_fingerprint,
    load_results,
    solver_problem,
    write_json_atomic,
)
from scenarios.batch.uncertainty import UncertaintyRun, plan_dimensions, run_uncertainty

__all__ = [
    "BatchEvent",
    "BatchInterrupted",
    "BatchSummary",
    "UncertaintyRun",
    "comparisons_for",
    "inputs_fingerprint",
    "load_results",
    "plan_dimensions",
    "run_batch",
    "run_uncertainty",
    "solver_problem",
    "write_json_atomic",
    "write_report",
]
