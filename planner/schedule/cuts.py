"""Checkpoint passage cuts of the bound: what one checkpoint lets through inside its passage window.

For a checkpoint ``c`` and the pickups every loaded path from which passes it
(:func:`planner.schedule.bound._behind`), every person from them is on board of
an *out* passage of ``c``. Those passages, and the *in* passages of the rounds
that must cross ``c`` empty on their way in, share one machine (one convoy at a
time) inside a window per open interval:

- **earliest start**: the earliest any convoy can be at ``c`` (from the
  vehicles' first departures over the fastest legs, every checkpoint before it
  served for a one-vehicle convoy, pickups' ready times), plus, for a loaded
  passage whose vehicles carry at least ``q`` people each, ``q`` boardings;
- **latest clear**: the end of the window (or of the daylight part) minus the
  fastest drive on from ``c`` to a destination with the passages there, minus
  ``q`` unloadings;
- a passage of ``k`` vehicles carrying ``n`` people takes at least
  ``service_s(k, 0)`` plus ``n`` times the per-person term; it carries at most
  ``k`` times the largest vehicle's places;
- a round formed at a place from which every drive to a pickup crosses ``c``
  (checking empty vehicles) uses an in passage of the same size too; rounds
  formed elsewhere are vehicles' first rounds at depots that do not (at most
  those depots' vehicles) or rounds from destinations that do not;
- rounds from destinations are second or later rounds: at most the vehicles'
  rounds that fit, less one each.

The most people is a linear program (the relaxation of the integer program) over passage counts by convoy
size, load level (per vehicle: a third, two thirds, all of the places; a
heavier level has a narrower window) and kind of round, solved exactly with
GLOP (:func:`.lp.lp_min`). It relaxes the schedule (any feasible
schedule gives a solution of it), so it never cuts a feasible schedule off.
"""

from __future__ import annotations

import math

from planner.schedule.convoypaths import paths_k, round_min, round_mins
from planner.schedule.model import INF, Problem
from planner.schedule.shortest import dijkstra

#: Load levels per vehicle (shares of the largest vehicle's places).
LEVELS = (1 / 3, 2 / 3, 1.0)


def _one_vehicle(P, memo=None) -> dict:
    """``checkpoint id -> (one-vehicle passage s, checks empty)`` (kept in ``memo``)."""
    got = None if memo is None else memo.get("_cut_one")
    if got is None:
        got = {c: (cp.service_s(1, 0), cp.checks_empty) for c, cp in P.checkpoints.items()}
        if memo is not None:
            memo["_cut_one"] = got
    return got


def _svc1(P, lg, loaded, skip=None, upto=None, one=None):
    """One-vehicle passages on a leg (all when loaded, else only those checking empty), optionally only up to
    (excluding) checkpoint ``upto`` or only after ``skip``. ``one``: :func:`_one_vehicle` of ``P``."""
    one = _one_vehicle(P) if one is None else one
    s = 0.0
    seen = skip is None
    for cid, _ in lg.checkpoints:
        if upto is not None and cid == upto:
            break
        if not seen:
            if cid == skip:
                seen = True
            continue
        t = one.get(cid)
        if t is not None and (loaded or t[1]):
            s += t[0]
    return s


def earliest_at(P: Problem, memo=None) -> dict:
    """Earliest time (s) any vehicle can be at each place (depots, pickups as departure after ready, destinations)."""
    memo = {} if memo is None else memo
    if "_cut_earliest" in memo:
        return memo["_cut_earliest"]
    one = _one_vehicle(P, memo)
    pk = {p.id: p for p in P.pickups}
    dist: dict = {}
    for v in P.vehicles:
        t = P.first_departure(v)
        if t < dist.get(v.depot, INF):
            dist[v.depot] = t
    edges: dict = {}
    for legs in P.legs.values():
        for (a, b), lg in legs.items():
            w = lg.time_s + _svc1(P, lg, a in pk, one=one)
            edges.setdefault(a, []).append((b, w))
    ready = {x: p.ready_s for x, p in pk.items()}
    dist = dijkstra(dist, edges, ready)
    out = {x: (max(d, pk[x].ready_s) if x in pk else d) for x, d in dist.items()}
    memo["_cut_earliest"] = out
    return out


