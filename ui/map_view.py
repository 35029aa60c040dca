"""The map: roads drawn by class from the network's vector data, plan elements and results on top.

The scene is in projected metres (the network's UTM zone) with y flipped so
north is up: scene = ``(x, -y)`` (``PlanDocument.to_scene``). Roads are a
handful of items (:class:`RoadLayer`: one ``QPainterPath`` per road class,
built once with numpy; :class:`StreetLabels`), drawn with cosmetic pens whose
pixel width follows the zoom like a printed road map. The scale bar and the
OpenStreetMap attribution are drawn in viewport pixels in ``drawForeground``.

The view observes the document (``ui.document.PlanDocument``) and never
edits the plan: the tools in :mod:`ui.tools` push undo commands.
"""

from __future__ import annotations

import math
import struct
import weakref
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QByteArray, QDataStream, QEvent, QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView, QStyleOptionGraphicsItem


MIME_ELEMENT = "application/x-evacplan-element"
ATTRIBUTION = "© OpenStreetMap contributors"
LAND = QColor("#f2efe9")  # background, the land colour of printed maps

# z order of the map layers
Z_ROADS, Z_HAZARD, Z_CORRIDOR, Z_LABELS, Z_ROUTES, Z_CLOSURE, Z_POINTS, Z_BADGES, Z_PREVIEW = (
    0, 10, 12, 15, 20, 30, 40, 45, 100)


# ---------------------------------------------------------------- road classes


@dataclass(frozen=True)
class RoadStyle:
    """How one road class is drawn.

    width_m : real carriageway width in metres; the line is that wide on screen,
        clamped to ``min_px``..``max_px`` device pixels.
    casing : outline colour, drawn when the view shows at least ``casing_lod`` px per metre.
    far : colour used instead of ``fill`` when the casing is not drawn (minor roads
        zoomed out are thin grey lines, not white on cream).
    min_lod : the class is hidden below this many px per metre.
    """

    name: str
    highways: tuple
    fill: str
    casing: str
    width_m: float
    min_px: float
    max_px: float
    casing_lod: float = 0.0
    far: str = ""
    min_lod: float = 0.0
    label_lod: float = 0.7  # street names from this many px per metre


#: Minor to major: later classes are drawn on top.
ROAD_STYLES = (
    RoadStyle("service", ("service",), "#ffffff", "#c9c3b8", 4.0, 0.6, 14, 0.9, "#d6d0c4", min_lod=0.18,
              label_lod=3.0),
    RoadStyle("minor", ("residential", "unclassified", "living_street", "road"), "#ffffff", "#bdb6a9", 7.0, 0.9, 22,
              0.45, "#bcb5a7", min_lod=0.015, label_lod=1.6),
    RoadStyle("tertiary", ("tertiary", "tertiary_link"), "#ffffff", "#8f8a80", 9.0, 1.8, 26, 0.0, min_lod=0.008,
              label_lod=0.75),
    RoadStyle("secondary", ("secondary", "secondary_link"), "#f7f3b0", "#8c8a2e", 11.0, 2.3, 30, label_lod=0.45),
    RoadStyle("primary", ("primary", "primary_link"), "#fcd6a4", "#b0711f", 13.0, 2.9, 34, label_lod=0.35),
    RoadStyle("trunk", ("trunk", "trunk_link"), "#f9b29c", "#c04f2d", 15.0, 3.3, 38, label_lod=0.3),
    RoadStyle("motorway", ("motorway", "motorway_link"), "#e892a2", "#c2185b", 18.0, 3.8, 42, label_lod=0.3),
)


def road_class_of(highway: np.ndarray) -> np.ndarray:
    """Index into :data:`ROAD_STYLES` of each edge's ``highway`` tag (unknown tags count as minor)."""
    out = np.full(len(highway), 1, dtype=np.int8)
    for k, style in enumerate(ROAD_STYLES):
        out[np.isin(highway, style.highways)] = k
    return out


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


HALO_OFFSETS = [QPointF(dx, dy) for dx in (-1.2, 0, 1.2) for dy in (-1.2, 0, 1.2) if dx or dy]


