"""Moves of the local search that change two or three convoy rounds at once (design section 6).

The moves of :mod:`.search` change one round (its place in the queues, a stop)
or rebuild a chain of rounds with the constructive. Where a checkpoint is
saturated, what binds is how the fleet is shared between the few convoys that
pass it: one more bus in the convoy that passes first lengthens each of its
passages by a vehicle's time and leaves the later convoys less of the window,
one bus fewer frees it for a convoy that still has time. These moves re-share
it; each yields trial rounds (``(tag, specs)``, specs as :func:`.search.replay_fit`
takes them) that the search times again and keeps when the objective improves:

- **transfer**: one or two vehicles of a round moved to another round forming
  at the same place (their loads dropped: the target tops its loads up from
  its stops), to a round from the vehicles never used there, or out of a round
  (unused then);
- **carry**: a vehicle moved to another round with its loads, the stops it
  loaded at added to that round's stops where missing (a stop set shifted);
- **swap**: two vehicles of different kinds (stretcher places, seats, profile)
  exchanged between two rounds at the same place;
- **split**: a round of several stops made two convoys, the vehicles that
  load at its first stops and those that load at the others;
- **hold**: a round that crosses a checkpoint in and out held for one to
  three later rounds (:func:`.search.replay_fit`): they may pass the
  checkpoint between its two passages, its out legs timed after theirs or
  before their out legs (a gap hold); with unused vehicles added too;
- **new round**: the unused vehicles at a place made a round to a pickup where
  many still wait, last or in a gap hold of an earlier round that crosses a
  checkpoint in and out (it passes in between);
- **insert** (under the priority rule): a pickup where people of one of the
  most urgent classes still wait added to a round as a further stop (for
  stretcher cases also with the unused ambulances at its place in place of
  its last vehicles without stretcher places), and the round's places given
  class by class (:func:`reload`): those people board instead of people of
  later classes.
"""

from __future__ import annotations

from planner.schedule.model import Problem, class_order

#: Vehicles one transfer moves at most.
TRANSFER_MAX = 2
#: Classes of the priority rule still waiting (the most urgent first) the insert move tries.
INSERT_CLASSES = 3
#: Pickups (those with the most people waiting) a new round of unused vehicles is tried to.
NEW_ROUND_PICKUPS = 2


def _uses(specs) -> dict:
    """``vehicle id -> [spec indices]`` in order."""
    out: dict = {}
    for x, sp in enumerate(specs):
        for v in sp[0]:
            out.setdefault(v, []).append(x)
    return out


def _movable(uses, v, i, j) -> bool:
    """Whether ``v``'s round ``i`` can become round ``j`` (no other round of ``v`` between them), or ``v``
    (``i`` is ``None``: unused) can join ``j``."""
    xs = uses.get(v, [])
    if i is None:
        return not xs
    before = [x for x in xs if x < i]
    after = [x for x in xs if x > i]
    return (not before or before[-1] < j) and (not after or after[0] > j)


def _kind(P: Problem, v) -> tuple:
    x = P.vehicle(v)
    return (x.stretcher_places, x.seats, x.profile)


def _without(spec, gone) -> tuple:
    """``spec`` without the vehicles ``gone`` (and their loads)."""
    vids = [v for v in spec[0] if v not in gone]
    stops = [(q, {v: x for v, x in ld.items() if v not in gone}) for q, ld in spec[3]]
    return (vids, *spec[1:3], stops, *spec[4:])


def _with(spec, new) -> tuple:
    """``spec`` with the vehicles ``new`` (no loads yet: the replay tops them up from its stops)."""
    return (list(spec[0]) + [v for v in new if v not in spec[0]], *spec[1:])


def _one_of_each_kind(P: Problem, vids, lead=None) -> list:
    """The last vehicle of each kind in ``vids`` (that can follow ``lead``)."""
    out: dict = {}
    for v in vids:
        if lead is None or P.follows(P.vehicle(v).profile, lead):
            out[_kind(P, v)] = v
    return [out[k] for k in sorted(out)]


def _idle(P: Problem, specs) -> dict:
    """``depot -> [vehicle ids]`` of the vehicles no round uses, in the problem's order."""
    used = {v for sp in specs for v in sp[0]}
    out: dict = {}
    for x in P.vehicles:
        if x.id not in used:
            out.setdefault(x.depot, []).append(x.id)
    return out


