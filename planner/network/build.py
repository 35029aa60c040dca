"""Building a :class:`~planner.network.model.RoadNetwork` from OpenStreetMap data.

The road ways read by :mod:`planner.network.osm` become an osmnx-style graph,
which keeps its largest strongly connected part, is simplified (turn
restriction nodes stay nodes), gets speeds and travel times from osmnx
(``add_edge_speeds``, ``add_edge_travel_times``) and is projected to the local
UTM zone. Each simplified edge keeps the OSM nodes and ways it drives through,
the most restrictive access and the lowest size limits of those ways.
"""

from __future__ import annotations

import math
from pathlib import Path

import networkx as nx
import numpy as np

from planner.errors import NetworkError
from planner.network.model import (
    ARRAY_FIELDS,
    LICENCE,
    STORE_FORMAT,
    RoadNetwork,
    content_hash,
)
from planner.network.osm import ROAD_FILTERS, read_osm, way_access
from planner.network.tags import way_limits
from planner.progress import null_progress

# Rank of a road class, used to pick one class for a simplified edge that
# merged several, and by the map to draw major roads on top.
HIGHWAY_RANK = {
    "motorway": 0,
    "trunk": 1,
    "primary": 2,
    "secondary": 3,
    "tertiary": 4,
    "motorway_link": 5,
    "trunk_link": 5,
    "primary_link": 6,
    "secondary_link": 6,
    "tertiary_link": 7,
    "unclassified": 8,
    "residential": 9,
    "living_street": 10,
    "road": 10,
    "service": 11,
    "busway": 11,
}

ONEWAY_VALUES = {"yes", "true", "1", "-1", "reverse", "T", "F"}
REVERSED_VALUES = {"-1", "reverse", "T"}
#: Store names: at most this many bytes (UTF-8), so that the store's temporary names fit any file system.
MAX_NAME_BYTES = 120
#: Node attribute that keeps a node through simplification (turn restriction nodes).
_KEEP = "restriction_node"


def _utm_crs(lon: float, lat: float) -> str:
    zone = int((lon + 180.0) // 6.0) % 60 + 1
    return f"EPSG:{32600 + zone if lat >= 0 else 32700 + zone}"


def graph_from_ways(ways, coords, keep_nodes=()) -> nx.MultiDiGraph:
    """An osmnx-style unsimplified MultiDiGraph (lon/lat, EPSG:4326) from road ways.

    ``keep_nodes``: OSM node ids that must stay nodes when the graph is
    simplified (the via nodes of turn restrictions).
    """
    import osmnx as ox

    G = nx.MultiDiGraph(crs="epsg:4326")
    G.add_nodes_from((n, {"x": xy[0], "y": xy[1], "osmid": n}) for n, xy in coords.items())
    for n in keep_nodes:
        if n in G:
            G.nodes[n][_KEEP] = True
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


def _arrays_from_graph(G: nx.MultiDiGraph, coords: dict | None, seg_way: dict | None, way_attr: dict | None) -> dict:
    """Flat arrays from a simplified lon/lat osmnx graph (before projection).

    ``seg_way``: (u, v) OSM node pair -> OSM way id of the unsimplified graph;
    ``way_attr``: way id -> (bus access, motor access, maxheight, maxweight,
    maxlength). Without them (GraphML, osmnx downloads) an edge's own
    attributes are used.
    """
    node_ids = np.array(sorted(G.nodes), dtype=np.int64)
    index = {n: i for i, n in enumerate(node_ids.tolist())}
    lon = np.array([G.nodes[n]["x"] for n in node_ids.tolist()], dtype=np.float64)
    lat = np.array([G.nodes[n]["y"] for n in node_ids.tolist()], dtype=np.float64)

    eu, ev, ln, tt, sp, hw, nm, ref, wid, br = ([] for _ in range(10))
    acc_b, acc_m, mh, mw, ml = ([] for _ in range(5))
    enode_ptr, enodes, eways, geom_ptr, glon, glat = [0], [], [], [0], [], []
    seg_way = seg_way or {}
    way_attr = dict(way_attr or {})
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
        own = int(min(osmid) if isinstance(osmid, (list, set)) else (osmid or 0))
        wid.append(own)
        bridge = d.get("bridge")
        br.append(any(b not in (None, "no") for b in (bridge if isinstance(bridge, list) else [bridge])))
        merged = d.get("merged_edges")
        seq = [u] + [b for _, b in merged] if merged else [u, v]
        enodes.extend(seq)
        enode_ptr.append(len(enodes))
        segs = [seg_way.get(pair, own) for pair in zip(seq[:-1], seq[1:])]
        eways.extend([segs[0]] + segs)
        if own not in way_attr:
            way_attr[own] = (*way_access(_flat_tags(d)), *way_limits(_flat_tags(d)))
        attrs = [way_attr.get(w, way_attr[own]) for w in set(segs)]
        acc_b.append(max(a[0] for a in attrs))
        acc_m.append(max(a[1] for a in attrs))
        mh.append(min(a[2] for a in attrs))
        mw.append(min(a[3] for a in attrs))
        ml.append(min(a[4] for a in attrs))
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
        "edge_access_bus": np.array(acc_b, dtype=np.uint8),
        "edge_access_motor": np.array(acc_m, dtype=np.uint8),
        "edge_maxheight": np.array(mh, dtype=np.float64),
        "edge_maxweight": np.array(mw, dtype=np.float64),
        "edge_maxlength": np.array(ml, dtype=np.float64),
        "enode_ptr": np.array(enode_ptr, dtype=np.int64),
        "enode_osmid": np.array(enodes, dtype=np.int64),
        "eway_osmid": np.array(eways, dtype=np.int64),
        "geom_ptr": np.array(geom_ptr, dtype=np.int64),
        "geom_lon": np.array(glon, dtype=np.float64),
        "geom_lat": np.array(glat, dtype=np.float64),
    }