def rest_to_destination(P: Problem, memo=None) -> dict:
    """Fastest loaded time (s) from each pickup to any destination, one-vehicle passages included."""
    memo = {} if memo is None else memo
    if "_cut_rest" in memo:
        return memo["_cut_rest"]
    one = _one_vehicle(P, memo)
    pk = {p.id for p in P.pickups}
    dist = {d.id: 0.0 for d in P.destinations}
    rev: dict = {}
    for legs in P.legs.values():
        for (a, b), lg in legs.items():
            if a in pk and (b in pk or b in dist):
                rev.setdefault(b, []).append((a, lg.time_s + _svc1(P, lg, True, one=one)))
    dist = dijkstra(dist, rev)
    memo["_cut_rest"] = dist
    return dist


def passage_window(P: Problem, cid, memo=None):
    """``(earliest in start, earliest loaded start, latest loaded clear, needs_in)`` at checkpoint ``cid``.

    ``needs_in``: formation place -> whether every drive from it to a pickup crosses ``cid`` checking empty.
    """
    memo = {} if memo is None else memo
    key = ("passage_window", cid)
    if key not in memo:  # read by every checkpoint term of the bound: computed once a checkpoint
        memo.update(passage_windows(P, [cid], memo))
    return memo[key]


def passage_windows(P: Problem, cids, memo) -> dict:
    """``("passage_window", cid) -> passage_window(P, cid)`` for the checkpoints ``cids``, in one pass over the
    legs: each leg's figures for each of them on it (the same sums, in the same order, as one at a time)."""
    pk = {p.id for p in P.pickups}
    dests = {d.id for d in P.destinations}
    T = earliest_at(P, memo)
    R = rest_to_destination(P, memo)
    cps = {c: P.checkpoints[c] for c in cids}
    one = _one_vehicle(P, memo)
    e_in = dict.fromkeys(cps, INF)
    e_out = dict.fromkeys(cps, INF)
    l_out = dict.fromkeys(cps, -INF)
    crossed: dict = {}  # formation place -> checkpoints every drive from it to a pickup passes (None: no drive yet)
    for legs in P.legs.values():
        for (a, b), lg in legs.items():
            loaded = a in pk
            seq = lg.checkpoints
            on = []  # (checkpoint, offset, index) at its first passage on the leg
            for i, (c, off) in enumerate(seq):
                if c in cps and all(c != x for x, _, _ in on):
                    on.append((c, off, i))
            if not loaded and b in pk:
                here = {c for c, _, _ in on}
                crossed[a] = here if crossed.get(a) is None else crossed[a] & here
            if not on:
                continue
            t0 = T.get(a, INF)
            # one-vehicle passages along the leg (None: not a checkpoint of the problem), as _svc1 adds them
            svc = [one.get(c) for c, _ in seq]
            for cid, off, i in on:
                before = 0.0
                for t in svc[:i]:
                    if t is not None and (loaded or t[1]):
                        before += t[0]
                if loaded:
                    e_out[cid] = min(e_out[cid], t0 + off + before)
                    rest = R.get(b, INF) if b not in dests else 0.0
                    later = 0.0
                    for t in svc[i + 1 :]:
                        if t is not None:
                            later += t[0]
                    after = lg.time_s - off + later + rest
                    if math.isfinite(after) and math.isfinite(t0):
                        l_out[cid] = max(l_out[cid], P.window_end_s - after)
                elif cps[cid].checks_empty:
                    e_in[cid] = min(e_in[cid], t0 + off + before)
    out = {}
    for cid, cp in cps.items():
        needs_in = {a: bool(cp.checks_empty and cid in got) for a, got in crossed.items()}
        out[("passage_window", cid)] = (e_in[cid], e_out[cid], l_out[cid], needs_in)
    return out


