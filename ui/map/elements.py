"""Plan elements on the map: one item per element, kept in step with the document.

Each plan element is one item keyed by its id (:class:`ElementLayer`); items
observe the document through the layer (``elementAdded/Changed/Removed``,
``selectionChanged``) and rebuild their geometry from the model, which stays
the single source of truth. The items themselves are in :mod:`ui.map.points`
(symbols of constant pixel size) and :mod:`ui.map.shapes` (corridors, hazard
zones and closures, drawn in scene metres).

Hit-testing is done here in viewport pixels (:meth:`ElementLayer.item_at`),
so a thin line stays clickable when zoomed far out.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QCoreApplication, QPointF, QRectF
from PySide6.QtGui import QPainter

from ui.i18n import describe_element
from ui.icons import kind_of
from ui.map.points import DropPreview, ElementItem, PointItem
from ui.map.shapes import ClosureItem, CorridorItem, HazardItem
from ui.map.style import HANDLE_PX, NAME_SCALE, SYMBOL_R

# with the layer, the items that were imported from here before ui.map.points (results, tests)
__all__ = ["ITEM_TYPES", "DropPreview", "ElementLayer", "PointItem", "element_tooltip", "make_item"]


def element_tooltip(el) -> str:
    """What hovering an element on the map tells: its identity and main figures."""
    lines = [describe_element(el)]
    kind = kind_of(el)
    if kind == "pickup":
        p = el.people
        lines.append(
            QCoreApplication.translate(
                "MapElements",
                "{total} people: {general} general, {reduced} reduced mobility, {stretcher} stretcher; "
                "priority {priority}",
            ).format(
                total=p.total,
                general=p.general,
                reduced=p.reduced_mobility,
                stretcher=p.stretcher,
                priority=el.priority,
            )
        )
        if el.ready_time is not None:
            lines.append(
                QCoreApplication.translate("MapElements", "ready at {time}").format(time=f"{el.ready_time:%H:%M}")
            )
    elif kind == "destination":
        lines.append(
            QCoreApplication.translate("MapElements", "capacity unlimited")
            if el.capacity is None
            else QCoreApplication.translate("MapElements", "capacity {n} people").format(n=el.capacity)
        )
    elif kind == "depot":
        for v in el.vehicles:
            stretchers = (
                " " + QCoreApplication.translate("MapElements", "+ {n} stretchers").format(n=v.stretcher_places)
                if v.stretcher_places
                else ""
            )
            lines.append(
                QCoreApplication.translate(
                    "MapElements", "{count} × {type}, {seats} seats{stretchers}, {speed} km/h"
                ).format(count=v.count, type=v.type, seats=v.seats, stretchers=stretchers, speed=f"{v.max_speed_kph:g}")
            )
        if not el.vehicles:
            lines.append(QCoreApplication.translate("MapElements", "no vehicles"))
    elif kind == "checkpoint":
        hours = (
            QCoreApplication.translate("MapElements", "always open")
            if el.open_from is None and el.open_to is None
            else QCoreApplication.translate("MapElements", "open {start}–{end}").format(
                start=el.open_from or "00:00", end=el.open_to or "24:00"
            )
        )
        hold = (
            ", " + QCoreApplication.translate("MapElements", "hold {n} min").format(n=f"{el.hold_min:g}")
            if el.hold_min
            else ""
        )
        lines.append(
            QCoreApplication.translate("MapElements", "{n} min per vehicle, {lanes} lane(s), {hours}").format(
                n=f"{el.minutes_per_vehicle:g}", lanes=el.lanes, hours=hours
            )
            + hold
        )
    elif kind == "corridor":
        lines.append(
            QCoreApplication.translate("MapElements", "width {width} m, {direction}, {n} points").format(
                width=f"{el.width_m:g}",
                direction=QCoreApplication.translate("MapElements", "one-way")
                if el.oneway
                else QCoreApplication.translate("MapElements", "both directions"),
                n=len(el.line),
            )
        )
    elif kind == "hazard":
        lines.append(
            QCoreApplication.translate("MapElements", "blocked: no driving")
            if el.effect == "blocked"
            else QCoreApplication.translate("MapElements", "slow: speed × {factor}").format(
                factor=f"{el.speed_factor:g}"
            )
        )
    elif kind == "closure":
        lines.append(QCoreApplication.translate("MapElements", "{n} point(s) on the road").format(n=len(el.points)))
    return "\n".join(lines)


ITEM_TYPES = {
    "pickup": PointItem,
    "destination": PointItem,
    "depot": PointItem,
    "checkpoint": PointItem,
    "corridor": CorridorItem,
    "hazard": HazardItem,
    "closure": ClosureItem,
}


def make_item(doc, element) -> ElementItem:
    """The map item for a plan element."""
    return ITEM_TYPES[kind_of(element)](doc, element)


class ElementLayer:
    """All plan element items of a map view, kept in step with the document."""

    def __init__(self, view):
        self.view = view
        self.doc = view.doc
        self.items: dict[str, ElementItem] = {}

    @property
    def scene(self):
        return self.view.scene()

    def rebuild(self) -> None:
        for item in self.items.values():
            self.scene.removeItem(item)
        self.items.clear()
        for el in self.doc.plan.elements():
            self._add(el)
        self.select(self.doc.selection)
        self.declutter()

    def _add(self, el) -> None:
        item = make_item(self.doc, el)
        item.setToolTip(element_tooltip(el))
        if isinstance(item, PointItem):
            item.close = self.view.scale_px_per_m() >= NAME_SCALE
        self.scene.addItem(item)
        self.items[el.id] = item

    def add(self, element_id: str) -> None:
        el = self.doc.element(element_id)
        if el is None:
            return
        if element_id in self.items:
            self.remove(element_id)
        self._add(el)
        self.items[element_id].setSelected(element_id in self.doc.selection)
        self.declutter()

    def change(self, element_id: str) -> None:
        el, item = self.doc.element(element_id), self.items.get(element_id)
        if el is None or item is None:
            self.add(element_id)
            return
        item.sync(el)
        item.setToolTip(element_tooltip(el))
        self.view.results.update_badges()
        if isinstance(item, PointItem):
            self.declutter()

    def remove(self, element_id: str) -> None:
        item = self.items.pop(element_id, None)
        if item is not None:
            self.scene.removeItem(item)
            self.declutter()

    def zoomed(self, px_per_m: float) -> None:
        """Point labels show names from :data:`NAME_SCALE` px per metre; labels are re-placed."""
        close = px_per_m >= NAME_SCALE
        for item in self.items.values():
            if isinstance(item, PointItem) and item.close != close:
                item.close = close
                item.update()
        self.declutter()

    def declutter(self) -> None:
        """Place point labels right of their symbol, else left, else leave them out (the tooltip
        still says it all), so labels never cover each other or another symbol.

        Selected elements are placed first, then pickups, destinations, depots, checkpoints.
        """
        points = [it for it in self.items.values() if isinstance(it, PointItem)]
        centre = {it: QPointF(self.view.mapFromScene(it.pos())) for it in points}
        r = SYMBOL_R + 1
        symbols = {it: QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r) for it, c in centre.items()}
        placed: list[QRectF] = []
        inside = QRectF(self.view.viewport().rect()).adjusted(2, 2, -2, -2)
        legend = getattr(self.view, "legend_rect", QRectF())
        for it in sorted(points, key=lambda i: (not i.isSelected(), -i.zValue(), i.element_id)):
            # a label is never cut at the map's edge nor hidden under the legend: the other side, else a little
            # higher or lower (a checkpoint beside a depot kept no label at all), else none
            shift = min(it.LABEL_SHIFT_MAX, it.label_rect(1, 0.0).height() / 2 + 2)
            for dy, side in itertools.product((0.0, -shift, shift), (1, -1)):
                box = it.label_rect(side, dy).translated(centre[it])
                if inside.contains(centre[it]) and not (inside.contains(box) and not box.intersects(legend)):
                    continue
                if not any(box.intersects(p) for p in placed) and not any(
                    box.intersects(s) for o, s in symbols.items() if o is not it
                ):
                    it.set_label(side, True, dy)
                    placed.append(box)
                    break
            else:  # no room: only a selected element insists on its label
                it.set_label(1, it.isSelected())
                if it.isSelected():
                    placed.append(it.label_rect(1).translated(centre[it]))
        results = getattr(self.view, "results", None)
        if results is not None:  # queue badges make room for the labels
            results.place_badges()
        convoys = getattr(self.view, "convoy_layer", None)
        if convoys is not None:  # and standing convoy markers for both
            convoys.place()

    def select(self, ids) -> None:
        ids = set(ids)
        for eid, item in self.items.items():
            if item.isSelected() != (eid in ids):
                item.setSelected(eid in ids)
        self.declutter()

    def point_boxes(self) -> list[QRectF]:
        """Viewport-pixel boxes of every point symbol and shown label (what place names keep clear of)."""
        out = []
        r = SYMBOL_R + 2
        for it in self.items.values():
            if isinstance(it, PointItem):
                c = QPointF(self.view.mapFromScene(it.pos()))
                out.append(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r))
                if it.shown:
                    out.append(it.label_rect(it.side).translated(c))
        return out

    def anchor(self, element_id: str):
        """``(scene point, viewport-pixel box of the symbol)`` of a point element, or ``None``.

        What a badge or callout pointing at the element needs (the queue badges of the results layer).
        """
        it = self.items.get(element_id)
        if not isinstance(it, PointItem):
            return None
        c = QPointF(self.view.mapFromScene(it.pos()))
        r = SYMBOL_R + 1
        return it.pos(), QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r)

    def plan_rect(self) -> QRectF:
        rect = QRectF()
        for item in self.items.values():
            r = item.scene_rect()
            rect = r if rect.isNull() else rect.united(r)
        return rect

    def item_at(self, vpos: QPointF) -> ElementItem | None:
        """The top-most element under viewport point ``vpos`` (points before shapes)."""
        for item in sorted(self.items.values(), key=lambda it: -it.zValue()):
            if item.isVisible() and item.hit(self.view, vpos):
                return item
        return None

    def draw_on_top(self, painter: QPainter) -> None:
        """What goes over every element (the view's foreground): the waypoint handles of selected corridors."""
        for eid in self.doc.selection:
            item = self.items.get(eid)
            if isinstance(item, CorridorItem) and item.by_waypoints():
                item.draw_waypoint_handles(painter)

    def vertex_at(self, vpos: QPointF):
        """``(item, vertex index)`` of a selected shape's vertex under ``vpos``, or ``None``."""
        for eid in self.doc.selection:
            item = self.items.get(eid)
            if item is None or not item.vertices() or item.kind == "closure":
                continue
            for k, q in enumerate(item.vertices()):
                d = QPointF(self.view.mapFromScene(q)) - vpos
                if max(abs(d.x()), abs(d.y())) <= HANDLE_PX + 2:
                    return item, k
        return None
