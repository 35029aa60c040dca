"""A local search over committed convoy rounds: the queue order and the rounds themselves (design section 6).

The constructive (:mod:`.engine`) commits rounds one at a time, and the order
it commits them in is the order every later round queues behind at the
checkpoints, headways and escorts. That order is not always the best one: a
round committed later may fit in front of an earlier one at a checkpoint (it
reaches it first) and then carry everyone at its stops, where behind it must
leave people to be back in the window. :func:`improve` searches the order and
the rounds:

- **reorder**: a round moved before an earlier one in the commit order (it
  keeps its departure, so it may still leave later: it only comes first in the
  queues);
- **merge**: two convoys forming at the same place made one (its passages take
  one per-convoy time, not two: what binds where checkpoints are saturated);
- **rebuild**: a round removed, with the later rounds of its vehicles, and the
  freed vehicles put to work by the constructive again (:func:`.engine.extend`),
  under each setting's rules and with fewer stops per round.

Every move re-times the whole schedule on an empty timetable
(:func:`replay_fit`: each round keeps its vehicles, stops and destination,
forms where its vehicles stand, tops its loads up to its seats from the people still waiting at its stops, and
is cut to the largest load that fits when it no longer does, or dropped) and is
kept only when the objective of :mod:`.model` improves. Deterministic: moves in
a fixed order, first improvement, a fixed budget of round timings (no clock).
"""

from __future__ import annotations

from dataclasses import replace

from planner.schedule.engine import SETTINGS, Builder, Settings, State, _fill, _trim, extend, finish
from planner.schedule.fit import largest_fit
from planner.schedule.model import Problem, Solution, class_order

#: Round timings one :func:`improve` call may spend (0.1 to 0.5 ms each with what surrounds them on the
#: benchmark plans: the demo stays under 1 s, 50 buses / 30 pickups under 2 s).
BUDGET = 500


def _people(stops) -> int:
    return sum(sum(x) for _, ld in stops for x in ld.values())


def _favour(P: Problem, stops):
    """``keep_first(pickup, group)``: the most urgent class of the priority rule on board (``None`` without it)."""
    if not P.rules.priority_first:
        return None
    present = {(g, P.pickup(q).priority) for q, ld in stops for x in ld.values() for g in range(3) if x[g]}
    for cls in class_order(P.pickups):
        if cls in present:
            g0, pr = cls
            return lambda q, g: g == g0 and P.pickup(q).priority == pr
    return None


class Counter:
    """Round timings spent (the search's deterministic budget)."""

    def __init__(self, budget: int):
        self.left = budget

    def spend(self, n: int = 1) -> bool:
        self.left -= n
        return self.left >= 0


def _loads(S: State, vids, stops, fill: bool):
    """The round's loads with what is still waiting: its own loads capped by the people left, then (``fill``)
    its free places topped up from its stops in order; capped by the destination room."""
    P = S.P
    left = {q: list(S.left[q]) for q, _ in stops}
    free = {v: [P.vehicle(v).stretcher_places, P.vehicle(v).seats] for v in vids}
    out = []
    for q, ld in stops:
        new = {}
        for v, x in ld.items():
            if v not in free:
                continue
            y = [min(x[g], left[q][g]) for g in range(3)]
            for g in range(3):
                left[q][g] -= y[g]
            free[v][0] -= y[0]
            free[v][1] -= y[1] + y[2]
            if sum(y):
                new[v] = y
        out.append((q, new))
    if fill:
        for q, new in out:
            for v, x in _fill(free, P, left[q]).items():
                e = new.setdefault(v, [0, 0, 0])
                for g in range(3):
                    e[g] += x[g]
    return [(q, {v: tuple(x) for v, x in new.items() if sum(x)}) for q, new in out]


def replay_fit(P: Problem, specs, settings: Settings = SETTINGS[0], fill=True, counter=None) -> State:
    """Rounds ``(vehicles, lead, formation, stops, destination, earliest departure)`` timed again in this order
    on an empty timetable, each with its loads topped up (``fill``) and cut to what fits.

    A round whose vehicles all stand at another place (an earlier round of theirs unloads elsewhere now) forms
    there; a vehicle no longer at the round's formation place (an earlier round of it dropped) leaves the
    round; a round left with nobody on board is dropped. ``counter``: a :class:`Counter` charged per timing.
    """
    S = State(P)
    B = Builder(S, settings)
    for vids, lead, place, stops, dest, dep in specs:
        at = {S.vfree[v][0] for v in vids}
        if len(at) == 1 and place not in at and P.leg(lead, next(iter(at)), stops[0][0]) is not None:
            # every vehicle stands elsewhere (an earlier round of theirs unloads at another destination now):
            # the round forms there
            place = next(iter(at))
        vids = [v for v in vids if S.vfree[v][0] == place]
        if not vids:
            continue
        st = _loads(S, vids, stops, fill)
        order = [q for q, _ in st]
        room = S.cap[dest]
        if _people(st) > room:
            tr = _trim(dict(st), order, int(max(0, room)))
            st = [(q, tr[q]) for q in order]
        st = [(q, ld) for q, ld in st if ld]
        vids = [v for v in vids if any(v in ld for _, ld in st)]
        if not st:
            continue

        def try_round(vs, sts, place=place, lead=lead, dest=dest, dep=dep):
            return B._time(place, vs, lead, sts, dest, max([dep] + [S.vfree[v][1] for v in vs]))

        got = try_round(vids, st)
        if got is None:
            got = largest_fit(try_round, vids, st, _favour(P, st))
        if got is not None:
            S.commit(*got)
    if counter is not None:
        counter.spend(S.timed)
    return S


