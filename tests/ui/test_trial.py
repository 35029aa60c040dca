"""Defects a planner saw trying the GUI in a real X server (Xvfb, xdotool), each with real widgets and events.

The computed window is built once for the module at the default layout of a
1600x1000 screen, as the planner starts it; each test reads what it shows.
"""

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.conftest import computed_demo_window, default_layout_window, drag_over, drop_element
from ui.window.main import MainWindow

MainWindow.check_connectivity = False


def _rows_shown(table) -> int:
    """Rows of ``table`` whose first cell lies wholly inside its viewport (what the planner sees)."""
    vp = table.viewport().rect()
    return sum(vp.contains(table.visualRect(table.model().index(r, 0))) for r in range(table.rowCount()))


@pytest.fixture(scope="module")
def computed(qapp, demo_plan_path, demo_net):
    with computed_demo_window(qapp, demo_plan_path, demo_net) as w:
        yield w


def _click_convoy(qtbot, w, convoy_id):
    t = w.schedule_panel.table
    row = next(r for r in range(t.rowCount()) if t.item(r, 0).text() == convoy_id)
    rect = t.visualRect(t.model().index(row, 0))
    qtbot.mouseClick(t.viewport(), Qt.LeftButton, pos=rect.center())
    QApplication.processEvents()


@pytest.mark.slow  # a compute (the module fixture)
def test_the_convoy_detail_tables_show_several_rows_at_the_default_size(computed, qtbot):
    """Seen: beside the convoy table the passages table showed its header only and the vehicles table one row."""
    s = computed.doc.results.schedule
    busiest = max(s.convoys, key=lambda c: (len(c.passages), c.size))
    _click_convoy(qtbot, computed, busiest.id)
    panel = computed.schedule_panel
    assert panel.passages.rowCount() == len(busiest.passages) >= 3
    assert panel.vehicles.rowCount() == busiest.size >= 3
    assert _rows_shown(panel.passages) >= 3, panel.passages.viewport().size()
    assert _rows_shown(panel.vehicles) >= 3, panel.vehicles.viewport().size()
    # and the convoy table itself still shows its rows, the map its 60 %
    assert _rows_shown(panel.table) >= 3
    assert computed.map.width() * computed.map.height() >= 0.6 * computed.width() * computed.height()


# ---------------------------------------------------------------- map labels


@pytest.mark.parametrize("zoom_in", [1, 2])
def test_corridor_labels_keep_clear_of_their_line(view, zoom_in):
    """Seen: the label "CR1" sat above right of the line's middle, where the line (NE-bound) crossed it; after
    a compute the route drawn over the corridor hid it ("R1"). The label keeps off the line by more than half
    the widest route pen."""
    import shapely
    from PySide6.QtCore import QPointF

    from ui.map.shapes import CorridorItem

    for _ in range(zoom_in - 1):
        view.zoom_by(2.0, view.viewport().rect().center())
    QApplication.processEvents()
    view.viewport().grab()  # paints every item
    corridors = [it for it in view.elements.items.values() if isinstance(it, CorridorItem)]
    assert {it.element_id for it in corridors} >= {"CR1", "CR2"}
    vp = view.viewport().rect()
    checked = 0
    for it in corridors:
        line = [QPointF(view.mapFromScene(q)) for q in it.pts]
        if it.label_box is None or not vp.intersects(it.label_box.toRect()):
            continue
        b = it.label_box
        dist = shapely.LineString([(q.x(), q.y()) for q in line]).distance(
            shapely.box(b.left(), b.top(), b.right(), b.bottom())
        )
        assert dist >= 6.0, (it.element_id, b, dist)
        checked += 1
    assert checked >= 2


# ---------------------------------------------------------------- the Properties form on a laptop


