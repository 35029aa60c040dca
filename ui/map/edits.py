"""Plan edits shared by the map tools and the palette's drops, each an undo command.

New elements with a default id and name (:func:`make_element`, :func:`add_element_at`),
where a dropped or dragged element goes (a checkpoint onto a near corridor,
:func:`drop_spot`; the road node it snaps to, :func:`road_snap`), vertices
added and removed, the selection deleted. The tools that call these on mouse
and key events are in :mod:`ui.map.tools`.
"""

from __future__ import annotations

import itertools
import math

import shapely
from PySide6.QtCore import QCoreApplication, QPointF

from planner.plan import (
    Checkpoint,
    Corridor,
    Depot,
    Destination,
    HazardZone,
    Pickup,
    RoadClosure,
    new_id,
)
from ui.commands import AddElementCommand, MoveElementCommand, RemoveElementCommand, geometry_of
from ui.icons import POINT_KINDS
from ui.map.geometry import edge_lonlat, nearest_edge, polyline_dist

ELEMENT_CLASS = {
    "pickup": Pickup,
    "destination": Destination,
    "depot": Depot,
    "checkpoint": Checkpoint,
    "corridor": Corridor,
    "hazard": HazardZone,
    "closure": RoadClosure,
}
SHORT_LABEL = {
    "pickup": "Pickup",
    "destination": "Destination",
    "depot": "Depot",
    "checkpoint": "Checkpoint",
    "corridor": "Corridor",
    "hazard": "Hazard zone",
    "closure": "Closure",
}

SNAP_ROAD_PX = 18  # the closure tool takes roads within this many pixels of the click
CORRIDOR_SNAP_PX = 24  # a checkpoint dropped or dragged this close to a corridor goes onto it
DEFAULT_CORRIDOR_HALF_M = 250.0  # a corridor dropped from the palette: 500 m line, west to east
DEFAULT_HAZARD_HALF_M = 200.0  # a hazard zone dropped from the palette: 400 m square
_EDIT_KEYS = itertools.count()  # merge keys: each vertex edit and each drag is its own undo step


def merge_key() -> int:
    """A new undo merge key: the moves pushed with one key (one drag) are one undo step."""
    return next(_EDIT_KEYS)


def default_name(doc, kind: str) -> tuple[str, str]:
    """``(id, name)`` for a new element of ``kind``: the next free id and "Pickup P8"-style name."""
    eid = new_id(doc.plan, kind)
    return eid, f"{SHORT_LABEL[kind]} {eid}"


def closure_for_edge(doc, edge: int):
    """A RoadClosure along one network edge."""
    eid, name = default_name(doc, "closure")
    street = str(doc.network.edge_name[edge]) if doc.network is not None else ""
    return RoadClosure(eid, f"{name} ({street})" if street else name, edge_lonlat(doc.network, edge))


def make_element(doc, kind: str, scene_pt: QPointF, snap_m: float = math.inf):
    """A new element of ``kind`` at scene point ``scene_pt``, with a default id and name.

    Point kinds sit exactly at the point; a corridor is a short west-east line
    and a hazard zone a small square centred there; a closure closes the road
    nearest to it within ``snap_m`` metres (farther: a closure point where it was dropped).
    """
    x, y = scene_pt.x(), scene_pt.y()
    if kind == "closure" and doc.network is not None:
        hit = nearest_edge(doc.network, x, -y, snap_m)
        if hit is not None:
            return closure_for_edge(doc, hit[0])
    eid, name = default_name(doc, kind)
    cls = ELEMENT_CLASS[kind]
    if kind in POINT_KINDS:
        lon, lat = doc.from_scene(x, y)
        return cls(eid, name, lon, lat)
    if kind == "corridor":
        h = DEFAULT_CORRIDOR_HALF_M
        return Corridor(eid, name, [doc.from_scene(x - h, y), doc.from_scene(x + h, y)])
    if kind == "hazard":
        h = DEFAULT_HAZARD_HALF_M
        ring = [(x - h, y - h), (x + h, y - h), (x + h, y + h), (x - h, y + h)]
        return HazardZone(eid, name, [doc.from_scene(a, b) for a, b in ring])
    return RoadClosure(eid, name, [doc.from_scene(x, y)])


def push_new(doc, element) -> str:
    """Add ``element`` through the undo stack and select it; returns its id."""
    doc.undo_stack.push(AddElementCommand(doc, element))
    doc.set_selection([element.id])
    return element.id


