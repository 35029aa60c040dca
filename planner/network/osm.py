"""Reading OpenStreetMap files with pyosmium: road ways, turn restrictions, named places.

One pass over the file (``.osm``, ``.osm.bz2``, ``.osm.gz``, ``.osm.pbf``).
Ways are trimmed to the nodes the extract holds and the clip area keeps;
turn restrictions are read as the file has them (raw OSM ids) and resolved
onto the graph later (:mod:`planner.network.turns`).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from planner.errors import Cancelled, NetworkError
from planner.network.model import APPLIES_BUS, APPLIES_MOTOR, RESTRICT_NO, RESTRICT_ONLY
from planner.network.tags import ACCESS_NO, bus_access, motor_access

# Roads a bus can use (design section 3).
BUS_HIGHWAYS = frozenset(
    [
        "motorway",
        "motorway_link",
        "trunk",
        "trunk_link",
        "primary",
        "primary_link",
        "secondary",
        "secondary_link",
        "tertiary",
        "tertiary_link",
        "unclassified",
        "residential",
        "living_street",
        "road",
        "service",
        "busway",
    ]
)
# osmnx's "drive" network type: the same without service roads.
DRIVE_HIGHWAYS = BUS_HIGHWAYS - {"service", "busway"}
# Service roads a bus does not fit through or may not use.
EXCLUDED_SERVICE = frozenset(
    ["alley", "driveway", "emergency_access", "parking", "parking_aisle", "private", "drive-through"]
)
ROAD_FILTERS = ("bus", "drive", "all")

_WAY_TAGS = ("highway", "name", "ref", "maxspeed", "oneway", "junction", "bridge", "tunnel", "service")
#: Restriction relation types we read, and the vehicle classes each speaks of.
_TYPE_APPLIES = {
    "restriction": None,
    "restriction:bus": APPLIES_BUS,
    "restriction:psv": APPLIES_BUS,
    "restriction:motorcar": APPLIES_MOTOR,
    "restriction:motor_vehicle": APPLIES_MOTOR,
}


def keep_way(tags, road_filter: str) -> bool:
    """Whether a way is a road of ``road_filter`` that a bus or an ambulance may use at all."""
    hw = tags.get("highway")
    if hw is None:
        return False
    if road_filter == "all":
        return True
    allowed = BUS_HIGHWAYS if road_filter == "bus" else DRIVE_HIGHWAYS
    if hw not in allowed or tags.get("area") == "yes":
        return False
    if hw == "service" and tags.get("service") in EXCLUDED_SERVICE:
        return False
    if hw == "busway" and "bus" not in tags and "psv" not in tags:
        return True  # a busway implies bus=designated (motor vehicles: see way_access)
    if road_filter == "drive":
        return motor_access(tags) != ACCESS_NO
    return bus_access(tags) != ACCESS_NO or motor_access(tags) != ACCESS_NO


def way_access(tags) -> tuple[int, int]:
    """(bus access, motor access) codes of a road way."""
    if tags.get("highway") == "busway":
        return bus_access({"bus": "designated", **dict(tags)}), motor_access({"motor_vehicle": "no", **dict(tags)})
    return bus_access(tags), motor_access(tags)


def restriction_rows(tags, members) -> list:
    """Rows ``(value, kind, applies, from_way, to_way, via_is_way, via_ids)`` of one relation.

    ``restriction:bus`` / ``restriction:psv`` override ``restriction`` for buses,
    ``restriction:motorcar`` for other motor vehicles; ``except=psv|bus`` lifts
    it for buses. Relations without exactly one from way, one to way and a via
    node or via ways give no row.
    """
    rtype = tags.get("type")
    if rtype not in _TYPE_APPLIES:
        return []
    exc = {e.strip() for e in (tags.get("except") or "").split(";")}
    if rtype == "restriction":
        general = tags.get("restriction")
        bus_v = tags.get("restriction:bus") or tags.get("restriction:psv")
        motor_v = tags.get("restriction:motorcar") or tags.get("restriction:motor_vehicle")
        if bus_v is None and not exc & {"psv", "bus"}:
            bus_v = general
        if motor_v is None and not exc & {"motorcar", "motor_vehicle"}:
            motor_v = general
    else:
        v = tags.get(rtype) or tags.get("restriction")
        bus_v = v if _TYPE_APPLIES[rtype] == APPLIES_BUS else None
        motor_v = v if _TYPE_APPLIES[rtype] == APPLIES_MOTOR else None
    frm = [m for m in members if m[1] == "from" and m[0] == "w"]
    to = [m for m in members if m[1] == "to" and m[0] == "w"]
    via_n = [m[2] for m in members if m[1] == "via" and m[0] == "n"]
    via_w = [m[2] for m in members if m[1] == "via" and m[0] == "w"]
    if len(frm) != 1 or len(to) != 1 or not ((len(via_n) == 1 and not via_w) or (via_w and not via_n)):
        return []
    values = {}
    for v, bit in ((bus_v, APPLIES_BUS), (motor_v, APPLIES_MOTOR)):
        if v and v.startswith(("no_", "only_")):
            values[v] = values.get(v, 0) | bit
    via = via_n or via_w
    return [
        (v, RESTRICT_ONLY if v.startswith("only_") else RESTRICT_NO, bits, frm[0][2], to[0][2], bool(via_w), via)
        for v, bits in values.items()
    ]


def read_osm(path: Path, road_filter: str, inside, progress):
    """Read road ways, turn restrictions and named places from an OSM file with pyosmium.

    Ways are cut into runs of nodes that have a location in the file and lie
    inside the clip area (``inside(lon, lat) -> bool`` arrays); a way that
    references nodes missing from the extract is trimmed, not an error.

    Returns
    -------
    ways : list of (way_id, node_ids, tags)
    coords : dict node_id -> (lon, lat)
    extra : dict
        ``restrictions``: list of (relation id, value, kind, applies, from, to, via_is_way, via ids);
        ``places``: list of (name, kind, lon, lat); ``way_info``: way id -> (tags it was read with);
        ``stats``: counts of ways read, trimmed and dropped.
    """
    import osmium

    ways, coords, restrictions, places, way_info = [], {}, [], [], {}
    stats = {"ways_read": 0, "ways_trimmed": 0, "ways_dropped": 0}

    class Handler(osmium.SimpleHandler):
        def node(self, n):
            if "place" in n.tags and "name" in n.tags and n.location.valid():
                lon, lat = n.location.lon, n.location.lat
                if inside is None or bool(inside(np.array([lon]), np.array([lat]))[0]):
                    places.append((n.tags["name"], n.tags["place"], lon, lat))

        def relation(self, r):
            if not r.tags.get("type", "").startswith("restriction"):
                return
            members = [(m.type, m.role, m.ref) for m in r.members]
            for row in restriction_rows(dict(r.tags), members):
                restrictions.append((r.id, *row))

        def way(self, w):
            if not keep_way(w.tags, road_filter):
                return
            stats["ways_read"] += 1
            if stats["ways_read"] % 2000 == 0:
                progress(None, f"reading {path.name}: {stats['ways_read']} roads")
            ids, lons, lats = [], [], []
            for n in w.nodes:
                loc = n.location
                ids.append(n.ref)
                if loc.valid():
                    lons.append(loc.lon)
                    lats.append(loc.lat)
                else:
                    lons.append(math.nan)
                    lats.append(math.nan)
            lon = np.asarray(lons)
            lat = np.asarray(lats)
            ok = ~np.isnan(lon)
            if inside is not None and ok.any():
                ok[ok] = inside(lon[ok], lat[ok])
            tags = {k: w.tags.get(k) for k in _WAY_TAGS if k in w.tags}
            way_info[w.id] = dict(w.tags)
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
    except (RuntimeError, ValueError, OSError, KeyError) as exc:  # osmium's errors for broken input
        raise NetworkError(f"{path}: not a readable OpenStreetMap file ({exc})") from None
    places.sort()
    return ways, coords, {"restrictions": restrictions, "places": places, "way_info": way_info, "stats": stats}
