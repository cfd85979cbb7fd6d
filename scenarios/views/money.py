"""Money for the app: the configured LAK per USD rate, and amounts and tables in LAK or USD.

The engine works in LAK. A table column holds a LAK amount when ``lak`` is a word of its name
(``cost_lak``, ``npv_lak``, ``lak_per_t``: units live in names), and a row of a table with a
unit column holds one when its unit is a LAK unit (``LAK``, ``LAK/t``, ``LAK/yr``).
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

CURRENCIES = ("LAK", "USD")
_UNIT_CURRENCY = {"LAK": "LAK", "US$": "USD", "USD": "USD"}


@dataclass(frozen=True, slots=True)
class ExchangeRate:
    """The configured LAK per USD rate and where it comes from."""

    lak_per_usd: float
    source: str
    estimate: bool = True

    def __post_init__(self) -> None:
        if not (math.isfinite(self.lak_per_usd) and self.lak_per_usd > 0):
            msg = f"Expected lak_per_usd > 0; got {self.lak_per_usd}."
            raise ValueError(msg)


def exchange_rate(path: Path | None = None) -> ExchangeRate:
    """The LAK per USD rate of the cost rates (default ``data/cost_rates.toml``).

    The value comes from the validated cost-rate loader (the rate every cost in LAK was
    computed with); its ``source`` and ``estimate`` flag from the same ``[lak_per_usd]`` entry.
    Raises ``ValueError`` (``optimizer.InputError``) naming the file when the rates are invalid.
    """
    from scenarios.common import COST_RATES_TOML, load_cost_rates

    source_path = path or COST_RATES_TOML
    rates = load_cost_rates(source_path)
    with source_path.open("rb") as fh:
        entry = tomllib.load(fh)["lak_per_usd"]
    if not isinstance(entry, dict):  # a bare number: no provenance given, so an estimate
        return ExchangeRate(rates.lak_per_usd, source_path.name)
    source = str(entry.get("source") or source_path.name)
    return ExchangeRate(rates.lak_per_usd, source, bool(entry.get("estimate", True)))


def _check_currency(currency: str) -> None:
    if currency not in CURRENCIES:
        msg = f"Unknown currency {currency!r}. Choose from: {', '.join(CURRENCIES)}."
        raise ValueError(msg)


def lak_factor(currency: str, rate: ExchangeRate) -> float:
    """Multiply an amount in LAK by this to write it in ``currency`` (``LAK`` or ``USD``)."""
    _check_currency(currency)
    return 1.0 / rate.lak_per_usd if currency == "USD" else 1.0


def format_money(amount_lak: float, currency: str, rate: ExchangeRate) -> str:
    """An amount given in LAK, written in ``currency`` (``LAK`` or ``USD``)."""
    _check_currency(currency)
    if not math.isfinite(amount_lak):
        return "–"
    if currency == "USD":
        usd = amount_lak / rate.lak_per_usd
        return f"US$ {usd:,.2f}" if abs(usd) < 1000 else f"US$ {usd:,.0f}"
    return f"{amount_lak:,.0f} LAK"


def unit_currency(unit: str) -> str | None:
    """``LAK`` or ``USD`` for a money unit (``LAK/t``, ``US$/t``), else None (``t``, ``h``)."""
    return _UNIT_CURRENCY.get(unit.split("/", 1)[0].strip())


def money_columns(frame: pd.DataFrame, currency: str, rate: ExchangeRate) -> pd.DataFrame:
    """A copy of ``frame`` whose LAK columns are written in ``currency``.

    A column holds LAK when ``lak`` is a word of its name; it is converted and renamed
    (``npv_lak`` → ``npv_usd``, ``lak_per_t`` → ``usd_per_t``).
    """
    factor = lak_factor(currency, rate)
    out = frame.copy()
    renamed = {}
    for column in out.columns:
        words = str(column).split("_")
        if "lak" in words:
            out[column] = out[column].astype(float) * factor
            renamed[column] = "_".join(currency.lower() if w == "lak" else w for w in words)
    return out.rename(columns=renamed)


def money_rows(
    frame: pd.DataFrame,
    currency: str,
    rate: ExchangeRate,
    *,
    unit_column: str,
    value_columns: Sequence[str],
) -> pd.DataFrame:
    """A copy of ``frame`` whose rows in a LAK unit are written in ``currency``.

    Each such row has its ``value_columns`` converted and its unit rewritten (``LAK/t`` →
    ``USD/t``). Rows already in US$ are left out: the engine reports each beside its LAK twin.
    """
    factor = lak_factor(currency, rate)
    currencies = frame[unit_column].astype(str).map(unit_currency)
    out = frame[currencies != "USD"].copy()
    lak = currencies[out.index] == "LAK"
    for column in value_columns:
        out[column] = out[column].astype(float)
        out.loc[lak, column] = out.loc[lak, column] * factor
    out.loc[lak, unit_column] = out.loc[lak, unit_column].str.replace("LAK", currency)
    return out
