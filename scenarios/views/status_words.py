"""Solver status words and drop reasons in the app's language.

The engines write a solve's status (``optimal``, ``feasible``, ``time_limit``, ``partial``) and
why a pickup is left behind in English sentences with figures in them. :data:`STATUS_LABELS`
holds their words in English and Lao (merged into the app's label table, so the browser test
that no English label is left in Lao mode covers them); :func:`status_in_language` and
:func:`reason_in_language` write one status or reason in a language. A reason no pattern knows
stays in English rather than being lost.
"""

from __future__ import annotations

import re

# key: (English, Lao). Lao: translator's choice, to be reviewed by a Lao speaker (README).
STATUS_LABELS: dict[str, tuple[str, str]] = {
    "status_optimal": ("optimal", "ດີທີ່ສຸດ (ພິສູດແລ້ວ)"),
    "status_feasible": ("feasible", "ໃຊ້ໄດ້ (ຍັງບໍ່ພິສູດວ່າດີທີ່ສຸດ)"),
    "status_time_limit": ("time limit reached", "ໝົດເວລາຄຳນວນ"),
    "status_infeasible": ("infeasible", "ບໍ່ມີແຜນທີ່ເປັນໄປໄດ້"),
    "status_partial": ("partial: required pickups left behind", "ບໍ່ຄົບ: ມີຈຸດທີ່ຕ້ອງເກັບ ບໍ່ໄດ້ເກັບ"),
    "status_unknown": ("unknown", "ບໍ່ຮູ້"),
    "status_gap": ("gap", "ຊ່ອງຫ່າງ"),
    "reason_no_engine": (
        "not planned: no engine found a plan within the {s} s limit; give a longer "
        "--time-limit or fewer pickups per day",
        "ບໍ່ໄດ້ວາງແຜນ: ບໍ່ພົບແຜນພາຍໃນ {s} ວິນາທີ; ໃຫ້ເວລາຄຳນວນດົນຂຶ້ນ ຫຼື ຫຼຸດຈຸດເກັບຕໍ່ມື້",
    ),
    "reason_search_stopped": (
        "not planned: the search stopped at its limit ({s} s or the solution limit) with {n} "
        "suitable truck(s) unused; give a longer limit",
        "ບໍ່ໄດ້ວາງແຜນ: ການຄົ້ນຫາຢຸດທີ່ຂີດຈຳກັດ ({s} ວິນາທີ ຫຼື ຈຳນວນຮອບສູງສຸດ) ໃນຂະນະທີ່ຍັງມີ"
        "ລົດທີ່ເໝາະສົມ {n} ຄັນ ບໍ່ໄດ້ໃຊ້; ໃຫ້ເວລາຄຳນວນດົນຂຶ້ນ",
    ),
    "reason_no_capacity_day": (
        "no vehicle capacity or driver time left in the fleet for this day",
        "ບໍ່ມີລົດບັນທຸກ ຫຼື ເວລາຄົນຂັບເຫຼືອ ໃນມື້ນີ້",
    ),
    "reason_no_capacity_window": (
        "no vehicle capacity or driver time left in the fleet on any day of its window{window}",
        "ບໍ່ມີລົດບັນທຸກ ຫຼື ເວລາຄົນຂັບເຫຼືອ ໃນມື້ໃດເລີຍຂອງຊ່ວງເວລາເກັບ{window}",
    ),
    "reason_optional": (
        "optional: serving it costs more than its penalty of {lak} LAK",
        "ບໍ່ບັງຄັບ: ການໄປເກັບແພງກວ່າຄ່າປັບ {lak} ກີບ",
    ),
    "reason_road_end": (
        "unreachable in the {season} season by any available vehicle class, at the village "
        "and at the road end of its {km} km track",
        "ລົດທຸກປະເພດທີ່ມີ ເຂົ້າບໍ່ເຖິງໃນ{season} ທັງທີ່ບ້ານ ແລະ ທີ່ປາຍທາງເຂົ້າບ້ານ {km} ກມ",
    ),
    "reason_unreachable_season": (
        "unreachable in the {season} season by any available vehicle class",
        "ລົດທຸກປະເພດທີ່ມີ ເຂົ້າບໍ່ເຖິງໃນ{season}",
    ),
    "reason_unreachable": (
        "unreachable by any available vehicle class",
        "ລົດທຸກປະເພດທີ່ມີ ເຂົ້າບໍ່ເຖິງ",
    ),
    "reason_no_truck_day": (
        "no truck works on a day of its window{window}",
        "ບໍ່ມີລົດເຮັດວຽກ ໃນມື້ໃດຂອງຊ່ວງເວລາເກັບ{window}",
    ),
    "reason_too_heavy": (
        "weight {kg} kg exceeds the largest vehicle capacity {cap} kg",
        "ນ້ຳໜັກ {kg} ກິໂລ ເກີນຄວາມຈຸຂອງລົດຄັນໃຫຍ່ທີ່ສຸດ {cap} ກິໂລ",
    ),
    "reason_too_heavy_reach": (
        "weight {kg} kg exceeds the capacity of every vehicle class that can reach it "
        "(largest {cap} kg)",
        "ນ້ຳໜັກ {kg} ກິໂລ ເກີນຄວາມຈຸຂອງລົດທຸກປະເພດທີ່ເຂົ້າເຖິງໄດ້ (ໃຫຍ່ສຸດ {cap} ກິໂລ)",
    ),
    "reason_window": (
        "its time window or the driver's day cannot be kept by any vehicle, even alone",
        "ບໍ່ມີລົດຄັນໃດຮັກສາເວລາຮັບ ຫຼື ເວລາເຮັດວຽກຂອງຄົນຂັບໄດ້, ເຖິງແມ່ນໄປຈຸດດຽວ",
    ),
    "reason_fresh": (
        "fresh cherry cannot reach the depot within {h} h even on a direct trip",
        "ໝາກກາເຟສົດ ໄປຮອດສາງບໍ່ທັນພາຍໃນ {h} ຊົ່ວໂມງ ເຖິງແມ່ນໄປກັບຊື່",
    ),
    "reason_outside": (
        "outside the network's region (more than {km} km from the nearest road); check the "
        "coordinates (lat, lon in degrees)",
        "ຢູ່ນອກເຂດເຄືອຂ່າຍ (ໄກກວ່າ {km} ກມ ຈາກທາງທີ່ໃກ້ທີ່ສຸດ); ກວດເບິ່ງພິກັດ (lat, lon ເປັນອົງສາ)",
    ),
    "reason_too_far": (
        "{km} km from the nearest road, beyond the maximum connector length of {max_km} km",
        "ຫ່າງຈາກທາງທີ່ໃກ້ທີ່ສຸດ {km} ກມ, ເກີນໄລຍະເຊື່ອມສູງສຸດ {max_km} ກມ",
    ),
    "window_days": (" (days {first} to {last})", " (ມື້ {first} ຫາ {last})"),
    "any_day": ("any", "ໃດກໍໄດ້"),
}
_SEASONS = {"dry": "ລະດູແລ້ງ", "wet": "ລະດູຝົນ"}
_FIELD_PATTERNS = {"season": r"\w+", "window": r"( \(days \S+ to \S+\))?"}
_NUMBER = r"[0-9][0-9,.]*"


