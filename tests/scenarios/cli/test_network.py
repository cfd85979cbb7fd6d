"""`bolaven network ...` end to end: JSON keys, published distances, one-line errors."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scenarios.cli.network import app
from tests.conftest import CliRun

runner = CliRunner()


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BOLAVEN_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cli-cache"))
    monkeypatch.delenv("BOLAVEN_NETWORK", raising=False)


def test_route_json_pakse_paksong_is_about_50_km() -> None:
    """route --json gives the documented keys and ~50 km Pakse → Paksong."""
    res = runner.invoke(app, ["route", "Pakse", "paksong", "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert {"distance_km", "duration_h", "refs", "season", "vehicle", "cost_lak"} <= set(out)
    assert out["distance_km"] == pytest.approx(50, abs=5)


def test_route_cost_is_positive_and_higher_in_the_wet_season() -> None:
    """Pakse → Paksong: cost_lak > 0, in US$ at the file's rate, and wet costs more than dry."""
    dry = json.loads(runner.invoke(app, ["route", "Pakse", "Paksong", "--json"]).output)
    wet = json.loads(
        runner.invoke(app, ["route", "Pakse", "Paksong", "--json", "--season", "wet"]).output
    )
    assert dry["truck"] == "6-wheel" and dry["vehicle"] == "medium_truck"
    assert 0 < dry["cost_lak"] < wet["cost_lak"]
    assert dry["cost_usd"] == pytest.approx(dry["cost_lak"] / dry["lak_per_usd"], abs=0.01)


def test_route_truck_sets_the_class_and_prices_a_bigger_truck_higher() -> None:
    """--truck container drives as heavy_truck and costs more per trip than the 6-wheel."""
    six = json.loads(runner.invoke(app, ["route", "Pakse", "Paksong", "--json"]).output)
    res = runner.invoke(app, ["route", "Pakse", "Paksong", "--truck", "container", "--json"])
    box = json.loads(res.output)
    assert box["vehicle"] == "heavy_truck" and box["truck"] == "container"
    assert box["cost_lak"] > six["cost_lak"]


def test_route_text_shows_cost_in_lak_and_usd() -> None:
    """The text output prints the driving cost in LAK and US$ for the priced truck."""
    res = runner.invoke(app, ["route", "Pakse", "Paksong", "--vehicle", "pickup_4x4"])
    assert res.exit_code == 0, res.output
    assert "Driving cost for a 4x4-pickup: LAK " in res.output and "US$ " in res.output


def test_route_wet_is_slower_than_dry_for_vang_tao() -> None:
    """Pakse → Vang Tao is ~41-45 km; the wet season takes longer."""
    dry = json.loads(runner.invoke(app, ["route", "Pakse", "Vang Tao", "--json"]).output)
    wet = json.loads(
        runner.invoke(app, ["route", "Pakse", "Vang Tao", "--json", "--season", "wet"]).output
    )
    assert dry["distance_km"] == pytest.approx(43, abs=4)
    assert wet["duration_h"] > dry["duration_h"]


def test_matrix_reports_n_seconds_and_unreachable() -> None:
    """matrix --sample 50 --json reports n = 50 and the unreachable pair count."""
    res = runner.invoke(app, ["matrix", "--sample", "50", "--seed", "3", "--json"])
    out = json.loads(res.output)
    assert out["n"] == 50 and out["unreachable_pairs"] == 0 and out["seconds"] >= 0


def test_info_states_the_data_plainly() -> None:
    """info says what the data is (2014 main roads, ODbL) and lists places with snap distances."""
    res = runner.invoke(app, ["info"])
    assert res.exit_code == 0
    assert "primary + secondary only" in res.output and "2014" in res.output
    assert "© OpenStreetMap contributors" in res.output
    assert "Pakse" in res.output and "UNREACHABLE" in res.output
    out = json.loads(runner.invoke(app, ["info", "--json"]).output)
    assert out["strongly_connected_components"] == 1 and out["added_edges"] == 2


def test_export_gpkg_has_three_layers(tmp_path: Path) -> None:
    """export OUT.gpkg writes edges, nodes and places layers."""
    import pyogrio

    out = tmp_path / "net.gpkg"
    assert runner.invoke(app, ["export", str(out)]).exit_code == 0
    layers = {name for name, _ in pyogrio.list_layers(out)}
    assert layers == {"edges", "nodes", "places"}


@pytest.mark.parametrize(
    ("args", "match"),
    [
        (["route", "Paksee", "Paksong"], "Unknown place 'Paksee'. Closest matches: Pakse"),
        (["route", "48.8,2.3", "Paksong"], "outside the network's region"),
        (["route", "Pakse", "Dakcheung"], "beyond the maximum connector length"),
        (["route", "Pakse", "15.05,106.45", "--season", "wet", "--vehicle", "heavy_truck"],
         "No passable route"),
        (["route", "Pakse", "Paksong", "--truck", "tuktuk"],
         "Unknown vehicle type 'tuktuk'. Choose from: 4x4-pickup"),
        (["route", "Pakse", "Paksong", "--truck", "container", "--vehicle", "pickup_4x4"],
         "--truck 'container' drives as heavy_truck; got --vehicle 'pickup_4x4'"),
        (["route", "Pakse", "Paksong", "--vehicle", "bicycle"], "Unknown vehicle class 'bicycle'"),
        (["fetch", "--bbox", "1,2,3"], "Expected --bbox W,S,E,N"),
    ],
)  # fmt: skip
def test_bad_input_gives_one_line_error_and_exit_2(
    cli: Callable[..., CliRun], args: list[str], match: str
) -> None:
    """Errors are one line on stderr, exit code 2, no traceback."""
    proc = cli("network", *args)
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: ") and match in proc.stderr
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1


def test_corrupt_network_file_is_a_clear_error(cli: Callable[..., CliRun], tmp_path: Path) -> None:
    """--network with a corrupt .pbf exits 2 with a one-line message."""
    bad = tmp_path / "bad.osm.pbf"
    bad.write_bytes(b"garbage")
    proc = cli("network", "info", "--network", bad)
    assert proc.returncode == 2 and "corrupt or wrong format" in proc.stderr


@pytest.mark.parametrize("command", ["route Pakse Paksong", "matrix --sample 3"])
def test_season_typo_is_rejected_before_the_network_loads(
    cli: Callable[..., CliRun], monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """--season monsoon is a usage error (exit 2) naming the choices; no network is read."""
    import networks

    def no_loading(*_: object, **__: object) -> None:
        raise AssertionError("the network was loaded before --season was checked")

    monkeypatch.setattr(networks, "load_network", no_loading)
    proc = cli("network", *command.split(), "--season", "monsoon")
    assert proc.returncode == 2
    words = " ".join(re.sub("[│╭╮╰╯─]", " ", proc.stderr).split())  # rich draws a box
    assert "'monsoon' is not one of 'dry', 'wet'" in words
    assert "Traceback" not in proc.stderr


def test_a_bug_is_one_line_and_shows_its_traceback_with_verbose(
    cli: Callable[..., CliRun], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unexpected exception is not a user error: exit 1 in one line, re-raised with -v."""
    import networks

    def broken(*_: object, **__: object) -> None:
        raise KeyError("length_m")

    monkeypatch.setattr(networks, "load_network", broken)
    proc = cli("network", "info")
    assert proc.returncode == 1
    assert proc.stderr.startswith("internal error (KeyError): 'length_m'; rerun with -v")
    with pytest.raises(KeyError, match="length_m"):
        cli("-v", "network", "info")
