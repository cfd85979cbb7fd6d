"""The import rules of docs/architecture.md, checked on the source text."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("networks", "optimizer", "scenarios")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize(
    ("package", "forbidden"), [("networks", "optimizer"), ("optimizer", "networks")]
)
def test_networks_and_optimizer_never_import_each_other(package: str, forbidden: str) -> None:
    """networks and optimizer are independent; only scenarios joins them."""
    offenders = [p.name for p in _modules(package) if {forbidden, "scenarios"} & _imports(p)]
    assert offenders == []


@pytest.mark.parametrize(
    ("engine", "allowed"),
    [("ortools", "optimizer/_ortools/"), ("pyvrp", "optimizer/_pyvrp.py")],
)
def test_one_private_adapter_per_engine(engine: str, allowed: str) -> None:
    """Only one private adapter (module or private subpackage) imports each solver engine."""
    users = {
        p.relative_to(ROOT).as_posix()
        for package in PACKAGES
        for p in _modules(package)
        if engine in _imports(p)
    }
    assert all(u.startswith(allowed) for u in users), users


def test_app_is_a_frame_over_scenarios() -> None:
    """app.py never reaches into networks or optimizer directly."""
    app = ROOT / "app.py"
    if not app.exists():
        pytest.skip("app.py not written yet")
    assert not {"networks", "optimizer"} & _imports(app)


def test_no_print_in_library_code() -> None:
    """Packages log and return objects; only the CLI modules render."""
    offenders = []
    for package in PACKAGES:
        for path in _modules(package):
            if "cli" in path.relative_to(ROOT).parts or path.name == "__main__.py":
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print":
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
