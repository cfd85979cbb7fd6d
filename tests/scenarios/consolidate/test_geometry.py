"""Consolidation flow lines follow the roads on the embedded network; straight only as fallback."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest

import networks
from scenarios.common.costing import find_profile, load_cost_rates, load_vehicle_profiles
from scenarios.consolidate import (
    ConsolidateFiles,
    ConsolidateOptions,
    ConsolidationRun,
    load_inputs,
    run_consolidation,
)
from scenarios.consolidate.geometry import PathGeometry, RoadPaths
from scenarios.consolidate.outputs import write_outputs

# three real villages (ODM codes): Paksong town, Thateng, Lao Ngam; 100 t green each
SUPPLY = (
    "village_id,name,lon,lat,green_t,collected_state\n"
    "1604001,B. Vatlouang,106.2322,15.18218,100,parchment\n"
    "1504001,B. Ta teng nuea,106.379,15.42806,100,parchment\n"
    "1407001,B. Laongam,106.1678,15.46832,100,green\n"
)
HUBS = (
    "hub_id,name,place,lon,lat,capacity_t,fixed_cost_usd_per_yr,handling_usd_per_t,status\n"
    "paksong,Paksong,Paksong,,,1000,50000,15,candidate\n"
    "pakse,Pakse,Pakse,,,1000,50000,15,candidate\n"
)
UTM_48N = "EPSG:32648"


@pytest.fixture(scope="module")
def small_run(tmp_path_factory: pytest.TempPathFactory) -> ConsolidationRun:
    """A dry-season plan for 3 villages and 2 candidate hubs on the embedded network."""
    folder = tmp_path_factory.mktemp("geometry")
    (folder / "supply.csv").write_text(SUPPLY, encoding="utf-8")
    (folder / "hubs.csv").write_text(HUBS, encoding="utf-8")
    files = ConsolidateFiles(supply=folder / "supply.csv", hubs=folder / "hubs.csv")
    return run_consolidation(load_inputs(files), ConsolidateOptions(season="dry", explain=False))


@pytest.fixture(scope="module")
def layers(
    small_run: ConsolidationRun, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, gpd.GeoDataFrame]:
    """The flows.gpkg layers written by write_outputs, read back."""
    out = tmp_path_factory.mktemp("flows")
    write_outputs(small_run, out)
    names = ("village_to_hub", "hub_to_gateway", "hubs")
    return {name: gpd.read_file(out / "flows.gpkg", layer=name) for name in names}


def _index(run: ConsolidationRun) -> dict[str, int]:
    """Row/column of each village, hub and gateway id in the leg matrices."""
    inputs = run.inputs
    ids = (
        [v.id for v in inputs.villages],
        [h.id for h in inputs.hubs],
        [g.id for g in inputs.gateways],
    )
    return {key: i for group in ids for i, key in enumerate(group)}


def test_corridor_lines_follow_the_roads(
    small_run: ConsolidationRun, layers: dict[str, gpd.GeoDataFrame]
) -> None:
    """Hub → gateway lines are road paths: many vertices, length ≈ the priced route distance."""
    trunk = layers["hub_to_gateway"]
    assert len(trunk) > 0 and set(trunk["geometry_kind"]) == {"road"}
    assert max(len(g.coords) for g in trunk.geometry) > 2
    at = _index(small_run)
    legs = small_run.trunk["dry"]
    lengths_km = trunk.to_crs(UTM_48N).length / 1000
    for row, drawn_km in zip(trunk.itertuples(), lengths_km, strict=True):
        priced_km = legs.distance_km[at[str(row.hub)], at[str(row.gateway)]]
        assert row.road_km == pytest.approx(priced_km, abs=0.01)
        # vertices lie on the edges: drawn length ≈ network length (connectors are x1.3)
        assert drawn_km == pytest.approx(priced_km, rel=0.05)


def test_village_lines_follow_the_roads(
    small_run: ConsolidationRun, layers: dict[str, gpd.GeoDataFrame]
) -> None:
    """Village → hub lines are road paths whose road_km is the priced collection distance."""
    collect = layers["village_to_hub"]
    assert sorted(collect["village_id"].astype(str)) == ["1407001", "1504001", "1604001"]
    assert set(collect["geometry_kind"]) == {"road"}
    at = _index(small_run)
    legs = small_run.collection["dry"]
    for row in collect.itertuples():
        priced_km = legs.distance_km[at[str(row.village_id)], at[str(row.hub)]]
        assert row.road_km == pytest.approx(priced_km, rel=1e-3)
        assert len(row.geometry.coords) > 2


def test_both_tree_directions_give_the_same_path(small_run: ConsolidationRun) -> None:
    """A path grown from the origin equals the one grown towards the destination."""
    located = small_run.network
    paths = RoadPaths(located.net, "dry", small_run.trunk["dry"].profile, small_run.inputs.rates)
    a, b = located.hub_nodes[0], located.gateway_nodes[0]
    ends = ((0.0, 0.0), (1.0, 1.0))
    forward = paths.path(a, b, fallback=ends, tree_at="origin")
    backward = RoadPaths(
        located.net, "dry", small_run.trunk["dry"].profile, small_run.inputs.rates
    ).path(a, b, fallback=ends, tree_at="destination")
    assert forward.kind == backward.kind == "road"
    assert forward.distance_m == pytest.approx(backward.distance_m, rel=1e-9)
    assert paths.path(a, b, fallback=ends) is forward  # cached per (origin, destination)


def test_unreachable_pair_falls_back_to_a_straight_line() -> None:
    """No passable wet-season path for a 10-wheel → a 2-vertex straight line, no road km."""
    net = networks.load_network()
    pakse, remote = (15.1202, 105.7990), (15.05, 106.45)
    with pytest.raises(networks.UnreachableError):
        networks.route(net, pakse, remote, season="wet", vehicle="heavy_truck")
    snap = networks.snap_points(net, [pakse, remote])
    u, v = snap.nodes
    assert u is not None and v is not None
    truck = find_profile(load_vehicle_profiles(), "10-wheel")
    paths = RoadPaths(snap.network, "wet", truck, load_cost_rates())
    ends = ((pakse[1], pakse[0]), (remote[1], remote[0]))
    line = paths.path(u, v, fallback=ends)
    assert line.kind == "straight" and np.isnan(line.distance_m)
    assert line.coords.tolist() == [list(ends[0]), list(ends[1])]
    # heavy trucks never use a long village track; a 6-wheel does in the dry season
    six = find_profile(load_vehicle_profiles(), "6-wheel")
    dry = RoadPaths(snap.network, "dry", six, load_cost_rates()).path(u, v, fallback=ends)
    assert dry.kind == "road" and dry.distance_m > 0


@pytest.mark.parametrize(
    ("coords", "match"),
    [
        (np.zeros((1, 2)), r"got an array of shape \(1, 2\)"),
        (np.zeros((3, 3)), r"got an array of shape \(3, 3\)"),
        (np.zeros(4), r"got an array of shape \(4,\)"),
    ],
)
def test_path_geometry_rejects_bad_vertices(coords: np.ndarray, match: str) -> None:
    """A line needs at least two (lon, lat) vertices."""
    with pytest.raises(ValueError, match=match):
        PathGeometry(coords, 1.0, "road")
