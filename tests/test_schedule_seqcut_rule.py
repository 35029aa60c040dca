"""The flow-shop cut (:mod:`planner.schedule.seqcut`): boarding per vehicle class, and the priority rule's floors.

On sub-plans of the real demo plan and network (:mod:`tests.exact.instances`):

- **boarding per class**: one bus (50 seats) and one ambulance (2 seats, 2
  stretcher places) at DP2, 102 people at P6, CP1 alone, a 32-minute window.
  The bus can board 20 people in time (bus alone: 1001 s of drives and one
  passage plus 45 s a person), the ambulance its 4; together in one convoy
  only 19 + 4. The optimum is 24 (two convoys, checked below). The model
  before per-class boarding (the most loaded vehicle at least the *mean* load
  ``y / n``) let one convoy of both carry 38 (19 a vehicle on average); with
  ``m * n_class >= people in that class`` it is 24, the optimum.
- **floors**: under the rule the cut bounds the rule's best schedule (the
  heuristic's counts per class as floors, :func:`planner.schedule.bound.rule_floors`);
  it must stay above that schedule's people: the exact optimum under the rule
  on the priority instances, the heuristic's schedule on the demo.
"""

from __future__ import annotations

import pytest

from planner.plan import load_plan
from planner.schedule import build_problem, check, plan_fleet, route_all, solve, upper_bound
from planner.schedule.bound import rule_floors
from planner.schedule.model import Solution, class_counts
from planner.schedule.seqcut import sequence_cut
from planner.schedule.timing import Infeasible, Timetable, time_round
from tests.exact import cpsat
from tests.exact.instances import Spec, named, problem

#: The cut on the demo before per-class boarding and floors, with the same effort (80 slots, 1 s deterministic):
#: measured on commit caa7a3c.
OLD_DEMO = 1974

CLASSES = Spec(
    "classes",
    "boarding by vehicle class",
    {"P6": (100, 0, 2)},
    {"DP2": {"bus": 1, "ambulance": 1}},
    {"CP1": {"minutes_per_convoy": 1.0, "minutes_per_vehicle": 1.0, "lanes": 1}},
    window_h=32 / 60,
    mobilisation_min=0.0,
    headway_min=0.0,
    max_stops=1,
)


@pytest.fixture(scope="module")
def demo(demo_net, demo_plan_path):
    base = load_plan(demo_plan_path)
    return base, route_all(base, demo_net)


def _floors(P, sol):
    """The floors :func:`planner.schedule.upper_bound` uses for ``sol`` (and the reachable pickups, the rounds)."""
    b = upper_bound(P)
    rounds = _rounds_of(P)
    return rule_floors(P, class_counts(P.pickups, sol.taken()), b.reachable_pickups, rounds), b, rounds


def _rounds_of(P):
    """The fleet term's rounds per vehicle, as the bound computes them (captured from its call of the cut)."""
    import planner.schedule.seqcut as seqcut

    got = {}
    real = seqcut.sequence_cut

    def spy(P_, tt, reach, rounds_of=None, memo=None, **kw):
        got["rounds"] = rounds_of
        return real(P_, tt, reach, rounds_of, memo, **kw)

    seqcut.sequence_cut = spy
    try:
        upper_bound(P)
    finally:
        seqcut.sequence_cut = real
    return got.get("rounds")


def test_boarding_per_class_gives_the_optimum_where_the_mean_load_did_not(demo):
    base, routes = demo
    _, P = problem(base, routes, CLASSES)
    bus = next(v for v in P.vehicles if v.seats == 50)
    amb = next(v for v in P.vehicles if v.stretcher_places)
    # the optimum: each vehicle its own convoy, the ambulance first through CP1
    tt = Timetable(P)
    r1 = time_round(tt, 0.0, "DP2", [("P6", {amb.id: (2, 0, 2)})], "D1", [amb.id], amb.profile, escort=0)
    tt.commit(r1)
    r2 = time_round(tt, 0.0, "DP2", [("P6", {bus.id: (0, 0, 20)})], "D1", [bus.id], bus.profile, escort=1)
    tt.commit(r2)
    sol = Solution([r1, r2])
    assert [str(v) for v in check(P, sol)] == []
    assert sol.evacuated == 24
    # 21 on the bus is one too many: it would be unloaded after the window's end
    with pytest.raises(Infeasible) as err:
        time_round(Timetable(P), 0.0, "DP2", [("P6", {bus.id: (0, 0, 21)})], "D1", [bus.id], bus.profile)
    assert err.value.why == "window"
    value = sequence_cut(P, Timetable(P), upper_bound(P).reachable_pickups)
    assert value == 24  # 38 with the mean load


