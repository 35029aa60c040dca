"""The convoy-level exact model of ``benchmarks/exact_convoys`` (run by ``benchmarks/exact_demo.py``) against
the scheduler, the checker and the vehicle-level exact model of the tests (tests/exact/cpsat.py).

- On the bundled demo, the scheduler's schedule fixed into the model (round types, vehicle counts, loads,
  departures, passage starts) is feasible there, and the model's schedule of it passes
  :func:`planner.schedule.check` and the script's own recomputation of every time (``recheck``).
- On the small instances of tests/exact/instances.py the model accepts (no escorts), its proven optimum
  (class by class under the priority rule) equals the vehicle-level model's where that one is proven, is
  at least it otherwise, and its schedule passes :func:`planner.schedule.check` with that many people.
- On the demo under the priority rule, the first class (stretcher cases of priority 1) is proven at 12,
  the scheduler's, by the visit cuts (an ambulance can pass P4 in one round only).
"""

from __future__ import annotations

import pytest

from benchmarks.exact_convoys.data import data, visit_cuts
from benchmarks.exact_convoys.model import build, fix
from benchmarks.exact_convoys.solve import _ST, _solver, recheck, solve_stages, to_solution
from planner.plan import load_plan
from planner.schedule import check, route_all, solve
from planner.schedule.model import class_counts
from tests.exact import cpsat
from tests.exact.instances import SELECTED, problem

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo(demo_net, demo_plan_path):
    base = load_plan(demo_plan_path)
    return base, route_all(base, demo_net)


@pytest.fixture(scope="module")
def demo_problem(demo_net, demo_plan_path):
    from planner.schedule import build_problem, plan_fleet

    plan = load_plan(demo_plan_path)
    fleet = plan_fleet(plan)
    return build_problem(plan, route_all(plan, demo_net, fleet, lambda *a: None), fleet)


def test_scheduler_schedule_is_feasible_in_the_model_and_its_image_passes_check(demo_problem):
    P = demo_problem
    heur = solve(P)
    assert check(P, heur) == []
    D = data(P)
    M = build(D)
    fix(M, heur)
    sv = _solver(60, 1)
    st = sv.solve(M.m)
    assert _ST.get(st) in ("OPTIMAL", "FEASIBLE")
    assert sv.value(M.people) == heur.evacuated
    sol = to_solution(M, sv)
    assert [str(v) for v in check(P, sol)] == []
    assert recheck(P, sol) == []
    assert recheck(P, heur) == []
    assert class_counts(P.pickups, sol.taken()) == class_counts(P.pickups, heur.taken())


def test_recheck_finds_a_broken_passage(demo_problem):
    """The script's own recomputation is not a rubber stamp: a passage cut short and one too early fail."""
    P = demo_problem
    heur = solve(P)
    p = heur.rounds[0].passes[-1]
    p.clear = p.start + 60
    assert any("served" in b for b in recheck(P, heur))
    q = heur.rounds[0].passes[0]
    q.start -= 600
    assert any("before arrival" in b for b in recheck(P, heur))


@pytest.mark.parametrize("spec", [s for s in SELECTED if s.escort_teams is None], ids=lambda s: s.name)
def test_convoy_model_agrees_with_the_vehicle_model(spec, demo):
    base, routes = demo
    _, P = problem(base, routes, spec)
    M = build(data(P))
    stages = [(f"c{i}", c) for i, c in enumerate(M.classes)] if P.rules.priority_first else []
    stages.append(("total", M.people))
    res, sv = solve_stages(M, stages, 30, 1, log=lambda *a: None)
    assert all(r.status == "OPTIMAL" for r in res), res
    sol = to_solution(M, sv)
    assert [str(v) for v in check(P, sol)] == []
    assert recheck(P, sol) == []
    assert sol.evacuated == res[-1].value
    ref = cpsat.solve(P, 3.0)
    if ref.status == "OPTIMAL":
        assert res[-1].value == ref.value
        if P.rules.priority_first:
            assert tuple(r.value for r in res[:-1])[: len(ref.classes)] == tuple(ref.classes)
    else:
        assert res[-1].value >= ref.value


def test_demo_first_priority_class_is_proven_at_twelve(demo_problem):
    P = demo_problem
    D = data(P)
    cuts = {(k, S) for k, S, _ in visit_cuts(D)}
    assert ("amb", ("P4",)) in cuts
    M = build(D)
    res, _ = solve_stages(M, [("stretcher prio 1", M.classes[0])], 120, 1, log=lambda *a: None)
    assert res[0].status == "OPTIMAL" and res[0].value == 12
