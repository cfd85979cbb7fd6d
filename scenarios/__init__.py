"""Scenario files and the engine that runs, compares and reports them; the `bolaven` CLI.

Rooms (sub-packages), arrows one way: ``common`` -> ``pickups``, ``consolidate``, ``spec`` ->
``run`` -> ``appraisal`` -> ``batch`` -> ``views``, ``cli``. Import a room through its root,
e.g. ``from scenarios.consolidate import run_consolidation`` (see docs/architecture.md).
"""
