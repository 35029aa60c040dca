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
from planner.schedule.model import Solution, class_counts
from planner.schedule.seqcut import sequence_cut
from planner.schedule.timing import Timetable, time_round
from tests.exact import cpsat
from tests.exact.instances import named
from tests.test_schedule_seqcut import BUS, _loads, hand_built


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


def _structure_value(args, counts, det=0.5, order=None):
    P, specs, *rest = args
    sub = [dict(sp, slots=counts[sp["name"]], fixed=True) for sp in specs if counts.get(sp["name"], 0) > 0]
    rest[-1] = det
    return seqcut._solve(P, sub, *rest, 0, order=order)


def _stalling(monkeypatch):
    """Every test of a whole structure stalls (no proof either way), so the split by order runs for each."""
    real = seqcut._solve

    def stalled(*a, order=None):
        if len(a) > 15 and a[15] and order is None:
            return None
        return real(*a, order=order)

    monkeypatch.setattr(seqcut, "_solve", stalled)


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


def test_orders_are_each_sequence_of_the_kinds_once():
    got = seqsplit.orders([("DP1", 2), ("DP2", 3), ("*later", 0)])
    assert len(got) == len(set(got)) == 10  # 5! / (2! 3!)
    assert all(sorted(o) == ["DP1", "DP1", "DP2", "DP2", "DP2"] for o in got)
    assert got[0] == ("DP1", "DP1", "DP2", "DP2", "DP2") and got[-1] == ("DP2", "DP2", "DP2", "DP1", "DP1")
    assert seqsplit.orders([("DP1", 1)]) == [("DP1",)]
    assert seqsplit.orders([("A", 6), ("B", 6)], limit=923) is None  # 924 sequences
    assert len(seqsplit.orders([("A", 6), ("B", 6)], limit=924)) == 924


def _first_out_order(P, sol, first):
    """The rounds of ``sol`` by the start of their passage out at checkpoint ``first``."""
    at = {id(r): next(p.start for p in r.passes if p.checkpoint == first and p.direction == "out") for r in sol.rounds}
    return sorted(sol.rounds, key=lambda r: at[id(r)])


@pytest.mark.slow
def test_the_order_of_a_checked_schedule_at_cp1_carries_its_people(demo, monkeypatch):
    _, _, P = demo
    sol = hand_built(P)
    args = _args(P, monkeypatch)
    assert args[2][0] == "CP1"
    order = tuple(r.formation for r in _first_out_order(P, sol, "CP1"))
    assert order == ("DP2", "DP1", "DP1")
    assert _structure_value(args, {"DP1": 2, "DP2": 1}, order=order) >= sol.evacuated


@pytest.mark.slow
def test_a_round_that_departs_later_and_passes_first_is_in_the_order_model(demo, monkeypatch):
    # DP2: 15 buses leave at 5,400 s for P4 and P1 (long boarding), one bus at 6,000 s for P6 passes CP1 first
    _, _, P = demo
    buses = [v for v in P.vehicles if v.depot == "DP2" and v.seats == 50]
    tt = Timetable(P)
    left: dict = {}
    out = []
    for i, (depart, vs, stops) in enumerate(
        [(6000, buses[15:16], [("P6", 50)]), (5400, buses[:15], [("P4", 150), ("P1", 600)])]
    ):
        loads = _loads(P, vs, stops, left)
        r = time_round(tt, tt.headway_ok("DP2", depart), "DP2", loads, "D1", [v.id for v in vs], BUS, escort=i)
        tt.commit(r)
        out.append(r)
    sol = Solution(sorted(out, key=lambda r: r.depart))
    assert [str(v) for v in check(P, sol)] == []
    assert sol.evacuated == 800
    assert [r.depart for r in _first_out_order(P, sol, "CP1")] == [6000, 5400]
    args = _args(P, monkeypatch)
    assert _structure_value(args, {"DP2": 2}, order=("DP2", "DP2")) >= sol.evacuated


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


def _proven(name, demo):
    """The exact instance ``name``: its problem, its proven optimum (CP-SAT) and its reachable pickups."""
    base, routes, _ = demo
    P = named(base, routes, name)
    return P, cpsat.proven(P), upper_bound(P).reachable_pickups


@pytest.mark.slow
@pytest.mark.parametrize("name", ["hours-2cp", "cp-lanes-1-tight", "cp-convoy-size", "window-short", "escort-2"])
def test_the_split_is_above_the_exact_optimum_and_as_tight_as_the_unsplit(name, demo):
    P, exact, reach = _proven(name, demo)
    whole = sequence_cut(P, Timetable(P), reach, None)
    split = sequence_cut(P, Timetable(P), reach, None, effort_s=0.5, split=True)
    assert split is not None
    assert split >= exact.value
    if whole is not None:
        assert split <= whole


@pytest.mark.slow
@pytest.mark.parametrize("name", ["hours-2cp", "cp-lanes-1-tight", "cp-convoy-size", "window-short", "escort-2"])
def test_the_split_by_order_is_above_the_exact_optimum(name, demo, monkeypatch):
    P, exact, reach = _proven(name, demo)
    _stalling(monkeypatch)
    split = sequence_cut(P, Timetable(P), reach, None, effort_s=0.5, split=True)
    assert split is not None
    assert split >= exact.value


@pytest.mark.slow
def test_the_split_on_the_demo_is_above_the_schedules_and_below_the_other_terms(demo):
    _, _, P = demo
    heur = solve(P)
    b = upper_bound(P, class_counts(P.pickups, heur.taken()), effort_s=0.3)
    assert b.value >= heur.evacuated
    assert b.terms["checkpoints in sequence"] >= hand_built(P).evacuated
