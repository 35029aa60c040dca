"""Corridors, hazard zones and road closures as map items, drawn in scene metres.

A corridor's buffer is its real width; lines keep their pixel width at any zoom
(cosmetic pens) and are hit-tested in viewport pixels, so a thin line stays
clickable when zoomed far out. A selected shape shows a square handle at each
vertex; a corridor drawn along the roads shows round ones at its waypoints
instead (:mod:`ui.map.waypoints`).
"""

from __future__ import annotations

import math

import shapely
from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF

from planner.corridor import snap_to_road
from ui.icons import KIND_COLOR, WHITE, draw_symbol
from ui.map.geometry import polyline_dist
from ui.map.points import ElementItem
from ui.map.style import (
    HANDLE_PX,
    HIT_PX,
    SELECT_COLOR,
    SYMBOL_R,
    Z_CLOSURE,
    Z_CORRIDOR,
    Z_HAZARD,
    draw_halo_text,
    label_font,
    lod_of,
)
from ui.map.waypoints import usable_waypoints


class _ShapeItem(ElementItem):
    """Shared parts of corridors, hazard zones and closures: a list of scene points."""

    closed = False
    z = 0

    def __init__(self, doc, element):
        super().__init__(doc, element)
        self.setZValue(self.z)

    def sync(self, element) -> None:
        self.prepareGeometryChange()
        coords = getattr(element, self.coords_attr)
        self.pts = [QPointF(*self.doc.to_scene(lon, lat)) for lon, lat in coords]
        self.name = element.name
        self._build(element)
        self.update()

    def _build(self, element) -> None:
        pass

    def line_path(self) -> QPainterPath:
        path = QPainterPath()
        if self.pts:
            path.addPolygon(QPolygonF(self.pts + ([self.pts[0]] if self.closed and len(self.pts) > 2 else [])))
        return path

    def vertices(self) -> list:
        return list(self.pts)

    def middle(self) -> QPointF:
        """Scene point halfway along the line (labels, the closure X)."""
        if not self.pts:
            return QPointF()
        segs = [QLineF(a, b) for a, b in zip(self.pts[:-1], self.pts[1:])]
        total = sum(s.length() for s in segs)
        acc = 0.0
        for s in segs:
            if acc + s.length() >= total / 2 and s.length() > 0:
                return s.pointAt((total / 2 - acc) / s.length())
            acc += s.length()
        return self.pts[0]

    def scene_rect(self) -> QRectF:
        return QPolygonF(self.pts).boundingRect() if self.pts else QRectF()

    def hit(self, view, vpos: QPointF) -> bool:
        dev = [QPointF(view.mapFromScene(q)) for q in self.pts]
        return polyline_dist(vpos, dev, self.closed) <= HIT_PX

    def _margin(self) -> float:
        return 400.0  # m: room for handles and labels drawn in pixels

    def boundingRect(self) -> QRectF:
        m = self._margin()
        return self.scene_rect().adjusted(-m, -m, m, m)

    def draw_handles(self, p: QPainter) -> None:
        if not self.isSelected():
            return
        tr = p.worldTransform()
        p.save()
        p.resetTransform()
        p.setPen(QPen(QColor("#111111"), 1.2))
        p.setBrush(WHITE)
        for q in self.pts:
            c = tr.map(q)
            p.drawRect(QRectF(c.x() - HANDLE_PX, c.y() - HANDLE_PX, 2 * HANDLE_PX, 2 * HANDLE_PX))
        p.restore()

    def draw_name(self, p: QPainter, at: QPointF, detail: str, color: QColor) -> None:
        """Label next to scene point ``at``: the id, plus ``detail`` (name...) when zoomed in or selected."""
        text = self.element_id
        if detail and (lod_of(p) >= 0.25 or self.isSelected()):
            text += "  " + (detail if len(detail) <= 60 else detail[:58] + "…")
        tr = p.worldTransform()
        p.save()
        p.resetTransform()
        draw_halo_text(p, tr.map(at) + QPointF(6, -6), text, label_font(True, 8.0), color)
        p.restore()


ARROW_EVERY_PX = 120.0  # px between the direction arrows of a one-way corridor


