"""Scenario files: the TOML schema, extends/merge, fingerprints, and the changes they name."""
