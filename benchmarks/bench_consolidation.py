"""Full-region consolidation: solve time per season, model size, landed cost, engines compared.

Run with ``python -m benchmarks consolidation`` (``make bench`` runs all benchmarks).
"""

from __future__ import annotations

import time

from optimizer import ConsolidationSolveParams, solve_consolidation
from scenarios.consolidate.pipeline import ConsolidateOptions, load_inputs, run_consolidation


def main() -> None:
    """Print one row per season (and the CP-SAT engine on the dry problem) with ratios."""
    inputs = load_inputs()
    print(
        f"{len(inputs.villages)} villages, {len(inputs.hubs)} candidate hubs, "
        f"{len(inputs.gateways)} gateways, {len(inputs.corridors)} corridors"
    )
    header = (
        f"{'season':<6} {'engine':<6} {'status':<8} {'vars':>6} {'solve s':>8} {'total s':>8} "
        f"{'LAK/t':>10} {'US$/t':>7} {'trunk LAK/tkm 2018':>19} {'open hubs'}"
    )
    print(header)
    rows = {}
    for season in ("dry", "wet", "year"):
        start = time.perf_counter()
        run = run_consolidation(inputs, ConsolidateOptions(season=season, explain=False))
        total_s = time.perf_counter() - start
        res = run.result
        per_t = res.cost_per_tonne_lak.total_lak
        rows[season] = (res.solve_time_s, per_t, run)
        print(
            f"{season:<6} {'mip':<6} {res.status:<8} {res.num_variables:>6} "
            f"{res.solve_time_s:>8.2f} {total_s:>8.2f} {per_t:>10,.0f} "
            f"{per_t / inputs.rates.lak_per_usd:>7.2f} "
            f"{run.fidelity.trunk_lak_per_tkm_2018_prices:>19.0f} {', '.join(res.open_hubs)}"
        )
    dry_run = rows["dry"][2]
    params = ConsolidationSolveParams(engine="cpsat", time_limit_s=30.0, single_sourcing=True)
    cp = solve_consolidation(dry_run.problem, params)
    cp_t = cp.cost_per_tonne_lak.total_lak
    print(
        f"{'dry':<6} {'cpsat':<6} {cp.status:<8} {cp.num_variables:>6} {cp.solve_time_s:>8.2f} "
        f"{'':>8} {cp_t:>10,.0f} {cp_t / inputs.rates.lak_per_usd:>7.2f} {'':>19} "
        f"{', '.join(cp.open_hubs)}"
    )
    print("ratios measured in this run:")
    print(f"  wet / dry cost per tonne: {rows['wet'][1] / rows['dry'][1]:.3f}")
    print(f"  year / dry cost per tonne: {rows['year'][1] / rows['dry'][1]:.3f}")
    print(f"  year / dry solve time: {rows['year'][0] / rows['dry'][0]:.2f}")
    print(f"  cpsat (single sourcing) / mip cost, dry: {cp_t / rows['dry'][1]:.4f}")
    print(f"  cpsat / mip solve time, dry: {cp.solve_time_s / rows['dry'][0]:.2f}")
    year = rows["year"][2]
    print("year breakdown, LAK per tonne green:")
    for part, value in year.result.cost_per_tonne_lak.as_dict().items():
        print(f"  {part:<15} {value:>10,.0f}")


if __name__ == "__main__":
    main()
