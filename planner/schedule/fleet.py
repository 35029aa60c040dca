"""How many buses would move everyone in this window: a search over fleet size.

Buses (vehicles without stretcher places) are scaled in proportion to each
depot's share of the plan's buses; ambulances stay as they are. The LP bound
gives the smallest fleet that could possibly be enough; heuristic runs find
one that is enough, then bisect between.

The search makes at most :data:`MAX_RUNS` heuristic runs (a count, not a
clock, so its answer is the same on any machine); ``searched`` is False when
that cut it short. A wall-clock ``deadline`` is only an opt-in on top.
"""

from __future__ import annotations

import time
from dataclasses import replace

from planner.schedule.bound import upper_bound
from planner.schedule.heuristic import VARIANTS, Dispatcher, Tables

#: Largest fleet tried, as a multiple of the plan's buses (and at least this many buses).
MAX_FACTOR = 20
MIN_CEILING = 200
#: Heuristic runs the search may make (growing the fleet, then bisecting).
MAX_RUNS = 12


def scaled_vehicles(problem, n_buses):
    """The problem's vehicles with exactly ``n_buses`` buses, spread like the original buses."""
    buses = [v for v in problem.vehicles if v.stretcher_places == 0]
    others = [v for v in problem.vehicles if v.stretcher_places > 0]
    if not buses:
        return None
    groups = {}
    for v in buses:
        groups.setdefault((v.depot_id, v.seats, v.available_s, v.profile), []).append(v)
    keys = list(groups)
    total = len(buses)
    exact = [n_buses * len(groups[k]) / total for k in keys]
    counts = [int(x) for x in exact]
    for idx in sorted(range(len(keys)), key=lambda n: counts[n] - exact[n])[: n_buses - sum(counts)]:
        counts[idx] += 1
    out = list(others)
    for k, c in zip(keys, counts):
        proto = groups[k][0]
        for n in range(c):
            out.append(replace(proto, id=f"{proto.depot_id}-x{len(out)}"))
    return out


def buses_needed(problem, fleet=None, *, current=None, deadline=None, minimums=None, max_runs=MAX_RUNS):
    """Smallest number of buses with which the heuristic moves everyone (in at most ``max_runs`` runs).

    Returns a dict: ``buses`` (int or ``None`` when no fleet size can do it),
    ``current_buses``, ``lower_bound`` (fewer buses cannot do it, by the LP
    bound), ``reason`` and ``searched`` (False when ``max_runs`` or the opt-in
    wall-clock ``deadline``, ``time.perf_counter()`` seconds, ran out first).
    ``minimums``: the priority rule's class minimums
    (:func:`planner.schedule.bound.rule_minimums` of the plan's schedule); the
    figure in the reason is then the bound under the rule, like the schedule's.
    Moving everyone meets every minimum, so they never change ``lower_bound``.
    """
    demand = problem.demand
    n_now = sum(1 for v in problem.vehicles if v.stretcher_places == 0)
    out = {"buses": None, "current_buses": n_now, "lower_bound": None, "reason": None, "searched": True}
    if demand == 0:
        out.update(buses=0, lower_bound=0)
        return out
    if n_now == 0:
        out["reason"] = "the plan has no buses to scale"
        return out

    def with_buses(n):
        return replace(problem, vehicles=scaled_vehicles(problem, n))

    def bound_ok(n):  # the aggregate bound: looser, still valid, much faster
        return upper_bound(with_buses(n), time_indexed=False, minimums=minimums).value >= demand

    runs = [0]

    def heur_ok(n):
        runs[0] += 1
        pr = with_buses(n)
        return Dispatcher(Tables(pr), VARIANTS[0]).run().evacuated >= demand

    ceiling = max(MAX_FACTOR * n_now, MIN_CEILING)
    if not bound_ok(ceiling):
        # the figure planners read: the full (time-indexed) bound, like the schedule's own
        b = upper_bound(with_buses(ceiling), minimums=minimums)
        why = "unreachable pickups" if b.reachable < demand else "window and checkpoints"
        rule = ", priority rule" if minimums else ""
        out["reason"] = (f"no fleet size moves everyone in this window ({why}{rule}: "
                         f"at most {b.value} of {demand} with {ceiling} buses)")
        out["at_most"] = int(b.value)
        return out
    hi, _ = _smallest(0, ceiling, bound_ok)
    out["lower_bound"] = hi
    # smallest fleet the heuristic manages: start from what we know
    ok_n = n_now if (current is not None and current.evacuated >= demand) else None
    n = max(hi, 1)
    if ok_n is None:
        while n <= ceiling:
            if runs[0] >= max_runs or (deadline is not None and time.perf_counter() > deadline):
                out["searched"] = False
                return out
            if heur_ok(n):
                ok_n = n
                break
            n = max(n + 1, int(n * 1.5))
        if ok_n is None:
            out["reason"] = "the heuristic found no fleet size that moves everyone"
            return out
    # the bound says hi - 1 buses cannot
    out["buses"], out["searched"] = _smallest(hi - 1, ok_n, heur_ok, deadline,
                                              more=lambda: runs[0] < max_runs)
    return out


def _smallest(lo, hi, ok, deadline=None, more=None):
    """Bisect for the smallest n in (lo, hi] with ok(n), given ok(hi) and not ok(lo).

    Returns (n, complete): complete is False when ``more()`` turned False or the
    deadline passed before the end (n then still passes, but a smaller one might too)."""
    while hi - lo > 1:
        if (more is not None and not more()) or (deadline is not None and time.perf_counter() > deadline):
            return hi, False
        mid = (lo + hi) // 2
        if ok(mid):
            hi = mid
        else:
            lo = mid
    return hi, True
