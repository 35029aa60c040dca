"""Snap while drawing: a point shows, while dragged or dropped, the road node it will snap to and the
distance; checkpoints go onto the corridor's road. Real mouse and drag-and-drop events on the viewport."""

import numpy as np
import pytest
import shapely
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication

from planner.plan import format_distance
from tests.ui.conftest import drag_over, drop_element
from tests.ui.test_map import H, W, send_mouse, viewport_pos

pytestmark = pytest.mark.gui


def _nearest_node(net, lon, lat):
    x, y = net.to_projected(lon, lat)
    d = np.hypot(net.node_x - x, net.node_y - y)
    return int(np.argmin(d)), float(d.min())


def test_a_dragged_pickup_shows_its_snap_during_the_drag(view):
    doc, net = view.doc, view.doc.network
    view.set_tool("select")
    p = doc.plan.pickups[2]
    start = viewport_pos(view, p.lon, p.lat)
    send_mouse(view, QEvent.MouseButtonPress, start)
    for k in range(1, 5):  # the button is still held: mid-drag
        send_mouse(view, QEvent.MouseMove, start + QPoint(15 * k, 9 * k), Qt.NoButton, Qt.LeftButton)
    QApplication.processEvents()
    el = doc.element(p.id)
    node, dist = _nearest_node(net, el.lon, el.lat)
    line = view.snaps.line_of(p.id)
    assert line is not None and p.id in view.snaps.item.labelled  # the distance is written beside it
    assert (line.node.x(), line.node.y()) == pytest.approx((net.node_x[node], -net.node_y[node]))
    assert line.distance_m == pytest.approx(dist) and dist > 1
    assert (line.point.x(), line.point.y()) == pytest.approx(doc.to_scene(el.lon, el.lat))
    send_mouse(view, QEvent.MouseButtonRelease, start + QPoint(60, 36), Qt.LeftButton, Qt.NoButton)


def test_a_pickup_dragged_from_the_palette_shows_its_road_node_and_distance(view):
    doc, net = view.doc, view.doc.network
    pos = QPoint(W // 2 + 53, H // 2 + 27)
    mime = drag_over(view, "pickup", pos)
    preview = view._drop_preview
    lon, lat = doc.from_scene(view.scene_point(QPointF(pos)).x(), view.scene_point(QPointF(pos)).y())
    node, dist = _nearest_node(net, lon, lat)
    beyond = dist > doc.plan.rules.snap_limit_m  # then it says so before the drop (test_trial.py)
    assert preview.snap_text == f"{format_distance(dist)} to the road" + (" — too far" if beyond else " node")
    expected = QPointF(view.mapFromScene(QPointF(net.node_x[node], -net.node_y[node]))) - QPointF(pos)
    assert preview.snap_px.x() == pytest.approx(expected.x(), abs=1.5)
    assert preview.snap_px.y() == pytest.approx(expected.y(), abs=1.5)
    drop_element(view, pos=pos, mime=mime)
    assert view.snaps.line_of(doc.plan.pickups[-1].id).distance_m == pytest.approx(dist, abs=2.0)


def test_a_checkpoint_dropped_near_the_corridor_goes_onto_its_road(view):
    doc = view.doc
    cr = doc.plan.corridors[0]
    line = shapely.LineString([doc.to_scene(*c) for c in cr.line])
    on = line.interpolate(0.4, normalized=True)
    pos = view.mapFromScene(QPointF(on.x, on.y)) + QPoint(9, -8)  # a few pixels off the line
    mime = drag_over(view, "checkpoint", pos)
    assert view._drop_preview.snap_text.startswith("on the corridor, ")
    drop_element(view, pos=pos, mime=mime)
    new = doc.plan.checkpoints[-1]
    assert line.distance(shapely.Point(*doc.to_scene(new.lon, new.lat))) < 0.5
    # far from every corridor it stays where it was dropped
    far = QPoint(30, 30)
    mime = drag_over(view, "checkpoint", far)
    assert not view._drop_preview.snap_text.startswith("on the corridor")
