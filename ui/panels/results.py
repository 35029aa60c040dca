"""Result panels: routes, convoy schedule, KPI summary.

They read ``doc.results`` (a :class:`planner.compute.ComputeResult`): routes
from ``planner.routing.PlanRoutes``, the schedule as the typed objects of
:mod:`planner.schedule.result` (``Schedule``, ``Convoy``, ``Kpis``, …). They
format what those objects hold and compute no figure of their own.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.schedule.result import UNSERVED_REASONS
from ui.convoys.common import (
    convoy_colour,
    direction_label,
    element_name,
    fmt_duration,
    fmt_time,
    reason_label,
    schedule_of,
)
from ui.i18n import group_digits, ui_locale
from ui.messages import unserved_detail


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


class SchedulePanel(_Placeholder):
    """The convoy schedule: one row per convoy round, and the selected round's passages and vehicles.

    Emits ``convoySelected(id or "")``.
    """

    convoySelected = Signal(str)

    #: The convoy table's columns by key, in order: what a planner reads first (size, people, the times) comes
    #: before the place names, so the short result row under the map shows it without scrolling (it showed
    #: convoy, escort, round and half of "Forms at").
    COLUMNS = (
        "convoy",
        "vehicles",
        "people",
        "depart",
        "arrive",
        "latest_safe_depart",
        "stops",
        "formation",
        "destination",
        "escort",
        "round",
    )

    @classmethod
    def column(cls, key: str) -> int:
        """The index of the convoy table's column ``key`` (one of :attr:`COLUMNS`)."""
        return cls.COLUMNS.index(key)

    def __init__(self, doc, parent=None):
        names = {
            "convoy": self.tr("Convoy"),
            "escort": self.tr("Escort"),
            "round": self.tr("Round"),
            "vehicles": self.tr("Vehicles"),
            "formation": self.tr("Forms at"),
            "depart": self.tr("Departs"),
            "latest_safe_depart": self.tr("Latest safe departure"),
            "stops": self.tr("Stops (boarded)"),
            "destination": self.tr("Reception point"),
            "arrive": self.tr("Arrives"),
            "people": self.tr("People"),
        }
        self.table = _table([names[k] for k in self.COLUMNS], stretch=(self.column("stops"),))
        self.passages = _table(
            [
                self.tr("Direction"),
                self.tr("Checkpoint"),
                self.tr("Arrives"),
                self.tr("Check starts"),
                self.tr("Wait"),
                self.tr("Clear"),
                self.tr("Vehicles"),
                self.tr("People"),
            ]
        )
        self.vehicles = _table(
            [self.tr("Vehicle"), self.tr("Type"), self.tr("Seats"), self.tr("Passengers"), self.tr("Boarded at")],
            stretch=(4,),
        )
        self.detail_title = QLabel()
        self.detail_title.setStyleSheet("padding:0px 4px")
        # one line that does not hold the detail as wide as itself (the Russian hint left the convoy table
        # 200 px: convoy, vehicles and half of people); wrapped, it took a row of the passages table
        self.detail_title.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        detail = QWidget()
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.setSpacing(1)
        dl.addWidget(self.detail_title)
        # passages and vehicles side by side, each at the row's full height: stacked, in the short result row
        # under the map (which keeps 60 % of the window), one showed its header only and the other one row
        lower = QSplitter(Qt.Horizontal)
        for t in (self.passages, self.vehicles):
            t.verticalHeader().setDefaultSectionSize(t.fontMetrics().height() + 4)
            t.setTextElideMode(Qt.ElideRight)
            lower.addWidget(t)
        lower.setSizes([600, 400])  # in proportion
        dl.addWidget(lower, 1)
        # beside the convoy table, not below it: the table must show its rows at its full height
        split = QSplitter(Qt.Horizontal)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setSizes([500, 500])  # in proportion: the convoys and the selected one's detail
        super().__init__(split, no_results(), parent)
        self.doc = doc
        self.table.itemSelectionChanged.connect(self._on_select)
        doc.resultsChanged.connect(self.refresh)
        doc.planReset.connect(self.refresh)
        self.refresh()

    def _day0(self):
        s = schedule_of(self.doc)
        return s.window_start.date() if s is not None else None

    def refresh(self) -> None:
        self.table.setRowCount(0)
        self._show_detail(None)
        s = schedule_of(self.doc)
        if s is None:
            self.show_missing(self.doc)
            return
        if not s.convoys:
            self.show_view(
                False, self.tr("The schedule has no convoys: nobody can leave in this window (see the Summary).")
            )
            return
        day0 = self._day0()
        bold = QFont()
        bold.setBold(True)
        self.table.setRowCount(len(s.convoys))
        for i, c in enumerate(s.convoys):
            idi = _item(c.id, data=c.id)
            idi.setForeground(convoy_colour(c.id))
            idi.setFont(bold)
            stops = "  →  ".join(f"{st.pickup} {fmt_time(st.arrive, day0)} ({st.boarded})" for st in c.stops)
            tips = "\n".join(
                f"{element_name(self.doc, st.pickup)}: {fmt_time(st.arrive, day0)}–"
                f"{fmt_time(st.depart, day0)}, {st.boarded}"
                for st in c.stops
            )
            row = {
                "convoy": idi,
                "escort": _item(c.escort),
                "round": _item(c.round, True),
                "vehicles": _item(c.size, True, ", ".join(map(str, c.vehicles))),
                "formation": _item(element_name(self.doc, c.formation_place)),
                "depart": _item(fmt_time(c.depart, day0), True, c.depart.isoformat()),
                "latest_safe_depart": _item(
                    fmt_time(c.latest_safe_depart, day0, latest=True), True, c.latest_safe_depart.isoformat()
                ),
                "stops": _item(stops, tooltip=tips),
                "destination": _item(element_name(self.doc, c.destination)),
                "arrive": _item(fmt_time(c.arrive, day0), True, c.arrive.isoformat()),
                "people": _item(group_digits(c.people), True),
            }
            for key, it in row.items():
                self.table.setItem(i, self.column(key), it)
        self.show_view(True)

    def select(self, convoy_id) -> None:
        """Select the row of ``convoy_id`` (``""``/``None`` clears the selection)."""
        for r in range(self.table.rowCount()):
            if convoy_id and self.table.item(r, 0).data(Qt.UserRole) == convoy_id:
                self.table.selectRow(r)
                return
        self.table.clearSelection()

    def _on_select(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        cid = self.table.item(rows[0].row(), 0).data(Qt.UserRole) if rows else ""
        s = schedule_of(self.doc)
        self._show_detail(s.convoy(cid) if s is not None and cid else None)
        self.convoySelected.emit(cid or "")

    def _set_title(self, text: str, wrap: bool = False) -> None:
        """The detail's one-line title, whole in its tooltip where the pane is narrower than it; ``wrap`` for
        the hint shown while the tables under it are empty (one line cut the Russian hint)."""
        self.detail_title.setWordWrap(wrap)
        self.detail_title.setText(text)
        self.detail_title.setToolTip(text)

    def _show_detail(self, convoy) -> None:
        self.passages.setRowCount(0)
        self.vehicles.setRowCount(0)
        if convoy is None:
            self._set_title(self.tr("Select a convoy to see its checkpoint passages and vehicles."), wrap=True)
            return
        day0 = self._day0()
        self._set_title(
            self.tr(
                "<b>{convoy}</b>: {n} checkpoint passages in, {m} out; {people} people on {vehicles} vehicles"
            ).format(
                convoy=convoy.id,
                n=len(convoy.passages_in("in")),
                m=len(convoy.passages_in("out")),
                people=group_digits(convoy.people),
                vehicles=convoy.size,
            )
        )
        self.passages.setRowCount(len(convoy.passages))
        for i, p in enumerate(convoy.passages):
            row = [
                _item(direction_label(p.direction)),
                _item(p.checkpoint, tooltip=element_name(self.doc, p.checkpoint)),  # the id, as on the map
                _item(fmt_time(p.arrive, day0), True),
                _item(fmt_time(p.start_service, day0), True),
                _item(fmt_duration(p.wait), True),
                _item(fmt_time(p.clear, day0), True),
                _item(p.vehicles, True),
                _item(group_digits(p.people), True),
            ]
            for col, it in enumerate(row):
                self.passages.setItem(i, col, it)
        s = schedule_of(self.doc)
        trips = s.trips_of(convoy.id) if s is not None else []
        self.vehicles.setRowCount(len(trips))
        for i, t in enumerate(trips):
            boarded = ", ".join(f"{b.pickup} {b.people}" for b in t.boarded)
            row = [
                _item(t.vehicle, tooltip=t.plate or None),
                _item(vehicle_type_label(t.vehicle_type)),
                _item(t.seats, True),
                _item(t.passengers, True),
                _item(boarded),
            ]
            for col, it in enumerate(row):
                self.vehicles.setItem(i, col, it)


# ---------------------------------------------------------------- KPIs


def kpi_labels() -> list:
    """``(key, translated caption)`` of each KPI card, in display order."""
    return [
        ("evacuated", QCoreApplication.translate("KpiPanel", "People out")),
        ("demand", QCoreApplication.translate("KpiPanel", "Demand")),
        ("upper_bound", QCoreApplication.translate("KpiPanel", "Upper bound")),
        ("gap", QCoreApplication.translate("KpiPanel", "Gap to bound")),
        ("finish", QCoreApplication.translate("KpiPanel", "Finish")),
        ("convoys", QCoreApplication.translate("KpiPanel", "Convoys")),
        ("mean_convoy_size", QCoreApplication.translate("KpiPanel", "Vehicles per convoy")),
        ("vehicle_km", QCoreApplication.translate("KpiPanel", "Vehicle-km")),
        ("seat_use", QCoreApplication.translate("KpiPanel", "Seat use")),
    ]


def kpi_texts(schedule) -> dict:
    """Display text of each KPI of a ``planner.schedule.result.Schedule`` (also used by tests)."""
    k = schedule.kpis
    loc = ui_locale()  # the language's digits: "1 424", "21,8 %" in Ukrainian

    def f1(x):
        return loc.toString(float(x), "f", 1)

    return {
        "evacuated": loc.toString(int(k.evacuated)),
        "demand": loc.toString(int(k.demand)),
        "upper_bound": loc.toString(int(k.upper_bound)),
        "gap": "—" if not k.upper_bound else f"{f1(100 * k.gap)} %",
        "finish": fmt_time(k.finish, schedule.window_start.date()),
        "convoys": f"{k.convoys}",
        "mean_convoy_size": f1(k.mean_convoy_size),
        "vehicle_km": f1(k.vehicle_km),
        "seat_use": f"{f1(100 * k.seat_use)} %",
    }


UNSERVED_MAX_WIDTH = 260  # px: the widest the not-served table asks for (the convoy table needs the row too)


class KpiPanel(QWidget):
    """Headline figures of the schedule, and beside them the demand it could not serve with the reason.

    Side by side, not stacked: in the short result row under the map (which keeps 60 % of the window) the
    figures take its whole height, and a not-served table below them was cut off (seen in a user trial).
    """

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(2)
        self.hint = QLabel(no_results())
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color:#777")
        self.hint.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)
        lay.addWidget(self.hint)
        body = QHBoxLayout()
        body.setSpacing(6)
        lay.addLayout(body, 1)
        grid = QGridLayout()
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(3)
        self.values: dict[str, QLabel] = {}
        self.cards: list[QFrame] = []
        for i, (key, label) in enumerate(kpi_labels()):
            card = QFrame()
            card.setFrameShape(QFrame.StyledPanel)
            card.setStyleSheet(
                "QFrame{background:#f6f8fa; border:1px solid #d0d7de; border-radius:4px}"
                "QLabel{border:none; background:transparent}"
            )
            cl = QVBoxLayout(card)
            cl.setContentsMargins(4, 1, 4, 1)
            cl.setSpacing(0)
            cap = QLabel(label)
            cap.setStyleSheet("color:#57606a; font-size:11px")
            val = QLabel("—")
            val.setStyleSheet("font-size:15px; font-weight:600; color:#1f2328")
            val.setObjectName(f"kpi_{key}")
            cl.addWidget(cap)
            if key == "upper_bound":
                # its caption says which bound it is (the quick proof or tightened, with the effort); beside the
                # figure, the way to tighten it (Plan -> Tighten the bound)
                self.bound_caption = cap
                row = QHBoxLayout()
                row.setContentsMargins(0, 0, 0, 0)
                row.setSpacing(3)
                row.addWidget(val)
                self.tighten_button = QToolButton()
                self.tighten_button.setObjectName("kpi_tighten")
                self.tighten_button.setText(self.tr("Tighten"))
                self.tighten_button.setStyleSheet("font-size:11px; padding:0px 1px")
                self.tighten_button.hide()
                row.addWidget(self.tighten_button)
                row.addStretch(1)
                cl.addLayout(row)
                val.ensurePolished()
                self.tighten_button.setMaximumHeight(val.sizeHint().height())  # the card no taller than the others
                # as wide as its longest caption from the start: the dock's width is set before a compute
                probe = QLabel()
                probe.setStyleSheet(cap.styleSheet())
                probe.ensurePolished()
                widths = []
                for text in (self._caption_for(None), self._caption_for(60)):
                    probe.setText(text)
                    widths.append(probe.sizeHint().width())
                cap.setMinimumWidth(max(widths))
            else:
                cl.addWidget(val)
            grid.addWidget(card, i // 3, i % 3)
            self.values[key] = val
            self.cards.append(card)
        body.addLayout(grid)
        # its own column, kept while empty: the summary's width does not change with the results
        self.side = QWidget()
        side = QVBoxLayout(self.side)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(1)
        # the assembly point by its id (the name in the tooltip) and the reason at its full width: with the name
        # in a stretched column both were elided in the narrow summary ("P2 ...", "check...")
        self.unserved = _table([self.tr("Assembly point"), self.tr("People"), self.tr("Why")], stretch=(2,))
        self.unserved.horizontalHeader().setSectionResizeMode(0, QHeaderView.Interactive)
        self.unserved.verticalHeader().setDefaultSectionSize(self.unserved.fontMetrics().height() + 4)
        self.unserved.setTextElideMode(Qt.ElideRight)
        self.unserved.setMinimumHeight(40)  # scrolls its rows in the short row rather than making the panel taller
        self.unserved_title = QLabel()
        side.addWidget(self.unserved_title)
        # as wide as its title with a five-digit count (known before the results: the dock's width is set
        # before a compute); a word-wrapped title would make the scroll area size the panel to its table
        probe = QLabel(self._title_text(99_999))
        probe.setFont(self.unserved_title.font())
        fm = self.unserved.fontMetrics()
        self.unserved.setColumnWidth(0, fm.horizontalAdvance("P999") + 12)
        # room for the longest reason on one line where the window has it (English at 1600 px): the reason is
        # the answer the planner looks for, and elided it said "check..." (rows stay one line: a short table)
        reasons = max(fm.horizontalAdvance(reason_label(r)) for r in UNSERVED_REASONS) + 16  # cell margins
        need = fm.horizontalAdvance("P999") + 12 + fm.horizontalAdvance(self.tr("People")) + 14 + reasons + 6
        least = max(170, probe.sizeHint().width() + 4)
        self.side.setMinimumWidth(least)
        #: px more than its minimum the summary asks for where the window has room (the main window's default
        #: layout): its not-served reasons on one line; a narrow window keeps the minimum and wraps them
        self.wanted_extra = max(0, min(need, UNSERVED_MAX_WIDTH) - least)

        side.addWidget(self.unserved, 1)
        self.filler = QWidget()  # takes the height while there is no table to show
        self.filler.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Expanding)
        side.addWidget(self.filler, 1)
        body.addWidget(self.side, 1)
        doc.resultsChanged.connect(self.refresh)
        doc.planReset.connect(self.refresh)
        self.refresh()

    def set_tighten_action(self, action) -> None:
        """The window's Plan → Tighten the bound, as the button beside the upper bound (enabled as it is)."""
        self._tighten_action = action
        self.tighten_button.show()  # from the start, disabled until there is a bound to tighten
        self.tighten_button.clicked.connect(action.trigger)
        action.changed.connect(self._sync_tighten)
        self._sync_tighten()
        self.refresh()

    def _sync_tighten(self) -> None:
        a = self._tighten_action
        self.tighten_button.setEnabled(a.isEnabled())
        self.tighten_button.setToolTip(a.toolTip())

    _tighten_action = None

    def bound_caption_text(self) -> str:
        """The upper bound's caption: which bound it is, the quick proof or tightened with its effort."""
        return self._caption_for(getattr(self.doc.results, "bound_effort_s", None))

    def _caption_for(self, effort) -> str:
        # short: the Summary fits beside the not-served table at 1366 px in Ukrainian too; the tooltip says more
        if effort is None:
            return dict(kpi_labels())["upper_bound"]  # the quick proof: Tighten beside it is on
        return self.tr("Upper bound · {s} s").format(s=ui_locale().toString(float(effort), "g"))

    def bound_tooltip(self) -> str:
        effort = getattr(self.doc.results, "bound_effort_s", None)
        if effort is None:
            return self.tr(
                "The quick proof of the upper bound. Tighten (Plan ▸ Tighten the bound) spends minutes of solver "
                "time to prove a closer one; the caption then says the solver time a run."
            )
        return self.tr(
            "The upper bound tightened with {s} s of solver time a run (Plan ▸ Tighten the bound); more time a run "
            "(Preferences) may prove a closer one."
        ).format(s=ui_locale().toString(float(effort), "g"))

    def _title_text(self, people: int) -> str:
        return self.tr("<b>Not served</b> ({n} people)").format(n=ui_locale().toString(int(people)))

    def refresh(self) -> None:
        s = schedule_of(self.doc)
        self.unserved.setRowCount(0)
        if s is None:
            for v in self.values.values():
                v.setText("—")
            self.hint.setText(no_results() if self.doc.results is None else not_scheduled())
            self.hint.show()
            self.unserved_title.hide()
            self.unserved.hide()
            self.filler.show()
            self.bound_caption.setText(dict(kpi_labels())["upper_bound"])
            self.bound_caption.setToolTip("")
            return
        self.hint.hide()
        for key, text in kpi_texts(s).items():
            self.values[key].setText(text)
        self.bound_caption.setText(self.bound_caption_text())
        self.bound_caption.setToolTip(self.bound_tooltip())
        rows = s.unserved
        self.unserved_title.setVisible(True)
        if not rows:
            self.unserved_title.setText(self.tr("<b>Not served:</b> nobody — every person in the plan gets out."))
        else:
            self.unserved_title.setText(self._title_text(sum(int(u.people) for u in rows)))
        self.unserved.setRowCount(len(rows))
        for i, u in enumerate(rows):
            self.unserved.setItem(i, 0, _item(u.pickup, tooltip=element_name(self.doc, u.pickup)))
            self.unserved.setItem(i, 1, _item(ui_locale().toString(int(u.people)), True))
            self.unserved.setItem(i, 2, _item(reason_label(u.reason), tooltip=unserved_detail(u)))
        self.unserved.setVisible(bool(rows))
        self.filler.setVisible(not rows)
