"""Scheduling benchmark on the real Neubrandenburg network.

Plans: the demo plan, and plans generated on the real network (pickups,
depots and destinations at random drivable nodes, checkpoints on the roads the
routes actually use, 20 min per convoy + 2 min per vehicle) up to 50 buses /
30 pickups / 20 checkpoints, 500 buses / 200 pickups, a city plan of 100,000
people, 300 buses and 100 pickups over a 3-day window, and (``--big``) 1,000
pickups. Prints, for each: time (routing, problem, engine, bound, buses-needed
search), people out, upper bound, gap, convoys, mean vehicles per convoy and
the distribution of convoy sizes.

Targets (issue 11): demo under 1 s (the first schedule of the process; a second one is
shown too); 50/30/20 in 2 s within 5 % of its bound; 500/200 in 30 s; the city plan in 60 s.

    python benchmarks/schedule.py [--quick] [--big]
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


def generated_plan(
    net, base, *, buses, pickups, checkpoints, destinations=2, depots=2, hours=6.0, seed=0, people=(40, 300)
):
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
        Pickup(
            f"P{k + 1}",
            f"Assembly point {k + 1}",
            float(net.node_lon[n]),
            float(net.node_lat[n]),
            People(int(rnd.integers(*people)), int(rnd.integers(0, 20)), 0),
            priority=int(rnd.integers(1, 4)),
        )
        for k, n in enumerate(pick(city, pickups))
    ]
    dests = [base.destinations[0]] + [
        Destination(f"D{k + 2}", f"Reception {k + 2}", float(net.node_lon[n]), float(net.node_lat[n]), None)
        for k, n in enumerate(pick(far, destinations - 1))
    ]
    plan.destinations = dests[:destinations]
    per = [buses // depots + (1 if k < buses % depots else 0) for k in range(depots)]
    plan.depots = [
        Depot(
            f"DP{k + 1}",
            f"Depot {k + 1}",
            float(net.node_lon[n]),
            float(net.node_lat[n]),
            [VehicleType("bus", per[k], 50)],
        )
        for k, n in enumerate(pick(city, depots))
    ]
    plan.checkpoints = []
    if checkpoints:
        routes = route_plan(plan, net, max_speed_kph=60.0)  # where the loaded routes run
        used = {}
        for r in routes.routes.values():
            for n in r.node_index[len(r.node_index) // 3 :]:  # checkpoints on the way out, not at the doors
                used[int(n)] = used.get(int(n), 0) + 1
        nodes = sorted(used, key=lambda n: -used[n])
        chosen = [nodes[k] for k in rnd.choice(min(len(nodes), 400), size=checkpoints, replace=False)]
        plan.checkpoints = [
            Checkpoint(
                f"CP{k + 1}",
                f"Checkpoint {k + 1}",
                float(net.node_lon[n]),
                float(net.node_lat[n]),
                minutes_per_vehicle=2.0,
                minutes_per_convoy=20.0,
                lanes=int(rnd.integers(2, 5)),
            )
            for k, n in enumerate(chosen)
        ]
    return plan


def run(label, plan, net, check=True):
    from planner.schedule.report import convoy_sizes

    t, c = time.perf_counter(), time.process_time()
    s = schedule_plan(plan, net)
    total, cpu = time.perf_counter() - t, time.process_time() - c
    tm = s.timings
    bn = s.buses_needed.get("buses")
    ok = ""
    if check:
        v = validate(s, plan, net)
        ok = "valid" if not v else f"{len(v)} VIOLATIONS: {v[0]}"
    k = s.kpis
    print(
        f"{label:<34} {total:6.2f} s wall, {cpu:6.2f} s cpu "
        f"(route {tm['routing_s']:.2f}, problem {tm['problem_s']:.2f}, "
        f"engine {tm['heuristic_s']:.2f}, bound {tm['bound_s']:.2f}, fleet {tm['buses_needed_s']:.2f})\n"
        f"{'':<34} out {s.evacuated:>6} of {s.demand:>6}  bound {s.upper_bound:>6} ({s.bound_detail.get('binding')})  "
        f"gap {100 * s.gap:5.1f} %  convoys {k.convoys}  mean {k.mean_convoy_size:.1f} vehicles/convoy  "
        f"sizes {convoy_sizes(s)}  seats {100 * s.seat_use:5.1f} %  buses needed {bn if bn is not None else '-'}  {ok}",
        flush=True,
    )
    alt = s.without_priority_rule
    if alt:
        print(
            f"{'':<34} priority rule: {s.by_group['stretcher']} stretcher cases out; without it "
            f"(most people only) {alt['evacuated']} ({alt['by_group']['stretcher']} stretcher cases)"
        )
    return s


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="only the demo and the small generated plans")
    ap.add_argument("--big", action="store_true", help="also 1,000 pickups")
    args = ap.parse_args(argv)
    net = demo_network()
    base = load_plan(ROOT / "resources" / "plans" / "demo-neubrandenburg.evacplan.json")
    run("demo plan", base, net)
    # the same again in this process: what a second schedule costs (the first one also imports the solvers and
    # fills the network's caches: turns, usable network, projections)
    run("demo plan, again", base, net, check=False)
    for buses, pickups, cps in ((10, 5, 3), (25, 15, 10), (50, 30, 20)):
        plan = generated_plan(net, base, buses=buses, pickups=pickups, checkpoints=cps, hours=12.0)
        run(f"{buses} buses / {pickups} pickups / {cps} cps", plan, net)
    if args.quick:
        return
    plan = generated_plan(net, base, buses=500, pickups=200, checkpoints=20, destinations=4, depots=6, hours=8.0)
    run("500 buses / 200 pickups", plan, net, check=True)
    plan = generated_plan(
        net, base, buses=300, pickups=100, checkpoints=10, destinations=3, depots=4, hours=72.0, people=(900, 1100)
    )
    plan.name = "city: 100,000 people, 300 buses, 100 pickups, 3 days"
    run("city 100k / 300 buses / 3 days", plan, net, check=True)
    if args.big:
        plan = generated_plan(
            net, base, buses=600, pickups=1000, checkpoints=20, destinations=4, depots=6, hours=8.0, people=(20, 120)
        )
        run("1,000 pickups / 600 buses", plan, net, check=False)


if __name__ == "__main__":
    main()
