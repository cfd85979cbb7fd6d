"""Rewrite tests/data/app_compare_results.json: `python -m tests.data.make_app_compare_results`.

Runs the real pipeline on the wet-season baseline and the paving scenario of tests/test_app.py
(about 20 s each) and keeps what the Compare page needs, trimmed to stay small: every trunk
flow, 5 collection flows, coordinates rounded to 5 decimals. Rerun it when the result's shape
changes.
"""

from __future__ import annotations

import json
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

OUT = Path(__file__).with_name("app_compare_results.json")


def _trimmed(result: dict[str, Any]) -> dict[str, Any]:
    collection = [f for f in result["flows"] if f["kind"] == "collection"][:5]
    trunk = [f for f in result["flows"] if f["kind"] == "trunk"]
    for flow in collection + trunk:
        flow["coords"] = [[round(x, 5), round(y, 5)] for x, y in flow["coords"]]
    return {**result, "flows": collection + trunk}


def main() -> None:
    """Run both scenarios and write the trimmed results with their provenance."""
    from scenarios import views
    from scenarios.run import run_scenario_json
    from tests.test_app import WET_PAVING_TOML

    spec = views.load_scenario_file(views.stage_scenario_upload(WET_PAVING_TOML))
    base = views.load_scenario_file(views.baseline_file(spec))
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    doc = {
        "about": (
            "Scenario results of `run_scenario_json` for the wet-season baseline and the test "
            "paving scenario of tests/test_app.py (WET_PAVING_TOML), computed on "
            f"{datetime.now(UTC):%Y-%m-%d} at commit {commit or 'unknown'} by "
            "tests/data/make_app_compare_results.py; trimmed to the trunk flows and 5 collection "
            "flows, coordinates rounded to 5 decimals. Canned input for the Compare page's "
            "AppTest, not a reference answer."
        ),
        "results": {s.name: _trimmed(run_scenario_json(s)) for s in (base, spec)},
    }
    text = json.dumps(doc, indent=1, ensure_ascii=False)
    # one line per coordinate list keeps the file short and its diffs readable
    text = re.sub(r"\[\s+(-?[\d.]+),\s+(-?[\d.]+)\s+\]", r"[\1,\2]", text)
    text = re.sub(
        r'"coords": \[\s*((?:\[[^\]]*\],?\s*)+)\]',
        lambda m: '"coords": [' + re.sub(r"\s+", "", m.group(1)) + "]",
        text,
    )
    OUT.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
