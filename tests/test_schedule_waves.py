"""Waves and waypoints (planner/schedule/waves.py, planner/schedule/waypoints.py).

The 50 buses / 30 pickups / 20 checkpoints plan of ``benchmarks/schedule.py`` on the real Neubrandenburg
network: most pickups' fastest legs out cross ten or eleven checkpoints, but from P15, a checkpoint-free drive
away from most of them, the road out crosses six; and five pickups lie a short cycle from D1. The
constructive's runs and the local search left nearly every bus at one round (measured: 2,880 people without
the priority rule, 2,615 under it); the wave run sends two convoys out through P15 first and again to the
short-cycle pickups (3,244 people; under the rule, class by class, 3,128 with 94 reduced-mobility people of
priority 2 out, where the old runs had 75).
"""

import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from planner.plan import load_plan
from planner.schedule import check
from planner.schedule.build import build_problem, plan_fleet, route_all
from planner.schedule.model import Checkpoint, Destination, Leg, Pickup, Problem, Rules, Vehicle
from planner.schedule.portfolio import best_of, runs
from planner.schedule.timing import Timetable, time_round
from planner.schedule.waypoints import prune, route_s, with_waypoints

ROOT = Path(__file__).resolve().parent.parent


def _free(P):
    return replace(P, rules=replace(P.rules, priority_first=False))


def exit_problem(max_stops=3):
    """Depot -> P1 -> D crosses two checkpoints; P1 -> W -> D (W a checkpoint-free hop away) crosses none."""
    cps = {c: Checkpoint(c, convoy_s=1200, vehicle_s=120, lanes=2) for c in ("CP1", "CP2")}
    both = (("CP1", 300.0), ("CP2", 600.0))
    legs = {
        ("DP", "P1"): Leg(600.0),
        ("DP", "W"): Leg(900.0),
        ("P1", "W"): Leg(300.0),
        ("W", "P1"): Leg(300.0),
        ("P1", "D"): Leg(900.0, 0.0, both),
        ("W", "D"): Leg(1200.0),
        ("D", "P1"): Leg(900.0, 0.0, both),
        ("D", "W"): Leg(1200.0),
    }
    return Problem(
        vehicles=[Vehicle(f"B{k}", "DP", 50) for k in range(2)],
        pickups=[Pickup("P1", general=100), Pickup("W", general=0)],
        destinations=[Destination("D")],
        checkpoints=cps,
        legs={"bus": legs},
        window_end_s=6 * 3600.0,
        rules=Rules(mobilisation_s=0.0, max_stops=max_stops),
    )


def test_a_waypoint_takes_the_road_out_without_checkpoints():
    P = exit_problem()
    order = with_waypoints(P, "bus", "DP", ["P1"], "D", 2)
    assert order == ["P1", "W"]
    assert route_s(P, "bus", ["DP", "P1", "W", "D"], 2) < route_s(P, "bus", ["DP", "P1", "D"], 2)
    # no stop left under max_stops: no waypoint
    assert with_waypoints(exit_problem(max_stops=1), "bus", "DP", ["P1"], "D", 2) == ["P1"]
    # the round through W (nobody boards there) passes no checkpoint, and the checker accepts it
    load = {"B0": (0, 0, 50), "B1": (0, 0, 50)}
    stops = prune(P, "bus", "DP", [("P1", load), ("W", {})], "D", 2)
    assert stops == [("P1", load), ("W", {})]
    r = time_round(Timetable(P), 0.0, "DP", stops, "D", ["B0", "B1"], "bus")
    assert r.passes == [] and r.people == 100
    from planner.schedule.model import Solution

    assert check(P, Solution([r])) == []
    # a stop nobody boards at that does not shorten the route goes; a round nobody boards goes whole
    assert prune(P, "bus", "DP", [("W", {}), ("P1", load)], "D", 2) == [("P1", load)]
    assert prune(P, "bus", "DP", [("P1", {}), ("W", {})], "D", 2) == []


@pytest.fixture(scope="module")
def plan50(demo_net):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from schedule import generated_plan
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    base = load_plan(ROOT / "resources" / "plans" / "demo-neubrandenburg.evacplan.json")
    plan = generated_plan(demo_net, base, buses=50, pickups=30, checkpoints=20, hours=12.0)
    fleet = plan_fleet(plan)
    P = build_problem(plan, route_all(plan, demo_net, fleet), fleet)
    return P, runs(P), runs(P, waves=False)


def test_waves_send_convoys_out_early_and_again(plan50):
    P, sols, old = plan50
    assert any(s.settings.startswith("waves") for s in sols) and not any(s.settings.startswith("waves") for s in old)
    for Q, before in ((_free(P), 2880), (P, 2615)):
        new = best_of(Q, sols)
        assert check(Q, new) == []
        assert best_of(Q, old).key(Q) < new.key(Q)
        assert new.evacuated >= before + 300  # measured: 2,880 -> 3,244 without the rule, 2,615 -> 3,128 under it
        twice = sum(1 for n in Counter(v for r in new.rounds for v in r.vehicles).values() if n >= 2)
        assert twice >= 14  # was 8 (one convoy of second rounds)
        # rounds leave through a stop where nobody boards (P15's road out)
        assert any(not s.load for r in new.rounds for s in r.stops)
