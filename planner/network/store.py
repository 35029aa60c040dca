"""The network store: named road networks as ``.npz`` arrays plus JSON metadata.

Layout: ``<store>/<name>/network.npz`` and ``<store>/<name>/meta.json``. The
store is the user data directory (``platformdirs``), or ``$EVACPLAN_DATA``.
Entries are written into a temporary folder and renamed into place, so a
failed import leaves the store as it was. Loading never unpickles
(``allow_pickle=False``), validates every metadata field and every array
(:func:`planner.network.model.check_arrays`) and checks the content hash,
which covers the loaded metadata too.
"""

from __future__ import annotations

import errno
import json
import math
import os
import re
import shutil
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from planner.errors import NetworkError
from planner.network.build import import_osm, validate_name
from planner.network.model import ARRAY_FIELDS, STORE_FORMAT, RoadNetwork, check_arrays, content_hash
from planner.network.osm import ROAD_FILTERS
from planner.progress import null_progress
from planner.resources import resources_dir

DEMO_NAME = "neubrandenburg"
RESOURCES = resources_dir()  # resources/ of the source tree, or <prefix>/share/evacplan of a wheel install
_CRS = re.compile(r"^EPSG:(32[67](0[1-9]|[1-5][0-9]|60)|4326|3857)$")


def store_dir() -> Path:
    """The store folder: ``$EVACPLAN_DATA/networks`` or the user data directory's ``networks``."""
    env = os.environ.get("EVACPLAN_DATA")
    if env:
        base = Path(env).expanduser()
        if base.exists() and not base.is_dir():
            raise NetworkError(
                f"EVACPLAN_DATA={env} is a file, not a folder: point it at a folder for the network store"
            )
        return base / "networks"
    import platformdirs

    return Path(platformdirs.user_data_dir("evacplan", appauthor=False)) / "networks"


def _root(store) -> Path:
    root = Path(store) if store else store_dir()
    if root.exists() and not root.is_dir():
        raise NetworkError(f"{root}: the network store is a file, not a folder")
    return root


def bundled_osm_path() -> Path:
    """The bundled offline demo extract (Neubrandenburg, © OpenStreetMap contributors)."""
    return RESOURCES / "osm" / "neubrandenburg.osm.bz2"


