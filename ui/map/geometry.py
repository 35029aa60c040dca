"""Plain geometry of the map: road polylines as painter paths, distances in pixels or metres, lengths.

Nothing here draws; the road layer, the element items and the tools share these.
"""

from __future__ import annotations

import math
import struct
import weakref

import numpy as np
import shapely
from PySide6.QtCore import QByteArray, QCoreApplication, QDataStream, QLineF, QPointF
from PySide6.QtGui import QPainterPath

from planner.edgegeom import edge_tree


def drawn_edges(net) -> np.ndarray:
    """Indices of the edges to draw: each road once, not once per direction.

    A two-way road is two directed edges ``u→v`` and ``v→u`` with the same
    polyline; keep ``u < v``, and every one-way edge (no reverse twin).
    """
    u = net.edge_u.astype(np.int64)
    v = net.edge_v.astype(np.int64)
    n = max(int(net.n_nodes), 1)
    fwd = u * n + v
    has_reverse = np.isin(v * n + u, fwd)
    return np.flatnonzero((u <= v) | ~has_reverse)


def polylines_path(x: np.ndarray, y: np.ndarray, starts: np.ndarray) -> QPainterPath:
    """One ``QPainterPath`` of many polylines, built in numpy.

    Parameters
    ----------
    x, y : arrays of vertex coordinates (scene units), all polylines concatenated.
    starts : bool array, True at the first vertex of each polyline (a moveTo).

    The path is read from QPainterPath's QDataStream format (element count, then
    ``(type int32, x double, y double)`` big-endian per element, then the fill
    rule), which avoids one Python call per vertex.
    """
    n = len(x)
    path = QPainterPath()
    if n == 0:
        return path
    rec = np.empty(n, dtype=[("t", ">i4"), ("x", ">f8"), ("y", ">f8")])
    rec["t"] = np.where(starts, 0, 1)  # 0 = MoveToElement, 1 = LineToElement
    rec["x"] = x
    rec["y"] = y
    data = struct.pack(">i", n) + rec.tobytes() + struct.pack(">ii", 0, 0)  # cStart, fill rule
    QDataStream(QByteArray(data)) >> path
    return path


def edge_polylines(net, edges: np.ndarray):
    """Concatenated scene coordinates of ``edges``' polylines: ``(x, -y, starts)``."""
    ptr = np.asarray(net.geom_ptr)
    a, b = ptr[edges], ptr[edges + 1]
    counts = b - a
    total = int(counts.sum())
    first = np.cumsum(counts) - counts
    idx = np.repeat(a - first, counts) + np.arange(total)
    starts = np.zeros(total, dtype=bool)
    starts[first[counts > 0]] = True
    return np.asarray(net.geom_x)[idx], -np.asarray(net.geom_y)[idx], starts


_NET_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def net_cached(net, key, build):
    """``build()`` once per network object and key (views of the same network share road geometry)."""
    try:
        cache = _NET_CACHE.setdefault(net, {})
    except TypeError:  # not weak-referenceable
        return build()
    if key not in cache:
        cache[key] = build()
    return cache[key]


def segment_lines(x: np.ndarray, y: np.ndarray, starts: np.ndarray) -> list:
    """``QLineF`` segments of concatenated polylines (``starts``: True at each polyline's first vertex)."""
    seg = np.flatnonzero(~starts[1:])  # vertex i -> i+1 unless i+1 starts a new road
    return [
        QLineF(a, b, c, d)
        for a, b, c, d in zip(x[seg].tolist(), y[seg].tolist(), x[seg + 1].tolist(), y[seg + 1].tolist())
    ]


def seg_dist(p: QPointF, a: QPointF, b: QPointF) -> float:
    """Distance from ``p`` to segment ``ab`` (same units)."""
    ab = b - a
    L2 = ab.x() ** 2 + ab.y() ** 2
    if L2 == 0:
        return math.hypot(p.x() - a.x(), p.y() - a.y())
    t = max(0.0, min(1.0, ((p.x() - a.x()) * ab.x() + (p.y() - a.y()) * ab.y()) / L2))
    q = a + ab * t
    return math.hypot(p.x() - q.x(), p.y() - q.y())


