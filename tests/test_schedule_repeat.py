"""Repeat rounds (planner/schedule/repeat.py) on the real Neubrandenburg network.

The generated plan of ``benchmarks/schedule.py`` with 15 buses, 12 pickups and 20 checkpoints over 12 hours
(seed 2): the first DP1 convoy (8 buses) unloads at D2 at 5.6 h, and P6 and P11 lie a short cycle from D2.
The engine's runs and the local search send only two of its buses back, for 22 people (without the rule 30);
the repeat step sends four, for 200 (measured: 1,162 people out without the rule and 1,154 under it before,
1,332 with the step). On the demo plan's six-hour window no pickup has a cycle short enough for a second round
(the step tries nothing); with twelve hours some have.
"""

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from planner.plan import load_plan
from planner.schedule import check
from planner.schedule.engine import finish
from planner.schedule.model import Rules, class_counts
from planner.schedule.portfolio import best_of, runs
from planner.schedule.repeat import again_trials, repeat, reserve_trials, round_lb_s, short_pickups
from planner.schedule.search import replay_fit
from planner.schedule.timing import Timetable, time_round
from tests.benchplans import generated as generated_plan
from tests.benchplans import problem
from tests.test_schedule_core import line_problem

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def generated(demo_net):
    plan = generated_plan(demo_net, buses=15, pickups=12, checkpoints=20, hours=12.0, seed=2)
    P = problem(plan, demo_net)
    return P, runs(P)


def _free(P):
    return replace(P, rules=replace(P.rules, priority_first=False))


def test_no_cycle_is_short_enough_on_the_demo_window(demo_plan_path, demo_net):
    plan = load_plan(demo_plan_path)
    P = problem(plan, demo_net)
    assert P.window_end_s == 6 * 3600
    assert short_pickups(P) == {}
    sol = best_of(P, runs(P, search=False))
    assert repeat(P, sol) is None
    # twelve hours: a round from D1 after the earliest first round there fits for some pickups
    plan.window.end = plan.window.start + (plan.window.end - plan.window.start) * 2
    assert short_pickups(problem(plan, demo_net))


def test_the_round_bound_is_the_timed_round_without_queues():
    """On an empty timetable a round unloads exactly when :func:`round_lb_s` says with its fullest vehicle's
    load (the vehicles board and unload side by side), and never before it says with one person each."""
    P = line_problem(n_buses=3, people=(150,), rules=Rules(mobilisation_s=0.0))
    tt = Timetable(P)
    vids = ["B0", "B1", "B2"]
    for load in ({"B0": (0, 0, 50), "B1": (0, 0, 50), "B2": (0, 0, 50)}, {"B0": (0, 0, 20), "B1": (0, 0, 10)}):
        r = time_round(tt, 600.0, "D", [("P1", load)], "D", vids[: len(load)], "bus")
        most = max(sum(x) for x in load.values())
        assert r.unloaded == round_lb_s(P, "bus", "D", "P1", "D", 600.0, len(load), most)
        assert round_lb_s(P, "bus", "D", "P1", "D", 600.0, len(load), 1) < r.unloaded
    # the checkpoint on the way (20 min + 2 min per 2 vehicles) is passed in and out: 2 x 1,440 s for 3 buses
    assert round_lb_s(P, "bus", "D", "P1", "D", 0.0, 3, 1) == 2400 + 2 * 1440 + 30 + 2400 + 15


def test_a_further_round_the_engine_leaves_out(generated):
    P, sols = generated
    for Q in (_free(P), P):
        old = best_of(Q, [s for s in sols if "repeat rounds" not in s.settings])
        new = best_of(Q, sols)
        assert "repeat rounds" in new.settings
        assert check(Q, new) == []
        assert new.key(Q) > old.key(Q)
        assert new.evacuated >= old.evacuated + 150  # measured: 1,162 (1,154 under the rule) -> 1,332

        def again(sol):
            # the most people a round formed at D2 carries (the first DP1 convoy unloads there)
            return max((r.people for r in sol.rounds if r.formation == "D2"), default=0)

        assert again(old) <= 40 and again(new) >= 200
        rounds = Counter(v for r in new.rounds for v in r.vehicles)
        assert sum(1 for n in rounds.values() if n >= 2) > sum(
            1 for n in Counter(v for r in old.rounds for v in r.vehicles).values() if n >= 2
        )
    # under the rule the classes come first: not one person of an earlier class fewer
    old = best_of(P, [s for s in sols if "repeat rounds" not in s.settings])
    new = best_of(P, sols)
    assert class_counts(P.pickups, new.taken()) >= class_counts(P.pickups, old.taken())


def test_every_trial_is_a_schedule_the_checker_accepts(generated):
    P, sols = generated
    Q = _free(P)
    base = best_of(Q, [s for s in sols if "repeat rounds" not in s.settings])
    S = replay_fit(Q, base.specs)
    short = short_pickups(Q)
    specs = list(base.specs)
    trials = list(again_trials(Q, S, specs, short)) + list(reserve_trials(Q, S, specs, short))
    assert any(t[0][0] == "again" for t in trials) and any(t[0][0] == "reserve" for t in trials)
    for _, trial in trials:
        used = Counter(v for sp in trial for v in sp[0])
        assert all(len(sp[0]) == len(set(sp[0])) for sp in trial)
        assert max(used.values()) <= 3
        assert check(Q, finish(replay_fit(Q, trial))) == []


def test_repeat_is_none_or_better(generated):
    P, sols = generated
    for Q in (_free(P), P):
        for sol in sols[:4]:
            got = repeat(Q, sol, budget=300)
            assert got is None or (got.key(Q) > sol.key(Q) and check(Q, got) == [])
