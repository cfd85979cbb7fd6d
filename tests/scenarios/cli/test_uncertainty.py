"""`bolaven scenarios uncertainty` prints the bands, p_saving, tornado and switching values."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scenarios.batch.uncertainty import run_uncertainty
from tests.scenarios.uncertainty.test_runner import ONLY, tiny_engine


def test_prints_a_stored_run_as_text_and_json(tmp_path: Path, cli: Callable[..., Any]) -> None:
    """A run stored by a cheap engine is read back (nothing re-solved): the text names the
    ranges and the central value, the JSON has the acceptance keys per scenario."""
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "base.toml").write_text("", encoding="utf-8")
    (lib / "flip.toml").write_text('extends = "base.toml"\n', encoding="utf-8")
    out = tmp_path / "out"
    run_uncertainty([lib / "flip.toml"], out, draws=3, seed=4, only=ONLY, engine=tiny_engine)
    args = ["scenarios", "uncertainty", lib / "flip.toml", "-n", "3", "--seed", "4", "-o", out]
    args += [a for p in ONLY for a in ("--only", p)]
    text = cli(*args)
    assert text.returncode == 0, text.stderr
    assert "flip: landed cost P5" in text.stdout and "at the central estimates" in text.stdout
    assert "switches: saving_lak_per_yr from negative to positive" in text.stdout
    assert "0 cases solved" in text.stdout
    progress = re.search(r"uncertainty\s+(\d+)/(\d+) cases", text.stderr)
    assert progress, text.stderr  # 2 x (1 + 3 + 2 x 2) cases, then the bisection steps
    assert int(progress[1]) == int(progress[2]) > 16
    printed = json.loads(cli(*args, "--json").stdout)
    flip = printed["flip"]
    assert set(flip["landed_cost_lak_per_t"]) == {"p5", "p50", "p95", "central"}
    assert set(flip["corridor_share"]) == {"a", "b"}
    assert flip["saving_lak_per_yr"]["p5"] <= flip["saving_lak_per_yr"]["p95"]
    assert 0.0 <= flip["p_saving"] <= 1.0
    assert len(flip["tornado"]) == 2 and flip["switching"]
