"""The roads of the network: one layer of painter paths by road class and tile, and the street names.

Built once per network with numpy (:func:`ui.map.geometry.net_cached`) and
drawn with cosmetic pens whose pixel width follows the zoom like a printed
road map.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem

from planner.edgegeom import edge_lines
from ui.map.geometry import drawn_edges, edge_polylines, net_cached, polylines_path, segment_lines
from ui.map.style import ROAD_STYLES, Z_LABELS, Z_ROADS, RoadStyle, draw_halo_text, lod_of, road_class_of


class _Tile:
    """The roads whose polylines start in one grid cell: per class a path (round joins,
    close zoom) and a list of segments (fast square-capped strokes, far zoom)."""

    __slots__ = ("lines", "lines_far", "paths", "rect")

    def __init__(self):
        self.rect = QRectF()
        self.paths = [QPainterPath() for _ in ROAD_STYLES]
        self.lines = [[] for _ in ROAD_STYLES]
        self.lines_far = [[] for _ in ROAD_STYLES]  # simplified polylines for far zoom


class RoadLayer(QGraphicsItem):
    """Every road of the network in one item, one ``QPainterPath`` per road class and grid tile.

    Classes are drawn minor to major, each casing then fill, so major roads
    run over the minor ones at junctions. Pens are cosmetic (pixel widths) and
    their width follows the zoom (``RoadStyle.width_m`` x px-per-metre,
    clamped); minor classes are hidden when zoomed far out.

    Speed: only tiles in the exposed area are drawn; when zoomed out (thin
    lines) roads are drawn as separate segments with square caps, which the
    raster engine strokes directly instead of through the general path
    stroker (several times faster; the joins are invisible at that width).
    """

    TILE_M = 1000.0  # grid cell size (m)
    ROUND_LOD = 1.2  # px per metre from which roads are stroked as paths with round joins
    FAR_LOD = 0.15  # below this many px per metre, draw the simplified polylines
    FAR_TOLERANCE_M = 5.0  # simplification tolerance: under 0.75 px at FAR_LOD

    def __init__(self, net, parent=None):
        super().__init__(parent)
        self.setZValue(Z_ROADS)
        self.setAcceptedMouseButtons(Qt.NoButton)
        self.setFlag(QGraphicsItem.ItemUsesExtendedStyleOption, True)
        self.tiles, self.n_edges, self._bounds = net_cached(net, ("roads", self.TILE_M), lambda: self.build(net))

    @classmethod
    def build(klass, net):
        """Tiles, number of drawn road pieces and bounds of a network's roads (cached per network)."""
        edges = drawn_edges(net)
        cls = road_class_of(np.asarray(net.edge_highway))[edges]
        ptr = np.asarray(net.geom_ptr)
        cx = np.floor(np.asarray(net.geom_x)[ptr[edges]] / klass.TILE_M).astype(np.int64)
        cy = np.floor(-np.asarray(net.geom_y)[ptr[edges]] / klass.TILE_M).astype(np.int64)
        _, cell = np.unique(cx * 1_000_003 + cy, return_inverse=True)
        group = cell * len(ROAD_STYLES) + cls  # one group per tile and road class
        far = shapely.simplify(edge_lines(net)[edges], klass.FAR_TOLERANCE_M)
        far_xy, far_geom = shapely.get_coordinates(far, return_index=True)
        far_group = group[far_geom]
        order = np.argsort(far_group, kind="stable")  # keeps each polyline's vertices in order
        far_bounds = np.searchsorted(far_group[order], np.arange(group.max() + 2))
        tiles = [_Tile() for _ in range(cell.max() + 1)]
        for g in np.unique(group):
            tile, k = tiles[g // len(ROAD_STYLES)], int(g % len(ROAD_STYLES))
            x, y, starts = edge_polylines(net, edges[group == g])
            tile.paths[k] = path = polylines_path(x, y, starts)
            tile.rect = tile.rect.united(path.boundingRect())
            tile.lines[k] = segment_lines(x, y, starts)
            idx = order[far_bounds[g] : far_bounds[g + 1]]
            fg = far_geom[idx]
            tile.lines_far[k] = segment_lines(far_xy[idx, 0], -far_xy[idx, 1], np.r_[True, fg[1:] != fg[:-1]])
        bounds = QRectF()
        for tile in tiles:
            tile.rect = tile.rect.adjusted(-30, -30, 30, 30)
            bounds = bounds.united(tile.rect)
        return tiles, len(edges), bounds.adjusted(-20, -20, 20, 20)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def class_path(self, k: int) -> QPainterPath:
        """All roads of class ``k`` (index into :data:`ROAD_STYLES`) as one path."""
        path = QPainterPath()
        for t in self.tiles:
            path.addPath(t.paths[k])
        return path

    @staticmethod
    def pens(style: RoadStyle, lod: float, round_caps: bool = True):
        """(casing pen or None, fill pen) for ``style`` at ``lod`` px per metre."""
        w = min(style.max_px, max(style.min_px, style.width_m * lod))
        if w < 1.4:
            w = 0.0 if w >= 0.95 else w  # one-pixel cosmetic lines take the raster engine's fast path
        cased = lod >= style.casing_lod
        cap = Qt.RoundCap if round_caps else Qt.SquareCap
        fill = QPen(QColor(style.fill if (cased or not style.far) else style.far), w)
        fill.setCosmetic(True)
        fill.setCapStyle(cap)
        fill.setJoinStyle(Qt.RoundJoin)
        if not cased:
            return None, fill
        casing = QPen(QColor(style.casing), max(w, 1.0) + (2.0 if w < 8 else 3.0))
        casing.setCosmetic(True)
        casing.setCapStyle(cap)
        casing.setJoinStyle(Qt.RoundJoin)
        return casing, fill

    def paint(self, painter: QPainter, option, widget=None) -> None:
        lod = lod_of(painter)
        exposed = option.exposedRect
        tiles = [t for t in self.tiles if t.rect.intersects(exposed)]
        round_caps = lod >= self.ROUND_LOD
        far = lod < self.FAR_LOD
        painter.setBrush(Qt.NoBrush)
        for k, style in enumerate(ROAD_STYLES):
            if lod < style.min_lod:
                continue
            for pen in self.pens(style, lod, round_caps):
                if pen is None:
                    continue
                painter.setPen(pen)
                for t in tiles:
                    if round_caps:
                        if not t.paths[k].isEmpty():
                            painter.drawPath(t.paths[k])
                    elif far:
                        if t.lines_far[k]:
                            painter.drawLines(t.lines_far[k])
                    elif t.lines[k]:
                        painter.drawLines(t.lines[k])


class StreetLabels(QGraphicsItem):
    """Street names along the roads at close zoom, horizontal-ish and upright, with a halo.

    Candidates (one per named road piece, longest first, major classes first) are
    precomputed; painting keeps those in view whose road is long enough on screen
    for the text and that do not overlap an already placed label or repeat a name
    placed nearby.
    """

    MAX_LABELS = 160

    def __init__(self, net, parent=None):
        super().__init__(parent)
        self.setZValue(Z_LABELS)
        self.setAcceptedMouseButtons(Qt.NoButton)
        self.setFlag(QGraphicsItem.ItemUsesExtendedStyleOption, True)
        self.font = QFont()
        self.font.setPointSizeF(8.5)
        self.bold = QFont(self.font)
        self.bold.setBold(True)
        self.x, self.y, self.dx, self.dy, self.length, self.cls, self.name = net_cached(
            net, "labels", lambda: self.candidates(net)
        )
        gx, gy = np.asarray(net.geom_x), -np.asarray(net.geom_y)
        self.label_lod = np.array([s.label_lod for s in ROAD_STYLES])
        self.shown: list[str] = []  # the names placed by the last paint
        self.avoid = None  # another label item whose ``placed`` boxes (device px) these must not cover
        self._bounds = (
            QRectF(float(gx.min()), float(gy.min()), float(np.ptp(gx)), float(np.ptp(gy))).adjusted(
                -200, -200, 200, 200
            )
            if len(gx)
            else QRectF()
        )

    @staticmethod
    def candidates(net):
        """Label candidates (middle point, direction, straight length, class, name), major and long first."""
        names = np.asarray(net.edge_name).astype(str)
        cls = road_class_of(np.asarray(net.edge_highway))
        edges = drawn_edges(net)
        edges = edges[(names[edges] != "") & (cls[edges] >= 1)]
        ptr = np.asarray(net.geom_ptr)
        gx, gy = np.asarray(net.geom_x), -np.asarray(net.geom_y)
        rows = []
        for e in edges:
            a, b = ptr[e], ptr[e + 1]
            if b - a < 2:
                continue
            dx, dy = np.diff(gx[a:b]), np.diff(gy[a:b])
            seg = np.hypot(dx, dy)
            total = seg.sum()
            if total < 30:
                continue
            # label at the middle of the edge, along the segment holding the middle
            k = int(np.searchsorted(np.cumsum(seg), total / 2))
            k = min(k, len(seg) - 1)
            t = (total / 2 - (np.cumsum(seg)[k] - seg[k])) / max(seg[k], 1e-9)
            mx, my = gx[a + k] + t * dx[k], gy[a + k] + t * dy[k]
            # a longer straight run around the middle to judge whether the text fits
            rows.append((mx, my, dx[k], dy[k], min(total, 3 * seg[k] + 1), cls[e], names[e]))
        rows.sort(key=lambda r: (-r[5], -r[4]))
        cols = [np.array([r[i] for r in rows]) for i in range(5)]
        return (*cols, np.array([r[5] for r in rows], dtype=int), [r[6] for r in rows])

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if not len(self.x):
            return
        lod = lod_of(painter)
        r = option.exposedRect
        ok = (lod >= self.label_lod[self.cls]) & (self.length * lod > 60)
        ok &= (self.x >= r.left()) & (self.x <= r.right()) & (self.y >= r.top()) & (self.y <= r.bottom())
        idx = np.flatnonzero(ok)
        self.shown = []
        if not len(idx):
            return
        tr = painter.worldTransform()
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.Antialiasing, True)
        placed: list[QRectF] = list(getattr(self.avoid, "placed", []))  # place names were painted first
        seen: dict[str, list[QPointF]] = {}
        for i in idx:
            if len(placed) >= self.MAX_LABELS:
                break
            font = self.bold if self.cls[i] >= 3 else self.font
            fm = QFontMetricsF(font)
            text = self.name[i]
            w = fm.horizontalAdvance(text)
            if self.length[i] * lod < w + 16:
                continue
            c = tr.map(QPointF(self.x[i], self.y[i]))
            near = seen.get(text, [])
            if any((c - q).manhattanLength() < 320 for q in near):
                continue
            d = tr.map(QPointF(self.x[i] + self.dx[i], self.y[i] + self.dy[i])) - tr.map(QPointF(self.x[i], self.y[i]))
            ang = math.degrees(math.atan2(d.y(), d.x()))
            if ang > 90:
                ang -= 180
            elif ang < -90:
                ang += 180
            # axis-aligned box of the rotated text, for collisions
            ca, sa = abs(math.cos(math.radians(ang))), abs(math.sin(math.radians(ang)))
            h = fm.height()
            bw, bh = w * ca + h * sa, w * sa + h * ca
            box = QRectF(c.x() - bw / 2, c.y() - bh / 2, bw, bh)
            if any(box.intersects(p) for p in placed):
                continue
            placed.append(box)
            self.shown.append(text)
            seen.setdefault(text, []).append(c)
            painter.save()
            painter.translate(c)
            painter.rotate(ang)
            draw_halo_text(painter, QPointF(-w / 2, (fm.ascent() - fm.descent()) / 2), text, font, QColor("#333333"))
            painter.restore()
        painter.restore()
