"""Long work of the main window (compute, import, build, export) in a worker, with progress and cancel."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.i18n import group_digits
from ui.messages import problem_text, step_text
from ui.panels.kpis import kpi_texts
from ui.window.networks import one_line
from ui.workers import TaskWorker, compute_plan, schedule_json

#: The tasks' names (identifiers in signals; translated where shown, context TasksMixin).
TASK_NAMES = (
    QT_TRANSLATE_NOOP("TasksMixin", "Compute"),
    QT_TRANSLATE_NOOP("TasksMixin", "Tighten the bound"),
    QT_TRANSLATE_NOOP("TasksMixin", "Build network"),
    QT_TRANSLATE_NOOP("TasksMixin", "Load network"),
    QT_TRANSLATE_NOOP("TasksMixin", "Import"),
    QT_TRANSLATE_NOOP("TasksMixin", "Fetch"),
    QT_TRANSLATE_NOOP("TasksMixin", "Export PDF"),
    QT_TRANSLATE_NOOP("TasksMixin", "Export CSV"),
    QT_TRANSLATE_NOOP("TasksMixin", "Export GEOJSON"),
    QT_TRANSLATE_NOOP("TasksMixin", "Export GPX"),
)


def task_label(name: str) -> str:
    """A task's name as shown ("Compute" -> "Розрахунок")."""
    return QCoreApplication.translate("TasksMixin", name)


