"""Errors raised by the networks package; each subclasses a built-in so callers may catch it."""


class NetworkDataError(ValueError):
    """An OSM input (file or download) is missing, empty, corrupt or unusable."""


class UnknownPlaceError(LookupError):
    """A place name matches no known place; the message lists the closest names."""


class OutOfRegionError(ValueError):
    """Coordinates fall outside the region the network covers."""


class SnappingError(ValueError):
    """A point cannot be joined to the network within the maximum connector length."""


class UnreachableError(ValueError):
    """No path joins two points for the given season and vehicle class."""


class EdgeSelectionError(LookupError):
    """An edge selector (route ref, section, way id, bbox) matches no road."""


class OfflineError(OSError):
    """A download was requested but the machine has no internet access."""
