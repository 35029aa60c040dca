"""Plan element symbols, drawn with QPainter so the map, the palette and the
element tree show the same shapes at any size.

Symbols are drawn centred on the painter's origin in device pixels; callers
translate the painter to where the symbol goes. Colours are chosen to stay
apart from the road colours of :mod:`ui.map.style` (warm oranges and yellows):
pickups blue, destinations green, depots slate, checkpoints orange with a
barrier, closures red.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

#: Element kinds in palette order, with their label (English; shown through ``translate("Palette", label)``).
KINDS = {
    "pickup": QT_TRANSLATE_NOOP("Palette", "Pickup (assembly point)"),
    "destination": QT_TRANSLATE_NOOP("Palette", "Destination (reception)"),
    "depot": QT_TRANSLATE_NOOP("Palette", "Depot (vehicles)"),
    "checkpoint": QT_TRANSLATE_NOOP("Palette", "Checkpoint"),
    "corridor": QT_TRANSLATE_NOOP("Palette", "Corridor"),
    "hazard": QT_TRANSLATE_NOOP("Palette", "Hazard zone"),
    "closure": QT_TRANSLATE_NOOP("Palette", "Road closure"),
}

#: Point kinds (placed with one click); the others are drawn as lines/polygons.
POINT_KINDS = ("pickup", "destination", "depot", "checkpoint")

#: Main colour of each element kind.
KIND_COLOR = {
    "pickup": QColor("#1565c0"),
    "destination": QColor("#2e7d32"),
    "depot": QColor("#37474f"),
    "checkpoint": QColor("#e65100"),
    "corridor": QColor("#6a1b9a"),
    "hazard": QColor("#c62828"),
    "closure": QColor("#d50000"),
}

WHITE = QColor("white")


def _person(p: QPainter, r: float) -> None:
    """A standing person glyph (head + body) in white, ``r`` = symbol radius."""
    p.setPen(Qt.NoPen)
    p.setBrush(WHITE)
    p.drawEllipse(QPointF(0, -0.42 * r), 0.22 * r, 0.22 * r)
    body = QPainterPath()
    body.addRoundedRect(QRectF(-0.34 * r, -0.14 * r, 0.68 * r, 0.72 * r), 0.25 * r, 0.25 * r)
    p.drawPath(body)


def _flag(p: QPainter, r: float) -> None:
    pen = QPen(WHITE, max(1.2, 0.14 * r))
    pen.setCapStyle(Qt.RoundCap)
    p.setPen(pen)
    p.drawLine(QPointF(-0.35 * r, 0.6 * r), QPointF(-0.35 * r, -0.6 * r))
    p.setPen(Qt.NoPen)
    p.setBrush(WHITE)
    p.drawPolygon(QPolygonF([QPointF(-0.3 * r, -0.6 * r), QPointF(0.55 * r, -0.32 * r), QPointF(-0.3 * r, -0.04 * r)]))


def _bus(p: QPainter, r: float) -> None:
    p.setPen(Qt.NoPen)
    p.setBrush(WHITE)
    p.drawRoundedRect(QRectF(-0.6 * r, -0.5 * r, 1.2 * r, 0.85 * r), 0.15 * r, 0.15 * r)
    p.setBrush(KIND_COLOR["depot"])
    p.drawRect(QRectF(-0.48 * r, -0.38 * r, 0.96 * r, 0.32 * r))
    p.setBrush(WHITE)
    for sx in (-0.35, 0.35):
        p.drawEllipse(QPointF(sx * r, 0.42 * r), 0.14 * r, 0.14 * r)


def _barrier(p: QPainter, r: float) -> None:
    p.setPen(Qt.NoPen)
    p.setBrush(WHITE)
    p.drawRect(QRectF(-0.62 * r, -0.17 * r, 1.24 * r, 0.34 * r))
    p.setBrush(KIND_COLOR["checkpoint"])
    for i in range(3):  # red/white stripes of a boom barrier
        x = -0.5 * r + i * 0.42 * r
        p.drawPolygon(
            QPolygonF(
                [
                    QPointF(x, -0.17 * r),
                    QPointF(x + 0.16 * r, -0.17 * r),
                    QPointF(x + 0.06 * r, 0.17 * r),
                    QPointF(x - 0.1 * r, 0.17 * r),
                ]
            )
        )


def draw_cross(p: QPainter, r: float, color: QColor = KIND_COLOR["closure"]) -> None:
    """A road-closure X of half-size ``r`` with a white halo."""
    for pen_color, w in ((WHITE, 0.55 * r), (color, 0.32 * r)):
        pen = QPen(pen_color, max(2.0, w))
        pen.setCapStyle(Qt.RoundCap)
        p.setPen(pen)
        p.drawLine(QPointF(-0.7 * r, -0.7 * r), QPointF(0.7 * r, 0.7 * r))
        p.drawLine(QPointF(-0.7 * r, 0.7 * r), QPointF(0.7 * r, -0.7 * r))


def symbol_path(kind: str, r: float) -> QPainterPath:
    """Outline of a point symbol of radius ``r`` (px), for painting and hit-testing."""
    path = QPainterPath()
    if kind == "pickup":
        path.addEllipse(QPointF(0, 0), r, r)
    elif kind == "checkpoint":
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(0, -1.15 * r),
                    QPointF(1.15 * r, 0),
                    QPointF(0, 1.15 * r),
                    QPointF(-1.15 * r, 0),
                    QPointF(0, -1.15 * r),
                ]
            )
        )
    elif kind == "destination":
        path.addRoundedRect(QRectF(-r, -r, 2 * r, 2 * r), 0.3 * r, 0.3 * r)
    else:  # depot and anything else
        path.addRoundedRect(QRectF(-r, -r, 2 * r, 2 * r), 0.18 * r, 0.18 * r)
    return path


def draw_symbol(p: QPainter, kind: str, r: float, *, selected: bool = False, faded: bool = False) -> None:
    """Draw the symbol of a point element kind centred on the painter origin.

    Parameters
    ----------
    p : QPainter
        Painter in device pixels, origin at the symbol centre.
    kind : str
        ``pickup``, ``destination``, ``depot``, ``checkpoint`` or ``closure``.
    r : float
        Symbol radius in pixels.
    selected : bool
        Draw the selection halo.
    faded : bool
        Half transparent (drag preview).
    """
    p.save()
    p.setRenderHint(QPainter.Antialiasing, True)
    if faded:
        p.setOpacity(0.6)
    if kind == "closure":
        if selected:
            p.setPen(Qt.NoPen)
            p.setBrush(QColor(255, 214, 0, 200))
            p.drawEllipse(QPointF(0, 0), 1.3 * r, 1.3 * r)
        draw_cross(p, r)
        p.restore()
        return
    outline = symbol_path(kind, r)
    if selected:
        p.setPen(QPen(QColor(255, 214, 0), 5))
        p.setBrush(Qt.NoBrush)
        p.drawPath(outline)
    p.setPen(QPen(QColor(0, 0, 0, 90), 3))  # soft dark edge so symbols read on white roads
    p.drawPath(outline)
    p.setPen(QPen(WHITE, 1.6))
    p.setBrush(KIND_COLOR.get(kind, QColor("gray")))
    p.drawPath(outline)
    {"pickup": _person, "destination": _flag, "depot": _bus, "checkpoint": _barrier}.get(kind, lambda *_: None)(p, r)
    p.restore()


def _draw_shape_icon(p: QPainter, kind: str, s: float) -> None:
    """Palette icon for line/polygon kinds in an ``s`` x ``s`` box centred on the origin."""
    h = s / 2
    if kind == "corridor":
        color = KIND_COLOR["corridor"]
        band = QColor(color)
        band.setAlpha(70)
        pts = [
            QPointF(-0.8 * h, 0.6 * h),
            QPointF(-0.1 * h, 0.1 * h),
            QPointF(0.2 * h, -0.3 * h),
            QPointF(0.8 * h, -0.6 * h),
        ]
        path = QPainterPath(pts[0])
        for q in pts[1:]:
            path.lineTo(q)
        pen = QPen(band, 0.5 * h)
        pen.setCapStyle(Qt.RoundCap)
        pen.setJoinStyle(Qt.RoundJoin)
        p.strokePath(path, pen)
        pen = QPen(color, max(1.5, 0.12 * h))
        pen.setCapStyle(Qt.RoundCap)
        p.strokePath(path, pen)
    elif kind == "hazard":
        poly = QPolygonF(
            [
                QPointF(-0.85 * h, -0.4 * h),
                QPointF(0.1 * h, -0.85 * h),
                QPointF(0.85 * h, -0.1 * h),
                QPointF(0.45 * h, 0.8 * h),
                QPointF(-0.6 * h, 0.6 * h),
            ]
        )
        p.setPen(Qt.NoPen)
        fill = QColor(KIND_COLOR["hazard"])
        fill.setAlpha(60)
        p.setBrush(fill)
        p.drawPolygon(poly)
        p.setBrush(QBrush(KIND_COLOR["hazard"], Qt.BDiagPattern))
        p.drawPolygon(poly)
        p.setPen(QPen(KIND_COLOR["hazard"], max(1.5, 0.1 * h)))
        p.setBrush(Qt.NoBrush)
        p.drawPolygon(poly)
    else:
        draw_symbol(p, kind, 0.72 * h)


def element_pixmap(kind: str, size: int = 32) -> QPixmap:
    """A transparent ``size`` x ``size`` pixmap of an element kind's symbol."""
    pm = QPixmap(size, size)
    pm.fill(Qt.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.Antialiasing, True)
    p.translate(size / 2, size / 2)
    _draw_shape_icon(p, kind, size)
    p.end()
    return pm


def element_icon(kind: str) -> QIcon:
    """A QIcon of an element kind (16, 24, 32 and 48 px)."""
    icon = QIcon()
    for size in (16, 24, 32, 48):
        icon.addPixmap(element_pixmap(kind, size))
    return icon


def kind_of(element) -> str:
    """The element kind (``pickup``, ...) of a plan element."""
    return getattr(element, "KIND", type(element).__name__.lower())


def angle_deg(dx: float, dy: float) -> float:
    """Text angle (degrees) of a direction in device pixels, kept upright (-90..90)."""
    a = math.degrees(math.atan2(dy, dx))
    if a > 90:
        a -= 180
    elif a < -90:
        a += 180
    return a
