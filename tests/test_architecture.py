"""The import rules of docs/architecture.md, checked on the source text (ast, no imports run)."""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("networks", "optimizer", "scenarios")
GRAPH_PACKAGES = (*PACKAGES, "app_pages")

#: Layers of the rooms inside scenarios/: a room imports only rooms of a LOWER layer.
#: spec (the TOML schema) needs only common, so it sits beside pickups and consolidate, below run.
ROOM_LAYERS = {
    "common": 0,
    "pickups": 1,
    "consolidate": 1,
    "spec": 1,
    "run": 2,
    "appraisal": 3,
    "uncertainty": 4,
    "batch": 5,
    "views": 6,
    "cli": 6,
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _project_modules() -> dict[str, Path]:
    modules = {
        _module_name(path): path
        for package in GRAPH_PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
    }
    modules["app"] = ROOT / "app.py"
    return modules


MODULES = _project_modules()


def _imported(node: ast.Import | ast.ImportFrom, importer: str) -> Iterator[str]:
    """Project modules an import names (``from a import b`` names ``a.b`` if that is a module)."""
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
        return
    base = node.module or ""
    if node.level:
        package = importer.split(".")
        if MODULES[importer].name != "__init__.py":
            package = package[:-1]
        package = package[: len(package) - node.level + 1]
        base = ".".join([*package, base] if base else package)
    for alias in node.names:
        candidate = f"{base}.{alias.name}"
        yield candidate if candidate in MODULES else base


def _edges(importer: str) -> set[str]:
    """Project modules imported anywhere in ``importer`` (top level, functions, TYPE_CHECKING)."""
    tree = ast.parse(MODULES[importer].read_text(encoding="utf-8"))
    targets = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            targets.update(t for t in _imported(node, importer) if t in MODULES)
    return targets - {importer}


GRAPH = nx.DiGraph([(m, t) for m in MODULES for t in _edges(m)])
GRAPH.add_nodes_from(MODULES)


def _top_imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def _room(module: str) -> str | None:
    """The scenarios room of a module (``scenarios.run.kpis`` -> ``run``), else None."""
    parts = module.split(".")
    return parts[1] if parts[0] == "scenarios" and len(parts) > 1 else None


def _owner(module: str) -> str:
    """The unit whose root other units must import: a scenarios room, else the top package."""
    room = _room(module)
    return f"scenarios.{room}" if room in ROOM_LAYERS else module.split(".", maxsplit=1)[0]


def _cycles() -> list[tuple[frozenset[str], list[str]]]:
    found = []
    for component in nx.strongly_connected_components(GRAPH):
        if len(component) > 1:
            cycle = [edge[0] for edge in nx.find_cycle(GRAPH.subgraph(component))]
            found.append((frozenset(component), cycle))
    return found


def test_import_graph_is_built_from_the_source() -> None:
    """The graph sees top-level, function-level and TYPE_CHECKING imports of every package."""
    assert {"networks", "optimizer", "scenarios.cli.root", "app_pages.common"} <= set(GRAPH)
    # a function-level import in scenarios/run/resolve.py
    assert GRAPH.has_edge("scenarios.run.resolve", "scenarios.pickups")
    assert GRAPH.has_edge("scenarios.consolidate.pipeline", "scenarios.consolidate.records")


def test_no_import_cycles() -> None:
    """No module imports itself through a chain of imports."""
    found = [" -> ".join([*cycle, cycle[0]]) for _, cycle in _cycles()]
    assert found == [], "import cycles:\n" + "\n".join(found)


def test_rooms_of_scenarios_import_only_lower_layers() -> None:
    """common -> pickups/consolidate/spec -> run -> appraisal -> batch -> views/cli; not upward."""
    assert {
        p.name
        for p in (ROOT / "scenarios").iterdir()
        if p.is_dir() and (p / "__init__.py").exists()
    } == set(ROOM_LAYERS)
    upward = []
    for module, target in GRAPH.edges:
        room, other = _room(module), _room(target)
        crosses = room in ROOM_LAYERS and other in ROOM_LAYERS and room != other
        if crosses and ROOM_LAYERS[other] >= ROOM_LAYERS[room]:
            upward.append(f"{module} -> {target}")
    assert upward == []


def test_no_modules_directly_under_scenarios() -> None:
    """scenarios/ holds rooms only: no module beside __init__.py and __main__.py."""
    loose = {p.name for p in (ROOT / "scenarios").glob("*.py")} - {"__init__.py", "__main__.py"}
    assert loose == set()


def test_other_units_import_a_package_or_room_only_through_its_root() -> None:
    """networks, optimizer and each scenarios room are imported via their __init__ from outside."""
    deep = []
    for module, target in GRAPH.edges:
        unit = _owner(target)
        if unit in {_owner(module), target}:
            continue
        if unit in (*PACKAGES, *(f"scenarios.{r}" for r in ROOM_LAYERS)):
            deep.append(f"{module} -> {target} (import it from {unit})")
    assert deep == []


@pytest.mark.parametrize(
    ("package", "forbidden"), [("networks", "optimizer"), ("optimizer", "networks")]
)
def test_networks_and_optimizer_never_import_each_other(package: str, forbidden: str) -> None:
    """networks and optimizer are independent; only scenarios joins them."""
    offenders = [p.name for p in _modules(package) if {forbidden, "scenarios"} & _top_imports(p)]
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
        if engine in _top_imports(p)
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


def _magic_strings(body: list[ast.stmt]) -> list[int]:
    """Lines of the bare strings Streamlit's "magic" would draw: outside functions and
    classes, in a script's body or its ``if``/``with``/``for``/``while``/``try`` blocks."""
    lines = []
    for node in body:
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            lines.append(node.lineno)
        elif not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            for field in ("body", "orelse", "finalbody", "handlers"):
                lines += _magic_strings(getattr(node, field, []))
    return lines


PAGE_SCRIPTS = [
    ROOT / "app.py",
    *(
        ROOT / "app_pages" / m
        for m in re.findall(r'PAGES / "(\w+\.py)"', (ROOT / "app.py").read_text(encoding="utf-8"))
    ),
]
"""The scripts Streamlit runs (app.py and its st.Page files), where magic draws bare values."""


@pytest.mark.parametrize("path", PAGE_SCRIPTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_page_scripts_hold_no_bare_string_but_their_docstring(path: Path) -> None:
    """A string statement in a page script (say a constant's docstring) is drawn on the page by
    Streamlit's magic; only the module docstring is exempt."""
    body = ast.parse(path.read_text(encoding="utf-8")).body
    assert _magic_strings(body[1:] if ast.get_docstring(ast.Module(body, [])) else body) == []


def test_magic_string_rule_finds_a_constant_docstring() -> None:
    """The rule sees the docstring after an assignment, also inside a ``with`` block."""
    code = 'x = 1\n"""x: a count."""\nwith a:\n    "drawn"\ndef f():\n    "not drawn"\n'
    assert _magic_strings(ast.parse(code).body) == [2, 4]


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
