"""Compute results on the map: convoy routes (empty leg in, loaded leg out), checkpoint queue badges,
what-if variant routes.

The map view (:mod:`ui.map.view`) owns one :class:`ResultsLayer` and one
:class:`VariantRoutesLayer`. The results layer reads the typed schedule
(:mod:`planner.schedule.result`): each convoy round's ``route_nodes`` (laid on
the network with :func:`planner.schedule.timeline.osm_node_xy`) and each
checkpoint queue's figures (:func:`planner.schedule.timeline.queue_summary`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from planner.schedule.timeline import osm_node_xy, queue_summary
from ui.convoys.common import convoy_colour, fmt_duration, schedule_of
from ui.icons import WHITE
from ui.map.points import PointItem
from ui.map.style import SYMBOL_R, Z_BADGES, Z_ROUTES, lod_of
from ui.map.style import label_font as _label_font

UNUSED_ROUTE = QColor("#7a7a7a")  # a route no convoy drives


def convoy_color(convoy_id, index: int = 0) -> QColor:
    """A convoy's colour, the same as in the schedule table and Gantt (:func:`ui.convoys.common.convoy_colour`)."""
    return convoy_colour(convoy_id)


class _PathItem(QGraphicsItem):
    """A scene path drawn with cosmetic pens (routes); not clickable."""

    def __init__(self, path: QPainterPath, key, z: float):
        super().__init__()
        self.path = path
        self.key = key
        self.setZValue(z)
        self.setAcceptedMouseButtons(Qt.NoButton)
        self._bounds = path.boundingRect().adjusted(-100, -100, 100, 100)

    def boundingRect(self) -> QRectF:
        return self._bounds


def _stroke(p: QPainter, path: QPainterPath, color: QColor, width: float, dash=None) -> None:
    pen = QPen(color, width, Qt.CustomDashLine if dash else Qt.SolidLine)
    if dash:
        pen.setDashPattern(dash)
    pen.setCosmetic(True)
    pen.setCapStyle(Qt.RoundCap if not dash else Qt.FlatCap)
    pen.setJoinStyle(Qt.RoundJoin)
    p.strokePath(path, pen)


def _arrows(p: QPainter, path: QPainterPath, color: QColor) -> None:
    """Direction chevrons every ~120 px along a path."""
    tr = p.worldTransform()
    p.save()
    p.resetTransform()
    pen = QPen(WHITE, 1.8)
    pen.setCapStyle(Qt.RoundCap)
    p.setPen(pen)
    for sub in path.toSubpathPolygons():
        pts = [tr.map(q) for q in sub]
        acc = 60.0
        for a, b in zip(pts[:-1], pts[1:]):
            seg = QLineF(a, b)
            L = seg.length()
            while acc < L:
                c = seg.pointAt(acc / L)
                u = seg.unitVector()
                ux, uy = u.dx(), u.dy()
                p.drawLine(c, c + QPointF(-ux * 4 - uy * 3, -uy * 4 + ux * 3))
                p.drawLine(c, c + QPointF(-ux * 4 + uy * 3, -uy * 4 - ux * 3))
                acc += 120.0
            acc -= L
    p.restore()


class RouteItem(_PathItem):
    """A convoy round's route: the empty leg in (dashed) and the loaded leg out (solid, with chevrons).

    ``key`` is the convoy id (or a ``(pickup, destination)`` pair for a route no
    convoy drives, drawn thin and grey); ``convoys`` the convoy ids it shows.
    """

    def __init__(self, path_out: QPainterPath, color: QColor, convoys: list, key, path_in: QPainterPath | None = None):
        both = QPainterPath(path_out)
        if path_in is not None:
            both.addPath(path_in)
        super().__init__(both, key, Z_ROUTES)
        self.path_out = path_out
        self.path_in = path_in if path_in is not None else QPainterPath()
        self.color = self.base_color = color
        self.convoys = convoys
        self.emphasis = 0  # -1 faded, 0 normal, 1 highlighted

    def paint(self, p: QPainter, option, widget=None) -> None:
        p.setRenderHint(QPainter.Antialiasing, True)
        w = {1: 7.0, 0: 4.5, -1: 3.0}[self.emphasis] if self.convoys else 2.5
        color = QColor(self.color)
        if self.emphasis < 0:
            color.setAlpha(70)
        if not self.path_in.isEmpty():
            if self.emphasis > 0:
                _stroke(p, self.path_in, QColor(255, 255, 255, 230), w + 3)
            _stroke(p, self.path_in, color, max(2.0, w - 2), dash=[2.0, 1.6])
        if self.emphasis >= 0 and self.convoys:  # a white casing keeps routes that share a road apart
            _stroke(
                p,
                self.path_out,
                QColor(255, 255, 255, 230 if self.emphasis > 0 else 170),
                w + (5 if self.emphasis > 0 else 2.5),
            )
        _stroke(p, self.path_out, color, w)
        if self.emphasis >= 0 and self.convoys and lod_of(p) > 0.02:
            _arrows(p, self.path_out, color)


