"""Plan elements as map items.

Each plan element is one item keyed by its id (:class:`ElementLayer`); items
observe the document through the layer (``elementAdded/Changed/Removed``,
``selectionChanged``) and rebuild their geometry from the model, which stays
the single source of truth. Point symbols keep their pixel size at any zoom
(``ItemIgnoresTransformations``); corridors, hazard zones and closures are
drawn in scene metres (a corridor's buffer is its real width).

Hit-testing is done here in viewport pixels (:meth:`ElementLayer.item_at`),
so a thin line stays clickable when zoomed far out.
"""

from __future__ import annotations

import math

import shapely
from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from planner.corridor import snap_to_road
from ui.i18n import describe_element
from ui.icons import KIND_COLOR, KINDS, WHITE, draw_symbol, kind_of, symbol_path
from ui.map.geometry import polyline_dist
from ui.map.style import (
    HANDLE_PX,
    HIT_PX,
    NAME_SCALE,
    SELECT_COLOR,
    SYMBOL_R,
    Z_CLOSURE,
    Z_CORRIDOR,
    Z_HAZARD,
    Z_POINTS,
    Z_PREVIEW,
    draw_badge,
    draw_halo_text,
    label_font,
    lod_of,
)
from ui.map.waypoints import usable_waypoints


class ElementItem(QGraphicsItem):
    """Base of every plan element item: knows its element id and document."""

    kind = ""

    def __init__(self, doc, element):
        super().__init__()
        self.doc = doc
        self.element_id = element.id
        self.setFlag(QGraphicsItem.ItemIsSelectable, True)
        self.setAcceptedMouseButtons(Qt.NoButton)  # the tools handle the mouse
        self.sync(element)

    def sync(self, element) -> None:
        """Take geometry and fields from the model."""
        raise NotImplementedError

    def hit(self, view, vpos: QPointF) -> bool:
        """Whether viewport point ``vpos`` is on this element."""
        raise NotImplementedError

    def scene_rect(self) -> QRectF:
        """Scene rectangle of the element's geometry (for fit-to-plan)."""
        return self.sceneBoundingRect()

    def vertices(self) -> list:
        """Scene points of editable vertices (lines and polygons)."""
        return []