def _os_error(root: Path, name: str, exc: OSError) -> NetworkError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return NetworkError(
            f"{root}: no space left on the device while saving network {name!r}; the store is unchanged"
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return NetworkError(
            f"{root}: the network store is not writable ({exc.strerror}); "
            f"set EVACPLAN_DATA to a folder you may write to"
        )
    return NetworkError(f"{root}: cannot save network {name!r} ({exc.strerror or exc})")


def save_network(net: RoadNetwork, store=None) -> Path:
    """Write a network into the store atomically, replacing an entry of the same name.

    Returns
    -------
    Path
        The entry's folder.

    Raises
    ------
    NetworkError
        The store is not writable, the disk is full (the store is left as it was).
    """
    validate_name(net.name)
    root = _root(store)
    try:
        root.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{net.name}-", dir=root))
    except OSError as exc:
        raise _os_error(root, net.name, exc) from None
    final = root / net.name
    old = root / f".old-{net.name}-{os.getpid()}"
    try:
        meta = dict(net.meta)
        meta.setdefault("created", datetime.now(UTC).isoformat(timespec="seconds"))
        with open(tmp / "network.npz", "wb") as f:
            np.savez(f, **net.arrays())
            f.flush()
            os.fsync(f.fileno())
        with open(tmp / "meta.json", "w", encoding="utf-8") as f:
            f.write(json.dumps(meta, indent=2, ensure_ascii=False))
            f.flush()
            os.fsync(f.fileno())
        moved = False
        if final.exists() or final.is_symlink():
            os.replace(final, old)
            moved = True
        try:
            os.replace(tmp, final)
        except OSError:
            if moved and not final.exists():
                os.replace(old, final)
            raise
        if moved:
            _remove(old)
        net.meta.update(created=meta["created"])
    except OSError as exc:
        raise _os_error(root, net.name, exc) from None
    finally:
        _remove(tmp)
        if old.is_symlink() or old.exists():
            if final.exists() or final.is_symlink():
                _remove(old)
    return final


def _remove(path: Path) -> None:
    """Remove a folder or a symbolic link (never what a link points to)."""
    if path.is_symlink():
        path.unlink(missing_ok=True)
    elif path.exists():
        shutil.rmtree(path, ignore_errors=True)


def _entry(name: str, store=None) -> Path:
    validate_name(name)
    return _root(store) / name


def _is_num(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def check_meta(meta, where: str) -> None:
    """Hold every field of a store entry's metadata to its type and range (one-line error naming the field)."""

    def bad(key, what):
        raise NetworkError(f"{where}: field {key!r} {what}; import the network again")

    if not isinstance(meta, dict):
        raise NetworkError(f"{where} is not evacplan network metadata")
    if meta.get("format") != STORE_FORMAT:
        fmt = meta.get("format", 1)
        raise NetworkError(
            f"{where}: stored in format {fmt!r} by another evacplan version "
            f"(this one reads format {STORE_FORMAT}); import the network again"
        )
    for key in ("name", "source", "licence", "crs", "road_filter", "sha256"):
        if not isinstance(meta.get(key), str):
            bad(key, "is missing or not text")
    if not re.fullmatch(r"[0-9a-f]{64}", meta["sha256"]):
        bad("sha256", "is not a sha256 hex digest")
    if not _CRS.match(meta["crs"]):
        bad("crs", f"is {meta['crs'][:40]!r}, not a UTM zone (EPSG:326NN/327NN)")
    if meta["road_filter"] not in ROAD_FILTERS:
        bad("road_filter", f"must be one of {', '.join(ROAD_FILTERS)}")
    bbox = meta.get("bbox")
    if not (
        isinstance(bbox, list)
        and len(bbox) == 4
        and all(_is_num(v) for v in bbox)
        and -180 <= bbox[0] <= bbox[2] <= 180
        and -90 <= bbox[1] <= bbox[3] <= 90
    ):
        bad("bbox", "must be [west, south, east, north] in degrees")
    for key in ("counts", "dropped"):
        value = meta.get(key)
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and _is_num(v) and v >= 0 for k, v in value.items()
        ):
            bad(key, "must map names to numbers of at least 0")
    for key in ("nodes", "edges"):
        if not isinstance(meta["counts"].get(key), int):
            bad("counts", f"has no whole number of {key}")
    if "created" in meta and not isinstance(meta["created"], str):
        bad("created", "is not text")


def _read_meta(folder: Path, name: str) -> dict:
    path = folder / "meta.json"
    try:
        text = path.read_text(encoding="utf-8")
        meta = json.loads(text)
    except FileNotFoundError:
        raise NetworkError(f"network {name!r}: store entry {folder} has no meta.json") from None
    except (ValueError, OSError) as exc:
        raise NetworkError(f"network {name!r}: {path} is unreadable ({exc})") from None
    if not isinstance(meta, dict) or "sha256" not in meta:
        raise NetworkError(f"network {name!r}: {path} is not evacplan network metadata")
    check_meta(meta, f"network {name!r}: {path}")
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
        Unknown name, missing, edited or damaged files, an older store format.
    """
    folder = _entry(name, store)
    if not folder.is_dir():
        if name == DEMO_NAME:
            return demo_network(store=store)
        known = [e["name"] for e in list_networks(store=store)]
        hint = f"; stored: {', '.join(known)}" if known else "; the store is empty"
        raise NetworkError(f"network {name!r} is not in the store ({folder.parent}){hint}")
    meta = _read_meta(folder, name)
    npz = folder / "network.npz"
    try:
        with np.load(npz, allow_pickle=False) as z:
            missing = [k for k in ARRAY_FIELDS if k not in z.files]
            if missing:
                raise NetworkError(
                    f"network {name!r}: {npz} has no array {missing[0]} (edited or damaged); import it again"
                )
            arrays = {k: z[k] for k in ARRAY_FIELDS}
    except FileNotFoundError:
        raise NetworkError(f"network {name!r}: {npz} is missing; import it again") from None
    except (OSError, ValueError, EOFError, KeyError, zipfile.BadZipFile) as exc:  # zipfile/np.lib.format errors
        raise NetworkError(f"network {name!r}: {npz} is damaged ({exc}); import it again") from None
    check_arrays(arrays, f"network {name!r}: {npz}")
    if verify and content_hash(arrays, meta) != meta["sha256"]:
        raise NetworkError(
            f"network {name!r}: {npz} or its meta.json does not match its recorded sha256 "
            f"(edited or damaged); import it again"
        )
    meta["path"] = str(folder)
    return RoadNetwork(meta=meta, **arrays)


def list_networks(store=None, progress=null_progress) -> list[dict]:
    """Metadata of every stored network, sorted by name.

    The bundled demo network is built into the store on first use, so it is
    always listed (an old-format demo entry is rebuilt). An entry that cannot
    be read is listed with an ``error`` and does not stop the others.
    """
    root = _root(store)
    demo_error = None
    try:
        if not _demo_ok(root):
            demo_network(store=store, progress=progress)
    except NetworkError as exc:
        demo_error = str(exc)
    out = []
    folders = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")) if root.is_dir() else []
    for folder in folders:
        try:
            meta = _read_meta(folder, folder.name)
        except NetworkError as exc:
            meta = {"name": folder.name, "error": str(exc)}
        meta["name"] = folder.name
        out.append(meta)
    if demo_error and not any(e["name"] == DEMO_NAME for e in out):
        out.append({"name": DEMO_NAME, "error": demo_error})
        out.sort(key=lambda e: e["name"])
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
    _remove(folder)


def _demo_ok(root: Path) -> bool:
    """Whether the demo entry exists in this version's format (else it is rebuilt)."""
    try:
        meta = json.loads((root / DEMO_NAME / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(meta, dict) and meta.get("format") == STORE_FORMAT


def demo_network(store=None, progress=null_progress) -> RoadNetwork:
    """The bundled Neubrandenburg network, imported into the store on first use (and after a format change)."""
    root = _root(store)
    if not _demo_ok(root):
        src = bundled_osm_path()
        if not src.is_file():
            raise NetworkError(f"the bundled demo extract {src} is missing from this installation")
        progress(0.0, f"building the offline demo network from {src.name} (once)")
        net = import_osm(src, name=DEMO_NAME, progress=progress)
        net.meta["source"] = f"bundled: resources/osm/{src.name} (Neubrandenburg, OSM data of 2016-02-10)"
        if not _demo_ok(root):  # another process may have built it meanwhile
            save_network(net, store)
    return load_network(DEMO_NAME, store=store)
