"""Road networks: import OpenStreetMap data, clip, add travel times, store, load fast.

A :class:`RoadNetwork` is a directed, simplified, strongly connected road graph
held as flat numpy arrays (nodes, edges, edge polylines), projected to the
local UTM zone (metres). It is built once from an OSM file with pyosmium and
osmnx (``simplify_graph``, ``add_edge_speeds``, ``add_edge_travel_times``),
then kept in the network store as ``.npz`` arrays plus JSON metadata, never
as pickle, because stored files may come from someone else.

Design section 3 describes the rules; :mod:`planner.store` holds the store.
"""

from __future__ import annotations

import hashlib
import math
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import numpy as np

from planner.errors import Cancelled, NetworkError
from planner.progress import null_progress

LICENCE = "© OpenStreetMap contributors, ODbL 1.0"

# Roads a bus can use (design section 3).
BUS_HIGHWAYS = frozenset(
    """motorway motorway_link trunk trunk_link primary primary_link secondary secondary_link
    tertiary tertiary_link unclassified residential living_street road service""".split()
)
# osmnx's "drive" network type: the same without service roads.
DRIVE_HIGHWAYS = BUS_HIGHWAYS - {"service"}
# Service roads a bus does not fit through or may not use.
EXCLUDED_SERVICE = frozenset("alley driveway emergency_access parking parking_aisle private drive-through".split())
ROAD_FILTERS = ("bus", "drive", "all")

# Rank of a road class, used to pick one class for a simplified edge that
# merged several, and by the map to draw major roads on top.
HIGHWAY_RANK = {
    "motorway": 0, "trunk": 1, "primary": 2, "secondary": 3, "tertiary": 4,
    "motorway_link": 5, "trunk_link": 5, "primary_link": 6, "secondary_link": 6, "tertiary_link": 7,
    "unclassified": 8, "residential": 9, "living_street": 10, "road": 10, "service": 11,
}

ONEWAY_VALUES = {"yes", "true", "1", "-1", "reverse", "T", "F"}
REVERSED_VALUES = {"-1", "reverse", "T"}
_WAY_TAGS = ("highway", "name", "ref", "maxspeed", "oneway", "junction", "bridge", "tunnel", "service")

# Array fields stored in the .npz, in the order they are hashed.
ARRAY_FIELDS = (
    "node_osmid", "node_x", "node_y", "node_lon", "node_lat",
    "edge_u", "edge_v", "edge_length", "edge_travel_time", "edge_speed_kph",
    "edge_highway", "edge_name", "edge_ref", "edge_osmid", "edge_bridge",
    "enode_ptr", "enode_osmid", "geom_ptr", "geom_x", "geom_y",
)


# --------------------------------------------------------------------------- model


