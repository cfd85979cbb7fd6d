"""`bolaven network ...`: inspect, route over, sample, export and download the road network."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import numpy as np
import typer

from scenarios.cli.options import SeasonChoice, SeasonOpt
from scenarios.common import ScenarioError

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
    from networks import network_summary

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


#: The truck priced for each network class when ``--truck`` is not given: the first row of
#: ``data/vehicles.csv`` with that class (4x4-pickup, 6-wheel, 10-wheel).
DEFAULT_VEHICLE_CLASS = "medium_truck"


def _truck_profile(vehicle: str | None, truck: str | None) -> Any:
    """The vehicle profile to price the route with (its class is the network class used)."""
    from networks import parse_vehicle
    from scenarios.common import find_profile, load_vehicle_profiles

    profiles = load_vehicle_profiles()
    if truck is not None:
        profile = find_profile(profiles, truck)
        if vehicle is not None and parse_vehicle(vehicle).value != profile.network_class:
            msg = (
                f"--truck {truck!r} drives as {profile.network_class}; got --vehicle {vehicle!r}. "
                "Drop --vehicle or pick a truck of that class."
            )
            raise ScenarioError(msg)
        return profile
    cls = parse_vehicle(vehicle or DEFAULT_VEHICLE_CLASS).value
    return next(p for p in profiles if p.network_class == cls)


def _seaport_hint(exc: Exception, origin: str, destination: str) -> Exception:
    """The error, or, for a seaport beyond the border, where its leg is priced instead."""
    from scenarios.consolidate import find_ports, load_inputs

    corridors = load_inputs().corridors
    for end, other in ((destination, origin), (origin, destination)):
        try:
            ports = find_ports(end, corridors)
        except LookupError:
            continue
        msg = (
            f"{ports[0]} is a seaport beyond the border, outside the road network; seaport "
            "legs beyond the border are priced from the onward-leg table "
            f"(data/onward_legs.csv): try bolaven corridor {other!r} {end!r}"
        )
        return type(exc)(msg)
    return exc


@app.command("route")
def route_cmd(
    origin: str = typer.Argument(..., help="Place name (case-insensitive) or 'lat,lon'."),
    destination: str = typer.Argument(..., help="Place name (case-insensitive) or 'lat,lon'."),
    season: SeasonOpt = SeasonChoice.DRY,
    vehicle: str | None = typer.Option(
        None,
        "--vehicle",
        help="pickup_4x4, medium_truck or heavy_truck (default: the --truck's class, "
        "else medium_truck).",
    ),
    truck: str | None = typer.Option(
        None,
        "--truck",
        help="Vehicle type from data/vehicles.csv to price the route (default: the first of "
        "the class: 4x4-pickup, 6-wheel, 10-wheel).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    network: Path | None = NETWORK_OPTION,
) -> None:
    """Least-cost route between two places or points, with its driving cost (LAK and US$).

    The cost is what the pickup and consolidation planners minimise: fuel, maintenance and
    tyres per km at each road's roughness plus crew time; the fixed cost per vehicle-day is
    not included.
    """
    from networks import OutOfRegionError, UnknownPlaceError, route
    from optimizer import lak_to_usd
    from scenarios.common import load_cost_rates, make_edge_cost

    profile = _truck_profile(vehicle, truck)
    rates = load_cost_rates()
    try:
        r = route(
            _load(network),
            origin,
            destination,
            season=season.value,
            vehicle=profile.network_class,
            edge_cost=make_edge_cost(profile, rates),
        )
    except (OutOfRegionError, UnknownPlaceError) as exc:
        raise _seaport_hint(exc, origin, destination) from None
    assert r.cost_lak is not None  # an edge_cost was given
    payload: dict[str, Any] = {
        "origin": r.origin,
        "destination": r.destination,
        "distance_km": round(r.distance_m / 1000, 2),
        "duration_h": round(r.duration_s / 3600, 3),
        "refs": list(r.refs),
        "season": r.season.value,
        "vehicle": r.vehicle.value,
        "truck": profile.name,
        "cost_lak": round(r.cost_lak),
        "cost_usd": round(float(lak_to_usd(r.cost_lak, rates)), 2),
        "lak_per_usd": rates.lak_per_usd,
        "connector_km": [round(c / 1000, 3) for c in r.connector_m],
    }
    if as_json:
        _echo_json(payload)
        return
    typer.echo(
        f"{r.origin} → {r.destination}: {payload['distance_km']} km, "
        f"{payload['duration_h']} h ({r.vehicle.value}, {r.season.value} season) "
        f"via {' - '.join(r.refs) or 'unnamed roads'}"
    )
    typer.echo(
        f"Driving cost for a {profile.name}: LAK {payload['cost_lak']:,} "
        f"(US$ {payload['cost_usd']:,.2f} at {rates.lak_per_usd:,.0f} LAK/US$; "
        "fuel, maintenance, tyres, crew; no fixed cost per day)"
    )


@app.command()
def matrix(
    sample: int = typer.Option(100, "--sample", min=1, help="Number of random network points."),
    seed: int = typer.Option(0, "--seed", help="Random seed."),
    season: SeasonOpt = SeasonChoice.DRY,
    vehicle: str = typer.Option("medium_truck", "--vehicle", help="Vehicle class."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    network: Path | None = NETWORK_OPTION,
) -> None:
    """Time an N x N matrix between N random points on the network."""
    from networks import graph_arrays, parse_season, parse_vehicle, sample_nodes, travel_matrix

    net, nodes = sample_nodes(_load(network), sample, seed=seed)
    start = time.perf_counter()
    graph_arrays(net, parse_season(season.value), parse_vehicle(vehicle))  # CSR built once, cached
    prepare = time.perf_counter() - start
    start = time.perf_counter()
    m = travel_matrix(net, nodes, season=season.value, vehicle=vehicle)
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
    from networks import export_network

    path = export_network(_load(network), out)
    typer.echo(f"wrote {path} (road data © OpenStreetMap contributors, ODbL)")


@app.command()
def fetch(
    bbox: str = typer.Option(..., "--bbox", help="W,S,E,N in degrees."),
    out: Path = FETCH_OUT,
) -> None:
    """Download main roads for a bounding box from Overpass (needs internet)."""
    from networks import fetch_bbox, parse_bbox, save_download

    box = parse_bbox(bbox)
    if out.suffix.lower() != ".graphml":
        msg = f"Expected --out to end in .graphml; got {out.name!r}"
        raise ScenarioError(msg)
    path = save_download(fetch_bbox(box), out)
    typer.echo(f"wrote {path}; use it with --network {path} or BOLAVEN_NETWORK={path}")


def register(root: typer.Typer) -> None:
    """Attach the ``network`` command group to the ``bolaven`` root."""
    root.add_typer(app, name="network")
