"""Errors raised by the optimizer package.

Every error derives from :class:`OptimizerError` (catch the whole package with one clause) and
also from a built-in, so callers may still catch ``ValueError`` or ``RuntimeError``.
"""


class OptimizerError(Exception):
    """Root of the optimizer's errors."""


class InputError(OptimizerError, ValueError):
    """An input record or file is invalid; the message names row, column, expected and got."""


class InfeasibleProblemError(OptimizerError, ValueError):
    """No solution exists that respects the constraints; the message names the cause."""


class VerificationError(OptimizerError, RuntimeError):
    """A solver returned a plan that fails the independent check; it is never shown."""


class SolverError(OptimizerError, RuntimeError):
    """The solver stopped without any plan (a limit reached before a first solution)."""


class ScalingWarning(UserWarning):
    """Values converted to integers for a solver risk overflow or loss of precision."""
