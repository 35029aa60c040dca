"""Preferences (``QSettings``, and the dialog that edits them), recent files and the recovery folder.

When ``EVACPLAN_DATA`` is set (tests, portable installs) preferences go to an
INI file there and recovery copies to ``$EVACPLAN_DATA/recovery``, so the
user's own settings are never touched; otherwise the platform's usual places
(``QSettings("evacplan", "evacplan")``, ``QStandardPaths.AppDataLocation``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox

MAX_RECENT = 10
AUTOSAVE_INTERVAL_MS = 60_000


def app_settings() -> QSettings:
    data = os.environ.get("EVACPLAN_DATA")
    if data:
        return QSettings(str(Path(data) / "evacplan-gui.ini"), QSettings.IniFormat)
    return QSettings("evacplan", "evacplan")


def recovery_dir() -> Path:
    data = os.environ.get("EVACPLAN_DATA")
    if data:
        folder = Path(data) / "recovery"
    else:
        base = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation) or str(Path.home() / ".evacplan")
        folder = Path(base) / "recovery"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def recent_files(settings: QSettings | None = None) -> list[str]:
    s = settings or app_settings()
    raw = s.value("recent_files", "[]")
    try:
        items = json.loads(raw) if isinstance(raw, str) else list(raw or [])
    except ValueError:
        items = []
    return [str(p) for p in items if isinstance(p, str)]


def add_recent_file(path, settings: QSettings | None = None) -> list[str]:
    s = settings or app_settings()
    path = str(Path(path).resolve())
    items = [path] + [p for p in recent_files(s) if p != path]
    items = items[:MAX_RECENT]
    s.setValue("recent_files", json.dumps(items))
    s.sync()
    return items


def remove_recent_file(path, settings: QSettings | None = None) -> list[str]:
    s = settings or app_settings()
    items = [p for p in recent_files(s) if p != str(path)]
    s.setValue("recent_files", json.dumps(items))
    s.sync()
    return items


def autosave_interval_ms(settings: QSettings | None = None) -> int:
    """Autosave period from the preferences (default one minute), in milliseconds."""
    s = settings or app_settings()
    try:
        minutes = int(s.value("autosave_minutes", AUTOSAVE_INTERVAL_MS // 60_000))
    except (TypeError, ValueError):
        minutes = AUTOSAVE_INTERVAL_MS // 60_000
    return max(1, min(60, minutes)) * 60_000


def set_autosave_minutes(minutes: int, settings: QSettings | None = None) -> None:
    s = settings or app_settings()
    s.setValue("autosave_minutes", int(minutes))
    s.sync()


#: Solver time of each run of the tightened bound (Plan -> Tighten the bound), in s: default and range.
BOUND_EFFORT_S = 5
BOUND_EFFORT_RANGE_S = (1, 60)


def bound_effort_seconds(settings: QSettings | None = None) -> int:
    """Seconds of one core for each solver run of the tightened bound (``bound_effort_s``), from the preferences."""
    s = settings or app_settings()
    lo, hi = BOUND_EFFORT_RANGE_S
    try:
        seconds = int(s.value("bound_effort_seconds", BOUND_EFFORT_S))
    except (TypeError, ValueError):
        seconds = BOUND_EFFORT_S
    return max(lo, min(hi, seconds))


def set_bound_effort_seconds(seconds: int, settings: QSettings | None = None) -> None:
    s = settings or app_settings()
    s.setValue("bound_effort_seconds", int(seconds))
    s.sync()


def documents_dir() -> Path:
    """The user's documents folder (their home when the desktop has none): where Save and Export dialogs open,
    never inside the installed package."""
    loc = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    path = Path(loc) if loc else Path.home()
    return path if path.is_dir() else Path.home()


# ---------------------------------------------------------------- preferences dialog


class PreferencesDialog(QDialog):
    """Preferences kept in ``QSettings``: autosave interval, solver time of the tightened bound, the GUI's language.

    The language list offers the system's language first (the default), then
    English, Ukrainian and Russian (:data:`ui.i18n.LANGUAGES`); a change applies
    when evacplan next starts.
    """

    def __init__(self, settings: QSettings, parent=None):
        from ui.i18n import LANGUAGES, preferred_language, system_language

        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        form = QFormLayout(self)
        self.autosave = QSpinBox()
        self.autosave.setRange(1, 60)
        self.autosave.setSuffix(" " + self.tr("min"))
        self.autosave.setValue(autosave_interval_ms(settings) // 60_000)
        form.addRow(self.tr("Autosave unsaved changes for recovery every"), self.autosave)
        self.bound_effort = QSpinBox()
        self.bound_effort.setRange(*BOUND_EFFORT_RANGE_S)
        self.bound_effort.setSuffix(" " + self.tr("s"))
        self.bound_effort.setValue(bound_effort_seconds(settings))
        self.bound_effort.setToolTip(
            self.tr(
                "Plan ▸ Tighten the bound: solver time of each of its runs. More proves a closer bound on some "
                "plans; the whole tightening takes many times this."
            )
        )
        form.addRow(self.tr("Tighten the bound: solver time a run"), self.bound_effort)
        self.language = QComboBox()
        self.language.addItem(self.tr("System language ({name})").format(name=LANGUAGES[system_language()]), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(preferred_language(settings))))
        form.addRow(self.tr("Language"), self.language)
        self.note = QLabel(self.tr("A new language applies when evacplan next starts."))
        self.note.setStyleSheet("color:#57606a")
        form.addRow(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        from ui.i18n import set_preferred_language

        set_autosave_minutes(self.autosave.value(), self.settings)
        set_bound_effort_seconds(self.bound_effort.value(), self.settings)
        set_preferred_language(self.language.currentData() or "", self.settings)
        super().accept()
