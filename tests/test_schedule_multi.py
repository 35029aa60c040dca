"""The moves over two or three rounds (planner/schedule/multi.py) and what they reach on the demo plan.

Small hand-made problems for each move's trials, the real demo plan for the
gap hold (the hand-built schedule's shape of tests/test_schedule_seqcut.py)
and for the figures of the whole search: without the priority rule 1,726
people (1,650 before these moves, the hand-built schedule 1,714); under the
rule 12 stretcher cases, the most any schedule can carry (each ambulance has
time for one round only: checked here with the round timing itself), and
the 20 reduced-mobility people of P6 (priority 3), none before.
"""

from dataclasses import replace

import pytest

from planner.schedule import check, multi
from planner.schedule.engine import best_of, finish, runs
from planner.schedule.model import Pickup, Rules, Vehicle
from planner.schedule.search import replay_fit
from planner.schedule.timing import Infeasible, Timetable, time_round
from tests.test_schedule_core import line_problem

AMB = "ambulance-80-2.8x3.5x6"


def _spec(vids, stops, hold=0, place="DP", dest="D", dep=0.0):
    return (list(vids), "bus", place, [(q, dict(ld)) for q, ld in stops], dest, dep, hold)


def test_transfers_keep_every_convoy_within_its_size_and_never_empty():
    P = line_problem(n_buses=6, people=(200, 200), rules=Rules(mobilisation_s=0.0, max_convoy=3))
    specs = [_spec(["B0", "B1", "B2"], [("P1", {})]), _spec(["B3"], [("P2", {})])]
    trials = list(multi.transfers(P, specs))
    assert trials
    for _, sp in trials:
        assert all(1 <= len(s[0]) <= 3 for s in sp)
        used = [v for s in sp for v in s[0]]
        assert len(used) == len(set(used))  # a vehicle in one round at a time
        assert check(P, finish(replay_fit(P, sp))) == []
    # the unused buses B4 and B5 join the one-bus round, one (the last of its kind) and both
    joined = {tuple(sp[1][0]) for _, sp in trials if len(sp[1][0]) > 1 and sp[0][0] == ["B0", "B1", "B2"]}
    assert {("B3", "B5"), ("B3", "B4", "B5")} <= joined


def test_a_transfer_from_the_unused_vehicles_moves_more_people():
    P = line_problem(n_buses=3, people=(150,), rules=Rules(mobilisation_s=0.0))
    specs = [_spec(["B0", "B1"], [("P1", {})])]
    base = replay_fit(P, specs)
    assert sum(r.people for r in base.rounds) == 100
    best = max(sum(r.people for r in replay_fit(P, sp).rounds) for _, sp in multi.transfers(P, specs))
    assert best == 150


def test_a_split_gives_each_part_the_vehicles_that_load_at_its_stops():
    P = line_problem(n_buses=3, people=(100, 50))
    load = [("P1", {"B0": (0, 0, 50), "B1": (0, 0, 50)}), ("P2", {"B2": (0, 0, 50)})]
    specs = [_spec(["B0", "B1", "B2"], load)]
    ((_, (a, b)),) = list(multi.splits(P, specs))
    assert a[0] == ["B0", "B1"] and [q for q, _ in a[3]] == ["P1"]
    assert b[0] == ["B2"] and [q for q, _ in b[3]] == ["P2"]
    S = replay_fit(P, [a, b])
    assert check(P, finish(S)) == [] and sum(r.people for r in S.rounds) == 150


