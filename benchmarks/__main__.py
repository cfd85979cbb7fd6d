"""Run every benchmark module (`make bench`), or the ones named: `python -m benchmarks vrp`.

Each ``benchmarks/bench_<area>.py`` has a ``main() -> None`` that prints its own table.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time

import benchmarks


def main(argv: list[str]) -> int:
    names = sorted(
        m.name.removeprefix("bench_")
        for m in pkgutil.iter_modules(benchmarks.__path__)
        if m.name.startswith("bench_")
    )
    chosen = argv or names
    unknown = sorted(set(chosen) - set(names))
    if unknown:
        print(f"unknown benchmark(s) {unknown}; choose from: {', '.join(names)}", file=sys.stderr)
        return 2
    for name in chosen:
        print(f"\n=== bench {name} ===", flush=True)
        start = time.perf_counter()
        importlib.import_module(f"benchmarks.bench_{name}").main()
        print(f"(bench {name}: {time.perf_counter() - start:.1f} s wall)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
