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
from planner.schedule.engine import ALL_SETTINGS_UP_TO, PRICED_ONLY_FROM, SETTINGS, construct, latest_departures
from planner.schedule.model import Problem, Solution


def runs(problem: Problem, settings=SETTINGS, search=True, waves=True) -> list:
    """Every constructive run: each setting, class by class and for everyone at once; with ``search``, then
    the best of them improved by the local search (:func:`.search.improve`), by the objective and, under the
    priority rule, by people out alone (the schedule without the rule is reported too), and the best of all
    by each of these objectives with repeat rounds (:func:`.repeat.repeat`), when that is better by it.

    With ``waves`` (up to :data:`.repeat.UP_TO` vehicles x pickups) the wave run of :mod:`.waves` too, for
    everyone at once and, under the priority rule, class by class. Without the rule the best wave run starts
    the search in place of the runs' best when it beats it; under the rule the starts and the conversion are
    chosen among the other runs as if there were no wave runs (a search from a wave run may end lower), the
    wave runs are candidates beside them, and the repeat rounds try the best of those others: the rule's
    schedule is never worse by its objective than without the wave runs. Priced settings
    run class by class only, and only with two destinations or more. Above
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
    waved: list = []  # the wave runs (.waves): starts of the search without the rule, candidates under it
    if waves and size <= _repeat.UP_TO:
        # short first rounds, the short-cycle pickups held back for their second rounds
        for s in _waves.SETTINGS:
            for by_class in (False, True) if problem.rules.priority_first else (False,):
                wave = _waves.construct(problem, s, by_class)
                if wave is None:
                    break  # no pickup has a short cycle
                wave.settings = f"{s.name}{', class by class' if by_class else ''}"
                wave.run = (s, by_class)
                waved.append(wave)
    if not search:
        return out + waved
    targets = [problem]
    if problem.rules.priority_first:
        # without the rule first: its best, converted to the rule (.convert), may start the rule's search
        targets.insert(0, replace(problem, rules=replace(problem.rules, priority_first=False)))
    # ``out``: the constructive's runs and the searches from them, as without the wave runs (the rule's starts
    # come from them only: a search under the rule from a wave run may end below the one from these)
    found: list = []  # the searches from wave runs
    for Q in targets:
        best = best_of(Q, out)
        budgets = (_search.BUDGET, _search.MULTI_BUDGET)
        if Q is problem and len(targets) > 1:
            conv = _convert.to_rule(Q, best_of(targets[0], out), settings[0], rival=best)
            if conv is not None and conv.key(Q) > best.key(Q):
                conv.run, best = (settings[0], True), conv
                out.append(conv)
                budgets = _search.CONVERTED_BUDGETS  # the conversion is a search under the rule already
        # without the rule, the best wave run (everyone at once) starts a search when it beats the runs' best
        # (only when that is the objective: under the rule the schedule without it is only reported, time)
        free = [w for w in waved if not w.run[1]] if Q is problem and not Q.rules.priority_first else []
        wave = best_of(Q, free) if free else None
        wave = wave if wave is not None and wave.key(Q) > best.key(Q) else None
        for start in [best] if wave is None else [wave]:
            s, by_class = start.run or (settings[0], True)
            by_class = by_class and Q.rules.priority_first
            imp = _search.improve(Q, start, s, budget=budgets[0], by_class=by_class, multi_budget=budgets[1])
            if imp is not start:
                imp.run = start.run
                (found if start is wave else out).append(imp)
    # repeat rounds (.repeat) on the best, for each objective: kept only when better by it; under the rule on
    # the best of the runs without waves (a wave run has its second rounds already; time)
    every = out + waved + found
    for Q in targets:
        rep = _repeat.repeat(Q, best_of(Q, out if Q.rules.priority_first else every), settings[0])
        if rep is not None:
            every.append(rep)
    return every


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
    """The best of :func:`runs` by the objective (so without the rule it moves at least as many as with it),
    with its rounds' latest safe departures."""
    return latest_departures(problem, best_of(problem, runs(problem, settings)))


__all__ = ["best_of", "runs", "solve"]
