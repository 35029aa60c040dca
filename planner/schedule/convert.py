"""The best schedule without the priority rule, converted to the rule: a start for the search (design section 6).

Under the rule the constructive (:mod:`.engine`) forms the first rounds for the
most urgent classes, and those rounds decide the queues at the checkpoints
every later round waits in; the schedule without the rule may share the
checkpoints far better (on the demo it moves 1,726 people where the rule's
moves 1,424) but carries no stretcher case. :func:`to_rule` keeps its
rounds, their queue order and their holds, and makes them serve the rule:

- every round's places are given class by class (:func:`.multi.reload`, in
  commit order from the people still waiting, each stop's people spread over
  the vehicles: they board side by side);
- a pickup where a class still waits that no round collects at becomes a
  further stop of the round where it gains the most;
- the unused vehicles that carry the stretcher cases still waiting join a
  round at their place that collects where they wait, in place of as many of
  its vehicles without stretcher places (its passages keep their length) or
  besides them, or make a new round (ranked by the stretcher cases, then by
  people out: a convoy slowed by them loses people nothing wins back);
- stretcher vehicles moved between two rounds at one place (buses the other
  way) with their stop, and stops exchanged between rounds, while it gains;

each trial re-timed (:func:`.search.replay_fit`: loads topped up, cut to what
fits) and the best kept while the objective of the rule improves.
Deterministic, within :data:`BUDGET` round timings. :func:`.portfolio.runs`
hands the result to :func:`.search.improve` when it beats the rule's best
constructive run.
"""

from __future__ import annotations

import itertools

from planner.schedule import multi
from planner.schedule.model import Problem, Solution, class_order

#: Round timings :func:`to_rule` may spend (about 17 a trial on the demo: 60 trials, about 0.12 s).
BUDGET = 1100


def reload_all(P: Problem, specs, base=None) -> list:
    """``specs`` with every round's places given class by class (:func:`.multi.reload`), in order, from the
    people no earlier round takes. ``base``: an earlier result; the rounds of ``specs`` that open it (the same
    objects) are taken as they are there (the same people are left for them)."""
    k = 0
    if base is not None:
        while k < min(len(specs), len(base)) and specs[k] is base[k]:
            k += 1
    out = list(specs[:k])
    left = {p.id: list(p.by_group) for p in P.pickups}
    for sp in out:
        for q, ld in sp[3]:
            for x in ld.values():
                for g in range(3):
                    left[q][g] -= x[g]
    for sp in specs[k:]:
        new = multi.reload(P, (sp[0], sp[1], sp[2], [(q, {}) for q, _ in sp[3]], *sp[4:]), left)
        for q, ld in new[3]:
            for x in ld.values():
                for g in range(3):
                    left[q][g] -= x[g]
        out.append(new)
    return out


def _waiting(P: Problem, S, g: int, pr: int) -> list:
    """Pickups where people of class ``(g, pr)`` still wait in ``S``, the most first."""
    qs = sorted((-S.left[p.id][g], p.id) for p in P.pickups if p.priority == pr and S.left[p.id][g] > 0)
    return [q for _, q in qs]


def _with_stop(P: Problem, spec, q) -> list:
    """``spec`` collecting at ``q`` too: as it is when it stops there, else with ``q`` at each position where
    every leg exists (none when it has its most stops or may not unload ``q``'s people where it goes)."""
    vids, lead, place, stops, dest = spec[:5]
    if q in {x for x, _ in stops}:
        return [spec]
    if len(stops) >= P.rules.max_stops or P.pickup(q).destination not in (None, dest):
        return []
    return [
        (vids, lead, place, stops[:pos] + [(q, {})] + stops[pos:], *spec[4:])
        for pos in multi._insert_at(P, lead, place, stops, dest, q)
    ]


def _fleet_places(P: Problem, specs) -> list:
    """Places where unused vehicles with stretcher places stand, in order."""
    idle = multi._idle(P, specs)
    return [x for x in sorted(idle) if any(P.vehicle(v).stretcher_places > 0 for v in idle[x])]


