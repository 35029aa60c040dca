"""The bound under the priority rule: class floors from a schedule found under it (planner/schedule/bound.py
``rule_floors``) and the whole-convoy cut with the stretcher floor (planner/schedule/intcut.py)."""

from dataclasses import replace

import pytest

from planner.schedule import check, solve, upper_bound
from planner.schedule.intcut import whole_convoy_cut
from planner.schedule.model import Pickup, Vehicle, class_counts
from planner.schedule.timing import Timetable
from tests.test_schedule_intcut import brute_force, crossing_problem, fleet_terms


def with_ambulances(P, n):
    """``P`` with its last ``n`` vehicles ambulances (2 seats, 2 stretcher places) and stretcher cases waiting."""
    for k in range(len(P.vehicles) - n, len(P.vehicles)):
        P.vehicles[k] = Vehicle(f"A{k}", "DP", 2, 2)
    p = P.pickups[0]
    P.pickups[0] = Pickup(p.id, general=p.general - 20, stretcher=20, ready_s=p.ready_s)
    return P


@pytest.mark.parametrize("buses,hours,amb,floor", [(5, 2.0, 2, 4), (5, 2.5, 2, 4), (5, 2.5, 2, 2), (4, 5.0, 1, 4)])
def test_the_floored_whole_convoy_cut_is_at_least_the_brute_force_of_the_floored_model(buses, hours, amb, floor):
    P = with_ambulances(crossing_problem(buses, hours), amb)
    people_of, rounds_of = fleet_terms(P)
    tt = Timetable(P)
    free = whole_convoy_cut(P, "CP1", tt, people_of, rounds_of)
    ruled = whole_convoy_cut(P, "CP1", tt, people_of, rounds_of, stretcher_floor=floor)
    brute = brute_force(P, "CP1", people_of, rounds_of, stretcher_floor=floor)
    assert brute <= ruled <= free
    assert brute_force(P, "CP1", people_of, rounds_of) <= free


def test_the_floor_costs_the_places_an_ambulance_takes_from_a_bus():
    """5 vehicles, CP1 crossed in and out, 2 h: the unfloored cut takes the buses' rounds; with 4 stretcher
    cases aboard both ambulances (4 places each) ride where the cut had a bus (50 places)."""
    P = with_ambulances(crossing_problem(5, 2.0), 2)
    people_of, rounds_of = fleet_terms(P)
    tt = Timetable(P)
    free = whole_convoy_cut(P, "CP1", tt, people_of, rounds_of)
    ruled = whole_convoy_cut(P, "CP1", tt, people_of, rounds_of, stretcher_floor=4)
    assert ruled == brute_force(P, "CP1", people_of, rounds_of, stretcher_floor=4) < free
    # no floor the fleet term's rounds cannot hold: no term rather than a wrong one
    assert whole_convoy_cut(P, "CP1", tt, people_of, rounds_of, stretcher_floor=10**6) is None


@pytest.mark.parametrize("buses,hours,amb", [(5, 2.0, 2), (4, 2.5, 1), (4, 5.0, 1)])
def test_the_floored_bound_stays_above_the_rules_schedule_and_below_the_unfloored_one(buses, hours, amb):
    P = with_ambulances(crossing_problem(buses, hours), amb)
    sol = solve(P)
    assert check(P, sol) == []
    counts = class_counts(P.pickups, sol.taken())
    B = upper_bound(P, counts)
    free = upper_bound(P)
    assert B.unfloored == free.value and B.value <= free.value
    assert B.value >= sol.evacuated
    # the floors are the schedule's counts on a prefix of the classes, never above them
    for (g, pr), n in B.floors.items():
        assert n <= counts[list(B.floors).index((g, pr))]
    assert upper_bound(P, None).unfloored is None and upper_bound(P, None).floors == {}


def test_no_floors_without_the_rule():
    from dataclasses import replace

    P = with_ambulances(crossing_problem(5, 2.0), 2)
    P.rules = replace(P.rules, priority_first=False)
    B = upper_bound(P, (4, 100))
    assert B.floors == {} and B.value == B.unfloored == upper_bound(P).value


