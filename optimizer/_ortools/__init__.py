"""Private OR-Tools adapters: the only modules that import ``ortools``."""
