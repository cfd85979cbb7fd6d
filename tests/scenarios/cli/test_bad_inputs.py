"""Issue 13, one row per class of bad input: a one-line error naming file, row, column or key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scenarios.cli.root import run
from tests.optimizer.pickup.test_vrplib import TINY_SOLOMON, TINY_VRP

FAST = ["--engine", "pyvrp", "--solution-limit", "50", "--time-limit", "1"]
PICKUP_HEADER = "id,lat,lon,weight_kg,product\n"
PICKUP_ROW = "A,15.18,106.23,300,parchment\n"


def _one_line_error(capsys: pytest.CaptureFixture[str], code: int, match: str) -> str:
    out = capsys.readouterr()
    assert code != 0, out.out
    lines = [line for line in out.err.splitlines() if line.strip()]
    assert len(lines) == 1, out.err  # one line, never a traceback
    assert "Traceback" not in out.err
    assert match in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize(
    ("text", "match"),
    [
        (PICKUP_HEADER.encode() + "A,15.18,106.23,300,caf\xe9\n".encode("latin-1"), "byte 0xe9"),
        ((PICKUP_HEADER + PICKUP_ROW).encode("utf-16"), "UTF-16"),
        (b"id,lat\x00,lon\n", "NUL"),
        (
            PICKUP_HEADER.replace("product", "product,Required") + "A,15,106,3,cherry,no\n",
            "unknown column 'Required' (did you mean 'required'?)",
        ),
        (
            "id,latitude,longitude,weight_kg,product\nA,15.18,106.23,300,cherry\n",
            "unknown column 'latitude' (did you mean 'lat'?)",
        ),
        (
            "id,village_code,lat,lon,weight_kg,product\nA,1604001,15.1,106.2,300,cherry\n",
            "row 2, column village_code: expected either lat and lon, or a village_code",
        ),
        (PICKUP_HEADER + "A,15.18,106.23,0.5,cherry\n", "row 2, column weight_kg"),
        (PICKUP_HEADER + "A,15.18,106.23,1e300,cherry\n", "<= 1e+06"),
        (PICKUP_HEADER + "A,15.18,106.23,inf,cherry\n", "row 2, column weight_kg"),
        (PICKUP_HEADER + "A,15.18,nan,300,cherry\n", "row 2, column lon"),
        (
            PICKUP_HEADER.replace("product", "product,penalty_lak") + "A,15,106,3,cherry,1e19\n",
            "row 2, column penalty_lak",
        ),
        (PICKUP_HEADER + 'A,"15.18,106.23,300,cherry\n', "unterminated quote"),
        (PICKUP_HEADER + "A,15.18,106.23,300,cherry,extra\n", "row 2: expected 5 cells"),
        ("id,id,weight_kg,product\n", "column 'id' appears more than once"),
    ],
)
def test_bad_pickups_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str | bytes, match: str
) -> None:
    """Bad pickups files stop before any solve with one line naming the file and the cell."""
    path = tmp_path / "p.csv"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    code = run(["plan-pickups", str(path), "--depot", "Paksong", *FAST])
    assert "p.csv" in _one_line_error(capsys, code, match)


def test_semicolon_pickups_file_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A semicolon-separated file (a European spreadsheet's CSV) plans like a comma one."""
    path = tmp_path / "p.csv"
    path.write_text(PICKUP_HEADER.replace(",", ";") + PICKUP_ROW.replace(",", ";"))
    assert run(["plan-pickups", str(path), "--depot", "Paksong", *FAST, "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert [s["id"] for r in plan["routes"] for s in r["stops"]] == ["A"]


@pytest.mark.parametrize(
    ("name", "text", "match"),
    [
        (
            "f.toml",
            "[[vehicle]]\ntype = '6-wheel'\ncount = 1\nmax_hour = 8\n",
            "unknown key 'max_hour' (did you mean 'max_hours'?)",
        ),
        ("f.toml", "vehicle = [1, 2]\n", "[[vehicle]] number 1: expected a table"),
        ("f.toml", "[[vehicle]]\ntype = '6-wheel'\ncount = [1]\n", "key count: expected a number"),
        ("f.toml", "[[vehicle]]\ntype = '6-wheel'\ncount = nan\n", "expected a finite number"),
        ("f.csv", "type,count,max_hour\n6-wheel,1,8\n", "unknown column 'max_hour'"),
        ("f.csv", "type,count\n6-wheel,1000000\n", "row 2, column count"),
        ("f.csv", b"type,count\n6-wheel\xff,1\n", "byte 0xff"),
    ],
)
def test_bad_fleet_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str | bytes, match: str
) -> None:
    """Fleet typos and wrong types are one-line errors naming the file and the key."""
    pickups = tmp_path / "p.csv"
    pickups.write_text(PICKUP_HEADER + PICKUP_ROW)
    fleet = tmp_path / name
    fleet.write_bytes(text if isinstance(text, bytes) else text.encode())
    code = run(["plan-pickups", str(pickups), "--depot", "Paksong", "--fleet", str(fleet), *FAST])
    assert name in _one_line_error(capsys, code, match)


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("[demand]\nvolume_factor = inf\n", "key 'demand.volume_factor': expected a finite number"),
        ("[border.vang_tao]\nwait_h = inf\n", "key 'border.vang_tao.wait_h'"),
        ("[hubs]\nfixed_cost_usd_per_yr = { pakse = nan }\n", "hubs.fixed_cost_usd_per_yr.pakse"),
        ("[appraisal]\ncapital_cost_usd = inf\n", "appraisal.capital_cost_usd"),
        ("[costs]\ndiesel_lak_per_l = 1e-300\n", "[costs] key 'diesel_lak_per_l'"),
        ("[costs]\nlak_per_usd = 1e-300\n", "[costs] key 'lak_per_usd'"),
        ("[border.vang_tow]\nwait_h = 1\n", "unknown border gateway 'vang_tow'"),
        ("[hubs]\nremove = ['paksongg']\n", "unknown hub 'paksongg'"),
        ('description = "caf\xe9"\n'.encode("latin-1"), "not UTF-8 text (byte 0xe9"),
        ('extends = "s.toml"\n', "inheritance cycle"),
    ],
)
def test_bad_scenario_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str | bytes, match: str
) -> None:
    """Plain validate (no --deep) catches non-finite, absurd and unknown values, naming the key."""
    path = tmp_path / "s.toml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    code = run(["scenarios", "validate", str(path)])
    assert "s.toml" in _one_line_error(capsys, code, match)


