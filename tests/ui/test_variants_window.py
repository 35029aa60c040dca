"""The Variants panel in the main window: the same numbers as ``evacplan whatif``, variant routes on the map."""

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from planner.plan import load_plan, plan_to_dict
from tests.ui.conftest import activate, esc_on_first_progress
from ui.document import PlanDocument
from ui.window.main import MainWindow

MainWindow.check_connectivity = False

pytestmark = [pytest.mark.gui, pytest.mark.slow]  # what-if runs

VARIANTS = "demo-variants.json"


def _close(window):
    window.doc.mark_saved()
    window.variants.mark_saved()  # no "unsaved variants" prompt
    window.cancel_task()
    if window.variants.worker is not None:
        window.variants.cancel()
        window.variants.worker.done.wait(60)
    window.close()


def test_variants_panel_shows_the_numbers_of_evacplan_whatif(qtbot, demo_plan_path, demo_net):
    variants = demo_plan_path.parent / VARIANTS
    # the command line runs in its own processes meanwhile (the same file, its own process pool)
    cli = subprocess.Popen(
        [sys.executable, "-m", "planner.cli", "--quiet", "whatif", str(demo_plan_path), str(variants)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )
    w = MainWindow(PlanDocument(load_plan(demo_plan_path), demo_net, demo_plan_path))
    w.show()
    try:
        assert w.dock_variants.toggleViewAction() in w.view_menu.actions()
        before = plan_to_dict(w.doc.plan)
        p = w.variants
        with qtbot.waitSignal(p.variantRoutes, timeout=60_000) as routes_sig:
            p.open_file(variants)  # selects the first variant: its routes are computed for the map
        payload = routes_sig.args[0]
        assert payload["variant"] == "Neustrelitzer Str. closed"
        p.mode.setCurrentIndex(p.mode.findData("inprocess"))  # the CLI's pool has the cores
        with qtbot.waitSignal(p.runFinished, timeout=600_000):
            assert w.run_variants()
        assert p.report is not None, p.status.text()
        out, err = cli.communicate(timeout=600)
        assert cli.returncode == 0, err
        lines = [line.split() for line in out.splitlines()]

        # every KPI row of the table reads as the CLI's row (value and change against the base)
        cmp = p.report["comparison"]
        assert cmp["columns"][0] == "base" and len(cmp["columns"]) == 5
        for row in cmp["rows"] + cmp["unserved"]:
            shown = " ".join([row["label"]] + [p.cell_text(row["label"], c) for c in cmp["columns"]])
            assert shown.split() in lines, f"{shown!r} is not a row of evacplan whatif:\n{out}"
        people = next(r for r in cmp["rows"] if r["label"] == "People out")["values"]
        assert len(set(people)) > 1  # the variants do change the outcome
        # the route changes of the selected variant, as the CLI lists them
        text = p.routes_label.text()
        cli_changes = [line.strip() for line in out.splitlines() if line.startswith("  P")]
        assert cli_changes and all(c in text for c in cli_changes)
        # the sweep: one point per value, as the CLI's sweep table, and the same sentence
        curve = p.chart.curve
        assert curve["name"] == "Fleet size"
        for value, evacuated in zip(curve["values"], curve["evacuated"]):
            assert any(line[:2] == [f"{value:g}", str(evacuated)] for line in lines), (value, evacuated)
        assert p.sweep_text.text().split() in lines

        # the map draws the variant's changed routes dashed over the base's
        layer = w.map.variant_routes
        changed = {(c["pickup"], c["destination"]) for c in payload["changed"]}
        assert {("P1", "D1"), ("P2", "D1"), ("P3", "D1")} <= changed
        assert {it.key for it in layer.items if it.dashed} == changed
        assert {it.key for it in layer.items if not it.dashed} == changed
        assert all(it.isVisible() and it.scene() is w.map.scene() for it in layer.items)
        p1 = [it for it in layer.items if it.key == ("P1", "D1")]
        assert p1[0].path != p1[1].path  # the detour is not the base route
        assert "dashed" in layer.caption and w.act_variant_hide.isEnabled()
        # another variant with the same routes: nothing dashed, the legend says so
        with qtbot.waitSignal(p.variantRoutes, timeout=60_000):
            p.list.setCurrentRow(1)
        assert layer.items == [] and "same routes" in layer.caption
        w.act_variant_hide.trigger()
        assert layer.caption == "" and not w.act_variant_hide.isEnabled()
        assert plan_to_dict(w.doc.plan) == before  # variants never touch the base plan
    finally:
        if cli.poll() is None:
            cli.kill()
        _close(w)


def test_duplicate_plan_as_variant_and_record_a_map_edit(qtbot, demo_plan_path, demo_net):
    from ui.commands import EditElementCommand

    w = MainWindow(PlanDocument(load_plan(demo_plan_path), demo_net, demo_plan_path))
    w.show()
    activate(qtbot, w)  # Esc below reaches the cancel shortcut only in the active window
    try:
        before = plan_to_dict(w.doc.plan)
        w.act_variant_new.trigger()
        p = w.variants
        assert [v.name for v in p.vset.variants] == ["Variant 1"] and not w.dock_variants.isHidden()
        p.btn_record.setChecked(True)
        w.doc.undo_stack.push(EditElementCommand(w.doc, "CP1", {"lanes": 1}))
        p.btn_record.setChecked(False)
        assert p.vset.variants[0].changes == [{"type": "checkpoint", "id": "CP1", "lanes": 1}]
        assert plan_to_dict(w.doc.plan) == before
        # Esc cancels a what-if run as it cancels a compute
        p.mode.setCurrentIndex(p.mode.findData("inprocess"))
        with qtbot.waitSignal(p.runFinished, timeout=120_000):
            assert w.act_variant_run.isEnabled() and w.run_variants()
            assert w.act_cancel.isEnabled()
            pressed = esc_on_first_progress(p.worker, w.map)
        assert pressed and p.report is None and p.status.text() == "Cancelled."
        assert not w.act_cancel.isEnabled()
        assert Qt.BottomDockWidgetArea == w.dockWidgetArea(w.dock_variants)
    finally:
        _close(w)
