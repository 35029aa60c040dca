"""The checkpoint passage windows term of the bound (:mod:`planner.schedule.windows`) on real problems.

- its overlap formula against a brute force over the passage's possible starts;
- on the 50 buses / 30 assembly points / 20 checkpoints benchmark plan (real network): at least what the
  scheduler's checked schedule carries, and strictly below the fleet term (windows bind there);
- on the small instances of the exact test (sub-plans of the demo plan): never below the CP-SAT optimum
  (proven, or the best checked schedule for the instances the model does not prove);
- wired into :func:`planner.schedule.upper_bound` on the tightening path (``effort_s``) only.
"""

from __future__ import annotations

import numpy as np
import pytest

from planner.plan import load_plan
from planner.schedule import check, route_all, solve, upper_bound
from planner.schedule.timing import Timetable
from planner.schedule.windows import mandatory, universal_checkpoints, window_cut
from tests.benchplans import plan50, problem

NAME = "checkpoint passage windows"


def _term(P):
    b = upper_bound(P)
    return b, window_cut(P, None, b.reachable_pickups, b.reachable, Timetable(P).usable)


def test_mandatory_overlap_is_the_least_over_every_start():
    rng = np.random.default_rng(11)
    for _ in range(300):
        p = float(rng.integers(1, 60))
        es = float(rng.integers(0, 100))
        ls = es + float(rng.integers(0, 80))
        t1 = float(rng.integers(0, 150))
        t2 = t1 + float(rng.integers(0, 120))
        starts = np.linspace(es, ls, 401)
        brute = np.min(np.clip(np.minimum(starts + p, t2) - np.maximum(starts, t1), 0.0, None))
        assert float(mandatory(p, es, ls, t1, t2)) == pytest.approx(brute, abs=1e-9)


@pytest.fixture(scope="module")
def p50(demo_net):
    return problem(plan50(demo_net), demo_net)


@pytest.mark.slow  # the plan's schedule and the cut: seconds
def test_plan50_windows_cut_below_the_fleet_term_and_above_its_schedule(p50):
    P = p50
    cs = universal_checkpoints(P)
    pk = {p.id for p in P.pickups}
    dests = {d.id for d in P.destinations}
    finals = [lg for legs in P.legs.values() for (a, b), lg in legs.items() if a in pk and b in dests]
    assert cs and all(set(cs) <= {c for c, _ in lg.checkpoints} for lg in finals)
    b, w = _term(P)
    sol = solve(P)
    assert [str(v) for v in check(P, sol)] == []
    assert w is not None
    assert sol.evacuated <= w < b.terms["fleet"], (sol.evacuated, w, b.terms)
    # the normal path leaves it out: the other terms are as they were
    assert NAME not in b.terms


@pytest.fixture(scope="module")
def demo(demo_net, demo_plan_path):
    base = load_plan(demo_plan_path)
    return base, route_all(base, demo_net)


def _instances():
    from tests.exact.instances import SELECTED, UNPROVEN

    return [(s, True) for s in SELECTED] + [(s, False) for s in UNPROVEN]


@pytest.mark.slow  # the exact model on 39 instances: about 45 s
@pytest.mark.parametrize("spec,proven", _instances(), ids=lambda s: getattr(s, "name", ""))
def test_windows_cut_never_below_the_exact_optimum(spec, proven, demo):
    from tests.exact import cpsat
    from tests.exact.instances import problem as sub_problem

    base, routes = demo
    _, P = sub_problem(base, routes, spec)
    heur = solve(P)
    _, w = _term(P)
    exact = cpsat.solve(P, 3.0 if proven else 0.5, warm=heur)
    if proven:
        assert exact.status == "OPTIMAL", exact.stages
    assert [str(v) for v in check(P, exact.solution)] == []
    assert w is None or w >= exact.value, f"windows {w} below the optimum {exact.value}"


def test_upper_bound_names_the_term_on_the_tightening_path_only(demo):
    from tests.exact.instances import SELECTED
    from tests.exact.instances import problem as sub_problem

    base, routes = demo
    spec = next(s for s in SELECTED if s.name == "fleet-2bus")
    _, P = sub_problem(base, routes, spec)
    plain = upper_bound(P)
    tight = upper_bound(P, effort_s=0.2)
    assert NAME not in plain.terms
    assert NAME in tight.terms
    assert tight.terms[NAME] >= solve(P).evacuated
    # every other term the same
    assert {k: v for k, v in tight.terms.items() if k in plain.terms and k != "checkpoints in sequence"} == {
        k: v for k, v in plain.terms.items() if k != "checkpoints in sequence"
    }