@pytest.mark.slow
@pytest.mark.parametrize("name", ["priority-small", "priority-cp"])
def test_the_floored_term_is_above_the_rule_s_best_schedule(name, demo):
    base, routes = demo
    P = named(base, routes, name)
    assert P.rules.priority_first
    exact = cpsat.proven(P)  # the rule's best schedule: by class first, then people
    floors, b, rounds = _floors(P, solve(P))
    assert floors
    value = sequence_cut(P, Timetable(P), b.reachable_pickups, rounds, floors=floors)
    assert value is not None
    assert value >= exact.value
    floored = upper_bound(P, class_counts(P.pickups, solve(P).taken()))
    assert floored.value >= exact.value


def test_floors_no_schedule_meets_leave_the_term_out(demo):
    base, routes = demo
    _, P = problem(base, routes, CLASSES)
    reach = upper_bound(P).reachable_pickups
    pr = P.pickup("P6").priority
    # 2 stretcher places, one round each: 3 stretcher cases aboard is no schedule (model infeasible)
    assert sequence_cut(P, Timetable(P), reach, floors={(0, pr): 3}) is None
    # nor stretcher cases of a priority no pickup has
    assert sequence_cut(P, Timetable(P), reach, floors={(0, pr + 1): 1}) is None
    # the optimum carries both stretcher cases and 22 seated (20 on the bus, 2 on the ambulance), no more
    assert sequence_cut(P, Timetable(P), reach, floors={(0, pr): 2, (2, pr): 22}) == 24
    assert sequence_cut(P, Timetable(P), reach, floors={(0, pr): 2, (2, pr): 23}) is None


@pytest.mark.slow
def test_the_floored_term_on_the_demo_is_above_the_heuristic(demo):
    base, routes = demo
    P = build_problem(base, routes, plan_fleet(base))
    assert P.rules.priority_first
    heur = solve(P)
    floors, b, rounds = _floors(P, heur)
    assert floors == {(0, 1): 12}  # the 12 stretcher cases of the 6 ambulances' one round each
    tt = Timetable(P)
    # the default budget leaves it out on the demo (12 slots); with effort it runs
    assert sequence_cut(P, tt, b.reachable_pickups, rounds, floors=floors) is None
    value = sequence_cut(P, tt, b.reachable_pickups, rounds, floors=floors, effort_s=1.0)
    assert value is not None
    assert heur.evacuated <= value < OLD_DEMO


@pytest.mark.parametrize("bad", ["-1", "nan", "3601", "soon"])
def test_bound_seconds_out_of_range_is_a_usage_error(bad, capsys, demo_plan_path):
    from planner.cli import main

    with pytest.raises(SystemExit) as err:
        main(["--quiet", "schedule", str(demo_plan_path), "--bound-seconds", bad])
    assert err.value.code == 2
    assert "--bound-seconds" in capsys.readouterr().err


@pytest.mark.slow
def test_bound_seconds_reaches_the_cut_and_the_bound_stays_above_the_schedule(
    tmp_path, capsys, demo_plan_path, monkeypatch
):
    import json

    import planner.schedule.seqcut as seqcut
    from planner.cli import main

    runs = []
    real = seqcut.sequence_cut

    def spy(*a, **kw):
        value = real(*a, **kw)
        runs.append((bool(kw.get("floors")), kw.get("effort_s"), value))
        return value

    monkeypatch.setattr(seqcut, "sequence_cut", spy)
    out = tmp_path / "s.json"
    assert main(["--quiet", "schedule", str(demo_plan_path), "--bound-seconds", "0.5", "--json", str(out)]) == 0
    # under the rule: every schedule's run and the floored one, both with the effort, both past 10 slots
    assert [(f, e) for f, e, _ in runs] == [(False, 0.5), (True, 0.5)]
    assert all(v is not None for _, _, v in runs)
    k = json.loads(out.read_text())["kpis"]
    assert k["upper_bound"] >= k["evacuated"]
    assert "upper bound" in capsys.readouterr().out
