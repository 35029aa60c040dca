"""Small scheduling instances on the real Neubrandenburg demo plan and network (deterministic).

Each :class:`Spec` cuts a sub-plan out of ``resources/plans/demo-neubrandenburg.evacplan.json``:
some of its assembly points (with their real coordinates, head-counts set by
the spec), some of its depots and vehicle types (counts set by the spec), some
of its checkpoints (with service times, lanes and opening hours set by the
spec), a shorter window, and rules. :func:`problem` turns it into a
:class:`planner.schedule.model.Problem` with
:func:`planner.schedule.build.build_problem` on routes of the full demo plan
(:func:`planner.schedule.build.route_all`, computed once): routes between two
points do not depend on which other points a plan has, so the legs are those
of the sub-plan once the other points, profiles and checkpoints are left out
(:func:`restrict`).

:data:`SPECS` holds the instances of ``tests/test_schedule_exact.py``; each
names what binds it (fleet, window, checkpoint lanes/service, opening hours,
escorts, destination capacity, convoy size, priority rule). They come from a
fixed seed (:func:`generated`) plus hand-made ones where one limit binds on
purpose.
"""

from __future__ import annotations

import copy
import random
from dataclasses import dataclass, field, replace
from datetime import time, timedelta

from planner.schedule.build import build_problem, plan_fleet

DEFAULT_CP = {"minutes_per_convoy": 10.0, "minutes_per_vehicle": 1.0, "lanes": 2, "hold_min": 0.0}


@dataclass(frozen=True)
class Spec:
    name: str
    binds: str
    pickups: dict  # pickup id -> (general, reduced_mobility, stretcher)
    fleet: dict  # depot id -> {"bus": n, "ambulance": n}
    checkpoints: dict  # checkpoint id -> overrides of the plan's checkpoint fields
    window_h: float = 4.0
    mobilisation_min: float = 30.0
    headway_min: float = 10.0
    max_convoy: int = 15
    escort_teams: int | None = None
    priority_first: bool = False
    capacity: int | None = None
    max_stops: int = 2
    ready_min: dict = field(default_factory=dict)  # pickup id -> minutes after the window start
    priority: dict = field(default_factory=dict)  # pickup id -> priority


def sub_plan(base, spec: Spec):
    """The sub-plan of ``base`` (the demo plan) that ``spec`` describes."""
    plan = copy.deepcopy(base)
    start = plan.window.start
    plan.window.end = start + timedelta(hours=spec.window_h)
    plan.pickups = [p for p in plan.pickups if p.id in spec.pickups]
    for p in plan.pickups:
        g, rm, st = spec.pickups[p.id]
        p.people.general, p.people.reduced_mobility, p.people.stretcher = g, rm, st
        mins = spec.ready_min.get(p.id)
        p.ready_time = None if mins is None else start + timedelta(minutes=mins)
        p.priority = spec.priority.get(p.id, p.priority)
        p.destination = None
    plan.depots = [d for d in plan.depots if d.id in spec.fleet]
    for d in plan.depots:
        want = spec.fleet[d.id]
        d.vehicles = [vt for vt in d.vehicles if want.get(vt.type, 0) > 0]
        for vt in d.vehicles:
            vt.count = want[vt.type]
            vt.available_from = None
    plan.checkpoints = [c for c in plan.checkpoints if c.id in spec.checkpoints]
    for c in plan.checkpoints:
        c.open_from = c.open_to = None
        for k, v in {**DEFAULT_CP, **spec.checkpoints[c.id]}.items():
            setattr(c, k, v)
    for d in plan.destinations:
        d.capacity = spec.capacity
    r = plan.rules
    r.mobilisation_min = spec.mobilisation_min
    r.headway_min = spec.headway_min
    r.max_convoy_size = spec.max_convoy
    r.escort_teams = spec.escort_teams
    r.priority_first = spec.priority_first
    return plan


def restrict(problem, plan):
    """Leave out of ``problem.legs`` the profiles, places and checkpoints the sub-plan does not have."""
    places = {p.id for p in plan.pickups} | {d.id for d in plan.destinations} | {d.id for d in plan.depots}
    profiles = {v.profile for v in problem.vehicles}
    cps = set(problem.checkpoints)
    legs = {}
    for prof, lg in problem.legs.items():
        if prof not in profiles:
            continue
        legs[prof] = {
            k: replace(v, checkpoints=tuple(c for c in v.checkpoints if c[0] in cps))
            for k, v in lg.items()
            if k[0] in places and k[1] in places
        }
    problem.legs = legs
    problem.can_follow = frozenset((a, b) for a, b in problem.can_follow if a in profiles and b in profiles)
    return problem


def problem(base, routes, spec: Spec):
    """``(sub-plan, Problem)`` of ``spec`` on the demo plan ``base`` and its routes."""
    plan = sub_plan(base, spec)
    P = restrict(build_problem(plan, routes, plan_fleet(plan)), plan)
    P.rules = replace(P.rules, max_stops=spec.max_stops)
    return plan, P


