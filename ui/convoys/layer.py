"""Convoy positions on the map at the time slider's time.

Each convoy round that is on its way at that time is a marker in its colour:
on the road at its interpolated position along its route, at the assembly
point where it boards, in the queue or in service at a checkpoint (queued
convoys stack beside the checkpoint in queue order), halted, or unloading. The
positions come from :func:`planner.schedule.timeline.convoy_position_at`;
this module only draws them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from planner.schedule.timeline import (
    convoy_position_at,
    convoy_track,
    count_states,
    osm_node_xy,
    plan_places_xy,
)
from ui.convoys.common import (
    convoy_colour,
    element_name,
    fmt_time,
    schedule_of,
    state_label,
)

Z_CONVOYS = 60  # above the queue badges, below the drop preview

# Marker outline by state: what the convoy is doing at a glance.
STATE_PEN = {
    "driving": QColor("#ffffff"),
    "boarding": QColor("#e8a33d"),
    "queued": QColor("#d62728"),
    "checked": QColor("#1f2328"),
    "halted": QColor("#6c7a96"),
    "unloading": QColor("#2da44e"),
    "forming": QColor("#ffffff"),
}
# A glyph after the convoy id for the stationary states.
STATE_GLYPH = {"boarding": "▲", "queued": "…", "checked": "✓", "halted": "■", "unloading": "▼"}


class ConvoyMarker(QGraphicsItem):
    """A convoy round on the map: a pill in its colour with its id, outlined by its state."""

    def __init__(self, convoy_id: str):
        super().__init__()
        self.convoy = convoy_id
        self.state = "driving"
        self.heading = None  # unit vector of travel on the road, or None
        self.offset = QPointF(0, 0)  # px, stacks convoys standing at one place
        self.setFlag(QGraphicsItem.ItemIgnoresTransformations, True)
        self.setZValue(Z_CONVOYS)
        self.setAcceptHoverEvents(True)
        self.setAcceptedMouseButtons(Qt.NoButton)
        self._font = QFont()
        self._font.setPointSizeF(8.0)
        self._font.setBold(True)

    def text(self, state: str | None = None) -> str:
        """The pill's text in ``state`` (its own by default): the convoy id and the state's glyph."""
        glyph = STATE_GLYPH.get(self.state if state is None else state)
        return f"{self.convoy} {glyph}" if glyph else self.convoy

    def _rect(self) -> QRectF:
        return self.rect_at(self.state, self.offset)

    def rect_at(self, state: str, offset: QPointF) -> QRectF:
        """Device-pixel box of the pill in ``state`` at ``offset`` from its place."""
        fm = QFontMetricsF(self._font)
        w, h = fm.horizontalAdvance(self.text(state)) + 10, fm.height() + 3
        return QRectF(offset.x() - w / 2, offset.y() - h / 2, w, h)

    def set_state(self, state: str, offset: QPointF) -> None:
        if state != self.state or offset != self.offset:
            self.prepareGeometryChange()
            self.state, self.offset = state, offset
        self.update()

    def boundingRect(self) -> QRectF:
        r = self._rect()
        return r.united(QRectF(-4, -4, 8, 8)).adjusted(-3, -3, 3, 3)

    def paint(self, p: QPainter, option, widget=None) -> None:
        p.setRenderHint(QPainter.Antialiasing, True)
        colour = convoy_colour(self.convoy)
        rect = self._rect()
        if not self.offset.isNull():  # a thin leader from the stacked pill to the place
            p.setPen(QPen(QColor("#57606a"), 1))
            p.drawLine(QPointF(0, 0), rect.center())
            p.setBrush(QColor("#57606a"))
            p.drawEllipse(QPointF(0, 0), 2.5, 2.5)
        p.setPen(QPen(STATE_PEN.get(self.state, QColor("white")), 2.2))
        p.setBrush(colour)
        p.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        p.setFont(self._font)
        p.setPen(QColor("white"))
        p.drawText(rect, Qt.AlignCenter, self.text())


class ConvoyPositionsLayer:
    """Markers of the convoy rounds at one time, from ``doc.results.schedule`` on ``view``'s scene.

    Call :meth:`rebuild` when the results change (it lays every round on its
    route once) and :meth:`set_time` when the time changes.
    """

    STACK_PX = 20  # vertical spacing of convoys standing at the same place

    def __init__(self, view):
        self.view = view
        self.doc = view.doc
        self.tracks: list = []
        self.markers: dict[str, ConvoyMarker] = {}
        self.positions: list = []
        self.time = None
        self.visible = True
        view.convoy_layer = self  # the map re-places the markers when its labels move

    def clear(self) -> None:
        for m in self.markers.values():
            if m.scene() is not None:
                m.scene().removeItem(m)
        self.tracks, self.markers, self.positions = [], {}, []

    def rebuild(self) -> None:
        self.clear()
        s = schedule_of(self.doc)
        if s is None:
            return
        net = self.doc.network
        node_xy = osm_node_xy(net) if net is not None and hasattr(net, "enode_osmid") else {}

        def to_xy(lon, lat):  # the scene is projected metres with y flipped
            x, y = self.doc.to_scene(lon, lat)
            return x, -y

        places = plan_places_xy(self.doc.plan, to_xy)
        self.tracks = [convoy_track(c, node_xy, places) for c in s.convoys]
        for c in s.convoys:
            m = ConvoyMarker(c.id)
            m.setVisible(False)
            self.view.scene().addItem(m)
            self.markers[c.id] = m
        if self.time is not None:
            self.set_time(self.time)

    def set_visible(self, on: bool) -> None:
        self.visible = on
        self.set_time(self.time)

    def set_time(self, t) -> None:
        """Place every marker at time ``t`` (``None`` hides them all)."""
        self.time = t
        if t is None or not self.tracks:
            for m in self.markers.values():
                m.setVisible(False)
            self.positions = []
            return
        self.positions = [convoy_position_at(tr, t) for tr in self.tracks]
        self.place()

    def place(self) -> None:
        """Put the markers of :attr:`positions` on the map: on the road where they are; at a place, the
        convoy in service on its symbol and the queue beside it in order of arrival, each where it hides
        no point label or badge, queue badge or other marker (the map calls this again after its labels
        moved, :meth:`ui.map.elements.ElementLayer.declutter`)."""
        t = self.time
        if t is None:
            return
        obstacles = self._obstacles()
        stacked: dict = {}
        # at one place: the convoy in service first (on the checkpoint), then the queue in order of arrival
        order = sorted(self.positions, key=lambda q: (q.state != "checked", q.since or t, q.convoy))
        for pos in order:
            m = self.markers[pos.convoy]
            if not pos.active or pos.xy is None or not self.visible:
                m.setVisible(False)
                continue
            x, y = pos.xy
            m.setPos(x, -y)
            if pos.state == "driving":
                offset = QPointF(0, 0)
            else:
                key = (pos.place, pos.state in ("queued", "checked", "boarding", "halted", "unloading"))
                k = stacked.get(key, 0)
                stacked[key] = k + 1
                offset = self._free_offset(m, pos.state, k, self._label_side(pos.place), obstacles)
                obstacles.append(m.rect_at(pos.state, offset).translated(QPointF(self.view.mapFromScene(m.pos()))))
            m.set_state(pos.state, offset)
            m.setToolTip(self.describe(pos))
            m.setVisible(True)

    def _obstacles(self) -> list[QRectF]:
        """Viewport-pixel boxes a standing marker keeps clear of: the shown point labels with their badges
        and the queue badges (not the symbols: a marker stands on its own place's symbol)."""
        out: list[QRectF] = []
        elements = getattr(self.view, "elements", None)
        for it in getattr(elements, "items", {}).values():
            if getattr(it, "shown", False) and hasattr(it, "label_rect"):
                out.append(it.label_rect(it.side).translated(QPointF(self.view.mapFromScene(it.pos()))))
        results = getattr(self.view, "results", None)
        for badge in getattr(results, "badges", []):
            if badge.isVisible():
                out.append(badge.rect().translated(QPointF(self.view.mapFromScene(badge.pos()))))
        return out

    def _label_side(self, place) -> int:
        """The side (1 right, -1 left) of the place's label on the map (1 when it has none)."""
        elements = getattr(self.view, "elements", None)
        it = getattr(elements, "items", {}).get(place)
        return getattr(it, "side", 1) if getattr(it, "shown", False) else 1

    def _free_offset(self, marker, state: str, k: int, side: int, obstacles: list[QRectF]) -> QPointF:
        """The first offset from its place where ``marker`` covers none of ``obstacles``: on the place for the
        first convoy there, then slots stacked beside it, first on the side away from the label."""
        at = QPointF(self.view.mapFromScene(marker.pos()))
        slots = [QPointF(0, 0)] if k == 0 else []
        for j in range(1, 7):
            for sx, sy in ((-side, -1), (-side, 1), (side, -1), (side, 1)):
                slots.append(QPointF(sx * 26, sy * (self.STACK_PX * j - 10)))
            slots += [QPointF(0, -self.STACK_PX * j - 4), QPointF(0, self.STACK_PX * j + 4)]
        for off in slots:
            box = marker.rect_at(state, off).translated(at)
            if not any(box.intersects(o) for o in obstacles):
                return off
        return slots[0]  # no room anywhere near: the tooltip still says it all

    def describe(self, pos) -> str:
        """One convoy's position in words (the marker's tooltip)."""
        s = schedule_of(self.doc)
        day0 = s.window_start.date() if s is not None else None
        c = s.convoy(pos.convoy) if s is not None else None
        head = pos.convoy
        if c is not None:
            head = QCoreApplication.translate("ConvoyLayer", "{convoy} · {n} vehicles · {people} people").format(
                convoy=c.id, n=c.size, people=c.people
            )
        what = state_label(pos.state)
        if pos.state == "driving":
            what += " " + QCoreApplication.translate("ConvoyLayer", "from {a} to {b}").format(
                a=element_name(self.doc, pos.place), b=element_name(self.doc, pos.next_place)
            )
        elif pos.place:
            what += f": {element_name(self.doc, pos.place)}"
        if pos.until is not None:
            what += " " + QCoreApplication.translate("ConvoyLayer", "until {t}").format(t=fmt_time(pos.until, day0))
        return f"{head}\n{what}"

    def summary(self) -> str:
        """What the convoys are doing at this time, for the slider's status line."""
        if not self.positions:
            return ""
        n = count_states(self.positions)
        parts = [
            QCoreApplication.translate("ConvoyLayer", "{n} on the road").format(n=n["driving"]),
            QCoreApplication.translate("ConvoyLayer", "{n} boarding").format(n=n["boarding"]),
            QCoreApplication.translate("ConvoyLayer", "{n} at checkpoints").format(n=n["queued"] + n["checked"]),
            QCoreApplication.translate("ConvoyLayer", "{n} done").format(n=n["done"]),
        ]
        # every round is counted somewhere: before the first departure all are still forming up (the line read
        # "0 on the road · 0 boarding · 0 at checkpoints · 0 done" for three convoys)
        if n["halted"]:
            parts.insert(3, QCoreApplication.translate("ConvoyLayer", "{n} halted").format(n=n["halted"]))
        if n["unloading"]:
            parts.insert(-1, QCoreApplication.translate("ConvoyLayer", "{n} unloading").format(n=n["unloading"]))
        if n["forming"]:
            parts.insert(0, QCoreApplication.translate("ConvoyLayer", "{n} forming up").format(n=n["forming"]))
        return " · ".join(parts)

    def highlight(self, convoy_id) -> None:
        """Bring ``convoy_id``'s marker to the front and fade the others (``None`` or ``""``: all equal)."""
        for cid, m in self.markers.items():
            m.setOpacity(1.0 if not convoy_id or cid == convoy_id else 0.35)
            m.setZValue(Z_CONVOYS + (1 if cid == convoy_id else 0))

    def marker_scene_pos(self, convoy_id):
        m = self.markers.get(convoy_id)
        return None if m is None or not m.isVisible() else m.pos()
