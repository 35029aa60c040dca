"""The moves over two or three rounds (planner/schedule/multi.py) and what they reach on the demo plan.

Small hand-made problems for each move's trials, the real demo plan for the
gap hold (the hand-built schedule's shape of tests/test_schedule_seqcut.py)
and for the figures of the whole search: without the priority rule 1,726
people (1,650 before these moves, the hand-built schedule 1,714); under the
rule 12 stretcher cases, the most any schedule can carry (each ambulance has
time for one round only: checked here with the round timing itself), and
the 20 reduced-mobility people of P6 (priority 3), none before; and from the
schedule without the rule converted to it (planner/schedule/convert.py) the
first six classes in full and 1,450 people (1,424 before).
"""

from dataclasses import replace

import pytest

from planner.schedule import check, convert, multi
from planner.schedule.engine import SETTINGS, construct, finish
from planner.schedule.model import Pickup, Rules, Vehicle
from planner.schedule.portfolio import best_of, runs
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


def test_reload_spreads_each_stops_people_over_the_vehicles():
    """Two buses at two stops of 50 each: 25 a bus at each stop, so each stop's boarding takes 25 people's
    time, not 50 (the buses board side by side), and the round is back sooner than with whole buses a stop."""
    P = line_problem(n_buses=2, people=(50, 50), rules=Rules(mobilisation_s=0.0, priority_first=True))
    spec = _spec(["B0", "B1"], [("P1", {}), ("P2", {})])
    new = multi.reload(P, spec, {"P1": [0, 0, 50], "P2": [0, 0, 50]})
    assert [sorted(ld.values()) for _, ld in new[3]] == [[(0, 0, 25), (0, 0, 25)]] * 2
    whole = _spec(["B0", "B1"], [("P1", {"B0": (0, 0, 50)}), ("P2", {"B1": (0, 0, 50)})])
    spread, packed = finish(replay_fit(P, [new])), finish(replay_fit(P, [whole]))
    assert check(P, spread) == [] and spread.evacuated == packed.evacuated == 100
    assert [s.depart - s.arrive for s in spread.rounds[0].stops] == [25 * 30.0] * 2
    assert spread.rounds[0].unloaded < packed.rounds[0].unloaded


def test_level_fill_keeps_the_most_any_vehicle_boards_low():
    room = {"A": 2, "B": 50, "C": 50}
    assert multi.level_fill(41, room, {"A": 0, "B": 0, "C": 0}) == {"A": 2, "B": 20, "C": 19}
    assert multi.level_fill(10, room, {"A": 0, "B": 10, "C": 0}) == {"A": 2, "C": 8}
    assert multi.level_fill(0, room, {"A": 0, "B": 0, "C": 0}) == {}
    assert sum(multi.level_fill(200, room, dict.fromkeys(room, 0)).values()) == 102  # no more than the room


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
    # the first six classes at their maximum: 12 stretcher cases, every reduced-mobility person, all of P4's
    # general; then general of priority 2: 1,093 (1,067 before the start from the schedule without the rule,
    # planner/schedule/convert.py), 1,450 people in all (was 1,424)
    assert sol.key(P)[:6] == (12, 0, 70, 165, 20, 90)
    assert sol.key(P)[6] >= 1093 and sol.evacuated >= 1450
    assert sol.by_group[0] == 12 == sum(v.stretcher_places for v in P.vehicles)
    for depot in ("DP1", "DP2"):
        amb = [v.id for v in P.vehicles if v.depot == depot and v.stretcher_places][:1]
        tt = Timetable(P)
        first = time_round(tt, P.rules.mobilisation_s, depot, [("P4", {amb[0]: (2, 0, 0)})], "D1", amb, AMB, escort=0)
        tt.commit(first)
        with pytest.raises(Infeasible):
            time_round(tt, first.unloaded, "D1", [("P4", {amb[0]: (2, 0, 0)})], "D1", amb, AMB, escort=0)


def test_the_schedule_without_the_rule_converted_serves_every_class_and_beats_the_rules_constructive(
    demo_problem, demo_runs
):
    """The best schedule without the rule (1,726 people, no stretcher case) converted to the rule: its three
    convoys and the gap hold kept, the six ambulances in a DP1 and a DP2 convoy that stop at P4 (in place of
    three buses each: the passages keep their length), the stops shared again. It carries the first six
    classes in full and more general of priority 2 than any constructive run under the rule."""
    P = demo_problem
    Q = replace(P, rules=replace(P.rules, priority_first=False))
    free = best_of(Q, demo_runs)
    got = convert.to_rule(P, free)
    assert check(P, got) == []
    assert got.key(P)[:6] == (12, 0, 70, 165, 20, 90) and got.key(P)[6] >= 1093 and got.evacuated >= 1450
    assert len(got.rounds) == 3 and sorted(sp[6] for sp in got.specs) == [-2, 0, 0]
    for depot in ("DP1", "DP2"):
        amb = [x for x in got.rounds if any(P.vehicle(v).stretcher_places for v in x.vehicles)]
        (r,) = [x for x in amb if x.formation == depot]
        assert "P4" in [s.pickup for s in r.stops]
        assert sum(P.vehicle(v).stretcher_places > 0 for v in r.vehicles) == 3
    best_constructive = max((construct(P, s, b) for s in SETTINGS for b in (True, False)), key=lambda x: x.key(P))
    assert got.key(P) > best_constructive.key(P)
    assert convert.to_rule(Q, free) is None  # the rule off: nothing to convert to


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