def _flat_tags(d: dict) -> dict:
    """Edge attributes as a tag mapping (osmnx may have merged values into lists)."""
    return {k: (v[0] if isinstance(v, list) and v else v) for k, v in d.items() if isinstance(v, (str, list))}


def _restriction_arrays(rows) -> dict:
    """The ``restr_*`` arrays from :func:`planner.network.osm.read_osm` rows (sorted, deterministic)."""
    rows = sorted(rows, key=lambda r: (r[0], r[1]))
    ptr = np.zeros(len(rows) + 1, dtype=np.int64)
    if rows:
        ptr[1:] = np.cumsum([len(r[7]) for r in rows])
    return {
        "restr_osmid": np.array([r[0] for r in rows], dtype=np.int64),
        "restr_value": np.array([r[1] for r in rows], dtype=str) if rows else np.zeros(0, dtype="<U1"),
        "restr_kind": np.array([r[2] for r in rows], dtype=np.int8),
        "restr_applies": np.array([r[3] for r in rows], dtype=np.uint8),
        "restr_from": np.array([r[4] for r in rows], dtype=np.int64),
        "restr_to": np.array([r[5] for r in rows], dtype=np.int64),
        "restr_via_way": np.array([r[6] for r in rows], dtype=bool),
        "restr_via_ptr": ptr,
        "restr_via": np.array([x for r in rows for x in r[7]], dtype=np.int64),
    }


def _place_arrays(places) -> dict:
    places = sorted(places)
    return {
        "place_name": np.array([p[0] for p in places], dtype=str) if places else np.zeros(0, dtype="<U1"),
        "place_kind": np.array([p[1] for p in places], dtype=str) if places else np.zeros(0, dtype="<U1"),
        "place_lon": np.array([p[2] for p in places], dtype=np.float64),
        "place_lat": np.array([p[3] for p in places], dtype=np.float64),
    }


