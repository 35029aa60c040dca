"""Repeat rounds: vehicles that go back for more from a destination near some pickups (design section 6).

The constructive (:mod:`.engine`) forms rounds greedily, one at a time, by people per hour: a convoy's
first round from its depot is almost always a long one, and its vehicles stand at the destination, free,
only when the people near that destination have gone with the long rounds too or when too little of the
window is left for the constructive to see a second round pay. Where some pickups lie a short *cycle*
(destination → pickup → destination, checkpoints both ways) from a destination, a schedule in which some
vehicles make a second (or third) round on them can move more people than one round each: the fleet's
seats are the ceiling of one round each.

:func:`repeat` plans such rounds explicitly on a finished schedule (the best of the runs and the local
search, :func:`.portfolio.runs`):

- **again**: the vehicles of a round that unloads early enough make a further round from its destination
  to a pickup whose cycle from there fits the rest of a daylight part (and on to the nearest destination by
  drive and passages), alone or with the other short-cycle pickups as further stops (nearest first: the
  replay fills the places stop by stop, and leaves out the vehicles it has no one for); the pickups with the
  most people waiting first, by class under the priority rule; put right after that round in the queues; a
  later round of those vehicles only (a second round the constructive made) gives way to it;
- **reserve**: the last vehicles of a convoy from a depot (as many as the pickup's people need, or as the
  next round's) leave it and form their own round from the depot to a short-cycle pickup, first in the
  queues, then go again from where it unloads to another one, last in them.

Every trial times the whole schedule again with the engine's machinery (:func:`.search.replay_fit`: the
checkpoint passages in both directions, headways, escorts, loads topped up from the people still waiting,
rounds cut to what fits, :mod:`.fit`). A pass times the *again* trials, and the *reserve* trials only when
none of those beats the schedule; it keeps the trial with the best objective (:meth:`.model.Solution.key`,
so under the priority rule class by class) when that beats the schedule, and passes repeat while they gain,
within a fixed number of round timings (:data:`BUDGET`; deterministic). The result must pass the
independent checker (:func:`.check.check`). Nothing is tried when every person is out, on plans above
:data:`UP_TO`, or when no pickup has a cycle short enough for a second round in the window
(:func:`short_pickups`: free-flow legs and passages without queues, a vehicle as full as the pickup's
people fill it; no timing): on the demo window of six hours none has.
"""

from __future__ import annotations

import math

from planner.schedule.builder import Settings
from planner.schedule.check import check
from planner.schedule.convoypaths import leg_service_s
from planner.schedule.engine import ALL_SETTINGS_UP_TO, SETTINGS, finish
from planner.schedule.model import INF, Problem, Solution, class_order
from planner.schedule.search import Counter, replay_fit, state_key, state_specs

#: Round timings :func:`repeat` may spend in one call (a replay of the 50/30/20 plan takes 10 to 30).
BUDGET = 1200
#: Above this size (vehicles x pickups) nothing is tried: a replay of such a schedule costs hundreds of round
#: timings, so the budget would pay for a handful of trials (500 buses / 200 pickups: 1 s for none that gains).
UP_TO = ALL_SETTINGS_UP_TO
#: Short-cycle pickups looked at per destination (the shortest cycles first).
SHORT_MAX = 5
#: Anchors (short-cycle pickups with people waiting) a new round is tried to, per round it follows.
ANCHORS = 3


def round_lb_s(
    P: Problem, lead: str, start: str, pickup: str, dest: str, t: float, nv: int = 1, load: int = 1
) -> float:
    """Earliest unloading (s) of a round of ``nv`` vehicles from ``start`` at ``t`` (s) to ``pickup`` and
    ``dest`` with ``load`` people each, with no queue and no night (``inf`` when a leg is missing)."""
    a, b = P.leg(lead, start, pickup), P.leg(lead, pickup, dest)
    if a is None or b is None:
        return INF
    R = P.rules
    t += a.time_s + leg_service_s(P, a, nv, False)
    t = max(t, P.pickup(pickup).ready_s) + math.ceil(max(0.0, R.board_s_per_person) * load)
    return t + b.time_s + leg_service_s(P, b, nv, True, nv * load) + math.ceil(max(0.0, R.leave_s_per_person) * load)


