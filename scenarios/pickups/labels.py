"""The words of the driver sheets and file templates, in English and Lao, in one table.

Language-neutral: the CLI (``--lang``) and the app (its sidebar language, through
``scenarios.views``) read the same table, so a sheet says the same in both. Keys are stable
identifiers; :func:`label` looks one up. The Lao texts were written without a native-speaker
review (as the app's, README "The app").
"""

from __future__ import annotations

__all__ = ["LANGUAGES", "SHEET_LABELS", "check_language", "label", "product_label", "truck_label"]

#: Language codes of the sheets: English and Lao.
LANGUAGES = ("en", "lo")

# key: (English, Lao)
SHEET_LABELS: dict[str, tuple[str, str]] = {
    "sheet_title": ("Driver sheet", "ໃບງານຄົນຂັບ"),
    "sheet_truck": ("Truck", "ລົດ"),
    "sheet_day": ("Day", "ມື້"),
    "sheet_order": ("Order", "ລຳດັບ"),
    "sheet_trip": ("Trip", "ຖ້ຽວທີ"),
    "sheet_time": ("Time", "ເວລາ"),
    "sheet_action": ("What to do", "ວຽກທີ່ຕ້ອງເຮັດ"),
    "sheet_place": ("Village or place", "ບ້ານ ຫຼື ສະຖານທີ່"),
    "sheet_id": ("Pickup ID", "ລະຫັດຈຸດເກັບ"),
    "sheet_weight_kg": ("Weight (kg)", "ນ້ຳໜັກ (ກິໂລ)"),
    "sheet_product": ("Product", "ຜະລິດຕະພັນ"),
    "sheet_window": ("Time window", "ຊ່ວງເວລາຮັບ"),
    "sheet_load_kg": ("Load on the truck after (kg)", "ນ້ຳໜັກເທິງລົດຫຼັງຈາກນີ້ (ກິໂລ)"),
    "sheet_far_km": ("Off-road leg (km)", "ໄລຍະຈາກທາງ (ກມ)"),
    "act_start": ("Leave the depot empty", "ອອກຈາກສາງ (ລົດເປົ່າ)"),
    "act_load": ("Load", "ຂົນຂຶ້ນລົດ"),
    "act_road_end": (
        "Meet at the road end, {km} km from {village}: load",
        "ພົບກັນທີ່ປາຍທາງເຂົ້າບ້ານ ຫ່າງຈາກ {village} {km} ກມ: ຂົນຂຶ້ນລົດ",
    ),
    "act_unload": ("Back at the depot: unload, then go out again", "ກັບຮອດສາງ: ຖອກເຄື່ອງ ແລ້ວອອກໄປອີກ"),
    "act_end": ("Back at the depot: unload, end of the day", "ກັບຮອດສາງ: ຖອກເຄື່ອງ, ໝົດມື້"),
    "any_time": ("any time", "ເວລາໃດກໍໄດ້"),
    "day_prefix": ("D{day}", "ມື້ {day}"),
    "sheet_summary": (
        "{stops} stops, {trips} trip(s), {kg} kg in all, {km} km; back at the depot at {end}",
        "{stops} ຈຸດ, {trips} ຖ້ຽວ, ລວມ {kg} ກິໂລ, {km} ກມ; ກັບຮອດສາງເວລາ {end}",
    ),
    "sheet_capacity": ("Capacity {kg} kg", "ຄວາມຈຸ {kg} ກິໂລ"),
    "sheet_depot": ("Depot: {depot}; {season} season", "ສາງ: {depot}; {season}"),
    "season_dry": ("dry", "ລະດູແລ້ງ"),
    "season_wet": ("wet", "ລະດູຝົນ"),
    "product_cherry": ("Fresh cherry", "ໝາກກາເຟສົດ"),
    "product_dry_cherry": ("Dried cherry", "ໝາກກາເຟແຫ້ງ"),
    "product_parchment": ("Parchment", "ກາເຟກະລາ"),
    "product_green": ("Green bean", "ກາເຟສານ"),
    "vehicle_4x4-pickup": ("4x4-pickup", "ລົດກະບະ 4x4"),
    "vehicle_6-wheel": ("6-wheel", "ລົດ 6 ລໍ້"),
    "vehicle_10-wheel": ("10-wheel", "ລົດ 10 ລໍ້"),
    "vehicle_container": ("container", "ລົດຕູ້ຄອນເທນເນີ"),
    # a hired truck's name: "<type> hired per day #1" (scenarios/pickups/pipeline.py)
    "hired_per_day": (" hired per day", " ເຊົ່າເປັນມື້"),
    "hired_per_trip": (" hired per trip", " ເຊົ່າເປັນຖ້ຽວ"),
}


def check_language(lang: str) -> str:
    """``lang`` if it is a sheet language; else a ValueError naming the choices."""
    if lang not in LANGUAGES:
        msg = f"Unknown language {lang!r}. Choose from: {', '.join(LANGUAGES)}."
        raise ValueError(msg)
    return lang


def label(key: str, lang: str, **fields: object) -> str:
    """The text ``key`` in ``lang`` (``en`` or ``lo``), with ``{fields}`` filled in."""
    en, lo = SHEET_LABELS[key]
    text = lo if check_language(lang) == "lo" else en
    return text.format(**fields) if fields else text


def product_label(product: str, lang: str) -> str:
    """A product (``cherry``, ``dry_cherry``, ``parchment``, ``green``) in ``lang``."""
    key = f"product_{product}"
    return label(key, lang) if key in SHEET_LABELS else product


def truck_label(day: int | None, vehicle: str, lang: str = "en") -> str:
    """The name of a truck-day as the app shows it and the sheets print it.

    ``vehicle`` is the plan's name (``4x4-pickup #1``); a known vehicle type at its start is
    translated, the number kept. In English: ``D2 4x4-pickup #1``.
    """
    name = vehicle
    for key in SHEET_LABELS:
        kind = key.removeprefix("vehicle_")
        if key.startswith("vehicle_") and (vehicle == kind or vehicle.startswith(kind + " ")):
            name = label(key, lang) + vehicle[len(kind) :]
            break
    for key in ("hired_per_day", "hired_per_trip"):
        name = name.replace(label(key, "en"), label(key, lang))
    return name if day is None else f"{label('day_prefix', lang, day=day)} {name}"
