"""Collection points: villages of a producer group bring their coffee to one point.

Rows of a pickups file with a ``collection_point`` (the village code of the group's point, e.g.
a cooperative's store) are merged into one stop at that point per product, day and window; the
trucks visit the point, not the villages. The leg from each village to its point (motorbike or
on foot) is costed apart: straight-line km x ``feeder_detour_factor`` x tonnes x
``feeder_lak_per_t_km`` (flagged estimates in ``data/pickup_rules.toml``). A merged stop keeps
the tightest time window and freshness limit of its rows and is required if any row is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import networks
from networks import Village
from scenarios.common import DataFileError
from scenarios.pickups.io import PickupRecord, villages_by_code
from scenarios.pickups.rules import PickupRules

__all__ = ["feeder_cost_lak", "group_collection_points"]

_Key = tuple[str, str, int | None, int | None, int | None]


def feeder_cost_lak(record: PickupRecord, point: Village, rules: PickupRules) -> float:
    """Cost of carrying ``record``'s coffee from its village to ``point``, kip."""
    km = float(networks.haversine_m(record.lon, record.lat, point.lon, point.lat)) / 1000.0
    tonnes = record.weight_kg / 1000.0
    return km * rules.feeder_detour_factor * tonnes * rules.feeder_lak_per_t_km


def _point(code: str, rows: Sequence[PickupRecord], villages: Mapping[str, Village]) -> Village:
    village = villages.get(code)
    if village is None:
        msg = (
            f"row {rows[0].row}, column collection_point: expected a village code of "
            f"data/admin/south_laos_villages_odm.geojson; got {code!r}"
        )
        raise DataFileError(msg)
    return village


def _merge(
    key: _Key, rows: Sequence[PickupRecord], point: Village, rules: PickupRules
) -> PickupRecord:
    code, product, day, earliest, latest = key
    start = max(r.tw_start_s for r in rows)
    ends = [r.tw_end_s for r in rows if r.tw_end_s is not None]
    end = min(ends) if ends else None
    if end is not None and end < start:
        ids = ", ".join(r.id for r in rows)
        msg = (
            f"row {rows[0].row}, column collection_point: rows {ids} share the point {code} "
            "but their time windows do not overlap; expected overlapping windows"
        )
        raise DataFileError(msg)
    limits = [r.max_ride_s for r in rows if r.max_ride_s is not None]
    penalties = [r.penalty_lak for r in rows]
    return PickupRecord(
        row=rows[0].row,
        id=f"CP {code} {product}",
        name=f"{point.name} collection point ({len(rows)} villages)",
        lat=point.lat,
        lon=point.lon,
        weight_kg=sum(r.weight_kg for r in rows),
        product=rows[0].product,
        day=day,
        tw_start_s=start,
        tw_end_s=end,
        service_s=None,
        required=any(r.required for r in rows),
        penalty_lak=None if None in penalties else sum(p or 0 for p in penalties),
        earliest_day=earliest,
        latest_day=latest,
        max_ride_s=min(limits) if limits else None,
        collection_point=code,
        feeder_cost_lak=sum(feeder_cost_lak(r, point, rules) for r in rows),
    )


def group_collection_points(
    records: tuple[PickupRecord, ...],
    rules: PickupRules,
    *,
    villages: Mapping[str, Village] | None = None,
) -> tuple[PickupRecord, ...]:
    """Rows without a point unchanged; rows with one merged per (point, product, day, window)."""
    groups: dict[_Key, list[PickupRecord]] = {}
    out: list[PickupRecord] = []
    for r in records:
        if not r.collection_point:
            out.append(r)
            continue
        key = (r.collection_point, r.product.value, r.day, r.earliest_day, r.latest_day)
        groups.setdefault(key, []).append(r)
    known = villages if villages is not None or not groups else villages_by_code()
    for key, rows in groups.items():
        out.append(_merge(key, rows, _point(key[0], rows, known or {}), rules))
    return tuple(out)
