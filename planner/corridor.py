"""A corridor along the roads: the fastest road route through the points a planner clicks.

Drawing a corridor on the map gives a start, waypoints and an end; the
corridor is the fastest path on the road network from each point to the next
(by travel time, either direction of a road: a corridor is the agreed road, not
one vehicle's trip), as one WGS84 polyline whose every segment lies on a
network edge. A leg may be straight instead (the planner holds a modifier, or
no road joins the two points).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

import numpy as np
import shapely
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from planner.usable import edge_tree

_GRAPHS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


@dataclass
class CorridorLine:
    """The corridor through the clicked points.

    Attributes
    ----------
    coords : list of (lon, lat)
        The polyline, degrees; consecutive duplicates removed.
    nodes : list of int
        The network node each clicked point snapped to (``-1`` for a point left where it was).
    straight : list of bool
        Per leg (between click ``i`` and ``i + 1``): drawn straight rather than along the roads.
    length_m : float
        Length along the polyline (projected metres).
    """

    coords: list = field(default_factory=list)
    nodes: list = field(default_factory=list)
    straight: list = field(default_factory=list)
    length_m: float = 0.0


def _road_graph(net):
    """Undirected travel-time graph of ``net`` and, per node pair, the fastest edge (cached per network)."""
    try:
        cached = _GRAPHS.get(net)
    except TypeError:  # not weak-referenceable
        cached = None
    if cached is not None:
        return cached
    n = int(net.n_nodes)
    u = np.concatenate([net.edge_u, net.edge_v]).astype(np.int64)
    v = np.concatenate([net.edge_v, net.edge_u]).astype(np.int64)
    w = np.concatenate([net.edge_travel_time, net.edge_travel_time]).astype(float)
    edge = np.concatenate([np.arange(net.n_edges), np.arange(net.n_edges)])
    reverse = np.r_[np.zeros(net.n_edges, bool), np.ones(net.n_edges, bool)]
    key = u * n + v
    order = np.lexsort((w, key))  # by pair, fastest first
    first = np.r_[True, key[order][1:] != key[order][:-1]]
    keep = order[first]
    graph = csr_matrix((np.maximum(w[keep], 1e-3), (u[keep], v[keep])), shape=(n, n))
    out = (graph, key[keep], edge[keep], reverse[keep])  # keys sorted ascending
    try:
        _GRAPHS[net] = out
    except TypeError:
        pass
    return out


def snap_to_road(net, x: float, y: float) -> int:
    """The nearer end node of the road edge nearest to projected ``(x, y)`` (metres)."""
    e = int(edge_tree(net).nearest(shapely.Point(x, y)))
    u, v = int(net.edge_u[e]), int(net.edge_v[e])
    du = np.hypot(net.node_x[u] - x, net.node_y[u] - y)
    dv = np.hypot(net.node_x[v] - x, net.node_y[v] - y)
    return u if du <= dv else v


def _leg_xy(net, graph, keys, edges, reverse, a: int, b: int):
    """Projected vertices of the fastest road path from node ``a`` to ``b``, or ``None`` when none joins them."""
    if a == b:
        return np.array([[net.node_x[a], net.node_y[a]]])
    _dist, pred = dijkstra(graph, indices=a, return_predecessors=True)
    if pred[b] < 0:
        return None
    path = [b]
    while path[-1] != a:
        path.append(int(pred[path[-1]]))
    path.reverse()
    n = int(net.n_nodes)
    pos = np.searchsorted(keys, np.array(path[:-1], dtype=np.int64) * n + np.array(path[1:], dtype=np.int64))
    parts = []
    for k in pos:
        xy = net.edge_coords(int(edges[k]))
        parts.append(xy[::-1] if reverse[k] else xy)
    return np.vstack(parts)


def corridor_line(net, points, straight=None) -> CorridorLine:
    """The corridor through ``points`` along the roads of ``net``.

    Parameters
    ----------
    net : planner.network.RoadNetwork
    points : sequence of (lon, lat)
        The clicked start, waypoints and end (degrees), at least one.
    straight : sequence of bool, optional
        Per leg, draw it straight (``len(points) - 1`` flags; default all along the roads).

    Returns
    -------
    CorridorLine
        Road legs start and end at the road nodes the clicks snap to; a straight
        leg joins the clicked points themselves. A leg no road joins is drawn
        straight (and flagged so).
    """
    pts = [(float(lon), float(lat)) for lon, lat in points]
    if not pts:
        return CorridorLine()
    flags = list(straight or [])
    flags += [False] * (len(pts) - 1 - len(flags))
    lon = np.array([p[0] for p in pts])
    lat = np.array([p[1] for p in pts])
    x, y = net.to_projected(lon, lat)
    x, y = np.atleast_1d(x).astype(float), np.atleast_1d(y).astype(float)
    nodes = [snap_to_road(net, x[i], y[i]) for i in range(len(pts))]
    graph, keys, edges, reverse = _road_graph(net)
    pieces, used = [], []
    for i in range(len(pts) - 1):
        leg = None if flags[i] else _leg_xy(net, graph, keys, edges, reverse, nodes[i], nodes[i + 1])
        if leg is None:
            a = (x[i], y[i]) if flags[i] else (net.node_x[nodes[i]], net.node_y[nodes[i]])
            b = (x[i + 1], y[i + 1]) if flags[i] else (net.node_x[nodes[i + 1]], net.node_y[nodes[i + 1]])
            leg = np.array([a, b], dtype=float)
            used.append(True)
        else:
            used.append(False)
        pieces.append(leg)
    if not pieces:  # one point: the road node it snaps to
        pieces = [np.array([[net.node_x[nodes[0]], net.node_y[nodes[0]]]])]
    xy = np.vstack(pieces)
    keep = np.r_[True, np.any(np.diff(xy, axis=0) != 0, axis=1)]
    xy = xy[keep]
    out_lon, out_lat = net.to_wgs84(xy[:, 0], xy[:, 1])
    coords = [(float(a), float(b)) for a, b in zip(np.atleast_1d(out_lon), np.atleast_1d(out_lat))]
    length = float(np.hypot(*np.diff(xy, axis=0).T).sum()) if len(xy) > 1 else 0.0
    return CorridorLine(coords, nodes, used, length)