def test_deep_extends_chain_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A chain of 40 parents stops at 32 with a message, not a recursion error."""
    for i in range(40):
        (tmp_path / f"d{i}.toml").write_text(f'extends = "d{i + 1}.toml"\n')
    (tmp_path / "d40.toml").write_text("")
    code = run(["scenarios", "validate", str(tmp_path / "d0.toml")])
    _one_line_error(capsys, code, "'extends' chain deeper than 32 files")


@pytest.mark.parametrize(
    ("text", "match"),
    [
        (TINY_VRP.replace("4 1\nDEPOT", "4 19\nDEPOT"), "customer 3 (node 4): demand 19 exceeds"),
        (TINY_VRP.replace("3 3 4\n", "3 3 nan\n"), "customer 2 (node 3): expected finite"),
        (TINY_VRP.replace("3 3 4\n", "3 1e300 4\n"), "customer 2 (node 3): expected finite"),
        (TINY_VRP.replace("DIMENSION : 4", "DIMENSION : 5"), "DIMENSION: says 5"),
        (TINY_VRP.replace("3 1\n4", "3 2.5\n4"), "customer 2 (node 3): expected a whole number"),
        (TINY_VRP.replace("3 1\n4", "3 ten\n4"), "got 'ten'"),
        (
            TINY_VRP.replace("CAPACITY : 10", "CAPACITY : 0"),
            "CAPACITY: expected a whole number > 0",
        ),
        (TINY_VRP.replace("DEMAND_SECTION", "DEMANDS"), "DEMAND_SECTION: missing"),
    ],
)
def test_bad_vrplib_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, match: str
) -> None:
    """Infeasible or malformed CVRP input is an error naming the customer; none is dropped."""
    path = tmp_path / "t.vrp"
    path.write_text(text)
    code = run(["solve-vrplib", str(path), *FAST])
    assert "t.vrp" in _one_line_error(capsys, code, match)


def test_bad_solomon_capacity(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A Solomon customer heavier than the capacity is named."""
    path = tmp_path / "T.txt"
    path.write_text(TINY_SOLOMON.replace("1          5          0", "1          50          0"))
    code = run(["solve-vrplib", str(path), *FAST])
    _one_line_error(capsys, code, "customer 1 (node 2): demand 50 exceeds the capacity 10")


