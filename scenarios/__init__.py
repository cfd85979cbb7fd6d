"""Scenario files and the engine that runs, compares and reports them; the `bolaven` CLI."""
