"""Editing a corridor drawn along the roads by its waypoints (the points clicked when it was drawn).

A selected corridor that has waypoints shows a round handle at each; dragging
one re-routes the leg arriving at it and the leg leaving it on the road network
(:func:`planner.corridor.move_waypoint`), live as the mouse moves, and the whole
drag is one undo step that gives back the old line and waypoints. Shift held
while dragging makes those two legs straight, as Shift does while drawing.
Double-click a waypoint to remove it, or the line to add one there. A corridor
dragged as a whole takes its waypoints along; its line is then off the roads it
was routed on, so the next waypoint drag routes every leg again.
Corridors without waypoints (drawn straight, or from older files) keep their
vertex handles (:class:`ui.map.tools.SelectTool`).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from planner.corridor import insert_waypoint, move_waypoint, remove_waypoint
from ui.commands import PlanCommand  # the results kept for undo, as every plan command does
from ui.i18n import describe_element

_ROUTE_ID = 7302  # QUndoCommand.id() of CorridorRouteCommand, for mergeWith


class CorridorRouteCommand(PlanCommand):
    """Set a corridor's ``line`` and ``waypoints`` together (undo restores both).

    Like :class:`ui.commands.MoveElementCommand`, consecutive commands with the
    same ``merge_key`` (one drag) merge into one undo step. Coordinates are
    tuples of floats, shared rather than deep-copied: a drag pushes one command
    per mouse move, and a road-following line has hundreds of vertices.
    """

    def __init__(self, doc, element_id: str, line, waypoints, text: str, merge_key=None):
        element = doc.element(element_id)
        if element is None:
            raise KeyError(f"no element {element_id!r} in the plan")
        super().__init__(doc, text)
        self.element_id = element_id
        self.old = (_coords(element.line), _coords(element.waypoints))
        self.new = (_coords(line), _coords(waypoints))
        self.merge_key = merge_key

    def id(self):
        return _ROUTE_ID

    def mergeWith(self, other) -> bool:
        if not isinstance(other, CorridorRouteCommand) or other.element_id != self.element_id:
            return False
        if self.merge_key is None or self.merge_key != other.merge_key:
            return False
        self.new = other.new
        return True

    def _apply(self, values) -> None:
        element = self.doc.element(self.element_id)
        element.line, element.waypoints = list(values[0]), list(values[1])
        self.doc.elementChanged.emit(self.element_id)

    def redo(self):
        self._apply(self.new)
        self._stale()

    def undo(self):
        self._apply(self.old)
        self._restore_results()


def _coords(seq) -> tuple:
    return tuple((float(a), float(b)) for a, b in seq)


def usable_waypoints(waypoints) -> bool:
    """Whether a corridor's waypoints can be edited: two or more, every one a real (lon, lat).

    Bad ones (out of range, from a hand-edited file) are left to the Problems list.
    """
    try:
        return len(waypoints) >= 2 and all(
            math.isfinite(lon) and math.isfinite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90
            for lon, lat in waypoints
        )
    except (TypeError, ValueError):
        return False


def has_waypoints(doc, element_id: str) -> bool:
    """Whether the element is a corridor edited by its waypoints (it has them, and a network to route on)."""
    el = doc.element(element_id)
    return (
        doc.network is not None
        and getattr(el, "line", None) is not None
        and usable_waypoints(getattr(el, "waypoints", None) or [])
    )


def drag_start(doc, element_id: str, k: int) -> dict:
    """What a waypoint drag keeps from its start: the corridor's line and waypoints as they were."""
    el = doc.element(element_id)
    return {
        "mode": "waypoint",
        "id": element_id,
        "k": k,
        "line0": [tuple(c) for c in el.line],
        "waypoints0": [tuple(c) for c in el.waypoints],
    }


def drag_to(doc, drag: dict, lonlat, straight: bool, merge_key) -> None:
    """Waypoint ``drag["k"]`` at ``lonlat``: re-route the legs next to it from the line the drag started with."""
    el = doc.element(drag["id"])
    line = move_waypoint(doc.network, drag["line0"], drag["waypoints0"], drag["k"], lonlat, straight)
    waypoints = list(drag["waypoints0"])
    waypoints[drag["k"]] = (float(lonlat[0]), float(lonlat[1]))
    text = QCoreApplication.translate("MapTools", "Move waypoint {n} of {element}").format(
        n=drag["k"] + 1, element=describe_element(el)
    )
    doc.undo_stack.push(CorridorRouteCommand(doc, drag["id"], line.coords, waypoints, text, merge_key))


def translate(doc, element_id: str, line, waypoints, shift, merge_key) -> None:
    """The corridor dragged as a whole: its line and its waypoints move together by ``shift`` (scene metres)."""
    el = doc.element(element_id)
    dx, dy = shift

    def moved(coords):
        return [doc.from_scene(x + dx, y + dy) for x, y in (doc.to_scene(lon, lat) for lon, lat in coords)]

    text = QCoreApplication.translate("MapTools", "Move {element}").format(element=describe_element(el))
    doc.undo_stack.push(CorridorRouteCommand(doc, element_id, moved(line), moved(waypoints), text, merge_key))


def add_waypoint(doc, element_id: str, lonlat, straight: bool = False) -> bool:
    """A new waypoint at ``lonlat`` on the nearest leg, that leg re-routed through it (one undo step)."""
    el = doc.element(element_id)
    out = insert_waypoint(doc.network, el.line, el.waypoints, lonlat, straight)
    if out is None:
        return False
    line, waypoints, k = out
    text = QCoreApplication.translate("MapTools", "Add waypoint {n} to {element}").format(
        n=k + 1, element=describe_element(el)
    )
    doc.undo_stack.push(CorridorRouteCommand(doc, element_id, line.coords, waypoints, text))
    return True


def drop_waypoint(doc, element_id: str, k: int) -> bool:
    """Remove waypoint ``k``; its two legs become one road route (one undo step). False when two are left."""
    el = doc.element(element_id)
    out = remove_waypoint(doc.network, el.line, el.waypoints, k)
    if out is None:
        return False
    line, waypoints = out
    text = QCoreApplication.translate("MapTools", "Remove waypoint {n} of {element}").format(
        n=k + 1, element=describe_element(el)
    )
    doc.undo_stack.push(CorridorRouteCommand(doc, element_id, line.coords, waypoints, text))
    return True
