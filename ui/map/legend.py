"""The map's legend, drawn in viewport pixels: the plan's symbols, the road classes and the snap line.

Two columns in the top-right corner of the map (the scale bar and the
attribution are at the bottom); View → Legend shows or hides it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen

from ui.icons import KIND_COLOR, KINDS, draw_symbol
from ui.map.snaps import FAR_COLOR, OK_COLOR
from ui.map.style import ROAD_STYLES

#: Road classes shown, major first (indices into ROAD_STYLES).
ROADS = [
    ("motorway", QT_TRANSLATE_NOOP("Legend", "Motorway")),
    ("trunk", QT_TRANSLATE_NOOP("Legend", "Trunk road")),
    ("primary", QT_TRANSLATE_NOOP("Legend", "Primary road")),
    ("secondary", QT_TRANSLATE_NOOP("Legend", "Secondary road")),
    ("tertiary", QT_TRANSLATE_NOOP("Legend", "Tertiary road")),
    ("minor", QT_TRANSLATE_NOOP("Legend", "Street")),
]
SNAP_OK = QT_TRANSLATE_NOOP("Legend", "Point to its road node")
SNAP_FAR = QT_TRANSLATE_NOOP("Legend", "Beyond the snap limit")
ROW = 14.0


def _t(text: str) -> str:
    return QCoreApplication.translate("Legend", text)


def _symbols() -> list[tuple[str, str]]:
    """``(kind, text)`` of the plan's symbols: the palette's entries, in its order and words."""
    return [(kind, QCoreApplication.translate("Palette", text)) for kind, text in KINDS.items()]


PAD = 8.0


def legend_rows() -> list[tuple[str, str]]:
    """``(key, text)`` of every entry, symbols then roads then the snap lines (what the legend says)."""
    return _symbols() + [(f"road:{k}", _t(t)) for k, t in ROADS] + [("snap", _t(SNAP_OK)), ("snap-far", _t(SNAP_FAR))]


def legend_size(font: QFont) -> tuple[float, float]:
    fm = QFontMetricsF(font)
    left = max(fm.horizontalAdvance(t) for _, t in _symbols())
    right = max(fm.horizontalAdvance(_t(t)) for _, t in ROADS + [("", SNAP_OK), ("", SNAP_FAR)])
    rows = max(len(KINDS), len(ROADS) + 2)
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
    p.drawText(QPointF(box.left() + PAD, box.top() + PAD + fm.ascent()), QCoreApplication.translate("Legend", "Legend"))
    p.setFont(font)
    y0 = box.top() + PAD + fm.height() + 2
    x_sym = box.left() + PAD
    symbols = _symbols()
    left_w = max(fm.horizontalAdvance(t) for _, t in symbols)
    x_road = x_sym + 28 + left_w + 16
    for i, (kind, text) in enumerate(symbols):
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
        p.drawText(QPointF(x_road + 28, y + fm.ascent() / 2 - 1), _t(text))
    for j, (color, style, text) in enumerate(
        ((OK_COLOR, Qt.SolidLine, _t(SNAP_OK)), (FAR_COLOR, Qt.DashLine, _t(SNAP_FAR)))
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
