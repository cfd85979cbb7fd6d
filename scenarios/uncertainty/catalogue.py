"""Every ranged input of the data pack and the scenario library, in one list.

:func:`all_ranges` reads ``data/*.csv``, ``data/*.toml`` and ``scenarios/library/*.toml``
through :mod:`scenarios.common.ranges` (which validates them); :func:`ranges_table` renders
them as the Markdown table of the README, many rows of one rule (e.g. 778 village volumes)
folded into one line; :func:`write_readme_table` puts it between the README's markers.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from pathlib import Path

from scenarios.common import DATA_DIR, LIBRARY_DIR, REPO_ROOT, ParamRange, file_ranges

__all__ = [
    "BEGIN_MARK",
    "END_MARK",
    "all_ranges",
    "range_files",
    "ranges_table",
    "write_readme_table",
]

log = logging.getLogger(__name__)

BEGIN_MARK = "<!-- ranges-table:begin (generated: python -m scenarios.uncertainty.catalogue) -->"
END_MARK = "<!-- ranges-table:end -->"
_FOLD = 8  # more rows than this with one rule become one line


def range_files(data_dir: Path | None = None, library_dir: Path | None = None) -> list[Path]:
    """The data and scenario files whose estimates carry ranges, in a stable order."""
    data, library = data_dir or DATA_DIR, library_dir or LIBRARY_DIR
    return [
        *sorted(data.glob("*.csv")),
        *sorted(data.glob("*.toml")),
        *sorted(library.glob("*.toml")),
    ]


def all_ranges(
    data_dir: Path | None = None, library_dir: Path | None = None
) -> tuple[ParamRange, ...]:
    """Every validated range of the data pack and the library (scenario keys prefixed)."""
    out: list[ParamRange] = []
    library = (library_dir or LIBRARY_DIR).resolve()
    for path in range_files(data_dir, library_dir):
        ranges = file_ranges(path)
        if path.resolve().parent == library:
            ranges = tuple(_prefixed(r, "library") for r in ranges)
        out.extend(ranges)
    return tuple(out)


def _prefixed(item: ParamRange, prefix: str) -> ParamRange:
    from dataclasses import replace

    return replace(item, key=f"{prefix}.{item.key}")


def _num(x: float) -> str:
    return f"{x:,.4g}" if abs(x) < 1e4 else f"{x:,.0f}"


def _cell(text: str) -> str:
    return text.replace("|", "/").replace("\n", " ")


def _row(r: ParamRange) -> str:
    why = r.range_source if r.estimate else f"sourced: {r.source}; range: {r.range_source}"
    return (
        f"| `{r.key}` | {_num(r.value)} | {_num(r.low)} – {_num(r.high)} | {r.dist} "
        f"| {_cell(why)} |"
    )


def _folded(group: list[ParamRange]) -> str:
    first = group[0]
    stem, _, column = first.key.rpartition(".")
    stem = stem.split(".")[0]
    values = [r.value for r in group]
    ratios = sorted(
        {(round(r.low / r.value, 2), round(r.high / r.value, 2)) for r in group if r.value}
    )
    if len(ratios) == 1:
        span = f"x{ratios[0][0]:g} – x{ratios[0][1]:g} of each value"
    else:
        span = f"{_num(min(r.low for r in group))} – {_num(max(r.high for r in group))}"
    return (
        f"| `{stem}.*.{column}` ({len(group)} rows) | {_num(min(values))} – {_num(max(values))} "
        f"| {span} | {first.dist} | {_cell(first.range_source)} |"
    )


def ranges_table(ranges: tuple[ParamRange, ...] | None = None) -> str:
    """The Markdown table: parameter, central value, range, distribution, source or why."""
    ranges = all_ranges() if ranges is None else ranges
    groups: dict[tuple[str, str, str], list[ParamRange]] = defaultdict(list)
    for r in ranges:
        groups[r.file, r.key.rpartition(".")[2], r.range_source].append(r)
    lines = [
        "| parameter | value | range (low – high) | dist | why this range (or its source) |",
        "|---|---|---|---|---|",
    ]
    for r in ranges:
        group = groups[r.file, r.key.rpartition(".")[2], r.range_source]
        if len(group) > _FOLD:
            if group[0] is r:
                lines.append(_folded(group))
            continue
        lines.append(_row(r))
    return "\n".join(lines) + "\n"


def write_readme_table(readme: Path | None = None) -> bool:
    """Rewrite the table between the README's markers; True when the file changed."""
    path = readme or REPO_ROOT / "README.md"
    text = path.read_text(encoding="utf-8")
    if BEGIN_MARK not in text or END_MARK not in text:
        msg = f"{path.name}: expected the markers {BEGIN_MARK!r} and {END_MARK!r}"
        raise ValueError(msg)
    head, rest = text.split(BEGIN_MARK, 1)
    _, tail = rest.split(END_MARK, 1)
    new = f"{head}{BEGIN_MARK}\n{ranges_table()}{END_MARK}{tail}"
    if new != text:
        path.write_text(new, encoding="utf-8")
        log.info("wrote the ranges table to %s", path)
    return new != text


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    write_readme_table()
