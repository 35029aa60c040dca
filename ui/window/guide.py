"""Help → User guide: the offline HTML guide of ``resources/help``, shown in a window of the app.

Plain HTML read by ``QTextBrowser`` (no browser, no network): links between
the guide's pages and to its anchors work; links out of the guide are not
followed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout

from planner.resources import resources_dir

HELP_DIR = resources_dir() / "help"
GUIDE = HELP_DIR / "index.html"


def guide_path(lang: str | None = None) -> Path:
    """The guide in ``lang`` (default: the language in effect), ``index.<lang>.html``; English when missing."""
    if lang is None:
        from ui.i18n import current_language

        lang = current_language()
    translated = HELP_DIR / f"index.{lang}.html"
    return translated if lang != "en" and translated.is_file() else GUIDE


class UserGuide(QDialog):
    """A resizable window with the guide; opens at its first page."""

    def __init__(self, parent=None, lang: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("evacplan — user guide"))
        self.resize(820, 760)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setSearchPaths([str(HELP_DIR)])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.browser)
        self.browser.setSource(QUrl.fromLocalFile(str(guide_path(lang))))
