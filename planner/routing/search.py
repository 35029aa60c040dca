"""Fastest legal routes and travel-time matrices on the turn-aware graph (design section 5).

Every query runs ``scipy.sparse.csgraph.dijkstra`` on the usable network's
turn graph (:mod:`planner.turngraph`), or for large matrices on its
contraction hierarchy (:mod:`planner.routing.hierarchy`), so every turn is
legal under the OSM turn restrictions.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy.sparse.csgraph import dijkstra

from planner.routing.hierarchy import build_hierarchy, hierarchy_matrix
from planner.routing.route import make_route
from planner.usable import UsableNetwork


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
    edges = shortest_edges(usable, origin, target)
    if edges is None:
        return None
    return make_route(usable, origin, edges, origin_id, destination_id, checkpoints)


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
    return make_route(usable, int(origin), np.asarray(edges, dtype=np.int64), origin_id, destination_id, checkpoints)


#: Distinct sources from which :func:`travel_matrix` builds the contraction hierarchy. On the
#: Neubrandenburg bus graph the build takes about 0.2 s and a 200 x 200 query 25-50 ms, against
#: about 1.2 ms per source for the tree search: from here the first matrix costs about the same
#: either way, and every later one on the same usable network is several times faster.
HIERARCHY_MIN_SOURCES = 128


def travel_matrix(usable: UsableNetwork, sources, targets=None, *, return_predecessors=False):
    """Travel times and lengths from every source node to every target node.

    Large matrices run on the turn graph's contraction hierarchy
    (:mod:`planner.routing.hierarchy`, built on first need and kept), the
    others (and every call that wants the predecessors) on one multi-source
    dijkstra call over the whole turn graph (:func:`tree_matrix`); both give
    the same times and lengths.

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
    if not return_predecessors and len(targets) and tg.source0 > 0:
        if tg.hierarchy is None and len(np.unique(sources)) >= HIERARCHY_MIN_SOURCES:
            net: Any = usable.net
            # False: tried, and the graph is too large for a hierarchy (tree search from then on).
            tg.hierarchy = build_hierarchy(tg, net.edge_length) or False
        if tg.hierarchy:
            t, ln, _ = hierarchy_matrix(tg.hierarchy, tg, sources, targets)
            return t, ln
    return tree_matrix(usable, sources, targets, return_predecessors=return_predecessors)


def tree_matrix(usable: UsableNetwork, sources, targets=None, *, return_predecessors=False):
    """:func:`travel_matrix` by one multi-source dijkstra call over the whole turn graph (same returns)."""
    sources = np.asarray(sources, dtype=np.int64)
    targets = sources if targets is None else np.asarray(targets, dtype=np.int64)
    tg = usable.turn_graph
    if len(sources) == 0:
        empty = np.zeros((0, len(targets)))
        return (
            (empty, empty, np.zeros((0, tg.graph.shape[0]), dtype=np.int32)) if return_predecessors else (empty, empty)
        )
    dist, pred = tg.search(tg.sources(sources))
    t, ln = search_matrix(usable, dist, pred, sources, targets)
    return (t, ln, pred) if return_predecessors else (t, ln)


def shortest_edges(usable, origin, target):
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


def tree_path(usable, dist_row, pred_row, origin, target):
    """Edges from ``origin`` to ``target`` along one row of a multi-source search (``None`` if unreachable)."""
    origin, target = int(origin), int(target)
    if origin == target:
        return np.zeros(0, dtype=np.int64)
    tg = usable.turn_graph
    state, t = tg.best_state(dist_row, target)
    if state < 0 or not np.isfinite(t):
        return None
    return tg.path_edges(pred_row, state, tg.source0 + origin)


def search_matrix(usable, dist, pred, sources, targets):
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
