"""Defects of a user trial in the result row under the map: the Gantt legend cut at the right, the Summary's
not-served table cut at the bottom, vehicle types untranslated in the convoy vehicles table.

The computed window is built once for the module in Ukrainian (the longest texts of the three languages),
at the default layout of a 1600x1000 screen as the planner starts it; each test reads what the real
widgets show.
"""

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetrics, QImage
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import computed_demo_window
from ui.i18n import install_translator
from ui.panels.gantt import UNLOAD, legend_items
from ui.panels.results import vehicle_type_label
from ui.window.main import MainWindow

MainWindow.check_connectivity = False

pytestmark = [pytest.mark.gui, pytest.mark.slow]  # a compute (the module fixture)


@pytest.fixture(scope="module")
def computed(qapp, demo_plan_path, demo_net):
    with computed_demo_window(qapp, demo_plan_path, demo_net, lang="uk") as w:
        yield w


def _settle(n=10):
    for _ in range(n):
        QApplication.processEvents()


def _at_size(w, size):
    w.resize(*size)
    _settle()
    w._default_dock_sizes()
    _settle()
    assert (w.width(), w.height()) == size


# ---------------------------------------------------------------- Gantt legend


@pytest.mark.parametrize("lang", ["uk", "ru", "en"])
def test_the_gantt_legend_fits_the_chart_at_the_default_size(computed, qapp, lang):
    """Seen: at 1600x1000 the legend ran past the chart's right edge ("ви…" of "unloading" cut)."""
    w = computed
    try:
        install_translator(qapp, lang)
        _at_size(w, (1600, 1000))
        w.dock_gantt.raise_()
        _settle()
        chart = w.gantt.chart
        assert chart.isVisible() and chart.width() > 300
        layout = chart.legend_layout()
        texts = [t for _c, _p, t in legend_items()]
        assert [t for _r, t in layout] == texts
        fm = QFontMetrics(chart._small_font())
        one_line = sum(18 + fm.horizontalAdvance(t) + 14 for t in texts)
        for r, text in layout:
            assert r.left() >= 0 and r.right() <= chart.width(), (lang, text, r, chart.width())
            # the text wholly inside its entry, and the entry above the hour labels and the first row
            assert r.width() >= 18 + fm.horizontalAdvance(text)
            assert r.bottom() <= chart.header_h - 20, (lang, text, r, chart.header_h)
        if one_line > chart.width():  # too long for one line: wrapped, and the chart's header grew for it
            assert len({r.top() for r, _ in layout}) >= 2
            assert chart.header_h > 40
        # painted where laid out: the swatch of "unloading" in its colour
        img = chart.grab().toImage().convertToFormat(QImage.Format_RGB32)
        r = next(r for (c, _p, _t), (r, _t2) in zip(legend_items(), layout) if c == UNLOAD)
        px = img.pixelColor(int(r.left()) + 7, int(r.top()) + 7)
        assert (px.red(), px.green(), px.blue()) == (UNLOAD.red(), UNLOAD.green(), UNLOAD.blue()), (lang, r)
    finally:
        install_translator(qapp, "uk")
        w.dock_schedule.raise_()
        _settle()


def test_the_gantt_legend_wraps_in_a_narrow_chart(computed):
    chart = computed.gantt.chart
    layout = chart.legend_layout(width=360)
    assert all(r.right() <= 360 for r, _ in layout)
    assert len({r.top() for r, _ in layout}) >= 3


# ---------------------------------------------------------------- Summary


