"""A batch with every kind of broken file writes the rest, the report and names each failure."""

from __future__ import annotations

import csv
import json
import stat
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from scenarios.batch.names import safe_stem, spreadsheet_safe
from scenarios.batch.report import write_report
from scenarios.batch.runner import load_results, run_batch
from scenarios.spec.schema import ScenarioSpec
from tests.scenarios.appraisal.test_compare import make_result

LONG_NAME = "a" * 240


def report_engine(spec: ScenarioSpec) -> dict[str, Any]:
    """A cheap engine whose results the report can render; diesel_factor 13 fails."""
    if spec.costs.diesel_factor == 13:
        msg = "unlucky diesel factor"
        raise RuntimeError(msg)
    result: dict[str, Any] = make_result(spec.name)["result"]
    return result


def _write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _mixed_batch(lib: Path) -> tuple[list[Path], set[str]]:
    """Seven good files and six broken ones (the reasons of issue 13)."""
    good = [
        _write(lib / "base.toml", ""),
        _write(lib / "long.toml", f'name = "{LONG_NAME}"\n'),
        _write(lib / "diesel_error.toml", 'name = "diesel.error"\n'),
        _write(lib / "a" / "baseline.toml", ""),
        _write(lib / "b" / "baseline.toml", "[demand]\nvolume_factor = 2\n"),
        _write(lib / "a" / "s.toml", 'extends = "baseline.toml"\n'),
        _write(lib / "b" / "s.toml", 'extends = "baseline.toml"\n'),
    ]
    deep = [_write(lib / f"deep{i}.toml", f'extends = "deep{i + 1}.toml"\n') for i in range(40)]
    _write(lib / "deep40.toml", "")
    folder = lib / "dir.toml"
    folder.mkdir()
    bad = [
        _write(lib / "latin.toml", b'description = "caf\xe9"\n'),
        folder,
        deep[0],
        _write(lib / "diesel.toml", 'name = "diesel"\n[costs]\ndiesel_factor = 13\n'),
        _write(lib / "=cmd.toml", "[costs]\ndiesel_factr = 2\n"),
        _write(lib / "inf.toml", "[demand]\nvolume_factor = inf\n"),
    ]
    reasons = {
        "file latin.toml: not UTF-8 text (byte 0xe9 at offset 18)",
        "a folder, not a file",
        "'extends' chain deeper than 32 files",
        "RuntimeError: unlucky diesel factor",
        "unknown key 'diesel_factr'",
        "key 'demand.volume_factor': expected a finite number",
    }
    return [*good, *bad], reasons


@pytest.mark.slow  # starts a Dask cluster
def test_mixed_batch_writes_good_results_report_and_every_failure(tmp_path: Path) -> None:
    """13 files, 6 broken: 7 results, index.html and kpis.csv; each failure named; files safe."""
    files, reasons = _mixed_batch(tmp_path / "lib")
    out = tmp_path / "out"
    _write(out / "results" / "notes.json", '{"x": 1}')  # a stray file of the user
    _write(out / "results" / ".base.json.abc123.tmp", "{")  # left by a killed run
    summary = run_batch(files, out, workers=1, engine=report_engine, shared_fingerprint="v1")
    assert len(summary.done) == 7 and len(summary.failed) == 6
    for reason in reasons:
        assert any(reason in message for message in summary.failed.values()), reason
    assert all("\n" not in message for message in summary.failed.values())
    results, errors = load_results(out)
    assert sorted(r["name"] for r in results) == sorted(
        ["base", LONG_NAME, "diesel.error", "baseline", "baseline", "s", "s"]
    )
    paths = write_report(out, results, errors)
    assert paths["html"] is not None and paths["html"].is_file()
    with (out / "kpis.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 13
    assert "'=cmd" in {r["scenario"] for r in rows}  # never a live formula
    stored = list((out / "results").iterdir())
    assert not [p for p in stored if p.name.endswith(".tmp")]
    assert all(len(p.name) < 200 for p in stored)
    modes = {stat.S_IMODE(p.stat().st_mode) for p in stored if p.name != "notes.json"}
    assert modes == {0o644}
    assert (out / "results" / "diesel.error.json").is_file()  # the failure of 'diesel'
    assert json.loads((out / "results" / "diesel.error.json").read_text())["status"] == "failed"


@pytest.mark.slow  # starts a Dask cluster
def test_same_named_baselines_compare_within_their_folder(tmp_path: Path) -> None:
    """Two folders each with baseline.toml and s.toml: each s compares with its own baseline."""
    from scenarios.batch.report import comparisons_for, write_kpis_csv

    files, _ = _mixed_batch(tmp_path / "lib")
    out = tmp_path / "out"
    run_batch(files[3:7], out, workers=1, engine=report_engine, shared_fingerprint="v1")
    results, _ = load_results(out)
    comparisons = comparisons_for(results)
    assert [(c.scenario, c.baseline) for c in comparisons] == [("s", "baseline")] * 2
    by_path = {r["path"]: r for r in results}
    for result in results:
        if result["name"] == "s":
            assert Path(by_path[result["compare_to"]]["path"]).parent == Path(result["path"]).parent
    # kpis.csv gives each 's' the saving against its own baseline, matched by file, not by name
    # (distinct savings are set by hand: the cheap engine gives both the same numbers)
    marked = [replace(c, annual_saving_lak=float(i + 1)) for i, c in enumerate(comparisons)]
    savings = {c.scenario_path: c.annual_saving_lak for c in marked}
    kpis = write_kpis_csv(tmp_path / "k.csv", results, (), marked)
    s_rows = [row for row in csv.DictReader(kpis.open()) if row["scenario"] == "s"]
    s_paths = [r["path"] for r in results if r["name"] == "s"]
    assert [float(row["annual_saving_lak"]) for row in s_rows] == [savings[p] for p in s_paths]


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("baseline", True),
        ("diesel.error", False),
        ("x.json", False),
        ("x.tmp", False),
        (".hidden", False),
        ("a" * 121, False),
        ("con", False),
        ("=cmd", False),
        ("a/b", False),
        ("ü", False),
    ],
)
def test_safe_stem_keeps_safe_names_and_hashes_the_rest(name: str, kept: bool) -> None:
    """A safe name is its own stem; any other is cleaned, capped and never ends reserved."""
    stem = safe_stem(name)
    assert (stem == name) is kept
    assert len(stem) <= 120 and "/" not in stem
    assert not stem.endswith((".error", ".json", ".tmp")) and not stem.startswith(".")


def test_safe_stems_of_different_names_differ() -> None:
    """Names that clean to the same text still get different files."""
    assert safe_stem("a/b") != safe_stem("a\\b") != safe_stem("a_b")
    assert safe_stem("a" * 300) != safe_stem("a" * 301)


@pytest.mark.parametrize(
    ("cell", "safe"),
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-cmd", "'-cmd"), ("@x", "'@x"), ("ok", "ok"), (-5, -5)],
)
def test_spreadsheet_cells_never_start_a_formula(cell: object, safe: object) -> None:
    """Text starting with = + - @ is quoted; numbers are left alone."""
    assert spreadsheet_safe(cell) == safe
