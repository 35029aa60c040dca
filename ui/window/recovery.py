"""Autosave and crash recovery of the main window."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from planner.errors import EvacplanError
from planner.fileio import write_text_atomic
from planner.plan import SUFFIX, load_plan, save_plan
from planner.whatif import load_variants
from ui import settings as app_prefs
from ui.messages import plan_error_text


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


class RecoveryMixin:
    """Methods of :class:`ui.window.main.MainWindow`: autosave and crash recovery."""

    def autosave_now(self) -> Path | None:
        """Write the plan (and its variants) to the recovery files when either has unsaved changes."""
        if self.doc is None or not (self.doc.is_modified() or self.variants.is_modified()):
            return None
        try:
            save_plan(self.doc.plan, self.recovery_path)
            if self.variants.is_modified():
                write_text_atomic(
                    self.recovery_path.with_suffix(".variants"),
                    self.variants.variants_text(),
                    what="the recovery copy of the variants",
                )
            meta = {
                "path": str(self.doc.path) if self.doc.path else None,
                "pid": os.getpid(),
                "saved": datetime.now().astimezone().isoformat(timespec="seconds"),
                "plan": self.doc.plan.name,
            }
            write_text_atomic(self.recovery_path.with_suffix(".meta"), json.dumps(meta), what="the recovery note")
        except (EvacplanError, OSError) as exc:
            self.statusBar().showMessage(self.tr("Autosave failed: {error}").format(error=exc), 10000)
            return None
        return self.recovery_path

    def discard_recovery(self) -> None:
        for p in (
            self.recovery_path,
            self.recovery_path.with_suffix(".meta"),
            self.recovery_path.with_suffix(".variants"),
        ):
            try:
                p.unlink()
            except FileNotFoundError:
                pass

    @staticmethod
    def orphaned_recoveries() -> list[tuple[Path, dict]]:
        """Recovery files left by evacplan sessions that are no longer running (a crash)."""
        out = []
        for p in sorted(app_prefs.recovery_dir().glob(f"recovery-*{SUFFIX}")):
            meta_path = p.with_suffix(".meta")
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                meta = {}
            pid = meta.get("pid")
            if isinstance(pid, int) and _pid_alive(pid):
                continue
            out.append((p, meta))
        return out

    def offer_recovery(self) -> bool:
        """After a crash: offer to restore the last autosaved plan. True when a plan was recovered."""
        found = self.orphaned_recoveries()
        if not found:
            return False
        path, meta = found[-1]
        when = meta.get("saved", self.tr("an earlier session"))
        name = meta.get("plan", path.name)
        r = QMessageBox.question(
            self,
            self.tr("Recover plan"),
            self.tr(
                "evacplan did not close normally. A recovery copy of “{name}” was saved at {when}.\n\n"
                "Recover it? (No deletes the recovery copy.)"
            ).format(name=name, when=when),
            QMessageBox.Yes | QMessageBox.No,
            QMessageBox.Yes,
        )
        if r != QMessageBox.Yes:
            for p, _m in found:
                for f in (p, p.with_suffix(".meta"), p.with_suffix(".variants")):
                    f.unlink(missing_ok=True)
            return False
        try:
            plan = load_plan(path)
        except EvacplanError as exc:
            QMessageBox.critical(self, self.tr("Cannot recover plan"), plan_error_text(exc))
            return False
        original = meta.get("path")
        variants = None
        if path.with_suffix(".variants").is_file():
            try:
                variants = load_variants(path.with_suffix(".variants"))
            except EvacplanError as exc:
                QMessageBox.warning(self, self.tr("Cannot recover the variants"), str(exc))
        self.set_plan(plan, Path(original) if original else None, modified=True, variants=variants)
        for p, _m in found:
            for f in (p, p.with_suffix(".meta"), p.with_suffix(".variants")):
                f.unlink(missing_ok=True)
        self.autosave_now()  # our own recovery copy from now on
        self.statusBar().showMessage(self.tr("Recovered the plan from the autosave: save it to keep it."), 10000)
        return True
