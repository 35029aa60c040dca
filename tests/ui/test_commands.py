"""Undo commands: redo/undo return the plan exactly to the next/previous state."""

from datetime import timedelta

import pytest

from planner.plan import Checkpoint, Corridor, NetworkRef, People, Pickup, plan_to_dict
from ui.commands import (
    AddElementCommand,
    ChangeNetworkCommand,
    EditElementCommand,
    EditPlanCommand,
    MoveElementCommand,
    RemoveElementCommand,
    get_field,
)

pytestmark = pytest.mark.gui


def _roundtrip(doc, command):
    """Push ``command``; check undo gives the state before and redo the state after, twice."""
    before = plan_to_dict(doc.plan)
    doc.undo_stack.push(command)
    after = plan_to_dict(doc.plan)
    assert after != before, "the command changed nothing"
    for _ in range(2):
        doc.undo_stack.undo()
        assert plan_to_dict(doc.plan) == before
        doc.undo_stack.redo()
        assert plan_to_dict(doc.plan) == after
    return before, after


def test_add_element_appends_to_its_layer_and_undoes(demo_doc, qtbot):
    doc = demo_doc
    p = Pickup(id="P99", name="School 5", lon=13.27, lat=53.55, people=People(general=120))
    with qtbot.waitSignal(doc.elementAdded) as sig:
        before, _ = _roundtrip(doc, AddElementCommand(doc, p))
    assert sig.args == ["P99"]
    assert doc.plan.pickups[-1] is p
    with qtbot.waitSignal(doc.elementRemoved) as sig:
        doc.undo_stack.undo()
    assert sig.args == ["P99"]
    assert doc.element("P99") is None
    assert plan_to_dict(doc.plan) == before


def test_add_rejects_duplicate_id(demo_doc):
    first = demo_doc.plan.pickups[0]
    with pytest.raises(ValueError, match=first.id):
        AddElementCommand(demo_doc, Pickup(id=first.id, name="x", lon=13.2, lat=53.5))


def test_remove_element_restores_it_at_the_same_position(demo_doc, qtbot):
    doc = demo_doc
    victim = doc.plan.pickups[0]
    doc.set_selection([victim.id])
    with qtbot.waitSignal(doc.elementRemoved):
        _roundtrip(doc, RemoveElementCommand(doc, victim.id))
    doc.undo_stack.undo()
    assert doc.plan.pickups[0] is victim
    doc.undo_stack.redo()
    assert doc.element(victim.id) is None
    assert victim.id not in doc.selection


def test_move_point_and_line_elements(demo_doc, qtbot):
    doc = demo_doc
    cp = doc.plan.checkpoints[0]
    old = (cp.lon, cp.lat)
    with qtbot.waitSignal(doc.elementChanged) as sig:
        _roundtrip(doc, MoveElementCommand(doc, cp.id, (old[0] + 0.001, old[1] - 0.002)))
    assert sig.args == [cp.id]
    assert (cp.lon, cp.lat) == pytest.approx((old[0] + 0.001, old[1] - 0.002))
    doc.undo_stack.undo()
    assert (cp.lon, cp.lat) == old

    cr = doc.plan.corridors[0]
    line = [(lon + 0.0005, lat) for lon, lat in cr.line]
    _roundtrip(doc, MoveElementCommand(doc, cr.id, line))
    assert cr.line == line


def test_moves_of_one_drag_merge_into_one_undo_step(demo_doc):
    doc = demo_doc
    cp = doc.plan.checkpoints[0]
    before = plan_to_dict(doc.plan)
    for k in range(1, 6):
        doc.undo_stack.push(MoveElementCommand(doc, cp.id, (cp.lon + 0.0001, cp.lat), merge_key=1))
    assert doc.undo_stack.count() == 1
    doc.undo_stack.push(MoveElementCommand(doc, cp.id, (cp.lon + 0.0001, cp.lat), merge_key=2))
    assert doc.undo_stack.count() == 2  # a second drag is its own step
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert plan_to_dict(doc.plan) == before


