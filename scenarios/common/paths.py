"""Where the repository's data pack and scenario library live (the one place that knows)."""

from __future__ import annotations

from pathlib import Path

__all__ = ["DATA_DIR", "LIBRARY_DIR", "REPO_ROOT"]

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = REPO_ROOT / "data"
LIBRARY_DIR = REPO_ROOT / "scenarios" / "library"
