"""Editing with real key presses: undo and redo shortcuts, and Properties fields that guard their values."""

from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QApplication

from ui.commands import EditElementCommand
from ui.window.main import MainWindow

pytestmark = pytest.mark.gui

MainWindow.check_connectivity = False


def _rows(window):
    return {r.path: r for r in window.properties._rows}


def _edit_priority(doc, value):
    p = doc.plan.pickups[0]
    doc.undo_stack.push(EditElementCommand(doc, p.id, {"priority": value}))
    return p


# ---------------------------------------------------------------- undo / redo


@pytest.mark.parametrize("redo_keys", ["Ctrl+Shift+Z", "Ctrl+Y"])
def test_redo_shortcuts_redo(window, redo_keys):
    doc = window.doc
    p = _edit_priority(doc, 7)
    window.map.setFocus()
    QTest.keySequence(window.map, QKeySequence("Ctrl+Z"))
    assert p.priority != 7
    QTest.keySequence(window.map, QKeySequence(redo_keys))
    assert p.priority == 7 and not doc.undo_stack.canRedo()


def test_no_key_sequence_is_registered_twice(window):
    seen = {}
    for a in window.findChildren(type(window.act_undo)):
        for s in a.shortcuts():
            key = s.toString()
            assert key not in seen or seen[key] is a, f"{key} on {seen.get(key).text()!r} and {a.text()!r}"
            assert a.shortcuts().count(s) == 1, f"{key} twice on {a.text()!r}"
            seen[key] = a
    assert {"Ctrl+Z"} <= {s.toString() for s in window.act_undo.shortcuts()}
    assert {"Ctrl+Shift+Z", "Ctrl+Y"} <= {s.toString() for s in window.act_redo.shortcuts()}


def test_ctrl_z_in_a_text_field_undoes_the_field_not_the_plan(window):
    doc = window.doc
    p = _edit_priority(doc, 7)
    doc.set_selection([p.id])
    name = _rows(window)["name"].editor
    name.setFocus()
    QApplication.processEvents()
    before = name.text()
    QTest.keyClick(name, Qt.Key_End)
    QTest.keyClicks(name, " typed")
    assert name.text() == before + " typed"
    QTest.keySequence(name, QKeySequence("Ctrl+Z"))
    assert name.text() != before + " typed"  # the field's own undo
    assert p.priority == 7 and doc.undo_stack.index() == 1  # the plan edit is still there


# ---------------------------------------------------------------- fields that guard their values


def _type_into(box, text):
    box.setFocus()
    box.selectAll()
    QTest.keyClicks(box, text)
    QTest.keyClick(box, Qt.Key_Return)


def test_a_negative_head_count_cannot_be_typed(window):
    doc = window.doc
    p = doc.plan.pickups[0]
    doc.set_selection([p.id])
    box = _rows(window)["people.general"].editor
    assert isinstance(box, QAbstractSpinBox) and box.minimum() == 0
    _type_into(box, "-50")
    assert box.value() >= 0 and p.people.general >= 0
    _type_into(box, "120")
    assert p.people.general == 120  # a real value goes through, as one undo command
    doc.undo_stack.undo()
    assert p.people.general != 120


def test_spin_boxes_hold_physical_ranges(window):
    doc = window.doc
    cp = doc.plan.checkpoints[0]
    doc.set_selection([cp.id])
    lanes = _rows(window)["lanes"].editor
    assert (lanes.minimum(), lanes.maximum()) == (1, 50)
    _type_into(lanes, "0")
    assert cp.lanes >= 1
    doc.set_selection([])
    rows = _rows(window)
    assert rows["rules.snap_limit_m"].editor.minimum() > 0
    assert rows["rules.loading_s_per_person"].editor.maximum() == 3600


def test_a_value_the_file_holds_out_of_range_is_shown_as_it_is(window):
    doc = window.doc
    hz = doc.plan.hazards[0]
    doc.undo_stack.push(EditElementCommand(doc, hz.id, {"speed_factor": 0.0}))
    doc.set_selection([hz.id])
    assert _rows(window)["speed_factor"].editor.value() == 0.0  # not clamped to the 0.01 minimum


def test_window_start_is_a_date_time_picker(window):
    doc = window.doc
    doc.set_selection([])
    field = _rows(window)["window.start"].editor
    start = doc.plan.window.start
    assert field.editor.calendarPopup()
    assert field.editor.dateTime().toString("yyyy-MM-dd HH:mm") == start.strftime("%Y-%m-%d %H:%M")
    assert field.zone.text() == "UTC+02:00"
    later = start + timedelta(hours=1, minutes=30)
    field.editor.setFocus()
    field.editor.setDateTime(QDateTime(QDate(later.year, later.month, later.day), QTime(later.hour, later.minute)))
    QTest.keyClick(field.editor, Qt.Key_Return)
    assert doc.plan.window.start == later and doc.plan.window.start.utcoffset() == start.utcoffset()


def test_open_hours_and_ready_time_are_optional_pickers(window):
    doc = window.doc
    cp = doc.plan.checkpoints[0]
    doc.set_selection([cp.id])
    opens = _rows(window)["open_from"].editor
    was = cp.open_from
    opens.check.setChecked(not opens.is_set())  # a real click on the box toggles the same way
    assert (cp.open_from is None) != (was is None)
    if cp.open_from is None:
        opens.check.setChecked(True)
    opens.editor.setTime(QTime(6, 45))
    opens.editor.setFocus()
    QTest.keyClick(opens.editor, Qt.Key_Return)
    assert cp.open_from == time(6, 45)
    p = doc.plan.pickups[0]
    doc.set_selection([p.id])
    ready = _rows(window)["ready_time"].editor
    ready.check.setChecked(True)
    assert isinstance(p.ready_time, datetime) and p.ready_time.tzinfo is not None
    ready.check.setChecked(False)
    assert p.ready_time is None


def test_the_form_does_not_jump_when_a_warning_comes_and_goes(window):
    doc = window.doc
    hz = doc.plan.hazards[0]
    doc.set_selection([hz.id])
    QApplication.processEvents()
    page = window.properties.widget()

    def tops():
        return [r.editor.mapTo(page, r.editor.rect().topLeft()).y() for r in window.properties._rows]

    before = tops()
    doc.undo_stack.push(EditElementCommand(doc, hz.id, {"speed_factor": 0.0}))  # an error appears
    QApplication.processEvents()
    assert not _rows(window)["speed_factor"].message.isHidden()
    assert tops() == before
    doc.undo_stack.undo()
    QApplication.processEvents()
    assert tops() == before