def road_snap(doc, scene_pt: QPointF):
    """``(node scene point, distance m)`` of the road node a point at ``scene_pt`` snaps to (no network: None).

    The nearest node, as :func:`planner.plan.snap_plan` (and so ``evacplan check``) takes it.
    """
    net = doc.network
    if net is None:
        return None
    node, dist = net.nearest_nodes(scene_pt.x(), -scene_pt.y())
    return QPointF(float(net.node_x[node]), -float(net.node_y[node])), float(dist)


def corridor_spot(view, scene_pt: QPointF, max_px: float = CORRIDOR_SNAP_PX):
    """The nearest point of a corridor line within ``max_px`` viewport pixels of ``scene_pt``, or ``None``.

    Checkpoints stand on the corridor's road: dropped or dragged near one, they go onto it.
    """
    best, best_d = None, max_px / max(view.scale_px_per_m(), 1e-9)
    p = shapely.Point(scene_pt.x(), scene_pt.y())
    for c in view.doc.plan.corridors:
        if len(c.line) < 2:
            continue
        line = shapely.LineString([view.doc.to_scene(lon, lat) for lon, lat in c.line])
        d = line.distance(p)
        if d <= best_d:
            q = line.interpolate(line.project(p))
            best, best_d = QPointF(q.x, q.y), d
    return best


def drop_spot(view, kind: str, scene_pt: QPointF) -> QPointF:
    """Where an element of ``kind`` dropped or dragged to ``scene_pt`` goes: a checkpoint onto a near corridor."""
    if kind == "checkpoint":
        spot = corridor_spot(view, scene_pt)
        if spot is not None:
            return spot
    return scene_pt


def add_element_at(view, kind: str, scene_pt: QPointF) -> str:
    """Create an element of ``kind`` at a scene point (drop or click); returns its id."""
    snap_m = 3 * SNAP_ROAD_PX / max(view.scale_px_per_m(), 1e-9)
    return push_new(view.doc, make_element(view.doc, kind, drop_spot(view, kind, scene_pt), snap_m))


def insert_vertex(doc, element_id: str, scene_pt: QPointF) -> bool:
    """Insert a vertex into a corridor line or hazard polygon on the segment nearest ``scene_pt``
    (an undo command); returns False when the element has no segment."""
    el = doc.element(element_id)
    coords = list(geometry_of(el)) if el is not None and not hasattr(el, "lon") else []
    closed = getattr(el, "polygon", None) is not None
    pts = [QPointF(*doc.to_scene(*c)) for c in coords]
    segs = list(range(len(pts) - 1)) + ([len(pts) - 1] if closed and len(pts) > 2 and coords[0] != coords[-1] else [])
    if not segs:
        return False

    def dist(i):
        a, b = pts[i], pts[(i + 1) % len(pts)]
        return polyline_dist(scene_pt, [a, b])

    best = min(segs, key=dist)
    coords.insert(best + 1, doc.from_scene(scene_pt.x(), scene_pt.y()))
    doc.undo_stack.push(MoveElementCommand(doc, element_id, coords, merge_key=merge_key()))
    return True


def remove_vertex(doc, element_id: str, k: int) -> bool:
    """Remove vertex ``k`` of a corridor or hazard zone (an undo command), keeping the minimum
    of 2 (line) or 3 (polygon) points; returns whether it was removed."""
    el = doc.element(element_id)
    coords = list(geometry_of(el))
    polygon = getattr(el, "polygon", None) is not None
    closed = polygon and len(coords) > 3 and coords[0] == coords[-1]
    unique = coords[:-1] if closed else coords
    if len(unique) <= (3 if polygon else 2):
        return False
    del unique[k]
    doc.undo_stack.push(
        MoveElementCommand(doc, element_id, unique + ([unique[0]] if closed else []), merge_key=merge_key())
    )
    return True


def delete_selection(doc) -> int:
    """Remove every selected element (one undo step); returns how many."""
    ids = [i for i in doc.selection if doc.element(i) is not None]
    if not ids:
        return 0
    if len(ids) > 1:
        doc.undo_stack.beginMacro(QCoreApplication.translate("MapTools", "Delete {n} elements").format(n=len(ids)))
    for eid in ids:
        doc.undo_stack.push(RemoveElementCommand(doc, eid))
    if len(ids) > 1:
        doc.undo_stack.endMacro()
    return len(ids)