def test_the_demo_bound_under_the_rule_counts_the_ambulances_at_cp1(demo_net, demo_plan_path):
    """The demo under the rule: 12 stretcher cases out of 24 of priority 1 (P4), 5 of priority 2 (P3). The
    fleet term gives the DP2 ambulances two rounds, but two fit the window only through P3 (5,377 s from
    DP2 and 10,049 s from D1 in 16,200 s; through P4 6,156 s and 10,829 s), so with the six ambulances'
    twelve places full of P4's cases no schedule carries any of P3's (rulefloors.stretcher_limit), and the
    floors go on over every class the heuristic carries in full: all reduced mobility, P4's general
    people, and the general people of priority 2 it carries. The rule's best schedule carries at least 12
    stretcher cases, hence at least 6 ambulance-rounds (2 places each) among the loaded passages of CP1,
    the checkpoint every round passes loaded. The whole-convoy cut with them aboard: 1807 (without: 1820,
    all 36 buses and 5 ambulances)."""
    from planner.plan import load_plan
    from planner.schedule import schedule_plan

    sched = schedule_plan(load_plan(demo_plan_path), demo_net, buses_needed=False)
    d = sched.bound_detail
    assert d["floors"] == [
        ["stretcher", 1, 12],
        ["reduced_mobility", 1, 70],
        ["reduced_mobility", 2, 165],
        ["reduced_mobility", 3, 20],
        ["general", 1, 90],
        ["general", 2, 1093],
    ]
    assert d["without_floors"] == 1820
    assert d["binding"] == "checkpoint CP1 in whole convoys, 12 stretcher cases aboard"
    assert sched.upper_bound == d["value"] == 1807 >= sched.evacuated >= 1450
    # the schedule without the rule is bounded by the bound of every schedule, not the floored one
    assert sched.without_priority_rule["upper_bound"] == 1820 >= sched.without_priority_rule["evacuated"]
    # the unserved reasons read as before: the rule, then what binds without it
    reasons = {u.reason for u in sched.unserved}
    assert "priority rule" in reasons and reasons <= {"priority rule", "checkpoint throughput"}


@pytest.fixture(scope="module")
def demo_routes(demo_net, demo_plan_path):
    from planner.plan import load_plan
    from planner.schedule import route_all

    base = load_plan(demo_plan_path)
    return base, route_all(base, demo_net)


@pytest.mark.parametrize("buses,amb,hours", [(8, 3, 5.0), (8, 3, 4.0), (6, 2, 5.0)])
def test_on_demo_sub_plans_the_floored_bound_binds_and_stays_above_every_schedule_that_meets_the_floors(
    demo_routes, buses, amb, hours
):
    """Sub-plans of the demo (real routes): DP1's buses and ambulances cross CP1 in and out (one lane, 20 min a
    convoy, convoys of at most 4), 12 stretcher cases at P4, 700 people at P3 and P2. Every run of the engine
    (each setting, class by class or everyone at once, improved, the schedule without the rule converted),
    checked, that carries the floors moves at most the floored bound; the floor costs the cut bus places."""
    from planner.schedule.portfolio import best_of, runs
    from tests.exact.instances import Spec, problem

    base, routes = demo_routes
    spec = Spec(
        "amb-cp1",
        "priority rule + checkpoint",
        {"P4": (0, 0, 12), "P3": (400, 0, 0), "P2": (300, 0, 0)},
        {"DP1": {"bus": buses, "ambulance": amb}},
        {"CP1": {"lanes": 1, "minutes_per_convoy": 20.0, "minutes_per_vehicle": 2.0}},
        window_h=hours,
        max_convoy=4,
        priority_first=True,
    )
    _, P = problem(base, routes, spec)
    sols = runs(P)
    heur = best_of(P, sols)
    B = upper_bound(P, class_counts(P.pickups, heur.taken()))
    assert B.floors and B.value < B.unfloored and B.binding in B.floored_terms
    order = list(B.floors)
    from planner.schedule.model import class_order

    idx = [class_order(P.pickups).index(c) for c in order]
    meeting = 0
    for s in sols:
        assert check(P, s) == []
        counts = class_counts(P.pickups, s.taken())
        if all(counts[i] >= B.floors[c] for i, c in zip(idx, order)):
            meeting += 1
            assert s.evacuated <= B.value, (s.settings, s.evacuated, B.value)
        assert s.evacuated <= B.unfloored
    assert meeting >= 1


@pytest.mark.parametrize("buses, hours, ambulances", [(5, 2.5, 2), (5, 3.0, 2), (5, 3.0, 1), (4, 2.5, 1), (4, 5.0, 1)])
def test_held_rounds_never_share_a_passage(buses, hours, ambulances):
    # a held round's out passage was released a second time when it was timed again, freeing the slot of a
    # round timed meanwhile at the very same times: two convoys at CP1 at once
    P = with_ambulances(crossing_problem(buses, hours), ambulances)
    sol = solve(P)
    assert check(P, sol) == []
    free = solve(replace(P, rules=replace(P.rules, priority_first=False)))
    assert check(P, free) == []
