"""The map's legend, drawn in viewport pixels: the plan's symbols, the road classes and the snap line.

Two columns in the top-right corner of the map (the scale bar and the
attribution are at the bottom); View → Legend shows or hides it.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen

from ui.icons import KIND_COLOR, draw_symbol
from ui.map.snaps import FAR_COLOR, OK_COLOR
from ui.map.style import ROAD_STYLES

SYMBOLS = [
    ("pickup", "Pickup (assembly point)"),
    ("destination", "Destination (reception)"),
    ("depot", "Depot (vehicles)"),
    ("checkpoint", "Checkpoint"),
    ("corridor", "Corridor"),
    ("hazard", "Hazard zone"),
    ("closure", "Road closure"),
]
#: Road classes shown, major first (indices into ROAD_STYLES).
ROADS = [
    ("motorway", "Motorway"),
    ("trunk", "Trunk road"),
    ("primary", "Primary road"),
    ("secondary", "Secondary road"),
    ("tertiary", "Tertiary road"),
    ("minor", "Street"),
]
ROW = 14.0
PAD = 8.0


def legend_rows() -> list[tuple[str, str]]:
    """``(key, text)`` of every entry, symbols then roads then the snap lines (what the legend says)."""
    return (
        [(k, t) for k, t in SYMBOLS]
        + [(f"road:{k}", t) for k, t in ROADS]
        + [("snap", "Point to its road node"), ("snap-far", "Beyond the snap limit")]
    )


def legend_size(font: QFont) -> tuple[float, float]:
    fm = QFontMetricsF(font)
    left = max(fm.horizontalAdvance(t) for _, t in SYMBOLS)
    right = max(fm.horizontalAdvance(t) for _, t in ROADS + [("", "Beyond the snap limit")])
    rows = max(len(SYMBOLS), len(ROADS) + 2)
    return 2 * PAD + 28 + left + 16 + 28 + right, 2 * PAD + rows * ROW + fm.height()


def draw_legend(p: QPainter, top_right: QPointF, font: QFont) -> QRectF:
    """Draw the legend with its top-right corner at ``top_right`` (device pixels); returns its box."""
    fm = QFontMetricsF(font)
    w, h = legend_size(font)
    box = QRectF(top_right.x() - w, top_right.y(), w, h)
    p.save()
    p.setPen(QPen(QColor(0, 0, 0, 60), 1))
    p.setBrush(QColor(255, 255, 255, 232))
    p.drawRoundedRect(box, 4, 4)
    bold = QFont(font)
    bold.setBold(True)
    p.setFont(bold)
    p.setPen(QColor("#222222"))
    p.drawText(QPointF(box.left() + PAD, box.top() + PAD + fm.ascent()), "Legend")
    p.setFont(font)
    y0 = box.top() + PAD + fm.height() + 2
    x_sym = box.left() + PAD
    left_w = max(fm.horizontalAdvance(t) for _, t in SYMBOLS)
    x_road = x_sym + 28 + left_w + 16
    for i, (kind, text) in enumerate(SYMBOLS):
        c = QPointF(x_sym + 11, y0 + i * ROW + ROW / 2)
        color = KIND_COLOR[kind]
        if kind == "corridor":
            p.setPen(QPen(color, 3))
            p.drawLine(c - QPointF(10, 0), c + QPointF(10, 0))
        elif kind == "hazard":
            fill = QColor(color)
            fill.setAlpha(90)
            p.setPen(QPen(color, 1.5))
            p.setBrush(QBrush(fill, Qt.DiagCrossPattern))
            p.drawRect(QRectF(c.x() - 9, c.y() - 6, 18, 12))
        else:
            p.save()
            p.translate(c)
            draw_symbol(p, kind, 6.5)
            p.restore()
        p.setPen(QColor("#222222"))
        p.drawText(QPointF(x_sym + 28, c.y() + fm.ascent() / 2 - 1), text)
    styles = {s.name: s for s in ROAD_STYLES}
    for i, (name, text) in enumerate(ROADS):
        s = styles[name]
        y = y0 + i * ROW + ROW / 2
        for color, width in ((s.casing, 6.0), (s.fill, 4.0)):
            pen = QPen(QColor(color), width)
            pen.setCapStyle(Qt.FlatCap)
            p.setPen(pen)
            p.drawLine(QPointF(x_road, y), QPointF(x_road + 22, y))
        p.setPen(QColor("#222222"))
        p.drawText(QPointF(x_road + 28, y + fm.ascent() / 2 - 1), text)
    for j, (color, style, text) in enumerate(
        ((OK_COLOR, Qt.SolidLine, "Point to its road node"), (FAR_COLOR, Qt.DashLine, "Beyond the snap limit"))
    ):
        y = y0 + (len(ROADS) + j) * ROW + ROW / 2
        p.setPen(QPen(color, 1.5, style))
        p.drawLine(QPointF(x_road, y), QPointF(x_road + 18, y))
        p.setBrush(color)
        p.setPen(QPen(QColor("white"), 1))
        p.drawEllipse(QPointF(x_road + 20, y), 3, 3)
        p.setPen(QColor("#222222"))
        p.drawText(QPointF(x_road + 28, y + fm.ascent() / 2 - 1), text)
    p.restore()
    return box