class PointItem(ElementItem):
    """Pickup, destination, depot or checkpoint: a symbol of constant pixel size with a label."""

    def __init__(self, doc, element):
        self.kind = kind_of(element)
        self.badge = ""
        self.close = False  # zoomed in far enough to show the name
        self.side, self.shown = 1, True  # label right of the symbol, drawn
        super().__init__(doc, element)
        self.setFlag(QGraphicsItem.ItemIgnoresTransformations, True)
        # item coordinates are device pixels here, so the cached pixmap stays sharp at every zoom
        self.setCacheMode(QGraphicsItem.ItemCoordinateCache)
        self.setZValue(Z_POINTS + {"checkpoint": 0, "depot": 1, "destination": 2, "pickup": 3}.get(self.kind, 0))

    def sync(self, element) -> None:
        x, y = self.doc.to_scene(element.lon, element.lat)
        self.setPos(x, y)
        self.name = element.name
        if self.kind == "pickup":
            self.badge = f"{element.people.total:,}".replace(",", " ")
        elif self.kind == "depot":
            n = element.n_vehicles
            self.badge = QCoreApplication.translate("MapElements", "{n} veh.").format(n=n)
        elif self.kind == "destination":
            self.badge = (
                ""
                if element.capacity is None
                else QCoreApplication.translate("MapElements", "cap {n}").format(
                    n=f"{element.capacity:,}".replace(",", " ")
                )
            )
        elif self.kind == "checkpoint":
            lanes = f" ×{element.lanes}" if element.lanes > 1 else ""
            self.badge = (
                QCoreApplication.translate("MapElements", "{n} min").format(n=f"{element.minutes_per_vehicle:g}")
                + lanes
            )
        self.update()

    LABEL_W = 320  # px: the widest label kept in the cached pixmap

    def boundingRect(self) -> QRectF:
        r = SYMBOL_R + 6
        return QRectF(-r - self.LABEL_W, -r - 16, 2 * (r + self.LABEL_W), 2 * r + 34)

    def shape(self) -> QPainterPath:
        return symbol_path(self.kind, SYMBOL_R + 2)

    def hit(self, view, vpos: QPointF) -> bool:
        c = view.mapFromScene(self.pos())
        return math.hypot(vpos.x() - c.x(), vpos.y() - c.y()) <= SYMBOL_R + 3

    def scene_rect(self) -> QRectF:
        return QRectF(self.pos(), self.pos())

    def title(self) -> str:
        """The label line: id, plus the name when zoomed in or selected."""
        named = (self.close or self.isSelected()) and self.name and self.name != self.element_id
        text = f"{self.element_id}  {self.name}" if named else self.element_id
        return text if len(text) <= 46 else text[:45] + "…"  # the full name is in the tooltip

    def label_rect(self, side: int = 1) -> QRectF:
        """Device-pixel box of badge and title on the right (``side`` 1) or left (-1) of the symbol."""
        fm_b, fm_t = QFontMetricsF(label_font(True, 8.0)), QFontMetricsF(label_font(self.isSelected(), 8.0))
        w = max(fm_b.horizontalAdvance(self.badge) + 8 if self.badge else 0, fm_t.horizontalAdvance(self.title()))
        top = -4 - (fm_b.height() + 2) / 2 if self.badge else 4 - fm_t.ascent()
        h = (fm_b.height() + 2 if self.badge else 0) + fm_t.height() + 2
        x = SYMBOL_R + 4
        return QRectF(x if side > 0 else -x - w, top, w, h)

    def set_label(self, side: int, shown: bool) -> None:
        """Where the label goes (decluttering by :meth:`ElementLayer.declutter`)."""
        if (self.side, self.shown) != (side, shown):
            self.side, self.shown = side, shown
            self.update()

    def paint(self, p: QPainter, option, widget=None) -> None:
        p.setRenderHint(QPainter.Antialiasing, True)
        draw_symbol(p, self.kind, SYMBOL_R, selected=self.isSelected())
        if not self.shown:
            return
        side = self.side
        box = self.label_rect(side)
        color = KIND_COLOR[self.kind]
        title = self.title()
        font = label_font(self.isSelected(), 8.0)
        fm = QFontMetricsF(font)
        if self.badge:
            bw = QFontMetricsF(label_font(True, 8.0)).horizontalAdvance(self.badge) + 8
            rect = draw_badge(p, QPointF(box.left() if side > 0 else box.right() - bw, -4), self.badge, color)
            title_y = rect.bottom() + 11
        else:
            title_y = 4
        x = box.left() if side > 0 else box.right() - fm.horizontalAdvance(title)
        draw_halo_text(p, QPointF(x, title_y), title, font)


