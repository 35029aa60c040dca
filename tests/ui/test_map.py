"""The map view with real widgets (offscreen), the real demo network and the demo plan.

Mouse and drag-and-drop events are sent to the view's viewport, as a user's would be.
"""

import math

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from planner.plan import Checkpoint, Corridor, Pickup, RoadClosure, haversine_m
from tests.ui.conftest import VIEW_SIZE

W, H = VIEW_SIZE  # the view fixture's (tests/ui/conftest.py)

pytestmark = pytest.mark.gui


def lonlat_of_viewport(view, pos: QPoint):
    """WGS84 of a viewport pixel, through the network's own projection (not the view's helpers)."""
    s = view.mapToScene(pos)
    lon, lat = view.doc.network.to_wgs84(s.x(), -s.y())
    return float(lon), float(lat)


def viewport_pos(view, lon, lat) -> QPoint:
    x, y = view.doc.network.to_projected(lon, lat)
    return view.mapFromScene(QPointF(float(x), -float(y)))


def send_mouse(view, kind, pos, button=Qt.LeftButton, buttons=None):
    """A mouse event on the viewport (QTest.mouseMove cannot carry a held button)."""
    buttons = button if buttons is None else buttons
    ev = QMouseEvent(kind, QPointF(pos), QPointF(view.viewport().mapToGlobal(pos)), button, buttons, Qt.NoModifier)
    QApplication.sendEvent(view.viewport(), ev)


def drag(view, start: QPoint, end: QPoint, steps=6):
    send_mouse(view, QEvent.MouseButtonPress, start)
    for k in range(1, steps + 1):
        p = start + (end - start) * (k / steps)
        send_mouse(view, QEvent.MouseMove, p, Qt.NoButton, Qt.LeftButton)
    send_mouse(view, QEvent.MouseButtonRelease, end, Qt.LeftButton, Qt.NoButton)


# ---------------------------------------------------------------- roads


def test_roads_drawn_once_per_road(demo_net):
    from ui.map.geometry import drawn_edges

    kept = drawn_edges(demo_net)
    n = demo_net.n_nodes
    u, v = demo_net.edge_u.astype(np.int64), demo_net.edge_v.astype(np.int64)
    pairs = set((u[kept] * n + v[kept]).tolist())
    # a kept two-way road never has its reverse twin kept as well (loops aside)
    twins = [i for i in kept if u[i] != v[i] and (v[i] * n + u[i]) in pairs]
    assert twins == []
    # and every directed edge is drawn, itself or through its twin
    drawn = pairs | set((v[kept] * n + u[kept]).tolist())
    assert set((u * n + v).tolist()) <= drawn
    assert len(kept) < 0.6 * demo_net.n_edges  # most roads are two-way


def test_rendered_map_is_not_blank(view):
    view.fit_to_network()
    img = view.viewport().grab().toImage()
    arr = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())[:, : img.width() * 4]
    grey = arr.reshape(img.height(), img.width(), 4)[..., :3].mean(axis=2)
    assert grey.std() > 8  # roads and symbols on the land colour
    # at least a few percent of the pixels differ from the background
    assert (np.abs(grey - np.median(grey)) > 20).mean() > 0.01


def test_zoom_and_fit(view):
    view.fit_to_network()
    s_net = view.scale_px_per_m()
    rect = view.network_rect()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(rect.center())
    assert visible.width() >= rect.width() or visible.height() >= rect.height()
    # the wheel zooms around the cursor: the scene point under it stays put
    pos = QPoint(200, 150)
    before = view.mapToScene(pos)
    QTest.mouseMove(view.viewport(), pos)
    from PySide6.QtGui import QWheelEvent

    ev = QWheelEvent(
        QPointF(pos),
        QPointF(view.viewport().mapToGlobal(pos)),
        QPoint(),
        QPoint(0, 120),
        Qt.NoButton,
        Qt.NoModifier,
        Qt.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), ev)
    assert view.scale_px_per_m() == pytest.approx(s_net * 1.25)
    after = view.mapToScene(pos)
    assert math.hypot(after.x() - before.x(), after.y() - before.y()) < 2 / view.scale_px_per_m()


