"""The crash handler: an unexpected error saves recovery copies and shows a dialog instead of a traceback."""

from __future__ import annotations

import sys
import traceback

from PySide6.QtWidgets import QMessageBox

from planner.errors import EvacplanError
from ui.window.main import MainWindow


def _excepthook(exc_type, exc, tb) -> None:
    """Unexpected errors: save recovery copies, show a dialog, keep running (never a bare traceback)."""
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    print(text, file=sys.stderr)
    saved = []
    for w in list(MainWindow.instances):
        try:
            p = w.autosave_now()
            if p:
                saved.append(str(p))
        except Exception:  # noqa: BLE001  the crash handler itself must never fail
            pass
    message = str(exc) if isinstance(exc, EvacplanError) else f"An internal error occurred: {exc_type.__name__}: {exc}"
    if saved:
        message += f"\n\nA recovery copy of your plan was saved to {saved[0]}."
    box = QMessageBox(QMessageBox.Critical, "evacplan error", message)
    box.setDetailedText(text)
    box.exec()


def install_excepthook() -> None:
    sys.excepthook = _excepthook
