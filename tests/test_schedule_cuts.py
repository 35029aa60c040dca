"""The passage cuts of the bound (:mod:`planner.schedule.cuts`) on hand-made problems (seconds, no network)."""

import pytest

from planner.schedule import check, solve, upper_bound
from planner.schedule.bound import _knapsack
from planner.schedule.cuts import checkpoint_cut, passage_window
from planner.schedule.model import Rules
from planner.schedule.timing import Timetable
from tests.test_schedule_core import line_problem

CASES = [
    (6, (900,), 3.0, Rules(mobilisation_s=0.0, max_convoy=2, headway_s=0.0)),
    (8, (900,), 4.0, Rules(mobilisation_s=0.0, max_convoy=3, headway_s=0.0)),
    (4, (600,), 5.0, Rules(mobilisation_s=0.0, max_convoy=2)),
    (3, (400, 200), 6.0, Rules(mobilisation_s=1800.0, max_convoy=3)),
]


@pytest.mark.parametrize("buses,people,hours,rules", CASES)
def test_passage_cut_is_tighter_than_the_open_hours_knapsack_and_stays_above_the_schedule(buses, people, hours,
                                                                                          rules):
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
