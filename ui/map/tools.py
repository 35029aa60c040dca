"""Map tools: select/move, place a point element, draw a corridor or hazard zone, close a road.

A tool receives the map view's mouse and key events (``press``, ``move``,
``release``, ``double_click``, ``key``; each returns True when it handled the
event) and may draw a preview in ``draw_overlay``. Tools never change the plan
themselves: every edit is an undo command pushed on ``doc.undo_stack``, by the
functions of :mod:`ui.map.edits` (shared with the palette's drops) or of
:mod:`ui.map.waypoints`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF

from planner.corridor import corridor_line
from planner.plan import Corridor, HazardZone
from ui.commands import MoveElementCommand, geometry_of
from ui.icons import KIND_COLOR, POINT_KINDS, kind_of
from ui.map import waypoints
from ui.map.edits import (
    SNAP_ROAD_PX,
    add_element_at,
    closure_for_edge,
    default_name,
    delete_selection,
    drop_spot,
    insert_vertex,
    merge_key,
    push_new,
    remove_vertex,
    road_snap,
)
from ui.map.geometry import nearest_edge

# with the tools, the edits that were imported from here before ui.map.edits (the map view, tests)
__all__ = [
    "DRAG_START_PX",
    "SNAP_ROAD_PX",
    "ClosureTool",
    "PlaceTool",
    "SelectTool",
    "ShapeTool",
    "Tool",
    "add_element_at",
    "delete_selection",
    "drop_spot",
    "make_tools",
    "road_snap",
]

DRAG_START_PX = 4  # movement before a press becomes a drag


class Tool:
    """Base tool: ignores everything."""

    name = ""
    cursor = Qt.ArrowCursor

    def __init__(self, view):
        self.view = view
        self.doc = view.doc

    def scene_pos(self, event) -> QPointF:
        return self.view.scene_point(event.position())

    def activate(self) -> None:
        self.view.viewport().setCursor(self.cursor)

    def cancel(self) -> None:
        pass

    def press(self, event) -> bool:
        return False

    def move(self, event) -> bool:
        return False

    def release(self, event) -> bool:
        return False

    def double_click(self, event) -> bool:
        return False

    def key(self, event) -> bool:
        return False

    def draw_overlay(self, painter: QPainter) -> None:
        pass


class SelectTool(Tool):
    """Click to select (Ctrl toggles), drag elements to move them, drag a selected
    corridor's or hazard zone's vertex handles to reshape it (double-click an edge to add
    a vertex, a vertex to remove it), drag the empty map to pan.

    A corridor drawn along the roads shows its waypoints instead of its vertices:
    dragging one re-routes the legs next to it (Shift: straight), see :mod:`ui.map.waypoints`."""

    name = "select"

    def __init__(self, view):
        super().__init__(view)
        self._drag = None  # dict describing the drag in progress
        self._merge = 0

    def cancel(self) -> None:
        self._drag = None

    def press(self, event) -> bool:
        if event.button() != Qt.LeftButton:
            return event.button() == Qt.RightButton
        vpos = event.position()
        layer = self.view.elements
        ctrl = bool(event.modifiers() & (Qt.ControlModifier | Qt.ShiftModifier))
        vertex = layer.vertex_at(vpos)
        self._merge = merge_key()
        if vertex is not None:
            item, k = vertex
            if item.kind == "corridor" and waypoints.has_waypoints(self.doc, item.element_id):
                self._drag = {**waypoints.drag_start(self.doc, item.element_id, k), "from": vpos, "started": False}
                return True
            self._drag = {"mode": "vertex", "id": item.element_id, "k": k, "from": vpos, "started": False}
            return True
        item = layer.item_at(vpos)
        if item is None:
            if not ctrl:
                self.doc.set_selection([])
            self.view.start_pan(vpos)
            return True
        eid = item.element_id
        if ctrl:
            sel = list(self.doc.selection)
            self.doc.set_selection([i for i in sel if i != eid] if eid in sel else sel + [eid])
            self._drag = None
            return True
        if eid not in self.doc.selection:
            self.doc.set_selection([eid])
        self._drag = {
            "mode": "move",
            "id": eid,
            "from": vpos,
            "started": False,
            "geometry": geometry_of(self.doc.element(eid)),
            "waypoints": list(self.doc.element(eid).waypoints) if waypoints.has_waypoints(self.doc, eid) else None,
            "scene0": self.view.scene_point(vpos),
        }
        return True

    def move(self, event) -> bool:
        d = self._drag
        if d is None:
            self.view.viewport().setCursor(self._hover_cursor(event.position()))
            return False
        vpos = event.position()
        if not d["started"]:
            if (vpos - d["from"]).manhattanLength() < DRAG_START_PX:
                return True
            d["started"] = True
        el = self.doc.element(d["id"])
        if el is None:
            self._drag = None
            return True
        p = self.view.scene_point(vpos)
        if d["mode"] == "waypoint":
            straight = bool(event.modifiers() & Qt.ShiftModifier)
            waypoints.drag_to(self.doc, d, self.doc.from_scene(p.x(), p.y()), straight, self._merge)
            return True
        if d["mode"] == "move" and d.get("waypoints"):  # the line and its waypoints move together
            shift = (p.x() - d["scene0"].x(), p.y() - d["scene0"].y())
            waypoints.translate(self.doc, d["id"], d["geometry"], d["waypoints"], shift, self._merge)
            return True
        if d["mode"] == "vertex":
            coords = list(geometry_of(el))
            k = d["k"]
            closed = getattr(el, "polygon", None) is not None and len(coords) > 3 and coords[0] == coords[-1]
            coords[k] = self.doc.from_scene(p.x(), p.y())
            if closed and k == 0:
                coords[-1] = coords[0]
            new = coords
        else:
            g = d["geometry"]
            dx, dy = p.x() - d["scene0"].x(), p.y() - d["scene0"].y()
            if isinstance(g, tuple):
                x, y = self.doc.to_scene(*g)
                spot = drop_spot(self.view, kind_of(el), QPointF(x + dx, y + dy))
                new = self.doc.from_scene(spot.x(), spot.y())
            else:
                new = [self.doc.from_scene(x + dx, y + dy) for x, y in (self.doc.to_scene(*c) for c in g)]
        # one command per mouse move, merged into one undo step per drag
        self.doc.undo_stack.push(MoveElementCommand(self.doc, d["id"], new, merge_key=self._merge))
        return True

    def release(self, event) -> bool:
        if self._drag is None:
            return event.button() == Qt.RightButton
        self._drag = None
        return True

    def double_click(self, event) -> bool:
        """On a selected corridor or hazard zone: a vertex is removed, a point on an edge becomes a vertex."""
        if event.button() != Qt.LeftButton:
            return False
        self._drag = None
        vpos = event.position()
        vertex = self.view.elements.vertex_at(vpos)
        if vertex is not None:
            if waypoints.has_waypoints(self.doc, vertex[0].element_id):
                waypoints.drop_waypoint(self.doc, vertex[0].element_id, vertex[1])
            else:
                remove_vertex(self.doc, vertex[0].element_id, vertex[1])
            return True
        item = self.view.elements.item_at(vpos)
        if item is not None and item.kind in ("corridor", "hazard") and item.element_id in self.doc.selection:
            p = self.view.scene_point(vpos)
            if waypoints.has_waypoints(self.doc, item.element_id):
                waypoints.add_waypoint(self.doc, item.element_id, self.doc.from_scene(p.x(), p.y()))
            else:
                insert_vertex(self.doc, item.element_id, p)
        return True

    def _hover_cursor(self, vpos):
        if self.view.elements.vertex_at(vpos) is not None:
            return Qt.SizeAllCursor
        if self.view.elements.item_at(vpos) is not None:
            return Qt.PointingHandCursor
        return Qt.OpenHandCursor


class PlaceTool(Tool):
    """Click to place a point element (pickup, destination, depot or checkpoint)."""

    cursor = Qt.CrossCursor

    def __init__(self, view, kind):
        super().__init__(view)
        self.name = kind

    def press(self, event) -> bool:
        if event.button() != Qt.LeftButton:
            return False
        add_element_at(self.view, self.name, self.scene_pos(event))
        return True

    def release(self, event) -> bool:
        return True


class ShapeTool(Tool):
    """Draw a corridor (polyline) or hazard zone (polygon) by clicking vertices.

    A corridor follows the roads: each click is a start, waypoint or end, and the
    line is the fastest road route through them (:func:`planner.corridor.corridor_line`),
    shown while drawing; hold Shift while clicking for a straight leg to that point.
    Double-click or Enter ends (the double-click's point is the last vertex),
    Backspace removes the last vertex, Esc cancels. A rubber band shows the
    shape so far and the part to the cursor.
    """

    cursor = Qt.CrossCursor

    def __init__(self, view, kind):
        super().__init__(view)
        self.name = kind
        self.min_points = 2 if kind == "corridor" else 3
        self.points: list[QPointF] = []
        self.straight: list[bool] = []  # per click after the first: its leg is straight
        self.cursor_pt: QPointF | None = None
        self.cursor_straight = False

    def cancel(self) -> None:
        self.points = []
        self.straight = []
        self.cursor_pt = None
        self.view.viewport().update()

    def along_roads(self) -> bool:
        return self.name == "corridor" and self.doc.network is not None

    def _add(self, vpos, straight: bool = False) -> None:
        p = self.view.scene_point(vpos)
        if self.points:
            last = self.view.mapFromScene(self.points[-1])
            if (QPointF(last) - vpos).manhattanLength() <= 3:
                return  # the second press of a double-click
            self.straight.append(straight)
        self.points.append(p)
        self.view.viewport().update()

    def press(self, event) -> bool:
        if event.button() != Qt.LeftButton:
            return False
        self._add(event.position(), bool(event.modifiers() & Qt.ShiftModifier))
        return True

    def line_points(self, extra: QPointF | None = None, extra_straight: bool = False) -> list[QPointF]:
        """Scene points of the shape so far (plus ``extra``): the corridor along the roads."""
        pts = list(self.points) + ([extra] if extra is not None else [])
        if not self.along_roads() or len(pts) < 2:
            return pts
        flags = list(self.straight) + ([extra_straight] if extra is not None else [])
        line = corridor_line(self.doc.network, [self.doc.from_scene(q.x(), q.y()) for q in pts], flags)
        return [QPointF(*self.doc.to_scene(lon, lat)) for lon, lat in line.coords]

    def release(self, event) -> bool:
        return event.button() == Qt.LeftButton

    def move(self, event) -> bool:
        self.cursor_pt = self.scene_pos(event)
        self.cursor_straight = bool(event.modifiers() & Qt.ShiftModifier)
        if self.points:
            self.view.viewport().update()
        return False

    def double_click(self, event) -> bool:
        if event.button() != Qt.LeftButton:
            return False
        self._add(event.position(), bool(event.modifiers() & Qt.ShiftModifier))
        self.finish()
        return True

    def finish(self):
        """Create the element from the clicked vertices (too few: keep drawing). Returns its id or None."""
        if len(self.points) < self.min_points:
            return None
        eid, name = default_name(self.doc, self.name)
        coords = [self.doc.from_scene(p.x(), p.y()) for p in self.line_points()]
        if self.name == "corridor":
            # the clicks are kept when some leg follows the roads, so a waypoint can be dragged later
            roads = self.along_roads() and not all(self.straight)
            clicks = [self.doc.from_scene(p.x(), p.y()) for p in self.points] if roads else []
            el = Corridor(eid, name, coords, waypoints=clicks)
        else:
            el = HazardZone(eid, name, coords)
        self.cancel()
        return push_new(self.doc, el)

    def key(self, event) -> bool:
        k = event.key()
        if k == Qt.Key_Escape and self.points:
            self.cancel()
            return True
        if k in (Qt.Key_Return, Qt.Key_Enter):
            self.finish()
            return True
        if k == Qt.Key_Backspace and self.points:
            self.points.pop()
            if self.straight:
                self.straight.pop()
            self.view.viewport().update()
            return True
        return False

    def draw_overlay(self, painter: QPainter) -> None:
        if not self.points:
            return
        pts = self.line_points(self.cursor_pt, self.cursor_straight)
        color = KIND_COLOR[self.name]
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing, True)
        if self.name == "hazard" and len(pts) > 2:
            fill = QColor(color)
            fill.setAlpha(40)
            painter.setPen(Qt.NoPen)
            painter.setBrush(fill)
            painter.drawPolygon(QPolygonF(pts))
        path = QPainterPath()
        path.addPolygon(QPolygonF(pts + ([pts[0]] if self.name == "hazard" and len(pts) > 2 else [])))
        pen = QPen(color, 3, Qt.DashLine)
        pen.setCosmetic(True)
        painter.setBrush(Qt.NoBrush)
        painter.setPen(pen)
        painter.drawPath(path)
        tr = painter.worldTransform()
        painter.resetTransform()
        painter.setPen(QPen(color.darker(150), 1.5))
        painter.setBrush(QColor("white"))
        for q in self.points:
            c = tr.map(q)
            painter.drawRect(QRectF(c.x() - 4, c.y() - 4, 8, 8))
        painter.restore()


class ClosureTool(Tool):
    """Click a road to close it: a RoadClosure along the clicked edge. The road under the cursor is highlighted."""

    name = "closure"
    cursor = Qt.CrossCursor

    def __init__(self, view):
        super().__init__(view)
        self.hover_edge = None

    def cancel(self) -> None:
        self.hover_edge = None

    def edge_at(self, vpos):
        """Index of the road edge within :data:`SNAP_ROAD_PX` of viewport point ``vpos``, or None."""
        net = self.doc.network
        if net is None:
            return None
        p = self.view.scene_point(vpos)
        hit = nearest_edge(net, p.x(), -p.y(), SNAP_ROAD_PX / max(self.view.scale_px_per_m(), 1e-9))
        return None if hit is None else hit[0]

    def press(self, event) -> bool:
        if event.button() != Qt.LeftButton:
            return False
        edge = self.edge_at(event.position())
        if edge is not None:
            push_new(self.doc, closure_for_edge(self.doc, edge))
        elif self.doc.network is None:
            self.view.hint.emit(
                QCoreApplication.translate(
                    "MapTools", "Close road: the plan's road network is not loaded, there is no road to close."
                )
            )
        else:
            self.view.hint.emit(
                QCoreApplication.translate(
                    "MapTools",
                    "Close road: no road within {n} px of the click — click on a road (zoom in for small streets).",
                ).format(n=SNAP_ROAD_PX)
            )
        return True

    def release(self, event) -> bool:
        return True

    def move(self, event) -> bool:
        edge = self.edge_at(event.position())
        if edge != self.hover_edge:
            self.hover_edge = edge
            self.view.viewport().update()
        return False

    def draw_overlay(self, painter: QPainter) -> None:
        if self.hover_edge is None or self.doc.network is None:
            return
        xy = self.doc.network.edge_coords(self.hover_edge)
        path = QPainterPath()
        path.addPolygon(QPolygonF([QPointF(x, -y) for x, y in xy]))
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing, True)
        pen = QPen(QColor(213, 0, 0, 150), 9)
        pen.setCosmetic(True)
        pen.setCapStyle(Qt.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.NoBrush)
        painter.drawPath(path)
        painter.restore()


def make_tools(view) -> dict:
    """Every tool of a map view, by name."""
    tools = {"select": SelectTool(view)}
    for kind in POINT_KINDS:
        tools[kind] = PlaceTool(view, kind)
    tools["corridor"] = ShapeTool(view, "corridor")
    tools["hazard"] = ShapeTool(view, "hazard")
    tools["closure"] = ClosureTool(view)
    return tools
