"""The window's start: it shows at once, the road network loads in a worker, the roads arrive by signal.

Real widgets and events (pytest-qt offscreen), the real store and network files.
"""

import shutil
import threading

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from planner.network import store_dir
from planner.plan import load_plan, save_plan
from planner.store import DEMO_NAME
from tests.ui.conftest import close_window as _close
from tests.ui.conftest import default_layout_window
from ui.window.main import MainWindow

MainWindow.check_connectivity = False

pytestmark = pytest.mark.gui


def _gray(img: QImage) -> np.ndarray:
    g = img.convertToFormat(QImage.Format_Grayscale8)
    return np.frombuffer(g.constBits(), dtype=np.uint8).reshape(g.height(), g.bytesPerLine())[:, : g.width()].copy()


def _off_background(gray: np.ndarray) -> float:
    """The share of pixels that differ from the picture's most common grey (the map's background)."""
    background = np.bincount(gray.ravel(), minlength=256).argmax()
    return float((np.abs(gray.astype(int) - int(background)) > 6).mean())


@pytest.fixture
def fresh(qtbot, demo_net):
    """A fresh main window on screen (the start page), the demo network already in the store."""
    w = MainWindow()
    w.resize(1600, 1000)
    w.show()
    qtbot.waitExposed(w)
    yield w
    _close(w)


def test_the_window_shows_the_plan_before_its_network_and_stays_responsive(
    fresh, qtbot, demo_plan_path, hold_network_load
):
    w = fresh
    w.set_plan(load_plan(demo_plan_path), demo_plan_path)  # returns at once: the load runs in a worker
    assert w.doc.network is None and w._task_name == "Load network"
    assert w.worker.thread is not threading.current_thread()
    # the map's loading state: the plan is on the map, no roads yet, the banner and the progress say so
    assert w.stack.currentWidget() is w.map_page and w.map.isVisible() and w.map.roads is None
    assert w.banner.isVisible() and "Loading the road network “neubrandenburg”" in w.banner_text.text()
    assert w.progress.isVisible() and w.cancel_button.isVisible() and not w.act_compute.isEnabled()
    assert len(w.map.elements.items) == len(list(w.doc.plan.elements()))
    before = _gray(w.map.grab().toImage())
    # the event loop runs while the network loads: timers tick, a menu opens and closes
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    menu = w.menuBar().actions()[0].menu()
    QTimer.singleShot(0, lambda: menu.popup(w.mapToGlobal(w.rect().center())))
    qtbot.waitUntil(menu.isVisible, timeout=5000)
    menu.close()
    qtbot.waitUntil(lambda: len(ticks) >= 10, timeout=5000)
    assert w.doc.network is None  # still held: all of the above happened while it was loading
    # the network arrives through the worker's signal: the map draws the roads, the banner goes
    with qtbot.waitSignal(w.taskFinished, timeout=60_000) as sig:
        hold_network_load.set()
    timer.stop()
    assert sig.args == ["Load network", True]
    assert w.doc.network is not None and w.doc.network.name == DEMO_NAME
    assert w.map.roads is not None and w.map.roads.n_edges > 1000 and w.map.roads.scene() is w.map.scene()
    QApplication.processEvents()
    assert w.banner.isHidden() and not w.progress.isVisible() and w.act_compute.isEnabled()
    after = _gray(w.map.grab().toImage())
    # the map's cream background is most of the picture without roads; the roads cover more of it (8.5 -> 12 %)
    assert _off_background(after) > _off_background(before) + 0.02, (_off_background(before), _off_background(after))


def test_a_broken_network_file_gives_one_line_in_the_window(
    fresh, qtbot, tmp_path, demo_plan_path, monkeypatch, demo_net
):
    # a real stored entry whose arrays file is cut short (a damaged disk, an interrupted copy)
    broken = store_dir() / "broken-npz"
    shutil.rmtree(broken, ignore_errors=True)
    shutil.copytree(store_dir() / DEMO_NAME, broken)
    try:
        npz = broken / "network.npz"
        npz.write_bytes(npz.read_bytes()[:5000])
        plan = load_plan(demo_plan_path)
        plan.network.name = "broken-npz"
        path = tmp_path / "on-broken.evacplan.json"
        save_plan(plan, path)
        boxes = []
        for kind in ("warning", "critical", "information"):
            monkeypatch.setattr(QMessageBox, kind, lambda *a, **k: boxes.append(a))
        w = fresh
        with qtbot.waitSignal(w.taskFinished, timeout=60_000) as sig:
            assert w.open_path(path)
        assert sig.args == ["Load network", False]
        assert w.doc.network is None and w.map.roads is None and not boxes
        QApplication.processEvents()
        text = w.banner_text.text()
        assert w.banner.isVisible() and "could not be loaded" in text and "network.npz" in text, text
        assert "\n" not in text and "Traceback" not in text
        msg = w.statusBar().currentMessage()
        assert msg.startswith("Network not loaded:") and "broken-npz" in msg and "\n" not in msg
        assert not w.banner_load.isHidden()  # it can be tried again (after the file is restored)
    finally:
        shutil.rmtree(broken, ignore_errors=True)


def test_esc_cancels_the_network_load_and_load_again_brings_it(fresh, qtbot, demo_plan_path, hold_network_load):
    w = fresh
    with qtbot.waitSignal(w.taskFinished, timeout=60_000) as sig:
        w.set_plan(load_plan(demo_plan_path), demo_plan_path)
        w.worker.signals.progress.connect(lambda *_: QTest.keyClick(w.map, Qt.Key_Escape))
    assert sig.args == ["Load network", False]
    assert w.doc.network is None and w.worker is None
    assert "was not loaded" in w.banner_text.text() and "cancelled" in w.banner_text.text()
    assert not w.banner_load.isHidden()
    hold_network_load.set()
    with qtbot.waitSignal(w.taskFinished, timeout=60_000) as sig:
        QTest.mouseClick(w.banner_load, Qt.LeftButton)
    assert sig.args == ["Load network", True] and w.doc.network is not None and w.banner.isHidden()