def _fits_after(P: Problem, t: float, dur: float) -> bool:
    """Whether ``dur`` seconds fit in one daylight part from ``t`` on (that part, or a later one)."""
    return any(max(a, t) + dur <= b + 1e-6 for a, b in P.segments() if b > t)


def _nearest(P: Problem, lead: str, pickups) -> str | None:
    """The destination nearest the last of ``pickups`` that all of them may go to, by drive and one-vehicle
    passages (``None``: none)."""
    allowed = {P.pickup(q).destination for q in pickups} - {None}
    if len(allowed) > 1:
        return None
    best = None
    for d in P.destinations:
        lg = P.leg(lead, pickups[-1], d.id)
        if lg is None or (allowed and d.id not in allowed):
            continue
        t = lg.time_s + leg_service_s(P, lg, 1, True, 1)
        if best is None or t < best[0]:
            best = (t, d.id)
    return None if best is None else best[1]


def _fits(P: Problem, lead: str, start: str, pickup: str, t: float, people: int) -> bool:
    """Whether a round from ``start`` from ``t`` (s) on to ``pickup`` and its nearest destination, with a
    vehicle as full as ``people`` waiting there fill it, fits a daylight part with no queue."""
    d = _nearest(P, lead, [pickup])
    if d is None:
        return False
    return _fits_after(P, t, round_lb_s(P, lead, start, pickup, d, t, 1, _load(P, people)) - t)


def _load(P: Problem, people: int) -> int:
    """People one vehicle takes of ``people`` waiting (the largest vehicle's places at most, one at least)."""
    most = max((v.capacity for v in P.vehicles), default=1)
    return max(1, min(most, int(people)))


def short_pickups(P: Problem) -> dict:
    """``(lead profile, destination) -> [pickup ids]`` a further round can serve: a round from the
    destination to the pickup and the destination nearest it (:func:`round_lb_s`, one vehicle as full as
    the pickup's people fill it), after the earliest unloading of any first round there (from every depot
    through every pickup), fits a daylight part; shortest cycles first, at most :data:`SHORT_MAX`. Empty
    when no pickup has such a cycle (then :func:`repeat` tries nothing). Kept with the problem."""
    got = P.__dict__.get("_short_pickups")
    if got is None:
        got = P.__dict__["_short_pickups"] = _short_pickups(P)
    return got


def _short_pickups(P: Problem) -> dict:
    out: dict = {}
    starts: dict = {}
    for v in P.vehicles:
        key = (v.profile, v.depot)
        starts[key] = min(starts.get(key, INF), P.first_departure(v))
    for lead in sorted({v.profile for v in P.vehicles}):
        first: dict = {}  # destination -> earliest unloading of a first round there
        for (prof, depot), t0 in starts.items():
            if not P.follows(prof, lead):
                continue
            for p in P.pickups:
                for d in P.destinations:
                    t = round_lb_s(P, lead, depot, p.id, d.id, t0, 1, _load(P, p.people))
                    if t < first.get(d.id, INF):
                        first[d.id] = t
        for d, t1 in first.items():
            if t1 > P.window_end_s:
                continue
            cyc = []
            for p in P.pickups:
                back = _nearest(P, lead, [p.id])
                if back is None:
                    continue
                dur = round_lb_s(P, lead, d, p.id, back, t1, 1, _load(P, p.people)) - t1
                if _fits_after(P, t1, dur):
                    cyc.append((dur, p.id))
            if cyc:
                out[(lead, d)] = [q for _, q in sorted(cyc)[:SHORT_MAX]]
    return out


def _tours(P: Problem, lead: str, start: str, anchor: str, others) -> list:
    """Stop lists of a new round: the anchor alone, and the anchor then the others nearest first (up to
    ``max_stops``; the replay fills the seats stop by stop, so later stops take what the first leaves)."""
    out = [[anchor]]
    rest = [q for q in others if q != anchor]
    tour = [anchor]
    while rest and len(tour) < P.rules.max_stops:
        here = tour[-1]
        nxt = min(rest, key=lambda q: (_t(P, lead, here, q), q))
        if _t(P, lead, here, nxt) == INF:
            break
        tour.append(nxt)
        rest.remove(nxt)
    if len(tour) > 1:
        out.append(tour)
    return out


