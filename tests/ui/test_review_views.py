"""What a planner sees of the computed demo plan, read from the real widgets in the default layout: the convoy
table's first columns, the routes in the GUI's language, the time slider's day and status line, the map's badges.

Each test is a defect seen in screenshots of the window in English, Ukrainian and Russian.
"""

import re

import pytest
from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtWidgets import QApplication, QStyle

from tests.ui.conftest import default_layout_window
from ui.i18n import install_translator
from ui.map.points import PointItem
from ui.window.main import MainWindow

pytestmark = [pytest.mark.gui, pytest.mark.slow]

MainWindow.check_connectivity = False


@pytest.fixture(scope="module")
def win(qapp, demo_plan_path, demo_net):
    with default_layout_window(demo_plan_path, demo_net, (1600, 1000)) as w:
        assert w.compute(wait=True)
        QApplication.processEvents()
        yield w


def test_the_default_layout_shows_each_convoys_size_people_and_times_without_scrolling(win):
    # seen: the row under the map showed convoy, escort, round and half of "Forms at"; no time, no people
    t = win.schedule_panel.table
    col = win.schedule_panel.column
    width = t.viewport().width()
    for key in ("convoy", "vehicles", "people", "depart", "arrive"):
        c = col(key)
        assert t.columnViewportPosition(c) + t.columnWidth(c) <= width, (key, width)


@pytest.mark.parametrize(
    "lang,fastest,via,km", [("uk", "найшвидший", "через ", "км"), ("ru", "самый быстрый", "через ", "км")]
)
def test_routes_are_labelled_and_measured_in_the_language(qapp, win, lang, fastest, via, km):
    # seen: "fastest", "via Platanenstraße" and "15.2 km" in the Russian routes table
    from ui.panels.results import RoutesPanel

    try:
        assert install_translator(qapp, lang) == lang
        panel = RoutesPanel(win.doc)
        t = panel.table
        labels = [t.item(r, 2).text() for r in range(t.rowCount())]
        lengths = [t.item(r, 3).text() for r in range(t.rowCount())]
        routes = [r for alts in win.doc.results.routes.alternatives.values() for r in alts]
        assert len(labels) == len(routes) and any(r.label.startswith("via ") for r in routes)
        for shown, r in zip(labels, routes, strict=True):
            assert shown == fastest if r.label == "fastest" else shown == via + r.label[4:]
        for shown, r in zip(lengths, routes, strict=True):
            assert shown == f"{r.length_m / 1000:.1f}".replace(".", ",") + f" {km}"
    finally:
        install_translator(qapp, "en")


def test_the_slider_status_counts_every_convoy_round_at_every_time(win):
    # seen at 08:36 on the demo: "0 on the road · 0 boarding · 0 at checkpoints · 0 done" for three convoys
    sl = win.time_slider
    n = len(win.doc.results.schedule.convoys)
    for frac in (0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0):
        sl.slider.setValue(round(sl.slider.maximum() * frac))
        text = sl.status.text()
        assert sum(int(x) for x in re.findall(r"\d+", text)) == n, text
    sl.slider.setValue(0)
    assert "forming up" in sl.status.text()


def test_the_slider_names_the_day(win):
    # seen: "30/04/2022" in English and "30.04.22" in Ukrainian; the day reads the same way in each language
    sl = win.time_slider
    t = sl.time()
    assert sl.label.text() == f"{t:%a} {t.day} {t:%b} {t:%H:%M}"  # "Sat 30 Apr 09:30"


def test_map_badges_say_per_convoy_minutes_and_group_digits_as_the_tree(win):
    items = win.map.elements.items
    for cp in win.doc.plan.checkpoints:
        lanes = f" ×{cp.lanes}" if cp.lanes > 1 else ""
        assert items[cp.id].badge == f"{cp.minutes_per_convoy:g}+{cp.minutes_per_vehicle:g} min{lanes}"
    d = win.doc.plan.destinations[0]
    assert d.capacity >= 1000
    assert items[d.id].badge == f"cap {d.capacity:,}"  # "cap 4,000" as in the elements tree, not "cap 4 000"


def _fits(table, r, c) -> bool:
    """The text of cell (r, c) fits its cell, word-wrapped as the table wraps it (with the cell's margins)."""
    text = table.item(r, c).text()
    margin = 2 * (table.style().pixelMetric(QStyle.PM_FocusFrameHMargin, None, table) + 1)  # the item delegate's
    room = table.columnWidth(c) - margin
    box = table.fontMetrics().boundingRect(QRect(0, 0, room, 10_000), Qt.TextWordWrap, text)
    return box.width() <= room and box.height() <= table.rowHeight(r)


