"""Errors raised by the networks package: one root, :class:`NetworkError`, that all subclass.

Each also subclasses a built-in (``ValueError``, ``LookupError``, ``OSError``) so callers may
catch that instead.
"""


class NetworkError(Exception):
    """Root of the networks package's errors: catch this to catch any of them."""


class NetworkInputError(NetworkError, ValueError):
    """An argument is invalid: an unknown season or vehicle class, a bad bbox, surface or size."""


class NetworkDataError(NetworkError, ValueError):
    """An OSM input (file or download) is missing, empty, corrupt or unusable."""


class UnknownPlaceError(NetworkError, LookupError):
    """A place name matches no known place; the message lists the closest names."""


class OutOfRegionError(NetworkError, ValueError):
    """Coordinates fall outside the region the network covers."""


class SnappingError(NetworkError, ValueError):
    """A point cannot be joined to the network within the maximum connector length."""


class UnreachableError(NetworkError, ValueError):
    """No path joins two points for the given season and vehicle class."""


class EdgeSelectionError(NetworkError, LookupError):
    """An edge selector (route ref, section, way id, bbox) matches no road."""


class OfflineError(NetworkError, OSError):
    """A download was requested but the machine has no internet access."""
