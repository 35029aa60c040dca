"""Result panels: routes, and the pieces the schedule panels share (tables, placeholders, labels).

The convoy table is :mod:`ui.panels.convoys`, the KPI summary :mod:`ui.panels.kpis`.
They read ``doc.results`` (a :class:`planner.compute.ComputeResult`): routes
from ``planner.routing.PlanRoutes``, the schedule as the typed objects of
:mod:`planner.schedule.result` (``Schedule``, ``Convoy``, ``Kpis``, …). They
format what those objects hold and compute no figure of their own.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
)

from ui.convoys.common import element_name, fmt_duration
from ui.i18n import ui_locale


def _item(text, align_right=False, tooltip=None, data=None):
    it = QTableWidgetItem(str(text))
    it.setFlags(Qt.ItemIsSelectable | Qt.ItemIsEnabled)
    if align_right:
        it.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
    if tooltip:
        it.setToolTip(tooltip)
    if data is not None:
        it.setData(Qt.UserRole, data)
    return it


# The vehicle types the app knows (planner.plan.model), shown translated; a plan's own types stay as typed.
VEHICLE_TYPE_NAMES = {
    "bus": QT_TRANSLATE_NOOP("SchedulePanel", "bus"),
    "ambulance": QT_TRANSLATE_NOOP("SchedulePanel", "ambulance"),
}


def vehicle_type_label(kind) -> str:
    """The name of a vehicle type in the GUI's language: ``bus`` -> "автобус"; a custom type as typed."""
    text = str(kind)
    source = VEHICLE_TYPE_NAMES.get(text.strip().lower())
    return QCoreApplication.translate("SchedulePanel", source) if source else text


def route_label(label: str) -> str:
    """A route's label (``planner.routing``: "fastest", "via <street>") in the GUI's language; the street as
    the map names it."""
    if label == "fastest":
        return QCoreApplication.translate("RoutesPanel", "fastest")
    if label.startswith("via "):
        return QCoreApplication.translate("RoutesPanel", "via {street}").format(street=label[4:])
    return label or "—"


def no_results() -> str:
    return QCoreApplication.translate("Results", "No results yet: press Compute (F5) to route and schedule the plan.")


def not_scheduled() -> str:
    return QCoreApplication.translate("Results", "The plan was not scheduled: see the Problems list.")


class _Placeholder(QStackedWidget):
    """A view with a hint shown instead of it while there is nothing to show."""

    def __init__(self, view, hint: str, parent=None):
        super().__init__(parent)
        self.hint = QLabel(hint)
        self.hint.setAlignment(Qt.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color:#777; padding:16px")
        self.addWidget(self.hint)
        self.addWidget(view)
        self.view = view

    def show_view(self, on: bool, hint: str | None = None) -> None:
        if hint:
            self.hint.setText(hint)
        self.setCurrentIndex(1 if on else 0)

    def show_missing(self, doc) -> None:
        """The hint for a document without a schedule: not computed yet, or not scheduled."""
        self.show_view(False, no_results() if getattr(doc, "results", None) is None else not_scheduled())


def _table(headers, stretch=()) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().hide()
    t.setAlternatingRowColors(True)
    t.setSelectionBehavior(QAbstractItemView.SelectRows)
    t.setSelectionMode(QAbstractItemView.SingleSelection)
    t.setEditTriggers(QAbstractItemView.NoEditTriggers)
    t.setSortingEnabled(False)
    h = t.horizontalHeader()
    h.setSectionResizeMode(QHeaderView.ResizeToContents)
    h.setStretchLastSection(not stretch)
    for c in stretch:
        h.setSectionResizeMode(c, QHeaderView.Stretch)
    h.setDefaultAlignment(Qt.AlignLeft | Qt.AlignVCenter)
    t.verticalHeader().setDefaultSectionSize(22)
    return t


# ---------------------------------------------------------------- routes


class RoutesPanel(_Placeholder):
    """Pickup → destination routes: label, length, time, checkpoints passed."""

    def __init__(self, doc, parent=None):
        headers = [
            self.tr("From"),
            self.tr("To"),
            self.tr("Route"),
            self.tr("Length"),
            self.tr("Drive time"),
            self.tr("Checkpoints"),
        ]
        super().__init__(_table(headers, stretch=(5,)), no_results(), parent)
        self.doc = doc
        self.table = self.view
        doc.resultsChanged.connect(self.refresh)
        doc.planReset.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        res = self.doc.results
        routes = getattr(res, "routes", None)
        self.table.setRowCount(0)
        if routes is None:
            self.show_view(False, no_results())
            return
        rows = []
        for (a, b), alts in routes.alternatives.items():
            for r in alts:
                rows.append((a, b, r))
        if not rows:
            self.show_view(False, self.tr("No pickup can reach a destination: see the Problems list."))
            return
        self.table.setRowCount(len(rows))
        for i, (a, b, r) in enumerate(rows):
            cps = " → ".join(r.checkpoint_ids) or self.tr("none")
            self.table.setItem(i, 0, _item(element_name(self.doc, a), data=a))
            self.table.setItem(i, 1, _item(element_name(self.doc, b)))
            self.table.setItem(i, 2, _item(route_label(r.label)))
            km = ui_locale().toString(r.length_m / 1000, "f", 1)
            self.table.setItem(i, 3, _item(QCoreApplication.translate("SnapLayer", "{n} km").format(n=km), True))
            self.table.setItem(i, 4, _item(fmt_duration(r.time_s), True))
            self.table.setItem(i, 5, _item(cps))
        self.show_view(True)


# ---------------------------------------------------------------- convoys
