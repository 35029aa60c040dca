"""The routes of a whole plan: snapping, one multi-source search, loaded routes, problems, the route table."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import shapely

from planner.progress import null_progress
from planner.restrictions import build_usable_network
from planner.routing.alternatives import alternative_routes
from planner.routing.explain import explain_reason
from planner.routing.route import Route, make_route, route_cost
from planner.routing.search import route_via, search_matrix, tree_path
from planner.usable import (
    VEHICLE_PLURAL,
    CheckpointIndex,
    RoutingProblem,
    UsableNetwork,
    checkpoint_index,
)


@dataclass
class PlanRoutes:
    """Everything routing knows about a plan for one speed cap.

    Attributes
    ----------
    routes : dict
        ``(pickup_id, destination_id) -> Route``, the best loaded route (reachable pairs only).
    alternatives : dict
        ``(pickup_id, destination_id) -> list[Route]``, best first, sorted by time.
    time_s, length_m : dict
        ``(from_id, to_id) -> seconds / metres`` (``math.inf`` if unreachable) for
        depot -> pickup, destination -> pickup, pickup -> destination and pickup -> pickup.
    problems : list of RoutingProblem
    snaps : dict
        ``element_id -> (node_index, distance_m)`` for pickups, destinations, depots and checkpoints.
    usable : UsableNetwork
        The network the routes were computed on.
    """

    routes: dict
    alternatives: dict
    time_s: dict
    length_m: dict
    problems: list
    snaps: dict
    usable: UsableNetwork | None = None
    _sources: dict = field(default_factory=dict, repr=False)  # element id -> row of _pred
    _pred: np.ndarray | None = field(default=None, repr=False)  # (sources, states) of the turn graph
    _dist: np.ndarray | None = field(default=None, repr=False)
    _checkpoint_nodes: CheckpointIndex | None = field(default=None, repr=False)

    def leg(self, from_id: str, to_id: str) -> Route | None:
        """The fastest route between any two routed plan points (depot, pickup, destination).

        Built from the stored shortest-path tree, no new search. ``None`` if unreachable.
        """
        path = self._tree_path(from_id, to_id)
        if path is None:
            return None
        return make_route(self.usable, path[0], path[1], from_id, to_id, self._checkpoint_nodes)

    def leg_cost(self, from_id: str, to_id: str) -> tuple | None:
        """``(time_s, length_m, checkpoint passes)`` of :meth:`leg`, without building its nodes and geometry."""
        path = self._tree_path(from_id, to_id)
        if path is None:
            return None
        return route_cost(self.usable, path[0], path[1], self._checkpoint_nodes)

    def _tree_path(self, from_id: str, to_id: str):
        """``(origin node, edges)`` of the stored tree's path between two routed plan points; ``None`` if none."""
        row = self._sources.get(from_id)
        if row is None or to_id not in self.snaps:
            raise KeyError(f"no routed plan point {from_id!r} or {to_id!r}")
        origin, target = self.snaps[from_id][0], self.snaps[to_id][0]
        edges = tree_path(self.usable, self._dist[row], self._pred[row], origin, target)
        return None if edges is None else (origin, edges)

    def via(self, from_id: str, to_id: str, checkpoint_ids) -> Route | None:
        """The fastest route between two routed plan points forced through checkpoints, in the given order.

        ``None`` if a leg is unreachable; ``KeyError`` for an unknown id.
        """
        for i in [from_id, to_id, *checkpoint_ids]:
            if i not in self.snaps:
                raise KeyError(f"no routed plan point {i!r}")
        return route_via(
            self.usable,
            self.snaps[from_id][0],
            self.snaps[to_id][0],
            [self.snaps[c][0] for c in checkpoint_ids],
            origin_id=from_id,
            destination_id=to_id,
            checkpoints=self._checkpoint_nodes,
        )

    def to_dict(self) -> dict:
        """JSON-ready dict: routes, alternatives, matrix, problems, snaps."""
        net = self.usable.net if self.usable is not None else None
        out = {
            "network": {"name": getattr(net, "name", None), "sha256": getattr(net, "sha256", None)},
            "routes": [r.to_dict() for r in self.routes.values()],
            "alternatives": [
                {"from": a, "to": b, "routes": [r.to_dict() for r in alts]}
                for (a, b), alts in self.alternatives.items()
            ],
            "matrix": [
                {
                    "from": a,
                    "to": b,
                    "time_s": None if math.isinf(t) else round(t, 1),
                    "length_m": None if math.isinf(self.length_m[(a, b)]) else round(self.length_m[(a, b)], 1),
                }
                for (a, b), t in self.time_s.items()
            ],
            "problems": [p.to_dict() for p in self.problems],
            "snaps": {
                k: {
                    "node": int(net.node_osmid[n]) if (net is not None and n >= 0) else None,
                    "distance_m": None if math.isinf(d) else round(float(d), 1),
                }
                for k, (n, d) in self.snaps.items()
            },
        }
        return out


