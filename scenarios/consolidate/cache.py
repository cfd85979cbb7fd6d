"""A content-keyed cache for derived inputs: located networks, leg matrices, proven solves.

Keys are SHA-256 hashes of everything the value depends on (inputs written canonically, plus
the code version of ``networks``, ``optimizer`` and ``scenarios/consolidate``), like the
network cache: a changed input or a changed line of code gives a new key, never a stale
value. Values live in memory for the process (a batch worker re-solves many scenarios) and as
pickles under ``.cache/derived/`` (or ``$BOLAVEN_CACHE_DIR/derived``) for the next process.
Writes are atomic (temporary file, then rename); an unreadable file counts as a miss.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import hashlib
import json
import logging
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from scenarios.common import REPO_ROOT

__all__ = ["cache_dir", "cached", "code_version", "content_key"]

log = logging.getLogger(__name__)
T = TypeVar("T")

_MEMORY: dict[str, tuple[Any, int]] = {}  # key -> (value, bytes of its pickle)
# Entries are large (a located network, leg matrices): keep few in memory, the rest on disk.
# 64 grew a Dask worker past its memory limit in a long uncertainty run; 12 re-weighted located
# networks (a 100-draw run's tornado, 2026-11-30) held 6.4 GB per worker, where Dask pauses an
# 8 GiB worker for good (the run stalled).
# A count alone let 4 entries go by within one draw (each draw adds ~5 one-off leg matrices and
# 2 solves), evicting the located network that every case re-reads: cap the count generously and
# the bytes (as pickled, the size of the file on disk) tightly.
_MEMORY_MAX = 32
_MEMORY_BYTES_MAX = 256 * 2**20
_CODE_DIRS = ("networks", "optimizer", "scenarios/consolidate", "scenarios/common")


def cache_dir() -> Path:
    """``$BOLAVEN_CACHE_DIR/derived`` if set, else ``<repo>/.cache/derived``."""
    override = os.environ.get("BOLAVEN_CACHE_DIR")
    return (Path(override) if override else REPO_ROOT / ".cache") / "derived"


@functools.cache
def code_version() -> str:
    """Hash of the code that computes cached values (read once per process)."""
    digest = hashlib.sha256()
    for folder in _CODE_DIRS:
        for file in sorted((REPO_ROOT / folder).rglob("*.py")):
            digest.update(str(file.relative_to(REPO_ROOT)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


def _canonical_dataclass(value: Any) -> Any:
    fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    return {"__type__": type(value).__name__, **{k: _canonical(v) for k, v in fields.items()}}


def _canonical_container(value: Any) -> Any:
    if isinstance(value, dict):
        items = sorted(value.items(), key=lambda kv: str(kv[0]))
        return {str(k): _canonical(v) for k, v in items}
    if isinstance(value, set | frozenset):
        return sorted((_canonical(v) for v in value), key=repr)
    return [_canonical(v) for v in value]


def _canonical(value: Any) -> Any:
    """A JSON-able form of ``value`` that does not depend on set order or object identity."""
    if value is None or isinstance(value, str | int | float | bool):
        out: Any = value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = _canonical_dataclass(value)
    elif isinstance(value, dict | set | frozenset | list | tuple):
        out = _canonical_container(value)
    elif isinstance(value, np.ndarray):
        out = {"dtype": str(value.dtype), "shape": value.shape, "sha": _array_hash(value)}
    elif isinstance(value, enum.Enum | np.generic):
        out = value.value if isinstance(value, enum.Enum) else value.item()
    elif isinstance(value, Path):
        out = str(value)
    else:
        msg = f"cannot key the cache on a {type(value).__name__}"
        raise TypeError(msg)
    return out


def _array_hash(array: np.ndarray[Any, Any]) -> str:
    return hashlib.sha256(np.ascontiguousarray(array).tobytes()).hexdigest()


def content_key(kind: str, *parts: Any) -> str:
    """The key of a value of ``kind`` computed from ``parts`` by the current code."""
    text = json.dumps([kind, code_version(), *map(_canonical, parts)], sort_keys=True, default=str)
    return f"{kind}-{hashlib.sha256(text.encode()).hexdigest()[:40]}"


def _read(path: Path) -> Any:
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except FileNotFoundError:
        return None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError) as exc:
        log.warning("ignoring unreadable cache file %s: %s", path, exc)
        return None


def _write(path: Path, value: Any) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except (OSError, pickle.PicklingError, AttributeError, TypeError) as exc:
        tmp.unlink(missing_ok=True)
        log.warning("could not write the cache file %s: %s", path, exc)


def cached(key: str, compute: Callable[[], T], *, keep: Callable[[T], bool] | None = None) -> T:
    """The value stored under ``key``, else ``compute()`` stored (when ``keep`` allows it)."""
    if key in _MEMORY:  # least recently used goes first: a located network stays while
        _MEMORY[key] = _MEMORY.pop(key)  # many one-off leg matrices come and go
        return _MEMORY[key][0]  # type: ignore[no-any-return]
    path = cache_dir() / f"{key}.pickle"
    value = _read(path)
    if value is None:
        fresh = compute()
        if keep is not None and not keep(fresh):
            return fresh
        _write(path, fresh)
        value = fresh
    else:
        log.info("cache hit %s", key)
    _remember(key, value, _file_size(path))
    return value  # type: ignore[no-any-return]


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # not written (e.g. unpicklable): count it as large
        return _MEMORY_BYTES_MAX // 4


def _remember(key: str, value: Any, size: int) -> None:
    """Keep ``value`` in memory, dropping the least recently used beyond the caps."""
    _MEMORY[key] = (value, size)
    while len(_MEMORY) > 1 and (
        len(_MEMORY) > _MEMORY_MAX or sum(s for _, s in _MEMORY.values()) > _MEMORY_BYTES_MAX
    ):
        del _MEMORY[next(iter(_MEMORY))]
