"""Constrained routing on a stored road network (design section 5).

The usable network of a plan (caps, hazards, closures, corridors, the
vehicle's access and size limits) is built once by
:func:`planner.usable.build_usable_network`; every query here runs
``scipy.sparse.csgraph.dijkstra`` on its turn-aware graph
(:mod:`planner.turngraph`), so every turn of every route, alternative and
matrix entry is legal under the OSM turn restrictions.

Main entry point for the scheduler::

    routes = route_plan(plan, net, max_speed_kph=None, alternatives=1)
    routes.routes[(pickup_id, destination_id)]      # best loaded Route
    routes.time_s[(from_id, to_id)]                 # seconds, math.inf if unreachable

Lower-level queries: :func:`shortest_route`, :func:`route_via` (forced through
checkpoints in order), :func:`alternative_routes` (penalty re-routing) and
:func:`travel_matrix` (one multi-source call).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import shapely
from scipy.sparse.csgraph import dijkstra

from planner.progress import null_progress
from planner.usable import (
    CORRIDOR,
    VEHICLE_PLURAL,
    CheckpointIndex,
    RoutingProblem,
    UsableNetwork,
    build_usable_network,
    checkpoint_index,
    geom_lonlat,
)

__all__ = [
    "CheckpointPass",
    "PlanRoutes",
    "Route",
    "RoutingProblem",
    "UsableNetwork",
    "alternative_routes",
    "build_usable_network",
    "checkpoint_index",
    "explain_unreachable",
    "route_plan",
    "route_via",
    "shortest_route",
    "travel_matrix",
]

#: Alternatives: factor added to the time of the edges of every route found so far.
PENALTY = 0.5
#: Alternatives sharing more than this share of their length with an accepted route are not "material".
MAX_OVERLAP = 0.8
#: Alternatives slower than this many times the best route are not offered.
MAX_STRETCH = 1.6


@dataclass
class CheckpointPass:
    """A checkpoint a route drives through: its node and the driving time/distance to it from the start."""

    checkpoint_id: str
    node_index: int
    offset_s: float
    offset_m: float

    def to_dict(self) -> dict:
        return {"id": self.checkpoint_id, "offset_s": round(self.offset_s, 1), "offset_m": round(self.offset_m, 1)}


@dataclass
class Route:
    """One route on the usable network.

    Attributes
    ----------
    origin_id, destination_id : str
        Plan element ids (or ``""`` for a bare node query).
    node_index : np.ndarray
        Network node indices in driving order.
    edge_index : np.ndarray
        Network edge indices, ``len(node_index) - 1`` of them.
    route_nodes : list of int
        Every OSM node id driven through, in order, including the nodes inside simplified edges.
    length_m, time_s : float
        Metres; seconds on the usable network's weights (caps and slow zones applied).
    coords_lonlat : np.ndarray
        (k, 2) WGS84 polyline of the route.
    checkpoints : list of CheckpointPass
        Checkpoints passed, in driving order.
    label : str
        Short human label ("fastest", "via Neustrelitzer Straße").
    overlap : float
        Share of this route's length that it shares with the best route (0..1; 1 for the best).
    """

    origin_id: str
    destination_id: str
    node_index: np.ndarray
    edge_index: np.ndarray
    route_nodes: list
    length_m: float
    time_s: float
    coords_lonlat: np.ndarray
    checkpoints: list = field(default_factory=list)
    label: str = ""
    overlap: float = 1.0

    @property
    def checkpoint_ids(self) -> list:
        return [c.checkpoint_id for c in self.checkpoints]

    def to_dict(self) -> dict:
        """JSON-ready dict (coordinates rounded to 1e-6 degrees)."""
        return {
            "from": self.origin_id,
            "to": self.destination_id,
            "label": self.label,
            "time_s": round(float(self.time_s), 1),
            "length_m": round(float(self.length_m), 1),
            "overlap": round(float(self.overlap), 3),
            "checkpoints": [c.to_dict() for c in self.checkpoints],
            "route_nodes": [int(n) for n in self.route_nodes],
            "coordinates": np.round(self.coords_lonlat, 6).tolist(),
        }


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
        row = self._sources.get(from_id)
        if row is None or to_id not in self.snaps:
            raise KeyError(f"no routed plan point {from_id!r} or {to_id!r}")
        origin, target = self.snaps[from_id][0], self.snaps[to_id][0]
        edges = _tree_path(self.usable, self._dist[row], self._pred[row], origin, target)
        if edges is None:
            return None
        return _make_route(self.usable, origin, edges, from_id, to_id, self._checkpoint_nodes)

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


# ---------------------------------------------------------------- single queries


def shortest_route(
    usable: UsableNetwork, origin: int, target: int, *, origin_id="", destination_id="", checkpoints=None
):
    """Fastest route between two node indices, or ``None`` if unreachable.

    Parameters
    ----------
    usable : UsableNetwork
    origin, target : int
        Node indices.
    checkpoints : CheckpointIndex, optional
        From :func:`planner.usable.checkpoint_index`, to report the checkpoints passed.
    """
    edges = _shortest_edges(usable, origin, target)
    if edges is None:
        return None
    return _make_route(usable, origin, edges, origin_id, destination_id, checkpoints)


def route_via(
    usable: UsableNetwork, origin: int, target: int, via, *, origin_id="", destination_id="", checkpoints=None
):
    """Fastest route from ``origin`` to ``target`` through the ``via`` nodes in the given order.

    Each leg is a fastest path that goes on from the edge the previous leg
    arrived by, so the turn at every via node is legal too. ``None`` if a leg
    is unreachable.
    """
    tg = usable.turn_graph
    start = int(tg.source0 + int(origin))
    here = int(origin)
    edges = []
    for stop in [int(v) for v in via] + [int(target)]:
        if stop == here:
            continue
        dist, pred = tg.search_one(start)
        state, t = tg.best_state(dist, stop)
        if state < 0 or not np.isfinite(t):
            return None
        leg = tg.path_edges(pred, state, start)
        edges.extend(leg.tolist() if start >= tg.source0 else leg[1:].tolist())
        start, here = state, stop
    return _make_route(usable, int(origin), np.asarray(edges, dtype=np.int64), origin_id, destination_id, checkpoints)


def alternative_routes(
    usable: UsableNetwork,
    origin: int,
    target: int,
    k: int = 3,
    *,
    origin_id="",
    destination_id="",
    checkpoints=None,
    penalty: float = PENALTY,
    max_overlap: float = MAX_OVERLAP,
    max_stretch: float = MAX_STRETCH,
    best: Route | None = None,
) -> list:
    """Up to ``k`` materially different routes, best first, sorted by time.

    Penalty re-routing: after each route found, the times of its edges are
    multiplied by ``1 + penalty`` and the search runs again; a candidate is kept
    when it shares at most ``max_overlap`` of its length with every route kept
    so far (and they with it) and takes at most ``max_stretch`` times the best
    route's time (on the true, unpenalised times). At most ``4 k`` searches,
    each bounded by ``limit`` so that it stops early. Each route's ``overlap``
    is its share of length on the best route.
    """
    if best is None:
        best = shortest_route(
            usable, origin, target, origin_id=origin_id, destination_id=destination_id, checkpoints=checkpoints
        )
    if best is None:
        return []
    best.overlap, best.label = 1.0, "fastest"
    kept = [best]
    if k <= 1 or len(best.edge_index) == 0:
        return kept
    tg = usable.turn_graph
    penalised = tg.graph.copy()
    column_edge = tg.state_edge[penalised.indices]
    factor = np.ones(usable.net.n_edges)
    # Bound the search: a path costing more than this on penalised weights is
    # too slow or shares too much with the routes penalised so far.
    limit = max_stretch * best.time_s * (1.0 + penalty) ** 3
    seen = {tuple(best.edge_index.tolist())}
    last = best
    start = tg.source0 + int(origin)
    for _ in range(4 * k):
        factor[last.edge_index] *= 1.0 + penalty
        penalised.data = tg.graph.data * factor[column_edge]
        dist, pred = tg.search_one(start, limit=limit, graph=penalised)
        state, t = tg.best_state(dist, int(target))
        if state < 0 or not np.isfinite(t):
            break
        edges = tg.path_edges(pred, state, start)
        key = tuple(edges.tolist())
        if key in seen:
            continue  # penalties not strong enough yet: penalise the same edges again
        seen.add(key)
        cand = _make_route(usable, int(origin), edges, origin_id, destination_id, checkpoints)
        last = cand
        if cand.time_s <= max_stretch * best.time_s and all(
            _overlap(usable.net, cand, r) <= max_overlap and _overlap(usable.net, r, cand) <= max_overlap for r in kept
        ):
            cand.overlap = _overlap(usable.net, cand, best)
            kept.append(cand)
            if len(kept) >= k:
                break
    kept.sort(key=lambda r: r.time_s)
    for r in kept[1:]:
        r.label = _via_label(usable.net, r, best)
    return kept


def travel_matrix(usable: UsableNetwork, sources, targets=None, *, return_predecessors=False):
    """Travel times and lengths from every source node to every target node, in one dijkstra call.

    Parameters
    ----------
    sources, targets : array-like of int
        Node indices; ``targets`` defaults to ``sources``.

    Returns
    -------
    time_s : np.ndarray (S, T) seconds, ``inf`` if unreachable
    length_m : np.ndarray (S, T) metres along the fastest path
    pred : np.ndarray (S, N), only with ``return_predecessors``: predecessors over
        the states of ``usable.turn_graph``
    """
    sources = np.asarray(sources, dtype=np.int64)
    targets = sources if targets is None else np.asarray(targets, dtype=np.int64)
    tg = usable.turn_graph
    if len(sources) == 0:
        empty = np.zeros((0, len(targets)))
        return (
            (empty, empty, np.zeros((0, tg.graph.shape[0]), dtype=np.int32)) if return_predecessors else (empty, empty)
        )
    dist, pred = tg.search(tg.sources(sources))
    t, ln = _matrix(usable, dist, pred, sources, targets)
    return (t, ln, pred) if return_predecessors else (t, ln)


# ---------------------------------------------------------------- explanations


def explain_unreachable(usable: UsableNetwork, origin: int, targets) -> str:
    """Why no target is reachable from ``origin``: the constraint that cuts them off.

    Re-checks reachability with constraints left out: first each blocked hazard
    zone, closure and the corridor restriction alone, then whole kinds
    together; names what has to go for a path to exist ("every path crosses
    hazard zone H1 'Bridge'"). The elements named for a group are those the
    fastest path of the relaxed network runs into.
    """
    targets = np.atleast_1d(np.asarray(targets, dtype=np.int64))
    singles = [(c.element_id, [c]) for c in usable.constraints if c.removes.any()]
    if usable.corridor_keep is not None:
        singles.append((CORRIDOR, []))
    # One constraint alone?
    alone = [name for name, _ in singles if _reaches(usable.variant([name]), origin, targets)]
    if alone:
        return _every(usable, alone) + " or ".join(_phrase(usable, [n]) for n in alone)
    # Whole kinds, then combinations of kinds.
    kinds = {}
    for c in usable.constraints:
        if c.removes.any():
            kinds.setdefault(c.kind, []).append(c.element_id)
    if usable.corridor_keep is not None:
        kinds[CORRIDOR] = [CORRIDOR]
    names = list(kinds)
    combos = [[a] for a in names] + [[a, b] for i, a in enumerate(names) for b in names[i + 1 :]]
    if len(names) > 2:
        combos.append(names)
    for combo in combos:
        drop = [e for kind in combo for e in kinds[kind]]
        relaxed = usable.variant(drop)
        if _reaches(relaxed, origin, targets):
            names = _blocking_on_path(usable, relaxed, origin, targets, drop)
            return _every(usable, names) + _phrase(usable, names, together=True)
    return f"no road of network {getattr(usable.net, 'name', '')!r} leads there"


def _every(usable, names) -> str:
    """ "every way in " when only size limits block (they are streets, not plan elements), else "every path "."""
    kinds = {c.element_id: c.kind for c in usable.constraints}
    return "every way in " if names and all(kinds.get(n) == "limit" for n in names) else "every path "


def _reaches(usable, origin, targets) -> bool:
    if np.isin(int(origin), targets):
        return True
    tg = usable.turn_graph
    edges = tg.reachable_nodes(tg.source0 + int(origin))
    return bool(np.isin(targets, usable.net.edge_v[edges]).any())


def _blocking_on_path(usable, relaxed, origin, targets, dropped):
    """The dropped constraints the relaxed network's fastest path to the nearest target runs into."""
    tg = relaxed.turn_graph
    dist, pred = tg.search_one(tg.source0 + int(origin))
    times, _ = tg.node_times(dist, targets)
    target = int(targets[int(np.argmin(times[0]))])
    edges = _shortest_edges(relaxed, origin, target)
    out = []
    for c in usable.constraints:
        if c.element_id in dropped and c.removes[edges].any():
            out.append(c.element_id)
    if CORRIDOR in dropped and not usable.corridor_keep[edges].all():
        out.append(CORRIDOR)
    return out or list(dropped)


def _phrase(usable, names, together=False) -> str:
    """ "crosses hazard zone H1 'A' or road closure X1 'B'" / "leaves corridor CR1 'M14'".

    ``together``: lifting one of them is not enough, only all at once opens a way.
    """
    by_id = {c.element_id: c for c in usable.constraints}
    leaves = [usable.corridor_desc for n in names if n == CORRIDOR]
    crosses = [by_id[n].description for n in names if n != CORRIDOR]
    parts = []
    if leaves:
        parts.append("leaves " + leaves[0])
    if crosses:
        parts.append("crosses " + " or ".join(crosses))
    text = " or ".join(parts)
    if together and len(names) > 1:
        text += " (" + ("both" if len(names) == 2 else "all of them") + " would have to be lifted)"
    return text


# ---------------------------------------------------------------- the plan


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
        (see :func:`planner.usable.build_usable_network`).
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
            t_all, len_all = _matrix(usable, dist_all, pred, uniq, targets)
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
            edges = _tree_path(usable, dist_all[row[p.id]], pred[row[p.id]], snaps[p.id][0], snaps[d.id][0])
            best = _make_route(usable, snaps[p.id][0], edges, p.id, d.id, cp_nodes)
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
            problems.append(RoutingProblem(c.id, f"{_describe(c)} lies on no pickup -> destination route"))
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
            problems.append(RoutingProblem(el.id, f"{_describe(el)} has no usable road to snap to"))
        elif i in inside:
            problems.append(
                RoutingProblem(
                    el.id,
                    f"{_describe(el)} lies inside blocked {inside[i].description}; "
                    f"it is served from the nearest usable road node outside, {dd:.0f} m away",
                )
            )
        elif dd > limit:
            problems.append(
                RoutingProblem(
                    el.id, f"{_describe(el)} is {dd:.0f} m from the nearest usable road node (limit {limit:.0f} m)"
                )
            )
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
            why = explain_unreachable(usable, node(p), [node(d) for d in dests]).replace(
                "every way in", "every way out", 1
            )
            problems.append(RoutingProblem(p.id, f"{_describe(p)} cannot reach any destination: {why}"))
        else:
            for d in bad:
                why = explain_unreachable(usable, node(p), [node(d)]).replace("every way in", "every way out", 1)
                problems.append(RoutingProblem(p.id, f"{_describe(p)} cannot reach {_describe(d)}: {why}"))
    starts = [s for s in list(plan.depots) + list(plan.destinations) if node(s) >= 0]
    for p in plan.pickups:
        if node(p) < 0 or not starts:
            continue
        if all(math.isinf(time_s[(s.id, p.id)]) for s in starts):
            # Explain from the first depot (or destination): reversing the graph would name the same cut.
            why = explain_unreachable(usable, node(starts[0]), [node(p)])
            if why.startswith("every way in"):
                kind = usable.profile.kind if usable.profile is not None else "bus"
                who = VEHICLE_PLURAL.get(kind.lower(), kind + "s")
                problems.append(RoutingProblem(p.id, f"{_describe(p)} cannot be reached by {who}: {why}"))
            else:
                problems.append(
                    RoutingProblem(p.id, f"no vehicle can reach {_describe(p)} from any depot or destination: {why}")
                )
    picks = [p for p in plan.pickups if node(p) >= 0]
    for dp in plan.depots:
        if node(dp) < 0 or not picks:
            continue
        if all(math.isinf(time_s[(dp.id, p.id)]) for p in picks):
            why = explain_unreachable(usable, node(dp), [node(p) for p in picks])
            problems.append(RoutingProblem(dp.id, f"{_describe(dp)} cannot reach any pickup: {why}"))
    return problems


# ---------------------------------------------------------------- internals


def _shortest_edges(usable, origin, target):
    """Edges of the fastest legal route between two nodes (empty when equal), ``None`` if unreachable."""
    origin, target = int(origin), int(target)
    if origin == target:
        return np.zeros(0, dtype=np.int64)
    tg = usable.turn_graph
    # The fastest path ignoring turns, when every turn of it is legal, is the fastest legal
    # path (the turn graph only removes turns and adds penalties): one search on the
    # node graph, a third of the states, and the turn graph only where it is needed.
    dist, pred, _ = dijkstra(usable.graph, directed=True, indices=origin, return_predecessors=True, min_only=True)
    if np.isfinite(dist[target]):
        nodes = [target]
        while nodes[-1] != origin:
            nodes.append(int(pred[nodes[-1]]))
        edges = usable.edges_between(np.asarray(nodes[::-1], dtype=np.int64))
        if tg.legal(origin, edges):
            return edges
    start = tg.source0 + origin
    dist, pred = tg.search_one(start)
    state, t = tg.best_state(dist, target)
    if state < 0 or not np.isfinite(t):
        return None
    return tg.path_edges(pred, state, start)


def _tree_path(usable, dist_row, pred_row, origin, target):
    """Edges from ``origin`` to ``target`` along one row of a multi-source search (``None`` if unreachable)."""
    origin, target = int(origin), int(target)
    if origin == target:
        return np.zeros(0, dtype=np.int64)
    tg = usable.turn_graph
    state, t = tg.best_state(dist_row, target)
    if state < 0 or not np.isfinite(t):
        return None
    return tg.path_edges(pred_row, state, tg.source0 + origin)


def _matrix(usable, dist, pred, sources, targets):
    """(S, T) seconds and metres from the rows of a multi-source turn-graph search.

    Lengths are summed up the search trees, all (source, target) pairs at once,
    one vectorised step per tree level.
    """
    tg = usable.turn_graph
    sources = np.asarray(sources, dtype=np.int64)
    targets = np.asarray(targets, dtype=np.int64)
    times, states = tg.node_times(dist, targets)
    S, T = times.shape
    N = pred.shape[1]
    step = np.zeros(N)
    step_t = np.zeros(N)
    edge_states = tg.state_edge >= 0
    step[edge_states] = usable.net.edge_length[tg.state_edge[edge_states]]
    # Times summed from the edges driven too: the search's own distances hold penalties.
    step_t[edge_states] = usable.time_s[tg.state_edge[edge_states]]
    flat_pred = pred.ravel()
    rows = np.repeat(np.arange(S, dtype=np.int64) * N, T)
    total = np.zeros(S * T)
    total_t = np.zeros(S * T)
    st = states.ravel()
    act = np.flatnonzero(st >= 0)
    cur = rows.copy()
    cur[act] += st[act]
    while len(act):
        c = cur[act]
        total[act] += step[c - rows[act]]
        total_t[act] += step_t[c - rows[act]]
        nxt = flat_pred[c]
        act = act[nxt >= 0]
        cur[act] = rows[act] + flat_pred[c[nxt >= 0]]
    total[st < 0] = np.inf
    total_t[st < 0] = np.inf
    lengths = total.reshape(S, T)
    times = total_t.reshape(S, T)
    same = sources[:, None] == targets[None, :]
    times[same] = 0.0
    lengths[same] = 0.0
    return times, lengths


def _make_route(usable, origin, edges, origin_id, destination_id, checkpoints) -> Route:
    net = usable.net
    edges = np.asarray(edges, dtype=np.int64)
    nodes = (
        np.concatenate([[int(origin)], net.edge_v[edges].astype(np.int64)])
        if len(edges)
        else np.array([int(origin)], dtype=np.int64)
    )
    t = usable.time_s[edges]
    ln = net.edge_length[edges]
    cum_t = np.concatenate([[0.0], np.cumsum(t)])
    cum_l = np.concatenate([[0.0], np.cumsum(ln)])
    passes = _checkpoint_passes(checkpoints, nodes, edges, cum_t, cum_l, t, ln) if checkpoints else []
    if len(edges):
        route_nodes = net.enode_osmid[_chain_index(net.enode_ptr, edges)].tolist()
        glon, glat = geom_lonlat(net)
        gi = _chain_index(net.geom_ptr, edges)
        lon, lat = glon[gi], glat[gi]
    else:
        route_nodes = [int(net.node_osmid[nodes[0]])]
        lon, lat = net.node_lon[nodes[:1]], net.node_lat[nodes[:1]]
    return Route(
        origin_id=origin_id,
        destination_id=destination_id,
        node_index=nodes,
        edge_index=edges,
        route_nodes=route_nodes,
        length_m=float(cum_l[-1]),
        time_s=float(cum_t[-1]),
        coords_lonlat=np.column_stack([np.atleast_1d(lon), np.atleast_1d(lat)]),
        checkpoints=passes,
    )


def _checkpoint_passes(index, nodes, edges, cum_t, cum_l, t, ln):
    """Checkpoints passed along a route, in order, each once (its first passage)."""
    passes, seen = [], set()

    def add(cp, node, off_s, off_m):
        if cp not in seen:
            seen.add(cp)
            passes.append(CheckpointPass(cp, int(node), float(off_s), float(off_m)))

    # Only the steps at a checkpoint node or on a checkpoint edge need a look.
    node_keys, edge_keys = index.keys()
    at_node = np.isin(nodes, node_keys)
    on_edge = np.zeros(len(nodes), dtype=bool)
    on_edge[: len(edges)] = np.isin(edges, edge_keys)
    for i in np.flatnonzero(at_node | on_edge).tolist():
        nd = int(nodes[i])
        for cp in index.node.get(nd, ()):
            add(cp, nd, cum_t[i], cum_l[i])
        if i < len(edges):
            for cp, frac, end in sorted(index.edge.get(int(edges[i]), ()), key=lambda h: h[1]):
                add(cp, end, cum_t[i] + frac * t[i], cum_l[i] + frac * ln[i])
    return passes


def _chain_index(ptr, edges):
    """Indices into a CSR data array for a chain of edges, dropping each joint's repeated first item."""
    ptr = np.asarray(ptr)
    start = ptr[edges].astype(np.int64)
    count = (ptr[edges + 1] - start).astype(np.int64)
    start[1:] += 1  # the first item of every later edge repeats the last one of the edge before
    count[1:] -= 1
    offset = np.cumsum(count) - count
    return np.repeat(start - offset, count) + np.arange(count.sum())


def _overlap(net, a: Route, b: Route) -> float:
    """Share of ``a``'s length on edges that ``b`` also uses."""
    if a.length_m <= 0:
        return 1.0
    shared = np.isin(a.edge_index, b.edge_index)
    return float(net.edge_length[a.edge_index[shared]].sum() / a.length_m)


def _via_label(net, route: Route, best: Route) -> str:
    """ "via <street>": the longest named street of ``route`` that the best route does not use."""
    names = np.asarray(net.edge_name)
    on_best = set(names[best.edge_index].tolist())
    totals = {}
    for nm, ln in zip(names[route.edge_index].tolist(), net.edge_length[route.edge_index].tolist()):
        if nm and nm not in on_best:
            totals[nm] = totals.get(nm, 0.0) + ln
    if not totals:
        return "alternative"
    return "via " + max(totals, key=totals.get)


def _describe(element) -> str:
    from planner.plan.model import describe

    return describe(element)


# ---------------------------------------------------------------- reporting


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
