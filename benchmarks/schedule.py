"""Scheduling benchmark on the real Neubrandenburg network.

Plans: the demo plan, and plans generated on the real network (pickups,
depots and destinations at random drivable nodes, checkpoints on the roads the
routes actually use) up to 50 buses / 30 pickups / 20 checkpoints, and a
stress size of 500 buses / 200 pickups. Prints, for each: time (routing,
heuristic, bound, buses-needed search), people out, upper bound, gap, seat use.

Targets (issue 5): the 50/30/20 plan in under 2 s within 5 % of its bound;
seat use above 90 % where demand allows; the stress size in under 60 s.

    python benchmarks/schedule.py [--quick]
"""

import argparse
import sys
import time
from datetime import timedelta
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner.network import demo_network  # noqa: E402
from planner.plan import Checkpoint, Depot, Destination, People, Pickup, VehicleType, load_plan  # noqa: E402
from planner.routing import route_plan  # noqa: E402
from planner.schedule import schedule_plan, validate  # noqa: E402


def generated_plan(net, base, *, buses, pickups, checkpoints, destinations=2, depots=2, hours=6.0, seed=0):
    """A plan on the demo geography with random points on the real network."""
    rnd = np.random.default_rng(seed)
    plan = base.copy()
    plan.name = f"generated {buses} buses / {pickups} pickups / {checkpoints} checkpoints"
    plan.rules.corridor_only = False
    plan.hazards, plan.closures, plan.corridors = [], [], []
    plan.window.end = plan.window.start + timedelta(hours=hours)
    # the city part of the network: nodes within 4 km of the centre of the pickups of the demo
    cx, cy = net.to_projected(np.mean([p.lon for p in base.pickups]), np.mean([p.lat for p in base.pickups]))
    d2 = (net.node_x - cx) ** 2 + (net.node_y - cy) ** 2
    city = np.flatnonzero(d2 < 4000.0**2)
    far = np.flatnonzero(d2 > 9000.0**2)
    pick = lambda pool, n: rnd.choice(pool, size=n, replace=False)  # noqa: E731
    plan.pickups = [
        Pickup(f"P{k + 1}", f"Assembly point {k + 1}", float(net.node_lon[n]), float(net.node_lat[n]),
               People(int(rnd.integers(40, 300)), int(rnd.integers(0, 20)), 0), priority=int(rnd.integers(1, 4)))
        for k, n in enumerate(pick(city, pickups))
    ]
    dests = [base.destinations[0]] + [
        Destination(f"D{k + 2}", f"Reception {k + 2}", float(net.node_lon[n]), float(net.node_lat[n]), None)
        for k, n in enumerate(pick(far, destinations - 1))
    ]
    plan.destinations = dests[:destinations]
    per = [buses // depots + (1 if k < buses % depots else 0) for k in range(depots)]
    plan.depots = [
        Depot(f"DP{k + 1}", f"Depot {k + 1}", float(net.node_lon[n]), float(net.node_lat[n]), [VehicleType("bus", per[k], 50)])
        for k, n in enumerate(pick(city, depots))
    ]
    plan.checkpoints = []
    if checkpoints:
        routes = route_plan(plan, net, max_speed_kph=60.0)
        used = {}
        for r in routes.routes.values():
            for n in r.node_index[len(r.node_index) // 3:]:  # checkpoints on the way out, not at the doors
                used[int(n)] = used.get(int(n), 0) + 1
        nodes = sorted(used, key=lambda n: -used[n])
        chosen = [nodes[k] for k in rnd.choice(min(len(nodes), 400), size=checkpoints, replace=False)]
        plan.checkpoints = [
            Checkpoint(f"CP{k + 1}", f"Checkpoint {k + 1}", float(net.node_lon[n]), float(net.node_lat[n]),
                       minutes_per_vehicle=float(rnd.choice([5.0, 10.0, 20.0])), lanes=int(rnd.integers(2, 5)))
            for k, n in enumerate(chosen)
        ]
    return plan


def run(label, plan, net, check=True):
    t, c = time.perf_counter(), time.process_time()
    s = schedule_plan(plan, net)
    total, cpu = time.perf_counter() - t, time.process_time() - c
    tm = s.timings
    bn = s.buses_needed.get("buses")
    ok = ""
    if check:
        v = validate(s, plan, net)
        ok = "valid" if not v else f"{len(v)} VIOLATIONS"
    print(
        f"{label:<32} {total:5.2f} s wall, {cpu:5.2f} s cpu (route {tm['routing_s']:.2f}, heur {tm['heuristic_s']:.2f}, "
        f"bound {tm['bound_s']:.2f}, fleet {tm['buses_needed_s']:.2f})  out {s.evacuated:>6} of {s.demand:>6}  "
        f"bound {s.upper_bound:>6}  gap {100 * s.gap:5.1f} %  seats {100 * s.seat_use:5.1f} %  "
        f"buses needed {bn if bn is not None else '-'}  trips {len(s.trips)}  {ok}",
        flush=True,
    )
    # seat use when every trip leaves a pickup as full as its head-count allows
    seats = max((v.seats for d in plan.depots for v in d.vehicles if not v.stretcher_places), default=50)
    best_trips = sum(-(-p.people.total // seats) for p in plan.pickups)
    if s.evacuated == s.demand and best_trips:
        print(f"{'':<32} all out; best possible seat use with one pickup a trip: {100 * s.demand / (best_trips * seats):.1f} %")
    alt = s.without_stretcher_rule
    if alt:
        gap = (alt["upper_bound"] - alt["evacuated"]) / alt["upper_bound"] if alt["upper_bound"] else 0.0
        print(f"{'':<32} priority rule: {s.by_group['stretcher']} stretcher cases out; for comparison, without it "
              f"(most people only) {alt['evacuated']} ({alt['by_group']['stretcher']} stretcher cases), "
              f"its bound {alt['upper_bound']}, gap {100 * gap:.1f} %")
    return s


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="skip the stress size")
    args = ap.parse_args(argv)
    net = demo_network()
    base = load_plan(ROOT / "resources" / "plans" / "demo-neubrandenburg.evacplan.json")
    run("demo plan", base, net)
    for buses, pickups, cps in ((10, 5, 3), (25, 15, 10), (50, 30, 20)):
        plan = generated_plan(net, base, buses=buses, pickups=pickups, checkpoints=cps)
        run(f"{buses} buses / {pickups} pickups / {cps} cps", plan, net)
    if not args.quick:
        plan = generated_plan(net, base, buses=500, pickups=200, checkpoints=20, destinations=4, depots=6, hours=8.0)
        run("stress 500 buses / 200 pickups", plan, net, check=True)


if __name__ == "__main__":
    main()
