"""The stored form of a road network: :class:`RoadNetwork`, its arrays and their checks.

Everything a network holds is a flat numpy array (listed in :data:`ARRAY_FIELDS`
with its dtype) plus JSON metadata. :func:`check_arrays` holds every array of a
loaded network to its shape, dtype and range, because stored files may come
from someone else: a negative or out-of-range index must never reach scipy.
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass, field
from typing import NamedTuple

import networkx as nx
import numpy as np

from planner.errors import NetworkError

LICENCE = "© OpenStreetMap contributors, ODbL 1.0"

#: Version of the stored form; entries of another version are rebuilt (the demo) or refused.
STORE_FORMAT = 2

#: Access of a way for one vehicle class (``edge_access_bus``, ``edge_access_motor``).
ACCESS_YES, ACCESS_DESTINATION, ACCESS_NO = 0, 1, 2
#: Restriction kinds (``restr_kind``).
RESTRICT_NO, RESTRICT_ONLY = 0, 1
#: Vehicle classes a restriction applies to (``restr_applies`` bit mask).
APPLIES_BUS, APPLIES_MOTOR = 1, 2

# Array fields stored in the .npz, in the order they are hashed, with their dtype kind:
# i/u/f/b/U as numpy's ``dtype.kind`` (exact dtypes below).
ARRAY_DTYPES = {
    "node_osmid": np.int64,
    "node_x": np.float64,
    "node_y": np.float64,
    "node_lon": np.float64,
    "node_lat": np.float64,
    "edge_u": np.int32,
    "edge_v": np.int32,
    "edge_length": np.float64,
    "edge_travel_time": np.float64,
    "edge_speed_kph": np.float64,
    "edge_highway": "U",
    "edge_name": "U",
    "edge_ref": "U",
    "edge_osmid": np.int64,
    "edge_bridge": np.bool_,
    "edge_access_bus": np.uint8,
    "edge_access_motor": np.uint8,
    "edge_maxheight": np.float64,
    "edge_maxweight": np.float64,
    "edge_maxlength": np.float64,
    "enode_ptr": np.int64,
    "enode_osmid": np.int64,
    "eway_osmid": np.int64,
    "geom_ptr": np.int64,
    "geom_x": np.float64,
    "geom_y": np.float64,
    "restr_osmid": np.int64,
    "restr_value": "U",
    "restr_kind": np.int8,
    "restr_applies": np.uint8,
    "restr_from": np.int64,
    "restr_to": np.int64,
    "restr_via_way": np.bool_,
    "restr_via_ptr": np.int64,
    "restr_via": np.int64,
    "place_name": "U",
    "place_kind": "U",
    "place_lon": np.float64,
    "place_lat": np.float64,
}
ARRAY_FIELDS = tuple(ARRAY_DTYPES)

#: Metadata fields covered by the content hash (what loading and routing use;
#: name, source, created and path only describe the entry).
HASHED_META = ("format", "licence", "bbox", "crs", "road_filter", "counts", "dropped")


class Place(NamedTuple):
    """A named place of the extract (OSM node with ``place=*``): name, kind (city, village, ...), WGS84 degrees."""

    name: str
    kind: str
    lon: float
    lat: float


@dataclass(eq=False)
class RoadNetwork:
    """A projected, strongly connected road graph as flat arrays.

    Nodes are indexed ``0..n_nodes-1``; edges ``0..n_edges-1`` are directed
    (a two-way road is two edges). Coordinates ``*_x``/``*_y`` are metres in
    the network's UTM zone (``meta["crs"]``); ``*_lon``/``*_lat`` are WGS84
    degrees. Edge polylines are stored in CSR form: edge ``i`` runs through
    ``geom_x[geom_ptr[i]:geom_ptr[i+1]]``; the OSM node ids it drives through
    (``u`` to ``v`` inclusive) are ``enode_osmid[enode_ptr[i]:enode_ptr[i+1]]``
    and ``eway_osmid`` (same slices) the OSM way of the segment ending at each
    of them (the first repeats the second).

    Attributes
    ----------
    meta : dict
        name, source, licence, bbox ``[W, S, E, N]`` (degrees), crs, counts,
        dropped, road_filter, format, sha256, created.
    edge_length : ndarray
        Metres.
    edge_travel_time : ndarray
        Seconds at the osmnx free-flow speed (no vehicle cap applied).
    edge_speed_kph : ndarray
        km/h, from OSM ``maxspeed`` or imputed by osmnx per road class.
    edge_access_bus, edge_access_motor : ndarray of uint8
        :data:`ACCESS_YES`, :data:`ACCESS_DESTINATION` or :data:`ACCESS_NO`
        for buses (``bus``/``psv`` tags) and other motor vehicles (ambulances).
    edge_maxheight, edge_maxweight, edge_maxlength : ndarray
        The lowest limit on the edge (m, t, m); ``inf`` where none.
    restr_* : ndarray
        Turn restrictions as read from the OSM file (one row per relation and
        vehicle class): relation id, value (``no_left_turn``), kind, classes it
        applies to, from way, to way, and the via node or via ways (CSR).
    place_* : ndarray
        Named places (``place=*``): name, kind, lon, lat.
    """

    meta: dict
    node_osmid: np.ndarray
    node_x: np.ndarray
    node_y: np.ndarray
    node_lon: np.ndarray
    node_lat: np.ndarray
    edge_u: np.ndarray
    edge_v: np.ndarray
    edge_length: np.ndarray
    edge_travel_time: np.ndarray
    edge_speed_kph: np.ndarray
    edge_highway: np.ndarray
    edge_name: np.ndarray
    edge_ref: np.ndarray
    edge_osmid: np.ndarray
    edge_bridge: np.ndarray
    edge_access_bus: np.ndarray
    edge_access_motor: np.ndarray
    edge_maxheight: np.ndarray
    edge_maxweight: np.ndarray
    edge_maxlength: np.ndarray
    enode_ptr: np.ndarray
    enode_osmid: np.ndarray
    eway_osmid: np.ndarray
    geom_ptr: np.ndarray
    geom_x: np.ndarray
    geom_y: np.ndarray
    restr_osmid: np.ndarray
    restr_value: np.ndarray
    restr_kind: np.ndarray
    restr_applies: np.ndarray
    restr_from: np.ndarray
    restr_to: np.ndarray
    restr_via_way: np.ndarray
    restr_via_ptr: np.ndarray
    restr_via: np.ndarray
    place_name: np.ndarray
    place_kind: np.ndarray
    place_lon: np.ndarray
    place_lat: np.ndarray
    _cache: dict = field(default_factory=dict, repr=False)

    # ---- identity
    @property
    def name(self) -> str:
        return self.meta["name"]

    @property
    def sha256(self) -> str:
        return self.meta["sha256"]

    @property
    def crs(self) -> str:
        return self.meta["crs"]

    @property
    def n_nodes(self) -> int:
        return len(self.node_osmid)

    @property
    def n_edges(self) -> int:
        return len(self.edge_u)

    @property
    def places(self) -> list:
        """Named places of the extract as :class:`Place` tuples (for map labels)."""
        return [
            Place(*p)
            for p in zip(
                self.place_name.tolist(), self.place_kind.tolist(), self.place_lon.tolist(), self.place_lat.tolist()
            )
        ]

    def arrays(self) -> dict:
        """The stored arrays by name (no copies)."""
        return {k: getattr(self, k) for k in ARRAY_FIELDS}

    # ---- geometry
    def edge_osm_nodes(self, i: int) -> np.ndarray:
        """OSM node ids that edge ``i`` drives through, from ``u`` to ``v`` inclusive."""
        return self.enode_osmid[self.enode_ptr[i] : self.enode_ptr[i + 1]]

    def edge_osm_ways(self, i: int) -> np.ndarray:
        """OSM way id of each node of :meth:`edge_osm_nodes` (the way of the segment ending there)."""
        return self.eway_osmid[self.enode_ptr[i] : self.enode_ptr[i + 1]]

    def edge_coords(self, i: int) -> np.ndarray:
        """Projected ``(k, 2)`` polyline of edge ``i`` in metres, from ``u`` to ``v``."""
        s = slice(self.geom_ptr[i], self.geom_ptr[i + 1])
        return np.column_stack((self.geom_x[s], self.geom_y[s]))

    def _transformers(self):
        # pyproj transformers must not be shared between threads (the GUI
        # computes in workers), so each thread gets its own pair.
        local = self._cache.setdefault("tf", threading.local())
        pair = getattr(local, "pair", None)
        if pair is None:
            from pyproj import Transformer

            pair = local.pair = (
                Transformer.from_crs("EPSG:4326", self.crs, always_xy=True),
                Transformer.from_crs(self.crs, "EPSG:4326", always_xy=True),
            )
        return pair

    def to_projected(self, lon, lat):
        """WGS84 degrees to this network's projected metres (scalars or arrays)."""
        return self._transformers()[0].transform(lon, lat)

    def to_wgs84(self, x, y):
        """Projected metres to WGS84 ``(lon, lat)`` degrees (scalars or arrays)."""
        return self._transformers()[1].transform(x, y)

    def nearest_nodes(self, x, y):
        """Nearest node to projected points.

        Parameters
        ----------
        x, y : float or array_like
            Projected coordinates in metres.

        Returns
        -------
        idx, dist : int/ndarray, float/ndarray
            Node indices and straight-line distances in metres.
        """
        if "kdtree" not in self._cache:
            from scipy.spatial import cKDTree

            self._cache["kdtree"] = cKDTree(np.column_stack((self.node_x, self.node_y)))
        dist, idx = self._cache["kdtree"].query(np.column_stack((np.atleast_1d(x), np.atleast_1d(y))))
        if np.ndim(x) == 0:
            return int(idx[0]), float(dist[0])
        return idx, dist

    def to_networkx(self) -> nx.MultiDiGraph:
        """The network as an osmnx-style MultiDiGraph keyed by OSM node id.

        Nodes carry ``x``, ``y`` (projected metres), ``lon``, ``lat``; edges carry
        ``eid`` (edge index here), ``length`` (m), ``travel_time`` (s),
        ``speed_kph``, ``highway``, ``name``. Built on first use, then cached:
        treat it as read-only.
        """
        if "nx" not in self._cache:
            G = nx.MultiDiGraph(crs=self.crs, name=self.name)
            ids = self.node_osmid.tolist()
            G.add_nodes_from(
                (n, {"x": x, "y": y, "lon": lo, "lat": la})
                for n, x, y, lo, la in zip(
                    ids, self.node_x.tolist(), self.node_y.tolist(), self.node_lon.tolist(), self.node_lat.tolist()
                )
            )
            G.add_edges_from(
                (
                    ids[u],
                    ids[v],
                    {"eid": i, "length": ln, "travel_time": tt, "speed_kph": sp, "highway": hw, "name": nm},
                )
                for i, (u, v, ln, tt, sp, hw, nm) in enumerate(
                    zip(
                        self.edge_u.tolist(),
                        self.edge_v.tolist(),
                        self.edge_length.tolist(),
                        self.edge_travel_time.tolist(),
                        self.edge_speed_kph.tolist(),
                        self.edge_highway.tolist(),
                        self.edge_name.tolist(),
                    )
                )
            )
            self._cache["nx"] = G
        return self._cache["nx"]

    def node_index(self) -> dict:
        """Mapping OSM node id -> node index (cached)."""
        if "nidx" not in self._cache:
            self._cache["nidx"] = {n: i for i, n in enumerate(self.node_osmid.tolist())}
        return self._cache["nidx"]


