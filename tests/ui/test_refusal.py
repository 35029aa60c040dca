"""No silent corruption: a plan with an error is not computed, in the GUI (F5) as in the CLI, and the map
draws where every point snaps.

Real window, real key presses, the real engine on the bundled Neubrandenburg network.
"""

import math

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from planner.cli import main
from planner.plan import load_plan, save_plan
from ui.commands import MoveElementCommand
from ui.document import PlanDocument
from ui.window.main import MainWindow

pytestmark = pytest.mark.gui

MainWindow.check_connectivity = False


def _off_road(doc, cid="CP1", east_m=2300.0):
    """Move checkpoint ``cid`` ``east_m`` metres east, through an undo command (as a drag would)."""
    cp = doc.element(cid)
    x, y = doc.to_scene(cp.lon, cp.lat)
    doc.undo_stack.push(MoveElementCommand(doc, cid, doc.from_scene(x + east_m, y)))
    net = doc.network
    px, py = net.to_projected(doc.element(cid).lon, doc.element(cid).lat)
    return float(np.hypot(net.node_x - px, net.node_y - py).min())


def test_f5_refuses_an_off_road_checkpoint_and_names_it(window, qtbot):
    doc = window.doc
    far = _off_road(doc)
    assert far > doc.plan.rules.snap_limit_m
    window.map.setFocus()
    with qtbot.waitSignal(window.computeFinished, timeout=120_000):
        QTest.keyClick(window.map, Qt.Key_F5)
    assert doc.results is not None and doc.results.schedule is None  # nothing scheduled
    status = window.statusBar().currentMessage()
    assert status.startswith("Not computed: checkpoint CP1 ")
    assert f"lies {far:.0f} m from the nearest road node" in status and "drag it onto a road" in status
    assert doc.selection == ["CP1"]  # the planner is taken to it
    rows = [
        (window.problems.topLevelItem(i).text(1), window.problems.topLevelItem(i).text(2))
        for i in range(window.problems.topLevelItemCount())
    ]
    assert any(e == "CP1" and "snap limit of 300 m" in m for e, m in rows)
    assert window.schedule_panel.table.rowCount() == 0


def test_map_draws_each_point_to_its_snapped_node(window):
    doc, net = window.doc, window.doc.network
    far = _off_road(doc)
    QApplication.processEvents()
    lines = {s.element_id: s for s in window.map.snaps.item.lines}
    points = [el for layer in ("pickups", "destinations", "depots", "checkpoints") for el in getattr(doc.plan, layer)]
    assert set(lines) == {el.id for el in points}
    for el in points:
        s = lines[el.id]
        px, py = net.to_projected(el.lon, el.lat)
        node = int(np.argmin(np.hypot(net.node_x - px, net.node_y - py)))  # brute force, not the KD-tree
        assert (s.node.x(), s.node.y()) == pytest.approx((net.node_x[node], -net.node_y[node]))
        assert (s.point.x(), s.point.y()) == pytest.approx(doc.to_scene(el.lon, el.lat))
    assert not lines["CP1"].ok and lines["CP1"].distance_m == pytest.approx(far)
    assert all(s.ok for k, s in lines.items() if k != "CP1")
    # the line is painted: the pixel halfway along CP1's line is the red of a far snap
    img = window.map.grab().toImage()
    mid = window.map.mapFromScene((lines["CP1"].point + lines["CP1"].node) / 2)
    reds = [img.pixelColor(mid.x() + dx, mid.y() + dy) for dx in range(-2, 3) for dy in range(-2, 3)]
    assert any(c.red() > 150 and c.green() < 90 and c.blue() < 90 for c in reds)


@pytest.mark.slow  # a compute
def test_after_a_compute_the_lines_end_at_the_nodes_routing_used(qapp, demo_plan, demo_net):
    from planner.compute import compute_plan
    from ui.map.snaps import plan_snap_lines

    doc = PlanDocument(demo_plan, demo_net)
    result = compute_plan(demo_plan, demo_net)
    doc.set_results(result)
    for s in plan_snap_lines(doc):
        node, dist = result.routes.snaps[s.element_id]
        assert (s.node.x(), s.node.y()) == pytest.approx((demo_net.node_x[node], -demo_net.node_y[node]))
        assert s.distance_m == pytest.approx(dist) and s.ok


# ---------------------------------------------------------------- the CLI refuses the same plans


def test_cli_schedule_refuses_what_check_rejects(tmp_path, demo_plan, capsys):
    far_away = tmp_path / "far.evacplan.json"
    demo_plan.destinations[0].lon, demo_plan.destinations[0].lat = -70.0, 10.0  # 9,000+ km off
    save_plan(demo_plan, far_away)
    assert main(["--quiet", "check", str(far_away)]) == 1
    capsys.readouterr()
    assert main(["--quiet", "schedule", str(far_away)]) == 1
    err = capsys.readouterr().err
    assert "nothing was scheduled" in err and "destination D1 " in err
    assert " km from the nearest road node" in err and "drag it onto a road" in err


@pytest.mark.slow  # routing
def test_a_reception_point_inside_a_blocked_zone_is_refused(tmp_path, demo_plan, capsys):
    d = demo_plan.destinations[0]
    zone = demo_plan.hazards[0]
    zone.effect = "blocked"
    s = 0.03  # about 2 x 3.3 km around the reception point
    zone.polygon = [
        (d.lon - s, d.lat - s * 0.6),
        (d.lon + s, d.lat - s * 0.6),
        (d.lon + s, d.lat + s * 0.6),
        (d.lon - s, d.lat + s * 0.6),
    ]
    path = tmp_path / "blocked.evacplan.json"
    save_plan(demo_plan, path)
    assert main(["--quiet", "schedule", str(path)]) == 1
    err = capsys.readouterr().err
    line = next(x for x in err.splitlines() if "destination D1 " in x)
    assert f"inside blocked hazard {zone.id} " in line and "would be served from a road node" in line
    metres = float(line.split("road node ")[1].split(" m away")[0])
    assert metres > demo_plan.rules.snap_limit_m and not math.isnan(metres)
    assert "move it out of the zone" in line


@pytest.mark.slow  # a compute
def test_the_demo_plan_still_computes(demo_plan_path, capsys):
    assert main(["--quiet", "schedule", str(demo_plan_path)]) == 0
    assert "people out" in capsys.readouterr().out
    assert load_plan(demo_plan_path).checkpoints  # untouched
