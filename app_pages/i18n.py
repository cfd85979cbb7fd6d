"""Every user-visible label of the app, in English and Lao, in one table.

Keys are stable identifiers; :func:`t` looks a key up in the language chosen in the sidebar.
Data values (village names, route refs, error messages from the engine) are not translated.
"""

from __future__ import annotations

import streamlit as st

from scenarios import views

LANGUAGES = {"en": "EN", "lo": "ລາວ"}

# key: (English, Lao)
STRINGS: dict[str, tuple[str, str]] = {
    "app_title": ("Bolaven coffee logistics", "ການຂົນສົ່ງກາເຟ ພູພຽງບໍລະເວນ"),
    "page_plan": ("Plan pickups", "ວາງແຜນເກັບກາເຟ"),
    "page_compare": ("Compare scenarios", "ປຽບທຽບສະຖານະການ"),
    "page_network": ("Network & data", "ເຄືອຂ່າຍທາງ ແລະ ຂໍ້ມູນ"),
    "language": ("Language", "ພາສາ"),
    "currency": ("Currency", "ສະກຸນເງິນ"),
    "rate_note": ("Rate: {rate} LAK per USD ({source})", "ອັດຕາ: {rate} ກີບ ຕໍ່ 1 ໂດລາ ({source})"),
    "estimate": ("estimate", "ຄ່າປະມານ"),
    "sourced": ("sourced", "ມີແຫຼ່ງອ້າງອີງ"),
    "attribution": (
        "Road data © OpenStreetMap contributors, ODbL (openstreetmap.org/copyright)",
        "ຂໍ້ມູນທາງ © ຜູ້ປະກອບສ່ວນ OpenStreetMap, ODbL (openstreetmap.org/copyright)",
    ),
    "network_age": (
        "Embedded network: OpenStreetMap main roads (primary and secondary only) as of early "
        "2014; no rural roads.",
        "ເຄືອຂ່າຍທີ່ມີໃນໂປຣແກຣມ: ທາງຫຼວງຫຼັກ ແລະ ທາງຮອງ ຈາກ OpenStreetMap ຕົ້ນປີ 2014; ບໍ່ມີທາງຊົນນະບົດ.",
    ),
    "loading_network": ("Loading the road network…", "ກຳລັງໂຫຼດເຄືອຂ່າຍທາງ…"),
    # network page
    "colour_by": ("Colour roads by", "ສີຂອງທາງຕາມ"),
    "by_surface": ("Surface", "ພື້ນທາງ"),
    "by_wet": ("Wet-season passability", "ການຜ່ານໄດ້ໃນລະດູຝົນ"),
    "vehicle": ("Vehicle class", "ປະເພດລົດ"),
    "season": ("Season", "ລະດູ"),
    "dry": ("Dry", "ລະດູແລ້ງ"),
    "wet": ("Wet", "ລະດູຝົນ"),
    "pickup_4x4": ("4x4 pickup", "ລົດກະບະ 4x4"),
    "medium_truck": ("Medium truck", "ລົດບັນທຸກກາງ"),
    "heavy_truck": ("Heavy / container truck", "ລົດບັນທຸກໜັກ / ຕູ້ຄອນເທນເນີ"),
    "paved": ("Paved", "ທາງປູຢາງ"),
    "gravel": ("Gravel", "ທາງແຮ່"),
    "earth": ("Earth", "ທາງດິນ"),
    "passable": ("Passable", "ຜ່ານໄດ້"),
    "impassable": ("Impassable", "ຜ່ານບໍ່ໄດ້"),
    "legend": ("Legend", "ຄຳອະທິບາຍສີ"),
    "km": ("km", "ກມ"),
    "main_road_key": ("Main road (OSM 2014)", "ທາງຫຼວງຫຼັກ (OSM 2014)"),
    "province_key": ("Province boundary", "ເຂດແດນແຂວງ"),
    "border_key": ("National border of Laos", "ຊາຍແດນ ສປປ ລາວ"),
    "tiles": ("Web map tiles (online)", "ແຜນທີ່ພື້ນຫຼັງຈາກອິນເຕີເນັດ"),
    "tiles_help": (
        "Off: the maps draw Laos, its provinces and main roads from the app's own data, "
        "without internet. On: web tiles (CARTO, © OpenStreetMap) are drawn underneath.",
        "ປິດ: ແຜນທີ່ສະແດງ ລາວ, ແຂວງ ແລະ ທາງຫຼວງຫຼັກ ຈາກຂໍ້ມູນຂອງໂປຣແກຣມເອງ ໂດຍບໍ່ຕ້ອງໃຊ້ອິນເຕີເນັດ. "
        "ເປີດ: ສະແດງແຜນທີ່ພື້ນຫຼັງຈາກອິນເຕີເນັດ (CARTO, © OpenStreetMap) ຢູ່ລຸ່ມ.",
    ),
    "stop_key": (
        "Pickup stop (number: visiting order; colour: its truck)",
        "ຈຸດເກັບ (ເລກ: ລຳດັບການໄປ; ສີ: ລົດທີ່ເກັບ)",
    ),
    "place_town": ("Town", "ເມືອງ"),
    "place_mill": ("Coffee mill", "ໂຮງງານກາເຟ"),
    "place_border_post": ("Border post", "ດ່ານຊາຍແດນ"),
    "place_border_pair": ("Border crossing", "ຈຸດຂ້າມແດນ"),
    "place_seaport": ("Seaport", "ທ່າເຮືອທະເລ"),
    "place_city": ("City", "ນະຄອນ"),
    "collection_key": ("Collection (village to hub)", "ການລວບລວມ (ບ້ານ ຫາ ສູນ)"),
    "trunk_key": ("Trunk flow to {gateway}", "ການຂົນສົ່ງຫຼັກ ໄປ {gateway}"),
    "change_key": ("Road {change}", "ທາງ: {change}"),
    "change_upgraded": ("upgraded", "ປັບປຸງ"),
    "change_new_link": ("new link", "ທາງເຊື່ອມໃໝ່"),
    "change_closed": ("closed", "ປິດ"),
    "road_primary": ("primary", "ທາງຫຼວງຫຼັກ"),
    "road_primary_link": ("primary link", "ທາງເຊື່ອມທາງຫຼວງຫຼັກ"),
    "road_secondary": ("secondary", "ທາງຮອງ"),
    "road_secondary_link": ("secondary link", "ທາງເຊື່ອມທາງຮອງ"),
    "places": ("Places", "ສະຖານທີ່"),
    "network_stats": ("Network", "ເຄືອຂ່າຍ"),
    "nodes": ("Junctions", "ຈຸດເຊື່ອມ"),
    "edges": ("Road sections", "ທ່ອນທາງ"),
    "km_total": ("km of road", "ກມ ຂອງທາງ"),
    "sources": ("Data sources", "ແຫຼ່ງຂໍ້ມູນ"),
    "fresher": ("How to load fresher OSM data", "ວິທີໂຫຼດຂໍ້ມູນ OSM ໃໝ່ກວ່າ"),
    # plan page
    "plan_intro": (
        "Choose the mill or depot, load pickups, edit the fleet, then plan the routes.",
        "ເລືອກໂຮງງານ ຫຼື ສາງ, ໃສ່ຈຸດເກັບ, ແກ້ໄຂລົດ, ແລ້ວວາງແຜນເສັ້ນທາງ.",
    ),
    "depot": ("Mill or depot", "ໂຮງງານ ຫຼື ສາງ"),
    "pickups_source": ("Pickups", "ຈຸດເກັບກາເຟ"),
    "use_sample": ("Sample: a week of Paksong pickups", "ຕົວຢ່າງ: ການເກັບຢູ່ປາກຊ່ອງ 1 ອາທິດ"),
    "upload_csv": ("Upload a CSV file", "ອັບໂຫຼດໄຟລ໌ CSV"),
    "upload_browse": ("Upload", "ອັບໂຫຼດ"),
    "upload_limit": ("2MB per file", "ບໍ່ເກີນ 2 MB ຕໍ່ໄຟລ໌"),
    "upload_help": (
        "Columns: id, name, lat, lon (or village_code), weight_kg, product; optional tw_start, "
        "tw_end, service_min, required. Comma, semicolon or tab separated, UTF-8; at most 2 MB. "
        "The template below has every column.",
        "ຖັນ: id, name, lat, lon (ຫຼື village_code), weight_kg, product; ຖ້າມີ tw_start, "
        "tw_end, service_min, required. ແຍກດ້ວຍ ຈຸດ (,), ຈຸດຈ້ຳ (;) ຫຼື tab, UTF-8; ບໍ່ເກີນ 2 MB. "
        "ແບບຟອມຂ້າງລຸ່ມມີທຸກຖັນ.",
    ),
    "fleet": (
        "Fleet (edit counts, trips per day, shift and hours)",
        "ລົດບັນທຸກ (ແກ້ໄຂຈຳນວນ, ຖ້ຽວຕໍ່ມື້, ເວລາເລີ່ມ ແລະ ຊົ່ວໂມງໄດ້)",
    ),
    "fleet_help": (
        "Trips per day: how often a truck may unload at the depot and go out again "
        "(empty = 1). Shift start HH:MM (empty = 07:00); max hours: the driver's day "
        "(empty = 10 h, estimate).",
        "ຖ້ຽວຕໍ່ມື້: ລົດກັບມາຖອກເຄື່ອງທີ່ສາງ ແລ້ວອອກໄປອີກໄດ້ຈັກເທື່ອ (ວ່າງ = 1). "
        "ເວລາເລີ່ມວຽກ HH:MM (ວ່າງ = 07:00); ຊົ່ວໂມງສູງສຸດ: ເວລາເຮັດວຽກຂອງຄົນຂັບ "
        "(ວ່າງ = 10 ຊົ່ວໂມງ, ຄ່າປະມານ).",
    ),
    "max_trips_help": (
        "Trips a truck may make per day, unloading at the depot in between",
        "ຈຳນວນຖ້ຽວທີ່ລົດໄປໄດ້ຕໍ່ມື້, ກັບມາຖອກເຄື່ອງທີ່ສາງລະຫວ່າງຖ້ຽວ",
    ),
    "time_limit": ("Time limit (seconds)", "ເວລາຄຳນວນສູງສຸດ (ວິນາທີ)"),
    "run_plan": ("Plan the routes", "ວາງແຜນເສັ້ນທາງ"),
    "planning": ("Planning routes…", "ກຳລັງວາງແຜນເສັ້ນທາງ…"),
    "planned": ("Plan ready", "ແຜນສຳເລັດ"),
    "n_pickups": ("{n} pickups loaded", "ໂຫຼດ {n} ຈຸດເກັບແລ້ວ"),
    "cost_per_t": ("Cost per tonne collected", "ຕົ້ນທຶນຕໍ່ໂຕນທີ່ເກັບໄດ້"),
    "total_cost": ("Total cost, all days", "ຕົ້ນທຶນທັງໝົດ, ທຸກມື້"),
    "distance_km": ("Distance (km)", "ໄລຍະທາງ (ກມ)"),
    "hours": ("Driving hours", "ຊົ່ວໂມງຂັບລົດ"),
    "co2_kg": ("CO₂ (kg)", "CO₂ (ກິໂລ)"),
    "trucks_used": ("Trucks used", "ລົດທີ່ໃຊ້"),
    "trucks_used_help": (
        "Distinct trucks of the fleet that drove at least once; {days} truck-days in all.",
        "ຈຳນວນລົດໃນກອງລົດທີ່ໄດ້ແລ່ນຢ່າງໜ້ອຍໜຶ່ງຄັ້ງ; ລວມ {days} ມື້-ລົດ.",
    ),
    "stale_plan": (
        "Out of date: the inputs changed since this plan was made. Plan the routes again to "
        "see the plan for the inputs on screen.",
        "ບໍ່ທັນສະໄໝ: ຂໍ້ມູນປ້ອນເຂົ້າໄດ້ປ່ຽນແປງຫຼັງຈາກວາງແຜນນີ້. ກົດວາງແຜນເສັ້ນທາງອີກຄັ້ງ ເພື່ອເບິ່ງແຜນຂອງຂໍ້ມູນທີ່ສະແດງຢູ່.",
    ),
    "stale_compare": (
        "Out of date: the scenario selection changed since this comparison was run. Run and "
        "compare again to see the scenarios on screen.",
        "ບໍ່ທັນສະໄໝ: ການເລືອກສະຖານະການໄດ້ປ່ຽນແປງຫຼັງຈາກປຽບທຽບນີ້. ກົດແລ່ນ ແລະ ປຽບທຽບອີກຄັ້ງ "
        "ເພື່ອເບິ່ງສະຖານະການທີ່ເລືອກຢູ່.",
    ),
    "collected": ("Collected", "ເກັບໄດ້"),
    "t_of_t": ("{got} t of {of} t", "{got} ໂຕນ ຈາກ {of} ໂຕນ"),
    "left_behind": ("Left behind", "ບໍ່ໄດ້ເກັບ"),
    "left_behind_help": (
        "Weight of the pickups not served; {required} t of it was marked required.",
        "ນ້ຳໜັກຂອງຈຸດທີ່ບໍ່ໄດ້ເກັບ; ໃນນັ້ນ {required} ໂຕນ ແມ່ນຈຸດທີ່ຕ້ອງເກັບ.",
    ),
    "required_left": (
        "{t} t of required pickups are left behind: see the table of dropped pickups.",
        "ຈຸດທີ່ຕ້ອງເກັບ {t} ໂຕນ ບໍ່ໄດ້ເກັບ: ເບິ່ງຕາຕະລາງຈຸດທີ່ບໍ່ໄດ້ເກັບ.",
    ),
    "split_note": (
        "{n} pickup(s) heavier than a truck were split into equal loads, shown as "
        "`<id>#1`, `<id>#2`, …; each load is a separate stop and may go on a different truck.",
        "{n} ຈຸດທີ່ໜັກກວ່າລົດຄັນດຽວຖືກແບ່ງເປັນຫຼາຍສ່ວນເທົ່າກັນ, ສະແດງເປັນ "
        "`<id>#1`, `<id>#2`, …; ແຕ່ລະສ່ວນເປັນຈຸດຈອດແຍກ ແລະ ອາດຂຶ້ນລົດຄັນອື່ນ.",
    ),
    "col_required": ("Required", "ຕ້ອງເກັບ"),
    "day": ("Day", "ມື້"),
    "n_stops": ("{n} stops", "{n} ຈຸດ"),
    "all_days": ("All days", "ທຸກມື້"),
    # table column headers (the data keeps its field names; only the header is translated)
    "col_id": ("ID", "ລະຫັດ"),
    "col_name": ("Name", "ຊື່"),
    "col_lat": ("Latitude", "ເສັ້ນຂະໜານ"),
    "col_lon": ("Longitude", "ເສັ້ນແວງ"),
    "col_village_code": ("Village code", "ລະຫັດບ້ານ"),
    "col_tw_start": ("Window opens", "ເລີ່ມຮັບ"),
    "col_tw_end": ("Window closes", "ສິ້ນສຸດຮັບ"),
    "col_service_min": ("Loading (min)", "ເວລາຂົນຂຶ້ນ (ນາທີ)"),
    "col_day": ("Day", "ມື້"),
    "col_weight_kg": ("Weight (kg)", "ນ້ຳໜັກ (ກິໂລ)"),
    "col_product": ("Product", "ຜະລິດຕະພັນ"),
    "col_truck": ("Truck", "ລົດ"),
    "col_stops": ("Stops", "ຈຸດຈອດ"),
    "col_load_kg": ("Load (kg)", "ນ້ຳໜັກບັນທຸກ (ກິໂລ)"),
    "col_capacity_kg": ("Capacity (kg)", "ຄວາມຈຸ (ກິໂລ)"),
    "col_start": ("Start", "ເລີ່ມ"),
    "col_end": ("Back at depot", "ກັບຮອດສາງ"),
    "col_distance_km": ("Distance (km)", "ໄລຍະທາງ (ກມ)"),
    "col_duration_h": ("Hours", "ຊົ່ວໂມງ"),
    "col_reason": ("Reason", "ເຫດຜົນ"),
    "col_connector_km": ("Off-road leg (km)", "ໄລຍະຈາກທາງ (ກມ)"),
    "col_type": ("Vehicle type", "ປະເພດລົດ"),
    "col_count": ("Count", "ຈຳນວນ"),
    "col_shift_start": ("Shift start", "ເລີ່ມວຽກ"),
    "col_max_hours": ("Max hours", "ຊົ່ວໂມງສູງສຸດ"),
    "col_max_trips": ("Trips per day", "ຖ້ຽວຕໍ່ມື້"),
    "col_trips": ("Trips", "ຈຳນວນຖ້ຽວ"),
    "trip": ("Trip", "ຖ້ຽວທີ"),
    "col_kpi": ("Indicator", "ຕົວຊີ້ວັດ"),
    "col_unit": ("Unit", "ຫົວໜ່ວຍ"),
    "col_scenario": ("Scenario", "ສະຖານະການ"),
    "col_baseline": ("Baseline", "ພື້ນຖານ"),
    "col_baseline_value": ("Baseline value", "ຄ່າພື້ນຖານ"),
    "col_scenario_value": ("Scenario value", "ຄ່າສະຖານະການ"),
    "col_delta": ("Change", "ການປ່ຽນແປງ"),
    "col_delta_pct": ("Change (%)", "ການປ່ຽນແປງ (%)"),
    "col_change": ("Change", "ການປ່ຽນແປງ"),
    "col_ref": ("Route", "ເລກທາງ"),
    "col_surface": ("Surface", "ພື້ນທາງ"),
    "col_length_km": ("Length (km)", "ຄວາມຍາວ (ກມ)"),
    "col_kind": ("Kind", "ປະເພດ"),
    "col_country": ("Country", "ປະເທດ"),
    "col_source": ("Source", "ແຫຼ່ງຂໍ້ມູນ"),
    "col_dataset": ("Dataset", "ຊຸດຂໍ້ມູນ"),
    "col_licence": ("Licence", "ໃບອະນຸຍາດ"),
    "col_file": ("File", "ໄຟລ໌"),
    "col_origin": ("Origin", "ທີ່ມາ"),
    "col_passable": ("Wet season", "ລະດູຝົນ"),
    "col_bcr": ("Benefit-cost ratio", "ອັດຕາສ່ວນຜົນປະໂຫຍດຕໍ່ຕົ້ນທຶນ"),
    "col_eirr_pct": ("EIRR (%)", "ອັດຕາຜົນຕອບແທນທາງເສດຖະກິດ EIRR (%)"),
    "col_payback_year": ("Payback year", "ປີຄືນທຶນ"),
    "col_discount_rate_pct": ("Discount rate (%)", "ອັດຕາສ່ວນຫຼຸດ (%)"),
    "no_benefits": ("n/a (no benefits)", "ບໍ່ມີ (ບໍ່ມີຜົນປະໂຫຍດ)"),
    "not_appraised": ("n/a (no appraisal inputs)", "ບໍ່ມີ (ບໍ່ມີຂໍ້ມູນປະເມີນ)"),
    "no_eirr": ("n/a (flows never turn positive)", "ບໍ່ມີ (ກະແສເງິນບໍ່ເປັນບວກ)"),
    "col_note": ("Note", "ໝາຍເຫດ"),
    "col_cost_lak": ("Cost (LAK)", "ຕົ້ນທຶນ (ກີບ)"),
    "col_cost_usd": ("Cost (USD)", "ຕົ້ນທຶນ (ໂດລາ)"),
    "col_annual_saving_lak": ("Saving per year (LAK)", "ປະຢັດຕໍ່ປີ (ກີບ)"),
    "col_annual_saving_usd": ("Saving per year (USD)", "ປະຢັດຕໍ່ປີ (ໂດລາ)"),
    "col_npv_lak": ("NPV (LAK)", "NPV (ກີບ)"),
    "col_npv_usd": ("NPV (USD)", "NPV (ໂດລາ)"),
    "col_npv_all_traffic_lak": ("NPV, all traffic (LAK)", "NPV, ທຸກການຈະລາຈອນ (ກີບ)"),
    "col_npv_all_traffic_usd": ("NPV, all traffic (USD)", "NPV, ທຸກການຈະລາຈອນ (ໂດລາ)"),
    "col_eirr_all_traffic_pct": ("EIRR, all traffic (%)", "EIRR, ທຸກການຈະລາຈອນ (%)"),
    "col_bcr_all_traffic": ("BCR, all traffic", "BCR, ທຸກການຈະລາຈອນ"),
    "col_first_year_return_pct": ("First-year return (%)", "ຜົນຕອບແທນປີທຳອິດ (%)"),
    "col_coffee_benefit_share_pct": ("Coffee's share of benefits (%)", "ສ່ວນແບ່ງຜົນປະໂຫຍດຂອງກາເຟ (%)"),
    "col_benefit": ("Benefit", "ຜົນປະໂຫຍດ"),
    "col_pv_lak": ("Present value (LAK)", "ມູນຄ່າປັດຈຸບັນ (ກີບ)"),
    "col_pv_usd": ("Present value (USD)", "ມູນຄ່າປັດຈຸບັນ (ໂດລາ)"),
    "col_test": ("Sensitivity test", "ການທົດສອບຄວາມອ່ອນໄຫວ"),
    "routes_map": ("Routes on the roads", "ເສັ້ນທາງເທິງຖະໜົນ"),
    "routes_table": ("Routes", "ເສັ້ນທາງ"),
    "truck": ("Truck", "ລົດ"),
    "order": ("Order", "ລຳດັບ"),
    "village": ("Village", "ບ້ານ"),
    "arrival": ("Arrival", "ເວລາຮອດ"),
    "load_kg": ("Load after stop (kg)", "ນ້ຳໜັກຫຼັງຈຸດນີ້ (ກິໂລ)"),
    "dropped": ("Dropped pickups", "ຈຸດທີ່ບໍ່ໄດ້ເກັບ"),
    "no_dropped": ("Every pickup is served.", "ເກັບຄົບທຸກຈຸດ."),
    "reason": ("Reason", "ເຫດຜົນ"),
    "downloads": ("Downloads", "ດາວໂຫຼດ"),
    "dl_sheets": ("Driver sheets (CSV)", "ໃບງານຄົນຂັບ (CSV)"),
    "dl_geojson": ("Routes (GeoJSON)", "ເສັ້ນທາງ (GeoJSON)"),
    "dl_plan": ("Plan (JSON)", "ແຜນ (JSON)"),
    "dl_sheets_html": ("Driver sheets to print (HTML)", "ໃບງານຄົນຂັບ ສຳລັບພິມ (HTML)"),
    "sheets_lang_note": (
        "Driver sheets are in the language chosen in the sidebar; one page per truck and day.",
        "ໃບງານຄົນຂັບເປັນພາສາທີ່ເລືອກໃນແຖບຂ້າງ; ໜຶ່ງໜ້າຕໍ່ລົດໜຶ່ງຄັນຕໍ່ມື້.",
    ),
    "templates": ("File templates", "ແບບຟອມໄຟລ໌"),
    "dl_pickups_template": ("Pickups template (CSV)", "ແບບຟອມຈຸດເກັບ (CSV)"),
    "dl_fleet_template": ("Fleet template (CSV)", "ແບບຟອມລົດ (CSV)"),
    "carry_note": (
        "{n} stop(s) collected at the road end of a track no truck may use this season: the "
        "villages carry their coffee there (motorbike or hand tractor), {cost}, not in the "
        "truck cost.",
        "{n} ຈຸດ ເກັບທີ່ປາຍທາງເຂົ້າບ້ານ ທີ່ລົດບໍ່ສາມາດເຂົ້າໄດ້ໃນລະດູນີ້: ບ້ານຂົນກາເຟມາເອງ "
        "(ລົດຈັກ ຫຼື ລົດໄຖນາ), {cost}, ບໍ່ລວມໃນຄ່າລົດບັນທຸກ.",
    ),
    "carry_km": ("Carry to the road end (km)", "ໄລຍະຂົນໄປປາຍທາງ (ກມ)"),
    "far_pickups": (
        "Far from the study area or the roads, check these pickups:",
        "ຢູ່ໄກຈາກເຂດສຶກສາ ຫຼື ຈາກທາງ, ກວດເບິ່ງຈຸດເກັບເຫຼົ່ານີ້:",
    ),
    "time_limit_help": (
        "The search stops after {n} iterations per day, the same plan as the command line and "
        "the scenario report; this limit only stops a search that takes longer.",
        "ການຄົ້ນຫາຢຸດຫຼັງ {n} ຮອບຕໍ່ມື້, ໄດ້ແຜນດຽວກັນກັບ command line ແລະ ລາຍງານສະຖານະການ; "
        "ເວລານີ້ພຽງແຕ່ຢຸດການຄົ້ນຫາທີ່ໃຊ້ເວລາດົນກວ່າ.",
    ),
    "bad_upload": ("The file was not accepted: {msg}", "ບໍ່ຮັບໄຟລ໌ນີ້: {msg}"),
    "too_large": (
        "expected a file of at most {limit} MB, got {size:.1f} MB",
        "ໄຟລ໌ຕ້ອງບໍ່ເກີນ {limit} MB, ໄດ້ຮັບ {size:.1f} MB",
    ),
    "plan_failed": ("Planning failed: {msg}", "ການວາງແຜນລົ້ມເຫຼວ: {msg}"),
    # compare page
    "compare_intro": (
        "Pick scenarios from the library or upload a TOML file; each is compared with the "
        "baseline.",
        "ເລືອກສະຖານະການຈາກຫ້ອງສະໝຸດ ຫຼື ອັບໂຫຼດໄຟລ໌ TOML; ແຕ່ລະອັນຖືກປຽບທຽບກັບພື້ນຖານ.",
    ),
    "pick_scenarios": ("Scenarios", "ສະຖານະການ"),
    "upload_toml": ("Upload a scenario (TOML)", "ອັບໂຫຼດສະຖານະການ (TOML)"),
    "run_compare": ("Run and compare", "ຄຳນວນ ແລະ ປຽບທຽບ"),
    "running": ("Running scenarios…", "ກຳລັງຄຳນວນສະຖານະການ…"),
    "compared": ("{n} scenario runs done", "ຄຳນວນແລ້ວ {n} ສະຖານະການ"),
    "kpis": ("Key figures", "ຕົວເລກຫຼັກ"),
    "solver_caption": (
        "Solver: {detail} (optimal: proven least-cost plan; gap: proven distance to it)",
        "ຕົວແກ້ບັນຫາ: {detail} (ດີທີ່ສຸດ: ແຜນຕົ້ນທຶນຕ່ຳສຸດທີ່ພິສູດແລ້ວ; ຊ່ອງຫ່າງ: ໄລຍະຫ່າງທີ່ພິສູດແລ້ວ)",
    ),
    "deltas": ("Change against the baseline", "ການປ່ຽນແປງທຽບກັບພື້ນຖານ"),
    "breakdown": ("Landed cost per tonne, by part", "ຕົ້ນທຶນຕໍ່ໂຕນ ເຖິງທ່າເຮືອ ແຍກຕາມສ່ວນ"),
    "cba": ("Cost-benefit", "ຕົ້ນທຶນ-ຜົນປະໂຫຍດ"),
    "all_traffic_appraisal": (
        "Economic appraisal, all traffic (HDM-4 / RED)",
        "ການປະເມີນເສດຖະກິດ, ທຸກການຈະລາຈອນ (HDM-4 / RED)",
    ),
    "at_sentence": ("At the central estimates, {scenario} {head}", "ຕາມຄ່າກາງ, {scenario} {head}"),
    "at_returns": ("returns {eirr} for all traffic", "ໃຫ້ຜົນຕອບແທນ {eirr} ສຳລັບທຸກການຈະລາຈອນ"),
    "at_no_return": ("has no rate of return (NPV {npv})", "ບໍ່ມີອັດຕາຜົນຕອບແທນ (NPV {npv})"),
    "at_coffee_share": (
        "; coffee alone accounts for {share} of its benefits.",
        "; ກາເຟຢ່າງດຽວ ເປັນ {share} ຂອງຜົນປະໂຫຍດ.",
    ),
    "all_traffic_note": (
        "Economic prices; traffic and parameters are estimates with ranges "
        "(data/traffic.csv, data/appraisal_params.toml). "
        "The cost-benefit table above is coffee-only.",
        "ລາຄາເສດຖະກິດ; ການຈະລາຈອນ ແລະ ຕົວກໍານົດແມ່ນການຄາດຄະເນ. ຕາຕະລາງຂ້າງເທິງນັບແຕ່ກາເຟ.",
    ),
    "changed_roads": ("Changed roads and corridor flows", "ທາງທີ່ປ່ຽນ ແລະ ປະລິມານຜ່ານແລວທາງ"),
    "dl_report": ("HTML report", "ລາຍງານ HTML"),
    "pick_one": ("Pick at least one scenario.", "ເລືອກຢ່າງໜ້ອຍໜຶ່ງສະຖານະການ."),
    "compare_failed": ("The comparison failed: {msg}", "ການປຽບທຽບລົ້ມເຫຼວ: {msg}"),
    "scenario": ("Scenario", "ສະຖານະການ"),
    "part": ("Part", "ສ່ວນ"),
    "value": ("Value", "ຄ່າ"),
}
# The driver sheets' words (sheet_*, act_*, product_*, ...): one table for the app and the CLI.
STRINGS.update(views.SHEET_LABELS)
# Solver statuses and drop reasons (scenarios/views/status_words.py), for the same reason.
STRINGS.update(views.STATUS_LABELS)

