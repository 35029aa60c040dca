"""The Variants panel: what-if variants of the open plan, run side by side, compared, and a sweep chart.

Integration (GUI shell): ``panel = VariantsPanel(doc)``; put it in a dock. It
observes the :class:`ui.document.PlanDocument`, runs
:func:`planner.whatif.run_whatif` in a :class:`ui.workers.TaskWorker` (the same
engine call as ``evacplan whatif``, so it shows the same numbers) and emits

- ``variantRoutes(dict)`` when the planner clicks a variant: ``{"variant": name,
  "base": PlanRoutes, "routes": PlanRoutes, "changed": [route change dicts]}`` —
  connect it to the map to draw the variant's routes over the base's;
- ``reportReady(dict)`` when a run finished (the JSON report).
"""

from __future__ import annotations

import json

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.errors import EvacplanError
from planner.export.common import write_text_atomic
from planner.whatif import (
    BASE_NAME,
    Variant,
    VariantSet,
    apply_variant,
    diff_plans,
    dumps_variants,
    load_variants,
    run_whatif,
)
from ui.messages import route_change_text, step_text, sweep_sentence, whatif_delta, whatif_label, whatif_value
from ui.panels.comparison import NO_VARIANTS_HINT, RUN_HINT, ComparisonTable, SweepChart, variant_routes
from ui.workers import TaskWorker, thread_private

RUN_MODES = (
    ("process", QT_TRANSLATE_NOOP("VariantsPanel", "worker processes")),
    ("inprocess", QT_TRANSLATE_NOOP("VariantsPanel", "this process")),
)
EDITOR_HEIGHT = 120  # px of the variants list and changes editor while editing


