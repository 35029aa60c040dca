"""Benchmark: the PDF of a 50-convoy schedule (target: under 5 s), and every other export.

The schedule is the real scheduler's, on the real bundled Neubrandenburg network:
the demo plan with one vehicle per convoy and quick checkpoints, so that it runs
at least 50 convoy rounds (``many_rounds_plan``). The PDF is written cold in this process (fonts
registered, the base map built, nothing cached) and once more warm, in every
language; then the CSV, XLSX, GeoJSON, GeoPackage and GPX exports of the same
schedule. Prints figures; no assertions.

Run: ``python benchmarks/export.py``
"""

from __future__ import annotations

import dataclasses
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEMO = ROOT / "resources" / "plans" / "demo-neubrandenburg.evacplan.json"


def many_rounds_plan(plan):
    """The demo plan made to run 50 or more convoy rounds: one vehicle per convoy, quick checkpoints
    (2 min per convoy + 0.5 min per vehicle, no hold), 2 min headway, the window an hour longer
    (the same as ``tests/conftest_export.many_rounds_plan``)."""
    return dataclasses.replace(
        plan,
        window=dataclasses.replace(plan.window, end=plan.window.end + timedelta(hours=1)),
        rules=dataclasses.replace(plan.rules, max_convoy_size=1, headway_min=2.0),
        checkpoints=[
            dataclasses.replace(c, minutes_per_convoy=2.0, minutes_per_vehicle=0.5, hold_min=0.0)
            for c in plan.checkpoints
        ],
    )


def main():
    from planner.compute import network_for_plan
    from planner.export import (
        write_csv,
        write_geojson,
        write_gpkg,
        write_gpx,
        write_pdf,
        write_xlsx,
    )
    from planner.export.pdf import page_count
    from planner.plan import load_plan

    base = load_plan(DEMO)
    net = network_for_plan(base, DEMO)
    t = time.perf_counter()
    from planner.compute import compute_plan

    plan = many_rounds_plan(base)
    sched = compute_plan(plan, net).schedule
    print(
        f"schedule: {len(sched.convoys)} convoy rounds, {len(sched.trips)} vehicle trips, "
        f"{len(sched.trips_by_vehicle())} vehicles ({time.perf_counter() - t:.1f} s to compute)"
    )
    with tempfile.TemporaryDirectory() as d:
        out = Path(d)
        t = time.perf_counter()
        write_pdf(sched, plan, net, out / "cold.pdf")
        cold = time.perf_counter() - t
        pages = page_count(sched, plan, net)
        print(
            f"PDF, cold (fonts, base map, layout, drawing): {cold:.2f} s for {pages} pages "
            f"({(out / 'cold.pdf').stat().st_size / 1e6:.1f} MB); target under 5 s"
        )
        for lang in ("en", "uk", "ru"):
            t = time.perf_counter()
            write_pdf(sched, plan, net, out / f"{lang}.pdf", lang=lang)
            print(f"PDF, warm, {lang}: {time.perf_counter() - t:.2f} s")
        for name, fn in (
            ("CSV (3 files)", lambda: write_csv(sched, plan, out / "s.csv")),
            ("XLSX", lambda: write_xlsx(sched, plan, out / "s.xlsx")),
            ("GeoJSON (8 files)", lambda: write_geojson(sched, plan, net, out / "s.geojson")),
            ("GeoPackage", lambda: write_gpkg(sched, plan, net, out / "s.gpkg")),
            ("GPX", lambda: write_gpx(sched, plan, net, out / "s.gpx")),
        ):
            t = time.perf_counter()
            fn()
            print(f"{name}: {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main()
