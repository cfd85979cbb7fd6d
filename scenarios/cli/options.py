"""Options shared by several command groups; click checks them before any data is loaded."""

from __future__ import annotations

import logging
from enum import StrEnum
from typing import Annotated

import typer

__all__ = ["SeasonChoice", "SeasonOpt", "quiet_dask_logs"]

_DASK_LOGGERS = ("distributed", "distributed.scheduler", "distributed.nanny", "distributed.core")


def quiet_dask_logs() -> None:
    """Dask's own log lines only at ERROR unless ``--verbose``: a run reports its failures
    itself, under its progress bar."""
    if not logging.getLogger().isEnabledFor(logging.INFO):
        for name in _DASK_LOGGERS:
            logging.getLogger(name).setLevel(logging.ERROR)


class SeasonChoice(StrEnum):
    """A season of the road network (``networks.Season``), spelled for the command line."""

    DRY = "dry"
    WET = "wet"


#: ``--season dry|wet``: a typo is a usage error (exit 2) before the network loads.
SeasonOpt = Annotated[SeasonChoice, typer.Option("--season", help="dry or wet.")]
