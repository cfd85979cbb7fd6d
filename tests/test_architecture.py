"""The import rules of docs/architecture.md, checked on the source text."""

from __future__ import annotations

import ast
import sys
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


APP_RENDERERS = {"streamlit", "pandas", "pydeck", "altair"}
"""Third-party packages the app may import to render; of the project only scenarios.views."""


def _app_modules() -> list[Path]:
    return [ROOT / "app.py", *sorted((ROOT / "app_pages").rglob("*.py"))]


def _imported_modules(path: Path) -> set[str]:
    """Full names of the modules a file imports (``from a import b`` counts as ``a.b``)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add("." * node.level + (node.module or ""))
    return names


def _app_import_allowed(name: str) -> bool:
    top, _, rest = name.partition(".")
    if top == "scenarios":  # only the facade's root: `from scenarios import views`, its names
        parts = rest.split(".")
        is_submodule = (ROOT / "scenarios" / "views" / f"{parts[-1]}.py").exists()
        return parts[0] == "views" and len(parts) <= 2 and not (len(parts) == 2 and is_submodule)
    return top in sys.stdlib_module_names or top in APP_RENDERERS | {"app_pages", "__future__"}


@pytest.mark.parametrize("path", _app_modules(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_app_is_a_frame_over_the_views_facade(path: Path) -> None:
    """app.py and app_pages import, of the project, only scenarios.views (through its root)."""
    offenders = sorted(n for n in _imported_modules(path) if not _app_import_allowed(n))
    assert offenders == []


def test_app_pages_is_a_package_without_path_tricks() -> None:
    """app_pages is a real package; nothing edits sys.path; no top-level module named i18n."""
    assert (ROOT / "app_pages" / "__init__.py").is_file()
    assert not (ROOT / "i18n.py").exists()
    for path in _app_modules():
        assert "sys.path" not in path.read_text(encoding="utf-8"), path.name


def test_app_import_rule_catches_reaching_past_the_facade() -> None:
    """The rule refuses networks, optimizer, other scenario rooms and the facade's submodules."""
    refused = ["networks", "optimizer.costs", "scenarios.run.kpis", "scenarios.views.palette"]
    allowed = ["scenarios.views", "scenarios.views.RGB", "streamlit", "json", "app_pages.maps"]
    assert [_app_import_allowed(n) for n in refused] == [False] * len(refused)
    assert [_app_import_allowed(n) for n in allowed] == [True] * len(allowed)


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
