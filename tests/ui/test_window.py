"""The window as a planner meets it: a readable map, variants kept with the plan, the layout, help, menus.

Real widgets, real events, real files read back by the real readers.
"""

import json

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QTextBrowser

from planner.plan import load_plan, save_plan
from planner.whatif import VariantSet, load_variants
from ui.document import PlanDocument
from ui.map.legend import legend_rows
from ui.window.files import is_sample, variants_path
from ui.window.main import MainWindow

pytestmark = pytest.mark.gui

MainWindow.check_connectivity = False


def _close(w):
    if w.doc is not None:
        w.doc.mark_saved()
        w.variants.mark_saved()
    w.close()


@pytest.fixture
def window(qtbot, demo_plan, demo_plan_path, demo_net, monkeypatch):
    monkeypatch.setenv("EVACPLAN_GUI_DEFAULT_LAYOUT", "1")
    w = MainWindow(PlanDocument(demo_plan, demo_net, demo_plan_path))
    w.resize(1600, 1000)
    w.show()
    qtbot.waitExposed(w)
    w._default_dock_sizes()
    QApplication.processEvents()
    yield w
    _close(w)


# ---------------------------------------------------------------- a readable map


def test_the_demo_map_shows_street_names_from_the_network(window):
    m = window.map
    lon, lat = window.doc.plan.pickups[0].lon, window.doc.plan.pickups[0].lat
    m.set_scale(2.0)  # street level
    m.centerOn(*window.doc.to_scene(lon, lat))
    m.grab()  # a real paint of the scene
    names = set(np.asarray(window.doc.network.edge_name).astype(str))
    assert len(m.labels.shown) >= 5
    assert set(m.labels.shown) <= names


def test_place_names_are_drawn_when_the_network_has_them(window):
    net = window.doc.network
    places = list(getattr(net, "places", None) or [])
    if not places:
        pytest.skip("this network was built without named places (net.places)")
    window.map.fit_to_network()
    window.map.grab()
    shown = window.map.places.shown
    assert shown and set(shown) <= {p[0] for p in places}
    boxes = window.map.places.placed
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])


def test_the_legend_names_symbols_and_road_classes(window):
    img = window.map.grab().toImage()
    r = window.map.legend_rect
    assert r.width() > 150 and r.height() > 100 and QPoint(1, 1) != r.topLeft().toPoint()
    assert window.map.viewport().rect().contains(r.toRect())  # never cut
    texts = [t for _k, t in legend_rows()]
    assert "Checkpoint" in texts and "Primary road" in texts and "Beyond the snap limit" in texts
    # painted: the legend's box is the white of its background, not the map's cream
    c = img.pixelColor(int(r.center().x()), int(r.top()) + 4)
    assert c.red() > 240 and c.green() > 240 and c.blue() > 240
    QTest.keySequence(window.map, QKeySequence("Ctrl+L"))
    window.map.grab()
    assert window.map.legend_rect.isEmpty()


def test_point_labels_never_overlap_or_leave_the_map(window):
    m = window.map
    m.fit_to_plan()
    QApplication.processEvents()
    vp = m.viewport().rect()
    boxes = []
    for it in m.elements.items.values():
        if getattr(it, "shown", False) and hasattr(it, "label_rect"):
            c = m.mapFromScene(it.pos())
            if vp.contains(c):
                box = it.label_rect(it.side).translated(c.x(), c.y())
                assert vp.contains(box.toRect()), it.element_id
                boxes.append(box)
    assert boxes
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])


# ---------------------------------------------------------------- layout


@pytest.mark.slow  # a compute
def test_the_map_has_at_least_60_percent_of_the_window(window):
    area = window.map.width() * window.map.height()
    assert area >= 0.6 * window.width() * window.height(), (window.map.size(), window.size())
    window.compute(wait=True)
    QApplication.processEvents()
    assert window.map.width() * window.map.height() >= 0.6 * window.width() * window.height()


def test_reset_layout_undoes_a_tall_results_panel(window):
    window._raise_variants(tall=True)
    QApplication.processEvents()
    assert window.map.height() < 0.6 * window.height()
    window.act_reset_layout.trigger()
    QApplication.processEvents()
    QApplication.processEvents()
    assert window.map.width() * window.map.height() >= 0.6 * window.width() * window.height()


