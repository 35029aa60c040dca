"""The flow-shop cut split by convoy structure (:mod:`planner.schedule.seqsplit`) on the real demo and sub-plans.

The split's value must never be below what a schedule achieves: against the
exact CP-SAT optimum of small sub-plans (:mod:`tests.exact`), and on the demo
against a hand-built schedule :func:`planner.schedule.check` accepts (1,714
people, two DP1 rounds and one DP2 round: its structure's own model must carry
at least that) and the heuristic's schedule under the priority rule.
"""

from __future__ import annotations

import pytest

from planner.plan import load_plan
from planner.schedule import build_problem, check, plan_fleet, route_all, seqcut, seqsplit, solve, upper_bound
from planner.schedule.model import class_counts
from planner.schedule.seqcut import sequence_cut
from planner.schedule.timing import Timetable
from tests.exact import cpsat
from tests.exact.instances import ALL, problem
from tests.test_schedule_seqcut import hand_built


@pytest.fixture(scope="module")
def demo(demo_net, demo_plan_path):
    base = load_plan(demo_plan_path)
    routes = route_all(base, demo_net)
    return base, routes, build_problem(base, routes, plan_fleet(base))


def _args(P, monkeypatch, floors=None):
    """The arguments the cut hands its solver on ``P`` (the specs of its kinds of slot, ...)."""
    got = []
    monkeypatch.setattr(seqcut, "_solve", lambda *a: got.append(a))
    b = upper_bound(P)
    sequence_cut(P, Timetable(P), b.reachable_pickups, None, floors=floors, effort_s=0.1)
    monkeypatch.undo()
    assert len(got) == 1
    return got[0]


def _structure_value(args, counts, det=0.5):
    P, specs, *rest = args
    sub = [dict(sp, slots=counts[sp["name"]], fixed=True) for sp in specs if counts.get(sp["name"], 0) > 0]
    rest[-1] = det
    return seqcut._solve(P, sub, *rest)


@pytest.mark.slow
def test_the_structure_of_a_checked_schedule_carries_its_people(demo, monkeypatch):
    _, _, P = demo
    sol = hand_built(P)
    assert [str(v) for v in check(P, sol)] == []
    assert sol.evacuated == 1714
    by_depot: dict = {}
    for r in sol.rounds:
        by_depot[r.formation] = by_depot.get(r.formation, 0) + 1
    assert by_depot == {"DP1": 2, "DP2": 1}
    args = _args(P, monkeypatch)
    assert [sp["name"] for sp in args[1]] == ["DP1", "DP2", "*later"]
    assert _structure_value(args, by_depot) >= sol.evacuated
    # a structure the schedule is not may carry fewer: one DP1 round and one DP2 round
    assert 0 <= _structure_value(args, {"DP1": 1, "DP2": 1}) < sol.evacuated
    # and the stretcher floor of the rule (12) needs both depots' ambulances: DP2 alone is infeasible
    ruled = _args(P, monkeypatch, floors={(0, 1): 12})
    assert _structure_value(ruled, {"DP2": 3}) == -1


def test_structures_skip_the_empty_one_and_later_rounds_alone(demo, monkeypatch):
    _, _, P = demo
    P_, specs, out_chain, dur, *_rest = _args(P, monkeypatch)
    todo = seqsplit.structures(specs, out_chain, dur, int(P.rules.max_convoy), 3254)
    assert todo
    names = [sp["name"] for sp in specs]
    for places, st in todo:
        assert any(n for nm, n in zip(names, st) if nm != "*later")
        assert 0 < places <= 3254
    assert [p for p, _ in todo] == sorted((p for p, _ in todo), reverse=True)
    # DP1's slots pass CP1 twice: four of them and seven of DP2 overrun it at one vehicle each
    assert (4, 7, 1) not in {st for _, st in todo}


@pytest.mark.slow
@pytest.mark.parametrize("name", ["hours-2cp", "cp-lanes-1-tight", "cp-convoy-size", "window-short", "escort-2"])
def test_the_split_is_above_the_exact_optimum_and_as_tight_as_the_unsplit(name, demo):
    base, routes, _ = demo
    spec = next(s for s in ALL if s.name == name)
    _, P = problem(base, routes, spec)
    exact = cpsat.solve(P, 3.0)
    assert exact.status == "OPTIMAL"
    reach = upper_bound(P).reachable_pickups
    whole = sequence_cut(P, Timetable(P), reach, None)
    split = sequence_cut(P, Timetable(P), reach, None, effort_s=0.5, split=True)
    assert split is not None
    assert split >= exact.value
    if whole is not None:
        assert split <= whole


@pytest.mark.slow
def test_the_split_on_the_demo_is_above_the_schedules_and_below_the_other_terms(demo):
    _, _, P = demo
    heur = solve(P)
    b = upper_bound(P, class_counts(P.pickups, heur.taken()), effort_s=0.3)
    assert b.value >= heur.evacuated
    assert b.terms["checkpoints in sequence"] >= hand_built(P).evacuated
