"""The Variants panel (offscreen Qt): runs show the engine's numbers, map edits are recorded into a variant."""

import pytest

pytest.importorskip("pytestqt")

from planner.plan import load_plan, plan_to_dict  # noqa: E402
from planner.whatif import Sweep, VariantSet, run_whatif  # noqa: E402

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
    ref = run_whatif(doc.plan, demo_net, VariantSet(list(panel.vset.variants), list(panel.vset.sweeps)), mode="inprocess")
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
