"""Compute time at the scale limits of planner/limits.py, on the real Neubrandenburg network.

Each case is one full compute (validate, route, schedule) of a plan generated on the
real network (benchmarks/schedule.py's generator, no night rule so the whole window
is driven). The limits in planner/limits.py are chosen so that the largest plan
validation accepts computes in a few minutes at most; rerun this after a change to
the engine and adjust them there.

    python benchmarks/scale_limits.py [--quick] [--case NAME]
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from schedule import generated_plan  # noqa: E402

from planner import limits as L  # noqa: E402
from planner.compute import compute_plan  # noqa: E402
from planner.network import demo_network  # noqa: E402
from planner.plan import load_plan  # noqa: E402

# name: (buses, pickups, window hours); the targets of design section 11 / issue 14 and the limits.
CASES = {
    "500 buses / 200 pickups (target 30 s)": (500, 200, 8.0),
    "300 buses / 100 pickups / 3 days (target 60 s)": (300, 100, 72.0),
    f"100 buses / {L.MAX_PICKUPS} pickups (limit)": (100, L.MAX_PICKUPS, 8.0),
    f"300 buses / 100 pickups / {L.MAX_WINDOW_DAYS} days (limit)": (300, 100, L.MAX_WINDOW_DAYS * 24.0),
    f"{L.MAX_VEHICLES} buses / {L.MAX_PICKUPS} pickups (limits)": (L.MAX_VEHICLES, L.MAX_PICKUPS, 8.0),
}
QUICK = list(CASES)[:1]


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="only the first case")
    ap.add_argument("--case", help="run only the cases whose name contains this text")
    args = ap.parse_args(argv)
    net = demo_network()
    base = load_plan(ROOT / "resources" / "plans" / "demo-neubrandenburg.evacplan.json")
    for name, (buses, pickups, hours) in CASES.items():
        if (args.quick and name not in QUICK) or (args.case and args.case not in name):
            continue
        plan = generated_plan(
            net, base, buses=buses, pickups=pickups, checkpoints=10, destinations=2, depots=4, hours=hours
        )
        plan.window.no_night = False
        t = time.perf_counter()
        r = compute_plan(plan, net)
        took = time.perf_counter() - t
        s = r.schedule
        what = f"{s.evacuated} of {s.demand} out" if s else f"not computed: {r.errors[0].message}"
        print(f"{name:<48} {took:7.1f} s  {what}", flush=True)


if __name__ == "__main__":
    main()
