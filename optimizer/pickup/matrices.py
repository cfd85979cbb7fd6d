"""Integer travel matrices of one vehicle type; floats become integers here and only here."""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from optimizer.exceptions import ScalingWarning

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

#: Integers above this risk overflow once summed over long routes inside the engines.
SAFE_INT = 2**53


def require(condition: bool, msg: str) -> None:
    if not condition:
        raise ValueError(msg)


@dataclass(frozen=True, eq=False)
class TravelMatrices:
    """Integer travel data for one vehicle type between all nodes (square, same size)."""

    distance_m: IntArray
    duration_s: IntArray
    cost_lak: IntArray
    reachable: BoolArray

    def __post_init__(self) -> None:
        n = self.reachable.shape[0]
        for name in ("distance_m", "duration_s", "cost_lak", "reachable"):
            arr = getattr(self, name)
            require(
                isinstance(arr, np.ndarray) and arr.shape == (n, n),
                f"matrices: expected {name} of shape ({n}, {n}); got {np.shape(arr)}.",
            )
        for name in ("distance_m", "duration_s", "cost_lak"):
            arr = getattr(self, name)
            require(
                arr.dtype == np.int64 and bool(np.all(arr >= 0)),
                f"matrices: expected {name} as int64 >= 0; got dtype {arr.dtype}.",
            )

    @classmethod
    def from_float(
        cls,
        distance_m: npt.ArrayLike,
        duration_s: npt.ArrayLike,
        cost_lak: npt.ArrayLike | None = None,
    ) -> TravelMatrices:
        """Round float matrices to integers; ``inf`` or ``nan`` marks an unreachable pair.

        ``cost_lak`` defaults to the distance. Unreachable pairs get a large finite value that
        no sensible route uses. Warns with :class:`ScalingWarning` if sums could overflow.
        """
        arrays = [np.asarray(a, dtype=np.float64) for a in (distance_m, duration_s)]
        arrays.append(arrays[0] if cost_lak is None else np.asarray(cost_lak, dtype=np.float64))
        shape = arrays[0].shape
        require(
            len(shape) == 2 and shape[0] == shape[1] and all(a.shape == shape for a in arrays),
            f"matrices: expected three square matrices of one shape; got "
            f"{[a.shape for a in arrays]}.",
        )
        finite = np.logical_and.reduce([np.isfinite(a) for a in arrays])
        if any(bool(np.any(a[finite] < 0)) for a in arrays):
            msg = "matrices: expected distances, durations and costs >= 0; got a negative value."
            raise ValueError(msg)
        out = []
        n = max(shape[0], 1)
        for name, arr in zip(("distance_m", "duration_s", "cost_lak"), arrays, strict=True):
            biggest = float(arr[finite].max()) if bool(finite.any()) else 0.0
            filler = math.ceil(biggest) * n + 1
            if filler * (n + 1) > SAFE_INT:
                warnings.warn(
                    f"{name}: largest value {biggest:.0f} x {n} nodes risks integer overflow in "
                    "the engines; rescale the units.",
                    ScalingWarning,
                    stacklevel=2,
                )
            ints = np.where(finite, np.rint(np.where(finite, arr, 0.0)), filler)
            out.append(ints.astype(np.int64))
        reach = finite.copy()
        np.fill_diagonal(reach, True)
        return cls(out[0], out[1], out[2], reach)