def _t(P: Problem, lead: str, a: str, b: str) -> float:
    lg = P.leg(lead, a, b)
    return INF if lg is None else lg.time_s


def _later(specs, j: int, vids) -> list | None:
    """Indices of the later rounds of ``vids`` after round ``j``, when each uses only vehicles of ``vids``
    (they give way to a new round of them); ``None`` when one uses other vehicles too."""
    vs = set(vids)
    out = []
    for i in range(j + 1, len(specs)):
        w = set(specs[i][0])
        if w & vs:
            if not w <= vs:
                return None
            out.append(i)
    return out


def _spec(vids, lead, place, stops, dest, dep=0.0) -> tuple:
    """A round spec as :func:`.search.replay_fit` takes it (no loads: the replay fills them)."""
    return (list(vids), lead, place, [(q, {}) for q in stops], dest, float(dep), 0)


def _waiting(S, q) -> int:
    return sum(S.left[q])


def _worth(P: Problem, S, q, extra: int = 0) -> tuple:
    """What the people waiting at ``q`` are worth, larger first: under the priority rule by class
    (:func:`.model.class_order`), then all of them (``extra``: people more than ``S`` leaves there)."""
    n = _waiting(S, q) + extra
    if not P.rules.priority_first:
        return (n,)
    pk = P.pickup(q)
    left = S.left[q]
    return tuple(left[g] if pk.priority == pr else 0 for g, pr in class_order(P.pickups)) + (n,)


def _need(P: Problem, vids, people: int) -> int:
    """Vehicles of ``vids`` (in order) whose places hold ``people``, at least one."""
    n, room = 0, 0
    for v in vids:
        if room >= people:
            break
        x = P.vehicle(v)
        room += x.capacity
        n += 1
    return max(1, n)


def again_trials(P: Problem, S, specs, short: dict):
    """``(tag, specs)``: a further round of a round's vehicles from its destination (the module docstring)."""
    for j, r in enumerate(S.rounds):
        key = (r.lead, r.destination)
        if key not in short:
            continue
        gone = _later(specs, j, r.vehicles)
        if gone is None:
            continue
        rest = [sp for i, sp in enumerate(specs) if i not in gone]
        back = {q: _people(specs, gone, q) for q in short[key]}
        anchors = [
            q
            for q in short[key]
            if _waiting(S, q) + back[q] > 0 and _fits(P, r.lead, r.destination, q, r.unloaded, _waiting(S, q) + back[q])
        ]
        others = list(anchors)
        anchors.sort(key=lambda q: _worth(P, S, q, back[q]), reverse=True)  # the most (urgent) people first
        room = sum(P.vehicle(v).capacity for v in r.vehicles)
        for q in anchors[:ANCHORS]:
            tours = _tours(P, r.lead, r.destination, q, others)
            if _waiting(S, q) + back[q] >= room:
                tours = tours[:1]  # the first stop fills every place: further stops would stay empty
            for tour in tours:
                dest = _nearest(P, r.lead, tour)
                if dest is None:
                    continue
                # every vehicle of the round (the replay leaves out those it has no one for), next in the queues
                new = _spec(r.vehicles, r.lead, r.destination, tour, dest)
                yield ("again", j, tuple(tour)), rest[: j + 1] + [new] + rest[j + 1 :]


def _people(specs, idx, q) -> int:
    """People the rounds ``idx`` of ``specs`` take at pickup ``q``."""
    n = 0
    for i in idx:
        for p, ld in specs[i][3]:
            if p == q:
                n += sum(sum(x) for x in ld.values())
    return n


def reserve_trials(P: Problem, S, specs, short: dict):
    """``(tag, specs)``: the last vehicles of a convoy from a depot in a round of their own to a short-cycle
    pickup, then again from its destination (the module docstring); by pickup, the most (urgent) people
    waiting first, then by convoy."""
    got = list(_reserve_trials(P, S, specs, short))
    rank = {q: i for i, q in enumerate(sorted({t[0][2] for t in got}, key=lambda q: _worth(P, S, q), reverse=True))}
    got.sort(key=lambda t: rank[t[0][2]])  # stable: convoys in queue order for each pickup
    yield from got