# ---------------------------------------------------------------- drag and drop


def test_drop_pickup_from_palette(view, qtbot):
    from ui.palette import Palette

    palette = Palette()
    qtbot.addWidget(palette)
    doc = view.doc
    n_before = len(doc.plan.pickups)
    mime = palette.mimeData([palette.item_for("pickup")])
    pos = QPoint(W // 2 + 37, H // 2 - 41)
    vp = view.viewport()
    enter = QDragEnterEvent(pos, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(vp, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(pos, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(vp, move)
    assert view._drop_preview is not None  # the faded symbol follows the cursor
    drop = QDropEvent(QPointF(pos), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(vp, drop)
    assert view._drop_preview is None
    assert len(doc.plan.pickups) == n_before + 1
    new = doc.plan.pickups[-1]
    assert isinstance(new, Pickup) and new.id == "P8" and new.name == "Pickup P8"
    lon, lat = lonlat_of_viewport(view, pos)
    assert haversine_m(new.lon, new.lat, lon, lat) < 1.0
    assert doc.selection == ["P8"]
    assert "P8" in view.elements.items
    doc.undo_stack.undo()
    assert doc.element("P8") is None and "P8" not in view.elements.items


def test_drop_ignores_foreign_mime(view):
    from PySide6.QtCore import QMimeData

    md = QMimeData()
    md.setText("pickup")
    enter = QDragEnterEvent(QPoint(10, 10), Qt.CopyAction, md, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(view.viewport(), enter)
    assert not enter.isAccepted()


# ---------------------------------------------------------------- drawing and editing


def test_draw_corridor_by_clicks_with_shift_is_straight(view):
    doc = view.doc
    view.set_tool("corridor")
    clicks = [QPoint(150, 420), QPoint(300, 300), QPoint(480, 330)]
    last = QPoint(650, 180)
    for p in clicks:
        QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.ShiftModifier, p)
    QTest.mouseDClick(view.viewport(), Qt.LeftButton, Qt.ShiftModifier, last)
    corridors = [c for c in doc.plan.corridors if c.id not in ("CR1", "CR2")]
    assert len(corridors) == 1
    cr = corridors[0]
    assert isinstance(cr, Corridor) and cr.id == "CR3"
    expected = [lonlat_of_viewport(view, p) for p in clicks + [last]]
    assert len(cr.line) == len(expected)
    for (lon, lat), (elon, elat) in zip(cr.line, expected):
        assert haversine_m(lon, lat, elon, elat) < 1.0
    before = [tuple(c) for c in cr.line]
    doc.undo_stack.undo()
    assert doc.element("CR3") is None
    doc.undo_stack.redo()
    assert [tuple(c) for c in doc.element("CR3").line] == before


def _on_network_edges(net, coords, tol_m=0.5):
    """Whether every segment of a WGS84 polyline lies on a network edge (its middle within ``tol_m``)."""
    import shapely

    from planner.edgegeom import edge_lines

    lines = edge_lines(net)
    tree = shapely.STRtree(lines)
    x, y = net.to_projected(np.array([c[0] for c in coords]), np.array([c[1] for c in coords]))
    for k in range(len(coords) - 1):
        a, b = shapely.Point(x[k], y[k]), shapely.Point(x[k + 1], y[k + 1])
        mid = shapely.Point((x[k] + x[k + 1]) / 2, (y[k] + y[k + 1]) / 2)
        near = tree.query(mid, predicate="dwithin", distance=tol_m)
        if not any(lines[e].distance(a) < tol_m and lines[e].distance(b) < tol_m for e in near):
            return False
    return True


def test_corridor_drawn_with_three_clicks_follows_the_roads(view):
    doc, net = view.doc, view.doc.network
    view.set_tool("corridor")
    start, middle, end = QPoint(220, 420), QPoint(420, 300), QPoint(640, 200)
    QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, start)
    QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, middle)
    QTest.mouseMove(view.viewport(), end)  # the preview follows the roads to the cursor
    preview = view.tool.line_points(view.tool.cursor_pt)
    assert len(preview) > 3
    QTest.mouseDClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, end)
    (cr,) = [c for c in doc.plan.corridors if c.id not in ("CR1", "CR2")]
    assert len(cr.line) > 6  # many vertices: the roads' own, not the three clicks
    assert _on_network_edges(net, cr.line)
    straight = sum(haversine_m(*a, *b) for a, b in zip(cr.line[:-1], cr.line[1:]))
    clicked = [lonlat_of_viewport(view, p) for p in (start, middle, end)]
    assert straight >= haversine_m(*clicked[0], *clicked[1]) + haversine_m(*clicked[1], *clicked[2]) - 200
    from planner.corridor import snap_to_road

    for lon, lat in clicked:  # it passes through the road node each click snaps to
        node = snap_to_road(net, *net.to_projected(lon, lat))
        assert min(haversine_m(net.node_lon[node], net.node_lat[node], *c) for c in cr.line) < 1.0
    doc.undo_stack.undo()
    assert doc.element(cr.id) is None


def test_escape_cancels_drawing(view):
    doc = view.doc
    n = len(doc.plan.hazards)
    view.set_tool("hazard")
    for p in (QPoint(100, 100), QPoint(200, 100), QPoint(200, 200)):
        QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, p)
    assert len(view.tool.points) == 3
    QTest.keyClick(view.viewport(), Qt.Key_Escape)
    assert view.tool.points == [] and len(doc.plan.hazards) == n
    # a hazard polygon drawn the same way, ended with a double-click
    for p in (QPoint(100, 100), QPoint(200, 100)):
        QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, p)
    QTest.mouseDClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, QPoint(160, 220))
    assert len(doc.plan.hazards) == n + 1 and len(doc.plan.hazards[-1].polygon) == 3


