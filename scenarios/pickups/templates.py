"""Templates of the input files: a header and two example rows, readable as they are.

The app offers them for download and ``bolaven pickup-templates DIR`` writes them; a test reads
both back with :func:`scenarios.pickups.read_pickups` and :func:`scenarios.pickups.read_fleet`.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["FLEET_TEMPLATE", "PICKUPS_TEMPLATE", "TEMPLATES", "write_templates"]

#: Row 2 names a village by its ODM code (data/admin/), row 3 gives coordinates.
PICKUPS_TEMPLATE = (
    "id,name,village_code,lat,lon,weight_kg,product,day,tw_start,tw_end,service_min,required,note\n"
    "P01,Ban Vatlouang,1604001,,,1070,cherry,1,13:00,17:00,,true,village by its code\n"
    "P02,My farm,,15.1202,105.7990,2500,parchment,2,,,20,false,point by lat and lon\n"
)

#: Vehicle types from data/vehicles.csv; counts and hours as in the sample fleet (estimates).
FLEET_TEMPLATE = (
    "type,count,shift_start,max_hours,max_trips,note\n"
    "4x4-pickup,2,07:00,10,3,trips per day: unloading at the depot in between\n"
    "6-wheel,1,07:00,10,2,empty cells: 07:00 and 10 h and 1 trip\n"
)

#: File name -> content of every template.
TEMPLATES = {"pickups_template.csv": PICKUPS_TEMPLATE, "fleet_template.csv": FLEET_TEMPLATE}


def write_templates(out_dir: Path) -> list[Path]:
    """Write every template into ``out_dir`` (created if needed); the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in TEMPLATES.items():
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
