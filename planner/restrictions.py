"""The plan's restrictions on the road network, built into a :class:`~planner.usable.UsableNetwork`.

- travel time per edge from the network's free-flow speeds, capped by the
  vehicle's speed (open road) and the plan's city cap;
- ``slow`` hazard zones multiply the time of the part of an edge inside them by
  ``1 / speed_factor``;
- ``blocked`` hazard zones remove every edge that touches them, road closures
  remove the edges they touch within :data:`CLOSURE_TOLERANCE_M`;
- with ``rules.corridor_only`` only edges inside the corridors' polygons (line
  buffered by half the width, in projected metres) or inside the approach
  radius around pickups, depots and destinations stay usable;
- the vehicle (:class:`~planner.vehicle.VehicleProfile`): ways its class may not
  use (``access``, ``motor_vehicle``, ``psv``, ``bus``) are removed,
  ``destination`` ways kept for the start and end of routes only, and ways
  whose ``maxheight``, ``maxweight`` or ``maxlength`` it exceeds are removed
  (one constraint per street and limit, so that explanations can name it).

Geometry work is vectorised with shapely 2 on the network's edge polylines.
"""

from __future__ import annotations

import numpy as np
import shapely

from planner.edgegeom import edge_lines, edge_tree
from planner.network.tags import format_limit
from planner.usable import Constraint, RoutingProblem, UsableNetwork
from planner.vehicle import VehicleProfile, access_masks, default_profile

__all__ = ["build_usable_network", "limit_constraints"]

#: Highway classes counted as "city" for the city speed cap.
CITY_HIGHWAYS = frozenset({"residential", "living_street", "tertiary", "tertiary_link", "unclassified", "service"})
#: Edges with a speed at or below this (km/h, usually an OSM ``maxspeed``) are city roads too.
CITY_MAX_SPEED_KPH = 50.0
#: A road closure removes the edges within this distance (metres) of its point or line.
CLOSURE_TOLERANCE_M = 10.0
#: Shortest travel time given to an edge (s): csgraph reads explicit zeros as "no edge".
MIN_EDGE_TIME_S = 1e-3