class VariantsPanel(QWidget):
    """What-if variants of the open plan: make them, record map edits into them, run all, compare.

    ``VariantsPanel(doc)`` with ``doc`` the :class:`ui.document.PlanDocument`.

    - **New variant** adds an empty variant (double-click its name to rename it);
      its changes are JSON (the vocabulary of :mod:`planner.whatif.changes`),
      editable on the right, **Apply** checks them against the plan.
    - **Record edits**: while pressed, edits made on the map and in the
      properties go into the selected variant; on release they are turned into
      changes (:func:`planner.whatif.diff_plans`) and undone on the plan, so
      the base stays as it was. Edits a variant cannot hold are listed.
    - **Open… / Save…** read and write variants files (``*.variants.json``).
    - **Run all** computes the base, every variant and every sweep point in
      worker processes (or in this process) and fills the comparison table and
      the sweep chart. Clicking a variant emits ``variantRoutes``.
    """

    variantRoutes = Signal(object)
    reportReady = Signal(object)
    runFinished = Signal()

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.vset = VariantSet()
        self._saved_text = dumps_variants(self.vset)  # what the variants file holds (unsaved work: different)
        self.report = None
        self.worker = None
        self.route_worker = None
        self._recording = None  # (undo index at start, base plan copy, variant)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        bar = QHBoxLayout()
        self.btn_new = QPushButton(self.tr("New variant"))
        self.btn_record = QPushButton(self.tr("Record edits"))
        self.btn_record.setCheckable(True)
        self.btn_remove = QPushButton(self.tr("Remove"))
        self.btn_open = QPushButton(self.tr("Open…"))
        self.btn_save = QPushButton(self.tr("Save…"))
        self.mode = QComboBox()
        for key, label in RUN_MODES:
            self.mode.addItem(self.tr(label), key)
        self.btn_run = QPushButton(self.tr("Run all"))
        self.btn_cancel = QPushButton(self.tr("Cancel"))
        self.btn_cancel.setEnabled(False)
        for w in (self.btn_new, self.btn_record, self.btn_remove, self.btn_open, self.btn_save):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.mode, self.btn_run, self.btn_cancel):
            bar.addWidget(w)
        lay.addLayout(bar)

        # editor (list | changes) above, results below, a draggable handle between: the results get the
        # stretch, and the editor shrinks to its list after a run so the whole comparison shows
        self.vsplit = QSplitter(Qt.Vertical)
        self.vsplit.setChildrenCollapsible(False)
        self.editor = QSplitter(Qt.Horizontal)
        self.list = QListWidget()
        self.list.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed)
        self.list.setMinimumHeight(44)
        self.editor.addWidget(self.list)
        right = QWidget()
        rl = QHBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.changes_edit = QPlainTextEdit()
        self.changes_edit.setPlaceholderText('[{"type": "close_road", "point": [lon, lat]}]')
        self.changes_edit.setMinimumHeight(44)
        self.btn_apply = QPushButton(self.tr("Apply"))
        rl.addWidget(self.changes_edit, 1)
        rl.addWidget(self.btn_apply, 0, Qt.AlignTop)
        self.editor.addWidget(right)
        self.editor.setStretchFactor(1, 2)
        self.vsplit.addWidget(self.editor)

        results = QWidget()
        resl = QVBoxLayout(results)
        resl.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        resl.addWidget(self.status)
        resl.addWidget(self.progress)

        self.tabs = QTabWidget()
        self.table = ComparisonTable()
        self.table.set_placeholder(NO_VARIANTS_HINT)
        self.table.horizontalHeader().setToolTip(self.tr("Click a variant's column to show its routes on the map"))
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)  # compact: all KPI rows
        self.routes_label = QLabel("")
        self.routes_label.setWordWrap(True)
        cmp_page = QWidget()
        cl = QVBoxLayout(cmp_page)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.table, 1)
        cl.addWidget(self.routes_label)
        self.tabs.addTab(cmp_page, self.tr("Comparison"))
        sweep_page = QWidget()
        sl = QVBoxLayout(sweep_page)
        sl.setContentsMargins(0, 0, 0, 0)
        self.sweep_pick = QComboBox()
        self.chart = SweepChart()
        self.sweep_text = QLabel("")
        sl.addWidget(self.sweep_pick)
        sl.addWidget(self.chart, 1)
        sl.addWidget(self.sweep_text)
        self.tabs.addTab(sweep_page, self.tr("Sweep"))
        resl.addWidget(self.tabs, 1)
        self.vsplit.addWidget(results)
        self.vsplit.setStretchFactor(0, 0)
        self.vsplit.setStretchFactor(1, 1)
        lay.addWidget(self.vsplit, 1)
        self._editor_height = EDITOR_HEIGHT  # kept through resizes (QSplitter alone hands growth back to it)
        self.vsplit.splitterMoved.connect(lambda *_: setattr(self, "_editor_height", self.vsplit.sizes()[0]))

        self.btn_new.clicked.connect(lambda: self.add_variant())
        self.btn_remove.clicked.connect(self.remove_selected)
        self.btn_record.toggled.connect(self._on_record)
        self.btn_open.clicked.connect(self._open_dialog)
        self.btn_save.clicked.connect(self._save_dialog)
        self.btn_run.clicked.connect(self.run_all)
        self.btn_cancel.clicked.connect(self.cancel)
        self.btn_apply.clicked.connect(self.apply_text)
        self.list.currentRowChanged.connect(self._on_select)
        self.list.itemChanged.connect(self._on_renamed)
        self.sweep_pick.currentIndexChanged.connect(self._show_sweep)
        self.table.horizontalHeader().sectionClicked.connect(self._on_column_clicked)
        doc.planReset.connect(self._on_plan_reset)
        # route previews: one worker at a time; a newer selection cancels it and runs when it has stopped
        self._routes_seq = 0  # bumped by every selection: a worker's result is shown only if still the latest
        self._routes_wanted = None  # (seq, Variant) waiting for the running worker to stop

    # ------------------------------------------------------------ variants

    def current_variant(self):
        row = self.list.currentRow()
        return self.vset.variants[row] if 0 <= row < len(self.vset.variants) else None

    def _unique(self, name):
        names = {v.name for v in self.vset.variants} | {s.name for s in self.vset.sweeps} | {BASE_NAME}
        base, n = name, 2
        while name in names:
            name, n = f"{base} ({n})", n + 1
        return name

    def add_variant(self, name=None, changes=None) -> Variant:
        """Add a variant (a copy of the current plan: no changes yet) and select it."""
        v = Variant(
            self._unique(name or self.tr("Variant {n}").format(n=len(self.vset.variants) + 1)), list(changes or [])
        )
        self.vset.variants.append(v)
        self._fill_list(select=len(self.vset.variants) - 1)
        self._update_placeholder()
        self.set_editor_height(max(self._editor_height, EDITOR_HEIGHT))  # room to edit its changes
        return v

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.vset.variants):
            del self.vset.variants[row]
            self._fill_list(select=min(row, len(self.vset.variants) - 1))
        self._update_placeholder()

    def is_modified(self) -> bool:
        """Whether the variants differ from what was last opened or saved (work a close would lose)."""
        return dumps_variants(self.vset) != self._saved_text

    def mark_saved(self) -> None:
        self._saved_text = dumps_variants(self.vset)

    def variants_text(self) -> str:
        """The variants file text of the variants shown."""
        return dumps_variants(self.vset)

    def set_variants(self, vset: VariantSet, *, saved: bool = True) -> None:
        """Show a variants set (from a file: ``saved``, else unsaved work); clears the last report."""
        self.vset = vset
        if saved:
            self.mark_saved()
        self._fill_list(select=0 if vset.variants else -1)
        self.set_report(None)
        if vset.sweeps:
            self.status.setText(
                self.tr("{n} sweep(s): {names}").format(
                    n=len(vset.sweeps), names=", ".join(s.name for s in vset.sweeps)
                )
            )

    def _fill_list(self, select=-1):
        self.list.blockSignals(True)
        self.list.clear()
        for v in self.vset.variants:
            item = QListWidgetItem(v.name)
            item.setFlags(item.flags() | Qt.ItemIsEditable)
            item.setToolTip(v.description or self.tr("{n} change(s)").format(n=len(v.changes)))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.list.setCurrentRow(select)
        self._on_select(select)

    def _on_renamed(self, item):
        row = self.list.row(item)
        v = self.vset.variants[row]
        new = item.text().strip()
        if new and new != v.name:
            v.name = self._unique(new)
        self.list.blockSignals(True)
        item.setText(v.name)
        self.list.blockSignals(False)

    def _on_select(self, row):
        v = self.current_variant()
        self.changes_edit.setPlainText(json.dumps(v.changes, indent=1, ensure_ascii=False) if v else "")
        self.changes_edit.setEnabled(v is not None)
        if v is not None and self.report is not None:
            self._show_route_changes(v.name)
        self._request_routes(v if self.doc.network is not None else None)

    def apply_text(self) -> bool:
        """Take the edited JSON as the selected variant's changes, after checking it against the plan."""
        v = self.current_variant()
        if v is None:
            return False
        try:
            changes = json.loads(self.changes_edit.toPlainText() or "[]")
            apply_variant(self.doc.plan, Variant(v.name, changes))
        except json.JSONDecodeError as exc:
            self.status.setText(
                self.tr("Variant {name}: not valid JSON (line {line}: {msg})").format(
                    name=repr(v.name), line=exc.lineno, msg=exc.msg
                )
            )
            return False
        except EvacplanError as exc:
            self.status.setText(str(exc))
            return False
        v.changes = changes
        self.status.setText(self.tr("Variant {name}: {n} change(s)").format(name=repr(v.name), n=len(changes)))
        self._request_routes(v if self.doc.network is not None else None)  # the map shows the edited variant
        return True

    # ------------------------------------------------------------ recording map edits

    def _on_record(self, on: bool) -> None:
        if on:
            v = self.current_variant() or self.add_variant()
            self._recording = (self.doc.undo_stack.index(), self.doc.plan.copy(), v)
            self.status.setText(
                self.tr("Recording edits into {name}: edit the map, then release Record edits.").format(
                    name=repr(v.name)
                )
            )
            return
        if self._recording is None:
            return
        start, base, v = self._recording
        self._recording = None
        changes, skipped = diff_plans(base, self.doc.plan)
        v.changes = list(v.changes) + changes
        if self.doc.undo_stack.index() >= start:
            self.doc.undo_stack.setIndex(start)  # the edits live in the variant; the plan is the base again
        self._on_select(self.list.currentRow())
        text = self.tr("{n} change(s) recorded into {name}.").format(n=len(changes), name=repr(v.name))
        if skipped:
            text += " " + self.tr("Left out: {items}").format(items="; ".join(skipped))
        self.status.setText(text)

    def _on_plan_reset(self):
        if self._recording is not None:
            self._recording = None
            self.btn_record.setChecked(False)
        self._request_routes(None)  # a preview under way is of the previous plan or network
        self.set_report(None)

    # ------------------------------------------------------------ files

    def open_file(self, path) -> None:
        try:
            self.set_variants(load_variants(path))
        except EvacplanError as exc:
            self.status.setText(str(exc))

    def save_file(self, path) -> None:
        try:
            write_text_atomic(path, dumps_variants(self.vset))
            self.mark_saved()
            self.status.setText(self.tr("Saved {path}").format(path=path))
        except EvacplanError as exc:
            self.status.setText(str(exc))

    def _open_dialog(self):
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open variants"), "", self.tr("Variants (*.json)"))
        if path:
            self.open_file(path)

    def _save_dialog(self):
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save variants"), "variants.json", self.tr("Variants (*.json)")
        )
        if path:
            self.save_file(path)

    # ------------------------------------------------------------ running

    def run_all(self) -> bool:
        """Start the runs in a worker; ``runFinished`` fires when done (or failed, or cancelled)."""
        if self.worker is not None:
            return False
        if self.doc.network is None:
            self.status.setText(self.tr("The plan's road network is not loaded: import it first."))
            return False
        if not self.vset.variants and not self.vset.sweeps:
            self.status.setText(self.tr("No variants yet: press New variant."))
            return False
        try:
            self.vset.check(self.doc.plan)
        except EvacplanError as exc:
            self.status.setText(str(exc))
            return False
        variants = [Variant(v.name, json.loads(json.dumps(v.changes)), v.description) for v in self.vset.variants]
        vset = VariantSet(variants, list(self.vset.sweeps), self.vset.plan)
        # own pyproj transformers: the GUI thread keeps projecting with the document's network
        net = thread_private(self.doc.network)
        self.worker = TaskWorker(run_whatif, self.doc.plan.copy(), net, vset, mode=self.mode.currentData())
        self.worker.signals.progress.connect(self._on_progress)
        self.worker.signals.finished.connect(self._on_finished)
        self.worker.signals.failed.connect(
            lambda msg, tb: self._on_done(self.tr("What-if failed: {msg}").format(msg=msg))
        )
        self.worker.signals.cancelled.connect(lambda: self._on_done(self.tr("Cancelled.")))
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.btn_run.setEnabled(False)
        self.btn_cancel.setEnabled(True)
        self.status.setText(self.tr("Running…"))
        self.table.set_placeholder(self.tr("Running the base and {n} variant(s)…").format(n=len(vset.variants)))
        self.worker.start()
        return True

    def cancel(self):
        if self.worker is not None:
            self.worker.cancel()

    def _on_progress(self, fraction, message):
        if fraction >= 0:
            self.progress.setValue(int(1000 * fraction))
        self.status.setText(step_text(message))

    def _on_finished(self, report):
        self.set_report(report)
        self.collapse_editor()
        self.reportReady.emit(report)
        self._on_done(self.tr("{n} runs done.").format(n=len(report["results"])))

    def _on_done(self, text):
        self.worker = None
        self.progress.setVisible(False)
        self.btn_run.setEnabled(True)
        self.btn_cancel.setEnabled(False)
        self.status.setText(text)
        self._update_placeholder()
        self.runFinished.emit()

    def _update_placeholder(self) -> None:
        if self.worker is None:
            self.table.set_placeholder(RUN_HINT if self.vset.variants or self.vset.sweeps else NO_VARIANTS_HINT)

    def collapse_editor(self) -> None:
        """Shrink the editor to its variants list (about four rows) so the comparison gets the height."""
        rows = max(1, min(4, self.list.count()))
        self.set_editor_height(rows * max(self.list.sizeHintForRow(0), 1) + 2 * self.list.frameWidth() + 4)

    def set_editor_height(self, height: int) -> None:
        """The editor's height in px (the results take the rest); kept when the panel is resized."""
        self._editor_height = int(height)
        self._fit_editor()

    def _fit_editor(self) -> None:
        total = sum(self.vsplit.sizes())
        if total <= 0:
            return
        low = self.editor.minimumSizeHint().height()
        top = max(low, min(self._editor_height, total - self.vsplit.widget(1).minimumSizeHint().height()))
        if self.vsplit.sizes()[0] != top:
            self.vsplit.setSizes([top, total - top])

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._fit_editor()

    def showEvent(self, event):
        super().showEvent(event)
        self._fit_editor()

    # ------------------------------------------------------------ results

    def set_report(self, report) -> None:
        """Show a what-if report (:func:`planner.whatif.run_whatif`); ``None`` clears the views."""
        self.report = report
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.routes_label.setText("")
        self.sweep_pick.blockSignals(True)
        self.sweep_pick.clear()
        self.sweep_pick.blockSignals(False)
        self.chart.set_curve(None)
        self.sweep_text.setText("")
        if report is None:
            self._update_placeholder()
            return
        cmp = report["comparison"]
        rows = cmp["rows"] + cmp["unserved"]
        self.table.setColumnCount(len(cmp["columns"]))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(cmp["columns"])
        self.table.setVerticalHeaderLabels([whatif_label(r) for r in rows])
        for i, row in enumerate(rows):
            key = row.get("key", "")
            for j, (val, d) in enumerate(zip(row["values"], row["deltas"])):
                text = whatif_value(key, val)
                dt = whatif_delta(key, d) if j else ""
                item = QTableWidgetItem(f"{text}  ({dt})" if dt else text)
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if cmp["columns"][j] in cmp["errors"]:
                    item.setToolTip(cmp["errors"][cmp["columns"][j]])
                self.table.setItem(i, j, item)
        for curve in report.get("sweeps", []):
            self.sweep_pick.addItem(curve["name"])
        if report.get("sweeps"):
            self._show_sweep(0)
        v = self.current_variant()
        if v is not None:
            self._show_route_changes(v.name)

    def cell_text(self, label, column) -> str:
        """The table's text for a KPI label (``"People out"``) and run name (tests, screenshots)."""
        cmp = self.report["comparison"]
        rows = [r["label"] for r in cmp["rows"] + cmp["unserved"]]
        return self.table.item(rows.index(label), cmp["columns"].index(column)).text()

    def _show_sweep(self, index):
        sweeps = (self.report or {}).get("sweeps") or []
        if 0 <= index < len(sweeps):
            self.chart.set_curve(sweeps[index])
            self.sweep_text.setText(sweep_sentence(sweeps[index]))

    def _show_route_changes(self, name):
        cmp = self.report["comparison"]
        if name in cmp["errors"]:
            self.routes_label.setText(f"{name}: {cmp['errors'][name]}")
            return
        changes = cmp["routes"].get(name)
        if changes is None:
            self.routes_label.setText("")
        elif not changes:
            self.routes_label.setText(self.tr("{name}: no route changes.").format(name=name))
        else:
            self.routes_label.setText(
                self.tr("Routes changed in {name}: {changes}").format(
                    name=name, changes="; ".join(route_change_text(c) for c in changes)
                )
            )

    def _on_column_clicked(self, column):
        names = [v.name for v in self.vset.variants]
        columns = (self.report or {}).get("comparison", {}).get("columns", [])
        if 0 <= column < len(columns) and columns[column] in names:
            self.list.setCurrentRow(names.index(columns[column]))

    def _request_routes(self, v) -> None:
        """Preview ``v``'s routes (``None``: none). The latest request wins: a running preview is cancelled,
        its result dropped, and the latest starts once it has stopped (one routing thread at a time)."""
        self._routes_seq += 1
        snapshot = None if v is None else Variant(v.name, json.loads(json.dumps(v.changes)))
        self._routes_wanted = None if snapshot is None else (self._routes_seq, snapshot)
        if self.route_worker is not None:
            self.route_worker.cancel()
        elif self._routes_wanted is not None:
            self._start_routes()

    def _start_routes(self):
        seq, variant = self._routes_wanted
        self._routes_wanted = None
        worker = TaskWorker(variant_routes, self.doc.plan.copy(), variant, thread_private(self.doc.network))
        self.route_worker = worker

        def finish(payload=None, message=None):
            if not shiboken6.isValid(self) or self.route_worker is not worker:
                return  # the panel was closed meanwhile, or this worker is not the panel's any more
            self.route_worker = None
            if seq == self._routes_seq:  # still the latest selection
                if payload is not None:
                    self.variantRoutes.emit(payload)
                elif message:
                    self.status.setText(message)
            if self._routes_wanted is not None:
                self._start_routes()

        worker.signals.finished.connect(lambda payload: finish(payload))
        worker.signals.failed.connect(lambda msg, tb="": finish(message=msg))
        worker.signals.cancelled.connect(lambda: finish())
        worker.start()


__all__ = ["VariantsPanel"]
