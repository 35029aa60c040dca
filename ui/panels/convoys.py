"""The convoy table: one row per convoy round, and the selected round's checkpoint passages and vehicles.

It reads the typed schedule of ``doc.results`` (:mod:`planner.schedule.result`)
and computes no figure of its own.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QSizePolicy, QSplitter, QVBoxLayout, QWidget

from ui.convoys.common import convoy_colour, direction_label, element_name, fmt_duration, fmt_time, schedule_of
from ui.i18n import group_digits
from ui.panels.results import _item, _Placeholder, _table, no_results, vehicle_type_label


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

    def _set_title(self, text: str) -> None:
        """The detail's one-line title, whole in its tooltip where the pane is narrower than it."""
        self.detail_title.setText(text)
        self.detail_title.setToolTip(text)

    def _show_detail(self, convoy) -> None:
        self.passages.setRowCount(0)
        self.vehicles.setRowCount(0)
        if convoy is None:
            # short: the one line is cut where the pane is narrower (the longer hint was, in Russian)
            self._set_title(self.tr("Select a convoy: its passages and vehicles."))
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
