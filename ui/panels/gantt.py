"""Gantt of convoy rounds over time, with a lane per checkpoint below them.

One bar per convoy round (a ``planner.schedule.result.Convoy``), in segments
from :func:`planner.schedule.timeline.convoy_segments`: driving in empty (grey),
boarding (amber), queued at a checkpoint (red hatching), being checked (dark),
halted (slate), driving out loaded (the convoy's colour), unloading (light).
One lane per checkpoint: the convoy being checked (bars in its colour, hatched
for an empty inbound convoy) and the number of convoys queued over time (red
step line, :func:`planner.schedule.report.queue_steps`). A dashed line marks
the window's end, a blue line the time slider's time.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QScrollArea, QToolTip, QWidget

from planner.schedule.report import queue_steps
from planner.schedule.timeline import convoy_segments, queue_summary, time_span
from ui.convoys.common import (
    convoy_colour,
    element_name,
    fmt_duration,
    fmt_time,
    schedule_of,
    segment_label,
)
from ui.panels.results import _Placeholder, no_results

ROW_H = 18
HEADER_H = 40  # one legend line, then the hour labels (more legend lines when the chart is narrow)
LEGEND_LINE = 16  # height of a legend line (px)
LEGEND_X = 4  # where legend lines start: over the row labels too
LABEL_W = 150
EMPTY = QColor("#c8ccd0")
LOADING = QColor("#e8a33d")
WAIT = QColor("#d62728")
SERVICE = QColor("#2f3640")
HALT = QColor("#6c7a96")
UNLOAD = QColor("#9bd3ae")
CURSOR = QColor("#0969da")

FIXED = {"drive_in": EMPTY, "stop": LOADING, "queue": WAIT, "check": SERVICE, "halt": HALT, "unload": UNLOAD}


class Bar:
    """One painted interval: row, times, colour, pattern, tooltip, convoy id."""

    __slots__ = ("colour", "convoy", "end", "pattern", "row", "start", "thin", "tip")

    def __init__(self, row, start, end, colour, tip, convoy, pattern=Qt.SolidPattern, thin=False):
        self.row, self.start, self.end, self.colour = row, start, end, colour
        self.tip, self.convoy, self.pattern, self.thin = tip, convoy, pattern, thin


def legend_items() -> list:
    """``(colour, pattern, translated text)`` of each legend entry; colour ``None`` for the window's end."""
    return [
        (EMPTY, Qt.SolidPattern, segment_label("drive_in")),
        (LOADING, Qt.SolidPattern, segment_label("stop")),
        (QColor("#4e79a7"), Qt.SolidPattern, segment_label("drive_out")),
        (WAIT, Qt.BDiagPattern, segment_label("queue")),
        (SERVICE, Qt.SolidPattern, segment_label("check")),
        (HALT, Qt.SolidPattern, segment_label("halt")),
        (UNLOAD, Qt.SolidPattern, segment_label("unload")),
        (None, Qt.SolidPattern, QCoreApplication.translate("Gantt", "window end")),
    ]