# Names the scenario engine emits in English, keyed by the engine's own keys: the KPI keys of
# scenarios/run/kpis.py (KPI_FIELDS) and the landed-cost parts (BREAKDOWN_PARTS, plus "total").
# key: (English, Lao). The English equals the engine's label; keys not listed stay in English.
ENGINE_TERMS: dict[str, tuple[str, str]] = {
    "annual_transport_cost_lak": ("Annual transport cost", "ຄ່າຂົນສົ່ງຕໍ່ປີ"),
    "landed_cost_lak_per_t": ("Landed cost to port", "ຕົ້ນທຶນຮອດທ່າເຮືອ"),
    "landed_cost_usd_per_t": ("Landed cost to port", "ຕົ້ນທຶນຮອດທ່າເຮືອ"),
    "landed_destination_usd_per_t": ("Landed cost at destination", "ຕົ້ນທຶນຮອດປາຍທາງ"),
    "economic_cost_lak": (
        "Annual economic cost (to destination)",
        "ຕົ້ນທຶນທາງເສດຖະກິດຕໍ່ປີ (ຮອດປາຍທາງ)",
    ),
    "dropped_tonnes": ("Export volume dropped (closed posts)", "ປະລິມານສົ່ງອອກທີ່ເສຍໄປ (ດ່ານປິດ)"),
    "tonnes": ("Volume moved", "ປະລິມານທີ່ຂົນສົ່ງ"),
    "tkm": ("Tonne-km (all legs)", "ໂຕນ-ກມ (ທຸກຊ່ວງທາງ)"),
    "truck_hours": ("Truck-hours (Lao road legs)", "ຊົ່ວໂມງລົດບັນທຸກ (ຊ່ວງທາງໃນລາວ)"),
    "litres": ("Diesel (Lao road legs)", "ນ້ຳມັນກາຊວນ (ຊ່ວງທາງໃນລາວ)"),
    "co2_t": ("CO2 (Lao road legs, TTW)", "CO2 (ຊ່ວງທາງໃນລາວ, TTW)"),
    "wet_reachable_share": (
        "Volume reachable in the wet season",
        "ປະລິມານທີ່ເຂົ້າເຖິງໄດ້ໃນລະດູຝົນ",
    ),
    "trunk_lak_per_tkm": ("Trunk haul cost per t-km", "ຄ່າຂົນສົ່ງສາຍຫຼັກ ຕໍ່ ໂຕນ-ກມ"),
    "open_hub_count": ("Open hubs", "ສູນລວບລວມທີ່ເປີດ"),
    "pickup_sample_lak_per_t": (
        "Sample pickup week (Paksong)",
        "ອາທິດເກັບກາເຟຕົວຢ່າງ (ປາກຊ່ອງ)",
    ),
    "collection": ("Collection", "ການເກັບລວບລວມ"),
    "hub_handling": ("Hub handling", "ການຈັດການຢູ່ສູນລວບລວມ"),
    "trunk_haul": ("Trunk haul", "ການຂົນສົ່ງສາຍຫຼັກ"),
    "border_fees": ("Border fees", "ຄ່າທຳນຽມດ່ານຊາຍແດນ"),
    "border_waiting": ("Border waiting", "ການລໍຖ້າຢູ່ດ່ານຊາຍແດນ"),
    "onward_leg": ("Onward leg to port", "ຊ່ວງທາງຕໍ່ໄປຫາທ່າເຮືອ"),
    "total": ("Total", "ລວມ"),
    # all-traffic appraisal: benefit by vehicle class and other parts (scenarios.appraisal)
    "motorcycle": ("motorcycle", "ລົດຈັກ"),
    "car_pickup": ("car_pickup", "ລົດເກັງ ແລະ ລົດກະບະ"),
    "bus": ("bus", "ລົດເມ"),
    "light_truck": ("light_truck", "ລົດບັນທຸກນ້ອຍ"),
    "medium_truck": ("medium_truck", "ລົດບັນທຸກກາງ"),
    "heavy_truck": ("heavy_truck", "ລົດບັນທຸກໜັກ"),
    "generated_traffic": ("generated_traffic", "ການຈະລາຈອນທີ່ເກີດໃໝ່"),
    "maintenance_saving": ("maintenance_saving", "ປະຢັດຄ່າບຳລຸງຮັກສາ"),
    "residual_value": ("residual_value", "ມູນຄ່າຄົງເຫຼືອ"),
    "of_which_coffee": ("of_which_coffee", "ໃນນັ້ນ ກາເຟ"),
    # the sensitivity tests (scenarios/appraisal/sensitivity.py), keyed by their English label
    "Base case": ("Base case", "ກໍລະນີພື້ນຖານ"),
    "Capital cost +20 %": ("Capital cost +20 %", "ຕົ້ນທຶນລົງທຶນ +20 %"),
    "Benefits -20 %": ("Benefits -20 %", "ຜົນປະໂຫຍດ -20 %"),
    "Capital +20 % and benefits -20 %": (
        "Capital +20 % and benefits -20 %",
        "ຕົ້ນທຶນລົງທຶນ +20 % ແລະ ຜົນປະໂຫຍດ -20 %",
    ),
    "Benefits one year late": ("Benefits one year late", "ຜົນປະໂຫຍດຊ້າໄປໜຶ່ງປີ"),
}


def lang() -> str:
    """The language code chosen in the sidebar (``en`` or ``lo``)."""
    code = st.session_state.get("lang", "en")
    return code if code in LANGUAGES else "en"


def t(key: str, **fields: object) -> str:
    """The label ``key`` in the current language, with ``{fields}`` filled in."""
    en, lo = STRINGS[key]
    text = lo if lang() == "lo" else en
    return text.format(**fields) if fields else text


def term(key: str, english: str | None = None) -> str:
    """An engine name (KPI key or cost part) in the current language.

    In English, or for a key not in :data:`ENGINE_TERMS`, the engine's own ``english`` label is
    kept (else the table's English, else the key itself): a new engine key shows in English
    rather than failing.
    """
    known = ENGINE_TERMS.get(key)
    if known is not None and lang() == "lo":
        return known[1]
    if english is not None:
        return english
    return known[0] if known is not None else key