@pytest.mark.parametrize(("sol", "below"), [("Cost 0\n", False), ("Cost 25\n", True)])
def test_sol_cost_zero_or_above_gives_no_negative_gap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sol: str, below: bool
) -> None:
    """Cost 0 in the .sol gives no gap; a cost below the .sol is reported, never a negative gap."""
    path = tmp_path / "t.vrp"
    path.write_text(TINY_VRP)
    (tmp_path / "t.sol").write_text("Route #1: 1 2 3\n" + sol)
    assert run(["solve-vrplib", str(path), *FAST, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["gap_percent"] is None and data["cost"] == 20
    assert data["below_reference"] is below
    assert sorted(c for r in data["routes"] for c in r) == [1, 2, 3]


def test_usage_errors_are_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown command or a bad option value is one line, not a box."""
    _one_line_error(capsys, run(["network", "rout"]), "No such command 'rout'")
    _one_line_error(capsys, run(["plan-pickups", "x.csv", "--time-limit", "abc"]), "--time-limit")


def test_flags_show_without_a_value(capsys: pytest.CaptureFixture[str]) -> None:
    """--json is a flag: the help never shows it as taking a <bool>."""
    assert run(["network", "route", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--json" in out and "<bool>" not in out


def test_negative_coordinates_are_values(capsys: pytest.CaptureFixture[str]) -> None:
    """'-15.1,-105.8' is read as a point (outside the region here), not as options -1 -5."""
    code = run(["network", "route", "-15.1,-105.8", "Pakse"])
    _one_line_error(capsys, code, "-15.1,-105.8 (-15.1000, -105.8000) is outside")


def test_same_place_routes_zero_km(capsys: pytest.CaptureFixture[str]) -> None:
    """Pakse to Pakse is 0 km and costs nothing."""
    assert run(["network", "route", "Pakse", "Pakse", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["distance_km"] == 0 and data["cost_lak"] == 0


def test_seaport_route_points_to_the_onward_table(capsys: pytest.CaptureFixture[str]) -> None:
    """Routing to Da Nang says the leg beyond the border is priced from the onward-leg table."""
    code = run(["network", "route", "Paksong", "Da Nang"])
    line = _one_line_error(capsys, code, "priced from the onward-leg table")
    assert "bolaven corridor 'Paksong' 'Da Nang'" in line


def test_corridor_gives_road_border_onward_and_ocean(capsys: pytest.CaptureFixture[str]) -> None:
    """corridor Paksong 'Da Nang': per tonne, road + border + onward = the seaport cost, and
    the ocean freight to each market on top is the landed cost at destination."""
    assert run(["corridor", "Paksong", "Da Nang", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["basis"]["truck"] == "container" and data["basis"]["onward_diesel_index"] == 1.0
    rows = {r["corridor"]: r for r in data["corridors"]}
    assert {"dansavanh__da_nang", "phou_keua__da_nang"} <= set(rows)
    lao_bao = rows["dansavanh__da_nang"]
    assert lao_bao["onward"]["km_min"] == 200 and lao_bao["onward"]["km_max"] == 230
    assert lao_bao["onward"]["table"] == "data/onward_legs.csv"
    assert any("blog.goo.ne.jp" in s for s in lao_bao["onward"]["sources"])
    reachable = [r for r in data["corridors"] if r["landed_at_seaport_lak_per_t"] is not None]
    assert reachable and all(r["road"]["distance_km"] > 0 for r in reachable)
    road, border, onward = (reachable[0][k] for k in ("road", "border", "onward"))
    parts = [road["cost_lak_per_t"], border["fee_lak_per_t"], border["waiting_lak_per_t"]]
    assert reachable[0]["landed_at_seaport_lak_per_t"] == sum(parts) + onward["cost_lak_per_t"]
    japan = next(o for o in reachable[0]["ocean"] if o["market"] == "Japan")
    port = reachable[0]["landed_at_seaport_lak_per_t"]
    assert japan["landed_at_destination_lak_per_t"] == port + japan["lak_per_t"]
    low, high = japan["usd_per_teu_low"], japan["usd_per_teu_high"]
    assert low < japan["usd_per_teu"] < high
    usd = japan["landed_at_destination_usd_per_t"]
    assert usd[1] < usd[0] < usd[2]


def test_far_point_is_dropped_without_an_impossible_distance(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A pickup at (0, 0) is dropped as outside the region, never '32188.6 km from a road'."""
    path = tmp_path / "p.csv"
    path.write_text(PICKUP_HEADER + PICKUP_ROW + "B,0,0,300,parchment\n")
    assert run(["plan-pickups", str(path), "--depot", "Paksong", *FAST, "--json"]) == 0
    dropped = {d["id"]: d["reason"] for d in json.loads(capsys.readouterr().out)["dropped"]}
    assert "outside the network's region" in dropped["B"]
    assert "32188" not in dropped["B"] and "more than 500 km" in dropped["B"]


def test_corridor_origin_off_the_roads_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """An origin 57 km from any road is a one-line error naming the point, not a traceback."""
    code = run(["corridor", "14.4,106.5", "Da Nang"])
    _one_line_error(capsys, code, "points off the road network: '14.4,106.5' (57.2 km")
