"""The stretcher classes' limits of the priority rule's floors (planner/schedule/rulefloors.py) on the demo.

The demo has 24 stretcher cases of priority 1 at P4 and 5 of priority 2 at P3, and six ambulances (two
stretcher places each) at two staging areas. The fleet term gives the three at DP2 two rounds, but two
rounds fit the window only through P3, never through P4.
"""

import pytest

from planner.schedule.bound import _segments_after
from planner.schedule.reach import round_times
from planner.schedule.rulefloors import rule_floors, stretcher_limit, stretcher_patterns
from planner.schedule.timing import Timetable


@pytest.fixture(scope="module")
def demo_problem(demo_net, demo_plan_path):
    from planner.plan import load_plan
    from planner.schedule import build_problem, plan_fleet
    from planner.schedule.build import route_all

    plan = load_plan(demo_plan_path)
    fleet = plan_fleet(plan)
    return build_problem(plan, route_all(plan, demo_net, fleet, lambda *a: None), fleet)


@pytest.fixture(scope="module")
def patterns(demo_problem):
    P = demo_problem
    tt = Timetable(P)
    rounds_of = {v.id: 2 for v in P.vehicles}
    reach = {p.id for p in P.pickups}
    return stretcher_patterns(
        P, round_times(P), lambda v: _segments_after(tt, 5400.0, P.window_end_s, False), reach, rounds_of
    )


def test_two_ambulance_rounds_fit_only_through_the_priority_2_pickup(patterns):
    assert patterns["classes"] == [(0, 1), (0, 2)]
    assert patterns["demand"] == [24, 5]
    by_depot = {}
    for count, places, pats in patterns["kinds"]:
        assert count == 3 and places == 2
        by_depot[len(by_depot)] = pats
    two = [p for pats in by_depot.values() for p in pats if len(p) == 2]
    assert two, "DP2's ambulances make two rounds through P3"
    assert all(frozenset({1}) == S for p in two for S in p)  # never through P4 (class 0)
    one_p4 = [p for pats in by_depot.values() for p in pats if p == (frozenset({0}),)]
    assert len(one_p4) == 2  # one round through P4 from either staging area


def test_with_p4s_twelve_aboard_no_stretcher_case_of_p3_fits(patterns):
    assert stretcher_limit(patterns, 0, [0, 0]) == 12  # six ambulances, one P4 round each
    assert stretcher_limit(patterns, 1, [12, 0]) == 0
    assert stretcher_limit(patterns, 1, [10, 0]) == 4  # a DP2 ambulance makes its two rounds through P3
    assert stretcher_limit(patterns, 1, [0, 0]) == 5  # P3's five, in the two-round patterns
    assert stretcher_limit(patterns, 1, [13, 0]) is None  # more than the places: no pattern mix


def test_the_floors_go_on_past_the_stretcher_classes(demo_problem, patterns):
    P = demo_problem
    reach = {p.id for p in P.pickups}
    rounds_of = {v.id: 2 for v in P.vehicles}
    counts = (12, 0, 70, 165, 20, 90, 1093, 0)
    assert rule_floors(P, counts, reach, rounds_of) == {(0, 1): 12}  # the plain limit: 3 x 2 x 2 + ... > 12
    got = rule_floors(P, counts, reach, rounds_of, patterns)
    assert got == {(0, 1): 12, (1, 1): 70, (1, 2): 165, (1, 3): 20, (2, 1): 90, (2, 2): 1093}
    # a schedule with fewer of P4's cases than the places allow stops the floors there
    assert rule_floors(P, (10, 0, 70, 165, 20, 90, 1093, 0), reach, rounds_of, patterns) == {(0, 1): 10}
