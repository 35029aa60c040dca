"""The runs of the scheduler and the choice among them: every constructive setting and, where some pickups
lie a short cycle from a destination, the wave run (:mod:`.waves`), then the local search from the best
(under the priority rule also from the best without it, converted), then repeat rounds on the best
(:mod:`.repeat`), by the objective."""

from __future__ import annotations

from dataclasses import replace

# the search, the conversion, the repeat rounds and the repair load with the package, not with the first
# schedule of a process
from planner.schedule import convert as _convert
from planner.schedule import repair as _repair  # noqa: F401 (engine.construct imports it when it runs)
from planner.schedule import repeat as _repeat
from planner.schedule import search as _search
from planner.schedule import waves as _waves
from planner.schedule.engine import ALL_SETTINGS_UP_TO, PRICED_ONLY_FROM, SETTINGS, construct
from planner.schedule.model import Problem, Solution


def runs(problem: Problem, settings=SETTINGS, search=True, waves=True) -> list:
    """Every constructive run: each setting, class by class and for everyone at once; with ``search``, then
    the best of them improved by the local search (:func:`.search.improve`), by the objective and, under the
    priority rule, by people out alone (the schedule without the rule is reported too), and the best of all
    by each of these objectives with repeat rounds (:func:`.repeat.repeat`), when that is better by it.

    With ``waves`` (up to :data:`.repeat.UP_TO` vehicles x pickups) the wave run of :mod:`.waves` too, for
    everyone at once and, under the priority rule, class by class. Priced settings run class by class only,
    and only with two destinations or more. Above
    :data:`.engine.ALL_SETTINGS_UP_TO` vehicles x pickups only the first setting and the priced ones run; above
    :data:`.engine.PRICED_ONLY_FROM` the first and the last priced one, class by class.
    """
    out = []
    size = len(problem.vehicles) * len(problem.pickups)
    modes: tuple = (True, False)
    if len(problem.destinations) < 2:
        # prices steer rounds between destinations behind different checkpoints: nothing to steer with one
        settings = tuple(s for s in settings if s.price <= 0) or settings[:1]
    if size > PRICED_ONLY_FROM:
        last = tuple(s for s in settings[1:] if s.price > 0)[-1:]
        settings, modes = settings[:1] + last, ((True,) if last else modes)  # time: one run of each
    elif size > ALL_SETTINGS_UP_TO:
        settings = settings[:1] + tuple(s for s in settings[1:] if s.price > 0)
    for s in settings:
        for by_class in modes if s.price <= 0 else (True,):
            sol = construct(problem, s, by_class)
            sol.settings = f"{s.name}{'' if by_class else ', everyone at once'}"
            sol.run = (s, by_class)
            out.append(sol)
    if waves and size <= _repeat.UP_TO:
        # short first rounds, the short-cycle pickups held back for their second rounds (.waves)
        for s in _waves.SETTINGS:
            for by_class in (False, True) if problem.rules.priority_first else (False,):
                wave = _waves.construct(problem, s, by_class)
                if wave is None:
                    break  # no pickup has a short cycle
                wave.settings = f"{s.name}{', class by class' if by_class else ''}"
                wave.run = (s, by_class)
                out.append(wave)
    if search:
        targets = [problem]
        if problem.rules.priority_first:
            # without the rule first: its best, converted to the rule (.convert), may start the rule's search
            targets.insert(0, replace(problem, rules=replace(problem.rules, priority_first=False)))
        for Q in targets:
            best = best_of(Q, out)
            budgets = (_search.BUDGET, _search.MULTI_BUDGET)
            if Q is problem and len(targets) > 1:
                conv = _convert.to_rule(Q, best_of(targets[0], out), settings[0], rival=best)
                if conv is not None and conv.key(Q) > best.key(Q):
                    conv.run, best = (settings[0], True), conv
                    out.append(conv)
                    budgets = _search.CONVERTED_BUDGETS  # the conversion is a search under the rule already
            s, by_class = best.run or (settings[0], True)
            by_class = by_class and Q.rules.priority_first
            imp = _search.improve(Q, best, s, budget=budgets[0], by_class=by_class, multi_budget=budgets[1])
            if imp is not best:
                imp.run = best.run
                out.append(imp)
        # repeat rounds (.repeat) on the best of all, for each objective: kept only when better by it
        for Q in targets:
            rep = _repeat.repeat(Q, best_of(Q, out), settings[0])
            if rep is not None:
                out.append(rep)
    return out


def best_of(problem: Problem, sols) -> Solution:
    """The best solution by the objective of ``problem`` (:meth:`Solution.key`); the first of equals."""
    best = None
    for sol in sols:
        if best is None or sol.key(problem) > best.key(problem):
            best = sol
    if best is None:
        raise ValueError("best_of needs at least one solution")
    return best


def solve(problem: Problem, settings=SETTINGS) -> Solution:
    """The best of :func:`runs` by the objective (so without the rule it moves at least as many as with it)."""
    return best_of(problem, runs(problem, settings))


__all__ = ["best_of", "runs", "solve"]
