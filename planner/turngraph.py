"""The turn-aware graph every route, alternative and matrix runs on (design section 5).

An edge-expanded graph for ``scipy.sparse.csgraph``: a state is "driving on
edge e"; an arc e -> f is a legal turn and costs the travel time of f. Extra
states make the rules that are not single turns hold:

- ``destination`` edges (``access=destination``) exist twice: a *start* copy,
  reachable only from the route's start and from other start copies, and the
  main one, after which a route leaves destination edges only at a cost of
  :data:`DESTINATION_PENALTY_S`. So a route drives them as its first or its
  last part, never as a shortcut; only streets that lie behind a destination
  street and nowhere else (a housing estate behind its only access road)
  are reached through it;
- the via edges of each via-way restriction get copies entered only from its
  from edge, on which the banned turn is missing (or the only allowed one is
  the only way on);
- one source state per node, with an arc to every usable edge leaving it.

The time to reach node j is the least time of a state whose edge ends at j.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import breadth_first_order, dijkstra

#: Seconds added for leaving destination-only streets onto other roads mid-route
#: (what makes them no shortcut while keeping the streets behind them reachable).
#: Reported times never include it: they are summed from the edges driven.
DESTINATION_PENALTY_S = 3600.0


@dataclass
class TurnGraph:
    """Edge-expanded travel-time graph of a usable network.

    Attributes
    ----------
    graph : csr_matrix
        (N, N) seconds; states ``0..m-1`` are the edges, then start copies of
        destination edges, then via-way copies, then one source per node
        (``source0 + node``).
    state_edge : np.ndarray
        Network edge of every state (``-1`` for sources).
    source0 : int
        State of node 0's source.
    in_ptr, in_states : np.ndarray
        States whose edge ends at node j: ``in_states[in_ptr[j]:in_ptr[j+1]]``.
    hierarchy : planner.routing.hierarchy.Hierarchy, None or False
        Kept here once built, so every matrix on this graph reuses it (``False``:
        the graph is too large for one).
    """

    graph: csr_matrix
    state_edge: np.ndarray
    source0: int
    in_ptr: np.ndarray
    in_states: np.ndarray
    n_nodes: int
    start_copy: np.ndarray = None
    edge_time: np.ndarray = None
    #: Contraction hierarchy for matrices, built on first need (:mod:`planner.routing.hierarchy`).
    hierarchy: Any = None

    def legal(self, origin: int, edges) -> bool:
        """Whether driving ``edges`` from ``origin`` is a path of this graph at the edges' own times
        (every turn legal, no destination penalty)."""
        g = self.graph
        state = self.source0 + int(origin)
        start_phase = True
        for e in np.asarray(edges).tolist():
            nxt = self.start_copy[e] if start_phase and self.start_copy[e] >= 0 else e
            start_phase = nxt != e
            lo, hi = g.indptr[state], g.indptr[state + 1]
            k = lo + int(np.searchsorted(g.indices[lo:hi], nxt))
            if k >= hi or g.indices[k] != nxt or g.data[k] > self.edge_time[e] + 1e-9:
                return False
            state = nxt
        return True

    # ------------------------------------------------------------ searches

    def sources(self, nodes) -> np.ndarray:
        return self.source0 + np.asarray(nodes, dtype=np.int64)

    def search(self, starts, *, limit=np.inf, graph=None):
        """Dijkstra from each start state: (dist, pred), each (S, N)."""
        g = self.graph if graph is None else graph
        return dijkstra(
            g, directed=True, indices=np.asarray(starts, dtype=np.int64), return_predecessors=True, limit=limit
        )

    def search_one(self, start, *, limit=np.inf, graph=None):
        """Dijkstra from one state: flat (dist, pred)."""
        g = self.graph if graph is None else graph
        dist, pred, _ = dijkstra(
            g, directed=True, indices=int(start), return_predecessors=True, min_only=True, limit=limit
        )
        return dist, pred

    def best_state(self, dist_row, node: int):
        """(state, seconds) of the quickest arrival at ``node`` in one distance row; (-1, inf) if none."""
        s = self.in_states[self.in_ptr[node] : self.in_ptr[node + 1]]
        if len(s) == 0:
            return -1, np.inf
        k = int(np.argmin(dist_row[s]))
        return int(s[k]), float(dist_row[s[k]])

    def node_times(self, dist, nodes):
        """Seconds to each node from each row of ``dist`` (S, N): (S, T) times and the (S, T) arrival states."""
        dist = np.atleast_2d(dist)
        nodes = np.asarray(nodes, dtype=np.int64)
        counts = self.in_ptr[nodes + 1] - self.in_ptr[nodes]
        cols = (
            self.in_states[np.concatenate([np.arange(self.in_ptr[j], self.in_ptr[j + 1]) for j in nodes.tolist()])]
            if len(nodes)
            else np.zeros(0, dtype=np.int64)
        )
        S, T = dist.shape[0], len(nodes)
        times = np.full((S, T), np.inf)
        states = np.full((S, T), -1, dtype=np.int64)
        if len(cols) == 0:
            return times, states
        sub = dist[:, cols]
        has = counts > 0
        starts = (np.cumsum(counts) - counts)[has]
        # Per target: the minimum over its in-states, and which one.
        mins = np.minimum.reduceat(sub, starts, axis=1)
        times[:, has] = mins
        seg = np.repeat(np.arange(T)[has], counts[has])
        hit = sub == mins[:, np.searchsorted(np.flatnonzero(has), seg)]
        hit &= np.isfinite(sub)
        # Last hit per (row, target) wins: any of equal minima is a quickest arrival.
        r, c = np.nonzero(hit)
        states[r, seg[c]] = cols[c]
        return times, states

    def path_states(self, pred_row, state: int) -> list:
        """States from just after the start up to ``state``."""
        out = []
        cur = int(state)
        while cur >= 0 and cur < self.source0:
            out.append(cur)
            cur = int(pred_row[cur])
        return out[::-1]

    def path_edges(self, pred_row, state: int, start: int) -> np.ndarray:
        """Network edges of the tree path from ``start`` to ``state`` (``start`` itself excluded when a source)."""
        out = []
        cur = int(state)
        while cur >= 0 and cur != start:
            out.append(cur)
            cur = int(pred_row[cur])
        if cur < 0:
            return None
        if start < self.source0:
            out.append(start)
        return self.state_edge[np.asarray(out[::-1], dtype=np.int64)]

    def reachable_nodes(self, start) -> np.ndarray:
        """Nodes reachable from a start state (bool mask over nodes)."""
        order = breadth_first_order(self.graph, int(start), directed=True, return_predecessors=False)
        e = self.state_edge[order]
        return e[e >= 0]


def build_turn_graph(net, usable_mask, time_s, destination, turns) -> TurnGraph:
    """The :class:`TurnGraph` of the usable edges.

    Parameters
    ----------
    net : RoadNetwork
    usable_mask : np.ndarray of bool (m,)
    time_s : np.ndarray (m,)
        Seconds per edge (finite where usable).
    destination : np.ndarray of bool (m,)
        Edges the vehicle may drive only at the start or end of a route.
    turns : planner.network.turns.Turns
    """
    m, n = net.n_edges, net.n_nodes
    u = np.asarray(net.edge_u, dtype=np.int64)
    v = np.asarray(net.edge_v, dtype=np.int64)
    ok = usable_mask[turns.turn_from] & usable_mask[turns.turn_to]
    a, b = turns.turn_from[ok], turns.turn_to[ok]
    dest = np.asarray(destination, dtype=bool) & usable_mask
    d_edges = np.flatnonzero(dest)
    start_copy = np.full(m, -1, dtype=np.int64)
    start_copy[d_edges] = m + np.arange(len(d_edges))
    n_states = m + len(d_edges)
    rows, cols = [], []
    # Main layer: every legal turn; leaving destination edges costs the penalty.
    rows.append(a)
    cols.append(b)
    penalty = [np.where(dest[a] & ~dest[b], DESTINATION_PENALTY_S, 0.0)]
    # Start layer: destination edges at the start, then into the main layer.
    sa = dest[a]
    rows.append(start_copy[a[sa]])
    cols.append(np.where(dest[b[sa]], start_copy[b[sa]], b[sa]))
    penalty.append(np.zeros(int(sa.sum())))
    state_edge = [np.arange(m), d_edges]
    # Via-way restrictions: copies of the via edges entered only from the from edge.
    drop_pairs = []
    for ch in turns.chains:
        seq = (ch.from_edge, *ch.via)
        if not all(usable_mask[e] for e in seq):
            continue
        copies = np.arange(n_states, n_states + len(ch.via))
        n_states += len(ch.via)
        state_edge.append(np.asarray(ch.via, dtype=np.int64))
        drop_pairs.append((ch.from_edge, ch.via[0]))
        rows.append(np.array([ch.from_edge]))
        cols.append(copies[:1])
        penalty.append(np.zeros(1))
        for i, e in enumerate(ch.via):
            succ = b[a == e]
            last = i == len(ch.via) - 1
            if not last:
                rows.append(np.array([copies[i]]))
                cols.append(copies[i + 1 : i + 2])
                penalty.append(np.zeros(1))
                others = succ[succ != ch.via[i + 1]]
                if ch.only:
                    others = others[:0]
            else:
                others = np.intersect1d(succ, ch.to) if ch.only else np.setdiff1d(succ, ch.to)
            rows.append(np.full(len(others), copies[i]))
            cols.append(others)
            penalty.append(np.zeros(len(others)))
    source0 = n_states
    out_e = np.flatnonzero(usable_mask)
    rows.append(source0 + u[out_e])
    cols.append(np.where(dest[out_e], start_copy[out_e], out_e))
    penalty.append(np.zeros(len(out_e)))
    state_edge.append(np.full(n, -1, dtype=np.int64))
    state_edge = np.concatenate(state_edge).astype(np.int64)
    r = np.concatenate(rows).astype(np.int64)
    c = np.concatenate(cols).astype(np.int64)
    pen = np.concatenate(penalty)
    if drop_pairs:
        dp = np.array(drop_pairs, dtype=np.int64)
        key = r * (source0 + n) + c
        r_keep = ~np.isin(key, dp[:, 0] * (source0 + n) + dp[:, 1])
        r, c, pen = r[r_keep], c[r_keep], pen[r_keep]
    w = time_s[state_edge[c]] + pen
    N = source0 + n
    order = np.lexsort((w, c, r))
    r, c, w = r[order], c[order], w[order]
    keep = np.ones(len(r), dtype=bool)
    keep[1:] = (r[1:] != r[:-1]) | (c[1:] != c[:-1])
    r, c, w = r[keep], c[keep], w[keep]
    indptr = np.zeros(N + 1, dtype=np.int64)
    np.cumsum(np.bincount(r, minlength=N), out=indptr[1:])
    graph = csr_matrix((w, c.astype(np.int32), indptr), shape=(N, N))
    # In-states per node (edge states whose edge is usable), sorted by end node.
    states = np.flatnonzero(state_edge >= 0)
    states = states[usable_mask[state_edge[states]]]
    ends = v[state_edge[states]]
    order = np.argsort(ends, kind="stable")
    in_states = states[order]
    in_ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(ends, minlength=n), out=in_ptr[1:])
    return TurnGraph(graph, state_edge, source0, in_ptr, in_states, n, start_copy, np.asarray(time_s))