def build_usable_network(plan, net, *, max_speed_kph=None, profile: VehicleProfile | None = None) -> UsableNetwork:
    """The usable network of ``plan`` on ``net`` for one vehicle speed cap.

    Parameters
    ----------
    plan : planner.plan.Plan
    net : planner.network.RoadNetwork
    max_speed_kph : float, optional
        The vehicle's own cap (km/h), used on open road. ``None``: the plan's
        ``rules.open_road_speed_kph``.
    profile : VehicleProfile, optional
        The vehicle; its ``max_speed_kph`` is the cap when ``max_speed_kph`` is not given,
        its class and size decide access and limits (default: a 12 m coach). The plan's ``rules.city_speed_kph``
        applies in the city whatever the vehicle (a convoy rule), never above
        the vehicle's cap. City roads: highway classes in
        :data:`CITY_HIGHWAYS`, or a speed of at most :data:`CITY_MAX_SPEED_KPH`.

    Returns
    -------
    UsableNetwork
    """
    rules = plan.rules
    if max_speed_kph is None and profile is not None:
        max_speed_kph = profile.max_speed_kph
    open_kph = float(max_speed_kph if max_speed_kph is not None else rules.open_road_speed_kph)
    if profile is None:
        profile = default_profile(open_kph)
    city_kph = min(float(rules.city_speed_kph), open_kph)
    if not open_kph > 0:
        from planner.errors import PlanError

        raise PlanError(f"speed cap must be above 0 km/h, got {max_speed_kph}")

    city = np.isin(net.edge_highway, list(CITY_HIGHWAYS)) | (net.edge_speed_kph <= CITY_MAX_SPEED_KPH)
    cap_kph = np.where(city, city_kph, open_kph)
    time_s = np.maximum(net.edge_travel_time, net.edge_length * 3.6 / cap_kph)

    lines = edge_lines(net)
    tree = edge_tree(net)
    problems = []
    constraints = []

    for hz in plan.hazards:
        poly = _project_polygon(net, hz.polygon)
        if poly is None or poly.is_empty:
            continue
        hit = tree.query(poly, predicate="intersects")
        if hz.effect == "blocked":
            removes = np.zeros(net.n_edges, dtype=bool)
            removes[hit] = True
            constraints.append(Constraint("hazard", hz.id, _describe_hazard(hz), removes, poly))
        elif len(hit):
            factor = float(hz.speed_factor)
            if not factor > 0:
                continue  # validation reports it; a zero factor would mean "blocked"
            inside = shapely.length(shapely.intersection(lines[hit], poly))
            total = np.maximum(shapely.length(lines[hit]), 1e-9)
            frac = np.clip(inside / total, 0.0, 1.0)
            time_s[hit] *= (1.0 - frac) + frac / factor

    for cl in plan.closures:
        removes, nearest_m = _closure_edges(net, lines, tree, cl)
        if removes is None:
            continue
        if not removes.any():
            problems.append(
                RoutingProblem.of(
                    cl.id,
                    "closure_no_road",
                    element=f"road closure {_describe(cl, kind=False)}",
                    limit_m=CLOSURE_TOLERANCE_M,
                    nearest_m=float(nearest_m) if np.isfinite(nearest_m) else None,
                )
            )
        constraints.append(Constraint("closure", cl.id, f"road closure {_describe(cl, kind=False)}", removes))

    constraints += limit_constraints(net, profile)
    allowed, destination = access_masks(net, profile)

    corridor_keep, corridor_ids, corridor_desc = None, [], ""
    corridors = [c for c in plan.corridors if len(c.line) >= 2]
    if rules.corridor_only and corridors:
        corridor_keep = _corridor_mask(plan, net, lines, tree, corridors)
        corridor_ids = [c.id for c in corridors]
        if len(corridors) == 1:
            corridor_desc = _describe(corridors[0])
        else:
            corridor_desc = "the corridors " + ", ".join(_describe(c, kind=False) for c in corridors)

    usable = UsableNetwork(
        net=net,
        open_road_kph=open_kph,
        city_kph=city_kph,
        base_time_s=np.maximum(time_s, MIN_EDGE_TIME_S),
        constraints=constraints,
        corridor_keep=corridor_keep,
        corridor_ids=corridor_ids,
        corridor_desc=corridor_desc,
        profile=profile,
        allowed=allowed,
        destination=destination,
    )
    usable.problems = problems
    return usable


def limit_constraints(net, profile: VehicleProfile) -> list:
    """One :class:`Constraint` per street and size limit the vehicle exceeds ("Lindenstraße (maxweight 3 t)")."""
    out = []
    for key, size in (
        ("maxheight", profile.height_m),
        ("maxweight", profile.weight_t),
        ("maxlength", profile.length_m),
    ):
        limit = getattr(net, f"edge_{key}")
        over = np.flatnonzero(limit < size)
        groups: dict[tuple[str, float], list[int]] = {}
        for e in over.tolist():
            street = str(net.edge_name[e]) or str(net.edge_ref[e]) or f"an unnamed {net.edge_highway[e]} road"
            groups.setdefault((street, float(limit[e])), []).append(e)
        for (street, value), edges in sorted(groups.items()):
            removes = np.zeros(net.n_edges, dtype=bool)
            removes[edges] = True
            out.append(
                Constraint(
                    "limit", f"limit:{key}:{value:g}:{street}", f"{street} ({format_limit(key, value)})", removes
                )
            )
    return out