def _people_out(S: State) -> int:
    return sum(r.people for r in S.rounds)


def _key(P: Problem, S: State) -> tuple:
    return Solution(list(S.rounds)).key(P)


def _chain(specs, k) -> set:
    """Indices of round ``k`` and of every later round of its vehicles (they form where it unloads)."""
    out = {k}
    vs = set(specs[k][0])
    for j in range(k + 1, len(specs)):
        if vs & set(specs[j][0]):
            out.add(j)
            vs |= set(specs[j][0])
    return out


def _specs(S: State) -> list:
    return [(list(r.vehicles), r.lead, r.formation, S.stops_of[id(r)], r.destination, r.depart) for r in S.rounds]


def _merges(P: Problem, specs):
    """``(i, j, merged spec)``: rounds ``i < j`` forming at the same place on the same lead's legs, with the
    same destination or none of ``j``'s vehicles used again, their vehicles within the convoy size and their
    stops within ``max_stops``, driven ``i``'s stops then ``j``'s (every leg of the merged round exists)."""
    maxc, maxs = P.rules.max_convoy, P.rules.max_stops
    later: dict = {}
    for x, sp in enumerate(specs):
        for v in sp[0]:
            later.setdefault(v, []).append(x)
    for j in range(1, len(specs)):
        vj, lead, place, sj, dj, depj = specs[j]
        for i in range(j):
            vi, lead_i, place_i, si, di, depi = specs[i]
            if place_i != place or lead_i != lead or len(vi) + len(vj) > maxc or set(vi) & set(vj):
                continue
            if dj != di and any(later[v][-1] != j for v in vj):
                continue
            if any(x > i for v in vj for x in later[v] if x < j):
                continue  # a vehicle of j has a round between i and j: j's vehicles are not free at i
            order = [q for q, _ in si] + [q for q, _ in sj if q not in {q for q, _ in si}]
            if len(order) > maxs:
                continue
            path = [place] + order + [di]
            if any(P.leg(lead, a, b) is None for a, b in zip(path[:-1], path[1:])):
                continue
            loads = {q: dict(ld) for q, ld in si}
            for q, ld in sj:
                loads.setdefault(q, {}).update(ld)
            yield i, j, (list(vi) + list(vj), lead, place, [(q, loads[q]) for q in order], di, min(depi, depj))


def _rebuild_settings(P: Problem, settings: Settings) -> list:
    """The rules the freed vehicles are put to work under: this setting, the others, and fewer stops a round."""
    out = [(P, s) for s in SETTINGS]
    for k in range(1, P.rules.max_stops):
        out.append((replace(P, rules=replace(P.rules, max_stops=k)), settings))
    return out


def improve(
    P: Problem, sol: Solution, settings: Settings = SETTINGS[0], budget: int = BUDGET, by_class=None, log=None
) -> Solution:
    """A better schedule than ``sol`` by the objective of :mod:`.model`, or ``sol`` (see the module docstring).

    ``sol.specs``: its rounds in commit order (:func:`.engine.finish`). ``log``: a list the kept moves are
    appended to, ``(move, round index, people out, timings left)``.
    """
    log = [] if log is None else log
    specs = getattr(sol, "specs", None)
    if not specs:
        return sol
    counter = Counter(budget)
    best_key = sol.key(P)
    best = None
    S0 = replay_fit(P, specs, settings, counter=counter)
    if _key(P, S0) > best_key:
        best, best_key = S0, _key(P, S0)
    cur = _specs(best) if best is not None else list(specs)
    improved = True
    while improved and counter.left > 0:
        improved = False
        # reorder: round j before round i
        n = len(cur)
        for j in range(1, n):
            for i in range(j):
                if counter.left <= 0:
                    break
                trial = cur[:i] + [cur[j]] + cur[i:j] + cur[j + 1 :]
                S = replay_fit(P, trial, settings, counter=counter)
                k = _key(P, S)
                if k > best_key:
                    best, best_key, cur, improved = S, k, _specs(S), True
                    log.append(("reorder", j, _people_out(S), counter.left))
                    break
            if improved or counter.left <= 0:
                break
        if improved:
            continue
        # merge: two convoys forming at the same place become one (one passage at each checkpoint, not two)
        for i, j, spec in _merges(P, cur):
            if counter.left <= 0:
                break
            trial = cur[:i] + [spec] + [s for x, s in enumerate(cur[i + 1 :], i + 1) if x != j]
            S = replay_fit(P, trial, settings, counter=counter)
            k = _key(P, S)
            if k > best_key:
                best, best_key, cur, improved = S, k, _specs(S), True
                log.append(("merge", j, _people_out(S), counter.left))
                break
        if improved:
            continue
        # rebuild: round k and its vehicles' later rounds out, the constructive again for the freed vehicles
        for k in range(len(cur)):
            if counter.left <= 0:
                break
            gone = _chain(cur, k)
            rest = [s for j, s in enumerate(cur) if j not in gone]
            for Q, cfg in _rebuild_settings(P, settings):
                if counter.left <= 0:
                    break
                S = replay_fit(P, rest, settings, fill=False, counter=counter)
                S.P = Q
                before = S.timed
                S = extend(S, cfg, by_class=by_class)
                counter.spend(S.timed - before)
                S.P = P
                k2 = _key(P, S)
                if k2 > best_key:
                    best, best_key, cur, improved = S, k2, _specs(S), True
                    log.append(("rebuild", k, _people_out(S), counter.left))
                    break
            if improved:
                break
    if best is None:
        return sol
    out = finish(best)
    out.settings = getattr(sol, "settings", "") + ", improved"
    return out


__all__ = ["BUDGET", "improve", "replay_fit"]
