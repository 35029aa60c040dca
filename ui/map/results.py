"""Compute results on the map: routes coloured by convoy, checkpoint queue badges, what-if variant routes.

Moved verbatim from ``ui/map_items.py``; the map view (:mod:`ui.map.view`)
owns one :class:`ResultsLayer` and one :class:`VariantRoutesLayer`.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from ui.icons import WHITE
from ui.map.elements import PointItem
from ui.map.style import SYMBOL_R, Z_BADGES, Z_ROUTES, lod_of
from ui.map.style import label_font as _label_font


# ---------------------------------------------------------------- results

#: Convoy colours (distinct on the cream map and apart from element colours).
CONVOY_COLORS = ["#0077bb", "#ee3377", "#009988", "#cc3311", "#33bbee", "#aa3377", "#117733", "#882255",
                 "#44aa99", "#999933", "#dd7700", "#4477aa"]


def convoy_color(convoy_id, index: int = 0) -> QColor:
    """A convoy's colour, the same as in the schedule table and Gantt (``ui.panels.results.convoy_colour``)."""
    try:
        from ui.panels.results import convoy_colour
    except ImportError:  # the panels are optional for the map
        return QColor(CONVOY_COLORS[index % len(CONVOY_COLORS)])
    return QColor(convoy_colour(convoy_id))


def _time(value):
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value))
    except (TypeError, ValueError):
        return None


def checkpoint_queues(schedule) -> dict:
    """``checkpoint id -> (max vehicles waiting, max wait in minutes, passages)`` from a schedule's trips.

    A vehicle waits from its arrival until its service starts; the queue length
    at an instant is the number of vehicles arrived and not yet in service.
    """
    events: dict[str, list] = {}
    waits: dict[str, float] = {}
    count: dict[str, int] = {}
    for trip in getattr(schedule, "trips", None) or []:
        for ps in trip.get("checkpoints", []) if isinstance(trip, dict) else []:
            a, s = _time(ps.get("arrive")), _time(ps.get("start_service"))
            if a is None or s is None:
                continue
            cid = ps.get("id")
            count[cid] = count.get(cid, 0) + 1
            waits[cid] = max(waits.get(cid, 0.0), (s - a).total_seconds() / 60.0)
            if s > a:
                events.setdefault(cid, []).extend([(a, 1), (s, -1)])
    out = {}
    for cid, n in count.items():
        q = best = 0
        for _, d in sorted(events.get(cid, []), key=lambda e: (e[0], e[1])):
            q += d
            best = max(best, q)
        out[cid] = (best, waits.get(cid, 0.0), n)
    return out


class _PathItem(QGraphicsItem):
    """A scene path drawn with cosmetic pens (routes); not clickable."""

    def __init__(self, path: QPainterPath, key, z: float):
        super().__init__()
        self.path = path
        self.key = key
        self.setZValue(z)
        self.setAcceptedMouseButtons(Qt.NoButton)
        self._bounds = path.boundingRect().adjusted(-100, -100, 100, 100)

    def boundingRect(self) -> QRectF:
        return self._bounds


