"""Plan files of the main window: new, open, save, recent files, exports."""

from __future__ import annotations

import functools
import importlib
import inspect
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from planner.errors import EvacplanError
from planner.plan import SUFFIX, load_plan, save_plan
from planner.whatif import VariantSet
from ui import settings as app_prefs
from ui.document import PlanDocument
from ui.i18n import current_language
from ui.messages import plan_error_text
from ui.panels.start import PLANS
from ui.window.dialogs import NewPlanDialog
from ui.window.tasks import task_label
from ui.workers import TaskWorker, export_schedule

PLAN_FILTER = QT_TRANSLATE_NOOP("FilesMixin", "evacplan plans (*.evacplan.json *.json);;All files (*)")
#: Exports: key, menu text, module of planner.export, function, file filter.
EXPORTS = [
    (
        "pdf",
        QT_TRANSLATE_NOOP("MainWindow", "PDF (convoy sheets and driver cards)…"),
        "pdf",
        "write_pdf",
        "PDF (*.pdf)",
    ),
    ("csv", QT_TRANSLATE_NOOP("MainWindow", "CSV (trips and manifests)…"), "csv", "write_csv", "CSV (*.csv)"),
    (
        "geojson",
        QT_TRANSLATE_NOOP("MainWindow", "GeoJSON (layers and routes)…"),
        "geojson",
        "write_geojson",
        "GeoJSON (*.geojson *.json)",
    ),
    ("gpx", QT_TRANSLATE_NOOP("MainWindow", "GPX (one route per convoy)…"), "gpx", "write_gpx", "GPX (*.gpx)"),
]


def is_sample(path) -> bool:
    """Whether ``path`` is one of the sample plans bundled with the program (opened as templates)."""
    try:
        return Path(path).resolve().is_relative_to(PLANS.resolve())
    except OSError:
        return False


def variants_path(plan_path) -> Path:
    """The variants file beside a plan file: ``drill.evacplan.json`` -> ``drill.variants.json``."""
    plan_path = Path(plan_path)
    stem = plan_path.name[: -len(SUFFIX)] if plan_path.name.endswith(SUFFIX) else plan_path.stem
    return plan_path.with_name(f"{stem}.variants.json")


def export_fn(module: str, name: str):
    """The export function ``fn(schedule, plan, net, path)`` of ``planner.export.<module>``.

    Imported when first used: the PDF writer pulls in reportlab, which the window's start does not need.
    """
    return getattr(importlib.import_module(f"planner.export.{module}"), name)


def _slug(text: str) -> str:
    keep = "".join(ch.lower() if ch.isalnum() else "-" for ch in text)
    return "-".join(p for p in keep.split("-") if p)[:60] or "plan"