def test_reload_gives_the_places_class_by_class():
    """An ambulance (2 stretcher places, 2 seats) and a bus at a priority-2 stop, then a priority-1 stop: the
    stretcher places go to the priority-1 stretcher cases, the seats to reduced mobility before general."""
    P = line_problem(n_buses=1, people=(0, 0), rules=Rules(mobilisation_s=0.0, priority_first=True))
    P.pickups = [
        Pickup("P1", general=40, reduced_mobility=3, stretcher=2, priority=2),
        Pickup("P2", general=30, reduced_mobility=2, stretcher=2, priority=1),
    ]
    P.vehicles = [Vehicle("A0", "DP", 2, 2), Vehicle("B0", "DP", 50)]
    left = {"P1": [2, 3, 40], "P2": [2, 2, 30]}
    spec = _spec(["A0", "B0"], [("P1", {}), ("P2", {})])
    new = multi.reload(P, spec, left)
    loads = dict(new[3])
    assert loads["P2"]["A0"][0] == 2 and loads["P1"].get("A0", (0, 0, 0))[0] == 0
    by_group = [sum(x[g] for ld in loads.values() for x in ld.values()) for g in range(3)]
    assert by_group == [2, 5, 47]  # 2 stretcher (P2), all 5 reduced mobility, the 47 seats left to general
    assert sum(x[2] for x in loads["P2"].values()) == 30  # general of priority 1 before priority 2


@pytest.fixture(scope="module")
def demo_problem(demo_net, demo_plan_path):
    from planner.plan import load_plan
    from planner.schedule import build_problem, plan_fleet, route_all

    base = load_plan(demo_plan_path)
    return build_problem(base, route_all(base, demo_net), plan_fleet(base))


@pytest.fixture(scope="module")
def demo_runs(demo_problem):
    return runs(demo_problem)


def test_a_gap_hold_lets_the_held_round_out_before_the_later_rounds_out_legs(demo_problem):
    """A DP1 convoy of 12 buses to P3, a DP2 convoy of 15 (P6, P5), a DP1 convoy of 8 (P2), without the rule.

    Held for the next two rounds as before (its out legs after theirs), the first convoy queues behind the
    second DP1 convoy at CP2 and CP3 and is cut; with a gap hold only the others' passages at CP1 come between
    its in and out passages, and it leaves CP2 and CP3 first."""
    P = demo_problem
    Q = replace(P, rules=replace(P.rules, priority_first=False))
    buses = {d: [v.id for v in P.vehicles if v.depot == d and v.stretcher_places == 0] for d in ("DP1", "DP2")}
    bus = next(v.profile for v in P.vehicles if v.stretcher_places == 0)

    def specs(hold):
        return [
            (buses["DP1"][:12], bus, "DP1", [("P3", {})], "D1", 5400.0, hold),
            (buses["DP2"][:15], bus, "DP2", [("P6", {}), ("P5", {})], "D1", 5400.0, 0),
            (buses["DP1"][12:20], bus, "DP1", [("P2", {})], "D1", 6000.0, 0),
        ]

    after = finish(replay_fit(Q, specs(2)))
    gap = finish(replay_fit(Q, specs(-2)))
    assert check(Q, after) == [] and check(Q, gap) == []
    assert gap.evacuated >= 1726 > 1714 > after.evacuated
    first = next(r for r in gap.rounds if len(r.vehicles) == 12)
    third = next(r for r in gap.rounds if len(r.vehicles) == 8)
    assert first.people == 600
    for cp in ("CP2", "CP3"):
        (a,) = [p.start for p in first.passes if p.checkpoint == cp and p.direction == "out"]
        (b,) = [p.start for p in third.passes if p.checkpoint == cp and p.direction == "out"]
        assert a < b
    cp1 = sorted((p.start, len(r.vehicles), p.direction) for r in gap.rounds for p in r.passes if p.checkpoint == "CP1")
    assert [x[1:] for x in cp1] == [(12, "in"), (15, "out"), (8, "in"), (12, "out"), (8, "out")]


def test_the_demo_without_the_rule_moves_more_than_the_hand_built_schedule(demo_problem, demo_runs):
    P = demo_problem
    Q = replace(P, rules=replace(P.rules, priority_first=False))
    most = best_of(Q, demo_runs)
    assert check(Q, most) == []
    assert most.evacuated >= 1726  # 1,650 before the moves of planner/schedule/multi.py; hand-built 1,714