def transfers(P: Problem, specs):
    """``(i, specs)``: one or two vehicles of round ``i`` to another round at its place, from the unused
    vehicles to round ``i``, or out of round ``i``."""
    maxc = P.rules.max_convoy
    uses = _uses(specs)
    idle = _idle(P, specs)
    for j, sj in enumerate(specs):
        room = maxc - len(sj[0])
        pool = [v for v in idle.get(sj[2], []) if P.follows(P.vehicle(v).profile, sj[1])]
        for k in range(1, min(TRANSFER_MAX, room, len(pool)) + 1):
            # unused vehicles of each kind first, then k of the first kind
            for v in _one_of_each_kind(P, pool, sj[1]) if k == 1 else [None]:
                new = [v] if v is not None else pool[:k]
                yield j, specs[:j] + [_with(sj, new)] + specs[j + 1 :]
    for i, si in enumerate(specs):
        for j, sj in enumerate(specs):
            if i == j or si[2] != sj[2]:
                continue
            room = maxc - len(sj[0])
            ok = [v for v in si[0] if P.follows(P.vehicle(v).profile, sj[1]) and _movable(uses, v, i, j)]
            groups = [[v] for v in _one_of_each_kind(P, ok)]
            if min(TRANSFER_MAX, room, len(si[0]) - 1) >= 2 and len(ok) >= 2:
                groups.append(ok[-2:])
            for gone in groups:
                if len(gone) > room or len(gone) >= len(si[0]):
                    continue
                out = list(specs)
                out[i] = _without(si, set(gone))
                out[j] = _with(sj, gone)
                yield i, out
    for i, si in enumerate(specs):
        if len(si[0]) < 2:
            continue
        for v in _one_of_each_kind(P, si[0]):
            if uses[v][-1] == i:
                yield i, specs[:i] + [_without(si, {v})] + specs[i + 1 :]


def _insert_at(P: Problem, lead, place, stops, dest, q):
    """Positions where stop ``q`` can go in the round (every leg of the path exists), in order."""
    path = [place] + [x for x, _ in stops] + [dest]
    for pos in range(len(stops) + 1):
        if P.leg(lead, path[pos], q) is not None and P.leg(lead, q, path[pos + 1]) is not None:
            yield pos


def carries(P: Problem, specs):
    """``(i, specs)``: a vehicle of round ``i`` moved with its loads to another round at its place, its
    stops added where that round lacks them (at the first position every leg exists)."""
    maxc, maxs = P.rules.max_convoy, P.rules.max_stops
    uses = _uses(specs)
    for i, si in enumerate(specs):
        if len(si[0]) < 2:
            continue
        for j, sj in enumerate(specs):
            if i == j or si[2] != sj[2] or len(sj[0]) >= maxc:
                continue
            for v in _one_of_each_kind(P, si[0], sj[1]):
                if not _movable(uses, v, i, j):
                    continue
                mine = [(q, ld[v]) for q, ld in si[3] if v in ld]
                stops = [(q, dict(ld)) for q, ld in sj[3]]
                ok = True
                for q, x in mine:
                    at = next((k for k, (y, _) in enumerate(stops) if y == q), None)
                    if at is None:
                        if len(stops) >= maxs or P.pickup(q).destination not in (None, sj[4]):
                            ok = False
                            break
                        pos = next(_insert_at(P, sj[1], sj[2], stops, sj[4], q), None)
                        if pos is None:
                            ok = False
                            break
                        stops.insert(pos, (q, {}))
                        at = pos
                    stops[at][1][v] = x
                if not ok or not mine:
                    continue
                out = list(specs)
                out[i] = _without(si, {v})
                out[j] = (list(sj[0]) + [v], sj[1], sj[2], stops, *sj[4:])
                yield i, out