def checkpoint_cut(P: Problem, cid, people_behind, tt, rounds_of=None, halts=False, memo=None) -> int:
    """Most people through checkpoint ``cid`` (see the module docstring); ``people_behind`` caps the answer.

    ``rounds_of``: vehicle id -> most rounds it can make in the window (the fleet term); ``None``: unlimited.
    """
    import numpy as np

    from planner.schedule.lp import lp_min

    cp = P.checkpoints[cid]
    rules = P.rules
    K = max(1, min(int(rules.max_convoy), len(P.vehicles)))
    cap = max((v.capacity for v in P.vehicles), default=0)
    if cap <= 0 or people_behind <= 0:
        return 0
    e_in, e_out, l_out, needs_in = passage_window(P, cid, memo)
    if not math.isfinite(e_out) or not math.isfinite(l_out):
        return 0
    b, lv = rules.board_s_per_person, rules.leave_s_per_person
    beta = cp.person_s / max(1, int(cp.lanes))
    # formation kinds: free first rounds (depots not crossing c empty), crossing first rounds, later rounds
    depot_veh: dict = {}
    for v in P.vehicles:
        depot_veh[v.depot] = depot_veh.get(v.depot, 0) + 1
    v_free = sum(n for d, n in depot_veh.items() if not needs_in.get(d, False))
    v_in = sum(n for d, n in depot_veh.items() if needs_in.get(d, False))
    dest_ids = [d.id for d in P.destinations]
    dest_free = any(not needs_in.get(d, False) for d in dest_ids if d in needs_in)
    later = INF if rounds_of is None else sum(max(0, r - 1) for r in rounds_of.values())
    total = INF if rounds_of is None else sum(rounds_of.values())
    kinds = [("free", False, v_free), ("in", True, v_in), ("later", not dest_free, later)]
    # windows: per usable interval of c; without halts each daylight part is its own
    e0 = min(e_in, e_out) if math.isfinite(e_in) else e_out
    ivals = []
    for a, z in tt.usable.get(cid, []):
        ivals.append((a, z))
    if not ivals:
        return 0
    first_seg = True
    windows = []  # per interval: per level: (start, end) for loaded passages; in passages start at e_in
    for a, z in sorted(ivals):
        if z <= e0:
            continue
        per = []
        for q in LEVELS:
            lo_out = e_out + _prev_level(q, cap) * b
            hi = min(z, l_out - _prev_level(q, cap) * lv)
            lo = max(a, min(e_in, lo_out) if math.isfinite(e_in) else lo_out)
            if not first_seg:
                lo = a  # after a night vehicles may wait at the checkpoint's doorstep (relaxed)
            per.append((lo, hi))
        windows.append(per)
        first_seg = False
    if not windows:
        return 0
    nI, nL, nT = len(windows), len(LEVELS), len(kinds)
    idx = {}
    for i in range(nI):
        for m in range(nL):
            for k in range(1, K + 1):
                for t in range(nT):
                    idx[(i, m, k, t)] = len(idx)
    ny = len(idx)  # people variables per (interval, level)
    yidx = {(i, m): ny + i * nL + m for i in range(nI) for m in range(nL)}
    nvar = ny + nI * nL
    rows, lo_b, hi_b = [], [], []

    def row():
        return np.zeros(nvar)

    # people of a level at most what its passages carry
    for i in range(nI):
        for m, q in enumerate(LEVELS):
            r = row()
            r[yidx[(i, m)]] = 1.0
            for k in range(1, K + 1):
                for t in range(nT):
                    r[idx[(i, m, k, t)]] = -float(math.floor(k * q * cap))
            rows.append(r), lo_b.append(-INF), hi_b.append(0.0)
    # time: passages of levels >= m in interval i fit its level-m window
    for i in range(nI):
        for m in range(nL):
            lo, hi = windows[i][m]
            r = row()
            for m2 in range(m, nL):
                for k in range(1, K + 1):
                    for t, (_, pairs, _) in enumerate(kinds):
                        r[idx[(i, m2, k, t)]] = cp.service_s(k, 0) + (cp.service_s(k, 0) if pairs else 0.0)
                r[yidx[(i, m2)]] = beta
            rows.append(r), lo_b.append(-INF), hi_b.append(max(0.0, hi - lo))
    # vehicles per kind of round, and rounds in all
    for t, (_, _, limit) in enumerate(kinds):
        if math.isfinite(limit):
            r = row()
            for key, j in idx.items():
                if key[3] == t:
                    r[j] = key[2]
            rows.append(r), lo_b.append(-INF), hi_b.append(float(limit))
    if math.isfinite(total):
        r = row()
        for key, j in idx.items():
            r[j] = key[2]
        rows.append(r), lo_b.append(-INF), hi_b.append(float(total))
    r = row()
    for j in yidx.values():
        r[j] = 1.0
    rows.append(r), lo_b.append(-INF), hi_b.append(float(people_behind))
    c = np.zeros(nvar)
    for j in yidx.values():
        c[j] = -1.0
    # the LP relaxation: fast and deterministic (still a valid bound)
    fun = lp_min(c, np.array(rows), hi_b, lo_b)
    if fun is None:
        return int(people_behind)
    return int(min(people_behind, math.floor(-fun + 1e-6)))


def _prev_level(q, cap):
    """Per-vehicle people at least carried by a passage of load level ``q`` (the level below's top)."""
    k = LEVELS.index(q)
    return 0.0 if k == 0 else math.floor(LEVELS[k - 1] * cap)