def _pattern(english: str) -> re.Pattern[str]:
    """The engine's sentence ``english`` as a pattern, each ``{field}`` a named group."""
    parts = re.split(r"\{(\w+)\}", english)
    pieces = [
        re.escape(part) if i % 2 == 0 else f"(?P<{part}>{_FIELD_PATTERNS.get(part, _NUMBER)})"
        for i, part in enumerate(parts)
    ]
    return re.compile("".join(pieces))


# the engine's sentences, each read back by its English label (the first full match wins)
_REASONS = tuple(
    (_pattern(english), key)
    for key, (english, _) in STATUS_LABELS.items()
    if key.startswith("reason_")
)


def _word(key: str, lang: str) -> str:
    english, lao = STATUS_LABELS[key]
    return lao if lang == "lo" else english


def status_in_language(status: str | None, lang: str) -> str:
    """A solve's status (``optimal``, ``feasible``, ``time_limit``, …) in ``lang``; a status
    not in the table stays as the engine wrote it."""
    key = f"status_{status or 'unknown'}"
    if lang != "lo" or key not in STATUS_LABELS:
        return status or _word("status_unknown", lang)
    return _word(key, lang)


def _window_in_language(window: str) -> str:
    found = re.fullmatch(r" \(days (\S+) to (\S+)\)", window)
    if not found:
        return ""
    first, last = (_word("any_day", "lo") if d == "any" else d for d in found.groups())
    return _word("window_days", "lo").format(first=first, last=last)


def reason_in_language(reason: str, lang: str) -> str:
    """Why a pickup is left behind, in ``lang``: the engine's sentence, or its Lao version with
    the same figures. A sentence no pattern knows stays in English."""
    if lang != "lo":
        return reason
    for pattern, key in _REASONS:
        found = pattern.fullmatch(reason)
        if found is None:
            continue
        fields = dict(found.groupdict())
        if "season" in fields:
            fields["season"] = _SEASONS.get(fields["season"], fields["season"])
        if "window" in fields:
            fields["window"] = _window_in_language(fields["window"])
        return _word(key, lang).format(**fields)
    return reason