def test_not_served_reasons_are_shown_whole_in_the_default_layout(win):
    # seen: "P2 ...", "check..." and "priorit..." in the summary's not-served table at 1600 x 1000: the
    # assembly point by its id (its name in the tooltip) leaves the reason its width; in English on one line
    from ui.convoys.common import reason_label

    t = win.kpis.unserved
    unserved = win.doc.results.schedule.unserved
    assert t.rowCount() == len(unserved) > 0
    fm = t.fontMetrics()
    for r, u in enumerate(unserved):
        assert t.item(r, 0).text() == u.pickup and u.pickup in t.item(r, 0).toolTip()
        assert t.item(r, 2).text() == reason_label(u.reason)
        assert fm.horizontalAdvance(t.item(r, 2).text()) + 8 <= t.columnWidth(2), t.item(r, 2).text()
        assert _fits(t, r, 0)
    assert t.columnViewportPosition(2) + t.columnWidth(2) <= t.viewport().width()


def test_elements_tree_gives_a_checkpoints_minutes_as_the_map_does(win):
    # seen: the tree said "2 min ×2" (per vehicle only) where a passage of the demo costs 20 min a convoy
    from ui.panels.elements import element_summary

    for cp in win.doc.plan.checkpoints:
        assert element_summary(cp) == f"{cp.minutes_per_convoy:g}+{cp.minutes_per_vehicle:g} min ×{cp.lanes}"
        assert win.map.elements.items[cp.id].badge.startswith(f"{cp.minutes_per_convoy:g}+")


@pytest.mark.parametrize("lang", ["uk", "ru", "en"])
def test_a_time_on_a_later_day_reads_as_the_pdf_writes_it(qapp, lang):
    # seen: "06:06 +1d" in the Ukrainian GUI, with an English "d"; the PDF now writes "06:06 +1 дн."
    from datetime import datetime, timedelta, timezone

    from planner.export.common import clock
    from planner.i18n import translator
    from ui.convoys.common import fmt_time

    tz = timezone(timedelta(hours=2))
    start, t = datetime(2022, 4, 30, 16, 0, tzinfo=tz), datetime(2022, 5, 1, 6, 5, 30, tzinfo=tz)
    try:
        assert install_translator(qapp, lang) == lang
        hhmm, days = clock(t, start).split(" +")
        assert fmt_time(t, start.date()) == f"{hhmm} {translator(lang)('+{n}d', n=days[:-1])}"
    finally:
        install_translator(qapp, "en")


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_gantt_hour_labels_never_overlap_over_two_days(qapp, demo_plan_path, demo_net, lang):
    # seen on the demo with a window from 16:00 to 14:00 the next day: "22:00 00:00 +1d 02:00 +1d" on top of
    # each other (a fixed 2-hour step with 60 px labels)
    import dataclasses
    from datetime import timedelta

    from PySide6.QtGui import QFontMetrics

    from planner.compute import compute_plan
    from planner.plan import load_plan
    from ui.convoys.common import fmt_time
    from ui.panels.gantt import GanttChart

    plan = load_plan(demo_plan_path)
    w = plan.window
    plan = dataclasses.replace(
        plan, window=dataclasses.replace(w, start=w.start + timedelta(hours=8), end=w.end + timedelta(days=1))
    )
    sched = compute_plan(plan, demo_net).schedule
    try:
        assert install_translator(qapp, lang) == lang
        for width in (700, 1200):
            chart = GanttChart()
            chart.resize(width, 300)
            chart.set_schedule(sched)
            ticks = chart.hour_ticks()
            assert len(ticks) >= 4
            fm = QFontMetrics(chart.font())
            for (a, _), (b, _) in zip(ticks, ticks[1:]):
                assert a.right() <= b.left() + 1e-6, (width, a, b)
            later = fmt_time(chart.t1.replace(hour=0, minute=0, second=0, microsecond=0), chart.t0.date())
            for rect, label in ticks:
                assert fm.horizontalAdvance(label) <= rect.width()
                assert re.fullmatch(r"\d\d:00", label) or label.endswith(later[5:]), label  # "06:00 +1d"
            assert any(label.endswith(later[5:]) for _, label in ticks)
    finally:
        install_translator(qapp, "en")