def fleet_checkpoint_lp(P: Problem, tt, universal, people_cap, halts=False, memo=None) -> int | None:
    """Fleet and checkpoint time together: an LP over rounds by convoy size and formation.

    ``x[k, f]``: rounds of ``k`` vehicles formed at depot ``f`` (first rounds: at most its vehicles) or at a
    destination (later rounds). Each vehicle's rounds, each at least the shortest round of its size (drives and
    ``k``-vehicle passages) plus its people's boarding and leaving, fit its time after its first departure;
    every checkpoint of ``universal`` (passed loaded by every round that carries anyone) serves each round's
    out passage, and its in passage when the formation place crosses it empty, inside its passage window.
    ``None`` when there is nothing to say.
    """
    import numpy as np

    from planner.schedule.lp import lp_min

    memo = {} if memo is None else memo
    rules = P.rules
    K = max(1, min(int(rules.max_convoy), len(P.vehicles)))
    cap = max((v.capacity for v in P.vehicles), default=0)
    if cap <= 0 or not universal:
        return None
    depot_veh: dict = {}
    avail = 0.0
    for v in P.vehicles:
        depot_veh[v.depot] = depot_veh.get(v.depot, 0) + 1
        t0 = P.first_departure(v)
        if halts:
            avail += max(0.0, P.window_end_s - t0)
        else:
            avail += sum(max(0.0, b - max(a, t0)) for a, b in tt.day if b > t0)
    forms = sorted(depot_veh) + ["*later"]
    dests = [d.id for d in P.destinations]
    cols = [(k, f) for k in range(1, K + 1) for f in forms]
    nx = len(cols)
    ny = nx  # y: people, last column
    nvar = nx + 1
    rows, rhs = [], []
    dur = {}
    round_mins(P, range(1, K + 1), memo)
    for k in range(1, K + 1):
        rm = round_min(P, k, memo)
        for f in forms:
            dur[(k, f)] = min((rm.get(d, INF) for d in dests), default=INF) if f == "*later" else rm.get(f, INF)
    ub = [0.0 if not math.isfinite(dur[c]) else None for c in cols] + [float(people_cap)]
    # people at most the places of the rounds
    r = np.zeros(nvar)
    for j, (k, _f) in enumerate(cols):
        r[j] = -float(k * cap)
    r[ny] = 1.0
    rows.append(r), rhs.append(0.0)
    # vehicle time
    r = np.zeros(nvar)
    for j, c in enumerate(cols):
        if math.isfinite(dur[c]):
            r[j] = c[0] * dur[c]
    r[ny] = rules.board_s_per_person + rules.leave_s_per_person
    rows.append(r), rhs.append(avail)
    # first rounds per depot
    for f in forms[:-1]:
        r = np.zeros(nvar)
        for j, (k, g) in enumerate(cols):
            if g == f:
                r[j] = k
        rows.append(r), rhs.append(float(depot_veh[f]))
    # checkpoints every round passes loaded
    for cid in universal:
        cp = P.checkpoints[cid]
        e_in, e_out, l_out, needs_in = passage_window(P, cid, memo)
        if not (math.isfinite(e_out) and math.isfinite(l_out)):
            continue
        lo = min(e_in, e_out)
        W = sum(max(0.0, min(b, l_out) - max(a, lo)) for a, b in tt.usable.get(cid, []))
        later_in = all(needs_in.get(d, True) for d in dests)
        r = np.zeros(nvar)
        for j, (k, f) in enumerate(cols):
            crosses = later_in if f == "*later" else needs_in.get(f, False)
            r[j] = cp.service_s(k, 0) * (2.0 if crosses else 1.0)
        r[ny] = cp.person_s / max(1, int(cp.lanes))
        rows.append(r), rhs.append(W)
    c = np.zeros(nvar)
    c[ny] = -1.0
    fun = lp_min(c, np.array(rows), rhs, upper=ub)
    if fun is None:
        return None
    return int(math.floor(-fun + 1e-6))


#: Convoy size classes of :func:`pickup_fleet_lp`: ``(smallest, largest)`` vehicles (a class counts its
#: smallest size's times and its largest size's places, so it relaxes every size in it).
SIZE_CLASSES = ((1, 1), (2, 2), (3, 4), (5, 8), (9, 15), (16, 10**6))


