"""`bolaven corridor ORIGIN PORT`: road to the border, the border and the onward leg to a port."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from scenarios.cli.network import NETWORK_OPTION, _load, _truck_profile

SEASON_OPTION = typer.Option("--season", help="dry or wet.")


def register(app: typer.Typer) -> None:
    """Add ``corridor`` to the ``bolaven`` root."""
    app.command("corridor")(corridor_command)


def _payload(found: list[Any], rates: Any, profile: Any) -> list[dict[str, Any]]:
    rows = []
    for r in found:
        road = r.road
        rows.append(
            {
                "corridor": r.corridor.id,
                "port": r.corridor.port,
                "border_post": r.gateway.name,
                "road": None
                if road is None
                else {
                    "to": road.destination,
                    "distance_km": round(road.distance_m / 1000, 1),
                    "duration_h": round(road.duration_s / 3600, 2),
                    "cost_usd": round(road.cost_lak / rates.lak_per_usd, 2),
                    "truck": profile.name,
                },
                "road_note": r.road_note,
                "border": {
                    "fee_usd_per_truck": r.gateway.fee_usd_per_truck,
                    "clearance_h": r.gateway.clearance_h,
                    "source": "data/gateways.csv",
                },
                "onward": {
                    "road_km": round(r.corridor.road_km, 1),
                    "km_min": r.corridor.km_min,
                    "km_max": r.corridor.km_max,
                    "usd_per_km": r.gateway.onward_usd_per_km,
                    "cost_usd": round(r.onward_cost_usd, 2),
                    "rule": r.corridor.km_rule,
                    "sources": list(r.onward_sources),
                    "table": r.onward_table,
                },
                "total_usd_per_truck": None
                if r.total_usd(rates.lak_per_usd) is None
                else round(r.total_usd(rates.lak_per_usd), 2),
            }
        )
    return rows


def _print(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        head = f"{row['corridor']}: to {row['port']} via {row['border_post']}"
        if row["road"] is None:
            typer.echo(f"{head}: not reachable by road ({row['road_note']})")
            continue
        road, border, onward = row["road"], row["border"], row["onward"]
        typer.echo(f"{head}: US$ {row['total_usd_per_truck']:,.2f} per truck")
        typer.echo(
            f"  road   {road['distance_km']} km, {road['duration_h']} h to {road['to']}: "
            f"US$ {road['cost_usd']:,.2f} ({road['truck']}, driving cost)"
        )
        typer.echo(
            f"  border fee US$ {border['fee_usd_per_truck']:,.0f}, clearance "
            f"{border['clearance_h']} h ({border['source']})"
        )
        spread = (
            f" (published {onward['km_min']:g}-{onward['km_max']:g})"
            if onward["km_min"] != onward["km_max"]
            else ""
        )
        typer.echo(
            f"  onward {onward['road_km']} km{spread} x US$ {onward['usd_per_km']}/km = US$ "
            f"{onward['cost_usd']:,.2f} ({onward['table']})"
        )
        for source in onward["sources"]:
            typer.echo(f"    source: {source}")


def corridor_command(
    origin: Annotated[str, typer.Argument(help="Place name or 'lat,lon' in southern Laos.")],
    port: Annotated[str, typer.Argument(help="Seaport, e.g. 'Da Nang' or 'Laem Chabang'.")],
    season: Annotated[str, SEASON_OPTION] = "dry",
    truck: Annotated[
        str | None, typer.Option("--truck", help="Vehicle type of data/vehicles.csv.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    network: Path | None = NETWORK_OPTION,
) -> None:
    """Road to each border post that serves PORT, the border, and the onward leg, as one answer.

    The road network ends at the border: the leg beyond is priced from the published road km
    of data/onward_legs.csv and the gateway's onward rate, as the consolidation model does.
    """
    from scenarios.common import load_cost_rates, make_edge_cost
    from scenarios.consolidate import port_routes

    profile = _truck_profile(None, truck)
    rates = load_cost_rates()
    found = port_routes(
        _load(network),
        origin,
        port,
        season=season,
        vehicle=profile.network_class,
        edge_cost=make_edge_cost(profile, rates),
        lak_per_usd=rates.lak_per_usd,
    )
    rows = _payload(found, rates, profile)
    if as_json:
        typer.echo(json.dumps({"origin": origin, "season": season, "corridors": rows}, indent=2))
        return
    _print(rows)
