"""Dragging a waypoint of a corridor drawn along the roads re-routes the legs next to it.

Real widgets (the main window, its map view), real mouse events on the viewport, the bundled
Neubrandenburg network, and the plan saved and opened again by the real writer and reader.
"""

import math

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from planner.corridor import leg_spans, snap_to_road
from planner.plan import haversine_m, load_plan, save_plan
from tests.ui.test_map import _on_network_edges
from ui.document import PlanDocument
from ui.map.style import HANDLE_PX
from ui.window.main import MainWindow

pytestmark = pytest.mark.gui

MainWindow.check_connectivity = False


def _close(w):
    if w.doc is not None:
        w.doc.mark_saved()
        w.variants.mark_saved()
    w.close()


@pytest.fixture
def window(qtbot, tmp_path, demo_plan, demo_net, monkeypatch):
    """The main window on a copy of the demo plan saved in ``tmp_path`` (so Ctrl+S writes there)."""
    monkeypatch.setenv("EVACPLAN_GUI_DEFAULT_LAYOUT", "1")
    path = tmp_path / "drill.evacplan.json"
    save_plan(demo_plan, path)
    w = MainWindow(PlanDocument(load_plan(path), demo_net, path))
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    QApplication.processEvents()
    w.map.fit_to_plan()
    QApplication.processEvents()
    yield w
    _close(w)


def _vp(view, lon, lat) -> QPoint:
    x, y = view.doc.network.to_projected(lon, lat)
    return view.mapFromScene(QPointF(float(x), -float(y)))


def _lonlat(view, pos: QPoint):
    s = view.mapToScene(pos)
    lon, lat = view.doc.network.to_wgs84(s.x(), -s.y())
    return float(lon), float(lat)


def _mouse(view, kind, pos, button, buttons, modifiers=Qt.NoModifier):
    ev = QMouseEvent(kind, QPointF(pos), QPointF(view.viewport().mapToGlobal(pos)), button, buttons, modifiers)
    QApplication.sendEvent(view.viewport(), ev)


def _drag(view, start: QPoint, end: QPoint, modifiers=Qt.NoModifier, steps=8):
    _mouse(view, QEvent.MouseButtonPress, start, Qt.LeftButton, Qt.LeftButton, modifiers)
    for k in range(1, steps + 1):
        _mouse(view, QEvent.MouseMove, start + (end - start) * (k / steps), Qt.NoButton, Qt.LeftButton, modifiers)
    _mouse(view, QEvent.MouseButtonRelease, end, Qt.LeftButton, Qt.NoButton, modifiers)


def _draw(view, clicks):
    """Draw a corridor along the roads with the corridor tool; returns it."""
    before = {c.id for c in view.doc.plan.corridors}
    view.set_tool("corridor")
    for p in clicks[:-1]:
        QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, p)
    QTest.mouseDClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, clicks[-1])
    view.set_tool("select")
    (cr,) = [c for c in view.doc.plan.corridors if c.id not in before]
    return cr


def _road_node_near(view, pos: QPoint, away_from):
    """Viewport point of the road node nearest ``pos`` that is not any of the nodes ``away_from``."""
    net = view.doc.network
    lon, lat = _lonlat(view, pos)
    x, y = net.to_projected(lon, lat)
    d = (net.node_x - float(x)) ** 2 + (net.node_y - float(y)) ** 2
    for node in d.argsort():
        if int(node) not in away_from:
            return int(node), _vp(view, float(net.node_lon[node]), float(net.node_lat[node]))
    raise AssertionError("no road node")


def _node_of(net, lonlat):
    return snap_to_road(net, *net.to_projected(*lonlat))


def _passes(net, line, node, tol_m=1.0):
    return min(haversine_m(float(net.node_lon[node]), float(net.node_lat[node]), *c) for c in line) < tol_m


