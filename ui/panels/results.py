"""Result panels: routes, convoy schedule, KPI summary.

They read ``doc.results`` (a :class:`ui.document.ComputeResult`): routes from
``planner.routing.PlanRoutes``, everything about the schedule from the contract
JSON of design section 10 (``Schedule.to_json()``), so the GUI shows exactly
what ``evacplan schedule --json`` writes.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.workers import schedule_json

# Convoy colours: readable on the light map and in tables (Tableau 10 without its red and orange, which
# mean "waiting" and "loading" in the Gantt).
CONVOY_COLOURS = ["#4e79a7", "#59a14f", "#b07aa1", "#76b7b2", "#9c755f", "#edc948", "#17becf", "#ff9da7",
                  "#8c6d31", "#637939"]


def convoy_colour(convoy_id, index=None) -> QColor:
    """Stable colour of a convoy (``C3`` -> third colour)."""
    if index is None:
        digits = "".join(ch for ch in str(convoy_id) if ch.isdigit())
        index = int(digits) - 1 if digits else abs(hash(convoy_id))
    return QColor(CONVOY_COLOURS[index % len(CONVOY_COLOURS)])


def parse_time(text):
    """A contract timestamp (ISO 8601 with offset) as an aware datetime, or None."""
    if not text:
        return None
    if isinstance(text, datetime):
        return text
    return datetime.fromisoformat(str(text))


def fmt_time(text, day0=None) -> str:
    """``HH:MM`` (with ``+1d`` when on a later day than ``day0``)."""
    t = parse_time(text)
    if t is None:
        return "—"
    s = t.strftime("%H:%M")
    if day0 is not None and t.date() != day0:
        s += f" +{(t.date() - day0).days}d"
    return s


def fmt_minutes(seconds: float) -> str:
    m = int(round(seconds / 60))
    return f"{m // 60} h {m % 60:02d} min" if m >= 60 else f"{m} min"


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


NO_RESULTS = "No results yet: press Compute (F5) to route and schedule the plan."


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


def _name(doc, element_id) -> str:
    el = doc.element(element_id) if element_id else None
    return f"{element_id} {el.name}" if el is not None else str(element_id or "")


# ---------------------------------------------------------------- routes


class RoutesPanel(_Placeholder):
    """Pickup → destination routes: label, length, time, checkpoints passed."""

    HEADERS = ["From", "To", "Route", "Length", "Drive time", "Checkpoints"]

    def __init__(self, doc, parent=None):
        super().__init__(_table(self.HEADERS, stretch=(5,)), NO_RESULTS, parent)
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
            self.show_view(False, NO_RESULTS)
            return
        rows = []
        for (a, b), alts in routes.alternatives.items():
            for r in alts:
                rows.append((a, b, r))
        if not rows:
            self.show_view(False, "No pickup can reach a destination: see the Problems list.")
            return
        self.table.setRowCount(len(rows))
        for i, (a, b, r) in enumerate(rows):
            cps = " → ".join(r.checkpoint_ids) or "none"
            self.table.setItem(i, 0, _item(_name(self.doc, a), data=a))
            self.table.setItem(i, 1, _item(_name(self.doc, b)))
            self.table.setItem(i, 2, _item(r.label or "—"))
            self.table.setItem(i, 3, _item(f"{r.length_m / 1000:.1f} km", True))
            self.table.setItem(i, 4, _item(fmt_minutes(r.time_s), True))
            self.table.setItem(i, 5, _item(cps))
        self.show_view(True)


# ---------------------------------------------------------------- convoys


class SchedulePanel(_Placeholder):
    """The convoy schedule: one row per convoy. Emits ``convoySelected(id or "")``."""

    convoySelected = Signal(str)
    HEADERS = ["Convoy", "Pickup", "Destination", "Vehicles", "People", "Depart", "Latest safe depart", "Arrive"]

    def __init__(self, doc, parent=None):
        super().__init__(_table(self.HEADERS, stretch=(1, 2)), NO_RESULTS, parent)
        self.doc = doc
        self.table = self.view
        self.table.itemSelectionChanged.connect(self._on_select)
        doc.resultsChanged.connect(self.refresh)
        doc.planReset.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.table.setRowCount(0)
        data = schedule_json(getattr(self.doc.results, "schedule", None))
        if data is None:
            hint = NO_RESULTS
            if self.doc.results is not None:
                hint = "The plan was not scheduled: see the Problems list."
            self.show_view(False, hint)
            return
        convoys = data.get("convoys", [])
        if not convoys:
            self.show_view(False, "The schedule has no convoys: nobody can leave in this window (see KPIs).")
            return
        day0 = parse_time(data.get("window", {}).get("start"))
        day0 = day0.date() if day0 else None
        people = {}
        for t in data.get("trips", []):
            people[t.get("convoy")] = people.get(t.get("convoy"), 0) + int(t.get("passengers", 0))
        self.table.setRowCount(len(convoys))
        for i, c in enumerate(convoys):
            cid = c["id"]
            idi = _item(cid, data=cid)
            idi.setForeground(convoy_colour(cid))
            f = QFont()
            f.setBold(True)
            idi.setFont(f)
            self.table.setItem(i, 0, idi)
            self.table.setItem(i, 1, _item(_name(self.doc, c.get("pickup"))))
            self.table.setItem(i, 2, _item(_name(self.doc, c.get("destination"))))
            vehicles = c.get("vehicles", [])
            self.table.setItem(i, 3, _item(len(vehicles), True, ", ".join(map(str, vehicles))))
            self.table.setItem(i, 4, _item(f"{people.get(cid, 0):,}", True))
            self.table.setItem(i, 5, _item(fmt_time(c.get("depart"), day0), True, c.get("depart")))
            self.table.setItem(i, 6, _item(fmt_time(c.get("latest_safe_depart"), day0), True,
                                           c.get("latest_safe_depart")))
            self.table.setItem(i, 7, _item(fmt_time(c.get("arrive"), day0), True, c.get("arrive")))
        self.show_view(True)

    def _on_select(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        cid = self.table.item(rows[0].row(), 0).data(Qt.UserRole) if rows else ""
        self.convoySelected.emit(cid or "")


# ---------------------------------------------------------------- KPIs


KPI_LABELS = [
    ("evacuated", "People out"),
    ("demand", "Demand"),
    ("upper_bound", "Upper bound"),
    ("gap", "Gap to bound"),
    ("finish", "Finish"),
    ("vehicle_km", "Vehicle-km"),
    ("seat_use", "Seat use"),
    ("convoys", "Convoys"),
]


def kpi_texts(data: dict) -> dict:
    """Display text of each KPI of a schedule contract dict (also used by tests)."""
    k = data.get("kpis", {})
    day0 = parse_time(data.get("window", {}).get("start"))
    out = {
        "evacuated": f"{int(k.get('evacuated', 0)):,}",
        "demand": f"{int(k.get('demand', 0)):,}",
        "upper_bound": "—" if k.get("upper_bound") is None else f"{int(k['upper_bound']):,}",
        "finish": fmt_time(k.get("finish"), day0.date() if day0 else None),
        "vehicle_km": f"{float(k.get('vehicle_km', 0)):,.1f}",
        "seat_use": f"{100 * float(k.get('seat_use', 0)):.1f} %",
        "convoys": f"{len(data.get('convoys', []))}",
    }
    ub, ev = k.get("upper_bound"), k.get("evacuated", 0)
    out["gap"] = "—" if not ub else f"{100 * (ub - ev) / ub:.1f} %"
    return out


class KpiPanel(QWidget):
    """Headline figures of the schedule, and the demand it could not serve with the reason."""

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        self.hint = QLabel(NO_RESULTS)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color:#777")
        self.hint.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)
        lay.addWidget(self.hint)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        self.values: dict[str, QLabel] = {}
        for i, (key, label) in enumerate(KPI_LABELS):
            card = QFrame()
            card.setFrameShape(QFrame.StyledPanel)
            card.setStyleSheet("QFrame{background:#f6f8fa; border:1px solid #d0d7de; border-radius:4px}"
                               "QLabel{border:none; background:transparent}")
            cl = QVBoxLayout(card)
            cl.setContentsMargins(8, 2, 8, 2)
            cl.setSpacing(0)
            cap = QLabel(label)
            cap.setStyleSheet("color:#57606a; font-size:11px")
            val = QLabel("—")
            val.setStyleSheet("font-size:16px; font-weight:600; color:#1f2328")
            val.setObjectName(f"kpi_{key}")
            cl.addWidget(cap)
            cl.addWidget(val)
            grid.addWidget(card, i // 3, i % 3)
            self.values[key] = val
        lay.addLayout(grid)
        self.unserved = _table(["Pickup", "People", "Why"], stretch=(0, 2))
        self.unserved_title = QLabel("<b>Not served</b>")
        lay.addWidget(self.unserved_title)
        lay.addWidget(self.unserved, 1)
        self.filler = QWidget()  # takes the height while there is no table to show
        self.filler.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Expanding)
        lay.addWidget(self.filler, 1)
        doc.resultsChanged.connect(self.refresh)
        doc.planReset.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        data = schedule_json(getattr(self.doc.results, "schedule", None))
        self.unserved.setRowCount(0)
        if data is None:
            for v in self.values.values():
                v.setText("—")
            self.hint.setText(NO_RESULTS if self.doc.results is None
                              else "The plan was not scheduled: see the Problems list.")
            self.hint.show()
            self.unserved_title.hide()
            self.unserved.hide()
            self.filler.show()
            return
        self.hint.hide()
        for key, text in kpi_texts(data).items():
            self.values[key].setText(text)
        rows = data.get("unserved", [])
        self.unserved_title.setVisible(True)
        self.unserved.setVisible(True)
        if not rows:
            self.unserved_title.setText("<b>Not served:</b> nobody — every person in the plan gets out.")
        else:
            self.unserved_title.setText(f"<b>Not served</b> ({sum(int(r.get('people', 0)) for r in rows):,} people)")
        self.unserved.setRowCount(len(rows))
        for i, r in enumerate(rows):
            self.unserved.setItem(i, 0, _item(_name(self.doc, r.get("pickup"))))
            self.unserved.setItem(i, 1, _item(f"{int(r.get('people', 0)):,}", True))
            why = r.get("reason", "")
            detail = r.get("detail") or why
            self.unserved.setItem(i, 2, _item(why, tooltip=detail))
        self.unserved.setVisible(bool(rows))
        self.filler.setVisible(not rows)
