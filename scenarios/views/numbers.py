"""Numbers and names written for people: scenario titles, and CBA ratios that may not exist.

A BCR or an EIRR only means something when a scenario has benefits; without them the app
writes a reason ("n/a (no benefits)") instead of ``0`` or ``None``.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

_TITLE_CHARS = 90


def scenario_title(name: str, description: str = "") -> str:
    """A scenario's title: the first sentence of its description, else its name in words.

    ``pave_route_16a`` with "Pave the Bolaven feeder Route 16A (...) to a good sealed road."
    reads "Pave the Bolaven feeder Route 16A (...) to a good sealed road"; long sentences are
    cut at a word with an ellipsis.
    """
    sentence = description.strip().split(". ")[0].strip().rstrip(".")
    if not sentence:
        words = name.replace("_", " ").replace("-", " ").strip()
        return words[:1].upper() + words[1:]
    if len(sentence) <= _TITLE_CHARS:
        return sentence
    return sentence[:_TITLE_CHARS].rsplit(" ", 1)[0] + "…"


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def readable_cba(
    cba: pd.DataFrame,
    *,
    titles: dict[str, str],
    no_benefits: str,
    not_appraised: str,
    no_eirr: str,
) -> pd.DataFrame:
    """The CBA table for reading: scenario titles, BCR and EIRR as text with their reason.

    A scenario without an appraisal gets ``not_appraised``; one whose yearly saving is not
    positive gets ``no_benefits`` for both ratios; an EIRR that does not exist (the flows never
    change sign) gets ``no_eirr``. The discount rate column, when there, is kept as a number.
    """
    out = cba.copy()
    bcr_text, eirr_text = [], []
    # money columns may be in LAK or USD (annual_saving_lak or annual_saving_usd, npv_…)
    saving_col = next((c for c in cba.columns if str(c).startswith("annual_saving_")), None)
    npv_col = next((c for c in cba.columns if str(c).startswith("npv_")), None)
    for _, row in cba.iterrows():
        saving: Any = None if saving_col is None else row[saving_col]
        npv: Any = None if npv_col is None else row[npv_col]
        bcr: Any = row["bcr"]
        eirr: Any = row["eirr_pct"]
        if _missing(bcr) and _missing(eirr) and _missing(npv):
            bcr_text.append(not_appraised)
            eirr_text.append(not_appraised)
        elif _missing(saving) or float(saving) <= 0:
            bcr_text.append(no_benefits)
            eirr_text.append(no_benefits)
        else:
            bcr_text.append("–" if _missing(bcr) else f"{float(bcr):.2f}")
            eirr_text.append(no_eirr if _missing(eirr) else f"{float(eirr):.1f} %")
    out["bcr"] = bcr_text
    out["eirr_pct"] = eirr_text
    out["scenario"] = [titles.get(str(name), str(name)) for name in cba["scenario"]]
    return out
