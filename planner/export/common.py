"""What every export shares: the schedule contract dict, times, routes and streets, atomic writes.

The exports work from the schedule JSON of design section 10 (``Schedule.to_json()``
or that dict itself), the plan and the road network. A trip's road geometry and
its streets come from its ``route_nodes`` (OSM node ids) walked on the network,
so they are exactly the roads the scheduler timed, whatever the vehicle's speed cap.
"""

from __future__ import annotations

import math
import os
import tempfile
import weakref
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from datetime import datetime
from pathlib import Path
from typing import Optional

import numpy as np

from planner import fileio
from planner.errors import EvacplanError

GROUPS = ("general", "reduced_mobility", "stretcher")
GROUP_LABEL = {"general": "general", "reduced_mobility": "reduced mobility", "stretcher": "stretcher"}


class ExportError(EvacplanError):
    """An export could not be written (folder missing, not writable, ...)."""


# ---------------------------------------------------------------- files


@contextmanager
def atomic_path(path, suffix=".tmp"):
    """Yield a temporary path next to ``path``; on success move it onto ``path`` (``os.replace``).

    A failure (or ``Cancelled``) removes the temporary file and leaves any old ``path`` untouched.
    """
    path = Path(path)
    target = fileio.output_target(path)  # a symbolic link is written through, not replaced
    folder = target.resolve().parent
    if not folder.is_dir():
        raise ExportError(f"{path}: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=folder)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write in {folder} ({exc.strerror or exc})") from None
    os.close(fd)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:  # the bytes are on disk before the rename
            os.fsync(fh.fileno())
        os.chmod(tmp, fileio.output_mode(target))  # mkstemp makes 0600; outputs get the user's umask
        os.replace(tmp, target)
    except OSError as exc:
        _unlink(tmp)
        raise ExportError(f"{path}: cannot write ({exc.strerror or exc})") from None
    except BaseException:
        _unlink(tmp)
        raise


def _unlink(p):
    try:
        os.unlink(p)
    except OSError:
        pass


def write_text_atomic(path, text: str) -> Path:
    """Write UTF-8 ``text`` to ``path`` atomically (:mod:`planner.fileio`); return the path."""
    folder = Path(path).resolve().parent
    if not folder.is_dir():
        raise ExportError(f"{path}: folder {folder} does not exist")
    return fileio.write_text_atomic(path, text, what="the export", error=ExportError)


# ---------------------------------------------------------------- the schedule contract


def schedule_dict(schedule) -> dict:
    """The schedule contract dict (design section 10) of a ``Schedule`` or of such a dict."""
    if isinstance(schedule, dict):
        return schedule
    to_json = getattr(schedule, "to_json", None)
    if to_json is None:
        raise TypeError(f"not a schedule: {type(schedule).__name__}")
    return to_json()


def parse_time(s) -> Optional[datetime]:
    """An ISO 8601 string (or datetime) as an aware datetime; ``None`` stays ``None``."""
    if s is None or s == "":
        return None
    if isinstance(s, datetime):
        return s
    return datetime.fromisoformat(str(s))


@lru_cache(maxsize=65536)
def _clock(s, day0) -> str:
    t = parse_time(s)
    out = t.strftime("%H:%M")
    if day0 is not None:
        days = (t.date() - parse_time(day0).date()).days
        if days:
            out += f" {days:+d}d"
    return out


def clock(s, day0=None) -> str:
    """``"HH:MM"`` of an ISO time, in its own UTC offset; ``"HH:MM +1d"`` when on a later day than ``day0``.

    Minutes are truncated, as on the schedule JSON's ``HH:MM:SS`` (a printed
    09:41 is the minute the JSON's 09:41:06 falls in).
    """
    if s is None or s == "":
        return "–"
    if isinstance(s, datetime):
        s = s.isoformat()
    if isinstance(day0, datetime):
        day0 = day0.isoformat()
    return _clock(str(s), day0)


