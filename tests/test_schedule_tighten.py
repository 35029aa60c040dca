"""The tightened bound (``bound_effort_s``) reports progress and stops on a cancel, between solver runs.

Small exact instances of :mod:`tests.exact.instances` on the real bundled
network: ``gen14`` (one flow-shop cut, a few dozen runs), ``priority-2`` (the
priority rule: two cuts, without and with the rule's floors). The solver runs
are the real ones (:func:`planner.schedule.seqcut._solve`, wrapped to count
them); the normal path (no effort) reports nothing of the tightening.
"""

from __future__ import annotations

import pytest

from planner.compute import compute_plan
from planner.errors import Cancelled
from planner.plan import load_plan
from planner.progress import parse_step
from planner.schedule import plan_fleet, route_all, schedule_plan, seqcut, upper_bound
from planner.schedule.model import class_counts
from planner.schedule.portfolio import runs
from tests.exact.instances import ALL, named, sub_plan

EFFORT_S = 0.2  # deterministic s a run: every run of these instances proves well within it


@pytest.fixture(scope="module")
def demo(demo_net, demo_plan_path):
    base = load_plan(demo_plan_path)
    return base, route_all(base, demo_net)


def _counted(monkeypatch) -> list:
    """Count the real solver runs of the cut (each call of ``seqcut._solve``)."""
    calls: list = []
    real = seqcut._solve

    def counted(*a, **kw):
        calls.append(1)
        return real(*a, **kw)

    monkeypatch.setattr(seqcut, "_solve", counted)
    return calls


def _floors(P):
    """The priority rule's floors: what the heuristic's schedule carries per class."""
    from planner.schedule.build import best_checked
    from planner.schedule.engine import SETTINGS

    return class_counts(P.pickups, best_checked(P, runs(P, SETTINGS)).taken())


def test_each_solver_run_is_announced_with_a_part_and_a_fraction_that_never_goes_back(demo, monkeypatch):
    base, routes = demo
    P = named(base, routes, "gen14")
    calls = _counted(monkeypatch)
    got: list = []
    b = upper_bound(P, effort_s=EFFORT_S, progress=lambda f, m: got.append((f, m, len(calls))))
    assert len(got) == len(calls) > 3
    # each report comes just before its run: the k-th report sees k - 1 runs done
    assert [n for _, _, n in got] == list(range(len(calls)))
    fractions = [f for f, _, _ in got]
    assert fractions == sorted(fractions) and fractions[0] >= 0.0 and fractions[-1] < 1.0
    steps = [parse_step(m) for _, m, _ in got]
    assert {s.code for s in steps} == {"tightening_bound"}
    totals = [s.params["total"] for s in steps]
    assert totals == sorted(totals, reverse=True)  # the count of parts only shrinks, once the first pass is done
    assert all(1 <= s.params["done"] <= s.params["total"] for s in steps)
    assert steps[0].params == {"done": 1, "total": 13}  # the first pass, of one cut of 1 + 12 rounds
    # the same bound as without a progress callback (the runs' limits are deterministic)
    assert b.value == upper_bound(P, effort_s=EFFORT_S).value
    assert b.terms == upper_bound(P, effort_s=EFFORT_S).terms


def test_under_the_rule_both_cuts_report_as_one_count_of_parts(demo):
    base, routes = demo
    P = named(base, routes, "priority-2")
    assert P.rules.priority_first
    got: list = []
    upper_bound(P, _floors(P), effort_s=EFFORT_S, progress=lambda f, m: got.append((f, parse_step(m))))
    first = got[0][1].params
    assert first == {"done": 1, "total": 26}  # two cuts of 1 + 12 parts, before either first pass
    assert max(s.params["done"] for _, s in got) > got[-1][1].params["total"] // 2  # the second cut reported
    fractions = [f for f, _ in got]
    assert fractions == sorted(fractions)


@pytest.mark.parametrize("stop_at", [1, 5])
def test_a_cancel_stops_the_effort_bound_between_two_runs(demo, monkeypatch, stop_at):
    base, routes = demo
    P = named(base, routes, "gen14")
    calls = _counted(monkeypatch)
    seen: list = []

    def progress(fraction, message):
        seen.append(message)
        if len(seen) == stop_at:
            raise Cancelled("cancelled by the test")

    with pytest.raises(Cancelled):
        upper_bound(P, effort_s=EFFORT_S, progress=progress)
    assert len(calls) == stop_at - 1  # no run after the cancel, none cut off
    # nothing partial is kept: the next bound of the same problem runs every part again and agrees
    calls.clear()
    assert upper_bound(P, effort_s=EFFORT_S).value == upper_bound(P, effort_s=EFFORT_S, progress=None).value
    assert len(calls) > stop_at


def test_the_normal_path_reports_no_tightening_and_is_unchanged(demo, monkeypatch):
    base, routes = demo
    P = named(base, routes, "gen14")
    got: list = []
    b = upper_bound(P, progress=lambda f, m: got.append(m))
    assert got == []
    assert b.terms == upper_bound(P).terms


def test_compute_plan_reports_the_parts_inside_the_bounds_share_and_keeps_the_effort(demo, demo_net):
    base, _ = demo
    plan = sub_plan(base, next(s for s in ALL if s.name == "gen14"))
    got: list = []
    res = compute_plan(plan, demo_net, bound_effort_s=EFFORT_S, progress=lambda f, m: got.append((f, m)))
    assert res.bound_effort_s == EFFORT_S and compute_plan(plan, demo_net).bound_effort_s is None
    tight = [f for f, m in got if m.startswith("tightening the upper bound")]
    assert tight
    # with effort the runs get nearly the whole bar: schedule_plan's 0.04-0.96, which compute_plan maps on 0.03-1
    lo, hi = 0.03 + 0.97 * 0.04, 0.03 + 0.97 * 0.96
    assert all(lo - 1e-9 <= f <= hi + 1e-9 for f in tight)
    assert tight[0] < 0.1 and max(f for f, m in got if not m.startswith("tightening")) <= 1.0
    fractions = [f for f, _ in got]
    assert fractions == sorted(fractions)
    assert res.schedule.upper_bound >= res.schedule.evacuated


def test_a_cancel_in_schedule_plan_returns_no_schedule(demo, demo_net):
    base, routes = demo
    plan = sub_plan(base, next(s for s in ALL if s.name == "gen14"))
    got: list = []

    def progress(fraction, message):
        got.append(message)
        if message.startswith("tightening"):
            raise Cancelled("cancelled by the test")

    with pytest.raises(Cancelled):
        schedule_plan(plan, demo_net, progress=progress, bound_effort_s=EFFORT_S)
    assert got[-1].startswith("tightening") and "packaging the schedule" not in got
    assert plan_fleet(plan)  # the plan is untouched and still schedules