def test_drag_the_middle_waypoint_after_save_and_reload_reroutes_both_legs(window):
    view, net = window.map, window.doc.network
    clicks = [QPoint(260, 520), QPoint(520, 360), QPoint(820, 260)]
    cr = _draw(view, clicks)
    assert len(cr.waypoints) == 3
    for (lon, lat), p in zip(cr.waypoints, clicks):
        assert haversine_m(lon, lat, *_lonlat(view, p)) < 1.0  # the clicks themselves

    # saved and opened again: the waypoints come back with the line
    assert window.save()
    assert window.open_path(window.doc.path)
    QApplication.processEvents()
    view, doc = window.map, window.doc
    cr = doc.element(cr.id)
    assert len(cr.waypoints) == 3 and len(cr.line) > 6
    old_line, old_waypoints = [tuple(c) for c in cr.line], [tuple(c) for c in cr.waypoints]
    assert leg_spans(doc.network, old_line, old_waypoints) is not None

    # selected, the corridor shows a handle at each waypoint (not at each of its many vertices)
    doc.set_selection([cr.id])
    QApplication.processEvents()
    item = view.elements.items[cr.id]
    assert len(item.vertices()) == 3
    start = _vp(view, *old_waypoints[1])
    hit = view.elements.vertex_at(QPointF(start))
    assert hit is not None and hit[0] is item and hit[1] == 1

    # drag the middle waypoint onto another road node, 120 px away
    old_nodes = {_node_of(net, w) for w in old_waypoints}
    node, end = _road_node_near(view, start + QPoint(90, 80), old_nodes)
    assert (end - start).manhattanLength() > 60
    depth = doc.undo_stack.count()
    _drag(view, start, end)
    new = doc.element(cr.id)
    assert doc.undo_stack.count() == depth + 1  # the whole drag is one undo step
    assert doc.undo_stack.undoText() == f"Move waypoint 2 of corridor {cr.id} {cr.name!r}"

    # the waypoint is where it was dropped, and the line goes through that road node along the roads
    assert haversine_m(*new.waypoints[1], *_lonlat(view, end)) < 1.0
    assert new.waypoints[0] == old_waypoints[0] and new.waypoints[2] == old_waypoints[2]
    assert _node_of(net, new.waypoints[1]) == node
    assert _passes(net, new.line, node)
    assert _on_network_edges(net, new.line)
    assert len(new.line) > 6 and [tuple(c) for c in new.line] != old_line
    # what lies outside the two legs next to it (here: the start and the end) is unchanged
    spans = leg_spans(net, old_line, old_waypoints)
    new_spans = leg_spans(net, new.line, new.waypoints)
    assert new_spans is not None
    assert [tuple(c) for c in new.line[: new_spans[0][1] + 1]] == old_line[: spans[0][1] + 1]
    assert [tuple(c) for c in new.line[new_spans[2][0] :]] == old_line[spans[2][0] :]
    assert item.vertices()[1] == QPointF(*doc.to_scene(*new.waypoints[1]))  # the handle moved too

    # undo gives back the old line and waypoints; redo the dragged ones
    dragged_line, dragged_waypoints = [tuple(c) for c in new.line], [tuple(c) for c in new.waypoints]
    doc.undo_stack.undo()
    cr = doc.element(cr.id)
    assert [tuple(c) for c in cr.line] == old_line and [tuple(c) for c in cr.waypoints] == old_waypoints
    doc.undo_stack.redo()
    cr = doc.element(cr.id)
    assert [tuple(c) for c in cr.line] == dragged_line and [tuple(c) for c in cr.waypoints] == dragged_waypoints


def test_legs_away_from_the_dragged_waypoint_stay_vertex_for_vertex_and_shift_drags_straight(window):
    view, doc, net = window.map, window.doc, window.doc.network
    clicks = [QPoint(240, 560), QPoint(460, 430), QPoint(700, 330), QPoint(960, 240)]
    cr = _draw(view, clicks)
    line, waypoints = [tuple(c) for c in cr.line], [tuple(c) for c in cr.waypoints]
    spans = leg_spans(net, line, waypoints)
    assert spans is not None and len(waypoints) == 4
    doc.set_selection([cr.id])
    QApplication.processEvents()

    # waypoint 1 dragged: legs 0 and 1 change, leg 2 (waypoint 2 to the end) is kept as it was
    start = _vp(view, *waypoints[1])
    node, end = _road_node_near(view, start + QPoint(-40, -90), {_node_of(net, w) for w in waypoints})
    _drag(view, start, end)
    new = doc.element(cr.id)
    new_spans = leg_spans(net, new.line, new.waypoints)
    assert [tuple(c) for c in new.line[new_spans[2][0] :]] == line[spans[2][0] :]
    assert len(line) - spans[2][0] > 3  # that leg is a real road route, not a point
    assert _on_network_edges(net, new.line) and _passes(net, new.line, node)
    doc.undo_stack.undo()
    assert [tuple(c) for c in doc.element(cr.id).line] == line

    # with Shift held, the two legs next to the waypoint are straight lines to where it is dropped
    end = start + QPoint(30, -70)
    _drag(view, start, end, Qt.ShiftModifier)
    new = doc.element(cr.id)
    dropped = _lonlat(view, end)
    assert haversine_m(*new.waypoints[1], *dropped) < 1.0
    at = [i for i, c in enumerate(new.line) if haversine_m(*c, *dropped) < 1.0]
    assert len(at) == 1  # the line goes through the dropped point itself, not a road node
    i = at[0]
    # straight: one segment each side, from the neighbouring waypoints (their clicks) to the dropped point
    assert haversine_m(*new.line[i - 1], *waypoints[0]) < 1.0
    assert haversine_m(*new.line[i + 1], *waypoints[2]) < 1.0
    assert [tuple(c) for c in new.line[i + 1 :]][1:] == line[spans[2][0] :]  # leg 2 kept, after its click
    doc.undo_stack.undo()
    assert [tuple(c) for c in doc.element(cr.id).line] == line