def swaps(P: Problem, specs):
    """``(i, specs)``: a vehicle of round ``i`` and one of another kind of round ``j`` at the same place
    exchanged (loads dropped: both rounds top up)."""
    uses = _uses(specs)
    for i, si in enumerate(specs):
        for j in range(i + 1, len(specs)):
            sj = specs[j]
            if si[2] != sj[2]:
                continue
            for a in _one_of_each_kind(P, si[0], sj[1]):
                for b in _one_of_each_kind(P, sj[0], si[1]):
                    if _kind(P, a) == _kind(P, b) or not (_movable(uses, a, i, j) and _movable(uses, b, j, i)):
                        continue
                    out = list(specs)
                    out[i] = _with(_without(si, {a}), [b])
                    out[j] = _with(_without(sj, {b}), [a])
                    yield i, out


def splits(P: Problem, specs):
    """``(i, specs)``: round ``i`` of several stops made two, the vehicles loading at its first ``m`` stops
    and the others (a vehicle loading at both parts stays in the first)."""
    for i, si in enumerate(specs):
        vids, lead, place, stops, dest = si[:5]
        if len(stops) < 2 or len(vids) < 2:
            continue
        for m in range(1, len(stops)):
            first = {v for _, ld in stops[:m] for v in ld}
            a = [v for v in vids if v in first]
            b = [v for v in vids if v not in first]
            if not a or not b:
                continue
            sa = (a, lead, place, [(q, ld) for q, ld in stops[:m]], *si[4:])
            sb = (b, lead, place, [(q, {v: x for v, x in ld.items() if v in set(b)}) for q, ld in stops[m:]], *si[4:])
            if not sb[3] or P.leg(lead, place, sb[3][0][0]) is None:
                continue
            yield i, specs[:i] + [sa, sb] + specs[i + 1 :]


def _shared(P: Problem, spec) -> bool:
    """Whether the round's in and out legs pass a common checkpoint (another round may pass between)."""
    vids, lead, place, stops, dest = spec[:5]
    lg = P.leg(lead, place, stops[0][0])
    cin = {c for c, _ in lg.checkpoints if P.checkpoints[c].checks_empty} if lg is not None else set()
    cout: set = set()
    path = [q for q, _ in stops] + [dest]
    for a, b in zip(path[:-1], path[1:]):
        x = P.leg(lead, a, b)
        if x is not None:
            cout |= {c for c, _ in x.checkpoints}
    return bool(cin & cout)


def holds(P: Problem, specs):
    """``(i, specs)``: round ``i`` (crossing a checkpoint in and out) held for 1 to 3 later rounds, its out
    legs after theirs or (a gap hold, negative) before their out legs, or not held; each also with one, two
    and as many as fit of the unused vehicles at its place (a longer first convoy may pay only when held)."""
    maxc = P.rules.max_convoy
    idle = _idle(P, specs)
    for i, si in enumerate(specs):
        if not _shared(P, si):
            continue
        now = si[6] if len(si) > 6 else 0
        pool = [v for v in idle.get(si[2], []) if P.follows(P.vehicle(v).profile, si[1])][: maxc - len(si[0])]
        adds = sorted({0, min(1, len(pool)), min(2, len(pool)), len(pool)}, reverse=True)
        for h in (-1, -2, -3, 1, 2, 3, 0):
            if h != 0 and i + abs(h) >= len(specs):
                continue
            for k in adds:
                if h != now or k:
                    yield i, specs[:i] + [(list(si[0]) + pool[:k], *si[1:6], h)] + specs[i + 1 :]


def new_rounds(P: Problem, S, specs):
    """``(i, specs)``: a new round of the vehicles never used at a place (as many as a convoy takes) to one
    of the :data:`NEW_ROUND_PICKUPS` pickups with the most people still waiting in ``S``, put after round
    ``i`` and the rounds ``i`` is held for (a gap hold of ``i`` for one to three rounds, the new one the
    last: it may pass a checkpoint between ``i``'s in and out passages), or at the end unheld."""
    idle = _idle(P, specs)
    waiting = sorted((-sum(x), q) for q, x in S.left.items() if sum(x) > 0)
    for place in sorted(idle):
        for lead in sorted({P.vehicle(v).profile for v in idle[place]}):
            every = [v for v in idle[place] if P.follows(P.vehicle(v).profile, lead)][: P.rules.max_convoy]
            if any(P.vehicle(v).seats for v in every):
                # the vehicles of the kind with the most seats, and all of them
                top = max(every, key=lambda v: (P.vehicle(v).seats, -P.vehicle(v).stretcher_places))
                big = [v for v in every if _kind(P, v) == _kind(P, top)]
                for vids in [big] + ([every] if len(every) > len(big) else []):
                    yield from _new_round(P, specs, waiting, place, lead, vids)


