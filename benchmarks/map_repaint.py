"""How long the map takes to repaint the whole road network after a zoom.

Renders the map scene (roads, street names, the demo plan's elements) into a
1600 x 1000 QImage at several zoom levels around the whole-network view; each
zoom invalidates every cached pixmap, so this is the full repaint a planner
waits for. Prints the median per zoom level and overall (design target: under 50 ms).

    python benchmarks/map_repaint.py [--repeat N]
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

TARGET_MS = 50.0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7, help="renders per zoom level (default 7)")
    args = ap.parse_args(argv)

    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication

    from planner.network import demo_network
    from planner.plan import load_plan
    from ui.document import PlanDocument
    from ui.map.style import LAND
    from ui.map.view import MapView

    app = QApplication.instance() or QApplication([])
    net = demo_network()
    doc = PlanDocument(load_plan(ROOT / "resources" / "plans" / "demo-neubrandenburg.evacplan.json"), net)
    t = time.perf_counter()
    view = MapView(doc)
    build_ms = (time.perf_counter() - t) * 1000
    view.resize(1600, 1000)
    view.show()
    app.processEvents()
    view.fit_to_network()
    whole = view.scale_px_per_m()
    image = QImage(1600, 1000, QImage.Format_ARGB32_Premultiplied)
    target = QRectF(0, 0, 1600, 1000)

    cpu_ms = []

    def render_once() -> float:
        source = view.mapToScene(view.viewport().rect()).boundingRect()
        image.fill(LAND)
        t0, c0 = time.perf_counter(), time.process_time()
        p = QPainter(image)
        p.setRenderHints(view.renderHints())
        view.scene().render(p, target, source)
        p.end()
        cpu_ms.append((time.process_time() - c0) * 1000)
        return (time.perf_counter() - t0) * 1000

    print(
        f"network {net.name}: {net.n_edges} edges, {len(net.geom_x)} vertices; "
        f"{view.roads.n_edges} road pieces drawn; view built in {build_ms:.0f} ms"
    )
    all_ms = []
    for factor in (1.0, 1.6, 2.5, 4.0):
        times = []
        for _ in range(args.repeat):
            view.set_scale(whole * factor * 1.01)  # a zoom step: caches are invalid
            view.set_scale(whole * factor)
            times.append(render_once())
        all_ms += times
        print(
            f"zoom x{factor:<4g} ({whole * factor:.3f} px/m): median {statistics.median(times):6.1f} ms wall, "
            f"{statistics.median(cpu_ms[-len(times) :]):6.1f} ms CPU"
        )
    # the same through the view itself (what a wheel zoom repaints on screen)
    view_ms = []
    for k in range(args.repeat):
        view.set_scale(whole * (1.0 + 0.01 * (k % 2)))
        t0 = time.perf_counter()
        view.viewport().grab()
        view_ms.append((time.perf_counter() - t0) * 1000)
    med = statistics.median(all_ms)
    print(f"view repaint after zoom (viewport grab): median {statistics.median(view_ms):.1f} ms")
    cpu = statistics.median(cpu_ms)
    print(
        f"whole-network repaint at 1600x1000: median {med:.1f} ms wall, {cpu:.1f} ms CPU "
        f"(target < {TARGET_MS:g} ms) {'OK' if med < TARGET_MS else 'SLOW'}"
    )
    if med >= TARGET_MS > cpu:
        print("note: wall time above CPU time means other processes shared the cores during the run")
    view.close()  # before the QApplication goes
    return 0


if __name__ == "__main__":
    sys.exit(main())