def group_counts(trip: dict) -> dict:
    """Passengers of a trip by group (``general``, ``reduced_mobility``, ``stretcher``)."""
    by = trip.get("passengers_by_group")
    if not by:
        return {"general": int(trip.get("passengers", 0)), "reduced_mobility": 0, "stretcher": 0}
    return {g: int(by.get(g, 0)) for g in GROUPS}


def element_names(plan) -> dict:
    """``element id -> name`` for every element of the plan."""
    return {el.id: el.name for el in plan.elements()}


def trips_by_vehicle(sched: dict) -> dict:
    """``vehicle id -> [trip, ...]`` in time order, vehicles in the order of their first departure."""
    out = {}
    for t in sorted(sched.get("trips", []), key=lambda t: (parse_time(t["leave_at"]), t["vehicle"])):
        out.setdefault(t["vehicle"], []).append(t)
    return out


def trips_by_convoy(sched: dict) -> dict:
    """``convoy id -> [trip, ...]`` in the order of the convoy's vehicle list."""
    out = {c["id"]: [] for c in sched.get("convoys", [])}
    for t in sched.get("trips", []):
        if t.get("convoy") in out:
            out[t["convoy"]].append(t)
    for c in sched.get("convoys", []):
        order = {v: i for i, v in enumerate(c.get("vehicles", []))}
        out[c["id"]].sort(key=lambda t: order.get(t["vehicle"], len(order)))
    return out


# ---------------------------------------------------------------- routes on the network

_NET_CACHE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _net_cache(net) -> dict:
    try:
        return _NET_CACHE.setdefault(net, {})
    except TypeError:  # not weak-referenceable: no caching
        return {}


def _out_edges(net):
    """CSR of outgoing edges: ``(ptr, edges)`` with the edges leaving node ``i`` in ``edges[ptr[i]:ptr[i+1]]``."""
    cache = _net_cache(net)
    if "out" not in cache:
        u = np.asarray(net.edge_u)
        order = np.argsort(u, kind="stable")
        ptr = np.searchsorted(u[order], np.arange(net.n_nodes + 1))
        cache["out"] = (ptr, order)
    return cache["out"]


def route_edges(net, route_nodes) -> np.ndarray:
    """Edge indices of a route given as the OSM node ids it drives through, in order.

    ``route_nodes`` includes the nodes inside simplified edges (design section 5);
    each step takes the outgoing edge whose own OSM node list matches the next
    ids. Raises :class:`ExportError` when the ids do not form a path on ``net``.
    """
    ids = [int(x) for x in route_nodes]
    if len(ids) < 2:
        return np.zeros(0, dtype=np.int64)
    cache = _net_cache(net)
    key = ("edges", tuple(ids))
    if key in cache:
        return cache[key]
    index = net.node_index()
    ptr, order = _out_edges(net)
    edges = []
    i = 0
    while i < len(ids) - 1:
        u = index.get(ids[i])
        best = None
        if u is not None:
            for e in order[ptr[u] : ptr[u + 1]]:
                osm = net.edge_osm_nodes(int(e))
                k = len(osm)
                if ids[i : i + k] == osm.tolist() and (best is None or k > best[1] or
                                                       (k == best[1] and net.edge_length[e] < net.edge_length[best[0]])):
                    best = (int(e), k)
        if best is None:
            raise ExportError(
                f"route through OSM nodes {ids[i]} -> {ids[i + 1]} is not on network {net.name!r}"
                " (schedule computed on another network?)"
            )
        edges.append(best[0])
        i += best[1] - 1
    out = np.asarray(edges, dtype=np.int64)
    cache[key] = out
    return out