def _new_round(P: Problem, specs, waiting, place, lead, vids):
    """The trials of :func:`new_rounds` for one fleet ``vids`` forming at ``place``."""
    n = 0
    dep = max(P.first_departure(P.vehicle(v)) for v in vids)
    for _, q in waiting:
        if n >= NEW_ROUND_PICKUPS:
            break
        dest = _nearest(P, lead, q)
        if dest is None or P.leg(lead, place, q) is None:
            continue
        n += 1
        new: tuple = (list(vids), lead, place, [(q, {})], dest, dep, 0)
        yield len(specs), specs + [new]
        for i, si in enumerate(specs):
            if not _shared(P, si):
                continue
            for h in (1, 2, 3):
                if i + h > len(specs):
                    break
                out = list(specs)
                out[i] = (*si[:6], -h)
                out.insert(i + h, new)
                yield i, out


def _nearest(P: Problem, lead, q):
    """The destination nearest pickup ``q`` that it may go to (``None`` when none is reachable)."""
    allowed = P.pickup(q).destination
    best = None
    for d in P.destinations:
        lg = P.leg(lead, q, d.id)
        if lg is not None and (allowed is None or d.id == allowed) and (best is None or lg.time_s < best[0]):
            best = (lg.time_s, d.id)
    return None if best is None else best[1]


def reload(P: Problem, spec, left) -> tuple:
    """``spec`` with its places given class by class (the priority rule's order) from its own loads and
    the people ``left`` (pickup id -> by group) at its stops; stretcher cases in stretcher places.

    How many of each class board at each stop is decided first (the convoy's places as one pool: any such
    counts fit its vehicles); each stop's people are then spread over the vehicles, the fewest boarding
    each (the vehicles board side by side, so a stop takes the longest vehicle's boarding: three stops that
    fill a third of every vehicle each take a third of the time of three that fill whole vehicles)."""
    vids, lead, place, stops = spec[:4]
    avail = {q: list(left.get(q, (0, 0, 0))) for q, _ in stops}
    for q, ld in stops:
        for x in ld.values():
            for g in range(3):
                avail[q][g] += x[g]
    pool = [sum(P.vehicle(v).stretcher_places for v in vids), sum(P.vehicle(v).seats for v in vids)]
    take = {q: [0, 0, 0] for q, _ in stops}
    prio = {q: P.pickup(q).priority for q, _ in stops}
    for g, pr in classes(P):
        for q, _ in stops:
            if prio[q] == pr:
                k = min(avail[q][g], pool[0 if g == 0 else 1])
                pool[0 if g == 0 else 1] -= k
                avail[q][g] -= k
                take[q][g] += k
    rooms = ({v: P.vehicle(v).stretcher_places for v in vids}, {v: P.vehicle(v).seats for v in vids})
    new = []
    for q, _ in stops:
        here = dict.fromkeys(vids, 0)
        loads = {v: [0, 0, 0] for v in vids}
        for g in range(3):
            room = rooms[0 if g == 0 else 1]
            for v, k in level_fill(take[q][g], room, here).items():
                loads[v][g] += k
                room[v] -= k
                here[v] += k
        new.append((q, {v: tuple(x) for v, x in loads.items() if sum(x)}))
    return (vids, lead, place, new, *spec[4:])


def classes(P: Problem) -> list:
    """:func:`.model.class_order` of ``P``'s pickups, once per problem (asked per round by :func:`reload`)."""
    got = P.__dict__.get("_classes")
    if got is None or got[0] is not P.pickups:
        got = P.__dict__["_classes"] = (P.pickups, class_order(P.pickups))
    return got[1]


def favour(P: Problem, stops):
    """``keep_first(pickup, group)``: the most urgent class of the priority rule on board (``None`` without it)."""
    if not P.rules.priority_first:
        return None
    present = set()
    for q, ld in stops:
        pr = P.pickup(q).priority
        for g in range(3):
            if (g, pr) not in present and any(x[g] for x in ld.values()):
                present.add((g, pr))
    # the classes and each priority's pickups, once per problem
    got = P.__dict__.get("_by_priority")
    if got is None or got[0] is not P.pickups:
        by: dict = {}
        for p in P.pickups:
            by.setdefault(p.priority, set()).add(p.id)
        got = P.__dict__["_by_priority"] = (P.pickups, by)
    for cls in classes(P):
        if cls in present:
            g0, pr = cls
            of = got[1][pr]  # asked per person group in largest_fit
            return lambda q, g: g == g0 and q in of
    return None