class FilesMixin:
    """Methods of :class:`ui.window.main.MainWindow`: new, open, save, recent files, exports."""

    def maybe_save(self) -> bool:
        """Ask before losing unsaved changes to the plan or its variants; False means the planner cancelled."""
        if self.doc is None:
            return True
        plan, variants = self.doc.is_modified(), self.variants.is_modified()
        if not plan and not variants:
            return True
        what = (
            self.tr("“{name}”: the plan and its what-if variants have unsaved changes. Save them first?")
            if plan and variants
            else self.tr("“{name}”: the plan has unsaved changes. Save them first?")
            if plan
            else self.tr("“{name}”: the what-if variants of the plan have unsaved changes. Save them first?")
        )
        r = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            what.format(name=self.doc.plan.name),
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel,
            QMessageBox.Save,
        )
        if r == QMessageBox.Save:
            return self.save()
        return r == QMessageBox.Discard

    def _loaded_network_for(self, plan):
        """The network already loaded in this window when ``plan`` is on it (same name and sha256), else None."""
        net = self.doc.network if self.doc is not None else None
        if net is None or net.name != plan.network.name:
            return None
        if plan.network.sha256 and plan.network.sha256 != net.sha256:
            return None  # the plan names another build of the network: load it from the store and compare
        return net

    def set_plan(self, plan, path=None, *, modified=False, variants=None) -> None:
        """Show ``plan`` and its variants at once; its network loads in a worker (the roads appear when it
        arrives); replaces the current plan without asking.

        ``variants``: a VariantSet to show as unsaved work (a recovery); else the variants file beside
        ``path`` when there is one.
        """
        net = self._loaded_network_for(plan)
        if net is None and not (self._loading() or self._building()):
            self._detach_worker()  # the old plan's work ends unseen; the load takes the status bar
        elif net is not None:
            self.cancel_task()
        self._after_network = []
        if self.doc is None:
            self._attach(PlanDocument(plan, net, path))
            self.doc._dirty = modified
        else:
            self.doc.set_plan(plan, net, path, modified=modified)
        if variants is not None:
            self.variants.set_variants(variants, saved=False)
        elif path is not None and variants_path(path).is_file():
            self.variants.open_file(variants_path(path))
        else:
            self.variants.set_variants(VariantSet())
        self.statusBar().clearMessage()
        if net is None:
            self.start_network_load()  # keeps a running load or build of the same network
        self.show_plan_page()
        QTimer.singleShot(0, lambda: self.map is not None and self.map.fit_to_plan())
        self._update_title()

    def open_path(self, path) -> bool:
        """Open a plan file; a broken file gives a message box naming the problem (False)."""
        path = Path(path)
        try:
            plan = load_plan(path)
        except EvacplanError as exc:
            text = self.tr("Cannot open {file}:").format(file=path.name) + f"\n\n{plan_error_text(exc)}"
            QMessageBox.critical(self, self.tr("Cannot open plan"), text)
            return False
        except (OSError, ValueError, TypeError, KeyError) as exc:  # anything a broken file can cause
            QMessageBox.critical(
                self,
                self.tr("Cannot open plan"),
                self.tr("Cannot open {file}:").format(file=path) + f"\n\n{type(exc).__name__}: {exc}",
            )
            return False
        if not self.maybe_save():
            return False
        if is_sample(path):  # a template: Ctrl+S asks for a name in the documents folder, never writes here
            self.set_plan(plan, None)
            self.statusBar().showMessage(
                self.tr("Opened the sample plan {file} as a template: Save asks for a new name.").format(
                    file=path.name
                ),
                10000,
            )
            return True
        self.set_plan(plan, path)
        app_prefs.add_recent_file(path, self.settings)
        self.statusBar().showMessage(self.tr("Opened {path}").format(path=path), 5000)
        return True

    def open_dialog(self) -> None:
        start = str(self.doc.path.parent) if self.doc and self.doc.path else str(app_prefs.documents_dir())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open plan"), start, self.tr(PLAN_FILTER))
        if path:
            self.open_path(path)

    def new_plan(self) -> None:
        names = self._stored_network_names()
        if not self.maybe_save():
            return
        dlg = NewPlanDialog(names, self)
        if dlg.exec() != QDialog.Accepted or dlg.plan is None:
            return
        self.set_plan(dlg.plan, None, modified=True)
        doc = self.doc

        def on_network() -> None:
            doc.plan.network.sha256 = doc.network.sha256
            QTimer.singleShot(0, lambda: self.map is not None and self.map.fit_to_network())

        if doc.network is not None:
            on_network()
        else:
            self._after_network.append(on_network)

    def save(self) -> bool:
        if self.doc is None:
            return False
        if self.doc.path is None:
            return self.save_as()
        return self._save_to(self.doc.path)

    def save_as(self) -> bool:
        if self.doc is None:
            return False
        default = self.doc.path or app_prefs.documents_dir() / f"{_slug(self.doc.plan.name)}{SUFFIX}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save plan as"), str(default), self.tr(PLAN_FILTER))
        if not path:
            return False
        if not path.endswith(".json"):
            path += SUFFIX
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        try:
            save_plan(self.doc.plan, path)  # atomic: temporary file, fsync, rename
        except EvacplanError as exc:
            QMessageBox.critical(self, self.tr("Cannot save plan"), str(exc))
            return False
        self.doc.mark_saved(path)
        if self.variants.vset.variants or self.variants.vset.sweeps or variants_path(path).exists():
            self.variants.vset.plan = path.name
            self.variants.save_file(variants_path(path))  # the variants live beside the plan
        app_prefs.add_recent_file(path, self.settings)
        self.discard_recovery()
        self._update_title()
        self.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 5000)
        return True

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        items = app_prefs.recent_files(self.settings)
        for p in items:
            a = self.recent_menu.addAction(p)
            a.triggered.connect(lambda _=False, p=p: self.open_path(p))
        if not items:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def export(self, key: str, path=None) -> bool:
        """Export the computed schedule (PDF, CSV, GeoJSON, GPX) in a worker; ``path`` skips the file dialog."""
        spec = next(e for e in EXPORTS if e[0] == key)
        _k, _text, module, fn_name, flt = spec
        fn = export_fn(module, fn_name)
        if fn is not None and "lang" in inspect.signature(fn).parameters:
            # the sheets in the GUI's language, as `evacplan schedule --pdf --lang` writes them (they were English)
            fn = functools.partial(fn, lang=current_language())
        res = self.doc.results if self.doc else None
        if fn is None or res is None or res.schedule is None:
            QMessageBox.information(self, self.tr("Export"), self.tr("Compute the plan first (F5)."))
            return False
        if path is None:
            base = self.doc.path.name.replace(SUFFIX, "") if self.doc.path else _slug(self.doc.plan.name)
            folder = self.doc.path.parent if self.doc.path else app_prefs.documents_dir()
            path, _ = QFileDialog.getSaveFileName(
                self, task_label(f"Export {key.upper()}"), str(folder / f"{base}.{key}"), flt
            )
            if not path:
                return False
        worker = TaskWorker(
            export_schedule, fn, res.schedule, self.doc.plan.copy(), self.doc.network, Path(path), res.routes
        )
        return self._start_task(f"Export {key.upper()}", worker, self._export_done)

    def _export_done(self, written) -> None:
        paths = written if isinstance(written, (list, tuple)) else [written]
        self.statusBar().showMessage(self.tr("Exported {paths}").format(paths=", ".join(str(p) for p in paths)), 10000)
