"""The passage cuts of the bound (:mod:`planner.schedule.cuts`) on hand-made problems (seconds, no network)."""

import pytest

from planner.schedule import check, solve, upper_bound
from planner.schedule.bound import _knapsack
from planner.schedule.cuts import checkpoint_cut, passage_window
from planner.schedule.model import Checkpoint, Rules
from planner.schedule.timing import Timetable
from tests.test_schedule_core import line_problem

CASES = [
    (6, (900,), 3.0, Rules(mobilisation_s=0.0, max_convoy=2, headway_s=0.0)),
    (8, (900,), 4.0, Rules(mobilisation_s=0.0, max_convoy=3, headway_s=0.0)),
    (4, (600,), 5.0, Rules(mobilisation_s=0.0, max_convoy=2)),
    (3, (400, 200), 6.0, Rules(mobilisation_s=1800.0, max_convoy=3)),
]


@pytest.mark.parametrize("buses,people,hours,rules", CASES)
def test_passage_cut_is_tighter_than_the_open_hours_knapsack_and_stays_above_the_schedule(buses, people, hours, rules):
    P = line_problem(n_buses=buses, people=people, window_h=hours, rules=rules)
    sol = solve(P)
    assert check(P, sol) == []
    through = sum(p.people for r in sol.rounds for p in r.passes if p.checkpoint == "CP1" and p.direction == "out")
    cut = checkpoint_cut(P, "CP1", 10**6, Timetable(P))
    assert through <= cut  # valid on what the engine achieves
    assert cut < _knapsack(P.checkpoints["CP1"], rules.max_convoy, 50, hours * 3600)  # the window narrows it
    assert upper_bound(P).value >= sol.evacuated


def test_passage_window_counts_the_drive_before_and_after():
    P = line_problem(n_buses=2, people=(100,), window_h=6.0)
    e_in, e_out, l_out, needs_in = passage_window(P, "CP1")
    # depot -> P1 900 s, then 1200 s to CP1 on the loaded leg; 2400 - 1200 s on to D after it
    assert e_out == 900 + 1200
    assert l_out == 6 * 3600 - 1200
    assert needs_in == {"DP": False, "D": True}
    assert e_in == pytest.approx(900 + 1200 + 1320 + 1200 + 1200)  # first at D, then back in through CP1


def _closed_and_open(n_closed=25):
    """``n_closed`` priority-1 pickups behind a checkpoint closed all window, one priority-2 pickup without."""
    from planner.schedule.model import Checkpoint, Destination, Leg, Pickup, Problem, Vehicle

    cps = {"CPX": Checkpoint("CPX", open=((0.0, 0.0),))}
    pks = [Pickup(f"P{i:02d}", general=40, priority=1) for i in range(n_closed)] + [Pickup("Q", general=30, priority=2)]
    legs = {}
    for p in pks:
        legs[("DP", p.id)] = Leg(600.0, 5_000.0)
        legs[("D", p.id)] = Leg(900.0, 9_000.0, (("CPX", 300.0),) if p.id != "Q" else ())
        legs[(p.id, "D")] = Leg(900.0, 9_000.0, (("CPX", 600.0),) if p.id != "Q" else ())
    return Problem(
        vehicles=[Vehicle(f"B{k}", "DP", 50) for k in range(2)],
        pickups=pks,
        destinations=[Destination("D")],
        checkpoints=cps,
        legs={"bus": legs},
        window_end_s=4 * 3600,
        rules=Rules(mobilisation_s=0.0),
    )


def test_pickups_behind_a_closed_checkpoint_do_not_end_the_construction():
    from planner.schedule.engine import SETTINGS, construct

    P = _closed_and_open()
    for by_class in (True, False):
        sol = construct(P, SETTINGS[0], by_class)
        assert check(P, sol) == []
        assert sol.evacuated == 30  # Q comes 26th of the anchors, past the scan limit of 18
    assert upper_bound(P).value == 30


def test_replay_of_a_construction_gives_the_same_rounds():
    from planner.schedule.builder import Builder, State
    from planner.schedule.engine import SETTINGS, _best, _spec, replay

    P = line_problem(n_buses=5, people=(300, 120), window_h=8.0, rules=Rules(mobilisation_s=0.0, max_convoy=3))
    S = State(P)
    B = Builder(S, SETTINGS[0])
    while (best := _best(S, B, None, SETTINGS[0])) is not None:
        S.commit(*best)
    again = replay(P, [_spec(S, r) for r in S.rounds])
    assert again is not None
    key = lambda r: (r.depart, r.unloaded, tuple(r.vehicles), r.people)  # noqa: E731
    assert [key(r) for r in again.rounds] == [key(r) for r in S.rounds]


def test_convoy_paths_of_every_size_at_once_are_those_of_one_size_at_a_time():
    from planner.schedule.convoypaths import leg_service_s, leg_weights, round_min, round_mins

    cps = {
        "CP1": Checkpoint("CP1", convoy_s=1200, vehicle_s=120, lanes=2),
        "CP2": Checkpoint("CP2", convoy_s=450, vehicle_s=75, lanes=3, checks_empty=False),
    }
    P = line_problem(n_buses=6, people=(300, 200, 100), cps=cps)
    legs = P.legs["bus"]
    for k in range(1, 7):
        for a, b, loaded, w in leg_weights(P, k, {})["bus"]:
            assert w == legs[(a, b)].time_s + leg_service_s(P, legs[(a, b)], k, loaded)
    memo: dict = {}
    round_mins(P, range(1, 7), memo)
    for k in range(1, 7):
        assert memo[("round_min", k)] == round_min(P, k, {})
    # larger convoys take longer at the checkpoints: a longer shortest round from the depot
    assert memo[("round_min", 6)]["DP"] > memo[("round_min", 1)]["DP"]