def named(base, routes, name: str):
    """The Problem of the instance of :data:`ALL` called ``name`` (:func:`problem`)."""
    return problem(base, routes, next(s for s in ALL if s.name == name))[1]


def generated(n: int, seed: int = 20261201) -> list:
    """``n`` random small specs from a fixed seed (1-3 pickups, 2-6 buses, 1-3 checkpoints)."""
    rng = random.Random(seed)
    out = []
    pids = ["P1", "P2", "P3", "P5", "P6", "P7"]
    for i in range(n):
        k = rng.choice((1, 2, 2, 3))
        pk = sorted(rng.sample(pids, k))
        pickups = {p: (rng.randrange(40, 200, 10), rng.choice((0, 0, 5, 10)), 0) for p in pk}
        buses = rng.randint(2, 6)
        if rng.random() < 0.5:
            fleet = {"DP2": {"bus": buses}}
        else:
            a = rng.randint(1, buses - 1)
            fleet = {"DP1": {"bus": a}, "DP2": {"bus": buses - a}}
        cps = sorted(rng.sample(["CP1", "CP2", "CP3"], rng.randint(1, 3)))
        checkpoints = {
            c: {
                "minutes_per_convoy": float(rng.choice((5, 10, 15))),
                "minutes_per_vehicle": float(rng.choice((1, 2, 3))),
                "lanes": rng.choice((1, 2, 3)),
            }
            for c in cps
        }
        out.append(
            Spec(
                f"gen{i + 1}",
                "mixed (random)",
                pickups,
                fleet,
                checkpoints,
                window_h=rng.choice((3.0, 3.5, 4.0)),
                mobilisation_min=float(rng.choice((15, 30))),
                max_stops=1 if k == 3 else 2,
            )
        )
    return out


def at(h, m=0):
    return time(h, m)


