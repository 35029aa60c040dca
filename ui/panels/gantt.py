"""Gantt of vehicles over time, with the checkpoint queues below them.

One row per vehicle: driving empty (grey), loading (amber), driving loaded
(the convoy's colour), waiting in a checkpoint queue (red hatching) and being
checked (dark). One row per checkpoint: vehicles in service (bars) and the queue
length over time (red step line). Reads the schedule contract JSON only.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QScrollArea, QToolTip, QWidget

from ui.panels.results import NO_RESULTS, _Placeholder, convoy_colour, parse_time
from ui.workers import schedule_json

ROW_H = 18
HEADER_H = 40  # legend line, then the hour labels
LABEL_W = 120
EMPTY = QColor("#c8ccd0")
LOADING = QColor("#e8a33d")
WAIT = QColor("#d62728")
SERVICE = QColor("#2f3640")


class GanttChart(QWidget):
    """The painted chart; width follows the scroll area, height the number of rows."""

    convoyClicked = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.data = None
        self.rows: list[tuple[str, str]] = []  # (kind, key)
        self.bars: list = []  # (row, t0, t1, colour, tooltip, convoy)
        self.queues: dict = {}  # checkpoint id -> [(t, queue length)]
        self.t0 = self.t1 = None
        self.highlight = None
        self.setMouseTracking(True)

    def set_schedule(self, data: dict | None) -> None:
        self.data = data
        self.rows, self.bars, self.queues = [], [], {}
        if data:
            self._build(data)
        self.setMinimumHeight(HEADER_H + ROW_H * max(1, len(self.rows)) + 8)
        self.update()

    def _build(self, data) -> None:
        win = data.get("window", {})
        t0, t1 = parse_time(win.get("start")), parse_time(win.get("end"))
        trips = data.get("trips", [])
        times = [parse_time(t.get(k)) for t in trips for k in ("leave_at", "arrive_destination") if t.get(k)]
        if times:
            t0 = min([t0] + times) if t0 else min(times)
            t1 = max([t1] + times) if t1 else max(times)
        if t0 is None or t1 is None or t1 <= t0:
            return
        self.t0, self.t1 = t0, t1
        vehicles = []
        for t in trips:
            if t["vehicle"] not in vehicles:
                vehicles.append(t["vehicle"])
        vrow = {v: i for i, v in enumerate(vehicles)}
        self.rows = [("vehicle", v) for v in vehicles]
        cps = []
        for t in trips:
            for c in t.get("checkpoints", []):
                if c["id"] not in cps:
                    cps.append(c["id"])
        crow = {c: len(self.rows) + i for i, c in enumerate(cps)}
        self.rows += [("checkpoint", c) for c in cps]
        events = {c: [] for c in cps}
        for t in trips:
            r = vrow[t["vehicle"]]
            conv = t.get("convoy")
            col = convoy_colour(conv) if conv else QColor("#4e79a7")
            tip = (f"{t['vehicle']} · convoy {conv or '—'} · {t.get('pickup')} → {t.get('destination')} · "
                   f"{t.get('passengers', 0)} people")
            self._bar(r, t.get("leave_at"), t.get("arrive_pickup"), EMPTY, tip + " · driving empty", conv)
            self._bar(r, t.get("arrive_pickup"), t.get("depart_pickup"), LOADING, tip + " · loading", conv)
            self._bar(r, t.get("depart_pickup"), t.get("arrive_destination"), col, tip, conv)
            for c in t.get("checkpoints", []):
                self._bar(r, c.get("arrive"), c.get("start_service"), WAIT, f"{tip} · queue at {c['id']}", conv)
                self._bar(r, c.get("start_service"), c.get("clear"), SERVICE, f"{tip} · checked at {c['id']}", conv)
                self._bar(crow[c["id"]], c.get("start_service"), c.get("clear"), col,
                          f"{c['id']}: {t['vehicle']} (convoy {conv or '—'})", conv)
                a, s = parse_time(c.get("arrive")), parse_time(c.get("start_service"))
                if a and s and s > a:
                    events[c["id"]] += [(a, 1), (s, -1)]
        for c, ev in events.items():
            ev.sort(key=lambda e: (e[0], e[1]))
            n, steps = 0, []
            for when, d in ev:
                n += d
                steps.append((when, n))
            self.queues[c] = steps

    def _bar(self, row, a, b, colour, tip, convoy) -> None:
        a, b = parse_time(a), parse_time(b)
        if a is None or b is None or b <= a:
            return
        self.bars.append((row, a, b, colour, tip, convoy))

    # ------------------------------------------------------------ geometry

    def _x(self, t) -> float:
        span = (self.t1 - self.t0).total_seconds()
        w = max(1.0, self.width() - LABEL_W - 36)  # room for the last hour label
        return LABEL_W + w * (t - self.t0).total_seconds() / span

    def _row_y(self, row) -> float:
        return HEADER_H + row * ROW_H

    # ------------------------------------------------------------ paint

    def paintEvent(self, _event):
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        if not self.rows or self.t0 is None:
            return
        p.setRenderHint(QPainter.Antialiasing, False)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        p.setFont(small)
        n_vehicles = sum(1 for k, _ in self.rows if k == "vehicle")
        # rows and labels
        for i, (kind, key) in enumerate(self.rows):
            y = self._row_y(i)
            if i % 2:
                p.fillRect(QRectF(0, y, self.width(), ROW_H), QColor("#f6f8fa"))
            p.setPen(QColor("#24292f") if kind == "vehicle" else QColor("#8250df"))
            label = key if kind == "vehicle" else f"⛔ {key} queue"
            p.drawText(QRectF(4, y, LABEL_W - 8, ROW_H), Qt.AlignVCenter | Qt.AlignLeft, label)
        if n_vehicles < len(self.rows):
            y = self._row_y(n_vehicles)
            p.setPen(QPen(QColor("#8c959f"), 1))
            p.drawLine(0, y, self.width(), y)
        # hour grid
        p.setPen(QPen(QColor("#d0d7de"), 1))
        hour = self.t0.replace(minute=0, second=0, microsecond=0)
        from datetime import timedelta

        step = timedelta(hours=1)
        span_h = (self.t1 - self.t0).total_seconds() / 3600
        if span_h > 30:
            step = timedelta(hours=6)
        elif span_h > 14:
            step = timedelta(hours=2)
        t = hour
        while t <= self.t1:
            if t >= self.t0:
                x = self._x(t)
                p.setPen(QPen(QColor("#d0d7de"), 1))
                p.drawLine(QPointF(x, HEADER_H - 4), QPointF(x, self.height()))
                p.setPen(QColor("#57606a"))
                p.drawText(QRectF(x - 30, 20, 60, HEADER_H - 22), Qt.AlignCenter, t.strftime("%H:%M"))
            t += step
        self._legend(p)
        # window end marker
        win_end = parse_time((self.data or {}).get("window", {}).get("end"))
        if win_end and self.t0 < win_end <= self.t1:
            x = self._x(win_end)
            p.setPen(QPen(QColor("#cf222e"), 1.5, Qt.DashLine))
            p.drawLine(QPointF(x, HEADER_H - 4), QPointF(x, self.height()))
        # bars
        for row, a, b, colour, _tip, convoy in self.bars:
            y = self._row_y(row)
            faded = self.highlight and convoy != self.highlight
            c = QColor(colour)
            if faded:
                c.setAlpha(60)
            h = ROW_H - 6 if colour not in (WAIT, SERVICE) else ROW_H - 10
            top = y + (ROW_H - h) / 2
            rect = QRectF(self._x(a), top, max(1.0, self._x(b) - self._x(a)), h)
            if colour is WAIT:
                p.fillRect(rect, QColor(255, 255, 255, 200 if not faded else 60))
                p.fillRect(rect, QBrush(c, Qt.BDiagPattern))
            else:
                p.fillRect(rect, QBrush(c))
        # queue lengths
        for i, (kind, key) in enumerate(self.rows):
            if kind != "checkpoint" or not self.queues.get(key):
                continue
            steps = self.queues[key]
            peak = max(n for _, n in steps) or 1
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
            p.drawText(QRectF(self.width() - 90, self._row_y(i), 86, ROW_H), Qt.AlignRight | Qt.AlignVCenter,
                       f"max queue {peak}")
        p.end()

    def _legend(self, p) -> None:
        items = [(EMPTY, "driving empty"), (LOADING, "loading"), (QColor("#4e79a7"), "driving loaded (convoy colour)"),
                 (WAIT, "waiting at a checkpoint"), (SERVICE, "being checked")]
        x = LABEL_W
        fm = p.fontMetrics()
        for colour, text in items:
            r = QRectF(x, 5, 14, 9)
            if colour is WAIT:
                p.fillRect(r, QBrush(colour, Qt.BDiagPattern))
            else:
                p.fillRect(r, colour)
            p.setPen(QColor("#57606a"))
            p.drawText(QPointF(x + 18, 14), text)
            x += 18 + fm.horizontalAdvance(text) + 16
        p.setPen(QPen(QColor("#cf222e"), 1.5, Qt.DashLine))
        p.drawLine(QPointF(x, 10), QPointF(x + 14, 10))
        p.setPen(QColor("#57606a"))
        p.drawText(QPointF(x + 18, 14), "window end")

    def bar_at(self, pos):
        for row, a, b, _c, tip, convoy in reversed(self.bars):
            y = self._row_y(row)
            if y <= pos.y() < y + ROW_H and self._x(a) - 1 <= pos.x() <= self._x(b) + 1:
                return tip, convoy, a, b
        return None

    def mouseMoveEvent(self, ev):
        hit = self.bar_at(ev.position())
        if hit:
            tip, _c, a, b = hit
            QToolTip.showText(ev.globalPosition().toPoint(), f"{tip}\n{a:%H:%M} – {b:%H:%M}", self)
        else:
            QToolTip.hideText()

    def mousePressEvent(self, ev):
        hit = self.bar_at(ev.position())
        self.convoyClicked.emit(hit[1] or "" if hit else "")


class GanttPanel(_Placeholder):
    """Scrollable Gantt; clicking a bar selects its convoy."""

    def __init__(self, doc, parent=None):
        self.chart = GanttChart()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        super().__init__(scroll, NO_RESULTS, parent)
        self.doc = doc
        self.convoyClicked = self.chart.convoyClicked
        doc.resultsChanged.connect(self.refresh)
        doc.planReset.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        data = schedule_json(getattr(self.doc.results, "schedule", None))
        self.chart.set_schedule(data)
        if data is None:
            self.show_view(False, NO_RESULTS if self.doc.results is None
                           else "The plan was not scheduled: see the Problems list.")
        elif not data.get("trips"):
            self.show_view(False, "The schedule has no trips.")
        else:
            self.show_view(True)

    def highlight_convoy(self, convoy_id) -> None:
        self.chart.highlight = convoy_id or None
        self.chart.update()