def draw_halo_text(p: QPainter, pos: QPointF, text: str, font: QFont, color=QColor("#1a1a1a"),
                   halo=QColor(255, 255, 255)) -> None:
    """Text at ``pos`` (baseline left, device pixels) with a white halo, as on printed maps.

    The halo is the text drawn eight times around ``pos``: glyphs come from the
    glyph cache, many times faster than stroking the text outline.
    """
    p.setFont(font)
    p.setPen(halo)
    for d in HALO_OFFSETS:
        p.drawText(pos + d, text)
    p.setPen(color)
    p.drawText(pos, text)


_NET_CACHE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


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
    return [QLineF(a, b, c, d) for a, b, c, d in
            zip(x[seg].tolist(), y[seg].tolist(), x[seg + 1].tolist(), y[seg + 1].tolist())]


def lod_of(painter: QPainter) -> float:
    """Device pixels per scene metre of ``painter``."""
    return QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())


class _Tile:
    """The roads whose polylines start in one grid cell: per class a path (round joins,
    close zoom) and a list of segments (fast square-capped strokes, far zoom)."""

    __slots__ = ("rect", "paths", "lines", "lines_far")

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
        import shapely

        from planner.usable import edge_lines

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
            idx = order[far_bounds[g]:far_bounds[g + 1]]
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
            net, "labels", lambda: self.candidates(net))
        gx, gy = np.asarray(net.geom_x), -np.asarray(net.geom_y)
        self.label_lod = np.array([s.label_lod for s in ROAD_STYLES])
        self._bounds = QRectF(float(gx.min()), float(gy.min()), float(np.ptp(gx)), float(np.ptp(gy))).adjusted(
            -200, -200, 200, 200) if len(gx) else QRectF()

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
        if not len(idx):
            return
        tr = painter.worldTransform()
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.Antialiasing, True)
        placed: list[QRectF] = []
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
            seen.setdefault(text, []).append(c)
            painter.save()
            painter.translate(c)
            painter.rotate(ang)
            draw_halo_text(painter, QPointF(-w / 2, (fm.ascent() - fm.descent()) / 2), text, font, QColor("#333333"))
            painter.restore()
        painter.restore()


# ---------------------------------------------------------------- the view


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
    return f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m"