def edges_xy(net, edges) -> np.ndarray:
    """Projected ``(k, 2)`` polyline (metres) of consecutive edges."""
    edges = np.asarray(edges, dtype=np.int64)
    if len(edges) == 0:
        return np.zeros((0, 2))
    ptr = np.asarray(net.geom_ptr)
    parts = []
    for j, e in enumerate(edges):
        a, b = int(ptr[e]), int(ptr[e + 1])
        if j:
            a += 1  # shared node with the previous edge
        parts.append(np.column_stack((net.geom_x[a:b], net.geom_y[a:b])))
    return np.concatenate(parts)


def edges_lonlat(net, edges) -> np.ndarray:
    """WGS84 ``(k, 2)`` polyline (lon, lat degrees) of consecutive edges."""
    xy = edges_xy(net, edges)
    if len(xy) == 0:
        return xy
    lon, lat = net.to_wgs84(xy[:, 0], xy[:, 1])
    return np.column_stack((lon, lat))


def trip_edges(net, trip: dict, routes=None) -> np.ndarray:
    """Edges of a trip's loaded run (pickup → destination).

    From the trip's ``route_nodes``; when the schedule carries none, the best
    route of ``routes`` (a ``PlanRoutes``) for its pickup and destination.
    """
    nodes = trip.get("route_nodes") or []
    if len(nodes) >= 2:
        return route_edges(net, nodes)
    if routes is not None:
        r = routes.routes.get((trip.get("pickup"), trip.get("destination")))
        if r is not None:
            return np.asarray(r.edge_index, dtype=np.int64)
    return np.zeros(0, dtype=np.int64)


_LEGS: dict = {}  # id(routes) -> (routes, {(from, to): edges}); PlanRoutes is not hashable


def leg_edges(routes, from_id, to_id) -> Optional[np.ndarray]:
    """Edges of the fastest empty run ``from_id`` → ``to_id`` from ``routes`` (``None`` if unknown)."""
    if routes is None or not from_id or not to_id or from_id == to_id:
        return None
    hit = _LEGS.get(id(routes))
    if hit is None or hit[0] is not routes:
        if len(_LEGS) >= 4:
            _LEGS.clear()
        hit = _LEGS[id(routes)] = (routes, {})
    cache = hit[1]
    if (from_id, to_id) not in cache:
        try:
            r = routes.leg(from_id, to_id)
        except (KeyError, AttributeError):
            r = None
        cache[(from_id, to_id)] = None if r is None else np.asarray(r.edge_index, dtype=np.int64)
    return cache[(from_id, to_id)]


# ---------------------------------------------------------------- streets to follow


@dataclass
class Step:
    """One street of a route: its label, where it starts (m from the start), how long (m), the turn onto it."""

    street: str
    start_m: float
    length_m: float
    turn: str


#: Unnamed pieces shorter than this (m) are folded into the street before them.
SHORT_UNNAMED_M = 120.0

_CLASS_WORD = {
    "motorway": "motorway", "trunk": "trunk road", "primary": "main road", "secondary": "road",
    "tertiary": "road", "residential": "street", "living_street": "street", "service": "service road",
    "unclassified": "road",
}


def street_label(net, e: int) -> str:
    """How a driver card names edge ``e``: ``"Name (ref)"``, the name, the ref, or ``"unnamed road"``."""
    name = str(net.edge_name[e]) if len(net.edge_name) else ""
    ref = str(net.edge_ref[e]) if getattr(net, "edge_ref", None) is not None and len(net.edge_ref) else ""
    if name and ref:
        return f"{name} ({ref})"
    if name or ref:
        return name or ref
    hw = str(net.edge_highway[e]).replace("_link", "")
    return f"unnamed {_CLASS_WORD.get(hw, 'road')}"


def _heading(xy, at_end: bool, reach=25.0) -> Optional[float]:
    """Direction (radians) of a polyline over its first/last ``reach`` metres."""
    if len(xy) < 2:
        return None
    pts = xy[::-1] if at_end else xy
    p0 = pts[0]
    d = np.hypot(*(pts[1:] - p0).T)
    j = int(np.searchsorted(d, reach))
    j = min(j, len(d) - 1)
    v = pts[j + 1] - p0
    if at_end:
        v = -v
    return math.atan2(v[1], v[0])


