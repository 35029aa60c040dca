"""The KPI summary: the schedule's key figures as cards, and the people not served with their reasons.

It reads the typed schedule of ``doc.results`` (``Schedule.kpis``,
``Schedule.unserved``) and computes no figure of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.schedule.result import UNSERVED_REASONS
from ui.convoys.common import element_name, fmt_time, reason_label, schedule_of
from ui.i18n import ui_locale
from ui.messages import unserved_detail
from ui.panels.results import _item, _table, no_results, not_scheduled


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
