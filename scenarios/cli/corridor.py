"""`bolaven corridor ORIGIN PORT`: the consolidation's price of one flow to a port and beyond."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from scenarios.cli.network import NETWORK_OPTION, _load

SEASON_OPTION = typer.Option("--season", help="dry or wet.")


def register(app: typer.Typer) -> None:
    """Add ``corridor`` to the ``bolaven`` root."""
    app.command("corridor")(corridor_command)


def _usd(lak: float, quote: Any) -> float:
    return round(lak / float(quote.lak_per_usd), 2)


def _ocean_rows(r: Any, quote: Any) -> list[dict[str, Any]]:
    port_lak = r.at_seaport_lak_per_t
    rows = []
    for o in r.ocean:
        landed = [] if port_lak is None else [port_lak + lak for lak in o.lak_per_t]
        rows.append(
            {
                "market": o.market,
                "route_id": o.route_id,
                "usd_per_teu": o.usd_per_teu[0],
                "usd_per_teu_low": o.usd_per_teu[1],
                "usd_per_teu_high": o.usd_per_teu[2],
                "lak_per_t": o.lak_per_t[0],
                "landed_at_destination_lak_per_t": landed[0] if landed else None,
                # central, low, high
                "landed_at_destination_usd_per_t": [_usd(v, quote) for v in landed] or None,
                "source": "data/ocean_freight.csv",
            }
        )
    return rows


def _payload(quote: Any) -> list[dict[str, Any]]:
    rows = []
    for r in quote.routes:
        price, port_lak = r.price, r.at_seaport_lak_per_t
        rows.append(
            {
                "corridor": r.corridor.id,
                "port": r.corridor.port,
                "border_post": r.gateway.name,
                "road": None
                if r.road_lak_per_t is None
                else {
                    "to": r.gateway.place,
                    "distance_km": round(r.road_km, 1),
                    "trip_h": round(r.road_trip_h, 2),
                    "truck": quote.vehicle,
                    "cost_lak_per_t": r.road_lak_per_t,
                    "cost_usd_per_t": _usd(r.road_lak_per_t, quote),
                },
                "road_note": r.road_note,
                "border": {
                    "fee_usd_per_truck": r.gateway.fee_usd_per_truck,
                    "clearance_h": r.gateway.clearance_h,
                    "expected_wait_h": round(r.gateway.expected_wait_h, 2),
                    "fee_lak_per_t": price.border_fee_lak_per_t,
                    "waiting_lak_per_t": price.border_waiting_lak_per_t,
                    "source": "data/gateways.csv",
                },
                "onward": {
                    "road_km": round(r.corridor.road_km, 1),
                    "km_min": r.corridor.km_min,
                    "km_max": r.corridor.km_max,
                    "usd_per_km": r.gateway.onward_usd_per_km,
                    "diesel_index": round(quote.onward_diesel_index, 4),
                    "cost_lak_per_t": price.onward_lak_per_t,
                    "cost_usd_per_t": _usd(price.onward_lak_per_t, quote),
                    "rule": r.corridor.km_rule,
                    "sources": list(r.onward_sources),
                    "table": r.onward_table,
                },
                "landed_at_seaport_lak_per_t": port_lak,
                "landed_at_seaport_usd_per_t": None if port_lak is None else _usd(port_lak, quote),
                "landed_at_seaport_usd_per_truck": None
                if port_lak is None
                else _usd(port_lak * quote.payload_t, quote),
                "ocean": _ocean_rows(r, quote),
            }
        )
    return rows


def _print_route(row: dict[str, Any], diesel: float) -> None:
    road, border, onward = row["road"], row["border"], row["onward"]
    typer.echo(
        f"  road   {road['distance_km']} km to {road['to']} ({road['trip_h']} h a trip, back "
        f"included): LAK {road['cost_lak_per_t']:,}/t (US$ {road['cost_usd_per_t']:,.2f})"
    )
    waiting, fee = border["waiting_lak_per_t"], border["fee_lak_per_t"]
    typer.echo(
        f"  border fee US$ {border['fee_usd_per_truck']:,.0f}/truck: LAK {fee:,}/t;"
        f" wait {border['expected_wait_h']} h (clearance {border['clearance_h']} h): "
        f"LAK {waiting:,}/t ({border['source']})"
    )
    spread = (
        f" (published {onward['km_min']:g}-{onward['km_max']:g})"
        if onward["km_min"] != onward["km_max"]
        else ""
    )
    typer.echo(
        f"  onward {onward['road_km']} km{spread} x US$ {onward['usd_per_km']}/km x diesel "
        f"{diesel:.2f}: LAK {onward['cost_lak_per_t']:,}/t (US$ {onward['cost_usd_per_t']:,.2f}; "
        f"{onward['table']})"
    )
    for source in onward["sources"]:
        typer.echo(f"    source: {source}")
    for o in row["ocean"]:
        usd, low, high = o["landed_at_destination_usd_per_t"]
        typer.echo(
            f"  ocean  to {o['market']}: US$ {o['usd_per_teu']:,.0f}/TEU "
            f"({o['usd_per_teu_low']:,.0f}-{o['usd_per_teu_high']:,.0f}): landed US$ "
            f"{usd:,.2f}/t at destination ({low:,.2f}-{high:,.2f}; {o['source']})"
        )


def _print(quote: Any, rows: list[dict[str, Any]]) -> None:
    typer.echo(
        f"From {quote.origin}, {quote.season} season, per tonne green coffee: what the exporter "
        f"pays ({quote.vehicle} trunk truck, {quote.payload_t:g} t a load; diesel LAK "
        f"{quote.diesel_lak_per_l:,.0f}/l, onward rates x{quote.onward_diesel_index:.2f}; "
        "the queue of other traffic at the border is not included)"
    )
    for row in rows:
        head = f"{row['corridor']}: to {row['port']} via {row['border_post']}"
        if row["road"] is None:
            typer.echo(f"{head}: not reachable by road ({row['road_note']})")
            continue
        typer.echo(
            f"{head}: US$ {row['landed_at_seaport_usd_per_t']:,.2f}/t at the seaport "
            f"(LAK {row['landed_at_seaport_lak_per_t']:,}/t; "
            f"US$ {row['landed_at_seaport_usd_per_truck']:,.2f} a truck)"
        )
        _print_route(row, quote.onward_diesel_index)


def corridor_command(
    origin: Annotated[str, typer.Argument(help="Place name or 'lat,lon' in southern Laos.")],
    port: Annotated[str, typer.Argument(help="Seaport, e.g. 'Da Nang' or 'Laem Chabang'.")],
    season: Annotated[str, SEASON_OPTION] = "dry",
    truck: Annotated[
        str | None, typer.Option("--truck", help="Trunk vehicle type of data/vehicles.csv.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    network: Path | None = NETWORK_OPTION,
) -> None:
    """Per corridor to PORT, per tonne green: road, border, onward leg, seaport and destination.

    Priced by the consolidation's own code (the trunk vehicle of consolidation_params.toml, or
    --truck): the road to the border post as a trunk trip, the border fee and expected wait,
    the onward leg from the published road km of data/onward_legs.csv at the gateway's rate
    indexed to diesel, and the ocean freight to each market (data/ocean_freight.csv, range).
    """
    from scenarios.consolidate import port_routes

    quote = port_routes(_load(network), origin, port, season=season, truck=truck)
    rows = _payload(quote)
    if as_json:
        basis = {
            "truck": quote.vehicle,
            "payload_t": quote.payload_t,
            "lak_per_usd": quote.lak_per_usd,
            "diesel_lak_per_l": quote.diesel_lak_per_l,
            "onward_diesel_index": round(quote.onward_diesel_index, 4),
            "view": "financial: what the exporter pays, per tonne green",
            "excluded": "the queue of other traffic at the border (depends on the volume)",
        }
        payload = {"origin": quote.origin, "season": season, "basis": basis, "corridors": rows}
        typer.echo(json.dumps(payload, indent=2))
        return
    _print(quote, rows)
