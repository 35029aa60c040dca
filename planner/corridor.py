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

from planner.edgegeom import edge_tree

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


# ---------------------------------------------------------------- editing a drawn corridor

#: Two vertices closer than this are the same point (metres): a plan file rounds coordinates
#: to 7 decimals (about 1 cm), so a saved line is matched against freshly snapped nodes with room.
SAME_POINT_M = 0.1


def _xy(net, coords) -> np.ndarray:
    """Projected ``(n, 2)`` array of WGS84 ``coords``."""
    if len(coords) == 0:
        return np.zeros((0, 2))
    lon = np.array([float(c[0]) for c in coords])
    lat = np.array([float(c[1]) for c in coords])
    x, y = net.to_projected(lon, lat)
    return np.column_stack([np.atleast_1d(x).astype(float), np.atleast_1d(y).astype(float)])


def leg_spans(net, line, waypoints, tol_m: float = SAME_POINT_M, nodes=None):
    """Where each waypoint sits in ``line``: per waypoint, the first and last vertex index at it.

    A road leg starts and ends at the road node its waypoint snaps to, a straight
    leg at the clicked point itself, so a waypoint between a road leg and a
    straight one holds two vertices (the node, then the click, or the other way
    round); leg ``j`` is ``line[spans[j][1] : spans[j + 1][0] + 1]``.

    Parameters
    ----------
    net : planner.network.RoadNetwork
    line, waypoints : sequence of (lon, lat)
        A corridor's line and the clicked points it was drawn through (degrees).
    tol_m : float
        A vertex within this many metres of a waypoint's click or road node is at it.
    nodes : sequence of int, optional
        The road node each waypoint snaps to (:func:`snap_to_road`), when known.

    Returns
    -------
    list of (int, int) or None
        One span per waypoint, in order; ``None`` when the line does not pass its
        waypoints in order from its first vertex to its last (it was edited
        otherwise, or the network is not the one it was drawn on).
    """
    if len(waypoints) < 2 or len(line) == 0:
        return None
    xy, wp = _xy(net, line), _xy(net, waypoints)
    spans, pos = [], 0
    for j in range(len(wp)):
        node = snap_to_road(net, wp[j, 0], wp[j, 1]) if nodes is None else int(nodes[j])
        cands = np.array([wp[j], [net.node_x[node], net.node_y[node]]])
        d = np.min(np.hypot(xy[pos:, None, 0] - cands[None, :, 0], xy[pos:, None, 1] - cands[None, :, 1]), axis=1)
        at = np.flatnonzero(d <= tol_m)
        if len(at) == 0 or (j == 0 and at[0] != 0):
            return None
        first = last = pos + int(at[0])
        while last + 1 < len(xy) and last + 1 - pos < len(d) and d[last + 1 - pos] <= tol_m:
            last += 1
        spans.append((first, last))
        pos = last
    if spans[-1][1] != len(xy) - 1:
        return None
    return spans


def _splice(net, line, spans, lo: int, hi: int, points, straight: bool, tol_m: float) -> list:
    """``line`` with its part from waypoint ``lo`` to waypoint ``hi`` replaced by the route through ``points``.

    What lies before waypoint ``lo`` (up to the end of the leg arriving there)
    and after waypoint ``hi`` (from the start of the leg leaving it) is kept
    vertex for vertex.
    """
    n = len(spans)
    head = [tuple(c) for c in line[: spans[lo][0] + 1]]
    tail = [tuple(c) for c in line[spans[hi][1] :]]
    mid = corridor_line(net, points, [straight] * (len(points) - 1)).coords if len(points) > 1 else []

    def same(a, b) -> bool:
        ab = _xy(net, [a, b])
        return bool(np.hypot(*(ab[1] - ab[0])) <= tol_m)

    # the ends of the line are kept only where the new legs start and end at them
    if lo == 0 and not (mid and same(head[-1], mid[0])):
        head = []
    if hi == n - 1 and not (mid and same(tail[0], mid[-1])):
        tail = []
    out = list(head)
    if mid and out and same(out[-1], mid[0]):
        mid = mid[1:]  # the kept part keeps its own vertex
    out += mid
    if tail and out and same(out[-1], tail[0]):
        out.pop()
    return out + tail


