"""Property-based (Hypothesis): malformed pickups, fleets, scenarios and VRPLIB files.

For every generated file the command line either exits non-zero with exactly one line naming
the file (and its row, column or key), or answers with a valid, verified result that keeps the
input as given: every pickup or customer served once or reported dropped, weights unchanged.
Never a traceback. Examples are bounded and derandomized so ``make test`` stays in budget.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import re
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scenarios.cli.root import run

BOUNDED = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
FAST = ["--engine", "pyvrp", "--solution-limit", "30", "--time-limit", "1", "--json"]
HOSTILE = ["", "nan", "inf", "-inf", "1e300", "-5", "0", "0.5", "abc", "1e19", '"', "é", "=1+1"]
WHERE = re.compile(
    r"row \d+|column|key|\[|file |header|got none|DIMENSION|CAPACITY|SECTION|DEMAND|VEHICLE"
)


def _cli(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(args)
    return code, out.getvalue(), err.getvalue()


def _assert_one_line_error(err: str, file_name: str) -> None:
    lines = [line for line in err.splitlines() if line.startswith(("error:", "invalid:"))]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert file_name in lines[0], lines[0]
    assert WHERE.search(lines[0]), lines[0]


def _encode(text: str, encoding: str) -> bytes:
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        return text.encode("utf-8")


# -- pickups ------------------------------------------------------------------------------------

PICKUP_VALID = {
    "id": st.sampled_from(["A", "B", "C"]),
    "lat": st.sampled_from(["15.18", "15.2", "0", "89"]),
    "lon": st.sampled_from(["106.23", "106.25", "0"]),
    "weight_kg": st.sampled_from(["300", "1200.4", "1", "20000"]),
    "product": st.sampled_from(["cherry", "parchment", "Parchment"]),
    "required": st.sampled_from(["true", "no", ""]),
    "penalty_lak": st.sampled_from(["", "100000", "1e15"]),
    "day": st.sampled_from(["", "1", "2"]),
}
PICKUP_EXTRA = ["Required", "penalty", "latitude", "weight", "village_code", "note"]


def _hostile(draw: st.DrawFn, odds: int) -> bool:
    """True about once in ``odds`` draws (Hypothesis favours small integers: 0 means valid)."""
    return bool(draw(st.integers(0, odds - 1)) == odds - 1)


def _rarely(draw: st.DrawFn, valid: st.SearchStrategy[Any], hostile: st.SearchStrategy[Any]) -> Any:
    """Mostly a valid value, one time in four a hostile one: both outcomes get exercised."""
    return draw(hostile) if _hostile(draw, 4) else draw(valid)


@st.composite
def pickups_files(draw: st.DrawFn) -> tuple[bytes, str]:
    """A pickups CSV: valid columns in any order, maybe a typo column, cells maybe hostile."""
    optional = [c for c in PICKUP_VALID if c not in {"id", "lat", "lon", "weight_kg", "product"}]
    columns = ["id", "lat", "lon", "weight_kg", "product"]
    columns += draw(st.lists(st.sampled_from(optional), unique=True, max_size=2))
    columns = draw(st.permutations(columns))
    if _hostile(draw, 6):
        columns.append(draw(st.sampled_from(PICKUP_EXTRA)))
    if _hostile(draw, 8):
        columns.remove(draw(st.sampled_from(columns)))
    rows = []
    for number in range(_rarely(draw, st.integers(1, 3), st.just(0))):
        cells = []
        for column in columns:
            valid = (
                st.just("ABC"[number]) if column == "id" else PICKUP_VALID.get(column, st.just("x"))
            )
            cells.append(draw(valid) if draw(st.integers(0, 5)) else draw(st.sampled_from(HOSTILE)))
        rows.append(cells)
    delimiter = draw(st.sampled_from([",", ";"]))
    text = "\n".join(delimiter.join(r) for r in [columns, *rows]) + "\n"
    encoding = _rarely(
        draw, st.sampled_from(["utf-8", "utf-8-sig"]), st.sampled_from(["latin-1", "utf-16"])
    )
    return _encode(text, encoding), text


def _check_plan(plan: dict[str, Any], text: str) -> None:
    """Each input row served (all its parts) or dropped, with its weight unchanged."""
    delimiter = ";" if text.split("\n", 1)[0].count(";") else ","
    header, *rows = [line.split(delimiter) for line in text.strip().split("\n")]
    given = {r[header.index("id")]: float(r[header.index("weight_kg")]) for r in rows}
    served: dict[str, float] = {}
    parts: dict[str, int] = {}
    for route in plan["routes"]:
        for stop in route["stops"]:
            key = stop["id"].split("#")[0]
            served[key] = served.get(key, 0) + stop["weight_kg"]
            parts[key] = parts.get(key, 0) + 1
    dropped = {d["id"].split("#")[0] for d in plan["dropped"]}
    assert set(given) == set(served) | dropped
    for key, kg in served.items():
        if key not in dropped:
            assert abs(kg - given[key]) <= parts[key], (key, kg, given[key])


@settings(BOUNDED, max_examples=25)
@given(pickups_files())
def test_generated_pickups_error_in_one_line_or_plan_every_row(
    tmp_path: Path, case: tuple[bytes, str]
) -> None:
    """A generated pickups file: one-line error naming file and cell, or a complete plan."""
    data, text = case
    path = tmp_path / "p.csv"
    path.write_bytes(data)
    code, out, err = _cli(["plan-pickups", str(path), "--depot", "Paksong", *FAST])
    if code == 0:
        _check_plan(json.loads(out), text)
    else:
        _assert_one_line_error(err, "p.csv")


# -- fleets -------------------------------------------------------------------------------------

FLEET_KEYS = ["type", "count", "shift_start", "max_hours", "max_trips", "max_hour", "typ"]
FLEET_VALUES = st.one_of(
    st.sampled_from(["6-wheel", "4x4-pickup", "07:00", "25:00", "truck"]),
    st.integers(-2, 5),
    st.floats(allow_nan=True, allow_infinity=True, width=32),
    st.lists(st.integers(0, 3), max_size=2),
    st.booleans(),
)


FLEET_GOOD: dict[str, st.SearchStrategy[Any]] = {
    "type": st.sampled_from(["6-wheel", "4x4-pickup", "10-wheel"]),
    "count": st.integers(1, 3),
    "shift_start": st.sampled_from(["06:00", "07:30"]),
    "max_hours": st.sampled_from([8, 10, 12.5]),
    "max_trips": st.integers(1, 3),
}


@st.composite
def fleet_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """A fleet TOML of [[vehicle]] tables or a CSV, valid except for a few hostile keys/values."""
    tables = []
    for _ in range(_rarely(draw, st.integers(1, 2), st.just(0))):
        keys = ["type", "count", *draw(st.lists(st.sampled_from(FLEET_KEYS[2:5]), unique=True))]
        if _hostile(draw, 6):
            keys.append(draw(st.sampled_from(FLEET_KEYS[5:])))
        tables.append(
            {k: _rarely(draw, FLEET_GOOD.get(k, FLEET_VALUES), FLEET_VALUES) for k in keys}
        )
    if draw(st.booleans()):
        body: Any = {"vehicle": [1, 2]} if _hostile(draw, 6) else {"vehicle": tables}
        return "f.toml", tomli_w.dumps(body).encode()
    keys = sorted({k for t in tables for k in t} | {"type", "count"})
    lines = [",".join(keys)] + [",".join(str(t.get(k, "")) for k in keys) for t in tables]
    return "f.csv", ("\n".join(lines) + "\n").encode()


@settings(BOUNDED, max_examples=15)
@given(fleet_files())
def test_generated_fleets_error_in_one_line_or_plan(
    tmp_path: Path, case: tuple[str, bytes]
) -> None:
    """A generated fleet: one-line error naming the fleet file, or a plan using its trucks."""
    name, data = case
    pickups = tmp_path / "p.csv"
    pickups.write_text("id,lat,lon,weight_kg,product\nA,15.18,106.23,300,parchment\n")
    fleet = tmp_path / name
    fleet.write_bytes(data)
    code, out, err = _cli(
        ["plan-pickups", str(pickups), "--depot", "Paksong", "--fleet", str(fleet), *FAST]
    )
    if code == 0:
        plan = json.loads(out)
        assert {s["id"] for r in plan["routes"] for s in r["stops"]} | {
            d["id"] for d in plan["dropped"]
        } == {"A"}
    else:
        _assert_one_line_error(err, name)


# -- scenarios ----------------------------------------------------------------------------------

SANE = st.sampled_from([0.05, 0.5, 1.0, 1.5, 2.0, 3, 5, 10, 20, 600.0, 21000.0])
NUMBERS = st.one_of(
    SANE,
    SANE,
    SANE,
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, 1e-300, 1e300, -1.0]),
)
SCENARIO_TABLES: dict[str, list[str]] = {
    "costs": ["diesel_lak_per_l", "diesel_factor", "lak_per_usd", "lak_per_thb", "diesel_factr"],
    "demand": ["volume_factor", "volume_factor", "growth_per_year", "volume"],
    "appraisal": ["capital_cost_usd", "horizon_years", "discount_rate"],
    "border.vang_tao": ["wait_h", "fee_lak", "wait_h", "wait_hour"],
    "border.lalay": ["wait_h", "fee_lak"],
    "border.vang_tow": ["wait_h"],
}


@st.composite
def scenario_texts(draw: st.DrawFn) -> dict[str, dict[str, Any]]:
    """Tables of a scenario with numbers that may be non-finite, absurd or misspelt keys."""
    chosen = draw(st.lists(st.sampled_from(sorted(SCENARIO_TABLES)), max_size=3, unique=True))
    return {
        table: {
            key: draw(NUMBERS)
            for key in draw(
                st.lists(st.sampled_from(SCENARIO_TABLES[table]), min_size=1, max_size=3)
            )
        }
        for table in chosen
    }


def _nest(tables: dict[str, dict[str, Any]]) -> dict[str, Any]:
    body: dict[str, Any] = {}
    for name, values in tables.items():
        head, _, tail = name.partition(".")
        target = body.setdefault(head, {})
        (target.setdefault(tail, {}) if tail else target).update(values)
    return body


@settings(BOUNDED, max_examples=40)
@given(scenario_texts())
def test_generated_scenarios_error_in_one_line_or_load_as_given(
    tmp_path: Path, tables: dict[str, dict[str, Any]]
) -> None:
    """validate: one 'invalid:' line naming the file and key, or 'ok' with every value kept."""
    from scenarios.spec.schema import load_scenario

    path = tmp_path / "s.toml"
    path.write_text(tomli_w.dumps(_nest(tables)))
    code, _, err = _cli(["scenarios", "validate", str(path)])
    if code != 0:
        _assert_one_line_error(err, "s.toml")
        return
    spec = load_scenario(path)
    for name, values in tables.items():
        head, _, tail = name.partition(".")
        model = getattr(spec, head)[tail] if tail else getattr(spec, head)
        for key, value in values.items():
            assert math.isfinite(float(value))
            assert getattr(model, key) == value


# -- VRPLIB -------------------------------------------------------------------------------------

COORDS = st.integers(-50, 50)
BAD_COORDS = st.sampled_from(["nan", "inf", "1e300", "2.5", "x"])
BAD_DEMANDS = st.sampled_from(["0", "2.5", "-1", "ten", "nan", "99"])


@st.composite
def vrplib_files(draw: st.DrawFn) -> tuple[str, list[Any], int | str]:
    """A small CVRP file whose dimension, coordinates, demands and capacity may be wrong."""
    n = draw(st.integers(2, 6))
    dimension = n + _rarely(draw, st.just(0), st.sampled_from([1, -1]))
    capacity = _rarely(draw, st.integers(10, 15), st.sampled_from([0, "2.5", "-3", 1]))
    coords = [
        (draw(BAD_COORDS) if _hostile(draw, 12) else draw(COORDS), draw(COORDS)) for _ in range(n)
    ]
    demands: list[Any] = [0]
    demands += [
        draw(BAD_DEMANDS) if _hostile(draw, 10) else draw(st.integers(1, 10)) for _ in range(n - 1)
    ]
    lines = [
        "NAME : gen",
        "TYPE : CVRP",
        f"DIMENSION : {dimension}",
        "EDGE_WEIGHT_TYPE : EUC_2D",
        f"CAPACITY : {capacity}",
        "NODE_COORD_SECTION",
        *(f"{i + 1} {x} {y}" for i, (x, y) in enumerate(coords)),
        "DEMAND_SECTION",
        *(f"{i + 1} {d}" for i, d in enumerate(demands)),
        "DEPOT_SECTION",
        "1",
        "-1",
        "EOF",
    ]
    return "\n".join(lines) + "\n", demands, capacity


@settings(BOUNDED, max_examples=30)
@given(vrplib_files())
def test_generated_vrplib_error_in_one_line_or_serve_every_customer(
    tmp_path: Path, case: tuple[str, list[Any], int | str]
) -> None:
    """solve-vrplib: one line naming the file and section/customer, or every customer once."""
    text, demands, capacity = case
    path = tmp_path / "g.vrp"
    path.write_text(text)
    code, out, err = _cli(["solve-vrplib", str(path), *FAST])
    if code != 0:
        _assert_one_line_error(err, "g.vrp")
        return
    data = json.loads(out)
    served = sorted(c for route in data["routes"] for c in route)
    assert served == list(range(1, len(demands)))  # every customer exactly once
    for route in data["routes"]:
        assert sum(int(demands[c]) for c in route) <= int(capacity)
    assert data["gap_percent"] is None or data["gap_percent"] >= 0
