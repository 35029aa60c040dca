"""The convoy scheduler against an exact CP-SAT model on small instances of the real demo network (issue 11).

For each instance of :mod:`tests.exact.instances` (sub-plans of the bundled
Neubrandenburg demo: 2 to 8 buses, 1 to 3 assembly points, 1 to 3 checkpoints,
windows where the fleet, the window, the checkpoint lanes and service times, the
opening hours, the escorts or the destination capacity bind):

- the heuristic's schedule (:func:`planner.schedule.solve`) passes
  :func:`planner.schedule.check`;
- the exact model (:mod:`tests.exact.cpsat`) is solved to proven optimality
  (status OPTIMAL, one worker, a deterministic time limit) and its own schedule
  passes :func:`planner.schedule.check` with exactly the optimum's people out.
  The model has no discretisation (whole seconds, as every datum of a
  Problem) and enumerates every round type with as many slots as any schedule
  can use, so its optimum is the true optimum; that its schedule passes the
  independent checker shows it is also no looser than the problem;
- the upper bound (:func:`planner.schedule.upper_bound`) is >= that optimum,
  a feasible schedule's value, so the check holds whatever the model's reach;
- the heuristic reaches >= 95 % of the optimum.

``pytest -s`` prints the table (instance, what binds, heuristic, optimum, bound).
"""

from __future__ import annotations

import pytest

from planner.plan import load_plan
from planner.schedule import check, route_all, solve, upper_bound
from tests.exact import cpsat
from tests.exact.instances import SELECTED, UNPROVEN, problem

pytestmark = pytest.mark.slow

#: Deterministic work limit per solver stage (about seconds on this machine).
LIMIT = 3.0

#: Heuristic below 95 % of the optimum (scheduler bugs reported to the lead; strict: they must fail until fixed).
HEURISTIC_SHORT = {
    "window-short": "a round too long for the window is retried with fewer vehicles, never with fewer people "
                    "per vehicle: 0 people out where 85 fit (5 buses each 17 people)",
    "cp-convoy-size": "checkpoint-bound with max_convoy 3: heuristic 250 of optimum 297",
}


@pytest.fixture(scope="module")
def demo(demo_net, demo_plan_path):
    base = load_plan(demo_plan_path)
    return base, route_all(base, demo_net)


_ROWS: dict = {}


@pytest.fixture(scope="module")
def table():
    yield _ROWS
    if _ROWS:
        head = f"{'instance':18} {'binds':34} {'heuristic':>9} {'optimum':>8} {'bound':>6} {'status':>9}"
        print("\n" + head + "\n" + "-" * len(head))
        for name, row in _ROWS.items():
            print(f"{name:18} {row['binds']:34} {row['heuristic']:>9} {row['optimum']:>8} {row['bound']:>6} "
                  f"{row['status']:>9}")


def _run(spec, demo, table):
    if spec.name in table:
        return table[spec.name]
    base, routes = demo
    _, P = problem(base, routes, spec)
    heur = solve(P)
    bound = upper_bound(P)
    exact = cpsat.solve(P, LIMIT, warm=heur)
    row = {"binds": spec.binds, "heuristic": heur.evacuated, "optimum": exact.value, "bound": bound.value,
           "status": exact.status, "P": P, "heur": heur, "exact": exact, "bound_obj": bound}
    if P.rules.priority_first:
        row["heuristic"] = f"{heur.evacuated} {heur.key(P)[:len(exact.classes)]}"
        row["optimum"] = f"{exact.value} {exact.classes}"
    table[spec.name] = row
    return row


@pytest.mark.parametrize("spec", SELECTED, ids=lambda s: s.name)
def test_exact_optimum_checked_and_bound_above_it(spec, demo, table):
    row = _run(spec, demo, table)
    P, heur, exact, bound = row["P"], row["heur"], row["exact"], row["bound_obj"]
    assert [str(v) for v in check(P, heur)] == []
    assert exact.status == "OPTIMAL", exact.stages
    assert [str(v) for v in check(P, exact.solution)] == []
    assert exact.solution.evacuated == exact.value
    assert bound.value >= exact.value, f"bound {bound.value} ({bound.binding}) below the optimum {exact.value}"


@pytest.mark.parametrize(
    "spec",
    [pytest.param(s, marks=pytest.mark.xfail(strict=True, reason=HEURISTIC_SHORT[s.name]))
     if s.name in HEURISTIC_SHORT else s for s in SELECTED],
    ids=lambda s: s.name,
)
def test_heuristic_reaches_95_percent_of_the_optimum(spec, demo, table):
    row = _run(spec, demo, table)
    P, heur, exact = row["P"], row["heur"], row["exact"]
    assert exact.status == "OPTIMAL"
    if P.rules.priority_first:
        # the first class of the priority rule, then people out
        first = heur.key(P)[0]
        assert first >= 0.95 * exact.classes[0]
    assert heur.evacuated >= 0.95 * exact.value, f"heuristic {heur.evacuated}, optimum {exact.value}"


@pytest.mark.parametrize("spec", UNPROVEN, ids=lambda s: s.name)
def test_heuristic_short_of_a_checked_schedule(spec, demo, table):
    """Instances the model does not prove within the limit: its best schedule, checked, is a lower bound
    on the optimum, so the bound must be above it and the heuristic should reach 95 % of it."""
    row = _run(spec, demo, table)
    P, heur, exact, bound = row["P"], row["heur"], row["exact"], row["bound_obj"]
    assert [str(v) for v in check(P, exact.solution)] == []
    assert bound.value >= exact.value
    assert heur.evacuated >= 0.95 * exact.value, f"heuristic {heur.evacuated}, a checked schedule {exact.value}"