def test_move_checkpoint_by_drag(view):
    doc = view.doc
    view.set_tool("select")
    cp = doc.element("CP2")
    old = (cp.lon, cp.lat)
    start = viewport_pos(view, cp.lon, cp.lat)
    end = start + QPoint(60, -35)
    drag(view, start, end)
    moved = doc.element("CP2")
    assert isinstance(moved, Checkpoint)
    # the checkpoint moved by exactly the mouse's displacement
    s0, s1 = view.mapToScene(start), view.mapToScene(end)
    x, y = doc.network.to_projected(*old)
    lon, lat = doc.network.to_wgs84(x + (s1.x() - s0.x()), y - (s1.y() - s0.y()))
    assert haversine_m(moved.lon, moved.lat, float(lon), float(lat)) < 1.0
    assert haversine_m(moved.lon, moved.lat, *old) > 100
    assert doc.selection == ["CP2"]
    assert doc.undo_stack.count() == 1  # the whole drag is one undo step
    doc.undo_stack.undo()
    assert (doc.element("CP2").lon, doc.element("CP2").lat) == old
    item = view.elements.items["CP2"]
    assert item.pos() == QPointF(*doc.to_scene(*old))


def test_click_selects_and_selection_follows_document(view):
    doc = view.doc
    p1 = doc.element("P1")
    QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, viewport_pos(view, p1.lon, p1.lat))
    assert doc.selection == ["P1"]
    assert view.elements.items["P1"].isSelected()
    doc.set_selection(["D1"])
    assert view.elements.items["D1"].isSelected() and not view.elements.items["P1"].isSelected()
    # a click on empty land clears the selection
    view.centerOn(view.sceneRect().topLeft() + QPointF(200, 200))
    assert view.elements.item_at(QPointF(W / 2, H / 2)) is None
    QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, QPoint(W // 2, H // 2))
    assert doc.selection == []


def test_delete_key_removes_selection(view):
    doc = view.doc
    doc.set_selection(["P3", "CP1"])
    view.setFocus()
    QTest.keyClick(view.viewport(), Qt.Key_Delete)
    assert doc.element("P3") is None and doc.element("CP1") is None
    assert "P3" not in view.elements.items
    doc.undo_stack.undo()  # one step for the whole selection
    assert doc.element("P3") is not None and doc.element("CP1") is not None
    assert "CP1" in view.elements.items


def test_drag_corridor_vertex(view):
    doc = view.doc
    cr = doc.element("CR1")
    line = [tuple(c) for c in cr.line]
    doc.set_selection(["CR1"])
    k = len(line) // 2
    start = viewport_pos(view, *line[k])
    end = start + QPoint(25, 30)
    drag(view, start, end)
    new = doc.element("CR1").line
    assert len(new) == len(line)
    assert [tuple(c) for i, c in enumerate(new) if i != k] == [c for i, c in enumerate(line) if i != k]
    assert haversine_m(*new[k], *line[k]) > 10
    doc.undo_stack.undo()
    assert [tuple(c) for c in doc.element("CR1").line] == line


def test_close_road_by_click(view, demo_net):
    doc = view.doc
    # a named primary road edge in the city, clicked halfway along it
    hw, names = demo_net.edge_highway, demo_net.edge_name
    x0, y0 = demo_net.to_projected(13.2615, 53.5585)
    cand = [i for i in range(demo_net.n_edges) if hw[i] == "primary" and names[i] and len(demo_net.edge_coords(i)) >= 2]
    mid = {i: demo_net.edge_coords(i)[len(demo_net.edge_coords(i)) // 2] for i in cand}
    edge = min(cand, key=lambda i: math.hypot(mid[i][0] - x0, mid[i][1] - y0))
    xy = demo_net.edge_coords(edge)
    a, b = xy[0], xy[1]
    px, py = (a + b) / 2  # on the edge's first segment
    view.centerOn(QPointF(px, -py))
    view.set_scale(1.0)
    view.set_tool("closure")
    pos = view.mapFromScene(QPointF(px, -py))
    QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, pos)
    assert len(doc.plan.closures) == 1
    closure = doc.plan.closures[0]
    assert isinstance(closure, RoadClosure) and closure.id == "X1"
    assert str(names[edge]) in closure.name
    pts = np.array(closure.points)
    ex, ey = demo_net.to_projected(pts[:, 0], pts[:, 1])
    got = np.column_stack([ex, ey])
    # the closure follows that road's polyline (either direction of a two-way road)
    same = any(len(got) == len(c) and np.abs(got - c).max() < 1.0 for c in (xy, xy[::-1]))
    assert same
    # a click far from any road closes nothing
    view.set_scale(5.0)
    view.centerOn(view.sceneRect().topLeft() + QPointF(100, 100))
    QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, QPoint(W // 2, H // 2))
    assert len(doc.plan.closures) == 1


def test_place_point_tools(view):
    doc = view.doc
    for kind, layer in (("destination", "destinations"), ("depot", "depots"), ("checkpoint", "checkpoints")):
        n = len(getattr(doc.plan, layer))
        view.set_tool(kind)
        pos = QPoint(320, 240)
        QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, pos)
        items = getattr(doc.plan, layer)
        assert len(items) == n + 1
        assert haversine_m(items[-1].lon, items[-1].lat, *lonlat_of_viewport(view, pos)) < 1.0
    with pytest.raises(ValueError, match="unknown map tool 'nonsense'"):
        view.set_tool("nonsense")


def test_map_follows_undo_of_other_views(view):
    """Edits made elsewhere (properties panel, tree) reach the map through the document."""
    from ui.commands import EditElementCommand, MoveElementCommand

    doc = view.doc
    doc.undo_stack.push(MoveElementCommand(doc, "D1", (13.20, 53.46)))
    assert view.elements.items["D1"].pos() == QPointF(*doc.to_scene(13.20, 53.46))
    doc.undo_stack.push(EditElementCommand(doc, "P1", {"people.general": 1000}))
    # grouped as the language groups digits ("1,040" in English, as the elements tree shows it)
    assert view.elements.items["P1"].badge.replace(" ", "").replace(",", "") == str(doc.element("P1").people.total)
    doc.set_plan(doc.plan.copy(), doc.network)
    assert set(view.elements.items) == {el.id for el in doc.plan.elements()}


# ---------------------------------------------------------------- results


@pytest.fixture(scope="module")
def demo_results(demo_net, demo_plan_path):
    """Routes and schedule of the demo plan from the real engine."""
    from planner.plan import load_plan
    from planner.routing import route_plan
    from planner.schedule import schedule_plan

    plan = load_plan(demo_plan_path)
    return route_plan(plan, demo_net), schedule_plan(plan, demo_net, improve=False, buses_needed=False)


def test_results_routes_badges_and_highlight(view, demo_results):
    from ui.document import ComputeResult
    from ui.map.results import badge_text, convoy_color

    routes, schedule = demo_results
    doc = view.doc
    doc.set_results(ComputeResult(routes=routes, schedule=schedule))
    layer = view.results
    # one route per convoy round, in its colour, with the empty leg in and the loaded leg out
    for c in schedule.convoys:
        r = layer.route_of(c.id)
        assert r is not None and r.color == convoy_color(c.id) and r.convoys == [c.id]
        assert not r.path_out.isEmpty() and r.path_in.isEmpty() == (not c.route_nodes["in"])
    driven = {(st.pickup, c.destination) for c in schedule.convoys for st in c.stops}
    grey = [r for r in layer.routes if not r.convoys]
    assert {r.key for r in grey} == set(routes.routes) - driven

    # queue badges: one per checkpoint with passages, the longest queue counted independently
    assert len(layer.badges) == sum(1 for q in schedule.checkpoint_queues if q.passages)
    for b in layer.badges:
        q = next(q for q in schedule.checkpoint_queues if q.checkpoint == b.checkpoint)
        brute = max(sum(1 for p in q.passages if p.arrive <= t.arrive < p.start_service) for t in q.passages)
        assert f"queue {brute}" in b.text if brute else "no queue" in b.text
        assert b.text.startswith(f"passages: {len(q.passages)} ·")
        from planner.schedule.timeline import queue_summary

        assert b.text == badge_text(queue_summary(schedule, q.checkpoint))

    first = schedule.convoys[0].id
    view.highlight_convoy(first)
    assert all((r.emphasis == 1) == (first in r.convoys) for r in layer.routes)
    assert sum(r.emphasis == 1 for r in layer.routes) == 1
    view.highlight_convoy(None)
    assert all(r.emphasis == 0 for r in layer.routes)
    img = view.viewport().grab().toImage()
    assert not img.isNull()
    # an edit makes the results stale: routes and badges go
    from ui.commands import MoveElementCommand

    n = len(layer.routes)
    doc.undo_stack.push(MoveElementCommand(doc, "P1", (13.259, 53.5612)))
    assert layer.routes == [] and layer.badges == []
    doc.undo_stack.undo()  # undo shows the results computed for that plan again
    assert len(layer.routes) == n


def test_queue_badges_never_cover_point_labels(view, demo_results):
    """At every zoom, a badge sits on a side of its checkpoint where no label, symbol or badge is."""
    from ui.document import ComputeResult
    from ui.map.elements import PointItem
    from ui.map.style import SYMBOL_R

    routes, schedule = demo_results
    view.doc.set_results(ComputeResult(routes=routes, schedule=schedule))
    layer = view.results
    assert layer.badges
    sides = set()
    for scale in (0.05, 0.1, 0.2, 0.5):
        view.set_scale(scale)
        view.centerOn(view.plan_rect().center())
        boxes = []
        for it in view.elements.items.values():
            if isinstance(it, PointItem):
                c = QPointF(view.mapFromScene(it.pos()))
                boxes.append(QRectF(c.x() - SYMBOL_R, c.y() - SYMBOL_R, 2 * SYMBOL_R, 2 * SYMBOL_R))
                if it.shown:
                    boxes.append(it.label_rect(it.side).translated(c))
        for b in layer.badges:
            box = b.rect().translated(QPointF(view.mapFromScene(b.pos())))
            sides.add(b.side)
            crowded = all(
                any(b.rect(s).translated(QPointF(view.mapFromScene(b.pos()))).intersects(o) for o in boxes)
                for s in b.SIDES
            )
            assert crowded or not any(box.intersects(o) for o in boxes), (scale, b.text, b.side)
            boxes.append(box)
    assert len(sides) > 1  # the demo's CP1 sits just below a pickup: its badge moves aside when zoomed out


# ---------------------------------------------------------------- robustness


def test_plan_without_network(qtbot, demo_plan):
    """A plan whose network is not in the store still shows and edits (no roads, local projection)."""
    from ui.document import PlanDocument
    from ui.map.view import MapView

    doc = PlanDocument(demo_plan, None)
    v = MapView(doc)
    qtbot.addWidget(v)
    v.resize(W, H)
    v.show()
    v.fit_to_network()  # falls back to the plan
    assert v.roads is None and v.labels is None
    assert set(v.elements.items) == {el.id for el in demo_plan.elements()}
    v.set_tool("closure")
    QTest.mouseClick(v.viewport(), Qt.LeftButton, Qt.NoModifier, QPoint(W // 2, H // 2))
    assert demo_plan.closures == []  # no road to close
    from ui.map.tools import add_element_at

    eid = add_element_at(v, "closure", v.mapToScene(QPoint(W // 2, H // 2)))
    assert len(doc.element(eid).points) == 1
    img = v.viewport().grab().toImage()
    assert not img.isNull()


def test_degenerate_geometry_draws(view):
    """Elements with too few points (half-typed in the properties panel, old files) do not break the map."""
    from planner.plan import HazardZone
    from ui.commands import AddElementCommand

    doc = view.doc
    for el in (
        Corridor("CR9", "empty", []),
        Corridor("CR8", "one point", [(13.26, 53.55)]),
        HazardZone("H9", "two points", [(13.26, 53.55), (13.27, 53.55)]),
        HazardZone(
            "H8", "closed ring", [(13.25, 53.55), (13.26, 53.55), (13.26, 53.56), (13.25, 53.55)], effect="blocked"
        ),
        RoadClosure("X9", "no points", []),
    ):
        doc.undo_stack.push(AddElementCommand(doc, el))
    assert {"CR9", "CR8", "H9", "H8", "X9"} <= set(view.elements.items)
    assert len(view.elements.items["H8"].vertices()) == 3  # the closing point is not a second handle
    doc.set_selection(["CR9", "CR8", "H9", "H8", "X9"])
    view.fit_to_plan()
    assert not view.viewport().grab().toImage().isNull()
    QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, QPoint(10, 10))


def test_drag_closed_hazard_ring_vertex(view):
    from planner.plan import HazardZone
    from ui.commands import AddElementCommand

    doc = view.doc
    ring = [(13.25, 53.55), (13.26, 53.55), (13.26, 53.556), (13.25, 53.55)]
    doc.undo_stack.push(AddElementCommand(doc, HazardZone("H8", "ring", list(ring), effect="blocked")))
    doc.set_selection(["H8"])
    view.centerOn(QPointF(*doc.to_scene(13.255, 53.553)))
    view.set_scale(0.5)
    start = viewport_pos(view, *ring[0])
    drag(view, start, start + QPoint(-30, 20))
    poly = doc.element("H8").polygon
    assert len(poly) == 4 and poly[0] == poly[-1]  # still a closed ring
    assert haversine_m(*poly[0], *ring[0]) > 20 and poly[1:3] == ring[1:3]


def test_signals_cursor_and_tool(view, qtbot):
    pos = QPoint(W // 3, H // 3)
    QTest.mouseMove(view.viewport(), pos + QPoint(7, 5))  # QTest sends no move to where the cursor already is
    with qtbot.waitSignal(view.cursorMoved, timeout=1000) as moved:
        QTest.mouseMove(view.viewport(), pos)
    lon, lat = moved.args
    assert haversine_m(lon, lat, *lonlat_of_viewport(view, pos)) < 1.0
    with qtbot.waitSignal(view.toolChanged, timeout=1000) as changed:
        view.set_tool("hazard")
    assert changed.args == ["hazard"] and view.tool_name() == "hazard"
    QTest.keyClick(view.viewport(), Qt.Key_Escape)  # Esc with nothing drawn goes back to select
    assert view.tool_name() == "select"


def test_double_click_adds_and_removes_corridor_vertex(view):
    doc = view.doc
    line = [tuple(c) for c in doc.element("CR1").line]
    doc.set_selection(["CR1"])
    a, b = line[2], line[3]
    pa, pb = viewport_pos(view, *a), viewport_pos(view, *b)
    if (pa - pb).manhattanLength() < 30:  # zoom in until the segment is long enough on screen
        view.centerOn(QPointF(*doc.to_scene((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)))
        view.set_scale(view.scale_px_per_m() * 40 / max((pa - pb).manhattanLength(), 1))
        pa, pb = viewport_pos(view, *a), viewport_pos(view, *b)
    mid = (pa + pb) / 2
    QTest.mouseDClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, mid)
    new = [tuple(c) for c in doc.element("CR1").line]
    assert len(new) == len(line) + 1 and new[:3] == line[:3] and new[4:] == line[3:]
    assert haversine_m(*new[3], *lonlat_of_viewport(view, mid)) < 1.0
    QTest.mouseDClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, viewport_pos(view, *new[3]))
    assert [tuple(c) for c in doc.element("CR1").line] == line
    assert doc.undo_stack.count() == 2  # two undo steps: add, then remove the vertex
    doc.undo_stack.undo()
    assert [tuple(c) for c in doc.element("CR1").line] == new
    doc.undo_stack.undo()
    assert [tuple(c) for c in doc.element("CR1").line] == line


def test_tooltips_and_arrow_keys(view):
    doc = view.doc
    p4 = view.elements.items["P4"]
    assert "184 people" in p4.toolTip() and "priority 1" in p4.toolTip()
    assert "blocked" in view.elements.items["H1"].toolTip() or "slow" in view.elements.items["H1"].toolTip()
    from ui.commands import EditElementCommand

    doc.undo_stack.push(EditElementCommand(doc, "CP1", {"lanes": 3}))
    assert "3 lane(s)" in view.elements.items["CP1"].toolTip()
    before = view.mapToScene(view.viewport().rect().center())
    QTest.keyClick(view.viewport(), Qt.Key_Right)
    after = view.mapToScene(view.viewport().rect().center())
    assert after.x() > before.x() and abs(after.y() - before.y()) < 1e-6


def test_point_labels_never_overlap(view):
    from ui.map.elements import PointItem
    from ui.map.style import SYMBOL_R

    for fit in (view.fit_to_network, view.fit_to_plan):
        fit()
        points = [it for it in view.elements.items.values() if isinstance(it, PointItem)]
        centre = {it: QPointF(view.mapFromScene(it.pos())) for it in points}
        boxes = [it.label_rect(it.side).translated(centre[it]) for it in points if it.shown]
        assert boxes  # some labels are shown
        for i, a in enumerate(boxes):
            assert not any(a.intersects(b) for b in boxes[i + 1 :])
        for it in points:
            if not it.shown:
                continue
            box = it.label_rect(it.side).translated(centre[it])
            for other in points:
                c = centre[other]
                sym = QRectF(c.x() - SYMBOL_R, c.y() - SYMBOL_R, 2 * SYMBOL_R, 2 * SYMBOL_R)
                assert other is it or not box.intersects(sym)
    # zoomed out over the whole network the city's labels do not all fit; a selected one always shows
    view.fit_to_network()
    hidden = [it for it in view.elements.items.values() if isinstance(it, PointItem) and not it.shown]
    assert hidden
    view.doc.set_selection([hidden[0].element_id])
    assert hidden[0].shown