class MapView(QGraphicsView):
    """The plan map (design section 9).

    Signals
    -------
    cursorMoved(lon, lat) : WGS84 degrees under the mouse.
    toolChanged(name) : the active tool.

    The active tool (:mod:`ui.tools`) gets the mouse and key events; the middle
    button always pans and the wheel zooms around the cursor.
    """

    cursorMoved = Signal(float, float)
    toolChanged = Signal(str)
    scaleChanged = Signal(float)  # px per metre
    hint = Signal(str)  # a short message for the status bar (a click that did nothing, and why)

    MIN_SCALE, MAX_SCALE = 0.0005, 20.0  # px per metre: a 300 km corridor region still fits

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        from ui.map_items import ElementLayer, ResultsLayer, VariantRoutesLayer
        from ui.tools import make_tools

        self.doc = doc
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing | QPainter.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.AnchorViewCenter)
        # the overlay (scale bar, attribution) is in viewport pixels: repaint whole frames, never scroll pixels
        self.setViewportUpdateMode(QGraphicsView.FullViewportUpdate)
        self.setOptimizationFlags(QGraphicsView.DontSavePainterState)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setBackgroundBrush(LAND)
        self.setFrameShape(QGraphicsView.NoFrame)
        self.setMouseTracking(True)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.StrongFocus)
        self.roads: RoadLayer | None = None
        self.labels: StreetLabels | None = None
        self._roads_net = None
        self.elements = ElementLayer(self)
        self.results = ResultsLayer(self)
        self.variant_routes = VariantRoutesLayer(self)
        self.tools = make_tools(self)
        self.tool = self.tools["select"]
        self._pan_from = None
        self._drop_preview = None
        self._fitted = False  # fit to the plan when first shown, unless someone fitted already
        doc.planReset.connect(self.rebuild)
        doc.elementAdded.connect(self.elements.add)
        doc.elementChanged.connect(self.elements.change)
        doc.elementRemoved.connect(self.elements.remove)
        doc.selectionChanged.connect(self.elements.select)
        doc.resultsChanged.connect(self.results.rebuild)
        self.scaleChanged.connect(self.elements.zoomed)
        self.rebuild()

    # ------------------------------------------------------------ building

    def rebuild(self) -> None:
        """Rebuild everything from the document (plan replaced or network changed)."""
        net = self.doc.network
        if net is not self._roads_net:
            for item in (self.roads, self.labels):
                if item is not None:
                    self.scene().removeItem(item)
            self.roads = self.labels = None
            if net is not None:
                self.roads = RoadLayer(net)
                self.labels = StreetLabels(net)
                self.scene().addItem(self.roads)
                self.scene().addItem(self.labels)
            self._roads_net = net
            self._fitted = False  # another place: show the new plan when the view is next laid out
        self.tool.cancel()
        # elements first: their scene positions depend on the network's projection
        self.elements.rebuild()
        self.results.rebuild()
        self.variant_routes.clear()  # they were routes of the previous plan or network
        self._update_scene_rect()
        if not self._fitted and self.isVisible() and not self.viewport().rect().isEmpty():
            self.fit_to_plan()

    def _update_scene_rect(self) -> None:
        rect = self.network_rect().united(self.plan_rect())
        if rect.isEmpty():
            rect = QRectF(-5000, -5000, 10000, 10000)
        # generous margins so the map can be panned past its edges
        m = max(rect.width(), rect.height(), 2000.0)
        self.setSceneRect(rect.adjusted(-m, -m, m, m))

    def network_rect(self) -> QRectF:
        """Scene rectangle of the network's roads (empty without a network)."""
        if self.roads is None:
            return QRectF()
        return self.roads.boundingRect().adjusted(50, 50, -50, -50)

    def plan_rect(self) -> QRectF:
        """Scene rectangle of every element of the plan."""
        return self.elements.plan_rect()

    # ------------------------------------------------------------ navigation

    def scale_px_per_m(self) -> float:
        """Current zoom: viewport pixels per scene metre."""
        return float(self.transform().m11())

    def set_scale(self, px_per_m: float) -> None:
        """Zoom to ``px_per_m`` pixels per metre, keeping the view centre."""
        px_per_m = min(self.MAX_SCALE, max(self.MIN_SCALE, px_per_m))
        centre = self.scene_point(QPointF(self.viewport().rect().center()))
        self.setTransform(self.transform().fromScale(px_per_m, px_per_m))
        self.centerOn(centre)
        self.scaleChanged.emit(px_per_m)

    def fit_rect(self, rect: QRectF, margin: float = 0.06) -> None:
        """Show ``rect`` (scene) with a margin, north up, no distortion."""
        if rect.isNull() or rect.isEmpty():
            rect = QRectF(rect.center() - QPointF(500, 500), rect.center() + QPointF(500, 500))
        vp = self.viewport().rect()
        s = min(vp.width() / (rect.width() * (1 + 2 * margin)), vp.height() / (rect.height() * (1 + 2 * margin)))
        self.set_scale(s)
        self.centerOn(rect.center())
        self._fitted = True

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self._fitted and not self.viewport().rect().isEmpty():
            self.fit_to_plan()

    def fit_to_plan(self) -> None:
        """Show every element of the plan (the network when the plan is empty)."""
        rect = self.plan_rect()
        if rect.isNull():
            self.fit_to_network()
        else:
            self.fit_rect(rect.adjusted(-300, -300, 300, 300))

    def fit_to_network(self) -> None:
        """Show the whole road network."""
        rect = self.network_rect()
        if rect.isNull():
            rect = self.plan_rect()
        self.fit_rect(rect)

    def zoom_by(self, factor: float, anchor=None) -> None:
        """Zoom by ``factor`` around the viewport point ``anchor`` (default: centre)."""
        s = self.scale_px_per_m()
        factor = min(self.MAX_SCALE, max(self.MIN_SCALE, s * factor)) / s
        if anchor is not None:
            before = self.mapToScene(anchor)
        self.scale(factor, factor)
        if anchor is not None:
            # keep the scene point under the cursor where it was
            delta = self.mapFromScene(before) - anchor
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() + delta.y())
        self.scaleChanged.emit(self.scale_px_per_m())

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(1.25**steps, event.position().toPoint())
        event.accept()

    def pan_by(self, dx: float, dy: float) -> None:
        """Scroll the map by ``dx, dy`` viewport pixels (content follows the mouse)."""
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - round(dx))
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() - round(dy))

    def start_pan(self, pos) -> None:
        self._pan_from = QPointF(pos)
        self.viewport().setCursor(Qt.ClosedHandCursor)

    def scene_point(self, pos) -> QPointF:
        """Scene point under a (fractional) viewport position; mapToScene would round it to a pixel."""
        inv, _ = self.viewportTransform().inverted()
        return inv.map(QPointF(pos))

    def lonlat_at(self, pos) -> tuple[float, float]:
        """WGS84 under a viewport point."""
        p = self.scene_point(pos)
        return self.doc.from_scene(p.x(), p.y())

    # ------------------------------------------------------------ tools

    def set_tool(self, name: str) -> None:
        """Activate a tool: select, pickup, destination, depot, checkpoint, corridor, hazard, closure."""
        if name not in self.tools:
            raise ValueError(f"unknown map tool {name!r}; tools: {', '.join(self.tools)}")
        if self.tools[name] is self.tool:
            return
        self.tool.cancel()
        self.tool = self.tools[name]
        self.tool.activate()
        self.toolChanged.emit(name)

    def tool_name(self) -> str:
        return self.tool.name

    def highlight_convoy(self, convoy_id) -> None:
        """Emphasise one convoy's route (``None``: all routes equal)."""
        self.results.highlight(convoy_id)

    def show_variant_routes(self, payload) -> None:
        """Draw a what-if variant's changed routes dashed over the base's (``None`` hides them)."""
        self.variant_routes.show(payload)

    # ------------------------------------------------------------ events

    def event(self, event) -> bool:
        # Esc belongs to a tool in the middle of a shape before it cancels the window's running work
        if (event.type() == QEvent.ShortcutOverride and event.key() == Qt.Key_Escape
                and getattr(self.tool, "points", None)):
            event.accept()
            return True
        return super().event(event)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MiddleButton:
            self.start_pan(event.position())
            event.accept()
            return
        self.setFocus()
        if not self.tool.press(event):
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        pos = event.position()
        lon, lat = self.lonlat_at(pos)
        self.cursorMoved.emit(lon, lat)
        if self._pan_from is not None:
            d = pos - self._pan_from
            self._pan_from = QPointF(pos)
            self.pan_by(d.x(), d.y())
            event.accept()
            return
        if not self.tool.move(event):
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().setCursor(self.tool.cursor)
            event.accept()
            return
        if not self.tool.release(event):
            super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        if not self.tool.double_click(event):
            super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event) -> None:
        if self.tool.key(event):
            return
        if event.key() == Qt.Key_Escape and self.tool.name != "select":
            self.set_tool("select")
            return
        if event.key() in (Qt.Key_Delete, Qt.Key_Backspace):
            from ui.tools import delete_selection

            delete_selection(self.doc)
            return
        if event.key() in (Qt.Key_Plus, Qt.Key_Equal):
            self.zoom_by(1.25)
            return
        if event.key() == Qt.Key_Minus:
            self.zoom_by(0.8)
            return
        step = {Qt.Key_Left: (1, 0), Qt.Key_Right: (-1, 0), Qt.Key_Up: (0, 1), Qt.Key_Down: (0, -1)}.get(event.key())
        if step is not None:  # arrows move the map a fifth of the view
            vp = self.viewport().rect()
            self.pan_by(step[0] * vp.width() / 5, step[1] * vp.height() / 5)
            return
        super().keyPressEvent(event)

    # drag and drop from the palette

    @staticmethod
    def _dropped_kind(event) -> str | None:
        md = event.mimeData()
        if md is None or not md.hasFormat(MIME_ELEMENT):
            return None
        kind = bytes(md.data(MIME_ELEMENT)).decode("utf-8", "replace").strip()
        from ui.icons import KINDS

        return kind if kind in KINDS else None

    def dragEnterEvent(self, event) -> None:
        kind = self._dropped_kind(event)
        if kind is None:
            event.ignore()
            return
        event.setDropAction(Qt.CopyAction)
        event.accept()
        self._show_drop_preview(kind, event.position())

    dragMoveEvent = dragEnterEvent  # the preview follows the cursor

    def dragLeaveEvent(self, event) -> None:
        self._hide_drop_preview()
        event.accept()

    def dropEvent(self, event) -> None:
        kind = self._dropped_kind(event)
        self._hide_drop_preview()
        if kind is None:
            event.ignore()
            return
        from ui.tools import add_element_at

        add_element_at(self, kind, self.scene_point(event.position()))
        event.setDropAction(Qt.CopyAction)
        event.accept()

    def _show_drop_preview(self, kind, pos) -> None:
        from ui.map_items import DropPreview

        if self._drop_preview is None or self._drop_preview.kind != kind:
            self._hide_drop_preview()
            self._drop_preview = DropPreview(kind)
            self.scene().addItem(self._drop_preview)
        self._drop_preview.setPos(self.scene_point(pos))

    def _hide_drop_preview(self) -> None:
        if self._drop_preview is not None:
            self.scene().removeItem(self._drop_preview)
            self._drop_preview = None

    # ------------------------------------------------------------ overlay

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        self.tool.draw_overlay(painter)  # in scene coordinates
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.Antialiasing, True)
        vp = self.viewport().rect()
        font = QFont(self.font())
        font.setPointSizeF(8.0)
        painter.setFont(font)
        fm = QFontMetricsF(font)
        # attribution, bottom right
        tw = fm.horizontalAdvance(ATTRIBUTION)
        box = QRectF(vp.width() - tw - 10, vp.height() - fm.height() - 4, tw + 10, fm.height() + 4)
        painter.fillRect(box, QColor(255, 255, 255, 200))
        painter.setPen(QColor("#333333"))
        painter.drawText(box, Qt.AlignCenter, ATTRIBUTION)
        caption = self.variant_routes.caption
        if caption:  # legend of the variant routes, top left (the plan is fitted to the middle)
            tw = fm.horizontalAdvance(caption)
            box = QRectF(8, 8, tw + 44, fm.height() + 10)
            painter.fillRect(box, QColor(255, 255, 255, 225))
            from ui.map_items import VARIANT_COLOR

            pen = QPen(VARIANT_COLOR, 3, Qt.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(box.left() + 8, box.center().y()), QPointF(box.left() + 32, box.center().y()))
            painter.setPen(QColor("#222222"))
            painter.drawText(box.adjusted(38, 0, 0, 0), Qt.AlignVCenter | Qt.AlignLeft, caption)
        # scale bar, bottom left
        s = self.scale_px_per_m()
        if s > 0:
            length = nice_length(140 / s)
            px = length * s
            label = format_length(length)
            x0, y0 = 12.0, vp.height() - 14.0
            painter.fillRect(QRectF(x0 - 6, y0 - fm.height() - 10, px + 12 + fm.horizontalAdvance(label) + 8,
                                    fm.height() + 18), QColor(255, 255, 255, 200))
            pen = QPen(QColor("#222222"), 2)
            painter.setPen(pen)
            painter.drawLine(QPointF(x0, y0), QPointF(x0 + px, y0))
            for xx in (x0, x0 + px / 2, x0 + px):
                painter.drawLine(QPointF(xx, y0), QPointF(xx, y0 - (6 if xx != x0 + px / 2 else 4)))
            painter.drawText(QPointF(x0 + px + 6, y0 + 1), label)
        painter.restore()