def _reserve_trials(P: Problem, S, specs, short: dict):
    depots = {v.depot for v in P.vehicles}
    for j, r in enumerate(S.rounds):
        if r.formation not in depots or len(r.vehicles) < 2:
            continue
        keys = [k for k in short if k[0] == r.lead]
        anchors: list = []
        for key in keys:
            anchors += [q for q in short[key] if q not in anchors and _waiting(S, q) > 0]
        anchors.sort(key=lambda q: _worth(P, S, q), reverse=True)  # the most (urgent) people first
        tried = 0
        for a in anchors:
            if tried >= ANCHORS:
                break
            d = _nearest(P, r.lead, [a])
            if d is None or (r.lead, d) not in short or not _fits(P, r.lead, r.formation, a, r.depart, _waiting(S, a)):
                continue
            t1 = round_lb_s(P, r.lead, r.formation, a, d, r.depart, 1, _load(P, _waiting(S, a)))
            nexts = [
                q
                for q in short[(r.lead, d)]
                if q != a and _waiting(S, q) and _fits(P, r.lead, d, q, t1, _waiting(S, q))
            ]
            if not nexts:
                continue
            tried += 1
            b = max(nexts, key=lambda q: _worth(P, S, q))
            tour = [b]
            dest = _nearest(P, r.lead, tour)
            if dest is None:
                continue
            # as many vehicles as the larger of the two rounds needs, and as the smaller
            tail = list(reversed(r.vehicles))
            wants = (_waiting(S, a), _waiting(S, b))
            for k in sorted({min(len(r.vehicles) - 1, _need(P, tail, w)) for w in wants}, reverse=True):
                mine = list(r.vehicles[-k:])
                if _later(specs, j, mine) != []:
                    continue
                kept = (list(r.vehicles[:-k]), *specs[j][1:])
                first = _spec(mine, r.lead, r.formation, [a], d, r.depart)
                second = _spec(mine, r.lead, d, tour, dest)
                # first in the queues, before the convoy it leaves (its passages then go first); the second
                # round last (it forms where the first unloads, late: after every other round's turn)
                yield ("reserve", j, a, k), specs[:j] + [first, kept] + specs[j + 1 :] + [second]


def repeat(
    P: Problem, sol: Solution, settings: Settings = SETTINGS[0], budget: int = BUDGET, log=None
) -> Solution | None:
    """A schedule with repeat rounds better than ``sol`` by the objective of ``P`` that passes
    :func:`.check.check`, or ``None``.

    ``sol.specs``: its rounds in commit order (:func:`.engine.finish`). ``log``: a list the kept moves are
    appended to, ``(tag, key)``.
    """
    specs = getattr(sol, "specs", None)
    if not specs or sol.evacuated >= P.demand or len(P.vehicles) * len(P.pickups) > UP_TO:
        return None
    short = short_pickups(P)
    if not short:
        return None
    counter = Counter(budget)
    S = replay_fit(P, specs, settings, counter=counter)
    best_key = max(state_key(P, S), sol.key(P))
    best = None
    cur = state_specs(S)
    while counter.left > 0:
        top = None
        for gen in (again_trials, reserve_trials):
            for tag, trial in gen(P, S, cur, short):
                if counter.left <= 0:
                    break
                S2 = replay_fit(P, trial, settings, counter=counter)
                k = state_key(P, S2)
                if k > best_key and (top is None or k > top[0]):
                    top = (k, S2, tag)
            if top is not None:
                break  # the reserve trials only when no further round of a convoy gains
        if top is None:
            break
        best_key, S, tag = top[0], top[1], top[2]
        best, cur = S, state_specs(S)
        if log is not None:
            log.append((tag, best_key))
    if best is None:
        return None
    out = finish(best)
    if check(P, out):
        return None  # never a schedule the independent checker rejects (a defect here costs the gain only)
    out.settings = (sol.settings or "") + ", repeat rounds"
    out.run = sol.run
    return out


__all__ = ["BUDGET", "repeat", "round_lb_s", "short_pickups"]