def pickup_fleet_lp(P: Problem, tt, reach, behind, rounds_of, halts=False, memo=None) -> int | None:
    """Fleet and checkpoints per pickup: an LP over the people ``y[p, s, f]`` from pickup ``p`` in convoys of size
    class ``s`` formed at ``f`` (a depot: vehicles' first rounds; or any destination: later rounds).

    - each vehicle-round of a ``k``-convoy through ``p`` lasts at least the fastest round through ``p`` with
      ``k``-vehicle passages; a vehicle carries at most the largest vehicle's places, so each person uses
      that time over those places of vehicle time, plus its boarding and leaving; all vehicles' time after
      their first departure bounds the sum;
    - first rounds at depot ``f``: at most its vehicles' places; later rounds: at most the places of the
      vehicles' further rounds that fit (``rounds_of`` less one each);
    - checkpoint ``c`` (``behind[c]``: the pickups every loaded path from which passes it): the passages of
      the people behind it (at least their number over a convoy's places, each at least the class's smallest
      service, twice when the formation place crosses ``c`` empty) fit its passage window.

    ``None`` when the LP says nothing (no pickup).
    """
    import numpy as np
    from scipy.sparse import coo_matrix

    from planner.schedule.lp import lp_min

    memo = {} if memo is None else memo
    rules = P.rules
    cap = max((v.capacity for v in P.vehicles), default=0)
    pids = sorted(reach)
    if cap <= 0 or not pids:
        return None
    K = max(1, min(int(rules.max_convoy), len(P.vehicles)))
    classes = [(lo, min(hi, K)) for lo, hi in SIZE_CLASSES if lo <= K]
    depot_veh: dict = {}
    avail = 0.0
    for v in P.vehicles:
        depot_veh[v.depot] = depot_veh.get(v.depot, 0) + 1
        t0 = P.first_departure(v)
        if halts:
            avail += max(0.0, P.window_end_s - t0)
        else:
            avail += sum(max(0.0, b - max(a, t0)) for a, b in tt.day if b > t0)
    dests = [d.id for d in P.destinations]
    forms = sorted(depot_veh) + ["*later"]
    pk = {p.id: p for p in P.pickups}
    cols, dur = [], []
    for si, (lo, _hi) in enumerate(classes):
        out, into = paths_k(P, lo, memo)
        for f in forms:
            for p in pids:
                if pk[p].destination is not None and pk[p].destination not in dests:
                    continue
                if f == "*later":
                    d = min((into.get(x, {}).get(p, INF) for x in dests), default=INF)
                else:
                    d = into.get(f, {}).get(p, INF)
                d += out.get(p, INF)
                if math.isfinite(d):
                    cols.append((p, si, f))
                    dur.append(d)
    if not cols:
        return None
    n = len(cols)
    data, ri, ci, rhs = [], [], [], []

    def add(row_entries, b):
        r = len(rhs)
        for j, val in row_entries:
            data.append(val)
            ri.append(r)
            ci.append(j)
        rhs.append(b)

    beta = rules.board_s_per_person + rules.leave_s_per_person
    add([(j, dur[j] / cap + beta) for j in range(n)], avail)
    by_p: dict = {}
    by_f: dict = {}
    for j, (p, si, f) in enumerate(cols):
        by_p.setdefault(p, []).append(j)
        by_f.setdefault(f, []).append(j)
    for p, js in by_p.items():
        add([(j, 1.0) for j in js], float(pk[p].people))
    for f, js in by_f.items():
        if f == "*later":
            if rounds_of is not None:
                add([(j, 1.0) for j in js], float(cap * sum(max(0, r - 1) for r in rounds_of.values())))
        else:
            add([(j, 1.0) for j in js], float(cap * depot_veh[f]))
    cap_total = sum(d.capacity for d in P.destinations)
    if math.isfinite(cap_total):
        add([(j, 1.0) for j in range(n)], float(cap_total))
    for cid, bset in behind.items():
        if not bset:
            continue
        cp = P.checkpoints[cid]
        e_in, e_out, l_out, needs_in = passage_window(P, cid, memo)
        if not (math.isfinite(e_out) and math.isfinite(l_out)):
            continue
        lo_t = min(e_in, e_out)
        W = sum(max(0.0, min(b, l_out) - max(a, lo_t)) for a, b in tt.usable.get(cid, []))
        later_in = all(needs_in.get(d, True) for d in dests)
        ent = []
        per_person = cp.person_s / max(1, int(cp.lanes))
        for j, (p, si, f) in enumerate(cols):
            if p not in bset:
                continue
            lo, hi = classes[si]
            crosses = later_in if f == "*later" else needs_in.get(f, False)
            ent.append((j, cp.service_s(lo, 0) * (2.0 if crosses else 1.0) / (hi * cap) + per_person))
        if ent:
            add(ent, W)
    A = coo_matrix((data, (ri, ci)), shape=(len(rhs), n)).tocsr()
    fun = lp_min(-np.ones(n), A, rhs)
    if fun is None:
        return None
    return int(math.floor(-fun + 1e-6))
