"""The ``bolaven`` command line: the root and one module per command group."""

from scenarios.cli.root import app, main

__all__ = ["app", "main"]
