"""Pickup planning from files: records, file IO, pipeline, reports and driver sheets."""
