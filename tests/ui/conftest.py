"""Fixtures for the GUI tests: offscreen Qt, the demo plan as a PlanDocument, the main window and the map
view on it.

QT_QPA_PLATFORM=offscreen is set by tests/conftest.py before Qt starts.
"""

import contextlib
import os
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

import ui.window.networks
import ui.window.tasks
from planner.plan import load_plan


@pytest.fixture
def demo_plan(demo_plan_path):
    """A fresh copy of the bundled demo plan (tests may edit it)."""
    return load_plan(demo_plan_path)


@pytest.fixture
def demo_doc(qapp, demo_plan, demo_net):
    """The demo plan on the bundled Neubrandenburg network, as a PlanDocument."""
    from ui.document import PlanDocument

    return PlanDocument(demo_plan, demo_net)


@pytest.fixture
def window(qtbot, demo_plan, demo_plan_path, demo_net):
    """The main window on the demo plan, shown; at teardown any task is cancelled and waited for, and the
    window closes without the unsaved-changes prompt. (test_app.py and test_window.py have their own.)"""
    from ui.document import PlanDocument
    from ui.window.main import MainWindow

    # not qtbot.addWidget: pytest-qt would close it before the teardown marks it saved (a modal prompt)
    w = MainWindow(PlanDocument(demo_plan, demo_net, demo_plan_path))
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.doc.mark_saved()
    w.cancel_task()
    if w.worker is not None:
        w.worker.done.wait(30)
    w.close()


#: Width and height (px) of the ``view`` fixture's map view.
VIEW_SIZE = (900, 600)


@pytest.fixture
def view(qtbot, demo_doc):
    """A map view of the demo document, shown at :data:`VIEW_SIZE` and fitted to the plan."""
    from PySide6.QtWidgets import QApplication

    from ui.map.view import MapView

    v = MapView(demo_doc)
    qtbot.addWidget(v)
    v.resize(*VIEW_SIZE)
    v.show()
    qtbot.waitExposed(v)
    v.fit_to_plan()
    QApplication.processEvents()
    return v


def _hold_after_first_report(monkeypatch, module, name):
    """Keep the real worker function ``<module>.<name>`` of the main window waiting after its first progress
    report until the test sets the returned event.

    Without this, a quiet (or a busy) machine can run the whole job before the
    GUI thread has handled a report, and there is nothing left to cancel.
    """
    import threading

    gate = threading.Event()
    real = getattr(module, name)

    def held(*args, progress):
        def report(fraction, message):
            progress(fraction, message)  # raises Cancelled once the cancel was sent
            # report again while held: a slot the test connects after the first report still gets one
            for _ in range(600):
                if gate.wait(0.05):
                    break
                progress(fraction, message)

        return real(*args, progress=report)

    monkeypatch.setattr(module, name, held)
    return gate


@pytest.fixture
def hold_compute(monkeypatch):
    """The GUI's compute, held after its first progress report (see ``_hold_after_first_report``)."""
    return _hold_after_first_report(monkeypatch, ui.window.tasks, "compute_plan")


@pytest.fixture
def hold_network_build(monkeypatch):
    """The demo network build, held after its first progress report."""
    return _hold_after_first_report(monkeypatch, ui.window.networks, "build_demo_network")


@pytest.fixture
def hold_network_load(monkeypatch):
    """Loading a stored network for the window, held after its first progress report."""
    return _hold_after_first_report(monkeypatch, ui.window.networks, "open_network")


def drag_over(view, kind, pos):
    """Drag a palette element of ``kind`` onto the map ``view`` at viewport ``pos`` (enter and move, no drop);
    returns its mime data for :func:`drop_element`."""
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent
    from PySide6.QtWidgets import QApplication

    from ui.palette import element_mime

    mime = element_mime(kind)
    vp = view.viewport()
    QApplication.sendEvent(vp, QDragEnterEvent(pos, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    QApplication.sendEvent(vp, QDragMoveEvent(pos, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    return mime


def drop_element(view, kind=None, pos=None, mime=None):
    """Drop a palette element of ``kind`` on the map ``view`` at viewport ``pos`` (default: its centre),
    dragging it there first unless ``mime`` comes from :func:`drag_over`."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent
    from PySide6.QtWidgets import QApplication

    pos = view.viewport().rect().center() if pos is None else pos
    mime = drag_over(view, kind, pos) if mime is None else mime
    QApplication.sendEvent(view.viewport(), QDropEvent(QPointF(pos), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))


@contextlib.contextmanager
def default_layout_window(plan_path, net, size=(1600, 1000), qtbot=None):
    """The main window on the plan at ``plan_path`` at ``size`` (px) in its default layout, shown (and
    exposed, with ``qtbot``)."""
    from PySide6.QtWidgets import QApplication

    from ui.document import PlanDocument
    from ui.window.main import MainWindow

    before = os.environ.get("EVACPLAN_GUI_DEFAULT_LAYOUT")  # another such window may be open (module fixtures)
    os.environ["EVACPLAN_GUI_DEFAULT_LAYOUT"] = "1"
    w = MainWindow(PlanDocument(load_plan(plan_path), net, plan_path))
    try:
        w.resize(*size)
        w.show()
        if qtbot is not None:
            qtbot.waitExposed(w)
        w._default_dock_sizes()
        QApplication.processEvents()
        yield w
    finally:
        if before is None:
            del os.environ["EVACPLAN_GUI_DEFAULT_LAYOUT"]
        else:
            os.environ["EVACPLAN_GUI_DEFAULT_LAYOUT"] = before
        close_window(w)


def close_window(w) -> None:
    """Close a main window without the unsaved-changes question, and wait for its worker to stop."""
    if w.doc is not None:
        w.doc.mark_saved()
        w.variants.mark_saved()
    worker = w.worker
    w.close()  # detaches and cancels a running worker
    if worker is not None:
        worker.done.wait(60)


@contextlib.contextmanager
def computed_demo_window(qapp, plan_path, net, lang="en"):
    """The main window on the demo plan at 1600 x 1000 in its default layout, computed, in ``lang``."""
    from PySide6.QtWidgets import QApplication

    from ui.i18n import install_translator

    if lang != "en":
        assert install_translator(qapp, lang) == lang
    try:
        with default_layout_window(plan_path, net) as w:
            assert w.compute(wait=True)
            QApplication.processEvents()
            yield w
    finally:
        if lang != "en":
            install_translator(qapp, "en")


def activate(qtbot, window) -> None:
    """Wait until ``window`` is the active window: Esc reaches the window's cancel shortcut only then
    (on a loaded machine the first key press could come before the activation and be lost)."""
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=10_000)


def esc_on_first_progress(worker, widget) -> list:
    """Press Esc on ``widget`` when ``worker`` first reports progress; the list gets that report's message.

    The worker waits at that report until the key has been pressed (a direct connection runs in its thread),
    so a fast job cannot finish before the cancel reaches it.
    """
    pressed: list = []
    done = threading.Event()

    def press(fraction, message):
        if not pressed:
            pressed.append(message)
            QTest.keyClick(widget, Qt.Key_Escape)
            done.set()

    worker.signals.progress.connect(press)
    worker.signals.progress.connect(lambda *_: done.wait(30), Qt.DirectConnection)
    return pressed