def test_variants_finish_reads_as_the_summary_and_the_pdf(qapp):
    # seen: the base's finish "13:59" in the what-if table and PDF where the summary and the schedule's PDF
    # say "14:00" (13:59:51 rounded up)
    from datetime import datetime

    from planner.export.common import clock
    from planner.whatif.compare import format_value
    from ui.messages import whatif_value

    finish = "2022-04-30T13:59:51+02:00"
    assert whatif_value("finish", finish) == format_value("finish", finish) == clock(datetime.fromisoformat(finish))
    assert format_value("finish", "2022-04-30T13:59:00+02:00") == "13:59"


def _vp(view, item) -> QPointF:
    return QPointF(view.mapFromScene(item.pos()))


def test_standing_convoy_markers_hide_no_point_label_nor_badge(win):
    # seen: at 10:42 the queued convoy's pill sat on CP1's "20+2 min x2" badge
    view, sl, layer = win.map, win.time_slider, win.time_slider.layer
    view.fit_to_plan()  # as the review's screenshot
    QApplication.processEvents()
    s = win.doc.results.schedule
    times = [p.arrive + p.wait / 2 for q in s.checkpoint_queues for p in q.passages if p.wait.total_seconds() > 60]
    times.append(sl.t0.replace(hour=10, minute=42))
    seen = 0
    for t in times:
        sl.set_time(t)
        QApplication.processEvents()
        labels = [
            it.label_rect(it.side).translated(_vp(view, it))
            for it in view.elements.items.values()
            if isinstance(it, PointItem) and it.shown
        ]
        badges = [b.rect().translated(_vp(view, b)) for b in view.results.badges if b.isVisible()]
        for m in layer.markers.values():
            if not m.isVisible() or m.state == "driving":
                continue
            seen += 1
            box = m._rect().translated(_vp(view, m))  # the pill as painted
            assert not any(box.intersects(r) for r in labels + badges), (m.convoy, m.state, t)
    assert seen >= 2  # a queue in service and waiting was looked at


@pytest.mark.parametrize("lang", ["en", "uk", "ru"])
def test_gantt_queue_labels_cover_no_bar_of_their_row(qapp, win, lang):
    # seen: "max queue 2" was drawn over the last checkpoint passages of its row
    install_translator(qapp, lang)
    try:
        chart = win.gantt.chart
        chart.set_schedule(win.doc.results.schedule, win.doc)
        rows = chart.checkpoint_rows()
        assert rows
        for row, key in rows:
            text = chart.queue_text_rect(row)
            assert chart.fontMetrics().horizontalAdvance(chart.queue_text(key)) * 0.8 <= text.width()
            bars = [chart.bar_rect(b) for b in chart.bars if b.row == row]
            assert bars and not any(text.intersects(b) for b in bars), (lang, key)
    finally:
        install_translator(qapp, "en")
        win.gantt.chart.set_schedule(win.doc.results.schedule, win.doc)


@pytest.mark.parametrize("lang", ["en", "uk", "ru"])
def test_side_dock_titles_and_the_convoy_detail_hint_are_whole(qapp, demo_plan_path, demo_net, lang):
    # seen in Russian: the vertical title "Диаграмма Ганта" read "Диаграм…", the hint beside the convoy table
    # "Выберите колонну, чтобы увидеть её прохождение ..." was cut at the pane's edge (now one short line)
    from PySide6.QtWidgets import QAbstractButton, QDockWidget

    install_translator(qapp, lang)
    try:
        with default_layout_window(demo_plan_path, demo_net, (1600, 1000)) as w:
            assert w.compute(wait=True)
            QApplication.processEvents()
            bottom = [d for d in w.findChildren(QDockWidget) if w.dockWidgetArea(d) == Qt.BottomDockWidgetArea]
            assert w.dock_gantt in bottom
            for d in bottom:
                d.raise_()  # a tab of the result row: measured when it is the one shown
                QApplication.processEvents()
                buttons = [b for b in d.findChildren(QAbstractButton) if b.parent() is d and b.isVisible()]
                below_buttons = d.height() - max(b.geometry().bottom() for b in buttons)
                assert d.fontMetrics().horizontalAdvance(d.windowTitle()) <= below_buttons, (lang, d.windowTitle())
            hint = w.schedule_panel.detail_title
            assert hint.isVisible() and not w.schedule_panel.table.selectedItems()
            fits = hint.fontMetrics().horizontalAdvance(hint.text()) <= hint.contentsRect().width()
            assert fits or (hint.wordWrap() and hint.heightForWidth(hint.width()) <= hint.height()), lang
    finally:
        install_translator(qapp, "en")