def _fleet_trials(P: Problem, S, specs, place):
    """Specs with the unused vehicles at ``place`` that carry the first class still waiting for want of
    them (stretcher places) in a round there that collects where that class waits, or as a new round."""
    cls = next((c for c in class_order(P.pickups) if c[0] == 0 and _waiting(P, S, *c)), None)
    if cls is None:
        return
    q = _waiting(P, S, *cls)[0]
    maxc = P.rules.max_convoy
    new = [v for v in multi._idle(P, specs).get(place, []) if P.vehicle(v).stretcher_places > 0][:maxc]
    if not new:
        return
    for i, sp in enumerate(specs):
        vids, lead = sp[0], sp[1]
        if sp[2] != place or not all(P.follows(P.vehicle(v).profile, lead) for v in new):
            continue
        seats = [v for v in vids if P.vehicle(v).stretcher_places == 0]
        fleets = []
        if len(seats) > len(new):  # in place of its last vehicles without stretcher places
            gone = set(seats[-len(new) :])
            fleets.append([v for v in vids if v not in gone] + new)
        if len(vids) + len(new) <= maxc:
            fleets.append(list(vids) + new)
        for fleet in fleets:
            for trial in _with_stop(P, (fleet, *sp[1:]), q):
                yield specs[:i] + [trial] + specs[i + 1 :]
    lead = min({P.vehicle(v).profile for v in new})
    dest = multi._nearest(P, lead, q)
    if dest is not None and P.leg(lead, place, q) is not None:
        dep = max(P.first_departure(P.vehicle(v)) for v in new)
        yield specs + [(new, lead, place, [(q, {})], dest, dep, 0)]


def _stop_trials(P: Problem, specs, q):
    """Specs with ``q`` a further stop of one round, at each position where every leg exists."""
    for i, sp in enumerate(specs):
        if q in {x for x, _ in sp[3]}:
            continue
        for trial in _with_stop(P, sp, q):
            yield specs[:i] + [trial] + specs[i + 1 :]


def _exchanges(P: Problem, specs):
    """Specs with a stop of one round and a stop of another exchanged (each takes the other's place in the
    order; every leg must exist, each pickup's destination allowed)."""
    for i in range(len(specs)):
        for j in range(i + 1, len(specs)):
            si, sj = specs[i], specs[j]
            qi, qj = [q for q, _ in si[3]], [q for q, _ in sj[3]]
            for a, x in enumerate(qi):
                for b, y in enumerate(qj):
                    if x in qj or y in qi:
                        continue
                    ni = qi[:a] + [y] + qi[a + 1 :]
                    nj = qj[:b] + [x] + qj[b + 1 :]
                    if not (_route_ok(P, si, ni) and _route_ok(P, sj, nj)):
                        continue
                    out = list(specs)
                    out[i] = (si[0], si[1], si[2], [(q, {}) for q in ni], *si[4:])
                    out[j] = (sj[0], sj[1], sj[2], [(q, {}) for q in nj], *sj[4:])
                    yield out


def _fleet_exchanges(P: Problem, specs):
    """Specs with the stretcher vehicles of one round moved to another round at its place, in place of as
    many of its last vehicles without stretcher places (they go the other way), with the stops of the first
    round where stretcher cases wait: added to the second round, or exchanged with one of its stops."""
    for i, si in enumerate(specs):
        amb = [v for v in si[0] if P.vehicle(v).stretcher_places > 0]
        wanted = [q for q, _ in si[3] if P.pickup(q).stretcher > 0]
        if not amb or not wanted:
            continue
        for j, sj in enumerate(specs):
            seats = [v for v in sj[0] if P.vehicle(v).stretcher_places == 0]
            if j == i or sj[2] != si[2] or len(seats) < len(amb):
                continue
            gone = seats[len(seats) - len(amb) :]
            if not all(P.follows(P.vehicle(v).profile, sj[1]) for v in amb) or not all(
                P.follows(P.vehicle(v).profile, si[1]) for v in gone
            ):
                continue
            vi = [v for v in si[0] if v not in set(amb)] + gone
            vj = [v for v in sj[0] if v not in set(gone)] + amb
            qi, qj = [q for q, _ in si[3]], [q for q, _ in sj[3]]
            for q in wanted:
                for trial in _with_stop(P, (vj, *sj[1:]), q):
                    yield _set(specs, {i: (vi, *si[1:]), j: trial})
                a = qi.index(q)
                for b, y in enumerate(qj):
                    if y in qi:
                        continue
                    ni, nj = qi[:a] + [y] + qi[a + 1 :], qj[:b] + [q] + qj[b + 1 :]
                    if _route_ok(P, si, ni) and _route_ok(P, sj, nj):
                        yield _set(specs, {i: _stops_of((vi, *si[1:]), ni), j: _stops_of((vj, *sj[1:]), nj)})


