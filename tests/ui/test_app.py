"""The main window with real widgets and the real engine (offscreen).

One computed window is shared by the tests that only read results (a compute
of the demo plan takes a few seconds); tests that edit or cancel build their own.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from planner.plan import load_plan, plan_to_dict
from ui.commands import EditElementCommand
from ui.document import PlanDocument
from ui.panels.kpis import kpi_texts
from ui.window.main import MainWindow
from ui.workers import schedule_json

MainWindow.check_connectivity = False  # no DNS lookups from tests

pytestmark = pytest.mark.gui


def _close(window):
    if window.doc is not None:
        window.doc.mark_saved()  # no "unsaved changes" prompt
    window.cancel_task()
    if window.worker is not None:
        window.worker.done.wait(30)
    window.close()


@pytest.fixture
def window(qtbot, demo_plan, demo_plan_path, demo_net):
    # not qtbot.addWidget: pytest-qt would close it before our teardown marks it saved (a modal prompt)
    w = MainWindow(PlanDocument(demo_plan, demo_net, demo_plan_path))
    w.show()
    yield w
    _close(w)


@pytest.fixture(scope="module")
def computed(qapp, demo_plan_path, demo_net):
    """A window that has computed the demo plan (shared, read-only)."""
    w = MainWindow(PlanDocument(load_plan(demo_plan_path), demo_net, demo_plan_path))
    w.show()
    done = []
    w.computeFinished.connect(done.append)
    assert w.compute(wait=True)
    QApplication.processEvents()
    assert done == [True]
    yield w
    _close(w)


# ---------------------------------------------------------------- compute


def test_compute_fills_one_schedule_row_per_convoy(computed):
    data = schedule_json(computed.doc.results.schedule)
    table = computed.schedule_panel.table
    assert data["convoys"], "the demo plan moves people"
    assert table.rowCount() == len(data["convoys"])
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == [c["id"] for c in data["convoys"]]
    assert computed.schedule_panel.currentIndex() == 1  # the convoy table, not the "press F5" hint
    # the Gantt has one row per convoy round, and the routes table one row per route
    assert sum(1 for kind, _ in computed.gantt.chart.rows if kind == "convoy") == len(data["convoys"])
    n_routes = sum(len(a) for a in computed.doc.results.routes.alternatives.values())
    assert computed.routes_panel.table.rowCount() == n_routes


def test_kpi_panel_shows_the_numbers_of_evacplan_schedule(computed, demo_plan_path, tmp_path):
    data = schedule_json(computed.doc.results.schedule)
    shown = {key: label.text() for key, label in computed.kpis.values.items()}
    assert shown == kpi_texts(computed.doc.results.schedule)
    k = data["kpis"]
    assert shown["evacuated"] == f"{k['evacuated']:,}"
    assert shown["demand"] == f"{k['demand']:,}"
    # the command line on the same plan: demand and upper bound are exact (the heuristic has a time budget)
    from planner.cli import main

    out = tmp_path / "schedule.json"
    assert main(["--quiet", "schedule", str(demo_plan_path), "--json", str(out)]) == 0
    cli = json.loads(out.read_text())["kpis"]
    assert shown["demand"] == f"{cli['demand']:,}"
    assert shown["upper_bound"] == f"{cli['upper_bound']:,}"
    assert cli["evacuated"] <= cli["upper_bound"] and k["evacuated"] <= k["upper_bound"]


def test_selecting_a_convoy_highlights_it(computed):
    table = computed.schedule_panel.table
    table.selectRow(0)
    cid = table.item(0, 0).text()
    assert computed.gantt.chart.highlight == cid
    table.clearSelection()
    assert computed.gantt.chart.highlight is None


@pytest.mark.parametrize("kind", ["pdf", "csv", "geojson", "gpx"])
def test_export_menu_writes_files(computed, qtbot, tmp_path, kind):
    action = computed.export_actions[kind]
    assert action.isEnabled()
    out = tmp_path / f"demo.{kind}"
    with qtbot.waitSignal(computed.taskFinished, timeout=120_000) as sig:
        assert computed.export(kind, out)
    assert sig.args == [f"Export {kind.upper()}", True]
    written = sorted(tmp_path.iterdir())
    assert written and all(p.stat().st_size > 0 for p in written)
    if kind == "pdf":
        assert out.read_bytes().startswith(b"%PDF")
    if kind == "gpx":
        assert b"<gpx" in out.read_bytes()[:500]


def test_cancel_compute_shows_no_partial_result(window, qtbot, hold_compute):
    doc = window.doc
    assert doc.results is None
    started = []

    def cancel_at_first_report(fraction, message):
        if not started:
            started.append(message)
            window.cancel_task()
        hold_compute.set()

    with qtbot.waitSignal(window.computeFinished, timeout=60_000) as sig:
        assert window.compute()
        window.worker.signals.progress.connect(cancel_at_first_report)
        assert window.progress.isVisible() and window.cancel_button.isVisible()
    assert sig.args == [False]
    assert started
    assert doc.results is None
    assert window.schedule_panel.table.rowCount() == 0
    assert window.schedule_panel.currentWidget() is not window.schedule_panel.table
    assert window.kpis.values["evacuated"].text() == "—"
    assert not window.progress.isVisible()
    assert "cancelled" in window.statusBar().currentMessage()


def test_edit_during_compute_discards_the_stale_result(window, qtbot):
    with qtbot.waitSignal(window.computeFinished, timeout=120_000) as sig:
        window.compute()
        p = window.doc.plan.pickups[0]
        window.doc.undo_stack.push(EditElementCommand(window.doc, p.id, {"people.general": p.people.general + 1}))
    assert sig.args == [False]
    assert window.doc.results is None


def test_compute_with_invalid_plan_lists_problems_and_no_schedule(window, qtbot):
    doc = window.doc
    cp = doc.plan.checkpoints[0]
    doc.undo_stack.push(EditElementCommand(doc, cp.id, {"lanes": 0}))
    with qtbot.waitSignal(window.computeFinished, timeout=60_000):
        window.compute()
    assert doc.results is not None and doc.results.schedule is None
    texts = [window.problems.topLevelItem(i).text(2) for i in range(window.problems.topLevelItemCount())]
    assert any(cp.id in t and "lanes" in t for t in texts)
    # clicking the problem selects its element
    item = next(
        window.problems.topLevelItem(i)
        for i in range(window.problems.topLevelItemCount())
        if cp.id in window.problems.topLevelItem(i).text(2)
    )
    window.problems.itemClicked.emit(item, 2)
    assert doc.selection == [cp.id]


# ---------------------------------------------------------------- panels


def test_tree_and_properties_follow_the_selection_and_edit_through_commands(window):
    doc = window.doc
    p = doc.plan.pickups[1]
    item = window.tree._items[p.id]
    window.tree.setCurrentItem(item)
    assert doc.selection == [p.id]
    rows = {r.path: r for r in window.properties._rows}
    name_edit = rows["name"].editor
    assert name_edit.text() == p.name
    before = plan_to_dict(doc.plan)
    name_edit.setText("Renamed in the panel")
    name_edit.editingFinished.emit()
    assert p.name == "Renamed in the panel"
    assert item.text(0).endswith("Renamed in the panel")
    doc.undo_stack.undo()
    assert plan_to_dict(doc.plan) == before
    assert name_edit.text() == before["pickups"][1]["name"]
    # Edit -> Delete removes the selection as one undoable step
    doc.set_selection([p.id, doc.plan.pickups[0].id])
    window.act_delete.trigger()
    assert doc.element(p.id) is None and len(doc.plan.pickups) == len(before["pickups"]) - 2
    doc.undo_stack.undo()
    assert plan_to_dict(doc.plan) == before


def test_validation_message_marks_the_field_and_fills_the_message_box(window):
    doc = window.doc
    hz = doc.plan.hazards[0]
    doc.set_selection([hz.id])
    doc.undo_stack.push(EditElementCommand(doc, hz.id, {"speed_factor": 0.0}))
    rows = {r.path: r for r in window.properties._rows}
    marker = rows["speed_factor"].message
    assert not marker.isHidden() and marker.text() == "✖"
    assert hz.id in marker.toolTip() and "speed_factor" in marker.toolTip()
    assert "speed_factor" in window.properties._messages.text()
    doc.undo_stack.undo()
    assert marker.isHidden() and window.properties._messages.text() == "No problems here."


# ---------------------------------------------------------------- files, autosave, recovery


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_autosave_then_crash_then_recovery_restores_the_plan(window, qtbot, monkeypatch):
    doc = window.doc
    p = doc.plan.pickups[0]
    doc.undo_stack.push(EditElementCommand(doc, p.id, {"name": "Edited before the crash", "people.general": 123}))
    expected = plan_to_dict(doc.plan)
    saved = window.autosave_now()
    assert saved is not None and saved.is_file()
    # the crash: the process is gone, its recovery files stay behind
    pid = _dead_pid()
    crashed = saved.with_name(f"recovery-{pid}.evacplan.json")
    os.replace(saved, crashed)
    meta = json.loads(saved.with_suffix(".meta").read_text())
    meta["pid"] = pid
    crashed.with_suffix(".meta").write_text(json.dumps(meta))
    saved.with_suffix(".meta").unlink()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    fresh = MainWindow()
    try:
        assert fresh.offer_recovery()
        assert plan_to_dict(fresh.doc.plan) == expected
        assert fresh.doc.is_modified()
        assert fresh.doc.path == doc.path
        assert not crashed.exists()
    finally:
        _close(fresh)


def test_open_corrupt_plan_shows_a_message_naming_the_problem(window, qtbot, tmp_path):
    bad = tmp_path / "broken.evacplan.json"
    text = json.loads(Path(window.doc.path).read_text())
    text["pickups"][0]["people"]["general"] = "many"
    bad.write_text(json.dumps(text))
    seen = []

    def close_box():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.done(0)
        else:  # not up yet
            QTimer.singleShot(50, close_box)

    before = plan_to_dict(window.doc.plan)
    QTimer.singleShot(50, close_box)
    assert window.open_path(bad) is False
    assert len(seen) == 1
    assert "broken.evacplan.json" in seen[0] and "general" in seen[0] and "P1" in seen[0]
    # still running, plan untouched
    assert window.isVisible()
    assert plan_to_dict(window.doc.plan) == before
    # not JSON at all
    bad.write_text("{ this is not json")
    QTimer.singleShot(50, close_box)
    assert window.open_path(bad) is False
    assert len(seen) == 2 and "broken.evacplan.json" in seen[1]


def test_save_writes_the_plan_and_clears_modified(window, tmp_path):
    doc = window.doc
    doc.undo_stack.push(EditElementCommand(doc, doc.plan.pickups[0].id, {"priority": 3}))
    assert doc.is_modified()
    out = tmp_path / "saved.evacplan.json"
    assert window._save_to(out)
    assert not doc.is_modified()
    assert plan_to_dict(load_plan(out)) == plan_to_dict(doc.plan)
    from ui.settings import recent_files

    assert str(out.resolve()) == recent_files(window.settings)[0]


# ---------------------------------------------------------------- evacplan gui --screenshot


def test_screenshot_writes_png_with_a_drawn_map(tmp_path, demo_plan_path, demo_net):
    png = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    r = subprocess.run(
        [sys.executable, "-m", "planner.cli", "gui", str(demo_plan_path), "--screenshot", str(png)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    img = QImage(str(png))
    assert (img.width(), img.height()) == (1600, 1000)
    # the map sits in the middle: left docks ~320 px, right docks ~400 px, bottom docks ~300 px
    crop = img.copy(420, 120, 700, 500).convertToFormat(QImage.Format_Grayscale8)
    arr = np.frombuffer(crop.constBits(), dtype=np.uint8).reshape(crop.height(), crop.bytesPerLine())[:, :700]
    assert arr.std() > 10, "the map area is blank"


# ---------------------------------------------------------------- start page, crash dialog


def test_start_page_offers_the_plans_and_says_which_file_to_import(qtbot, demo_net):
    w = MainWindow()
    try:
        page = w.start_page
        assert w.stack.currentWidget() is page
        assert not w.act_compute.isEnabled()
        page.set_networks(["neubrandenburg"])
        page.set_online(False, have_network=False)
        text = page.mariupol_status.text()
        assert "mariupol-zaporizhzhia" in text and "evacplan data import" in text and ".osm.pbf" in text
        assert page.mariupol_fetch.isHidden()
        page.set_online(True, have_network=False)
        assert not page.mariupol_fetch.isHidden()
        page.demo_button.click()  # opens the offline demo plan
        assert w.stack.currentWidget() is w.map_page and w.doc.plan.pickups
        qtbot.waitUntil(lambda: w.doc.network is not None, timeout=60_000)  # the network loads in a worker
        assert w.act_compute.isEnabled()
    finally:
        _close(w)


def test_unexpected_error_shows_a_dialog_and_saves_a_recovery_copy(window, monkeypatch):
    from ui import crash

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    doc = window.doc
    doc.undo_stack.push(EditElementCommand(doc, doc.plan.pickups[0].id, {"priority": 4}))
    try:
        raise ZeroDivisionError("boom in a slot")
    except ZeroDivisionError:
        crash._excepthook(*sys.exc_info())
    assert len(shown) == 1 and "ZeroDivisionError: boom in a slot" in shown[0]
    assert window.recovery_path.is_file()
    assert str(window.recovery_path) in shown[0]
    assert plan_to_dict(load_plan(window.recovery_path)) == plan_to_dict(doc.plan)
    window.discard_recovery()


# ---------------------------------------------------------------- networks


def test_import_osm_in_a_worker_then_put_the_plan_on_it(window, qtbot, monkeypatch):
    from planner.network import list_networks
    from tests.conftest import shared_osm

    src = shared_osm("liechtenstein-2013-08-03.osm.pbf")
    # cancelled at the first progress report: nothing stored
    with qtbot.waitSignal(window.taskFinished, timeout=60_000) as sig:
        assert window.import_network(src, "li-cancelled")
        window.worker.signals.progress.connect(lambda *_: window.cancel_task())
    assert sig.args == ["Import", False]
    assert "li-cancelled" not in [e["name"] for e in list_networks()]
    # a real import
    with qtbot.waitSignal(window.taskFinished, timeout=120_000) as sig:
        assert window.import_network(src, "li-gui")
    assert sig.args == ["Import", True]
    assert "li-gui" in [e["name"] for e in list_networks()]
    assert "li-gui" in window.statusBar().currentMessage()
    # Networks -> use network from the store: an undoable command
    doc = window.doc
    old = doc.network
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getItem", lambda *a, **k: ("li-gui", True))
    with qtbot.waitSignal(window.taskFinished, timeout=60_000) as sig:
        window.choose_network()  # the network loads in a worker
    assert sig.args == ["Load network", True]
    assert doc.network.name == "li-gui" and doc.plan.network.name == "li-gui"
    doc.undo_stack.undo()
    assert doc.network is old and doc.plan.network.name == "neubrandenburg"


def test_new_plan_on_a_stored_network(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from ui.window.dialogs import NewPlanDialog

    dlg = NewPlanDialog(["neubrandenburg"])
    dlg.hours.setText("many")
    dlg._accept()
    assert dlg.plan is None and "many" in dlg.error.text()

    def accept(self):
        self.name.setText("Drill 2")
        self.start.setText("2022-05-01 07:00+02:00")
        self.hours.setText("8")
        self._accept()
        return QDialog.Accepted

    monkeypatch.setattr(NewPlanDialog, "exec", accept)
    window.doc.mark_saved()
    window.new_plan()
    doc = window.doc
    assert doc.plan.name == "Drill 2" and not list(doc.plan.elements())
    assert doc.plan.window.duration_s == 8 * 3600
    qtbot.waitUntil(lambda: doc.network is not None, timeout=60_000)  # loaded in a worker unless already loaded
    assert doc.plan.network.sha256 == doc.network.sha256
    assert doc.is_modified() and doc.path is None