def network_from_graph(
    G: nx.MultiDiGraph,
    *,
    name: str,
    source: str,
    coords=None,
    dropped=None,
    road_filter="bus",
    simplified=False,
    progress=null_progress,
    extra=None,
) -> RoadNetwork:
    """Finish an unprojected osmnx graph into a stored-form :class:`RoadNetwork`.

    Keeps the largest strongly connected component, simplifies it (tracking
    the merged OSM nodes; nodes flagged by :func:`graph_from_ways` stay),
    adds speeds (km/h) and travel times (s) with osmnx, and projects to the
    local UTM zone. ``extra``: the restrictions, places and way tags of
    :func:`planner.network.osm.read_osm`.
    """
    import osmnx as ox

    extra = extra or {}
    dropped = dict(dropped or {})
    progress(0.55, "keeping the largest strongly connected part")
    G, n_dropped = _largest_scc(G)
    dropped["nodes"] = n_dropped
    if len(G) < 2 or G.number_of_edges() == 0:
        raise NetworkError(f"{source}: no connected roads a bus can use in this area")
    seg_way = {}
    for u, v, d in G.edges(data=True):
        # OSM has distinct nodes at one location; a zero length would vanish in
        # sparse matrices (scipy treats 0 as "no edge") and divide by zero.
        if not d.get("length", 0) > 0.1:
            d["length"] = 0.1
        if not simplified and isinstance(d.get("osmid"), int):
            seg_way[(u, v)] = min(d["osmid"], seg_way.get((u, v), d["osmid"]))
    if not simplified:
        progress(0.65, f"simplifying {len(G)} nodes")
        G = ox.simplify_graph(G, node_attrs_include=[_KEEP], track_merged=True)
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
    way_attr = {w: (*way_access(t), *way_limits(t)) for w, t in extra.get("way_info", {}).items()}
    a = _arrays_from_graph(G, coords, seg_way, way_attr)
    a.update(_restriction_arrays(extra.get("restrictions", [])))
    a.update(_place_arrays(extra.get("places", [])))
    crs = _utm_crs(float(np.mean(a["node_lon"])), float(np.mean(a["node_lat"])))
    from pyproj import Transformer

    tf = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    a["node_x"], a["node_y"] = tf.transform(a["node_lon"], a["node_lat"])
    a["geom_x"], a["geom_y"] = tf.transform(a.pop("geom_lon"), a.pop("geom_lat"))
    meta = {
        "name": name,
        "source": source,
        "licence": LICENCE,
        "format": STORE_FORMAT,
        "bbox": [
            float(a["node_lon"].min()),
            float(a["node_lat"].min()),
            float(a["node_lon"].max()),
            float(a["node_lat"].max()),
        ],
        "crs": crs,
        "road_filter": road_filter,
        "counts": {
            "nodes": int(len(a["node_osmid"])),
            "edges": int(len(a["edge_u"])),
            "length_km": round(float(a["edge_length"].sum()) / 1000.0, 3),
            "restrictions": int(len(a["restr_osmid"])),
            "places": int(len(a["place_name"])),
        },
        "dropped": dropped,
    }
    arrays = {k: np.ascontiguousarray(a[k]) for k in ARRAY_FIELDS}
    meta["sha256"] = content_hash(arrays, meta)
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
    name = default_name(path) if name is None else name
    validate_name(name)
    inside = _clip_fn(bbox, polygon)
    progress(0.0, f"reading {path.name}")
    extra = {}
    if lower.endswith(".graphml"):
        G, coords, dropped = _read_graphml(path, inside)
        simplified = any("geometry" in d or "merged_edges" in d for _, _, d in G.edges(data=True))
    else:
        ways, coords, extra = read_osm(path, road_filter, inside, progress)
        stats = extra["stats"]
        if not ways:
            where = " inside the given area" if inside else ""
            raise NetworkError(f"{path}: no roads a bus can use{where} (read {stats['ways_read']} road ways)")
        progress(0.45, f"building the graph from {len(ways)} roads")
        G = graph_from_ways(ways, coords, keep_nodes=restriction_nodes(extra["restrictions"], ways))
        dropped = {"ways_trimmed": stats["ways_trimmed"], "ways_dropped": stats["ways_dropped"]}
        simplified = False
    net = network_from_graph(
        G,
        name=name,
        source=str(path.resolve()),
        coords=coords,
        dropped=dropped,
        road_filter=road_filter,
        simplified=simplified,
        progress=progress,
        extra=extra,
    )
    progress(1.0, f"imported {name}: {net.n_nodes} nodes, {net.n_edges} edges")
    return net


def restriction_nodes(restrictions, ways) -> set:
    """OSM nodes that must stay graph nodes: via nodes, and the ends of via ways, of turn restrictions."""
    keep = {r[7][0] for r in restrictions if not r[6]}
    via_ways = (
        {w for r in restrictions if r[6] for w in r[7]}
        | {r[4] for r in restrictions if r[6]}
        | {r[5] for r in restrictions if r[6]}
    )
    for wid, nodes, _tags in ways:
        if wid in via_ways:
            keep.update((nodes[0], nodes[-1]))
    return keep


def _read_graphml(path: Path, inside):
    import osmnx as ox

    try:
        G = ox.load_graphml(path)
    except (OSError, ValueError, KeyError, TypeError, SyntaxError) as exc:  # networkx/lxml parse errors
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


def validate_name(name) -> None:
    """Store names are file-system safe: letters, digits, ``-``, ``_``, ``.``, at most :data:`MAX_NAME_BYTES`.

    Checked before any work, so a bad ``--name`` fails at once.
    """
    if not isinstance(name, str) or not name:
        raise NetworkError("network name is empty: give a name of letters, digits, '-', '_' or '.'")
    shown = name if len(name) <= 40 else name[:40] + "…"
    if len(name.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
        raise NetworkError(f"network name {shown!r} is {len(name)} characters long: at most {MAX_NAME_BYTES} bytes")
    if name.startswith(".") or not all(c.isalnum() or c in "-_." for c in name):
        raise NetworkError(f"network name {shown!r}: use letters, digits, '-', '_' or '.' only (no path separators)")


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
        polys = [g for g in geoms if g.geom_type in ("Polygon", "MultiPolygon")]
        bad = [g for g in polys if not g.is_valid]
        if bad:
            raise NetworkError(
                f"{path}: the polygon is not valid ({shapely.is_valid_reason(bad[0])}), "
                f"for example self-intersecting; draw it again"
            )
        poly = shapely.union_all(polys)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError, shapely.errors.GEOSException) as exc:
        raise NetworkError(f"{path}: not a GeoJSON polygon ({exc})") from None
    if poly.is_empty:
        raise NetworkError(f"{path}: contains no polygon")
    return poly