class RouteItem(_PathItem):
    """One computed route drawn over the roads (cosmetic pen, colour of its convoys)."""

    def __init__(self, path: QPainterPath, color: QColor, convoys: list, key):
        super().__init__(path, key, Z_ROUTES)
        self.color = self.base_color = color
        self.convoys = convoys
        self.emphasis = 0  # -1 faded, 0 normal, 1 highlighted

    def paint(self, p: QPainter, option, widget=None) -> None:
        p.setRenderHint(QPainter.Antialiasing, True)
        w = {1: 7.0, 0: 4.5, -1: 3.0}[self.emphasis]
        color = QColor(self.color)
        if self.emphasis < 0:
            color.setAlpha(70)
        if self.emphasis >= 0:  # a white casing keeps routes that share a road apart
            glow = QPen(QColor(255, 255, 255, 230 if self.emphasis > 0 else 170), w + (5 if self.emphasis > 0 else 2.5))
            glow.setCosmetic(True)
            glow.setCapStyle(Qt.RoundCap)
            glow.setJoinStyle(Qt.RoundJoin)
            p.strokePath(self.path, glow)
        pen = QPen(color, w)
        pen.setCosmetic(True)
        pen.setCapStyle(Qt.RoundCap)
        pen.setJoinStyle(Qt.RoundJoin)
        p.strokePath(self.path, pen)
        if self.emphasis >= 0 and lod_of(p) > 0.02:
            self._arrows(p, color)

    def _arrows(self, p: QPainter, color: QColor) -> None:
        """Direction chevrons every ~120 px along the route."""
        tr = p.worldTransform()
        poly = self.path.toSubpathPolygons()
        p.save()
        p.resetTransform()
        pen = QPen(WHITE, 1.8)
        pen.setCapStyle(Qt.RoundCap)
        p.setPen(pen)
        for sub in poly:
            pts = [tr.map(q) for q in sub]
            acc = 60.0
            for a, b in zip(pts[:-1], pts[1:]):
                seg = QLineF(a, b)
                L = seg.length()
                while acc < L:
                    c = seg.pointAt(acc / L)
                    u = seg.unitVector()
                    ux, uy = u.dx(), u.dy()
                    p.drawLine(c, c + QPointF(-ux * 4 - uy * 3, -uy * 4 + ux * 3))
                    p.drawLine(c, c + QPointF(-ux * 4 + uy * 3, -uy * 4 - ux * 3))
                    acc += 120.0
                acc -= L
        p.restore()


class QueueBadge(QGraphicsItem):
    """Next to a checkpoint: the longest queue and the longest wait of the schedule.

    It sits above its checkpoint, else below, left or right, wherever it covers no
    point label, symbol or other badge (:meth:`ResultsLayer.place_badges`).
    """

    SIDES = ("above", "below", "left", "right")

    def __init__(self, text: str, warn: bool):
        super().__init__()
        self.text = text
        self.warn = warn
        self.side = "above"
        self.setFlag(QGraphicsItem.ItemIgnoresTransformations, True)
        self.setZValue(Z_BADGES)
        self.setAcceptedMouseButtons(Qt.NoButton)

    def rect(self, side: str | None = None) -> QRectF:
        """Device-pixel box of the badge on ``side`` of its checkpoint (default: where it is)."""
        fm = QFontMetricsF(_label_font(True, 8.0))
        w, h = fm.horizontalAdvance(self.text) + 12, fm.height() + 4
        gap = SYMBOL_R + 6
        return {"above": QRectF(-w / 2, -gap - h, w, h), "below": QRectF(-w / 2, gap, w, h),
                "left": QRectF(-gap - w, -h / 2, w, h), "right": QRectF(gap, -h / 2, w, h)}[side or self.side]

    def set_side(self, side: str) -> None:
        if side != self.side:
            self.prepareGeometryChange()
            self.side = side

    def boundingRect(self) -> QRectF:
        return self.rect().adjusted(-6, -6, 6, 6)

    def paint(self, p: QPainter, option, widget=None) -> None:
        p.setRenderHint(QPainter.Antialiasing, True)
        font = _label_font(True, 8.0)
        rect = self.rect()
        color = QColor("#b71c1c") if self.warn else QColor("#37474f")
        p.setPen(Qt.NoPen)
        p.setBrush(color)
        p.drawRoundedRect(rect, 4, 4)
        c = rect.center()
        tip = {"above": [QPointF(-4, rect.bottom()), QPointF(4, rect.bottom()), QPointF(0, rect.bottom() + 4)],
               "below": [QPointF(-4, rect.top()), QPointF(4, rect.top()), QPointF(0, rect.top() - 4)],
               "left": [QPointF(rect.right(), c.y() - 4), QPointF(rect.right(), c.y() + 4),
                        QPointF(rect.right() + 4, c.y())],
               "right": [QPointF(rect.left(), c.y() - 4), QPointF(rect.left(), c.y() + 4),
                         QPointF(rect.left() - 4, c.y())]}[self.side]
        p.drawPolygon(QPolygonF(tip))
        p.setFont(font)
        p.setPen(WHITE)
        p.drawText(rect, Qt.AlignCenter, self.text)