@pytest.mark.parametrize("size", [(1600, 1000), (1366, 768)])
def test_the_summary_shows_its_figures_and_the_not_served_table_uncut(computed, size):
    """Seen: the not-served table sat below the figures and was cut off at the bottom of the Summary (which
    scrolled); now beside them, in its own column, while the map keeps 60 % of the window."""
    w = computed
    try:
        _at_size(w, size)
        s = w.doc.results.schedule
        assert s.unserved, "the demo plan leaves people unserved"
        scroll = w.dock_kpis.widget()
        panel = w.kpis
        assert panel.isVisible()
        # nothing of the panel off its scroll area's view
        assert scroll.verticalScrollBar().maximum() == 0, (size, panel.minimumSizeHint(), scroll.viewport().size())
        assert scroll.horizontalScrollBar().maximum() == 0, (size, panel.minimumSizeHint(), scroll.viewport().size())
        view = QRect(panel.mapFrom(scroll.viewport(), scroll.viewport().rect().topLeft()), scroll.viewport().size())
        for card in panel.cards:
            box = QRect(card.mapTo(panel, card.rect().topLeft()), card.size())
            assert view.contains(box), (size, box, view)
        title, table = panel.unserved_title, panel.unserved
        assert title.isVisible() and table.isVisible()
        for wid in (title, table):
            box = QRect(wid.mapTo(panel, wid.rect().topLeft()), wid.size())
            assert view.contains(box), (size, wid, box, view)
        assert title.heightForWidth(title.width()) <= title.height(), (size, title.text())
        # the table shows its header and rows of its own (it scrolls the rest)
        vp = table.viewport().rect()
        shown = sum(vp.contains(table.visualRect(table.model().index(r, 0))) for r in range(table.rowCount()))
        assert table.rowCount() == len(s.unserved)
        assert shown >= min(3, table.rowCount()), (size, shown, vp)
        share = w.map.width() * w.map.height() / (w.width() * w.height())
        assert share >= 0.6, (size, w.map.size())
    finally:
        _at_size(w, (1600, 1000))


# ---------------------------------------------------------------- vehicle types


def _select(w, convoy_id):
    t = w.schedule_panel.table
    t.clearSelection()
    _settle(2)
    row = next(r for r in range(t.rowCount()) if t.item(r, 0).text() == convoy_id)
    t.selectRow(row)
    _settle(2)


@pytest.mark.parametrize(
    "lang,names",
    [
        ("uk", {"bus": "автобус", "ambulance": "швидка"}),
        ("ru", {"bus": "автобус", "ambulance": "скорая"}),
        ("en", {"bus": "bus", "ambulance": "ambulance"}),
    ],
)
def test_the_convoy_vehicles_table_names_the_known_vehicle_types_in_the_language(computed, qapp, lang, names):
    """Seen: "bus" and "ambulance" in the Ukrainian and Russian vehicles table."""
    w = computed
    s = w.doc.results.schedule
    types = {t.vehicle_type for c in s.convoys for t in s.trips_of(c.id)}
    assert {"bus", "ambulance"} <= types, types
    try:
        install_translator(qapp, lang)
        for c in s.convoys:
            _select(w, c.id)
            vt = w.schedule_panel.vehicles
            trips = s.trips_of(c.id)
            assert vt.rowCount() == len(trips)
            for r, trip in enumerate(trips):
                assert vt.item(r, 0).text() == str(trip.vehicle)
                assert vt.item(r, 1).text() == names[trip.vehicle_type], (lang, trip.vehicle, trip.vehicle_type)
    finally:
        install_translator(qapp, "uk")
        w.schedule_panel.table.clearSelection()


def test_a_custom_vehicle_type_stays_as_typed(qapp):
    try:
        assert install_translator(qapp, "uk") == "uk"
        assert vehicle_type_label("Sprinter 9-seat") == "Sprinter 9-seat"
        assert vehicle_type_label("Bus") == "автобус"  # the known type, however it is capitalised
    finally:
        install_translator(qapp, "en")


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_no_legend_entry_or_vehicle_type_is_left_in_english(qapp, lang):
    """The translated words are in the compiled .qm, not fallbacks to the English source."""
    try:
        assert install_translator(qapp, lang) == lang
        names = [t for _c, _p, t in legend_items()] + [vehicle_type_label("bus"), vehicle_type_label("ambulance")]
        assert not any(n.isascii() for n in names), names
    finally:
        install_translator(qapp, "en")