@dataclass(eq=False)
class RoadNetwork:
    """A projected, strongly connected road graph as flat arrays.

    Nodes are indexed ``0..n_nodes-1``; edges ``0..n_edges-1`` are directed
    (a two-way road is two edges). Coordinates ``*_x``/``*_y`` are metres in
    the network's UTM zone (``meta["crs"]``); ``*_lon``/``*_lat`` are WGS84
    degrees. Edge polylines are stored in CSR form: edge ``i`` runs through
    ``geom_x[geom_ptr[i]:geom_ptr[i+1]]``; the OSM node ids it drives through
    (``u`` to ``v`` inclusive) are ``enode_osmid[enode_ptr[i]:enode_ptr[i+1]]``.

    Attributes
    ----------
    meta : dict
        name, source, licence, bbox ``[W, S, E, N]`` (degrees), crs, counts,
        dropped, road_filter, sha256, created.
    edge_length : ndarray
        Metres.
    edge_travel_time : ndarray
        Seconds at the osmnx free-flow speed (no vehicle cap applied).
    edge_speed_kph : ndarray
        km/h, from OSM ``maxspeed`` or imputed by osmnx per road class.
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
    enode_ptr: np.ndarray
    enode_osmid: np.ndarray
    geom_ptr: np.ndarray
    geom_x: np.ndarray
    geom_y: np.ndarray
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

    def arrays(self) -> dict:
        """The stored arrays by name (no copies)."""
        return {k: getattr(self, k) for k in ARRAY_FIELDS}

    # ---- geometry
    def edge_osm_nodes(self, i: int) -> np.ndarray:
        """OSM node ids that edge ``i`` drives through, from ``u`` to ``v`` inclusive."""
        return self.enode_osmid[self.enode_ptr[i] : self.enode_ptr[i + 1]]

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
                (ids[u], ids[v], {"eid": i, "length": ln, "travel_time": tt, "speed_kph": sp, "highway": hw, "name": nm})
                for i, (u, v, ln, tt, sp, hw, nm) in enumerate(
                    zip(
                        self.edge_u.tolist(), self.edge_v.tolist(), self.edge_length.tolist(),
                        self.edge_travel_time.tolist(), self.edge_speed_kph.tolist(),
                        self.edge_highway.tolist(), self.edge_name.tolist(),
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


def content_hash(arrays: dict) -> str:
    """sha256 over the network's arrays (names, dtypes, shapes and bytes).

    Independent of the file container, so the same graph always hashes the
    same, wherever and whenever it was stored.
    """
    h = hashlib.sha256()
    for key in ARRAY_FIELDS:
        a = np.ascontiguousarray(arrays[key])
        h.update(f"{key}:{a.dtype.str}:{a.shape}|".encode())
        h.update(a.tobytes())
    return h.hexdigest()


# --------------------------------------------------------------------------- reading OSM


def _utm_crs(lon: float, lat: float) -> str:
    zone = int((lon + 180.0) // 6.0) % 60 + 1
    return f"EPSG:{32600 + zone if lat >= 0 else 32700 + zone}"


def _keep_way(tags, road_filter: str) -> bool:
    hw = tags.get("highway")
    if hw is None:
        return False
    if road_filter == "all":
        return True
    allowed = BUS_HIGHWAYS if road_filter == "bus" else DRIVE_HIGHWAYS
    if hw not in allowed or tags.get("area") == "yes":
        return False
    if tags.get("access") in ("private", "no") or tags.get("motor_vehicle") == "no" or tags.get("motorcar") == "no":
        return False
    if hw == "service" and tags.get("service") in EXCLUDED_SERVICE:
        return False
    return True


def _read_ways(path: Path, road_filter: str, inside, progress):
    """Read road ways from an OSM file with pyosmium.

    Ways are cut into runs of nodes that have a location in the file and lie
    inside the clip area (``inside(lon, lat) -> bool`` arrays); a way that
    references nodes missing from the extract is trimmed, not an error.

    Returns
    -------
    ways : list of (way_id, node_ids, tags)
    coords : dict node_id -> (lon, lat)
    stats : dict with counts of ways read, trimmed and dropped
    """
    import osmium

    ways, coords = [], {}
    stats = {"ways_read": 0, "ways_trimmed": 0, "ways_dropped": 0}

    class Handler(osmium.SimpleHandler):
        def way(self, w):
            if not _keep_way(w.tags, road_filter):
                return
            stats["ways_read"] += 1
            if stats["ways_read"] % 2000 == 0:
                progress(None, f"reading {path.name}: {stats['ways_read']} roads")
            ids, lons, lats = [], [], []
            for n in w.nodes:
                loc = n.location
                if loc.valid():
                    ids.append(n.ref)
                    lons.append(loc.lon)
                    lats.append(loc.lat)
                else:
                    ids.append(n.ref)
                    lons.append(math.nan)
                    lats.append(math.nan)
            lon = np.asarray(lons)
            lat = np.asarray(lats)
            ok = ~np.isnan(lon)
            if inside is not None and ok.any():
                ok[ok] = inside(lon[ok], lat[ok])
            tags = {k: w.tags.get(k) for k in _WAY_TAGS if k in w.tags}
            if ok.all():
                runs = [(0, len(ids))]
            else:
                stats["ways_trimmed"] += 1
                runs, start = [], None
                for i, good in enumerate(ok.tolist() + [False]):
                    if good and start is None:
                        start = i
                    elif not good and start is not None:
                        runs.append((start, i))
                        start = None
            kept = False
            for a, b in runs:
                if b - a >= 2:
                    kept = True
                    ways.append((w.id, ids[a:b], tags))
                    for j in range(a, b):
                        coords[ids[j]] = (lons[j], lats[j])
            if not kept:
                stats["ways_dropped"] += 1

    try:
        Handler().apply_file(str(path), locations=True, idx="flex_mem")
    except Cancelled:
        raise
    except Exception as exc:  # osmium raises RuntimeError/ValueError/... for broken input
        raise NetworkError(f"{path}: not a readable OpenStreetMap file ({exc})") from None
    return ways, coords, stats


def _graph_from_ways(ways, coords) -> nx.MultiDiGraph:
    """An osmnx-style unsimplified MultiDiGraph (lon/lat, EPSG:4326) from road ways."""
    import osmnx as ox

    G = nx.MultiDiGraph(crs="epsg:4326")
    G.add_nodes_from((n, {"x": xy[0], "y": xy[1], "osmid": n}) for n, xy in coords.items())
    for wid, nodes, tags in ways:
        attrs = dict(tags)
        attrs["osmid"] = wid
        oneway = tags.get("oneway") in ONEWAY_VALUES or tags.get("junction") == "roundabout"
        if tags.get("oneway") == "reversible":
            oneway = False
        if oneway and tags.get("oneway") in REVERSED_VALUES:
            nodes = nodes[::-1]
        attrs["oneway"] = oneway
        pairs = list(zip(nodes[:-1], nodes[1:]))
        G.add_edges_from((u, v, dict(attrs, reversed=False)) for u, v in pairs if u != v)
        if not oneway:
            G.add_edges_from((v, u, dict(attrs, reversed=True)) for u, v in pairs if u != v)
    ox.distance.add_edge_lengths(G)
    return G


def _largest_scc(G: nx.MultiDiGraph) -> tuple[nx.MultiDiGraph, int]:
    if len(G) == 0:
        return G, 0
    keep = max(nx.strongly_connected_components(G), key=len)
    dropped = len(G) - len(keep)
    if dropped:
        G = G.subgraph(keep).copy()
    return G, dropped


def _first(value, rank=None):
    """One value from an attribute osmnx may have merged into a list."""
    if isinstance(value, (list, tuple, set)):
        values = sorted({str(v) for v in value if v is not None and v == v})
        if not values:
            return ""
        if rank:
            return min(values, key=lambda v: rank.get(v, 99))
        return " / ".join(values)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _arrays_from_graph(G: nx.MultiDiGraph, coords: dict | None) -> dict:
    """Flat arrays from a simplified lon/lat osmnx graph (before projection)."""
    node_ids = np.array(sorted(G.nodes), dtype=np.int64)
    index = {n: i for i, n in enumerate(node_ids.tolist())}
    lon = np.array([G.nodes[n]["x"] for n in node_ids.tolist()], dtype=np.float64)
    lat = np.array([G.nodes[n]["y"] for n in node_ids.tolist()], dtype=np.float64)

    eu, ev, ln, tt, sp, hw, nm, ref, wid, br = ([] for _ in range(10))
    enode_ptr, enodes, geom_ptr, glon, glat = [0], [], [0], [], []
    for u, v, d in sorted(G.edges(data=True), key=lambda e: (index[e[0]], index[e[1]], e[2].get("length", 0))):
        eu.append(index[u])
        ev.append(index[v])
        ln.append(float(d["length"]))
        tt.append(float(d["travel_time"]))
        sp.append(float(d["speed_kph"]))
        hw.append(_first(d.get("highway"), HIGHWAY_RANK))
        nm.append(_first(d.get("name")))
        ref.append(_first(d.get("ref")))
        osmid = d.get("osmid")
        wid.append(int(min(osmid) if isinstance(osmid, (list, set)) else (osmid or 0)))
        bridge = d.get("bridge")
        br.append(any(b not in (None, "no") for b in (bridge if isinstance(bridge, list) else [bridge])))
        merged = d.get("merged_edges")
        seq = [u] + [b for _, b in merged] if merged else [u, v]
        enodes.extend(seq)
        enode_ptr.append(len(enodes))
        if coords is not None and all(n in coords for n in seq):
            pts = [coords[n] for n in seq]
        elif "geometry" in d:
            pts = list(d["geometry"].coords)
        else:
            pts = [(G.nodes[n]["x"], G.nodes[n]["y"]) for n in (u, v)]
        glon.extend(p[0] for p in pts)
        glat.extend(p[1] for p in pts)
        geom_ptr.append(len(glon))

    return {
        "node_osmid": node_ids,
        "node_lon": lon,
        "node_lat": lat,
        "edge_u": np.array(eu, dtype=np.int32),
        "edge_v": np.array(ev, dtype=np.int32),
        "edge_length": np.array(ln, dtype=np.float64),
        "edge_travel_time": np.array(tt, dtype=np.float64),
        "edge_speed_kph": np.array(sp, dtype=np.float64),
        "edge_highway": np.array(hw, dtype=str),
        "edge_name": np.array(nm, dtype=str),
        "edge_ref": np.array(ref, dtype=str),
        "edge_osmid": np.array(wid, dtype=np.int64),
        "edge_bridge": np.array(br, dtype=bool),
        "enode_ptr": np.array(enode_ptr, dtype=np.int64),
        "enode_osmid": np.array(enodes, dtype=np.int64),
        "geom_ptr": np.array(geom_ptr, dtype=np.int64),
        "geom_lon": np.array(glon, dtype=np.float64),
        "geom_lat": np.array(glat, dtype=np.float64),
    }


def network_from_graph(G: nx.MultiDiGraph, *, name: str, source: str, coords=None, dropped=None,
                       road_filter="bus", simplified=False, progress=null_progress) -> RoadNetwork:
    """Finish an unprojected osmnx graph into a stored-form :class:`RoadNetwork`.

    Keeps the largest strongly connected component, simplifies it (tracking
    the merged OSM nodes), adds speeds (km/h) and travel times (s) with
    osmnx, and projects to the local UTM zone.
    """
    import osmnx as ox

    dropped = dict(dropped or {})
    progress(0.55, "keeping the largest strongly connected part")
    G, n_dropped = _largest_scc(G)
    dropped["nodes"] = n_dropped
    if len(G) < 2 or G.number_of_edges() == 0:
        raise NetworkError(f"{source}: no connected roads a bus can use in this area")
    for _, _, d in G.edges(data=True):
        # OSM has distinct nodes at one location; a zero length would vanish in
        # sparse matrices (scipy treats 0 as "no edge") and divide by zero.
        if not d.get("length", 0) > 0.1:
            d["length"] = 0.1
    if not simplified:
        progress(0.65, f"simplifying {len(G)} nodes")
        G = ox.simplify_graph(G, track_merged=True)
    progress(0.8, "adding speeds and travel times")
    for _, _, d in G.edges(data=True):
        # osmnx merges differing tags into lists in set order (which varies from
        # run to run) and add_edge_speeds reads the first; pick the major class.
        if isinstance(d.get("highway"), list):
            d["highway"] = _first(d["highway"], HIGHWAY_RANK)
    if not all("speed_kph" in d for _, _, d in G.edges(data=True)):
        G = ox.add_edge_speeds(G, fallback=30.0)
    if not all("travel_time" in d for _, _, d in G.edges(data=True)):
        G = ox.add_edge_travel_times(G)
    progress(0.9, "projecting to the local UTM zone")
    a = _arrays_from_graph(G, coords)
    crs = _utm_crs(float(np.mean(a["node_lon"])), float(np.mean(a["node_lat"])))
    from pyproj import Transformer

    tf = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    a["node_x"], a["node_y"] = tf.transform(a["node_lon"], a["node_lat"])
    a["geom_x"], a["geom_y"] = tf.transform(a.pop("geom_lon"), a.pop("geom_lat"))
    meta = {
        "name": name,
        "source": source,
        "licence": LICENCE,
        "bbox": [float(a["node_lon"].min()), float(a["node_lat"].min()),
                 float(a["node_lon"].max()), float(a["node_lat"].max())],
        "crs": crs,
        "road_filter": road_filter,
        "counts": {"nodes": int(len(a["node_osmid"])), "edges": int(len(a["edge_u"])),
                   "length_km": round(float(a["edge_length"].sum()) / 1000.0, 3)},
        "dropped": dropped,
    }
    arrays = {k: np.ascontiguousarray(a[k]) for k in ARRAY_FIELDS}
    meta["sha256"] = content_hash(arrays)
    return RoadNetwork(meta=meta, **arrays)


def _clip_fn(bbox=None, polygon=None):
    if polygon is not None:
        import shapely

        shapely.prepare(polygon)
        return lambda lon, lat: shapely.contains_xy(polygon, lon, lat)
    if bbox is not None:
        w, s, e, n = bbox
        return lambda lon, lat: (lon >= w) & (lon <= e) & (lat >= s) & (lat <= n)
    return None


OSM_SUFFIXES = (".osm", ".osm.bz2", ".osm.gz", ".osm.pbf", ".pbf", ".graphml")


def default_name(path) -> str:
    """Store name derived from a file name: ``monaco.osm.pbf`` -> ``monaco``."""
    base = Path(path).name
    for suffix in sorted(OSM_SUFFIXES, key=len, reverse=True):
        if base.lower().endswith(suffix):
            return base[: -len(suffix)] or base
    return base


def import_osm(path, *, name=None, bbox=None, polygon=None, road_filter="bus", progress=null_progress) -> RoadNetwork:
    """Import an OSM file into a :class:`RoadNetwork` (not yet stored).

    Parameters
    ----------
    path : str or Path
        ``.osm``, ``.osm.bz2``, ``.osm.gz``, ``.osm.pbf`` or osmnx ``.graphml``.
    name : str, optional
        Store name; defaults to the file name without its suffixes.
    bbox : (west, south, east, north), optional
        Clip to this box, in degrees.
    polygon : shapely Polygon, optional
        Clip to this WGS84 polygon.
    road_filter : {"bus", "drive", "all"}
        ``bus``: roads a bus can use (design section 3); ``drive``: osmnx's
        drive network (no service roads); ``all``: every highway (benchmarks).
    progress : callable, optional
        ``progress(fraction, message)``.

    Raises
    ------
    NetworkError
        The file is missing, unreadable, not OSM, or has no usable roads in the area.
    """
    path = Path(path)
    if road_filter not in ROAD_FILTERS:
        raise NetworkError(f"road filter must be one of {', '.join(ROAD_FILTERS)}, got {road_filter!r}")
    if path.is_dir():
        raise NetworkError(f"{path}: is a folder; give an OSM file inside it")
    if not path.is_file():
        raise NetworkError(f"{path}: no such file")
    if path.stat().st_size == 0:
        raise NetworkError(f"{path}: the file is empty")
    lower = path.name.lower()
    if not lower.endswith(OSM_SUFFIXES):
        raise NetworkError(f"{path}: unknown format; expected one of {', '.join(OSM_SUFFIXES)}")
    name = name or default_name(path)
    validate_name(name)
    inside = _clip_fn(bbox, polygon)
    progress(0.0, f"reading {path.name}")
    if lower.endswith(".graphml"):
        G, coords, dropped = _read_graphml(path, inside)
        simplified = any("geometry" in d or "merged_edges" in d for _, _, d in G.edges(data=True))
    else:
        ways, coords, stats = _read_ways(path, road_filter, inside, progress)
        if not ways:
            where = " inside the given area" if inside else ""
            raise NetworkError(f"{path}: no roads a bus can use{where} (read {stats['ways_read']} road ways)")
        progress(0.45, f"building the graph from {len(ways)} roads")
        G = _graph_from_ways(ways, coords)
        dropped = {"ways_trimmed": stats["ways_trimmed"], "ways_dropped": stats["ways_dropped"]}
        simplified = False
    net = network_from_graph(G, name=name, source=str(path.resolve()), coords=coords, dropped=dropped,
                             road_filter=road_filter, simplified=simplified, progress=progress)
    progress(1.0, f"imported {name}: {net.n_nodes} nodes, {net.n_edges} edges")
    return net


def _read_graphml(path: Path, inside):
    import osmnx as ox

    try:
        G = ox.load_graphml(path)
    except Exception as exc:
        raise NetworkError(f"{path}: not a readable osmnx GraphML file ({exc})") from None
    if str(G.graph.get("crs", "epsg:4326")).lower() not in ("epsg:4326", "wgs84"):
        G = ox.project_graph(G, to_latlong=True)
    dropped = {}
    if inside is not None:
        ids = list(G.nodes)
        lon = np.array([G.nodes[n]["x"] for n in ids])
        lat = np.array([G.nodes[n]["y"] for n in ids])
        keep = inside(lon, lat)
        G = G.subgraph([n for n, k in zip(ids, keep) if k]).copy()
        dropped["outside_area"] = int((~keep).sum())
    for _, _, d in G.edges(data=True):
        d.pop("speed_kph", None)
        d.pop("travel_time", None)
    return G, None, dropped


def validate_name(name: str) -> None:
    """Store names are file-system safe: letters, digits, ``-``, ``_``, ``.``."""
    ok = name and all(c.isalnum() or c in "-_." for c in name) and not name.startswith(".")
    if not ok:
        raise NetworkError(f"network name {name!r}: use letters, digits, '-', '_' or '.' only")


def parse_bbox(text: str):
    """``"W,S,E,N"`` in degrees to a tuple, with a clear error."""
    try:
        w, s, e, n = (float(p) for p in text.split(","))
    except ValueError:
        raise NetworkError(f"--bbox {text!r}: expected four numbers W,S,E,N in degrees") from None
    if not (-180 <= w < e <= 180 and -90 <= s < n <= 90):
        raise NetworkError(f"--bbox {text!r}: need west < east and south < north, in degrees")
    return (w, s, e, n)


def read_polygon(path):
    """Read a WGS84 (multi)polygon from a GeoJSON file (geometry, Feature or FeatureCollection)."""
    import json

    import shapely
    from shapely.geometry import shape

    path = Path(path)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        if doc.get("type") == "FeatureCollection":
            geoms = [shape(f["geometry"]) for f in doc["features"]]
        elif doc.get("type") == "Feature":
            geoms = [shape(doc["geometry"])]
        else:
            geoms = [shape(doc)]
        poly = shapely.union_all([g for g in geoms if g.geom_type in ("Polygon", "MultiPolygon")])
    except Exception as exc:
        raise NetworkError(f"{path}: not a GeoJSON polygon ({exc})") from None
    if poly.is_empty:
        raise NetworkError(f"{path}: contains no polygon")
    return poly


# --------------------------------------------------------------------------- fetching

PRESETS = {
    # The city, every road a bus can use.
    "mariupol": {"bbox": (37.38, 47.03, 37.78, 47.20), "road_filter": "bus",
                 "what": "Mariupol, roads a bus can use"},
    # The corridor region west and north to Zaporizhzhia: main roads only.
    "mariupol-zaporizhzhia": {
        "bbox": (34.95, 46.70, 37.80, 47.95),
        "custom_filter": '["highway"~"motorway|motorway_link|trunk|trunk_link|primary|primary_link|secondary|secondary_link"]',
        "road_filter": "bus",
        "what": "Mariupol to Zaporizhzhia via Manhush, Berdiansk, Tokmak and Vasylivka, main roads",
    },
}


def _network_reachable(timeout=5.0) -> bool:
    import socket
    from urllib.parse import urlparse

    import osmnx as ox

    host = urlparse(ox.settings.overpass_url).hostname
    try:
        socket.create_connection((host, 443), timeout=timeout).close()
        return True
    except OSError:
        return False


def fetch(preset=None, *, place=None, name=None, progress=null_progress) -> RoadNetwork:
    """Download a road network from OpenStreetMap with osmnx (needs a network).

    Parameters
    ----------
    preset : {"mariupol", "mariupol-zaporizhzhia"}, optional
    place : str, optional
        A place name osmnx can geocode (instead of a preset).

    Raises
    ------
    NetworkError
        Unknown preset, or OpenStreetMap is not reachable from this machine.
    """
    import osmnx as ox

    if preset is None and not place:
        raise NetworkError("fetch needs a preset (mariupol, mariupol-zaporizhzhia) or --place")
    if preset is not None and preset not in PRESETS:
        raise NetworkError(f"unknown preset {preset!r}; presets: {', '.join(PRESETS)}")
    if not _network_reachable():
        raise NetworkError(
            "cannot reach OpenStreetMap from this machine (offline?); "
            "import a file you have instead: evacplan data import FILE --name NAME"
        )
    progress(None, f"downloading {preset or place} from OpenStreetMap")
    try:
        if preset:
            p = PRESETS[preset]
            w, s, e, n = p["bbox"]
            kw = {"custom_filter": p["custom_filter"]} if "custom_filter" in p else {"network_type": "drive_service"}
            G = ox.graph_from_bbox((w, s, e, n), simplify=False, retain_all=True, truncate_by_edge=True, **kw)
        else:
            G = ox.graph_from_place(place, network_type="drive_service", simplify=False, retain_all=True)
    except Exception as exc:
        raise NetworkError(f"download of {preset or place!r} from OpenStreetMap failed: {exc}") from None
    return network_from_graph(G, name=name or preset or default_name(place.replace(" ", "-").replace(",", "")),
                              source=f"OpenStreetMap via osmnx: {preset or place}", progress=progress)


# --------------------------------------------------------------------------- store access (re-exported)

from planner.store import (  # noqa: E402  (store imports RoadNetwork from here)
    bundled_osm_path,
    demo_network,
    list_networks,
    load_network,
    network_info,
    remove_network,
    save_network,
    store_dir,
)

__all__ = [
    "RoadNetwork", "import_osm", "fetch", "network_from_graph", "content_hash", "parse_bbox", "read_polygon",
    "demo_network", "list_networks", "load_network", "network_info", "remove_network", "save_network",
    "store_dir", "bundled_osm_path", "PRESETS", "LICENCE",
]