class DropPreview(QGraphicsItem):
    """What a palette element dragged over the map will become: its symbol, a crosshair
    on the exact drop point and a "Drop to add ..." caption."""

    def __init__(self, kind):
        super().__init__()
        self.kind = kind
        shown = QCoreApplication.translate("Palette", KINDS.get(kind, kind)).split(" (")[0]
        self.caption = QCoreApplication.translate("MapElements", "Drop to add {kind}").format(
            kind=shown[:1].lower() + shown[1:]
        )
        self.snap_px: QPointF | None = None  # where its road node is, device pixels from the drop point
        self.snap_text = ""
        self.setFlag(QGraphicsItem.ItemIgnoresTransformations, True)
        self.setZValue(Z_PREVIEW)
        self.setAcceptedMouseButtons(Qt.NoButton)

    def set_snap(self, offset_px: QPointF | None, text: str) -> None:
        """Show the road node the element will snap to, ``offset_px`` from the drop point, and ``text``."""
        self.prepareGeometryChange()
        self.snap_px, self.snap_text = offset_px, text
        self.update()

    def boundingRect(self) -> QRectF:
        r = SYMBOL_R * 2 + 4
        rect = QRectF(-r, -r, 2 * r + 220, 2 * r + 18)
        if self.snap_px is not None:
            rect = rect.united(QRectF(self.snap_px, self.snap_px).adjusted(-8, -8, 8, 8))
        return rect

    def paint(self, p: QPainter, option, widget=None) -> None:
        p.setRenderHint(QPainter.Antialiasing, True)
        color = KIND_COLOR.get(self.kind, QColor("gray"))
        ring = QColor(color)
        ring.setAlpha(60)
        p.setPen(QPen(color, 1.5, Qt.DashLine))
        p.setBrush(ring)
        p.drawEllipse(QPointF(0, 0), SYMBOL_R * 2, SYMBOL_R * 2)
        if self.kind == "corridor":
            p.setPen(QPen(color, 3, Qt.DashLine))
            p.drawLine(QPointF(-SYMBOL_R * 1.6, 0), QPointF(SYMBOL_R * 1.6, 0))
        elif self.kind == "hazard":
            p.setPen(QPen(color, 2, Qt.DashLine))
            p.setBrush(QBrush(color, Qt.BDiagPattern))
            p.drawRect(QRectF(-SYMBOL_R * 1.3, -SYMBOL_R * 1.3, SYMBOL_R * 2.6, SYMBOL_R * 2.6))
        else:
            draw_symbol(p, self.kind, SYMBOL_R, faded=True)
        # crosshair: exactly where the element will be created
        p.setPen(QPen(QColor("#111111"), 1.2))
        for a, b in (
            (QPointF(-7, 0), QPointF(-2, 0)),
            (QPointF(2, 0), QPointF(7, 0)),
            (QPointF(0, -7), QPointF(0, -2)),
            (QPointF(0, 2), QPointF(0, 7)),
        ):
            p.drawLine(a, b)
        draw_halo_text(p, QPointF(SYMBOL_R * 2 + 6, 4), self.caption, label_font(True, 8.5), color.darker(120))
        if self.snap_px is not None:  # the thin line to the road node it will snap to, as on the map
            p.setPen(QPen(QColor("#37474f"), 1.2))
            p.drawLine(QPointF(0, 0), self.snap_px)
            p.setBrush(QColor("#37474f"))
            p.drawEllipse(self.snap_px, 3.0, 3.0)
            draw_halo_text(p, QPointF(SYMBOL_R * 2 + 6, 18), self.snap_text, label_font(False, 8.0), QColor("#37474f"))


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


