"""Batches of scenarios on Dask: runner, result store, HTML report."""
