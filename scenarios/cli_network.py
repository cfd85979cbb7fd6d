"""`bolaven network ...`: inspect, route over, sample, export and download the road network."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import numpy as np
import typer

NETWORK_HELP = (
    "Road network file (.osm, .osm.pbf, .geojson or a .graphml from 'fetch'); "
    "default: $BOLAVEN_NETWORK, else the embedded 2014 OSM extract."
)
NETWORK_OPTION = typer.Option(None, "--network", help=NETWORK_HELP)
EXPORT_OUT = typer.Argument(..., help="Output file: OUT.gpkg or OUT.graphml.")
FETCH_OUT = typer.Option(Path("network.graphml"), "--out", help="Output .graphml file.")

app = typer.Typer(
    name="network",
    help="The road network: OSM main roads of Laos (2014), seasonal speeds, routes, matrices.",
    no_args_is_help=True,
)


def _load(network: Path | None) -> Any:
    from networks import load_network

    return load_network(network)


def _echo_json(payload: dict[str, Any]) -> None:
    typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))


@app.command()
def info(
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    network: Path | None = NETWORK_OPTION,
) -> None:
    """Nodes, edges, km by class and surface, repairs, data source and each place's snap."""
    from networks.summary import network_summary

    summary = network_summary(_load(network))
    if as_json:
        _echo_json(summary)
        return
    src = summary["source"]
    typer.echo(f"Data: {src['description']} (data date {src['data_date']}).")
    typer.echo(f"{src['attribution']}")
    typer.echo(
        f"Nodes {summary['nodes']}, edges {summary['edges']}, road km {summary['km_total']}, "
        f"strongly connected components {summary['strongly_connected_components']}, "
        f"added (patch) edges {summary['added_edges']}, connector edges "
        f"{summary['connector_edges']} (+{summary['place_connector_edges']} to snap the places)"
    )
    for title in ("km_by_highway", "km_by_surface", "km_by_surface_source"):
        parts = ", ".join(f"{k} {v}" for k, v in summary[title].items())
        typer.echo(f"{title.replace('_', ' ')}: {parts}")
    typer.echo("Repairs:")
    for line in summary["repairs"]:
        typer.echo(f"  - {line}")
    typer.echo("Places (straight-line distance to the nearest road):")
    for p in summary["places"]:
        note = "" if p["reachable"] else f"  UNREACHABLE: {p['reason']}"
        typer.echo(f"  {p['name']:<48} {p['kind']:<12} {p['snap_distance_km']:>8.2f} km{note}")


@app.command("route")
def route_cmd(
    origin: str = typer.Argument(..., help="Place name (case-insensitive) or 'lat,lon'."),
    destination: str = typer.Argument(..., help="Place name (case-insensitive) or 'lat,lon'."),
    season: str = typer.Option("dry", "--season", help="dry or wet."),
    vehicle: str = typer.Option(
        "medium_truck", "--vehicle", help="pickup_4x4, medium_truck or heavy_truck."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    network: Path | None = NETWORK_OPTION,
) -> None:
    """Fastest route between two places or points for a season and vehicle class."""
    from networks import route

    r = route(_load(network), origin, destination, season=season, vehicle=vehicle)
    payload: dict[str, Any] = {
        "origin": r.origin,
        "destination": r.destination,
        "distance_km": round(r.distance_m / 1000, 2),
        "duration_h": round(r.duration_s / 3600, 3),
        "refs": list(r.refs),
        "season": r.season.value,
        "vehicle": r.vehicle.value,
        "connector_km": [round(c / 1000, 3) for c in r.connector_m],
    }
    if r.cost_lak is not None:
        payload["cost_lak"] = round(r.cost_lak)
    if as_json:
        _echo_json(payload)
        return
    typer.echo(
        f"{r.origin} → {r.destination}: {payload['distance_km']} km, "
        f"{payload['duration_h']} h ({r.vehicle.value}, {r.season.value} season) "
        f"via {' - '.join(r.refs) or 'unnamed roads'}"
    )


@app.command()
def matrix(
    sample: int = typer.Option(100, "--sample", min=1, help="Number of random network points."),
    seed: int = typer.Option(0, "--seed", help="Random seed."),
    season: str = typer.Option("dry", "--season", help="dry or wet."),
    vehicle: str = typer.Option("medium_truck", "--vehicle", help="Vehicle class."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    network: Path | None = NETWORK_OPTION,
) -> None:
    """Time an N x N matrix between N random points on the network."""
    from networks import travel_matrix
    from networks.matrix import graph_arrays
    from networks.model import parse_season, parse_vehicle
    from networks.sampling import sample_nodes

    net, nodes = sample_nodes(_load(network), sample, seed=seed)
    start = time.perf_counter()
    graph_arrays(net, parse_season(season), parse_vehicle(vehicle))  # CSR built once, cached
    prepare = time.perf_counter() - start
    start = time.perf_counter()
    m = travel_matrix(net, nodes, season=season, vehicle=vehicle)
    seconds = time.perf_counter() - start
    finite = m.distance_m[np.isfinite(m.distance_m)]
    payload = {
        "n": len(nodes),
        "seconds": round(seconds, 4),
        "prepare_seconds": round(prepare, 4),
        "unreachable_pairs": m.unreachable_pairs,
        "season": m.season.value,
        "vehicle": m.vehicle.value,
        "mean_distance_km": round(float(finite.mean()) / 1000, 1) if finite.size else None,
    }
    if as_json:
        _echo_json(payload)
        return
    typer.echo(
        f"{payload['n']} x {payload['n']} matrix in {payload['seconds']} s "
        f"(+{payload['prepare_seconds']} s to build the CSR graph); "
        f"{payload['unreachable_pairs']} unreachable pairs"
    )


@app.command()
def export(
    out: Path = EXPORT_OUT,
    network: Path | None = NETWORK_OPTION,
) -> None:
    """Write edges, nodes and places for QGIS (GeoPackage layers or GraphML)."""
    from networks.export import export_network

    path = export_network(_load(network), out)
    typer.echo(f"wrote {path} (road data © OpenStreetMap contributors, ODbL)")


@app.command()
def fetch(
    bbox: str = typer.Option(..., "--bbox", help="W,S,E,N in degrees."),
    out: Path = FETCH_OUT,
) -> None:
    """Download main roads for a bounding box from Overpass (needs internet)."""
    from networks._overpass import fetch_bbox, parse_bbox, save_download

    box = parse_bbox(bbox)
    if out.suffix.lower() != ".graphml":
        msg = f"Expected --out to end in .graphml; got {out.name!r}"
        raise ValueError(msg)
    path = save_download(fetch_bbox(box), out)
    typer.echo(f"wrote {path}; use it with --network {path} or BOLAVEN_NETWORK={path}")


def register(root: typer.Typer) -> None:
    """Attach the ``network`` command group to the ``bolaven`` root."""
    root.add_typer(app, name="network")