class QueueBadge(QGraphicsItem):
    """Next to a checkpoint: its convoy passages, the longest queue and the longest wait of the schedule.

    It sits above its checkpoint, else below, left or right, wherever it covers no
    point label, symbol or other badge (:meth:`ResultsLayer.place_badges`).
    """

    SIDES = ("above", "below", "left", "right")

    def __init__(self, text: str, warn: bool, checkpoint: str = ""):
        super().__init__()
        self.text = text
        self.warn = warn
        self.checkpoint = checkpoint
        self.side = "above"
        self.setFlag(QGraphicsItem.ItemIgnoresTransformations, True)
        self.setZValue(Z_BADGES)
        self.setAcceptedMouseButtons(Qt.NoButton)

    def rect(self, side: str | None = None) -> QRectF:
        """Device-pixel box of the badge on ``side`` of its checkpoint (default: where it is)."""
        fm = QFontMetricsF(_label_font(True, 8.0))
        w, h = fm.horizontalAdvance(self.text) + 12, fm.height() + 4
        gap = SYMBOL_R + 6
        return {
            "above": QRectF(-w / 2, -gap - h, w, h),
            "below": QRectF(-w / 2, gap, w, h),
            "left": QRectF(-gap - w, -h / 2, w, h),
            "right": QRectF(gap, -h / 2, w, h),
        }[side or self.side]

    def set_side(self, side: str) -> None:
        if side != self.side:
            self.prepareGeometryChange()
            self.side = side

    def boundingRect(self) -> QRectF:
        return self.rect().adjusted(-6, -6, 6, 6)

    def paint(self, p: QPainter, option, widget=None) -> None:
        p.setRenderHint(QPainter.Antialiasing, True)
        font = _label_font(True, 8.0)
        rect = self.rect()
        color = QColor("#b71c1c") if self.warn else QColor("#37474f")
        p.setPen(Qt.NoPen)
        p.setBrush(color)
        p.drawRoundedRect(rect, 4, 4)
        c = rect.center()
        tip = {
            "above": [QPointF(-4, rect.bottom()), QPointF(4, rect.bottom()), QPointF(0, rect.bottom() + 4)],
            "below": [QPointF(-4, rect.top()), QPointF(4, rect.top()), QPointF(0, rect.top() - 4)],
            "left": [
                QPointF(rect.right(), c.y() - 4),
                QPointF(rect.right(), c.y() + 4),
                QPointF(rect.right() + 4, c.y()),
            ],
            "right": [
                QPointF(rect.left(), c.y() - 4),
                QPointF(rect.left(), c.y() + 4),
                QPointF(rect.left() - 4, c.y()),
            ],
        }[self.side]
        p.drawPolygon(QPolygonF(tip))
        p.setFont(font)
        p.setPen(WHITE)
        p.drawText(rect, Qt.AlignCenter, self.text)


def badge_text(summary) -> str:
    """The badge of a ``planner.schedule.timeline.QueueSummary``: passages, longest queue and wait (a count after
    a colon, as in uk and ru: no plural to agree)."""
    if summary.max_queue:
        return QCoreApplication.translate("MapResults", "passages: {n} · queue {q} · wait {w}").format(
            n=summary.passages, q=summary.max_queue, w=fmt_duration(summary.max_wait)
        )
    return QCoreApplication.translate("MapResults", "passages: {n} · no queue").format(n=summary.passages)


