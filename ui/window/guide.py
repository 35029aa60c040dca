"""Help → User guide: the offline HTML guide of ``resources/help``, shown in a window of the app.

Plain HTML read by ``QTextBrowser`` (no browser, no network): links between
the guide's pages and to its anchors work; links out of the guide are not
followed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout

HELP_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "help"
GUIDE = HELP_DIR / "index.html"


class UserGuide(QDialog):
    """A resizable window with the guide; opens at its first page."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("evacplan — user guide")
        self.resize(820, 760)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setSearchPaths([str(HELP_DIR)])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.browser)
        self.browser.setSource(QUrl.fromLocalFile(str(GUIDE)))