def _first_seat_class(P: Problem) -> int:
    """How many classes of the rule come before the first that rides in seats (the stretcher classes)."""
    return sum(1 for g, _ in class_order(P.pickups) if g == 0)


def _set(specs, new: dict) -> list:
    return [new.get(k, sp) for k, sp in enumerate(specs)]


def _stops_of(spec, order) -> tuple:
    return (spec[0], spec[1], spec[2], [(q, {}) for q in order], *spec[4:])


def _route_ok(P: Problem, spec, order) -> bool:
    vids, lead, place, _, dest = spec[:5]
    if any(P.pickup(q).destination not in (None, dest) for q in order):
        return False
    path = [place] + order + [dest]
    return all(P.leg(lead, a, b) is not None for a, b in zip(path[:-1], path[1:]))


def _unvisited(P: Problem, S, specs, skip) -> list:
    """Pickups no round collects at where a class still waits, in the rule's order of classes."""
    seen = {q for sp in specs for q, _ in sp[3]} | skip
    out: list = []
    for g, pr in class_order(P.pickups):
        out += [q for q in _waiting(P, S, g, pr) if q not in seen and q not in out]
    return out


def to_rule(P: Problem, free: Solution, settings=None, budget: int = BUDGET, rival=None) -> Solution | None:
    """``free`` (a schedule found without the priority rule, with ``specs``) made to serve the rule of ``P``
    (see the module docstring), or ``None`` (no rounds, the rule is off, or ``rival``, the best schedule
    under the rule so far, moves everyone: the rule then asks for nothing more)."""
    from planner.schedule.engine import SETTINGS, finish
    from planner.schedule.search import Counter, replay_fit, state_key

    specs = getattr(free, "specs", None)
    if not specs or not P.rules.priority_first or (rival is not None and rival.evacuated >= P.demand):
        return None
    settings = SETTINGS[0] if settings is None else settings
    counter = Counter(budget)

    def best_trial(trials, key, rank=None, first=False):
        """The best re-timed trial that beats ``key`` by ``rank`` (default: the key itself), or with ``first``
        the first one: ``(state, key, specs)`` or ``None``."""
        rank = rank or (lambda k: k)
        hit = None
        for trial in trials:
            if counter.left <= 0:
                break
            done = len(trial)
            trial = reload_all(P, trial, state[2])
            S = replay_fit(P, trial, settings, counter=counter)
            # the reloading costs about what a round's timing does
            counter.spend(sum(1 for a, b in zip(trial, state[2]) if a is not b) + done - min(done, len(state[2])))
            k = state_key(P, S)
            if rank(k) > rank(key) and (hit is None or rank(k) > rank(hit[1])):
                hit = (S, k, trial)
                if first:
                    break
        return hit

    cur = reload_all(P, specs)
    S = replay_fit(P, cur, settings, counter=counter)
    state: list = [S, state_key(P, S), cur]  # the best so far: state, key, specs
    # 1. a further stop where a class waits that no round collects at (a pickup that gains nowhere is passed)
    skip: set = set()
    while counter.left > 0:
        qs = _unvisited(P, state[0], state[2], skip)
        if not qs:
            break
        hit = best_trial(_stop_trials(P, state[2], qs[0]), state[1])
        if hit is None:
            skip.add(qs[0])
            continue
        state[:] = hit
    # 2. the unused stretcher vehicles of each place, ranked by the stretcher classes and then people out (not
    # by the classes after them: a convoy slowed by them loses people the exchanges cannot win back, while
    # the places of the other classes the exchanges give again)
    n, m = len(class_order(P.pickups)), _first_seat_class(P)
    for place in _fleet_places(P, state[2]):
        hit = best_trial(_fleet_trials(P, state[0], state[2], place), state[1], lambda k: k[:m] + (k[n],) + k)
        if hit is not None:
            state[:] = hit
    # 3. stretcher vehicles and stops exchanged between rounds, the first exchange that gains each time
    while counter.left > 0:
        trials = itertools.chain(_fleet_exchanges(P, state[2]), _exchanges(P, state[2]))
        hit = best_trial(trials, state[1], first=True)
        if hit is None:
            break
        state[:] = hit
    sol = finish(state[0])
    sol.settings = "without the rule, converted"
    return sol


__all__ = ["BUDGET", "reload_all", "to_rule"]
