"""The map view: roads drawn by class from the network's vector data, plan elements and results on top.

The scene is in projected metres (the network's UTM zone) with y flipped so
north is up: scene = ``(x, -y)`` (``PlanDocument.to_scene``). Roads are a
handful of items (:mod:`ui.map.roads`), elements one item each
(:mod:`ui.map.elements`), results in :mod:`ui.map.results`. The scale bar and
the OpenStreetMap attribution are drawn in viewport pixels in
``drawForeground``.

The view observes the document (``ui.document.PlanDocument``) and never
edits the plan: the tools in :mod:`ui.map.tools` push undo commands.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QMenu, QToolTip

from ui.icons import KINDS, POINT_KINDS
from ui.map.edits import add_element_at, delete_selection, drop_spot, road_snap
from ui.map.elements import ElementLayer
from ui.map.geometry import format_length, nice_length
from ui.map.legend import draw_legend, legend_size
from ui.map.places import PlaceLabels
from ui.map.points import DropPreview
from ui.map.results import VARIANT_COLOR, ResultsLayer, VariantRoutesLayer
from ui.map.roads import RoadLayer, StreetLabels
from ui.map.snaps import FAR_COLOR, SnapLayer, distance_text
from ui.map.snaps import OK_COLOR as SNAP_COLOR
from ui.map.style import ATTRIBUTION, LAND, MIME_ELEMENT
from ui.map.tools import make_tools


class MapView(QGraphicsView):
    """The plan map (design section 9).

    Signals
    -------
    cursorMoved(lon, lat) : WGS84 degrees under the mouse.
    toolChanged(name) : the active tool.

    The active tool (:mod:`ui.map.tools`) gets the mouse and key events; the middle
    button always pans and the wheel zooms around the cursor.
    """

    cursorMoved = Signal(float, float)
    toolChanged = Signal(str)
    scaleChanged = Signal(float)  # px per metre
    hint = Signal(str)  # a short message for the status bar (a click that did nothing, and why)
    editRequested = Signal(str)  # right-click → Edit: show this element's properties

    MIN_SCALE, MAX_SCALE = 0.0005, 20.0  # px per metre: a 300 km corridor region still fits

    def __init__(self, doc, parent=None):
        super().__init__(parent)

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
        self.places: PlaceLabels | None = None
        self.show_legend = True
        self.legend_rect = QRectF()  # viewport pixels of the legend as last drawn
        self._roads_net = None
        self.elements = ElementLayer(self)
        self.results = ResultsLayer(self)
        self.variant_routes = VariantRoutesLayer(self)
        self.snaps = SnapLayer(self)
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
        for sig in (
            doc.elementAdded,
            doc.elementChanged,
            doc.elementRemoved,
            doc.resultsChanged,
            doc.selectionChanged,
            doc.planChanged,
        ):  # planChanged: the snap limit
            sig.connect(self.snaps.rebuild)
        self.scaleChanged.connect(self.elements.zoomed)
        # labels are placed in viewport pixels: place them again when the map scrolls or resizes
        self._declutter_timer = QTimer(self)
        self._declutter_timer.setSingleShot(True)
        self._declutter_timer.setInterval(60)
        self._declutter_timer.timeout.connect(self.elements.declutter)
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            bar.valueChanged.connect(lambda _value: self._declutter_timer.start())
        self.rebuild()

    # ------------------------------------------------------------ building

    def rebuild(self) -> None:
        """Rebuild everything from the document (plan replaced or network changed)."""
        net = self.doc.network
        if net is not self._roads_net:
            for item in (self.roads, self.labels, self.places):
                if item is not None:
                    self.scene().removeItem(item)
            self.roads = self.labels = self.places = None
            if net is not None:
                self.roads = RoadLayer(net)
                self.labels = StreetLabels(net)
                self.places = PlaceLabels(net, self.doc)
                self.labels.avoid = self.places
                self.places.obstacles = self.elements.point_boxes
                self.scene().addItem(self.places)
                self.scene().addItem(self.roads)
                self.scene().addItem(self.labels)
            self._roads_net = net
            self._fitted = False  # another place: show the new plan when the view is next laid out
        self.tool.cancel()
        # elements first: their scene positions depend on the network's projection
        self.elements.rebuild()
        self.results.rebuild()
        self.variant_routes.clear()  # they were routes of the previous plan or network
        self.snaps.rebuild()
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
        self._declutter_timer.start()

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
        if (
            event.type() == QEvent.ShortcutOverride
            and event.key() == Qt.Key_Escape
            and getattr(self.tool, "points", None)
        ):
            event.accept()
            return True
        return super().event(event)

    def viewportEvent(self, event) -> bool:
        # mid-shape, an element's tooltip would cover the line being drawn (seen drawing a corridor near CR1)
        if event.type() == QEvent.ToolTip and getattr(self.tool, "points", None):
            QToolTip.hideText()
            event.ignore()
            return True
        return super().viewportEvent(event)

    def element_menu(self, element_id: str) -> QMenu:
        """The right-click menu of a map element: edit, delete, and (points) route from here."""
        menu = QMenu(self)
        el = self.doc.element(element_id)
        menu.addAction(
            self.tr("Edit {id}…").format(id=element_id),
            lambda: (self.doc.set_selection([element_id]), self.editRequested.emit(element_id)),
        )
        menu.addAction(
            self.tr("Delete {id}").format(id=element_id),
            lambda: (self.doc.set_selection([element_id]), delete_selection(self.doc)),
        )
        if el is not None and hasattr(el, "lon"):
            menu.addSeparator()
            menu.addAction(self.tr("Route from here (draw a corridor from it)"), lambda: self.route_from(element_id))
        return menu

    def route_from(self, element_id: str) -> None:
        """Start drawing a corridor along the roads whose first point is this element."""
        el = self.doc.element(element_id)
        if el is None or not hasattr(el, "lon"):
            return
        self.set_tool("corridor")
        self.tool.points = [QPointF(*self.doc.to_scene(el.lon, el.lat))]
        self.tool.straight = []
        self.hint.emit(
            self.tr(
                "Corridor from {id}: click waypoints and the end along the roads; "
                "double-click or Enter ends, Esc cancels."
            ).format(id=element_id)
        )
        self.viewport().update()

    def contextMenuEvent(self, event) -> None:
        item = self.elements.item_at(QPointF(event.pos()))
        if item is None:
            super().contextMenuEvent(event)
            return
        self.element_menu(item.element_id).exec(event.globalPos())
        event.accept()

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

        add_element_at(self, kind, self.scene_point(event.position()))
        event.setDropAction(Qt.CopyAction)
        event.accept()

    def _show_drop_preview(self, kind, pos) -> None:
        if self._drop_preview is None or self._drop_preview.kind != kind:
            self._hide_drop_preview()
            self._drop_preview = DropPreview(kind)
            self.scene().addItem(self._drop_preview)
        spot = drop_spot(self, kind, self.scene_point(pos))
        self._drop_preview.setPos(spot)
        snap = road_snap(self.doc, spot) if kind in POINT_KINDS else None
        if snap is None:
            self._drop_preview.set_snap(None, "")
        else:
            node, dist = snap
            offset = QPointF(self.mapFromScene(node) - self.mapFromScene(spot))
            on_corridor = kind == "checkpoint" and spot != self.scene_point(pos)
            if dist > float(self.doc.plan.rules.snap_limit_m):  # the compute would refuse it: say so before the drop
                text = QCoreApplication.translate("SnapLayer", "{distance} to the road — too far")
                color = FAR_COLOR
            else:
                text = (
                    self.tr("on the corridor, {distance} to the road node")
                    if on_corridor
                    else self.tr("{distance} to the road node")
                )
                color = SNAP_COLOR
            self._drop_preview.set_snap(offset, text.format(distance=distance_text(dist)), color)

    def _hide_drop_preview(self) -> None:
        if self._drop_preview is not None:
            self.scene().removeItem(self._drop_preview)
            self._drop_preview = None

    # ------------------------------------------------------------ overlay

    def _legend_corner(self, font) -> QPointF:
        """Top-right corner for the legend: the corner of the map that covers the fewest plan points."""
        w, h = legend_size(font)
        vp = self.viewport().rect()
        corners = [
            QPointF(vp.width() - 8, 8),
            QPointF(w + 8, 8),
            QPointF(vp.width() - 8, vp.height() - h - 26),
            QPointF(w + 8, vp.height() - h - 44),
        ]  # bottom ones above the attribution and the scale bar
        centres = [
            QPointF(self.mapFromScene(it.pos())) for it in self.elements.items.values() if it.kind in POINT_KINDS
        ]

        def covered(c):
            box = QRectF(c.x() - w - 12, c.y() - 12, w + 24, h + 24)
            return sum(box.contains(q) for q in centres)

        return min(corners, key=covered)  # ties: the first, top right

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        self.elements.draw_on_top(painter)  # in scene coordinates, as the tool's overlay
        self.tool.draw_overlay(painter)
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
            pen = QPen(VARIANT_COLOR, 3, Qt.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(box.left() + 8, box.center().y()), QPointF(box.left() + 32, box.center().y()))
            painter.setPen(QColor("#222222"))
            painter.drawText(box.adjusted(38, 0, 0, 0), Qt.AlignVCenter | Qt.AlignLeft, caption)
        if self.show_legend:
            self.legend_rect = draw_legend(painter, self._legend_corner(font), font)
        else:
            self.legend_rect = QRectF()
        # scale bar, bottom left
        s = self.scale_px_per_m()
        if s > 0:
            length = nice_length(140 / s)
            px = length * s
            label = format_length(length)
            x0, y0 = 12.0, vp.height() - 14.0
            painter.fillRect(
                QRectF(x0 - 6, y0 - fm.height() - 10, px + 12 + fm.horizontalAdvance(label) + 8, fm.height() + 18),
                QColor(255, 255, 255, 200),
            )
            pen = QPen(QColor("#222222"), 2)
            painter.setPen(pen)
            painter.drawLine(QPointF(x0, y0), QPointF(x0 + px, y0))
            for xx in (x0, x0 + px / 2, x0 + px):
                painter.drawLine(QPointF(xx, y0), QPointF(xx, y0 - (6 if xx != x0 + px / 2 else 4)))
            painter.drawText(QPointF(x0 + px + 6, y0 + 1), label)
        painter.restore()
