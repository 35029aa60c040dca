"""How many buses would move everyone in this window (design section 6: "what it would take")."""

from __future__ import annotations

from dataclasses import replace

from planner.schedule.bound import upper_bound
from planner.schedule.builder import State
from planner.schedule.engine import SETTINGS, extend
from planner.schedule.model import Problem, Vehicle
from planner.schedule.repair import repair

#: Searched fleet sizes: up to this many times the plan's buses (and at least this many buses).
MAX_FACTOR = 8
MIN_CEILING = 60
#: Constructive runs the search makes at most (a bisection; deterministic, no clock).
MAX_RUNS = 9
MAX_RUNS_LARGE = 3  # above 20,000 vehicles x pickups: the answer to within a quarter of the range
#: Above this many ceiling buses x pickups the whole bound (reusing the plan's bound's work, :attr:`.Bound.shared`)
#: is tried before the constructive run with the ceiling's fleet (on 500 buses / 200 pickups a tenth of the run's
#: time; on 50 buses / 30 pickups it proves nothing). The quick bound (fleet and escort terms) is always tried.
BOUND_FIRST_FROM = 20_000


def _with_buses(P: Problem, n: int) -> Problem:
    """``P`` with ``n`` buses, spread over the depots in the plan's proportions (ambulances unchanged)."""
    buses = [v for v in P.vehicles if v.stretcher_places == 0 and v.seats > 0]
    others = [v for v in P.vehicles if not (v.stretcher_places == 0 and v.seats > 0)]
    if not buses:
        return P
    out = []
    for i in range(n):
        b = buses[i % len(buses)]
        out.append(Vehicle(f"{b.id}+{i}" if i >= len(buses) else b.id, b.depot, b.seats, 0, b.available_s, b.profile))
    return replace(P, vehicles=others + out)


def buses_needed(P: Problem, current, reachable=None, bound=None) -> dict:
    """The fewest buses with which the constructive moves every reachable person, or why none is found.

    ``bound``: the :class:`~.bound.Bound` of ``P``, whose work that does not depend on the number of buses
    the bounds of larger fleets reuse (optional: the same answer without it).

    Returns ``{"buses", "current_buses", "reason"}`` (``buses`` ``None`` when not found).
    """
    buses = sum(1 for v in P.vehicles if v.stretcher_places == 0 and v.seats > 0)
    target = P.demand if reachable is None else reachable
    out = {"buses": None, "current_buses": buses, "reason": ""}
    if buses == 0:
        out["reason"] = "the plan has no buses"
        return out
    if current.evacuated >= target:
        out["buses"] = buses
        return out
    hi = max(buses * MAX_FACTOR, MIN_CEILING)
    ceiling = _with_buses(P, hi)
    shared = None if bound is None else bound.shared
    # the fleet and escort terms first (milliseconds): with buses to spare the stretcher places may bind
    bound = upper_bound(ceiling, shared=shared, quick=True)
    if bound.value >= target and hi * len(P.pickups) > BOUND_FIRST_FROM:
        bound = upper_bound(ceiling, shared=shared)
    if bound.value < target:
        # proven, and far quicker than a constructive run with the whole ceiling's fleet
        # with buses to spare the fleet term binds only through the stretcher places
        why = "stretcher places" if bound.binding == "fleet" else "checkpoints, escorts or the window"
        out["reason"] = (
            f"no schedule moves everyone even with {hi} buses: at most {bound.value} of {target} "
            f"({bound.binding}): {why} bind, not the buses"
        )
        return out
    moved = _moved(ceiling, target)
    runs = 1
    if moved < target:
        out["reason"] = (
            f"even {hi} buses move {moved} of {target}: checkpoints, escorts or the window bind, not the fleet"
        )
        return out
    lo = _proven_short(P, buses, hi, target, shared)
    limit = MAX_RUNS if len(P.vehicles) * len(P.pickups) <= 20_000 else MAX_RUNS_LARGE
    while hi - lo > 1 and runs < limit:
        mid = (lo + hi) // 2
        runs += 1
        if _moved(_with_buses(P, mid), target) >= target:
            hi = mid
        else:
            lo = mid
    out["buses"] = hi
    if hi - lo > 1:
        out["reason"] = f"between {lo + 1} and {hi} buses (search stopped after {runs} runs)"
    return out


def _moved(P: Problem, target: int) -> int:
    """People :func:`.engine.construct` moves with ``P``'s fleet, or as many as it moves before its repair when
    that is ``target`` or more already (the repair only ever adds people: the same answer to "everyone?")."""
    S = extend(State(P), SETTINGS[0])
    moved = S.people_out
    if moved >= target:
        return moved
    # construct's figure (its finish only adds latest departures)
    return repair(S, SETTINGS[0]).people_out


def _proven_short(P: Problem, lo: int, hi: int, target: int, shared=None) -> int:
    """The most buses below ``hi`` that the quick bound (the fleet and escort terms: milliseconds a size, and
    never lower with more buses) proves too few, or ``lo`` (too few already: the plan's own schedule)."""
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if upper_bound(_with_buses(P, mid), shared=shared, quick=True).value < target:
            lo = mid
        else:
            hi = mid
    return lo