def test_double_click_adds_and_removes_a_waypoint(window):
    view, doc, net = window.map, window.doc, window.doc.network
    cr = _draw(view, [QPoint(260, 520), QPoint(820, 260)])
    line, waypoints = [tuple(c) for c in cr.line], [tuple(c) for c in cr.waypoints]
    assert len(waypoints) == 2
    doc.set_selection([cr.id])
    QApplication.processEvents()
    mid = _vp(view, *line[len(line) // 2])
    QTest.mouseDClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, mid)
    new = doc.element(cr.id)
    assert len(new.waypoints) == 3 and haversine_m(*new.waypoints[1], *_lonlat(view, mid)) < 1.0
    assert _on_network_edges(net, new.line)
    QTest.mouseDClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, _vp(view, *new.waypoints[1]))
    again = doc.element(cr.id)
    assert [tuple(c) for c in again.waypoints] == waypoints
    assert _on_network_edges(net, again.line)
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert [tuple(c) for c in doc.element(cr.id).line] == line


def test_a_corridor_without_waypoints_keeps_its_vertex_handles(window):
    view, doc = window.map, window.doc
    cr = doc.element("CR1")
    assert cr.waypoints == []  # the demo's corridor: from a file of format version 2
    doc.set_selection(["CR1"])
    QApplication.processEvents()
    assert len(view.elements.items["CR1"].vertices()) == len(cr.line)
    line = [tuple(c) for c in cr.line]
    k = len(line) // 2
    start = _vp(view, *line[k])
    _drag(view, start, start + QPoint(25, 30))
    new = doc.element("CR1")
    assert len(new.line) == len(line) and new.waypoints == []
    assert [tuple(c) for i, c in enumerate(new.line) if i != k] == [c for i, c in enumerate(line) if i != k]


def test_dragging_a_corridor_drawn_along_the_roads_moves_its_waypoints_with_it(window):
    view, doc = window.map, window.doc
    cr = _draw(view, [QPoint(260, 520), QPoint(520, 360), QPoint(820, 260)])
    line, waypoints = [tuple(c) for c in cr.line], [tuple(c) for c in cr.waypoints]
    doc.set_selection([cr.id])
    QApplication.processEvents()
    # grab the line between two waypoint handles, away from every handle
    grab = next(
        _vp(view, *c)
        for c in line[len(line) // 4 :]
        if all(
            math.dist((_vp(view, *c).x(), _vp(view, *c).y()), (_vp(view, *w).x(), _vp(view, *w).y())) > 4 * HANDLE_PX
            for w in waypoints
        )
    )
    assert view.elements.item_at(QPointF(grab)) is view.elements.items[cr.id]
    _drag(view, grab, grab + QPoint(40, 25))
    new = doc.element(cr.id)
    shift = view.mapToScene(grab + QPoint(40, 25)) - view.mapToScene(grab)
    for old, moved in zip(waypoints + line[:3], list(new.waypoints) + list(new.line[:3])):
        x, y = doc.to_scene(*old)
        assert haversine_m(*moved, *doc.from_scene(x + shift.x(), y + shift.y())) < 1.0
    doc.undo_stack.undo()
    cr = doc.element(cr.id)
    assert [tuple(c) for c in cr.line] == line and [tuple(c) for c in cr.waypoints] == waypoints