# ---------------------------------------------------------------- variants kept with the plan


def test_unsaved_variants_prompt_on_close(window, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.Cancel)
    window.variants.add_variant("More buses", [{"op": "set", "path": "rules.max_convoy_size", "value": 10}])
    assert not window.doc.is_modified() and window.variants.is_modified()
    assert window.close() is False  # cancelled: the window stays
    assert asked and "variants" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Discard)


def test_variants_are_saved_beside_the_plan_and_opened_with_it(qtbot, tmp_path, demo_plan, demo_net):
    path = tmp_path / "drill.evacplan.json"
    save_plan(demo_plan, path)
    w = MainWindow(PlanDocument(load_plan(path), demo_net, path))
    w.show()
    try:
        w.variants.add_variant("Fewer lanes")
        assert w.save()
        vpath = variants_path(path)
        assert vpath == tmp_path / "drill.variants.json" and vpath.is_file()
        assert [v.name for v in load_variants(vpath).variants] == ["Fewer lanes"]
        assert not w.variants.is_modified()
        w.variants.set_variants(VariantSet())  # as for another plan, without variants
        assert w.open_path(path)
        assert [v.name for v in w.variants.vset.variants] == ["Fewer lanes"]
    finally:
        _close(w)


def test_variants_are_autosaved_and_offered_back(qtbot, tmp_path, demo_plan, demo_net, monkeypatch):
    w = MainWindow(PlanDocument(demo_plan, demo_net, None))
    w.show()
    try:
        w.variants.add_variant("Night closure")
        saved = w.autosave_now()
        assert saved is not None
        text = saved.with_suffix(".variants").read_text(encoding="utf-8")
        assert json.loads(text)["variants"][0]["name"] == "Night closure"
    finally:
        w.discard_recovery()
        _close(w)
    assert not saved.with_suffix(".variants").exists()


# ---------------------------------------------------------------- files, help, menus


def test_sample_plans_open_as_templates(window, demo_plan_path, monkeypatch, tmp_path):
    assert is_sample(demo_plan_path)
    assert window.open_path(demo_plan_path)
    assert window.doc.path is None  # Ctrl+S asks for a name
    asked = []
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: asked.append(a[2]) or ("", ""))
    QTest.keySequence(window.map, QKeySequence("Ctrl+S"))
    assert asked and not asked[0].startswith(str(demo_plan_path.parent))


def test_help_user_guide_opens_the_offline_guide(window):
    window.map.setFocus()
    QTest.keyClick(window.map, Qt.Key_F1)
    QApplication.processEvents()
    browser = window.guide.findChild(QTextBrowser)
    assert window.guide.isVisible()
    text = browser.toPlainText()
    assert "A first plan in ten steps" in text and "Exports" in text and "Route from here" in text


def test_tools_say_what_they_do_and_their_shortcut(window):
    for name, a in window.tool_actions.items():
        assert f"({a.shortcut().toString()})" in a.toolTip() and len(a.toolTip()) > 30, name
    assert "(F5)" in window.act_compute.toolTip()
    for i in range(window.palette.count()):
        assert "(tool " in window.palette.item(i).toolTip()


def test_right_click_menu_edits_deletes_and_routes_from_here(window):
    m, doc = window.map, window.doc
    p = doc.plan.pickups[0]
    menu = m.element_menu(p.id)
    labels = [a.text() for a in menu.actions() if a.text()]
    assert labels[0].startswith("Edit") and labels[1].startswith("Delete") and "Route from here" in labels[2]
    menu.actions()[0].trigger()
    assert doc.selection == [p.id] and window.dock_props.isVisible()
    route = next(a for a in menu.actions() if "Route from here" in a.text())
    route.trigger()
    assert m.tool.name == "corridor" and len(m.tool.points) == 1
    m.set_tool("select")
    n = len(doc.plan.pickups)
    next(a for a in menu.actions() if a.text().startswith("Delete")).trigger()
    assert len(doc.plan.pickups) == n - 1 and doc.element(p.id) is None
    doc.undo_stack.undo()
    assert doc.element(p.id) is not None
