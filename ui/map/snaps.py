"""Where each point element meets the roads: a thin line from the drawn point to the node it snaps to.

The compute never moves a point silently: the map always shows the node each
point snaps to. Before a compute the node is :func:`planner.plan.snap_plan`'s
(what ``evacplan check`` reports and the compute refuses beyond the snap
limit); after a compute it is the node routing used (``PlanRoutes.snaps``, the
open roads only). A snap beyond the limit is drawn red with its distance; the
selected element (the one being dragged) shows its distance too.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from planner.plan import format_distance, snap_plan
from ui.map.style import Z_SNAPS, draw_halo_text, label_font

OK_COLOR = QColor("#37474f")
FAR_COLOR = QColor("#c62828")


@dataclass
class SnapLine:
    """One drawn point and its road node, in scene coordinates."""

    element_id: str
    point: QPointF
    node: QPointF
    distance_m: float
    ok: bool


def plan_snap_lines(doc) -> list[SnapLine]:
    """Snap lines of every point element of ``doc``'s plan (empty without a network).

    The compute's own snaps when the document holds current results, else the
    nearest road nodes of the whole network.
    """
    net = doc.network
    if net is None:
        return []
    limit = float(doc.plan.rules.snap_limit_m)
    routes = getattr(doc.results, "routes", None) if doc.results is not None else None
    used = getattr(routes, "snaps", None) or {}
    out = []
    for s in snap_plan(doc.plan, net):
        if s.field != "lon":
            continue  # closures lie along their road
        node, dist = used.get(s.element_id, (s.node, s.distance_m))
        if node is None or node < 0:
            continue
        point = QPointF(*doc.to_scene(s.lon, s.lat))
        out.append(
            SnapLine(
                s.element_id,
                point,
                QPointF(float(net.node_x[node]), -float(net.node_y[node])),
                float(dist),
                bool(dist <= limit),
            )
        )
    return out


class SnapLines(QGraphicsItem):
    """Every snap line of the plan in one item (cosmetic pens: one pixel wide at any zoom)."""

    def __init__(self):
        super().__init__()
        self.lines: list[SnapLine] = []
        self.labelled: set[str] = set()
        self._bounds = QRectF()
        self.setZValue(Z_SNAPS)
        self.setAcceptedMouseButtons(Qt.NoButton)

    def set_lines(self, lines: list[SnapLine], labelled) -> None:
        self.prepareGeometryChange()
        self.lines = lines
        self.labelled = set(labelled)
        rect = QRectF()
        for s in lines:
            rect = rect.united(QRectF(s.point, s.node).normalized())
        self._bounds = rect.adjusted(-400, -400, 400, 400)
        self.update()

    def line_of(self, element_id: str) -> SnapLine | None:
        return next((s for s in self.lines if s.element_id == element_id), None)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, p: QPainter, option, widget=None) -> None:
        tr = p.worldTransform()
        p.save()
        p.resetTransform()
        p.setRenderHint(QPainter.Antialiasing, True)
        font = label_font(True, 8.0)
        for s in self.lines:
            a, b = tr.map(s.point), tr.map(s.node)
            color = OK_COLOR if s.ok else FAR_COLOR
            if QLineF(a, b).length() >= 2:
                pen = QPen(color, 1.2 if s.ok else 2.0, Qt.SolidLine if s.ok else Qt.DashLine)
                p.setPen(pen)
                p.drawLine(a, b)
            p.setPen(QPen(QColor("white"), 1.0))
            p.setBrush(color)
            p.drawEllipse(b, 3.0, 3.0)
            if not s.ok or s.element_id in self.labelled:
                text = f"{format_distance(s.distance_m)} to the road" + ("" if s.ok else " — too far")
                # beside the node, on the side away from the symbol (whose label is on its right)
                dx = 8 if b.x() >= a.x() else -8 - QFontMetricsF(font).horizontalAdvance(text)
                draw_halo_text(p, b + QPointF(dx, 4 if b.y() >= a.y() else -2), text, font, color)
        p.restore()


class SnapLayer:
    """The snap lines of a map view, rebuilt from the document after every edit and compute."""

    def __init__(self, view):
        self.view = view
        self.doc = view.doc
        self.item = SnapLines()
        view.scene().addItem(self.item)

    def rebuild(self, *_args) -> None:
        self.item.set_lines(plan_snap_lines(self.doc), self.doc.selection)

    def line_of(self, element_id: str) -> SnapLine | None:
        """The snap line of one element, or ``None``."""
        return self.item.line_of(element_id)
