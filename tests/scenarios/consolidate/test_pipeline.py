"""The consolidation pipeline and CLI on the real embedded network, with tiny supply files."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import geopandas as gpd
import pytest

from scenarios.cli.root import main
from scenarios.consolidate import ConsolidateFiles, ConsolidateOptions, load_inputs
from scenarios.consolidate import run_consolidation as run

SUPPLY_HEADER = "village_id,name,lon,lat,green_t,collected_state\n"
# three real villages (ODM codes): Paksong town, Thateng, Lao Ngam; 100 t green each
THREE_VILLAGES = (
    "1604001,B. Vatlouang,106.2322,15.18218,100,parchment\n"
    "1504001,B. Ta teng nuea,106.379,15.42806,100,parchment\n"
    "1407001,B. Laongam,106.1678,15.46832,100,green\n"
)
HUBS_HEADER = (
    "hub_id,name,place,lon,lat,capacity_t,fixed_cost_usd_per_yr,handling_usd_per_t,status\n"
)
TWO_HUBS = (
    "paksong,Paksong,Paksong,,,1000,50000,15,candidate\n"
    "pakse,Pakse,Pakse,,,1000,50000,15,candidate\n"
)
GATEWAY_IDS = ("vang_tao", "phou_keua", "dansavanh", "dakta_ok", "nong_nok_khiene", "lalay")


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def small_files(tmp_path: Path) -> tuple[Path, Path]:
    """A 3-village supply file and a 2-hub file."""
    return (
        _write(tmp_path / "supply.csv", SUPPLY_HEADER + THREE_VILLAGES),
        _write(tmp_path / "hubs.csv", HUBS_HEADER + TWO_HUBS),
    )


def _cli(monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    monkeypatch.setattr(sys, "argv", ["bolaven", "consolidate", *args])
    try:
        main()
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def test_cli_json_conserves_tonnes_and_sums_the_breakdown(
    small_files: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """300 t in, 300 t through corridors; the per-tonne parts add up to the total."""
    supply, hubs = small_files
    code = _cli(monkeypatch, "--season", "dry", "--supply", str(supply), "--hubs", str(hubs),
                "--json", "--no-explain")  # fmt: skip
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["status"] == data["solver_status"] == "optimal"
    assert 0.0 <= data["mip_gap_pct"] <= 0.001
    assert data["total_tonnes"] == pytest.approx(300.0)
    assert sum(c["tonnes"] for c in data["corridors"]) == pytest.approx(300.0)
    assert {"gateway", "port", "tonnes"} <= set(data["corridors"][0])
    parts = data["cost_per_tonne_lak"]
    assert sum(v for k, v in parts.items() if k != "total") == pytest.approx(
        parts["total"], abs=0.1
    )
    assert data["cost_per_tonne_usd"]["total"] == pytest.approx(
        parts["total"] / data["lak_per_usd"], abs=0.01
    )
    for key in ("open_hubs", "trunk_cost_lak_per_tkm", "tkm", "co2_t"):
        assert key in data
    assert data["tkm"] > 0 and data["co2_t"] > 0
    access = data["access"]
    assert len(access["by_season_and_class"]) == 6  # 2 seasons x 3 vehicle classes
    assert access["wfp"]["source"].startswith("WFP")
    items = {r["item"]: r for r in data["fidelity"]}
    assert items["export volume"]["model"] == pytest.approx(300.0)
    assert items["export volume"]["within"] is False  # 300 t is not the 30,398 t export
    assert all(r["source"] and r["basis"] for r in data["fidelity"])


def test_cli_out_writes_tables_and_geopackage(
    small_files: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--out writes the four CSV tables and a GeoPackage with village→hub lines for 3 villages."""
    supply, hubs = small_files
    out = tmp_path / "out"
    code = _cli(monkeypatch, "--season", "dry", "--supply", str(supply), "--hubs", str(hubs),
                "--out", str(out), "--no-explain")  # fmt: skip
    assert code == 0
    for name in ("open_hubs.csv", "assignments.csv", "corridors.csv", "breakdown.csv"):
        assert (out / name).stat().st_size > 0
    lines = gpd.read_file(out / "flows.gpkg", layer="village_to_hub")
    assert sorted(lines["village_id"].astype(str)) == ["1407001", "1504001", "1604001"]


