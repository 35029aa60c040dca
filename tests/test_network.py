"""Road network import, store and load, on the real extracts (design section 3)."""

import json
import subprocess
import sys

import networkx as nx
import numpy as np
import pytest

from planner import network as nw
from planner.errors import NetworkError
from tests.conftest import shared_osm

# Figures from tests/data/README.md (osmnx drive graph, simplified, strongly connected).
EXPECTED_NODES = {
    "neubrandenburg.osm.bz2": 3760,
    "monaco.osm.pbf": 1620,
    "liechtenstein-2013-08-03.osm.pbf": 1960,
}
TOLERANCE = 0.05  # 5 %: our bus filter keeps service roads a bus fits through


def _check_sound(net):
    assert net.n_nodes > 100 and net.n_edges > net.n_nodes
    assert np.all(net.edge_length > 0)
    assert np.all(net.edge_travel_time > 0)
    assert np.all(np.isfinite(net.node_x)) and np.all(np.isfinite(net.node_y))
    G = net.to_networkx()
    assert nx.is_strongly_connected(G)
    assert len(G) == net.n_nodes and G.number_of_edges() == net.n_edges
    # every edge's OSM node sequence starts at u and ends at v
    for i in range(0, net.n_edges, 97):
        seq = net.edge_osm_nodes(i)
        assert seq[0] == net.node_osmid[net.edge_u[i]] and seq[-1] == net.node_osmid[net.edge_v[i]]
        xy = net.edge_coords(i)
        assert np.allclose(xy[0], (net.node_x[net.edge_u[i]], net.node_y[net.edge_u[i]]), atol=1e-6)


@pytest.fixture(scope="module")
def imported():
    out = {}
    for fname in EXPECTED_NODES:
        out[fname] = nw.import_osm(shared_osm(fname))
    return out


@pytest.mark.parametrize("fname", sorted(EXPECTED_NODES))
def test_real_extract_counts_and_soundness(imported, fname):
    net = imported[fname]
    expected = EXPECTED_NODES[fname]
    assert abs(net.n_nodes - expected) <= TOLERANCE * expected, (fname, net.n_nodes)
    _check_sound(net)
    assert net.meta["licence"].startswith("© OpenStreetMap contributors")
    assert net.meta["crs"].startswith("EPSG:326")


def test_bundled_demo_is_default(demo_net):
    assert demo_net.name == "neubrandenburg"
    assert abs(demo_net.n_nodes - 3760) <= TOLERANCE * 3760
    _check_sound(demo_net)
    w, s, e, n = demo_net.meta["bbox"]
    assert 13.0 < w < e < 13.5 and 53.3 < s < n < 53.7


def test_drive_filter_has_no_service_roads():
    net = nw.import_osm(shared_osm("monaco.osm.pbf"), road_filter="drive")
    assert "service" not in set(net.edge_highway.tolist())
    bus = nw.import_osm(shared_osm("monaco.osm.pbf"), road_filter="bus")
    assert bus.n_nodes > net.n_nodes


def test_pbf_with_missing_nodes_is_trimmed_not_failed(imported):
    # the Monaco extract is cut at a box: ways run out of it
    net = imported["monaco.osm.pbf"]
    dropped = net.meta["dropped"]
    assert dropped["nodes"] > 0
    assert dropped["ways_trimmed"] + dropped["ways_dropped"] > 0


def test_store_round_trip_identical(imported, tmp_path):
    net = imported["monaco.osm.pbf"]
    nw.save_network(net, store=tmp_path)
    back = nw.load_network("monaco", store=tmp_path)
    for key, a in net.arrays().items():
        b = getattr(back, key)
        assert a.dtype == b.dtype and np.array_equal(a, b), key
    assert back.sha256 == net.sha256 == nw.content_hash(back.arrays(), back.meta)
    G1, G2 = net.to_networkx(), back.to_networkx()
    assert sorted(G1.nodes(data=True)) == sorted(G2.nodes(data=True))
    assert sorted(G1.edges(keys=True, data=True), key=str) == sorted(G2.edges(keys=True, data=True), key=str)
    # npz entries must not need pickle
    with np.load(tmp_path / "monaco" / "network.npz", allow_pickle=False) as z:
        assert set(z.files) == set(nw.ARRAY_FIELDS)


