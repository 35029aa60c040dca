"""What a planner reviewing the demo plan must be able to see and edit: the convoy-model fields of a checkpoint
(per convoy, document checks, empty vehicles, overnight halt) and the plan's escort teams, with real key presses."""

import pytest
from PySide6.QtWidgets import QAbstractSpinBox, QCheckBox

from tests.ui.test_editing import _rows, _type_into
from ui.window.main import MainWindow

pytestmark = pytest.mark.gui

MainWindow.check_connectivity = False


def test_a_checkpoint_shows_and_edits_every_field_of_its_passage_time(window):
    doc = window.doc
    cp = doc.plan.checkpoints[0]
    doc.set_selection([cp.id])
    rows = _rows(window)
    per_convoy = rows["minutes_per_convoy"].editor
    per_person = rows["seconds_per_person"].editor
    empty = rows["checks_empty"].editor
    halt = rows["overnight_halt"].editor
    assert isinstance(per_convoy, QAbstractSpinBox) and isinstance(per_person, QAbstractSpinBox)
    assert isinstance(empty, QCheckBox) and isinstance(halt, QCheckBox)
    # the panel shows what the plan holds (the demo: 20 min per convoy, empty vehicles checked)
    assert per_convoy.value() == pytest.approx(cp.minutes_per_convoy) and cp.minutes_per_convoy > 0
    assert per_person.value() == pytest.approx(cp.seconds_per_person)
    assert empty.isChecked() == cp.checks_empty and halt.isChecked() == cp.overnight_halt
    _type_into(per_convoy, "35")
    assert cp.minutes_per_convoy == 35.0
    _type_into(rows["seconds_per_person"].editor, "12")
    assert cp.seconds_per_person == 12.0
    _rows(window)["checks_empty"].editor.click()
    assert cp.checks_empty is False
    _rows(window)["overnight_halt"].editor.click()
    assert cp.overnight_halt is True
    for _ in range(4):  # four undoable edits
        doc.undo_stack.undo()
    assert (cp.minutes_per_convoy, cp.checks_empty, cp.overnight_halt) != (35.0, False, True)


def test_plan_settings_edit_the_escort_teams(window):
    doc = window.doc
    doc.set_selection([])
    box = _rows(window)["rules.escort_teams"].editor
    rules = doc.plan.rules
    shown = box.value() or None
    assert shown == rules.escort_teams
    _type_into(box, "2")
    assert rules.escort_teams == 2
    _type_into(_rows(window)["rules.escort_teams"].editor, "0")  # 0 shows "unlimited" and means no limit
    assert rules.escort_teams is None
    box = _rows(window)["rules.escort_teams"].editor
    assert box.text() == box.specialValueText()