def _fmt_minutes(m: float) -> str:
    m = int(round(m))
    return f"{m // 60} h {m % 60:02d}" if m >= 60 else f"{m} min"


class ResultsLayer:
    """Routes coloured by convoy and checkpoint queue badges from ``doc.results``.

    ``doc.results.routes`` is a ``planner.routing.PlanRoutes`` (``routes``:
    ``(pickup, destination) -> Route`` with ``coords_lonlat``);
    ``doc.results.schedule`` a ``planner.schedule.Schedule`` whose ``convoys``
    and ``trips`` are the design's JSON dicts. Convoys on the same route share
    its colour.
    """

    def __init__(self, view):
        self.view = view
        self.doc = view.doc
        self.routes: list[RouteItem] = []
        self.badges: list[QueueBadge] = []
        self.convoy_color: dict[str, QColor] = {}
        self.highlighted = None

    def clear(self) -> None:
        for item in self.routes + self.badges:
            self.view.scene().removeItem(item)
        self.routes, self.badges = [], []
        self.convoy_color = {}

    def rebuild(self) -> None:
        self.clear()
        res = self.doc.results
        if res is None:
            return
        plan_routes = getattr(res, "routes", None)
        routes = getattr(plan_routes, "routes", None) or {}
        convoys = list(getattr(getattr(res, "schedule", None), "convoys", None) or [])
        by_pair: dict = {}
        for c in convoys:
            c = c if isinstance(c, dict) else getattr(c, "__dict__", {})
            by_pair.setdefault((c.get("pickup"), c.get("destination")), []).append(c.get("id"))
        # routes used by convoys first (coloured in convoy order), unused routes after, in grey
        keys = [k for k in by_pair if k in routes] + [k for k in routes if k not in by_pair]
        for n, key in enumerate(keys):
            route = routes[key]
            coords = getattr(route, "coords_lonlat", None)
            if coords is None or len(coords) < 2:
                continue
            pts = [QPointF(*self.doc.to_scene(float(lon), float(lat))) for lon, lat in coords]
            path = QPainterPath()
            path.addPolygon(QPolygonF(pts))
            ids = by_pair.get(key, [])
            color = convoy_color(ids[0], n) if ids else QColor("#7a7a7a")
            for cid in ids:
                self.convoy_color[cid] = convoy_color(cid, n)
            item = RouteItem(path, color, ids, key)
            self.view.scene().addItem(item)
            self.routes.append(item)
        self.update_badges()
        self.highlight(self.highlighted)

    def update_badges(self) -> None:
        for item in self.badges:
            self.view.scene().removeItem(item)
        self.badges = []
        res = self.doc.results
        schedule = getattr(res, "schedule", None) if res is not None else None
        if schedule is None:
            return
        for cid, (queue, wait, n) in checkpoint_queues(schedule).items():
            cp = self.doc.element(cid)
            if cp is None:
                continue
            text = f"{n} veh · queue {queue} · wait {_fmt_minutes(wait)}" if queue else f"{n} veh · no queue"
            badge = QueueBadge(text, wait >= 60)
            badge.setPos(*self.doc.to_scene(cp.lon, cp.lat))
            self.view.scene().addItem(badge)
            self.badges.append(badge)
        self.place_badges()

    def place_badges(self) -> None:
        """Put each queue badge on the first side of its checkpoint that covers no point label, symbol or
        badge placed before (the labels are placed first, :meth:`ElementLayer.declutter`)."""
        if not self.badges:
            return
        taken: list[QRectF] = []
        r = SYMBOL_R + 1
        for it in self.view.elements.items.values():
            if isinstance(it, PointItem):
                c = QPointF(self.view.mapFromScene(it.pos()))
                taken.append(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r))
                if it.shown:
                    taken.append(it.label_rect(it.side).translated(c))
        for badge in self.badges:
            c = QPointF(self.view.mapFromScene(badge.pos()))
            boxes = {side: badge.rect(side).translated(c) for side in badge.SIDES}
            side = next((s for s in badge.SIDES if not any(boxes[s].intersects(t) for t in taken)), "above")
            badge.set_side(side)
            taken.append(boxes[side])

    def highlight(self, convoy_id) -> None:
        """Emphasise the route of ``convoy_id`` and fade the others (``None``: all normal)."""
        self.highlighted = convoy_id
        found = any(convoy_id in r.convoys for r in self.routes) if convoy_id is not None else False
        for r in self.routes:
            r.emphasis = 0 if not found else (1 if convoy_id in r.convoys else -1)
            # the highlighted route takes the convoy's own colour, as in the table
            r.color = self.convoy_color[convoy_id] if r.emphasis > 0 else r.base_color
            r.setZValue(Z_ROUTES + (1 if r.emphasis > 0 else 0))
            r.update()

    def route_of(self, convoy_id):
        """The route item of a convoy, or ``None``."""
        return next((r for r in self.routes if convoy_id in r.convoys), None)


