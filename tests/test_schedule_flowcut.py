"""The checkpoint network term of the bound (:mod:`planner.schedule.flowcut`) on the real Neubrandenburg network.

- two checkpoints split the traffic between two destinations (each on every
  road into and out of its destination, on no other road): no checkpoint cuts
  every pickup off, the other terms see no checkpoint limit, and the network
  term binds at the figure worked out by hand from the two checkpoints'
  passages;
- on benchmark-like generated plans (:func:`benchmarks.schedule.generated_plan`)
  the term is at least what the heuristic's checked schedule moves;
- on the exact instances of :mod:`tests.exact.instances` it is at least the
  heuristic's people and (slow) the exact optimum.
"""

from __future__ import annotations

import importlib.util
from datetime import time

import pytest

from planner.plan import Checkpoint, load_plan
from planner.schedule import build_problem, check, plan_fleet, route_all, solve, upper_bound
from tests.conftest import ROOT
from tests.exact.instances import SELECTED, UNPROVEN, problem


def _generated_plan():
    """``benchmarks/schedule.py``'s generator (the benchmark's own plans, not a copy)."""
    spec = importlib.util.spec_from_file_location("_bench_schedule", ROOT / "benchmarks" / "schedule.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.generated_plan


def _term(P):
    b = upper_bound(P)
    return b, b.terms.get("checkpoint network")


def _door_node(pr, pickups, dest, others):
    """A node on every route between ``dest`` and the pickups (both ways) and on no route in ``others``."""
    on = None
    for p in pickups:
        for a, b in ((p, dest), (dest, p)):
            nodes = {int(n) for n in pr.leg(a, b).node_index}
            on = nodes if on is None else on & nodes
    off = set()
    for a, b in others:
        off |= {int(n) for n in pr.leg(a, b).node_index}
    along = [int(n) for n in pr.leg(pickups[0], dest).node_index if int(n) in on - off]
    assert along, f"no node of {dest} alone"
    return along[len(along) // 2]


@pytest.fixture(scope="module")
def split(demo_net, demo_plan_path):
    """6 pickups of 1,400 people or more, 40 buses, D1 behind CP1 and D2 behind CP2 (open 11:00-14:00)."""
    base = load_plan(demo_plan_path)
    plan = _generated_plan()(
        demo_net, base, buses=40, pickups=6, checkpoints=0, destinations=2, depots=2, hours=10.0, people=(1400, 1600)
    )
    routes = route_all(plan, demo_net)
    pr = next(iter(routes.values()))
    pks = [p.id for p in plan.pickups]
    places = pks + [d.id for d in plan.depots]
    cps = []
    for i, d in enumerate(plan.destinations):
        other = plan.destinations[1 - i].id
        others = [(p, other) for p in pks] + [(other, p) for p in pks]
        others += [(a, b) for a in places for b in pks if a != b]
        n = _door_node(pr, pks, d.id, others)
        lon, lat = float(demo_net.node_lon[n]), float(demo_net.node_lat[n])
        cps.append(
            Checkpoint(
                f"CP{i + 1}",
                f"Checkpoint {i + 1}",
                lon,
                lat,
                minutes_per_vehicle=2.0,
                minutes_per_convoy=20.0,
                lanes=2,
                open_from=time(11, 0),
                open_to=time(14, 0),
            )
        )
    plan.checkpoints = cps
    fleet = plan_fleet(plan)
    return plan, build_problem(plan, route_all(plan, demo_net, fleet), fleet)


def test_two_checkpoints_that_split_the_pickups_bind_at_the_hand_figure(split):
    plan, P = split
    pk = {p.id for p in P.pickups}
    legs = next(iter(P.legs.values()))
    # the geometry the figure assumes: every leg into or out of D1 passes CP1 alone, of D2 CP2 alone, and the
    # other legs (from depots, between pickups) pass none
    for (a, b), lg in legs.items():
        on = {c for c, _ in lg.checkpoints}
        want = {"D1": {"CP1"}, "D2": {"CP2"}}.get(b if b not in pk else a, set())
        assert on == want, (a, b, on)
    bound, net = _term(P)
    # no checkpoint is on every path: the per-checkpoint terms are absent, the others see 3,750 a checkpoint
    assert not any(k.startswith("checkpoint CP") for k in bound.terms)
    # By hand. Each checkpoint is open 3 h (180 min) inside the window, well after the earliest convoy can be
    # there and before the latest. K = 15 buses of 50: a full convoy's passage takes 20 + ceil(15 / 2) x 2 =
    # 36 min for 750 people (the least time per person of any size), so 5 passages carry 3,750 people out
    # through each checkpoint. Every round from a destination drives back in through that destination's
    # checkpoint (it checks empty vehicles) and so uses 36 min per 750 people there too: the people out plus
    # those of rounds formed at D1 are at most 3,750 through CP1, likewise CP2; all but the 40 x 50 = 2,000
    # places of the first rounds (from the depots, through no checkpoint) ride in rounds from a destination:
    # out <= (3,750 + 3,750 + 2,000) / 2 = 4,750.
    assert bound.terms["checkpoints"] == 7500
    assert net == 4750
    assert bound.value == 4750 and bound.binding == "checkpoint network"
    sol = solve(P)
    assert check(P, sol) == []
    assert sol.evacuated <= net


@pytest.mark.parametrize(
    "kw",
    [
        {"buses": 10, "pickups": 5, "checkpoints": 3, "hours": 12.0},
        {"buses": 25, "pickups": 15, "checkpoints": 10, "hours": 12.0},
        {"buses": 50, "pickups": 30, "checkpoints": 20, "hours": 12.0},
        pytest.param(
            {"buses": 60, "pickups": 40, "checkpoints": 12, "destinations": 4, "depots": 3, "hours": 8.0},
            marks=pytest.mark.slow,
        ),
    ],
    ids=lambda kw: f"{kw['buses']}-{kw['pickups']}-{kw['checkpoints']}",
)
def test_term_is_above_the_heuristic_on_generated_plans(kw, demo_net, demo_plan_path):
    base = load_plan(demo_plan_path)
    plan = _generated_plan()(demo_net, base, **kw)
    fleet = plan_fleet(plan)
    P = build_problem(plan, route_all(plan, demo_net, fleet), fleet)
    _, net = _term(P)
    sol = solve(P)
    assert check(P, sol) == []
    assert net is not None and net >= sol.evacuated


@pytest.fixture(scope="module")
def demo(demo_net, demo_plan_path):
    base = load_plan(demo_plan_path)
    return base, route_all(base, demo_net)


def test_term_on_the_demo_plan_is_above_its_schedule(demo):
    base, routes = demo
    P = build_problem(base, routes, plan_fleet(base))
    _, net = _term(P)
    sol = solve(P)
    assert net is not None and net >= sol.evacuated


@pytest.mark.parametrize("spec", SELECTED + UNPROVEN, ids=lambda s: s.name)
def test_term_is_above_the_heuristic_on_the_exact_instances(spec, demo):
    _, P = problem(*demo, spec)
    b = upper_bound(P)
    net = b.terms.get("checkpoint network")
    if net is None:
        assert not P.checkpoints
        return
    assert net >= solve(P).evacuated


@pytest.mark.slow
@pytest.mark.parametrize("spec", SELECTED, ids=lambda s: s.name)
def test_term_is_above_the_exact_optimum(spec, demo):
    from tests.exact import cpsat

    _, P = problem(*demo, spec)
    heur = solve(P)
    exact = cpsat.solve(P, 3.0, warm=heur)
    assert exact.status == "OPTIMAL"
    net = upper_bound(P).terms.get("checkpoint network")
    assert net is None or net >= exact.value


def test_per_person_time_keeps_the_bound_above_a_checked_schedule():
    """One lane, 1 min per vehicle and 1 min per person, convoys of one bus: a full bus takes 51 min, a bus of
    13 people 14 min, so two buses move 63 people through the 65 min the checkpoint can serve them. The
    full-convoy knapsack once charged every passage a full bus's 51 min (50 people: below the schedule)."""
    from planner.schedule.model import Checkpoint as ProblemCheckpoint
    from planner.schedule.model import Rules
    from tests.test_schedule_core import line_problem

    cps = {"CP1": ProblemCheckpoint("CP1", convoy_s=0.0, vehicle_s=60.0, person_s=60.0, lanes=1)}
    rules = Rules(mobilisation_s=0.0, max_convoy=1, headway_s=0.0, board_s_per_person=0.0, leave_s_per_person=0.0)
    P = line_problem(n_buses=2, people=(100,), cps=cps, window_h=2.0, rules=rules)
    sol = solve(P)
    assert check(P, sol) == [] and sol.evacuated == 63
    b = upper_bound(P)
    assert b.terms["checkpoint network"] == 63
    assert min(b.terms.values()) == b.value >= 63