def route_plan(
    plan, net, *, max_speed_kph=None, alternatives=1, progress=None, usable=None, profile=None
) -> PlanRoutes:
    """Routes, travel-time matrix and problems for every pickup, depot and destination of a plan.

    Parameters
    ----------
    plan : planner.plan.Plan
    net : planner.network.RoadNetwork
    max_speed_kph : float, optional
        The vehicle's cap on open road (km/h); ``None``: the plan's bus caps
        (see :func:`planner.restrictions.build_usable_network`).
    alternatives : int
        Routes per (pickup, destination), including the best.
    progress : callable, optional
        ``progress(fraction, message)``; may raise ``Cancelled``.
    usable : UsableNetwork, optional
        A usable network already built for this plan and cap (reused as is).
    profile : planner.usable.VehicleProfile, optional
        The vehicle (speed cap and size) to route for.

    Returns
    -------
    PlanRoutes
    """
    progress = progress or null_progress
    progress(0.0, "building the usable road network")
    if usable is None:
        usable = build_usable_network(plan, net, max_speed_kph=max_speed_kph, profile=profile)
    problems = list(usable.problems)

    points = [("pickup", p) for p in plan.pickups] + [("destination", d) for d in plan.destinations]
    points += [("depot", d) for d in plan.depots] + [("checkpoint", c) for c in plan.checkpoints]
    snaps, snap_problems = _snap_points(net, usable, points, float(plan.rules.snap_limit_m))
    problems += snap_problems
    cp_nodes = checkpoint_index(usable, plan.checkpoints)

    # One multi-source dijkstra from every depot, pickup and destination.
    progress(0.1, "travel-time matrix")
    sources = [el for kind, el in points if kind != "checkpoint" and snaps[el.id][0] >= 0]
    src_nodes = np.array([snaps[el.id][0] for el in sources], dtype=np.int64)
    uniq, row_of = np.unique(src_nodes, return_inverse=True)
    row = {el.id: int(r) for el, r in zip(sources, np.atleast_1d(row_of))}
    tg = usable.turn_graph
    dist_all = pred = None
    if len(uniq):
        dist_all, pred = tg.search(tg.sources(uniq))

    time_s, length_m = {}, {}
    pairs = [(d, p) for d in plan.depots for p in plan.pickups]
    pairs += [(d, p) for d in plan.destinations for p in plan.pickups]
    pairs += [(p, d) for p in plan.pickups for d in plan.destinations]
    pairs += [(p, q) for p in plan.pickups for q in plan.pickups if p.id != q.id]
    if pairs:
        r_idx = np.array([row.get(a.id, -1) for a, _ in pairs], dtype=np.int64)
        n_idx = np.array([snaps[b.id][0] for _, b in pairs], dtype=np.int64)
        ok = (r_idx >= 0) & (n_idx >= 0)
        t_pairs = np.full(len(pairs), np.inf)
        l_pairs = np.full(len(pairs), np.inf)
        if ok.any():
            targets = np.unique(n_idx[ok])
            t_all, len_all = search_matrix(usable, dist_all, pred, uniq, targets)
            col = np.searchsorted(targets, n_idx[ok])
            t_pairs[ok] = t_all[r_idx[ok], col]
            l_pairs[ok] = len_all[r_idx[ok], col]
        for (a, b), t, ln in zip(pairs, t_pairs.tolist(), l_pairs.tolist()):
            time_s[(a.id, b.id)] = t
            length_m[(a.id, b.id)] = ln

    # Loaded routes (and alternatives).
    routes, alts = {}, {}
    n_pairs = max(1, sum(len(_allowed_destinations(plan, p)) for p in plan.pickups))
    done = 0
    for p in plan.pickups:
        for d in _allowed_destinations(plan, p):
            done += 1
            progress(0.2 + 0.6 * done / n_pairs, f"routes {p.id} -> {d.id}")
            if math.isinf(time_s[(p.id, d.id)]):
                continue
            edges = tree_path(usable, dist_all[row[p.id]], pred[row[p.id]], snaps[p.id][0], snaps[d.id][0])
            best = make_route(usable, snaps[p.id][0], edges, p.id, d.id, cp_nodes)
            best.label = "fastest"
            if alternatives > 1:
                alts[(p.id, d.id)] = alternative_routes(
                    usable,
                    snaps[p.id][0],
                    snaps[d.id][0],
                    alternatives,
                    origin_id=p.id,
                    destination_id=d.id,
                    checkpoints=cp_nodes,
                    best=best,
                )
            else:
                alts[(p.id, d.id)] = [best]
            routes[(p.id, d.id)] = best

    # Explanations for what cannot be routed.
    progress(0.85, "explaining unreachable pairs")
    problems += _reachability_problems(plan, usable, snaps, time_s)
    on_routes = {c.checkpoint_id for rs in alts.values() for r in rs for c in r.checkpoints}
    for c in plan.checkpoints:
        if snaps[c.id][0] >= 0 and c.id not in on_routes and routes:
            problems.append(RoutingProblem.of(c.id, "off_route", checkpoint=_describe(c)))
    progress(1.0, f"{len(routes)} routes")
    return PlanRoutes(
        routes=routes,
        alternatives=alts,
        time_s=time_s,
        length_m=length_m,
        problems=problems,
        snaps=snaps,
        usable=usable,
        _sources=row,
        _pred=pred,
        _dist=dist_all,
        _checkpoint_nodes=cp_nodes,
    )