VARIANT_COLOR = QColor("#6a1b9a")  # a what-if variant's routes: purple, dashed
BASE_COLOR = QColor("#455a64")  # the base routes they are compared with


class VariantRouteItem(_PathItem):
    """A route of a what-if variant (dashed) or the base route it replaces (thin, solid), over the results."""

    def __init__(self, path: QPainterPath, key, dashed: bool):
        super().__init__(path, key, Z_ROUTES + (3 if dashed else 2))
        self.dashed = dashed

    def paint(self, p: QPainter, option, widget=None) -> None:
        p.setRenderHint(QPainter.Antialiasing, True)
        if self.dashed:
            casing = QPen(QColor(255, 255, 255, 220), 7.0)
            casing.setCosmetic(True)
            casing.setCapStyle(Qt.FlatCap)
            p.strokePath(self.path, casing)
            pen = QPen(VARIANT_COLOR, 4.0, Qt.CustomDashLine)
            pen.setDashPattern([2.5, 1.5])
        else:
            pen = QPen(BASE_COLOR, 2.5)
        pen.setCosmetic(True)
        pen.setCapStyle(Qt.FlatCap)
        pen.setJoinStyle(Qt.RoundJoin)
        p.strokePath(self.path, pen)


class VariantRoutesLayer:
    """A what-if variant's routes drawn dashed over the base's (``VariantsPanel.variantRoutes`` payload).

    Only pairs whose route differs from the base are drawn (the others lie on the
    base route): the base route thin and solid, the variant's dashed on top.
    ``caption`` says what is shown, for the map's legend.
    """

    def __init__(self, view):
        self.view = view
        self.doc = view.doc
        self.items: list[VariantRouteItem] = []
        self.variant = None
        self.caption = ""

    def clear(self) -> None:
        for item in self.items:
            self.view.scene().removeItem(item)
        self.items = []
        self.variant = None
        self.caption = ""

    def _path(self, route) -> QPainterPath | None:
        coords = getattr(route, "coords_lonlat", None)
        if coords is None or len(coords) < 2:
            return None
        path = QPainterPath()
        path.addPolygon(QPolygonF([QPointF(*self.doc.to_scene(float(lon), float(lat))) for lon, lat in coords]))
        return path

    def show(self, payload) -> None:
        """Draw ``payload`` = ``{"variant", "base", "routes", "changed"}`` (``None`` clears)."""
        self.clear()
        if not payload:
            return
        base = getattr(payload.get("base"), "routes", None) or {}
        routes = getattr(payload.get("routes"), "routes", None) or {}
        changed = {(c["pickup"], c["destination"]): c for c in payload.get("changed") or []}
        for key in changed:
            for source, dashed in ((base, False), (routes, True)):
                path = self._path(source.get(key)) if key in source else None
                if path is not None:
                    item = VariantRouteItem(path, key, dashed)
                    self.view.scene().addItem(item)
                    self.items.append(item)
        self.variant = payload.get("variant")
        n = len(changed)
        self.caption = (f"Variant “{self.variant}”: " +
                        (f"{n} route(s) changed — dashed: the variant's, solid grey: the base's" if n
                         else "same routes as the base"))
        self.view.viewport().update()

    def rect(self) -> QRectF:
        r = QRectF()
        for item in self.items:
            r = r.united(item.path.boundingRect())
        return r