def test_wet_season_costs_more_than_dry(small_files: tuple[Path, Path]) -> None:
    """The same supply costs more per tonne under wet-season speeds and vehicles."""
    supply, hubs = small_files
    inputs = load_inputs(ConsolidateFiles(supply=supply, hubs=hubs))
    cost = {
        s: run(inputs, ConsolidateOptions(season=s, explain=False)).result.cost_lak.total_lak
        for s in ("dry", "wet")
    }
    assert cost["wet"] > cost["dry"]


def test_wet_cut_off_village_is_carried_to_the_road_not_shifted(
    small_files: tuple[Path, Path], tmp_path: Path
) -> None:
    """B. Mitsumphun, far off the roads, is cut off for the wet pickup: its coffee is carried."""
    _, hubs = small_files
    far = "1703001,B. Mitsumphun,106.58037,14.68116,100,green\n"  # a long earth track
    supply = _write(tmp_path / "supply4.csv", SUPPLY_HEADER + THREE_VILLAGES + far)
    inputs = load_inputs(ConsolidateFiles(supply=supply, hubs=hubs))
    result = run(inputs, ConsolidateOptions(season="year", explain=False))
    assert result.shifted_to_dry == ()
    assert result.tracks is not None
    ids = [v.id for v in inputs.villages]
    cut = dict(zip(ids, result.tracks.cut_off("wet", "pickup_4x4").tolist(), strict=True))
    assert cut == {"1604001": False, "1504001": False, "1407001": False, "1703001": True}
    wet = {a.supply_id for a in result.result.assignments if a.period == "wet"}
    assert wet == {"1604001", "1504001", "1407001", "1703001"}
    # the wet collection cost of the carried village includes the carry over its whole track
    far_row = result.problem.collection_lak_per_t[1][3]
    carry = inputs.params.carry_lak_per_tkm * float(result.tracks.track_km[3])
    assert far_row.min() >= carry
    assert sum(a.green_kg for a in result.result.assignments) == 400_000


@pytest.mark.parametrize(
    ("supply_rows", "hub_rows", "extra", "match"),
    [
        ("X1,Far away,120.0,15.0,10,green\n", TWO_HUBS, (),
         r"supply point 'X1' \(Far away\) is off the map"),
        (THREE_VILLAGES, "paksong,Paksong,Paksong,,,0,50000,15,candidate\n", (),
         r"row 2, column capacity_t: hub 'paksong' has zero capacity"),
        (THREE_VILLAGES, TWO_HUBS,
         tuple(a for g in GATEWAY_IDS for a in ("--close-gateway", g)),
         "all gateways are closed in the dry season"),
        (THREE_VILLAGES, "paksong,Paksong,Paksong,,,200,50000,15,candidate\n", (),
         r"supply 300\.0 t green exceeds the total capacity of the usable hubs, 200\.0 t"),
        ("V1,Bad,106.2,15.2,abc,green\n", TWO_HUBS, (),
         r"row 2, column green_t: expected a number > 0, got 'abc'"),
        (THREE_VILLAGES, TWO_HUBS, ("--close-gateway", "nowhere"), "Unknown gateway.*nowhere"),
    ],
)  # fmt: skip
def test_bad_input_gives_one_line_error_and_exit_2(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    supply_rows: str,
    hub_rows: str,
    extra: tuple[str, ...],
    match: str,
) -> None:
    """Off-map village, zero-capacity hub, closed gateways, short capacity, bad cell: one line."""
    supply = _write(tmp_path / "s.csv", SUPPLY_HEADER + supply_rows)
    hubs = _write(tmp_path / "h.csv", HUBS_HEADER + hub_rows)
    code = _cli(monkeypatch, "--season", "dry", "--supply", str(supply), "--hubs", str(hubs),
                "--no-explain", *extra)  # fmt: skip
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert err.startswith("error: ") and "\n" not in err
    assert re.search(match, err), err
