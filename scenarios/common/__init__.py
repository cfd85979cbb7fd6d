"""Shared by every room of scenarios: data paths, table readers and writers, cost rates."""
