"""Place names of the network's OpenStreetMap data (city, town, village, suburb ...), decluttered by zoom.

The network holds the extract's named places (``net.places``: name, kind, lon,
lat) when it was imported with them; an older network without them simply
shows none. Bigger places appear first and farther out, in bigger type; a name
that would cover one already placed is left out. The street names avoid the
boxes placed here (:attr:`PlaceLabels.placed`).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QGraphicsItem

from ui.map.style import Z_PLACES, draw_halo_text, lod_of

#: kind -> (rank, px per metre from which it is named, point size, bold); unknown kinds rank last.
PLACE_STYLE = {
    "city": (0, 0.0, 13.0, True),
    "town": (1, 0.01, 11.5, True),
    "village": (2, 0.05, 10.0, True),
    "suburb": (3, 0.1, 9.5, False),
    "quarter": (4, 0.2, 9.0, False),
    "hamlet": (4, 0.25, 8.5, False),
    "neighbourhood": (5, 0.4, 8.5, False),
    "isolated_dwelling": (6, 1.0, 8.0, False),
    "locality": (6, 1.0, 8.0, False),
}
OTHER = (7, 1.5, 8.0, False)
PLACE_COLOR = QColor("#3d3a52")


def _field(place, name: str, index: int):
    return getattr(place, name) if hasattr(place, name) else place[index]


class PlaceLabels(QGraphicsItem):
    """Names of the network's places, biggest first, never overlapping each other."""

    def __init__(self, net, doc, parent=None):
        super().__init__(parent)
        self.setZValue(Z_PLACES)
        self.setAcceptedMouseButtons(Qt.NoButton)
        self.placed: list[QRectF] = []  # device-pixel boxes of the last paint
        self.obstacles = None  # callable: device-pixel boxes a name must not cover (plan symbols, labels)
        self.shown: list[str] = []
        places = list(getattr(net, "places", None) or [])
        rows = []
        for pl in places:
            name, kind = str(_field(pl, "name", 0)), str(_field(pl, "kind", 1))
            if not name:
                continue
            x, y = doc.to_scene(float(_field(pl, "lon", 2)), float(_field(pl, "lat", 3)))
            rows.append((PLACE_STYLE.get(kind, OTHER), name, x, y))
        rows.sort(key=lambda r: (r[0][0], r[1]))
        self.rows = rows
        self.fonts = {}
        if rows:
            xs, ys = np.array([r[2] for r in rows]), np.array([r[3] for r in rows])
            self._bounds = QRectF(xs.min(), ys.min(), np.ptp(xs), np.ptp(ys)).adjusted(-3000, -3000, 3000, 3000)
        else:
            self._bounds = QRectF()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def _font(self, size: float, bold: bool) -> QFont:
        key = (size, bold)
        if key not in self.fonts:
            f = QFont()
            f.setPointSizeF(size)
            f.setBold(bold)
            f.setLetterSpacing(QFont.PercentageSpacing, 104)
            self.fonts[key] = f
        return self.fonts[key]

    def paint(self, painter: QPainter, option, widget=None) -> None:
        self.placed, self.shown = [], []
        if not self.rows:
            return
        blocked = list(self.obstacles()) if self.obstacles is not None else []
        lod = lod_of(painter)
        tr = painter.worldTransform()
        view_rect = QRectF(painter.viewport()) if painter.viewport().isValid() else None
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.Antialiasing, True)
        for (rank, min_lod, size, bold), name, x, y in self.rows:
            if lod < min_lod:
                continue
            font = self._font(size, bold)
            fm = QFontMetricsF(font)
            c = tr.map(QPointF(x, y))
            w, h = fm.horizontalAdvance(name), fm.height()
            box = QRectF(c.x() - w / 2, c.y() - h / 2, w, h)
            if view_rect is not None and not view_rect.contains(box):
                continue  # a name is never cut at the edge of the map
            if any(box.intersects(b) for b in self.placed) or any(box.intersects(b) for b in blocked):
                continue
            self.placed.append(box.adjusted(-4, -2, 4, 2))
            self.shown.append(name)
            draw_halo_text(
                painter, QPointF(box.left(), c.y() + (fm.ascent() - fm.descent()) / 2), name, font, PLACE_COLOR
            )
        painter.restore()