def test_edit_element_nested_fields(demo_doc, qtbot):
    doc = demo_doc
    p = doc.plan.pickups[0]
    depot = doc.plan.depots[0]
    with qtbot.waitSignal(doc.elementChanged):
        _roundtrip(doc, EditElementCommand(doc, p.id, {"name": "Renamed", "people.general": 7, "priority": 3}))
    assert (p.name, p.people.general, p.priority) == ("Renamed", 7, 3)
    _roundtrip(doc, EditElementCommand(doc, depot.id, {"vehicles[0].count": depot.vehicles[0].count + 5}))
    assert get_field(depot, "vehicles[0].count") == depot.vehicles[0].count
    with pytest.raises(KeyError, match="no field"):
        EditElementCommand(doc, p.id, {"nonsense": 1})
    with pytest.raises(ValueError, match="element ids cannot be edited"):
        EditElementCommand(doc, p.id, {"id": "P77"})


def test_edit_plan_window_and_rules(demo_doc, qtbot):
    doc = demo_doc
    end = doc.plan.window.end + timedelta(hours=2)
    with qtbot.waitSignal(doc.planChanged):
        _roundtrip(doc, EditPlanCommand(doc, {"window.end": end, "rules.max_convoy_size": 9, "name": "Variant"}))
    assert doc.plan.window.end == end and doc.plan.rules.max_convoy_size == 9
    with qtbot.waitSignal(doc.planReset):
        _roundtrip(doc, EditPlanCommand(doc, {"network": NetworkRef("elsewhere", None)}))


def test_change_network_sets_reference_and_object(demo_doc, demo_net):
    doc = demo_doc
    doc.plan.network = NetworkRef("old-name", None)
    doc.network = None
    _roundtrip(doc, ChangeNetworkCommand(doc, demo_net))
    assert doc.network is demo_net
    assert doc.plan.network.sha256 == demo_net.sha256
    doc.undo_stack.undo()
    assert doc.network is None


def test_edit_clears_results_and_undo_brings_them_back(demo_doc):
    doc = demo_doc
    marker = object()
    doc.set_results(marker)
    doc.undo_stack.push(EditElementCommand(doc, doc.plan.pickups[0].id, {"priority": 5}))
    assert doc.results is None
    doc.undo_stack.undo()
    assert doc.results is marker


def test_modified_flag_follows_the_undo_stack(demo_doc, qtbot):
    doc = demo_doc
    assert not doc.is_modified()
    with qtbot.waitSignal(doc.modifiedChanged) as sig:
        doc.undo_stack.push(EditElementCommand(doc, doc.plan.pickups[0].id, {"priority": 5}))
    assert sig.args == [True]
    doc.undo_stack.undo()
    assert not doc.is_modified()


def test_scene_coordinates_roundtrip(demo_doc):
    doc = demo_doc
    lon, lat = 13.2612, 53.5573
    x, y = doc.to_scene(lon, lat)
    px, py = doc.network.to_projected(lon, lat)
    assert (x, y) == pytest.approx((px, -py))
    assert doc.from_scene(x, y) == pytest.approx((lon, lat), abs=1e-9)
    doc.network = None  # fallback projection while the network is missing
    doc._fallback = None
    x, y = doc.to_scene(lon, lat)
    assert doc.from_scene(x, y) == pytest.approx((lon, lat), abs=1e-9)


def test_add_corridor_and_checkpoint_kinds(demo_doc):
    doc = demo_doc
    _roundtrip(doc, AddElementCommand(doc, Corridor(id="CR9", name="c", line=[(13.2, 53.5), (13.3, 53.6)])))
    _roundtrip(doc, AddElementCommand(doc, Checkpoint(id="CP9", name="k", lon=13.25, lat=53.55)))
    assert doc.plan.corridors[-1].id == "CR9" and doc.plan.checkpoints[-1].id == "CP9"