@pytest.mark.slow  # a compute
def test_opening_and_computing_while_the_network_loads_wait_for_it(fresh, qtbot, demo_plan_path, hold_network_load):
    w = fresh
    w.set_plan(load_plan(demo_plan_path), demo_plan_path)
    first = w.worker
    # the same plan opened again while its network loads: the running load is kept, nothing crashes
    w.set_plan(load_plan(demo_plan_path), demo_plan_path)
    assert w.worker is first and w.doc.network is None
    # F5 meanwhile: queued, it runs once the network is there
    assert w.compute()
    assert "as soon as its road network is loaded" in w.statusBar().currentMessage()
    with qtbot.waitSignal(w.computeFinished, timeout=180_000) as sig:
        hold_network_load.set()
    assert sig.args == [True]
    assert w.doc.results is not None and w.doc.results.schedule is not None
    assert w.schedule_panel.table.rowCount() > 0


# ---------------------------------------------------------------- the default layout after compute


def _rows_shown(table) -> int:
    """Rows of ``table`` whose first cell lies wholly inside its viewport (what the planner sees)."""
    vp = table.viewport().rect()
    return sum(vp.contains(table.visualRect(table.model().index(r, 0))) for r in range(table.rowCount()))


@pytest.mark.slow  # a compute
@pytest.mark.parametrize("size", [(1600, 1000), (1366, 768)])
def test_the_default_layout_shows_three_convoy_rows_and_the_map_keeps_60_percent(qtbot, demo_plan_path, demo_net, size):
    with default_layout_window(demo_plan_path, demo_net, size, qtbot) as w:
        assert (w.width(), w.height()) == size
        share = w.map.width() * w.map.height() / (w.width() * w.height())
        assert share >= 0.6, (size, w.map.size())
        with qtbot.waitSignal(w.computeFinished, timeout=180_000):
            assert w.compute()
        QApplication.processEvents()
        table = w.schedule_panel.table
        assert table.rowCount() >= 3 and w.dock_schedule.isVisible() and table.isVisible()
        assert _rows_shown(table) >= 3, (size, table.viewport().height())
        share = w.map.width() * w.map.height() / (w.width() * w.height())
        assert share >= 0.6, (size, w.map.size())
        # the toolbars share the menu bar's row and the result row its dock titles' place: nothing overlaps
        bar = w.menuBar()
        assert bar.cornerWidget(Qt.TopRightCorner).geometry().left() > bar.actionGeometry(bar.actions()[-1]).right()
        assert w.map.mapTo(w, w.map.rect().topLeft()).y() >= bar.height()


def test_reset_layout_leaves_one_tab_bar_of_result_tabs(qtbot, demo_plan_path, demo_net, monkeypatch):
    from PySide6.QtWidgets import QTabBar

    monkeypatch.setenv("EVACPLAN_GUI_DEFAULT_LAYOUT", "1")
    w = MainWindow()  # the start page first, then a plan: as the planner starts
    try:
        w.resize(1600, 1000)
        w.show()
        qtbot.waitExposed(w)
        w.set_plan(load_plan(demo_plan_path), demo_plan_path)
        qtbot.waitUntil(lambda: w.doc.network is not None, timeout=60_000)
        w.act_reset_layout.trigger()
        for _ in range(20):
            QApplication.processEvents()

        def result_bars():
            return [
                b
                for b in w.findChildren(QTabBar)
                if b.isVisible()
                and b.count()
                and w.rect().intersects(b.geometry())
                and "Convoys" in [b.tabText(i) for i in range(b.count())]
            ]

        # a stale tab bar of a former tab group was drawn over the real one ("History Gantt")
        texts = [[b.tabText(i) for i in range(b.count())] for b in result_bars()]
        assert texts == [["Convoys", "Gantt", "Routes", "Variants", "Problems", "History"]], texts
        qtbot.wait(300)  # and once the layout has settled
        assert len(result_bars()) == 1
        assert all(d.isVisible() and not d.isFloating() for d in w.docks)
    finally:
        _close(w)


# ---------------------------------------------------------------- screenshots on a real X server


@pytest.mark.slow  # a subprocess with a compute
@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed (apt install xvfb)")
def test_screenshot_on_a_real_x_server_before_and_after_compute(tmp_path, demo_plan_path, demo_net):
    import os
    import subprocess
    import sys

    before, after = tmp_path / "before.png", tmp_path / "after.png"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # the xcb platform, on Xvfb
    env["EVACPLAN_LANG"] = "en"
    cmd = [sys.executable, "-m", "planner.cli", "gui", str(demo_plan_path), "--display"]
    cmd += ["--before", str(before), "--screenshot", str(after), "--size", "1366x768"]
    r = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", *cmd], env=env, capture_output=True, text=True, timeout=300
    )
    assert r.returncode == 0, r.stderr
    shots = [QImage(str(p)) for p in (before, after)]
    assert all((img.width(), img.height()) == (1366, 768) for img in shots)
    # the X server's pixels: the map is drawn (not black, not blank), and the compute changed the picture
    a, b = (_gray(img) for img in shots)
    assert (a < 40).mean() < 0.05 and (b < 40).mean() < 0.05  # not a black window
    map_area = b[60:500, 250:1300]
    assert map_area.std() > 10 and _off_background(map_area) > 0.05
    assert (a != b).mean() > 0.01
