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
- **stops**: a stop of a round dropped, or changed to a pickup where many still
  wait;
- **rebuild**: a round removed, with the later rounds of its vehicles, and the
  freed vehicles put to work by the constructive again (:func:`.engine.extend`),
  under each setting's rules and with fewer stops per round;
- **seed** (once, first, on its own budget, small plans, without the priority rule): a vehicle's first
  round that crosses a checkpoint in and out is *held* (see below), as it is,
  without its stretcher vehicles, or with one of its stops; the constructive
  builds two rounds while it is held, so that their passages take the gap
  between its in and out passages; then its out legs are timed and the
  constructive builds the rest. The greedy timing in commit order never leaves
  that gap: each round takes the earliest passages it can, in and out.

- **multi** (:mod:`.multi`, on their own budget :data:`MULTI_BUDGET`, when the
  moves above find nothing): moves that change two or three rounds at once
  (vehicles moved or swapped between convoys, a convoy split, a stop set
  shifted, holds and gap holds with unused vehicles added, a new round of
  unused vehicles in a gap hold, and under the priority rule a stop where the
  most urgent class still waits, the round's places given class by class).

Under the priority rule :func:`.portfolio.runs` may hand :func:`improve` the best
schedule without the rule, converted to the rule (:mod:`.convert`), in place of
the rule's best constructive run; the search then has the smaller budgets
:data:`CONVERTED_BUDGETS` (the conversion searched under the rule already).

A round may be **held** in :func:`replay_fit`: its in passages are placed when
its turn comes, its out legs after later rounds (the queue at a checkpoint
then need not follow the commit order). A **gap hold** (a negative hold) places
its out legs after the next rounds' in passages but before their out legs:
those are timed again behind it (on the demo the first DP1 convoy then leaves
CP2 and CP3 before the second, which passed CP1 in between its passages).

Every move re-times the whole schedule on an empty timetable
(:func:`replay_fit`: each round keeps its vehicles, stops and destination,
forms where its vehicles stand, tops its loads up to its seats from the people still waiting at its stops, and
is cut to the largest load that fits when it no longer does, or dropped) and is
kept only when the objective of :mod:`.model` improves. Deterministic: moves in
a fixed order, first improvement, a fixed budget of round timings (no clock).
"""

from __future__ import annotations

from dataclasses import replace

from planner.schedule import multi
from planner.schedule.builder import Builder, Settings, State
from planner.schedule.engine import ALL_SETTINGS_UP_TO, SETTINGS, extend, finish
from planner.schedule.fit import _fill, _trim, largest_fit
from planner.schedule.model import INF, Problem, Solution
from planner.schedule.multi import favour as _favour
from planner.schedule.waypoints import prune

#: Round timings one :func:`improve` call may spend (0.1 to 0.5 ms each with what surrounds them on the
#: benchmark plans: the demo stays under 1 s, 50 buses / 30 pickups under 2 s).
BUDGET = 500
#: Round timings the seed move may spend (about 250 a try on the demo; it builds most of the schedule again,
#: so it runs only up to ``engine.ALL_SETTINGS_UP_TO`` vehicles x pickups), and the rounds it builds in the gap.
#: Every seed that gained on the benchmark plans and the exact instances came within the first 571 (was 1,500).
SEED_BUDGET = 700
SEED_GAP_ROUNDS = (2,)
#: Round timings the moves of :mod:`.multi` may spend in one :func:`improve` call (besides :data:`BUDGET`).
MULTI_BUDGET = 400
#: The budgets from the best schedule without the priority rule converted to it (:mod:`.convert`, itself a
#: search under the rule): over the benchmark plans and the exact instances the search gained from such a
#: start once, within 64 round timings, and never by the moves of :mod:`.multi`.
CONVERTED_BUDGETS = (200, 100)
#: Pickups a stop may be changed to (those with the most people waiting).
STOP_CANDIDATES = 4


def _people(stops) -> int:
    return sum(sum(x) for _, ld in stops for x in ld.values())


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
    veh = P._index("_vh", P.vehicles)
    free = {v: [veh[v].stretcher_places, veh[v].seats] for v in vids}
    out = []
    for q, ld in stops:
        new = {}
        lq = left[q]
        for v, x in ld.items():
            f = free.get(v)
            if f is None:
                continue
            a = x[0] if x[0] < lq[0] else lq[0]  # min(x[g], lq[g]), as in the group order
            b = x[1] if x[1] < lq[1] else lq[1]
            c = x[2] if x[2] < lq[2] else lq[2]
            lq[0] -= a
            lq[1] -= b
            lq[2] -= c
            f[0] -= a
            f[1] -= b + c
            if a + b + c:
                new[v] = [a, b, c]
        out.append((q, new))
    if fill:
        for q, new in out:
            for v, x in _fill(free, P, left[q]).items():
                e = new.setdefault(v, [0, 0, 0])
                for g in range(3):
                    e[g] += x[g]
    return [(q, {v: tuple(x) for v, x in new.items() if x[0] + x[1] + x[2]}) for q, new in out]


def _free_out_passages(tt, r) -> None:
    """Take round ``r``'s out passages off the checkpoints' timetable ``tt`` (they are timed again later)."""
    tt.free([p for p in r.passes if p.direction == "out"])


def _hold(S: State, r, free, team) -> tuple:
    """Keep only ``r``'s in passages on the timetable (its out legs are timed later) and its vehicles and
    escort team busy meanwhile; returns what :func:`_release` restores."""
    _free_out_passages(S.tt, r)
    saved = ({v: (r.formation, free[v]) for v in r.vehicles}, team)
    for v in r.vehicles:
        S.vfree[v] = (r.destination, INF)
    S.teams[r.escort][1] = INF
    return saved


def _release(S: State, B: Builder, r, stops, saved, hold: int) -> None:
    """Time a held round again from its departure on the timetable as it stands now (its in passages take
    the same places, its out legs queue behind what was timed meanwhile), cut to what fits, or drop it."""
    P = S.P
    idx = next(i for i, x in enumerate(S.rounds) if x is r)
    # its in passages and departure only: the out ones went at the hold, and a round timed meanwhile may
    # hold a slot with the very same times, which releasing them again would free
    S.tt.release(r, [p for p in r.passes if p.direction == "in"])
    del S.rounds[idx]
    del S.stops_of[id(r)]
    for pid, load in stops:
        for x in load.values():
            for g in range(3):
                S.left[pid][g] += x[g]
    S.cap[r.destination] += r.people
    vf, team = saved
    S.vfree.update(vf)
    if r.escort in S.teams_at.get(r.destination, ()):
        S.teams_at[r.destination].remove(r.escort)
    S.teams[r.escort] = list(team) if team is not None else [r.formation, 0.0]
    S.teams_at.setdefault(S.teams[r.escort][0], []).append(r.escort)

    def try_round(vs, sts):
        return B._time(r.formation, vs, r.lead, sts, r.destination, r.depart)

    got = largest_fit(try_round, list(r.vehicles), stops, _favour(P, stops))
    if got is None:
        return
    S.commit(*got)
    S.rounds.insert(idx, S.rounds.pop())
    S.hold[id(got[0])] = hold


def replay_fit(P: Problem, specs, settings: Settings = SETTINGS[0], fill=True, counter=None, keep_held=False) -> State:
    """Rounds ``(vehicles, lead, formation, stops, destination, earliest departure[, hold])`` timed again in
    this order on an empty timetable, each with its loads topped up (``fill``) and cut to what fits.

    A round whose vehicles all stand at another place (an earlier round of theirs unloads elsewhere now) forms
    there; a vehicle no longer at the round's formation place (an earlier round of it dropped) leaves the
    round; a round left with nobody on board is dropped. ``hold`` (0 when absent): the round's in passages
    are placed now, its out legs only after the next ``hold`` rounds are placed (they may pass a checkpoint
    between its in and out passages, where the greedy timing would make them queue behind both); held
    rounds whose turn comes together are timed in order; with ``keep_held`` the rounds still held at the end
    stay so (``S.held``, for :func:`release_held` after more rounds are added). ``counter``: a :class:`Counter`
    charged per timing.
    """
    S = State(P)
    B = Builder(S, settings)
    pending: list = []  # [rounds still to place before the out legs, round, stops, saved, hold]
    before: dict = {}  # id(round) -> its vehicles' free times and its team before it (a gap hold re-times it)
    for spec in specs:
        vids, lead, place, stops, dest, dep = spec[:6]
        hold = spec[6] if len(spec) > 6 else 0
        for p in pending:
            p[0] -= 1
        got = _place(S, B, P, vids, lead, place, stops, dest, dep, fill)
        if got is not None:
            r, st, free, team = got
            S.commit(r, st)
            before[id(r)] = ({v: (r.formation, free[v]) for v in r.vehicles}, team)
            if hold:
                pending.append([abs(hold), r, st, _hold(S, r, free, team), hold])
        # held rounds whose turn came after this one (earlier held first)
        while any(p[0] <= 0 for p in pending):
            k = next(i for i, p in enumerate(pending) if p[0] <= 0)
            _, r, st, saved, h = pending.pop(k)
            if h < 0:
                _release_gap(S, B, r, st, saved, h, before, pending)
            else:
                _release(S, B, r, st, saved, h)
    S.held = pending
    if not keep_held:
        release_held(S, settings)
    if counter is not None:
        counter.spend(S.timed)
    return S


def release_held(S: State, settings: Settings = SETTINGS[0]) -> State:
    """The out legs of the rounds :func:`replay_fit` left held, timed now in order."""
    B = Builder(S, settings)
    for _, r, st, saved, h in S.held:
        _release(S, B, r, st, saved, abs(h))
    S.held = []
    return S


def _release_gap(S: State, B: Builder, r, stops, saved, hold: int, before: dict, pending) -> None:
    """A held round whose out legs go before the out legs of the rounds placed while it was held (only
    their in passages come between its own in and out): their out passages are taken off the timetable,
    ``r`` is timed again (:func:`_release`), then each of them in order. As :func:`_release` when one of
    them shares a vehicle or an escort team with ``r`` or another of them (re-timing one would move the
    other)."""
    idx = next(i for i, x in enumerate(S.rounds) if x is r)
    later = S.rounds[idx + 1 :]
    waiting = {id(p[1]) for p in pending}
    seen = set(r.vehicles)
    teams = {r.escort}
    for m in later:
        if seen & set(m.vehicles) or m.escort in teams or id(m) not in before or S.hold.get(id(m)) or id(m) in waiting:
            _release(S, B, r, stops, saved, hold)
            return
        seen |= set(m.vehicles)
        teams.add(m.escort)
    for m in later:
        _free_out_passages(S.tt, m)
    _release(S, B, r, stops, saved, hold)
    for m in later:
        st = S.stops_of[id(m)]
        _release(S, B, m, st, before[id(m)], 0)


def _place(S: State, B: Builder, P: Problem, vids, lead, place, stops, dest, dep, fill):
    """One round of :func:`replay_fit` timed on ``S`` (not committed): ``(RoundPlan, stops, vehicles' free
    times, its escort team's state before)`` or ``None``."""
    at = {S.vfree[v][0] for v in vids}
    if len(at) == 1 and place not in at and P.leg(lead, next(iter(at)), stops[0][0]) is not None:
        # every vehicle stands elsewhere (an earlier round of theirs unloads at another destination now):
        # the round forms there
        place = next(iter(at))
    vids = [v for v in vids if S.vfree[v][0] == place]
    if not vids:
        return None
    st = _loads(S, vids, stops, fill)
    order = [q for q, _ in st]
    room = S.cap[dest]
    if _people(st) > room:
        tr = _trim(dict(st), order, int(max(0, room)))
        st = [(q, tr[q]) for q in order]
    st = prune(P, lead, place, st, dest, len(vids))  # stops nobody boards at, but waypoints (.waypoints)
    loaded = {v for _, ld in st for v in ld}
    vids = [v for v in vids if v in loaded]
    if not st:
        return None

    def try_round(vs, sts):
        return B._time(place, vs, lead, sts, dest, max([dep] + [S.vfree[v][1] for v in vs]))

    before = S.timed
    got = try_round(vids, st)
    if got is None:
        spent = S.timed - before

        def again(vs, sts):
            # largest_fit first times the whole round again, on the same timetable: the same None, and the
            # same timings charged to the budget, without timing it
            if vs == vids and sts is st:
                S.timed += spent
                return None
            return try_round(vs, sts)

        got = largest_fit(again, vids, st, _favour(P, st))
    if got is None:
        return None
    r = got[0]
    free = {v: S.vfree[v][1] for v in r.vehicles}
    team = None if r.escort < 0 else tuple(S.teams[r.escort])
    return got[0], got[1], free, team


def state_key(P: Problem, S: State) -> tuple:
    """The objective key of a state's rounds (:meth:`.model.Solution.key`)."""
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


def state_specs(S: State) -> list:
    """A state's rounds in commit order as :func:`replay_fit` takes them (with their holds)."""
    return [
        (list(r.vehicles), r.lead, r.formation, S.stops_of[id(r)], r.destination, r.depart, S.hold.get(id(r), 0))
        for r in S.rounds
    ]


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
        vj, lead, place, sj, dj, depj = specs[j][:6]
        for i in range(j):
            vi, lead_i, place_i, si, di, depi = specs[i][:6]
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


def _shared(r) -> set:
    """Checkpoints a timed round passes both in (empty) and out: others may pass between its two passages."""
    cin = {p.checkpoint for p in r.passes if p.direction == "in"}
    return cin & {p.checkpoint for p in r.passes if p.direction == "out"}


def _seeds(P: Problem, S: State):
    """``(kept specs, held round)`` for the seed move: a first round of its vehicles that crosses a checkpoint
    in and out, held (:func:`replay_fit`), with the rounds committed before it that are through those
    checkpoints before it comes (the rest is built again around it); the round as it is, without its
    vehicles that have stretcher places (they take convoy places and lengthen the passages), and each of
    its stops alone (a short first round leaves the checkpoint free sooner)."""
    specs = state_specs(S)
    seen: set = set()
    for i, r in enumerate(S.rounds):
        cps = _shared(r)
        if not cps or seen & set(r.vehicles):
            seen |= set(r.vehicles)
            continue
        seen |= set(r.vehicles)
        t0 = min(p.start for p in r.passes if p.checkpoint in cps and p.direction == "in")
        kept: list = []
        used: set = set()
        for j in range(i):
            x = S.rounds[j]
            if set(x.vehicles) & used or any(p.checkpoint in cps and p.clear > t0 for p in x.passes):
                used |= set(x.vehicles)  # it and every later round of its vehicles are built again
                continue
            kept.append(specs[j])
        vids, lead, place, stops, dest, dep = specs[i][:6]
        seats = [v for v in vids if P.vehicle(v).stretcher_places == 0]
        fleets = [vids] + ([seats] if seats and len(seats) < len(vids) else [])
        tours = [stops] + ([[st] for st in stops] if len(stops) > 1 else [])
        for st in tours:
            for vs in fleets:
                yield kept, (list(vs), lead, place, st, dest, dep, len(specs) + 1)


def _stop_changes(P: Problem, S: State, specs):
    """``specs`` with one round's stop dropped (rounds of several stops) or changed to one of the
    :data:`STOP_CANDIDATES` pickups with the most people still waiting in ``S`` that a leg joins to it."""
    waiting = sorted((-sum(x), q) for q, x in S.left.items() if sum(x) > 0)
    for i, sp in enumerate(specs):
        vids, lead, place, stops, dest = sp[:5]
        here = {q for q, _ in stops}
        for j, (q0, _) in enumerate(stops):
            if len(stops) > 1:
                yield specs[:i] + [(vids, lead, place, stops[:j] + stops[j + 1 :], *sp[4:])] + specs[i + 1 :]
            path = [place] + [q for q, _ in stops] + [dest]
            n = 0
            for _, q in waiting:
                if n >= STOP_CANDIDATES:
                    break
                if q in here or P.pickup(q).destination not in (None, dest):
                    continue
                if P.leg(lead, path[j], q) is None or P.leg(lead, q, path[j + 2]) is None:
                    continue
                n += 1
                new = stops[:j] + [(q, {})] + stops[j + 1 :]
                yield specs[:i] + [(vids, lead, place, new, *sp[4:])] + specs[i + 1 :]


def _rebuild_settings(P: Problem, settings: Settings) -> list:
    """The rules the freed vehicles are put to work under: this setting, the others, and fewer stops a round."""
    out = [(P, s) for s in SETTINGS]
    for k in range(1, P.rules.max_stops):
        out.append((replace(P, rules=replace(P.rules, max_stops=k)), settings))
    return out


def _reorders(cur):
    """``(j, specs)``: round ``j`` moved before round ``i``, for every ``i < j``."""
    for j in range(1, len(cur)):
        for i in range(j):
            yield j, cur[:i] + [cur[j]] + cur[i:j] + cur[j + 1 :]


def _merged(P: Problem, cur):
    """``(j, specs)``: round ``j`` merged into round ``i`` (:func:`_merges`)."""
    for i, j, spec in _merges(P, cur):
        yield j, cur[:i] + [spec] + [s for x, s in enumerate(cur[i + 1 :], i + 1) if x != j]


def _stop_trials(P: Problem, S, cur):
    """``(0, specs)`` for each stop change of :func:`_stop_changes`."""
    for trial in _stop_changes(P, S, cur):
        yield 0, trial


def _first_better(P: Problem, trials, settings: Settings, counter: Counter, best_key):
    """The first of ``trials`` (``(tag, specs)``) whose re-timing beats ``best_key``: ``(state, key, tag)``;
    ``None`` when none does or the budget runs out."""
    for tag, trial in trials:
        if counter.left <= 0:
            return None
        S = replay_fit(P, trial, settings, counter=counter)
        k = state_key(P, S)
        if k > best_key:
            return S, k, tag
    return None


def _multi_move(P: Problem, S: State, cur, settings: Settings, counter: Counter, best_key):
    """The first move of :mod:`.multi` that beats ``best_key``: ``(state, key, move, round index)`` or ``None``."""
    moves = (
        ("insert", multi.inserts(P, S, cur)),
        ("hold", multi.holds(P, cur)),
        ("new round", multi.new_rounds(P, S, cur)),
        ("transfer", multi.transfers(P, cur)),
        ("carry", multi.carries(P, cur)),
        ("swap", multi.swaps(P, cur)),
        ("split", multi.splits(P, cur)),
    )
    for name, trials in moves:
        hit = _first_better(P, trials, settings, counter, best_key)
        if hit is not None:
            return hit[0], hit[1], name, hit[2]
    return None


def improve(
    P: Problem,
    sol: Solution,
    settings: Settings = SETTINGS[0],
    budget: int = BUDGET,
    by_class=None,
    log=None,
    multi_budget: int = MULTI_BUDGET,
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
    if state_key(P, S0) > best_key:
        best, best_key = S0, state_key(P, S0)
    cur = state_specs(best) if best is not None else list(specs)
    # seed: a held first round, the constructive's next rounds in the gap it leaves at a checkpoint (between
    # its in and out passages), its out legs, then the constructive for the rest; once, on its own budget
    # (without the priority rule only: under it the search starts from the best schedule without the rule,
    # converted, where that is better, and the seed never gained over all benchmark plans and exact instances)
    small = len(P.vehicles) * len(P.pickups) <= ALL_SETTINGS_UP_TO
    seeds = Counter(SEED_BUDGET if small and not P.rules.priority_first else 0)
    for kept, seed in _seeds(P, best if best is not None else S0) if seeds.left > 0 else ():
        for m in SEED_GAP_ROUNDS:
            if seeds.left <= 0:
                break
            S = replay_fit(P, kept + [seed], settings, counter=seeds, keep_held=True)
            before = S.timed
            S = extend(S, settings, by_class=by_class, limit=m)
            S = release_held(S, settings)
            S = extend(S, settings, by_class=by_class)
            seeds.spend(S.timed - before)
            k = state_key(P, S)
            if k > best_key:
                best, best_key, cur = S, k, state_specs(S)
                log.append(("seed", len(kept), S.people_out, seeds.left))
    multi_counter = Counter(multi_budget)
    improved = True
    while improved and (counter.left > 0 or multi_counter.left > 0):
        improved = False
        # reorder: round j before round i; merge: two convoys forming at the same place become one (one
        # passage at each checkpoint, not two); stops: a stop of a round dropped, or changed to a pickup where
        # people still wait. The trials are generators: a move's are made only when the moves before it found nothing.
        moves = (
            ()
            if counter.left <= 0
            else (
                ("reorder", _reorders(cur)),
                ("merge", _merged(P, cur)),
                ("stops", _stop_trials(P, best if best is not None else S0, cur)),
            )
        )
        for name, trials in moves:
            hit = _first_better(P, trials, settings, counter, best_key)
            if hit is not None:
                S, best_key, tag = hit
                best, cur, improved = S, state_specs(S), True
                log.append((name, tag, S.people_out, counter.left))
                break
        if improved:
            continue
        # moves over two or three rounds at once (:mod:`.multi`), on their own budget
        hit = _multi_move(P, best if best is not None else S0, cur, settings, multi_counter, best_key)
        if hit is not None:
            S, best_key, name, tag = hit
            best, cur, improved = S, state_specs(S), True
            log.append((name, tag, S.people_out, multi_counter.left))
            continue
        # rebuild: round i and its vehicles' later rounds out, the constructive again for the freed vehicles
        for i in range(len(cur)):
            if counter.left <= 0:
                break
            gone = _chain(cur, i)
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
                k2 = state_key(P, S)
                if k2 > best_key:
                    best, best_key, cur, improved = S, k2, state_specs(S), True
                    log.append(("rebuild", i, S.people_out, counter.left))
                    break
            if improved:
                break
    if best is None:
        return sol
    out = finish(best)
    out.settings = sol.settings + ", improved"
    return out


__all__ = ["BUDGET", "improve", "release_held", "replay_fit", "state_key", "state_specs"]
