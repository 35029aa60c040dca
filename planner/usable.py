"""The usable road network of a plan: what a vehicle may drive, and how fast.

One :class:`UsableNetwork` is built per plan and speed cap and reused for every
query (design section 5); :func:`planner.restrictions.build_usable_network`
builds it from the plan's hazard zones, road closures, corridors and the
vehicle's limits. Turn restrictions hold: every search runs on the turn-aware
graph of :mod:`planner.turngraph`.

Every constraint keeps its own edge mask, so :meth:`UsableNetwork.variant` can
drop one and find out which constraint cuts a pair off (used for the
explanations in :mod:`planner.routing`). The graph handed to
``scipy.sparse.csgraph`` keeps, per (u, v), the fastest usable edge and
remembers its edge index. :class:`CheckpointIndex` places the plan's
checkpoints on the network.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from planner.edgegeom import edge_lines, edge_tree
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
    "checkpoint_index",
    "default_profile",
    "profile_of",
]

#: A checkpoint also controls the other carriageway of its road within this distance (metres).
CHECKPOINT_REACH_M = 40.0

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
