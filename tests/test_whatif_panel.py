"""The Variants panel (offscreen Qt): runs show the engine's numbers, map edits are recorded into a variant."""

import math

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt

from planner.plan import load_plan, plan_to_dict
from planner.whatif import Sweep, VariantSet, run_whatif

CLOSED_POINT = [13.26383, 53.54994]  # Neustrelitzer Straße (B 96)


@pytest.fixture
def doc(qapp, demo_plan_path, demo_net):
    from ui.document import PlanDocument

    return PlanDocument(load_plan(demo_plan_path), demo_net)


@pytest.fixture
def panel(doc, qtbot):
    from ui.panels.variants import VariantsPanel

    p = VariantsPanel(doc)
    qtbot.addWidget(p)
    return p


def test_panel_runs_all_and_shows_the_engines_numbers(panel, doc, demo_net, qtbot):
    before = plan_to_dict(doc.plan)
    with qtbot.waitSignal(panel.variantRoutes, timeout=60_000) as routes_sig:
        panel.add_variant("B 96 closed", [{"type": "close_road", "point": CLOSED_POINT}])
    payload = routes_sig.args[0]
    assert payload["variant"] == "B 96 closed"
    assert {(c["pickup"], c["status"]) for c in payload["changed"]} >= {("P1", "rerouted"), ("P3", "rerouted")}
    panel.vset.sweeps.append(Sweep(name="Buses", parameter="fleet", values=[8], more_is_better=True))
    panel.mode.setCurrentIndex(panel.mode.findData("inprocess"))
    with qtbot.waitSignal(panel.runFinished, timeout=300_000):
        assert panel.run_all()
    report = panel.report
    assert report is not None, panel.status.text()
    ref = run_whatif(
        doc.plan, demo_net, VariantSet(list(panel.vset.variants), list(panel.vset.sweeps)), mode="inprocess"
    )
    assert report["results"] == ref["results"]
    people = ref["results"][1]["kpis"]["evacuated"]
    assert panel.cell_text("People out", "B 96 closed").startswith(f"{people}")
    assert panel.cell_text("Demand (people)", "base") == str(ref["results"][0]["kpis"]["demand"])
    assert "P1 -> D1: rerouted" in panel.routes_label.text()
    assert panel.chart.curve["name"] == "Buses" and "Buses" in panel.sweep_text.text()
    assert not panel.chart.grab().isNull()  # paints offscreen
    assert plan_to_dict(doc.plan) == before


def test_recorded_map_edits_become_changes_and_leave_the_base(panel, doc):
    from ui.commands import EditElementCommand, EditPlanCommand

    before = plan_to_dict(doc.plan)
    v = panel.add_variant("CP2 one lane")
    panel.btn_record.setChecked(True)
    doc.undo_stack.push(EditElementCommand(doc, "CP2", {"lanes": 1, "hold_min": 30.0}))
    doc.undo_stack.push(EditElementCommand(doc, "P1", {"lon": doc.element("P1").lon + 0.001}))
    end = doc.plan.window.start.replace(hour=12)
    doc.undo_stack.push(EditPlanCommand(doc, {"window.end": end}))
    panel.btn_record.setChecked(False)
    assert v.changes == [
        {"type": "checkpoint", "id": "CP2", "lanes": 1, "hold_min": 30.0},
        {"type": "window", "end": end.isoformat()},
    ]
    assert "pickup P1" in panel.status.text() and "lon" in panel.status.text()
    assert plan_to_dict(doc.plan) == before
    assert '"lanes": 1' in panel.changes_edit.toPlainText()


def test_bad_changes_text_is_refused_with_the_message(panel):
    v = panel.add_variant("typo")
    panel.changes_edit.setPlainText('[{"type": "checkpoint", "id": "CP9", "lanes": 1}]')
    assert not panel.apply_text()
    assert "checkpoint 'CP9' is not in the plan" in panel.status.text()
    assert v.changes == []
    panel.changes_edit.setPlainText('[{"type": "checkpoint", "id": "CP1", "lanes": 1}]')
    assert panel.apply_text() and v.changes == [{"type": "checkpoint", "id": "CP1", "lanes": 1}]


def test_quick_clicks_on_two_variants_end_with_the_second_ones_routes(panel, qtbot):
    from planner.whatif import Variant

    panel.set_variants(
        VariantSet(
            [
                Variant("CP1 one lane", [{"type": "checkpoint", "id": "CP1", "lanes": 1}]),
                Variant("B 96 closed", [{"type": "close_road", "point": CLOSED_POINT}]),
                Variant("CP2 one lane", [{"type": "checkpoint", "id": "CP2", "lanes": 1}]),
            ]
        )
    )
    qtbot.waitUntil(lambda: panel.route_worker is None, timeout=60_000)  # the first variant's preview
    emitted = []
    panel.variantRoutes.connect(emitted.append)

    def click(row):
        rect = panel.list.visualItemRect(panel.list.item(row))
        qtbot.mouseClick(panel.list.viewport(), Qt.LeftButton, pos=rect.center())

    click(1)
    assert panel.route_worker is not None  # the B 96 preview is under way ...
    click(2)  # ... when the planner clicks the next variant
    assert panel.current_variant().name == "CP2 one lane"
    qtbot.waitUntil(lambda: panel.route_worker is None and panel._routes_wanted is None, timeout=120_000)
    qtbot.wait(200)  # nothing late arrives
    assert [p["variant"] for p in emitted] == ["CP2 one lane"]
    assert emitted[0]["changed"] == []  # its own routes: the B 96 detours are not drawn


def test_comparison_says_what_to_do_before_a_run_and_the_chart_ticks_are_round(panel):
    from ui.panels.comparison import RUN_HINT, nice_ticks

    assert "New variant" in panel.table.placeholder and panel.table.rowCount() == 0
    panel.add_variant("CP1 one lane", [{"type": "checkpoint", "id": "CP1", "lanes": 1}])
    assert panel.table.placeholder == RUN_HINT == "Run all (Shift+F5) to compare the variants with the base plan."
    assert not panel.table.grab().isNull()  # paints the hint offscreen
    assert nice_ticks(3254 * 1.03) == [0, 1000, 2000, 3000, 4000]
    assert nice_ticks(1600) == [0, 500, 1000, 1500, 2000]
    assert nice_ticks(7, 4) == [0, 2, 4, 6, 8]
    for top in (0.7, 3, 879, 1757, 2636, 12_345):
        ticks = nice_ticks(top)
        step = ticks[1]
        mantissa = step / 10 ** math.floor(math.log10(step))
        assert any(abs(mantissa - m) < 1e-9 for m in (1, 2, 5)), (top, step)
        assert ticks[-1] >= top > ticks[-2] and 2 <= len(ticks) - 1 <= 8