def element_tooltip(el) -> str:
    """What hovering an element on the map tells: its identity and main figures."""
    lines = [describe_element(el)]
    kind = kind_of(el)
    if kind == "pickup":
        p = el.people
        lines.append(
            QCoreApplication.translate(
                "MapElements",
                "{total} people: {general} general, {reduced} reduced mobility, {stretcher} stretcher; "
                "priority {priority}",
            ).format(
                total=p.total,
                general=p.general,
                reduced=p.reduced_mobility,
                stretcher=p.stretcher,
                priority=el.priority,
            )
        )
        if el.ready_time is not None:
            lines.append(
                QCoreApplication.translate("MapElements", "ready at {time}").format(time=f"{el.ready_time:%H:%M}")
            )
    elif kind == "destination":
        lines.append(
            QCoreApplication.translate("MapElements", "capacity unlimited")
            if el.capacity is None
            else QCoreApplication.translate("MapElements", "capacity {n} people").format(n=el.capacity)
        )
    elif kind == "depot":
        for v in el.vehicles:
            stretchers = (
                " " + QCoreApplication.translate("MapElements", "+ {n} stretchers").format(n=v.stretcher_places)
                if v.stretcher_places
                else ""
            )
            lines.append(
                QCoreApplication.translate(
                    "MapElements", "{count} × {type}, {seats} seats{stretchers}, {speed} km/h"
                ).format(count=v.count, type=v.type, seats=v.seats, stretchers=stretchers, speed=f"{v.max_speed_kph:g}")
            )
        if not el.vehicles:
            lines.append(QCoreApplication.translate("MapElements", "no vehicles"))
    elif kind == "checkpoint":
        hours = (
            QCoreApplication.translate("MapElements", "always open")
            if el.open_from is None and el.open_to is None
            else QCoreApplication.translate("MapElements", "open {start}–{end}").format(
                start=el.open_from or "00:00", end=el.open_to or "24:00"
            )
        )
        hold = (
            ", " + QCoreApplication.translate("MapElements", "hold {n} min").format(n=f"{el.hold_min:g}")
            if el.hold_min
            else ""
        )
        lines.append(
            QCoreApplication.translate("MapElements", "{n} min per vehicle, {lanes} lane(s), {hours}").format(
                n=f"{el.minutes_per_vehicle:g}", lanes=el.lanes, hours=hours
            )
            + hold
        )
    elif kind == "corridor":
        lines.append(
            QCoreApplication.translate("MapElements", "width {width} m, {direction}, {n} points").format(
                width=f"{el.width_m:g}",
                direction=QCoreApplication.translate("MapElements", "one-way")
                if el.oneway
                else QCoreApplication.translate("MapElements", "both directions"),
                n=len(el.line),
            )
        )
    elif kind == "hazard":
        lines.append(
            QCoreApplication.translate("MapElements", "blocked: no driving")
            if el.effect == "blocked"
            else QCoreApplication.translate("MapElements", "slow: speed × {factor}").format(
                factor=f"{el.speed_factor:g}"
            )
        )
    elif kind == "closure":
        lines.append(QCoreApplication.translate("MapElements", "{n} point(s) on the road").format(n=len(el.points)))
    return "\n".join(lines)


ITEM_TYPES = {
    "pickup": PointItem,
    "destination": PointItem,
    "depot": PointItem,
    "checkpoint": PointItem,
    "corridor": CorridorItem,
    "hazard": HazardItem,
    "closure": ClosureItem,
}


def make_item(doc, element) -> ElementItem:
    """The map item for a plan element."""
    return ITEM_TYPES[kind_of(element)](doc, element)


