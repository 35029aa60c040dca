"""The time slider docked under the map: pick a time of the schedule, or play it.

Emits ``timeChanged(datetime)``; the map's convoy layer
(:class:`ui.convoys.layer.ConvoyPositionsLayer`) and the Gantt's cursor follow it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QStyle, QToolButton, QWidget

from planner.schedule.timeline import time_span
from ui.i18n import ui_locale

STEP = timedelta(minutes=1)  # one slider tick
PLAY_STEP = timedelta(minutes=2)  # schedule time per frame when playing
PLAY_MS = 80


def day_text(t: datetime) -> str:
    """The day of ``t`` as the slider shows it: weekday, day and month in the GUI's language ("Sat 30 Apr",
    "сб 30 квіт."), the same in every language (the short date format was "30.04.22" in Ukrainian and
    "30/04/2022" in English), and enough to tell the days of a window that spans several apart."""
    return ui_locale().toString(QDate(t.year, t.month, t.day), "ddd d MMM")


class TimeSlider(QWidget):
    """A slider over the schedule's time span (the window, widened to every convoy round), in minutes."""

    timeChanged = Signal(object)  # aware datetime, or None when there is no schedule

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("timeSlider")
        self.t0: datetime | None = None
        self.t1: datetime | None = None
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 2, 6, 2)
        lay.setSpacing(6)
        self.play = QToolButton()
        self.play.setCheckable(True)
        self.play.setIcon(self.style().standardIcon(QStyle.SP_MediaPlay))
        self.play.setToolTip(self.tr("Play the schedule"))
        self.play.toggled.connect(self._on_play)
        self.caption = QLabel(self.tr("Time:"))
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setToolTip(self.tr("Where every convoy is at this time"))
        self.slider.valueChanged.connect(self._on_value)
        self.label = QLabel("—")
        self.label.setMinimumWidth(150)
        self.label.setObjectName("timeLabel")
        self.status = QLabel()
        self.status.setObjectName("timeStatus")
        self.status.setStyleSheet("color:#57606a")
        for w in (self.play, self.caption):
            lay.addWidget(w)
        lay.addWidget(self.slider, 1)
        lay.addWidget(self.label)
        lay.addWidget(self.status)
        self.timer = QTimer(self)
        self.timer.setInterval(PLAY_MS)
        self.timer.timeout.connect(self._tick)
        self.set_schedule(None)

    # ------------------------------------------------------------ model

    def set_schedule(self, schedule) -> None:
        """Span the slider over ``schedule`` (a ``planner.schedule.result.Schedule``; ``None`` disables it)."""
        self.play.setChecked(False)
        if schedule is None or not getattr(schedule, "convoys", None):
            self.t0 = self.t1 = None
            self.slider.blockSignals(True)
            self.slider.setRange(0, 0)
            self.slider.blockSignals(False)
            self.setEnabled(False)
            self.label.setText("—")
            self.status.setText(self.tr("no schedule"))
            self.timeChanged.emit(None)
            return
        keep = self.time()  # the time shown before (a recompute keeps it when it still lies in the span)
        self.t0, self.t1 = time_span(schedule)
        n = int((self.t1 - self.t0) / STEP)
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(1, n))
        self.slider.setPageStep(30)
        self.slider.blockSignals(False)
        self.setEnabled(True)
        self.set_time(keep if keep is not None and self.t0 <= keep <= self.t1 else schedule.convoys[0].depart)
        self._on_value(self.slider.value())

    def time(self) -> datetime | None:
        """The chosen time (``None`` without a schedule)."""
        if self.t0 is None:
            return None
        return self.t0 + self.slider.value() * STEP

    def set_time(self, t: datetime) -> None:
        """Move the slider to ``t`` (clamped to the span, rounded down to the minute)."""
        if self.t0 is None:
            return
        t = min(max(t, self.t0), self.t1)
        self.slider.setValue(int((t - self.t0) / STEP))

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    # ------------------------------------------------------------ slots

    def _on_value(self, _value) -> None:
        t = self.time()
        if t is None:
            return
        self.label.setText(f"{day_text(t)} {t:%H:%M}")
        self.timeChanged.emit(t)

    def _on_play(self, on: bool) -> None:
        self.play.setIcon(self.style().standardIcon(QStyle.SP_MediaPause if on else QStyle.SP_MediaPlay))
        if on and self.slider.value() >= self.slider.maximum():
            self.slider.setValue(0)
        self.timer.start() if on else self.timer.stop()

    def _tick(self) -> None:
        v = self.slider.value() + int(PLAY_STEP / STEP)
        if v >= self.slider.maximum():
            self.slider.setValue(self.slider.maximum())
            self.play.setChecked(False)
        else:
            self.slider.setValue(v)