def _snap_points(net, usable, points, limit):
    """``element id -> (node, metres)`` for ``(kind, element)`` points, and the problems found.

    Points inside a blocked hazard zone are served from the nearest road of the
    main usable network outside it (not from a stub cut off inside the zone).
    """
    snaps, problems = {}, []
    if not points:
        return snaps, problems
    x, y = net.to_projected(
        np.array([el.lon for _, el in points], dtype=float), np.array([el.lat for _, el in points], dtype=float)
    )
    x, y = np.atleast_1d(x), np.atleast_1d(y)
    node, dist = usable.snap(x, y)
    inside = {}
    for c in usable.constraints:
        if c.kind == "hazard" and c.geometry is not None:
            for i in np.flatnonzero(shapely.contains_xy(c.geometry, x, y)).tolist():
                if points[i][0] != "checkpoint":
                    inside.setdefault(i, c)
    if inside:
        idx = np.array(sorted(inside))
        node[idx], dist[idx] = usable.snap(x[idx], y[idx], main_only=True)
    for i, (kind, el) in enumerate(points):
        nd, dd = int(node[i]), float(dist[i])
        snaps[el.id] = (nd, dd)
        if nd < 0:
            problems.append(RoutingProblem.of(el.id, "no_snap", element=_describe(el)))
        elif i in inside:
            problems.append(
                RoutingProblem.of(
                    el.id, "inside_hazard", element=_describe(el), zone=inside[i].description, distance_m=dd
                )
            )
        elif dd > limit:
            problems.append(RoutingProblem.of(el.id, "snap_far", element=_describe(el), distance_m=dd, limit_m=limit))
    return snaps, problems


def _allowed_destinations(plan, pickup):
    """The destinations a pickup's people may go to (``pickup.destination``, or all)."""
    want = getattr(pickup, "destination", None)
    return [d for d in plan.destinations if want is None or d.id == want]