def _corridor_mask(plan, net, lines, tree, corridors):
    """Edges inside corridor polygons + approach discs, driven the right way on one-way corridors."""
    radius = float(plan.rules.approach_radius_m)
    pts = [(p.lon, p.lat) for layer in (plan.pickups, plan.depots, plan.destinations) for p in layer]
    approach = []
    if pts and radius > 0:
        px, py = net.to_projected(np.array([p[0] for p in pts]), np.array([p[1] for p in pts]))
        approach = list(shapely.buffer(shapely.points(np.atleast_1d(px), np.atleast_1d(py)), radius, quad_segs=16))
    polys, oneway = [], []
    for c in corridors:
        line = _project_line(net, c.line)
        poly = line.buffer(float(c.width_m) / 2.0)
        polys.append(poly)
        if c.oneway:
            oneway.append((line, poly))
    region = shapely.union_all(polys + approach)
    keep = np.zeros(net.n_edges, dtype=bool)
    keep[tree.query(region, predicate="covers")] = True
    if oneway:
        # An edge inside a one-way corridor only (not in an approach disc or a two-way
        # corridor) must run in the corridor's drawn direction.
        free = shapely.union_all([p for c, p in zip(corridors, polys) if not c.oneway] + approach)
        free_keep = np.zeros(net.n_edges, dtype=bool)
        if not free.is_empty:
            free_keep[tree.query(free, predicate="covers")] = True
        for line, poly in oneway:
            inside = np.flatnonzero(keep & ~free_keep)
            inside = inside[shapely.covers(poly, lines[inside])]
            u, v = net.edge_u[inside], net.edge_v[inside]
            su = shapely.line_locate_point(line, shapely.points(net.node_x[u], net.node_y[u]))
            sv = shapely.line_locate_point(line, shapely.points(net.node_x[v], net.node_y[v]))
            keep[inside[sv < su - 1.0]] = False
    return keep


def _closure_edges(net, lines, tree, closure):
    """Bool mask of the edges a closure removes, and the distance to the nearest road (m)."""
    if not closure.points:
        return None, np.inf
    xs, ys = net.to_projected(
        np.array([p[0] for p in closure.points], dtype=float), np.array([p[1] for p in closure.points], dtype=float)
    )
    xs, ys = np.atleast_1d(xs), np.atleast_1d(ys)
    removes = np.zeros(net.n_edges, dtype=bool)
    geom = shapely.Point(xs[0], ys[0]) if len(xs) == 1 else shapely.LineString(np.column_stack([xs, ys]))
    near = tree.query(geom, predicate="dwithin", distance=CLOSURE_TOLERANCE_M)
    if len(near) == 0:
        _, d = tree.query_nearest(geom, return_distance=True)
        return removes, float(d[0]) if len(d) else np.inf
    d = shapely.distance(lines[near], geom)
    if len(xs) == 1:
        # A point closes the road it lies on (both directions), not every road
        # within reach: at a junction only a point on the junction itself closes it all.
        removes[near[d <= d.min() + 0.5]] = True
    else:
        # A line closes the roads it runs along or cuts across; a side street that
        # only meets it at its end stays open.
        band = geom.buffer(CLOSURE_TOLERANCE_M)
        along = shapely.length(shapely.intersection(lines[near], band))
        long_enough = along > np.minimum(3 * CLOSURE_TOLERANCE_M, 0.5 * shapely.length(lines[near]))
        u, v = net.edge_u[near], net.edge_v[near]
        du = shapely.distance(shapely.points(net.node_x[u], net.node_y[u]), geom)
        dv = shapely.distance(shapely.points(net.node_x[v], net.node_y[v]), geom)
        cuts = shapely.intersects(lines[near], geom) & (du > CLOSURE_TOLERANCE_M) & (dv > CLOSURE_TOLERANCE_M)
        removes[near[long_enough | cuts]] = True
    return removes, float(d.min())


def _project_line(net, coords):
    lon = np.array([c[0] for c in coords], dtype=float)
    lat = np.array([c[1] for c in coords], dtype=float)
    x, y = net.to_projected(lon, lat)
    return shapely.LineString(np.column_stack([x, y]))


def _project_polygon(net, coords):
    if len(coords) < 3:
        return None
    lon = np.array([c[0] for c in coords], dtype=float)
    lat = np.array([c[1] for c in coords], dtype=float)
    x, y = net.to_projected(lon, lat)
    poly = shapely.Polygon(np.column_stack([x, y]))
    return poly if poly.is_valid else shapely.make_valid(poly)


def _describe(element, kind=True) -> str:
    from planner.plan.model import describe

    text = describe(element)
    return text if kind else text.split(" ", 1)[1]


def _describe_hazard(hz) -> str:
    return f"hazard zone {_describe(hz, kind=False)}"