def test_the_demo_under_the_rule_carries_every_stretcher_case_an_ambulance_has_time_for(demo_problem, demo_runs):
    """12 of the 29 stretcher cases: 6 ambulances of 2 stretcher places, one round each. A second round is
    not possible for any ambulance: the quickest first round (from DP2, inside the city, to P4, the only
    pickup of priority-1 stretcher cases) unloads at D1 3 h 14 min after the window opens, and a round from D1
    crosses CP3, CP2 and CP1 in and out (six passages of 22 to 27 min) and takes at least 3 h, more than the
    2 h 46 min left."""
    P = demo_problem
    sol = best_of(P, demo_runs)
    assert check(P, sol) == []
    assert sol.key(P)[:6] >= (12, 0, 70, 165, 20, 90)
    assert sol.by_group[0] == 12 == sum(v.stretcher_places for v in P.vehicles)
    for depot in ("DP1", "DP2"):
        amb = [v.id for v in P.vehicles if v.depot == depot and v.stretcher_places][:1]
        tt = Timetable(P)
        first = time_round(tt, P.rules.mobilisation_s, depot, [("P4", {amb[0]: (2, 0, 0)})], "D1", amb, AMB, escort=0)
        tt.commit(first)
        with pytest.raises(Infeasible):
            time_round(tt, first.unloaded, "D1", [("P4", {amb[0]: (2, 0, 0)})], "D1", amb, AMB, escort=0)


def test_a_swap_exchanges_vehicles_of_different_kinds_only():
    P = line_problem(n_buses=2, people=(100, 100), rules=Rules(mobilisation_s=0.0))
    P.vehicles = P.vehicles + [Vehicle("A0", "DP", 2, 2), Vehicle("A1", "DP", 2, 2)]
    specs = [_spec(["B0", "A0"], [("P1", {})]), _spec(["B1", "A1"], [("P2", {})])]
    got = [(sp[0][0], sp[1][0]) for _, sp in multi.swaps(P, specs)]
    assert sorted(got) == [(["A0", "A1"], ["B1", "B0"]), (["B0", "B1"], ["A1", "A0"])]
    for a, _ in got:
        (out,) = set(specs[0][0]) - set(a)
        (came,) = set(a) - set(specs[0][0])
        assert P.vehicle(out).stretcher_places != P.vehicle(came).stretcher_places  # never two alike


def test_a_new_round_of_unused_vehicles_is_tried_in_a_gap_hold_of_a_round_that_crosses_in_and_out(demo_problem):
    P = demo_problem
    Q = replace(P, rules=replace(P.rules, priority_first=False))
    buses = {d: [v.id for v in P.vehicles if v.depot == d and v.stretcher_places == 0] for d in ("DP1", "DP2")}
    bus = next(v.profile for v in P.vehicles if v.stretcher_places == 0)
    specs = [
        (buses["DP1"][:12], bus, "DP1", [("P3", {})], "D1", 5400.0, 0),
        (buses["DP2"][:15], bus, "DP2", [("P6", {}), ("P5", {})], "D1", 5400.0, 0),
    ]
    S = replay_fit(Q, specs)
    trials = [sp for _, sp in multi.new_rounds(Q, S, specs)]
    # the 8 DP1 buses left (alone, and with the 3 DP1 ambulances) as a third round, after the DP2 one, the
    # first DP1 round gap-held for two rounds
    held = [sp for sp in trials if len(sp) == 3 and sp[0][6] == -2 and sp[2][2] == "DP1"]
    assert buses["DP1"][12:] in [sp[2][0] for sp in held]

    def out(sp):
        return sum(r.people for r in replay_fit(Q, sp).rounds)

    plain = max(out(sp) for sp in trials if all(x[6] == 0 for x in sp))  # the new round last, nobody held
    assert max(out(sp) for sp in held) >= 1700 > plain
