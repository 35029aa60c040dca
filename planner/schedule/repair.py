"""The constructive's repair: unused vehicles into rounds with spare places, and new rounds of them.

After each constructive run (:func:`.engine.construct`), :func:`repair` puts vehicles standing where a round
forms into it while people still wait at its stops, and :func:`insert_idle` tries a round of never-used vehicles
at a few earlier positions of the formation order; both time the whole schedule again
(:func:`.engine.replay`) and keep what moves more people. Deterministic.
"""

from __future__ import annotations

import copy

from planner.schedule.builder import Builder, Settings, State
from planner.schedule.engine import ALL_SETTINGS_UP_TO, SETTINGS, _spec, replay
from planner.schedule.fit import _fill, _trim


def repair(S: State, settings: Settings = SETTINGS[0]) -> State:
    """Put unused vehicles into rounds with spare convoy places where people still wait at the round's stops.

    For each round in the order it was formed, vehicles standing at its formation place with no later round
    (idle since the start, or after their last round) join it and board people left at its stops; the whole
    schedule is timed again (:func:`replay`, the longer passages delay the rounds behind it) and kept when
    every round still fits and more people are out. Deterministic: rounds, vehicles and stops in fixed order.
    """
    P = S.P
    maxc = P.rules.max_convoy
    veh = {v.id: v for v in P.vehicles}
    i = 0
    while i < len(S.rounds):
        r = S.rounds[i]
        spare = maxc - len(r.vehicles)
        stops = S.stops_of[id(r)]
        want = [list(S.left[q]) for q, _ in stops]
        if spare <= 0 or not any(sum(w) for w in want) or S.cap[r.destination] <= 0:
            i += 1
            continue
        last = {}
        for k, x in enumerate(S.rounds):
            for v in x.vehicles:
                last[v] = k
        cands = []
        for v in P.vehicles:
            j = last.get(v.id)
            at, free = (v.depot, P.first_departure(v)) if j is None else (S.rounds[j].destination, S.rounds[j].unloaded)
            if j is not None and j >= i:
                continue
            if at == r.formation and free <= r.depart + 1e-6 and P.follows(v.profile, r.lead):
                cands.append(v.id)
        cands = cands[:spare]
        accepted = False
        while cands and not accepted:
            room = int(min(S.cap[r.destination], 10**9))
            need = [list(w) for w in want]
            new_stops = []
            free = {v: [veh[v].stretcher_places, veh[v].seats] for v in cands}  # the joining vehicles' places
            for (q, ld), nd in zip(stops, need):
                got = _fill(free, P, nd)
                add = {}
                for v, x in got.items():
                    x = list(x)
                    for g in range(3):
                        k = min(x[g], room)
                        x[g], room = k, room - k
                    if sum(x):
                        add[v] = tuple(x)
                merged = dict(ld)
                for v, x in add.items():
                    merged[v] = tuple(a + b for a, b in zip(merged.get(v, (0, 0, 0)), x))
                new_stops.append((q, merged))
            used = sorted({v for _, ld in new_stops for v in ld} - set(r.vehicles))
            if not used:
                break
            specs = [_spec(S, x) for x in S.rounds]
            vids = list(r.vehicles) + [v for v in cands if v in used]
            specs[i] = (vids, r.lead, r.formation, new_stops, r.destination, r.depart)
            S2 = replay(P, specs, settings)
            if S2 is not None and S2.people_out > S.people_out:
                S = S2
                accepted = True
            else:
                cands = cands[: len(cands) // 2]
        i += 1
    return insert_idle(S, settings)


def _copy(S: State) -> State:
    """A copy of ``S`` that rounds can be committed to without changing ``S`` (the rounds themselves shared)."""
    T = State.__new__(State)
    T.__dict__.update(S.__dict__)
    T.tt = copy.copy(S.tt)
    T.tt.busy = {c: (list(a), list(b)) for c, (a, b) in S.tt.busy.items()}
    T.tt.departs = {k: list(v) for k, v in S.tt.departs.items()}
    T.vfree, T.cap, T.stops_of = dict(S.vfree), dict(S.cap), dict(S.stops_of)
    T.dead, T.hold = dict(S.dead), dict(S.hold)
    T.left = {k: list(v) for k, v in S.left.items()}
    T.teams = [list(t) for t in S.teams]
    T.teams_at = {k: list(v) for k, v in S.teams_at.items()}
    T.rounds, T.held = list(S.rounds), list(S.held)
    return T


def _prefix(P, specs, pos, before: dict, settings: Settings):
    """The state after replaying ``specs[:pos]`` (:func:`replay`, shortening), from the latest state of
    ``before`` (position -> state) ahead of ``pos``: a replay goes round by round, so going on from the state
    after the first rounds gives what one replay of them all gives."""
    done = [k for k in before if k < pos]
    if not done:
        return replay(P, specs[:pos], settings, shorten=True)
    k = max(done)
    if before[k] is None:
        return None  # a round before k no longer fits: nor does it before pos
    return replay(P, specs[k:pos], settings, shorten=True, start=_copy(before[k]))


#: Positions in the formation order :func:`insert_idle` tries for a new round, and anchors per place.
INSERT_POSITIONS = 8
INSERT_ANCHORS = 3


def insert_idle(S: State, settings: Settings = SETTINGS[0]) -> State:
    """A new round for vehicles never used, placed earlier in the queues than the construction could.

    For each place where unused vehicles stand, a round of them (all, then half) to the pickups with the most
    people left (one stop), to the nearest destination with room, is put at a few positions of the formation
    order and the whole schedule timed again (:func:`replay`); the best that moves more people is kept.
    Repeated while it gains. Deterministic.
    """
    P = S.P
    veh = {v.id: v for v in P.vehicles}
    maxc = P.rules.max_convoy
    for _ in range(len(P.vehicles)):
        used = {v for r in S.rounds for v in r.vehicles}
        idle: dict = {}
        for v in P.vehicles:
            if v.id not in used:
                idle.setdefault(v.depot, []).append(v.id)
        if not idle:
            break
        base = S.people_out
        specs = [_spec(S, r) for r in S.rounds]
        B = Builder(S, settings)
        anchors = sorted((p for p in P.pickups if sum(S.left[p.id]) > 0), key=lambda p: (-sum(S.left[p.id]), p.id))
        best, best_n = None, base
        n = len(specs)
        npos = INSERT_POSITIONS if len(P.vehicles) * len(P.pickups) <= ALL_SETTINGS_UP_TO else 3
        positions = sorted({(k * n) // max(1, npos - 1) for k in range(npos)} | {n})
        before: dict = {}  # position -> the state after replaying the rounds before it
        tail = [0] * (n + 1)  # position -> people of the rounds from it on, as committed
        for k in range(n - 1, -1, -1):
            tail[k] = tail[k + 1] + S.rounds[k].people
        for place in sorted(idle):
            vids = sorted(idle[place], key=lambda v: (P.first_departure(veh[v]), v))
            for p in anchors[:INSERT_ANCHORS]:
                for lead in sorted({veh[v].profile for v in vids}):
                    members = [v for v in vids if P.follows(veh[v].profile, lead)][:maxc]
                    if P.leg(lead, place, p.id) is None:
                        continue
                    dest = B.destination_for(lead, p.id, [p.id])
                    if dest is None:
                        continue
                    for size in sorted({len(members), max(1, len(members) // 2)}, reverse=True):
                        need = list(S.left[p.id])
                        free = {v: [veh[v].stretcher_places, veh[v].seats] for v in members[:size]}
                        load = _fill(free, P, need)
                        load = _trim({p.id: load}, [p.id], int(min(S.cap[dest], 10**9)))[p.id]
                        if not load:
                            continue
                        new = (
                            sorted(load),
                            lead,
                            place,
                            [(p.id, load)],
                            dest,
                            max(P.first_departure(veh[v]) for v in load),
                        )
                        # a replay never moves more than its rounds' loads (it only drops stops): when the new
                        # round with every round kept whole could not beat the best, no position can
                        gain = sum(sum(x) for x in load.values())
                        if base + gain <= best_n:
                            continue
                        for pos in positions:
                            # the rounds before pos are timed as they were for every new round: once
                            if pos not in before:
                                before[pos] = _prefix(P, specs, pos, before, settings)
                            if before[pos] is None:
                                continue
                            if before[pos].people_out + gain + tail[pos] <= best_n:
                                continue
                            S2 = replay(P, [new] + specs[pos:], settings, shorten=True, start=_copy(before[pos]))
                            if S2 is None:
                                continue
                            got = S2.people_out
                            if got > best_n:
                                best, best_n = S2, got
        if best is None:
            break
        S = best
    return S
