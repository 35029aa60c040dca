"""How the map looks: layer order, road classes, symbol sizes, label fonts and the halo text of printed maps.

Every other module of :mod:`ui.map` takes its constants from here; this module
imports nothing of the map.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from ui.icons import WHITE

MIME_ELEMENT = "application/x-evacplan-element"
ATTRIBUTION = "© OpenStreetMap contributors"
LAND = QColor("#f2efe9")  # background, the land colour of printed maps

# z order of the map layers
Z_ROADS, Z_HAZARD, Z_CORRIDOR, Z_LABELS, Z_ROUTES, Z_CLOSURE, Z_POINTS, Z_BADGES, Z_PREVIEW = (
    0,
    10,
    12,
    15,
    20,
    30,
    40,
    45,
    100,
)
Z_PLACES = 14  # place names, painted just before the street names (which avoid them)
Z_SNAPS = 35  # a point's line to its road node, under the symbols

SYMBOL_R = 11.0  # px, radius of point symbols
HANDLE_PX = 4.5  # px, half-size of vertex handles
HIT_PX = 7.0  # px, click tolerance for lines and vertices
NAME_SCALE = 0.3  # px per metre from which point symbols are labelled with their name
SELECT_COLOR = QColor(255, 214, 0)


# ---------------------------------------------------------------- road classes


@dataclass(frozen=True)
class RoadStyle:
    """How one road class is drawn.

    width_m : real carriageway width in metres; the line is that wide on screen,
        clamped to ``min_px``..``max_px`` device pixels.
    casing : outline colour, drawn when the view shows at least ``casing_lod`` px per metre.
    far : colour used instead of ``fill`` when the casing is not drawn (minor roads
        zoomed out are thin grey lines, not white on cream).
    min_lod : the class is hidden below this many px per metre.
    """

    name: str
    highways: tuple
    fill: str
    casing: str
    width_m: float
    min_px: float
    max_px: float
    casing_lod: float = 0.0
    far: str = ""
    min_lod: float = 0.0
    label_lod: float = 0.7  # street names from this many px per metre


#: Minor to major: later classes are drawn on top.
ROAD_STYLES = (
    RoadStyle("service", ("service",), "#ffffff", "#c9c3b8", 4.0, 0.6, 14, 0.9, "#d6d0c4", min_lod=0.18, label_lod=3.0),
    RoadStyle(
        "minor",
        ("residential", "unclassified", "living_street", "road"),
        "#ffffff",
        "#bdb6a9",
        7.0,
        0.9,
        22,
        0.45,
        "#bcb5a7",
        min_lod=0.015,
        label_lod=1.6,
    ),
    RoadStyle(
        "tertiary",
        ("tertiary", "tertiary_link"),
        "#ffffff",
        "#8f8a80",
        9.0,
        1.8,
        26,
        0.0,
        min_lod=0.008,
        label_lod=0.75,
    ),
    RoadStyle("secondary", ("secondary", "secondary_link"), "#f7f3b0", "#8c8a2e", 11.0, 2.3, 30, label_lod=0.45),
    RoadStyle("primary", ("primary", "primary_link"), "#fcd6a4", "#b0711f", 13.0, 2.9, 34, label_lod=0.35),
    RoadStyle("trunk", ("trunk", "trunk_link"), "#f9b29c", "#c04f2d", 15.0, 3.3, 38, label_lod=0.3),
    RoadStyle("motorway", ("motorway", "motorway_link"), "#e892a2", "#c2185b", 18.0, 3.8, 42, label_lod=0.3),
)


def road_class_of(highway: np.ndarray) -> np.ndarray:
    """Index into :data:`ROAD_STYLES` of each edge's ``highway`` tag (unknown tags count as minor)."""
    out = np.full(len(highway), 1, dtype=np.int8)
    for k, style in enumerate(ROAD_STYLES):
        out[np.isin(highway, style.highways)] = k
    return out


HALO_OFFSETS = [QPointF(dx, dy) for dx in (-1.2, 0, 1.2) for dy in (-1.2, 0, 1.2) if dx or dy]


def draw_halo_text(
    p: QPainter, pos: QPointF, text: str, font: QFont, color=QColor("#1a1a1a"), halo=QColor(255, 255, 255)
) -> None:
    """Text at ``pos`` (baseline left, device pixels) with a white halo, as on printed maps.

    The halo is the text drawn eight times around ``pos``: glyphs come from the
    glyph cache, many times faster than stroking the text outline.
    """
    p.setFont(font)
    p.setPen(halo)
    for d in HALO_OFFSETS:
        p.drawText(pos + d, text)
    p.setPen(color)
    p.drawText(pos, text)


def lod_of(painter: QPainter) -> float:
    """Device pixels per scene metre of ``painter``."""
    return QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())


def label_font(bold: bool = False, size: float = 8.5) -> QFont:
    """The font of map labels (``size`` in points)."""
    f = QFont()
    f.setPointSizeF(size)
    f.setBold(bold)
    return f


def draw_badge(p: QPainter, left: QPointF, text: str, color: QColor) -> QRectF:
    """A rounded count badge whose left-middle is ``left``; returns its rect."""
    font = label_font(True, 8.0)
    fm = QFontMetricsF(font)
    w, h = fm.horizontalAdvance(text) + 8, fm.height() + 2
    rect = QRectF(left.x(), left.y() - h / 2, w, h)
    p.setPen(QPen(color, 1.4))
    p.setBrush(WHITE)
    p.drawRoundedRect(rect, h / 2, h / 2)
    p.setFont(font)
    p.setPen(color)
    p.drawText(rect, Qt.AlignCenter, text)
    return rect
