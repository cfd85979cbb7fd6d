"""Checks of a parsed VRPLIB/Solomon instance before it becomes a problem.

The ``vrplib`` parser accepts what it can split into numbers or text; these checks turn what it
let through into errors that name the file, the section and the customer (``.sol`` numbering:
depot 0, customers 1..n; the file's node numbers are one higher): a wrong ``DIMENSION``,
coordinates that are ``nan``/``inf`` or too large to measure, a demand that is not a whole
number, above the capacity, or a capacity of 0. A customer is never silently dropped.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy.typing as npt

from optimizer.exceptions import InputError

__all__ = ["MAX_ABS_COORD", "checked_capacity", "checked_coords", "checked_ints", "require"]

#: Largest coordinate accepted: distances of 1e7 units stay exact in the engines' integers.
MAX_ABS_COORD = 1e7
_NON_FINITE = {"nan", "inf", "-inf", "+inf", "infinity", "-infinity"}


def _fail(path: Path, where: str, problem: str) -> InputError:
    return InputError(f"{path.name}: {where}: {problem}")


def require(path: Path, data: dict[str, object], keys: tuple[str, ...]) -> None:
    """Each of ``keys`` present (the parser leaves a missing section out silently)."""
    for key in keys:
        if key not in data:
            section = key.upper() + ("_SECTION" if key in {"node_coord", "demand"} else "")
            raise _fail(path, section, "missing; expected it in a VRPLIB/Solomon instance")


def checked_coords(path: Path, data: dict[str, object]) -> npt.NDArray[np.float64]:
    """Coordinates as floats: finite, ``|x| <= MAX_ABS_COORD`` and as many as ``DIMENSION``."""
    raw = np.asarray(data["node_coord"])
    where = "NODE_COORD_SECTION"
    if raw.ndim != 2 or raw.shape[1] != 2 or len(raw) < 2:
        problem = f"expected 'node x y' lines, depot plus customers; got shape {raw.shape}"
        raise _fail(path, where, problem)
    for index, row in enumerate(raw):
        if any(_number(c) is None and str(c).lower() not in _NON_FINITE for c in row):
            problem = f"node {index + 1}: expected numbers; got {' '.join(map(str, row))}"
            raise _fail(path, where, problem)
    coords = raw.astype(np.float64)
    dimension = data.get("dimension")
    if dimension is not None and _as_int(dimension) != len(coords):
        raise _fail(path, "DIMENSION", f"says {dimension}; the file has {len(coords)} nodes")
    for index, (x, y) in enumerate(coords):
        if not (np.isfinite(x) and np.isfinite(y)) or max(abs(x), abs(y)) > MAX_ABS_COORD:
            raise _fail(
                path,
                "NODE_COORD_SECTION",
                f"customer {index} (node {index + 1}): expected finite coordinates within "
                f"+-{MAX_ABS_COORD:g}; got {x:g} {y:g}",
            )
    return coords


def checked_ints(
    path: Path, data: dict[str, object], key: str, section: str, *, count: int
) -> npt.NDArray[np.int64]:
    """A section of whole numbers >= 0 (one per node, or ``count`` rows) as int64."""
    raw = np.asarray(data[key])
    if len(raw) != count:
        raise _fail(path, section, f"expected {count} rows (one per node); got {len(raw)}")
    flat = raw.reshape(len(raw), -1)
    out = np.zeros(flat.shape, dtype=np.int64)
    for index, row in enumerate(flat):
        for col, cell in enumerate(row):
            value = _number(cell)
            if value is None or not value.is_integer() or not 0 <= value <= 2**40:
                raise _fail(
                    path,
                    section,
                    f"customer {index} (node {index + 1}): expected a whole number >= 0; "
                    f"got {str(cell)!r}",
                )
            out[index, col] = int(value)
    return out.reshape(raw.shape)


def checked_capacity(path: Path, data: dict[str, object], demand: npt.NDArray[np.int64]) -> int:
    """``CAPACITY`` as an integer > 0 that every single demand (each >= 1) fits in."""
    capacity = _number(data["capacity"])
    if capacity is None or not capacity.is_integer() or capacity <= 0:
        raise _fail(path, "CAPACITY", f"expected a whole number > 0; got {data['capacity']!r}")
    if int(demand[0]) != 0:
        raise _fail(
            path, "DEMAND_SECTION", f"the depot (node 1): expected demand 0; got {demand[0]}"
        )
    empty = np.flatnonzero(demand[1:] == 0)
    if len(empty):
        i = int(empty[0]) + 1
        problem = f"customer {i} (node {i + 1}): demand 0; expected >= 1 (a stop with a load)"
        raise _fail(path, "DEMAND_SECTION", problem)
    over = np.flatnonzero(demand > capacity)
    if len(over):
        i = int(over[0])
        raise _fail(
            path,
            "DEMAND_SECTION",
            f"customer {i} (node {i + 1}): demand {demand[i]} exceeds the capacity "
            f"{int(capacity)}; no vehicle can serve it",
        )
    return int(capacity)


def _number(cell: object) -> float | None:
    try:
        value = float(str(cell))
    except ValueError:
        return None
    return value if np.isfinite(value) else None


def _as_int(value: object) -> int | None:
    number = _number(value)
    return int(number) if number is not None and number.is_integer() else None
