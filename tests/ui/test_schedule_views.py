"""The schedule views with real widgets on the demo plan's real schedule: convoy table, Gantt, map, time slider.

The demo plan is computed once for the module by the real engine in the real
main window (as a planner does: open, press Compute); each test reads what the
widgets show and checks it against the typed schedule objects.
"""

from datetime import timedelta

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel

from planner.plan import load_plan
from planner.schedule.timeline import convoy_position_at, convoy_segments, queue_summary
from ui.app import MainWindow
from ui.convoys.common import convoy_colour, fmt_time
from ui.document import PlanDocument
from ui.panels.kpis import kpi_texts

pytestmark = [pytest.mark.gui, pytest.mark.slow]

MainWindow.check_connectivity = False


@pytest.fixture(scope="module")
def win(qapp, demo_plan_path, demo_net):
    w = MainWindow(PlanDocument(load_plan(demo_plan_path), demo_net, demo_plan_path))
    w.resize(1600, 1000)
    w.show()
    assert w.compute(wait=True)
    QApplication.processEvents()
    yield w
    w.doc.mark_saved()
    w.close()


@pytest.fixture(scope="module")
def sched(win):
    s = win.doc.results.schedule
    assert hasattr(s, "kpis") and s.convoys, "the demo plan is scheduled in convoy rounds"
    return s


def _multi_stop_or_busiest(s):
    """The convoy round with the most checkpoint passages (both directions when the plan checks empty convoys)."""
    return max(s.convoys, key=lambda c: (len(c.passages), c.size))


# ---------------------------------------------------------------- convoy table


def test_convoy_table_has_one_row_per_round_with_its_figures(win, sched):
    panel = win.schedule_panel
    t = panel.table
    assert panel.currentIndex() == 1  # the table, not the "press F5" hint
    assert t.rowCount() == len(sched.convoys)
    day0 = sched.window_start.date()
    col = panel.column
    for r, c in enumerate(sched.convoys):
        assert t.item(r, col("convoy")).text() == c.id
        assert t.item(r, col("escort")).text() == c.escort
        assert t.item(r, col("round")).text() == str(c.round)
        assert t.item(r, col("vehicles")).text() == str(c.size)
        assert t.item(r, col("depart")).text() == fmt_time(c.depart, day0)
        assert t.item(r, col("latest_safe_depart")).text() == fmt_time(c.latest_safe_depart, day0, latest=True)
        assert t.item(r, col("arrive")).text() == fmt_time(c.arrive, day0)
        assert t.item(r, col("people")).text() == f"{c.people:,}"
        # the stops in order, with the people each boarded
        assert t.item(r, col("stops")).text().split("  →  ") == [
            f"{st.pickup} {fmt_time(st.arrive, day0)} ({st.boarded})" for st in c.stops
        ]
    assert sum(c.people for c in sched.convoys) == sched.kpis.evacuated


def test_selecting_a_convoy_shows_its_passages_both_ways_and_its_vehicles(win, sched, qtbot):
    panel = win.schedule_panel
    c = _multi_stop_or_busiest(sched)
    row = [x.id for x in sched.convoys].index(c.id)
    got = []
    panel.convoySelected.connect(got.append)
    rect = panel.table.visualItemRect(panel.table.item(row, 0))
    panel.table.scrollToItem(panel.table.item(row, 0))
    rect = panel.table.visualItemRect(panel.table.item(row, 0))
    qtbot.mouseClick(panel.table.viewport(), Qt.LeftButton, pos=rect.center())
    assert got[-1] == c.id
    p = panel.passages
    assert p.rowCount() == len(c.passages)
    shown = [(p.item(i, 1).text().split()[0], p.item(i, 5).text()) for i in range(p.rowCount())]
    assert shown == [(ps.checkpoint, fmt_time(ps.clear)) for ps in c.passages]
    directions = {p.item(i, 0).text() for i in range(p.rowCount())}
    assert len(directions) == len({ps.direction for ps in c.passages})
    assert panel.vehicles.rowCount() == len(sched.trips_of(c.id)) == c.size
    # the map, its convoy markers and the Gantt follow the selection
    assert win.gantt.chart.highlight == c.id
    markers = win.time_slider.layer.markers
    assert markers[c.id].opacity() == 1.0 and all(m.opacity() < 1 for k, m in markers.items() if k != c.id)


def test_gui_times_are_the_printed_schedules_times(win, sched):
    # the convoy leader's PDF rounds arrivals up and latest departures down (planner.export.common.clock);
    # the table, its passages and the summary show the very same minutes
    from planner.export.common import clock

    day0 = sched.window_start
    t, panel = win.schedule_panel.table, win.schedule_panel
    assert any(c.arrive.second or c.latest_safe_depart.second for c in sched.convoys), "times with seconds"
    for r, c in enumerate(sched.convoys):
        assert t.item(r, panel.column("depart")).text() == clock(c.depart, day0)
        assert t.item(r, panel.column("latest_safe_depart")).text() == clock(c.latest_safe_depart, day0, latest=True)
        assert t.item(r, panel.column("arrive")).text() == clock(c.arrive, day0)
        panel.select(c.id)
        p = panel.passages
        assert [(p.item(i, 2).text(), p.item(i, 5).text()) for i in range(p.rowCount())] == [
            (clock(ps.arrive, day0), clock(ps.clear, day0)) for ps in c.passages
        ]
    panel.select("")
    assert win.kpis.findChild(QLabel, "kpi_finish").text() == clock(sched.kpis.finish, day0)