class TasksMixin:
    """Methods of :class:`ui.window.main.MainWindow`: long work in a worker, with progress and cancel."""

    def _start_task(self, name: str, worker: TaskWorker, on_done) -> bool:
        if self.worker is not None:
            self.statusBar().showMessage(
                self.tr("Busy: {task} is running").format(task=task_label(self._task_name)), 5000
            )
            return False
        self.worker = worker
        self._task_name = name
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat(task_label(name) + ": %p%")
        self.progress.show()
        self.cancel_button.show()
        worker.signals.progress.connect(self._on_progress)
        worker.signals.finished.connect(lambda result: self._task_done(name, on_done, result))
        worker.signals.failed.connect(lambda msg, tb: self._task_failed(name, msg, tb))
        worker.signals.cancelled.connect(lambda: self._task_cancelled(name))
        self._update_actions()
        worker.start()
        return True

    def _on_progress(self, fraction, message) -> None:
        if fraction is None or fraction < 0:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * max(0.0, min(1.0, fraction))))
        self.statusBar().showMessage(f"{task_label(self._task_name)}: {step_text(message)}")

    def _end_task(self) -> None:
        self.worker = None
        self.progress.hide()
        self.cancel_button.hide()
        self._update_actions()
        if getattr(self, "banner", None) is not None:
            self._update_banner()

    def _task_done(self, name, on_done, result) -> None:
        self._end_task()
        try:
            on_done(result)
        finally:
            self.taskFinished.emit(name, True)

    def _task_failed(self, name, message, tb) -> None:
        self._end_task()
        if tb:
            print(tb, file=sys.stderr)
        if name == "Compute" and self.doc is not None:
            self.problems.set_engine_error(self.tr("Compute failed: {message}").format(message=message))
            self.dock_problems.raise_()
            self.statusBar().showMessage(self.tr("Compute failed: {message}").format(message=message), 15000)
            self.computeFinished.emit(False)
        elif name == "Build network":
            self._after_network = []
            QMessageBox.warning(self, self.tr("{task} failed").format(task=task_label(name)), one_line(message))
        elif name == "Load network":  # one line in the map's banner and the status bar, no dialog
            self._network_not_loaded(self._loading_name, one_line(message))
        else:
            QMessageBox.warning(self, self.tr("{task} failed").format(task=task_label(name)), one_line(message))
        self.taskFinished.emit(name, False)

    def _task_cancelled(self, name) -> None:
        self._end_task()
        self.statusBar().showMessage(self.tr("{task} cancelled: nothing changed.").format(task=task_label(name)), 8000)
        if name == "Compute":
            self.computeFinished.emit(False)
        elif name == "Load network":
            self._network_not_loaded(self._loading_name, "cancelled")
        elif name == "Build network":
            self._after_network = []
        self.taskFinished.emit(name, False)

    def _variants_running(self) -> bool:
        return getattr(getattr(self, "variants", None), "worker", None) is not None

    def cancel_task(self) -> None:
        """Cancel the running work (compute, import, build, export; else a what-if run)."""
        if self.worker is not None:
            self.worker.cancel()
            self.statusBar().showMessage(self.tr("Cancelling {task}…").format(task=task_label(self._task_name)))
        elif self._variants_running():
            self.variants.cancel()
            self.statusBar().showMessage(self.tr("Cancelling the what-if run…"))

    def _detach_worker(self) -> None:
        """Cancel the running worker and drop it: its signals no longer reach this window."""
        if self.worker is None:
            return
        self.worker.cancel()
        for sig in (
            self.worker.signals.progress,
            self.worker.signals.finished,
            self.worker.signals.failed,
            self.worker.signals.cancelled,
        ):
            try:
                sig.disconnect()
            except (RuntimeError, TypeError):
                pass
        self._end_task()

    def wait_task(self, timeout_s: float = 600.0) -> None:
        """Block with a local event loop until the running worker ends (screenshot mode, scripts)."""
        w = self.worker
        if w is None:
            return
        loop = QEventLoop()
        for sig in (w.signals.finished, w.signals.failed, w.signals.cancelled):
            sig.connect(loop.quit, Qt.QueuedConnection)
        poll = QTimer()  # in case the worker ended between the check and the connections
        poll.timeout.connect(lambda: (w.done.is_set() or time.monotonic() > deadline) and loop.quit())
        deadline = time.monotonic() + timeout_s
        poll.start(100)
        if not w.done.is_set():
            loop.exec()
        poll.stop()
        QApplication.processEvents()

    def compute(self, *, wait: bool = False) -> bool:
        """Route and schedule the plan in a worker; results replace ``doc.results`` when done.

        ``wait``: block (with a local event loop) until the worker ends (screenshot mode).
        """
        if self.doc is None:
            return False
        if self.doc.network is None and (self._loading() or self._building()):
            # the network is on its way: compute when it arrives
            if wait:
                self.wait_task()
                return self.doc.network is not None and self.compute(wait=True)
            self._after_network = [*getattr(self, "_after_network", []), self.compute]
            self.statusBar().showMessage(self.tr("The plan is computed as soon as its road network is loaded."), 10000)
            return True
        if self.doc.network is None:
            self.problems.set_engine_error(
                self.tr("Network {name} is not in the store: import or fetch it (Networks menu).").format(
                    name=repr(self.doc.plan.network.name)
                )
            )
            self.dock_problems.raise_()
            self.statusBar().showMessage(self.tr("Cannot compute: the plan's road network is not loaded."), 10000)
            self.computeFinished.emit(False)
            return False
        plan = self.doc.plan.copy()  # the worker reads a snapshot; edits meanwhile make the result stale
        self._compute_serial = self._edit_serial
        worker = TaskWorker(compute_plan, plan, self.doc.network)
        if not self._start_task("Compute", worker, self._compute_done):
            return False
        if wait:
            self.wait_task()
        return True

    def can_tighten_bound(self) -> bool:
        """A schedule is shown whose bound is not yet proven best (some gap) nor tightened with the effort of the
        preferences already (or more), and no work runs."""
        from ui.settings import bound_effort_seconds

        res = getattr(self.doc, "results", None) if self.doc is not None else None
        s = getattr(res, "schedule", None)
        if s is None or self.worker is not None or self.doc.network is None or not s.kpis.gap > 0:
            return False
        done = getattr(res, "bound_effort_s", None)
        return done is None or done < bound_effort_seconds(self.settings)

    def tighten_bound(self, *, wait: bool = False) -> bool:
        """Plan → Tighten the bound: compute the plan again with more effort for its upper bound.

        ``bound_effort_s`` is the preference :func:`ui.settings.bound_effort_seconds`; the engine's solver runs
        report progress, Cancel (Esc) stops between two of them and leaves the results shown. Results replace
        ``doc.results`` as a compute's do (stale when the plan was edited meanwhile).
        """
        from ui.settings import bound_effort_seconds

        if not self.can_tighten_bound():
            return False
        effort = float(bound_effort_seconds(self.settings))
        plan = self.doc.plan.copy()  # a snapshot, as for a compute: edits meanwhile make the result stale
        self._compute_serial = self._edit_serial
        worker = TaskWorker(compute_plan, plan, self.doc.network, bound_effort_s=effort)
        if not self._start_task("Tighten the bound", worker, self._tighten_done):
            return False
        self.statusBar().showMessage(
            self.tr("Tightening the upper bound ({s} s a solver run): this takes minutes; Esc cancels.").format(
                s=group_digits(int(effort))
            ),
            10000,
        )
        if wait:
            self.wait_task()
        return True

    def _tighten_done(self, result) -> None:
        if self._compute_serial != self._edit_serial:
            self.statusBar().showMessage(
                self.tr("The plan changed while the bound was tightened: press F5 again."), 10000
            )
            return
        if getattr(result, "schedule", None) is None:  # the plan no longer computes: say why, as Compute does
            self._compute_done(result)
            return
        self.doc.set_results(result)
        k = result.schedule.kpis
        self._computed_message = self.tr("Bound tightened: at most {bound} people, gap {gap}.").format(
            bound=group_digits(int(k.upper_bound)), gap=kpi_texts(result.schedule)["gap"]
        )
        self.statusBar().showMessage(self._computed_message, 15000)
        self.dock_kpis.raise_()

    def _compute_done(self, result) -> None:
        if self._compute_serial != self._edit_serial:
            self.statusBar().showMessage(self.tr("The plan changed while computing: press F5 again."), 10000)
            self.computeFinished.emit(False)
            return
        self.doc.set_results(result)
        data = schedule_json(result.schedule)
        if data is not None:
            k = data.get("kpis", {})
            self._computed_message = self.tr("Computed: {n} convoys, {out} of {demand} people out.").format(
                n=len(data.get("convoys", [])),
                out=group_digits(int(k.get("evacuated", 0))),
                demand=group_digits(int(k.get("demand", 0))),
            )
            self.statusBar().showMessage(self._computed_message, 15000)
            self.dock_schedule.raise_()
        else:  # refused: name the first error where the planner looks, and show its element
            errs = result.errors or list(result.problems)
            more = " " + self.tr("(+{n} more in Problems)").format(n=len(errs) - 1) if len(errs) > 1 else ""
            first = errs[0] if errs else None
            text = problem_text(first, self.doc) if first is not None else self.tr("see Problems")
            self.statusBar().showMessage(self.tr("Not computed: {reason}").format(reason=text + more), 30000)
            self.dock_problems.raise_()
            eid = getattr(first, "element_id", None)
            if eid and self.doc.element(eid) is not None:
                self.doc.set_selection([eid])
                self.centre_on(eid)
        self.computeFinished.emit(True)
