"""`bolaven scenarios ...`: exit codes, messages, outputs (in-process; one console-script run)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from scenarios.batch.runner import inputs_fingerprint, write_json_atomic
from scenarios.batch.store import fingerprint
from scenarios.spec.schema import load_scenario
from tests.conftest import CliRun
from tests.scenarios.appraisal.test_compare import APPRAISAL, PARTS, make_result

REPO = Path(__file__).resolve().parents[3]
BOLAVEN = Path(sys.executable).parent / "bolaven"


def bolaven(*args: str | Path, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """Run the installed console script and capture its output."""
    return subprocess.run(
        [str(BOLAVEN), *map(str, args)],
        check=False,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_help_of_the_group() -> None:
    """`bolaven scenarios --help` lists the four commands (the real console script: smoke test)."""
    done = bolaven("scenarios", "--help")
    assert done.returncode == 0
    for command in ("run", "compare", "validate", "list"):
        assert command in done.stdout


@pytest.mark.parametrize("command", ["run", "compare", "validate", "list"])
def test_help_of_each_command(command: str) -> None:
    """Every scenarios command answers --help with its usage and exit code 0."""
    from typer.testing import CliRunner

    from scenarios.cli.scenarios import scenarios_app

    result = CliRunner().invoke(scenarios_app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_validate_reports_each_bad_file(cli: Callable[..., CliRun], tmp_path: Path) -> None:
    """validate prints ok per good file and one line per bad one, exit code 1."""
    (tmp_path / "good.toml").write_text("[costs]\ndiesel_factor = 1.5\n")
    (tmp_path / "bad.toml").write_text("[border.vang_tao]\nwait_hour = 2\n")
    done = cli("scenarios", "validate", tmp_path / "good.toml", tmp_path / "bad.toml")
    assert done.returncode == 1
    assert "ok:" in done.stdout and "good" in done.stdout
    assert done.stderr.strip() == (
        "invalid: bad.toml: [border.vang_tao] unknown key 'wait_hour'; valid keys: "
        "capacity_trucks_per_day, closed, estimate, fee_lak, opening_hours, "
        "other_trucks_per_day, range, range_source, source, transload, wait_h"
    )


def test_list_library_as_json(cli: Callable[..., CliRun]) -> None:
    """list --json names the shipped library (at least eight valid scenarios)."""
    done = cli("scenarios", "list", "--json")
    assert done.returncode == 0
    rows = json.loads(done.stdout)
    assert len(rows) >= 8
    assert not [r for r in rows if r["description"].startswith("INVALID")]
    assert "baseline" in {r["name"] for r in rows}


def test_missing_folder_is_one_line_error(cli: Callable[..., CliRun], tmp_path: Path) -> None:
    """A folder that does not exist: 'error: ...' on stderr, exit 2, no traceback."""
    done = cli("scenarios", "list", tmp_path / "nope")
    assert done.returncode == 2
    assert done.stderr.startswith("error: expected a folder of scenario files")
    assert "Traceback" not in done.stderr


@pytest.mark.slow  # starts a Dask cluster
def test_run_records_a_broken_file_and_still_reports(
    cli: Callable[..., CliRun], tmp_path: Path
) -> None:
    """A batch of only a broken file exits 1, names it, and still writes HTML and CSV."""
    broken = tmp_path / "broken.toml"
    broken.write_text("[costs]\ndiesel_factr = 2\n")
    out = tmp_path / "out"
    done = cli("scenarios", "run", broken, "--out", out, "--workers", "1")
    assert done.returncode == 1
    assert "broken.toml: [costs] unknown key 'diesel_factr'" in done.stderr
    assert "Traceback" not in done.stderr
    assert (out / "index.html").exists()
    with (out / "kpis.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["scenario"], r["status"]) for r in rows] == [("broken", "failed")]


def test_compare_uses_cached_results(cli: Callable[..., CliRun], tmp_path: Path) -> None:
    """compare A B --json prints deltas and the CBA from fresh results without re-solving."""
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "base.toml").write_text("")
    (lib / "road.toml").write_text(
        'extends = "base.toml"\n[appraisal]\ncapital_cost_usd = 1.0\nhorizon_years = 3\n'
    )
    cache = tmp_path / "cache"
    shared = inputs_fingerprint()
    for name, parts in (("base", PARTS), ("road", {**PARTS, "trunk_haul": 250.0})):
        spec = load_scenario(lib / f"{name}.toml")
        stored = make_result(name, parts=parts, appraisal=APPRAISAL)
        stored["fingerprint"] = fingerprint(spec, shared)
        write_json_atomic(cache / "results" / f"{name}.json", stored)
    done = cli(
        "scenarios", "compare", lib / "base.toml", lib / "road.toml", "--json", "--cache", cache
    )
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert payload["scenario"] == "road" and payload["baseline"] == "base"
    assert payload["annual_saving_lak"] == pytest.approx(50_000.0)
    assert payload["cba"]["bcr"] is not None
    trunk = next(d for d in payload["breakdown_lak_per_t"] if d["key"] == "trunk_haul")
    assert trunk["delta"] == -50.0
