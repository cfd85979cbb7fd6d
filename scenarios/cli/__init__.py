"""The ``bolaven`` command line: the root and one module per command group."""

from scenarios.cli.root import main

__all__ = ["main"]
