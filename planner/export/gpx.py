"""The convoy routes as GPX 1.1 (gpxpy) for navigation devices and gpsbabel.

One ``<rte>`` per convoy round, from its staging area through the empty leg to
its assembly points and on with the people to the reception point. Route points
are vertices of the road geometry the convoy drives (so every point lies on the
route), thinned to at most :data:`MAX_POINTS` (many devices refuse longer routes).
Route points have names of their own, unique in the file (``C1-001`` …), never a
waypoint's name: gpsbabel's Garmin GDB writer takes two points of one name for one
place and stops with "Route point mismatch" when they sit apart. The points where
the round departs, reaches a stop or a checkpoint, and arrives carry that time in
``<time>`` (UTC, as the schema's ``xsd:dateTime``) and what happens there in
``<desc>``. The plan's pickups, destinations, depots and checkpoints are waypoints.
"""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

import numpy as np

from planner.export.common import (
    as_schedule,
    clock,
    edges_xy,
    element_names,
    route_edges,
    write_text_atomic,
)

#: Route points per convoy at most (Garmin units take 250 per route).
MAX_POINTS = 250


def _thin(xy: np.ndarray, keep: set, limit: int) -> np.ndarray:
    """Indices of vertices of the projected polyline ``xy`` (m) to keep: at most ``limit``
    (plus ``keep``), chosen by Douglas-Peucker with a growing tolerance."""
    n = len(xy)
    if n <= limit:
        return np.arange(n)
    import shapely

    line = shapely.linestrings(xy)
    tol = 2.0
    while True:
        simple = shapely.get_coordinates(shapely.simplify(line, tol, preserve_topology=False))
        if len(simple) + len(keep) <= limit or tol > 1e5:
            break
        tol *= 1.6
    # simplified vertices are original ones: find them in order
    idx, j = [], 0
    for p in simple:
        while j < n and not (xy[j, 0] == p[0] and xy[j, 1] == p[1]):
            j += 1
        if j < n:
            idx.append(j)
    return np.array(sorted(set(idx) | set(keep) | {0, n - 1}), dtype=np.int64)


def round_nodes(convoy) -> list:
    """OSM node ids of a whole convoy round: the empty leg to the first stop, then on through the stops."""
    a = list(convoy.route_nodes.get("in") or [])
    b = list(convoy.route_nodes.get("out") or [])
    if not a:
        return b
    if not b:
        return a
    try:
        j = b.index(a[-1])
    except ValueError:
        return a + b
    return a + b[j + 1 :]


def _utc(t):
    return None if t is None else t.astimezone(UTC)


def build_gpx(schedule, plan, net):
    """The ``gpxpy.gpx.GPX`` document of the convoy rounds and the plan's points."""
    import gpxpy.gpx

    sched = as_schedule(schedule, plan, net)
    names = element_names(plan)
    day0 = sched.window_start
    g = gpxpy.gpx.GPX()
    g.creator = "evacplan"
    g.name = plan.name
    g.description = f"Convoy routes of {plan.name}. Map data (c) OpenStreetMap contributors (ODbL)."
    pts_xy = {}
    for layer, sym in (
        ("pickups", "Pickup"),
        ("destinations", "Destination"),
        ("depots", "Depot"),
        ("checkpoints", "Checkpoint"),
    ):
        for el in getattr(plan, layer):
            g.waypoints.append(
                gpxpy.gpx.GPXWaypoint(
                    latitude=el.lat, longitude=el.lon, name=f"{el.id} {el.name}", symbol=sym, type=sym
                )
            )
            x, y = net.to_projected(np.array([el.lon]), np.array([el.lat]))
            pts_xy[el.id] = (float(np.atleast_1d(x)[0]), float(np.atleast_1d(y)[0]))
    for c in sorted(sched.convoys, key=lambda c: (c.depart, c.id)):
        nodes = round_nodes(c)
        if len(nodes) < 2:
            continue
        xy = edges_xy(net, route_edges(net, nodes))
        if len(xy) < 2:
            continue
        events = {
            0: (c.depart, f"depart {c.formation_place} {names.get(c.formation_place, '')}".strip()),
            len(xy) - 1: (c.arrive, f"arrive {c.destination} {names.get(c.destination, '')}".strip()),
        }
        for when, what, pid in [
            # a stop nobody boards at is driven through (a waypoint of the round)
            (st.arrive, f"{'stop' if st.boarded else 'pass'} {st.pickup} {names.get(st.pickup, '')}".strip(), st.pickup)
            for st in c.stops
        ] + [
            (
                p.arrive,
                f"checkpoint {p.checkpoint} {names.get(p.checkpoint, '')}, clear {clock(p.clear, day0)}",
                p.checkpoint,
            )
            for p in c.passages
        ]:
            if pid not in pts_xy:
                continue
            px, py = pts_xy[pid]
            j = int(np.argmin(np.hypot(xy[:, 0] - px, xy[:, 1] - py)))
            events.setdefault(j, (when, what))
        keep = _thin(xy, set(events), MAX_POINTS)
        lon, lat = net.to_wgs84(xy[keep, 0], xy[keep, 1])
        rte = gpxpy.gpx.GPXRoute(
            name=f"{c.id} {c.formation_place}-{'-'.join(c.pickups)}-{c.destination}",
            description=(
                f"Convoy {c.id} round {c.round}: {c.size} vehicles, {c.people} people; depart "
                f"{clock(c.depart, day0)} (latest safe {clock(c.latest_safe_depart, day0, latest=True)}), "
                f"arrive {clock(c.arrive, day0)}"
            ),
        )
        for k, (j, lo_, la) in enumerate(zip(keep.tolist(), np.atleast_1d(lon), np.atleast_1d(lat)), 1):
            ev = events.get(j)
            rte.points.append(
                gpxpy.gpx.GPXRoutePoint(
                    latitude=round(float(la), 7),
                    longitude=round(float(lo_), 7),
                    name=f"{c.id}-{k:03d}",
                    time=_utc(ev[0]) if ev else None,
                    description=ev[1] if ev else None,
                )
            )
        g.routes.append(rte)
    return g


def write_gpx(schedule, plan, net, path, *, routes=None) -> Path:
    """Write the convoy rounds as a GPX 1.1 file, atomically.

    Parameters
    ----------
    schedule : planner.schedule.result.Schedule or dict
    plan : planner.plan.Plan
    net : planner.network.RoadNetwork
    path : str or Path
    routes : ignored (the convoys carry their roads)

    Returns
    -------
    Path
    """
    doc = build_gpx(schedule, plan, net)
    return write_text_atomic(path, doc.to_xml(version="1.1"))