def hand_made() -> list:
    """Instances where one limit binds on purpose."""
    S = Spec
    one = {"CP1": {}}
    return [
        S("fleet-2bus", "fleet", {"P6": (380, 20, 0)}, {"DP2": {"bus": 2}}, one, window_h=3.0),
        S("fleet-3bus-2dep", "fleet", {"P3": (450, 30, 0)}, {"DP1": {"bus": 1}, "DP2": {"bus": 2}}, one, window_h=3.0),
        S("window-short", "window", {"P5": (300, 10, 0)}, {"DP2": {"bus": 5}}, one, window_h=1.25),
        S("window-2pk", "window", {"P5": (150, 0, 0), "P6": (150, 0, 0)}, {"DP2": {"bus": 4}}, one, window_h=1.4),
        S(
            "cp-lanes-1",
            "checkpoint lanes/service",
            {"P6": (300, 0, 0)},
            {"DP2": {"bus": 6}},
            {"CP1": {"lanes": 1, "minutes_per_vehicle": 6.0, "minutes_per_convoy": 20.0}},
            window_h=2.5,
        ),
        S(
            "cp-convoy-size",
            "checkpoint service + convoy size",
            {"P6": (400, 0, 0)},
            {"DP2": {"bus": 8}},
            {"CP1": {"lanes": 2, "minutes_per_vehicle": 2.0, "minutes_per_convoy": 30.0}},
            window_h=2.5,
            max_convoy=3,
        ),
        S(
            "cp-person-s",
            "checkpoint service (per person)",
            {"P6": (300, 0, 0)},
            {"DP2": {"bus": 6}},
            {"CP1": {"lanes": 1, "seconds_per_person": 12.0, "minutes_per_convoy": 10.0}},
            window_h=2.0,
        ),
        S(
            "hours-cp3",
            "opening hours",
            {"P6": (300, 0, 0)},
            {"DP2": {"bus": 6}},
            {"CP3": {"open_from": at(8, 45), "open_to": at(9, 45)}},
            window_h=3.0,
        ),
        S(
            "hours-cp1-late",
            "opening hours",
            {"P5": (250, 0, 0)},
            {"DP2": {"bus": 5}},
            {"CP1": {"open_from": at(9, 30), "open_to": at(10, 15)}},
            window_h=3.0,
        ),
        S(
            "hours-cp1-tight",
            "opening hours",
            {"P6": (400, 0, 0)},
            {"DP2": {"bus": 8}},
            {"CP1": {"open_from": at(9, 0), "open_to": at(9, 25), "lanes": 1, "minutes_per_vehicle": 2.0}},
            window_h=3.0,
        ),
        S(
            "hours-2cp",
            "opening hours (two checkpoints)",
            {"P5": (300, 0, 0)},
            {"DP2": {"bus": 6}},
            {
                "CP1": {"open_from": at(9, 0), "open_to": at(9, 40)},
                "CP3": {"open_from": at(9, 10), "open_to": at(9, 35), "lanes": 1, "minutes_per_vehicle": 3.0},
            },
            window_h=3.0,
        ),
        S(
            "escort-1-short",
            "escorts",
            {"P6": (300, 0, 0)},
            {"DP2": {"bus": 6}},
            one,
            window_h=2.0,
            escort_teams=1,
            max_convoy=3,
        ),
        S(
            "escort-2",
            "escorts (two teams, two depots)",
            {"P3": (300, 0, 0)},
            {"DP1": {"bus": 3}, "DP2": {"bus": 3}},
            {"CP1": {}, "CP2": {}},
            window_h=2.5,
            escort_teams=2,
            max_convoy=2,
        ),
        S(
            "priority-small",
            "priority rule + fleet",
            {"P4": (40, 10, 0), "P6": (100, 0, 0)},
            {"DP2": {"bus": 2}},
            one,
            window_h=2.0,
            priority_first=True,
            max_stops=1,
        ),
        S(
            "cp-lanes-1-tight",
            "checkpoint lanes/service",
            {"P6": (400, 0, 0)},
            {"DP2": {"bus": 8}},
            {"CP1": {"lanes": 1, "minutes_per_vehicle": 6.0, "minutes_per_convoy": 20.0}},
            window_h=2.0,
        ),
        S(
            "cp-lanes-3-tight",
            "checkpoint service (3 lanes)",
            {"P6": (400, 0, 0)},
            {"DP2": {"bus": 8}},
            {"CP1": {"lanes": 3, "minutes_per_vehicle": 6.0, "minutes_per_convoy": 20.0}},
            window_h=2.0,
        ),
        S(
            "cp-3-checkpoints",
            "checkpoints in and out (DP1 depot)",
            {"P5": (200, 0, 0)},
            {"DP1": {"bus": 4}},
            {"CP1": {"lanes": 1, "minutes_per_vehicle": 3.0}, "CP2": {"lanes": 1}, "CP3": {"hold_min": 5.0}},
            window_h=3.0,
            mobilisation_min=15.0,
        ),
        S(
            "priority-cp",
            "priority rule + checkpoint",
            {"P5": (60, 10, 0), "P6": (80, 0, 0)},
            {"DP2": {"bus": 3}},
            {"CP1": {"lanes": 1, "minutes_per_vehicle": 4.0}},
            window_h=2.0,
            priority_first=True,
            max_stops=1,
            priority={"P5": 1},
        ),
        S(
            "escort-1",
            "escorts",
            {"P6": (300, 0, 0)},
            {"DP2": {"bus": 6}},
            one,
            window_h=3.0,
            escort_teams=1,
            max_convoy=3,
        ),
        S(
            "capacity",
            "destination capacity",
            {"P6": (200, 0, 0), "P5": (100, 0, 0)},
            {"DP2": {"bus": 6}},
            one,
            window_h=3.0,
            capacity=180,
            max_stops=1,
        ),
        S(
            "checks-empty-off",
            "fleet (empty legs unchecked)",
            {"P6": (400, 0, 0)},
            {"DP1": {"bus": 3}},
            {"CP1": {"checks_empty": False}, "CP2": {"checks_empty": False}},
            window_h=3.0,
        ),
        S(
            "ready-late",
            "window (ready time)",
            {"P6": (250, 0, 0)},
            {"DP2": {"bus": 3}},
            one,
            window_h=2.5,
            ready_min={"P6": 75},
        ),
        S(
            "priority",
            "priority rule + fleet",
            {"P4": (60, 20, 0), "P6": (200, 0, 0)},
            {"DP2": {"bus": 3}},
            one,
            window_h=2.5,
            priority_first=True,
            max_stops=1,
        ),
        S(
            "priority-2",
            "priority rule + checkpoint",
            {"P5": (120, 10, 0), "P6": (150, 10, 0)},
            {"DP2": {"bus": 4}},
            {"CP1": {"lanes": 1, "minutes_per_vehicle": 4.0}},
            window_h=2.5,
            priority_first=True,
            max_stops=1,
            priority={"P5": 1},
        ),
    ]


#: Every instance, hand-made then generated.
ALL = hand_made() + generated(30)
_BY_NAME = {s.name: s for s in ALL}

#: Instances the model solves to proven optimality within the test's limit (the others left out, as the
#: issue allows; measured 2026-12-01 with a deterministic limit of 3 units per stage).
SELECTED = [
    _BY_NAME[n]
    for n in (
        "fleet-2bus",
        "window-short",
        "cp-lanes-1",
        "cp-convoy-size",
        "hours-cp3",
        "hours-cp1-late",
        "escort-1",
        "capacity",
        "ready-late",
        "hours-cp1-tight",
        "hours-2cp",
        "escort-1-short",
        "escort-2",
        "priority-small",
        "cp-lanes-1-tight",
        "cp-lanes-3-tight",
        "cp-3-checkpoints",
        "priority-cp",
        "gen1",
        "gen2",
        "gen3",
        "gen5",
        "gen7",
        "gen8",
        "gen10",
        "gen12",
        "gen15",
        "gen17",
        "gen18",
        "gen19",
        "gen21",
        "gen22",
        "gen23",
        "gen26",
        "gen30",
    )
]

#: Instances not proven within the limit where the model's checked schedule moves more than the heuristic.
UNPROVEN = [_BY_NAME[n] for n in ("window-2pk", "fleet-3bus-2dep", "cp-person-s", "gen29")]
