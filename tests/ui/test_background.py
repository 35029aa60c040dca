"""Long work off the GUI thread: the demo network's first build, Esc to cancel, hints of the map tools."""

import threading
import time

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest

from planner.plan import load_plan
from tests.ui.conftest import activate, esc_on_first_progress
from ui.document import PlanDocument
from ui.window.main import MainWindow
from ui.window.networks import network_needs_build

MainWindow.check_connectivity = False

pytestmark = [pytest.mark.gui, pytest.mark.slow]  # network builds, computes


def _close(window):
    if window.doc is not None:
        window.doc.mark_saved()
    worker = window.worker
    window.close()  # detaches and cancels a running worker
    if worker is not None:
        worker.done.wait(60)


def _demo_window(path, net, qtbot=None):
    w = MainWindow(PlanDocument(load_plan(path), net, path))
    w.show()
    if qtbot is not None:
        activate(qtbot, w)
    return w


def test_first_open_builds_the_demo_network_in_a_worker(qtbot, monkeypatch, tmp_path, demo_plan_path):
    monkeypatch.setenv("EVACPLAN_DATA", str(tmp_path))  # an empty store: the demo network must be built
    assert network_needs_build("neubrandenburg")
    w = MainWindow()
    w.show()
    try:
        w.set_plan(load_plan(demo_plan_path), demo_plan_path)  # returns at once
        assert w.doc.network is None and w._task_name == "Build network"
        assert w.worker.thread is not threading.current_thread()
        assert w.progress.isVisible() and w.cancel_button.isVisible() and w.act_cancel.isEnabled()
        assert "Building the offline demo network" in w.banner_text.text()
        assert not w.act_compute.isEnabled()
        ticks, messages = [], []
        timer = QTimer()
        timer.timeout.connect(lambda: ticks.append(time.monotonic()))
        timer.start(20)
        w.statusBar().messageChanged.connect(messages.append)
        qtbot.waitUntil(lambda: w.doc.network is not None, timeout=180_000)
        timer.stop()
        # the GUI thread kept processing events while the network was built
        assert len(ticks) >= 10
        assert any(m.startswith("Build network:") for m in messages)
        assert w.worker is None and not w.progress.isVisible()
        assert w.map.roads is not None and w.banner.isHidden()
        assert (tmp_path / "networks" / "neubrandenburg").is_dir() and not network_needs_build("neubrandenburg")
        assert w.act_compute.isEnabled()
    finally:
        _close(w)


def test_esc_cancels_the_demo_network_build_and_offers_it_again(
    qtbot, monkeypatch, tmp_path, demo_plan_path, hold_network_build
):
    monkeypatch.setenv("EVACPLAN_DATA", str(tmp_path))
    w = MainWindow()
    w.show()
    activate(qtbot, w)
    try:
        with qtbot.waitSignal(w.taskFinished, timeout=120_000) as sig:
            w.set_plan(load_plan(demo_plan_path), demo_plan_path)
            pressed = esc_on_first_progress(w.worker, w.map)
            w.worker.signals.progress.connect(lambda *a: hold_network_build.set())  # after the Esc above
        assert sig.args == ["Build network", False] and pressed
        assert w.doc.network is None and w.worker is None
        assert not (tmp_path / "networks" / "neubrandenburg").exists()  # nothing half-built in the store
        assert "cancelled" in w.statusBar().currentMessage()
        assert "not built yet" in w.banner_text.text() and not w.banner_build.isHidden()
    finally:
        _close(w)


def test_esc_cancels_a_running_compute(qtbot, hold_compute, demo_plan_path, demo_net):
    gate = hold_compute
    w = _demo_window(demo_plan_path, demo_net, qtbot)
    try:
        with qtbot.waitSignal(w.computeFinished, timeout=60_000) as sig:
            assert w.compute()
            pressed = esc_on_first_progress(w.worker, w.schedule_panel)  # anywhere in the window
            w.worker.signals.progress.connect(lambda *a: gate.set())  # after the Esc above
        assert sig.args == [False] and pressed
        assert w.doc.results is None and w.worker is None
        assert "Compute cancelled" in w.statusBar().currentMessage()
        assert not w.act_cancel.isEnabled()  # idle: Esc is left to the map tools again
    finally:
        _close(w)


def test_esc_while_drawing_a_corridor_stays_with_the_tool(qtbot, demo_plan_path, demo_net):
    w = _demo_window(demo_plan_path, demo_net)
    try:
        w.set_tool("corridor")
        c = w.map.viewport().rect().center()
        QTest.mouseClick(w.map.viewport(), Qt.LeftButton, Qt.NoModifier, c)
        QTest.mouseClick(w.map.viewport(), Qt.LeftButton, Qt.NoModifier, c + QPoint(60, 10))
        assert len(w.map.tool.points) == 2
        QTest.keyClick(w.map, Qt.Key_Escape)
        assert w.map.tool.points == [] and w.map.tool_name() == "corridor"
        QTest.keyClick(w.map, Qt.Key_Escape)  # a second Esc leaves the tool
        assert w.map.tool_name() == "select"
    finally:
        _close(w)


def test_closure_click_far_from_roads_says_so_in_the_status_bar(qtbot, demo_plan_path, demo_net):
    from ui.map.geometry import nearest_edge
    from ui.map.tools import SNAP_ROAD_PX

    w = _demo_window(demo_plan_path, demo_net)
    try:
        v = w.map
        v.set_scale(2.0)  # 2 px per metre: the snap radius is 9 m
        corner = v.network_rect().topLeft()
        v.centerOn(corner.x() - 500, corner.y() - 500)  # outside the extract: no road near
        c = v.viewport().rect().center()
        p = v.scene_point(c)
        assert nearest_edge(demo_net, p.x(), -p.y(), 100.0) is None
        v.set_tool("closure")
        QTest.mouseClick(v.viewport(), Qt.LeftButton, Qt.NoModifier, c)
        assert w.doc.plan.closures == []
        msg = w.statusBar().currentMessage()
        assert "no road within" in msg and str(SNAP_ROAD_PX) in msg
    finally:
        _close(w)
