"""How long one mouse move of a waypoint drag takes on the demo network.

A corridor through six points across Neubrandenburg (the demo plan's pickups,
destination and depot) has its middle waypoint dragged along a path of
positions. Per move it times the engine (:func:`planner.corridor.move_waypoint`:
the two legs next to the waypoint routed again, the rest kept), the plain way
(:func:`planner.corridor.corridor_line` through all the points again), and the
whole GUI step (the undo command pushed and the map item rebuilt, offscreen).
Prints the medians (a drag feels live under about 30 ms a move).

    python benchmarks/corridor_drag.py [--moves N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _median_ms(fn, runs) -> float:
    times = []
    for arg in runs:
        t = time.perf_counter()
        fn(arg)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--moves", type=int, default=20, help="mouse moves per measurement (default 20)")
    args = ap.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from planner.corridor import corridor_line, move_waypoint
    from planner.network import demo_network
    from planner.plan import Corridor, load_plan
    from ui.document import PlanDocument
    from ui.map import waypoints as wp
    from ui.map.view import MapView

    app = QApplication.instance() or QApplication([])
    net = demo_network()
    plan = load_plan(ROOT / "resources" / "plans" / "demo-neubrandenburg.evacplan.json")
    pts = [(p.lon, p.lat) for p in plan.pickups[:4]] + [
        (plan.depots[0].lon, plan.depots[0].lat),
        (plan.destinations[0].lon, plan.destinations[0].lat),
    ]
    line = [(round(a, 7), round(b, 7)) for a, b in corridor_line(net, pts).coords]
    k = len(pts) // 2
    path = [(pts[k][0] + 0.0005 * i, pts[k][1] - 0.0003 * i) for i in range(args.moves)]

    engine = _median_ms(lambda p: move_waypoint(net, line, pts, k, p), path)

    def plain(p):
        new = list(pts)
        new[k] = p
        corridor_line(net, new)

    whole = _median_ms(plain, path)

    plan.corridors.append(Corridor("CR9", "bench", line, waypoints=pts))
    doc = PlanDocument(plan, net)
    view = MapView(doc)
    view.resize(1600, 1000)
    doc.set_selection(["CR9"])
    drag = wp.drag_start(doc, "CR9", k)
    gui = _median_ms(lambda p: (wp.drag_to(doc, drag, p, False, 1), app.processEvents()), path)
    print(f"corridor through {len(pts)} points, {len(line)} vertices; {args.moves} moves of waypoint {k + 1}")
    print(f"  move_waypoint (two legs routed, the rest kept):  {engine:7.1f} ms per move (median)")
    print(f"  corridor_line through every point again:        {whole:7.1f} ms per move (median)")
    print(f"  GUI step (command, map item rebuilt):            {gui:7.1f} ms per move (median)")
    print(f"  undo steps for the whole drag: {doc.undo_stack.count()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
