"""The network store: named road networks as ``.npz`` arrays plus JSON metadata.

Layout: ``<store>/<name>/network.npz`` and ``<store>/<name>/meta.json``. The
store is the user data directory (``platformdirs``), or ``$EVACPLAN_DATA``.
Entries are written into a temporary folder and renamed into place, so a
failed import leaves the store as it was. Loading never unpickles
(``allow_pickle=False``) and checks the content hash.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from planner.errors import NetworkError
from planner.network import ARRAY_FIELDS, RoadNetwork, content_hash, import_osm, validate_name
from planner.progress import null_progress

DEMO_NAME = "neubrandenburg"
RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def store_dir() -> Path:
    """The store folder: ``$EVACPLAN_DATA`` or the user data directory."""
    env = os.environ.get("EVACPLAN_DATA")
    if env:
        return Path(env).expanduser() / "networks"
    import platformdirs

    return Path(platformdirs.user_data_dir("evacplan", appauthor=False)) / "networks"


def bundled_osm_path() -> Path:
    """The bundled offline demo extract (Neubrandenburg, © OpenStreetMap contributors)."""
    return RESOURCES / "osm" / "neubrandenburg.osm.bz2"


def save_network(net: RoadNetwork, store=None) -> Path:
    """Write a network into the store atomically, replacing an entry of the same name.

    Returns
    -------
    Path
        The entry's folder.
    """
    root = Path(store) if store else store_dir()
    validate_name(net.name)
    root.mkdir(parents=True, exist_ok=True)
    final = root / net.name
    tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{net.name}-", dir=root))
    try:
        meta = dict(net.meta)
        meta.setdefault("created", datetime.now(timezone.utc).isoformat(timespec="seconds"))
        with open(tmp / "network.npz", "wb") as f:
            np.savez(f, **net.arrays())
            f.flush()
            os.fsync(f.fileno())
        (tmp / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
        old = None
        if final.exists():
            old = root / f".old-{net.name}-{os.getpid()}"
            os.replace(final, old)
        try:
            os.replace(tmp, final)
        except OSError:
            if old is not None and not final.exists():
                os.replace(old, final)
            raise
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        net.meta.update(created=meta["created"])
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return final


def _entry(name: str, store=None) -> Path:
    root = Path(store) if store else store_dir()
    return root / name


def _read_meta(folder: Path, name: str) -> dict:
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise NetworkError(f"network {name!r}: store entry {folder} has no meta.json") from None
    except (ValueError, OSError) as exc:
        raise NetworkError(f"network {name!r}: {folder / 'meta.json'} is unreadable ({exc})") from None
    if not isinstance(meta, dict) or "sha256" not in meta:
        raise NetworkError(f"network {name!r}: {folder / 'meta.json'} is not evacplan network metadata")
    return meta


def load_network(name: str, store=None, *, verify=True) -> RoadNetwork:
    """Load a stored network by name.

    Parameters
    ----------
    name : str
        Store name (see ``evacplan data list``).
    verify : bool
        Recompute the content hash and refuse an entry that was edited.

    Raises
    ------
    NetworkError
        Unknown name, missing or edited files.
    """
    folder = _entry(name, store)
    if not folder.is_dir():
        if name == DEMO_NAME:
            return demo_network(store=store)
        known = [e["name"] for e in list_networks(store=store)]
        hint = f"; stored: {', '.join(known)}" if known else "; the store is empty"
        raise NetworkError(f"network {name!r} is not in the store ({folder.parent}){hint}")
    meta = _read_meta(folder, name)
    try:
        with np.load(folder / "network.npz", allow_pickle=False) as z:
            arrays = {k: z[k] for k in ARRAY_FIELDS}
    except FileNotFoundError:
        raise NetworkError(f"network {name!r}: {folder / 'network.npz'} is missing; import it again") from None
    except Exception as exc:
        raise NetworkError(f"network {name!r}: {folder / 'network.npz'} is damaged ({exc}); import it again") from None
    if verify and content_hash(arrays) != meta["sha256"]:
        raise NetworkError(
            f"network {name!r}: {folder / 'network.npz'} does not match its recorded sha256 "
            f"(edited or damaged); import it again"
        )
    meta["path"] = str(folder)
    return RoadNetwork(meta=meta, **arrays)


def list_networks(store=None, progress=null_progress) -> list[dict]:
    """Metadata of every stored network, sorted by name.

    The bundled demo network is built into the store on first use, so it is
    always listed.
    """
    root = Path(store) if store else store_dir()
    if not (root / DEMO_NAME).is_dir():
        demo_network(store=store, progress=progress)
    out = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        try:
            meta = _read_meta(folder, folder.name)
        except NetworkError as exc:
            meta = {"name": folder.name, "error": str(exc)}
        meta["name"] = folder.name
        out.append(meta)
    return out


def network_info(name: str, store=None, *, verify=True) -> dict:
    """Metadata of one stored network (with the hash checked when ``verify``)."""
    net = load_network(name, store=store, verify=verify)
    return dict(net.meta)


def remove_network(name: str, store=None) -> None:
    """Delete a stored network."""
    folder = _entry(name, store)
    if not folder.is_dir():
        raise NetworkError(f"network {name!r} is not in the store")
    shutil.rmtree(folder)


def demo_network(store=None, progress=null_progress) -> RoadNetwork:
    """The bundled Neubrandenburg network, imported into the store on first use."""
    folder = _entry(DEMO_NAME, store)
    if not folder.is_dir():
        src = bundled_osm_path()
        if not src.is_file():
            raise NetworkError(f"the bundled demo extract {src} is missing from this installation")
        progress(0.0, f"building the offline demo network from {src.name} (once)")
        net = import_osm(src, name=DEMO_NAME, progress=progress)
        net.meta["source"] = f"bundled: resources/osm/{src.name} (Neubrandenburg, OSM data of 2016-02-10)"
        if not folder.is_dir():  # another process may have built it meanwhile
            save_network(net, store)
    return load_network(DEMO_NAME, store=store)