def _reachability_problems(plan, usable, snaps, time_s):
    problems = []

    def node(el):
        return snaps[el.id][0]

    for p in plan.pickups:
        dests = [d for d in _allowed_destinations(plan, p) if node(d) >= 0]
        if node(p) < 0 or not dests:
            continue
        bad = [d for d in dests if math.isinf(time_s[(p.id, d.id)])]
        if dests and len(bad) == len(dests):
            why = _way_out(explain_reason(usable, node(p), [node(d) for d in dests]))
            problems.append(RoutingProblem.of(p.id, "no_destination", pickup=_describe(p), why=why))
        else:
            for d in bad:
                why = _way_out(explain_reason(usable, node(p), [node(d)]))
                problems.append(
                    RoutingProblem.of(
                        p.id, "destination_unreachable", pickup=_describe(p), destination=_describe(d), why=why
                    )
                )
    starts = [s for s in list(plan.depots) + list(plan.destinations) if node(s) >= 0]
    for p in plan.pickups:
        if node(p) < 0 or not starts:
            continue
        if all(math.isinf(time_s[(s.id, p.id)]) for s in starts):
            # Explain from the first depot (or destination): reversing the graph would name the same cut.
            why = explain_reason(usable, node(starts[0]), [node(p)])
            if why["code"] == "way_in":
                kind = usable.profile.kind if usable.profile is not None else "bus"
                who = VEHICLE_PLURAL.get(kind.lower(), kind + "s")
                problems.append(RoutingProblem.of(p.id, "not_reached_by", pickup=_describe(p), vehicles=who, why=why))
            else:
                problems.append(RoutingProblem.of(p.id, "not_reached", pickup=_describe(p), why=why))
    picks = [p for p in plan.pickups if node(p) >= 0]
    for dp in plan.depots:
        if node(dp) < 0 or not picks:
            continue
        if all(math.isinf(time_s[(dp.id, p.id)]) for p in picks):
            why = explain_reason(usable, node(dp), [node(p) for p in picks])
            problems.append(RoutingProblem.of(dp.id, "depot_no_pickup", depot=_describe(dp), why=why))
    return problems


def _way_out(why: dict) -> dict:
    """A reason said from the place outwards: "every way out" for "every way in"."""
    return dict(why, code="way_out") if why["code"] == "way_in" else why


def _describe(element) -> str:
    from planner.plan.model import describe

    return describe(element)


def format_routes(plan, routes: PlanRoutes) -> str:
    """The ``evacplan route`` table: from, to, minutes, km, checkpoints; then the problems."""
    names = {el.id: el.name for el in plan.elements()}
    rows = [("from", "to", "min", "km", "overlap", "checkpoints", "route")]
    for (a, b), alts in routes.alternatives.items():
        for i, r in enumerate(alts):
            rows.append(
                (
                    a if i == 0 else "",
                    b if i == 0 else "",
                    f"{r.time_s / 60:.1f}",
                    f"{r.length_m / 1000:.2f}",
                    "" if i == 0 else f"{100 * r.overlap:.0f}%",
                    " ".join(r.checkpoint_ids) or "-",
                    r.label,
                )
            )
    unreachable = [
        (p.id, d.id) for p in plan.pickups for d in _allowed_destinations(plan, p) if (p.id, d.id) not in routes.routes
    ]
    for a, b in unreachable:
        rows.append((a, b, "-", "-", "", "", "unreachable"))
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    right = {2, 3, 4}
    lines = []
    for k, r in enumerate(rows):
        cells = [str(c).rjust(w) if i in right else str(c).ljust(w) for i, (c, w) in enumerate(zip(r, widths))]
        lines.append("  ".join(cells).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    legend = sorted(
        {(a, names.get(a, "")) for (a, _b) in routes.alternatives}
        | {(b, names.get(b, "")) for (_a, b) in routes.alternatives}
    )
    if legend:
        lines.append("")
        lines.extend(f"{i}: {n}" for i, n in legend)
    if routes.problems:
        lines.append("")
        lines.append(f"{len(routes.problems)} problem(s):")
        lines.extend(f"  {p.message}" for p in routes.problems)
    return "\n".join(lines)