def turn_word(h_in, h_out) -> str:
    """The turn from heading ``h_in`` to ``h_out`` (radians, counter-clockwise from east)."""
    if h_in is None or h_out is None:
        return "continue"
    a = math.degrees((h_out - h_in + math.pi) % (2 * math.pi) - math.pi)  # >0: left
    side = "left" if a > 0 else "right"
    a = abs(a)
    if a < 25:
        return "straight on"
    if a < 60:
        return f"bear {side}"
    if a < 140:
        return f"turn {side}"
    if a < 170:
        return f"sharp {side}"
    return "U-turn"


def street_steps(net, edges) -> list:
    """The streets to follow along consecutive ``edges``, with distances and turns.

    Consecutive edges with the same label merge; pieces shorter than
    :data:`SHORT_UNNAMED_M` fold into the street before them when they are
    unnamed (a slip road, a roundabout piece), the same road under its bare
    ref ("B 96" between two stretches of "An der Chaussee (B 96)"), or lie
    between two stretches of one street.

    Returns
    -------
    list of Step
        ``start_m`` and ``length_m`` in metres; the first step's turn is ``"start"``.
    """
    edges = [int(e) for e in np.asarray(edges, dtype=np.int64)]
    if not edges:
        return []
    cache = _net_cache(net)
    key = ("steps", tuple(edges))
    if key in cache:
        return cache[key]
    # runs of equal labels: [label, first edge pos, last edge pos, length]
    runs = []
    for j, e in enumerate(edges):
        lab = street_label(net, e)
        ln = float(net.edge_length[e])
        if runs and runs[-1][0] == lab:
            runs[-1][2] = j
            runs[-1][3] += ln
        else:
            runs.append([lab, j, j, ln])
    merged = []
    for k, r in enumerate(runs):
        # a short unnamed piece, a short piece of the same road under its bare ref ("B 96" inside
        # "An der Chaussee (B 96)"), or a short piece between two stretches of one street, is not a
        # street to announce
        nxt = runs[k + 1][0] if k + 1 < len(runs) else None
        short = r[3] < SHORT_UNNAMED_M and merged and (
            r[0].startswith("unnamed ") or r[0] in merged[-1][0] or merged[-1][0] in r[0] or nxt == merged[-1][0]
        )
        if merged and (short or merged[-1][0] == r[0]):
            merged[-1][2] = r[2]
            merged[-1][3] += r[3]
        else:
            merged.append(list(r))
    # an unnamed start before a named street joins it
    if len(merged) > 1 and merged[0][0].startswith("unnamed ") and merged[0][3] < SHORT_UNNAMED_M:
        merged[1][1] = merged[0][1]
        merged[1][3] += merged[0][3]
        merged.pop(0)
    steps, at = [], 0.0
    prev_last = None
    for lab, a, b, ln in merged:
        if prev_last is None:
            turn = "start"
        else:
            turn = turn_word(_heading(net.edge_coords(prev_last), True), _heading(net.edge_coords(edges[a]), False))
        steps.append(Step(lab, at, ln, turn))
        at += ln
        prev_last = edges[b]
    cache[key] = steps
    return steps


def main_streets(steps, n=4) -> list:
    """The ``n`` longest named streets of a route, in driving order (for a one-line route summary)."""
    named = [s for s in steps if not s.street.startswith("unnamed ")]
    top = sorted(named, key=lambda s: -s.length_m)[:n]
    keep = {id(s) for s in top}
    out = []
    for s in named:
        if id(s) in keep and s.street not in out:
            out.append(s.street)
    return out


def km(m: float) -> str:
    """Metres as a short distance: ``"850 m"``, ``"12.3 km"``."""
    if m < 950:
        return f"{int(round(m / 10.0) * 10)} m"
    return f"{m / 1000.0:.1f} km"
