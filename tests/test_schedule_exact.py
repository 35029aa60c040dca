"""The convoy scheduler against an exact CP-SAT model on small instances of the real demo network (issue 11).

For each instance of :mod:`tests.exact.instances` (sub-plans of the bundled
Neubrandenburg demo: 2 to 8 buses, 1 to 3 assembly points, 1 to 3 checkpoints,
windows where the fleet, the window, the checkpoint lanes and service times, the
opening hours, the escorts or the destination capacity bind):

- the heuristic's schedule (:func:`planner.schedule.solve`) passes
  :func:`planner.schedule.check`;
- the exact model (:mod:`tests.exact.cpsat`) is solved to proven optimality
  (status OPTIMAL, one worker, a deterministic work limit, so the same answer
  under any load) and its own schedule passes :func:`planner.schedule.check`
  with exactly the optimum's people out, and the optimum is at least the
  heuristic's (a checked schedule);
- the upper bound (:func:`planner.schedule.upper_bound`) is >= that optimum;
- the heuristic reaches >= 95 % of the optimum (shortfalls: strict xfail, each
  with its cause, until the engine is fixed).

Which way the model's simplifications go: **none is a discretisation**. Every
datum of a Problem is whole seconds and the model's times are whole seconds,
so its optimum is the true optimum of the contract (the checker's 1 s slack is
not used: if anything the model is stricter than the checker, and its
schedules pass it). Round types are all enumerated and each has as many slots
as any schedule can use of it (proven caps, :func:`tests.exact.cpsat._copies`),
so no schedule is cut off; vehicles are counted, not named, which is exact for
one kind of vehicle (:func:`tests.exact.cpsat.build`). What the model does not
cover (several destinations, several kinds of vehicle, stretcher places,
nights and overnight halts) it refuses, so these limit the instances, not the
solutions. Hence "bound >= optimum" is against the true optimum (and against a
checked schedule, so it holds whatever the model's reach), and "heuristic >=
95 % of the optimum" is the real claim. Instances the model does not prove
within the limit are kept apart (``UNPROVEN``): their best checked schedule is
a lower bound on the optimum, so the bound must be above it and 95 % of it is
already a necessary condition for the heuristic.

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

#: Deterministic work limit for the instances the model does not prove (their best schedule is a lower bound).
LIMIT_UNPROVEN = 0.5

#: Heuristic below 95 % of the optimum: scheduler shortfalls reported to the lead (strict: they must fail
#: until the engine is fixed, then the mark goes). Fixed: loads cut to what fits and the largest vehicle
#: count that fits (planner/schedule/fit.py) for window-short, hours-2cp, cp-convoy-size, hours-cp1-tight,
#: cp-lanes-1-tight, cp-lanes-3-tight; priority-small (96 of 100, classes 10, 40, 46: the second round queued
#: behind the first at CP1 in commit order) by the local search's reorder (planner/schedule/search.py).
HEURISTIC_SHORT: dict = {}
#: Instances on which the heuristic reaches the optimum itself (by class under the priority rule), measured
#: 2026-12-01: a regression below it fails here, not only below 95 %.
HEURISTIC_AT_OPTIMUM = ("priority-small", "priority-cp", "capacity", "hours-2cp", "cp-convoy-size", "window-short")
#: The same for the instances the model does not prove: a checked schedule of the model beats the heuristic.
#: Fixed likewise: fleet-3bus-2dep, cp-person-s, gen29, window-2pk (more vehicles, fewer people each).
HEURISTIC_SHORT_UNPROVEN: dict = {}


@pytest.fixture(scope="module")
def demo(demo_net, demo_plan_path):
    base = load_plan(demo_plan_path)
    return base, route_all(base, demo_net)


_ROWS: dict = {}


@pytest.fixture(scope="module")
def table():
    yield _ROWS
    if _ROWS:
        head = (
            f"{'instance':16} {'binds':34} {'demand':>6} {'heuristic':>18} {'optimum':>16} {'bound':>5} "
            f"{'status':>8} {'model s':>7}"
        )
        print("\n" + head + "\n" + "-" * len(head))
        for name, row in _ROWS.items():
            print(
                f"{name:16} {row['binds']:34} {row['P'].demand:>6} {row['heuristic']!s:>18} {row['optimum']!s:>16} "
                f"{row['bound']:>5} {row['status']:>8} {row['exact'].wall_s:>7.2f}"
            )


def _run(spec, demo, table, limit=LIMIT):
    if spec.name in table:
        return table[spec.name]
    base, routes = demo
    _, P = problem(base, routes, spec)
    heur = solve(P)
    bound = upper_bound(P)
    exact = cpsat.solve(P, limit, warm=heur)
    binds = spec.binds
    if spec.name.startswith("gen"):  # random: what the bound names, or nothing when everyone gets out
        binds = "random: " + ("none (all out)" if exact.value >= P.demand else bound.binding)
    row = {
        "binds": binds,
        "heuristic": heur.evacuated,
        "optimum": exact.value,
        "bound": bound.value,
        "status": exact.status,
        "P": P,
        "heur": heur,
        "exact": exact,
        "bound_obj": bound,
    }
    if P.rules.priority_first:
        row["heuristic"] = f"{heur.evacuated} {tuple(heur.key(P)[: len(exact.classes)])}"
        row["optimum"] = f"{exact.value} {tuple(exact.classes)}"
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
    # the model holds every checked schedule, the heuristic's among them (else it would be too tight)
    assert exact.value >= heur.evacuated
    assert bound.value >= exact.value, f"bound {bound.value} ({bound.binding}) below the optimum {exact.value}"


@pytest.mark.parametrize(
    "spec",
    [
        pytest.param(s, marks=pytest.mark.xfail(strict=True, reason=HEURISTIC_SHORT[s.name]))
        if s.name in HEURISTIC_SHORT
        else s
        for s in SELECTED
    ],
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


@pytest.mark.parametrize("name", HEURISTIC_AT_OPTIMUM)
def test_heuristic_reaches_the_optimum_where_it_did(name, demo, table):
    spec = next(s for s in SELECTED if s.name == name)
    row = _run(spec, demo, table)
    P, heur, exact = row["P"], row["heur"], row["exact"]
    assert exact.status == "OPTIMAL"
    assert heur.evacuated == exact.value
    if P.rules.priority_first:
        # every class of the priority rule, in order (priority-small: 10, 40, 50, not 10, 40, 46)
        assert tuple(heur.key(P)[: len(exact.classes)]) == tuple(exact.classes)


@pytest.mark.parametrize("spec", UNPROVEN, ids=lambda s: s.name)
def test_bound_above_a_checked_schedule_of_an_unproven_instance(spec, demo, table):
    """Instances the model does not prove within the limit: its best schedule, checked, is a lower bound
    on the optimum, so the bound must be above it."""
    row = _run(spec, demo, table, LIMIT_UNPROVEN)
    P, exact, bound = row["P"], row["exact"], row["bound_obj"]
    assert [str(v) for v in check(P, row["heur"])] == []
    assert [str(v) for v in check(P, exact.solution)] == []
    assert bound.value >= exact.value


@pytest.mark.parametrize(
    "spec",
    [
        pytest.param(s, marks=pytest.mark.xfail(strict=True, reason=HEURISTIC_SHORT_UNPROVEN[s.name]))
        if s.name in HEURISTIC_SHORT_UNPROVEN
        else s
        for s in UNPROVEN
    ],
    ids=lambda s: s.name,
)
def test_heuristic_reaches_95_percent_of_a_checked_schedule(spec, demo, table):
    """On the unproven instances: 95 % of a feasible schedule is less than 95 % of the optimum."""
    row = _run(spec, demo, table, LIMIT_UNPROVEN)
    heur, exact = row["heur"], row["exact"]
    assert heur.evacuated >= 0.95 * exact.value, f"heuristic {heur.evacuated}, a checked schedule {exact.value}"


@pytest.mark.parametrize("name", ["window-short", "hours-cp1-tight", "escort-1-short"])
def test_exact_optimum_grows_when_a_limit_is_relaxed(name, demo):
    """The model's optimum is monotone: a longer window, one more bus, more escort teams never lower it."""
    from dataclasses import replace

    from tests.exact.instances import ALL

    spec = next(s for s in ALL if s.name == name)
    base, routes = demo
    fleet = {d: dict(v) for d, v in spec.fleet.items()}
    depot = next(iter(fleet))
    fleet[depot]["bus"] += 1
    looser = [
        replace(spec, window_h=spec.window_h + 0.25),
        replace(spec, fleet=fleet),
        replace(spec, escort_teams=None if spec.escort_teams is None else spec.escort_teams + 1),
    ]
    ref = cpsat.solve(problem(base, routes, spec)[1], LIMIT)
    assert ref.status == "OPTIMAL"
    for sp in looser:
        got = cpsat.solve(problem(base, routes, sp)[1], LIMIT)
        assert got.status == "OPTIMAL"
        assert got.value >= ref.value, (sp, got.value, ref.value)


@pytest.mark.parametrize("spec", [s for s in SELECTED if s.priority_first], ids=lambda s: s.name)
def test_rule_floors_hold_for_the_lexicographic_optimum_and_the_floored_bound_is_above_it(spec, demo, table):
    """Under the priority rule the bound takes floors from the heuristic's class counts
    (planner/schedule/bound.py ``rule_floors``): the proven lexicographic optimum carries at least each
    floor, and the floored bound is >= the optimum's people (which meet the floors)."""
    from planner.schedule.model import class_counts, class_order

    row = _run(spec, demo, table)
    P, heur, exact = row["P"], row["heur"], row["exact"]
    assert exact.status == "OPTIMAL"
    counts = class_counts(P.pickups, heur.taken())
    B = upper_bound(P, counts)
    assert B.floors, "a floor on the first class at least"
    order = class_order(P.pickups)
    for cls, n in B.floors.items():
        assert exact.classes[order.index(cls)] >= n, (cls, n, exact.classes)
    assert B.unfloored == row["bound"] and B.value <= B.unfloored
    assert B.value >= exact.value, f"floored bound {B.value} ({B.binding}) below the optimum {exact.value}"
