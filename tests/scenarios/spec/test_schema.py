"""Scenario files: schema, inheritance, unknown keys, bad values, fingerprints."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenarios.spec.schema import ScenarioError, load_scenario, scenario_fingerprint


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_minimal_file_takes_its_name_from_the_file(tmp_path: Path) -> None:
    """A file with no keys is a valid scenario named after the file, with no changes."""
    spec = load_scenario(_write(tmp_path, "baseline.toml", ""))
    assert spec.name == "baseline"
    assert spec.road_upgrade == ()
    assert spec.compare_to is None
    assert spec.demand.volume_factor == 1.0


def test_every_change_type_parses(tmp_path: Path) -> None:
    """Upgrades, links, closures, borders, costs, fleet, demand, hubs and appraisal all load."""
    text = """
name = "everything"
seasons = ["wet"]
[[road_upgrade]]
ref = "16"
between = ["Pakse", "Paksong"]
surface = "paved"
iri_m_per_km = 3.0
wet_passable = true
source = "ADB"
[[new_link]]
from_place = "Paksong"
to_place = "Thateng"
[[closure]]
osm_ids = [1, 2]
seasons = ["wet"]
[border.vang_tao]
wait_h = 2.5
fee_lak = 100000
opening_hours = "06:00-22:00"
estimate = true
[border.vang_tao.range]
wait_h = { low = 2.0, high = 4.5 }
fee_lak = { low = 0, high = 200000 }
dist = "uniform"
range_source = "test"
[costs]
diesel_factor = 1.5
[fleet]
allowed = ["medium_truck"]
[demand]
volume_factor = 1.1
growth_per_year = 0.03
[hubs]
remove = ["sekong"]
fixed_cost_usd_per_yr = {pakse = 5e4}
[[hubs.add]]
name = "pakse_dry_port"
place = "Pakse"
capacity_t = 40000
[appraisal]
capital_cost_usd = 14.65e6
horizon_years = 20
"""
    spec = load_scenario(_write(tmp_path, "all.toml", text))
    assert spec.road_upgrade[0].between == ("Pakse", "Paksong")
    assert spec.road_upgrade[0].source == "ADB"
    assert spec.new_link[0].circuity == 1.2
    assert spec.closure[0].seasons == ("wet",)
    assert spec.border["vang_tao"].wait_h == 2.5
    assert spec.border["vang_tao"].estimate is True
    assert spec.costs.diesel_factor == 1.5
    assert spec.fleet.allowed == ("medium_truck",)
    assert spec.hubs.add[0].capacity_t == 40000
    assert spec.appraisal is not None
    assert spec.appraisal.discount_rate == 0.12
    assert spec.has_network_changes


def test_child_inherits_and_extends_parent(tmp_path: Path) -> None:
    """Tables merge key by key, change lists append, name/description are not inherited."""
    _write(
        tmp_path,
        "base.toml",
        'description = "parent"\n[costs]\ndiesel_factor = 1.2\nlak_per_usd = 21900\n'
        '[[road_upgrade]]\nref = "16"\nsurface = "paved"\n',
    )
    _write(
        tmp_path,
        "mid.toml",
        'extends = "base.toml"\n[costs]\ndiesel_factor = 1.5\n'
        '[[road_upgrade]]\nref = "20"\nsurface = "paved"\n',
    )
    child = _write(tmp_path, "child.toml", 'extends = "mid.toml"\n[border.vang_tao]\nwait_h = 1\n')
    spec = load_scenario(child)
    assert spec.name == "child"
    assert spec.description == ""
    assert spec.costs.diesel_factor == 1.5
    assert spec.costs.lak_per_usd == 21900
    assert [u.ref for u in spec.road_upgrade] == ["16", "20"]
    assert spec.border["vang_tao"].wait_h == 1
    assert spec.compare_to == str((tmp_path / "base.toml").resolve())


def test_fingerprint_follows_content_not_path(tmp_path: Path) -> None:
    """Two files with the same content share a fingerprint; a changed value changes it."""
    a = load_scenario(_write(tmp_path, "s.toml", "[costs]\ndiesel_factor = 1.5\n"))
    (tmp_path / "copy").mkdir()
    b = load_scenario(_write(tmp_path / "copy", "s.toml", "[costs]\ndiesel_factor = 1.5\n"))
    c = load_scenario(_write(tmp_path, "s.toml", "[costs]\ndiesel_factor = 1.6\n"))
    assert scenario_fingerprint(a) == scenario_fingerprint(b)
    assert scenario_fingerprint(a) != scenario_fingerprint(c)


BAD_FILES = [
    (
        "[border.vang_tao]\nwait_hour = 2\n",
        r"x\.toml: \[border\.vang_tao\] unknown key 'wait_hour'; valid keys: "
        r"capacity_trucks_per_day, closed, estimate, fee_lak, opening_hours, "
        r"other_trucks_per_day, range, range_source, source, transload, wait_h",
    ),
    ("nmae = 'x'\n", r"x\.toml: unknown key 'nmae'; valid keys: appraisal, border, .*extends"),
    (
        "[[road_upgrade]]\nref = '16'\nsurfac = 'paved'\n",
        r"\[road_upgrade\.1\] unknown key 'surfac'; valid keys: bbox, between,",
    ),
    (
        "[costs]\ndiesel_lak_per_l = -5\n",
        r"\[costs\] key 'diesel_lak_per_l'.*greater than or equal to 100; got -5",
    ),
    ("[border.vang_tao]\nfee_lak = -1\n", r"\[border\.vang_tao\] key 'fee_lak'.*; got -1"),
    ("[appraisal]\ncapital_cost_usd = -3\n", r"\[appraisal\] key 'capital_cost_usd'"),
    (
        "[hubs]\nfixed_cost_usd_per_yr = {pakse = -1}\n",
        r"fixed_cost_usd_per_yr\.pakse: expected a cost from 0 to",
    ),
    ("[[road_upgrade]]\nsurface = 'paved'\n", r"expected at least one of ref, osm_ids, bbox"),
    ("[[road_upgrade]]\nbetween = ['A', 'B']\n", r"'between' selects a section"),
    ("[[road_upgrade]]\nref = '16'\nsurface = 'tarmac'\n", r"key 'surface'.*'paved', 'gravel'"),
    ("[fleet]\nallowed = ['lorry']\n", r"\[fleet\.allowed\] item 1"),
    ("[appraisal]\nhorizon_years = 3\nconstruction_years = 3\n", r"horizon_years > construction"),
    ("extends = 'missing.toml'\n", r"x\.toml: key 'extends': parent file 'missing.toml' not found"),
    ("name = \n", r"x\.toml: not valid TOML"),
]


@pytest.mark.parametrize(("text", "match"), BAD_FILES)
def test_bad_files_name_file_and_key(tmp_path: Path, text: str, match: str) -> None:
    """Each bad input gives one clear ScenarioError naming the file and the key."""
    with pytest.raises(ScenarioError, match=match):
        load_scenario(_write(tmp_path, "x.toml", text))


def test_inheritance_cycle_names_the_chain(tmp_path: Path) -> None:
    """a extends b extends a: the error shows the whole chain."""
    _write(tmp_path, "a.toml", 'extends = "b.toml"\n')
    _write(tmp_path, "b.toml", 'extends = "a.toml"\n')
    with pytest.raises(ScenarioError, match=r"a\.toml: inheritance cycle: a\.toml -> b\.toml -> a"):
        load_scenario(tmp_path / "a.toml")


def test_missing_file_is_reported(tmp_path: Path) -> None:
    """A file that does not exist gives a ScenarioError with its path."""
    with pytest.raises(ScenarioError, match="scenario file not found"):
        load_scenario(tmp_path / "nope.toml")


def test_scenario_error_is_a_value_error_re_exported_by_spec() -> None:
    """ScenarioError lives in scenarios.common.errors, subclasses ValueError; spec re-exports it."""
    from scenarios.common import errors as exceptions
    from scenarios.spec import schema as spec

    assert spec.ScenarioError is exceptions.ScenarioError
    assert issubclass(exceptions.ScenarioError, ValueError)
    error = exceptions.scenario_key_error("a.toml", "costs", "bad")
    assert str(error) == "a.toml: [costs] bad"