def test_kpi_panel_shows_the_schedule_kpis(win, sched):
    shown = {key: label.text() for key, label in win.kpis.values.items()}
    assert shown == kpi_texts(sched)
    assert shown["convoys"] == str(sched.kpis.convoys) == str(len(sched.convoys))
    assert shown["evacuated"] == f"{sched.kpis.evacuated:,}"


# ---------------------------------------------------------------- Gantt


def test_gantt_has_one_bar_per_round_in_its_segments_and_a_lane_per_checkpoint(win, sched):
    chart = win.gantt.chart
    convoy_rows = [key for kind, key in chart.rows if kind == "convoy"]
    lanes = [key for kind, key in chart.rows if kind == "checkpoint"]
    assert convoy_rows == [c.id for c in sched.convoys]
    assert lanes == [q.checkpoint for q in sched.checkpoint_queues]
    for r, c in enumerate(sched.convoys):
        bars = [b for b in chart.bars if b.row == r]
        segs = convoy_segments(c)
        assert [(b.start, b.end) for b in bars] == [(s.start, s.end) for s in segs]
        assert bars[0].start == c.depart and bars[-1].end == c.unloaded
    for q in sched.checkpoint_queues:
        assert chart.peaks[q.checkpoint] == queue_summary(sched, q.checkpoint)
        lane = len(sched.convoys) + lanes.index(q.checkpoint)
        assert len([b for b in chart.bars if b.row == lane]) == len(q.passages)


def test_gantt_paints_bars_and_a_click_selects_their_convoy(win, sched, qtbot):
    win.dock_gantt.raise_()
    QApplication.processEvents()
    chart = win.gantt.chart
    assert chart.width() > 400
    c = sched.convoys[0]
    seg = max((s for s in convoy_segments(c) if s.kind == "drive_out"), key=lambda s: s.duration)
    x = (chart._x(seg.start) + chart._x(seg.end)) / 2
    y = chart._row_y(0) + 9
    img = chart.grab().toImage()
    assert QColor(img.pixel(int(x), int(y))) == convoy_colour(c.id)  # painted in the convoy's colour
    got = []
    chart.convoyClicked.connect(got.append)
    qtbot.mouseClick(chart, Qt.LeftButton, pos=QPointF(x, y).toPoint())
    assert got == [c.id]
    assert win.schedule_panel.table.item(win.schedule_panel.table.currentRow(), 0).text() == c.id
    win.dock_schedule.raise_()


# ---------------------------------------------------------------- time slider and map


def _scene_of(win, element_id):
    el = win.doc.element(element_id)
    return QPointF(*win.doc.to_scene(el.lon, el.lat))


def test_time_slider_spans_the_schedule_and_moves_the_gantt_cursor(win, sched, qtbot):
    sl = win.time_slider
    assert sl.isEnabled() and sl.isVisible()
    assert sl.t0 <= sched.window_start and sl.t1 >= max(c.unloaded for c in sched.convoys)
    # after a compute the slider shows the first departure (whole minutes from the window start)
    assert sl.time() == sched.convoys[0].depart.replace(second=0, microsecond=0)
    sl.slider.setFocus()
    before = sl.time()
    qtbot.keyClick(sl.slider, Qt.Key_PageUp)
    assert sl.time() - before == timedelta(minutes=30)
    assert win.gantt.chart.cursor == sl.time()
    assert sl.time().strftime("%H:%M") in sl.label.text()


def test_convoy_markers_sit_where_the_schedule_puts_them(win, sched):
    sl, layer = win.time_slider, win.time_slider.layer
    c = sched.convoys[0]
    st = max(c.stops, key=lambda st: st.dwell)  # the slider moves by whole minutes
    # boarding at an assembly point
    t = st.arrive + (st.depart - st.arrive) / 2
    sl.set_time(t)
    m = layer.markers[c.id]
    want = convoy_position_at(layer.tracks[0], sl.time())
    assert want.state == "boarding" and m.isVisible()
    assert (m.pos() - _scene_of(win, st.pickup)).manhattanLength() < 100  # metres: the stop's snapped road node
    assert win.doc.element(st.pickup).name in m.toolTip()
    # on the road: between the formation place and the first stop, on its route
    leg = next(s for s in convoy_segments(c) if s.kind == "drive_in")
    sl.set_time(leg.start + (leg.end - leg.start) / 2)
    pos = convoy_position_at(layer.tracks[0], sl.time())
    assert pos.state == "driving" and m.isVisible()
    assert m.pos() == QPointF(pos.xy[0], -pos.xy[1])
    # before its departure and after unloading it is not drawn
    sl.set_time(sl.t0)
    assert not m.isVisible() or c.depart <= sl.t0
    sl.set_time(sl.t1)
    assert not m.isVisible()


def test_queued_convoys_are_drawn_at_their_checkpoint(win, sched):
    waits = [p for q in sched.checkpoint_queues for p in q.passages if p.wait > timedelta(minutes=1)]
    if not waits:
        pytest.skip("no convoy queues at a checkpoint in the demo schedule")
    p = max(waits, key=lambda p: p.wait)
    sl, layer = win.time_slider, win.time_slider.layer
    sl.set_time(p.arrive + p.wait / 2)
    m = layer.markers[p.convoy]
    assert m.isVisible() and m.state == "queued"
    assert (m.pos() - _scene_of(win, p.checkpoint)).manhattanLength() < 300
