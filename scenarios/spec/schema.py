"""Scenario files: the TOML schema, parent inheritance and validation with clear messages.

A scenario file is readable by a policymaker and loads in one call::

    name = "vang_tao_half_wait"
    description = "Halve the waiting time at the Vang Tao - Chong Mek border."
    extends = "baseline.toml"          # optional parent, relative to this file

    [border.vang_tao]
    wait_h = 2.0
    estimate = true
    source = "estimate: half of the baseline waiting time in data/gateways.csv"

Inheritance: the parent is loaded first (recursively), then the child is laid over it.
Tables merge key by key, scalars and plain lists are replaced, and the change lists
(``road_upgrade``, ``new_link``, ``closure``) are appended to the parent's. ``name``,
``description`` and ``extends`` are never inherited.

Every change table accepts ``source`` (where the figure comes from) and ``estimate``
(true when the figure is not sourced).
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel, Field, ValidationError

from scenarios.common import ScenarioError, check_file, find_nonfinite, read_text
from scenarios.spec.changes import (
    Appraisal,
    BorderChange,
    Closure,
    CostChange,
    DemandChange,
    FleetChange,
    HubChanges,
    MarketChange,
    NewLink,
    RoadUpgrade,
    SeasonName,
    StrictTable,
)

__all__ = ["ScenarioSpec", "load_scenario", "scenario_fingerprint"]

_LIST_CHANGES = ("road_upgrade", "new_link", "closure")
_NOT_INHERITED = ("name", "description", "extends")


class ScenarioSpec(StrictTable):
    """A fully resolved scenario (parents already merged in)."""

    name: str = Field(pattern=r"^[A-Za-z0-9_.-]+$")
    description: str = ""
    path: str | None = Field(default=None, description="File the scenario was read from.")
    compare_to: str | None = Field(default=None, description="Comparator scenario file (relative).")
    seasons: tuple[SeasonName, ...] = ("dry", "wet")
    road_upgrade: tuple[RoadUpgrade, ...] = ()
    new_link: tuple[NewLink, ...] = ()
    closure: tuple[Closure, ...] = ()
    border: dict[str, BorderChange] = Field(default_factory=dict)
    costs: CostChange = Field(default_factory=CostChange)
    fleet: FleetChange = Field(default_factory=FleetChange)
    demand: DemandChange = Field(default_factory=DemandChange)
    hubs: HubChanges = Field(default_factory=HubChanges)
    markets: MarketChange = Field(default_factory=MarketChange)
    appraisal: Appraisal | None = None

    @property
    def has_network_changes(self) -> bool:
        """True when the road network differs from the embedded one."""
        return bool(self.road_upgrade or self.new_link or self.closure)


_FILE_KEYS = {"extends"}
#: Longest ``extends`` chain accepted (the library uses 2); deeper chains are a mistake.
MAX_EXTENDS_DEPTH = 32


def _valid_keys(loc: tuple[int | str, ...]) -> list[str]:
    owner = _owner_of(loc)
    if owner is None:
        return []
    keys = {f.alias or name for name, f in owner.model_fields.items()} - {"path"}
    if owner is ScenarioSpec:
        keys |= _FILE_KEYS
    return sorted(keys)


def _owner_of(loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """Model owning the last key of ``loc`` by walking field annotations."""
    owner: Any = ScenarioSpec
    for part in loc[:-1]:
        if isinstance(owner, type) and issubclass(owner, BaseModel) and isinstance(part, str):
            field = owner.model_fields.get(part)
            if field is not None:
                owner = _inner_model(field.annotation)
                continue
        # a list index or a dict key (e.g. the gateway name): stay on the element model
    return owner if isinstance(owner, type) and issubclass(owner, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _format_loc(loc: tuple[int | str, ...]) -> str:
    """``('border', 'vang_tao', 'wait_hour')`` → ``[border.vang_tao] 'wait_hour'``."""
    table = [str(p + 1) if isinstance(p, int) else p for p in loc[:-1]]
    key = loc[-1]
    where = f"[{'.'.join(table)}] " if table else ""
    return where + (f"item {key + 1}" if isinstance(key, int) else f"key {key!r}")


def _describe(error: Any, file_name: str) -> str:
    loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function")))
    if error["type"] == "extra_forbidden":
        valid = ", ".join(_valid_keys(loc))
        return (
            f"{file_name}: {_format_loc(loc).replace('key', 'unknown key', 1)}; valid keys: {valid}"
        )
    got = error.get("input")
    detail = error["msg"].removeprefix("Value error, ")
    if not loc:
        return f"{file_name}: {detail}"
    shown = "" if isinstance(got, dict) else f"; got {got!r}"
    return f"{file_name}: {_format_loc(loc)}: {detail}{shown}"


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        text = read_text(path, what="scenario")
    except (OSError, ValueError) as exc:
        raise ScenarioError(str(exc)) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = f"{path.name}: not valid TOML: {exc}"
        raise ScenarioError(msg) from None
    bad = find_nonfinite(data)
    if bad is not None:
        key = ".".join(bad)
        msg = f"{path.name}: key {key!r}: expected a finite number; got inf or nan"
        raise ScenarioError(msg)
    return data


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    merged = {k: v for k, v in parent.items() if k not in _NOT_INHERITED}
    for key, value in child.items():
        old = merged.get(key)
        if key in _LIST_CHANGES and isinstance(old, list) and isinstance(value, list):
            merged[key] = [*old, *value]
        elif isinstance(old, dict) and isinstance(value, dict):
            merged[key] = _merge_tables(old, value)
        else:
            merged[key] = value
    return merged


def _merge_tables(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    out = dict(old)
    for key, value in new.items():
        if isinstance(out.get(key), dict) and isinstance(value, dict):
            out[key] = _merge_tables(out[key], value)
        else:
            out[key] = value
    return out


def _raw_with_parents(path: Path, chain: tuple[Path, ...]) -> dict[str, Any]:
    resolved = path.resolve()
    if len(chain) >= MAX_EXTENDS_DEPTH:
        msg = (
            f"{chain[0].name}: 'extends' chain deeper than {MAX_EXTENDS_DEPTH} files "
            f"(stopped at {path.name}); flatten the chain"
        )
        raise ScenarioError(msg)
    if resolved in chain:
        names = " -> ".join(p.name for p in (*chain, resolved))
        msg = f"{path.name}: inheritance cycle: {names}"
        raise ScenarioError(msg)
    raw = _read_toml(resolved)
    parent = raw.get("extends")
    if parent is None:
        return raw
    if not isinstance(parent, str):
        msg = f"{path.name}: key 'extends': expected a file name (string); got {parent!r}"
        raise ScenarioError(msg)
    parent_path = resolved.parent / parent
    if not parent_path.is_file():
        msg = f"{path.name}: key 'extends': parent file {parent!r} not found in {resolved.parent}"
        raise ScenarioError(msg)
    return _merge(_raw_with_parents(parent_path, (*chain, resolved)), raw)


def _root_of_chain(path: Path) -> Path | None:
    """The first ancestor file of ``path``'s extends chain (None if it extends nothing)."""
    current = path.resolve()
    root: Path | None = None
    seen: set[Path] = set()
    while current not in seen and len(seen) <= MAX_EXTENDS_DEPTH:
        seen.add(current)
        parent = _read_toml(current).get("extends")
        if not isinstance(parent, str):
            break
        current = current.parent / parent
        root = current
    return root


def load_scenario(path: str | Path) -> ScenarioSpec:
    """Read, merge with its parents and validate one scenario file.

    Raises
    ------
    ScenarioError
        With the file name and key path: unknown keys (listing the valid ones), bad
        values (expected vs got), a missing parent or an inheritance cycle.
    """
    file = Path(path)
    raw = _raw_with_parents(file, ())
    check_file(file)  # an estimate without a range, or outside it, is a DataFileError
    raw.pop("extends", None)
    raw.setdefault("name", file.stem)
    raw["path"] = str(file.resolve())
    if "compare_to" in raw and isinstance(raw["compare_to"], str):
        raw["compare_to"] = str((file.resolve().parent / raw["compare_to"]).resolve())
    elif "compare_to" not in raw:
        root = _root_of_chain(file)
        raw["compare_to"] = str(root) if root is not None else None
    try:
        return ScenarioSpec.model_validate(raw)
    except ValidationError as exc:
        msg = "; ".join(_describe(err, file.name) for err in exc.errors())
        raise ScenarioError(msg) from None


def scenario_fingerprint(spec: ScenarioSpec) -> str:
    """A stable hash of the resolved scenario's content (not of its path)."""
    payload = spec.model_dump(mode="json", exclude={"path", "compare_to"})
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()
