"""Errors raised by the optimizer package; each subclasses a built-in so callers may catch it."""


class InputError(ValueError):
    """An input record or file is invalid; the message names row, column, expected and got."""


class InfeasibleProblemError(ValueError):
    """No solution exists that respects the constraints; the message names the cause."""


class VerificationError(RuntimeError):
    """A solver returned a plan that fails the independent check; it is never shown."""


class ScalingWarning(UserWarning):
    """Values converted to integers for a solver risk overflow or loss of precision."""
