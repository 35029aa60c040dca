"""Where the plan's points land on a road network.

A plan holds WGS84 points; at compute time each point element snaps to the
nearest drivable node of the loaded network. Snaps farther than the plan's
``rules.snap_limit_m`` are problems: the point is probably misplaced, or the
network extract does not cover it.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import numpy as np
import shapely

from planner.plan.model import Plan, describe
from planner.plan.problems import ERROR, Problem, problem

# Layers whose elements are snapped to nodes (corridors and hazards are areas, not points).
SNAPPED_LAYERS = ("pickups", "destinations", "depots", "checkpoints", "closures")


@dataclass
class Snap:
    """One plan point and the network node it snaps to.

    Attributes
    ----------
    element_id, kind, name : str
        The element (``kind`` as in messages: ``"pickup"``, ``"checkpoint"``, ...).
    field : str
        ``"lon"`` for a point element, ``"points[i]"`` for a closure's points.
    lon, lat : float
        The plan's coordinates (degrees).
    node : int
        Index of the nearest node in the network arrays.
    osmid : int
        Its OSM node id.
    node_lon, node_lat : float
        The node's coordinates (degrees).
    distance_m : float
        Straight-line distance from the point to the node (metres, projected).
    ok : bool
        ``distance_m`` is within the limit.
    """

    element_id: str
    kind: str
    name: str
    field: str
    lon: float
    lat: float
    node: int
    osmid: int
    node_lon: float
    node_lat: float
    distance_m: float
    ok: bool

    def to_dict(self) -> dict:
        return asdict(self)


def _points(plan: Plan):
    for layer in SNAPPED_LAYERS:
        for el in getattr(plan, layer):
            if hasattr(el, "lon"):
                yield el, "lon", el.lon, el.lat
            else:
                for i, c in enumerate(el.points):
                    yield el, f"points[{i}]", c[0], c[1]


def _finite(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def snap_plan(plan: Plan, net, limit_m: float | None = None) -> list[Snap]:
    """Snap every point element of ``plan`` to the nearest node of ``net``.

    Points with invalid coordinates are skipped (validation reports them).

    Parameters
    ----------
    plan : Plan
    net : RoadNetwork
    limit_m : float, optional
        Snap limit in metres; default ``plan.rules.snap_limit_m``.

    Returns
    -------
    list of Snap
        In plan order (pickups, destinations, depots, checkpoints, closures).
    """
    if limit_m is None:
        limit_m = plan.rules.snap_limit_m
    # out-of-range coordinates are validation errors already; they cannot be projected
    pts = [
        (el, f, lon, lat)
        for el, f, lon, lat in _points(plan)
        if _finite(lon) and _finite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90
    ]
    if pts:
        x, y = net.to_projected(np.array([p[2] for p in pts], dtype=float), np.array([p[3] for p in pts], dtype=float))
        ok = np.isfinite(x) & np.isfinite(y)
        pts = [p for p, good in zip(pts, ok) if good]
        x, y = np.asarray(x)[ok], np.asarray(y)[ok]
    if not pts or net.n_nodes == 0:
        return []
    idx, dist = net.nearest_nodes(np.asarray(x), np.asarray(y))
    idx, dist = np.atleast_1d(idx), np.atleast_1d(dist)
    out = []
    for (el, f, plon, plat), i, d in zip(pts, idx, dist):
        i = int(i)
        d = float(d)
        out.append(
            Snap(
                element_id=el.id,
                kind=el.KIND,
                name=el.name,
                field=f,
                lon=float(plon),
                lat=float(plat),
                node=i,
                osmid=int(net.node_osmid[i]),
                node_lon=float(net.node_lon[i]),
                node_lat=float(net.node_lat[i]),
                distance_m=d,
                ok=bool(d <= limit_m),  # a NaN distance is not ok
            )
        )
    return out


def format_distance(metres: float) -> str:
    """A snap distance for a message: metres below 10 km ("388 m"), else whole kilometres ("14,593 km")."""
    return f"{metres:.0f} m" if metres < 10_000 else f"{metres / 1000:,.0f} km"


def snap_fix(kind: str) -> str:
    """What to do about a point too far from the roads (the end of a snap error)."""
    if kind == "closure":
        return "put the closure on the road it closes, or delete it"
    return "drag it onto a road on the map, or raise the plan's snap limit (rules.snap_limit_m) if it is right"


def snap_problems(plan: Plan, snaps: list[Snap], network_name: str = "") -> list[Problem]:
    """One error per snap beyond the limit, naming the element, the field, the distance and the fix."""
    limit = plan.rules.snap_limit_m
    problems = []
    for s in snaps:
        if not s.ok:
            el = plan.element(s.element_id)
            who = describe(el) if el is not None else f"{s.kind} {s.element_id}"
            code = "snap_far" if s.field == "lon" else "snap_far_closure"
            problems.append(
                problem(
                    ERROR,
                    s.element_id,
                    s.field,
                    who,
                    code,
                    field=s.field,
                    distance_m=s.distance_m,
                    network=repr(network_name),
                    osmid=s.osmid,
                    limit_m=limit,
                )
            )
    return problems


def _blocked_zones(plan: Plan, net, x: float, y: float) -> list:
    """The blocked hazard zones of ``plan`` that contain projected point ``(x, y)``."""
    out = []
    for h in plan.hazards:
        if h.effect != "blocked" or len(h.polygon) < 3:
            continue
        hx, hy = net.to_projected(
            np.array([c[0] for c in h.polygon], dtype=float), np.array([c[1] for c in h.polygon], dtype=float)
        )
        if shapely.contains_xy(shapely.Polygon(np.column_stack([hx, hy])), x, y):
            out.append(h)
    return out


def served_problems(plan: Plan, net, snaps: dict) -> list[Problem]:
    """Errors for points the compute would serve from a road node beyond the snap limit.

    Routing snaps each point to the nearest node of the *usable* network (closed
    roads and blocked hazard zones removed), which can lie much farther than the
    nearest road node: a reception point inside a blocked zone is then served
    from outside it. Beyond ``rules.snap_limit_m`` that is an error, not a detail.

    Parameters
    ----------
    plan : Plan
    net : RoadNetwork
    snaps : dict
        ``element id -> (node index, distance m)``, as in ``PlanRoutes.snaps``
        (node ``-1``: no usable road at all).

    Returns
    -------
    list of Problem
        One error per element, naming it, the distance, the blocked zone it lies in and the fix.
    """
    limit = float(plan.rules.snap_limit_m)
    problems = []
    for eid, (node, dist) in snaps.items():
        if node >= 0 and dist <= limit:
            continue
        el = plan.element(eid)
        if el is None or not hasattr(el, "lon"):
            continue
        x, y = net.to_projected(float(el.lon), float(el.lat))
        zones = _blocked_zones(plan, net, float(x), float(y))
        zone = {"zone": describe(zones[0]), "zone_id": zones[0].id} if zones else {}
        suffix = "_zone" if zones else ""
        if node < 0:
            problems.append(problem(ERROR, eid, "lon", describe(el), "served_none" + suffix, **zone))
        else:
            problems.append(
                problem(
                    ERROR,
                    eid,
                    "lon",
                    describe(el),
                    "served_far" + suffix,
                    **zone,
                    distance_m=dist,
                    osmid=int(net.node_osmid[node]),
                    limit_m=limit,
                )
            )
    return problems


def snap_report(plan: Plan, net) -> tuple[list[Snap], list[Problem]]:
    """Snaps of every point element and the problems among them (``rules.snap_limit_m``)."""
    snaps = snap_plan(plan, net)
    return snaps, snap_problems(plan, snaps, getattr(net, "name", ""))
