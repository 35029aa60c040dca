"""Plan ▸ Tighten the bound: the real engine's effort bound in a worker, with progress, Cancel and stale results.

The window is on a small sub-plan of the demo on the bundled network
(:mod:`tests.exact.instances`): ``gen14`` (152 people out, a normal bound of
160 with a gap; its effort bound at 1 s a run takes well under a second) and,
in the slow test, ``gen24`` (230 out, whose bound the effort brings from 272
to 240). The effort is the preference, at its least (1 s a run).
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest

import ui.window.tasks
from planner.plan import load_plan
from planner.progress import STEPS
from tests.exact.instances import ALL, sub_plan
from tests.ui.conftest import activate, close_window
from ui.i18n import install_translator
from ui.messages import step_text
from ui.settings import BOUND_EFFORT_S, PreferencesDialog, bound_effort_seconds, set_bound_effort_seconds

TIGHTENING = "tightening the upper bound"


def _window(qtbot, demo_plan_path, demo_net, name="gen14"):
    """The main window on the exact instance ``name``'s plan, computed (the normal bound), the effort 1 s a run."""
    from ui.document import PlanDocument
    from ui.window.main import MainWindow

    plan = sub_plan(load_plan(demo_plan_path), next(s for s in ALL if s.name == name))
    w = MainWindow(PlanDocument(plan, demo_net))
    set_bound_effort_seconds(1, w.settings)
    w.show()
    qtbot.waitExposed(w)
    with qtbot.waitSignal(w.computeFinished, timeout=60_000) as sig:
        assert w.compute()
    assert sig.args == [True]
    return w


@pytest.fixture
def hold_tightening(monkeypatch):
    """The GUI's compute held at its first report of the tightening until the test sets the returned event
    (re-reporting while held: a cancel is seen at once). Every message the worker reported is in ``.seen``."""
    gate = threading.Event()
    gate.seen = []
    real = ui.window.tasks.compute_plan

    def held(*args, progress, **kwargs):
        def report(fraction, message):
            gate.seen.append(message)
            progress(fraction, message)  # raises Cancelled once the cancel was sent
            if message.startswith(TIGHTENING):
                for _ in range(600):
                    if gate.wait(0.05):
                        break
                    progress(fraction, message)

        return real(*args, progress=report, **kwargs)

    monkeypatch.setattr(ui.window.tasks, "compute_plan", held)
    return gate


def test_the_button_tightens_the_bound_and_the_summary_says_so(qtbot, demo_plan_path, demo_net):
    w = _window(qtbot, demo_plan_path, demo_net)
    try:
        before = w.doc.results
        k = before.schedule.kpis
        assert k.upper_bound > k.evacuated  # a gap: there is something to tighten
        assert w.kpis.bound_caption.text() == "Upper bound"
        assert w.kpis.bound_caption.toolTip().startswith("The quick proof of the upper bound.")
        assert w.act_tighten.isEnabled() and w.kpis.tighten_button.isEnabled()
        assert w.kpis.tighten_button.isVisible()
        with qtbot.waitSignal(w.taskFinished, timeout=60_000) as sig:
            QTest.mouseClick(w.kpis.tighten_button, Qt.LeftButton)
            assert w.worker is not None and not w.act_compute.isEnabled() and not w.act_tighten.isEnabled()
        assert sig.args == ["Tighten the bound", True]
        res = w.doc.results
        assert res is not before and res.bound_effort_s == 1.0
        tight = res.schedule.kpis
        assert tight.evacuated == k.evacuated and k.evacuated <= tight.upper_bound <= k.upper_bound
        # the summary shows the engine's new figures, labelled as the tightened bound with its effort
        assert w.kpis.values["upper_bound"].text() == f"{tight.upper_bound:,}"
        assert w.kpis.bound_caption.text() == "Upper bound · 1 s"
        assert "tightened with 1 s of solver time a run" in w.kpis.bound_caption.toolTip()
        assert w.statusBar().currentMessage().startswith(f"Bound tightened: at most {tight.upper_bound:,} people")
        # tightened with the preference's effort: again only with more time a run
        assert not w.act_tighten.isEnabled() and not w.kpis.tighten_button.isEnabled()
        set_bound_effort_seconds(2, w.settings)
        w._update_actions()  # what accepting the Preferences dialog does
        assert w.act_tighten.isEnabled() and w.kpis.tighten_button.isEnabled()
        # a compute again gives the normal bound, labelled so
        with qtbot.waitSignal(w.computeFinished, timeout=60_000):
            QTest.keyClick(w, Qt.Key_F5)
        assert w.doc.results.bound_effort_s is None and w.kpis.bound_caption.text() == "Upper bound"
    finally:
        close_window(w)


