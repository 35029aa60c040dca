"""The network store holds what it is given and refuses what was tampered with (issues 12, 14)."""

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from planner import network as nw
from planner.errors import NetworkError
from tests.conftest import shared_osm

# Every test here that takes `liech` shares one full import of Liechtenstein (4 s): all slow together.
slow = pytest.mark.slow


@pytest.fixture(scope="module")
def liech():
    return nw.import_osm(shared_osm("liechtenstein-2013-08-03.osm.pbf"), name="liech")


def _tamper(folder, key, fn):
    with np.load(folder / "network.npz", allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    arrays[key] = fn(arrays[key].copy())
    np.savez(folder / "network.npz", **arrays)


@slow
@pytest.mark.parametrize(
    "key, fn, expect",
    [
        (
            "edge_u",
            lambda a: np.where(np.arange(len(a)) == 0, -5, a).astype(a.dtype),
            "edge_u has node indices outside",
        ),
        (
            "edge_v",
            lambda a: np.where(np.arange(len(a)) == 3, 10**9, a).astype(a.dtype),
            "edge_v has node indices outside",
        ),
        ("edge_u", lambda a: a.astype(np.float64), "edge_u has dtype float64"),
        ("enode_ptr", lambda a: a[:-1], "enode_ptr has"),
        ("geom_ptr", lambda a: a[::-1].copy(), "geom_ptr"),
        ("edge_length", lambda a: -a, "edge_length must hold finite values above 0"),
        ("restr_via_ptr", lambda a: a + 7, "restr_via_ptr must run from 0"),
        ("node_x", lambda a: a.reshape(1, -1), "node_x has shape"),
    ],
)
def test_tampered_arrays_give_one_line(liech, tmp_path, key, fn, expect):
    folder = nw.save_network(liech, store=tmp_path)
    _tamper(folder, key, fn)
    with pytest.raises(NetworkError, match=expect) as err:
        nw.load_network("liech", store=tmp_path, verify=False)
    assert "\n" not in str(err.value) and "liech" in str(err.value)


@slow
@pytest.mark.parametrize(
    "field, value, expect",
    [
        ("counts", "x", "'counts' must map"),
        ("bbox", [1, 2], "'bbox' must be"),
        ("bbox", [200, 0, 210, 1], "'bbox' must be"),
        ("crs", "EPSG:99999", "'crs'"),
        ("crs", "EPSG:32633", "sha256"),  # valid form, but not what was hashed
        ("format", 1, "format 1"),
        ("sha256", "abc", "'sha256'"),
    ],
)
def test_meta_fields_validated_and_hashed(liech, tmp_path, field, value, expect, demo_net):
    import shutil

    shutil.copytree(demo_net.meta["path"], tmp_path / "neubrandenburg")  # the demo, not built again
    folder = nw.save_network(liech, store=tmp_path)
    meta = json.loads((folder / "meta.json").read_text())
    meta[field] = value
    (folder / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(NetworkError, match=expect):
        nw.load_network("liech", store=tmp_path)
    # listed as broken, the other entries still listed
    entries = {e["name"]: e for e in nw.list_networks(store=tmp_path)}
    if field != "crs" or value != "EPSG:32633":
        assert "error" in entries["liech"]
    assert "error" not in entries["neubrandenburg"]


def _cli(*args, env):
    return subprocess.run(
        [sys.executable, "-m", "planner.cli", "-q", *args], capture_output=True, text=True, env=dict(os.environ, **env)
    )


@slow
def test_store_environment_problems_one_line(tmp_path):
    afile = tmp_path / "afile"
    afile.write_text("x")
    r = _cli("data", "list", env={"EVACPLAN_DATA": str(afile)})
    assert r.returncode == 1 and "is a file, not a folder" in r.stderr and "Traceback" not in r.stderr
    src = str(shared_osm("liechtenstein-2013-08-03.osm.pbf"))
    for name, expect in (("x" * 250, "at most"), ("", "empty"), ("a/b", "no path separators"), ("..", "use letters")):
        r = _cli("data", "import", src, "--name", name, env={"EVACPLAN_DATA": str(tmp_path / "s")})
        assert r.returncode == 1 and expect in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr


@slow
def test_read_only_store_one_line(liech, tmp_path):
    store = tmp_path / "ro"
    store.mkdir()
    if os.geteuid() != 0:
        store.chmod(0o500)
        try:
            with pytest.raises(NetworkError, match="not writable"):
                nw.save_network(liech, store=store)
        finally:
            store.chmod(0o700)
        return
    # root writes into read-only folders, but not into a read-only file system
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(store)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"root writes into read-only folders and cannot mount a read-only tmpfs: {mounted.stderr!r}")
    try:
        with pytest.raises(NetworkError, match="not writable"):
            nw.save_network(liech, store=store)
    finally:
        subprocess.run(["umount", str(store)], check=True)


@slow
def test_reimport_over_symlinked_entry_leaves_no_hidden_folder(liech, tmp_path):
    store = tmp_path / "store"
    real = tmp_path / "elsewhere"
    nw.save_network(liech, store=real)
    store.mkdir()
    (store / "liech").symlink_to(real / "liech")
    nw.save_network(liech, store=store)
    assert [p.name for p in store.iterdir()] == ["liech"]
    assert (real / "liech" / "meta.json").is_file()  # the link's target was not deleted
    assert nw.load_network("liech", store=store).sha256 == liech.sha256


@slow
def test_places_and_street_names_stored(liech, tmp_path):
    nw.save_network(liech, store=tmp_path)
    back = nw.load_network("liech", store=tmp_path)
    names = {p.name for p in back.places}
    assert {"Vaduz", "Schaan", "Balzers"} <= names
    assert all(9.4 < p.lon < 9.7 and 47.0 < p.lat < 47.3 for p in back.places)
    assert (back.edge_name != "").mean() > 0.5