@pytest.mark.parametrize("size", [(1366, 768), (1600, 1000)])
def test_the_properties_form_is_not_cut_on_the_right(qtbot, demo_plan_path, demo_net, size):
    """Seen at 1600x1000 and 1366x768: the window's date pickers and their "UTC+02:00", the pickup's
    "Ready at" and the depot's buttons ran past the right edge of the Properties panel (no scroll bar)."""
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLabel, QLineEdit

    with default_layout_window(demo_plan_path, demo_net, size, qtbot) as w:
        panel = w.properties
        for sel in ([], ["P1"], ["DP1"], ["CP1"], ["D1"]):
            w.doc.set_selection(sel)
            QApplication.processEvents()
            QApplication.processEvents()
            vp = panel.viewport()
            kinds = (QAbstractSpinBox, QLineEdit, QComboBox, QAbstractButton, QLabel)
            fields = [
                c
                for c in panel.widget().findChildren(QWidget)
                if c.isVisibleTo(panel)
                and isinstance(c, kinds)
                and not isinstance(c.parent(), QAbstractSpinBox)  # a spin box's own line edit
            ]
            assert len(fields) > 5, sel
            for c in fields:
                right = c.mapTo(vp, c.rect().topRight()).x()
                what = (size, sel, type(c).__name__, getattr(c, "text", lambda: "")())
                assert right < vp.width(), (what, right, vp.width())


# ---------------------------------------------------------------- the drop preview beyond the snap limit


def _far_from_roads(view, min_m):
    """A viewport point whose nearest road node lies more than ``min_m`` away (and its distance)."""
    import numpy as np

    net = view.doc.network
    vp = view.viewport().rect()
    for y in range(40, vp.height() - 40, 23):
        for x in range(40, vp.width() - 40, 23):
            s = view.scene_point(QPointF(x, y))
            d = float(np.hypot(net.node_x - s.x(), net.node_y + s.y()).min())
            if d > min_m:
                return QPoint(x, y), d
    raise AssertionError("no spot that far from the roads in the view")