def test_clip_to_bbox_and_polygon(tmp_path):
    from shapely.geometry import box

    src = shared_osm("liechtenstein-2013-08-03.osm.pbf")
    bbox = (9.50, 47.12, 9.56, 47.18)  # Vaduz and Schaan
    net = nw.import_osm(src, name="vaduz", bbox=bbox)
    assert net.n_nodes > 50
    assert net.node_lon.min() >= bbox[0] and net.node_lon.max() <= bbox[2]
    assert net.node_lat.min() >= bbox[1] and net.node_lat.max() <= bbox[3]
    poly = tmp_path / "area.geojson"
    poly.write_text(json.dumps({"type": "Feature", "properties": {}, "geometry": box(*bbox).__geo_interface__}))
    net2 = nw.import_osm(src, name="vaduz2", polygon=nw.read_polygon(poly))
    assert net2.n_nodes == net.n_nodes


def _run(*args, env_store):
    import os

    env = dict(os.environ, EVACPLAN_DATA=str(env_store))
    return subprocess.run([sys.executable, "-m", "planner.cli", *args], capture_output=True, text=True, env=env)


BAD_INPUTS = {
    "empty.osm": (b"", "empty"),
    "truncated.osm.bz2": (None, "not a readable OpenStreetMap file"),
    "notes.osm": (b"this is not XML at all\n", "not a readable OpenStreetMap file"),
    "noroads.osm": (
        (
            b"<?xml version='1.0'?><osm version='0.6'><node id='1' lat='53.5' lon='13.2'/>"
            b"<node id='2' lat='53.6' lon='13.3'/><way id='5'><nd ref='1'/><nd ref='2'/>"
            b"<tag k='waterway' v='river'/></way></osm>"
        ),
        "no roads a bus can use",
    ),
    "random.osm.pbf": (bytes(range(256)) * 20, "not a readable OpenStreetMap file"),
}


@pytest.mark.parametrize("fname", sorted(BAD_INPUTS))
def test_bad_input_files_give_one_clear_message(tmp_path, fname):
    content, expected = BAD_INPUTS[fname]
    path = tmp_path / fname
    if content is None:
        # a valid start of a bzip2 stream, cut mid-way
        content = nw.bundled_osm_path().read_bytes()[:200_000]
    path.write_bytes(content)
    store = tmp_path / "store"
    r = _run("data", "import", str(path), "--name", "bad", env_store=store)
    assert r.returncode == 1, r.stderr
    last = r.stderr.strip().splitlines()[-1]
    assert last.startswith("evacplan: ") and fname in last and expected in last, last
    assert "Traceback" not in r.stderr
    # the failed import left the store as it was: no entry named "bad"
    assert not (store / "networks" / "bad").exists()


def test_bbox_without_roads_and_bad_bbox(tmp_path):
    src = shared_osm("monaco.osm.pbf")
    with pytest.raises(NetworkError, match="no roads a bus can use inside the given area"):
        nw.import_osm(src, bbox=(0.0, 0.0, 0.1, 0.1))
    with pytest.raises(NetworkError, match="W,S,E,N"):
        nw.parse_bbox("1,2,3")
    with pytest.raises(NetworkError, match="west < east"):
        nw.parse_bbox("3,2,1,4")


def test_missing_file_and_unknown_format(tmp_path):
    with pytest.raises(NetworkError, match="no such file"):
        nw.import_osm(tmp_path / "nothing.osm.pbf")
    with pytest.raises(NetworkError, match="is a folder"):
        nw.import_osm(tmp_path)
    other = tmp_path / "roads.shp"
    other.write_bytes(b"x")
    with pytest.raises(NetworkError, match="unknown format"):
        nw.import_osm(other)