class ElementLayer:
    """All plan element items of a map view, kept in step with the document."""

    def __init__(self, view):
        self.view = view
        self.doc = view.doc
        self.items: dict[str, ElementItem] = {}

    @property
    def scene(self):
        return self.view.scene()

    def rebuild(self) -> None:
        for item in self.items.values():
            self.scene.removeItem(item)
        self.items.clear()
        for el in self.doc.plan.elements():
            self._add(el)
        self.select(self.doc.selection)
        self.declutter()

    def _add(self, el) -> None:
        item = make_item(self.doc, el)
        item.setToolTip(element_tooltip(el))
        if isinstance(item, PointItem):
            item.close = self.view.scale_px_per_m() >= NAME_SCALE
        self.scene.addItem(item)
        self.items[el.id] = item

    def add(self, element_id: str) -> None:
        el = self.doc.element(element_id)
        if el is None:
            return
        if element_id in self.items:
            self.remove(element_id)
        self._add(el)
        self.items[element_id].setSelected(element_id in self.doc.selection)
        self.declutter()

    def change(self, element_id: str) -> None:
        el, item = self.doc.element(element_id), self.items.get(element_id)
        if el is None or item is None:
            self.add(element_id)
            return
        item.sync(el)
        item.setToolTip(element_tooltip(el))
        self.view.results.update_badges()
        if isinstance(item, PointItem):
            self.declutter()

    def remove(self, element_id: str) -> None:
        item = self.items.pop(element_id, None)
        if item is not None:
            self.scene.removeItem(item)
            self.declutter()

    def zoomed(self, px_per_m: float) -> None:
        """Point labels show names from :data:`NAME_SCALE` px per metre; labels are re-placed."""
        close = px_per_m >= NAME_SCALE
        for item in self.items.values():
            if isinstance(item, PointItem) and item.close != close:
                item.close = close
                item.update()
        self.declutter()

    def declutter(self) -> None:
        """Place point labels right of their symbol, else left, else leave them out (the tooltip
        still says it all), so labels never cover each other or another symbol.

        Selected elements are placed first, then pickups, destinations, depots, checkpoints.
        """
        points = [it for it in self.items.values() if isinstance(it, PointItem)]
        centre = {it: QPointF(self.view.mapFromScene(it.pos())) for it in points}
        r = SYMBOL_R + 1
        symbols = {it: QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r) for it, c in centre.items()}
        placed: list[QRectF] = []
        inside = QRectF(self.view.viewport().rect()).adjusted(2, 2, -2, -2)
        legend = getattr(self.view, "legend_rect", QRectF())
        for it in sorted(points, key=lambda i: (not i.isSelected(), -i.zValue(), i.element_id)):
            # a label is never cut at the map's edge nor hidden under the legend: the other side, else none
            for side in (1, -1):
                box = it.label_rect(side).translated(centre[it])
                if inside.contains(centre[it]) and not (inside.contains(box) and not box.intersects(legend)):
                    continue
                if not any(box.intersects(p) for p in placed) and not any(
                    box.intersects(s) for o, s in symbols.items() if o is not it
                ):
                    it.set_label(side, True)
                    placed.append(box)
                    break
            else:  # no room: only a selected element insists on its label
                it.set_label(1, it.isSelected())
                if it.isSelected():
                    placed.append(it.label_rect(1).translated(centre[it]))
        results = getattr(self.view, "results", None)
        if results is not None:  # queue badges make room for the labels
            results.place_badges()

    def select(self, ids) -> None:
        ids = set(ids)
        for eid, item in self.items.items():
            if item.isSelected() != (eid in ids):
                item.setSelected(eid in ids)
        self.declutter()

    def point_boxes(self) -> list[QRectF]:
        """Viewport-pixel boxes of every point symbol and shown label (what place names keep clear of)."""
        out = []
        r = SYMBOL_R + 2
        for it in self.items.values():
            if isinstance(it, PointItem):
                c = QPointF(self.view.mapFromScene(it.pos()))
                out.append(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r))
                if it.shown:
                    out.append(it.label_rect(it.side).translated(c))
        return out

    def anchor(self, element_id: str):
        """``(scene point, viewport-pixel box of the symbol)`` of a point element, or ``None``.

        What a badge or callout pointing at the element needs (the queue badges of the results layer).
        """
        it = self.items.get(element_id)
        if not isinstance(it, PointItem):
            return None
        c = QPointF(self.view.mapFromScene(it.pos()))
        r = SYMBOL_R + 1
        return it.pos(), QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r)

    def plan_rect(self) -> QRectF:
        rect = QRectF()
        for item in self.items.values():
            r = item.scene_rect()
            rect = r if rect.isNull() else rect.united(r)
        return rect

    def item_at(self, vpos: QPointF) -> ElementItem | None:
        """The top-most element under viewport point ``vpos`` (points before shapes)."""
        for item in sorted(self.items.values(), key=lambda it: -it.zValue()):
            if item.isVisible() and item.hit(self.view, vpos):
                return item
        return None

    def draw_on_top(self, painter: QPainter) -> None:
        """What goes over every element (the view's foreground): the waypoint handles of selected corridors."""
        for eid in self.doc.selection:
            item = self.items.get(eid)
            if isinstance(item, CorridorItem) and item.by_waypoints():
                item.draw_waypoint_handles(painter)

    def vertex_at(self, vpos: QPointF):
        """``(item, vertex index)`` of a selected shape's vertex under ``vpos``, or ``None``."""
        for eid in self.doc.selection:
            item = self.items.get(eid)
            if item is None or not item.vertices() or item.kind == "closure":
                continue
            for k, q in enumerate(item.vertices()):
                d = QPointF(self.view.mapFromScene(q)) - vpos
                if max(abs(d.x()), abs(d.y())) <= HANDLE_PX + 2:
                    return item, k
        return None