def polyline_dist(p: QPointF, pts: list, closed=False) -> float:
    """Distance from ``p`` to a polyline (or polygon ring)."""
    if not pts:
        return math.inf
    if len(pts) == 1:
        return math.hypot(p.x() - pts[0].x(), p.y() - pts[0].y())
    segs = list(zip(pts[:-1], pts[1:]))
    if closed:
        segs.append((pts[-1], pts[0]))
    return min(seg_dist(p, a, b) for a, b in segs)


def nice_length(metres: float) -> float:
    """The largest 1, 2 or 5 x 10^k not above ``metres``."""
    if metres <= 0:
        return 0.0
    k = math.floor(math.log10(metres))
    for m in (5, 2, 1):
        if m * 10**k <= metres:
            return m * 10**k
    return 10**k


def format_length(metres: float) -> str:
    """``metres`` as the scale bar writes it: "500 m", "2 km"."""
    if metres >= 1000:
        return QCoreApplication.translate("MapScale", "{n} km").format(n=f"{metres / 1000:g}")
    return QCoreApplication.translate("MapScale", "{n} m").format(n=f"{metres:g}")


def nearest_edge(net, x: float, y: float, max_m: float = math.inf):
    """The network edge nearest to projected ``(x, y)`` (metres): ``(edge index, distance m)`` or ``None``."""
    tree = edge_tree(net)
    kw = {} if math.isinf(max_m) else {"max_distance": max_m}
    idx, dist = tree.query_nearest(shapely.Point(x, y), return_distance=True, **kw)
    if len(idx) == 0:
        return None
    return int(idx[0]), float(dist[0])


def edge_lonlat(net, edge: int) -> list:
    """WGS84 polyline ``[(lon, lat), ...]`` of a network edge."""
    xy = net.edge_coords(edge)
    lon, lat = net.to_wgs84(xy[:, 0], xy[:, 1])
    return [(float(a), float(b)) for a, b in zip(np.atleast_1d(lon), np.atleast_1d(lat))]


LABEL_SPOTS = (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8)  # fractions of a line's length tried for its label, in order


def label_beside_line(pts: list, width: float, height: float, clear: float) -> tuple[float, float] | None:
    """Top-left corner (px) of a ``width`` x ``height`` label beside the polyline ``pts`` (device pixels) that
    keeps ``clear`` px off the whole line, or ``None`` when no spot tried does.

    Spots are tried at :data:`LABEL_SPOTS` along the line, on the right or
    upper side of it first (as a reader looks for it), then the other side:
    at each the label sits off the local direction of the line by ``clear``.
    """
    segs = [(a, b) for a, b in zip(pts[:-1], pts[1:]) if QLineF(a, b).length() > 0]
    if not segs:
        return None
    lengths = [QLineF(a, b).length() for a, b in segs]
    total = sum(lengths)
    line = np.array([(q.x(), q.y()) for q in pts])
    keep_off = shapely.LineString(line).buffer(clear * 0.98, quad_segs=4) if len(line) > 1 else None
    for frac in LABEL_SPOTS:
        at, acc = frac * total, 0.0
        for (a, b), n in zip(segs, lengths):
            if acc + n >= at:
                break
            acc += n
        t = (at - acc) / n
        cx, cy = a.x() + t * (b.x() - a.x()), a.y() + t * (b.y() - a.y())
        dx, dy = (b.x() - a.x()) / n, (b.y() - a.y()) / n
        normals = [(-dy, dx), (dy, -dx)]
        normals.sort(key=lambda v: -(v[0] - v[1]))  # right (x > 0) or up (y < 0) first
        for nx, ny in normals:
            reach = clear + abs(nx) * width / 2 + abs(ny) * height / 2
            x0, y0 = cx + nx * reach - width / 2, cy + ny * reach - height / 2
            if keep_off is None or not keep_off.intersects(shapely.box(x0, y0, x0 + width, y0 + height)):
                return x0, y0
    return None
