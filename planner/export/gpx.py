"""The convoy routes as GPX 1.1 (gpxpy) for navigation devices.

One ``<rte>`` per convoy, named after the convoy, its pickup and destination,
with the departure times in its description. Route points are vertices of the
road geometry the convoy drives (so every point lies on the route), thinned to
at most :data:`MAX_POINTS` (many devices refuse longer routes); the first point
is named after the pickup, the last after the destination, and the point
nearest each checkpoint after the checkpoint. The plan's pickups, destinations,
depots and checkpoints are also written as waypoints.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from planner.export.common import (
    clock,
    edges_xy,
    element_names,
    schedule_dict,
    trip_edges,
    trips_by_convoy,
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


def build_gpx(schedule, plan, net, *, routes=None):
    """The ``gpxpy.gpx.GPX`` document of the convoy routes and plan points."""
    import gpxpy.gpx

    sched = schedule_dict(schedule)
    names = element_names(plan)
    day0 = (sched.get("window") or {}).get("start")
    g = gpxpy.gpx.GPX()
    g.creator = "evacplan"
    g.name = plan.name
    g.description = f"Convoy routes of {plan.name}. Map data © OpenStreetMap contributors (ODbL)."
    for layer, sym in (("pickups", "Pickup"), ("destinations", "Destination"), ("depots", "Depot"),
                       ("checkpoints", "Checkpoint")):
        for el in getattr(plan, layer):
            g.waypoints.append(gpxpy.gpx.GPXWaypoint(
                latitude=el.lat, longitude=el.lon, name=f"{el.id} {el.name}", symbol=sym, type=sym))
    cp_xy = {}
    if plan.checkpoints:
        x, y = net.to_projected(np.array([c.lon for c in plan.checkpoints]), np.array([c.lat for c in plan.checkpoints]))
        cp_xy = {c.id: (float(a), float(b)) for c, a, b in zip(plan.checkpoints, np.atleast_1d(x), np.atleast_1d(y))}
    by_convoy = trips_by_convoy(sched)
    for c in sched.get("convoys", []):
        trips = by_convoy.get(c["id"], [])
        if not trips:
            continue
        xy = edges_xy(net, trip_edges(net, trips[0], routes))
        if len(xy) < 2:
            continue
        named = {0: f"{c.get('pickup')} {names.get(c.get('pickup'), '')}".strip(),
                 len(xy) - 1: f"{c.get('destination')} {names.get(c.get('destination'), '')}".strip()}
        for cp in trips[0].get("checkpoints", []):
            if cp["id"] in cp_xy:
                px, py = cp_xy[cp["id"]]
                j = int(np.argmin(np.hypot(xy[:, 0] - px, xy[:, 1] - py)))
                named.setdefault(j, f"{cp['id']} {names.get(cp['id'], '')}".strip())
        keep = _thin(xy, set(named), MAX_POINTS)
        lon, lat = net.to_wgs84(xy[keep, 0], xy[keep, 1])
        rte = gpxpy.gpx.GPXRoute(
            name=f"{c['id']} {c.get('pickup')}→{c.get('destination')}",
            description=(f"Convoy {c['id']}: {len(c.get('vehicles', []))} vehicles, depart {clock(c.get('depart'), day0)}"
                         f" (latest safe {clock(c.get('latest_safe_depart'), day0)}), arrive {clock(c.get('arrive'), day0)}"),
            number=None,
        )
        for j, lo, la in zip(keep.tolist(), np.atleast_1d(lon), np.atleast_1d(lat)):
            rte.points.append(gpxpy.gpx.GPXRoutePoint(latitude=round(float(la), 7), longitude=round(float(lo), 7),
                                                      name=named.get(j)))
        g.routes.append(rte)
    return g


def write_gpx(schedule, plan, net, path, *, routes=None) -> Path:
    """Write the convoy routes as a GPX 1.1 file, atomically.

    Parameters
    ----------
    schedule : planner.schedule.Schedule or dict
    plan : planner.plan.Plan
    net : planner.network.RoadNetwork
    path : str or Path
    routes : planner.routing.PlanRoutes, optional
        Used only for trips that carry no ``route_nodes``.

    Returns
    -------
    Path
    """
    doc = build_gpx(schedule, plan, net, routes=routes)
    return write_text_atomic(path, doc.to_xml(version="1.1"))
