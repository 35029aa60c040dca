"""Leftovers of the review of the GUI in English, Ukrainian and Russian, read from the real widgets of the
default layout on the computed demo plan: each test is a defect seen in a screenshot."""

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import default_layout_window
from ui.map.points import PointItem
from ui.window.main import MainWindow

pytestmark = [pytest.mark.gui, pytest.mark.slow]

MainWindow.check_connectivity = False


@pytest.fixture(scope="module")
def win(qapp, demo_plan_path, demo_net):
    with default_layout_window(demo_plan_path, demo_net, (1600, 1000)) as w:
        assert w.compute(wait=True)
        w.map.fit_to_plan()
        QApplication.processEvents()
        yield w


def _vp(view, item) -> QPointF:
    return QPointF(view.mapFromScene(item.pos()))


def test_standing_convoy_markers_hide_no_point_label_nor_badge(win):
    # seen: at 10:42 the queued convoy's pill sat on CP1's "20+2 min x2" badge
    view, sl, layer = win.map, win.time_slider, win.time_slider.layer
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
    from ui.i18n import install_translator

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
    # "Выберите колонну, чтобы увидеть её прохождение ..." was cut at the pane's edge
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractButton, QDockWidget

    from ui.i18n import install_translator

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