class CorridorItem(_ShapeItem):
    """The agreed road: centre line plus a translucent buffer of the corridor's real width.

    A corridor drawn along the roads is edited by its waypoints (the clicked points,
    :mod:`ui.map.waypoints`): selected, it shows a round handle at each instead of
    a square one at every vertex of its line.
    """

    kind = "corridor"
    coords_attr = "line"
    z = Z_CORRIDOR

    def _build(self, element) -> None:
        wps = element.waypoints if usable_waypoints(element.waypoints or []) else []
        self.waypts = [QPointF(*self.doc.to_scene(lon, lat)) for lon, lat in wps]
        net = self.doc.network
        self.waypoint_nodes = []  # scene point of the road node each waypoint snaps to
        for q in self.waypts if net is not None else ():
            node = snap_to_road(net, q.x(), -q.y())
            self.waypoint_nodes.append(QPointF(float(net.node_x[node]), -float(net.node_y[node])))
        self.width_m = float(element.width_m or 0.0)
        self.oneway = bool(element.oneway)
        self.path = self.line_path()
        self.buffer = QPainterPath()
        if self.width_m > 0 and len(self.pts) > 1:
            area = shapely.LineString([(q.x(), q.y()) for q in self.pts]).buffer(self.width_m / 2, quad_segs=6)
            for ring in [area.exterior, *area.interiors] if not area.is_empty else []:
                self.buffer.addPolygon(QPolygonF([QPointF(x, y) for x, y in ring.coords]))

    def _margin(self) -> float:
        return max(400.0, self.width_m)

    def vertices(self) -> list:
        if self.by_waypoints():  # re-routed on the network when dragged
            return list(self.waypts)
        return super().vertices()

    def scene_rect(self) -> QRectF:
        return QPolygonF(self.pts + self.waypts).boundingRect() if self.pts else QRectF()

    def by_waypoints(self) -> bool:
        """Edited by its waypoints (it has them, and a network to route on), not by its vertices."""
        return bool(self.waypts) and self.doc.network is not None

    def draw_handles(self, p: QPainter) -> None:
        if not self.by_waypoints():
            super().draw_handles(p)
        # waypoint handles are drawn over every element by the layer (draw_waypoint_handles)

    def draw_waypoint_handles(self, p: QPainter) -> None:
        """Round handles at the waypoints (start and end filled), dotted to the road node each snaps to.

        ``p`` paints in scene coordinates (the view's foreground), so a waypoint on a
        pickup's symbol (a corridor routed from it) stays visible and grabbable.
        """
        tr = p.worldTransform()
        p.save()
        p.resetTransform()
        color = KIND_COLOR["corridor"]
        r = HANDLE_PX + 1.5
        snap = QPen(QColor("#111111"), 1, Qt.DotLine)
        p.setPen(snap)
        for q, node in zip(self.waypts, self.waypoint_nodes):  # where a road leg starts: the snapped node
            p.drawLine(tr.map(q), tr.map(node))
        for k, q in enumerate(self.waypts):
            c = tr.map(q)
            end = k in (0, len(self.waypts) - 1)
            p.setPen(QPen(QColor("#111111"), 1.4))
            p.setBrush(color if end else WHITE)  # start and end filled, waypoints between open
            p.drawEllipse(c, r, r)
            if not end:
                p.setPen(Qt.NoPen)
                p.setBrush(color)
                p.drawEllipse(c, 2.0, 2.0)
        p.restore()

    def hit(self, view, vpos: QPointF) -> bool:
        if super().hit(view, vpos):
            return True
        return self.buffer.contains(view.mapToScene(vpos.toPoint()))

    def paint(self, p: QPainter, option, widget=None) -> None:
        p.setRenderHint(QPainter.Antialiasing, True)
        color = KIND_COLOR["corridor"]
        if not self.buffer.isEmpty():
            fill = QColor(color)
            fill.setAlpha(38)
            edge = QColor(color)
            edge.setAlpha(110)
            pen = QPen(edge, 1, Qt.DashLine)
            pen.setCosmetic(True)
            p.setPen(pen)
            p.setBrush(fill)
            p.drawPath(self.buffer)
        sel = self.isSelected()
        if sel:
            halo = QPen(SELECT_COLOR, 9)
            halo.setCosmetic(True)
            halo.setCapStyle(Qt.RoundCap)
            halo.setJoinStyle(Qt.RoundJoin)
            p.strokePath(self.path, halo)
        under = QPen(WHITE, 6 if sel else 5.5)
        under.setCosmetic(True)
        under.setCapStyle(Qt.RoundCap)
        under.setJoinStyle(Qt.RoundJoin)
        p.strokePath(self.path, under)
        line = QPen(color, 3.5 if sel else 3, Qt.SolidLine)
        line.setCosmetic(True)
        line.setCapStyle(Qt.RoundCap)
        line.setJoinStyle(Qt.RoundJoin)
        p.strokePath(self.path, line)
        if self.oneway and len(self.pts) > 1:
            self._draw_arrows(p, color)
        if self.pts:
            self.draw_name(p, self.middle(), self.name, color)
        self.draw_handles(p)

    def _draw_arrows(self, p: QPainter, color: QColor) -> None:
        tr = p.worldTransform()
        p.save()
        p.resetTransform()
        p.setPen(Qt.NoPen)
        p.setBrush(color)
        # every ARROW_EVERY_PX along the line as drawn: a line along the roads has many short segments
        path = QPainterPath()
        path.addPolygon(QPolygonF([tr.map(q) for q in self.pts]))
        total = path.length()
        for i in range(int(total // ARROW_EVERY_PX)):
            at = path.percentAtLength((i + 0.5) * ARROW_EVERY_PX + (total % ARROW_EVERY_PX) / 2)
            mid = path.pointAtPercent(at)
            ang = math.radians(-path.angleAtPercent(at))
            ux, uy = math.cos(ang), math.sin(ang)
            tip = mid + QPointF(ux * 7, uy * 7)
            left = mid + QPointF(-ux * 5 - uy * 6, -uy * 5 + ux * 6)
            right = mid + QPointF(-ux * 5 + uy * 6, -uy * 5 - ux * 6)
            p.drawPolygon(QPolygonF([tip, left, right]))
        p.restore()


class HazardItem(_ShapeItem):
    """A hazard zone: hatched red polygon (blocked: cross-hatched, solid edge; slow: orange, dashed edge)."""

    kind = "hazard"
    coords_attr = "polygon"
    z = Z_HAZARD
    closed = True

    def _build(self, element) -> None:
        self.effect = element.effect
        self.factor = element.speed_factor
        if self.pts and len(self.pts) > 1 and self.pts[0] == self.pts[-1]:
            self.pts = self.pts[:-1]  # closing point is optional in the model; edit unique vertices
        self.path = self.line_path()

    def hit(self, view, vpos: QPointF) -> bool:
        return super().hit(view, vpos) or self.path.contains(view.mapToScene(vpos.toPoint()))

    def paint(self, p: QPainter, option, widget=None) -> None:
        p.setRenderHint(QPainter.Antialiasing, True)
        blocked = self.effect == "blocked"
        color = KIND_COLOR["hazard"] if blocked else QColor("#e53935")
        fill = QColor(color)
        fill.setAlpha(55 if blocked else 35)
        p.setPen(Qt.NoPen)
        p.setBrush(fill)
        p.drawPath(self.path)
        hatch = QColor(color)
        hatch.setAlpha(170)
        p.setBrush(QBrush(hatch, Qt.DiagCrossPattern if blocked else Qt.BDiagPattern))
        p.drawPath(self.path)
        if self.isSelected():
            halo = QPen(SELECT_COLOR, 7)
            halo.setCosmetic(True)
            p.strokePath(self.path, halo)
        edge = QPen(color, 2.5 if blocked else 2, Qt.SolidLine if blocked else Qt.DashLine)
        edge.setCosmetic(True)
        p.setBrush(Qt.NoBrush)
        p.setPen(edge)
        p.drawPath(self.path)
        if self.pts:
            what = (
                QCoreApplication.translate("MapElements", "blocked")
                if blocked
                else QCoreApplication.translate("MapElements", "slow ×{factor}").format(factor=f"{self.factor:g}")
            )
            top = min(self.pts, key=lambda q: q.y())
            self.draw_name(p, top, f"{self.name} ({what})", color.darker(130))
        self.draw_handles(p)


class ClosureItem(_ShapeItem):
    """A road closure: the closed stretch in red and a red X in its middle."""

    kind = "closure"
    coords_attr = "points"
    z = Z_CLOSURE

    def _build(self, element) -> None:
        self.path = self.line_path()

    def hit(self, view, vpos: QPointF) -> bool:
        c = view.mapFromScene(self.middle())
        return super().hit(view, vpos) or math.hypot(vpos.x() - c.x(), vpos.y() - c.y()) <= SYMBOL_R

    def paint(self, p: QPainter, option, widget=None) -> None:
        p.setRenderHint(QPainter.Antialiasing, True)
        if len(self.pts) > 1:
            for color, w in ((WHITE, 8.0), (KIND_COLOR["closure"], 4.5)):
                pen = QPen(color, w)
                pen.setCosmetic(True)
                pen.setCapStyle(Qt.FlatCap)
                p.strokePath(self.path, pen)
            dash = QPen(WHITE, 2.0, Qt.DashLine)
            dash.setCosmetic(True)
            p.strokePath(self.path, dash)
        if self.pts:
            tr = p.worldTransform()
            p.save()
            p.resetTransform()
            c = tr.map(self.middle())
            p.translate(c)
            draw_symbol(p, "closure", SYMBOL_R * 0.85, selected=self.isSelected())
            p.restore()
            self.draw_name(p, self.middle(), self.name, KIND_COLOR["closure"])
        self.draw_handles(p)