WAIT_WARN_MIN = 60  # a badge turns red when a convoy waits this long


class ResultsLayer:
    """Convoy routes and checkpoint queue badges from ``doc.results``.

    ``doc.results.schedule`` is a ``planner.schedule.result.Schedule``: one
    :class:`RouteItem` per convoy round in its colour (empty leg dashed, loaded
    leg solid); the routes of ``doc.results.routes`` (a
    ``planner.routing.PlanRoutes``) that no convoy drives are drawn thin and grey.
    """

    def __init__(self, view):
        self.view = view
        self.doc = view.doc
        self.routes: list[RouteItem] = []
        self.badges: list[QueueBadge] = []
        self.convoy_color: dict[str, QColor] = {}
        self.highlighted = None

    def clear(self) -> None:
        for item in self.routes + self.badges:
            self.view.scene().removeItem(item)
        self.routes, self.badges = [], []
        self.convoy_color = {}

    def _path(self, pts) -> QPainterPath | None:
        if len(pts) < 2:
            return None
        path = QPainterPath()
        path.addPolygon(QPolygonF(pts))
        return path

    def rebuild(self) -> None:
        self.clear()
        res = self.doc.results
        if res is None:
            return
        s = schedule_of(self.doc)
        net = self.doc.network
        node_xy = osm_node_xy(net) if net is not None and hasattr(net, "enode_osmid") else {}
        driven = set()
        for c in s.convoys if s is not None else []:
            legs = {}
            for d in ("in", "out"):
                pts = [QPointF(node_xy[n][0], -node_xy[n][1]) for n in c.route_nodes.get(d, []) if n in node_xy]
                legs[d] = self._path(pts)
            if legs["out"] is None:
                continue
            color = convoy_colour(c.id)
            self.convoy_color[c.id] = color
            item = RouteItem(legs["out"], color, [c.id], c.id, legs["in"])
            self.view.scene().addItem(item)
            self.routes.append(item)
            driven.add((c.stops[-1].pickup if c.stops else None, c.destination))
            driven.update((st.pickup, c.destination) for st in c.stops)
        plan_routes = getattr(getattr(res, "routes", None), "routes", None) or {}
        for key, route in plan_routes.items():
            if key in driven:
                continue
            coords = getattr(route, "coords_lonlat", None)
            if coords is None or len(coords) < 2:
                continue
            path = self._path([QPointF(*self.doc.to_scene(float(lon), float(lat))) for lon, lat in coords])
            item = RouteItem(path, UNUSED_ROUTE, [], key)
            item.setZValue(Z_ROUTES - 1)
            self.view.scene().addItem(item)
            self.routes.append(item)
        self.update_badges()
        self.highlight(self.highlighted)

    def update_badges(self) -> None:
        for item in self.badges:
            self.view.scene().removeItem(item)
        self.badges = []
        s = schedule_of(self.doc)
        if s is None:
            return
        for q in s.checkpoint_queues:
            cp = self.doc.element(q.checkpoint)
            if cp is None or not q.passages:
                continue
            summary = queue_summary(s, q.checkpoint)
            badge = QueueBadge(
                badge_text(summary), summary.max_wait.total_seconds() >= 60 * WAIT_WARN_MIN, q.checkpoint
            )
            badge.setPos(*self.doc.to_scene(cp.lon, cp.lat))
            self.view.scene().addItem(badge)
            self.badges.append(badge)
        self.place_badges()

    def place_badges(self) -> None:
        """Put each queue badge on the first side of its checkpoint that covers no point label, symbol or
        badge placed before (the labels are placed first, :meth:`ElementLayer.declutter`)."""
        if not self.badges:
            return
        taken: list[QRectF] = []
        r = SYMBOL_R + 1
        for it in self.view.elements.items.values():
            if isinstance(it, PointItem):
                c = QPointF(self.view.mapFromScene(it.pos()))
                taken.append(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r))
                if it.shown:
                    taken.append(it.label_rect(it.side).translated(c))
        for badge in self.badges:
            c = QPointF(self.view.mapFromScene(badge.pos()))
            boxes = {side: badge.rect(side).translated(c) for side in badge.SIDES}
            side = next((s for s in badge.SIDES if not any(boxes[s].intersects(t) for t in taken)), "above")
            badge.set_side(side)
            taken.append(boxes[side])

    def highlight(self, convoy_id) -> None:
        """Emphasise the route of ``convoy_id`` and fade the others (``None``: all normal)."""
        self.highlighted = convoy_id
        found = any(convoy_id in r.convoys for r in self.routes) if convoy_id is not None else False
        for r in self.routes:
            r.emphasis = 0 if not found else (1 if convoy_id in r.convoys else -1)
            r.setZValue((Z_ROUTES if r.convoys else Z_ROUTES - 1) + (1 if r.emphasis > 0 else 0))
            r.update()

    def route_of(self, convoy_id):
        """The route item of a convoy, or ``None``."""
        return next((r for r in self.routes if convoy_id in r.convoys), None)