def test_esc_cancels_the_tightening_and_keeps_the_results(qtbot, hold_tightening, demo_plan_path, demo_net):
    gate = hold_tightening
    w = _window(qtbot, demo_plan_path, demo_net)
    try:
        activate(qtbot, w)
        before = w.doc.results
        gate.seen.clear()
        with qtbot.waitSignal(w.taskFinished, timeout=60_000) as sig:
            w.act_tighten.trigger()  # Plan ▸ Tighten the bound
            # the tightening's progress reaches the status bar and the bar, in the task's name
            qtbot.waitUntil(lambda: TIGHTENING in w.statusBar().currentMessage(), timeout=30_000)
            assert w.statusBar().currentMessage().startswith("Tighten the bound: tightening the upper bound: part 1 of")
            assert w.progress.isVisible() and w.progress.format().startswith("Tighten the bound")
            assert w.progress.value() > 0 and w.cancel_button.isVisible()
            QTest.keyClick(w, Qt.Key_Escape)
        assert sig.args == ["Tighten the bound", False]
        gate.set()
        # stopped at the report it was held at: no later part of the tightening, nothing after the bound
        assert gate.seen[-1].startswith(TIGHTENING) and "packaging the schedule" not in gate.seen
        assert w.doc.results is before and w.worker is None
        assert "Tighten the bound cancelled: nothing changed." in w.statusBar().currentMessage()
        assert w.kpis.bound_caption.text() == "Upper bound"
        assert w.kpis.bound_caption.toolTip().startswith("The quick proof of the upper bound.")
        assert w.act_tighten.isEnabled() and not w.act_cancel.isEnabled()
    finally:
        gate.set()
        close_window(w)


def test_an_edit_while_tightening_makes_the_result_stale(qtbot, hold_tightening, demo_plan_path, demo_net):
    from ui.commands import EditElementCommand

    gate = hold_tightening
    w = _window(qtbot, demo_plan_path, demo_net)
    try:
        with qtbot.waitSignal(w.taskFinished, timeout=60_000) as sig:
            assert w.tighten_bound()
            qtbot.waitUntil(lambda: any(m.startswith(TIGHTENING) for m in gate.seen), timeout=30_000)
            pickup = w.doc.plan.pickups[0]
            w.doc.undo_stack.push(EditElementCommand(w.doc, pickup.id, {"priority": pickup.priority + 1}))
            gate.set()
        assert sig.args == ["Tighten the bound", True]
        assert w.doc.results is None  # the edit cleared the results; the tightened ones are not shown
        assert "changed while the bound was tightened" in w.statusBar().currentMessage()
        assert not w.act_tighten.isEnabled()  # nothing shown to tighten
    finally:
        gate.set()
        close_window(w)


def test_the_effort_is_a_preference_of_1_to_60_s(qapp, tmp_path):
    s = QSettings(str(tmp_path / "prefs.ini"), QSettings.IniFormat)
    assert bound_effort_seconds(s) == BOUND_EFFORT_S == 5
    dlg = PreferencesDialog(s)
    assert dlg.bound_effort.value() == 5
    assert (dlg.bound_effort.minimum(), dlg.bound_effort.maximum()) == (1, 60)
    dlg.bound_effort.setValue(12)
    dlg.accept()
    assert bound_effort_seconds(s) == 12
    s.setValue("bound_effort_seconds", "999")
    assert bound_effort_seconds(s) == 60
    s.setValue("bound_effort_seconds", "fast")
    assert bound_effort_seconds(s) == 5


@pytest.mark.parametrize(
    "lang, action, caption, tightened, step, task, status",
    [
        (
            "uk",
            "Уточнити &межу",
            "Верхня межа",
            "Верхня межа · 1 с",
            "уточнення верхньої межі: частина 2 з 13",
            "Уточнення межі",
            "Межу уточнено: щонайбільше",
        ),
        (
            "ru",
            "Уточнить &границу",
            "Верхняя граница",
            "Верхняя граница · 1 с",
            "уточнение верхней границы: часть 2 из 13",
            "Уточнение границы",
            "Граница уточнена: не более",
        ),
    ],
    ids=["uk", "ru"],
)
def test_the_tightening_speaks_ukrainian_and_russian(
    qapp, qtbot, demo_plan_path, demo_net, lang, action, caption, tightened, step, task, status
):
    from ui.window.tasks import task_label

    assert install_translator(qapp, lang) == lang
    try:
        assert step_text(STEPS["tightening_bound"].format(done=2, total=13)) == step
        assert task_label("Tighten the bound") == task
        w = _window(qtbot, demo_plan_path, demo_net)
        try:
            assert w.act_tighten.text() == action
            assert w.kpis.bound_caption.text() == caption
            assert w.kpis.tighten_button.text() in ("Уточнити", "Уточнить")
            with qtbot.waitSignal(w.taskFinished, timeout=60_000) as sig:
                QTest.mouseClick(w.kpis.tighten_button, Qt.LeftButton)
            assert sig.args == ["Tighten the bound", True]
            assert w.kpis.bound_caption.text() == tightened
            assert status in w.statusBar().currentMessage()
            assert not any(word in w.kpis.bound_caption.toolTip() for word in ("Tighten", "bound", "solver"))
        finally:
            close_window(w)
    finally:
        install_translator(qapp, "en")


def test_the_tightening_lowers_a_loose_bound(qtbot, demo_plan_path, demo_net):
    w = _window(qtbot, demo_plan_path, demo_net, "gen24")
    try:
        k = w.doc.results.schedule.kpis
        with qtbot.waitSignal(w.taskFinished, timeout=120_000) as sig:
            QTest.keyClick(w, Qt.Key_F5, Qt.ControlModifier)  # the action's shortcut
        assert sig.args == ["Tighten the bound", True]
        tight = w.doc.results.schedule.kpis
        assert tight.evacuated <= tight.upper_bound < k.upper_bound
        assert w.kpis.values["upper_bound"].text() == f"{tight.upper_bound:,}"
        assert w.kpis.values["gap"].text() == f"{100 * tight.gap:.1f} %"
    finally:
        close_window(w)