def _result(net, coords, waypoints) -> CorridorLine:
    """A :class:`CorridorLine` for an edited line: lengths, snapped nodes and straight legs."""
    xy = _xy(net, coords)
    length = float(np.hypot(*np.diff(xy, axis=0).T).sum()) if len(xy) > 1 else 0.0
    wp = _xy(net, waypoints)
    nodes = [snap_to_road(net, x, y) for x, y in wp]
    spans = leg_spans(net, coords, waypoints, nodes=nodes)
    straight = []
    for j in range(len(waypoints) - 1):
        if spans is None:
            straight.append(False)
            continue
        leg = xy[spans[j][1] : spans[j + 1][0] + 1]
        straight.append(
            len(leg) == 2
            and bool(np.hypot(*(leg[0] - wp[j])) <= SAME_POINT_M)
            and bool(np.hypot(*(leg[1] - wp[j + 1])) <= SAME_POINT_M)
        )
    return CorridorLine([(float(a), float(b)) for a, b in coords], nodes, straight, length)


def move_waypoint(net, line, waypoints, index: int, point, straight: bool = False) -> CorridorLine:
    """The corridor after waypoint ``index`` is dragged to ``point``: the legs next to it re-routed.

    Parameters
    ----------
    net : planner.network.RoadNetwork
    line, waypoints : sequence of (lon, lat)
        The corridor's line and the points it was drawn through (degrees), as
        :func:`corridor_line` made them (or an earlier edit).
    index : int
        The moved waypoint (0 is the start, ``len(waypoints) - 1`` the end).
    point : (lon, lat)
        Its new position (degrees).
    straight : bool
        Draw the two legs next to it straight (the planner holds the modifier)
        rather than along the roads.

    Returns
    -------
    CorridorLine
        The new line: the leg arriving at the waypoint and the leg leaving it are
        the fastest road routes to and from the new position (as while drawing);
        every other vertex is the old line's. When the line does not pass its
        waypoints (:func:`leg_spans` gives ``None``), every leg is routed anew.

    Raises
    ------
    IndexError
        When ``index`` is not a waypoint of ``waypoints``.
    """
    n = len(waypoints)
    if not 0 <= index < n:
        raise IndexError(f"waypoint {index} of a corridor with {n} waypoints")
    new = [tuple(map(float, c)) for c in waypoints]
    new[index] = (float(point[0]), float(point[1]))
    spans = leg_spans(net, line, waypoints)
    if spans is None:
        flags = [straight if j in (index - 1, index) else False for j in range(n - 1)]
        return corridor_line(net, new, flags)
    lo, hi = max(index - 1, 0), min(index + 1, n - 1)
    return _result(net, _splice(net, line, spans, lo, hi, new[lo : hi + 1], straight, SAME_POINT_M), new)


def insert_waypoint(net, line, waypoints, point, straight: bool = False) -> tuple[CorridorLine, list, int] | None:
    """The corridor with a new waypoint at ``point`` on the leg nearest to it, that leg re-routed through it.

    Returns
    -------
    (CorridorLine, list of (lon, lat), int) or None
        The new line, the new waypoints and the index of the inserted one;
        ``None`` when the line does not pass its waypoints.
    """
    spans = leg_spans(net, line, waypoints)
    if spans is None:
        return None
    xy, p = _xy(net, line), _xy(net, [point])[0]
    best, best_d = 0, np.inf
    for j in range(len(waypoints) - 1):
        leg = xy[spans[j][1] : spans[j + 1][0] + 1]
        d = shapely.LineString(leg).distance(shapely.Point(p)) if len(leg) > 1 else np.hypot(*(leg[0] - p))
        if d < best_d:
            best, best_d = j, d
    new = [tuple(map(float, c)) for c in waypoints]
    new.insert(best + 1, (float(point[0]), float(point[1])))
    coords = _splice(net, line, spans, best, best + 1, new[best : best + 3], straight, SAME_POINT_M)
    return _result(net, coords, new), new, best + 1


def remove_waypoint(net, line, waypoints, index: int, straight: bool = False):
    """The corridor without waypoint ``index``: its two legs become one road route (or the end leg goes).

    Returns
    -------
    (CorridorLine, list of (lon, lat)) or None
        ``None`` when the corridor would keep fewer than two waypoints or the
        line does not pass its waypoints.
    """
    n = len(waypoints)
    spans = leg_spans(net, line, waypoints)
    if n <= 2 or spans is None or not 0 <= index < n:
        return None
    new = [tuple(map(float, c)) for c in waypoints]
    del new[index]
    if index == 0:
        coords = [tuple(c) for c in line[spans[1][1] :]]
    elif index == n - 1:
        coords = [tuple(c) for c in line[: spans[n - 2][0] + 1]]
    else:
        coords = _splice(net, line, spans, index - 1, index + 1, new[index - 1 : index + 1], straight, SAME_POINT_M)
    return _result(net, coords, new), new