def content_hash(arrays: dict, meta: dict | None = None) -> str:
    """sha256 over the network's arrays (names, dtypes, shapes and bytes) and its loaded metadata.

    Independent of the file container, so the same graph always hashes the
    same, wherever and whenever it was stored. ``meta``: the fields of
    :data:`HASHED_META` are hashed too (as canonical JSON).
    """
    h = hashlib.sha256()
    for key in ARRAY_FIELDS:
        a = np.ascontiguousarray(arrays[key])
        h.update(f"{key}:{a.dtype.str}:{a.shape}|".encode())
        h.update(a.tobytes())
    if meta is not None:
        sub = {k: meta.get(k) for k in HASHED_META}
        h.update(json.dumps(sub, sort_keys=True, ensure_ascii=True, separators=(",", ":")).encode())
    return h.hexdigest()


# --------------------------------------------------------------------------- checks on load


def _fail(where: str, key: str, what: str):
    raise NetworkError(f"{where}: array {key} {what} (edited or damaged); import it again")


def _check_ptr(where, key, ptr, n_rows, n_items, min_step):
    if ptr.shape != (n_rows + 1,):
        _fail(where, key, f"has {len(ptr)} entries, expected {n_rows + 1}")
    if n_rows + 1 and (ptr[0] != 0 or ptr[-1] != n_items):
        _fail(where, key, f"must run from 0 to {n_items}")
    if np.any(np.diff(ptr) < min_step):
        _fail(where, key, f"has a step below {min_step}")


