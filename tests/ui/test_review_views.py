"""What a planner sees of the computed demo plan, read from the real widgets in the default layout: the convoy
table's first columns, the routes in the GUI's language, the time slider's day and status line, the map's badges.

Each test is a defect seen in screenshots of the window in English, Ukrainian and Russian.
"""

import re

import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import default_layout_window
from ui.i18n import install_translator
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