VARIANT_COLOR = QColor("#6a1b9a")  # a what-if variant's routes: purple, dashed
BASE_COLOR = QColor("#455a64")  # the base routes they are compared with


class VariantRouteItem(_PathItem):
    """A route of a what-if variant (dashed) or the base route it replaces (thin, solid), over the results."""

    def __init__(self, path: QPainterPath, key, dashed: bool):
        super().__init__(path, key, Z_ROUTES + (3 if dashed else 2))
        self.dashed = dashed

    def paint(self, p: QPainter, option, widget=None) -> None:
        p.setRenderHint(QPainter.Antialiasing, True)
        if self.dashed:
            casing = QPen(QColor(255, 255, 255, 220), 7.0)
            casing.setCosmetic(True)
            casing.setCapStyle(Qt.FlatCap)
            p.strokePath(self.path, casing)
            pen = QPen(VARIANT_COLOR, 4.0, Qt.CustomDashLine)
            pen.setDashPattern([2.5, 1.5])
        else:
            pen = QPen(BASE_COLOR, 2.5)
        pen.setCosmetic(True)
        pen.setCapStyle(Qt.FlatCap)
        pen.setJoinStyle(Qt.RoundJoin)
        p.strokePath(self.path, pen)


class VariantRoutesLayer:
    """A what-if variant's routes drawn dashed over the base's (``VariantsPanel.variantRoutes`` payload).

    Only pairs whose route differs from the base are drawn (the others lie on the
    base route): the base route thin and solid, the variant's dashed on top.
    ``caption`` says what is shown, for the map's legend.
    """

    def __init__(self, view):
        self.view = view
        self.doc = view.doc
        self.items: list[VariantRouteItem] = []
        self.variant = None
        self.caption = ""

    def clear(self) -> None:
        for item in self.items:
            self.view.scene().removeItem(item)
        self.items = []
        self.variant = None
        self.caption = ""

    def _path(self, route) -> QPainterPath | None:
        coords = getattr(route, "coords_lonlat", None)
        if coords is None or len(coords) < 2:
            return None
        path = QPainterPath()
        path.addPolygon(QPolygonF([QPointF(*self.doc.to_scene(float(lon), float(lat))) for lon, lat in coords]))
        return path

    def show(self, payload) -> None:
        """Draw ``payload`` = ``{"variant", "base", "routes", "changed"}`` (``None`` clears)."""
        self.clear()
        if not payload:
            return
        base = getattr(payload.get("base"), "routes", None) or {}
        routes = getattr(payload.get("routes"), "routes", None) or {}
        changed = {(c["pickup"], c["destination"]): c for c in payload.get("changed") or []}
        for key in changed:
            for source, dashed in ((base, False), (routes, True)):
                path = self._path(source.get(key)) if key in source else None
                if path is not None:
                    item = VariantRouteItem(path, key, dashed)
                    self.view.scene().addItem(item)
                    self.items.append(item)
        self.variant = payload.get("variant")
        n = len(changed)
        self.caption = (
            QCoreApplication.translate(
                "MapResults", "Variant “{name}”: {n} route(s) changed — dashed: the variant's, solid grey: the base's"
            )
            if n
            else QCoreApplication.translate("MapResults", "Variant “{name}”: same routes as the base")
        ).format(name=self.variant, n=n)
        self.view.viewport().update()

    def rect(self) -> QRectF:
        r = QRectF()
        for item in self.items:
            r = r.united(item.path.boundingRect())
        return r