def test_unknown_name_and_damaged_entries(imported, tmp_path):
    net = imported["liechtenstein-2013-08-03.osm.pbf"]
    with pytest.raises(NetworkError, match="'nowhere' is not in the store"):
        nw.load_network("nowhere", store=tmp_path)
    folder = nw.save_network(net, store=tmp_path)
    # edited: one travel time changed -> hash mismatch
    with np.load(folder / "network.npz", allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    arrays["edge_travel_time"] = arrays["edge_travel_time"].copy()
    arrays["edge_travel_time"][0] += 1.0
    np.savez(folder / "network.npz", **arrays)
    with pytest.raises(NetworkError, match="does not match its recorded sha256"):
        nw.load_network(net.name, store=tmp_path)
    # deleted arrays
    (folder / "network.npz").unlink()
    with pytest.raises(NetworkError, match=r"network\.npz is missing"):
        nw.load_network(net.name, store=tmp_path)
    # garbage metadata
    (folder / "meta.json").write_text("{not json")
    with pytest.raises(NetworkError, match=r"meta\.json is unreadable"):
        nw.load_network(net.name, store=tmp_path)


def test_graphml_import(imported, tmp_path):
    """An unsimplified osmnx graph saved as GraphML imports to the same network as the PBF."""
    import osmnx as ox

    src = shared_osm("monaco.osm.pbf")
    ways, coords, _ = nw.read_osm(src, "bus", None, lambda *a: None)
    G = nw.graph_from_ways(ways, coords)
    path = tmp_path / "monaco.graphml"
    ox.save_graphml(G, path)
    back = nw.import_osm(path, name="monaco-graphml")
    net = imported["monaco.osm.pbf"]
    assert back.n_nodes == net.n_nodes and back.n_edges == net.n_edges
    assert np.allclose(np.sort(back.edge_length), np.sort(net.edge_length))
    _check_sound(back)


def test_cli_list_import_info(tmp_path):
    store = tmp_path / "store"
    r = _run("--quiet", "data", "import", str(shared_osm("monaco.osm.pbf")), "--name", "monaco", env_store=store)
    assert r.returncode == 0, r.stderr
    assert "Imported monaco" in r.stdout
    r = _run("data", "info", "monaco", "--json", env_store=store)
    assert r.returncode == 0, r.stderr
    info = json.loads(r.stdout)
    assert info["counts"]["nodes"] > 1500 and info["sha256"]
    r = _run("--quiet", "data", "list", "--json", env_store=store)
    names = [e["name"] for e in json.loads(r.stdout)]
    assert names == ["monaco", "neubrandenburg"]  # the demo is always there
    r = _run("data", "info", "nowhere", env_store=store)
    assert r.returncode == 1 and "'nowhere' is not in the store" in r.stderr


def test_fetch_offline_message_and_unknown_preset(tmp_path):
    with pytest.raises(NetworkError, match="unknown preset"):
        nw.fetch("atlantis")
    if nw._network_reachable(timeout=3):
        pytest.skip("OpenStreetMap is reachable here: the offline message cannot be observed")
    r = _run("data", "fetch", "mariupol", env_store=tmp_path / "store")
    assert r.returncode == 1
    msg = r.stderr.strip().splitlines()
    assert len(msg) == 1 and "cannot reach OpenStreetMap" in msg[0] and "evacplan data import" in msg[0]


@pytest.mark.network
def test_fetch_mariupol_online(tmp_path):
    if not nw._network_reachable(timeout=3):
        pytest.skip("no network: OpenStreetMap is not reachable from this machine")
    net = nw.fetch("mariupol")
    assert net.n_nodes > 1000
    _check_sound(net)


def test_content_hash_is_reproducible_across_processes(tmp_path):
    """The same file gives the same sha256 whatever the interpreter's hash seed (plans record it)."""
    import os

    code = "from planner.network import import_osm; import sys; print(import_osm(sys.argv[1]).sha256)"
    hashes = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed, EVACPLAN_DATA=str(tmp_path))
        r = subprocess.run(
            [sys.executable, "-c", code, str(shared_osm("monaco.osm.pbf"))], capture_output=True, text=True, env=env
        )
        assert r.returncode == 0, r.stderr
        hashes.add(r.stdout.strip().splitlines()[-1])
    assert len(hashes) == 1
