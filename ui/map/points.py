"""Point elements as map items: pickups, destinations, depots and checkpoints, and the palette's drop preview.

:class:`ElementItem` is the base of every plan element item (the shapes are in
:mod:`ui.map.shapes`, the layer that keeps them in step with the document in
:mod:`ui.map.elements`). A point symbol keeps its pixel size at any zoom
(``ItemIgnoresTransformations``) and carries a badge and a label, placed by
:meth:`ui.map.elements.ElementLayer.declutter`.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem

from ui.i18n import group_digits, passage_minutes
from ui.icons import KIND_COLOR, KINDS, draw_symbol, kind_of, symbol_path
from ui.map.snaps import OK_COLOR as SNAP_COLOR
from ui.map.style import SYMBOL_R, Z_POINTS, Z_PREVIEW, draw_badge, draw_halo_text, label_font


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
        self.dy = 0.0  # px the label is moved up (< 0) or down from beside the symbol, to make room
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
            self.badge = group_digits(element.people.total)
        elif self.kind == "depot":
            n = element.n_vehicles
            self.badge = QCoreApplication.translate("MapElements", "{n} veh.").format(n=n)
        elif self.kind == "destination":
            self.badge = (
                ""
                if element.capacity is None
                else QCoreApplication.translate("MapElements", "cap {n}").format(n=group_digits(element.capacity))
            )
        elif self.kind == "checkpoint":
            lanes = f" ×{element.lanes}" if element.lanes > 1 else ""
            # per convoy + per vehicle ("20+2 min ×2"): the per-convoy part is most of a passage (design section 1)
            per = passage_minutes(element)
            self.badge = QCoreApplication.translate("MapElements", "{n} min").format(n=per) + lanes
        self.update()

    LABEL_W = 320  # px: the widest label kept in the cached pixmap

    LABEL_SHIFT_MAX = 24  # px: the farthest :meth:`ElementLayer.declutter` moves a label up or down

    def boundingRect(self) -> QRectF:
        r = SYMBOL_R + 6
        m = self.LABEL_SHIFT_MAX
        return QRectF(-r - self.LABEL_W, -r - 16 - m, 2 * (r + self.LABEL_W), 2 * r + 34 + 2 * m)

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

    def label_rect(self, side: int = 1, dy: float | None = None) -> QRectF:
        """Device-pixel box of badge and title on the right (``side`` 1) or left (-1) of the symbol, moved
        down by ``dy`` px (default: where the label is now)."""
        dy = self.dy if dy is None else dy
        fm_b, fm_t = QFontMetricsF(label_font(True, 8.0)), QFontMetricsF(label_font(self.isSelected(), 8.0))
        w = max(fm_b.horizontalAdvance(self.badge) + 8 if self.badge else 0, fm_t.horizontalAdvance(self.title()))
        top = -4 - (fm_b.height() + 2) / 2 if self.badge else 4 - fm_t.ascent()
        h = (fm_b.height() + 2 if self.badge else 0) + fm_t.height() + 2
        x = SYMBOL_R + 4
        return QRectF(x if side > 0 else -x - w, top + dy, w, h)

    def set_label(self, side: int, shown: bool, dy: float = 0.0) -> None:
        """Where the label goes (decluttering by :meth:`ElementLayer.declutter`)."""
        dy = max(-self.LABEL_SHIFT_MAX, min(self.LABEL_SHIFT_MAX, dy))
        if (self.side, self.shown, self.dy) != (side, shown, dy):
            self.prepareGeometryChange()
            self.side, self.shown, self.dy = side, shown, dy
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
            rect = draw_badge(p, QPointF(box.left() if side > 0 else box.right() - bw, -4 + self.dy), self.badge, color)
            title_y = rect.bottom() + 11
        else:
            title_y = 4 + self.dy
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
        self.snap_color = QColor(SNAP_COLOR)
        self.setFlag(QGraphicsItem.ItemIgnoresTransformations, True)
        self.setZValue(Z_PREVIEW)
        self.setAcceptedMouseButtons(Qt.NoButton)

    def set_snap(self, offset_px: QPointF | None, text: str, color: QColor = SNAP_COLOR) -> None:
        """Show the road node the element will snap to, ``offset_px`` from the drop point, and ``text``, in
        ``color`` (red beyond the plan's snap limit, as the map draws it once dropped)."""
        self.prepareGeometryChange()
        self.snap_px, self.snap_text, self.snap_color = offset_px, text, QColor(color)
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
            far = self.snap_color != SNAP_COLOR
            p.setPen(QPen(self.snap_color, 2.0 if far else 1.2, Qt.DashLine if far else Qt.SolidLine))
            p.drawLine(QPointF(0, 0), self.snap_px)
            p.setBrush(self.snap_color)
            p.drawEllipse(self.snap_px, 3.0, 3.0)
            draw_halo_text(p, QPointF(SYMBOL_R * 2 + 6, 18), self.snap_text, label_font(far, 8.0), self.snap_color)
