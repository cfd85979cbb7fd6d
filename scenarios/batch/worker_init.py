"""Dask worker preload: a batch's worker processes never see the terminal's Ctrl-C.

A Ctrl-C in a terminal sends SIGINT to every process of the foreground process group. A
worker that received it would hand it to the MIP solver, which stops early and returns a plan
that is not proven optimal (SCIP: "pressed CTRL-C 1 times"). Each worker therefore moves to
its own process group at start-up, out of the terminal's reach, and ignores SIGINT; the
client process alone handles Ctrl-C and shuts the cluster down.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal

__all__ = ["dask_setup", "detach_from_terminal"]

log = logging.getLogger(__name__)


def detach_from_terminal() -> None:
    """Leave the terminal's process group and ignore SIGINT (main thread only)."""
    with contextlib.suppress(OSError):  # already a group or session leader
        os.setpgid(0, 0)
    with contextlib.suppress(ValueError):  # signal handlers can only be set on the main thread
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    log.debug("worker %d: own process group, SIGINT ignored", os.getpid())


def dask_setup(worker: object) -> None:
    """Called by dask.distributed in each worker process started with this preload."""
    del worker
    detach_from_terminal()
