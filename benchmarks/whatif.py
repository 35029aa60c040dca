"""Benchmark: 100 what-if variants of the demo plan, sequential versus parallel.

The variants change the fleet (10 to 55 buses), the window (3 to 7.5 hours) and,
every third one, close the B 96 north of the Bergstraße junction; each is a
full deterministic schedule (routing for every vehicle speed, all heuristic
runs, LP bound, buses-needed search) on the real bundled Neubrandenburg
network. Runs the same variants in this process one after the other, then in
a process pool (one worker per core), optionally on a Dask LocalCluster, and
checks the numbers are identical.

Run: ``python benchmarks/whatif.py [--n 100] [--workers N] [--dask] [--fast]``
(prints figures; no assertions).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEMO = ROOT / "resources" / "plans" / "demo-neubrandenburg.evacplan.json"
CLOSED_POINT = [13.26383, 53.54994]


def variants(n):
    out = []
    for i in range(n):
        changes = [
            {"type": "set_fleet", "count": 10 + 5 * (i % 10)},
            {"type": "window", "duration_h": 3 + 0.5 * ((i // 10) % 10)},
        ]
        if i % 3 == 0:
            changes.append({"type": "close_road", "point": CLOSED_POINT})
        out.append({"name": f"v{i:03d}", "changes": changes})
    return {"format": "evacplan-variants", "version": 1, "variants": out}


def _engine_hash() -> str:
    """Hash of the engine's source: workers spawned later import the code as it is then."""
    import hashlib

    h = hashlib.sha1()
    for f in sorted((ROOT / "planner").rglob("*.py")):
        h.update(f.read_bytes())
    return h.hexdigest()


def _children_cpu() -> float:
    """CPU seconds of finished child processes (the pool's workers, once it shut down)."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100, help="number of variants (default 100)")
    ap.add_argument("--workers", type=int, default=None, help="pool processes (default: one per core)")
    ap.add_argument("--dask", action="store_true", help="also run on a Dask LocalCluster (loopback)")
    ap.add_argument("--fast", action="store_true", help="first heuristic run only, no buses-needed search")
    args = ap.parse_args(argv)

    from planner.network import demo_network
    from planner.plan import load_plan
    from planner.whatif import run_whatif, variants_from_dict

    net = demo_network()
    plan = load_plan(DEMO)
    vset = variants_from_dict(variants(args.n))
    engine = {"improve": False, "buses_needed": False} if args.fast else None
    workers = args.workers or os.cpu_count() or 1
    print(
        f"what-if benchmark: {args.n} variants (+ base) of {plan.name!r} on {net.name} "
        f"({net.n_nodes} nodes, {net.n_edges} edges); {os.cpu_count()} cores; engine {'fast' if args.fast else 'full'}"
    )
    print(
        f"  load average before: {os.getloadavg()[0]:.1f} (the speed-up is bounded by the cores other work leaves free)"
    )

    code = _engine_hash()
    t, cpu = time.perf_counter(), time.process_time()
    seq = run_whatif(plan, net, vset, mode="inprocess", engine=engine)
    t_seq, cpu_seq = time.perf_counter() - t, time.process_time() - cpu
    runs = len(seq["results"])
    per_run = 1000 * t_seq / runs
    print(f"  sequential (in-process):        {t_seq:7.1f} s  ({per_run:6.0f} ms per run; CPU {cpu_seq:.1f} s)")

    t, cpu = time.perf_counter(), _children_cpu()
    par = run_whatif(plan, net, vset, mode="process", workers=workers, engine=engine)
    t_par, cpu_par = time.perf_counter() - t, _children_cpu() - cpu
    print(
        f"  parallel (process pool, {workers} w.):  {t_par:7.1f} s  ({1000 * t_par / runs:6.0f} ms per run; "
        f"worker CPU {cpu_par:.1f} s)  speed-up {t_seq / t_par:4.2f}x"
    )
    same = par["results"] == seq["results"]
    changed = "" if _engine_hash() == code else " (the engine's source changed during the benchmark)"
    print(f"  identical results: {same}{changed}")

    if args.dask:
        from dask.distributed import LocalCluster

        with LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        ) as cluster:
            t = time.perf_counter()
            dsk = run_whatif(plan, net, vset, mode="dask", address=cluster.scheduler_address, engine=engine)
            t_dask = time.perf_counter() - t
        print(
            f"  Dask LocalCluster ({workers} w.):      {t_dask:7.1f} s  ({1000 * t_dask / runs:6.0f} ms per run)  "
            f"speed-up {t_seq / t_dask:4.2f}x; identical: {dsk['results'] == seq['results']}"
        )
    evac = [r["kpis"]["evacuated"] for r in seq["results"] if r.get("kpis")]
    print(f"  people out over the variants: {min(evac)} to {max(evac)} of {seq['results'][0]['kpis']['demand']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