def level_fill(n: int, room: dict, here: dict) -> dict:
    """``n`` people given to the vehicles with ``room`` (vehicle id -> free places) so that the most any
    vehicle boards (``here``: vehicle id -> boarding already) is as low as it can be: ``{vehicle id: k}``."""
    if n <= 0:
        return {}
    vs = [(here[v], room[v], v) for v in room if room[v] > 0]
    if not vs:
        return {}
    lo, hi = 0, max(h + r for h, r, _ in vs)
    while lo < hi:  # the lowest level at which the vehicles take all n
        mid = (lo + hi) // 2
        if sum(min(r, mid - h) for h, r, _ in vs if mid > h) >= n:
            hi = mid
        else:
            lo = mid + 1
    out = {v: min(r, lo - 1 - h) for h, r, v in vs if lo - 1 > h}
    rest = n - sum(out.values())
    for h, r, v in vs:  # the rest one each, in order, to the vehicles that reach the level
        if rest <= 0:
            break
        if lo > h and min(r, lo - h) > out.get(v, 0):
            out[v] = out.get(v, 0) + 1
            rest -= 1
    return {v: k for v, k in out.items() if k}


def inserts(P: Problem, S, specs):
    """``(i, specs)`` under the priority rule: a pickup where people of the most urgent class still waiting
    in ``S`` are added to round ``i`` as a further stop, the round reloaded class by class (:func:`reload`)."""
    if not P.rules.priority_first:
        return
    # the first classes still waiting, each at its pickups with the most of it left
    waiting = [
        (g, pr) for g, pr in class_order(P.pickups) if any(S.left[p.id][g] for p in P.pickups if p.priority == pr)
    ][:INSERT_CLASSES]
    for g0, pr0 in waiting:
        qs = sorted((-S.left[p.id][g0], p.id) for p in P.pickups if p.priority == pr0 and S.left[p.id][g0] > 0)
        yield from _inserts_of(P, S, specs, g0, [q for _, q in qs])


def _inserts_of(P: Problem, S, specs, g0, qs):
    maxc = P.rules.max_convoy
    idle = _idle(P, specs)
    carries_g = (lambda v: P.vehicle(v).stretcher_places > 0) if g0 == 0 else (lambda v: P.vehicle(v).seats > 0)
    for i, si in enumerate(specs):
        vids, lead, place, stops, dest = si[:5]
        # as it is, and with the unused vehicles at its place that carry the class (stretcher places for
        # stretcher cases) in place of its last vehicles that do not
        fleets = [(list(vids), False)] if any(carries_g(v) for v in vids) else []
        extra = [v for v in idle.get(place, []) if carries_g(v) and P.follows(P.vehicle(v).profile, lead)][:maxc]
        if extra and g0 == 0:
            keep = list(vids)
            while len(keep) + len(extra) > maxc:
                drop = next((v for v in reversed(keep) if not carries_g(v)), None)
                if drop is None:
                    break
                keep.remove(drop)
            if len(keep) + len(extra) <= maxc:
                fleets.append((keep + extra, True))
        for vs, changed in fleets:
            for q in qs:
                if P.pickup(q).destination not in (None, dest):
                    continue
                if q in {x for x, _ in stops}:
                    if changed:
                        yield i, specs[:i] + [reload(P, (vs, *si[1:]), S.left)] + specs[i + 1 :]
                    continue
                if len(stops) >= P.rules.max_stops:
                    continue
                for pos in _insert_at(P, lead, place, stops, dest, q):
                    new = (vs, lead, place, stops[:pos] + [(q, {})] + stops[pos:], *si[4:])
                    yield i, specs[:i] + [reload(P, new, S.left)] + specs[i + 1 :]


__all__ = ["carries", "classes", "favour", "holds", "inserts", "new_rounds", "reload", "splits", "swaps", "transfers"]
