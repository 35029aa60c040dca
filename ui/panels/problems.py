"""Problems: what validation and the engine found wrong; click one to go to its element.

Two sources, shown together: live validation and snapping of the plan
(:func:`planner.plan.check.plan_problems`, re-run shortly after every edit) and
the problems of the last compute (refusals, routing remarks, engine errors).
Each row names the element; clicking it selects the element and asks the
window to centre the map on it (``activated``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QStyle, QTreeWidget, QTreeWidgetItem

from planner.plan import ERROR, WARNING
from planner.plan.check import plan_problems
from ui.messages import problem_text

ID_ROLE = Qt.UserRole + 1


class ProblemsPanel(QTreeWidget):
    activated = Signal(str)
    countChanged = Signal(int, int)  # errors, warnings

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.compute_problems: list = []
        self.engine_errors: list[str] = []
        self.setColumnCount(3)
        self.setHeaderLabels(["", self.tr("Element"), self.tr("Problem")])
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.header().setStretchLastSection(True)
        self.setColumnWidth(0, 28)
        self.setColumnWidth(1, 150)
        self.itemClicked.connect(self._on_click)
        self.itemActivated.connect(self._on_click)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh)
        for sig in (doc.elementAdded, doc.elementChanged, doc.elementRemoved):
            sig.connect(lambda *_: self._timer.start())
        doc.planChanged.connect(self._timer.start)
        doc.planReset.connect(self._on_reset)
        doc.resultsChanged.connect(self._on_results)
        self.refresh()

    # ------------------------------------------------------------ sources

    def _on_reset(self) -> None:
        self.compute_problems, self.engine_errors = [], []
        self.refresh()

    def _on_results(self) -> None:
        res = self.doc.results
        if res is not None:
            self.compute_problems = list(getattr(res, "problems", []) or [])
            self.engine_errors = []
        else:
            self.compute_problems = []
        self.refresh()

    def set_engine_error(self, message: str) -> None:
        """An error that stopped the compute (shown until the next compute or edit)."""
        self.engine_errors = [message]
        self.refresh()

    # ------------------------------------------------------------ view

    def refresh(self) -> None:
        self.clear()
        rows = []  # (severity, element id, message in the GUI's language)
        for msg in self.engine_errors:
            rows.append((ERROR, None, msg))
        live = plan_problems(self.doc.plan, self.doc.network)
        seen = set()
        for p in live:
            rows.append((p.severity, p.element_id, problem_text(p, self.doc)))
            seen.add(p.message)
        for p in self.compute_problems:
            msg = getattr(p, "message", str(p))
            if msg in seen:
                continue
            seen.add(msg)
            # routing remarks without a severity did not stop the compute: warnings
            rows.append((getattr(p, "severity", WARNING), getattr(p, "element_id", None), problem_text(p, self.doc)))
        if self.doc.network is None:
            net = self.doc.plan.network.name
            rows.insert(
                0,
                (
                    ERROR,
                    None,
                    self.tr(
                        "Network {name} is not in the store: the plan cannot be computed. "
                        "Import or fetch it (Networks menu), or choose another network."
                    ).format(name=repr(net)),
                ),
            )
        style = self.style()
        icons = {
            ERROR: style.standardIcon(QStyle.SP_MessageBoxCritical),
            WARNING: style.standardIcon(QStyle.SP_MessageBoxWarning),
        }
        n_err = n_warn = 0
        for severity, element_id, message in rows:
            it = QTreeWidgetItem(self, ["", element_id or self.tr("plan"), message])
            it.setIcon(0, icons.get(severity, icons[WARNING]))
            it.setToolTip(2, message)
            it.setData(0, ID_ROLE, element_id)
            if severity == ERROR:
                n_err += 1
            else:
                n_warn += 1
                it.setForeground(2, QColor("#6e5400"))
        if not rows:
            it = QTreeWidgetItem(self, ["", "", self.tr("No problems found: the plan can be computed.")])
            it.setForeground(2, QColor("#1a7f37"))
            it.setFlags(Qt.ItemIsEnabled)
        self.countChanged.emit(n_err, n_warn)

    def _on_click(self, item, _col=0) -> None:
        element_id = item.data(0, ID_ROLE)
        if element_id and self.doc.element(element_id) is not None:
            self.doc.set_selection([element_id])
            self.activated.emit(element_id)
