"""The usable road network of a plan: what a vehicle may drive, and how fast.

One :class:`UsableNetwork` is built per plan and speed cap and reused for every
query (design section 5):

- travel time per edge from the network's free-flow speeds, capped by the
  vehicle's speed (open road) and the plan's city cap;
- ``slow`` hazard zones multiply the time of the part of an edge inside them by
  ``1 / speed_factor``;
- ``blocked`` hazard zones remove every edge that touches them, road closures
  remove the edges they touch within :data:`CLOSURE_TOLERANCE_M`;
- with ``rules.corridor_only`` only edges inside the corridors' polygons (line
  buffered by half the width, in projected metres) or inside the approach
  radius around pickups, depots and destinations stay usable;
- the vehicle (:class:`VehicleProfile`): ways its class may not use (``access``,
  ``motor_vehicle``, ``psv``, ``bus``) are removed, ``destination`` ways kept for
  the start and end of routes only, and ways whose ``maxheight``,
  ``maxweight`` or ``maxlength`` it exceeds are removed (one constraint per
  street and limit, so that explanations can name it);
- turn restrictions hold: every search runs on the turn-aware graph of
  :mod:`planner.turngraph`.

Every constraint keeps its own edge mask, so :meth:`UsableNetwork.variant` can
drop one and find out which constraint cuts a pair off (used for the
explanations in :mod:`planner.routing`). Geometry work is vectorised with
shapely 2 on the network's edge polylines; the graph handed to
``scipy.sparse.csgraph`` keeps, per (u, v), the fastest usable edge and
remembers its edge index.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

import numpy as np
import shapely
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from planner.network.tags import format_limit
from planner.network.turns import turns_for
from planner.turngraph import TurnGraph, build_turn_graph
from planner.vehicle import VEHICLE_PLURAL, VehicleProfile, access_masks, default_profile, profile_of

__all__ = [
    "VEHICLE_PLURAL",
    "CheckpointIndex",
    "Constraint",
    "RoutingProblem",
    "UsableNetwork",
    "VehicleProfile",
    "access_masks",
    "build_usable_network",
    "checkpoint_index",
    "default_profile",
    "edge_lines",
    "edge_tree",
    "geom_lonlat",
    "limit_constraints",
    "profile_of",
]

#: Highway classes counted as "city" for the city speed cap.
CITY_HIGHWAYS = frozenset({"residential", "living_street", "tertiary", "tertiary_link", "unclassified", "service"})
#: Edges with a speed at or below this (km/h, usually an OSM ``maxspeed``) are city roads too.
CITY_MAX_SPEED_KPH = 50.0
#: A road closure removes the edges within this distance (metres) of its point or line.
CLOSURE_TOLERANCE_M = 10.0
#: A checkpoint also controls the other carriageway of its road within this distance (metres).
CHECKPOINT_REACH_M = 40.0
#: Shortest travel time given to an edge (s): csgraph reads explicit zeros as "no edge".
MIN_EDGE_TIME_S = 1e-3

# The name of the corridor restriction in variant() and in explanations.
CORRIDOR = "corridor"


@dataclass
class RoutingProblem:
    """Something about a plan that routing could not do as asked.

    ``element_id``: the plan element concerned; ``message``: a sentence naming
    the element and what is wrong ("pickup P3 'School 12' cannot reach any
    destination: every path leaves corridor CR1 'M14'"); ``code`` and ``params``:
    the remark of :data:`planner.routing.remarks.REMARKS` it says (a front end
    translates it by them).
    """

    element_id: str
    message: str
    code: str = ""
    params: dict = field(default_factory=dict)

    @classmethod
    def of(cls, element_id: str, code: str, **params) -> RoutingProblem:
        """The problem saying remark ``code`` filled with ``params``, in English."""
        from planner.routing.remarks import remark

        return cls(element_id, remark(code, **params).text, code, params)

    def to_dict(self) -> dict:
        return {"element": self.element_id, "message": self.message}

    def __str__(self) -> str:
        return self.message


@dataclass
class Constraint:
    """One plan element that removes edges: a blocked hazard zone or a road closure."""

    kind: str  # "hazard", "closure" or "limit"
    element_id: str
    description: str  # "hazard zone H1 'Bridge'"
    removes: np.ndarray  # bool (m,): edges it removes
    geometry: object = None  # projected shapely geometry (polygon of a hazard zone, point/line of a closure)


@dataclass
class UsableNetwork:
    """A road network as one plan and one vehicle speed cap see it.

    Attributes
    ----------
    net : RoadNetwork
        The underlying network.
    open_road_kph, city_kph : float
        The speed caps applied (km/h).
    base_time_s : np.ndarray
        (m,) travel time of every edge in seconds, after caps and slow zones,
        before any edge is removed.
    constraints : list of Constraint
        Blocked hazard zones and road closures with the edges each removes.
    corridor_keep : np.ndarray or None
        (m,) bool, edges allowed by the corridor-only rule; ``None`` when the
        rule is off (or the plan has no corridor).
    corridor_ids : list of str
        Corridors that make up the restriction.
    dropped : frozenset
        Constraints left out of this variant (element ids, or ``"corridor"``).
    usable : np.ndarray
        (m,) bool, the edges a vehicle may drive.
    time_s : np.ndarray
        (m,) seconds; ``inf`` for edges that are not usable.
    graph : scipy.sparse.csr_matrix
        (n, n) travel times, one entry per (u, v): the fastest usable edge.
    graph_edge : np.ndarray
        Edge index of each stored entry of ``graph`` (aligned with ``graph.data``).
    graph_key : np.ndarray
        ``u * n + v`` of each stored entry, sorted (for edge look-ups).
    graph_length : scipy.sparse.csr_matrix
        Same structure as ``graph``, the entries' lengths in metres.
    problems : list of RoutingProblem
        What went wrong while building (a closure that touches no road, ...).
    """

    net: object
    open_road_kph: float
    city_kph: float
    base_time_s: np.ndarray
    constraints: list
    corridor_keep: np.ndarray | None
    corridor_ids: list
    corridor_desc: str = ""
    dropped: frozenset = frozenset()
    profile: VehicleProfile | None = None
    allowed: np.ndarray | None = None
    destination: np.ndarray | None = None
    usable: np.ndarray = None
    time_s: np.ndarray = None
    graph: csr_matrix = None
    graph_edge: np.ndarray = None
    graph_key: np.ndarray = None
    graph_length: csr_matrix = None
    turn_graph: TurnGraph = None
    problems: list = field(default_factory=list)
    snap_usable: np.ndarray = None
    _edge_tree: object = None
    _variants: dict = field(default_factory=dict, repr=False)

    def __post_init__(self):
        m = self.net.n_edges
        usable = np.ones(m, dtype=bool) if self.allowed is None else self.allowed.copy()
        limits = np.zeros(m, dtype=bool)
        for c in self.constraints:
            if c.element_id not in self.dropped:
                if c.kind == "limit":
                    limits |= c.removes
                else:
                    usable &= ~c.removes
        if self.corridor_keep is not None and CORRIDOR not in self.dropped:
            usable &= self.corridor_keep
        # Points snap to the road they stand on even when the vehicle exceeds its limits,
        # so that the problem names the limit rather than moving the point.
        self.snap_usable = usable.copy()
        usable &= ~limits
        self.usable = usable
        self.time_s = np.where(usable, self.base_time_s, np.inf)
        self.graph, self.graph_edge, self.graph_key = _csgraph(self.net, np.flatnonzero(usable), self.base_time_s)
        g = self.graph
        self.graph_length = csr_matrix((self.net.edge_length[self.graph_edge], g.indices, g.indptr), shape=g.shape)
        dest = np.zeros(m, dtype=bool) if self.destination is None else self.destination
        kind = self.profile.kind if self.profile is not None else "bus"
        self.turn_graph = build_turn_graph(self.net, usable, self.base_time_s, dest, turns_for(self.net, kind))

    # ------------------------------------------------------------ variants

    def variant(self, drop) -> UsableNetwork:
        """The same network with some constraints left out.

        Parameters
        ----------
        drop : iterable of str
            Element ids of hazard zones / closures, or ``"corridor"`` for the
            corridor-only restriction.
        """
        dropped = frozenset(self.dropped) | frozenset(drop)
        if dropped == self.dropped:
            return self
        # Explanations ask for the same variants for every unreachable pair: build each once.
        if dropped not in self._variants:
            self._variants[dropped] = UsableNetwork(
                net=self.net,
                open_road_kph=self.open_road_kph,
                city_kph=self.city_kph,
                base_time_s=self.base_time_s,
                constraints=self.constraints,
                corridor_keep=self.corridor_keep,
                corridor_ids=self.corridor_ids,
                corridor_desc=self.corridor_desc,
                dropped=dropped,
                profile=self.profile,
                allowed=self.allowed,
                destination=self.destination,
            )
        return self._variants[dropped]

    # ------------------------------------------------------------ look-ups

    def edges_between(self, nodes: np.ndarray) -> np.ndarray:
        """Edge indices of the steps of a node path (the edge ``graph`` uses for each (u, v)).

        Raises ``KeyError`` if a step is not a usable edge.
        """
        nodes = np.asarray(nodes, dtype=np.int64)
        if len(nodes) < 2:
            return np.zeros(0, dtype=np.int64)
        key = nodes[:-1] * self.net.n_nodes + nodes[1:]
        pos = np.searchsorted(self.graph_key, key)
        pos_ok = np.minimum(pos, len(self.graph_key) - 1)
        if len(self.graph_key) == 0 or not np.all(self.graph_key[pos_ok] == key):
            raise KeyError("node path uses a step that is not a usable edge")
        return self.graph_edge[pos_ok].astype(np.int64)

    def entry_of_edges(self, edges: np.ndarray) -> np.ndarray:
        """Positions in ``graph.data`` of the (u, v) entries of the given edges."""
        edges = np.asarray(edges, dtype=np.int64)
        key = self.net.edge_u[edges].astype(np.int64) * self.net.n_nodes + self.net.edge_v[edges]
        return np.searchsorted(self.graph_key, key)

    def snap(self, x, y, *, main_only=False):
        """Nearest usable node of projected points.

        A point goes to the nearer end of the nearest usable edge, so that a
        checkpoint placed on a road snaps onto that road rather than onto a
        closer node of a side street.

        Parameters
        ----------
        x, y : float or array_like
            Projected metres.
        main_only : bool
            Only edges of the largest strongly connected part of the usable
            network (for points inside a blocked zone: the nearest road out of
            it, not a stub left between blocked edges).

        Returns
        -------
        node : np.ndarray of int64, (k,)  (-1 when nothing is usable)
        dist_m : np.ndarray of float, (k,) metres from the point to the node
        """
        x = np.atleast_1d(np.asarray(x, dtype=float))
        y = np.atleast_1d(np.asarray(y, dtype=float))
        node = np.full(len(x), -1, dtype=np.int64)
        dist = np.full(len(x), np.inf)
        if len(x) == 0 or not self.snap_usable.any():
            return node, dist
        idx, tree = self._snap_tree(main_only)
        (src, hit) = tree.query_nearest(shapely.points(x, y), all_matches=False)
        e = idx[hit]
        net = self.net
        u, v = net.edge_u[e], net.edge_v[e]
        du = np.hypot(net.node_x[u] - x[src], net.node_y[u] - y[src])
        dv = np.hypot(net.node_x[v] - x[src], net.node_y[v] - y[src])
        node[src] = np.where(du <= dv, u, v)
        dist[src] = np.minimum(du, dv)
        return node, dist

    def _snap_tree(self, main_only):
        if self._edge_tree is None:
            self._edge_tree = {}
        if main_only not in self._edge_tree:
            idx = np.flatnonzero(self.snap_usable)
            if main_only:
                n, label = connected_components(self.graph, directed=True, connection="strong")
                main = np.argmax(np.bincount(label))
                net = self.net
                idx = idx[(label[net.edge_u[idx]] == main) & (label[net.edge_v[idx]] == main)]
            self._edge_tree[main_only] = (idx, shapely.STRtree(edge_lines(self.net)[idx]))
        return self._edge_tree[main_only]


@dataclass
class CheckpointIndex:
    """Where checkpoints sit on the usable network, for finding the ones a route passes.

    A checkpoint snaps to the nearest usable node (:meth:`UsableNetwork.snap`);
    a route passes it when it passes that node. It also controls the road it
    stands on: a route passes it on every usable edge of the same road (same
    name or ref) within :data:`CHECKPOINT_REACH_M`, which covers the other
    carriageway of a dual carriageway; the passage is then timed at the point
    of the edge nearest to the checkpoint.

    Attributes
    ----------
    node : dict
        ``node_index -> [checkpoint ids]``.
    edge : dict
        ``edge_index -> [(checkpoint id, fraction along the edge, nearer end node)]``.
    snaps : dict
        ``checkpoint id -> (node_index, distance_m)``.
    """

    node: dict = field(default_factory=dict)
    edge: dict = field(default_factory=dict)
    snaps: dict = field(default_factory=dict)
    _keys: tuple = field(default=None, repr=False)

    def __bool__(self):
        return bool(self.node or self.edge)

    def keys(self):
        """(node indices, edge indices) with a checkpoint, as arrays (for ``np.isin``)."""
        if self._keys is None:
            self._keys = (np.fromiter(self.node, dtype=np.int64), np.fromiter(self.edge, dtype=np.int64))
        return self._keys


def checkpoint_index(usable: UsableNetwork, checkpoints) -> CheckpointIndex:
    """Index the plan's checkpoints on a usable network (see :class:`CheckpointIndex`)."""
    index = CheckpointIndex()
    checkpoints = list(checkpoints)
    if not checkpoints:
        return index
    net = usable.net
    x, y = net.to_projected(
        np.array([c.lon for c in checkpoints], dtype=float), np.array([c.lat for c in checkpoints], dtype=float)
    )
    x, y = np.atleast_1d(x), np.atleast_1d(y)
    nodes, dists = usable.snap(x, y)
    lines = edge_lines(net)
    tree = edge_tree(net)
    names, refs = np.asarray(net.edge_name), np.asarray(getattr(net, "edge_ref", net.edge_name))
    for c, px, py, nd, dd in zip(checkpoints, x, y, nodes, dists):
        index.snaps[c.id] = (int(nd), float(dd))
        if nd < 0:
            continue
        index.node.setdefault(int(nd), []).append(c.id)
        pt = shapely.Point(px, py)
        near = tree.query(pt, predicate="dwithin", distance=CHECKPOINT_REACH_M)
        near = near[usable.usable[near]]
        if len(near) == 0:
            continue
        d = shapely.distance(lines[near], pt)
        # The roads the checkpoint stands on (several at a junction), by name and ref.
        under = near[d <= d.min() + 5.0]
        ids = {str(v) for v in np.concatenate([names[under], refs[under]]) if v}
        same = np.isin(near, under) | np.isin(names[near], list(ids)) | np.isin(refs[near], list(ids))
        for e in near[same]:
            frac = float(shapely.line_locate_point(lines[e], pt, normalized=True))
            end = net.edge_u[e] if frac < 0.5 else net.edge_v[e]
            index.edge.setdefault(int(e), []).append((c.id, frac, int(end)))
    return index


# ---------------------------------------------------------------- building


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
        groups = {}
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


def _csgraph(net, edges, weight):
    """CSR graph over ``edges`` keeping the min-``weight`` edge per (u, v), and its edge index."""
    n = net.n_nodes
    u = net.edge_u[edges].astype(np.int64)
    v = net.edge_v[edges].astype(np.int64)
    w = weight[edges]
    order = np.lexsort((w, v, u))  # by u, then v, then weight
    key = u[order] * n + v[order]
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    sel = order[first]
    key = key[first]
    rows = u[sel]
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
    graph = csr_matrix((w[sel], v[sel].astype(np.int32), indptr), shape=(n, n))
    return graph, np.asarray(edges)[sel], key


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


# ---------------------------------------------------------------- geometry helpers

_GEOM_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _cached(net):
    try:
        return _GEOM_CACHE.setdefault(net, {})
    except TypeError:  # not weak-referenceable: no cache
        return {}


def edge_lines(net) -> np.ndarray:
    """Shapely LineStrings of every edge (projected metres), cached per network."""
    cache = _cached(net)
    if "lines" not in cache:
        ptr = np.asarray(net.geom_ptr)
        counts = np.diff(ptr)
        coords = np.column_stack([net.geom_x, net.geom_y])
        cache["lines"] = shapely.linestrings(coords, indices=np.repeat(np.arange(net.n_edges), counts))
    return cache["lines"]


def geom_lonlat(net):
    """WGS84 (lon, lat) of every vertex of the edge polylines (aligned with ``net.geom_x``), cached."""
    cache = _cached(net)
    if "lonlat" not in cache:
        lon, lat = net.to_wgs84(np.asarray(net.geom_x), np.asarray(net.geom_y))
        cache["lonlat"] = (np.asarray(lon), np.asarray(lat))
    return cache["lonlat"]


def edge_tree(net) -> shapely.STRtree:
    """STRtree over :func:`edge_lines`, cached per network."""
    cache = _cached(net)
    if "tree" not in cache:
        cache["tree"] = shapely.STRtree(edge_lines(net))
    return cache["tree"]


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