class GanttChart(QWidget):
    """The painted chart; width follows the scroll area, height the number of rows."""

    convoyClicked = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.schedule = None
        self.doc = None
        self.rows: list[tuple[str, str]] = []  # (kind, key): ("convoy", id) or ("checkpoint", id)
        self.bars: list[Bar] = []
        self.queues: dict = {}  # checkpoint id -> [(t, convoys queued)]
        self.peaks: dict = {}  # checkpoint id -> planner.schedule.timeline.QueueSummary
        self.t0 = self.t1 = None
        self.highlight = None
        self.cursor: datetime | None = None
        self.header_h = HEADER_H
        self.end_w = 36.0  # px right of the bars
        self.setMouseTracking(True)

    def set_schedule(self, schedule, doc=None) -> None:
        self.schedule, self.doc = schedule, doc
        self.rows, self.bars, self.queues, self.peaks = [], [], {}, {}
        self.t0 = self.t1 = None
        if schedule is not None:
            self._build(schedule)
        # the bars end left of the widest "max queue N" (the labels covered the last bars of their rows)
        fm = QFontMetricsF(self._small_font())
        self.end_w = max([36.0] + [fm.horizontalAdvance(self.queue_text(k)) + 12 for _k, k in self.checkpoint_rows()])
        self._fit_header()
        self.update()

    def checkpoint_rows(self) -> list[tuple[int, str]]:
        """``(row, checkpoint id)`` of the checkpoint queue rows."""
        return [(i, key) for i, (kind, key) in enumerate(self.rows) if kind == "checkpoint"]

    def queue_text(self, checkpoint: str) -> str:
        """The label at the end of a checkpoint's row: its longest queue, or that there was none."""
        peak = self.peaks[checkpoint].max_queue if checkpoint in self.peaks else 0
        if peak:
            return QCoreApplication.translate("Gantt", "max queue {n}").format(n=peak)
        return QCoreApplication.translate("Gantt", "no queue")

    def queue_text_rect(self, row: int) -> QRectF:
        """Where a checkpoint row's :meth:`queue_text` goes: right of every bar."""
        return QRectF(self.width() - self.end_w + 4, self._row_y(row), self.end_w - 8, ROW_H)

    def _small_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        return small

    def legend_layout(self, width: int | None = None) -> list[tuple[QRectF, str]]:
        """Where each legend entry goes: ``(rect of swatch and text, text)``, wrapped onto more lines when
        ``width`` (px, default the chart's) cannot hold them on one line."""
        width = self.width() if width is None else width
        fm = QFontMetrics(self._small_font())
        out, x, line = [], LEGEND_X, 0
        for _colour, _pattern, text in legend_items():
            w = 18 + fm.horizontalAdvance(text)
            if x > LEGEND_X and x + w > width - 4:
                x, line = LEGEND_X, line + 1
            out.append((QRectF(x, 2 + line * LEGEND_LINE, w, LEGEND_LINE), text))
            x += w + 14
        return out

    def _fit_header(self) -> None:
        """Header height for the legend's lines at the current width, and the minimum height that follows."""
        lines = 1 + max((int(r.top()) // LEGEND_LINE for r, _ in self.legend_layout()), default=0)
        self.header_h = HEADER_H + (lines - 1) * LEGEND_LINE
        h = self.header_h + ROW_H * max(1, len(self.rows)) + 8
        if h != self.minimumHeight():  # only on a change: the scroll area relays out on every call
            self.setMinimumHeight(h)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._fit_header()

    def _name(self, element_id) -> str:
        return element_name(self.doc, element_id) if self.doc is not None else str(element_id)

    def _build(self, s) -> None:
        self.t0, self.t1 = time_span(s)
        if self.t1 <= self.t0:
            self.t0 = self.t1 = None
            return
        day0 = s.window_start.date()
        for c in s.convoys:
            r = len(self.rows)
            self.rows.append(("convoy", c.id))
            head = QCoreApplication.translate(
                "Gantt", "{convoy} · escort {escort}, round {round} · {n} vehicles · {people} people"
            ).format(convoy=c.id, escort=c.escort, round=c.round, n=c.size, people=c.people)
            for seg in convoy_segments(c):
                colour = convoy_colour(c.id) if seg.kind == "drive_out" else FIXED[seg.kind]
                what = segment_label(seg.kind)
                if seg.place:
                    what += f" · {self._name(seg.place)}"
                tip = (
                    f"{head}\n{what}: {fmt_time(seg.start, day0)}–{fmt_time(seg.end, day0)} "
                    f"({fmt_duration(seg.duration)})"
                )
                pattern = Qt.BDiagPattern if seg.kind == "queue" else Qt.SolidPattern
                self.bars.append(
                    Bar(r, seg.start, seg.end, colour, tip, c.id, pattern, thin=seg.kind in ("queue", "check"))
                )
        for q in s.checkpoint_queues:
            r = len(self.rows)
            self.rows.append(("checkpoint", q.checkpoint))
            self.queues[q.checkpoint] = queue_steps(s, q.checkpoint)
            self.peaks[q.checkpoint] = queue_summary(s, q.checkpoint)
            for p in q.passages:
                tip = QCoreApplication.translate(
                    "Gantt", "{checkpoint}: convoy {convoy}, {direction}, {n} vehicles, {people} people\nwaited {wait}"
                ).format(
                    checkpoint=self._name(q.checkpoint),
                    convoy=p.convoy,
                    direction=QCoreApplication.translate("Direction", "in (empty)")
                    if p.direction == "in"
                    else QCoreApplication.translate("Direction", "out (loaded)"),
                    n=p.vehicles,
                    people=p.people,
                    wait=fmt_duration(p.wait),
                )
                tip += f"\n{fmt_time(p.start_service, day0)}–{fmt_time(p.clear, day0)}"
                self.bars.append(
                    Bar(
                        r,
                        p.start_service,
                        p.clear,
                        convoy_colour(p.convoy),
                        tip,
                        p.convoy,
                        Qt.Dense3Pattern if p.direction == "in" else Qt.SolidPattern,
                    )
                )

    # ------------------------------------------------------------ geometry

    def _x(self, t) -> float:
        span = (self.t1 - self.t0).total_seconds()
        w = max(1.0, self.width() - LABEL_W - self.end_w)  # room for the last hour label and the queue labels
        return LABEL_W + w * (t - self.t0).total_seconds() / span

    def _row_y(self, row) -> float:
        return self.header_h + row * ROW_H

    def set_cursor(self, t: datetime | None) -> None:
        """Draw the time slider's time as a vertical line (``None``: none)."""
        self.cursor = t
        self.update()

    # ------------------------------------------------------------ paint

    def paintEvent(self, _event):
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        if not self.rows or self.t0 is None:
            return
        p.setRenderHint(QPainter.Antialiasing, False)
        p.setFont(self._small_font())
        n_convoys = sum(1 for k, _ in self.rows if k == "convoy")
        for i, (kind, key) in enumerate(self.rows):
            y = self._row_y(i)
            if i % 2:
                p.fillRect(QRectF(0, y, self.width(), ROW_H), QColor("#f6f8fa"))
            if kind == "convoy":
                p.setPen(convoy_colour(key))
                c = self.schedule.convoy(key)
                label = f"{key}  {c.escort}/{c.round} · {c.size}×" if c is not None else key
            else:
                p.setPen(QColor("#8250df"))
                label = QCoreApplication.translate("Gantt", "{checkpoint} queue").format(checkpoint=key)
            p.drawText(QRectF(4, y, LABEL_W - 8, ROW_H), Qt.AlignVCenter | Qt.AlignLeft, label)
        if n_convoys < len(self.rows):
            y = self._row_y(n_convoys)
            p.setPen(QPen(QColor("#8c959f"), 1))
            p.drawLine(0, y, self.width(), y)
        self._hours(p)
        self._legend(p)
        win_end = self.schedule.window_end
        if self.t0 < win_end <= self.t1:
            x = self._x(win_end)
            p.setPen(QPen(QColor("#cf222e"), 1.5, Qt.DashLine))
            p.drawLine(QPointF(x, self.header_h - 4), QPointF(x, self.height()))
        for b in self.bars:
            self._paint_bar(p, b)
        self._queue_lines(p)
        if self.cursor is not None and self.t0 <= self.cursor <= self.t1:
            x = self._x(self.cursor)
            p.setPen(QPen(CURSOR, 2))
            p.drawLine(QPointF(x, self.header_h - 6), QPointF(x, self.height()))
        p.end()

    def hour_ticks(self) -> list[tuple[QRectF, str]]:
        """The time axis: ``(rect, label)`` of each tick, every 1, 2, 3, 6, 12 or 24 hours, the least step whose
        labels do not overlap at the chart's width (at a fixed step, "22:00 00:00 +1d 02:00 +1d" overlapped
        on a window over two days)."""
        if self.t0 is None or self.t1 is None or self.t1 <= self.t0:
            return []
        fm = QFontMetrics(self.font())
        day0 = self.t0.date()
        first = self.t0.replace(minute=0, second=0, microsecond=0)
        widest = max(fm.horizontalAdvance(fmt_time(first + timedelta(hours=h), day0)) for h in range(0, 48, 1)) + 10
        px_per_h = max(self._x(self.t0 + timedelta(hours=1)) - self._x(self.t0), 1e-6)
        step_h = next((h for h in (1, 2, 3, 6, 12, 24) if h * px_per_h >= widest), 24)
        if step_h > 1:  # ticks on the hours a clock reads: 00, 03, 06 ... for a 3-hour step
            first = first.replace(hour=first.hour - first.hour % step_h)
        out, t = [], first
        while t <= self.t1:
            if t >= self.t0:
                x = self._x(t)
                out.append((QRectF(x - widest / 2, self.header_h - 20, widest, 18), fmt_time(t, day0)))
            t += timedelta(hours=step_h)
        return out

    def _hours(self, p) -> None:
        for rect, label in self.hour_ticks():
            x = rect.center().x()
            p.setPen(QPen(QColor("#d0d7de"), 1))
            p.drawLine(QPointF(x, self.header_h - 4), QPointF(x, self.height()))
            p.setPen(QColor("#57606a"))
            p.drawText(rect, Qt.AlignCenter, label)

    def _paint_bar(self, p, b: Bar) -> None:
        faded = self.highlight and b.convoy != self.highlight
        c = QColor(b.colour)
        if faded:
            c.setAlpha(60)
        rect = self.bar_rect(b)
        if b.pattern != Qt.SolidPattern:
            p.fillRect(rect, QColor(255, 255, 255, 200 if not faded else 60))
            p.fillRect(rect, QBrush(c, b.pattern))
            if b.pattern != Qt.BDiagPattern:
                p.setPen(QPen(c, 1))
                p.drawRect(rect)
        else:
            p.fillRect(rect, QBrush(c))

    def bar_rect(self, b: Bar) -> QRectF:
        """The widget-pixel box of a bar."""
        h = ROW_H - 10 if b.thin else ROW_H - 6
        top = self._row_y(b.row) + (ROW_H - h) / 2
        return QRectF(self._x(b.start), top, max(1.0, self._x(b.end) - self._x(b.start)), h)

    def _queue_lines(self, p) -> None:
        for i, (kind, key) in enumerate(self.rows):
            if kind != "checkpoint":
                continue
            steps = self.queues.get(key) or []
            peak = self.peaks[key].max_queue if key in self.peaks else 0
            if steps and peak:
                y0 = self._row_y(i) + ROW_H - 2
                path = QPainterPath(QPointF(self._x(steps[0][0]), y0))
                prev = 0
                for when, n in steps:
                    x = self._x(when)
                    path.lineTo(x, y0 - (ROW_H - 4) * prev / peak)
                    path.lineTo(x, y0 - (ROW_H - 4) * n / peak)
                    prev = n
                p.setPen(QPen(WAIT, 1.2))
                p.drawPath(path)
            p.setPen(WAIT if peak else QColor("#57606a"))
            p.drawText(self.queue_text_rect(i), Qt.AlignRight | Qt.AlignVCenter, self.queue_text(key))

    def _legend(self, p) -> None:
        for (colour, pattern, _text), (r, text) in zip(legend_items(), self.legend_layout(), strict=True):
            if colour is None:  # the window's end: a dashed line
                p.setPen(QPen(QColor("#cf222e"), 1.5, Qt.DashLine))
                p.drawLine(QPointF(r.left(), r.top() + 8), QPointF(r.left() + 14, r.top() + 8))
            else:
                p.fillRect(QRectF(r.left(), r.top() + 3, 14, 9), QBrush(colour, pattern))
            p.setPen(QColor("#57606a"))
            p.drawText(QPointF(r.left() + 18, r.top() + 12), text)

    # ------------------------------------------------------------ mouse

    def bar_at(self, pos):
        """The bar under widget point ``pos`` (the top-most), or ``None``."""
        if self.t0 is None:
            return None
        for b in reversed(self.bars):
            y = self._row_y(b.row)
            if y <= pos.y() < y + ROW_H and self._x(b.start) - 1 <= pos.x() <= self._x(b.end) + 1:
                return b
        return None

    def mouseMoveEvent(self, ev):
        hit = self.bar_at(ev.position())
        if hit:
            QToolTip.showText(ev.globalPosition().toPoint(), hit.tip, self)
        else:
            QToolTip.hideText()

    def mousePressEvent(self, ev):
        hit = self.bar_at(ev.position())
        self.convoyClicked.emit(hit.convoy if hit else "")


class GanttPanel(_Placeholder):
    """Scrollable Gantt; clicking a bar selects its convoy."""

    def __init__(self, doc, parent=None):
        self.chart = GanttChart()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        super().__init__(scroll, no_results(), parent)
        self.doc = doc
        self.convoyClicked = self.chart.convoyClicked
        doc.resultsChanged.connect(self.refresh)
        doc.planReset.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        s = schedule_of(self.doc)
        self.chart.set_schedule(s, self.doc)
        if s is None:
            self.show_missing(self.doc)
        elif not s.convoys:
            self.show_view(False, self.tr("The schedule has no convoys."))
        else:
            self.show_view(True)

    def highlight_convoy(self, convoy_id) -> None:
        self.chart.highlight = convoy_id or None
        self.chart.update()

    def set_time(self, t) -> None:
        """Follow the time slider."""
        self.chart.set_cursor(t)