def check_arrays(arrays: dict, where: str) -> None:
    """Hold every array of a network to its dtype, shape and range.

    Parameters
    ----------
    arrays : dict
        Name -> array, as loaded from a store entry.
    where : str
        The entry, for messages ("network 'monaco': /path/network.npz").

    Raises
    ------
    NetworkError
        One line naming the entry and the array that is wrong.
    """
    for key, want in ARRAY_DTYPES.items():
        if key not in arrays:
            _fail(where, key, "is missing")
        a = arrays[key]
        if want == "U":
            if a.dtype.kind != "U":
                _fail(where, key, f"has dtype {a.dtype}, expected text")
        elif a.dtype != np.dtype(want):
            _fail(where, key, f"has dtype {a.dtype}, expected {np.dtype(want)}")
        if a.ndim != 1:
            _fail(where, key, f"has shape {a.shape}, expected one dimension")
    n, m = len(arrays["node_osmid"]), len(arrays["edge_u"])
    r, p = len(arrays["restr_osmid"]), len(arrays["place_name"])
    groups = (("node_", n), ("edge_", m), ("restr_", r), ("place_", p))
    for key in ARRAY_FIELDS:
        for prefix, size in groups:
            if key.startswith(prefix) and key != "restr_via_ptr" and key != "restr_via" and len(arrays[key]) != size:
                _fail(where, key, f"has {len(arrays[key])} entries, expected {size}")
    if n < 2 or m < 1:
        _fail(where, "node_osmid", "holds no road graph")
    for key in ("edge_u", "edge_v"):
        a = arrays[key]
        if a.min() < 0 or a.max() >= n:
            _fail(where, key, f"has node indices outside 0..{n - 1}")
    for key in ("node_x", "node_y", "geom_x", "geom_y", "place_lon", "place_lat"):
        if not np.all(np.isfinite(arrays[key])):
            _fail(where, key, "has values that are not finite numbers")
    if (
        np.any(np.abs(arrays["node_lon"]) > 180)
        or np.any(np.abs(arrays["node_lat"]) > 90)
        or not np.all(np.isfinite(arrays["node_lon"]))
        or not np.all(np.isfinite(arrays["node_lat"]))
    ):
        _fail(where, "node_lon", "has coordinates outside -180..180 / -90..90 degrees")
    for key in ("edge_length", "edge_travel_time", "edge_speed_kph"):
        a = arrays[key]
        if not np.all(np.isfinite(a)) or np.any(a <= 0):
            _fail(where, key, "must hold finite values above 0")
    for key in ("edge_maxheight", "edge_maxweight", "edge_maxlength"):
        a = arrays[key]
        if np.any(np.isnan(a)) or np.any(a <= 0):
            _fail(where, key, "must hold values above 0 (inf: no limit)")
    for key in ("edge_access_bus", "edge_access_motor"):
        if np.any(arrays[key] > ACCESS_NO):
            _fail(where, key, f"has values above {ACCESS_NO}")
    _check_ptr(where, "enode_ptr", arrays["enode_ptr"], m, len(arrays["enode_osmid"]), 2)
    if len(arrays["eway_osmid"]) != len(arrays["enode_osmid"]):
        _fail(where, "eway_osmid", f"has {len(arrays['eway_osmid'])} entries, expected {len(arrays['enode_osmid'])}")
    _check_ptr(where, "geom_ptr", arrays["geom_ptr"], m, len(arrays["geom_x"]), 2)
    if len(arrays["geom_y"]) != len(arrays["geom_x"]):
        _fail(where, "geom_y", f"has {len(arrays['geom_y'])} entries, expected {len(arrays['geom_x'])}")
    _check_ptr(where, "restr_via_ptr", arrays["restr_via_ptr"], r, len(arrays["restr_via"]), 1)
    if r and (np.any(arrays["restr_kind"] > RESTRICT_ONLY) or np.any(arrays["restr_kind"] < 0)):
        _fail(where, "restr_kind", "has values other than 0 (no_*) and 1 (only_*)")
    if r and (np.any(arrays["restr_applies"] == 0) or np.any(arrays["restr_applies"] > 3)):
        _fail(where, "restr_applies", "has values outside 1..3")
