"""Options shared by several command groups; click checks them before any data is loaded."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

__all__ = ["SeasonChoice", "SeasonOpt"]


class SeasonChoice(StrEnum):
    """A season of the road network (``networks.Season``), spelled for the command line."""

    DRY = "dry"
    WET = "wet"


#: ``--season dry|wet``: a typo is a usage error (exit 2) before the network loads.
SeasonOpt = Annotated[SeasonChoice, typer.Option("--season", help="dry or wet.")]