def test_a_pickup_dragged_beyond_the_snap_limit_says_so_before_the_drop(view):
    """Seen: dragging a pickup from the palette 583 m off the roads showed "583 m to the road node" in grey;
    only after the drop the map said "too far" in red (the plan's limit is 300 m)."""
    from PySide6.QtGui import QDragMoveEvent

    from planner.plan import format_distance
    from ui.map.snaps import FAR_COLOR

    limit = float(view.doc.plan.rules.snap_limit_m)
    pos, dist = _far_from_roads(view, limit * 1.3)
    mime = drag_over(view, "pickup", pos)
    preview = view._drop_preview
    assert preview.snap_text == f"{format_distance(dist)} to the road — too far"
    assert preview.snap_color == FAR_COLOR
    # near a road it is the plain distance again
    from tests.ui.test_map import viewport_pos

    p1 = view.doc.plan.pickups[0]
    near = viewport_pos(view, p1.lon, p1.lat)
    QApplication.sendEvent(view.viewport(), QDragMoveEvent(near, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    assert preview.snap_text.endswith("to the road node") and preview.snap_color != FAR_COLOR


# ---------------------------------------------------------------- new elements' names in the GUI's language


@pytest.mark.parametrize(("lang", "name"), [("uk", "Пункт збору P8"), ("ru", "Пункт сбора P8"), ("en", "Pickup P8")])
def test_a_dropped_pickup_is_named_in_the_language_of_the_gui(qapp, view, lang, name):
    """Seen in Ukrainian and Russian: a pickup dropped from the palette was named "Pickup P8"."""
    from ui.i18n import install_translator

    try:
        assert install_translator(qapp, lang) == lang
        drop_element(view, "pickup")
        new = view.doc.plan.pickups[-1]
        assert (new.id, new.name) == ("P8", name)
    finally:
        install_translator(qapp, "en")


# ---------------------------------------------------------------- point labels make room instead of vanishing


@pytest.mark.parametrize("size", [(900, 600), (1330, 760)])
def test_every_point_label_of_the_demo_is_shown_without_overlap(view, size):
    """Seen at the default size (the map 1330x760 of a 1600x1000 window): checkpoint CP2, beside depot DP1, had
    neither its id nor its "2 min ×2" badge; at 900x600 P7 and DP2 had none. A label with no room right or left
    of its symbol goes a little higher or lower."""
    from ui.map.points import PointItem

    view.resize(*size)
    QApplication.processEvents()
    view.fit_to_plan()
    QApplication.processEvents()
    view.elements.declutter()
    points = [it for it in view.elements.items.values() if isinstance(it, PointItem)]
    assert len(points) >= 12
    assert [it.element_id for it in points if not it.shown] == []
    boxes = []
    for it in points:
        c = QPointF(view.mapFromScene(it.pos()))
        box = it.label_rect(it.side).translated(c)
        assert QRectF(view.viewport().rect()).contains(box), it.element_id
        boxes.append((it.element_id, box))
        boxes.append((it.element_id + " symbol", QRectF(c.x() - 9, c.y() - 9, 18, 18)))
    for i, (a, ra) in enumerate(boxes):
        for b, rb in boxes[i + 1 :]:
            if a.split()[0] != b.split()[0] and not (a.endswith("symbol") and b.endswith("symbol")):
                assert not ra.intersects(rb), (a, b)  # two symbols may touch: they stand where they stand


# ---------------------------------------------------------------- no element tooltips over a shape being drawn


def test_no_element_tooltip_covers_a_corridor_being_drawn(view, qtbot):
    """Seen: drawing a corridor, the cursor resting near CR1 popped CR1's tooltip over the line being drawn."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    from tests.ui.test_map import send_mouse

    cr = view.elements.items["CR1"]
    over = view.mapFromScene(cr.middle())
    vp = view.viewport()

    def tooltip_at(pos):
        QToolTip.hideText()
        QApplication.processEvents()
        QApplication.sendEvent(vp, QHelpEvent(QEvent.ToolTip, pos, vp.mapToGlobal(pos)))
        QApplication.processEvents()
        return QToolTip.isVisible() and QToolTip.text()

    assert "CR1" in (tooltip_at(over) or "")  # with the select tool, the tooltip names it
    view.set_tool("corridor")
    start = over + QPoint(-120, 60)
    send_mouse(view, QEvent.MouseButtonPress, start)
    send_mouse(view, QEvent.MouseButtonRelease, start, Qt.LeftButton, Qt.NoButton)
    send_mouse(view, QEvent.MouseMove, over, Qt.NoButton, Qt.NoButton)
    assert view.tool.points  # mid-drawing
    assert not tooltip_at(over)
    QToolTip.hideText()


# ---------------------------------------------------------------- the PDF speaks the GUI's language


@pytest.mark.slow  # a compute (the module fixture) and a PDF of 139 pages
def test_the_pdf_exported_from_a_ukrainian_gui_is_in_ukrainian(computed, qtbot, tmp_path):
    """Seen: File → Export → PDF in the Russian GUI wrote the convoy sheets and driver cards in English
    ("Driver card · DP1-ambulance-01"); `evacplan schedule --pdf --lang ru` writes them in Russian."""
    import pdfplumber

    from ui.i18n import install_translator

    out = tmp_path / "sheets.pdf"
    try:
        assert install_translator(QApplication.instance(), "uk") == "uk"
        with qtbot.waitSignal(computed.taskFinished, timeout=300_000) as done:
            assert computed.export("pdf", out)
        assert done.args[1], done.args
    finally:
        install_translator(QApplication.instance(), "en")
    with pdfplumber.open(out) as pdf:
        firsts = [(page.extract_text() or "").split("\n")[0] for page in pdf.pages]
    assert any(t.startswith("Картка водія") for t in firsts), firsts[:12]
    assert not any(t.startswith("Driver card") for t in firsts)


# ---------------------------------------------------------------- the status bar after an edit


@pytest.mark.slow  # a compute
def test_the_status_bar_stops_saying_computed_when_an_edit_clears_the_results(window):
    """Seen in Ukrainian: a pickup dropped right after a compute cleared the results ("No results yet"), while
    the status bar still said "Розраховано: колон: 3, вивезено 1 424 з 3 254 осіб."."""
    assert window.compute(wait=True)
    QApplication.processEvents()
    bar = window.statusBar()
    assert bar.currentMessage().startswith("Computed: ")
    drop_element(window.map, "pickup")
    QApplication.processEvents()
    assert window.doc.results is None
    assert not bar.currentMessage().startswith("Computed: "), bar.currentMessage()
