"""Problems in, verified solutions out: pickup routing and consolidation/corridor models."""
