"""The checkpoint passage windows term of the bound: energetic reasoning at the universal checkpoints.

It applies to the checkpoints ``U`` on every leg from a pickup to a destination
(:func:`universal_checkpoints`): every round, loaded or not, passes each of them
on its last leg, and a round formed at a place whose every drive to a pickup
crosses one that checks empty vehicles passes it on the way in too. A
checkpoint serves one convoy at a time, so in any interval ``[t1, t2]`` the
passages there take at most ``t2 - t1``; a passage of ``k`` vehicles takes at
least ``service_s(k, 0)`` and starts inside a window ``[es, ls]``, so it takes
at least its *mandatory* part of the interval,
``min(t2 - t1, p, es + p - t1, t2 - ls)`` if positive (:func:`mandatory`;
energetic reasoning, Baptiste, Le Pape and Nuijten, *Constraint-Based
Scheduling*, 2001). Each vehicle of a convoy is charged ``1/k`` of it with its
own window, which holds the convoy's (the convoy's part is at least each
vehicle's, so at least their mean).

The windows come from each vehicle's **pattern**: its kind (depot, first
departure, places), then for each of its rounds (at most three, the fleet
term's limit) a convoy size ``k``, a load level (at most ``j / LEVELS`` of its
places, timed with ``(j - 1) / LEVELS``: boarding before the last leg, unloading
after it), and for a first round its destination, the formation place of the
second. Each time is a least one over at most ``max_stops`` stops with the
``k``-vehicle passages of every checkpoint on the way (:class:`_Times`): a
round's length; from its formation to the start of a passage at a checkpoint
of ``U`` on its last leg (boarding added), and from that start to the end of
the leg (unloading added); for an in passage, from the formation to it and
from it through the round. A passage's earliest start adds the rounds before
it to the vehicle's first departure; its latest start takes the rounds after
it from the end of the window; both inside the checkpoint's usable hours.

- **Later rounds by class of assembly point**: pickups are split in classes by
  the least time of a one-vehicle round from a destination to them; a later
  round is timed as the quickest of the class of its slowest stop (in the
  classes' order), so its people come from that class or quicker ones, and
  the later rounds of the classes up to each one carry at most those
  classes' people.
- **Round 1 pinned**: a two-round pattern is split by the interval of
  :data:`PIN_S` s holding its first round's start at the last universal
  checkpoint; its second round's passages start no earlier than that
  interval's start plus the time from there to the end of its first round.
  A third round is counted by its least time only (its passages left out).

The LP over the patterns and its Lagrangian bound are in :mod:`.windowslp`.
Every part relaxes the schedule (nights, escorts, headways and ready times are left out,
which only widens windows), so any feasible schedule gives a solution: the
term is never below what a schedule achieves. It is computed on the
tightening path only (``upper_bound(..., effort_s=)``): seconds on the 50 buses
/ 30 assembly points / 20 checkpoints plan.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from planner.schedule.model import INF, Problem
from planner.schedule.reach import universal_checkpoints
from planner.schedule.windowslp import PassageArrays, Patterns, lagrangian_bound, mandatory

__all__ = ["mandatory", "universal_checkpoints", "window_cut"]


class _Legs:
    """The legs as arrays: per leg its ends and, per size ``k``, its weight and its times to and from a checkpoint."""

    def __init__(self, P: Problem, K: int, cs: list):
        pk = {p.id for p in P.pickups}
        dests = {d.id for d in P.destinations}
        cids = sorted(P.checkpoints)
        col = {c: i for i, c in enumerate(cids)}
        # svc[k-1, col]: a k-vehicle passage with nobody aboard (the per-person term dropped: shorter); last: none
        self.svc = np.array([[P.checkpoints[c].service_s(k, 0) for c in cids] + [0.0] for k in range(1, K + 1)])
        empty_ok = np.array([P.checkpoints[c].checks_empty for c in cids] + [True])
        places: dict = {}

        def at(x):
            if x not in places:
                places[x] = len(places)
            return places[x]

        for p in sorted(pk):
            at(p)
        for d in sorted(dests):
            at(d)
        rows = []  # (from, to, loaded, drive, [(col, off)])
        for legs in P.legs.values():
            for (a, b), lg in legs.items():
                if b not in pk and not (a in pk and b in dests):
                    continue
                loaded = a in pk
                cps = [(col[c], off) for c, off in lg.checkpoints if c in col]
                if not loaded:
                    cps = [(i, off) for i, off in cps if empty_ok[i]]
                rows.append((at(a), at(b), loaded, lg.time_s, cps))
        self.places = places
        self.n_places = len(places)
        self.pk_idx = np.array([places[p] for p in sorted(pk)], dtype=np.int64)
        self.dest_ids = sorted(dests)
        self.dest_idx = np.array([places[d] for d in self.dest_ids], dtype=np.int64)
        m = max((len(r[4]) for r in rows), default=0)
        n = len(rows)
        idx = np.full((n, max(1, m)), len(cids), dtype=np.int64)
        for i, r in enumerate(rows):
            for j, (ci, _) in enumerate(r[4]):
                idx[i, j] = ci
        self.src = np.array([r[0] for r in rows], dtype=np.int64)
        self.dst = np.array([r[1] for r in rows], dtype=np.int64)
        self.loaded = np.array([r[2] for r in rows], dtype=bool)
        self.drive = np.array([r[3] for r in rows], dtype=float)
        # (K, legs): drive plus the k-vehicle passages
        self.w = self.drive[None, :] + self.svc[:, idx].sum(axis=2)
        # per universal checkpoint: legs containing it, time from the leg's start to the start of its first
        # passage there and from the start of its last passage there to the leg's end
        self.at_c = {}
        for c in cs:
            ci = col[c]
            legs_i, before, after = [], [], []
            for i, r in enumerate(rows):
                pos = [j for j, (x, _) in enumerate(r[4]) if x == ci]
                if not pos:
                    continue
                j0, j1 = pos[0], pos[-1]
                cols = [x for x, _ in r[4]]
                b_idx = cols[:j0] or [len(cids)]
                a_idx = cols[j1:]
                legs_i.append(i)
                before.append((r[4][j0][1], b_idx))
                after.append((r[3] - r[4][j1][1], a_idx))
            li = np.array(legs_i, dtype=np.int64)
            bt = np.zeros((K, len(legs_i)))
            at_ = np.zeros((K, len(legs_i)))
            for e, ((off, bi), (rem, ai)) in enumerate(zip(before, after)):
                bt[:, e] = off + self.svc[:, bi].sum(axis=1)
                at_[:, e] = rem + self.svc[:, ai].sum(axis=1)
            self.at_c[c] = (li, bt, at_)


def _relax(dist, s, t, w, hops, backward):
    """At most ``hops`` rounds of Bellman-Ford over edges ``s -> t`` (weights ``w``: (edges, K)) on ``dist``
    (places, K), forward (``dist[t] <= dist[s] + w``) or backward (``dist[s] <= dist[t] + w``)."""
    for _ in range(hops):
        new = dist.copy()
        if backward:
            np.minimum.at(new, s, dist[t] + w)
        else:
            np.minimum.at(new, t, dist[s] + w)
        if np.array_equal(new, dist):
            break
        dist = new
    return dist


class _Times:
    """Least times (s, per place and size) of the parts of a round, over at most ``max_stops`` stops."""

    def __init__(self, P: Problem, L: _Legs, cs: list):
        ms = max(1, int(P.rules.max_stops))
        K = L.w.shape[0]
        self.L, self.cs, self.ms = L, cs, ms
        pkset = np.zeros(L.n_places, dtype=bool)
        pkset[L.pk_idx] = True
        self.pp = L.loaded & pkset[L.dst]  # pickup to pickup
        pp = self.pp
        self.pp_edges = (L.src[pp], L.dst[pp], L.w[:, pp].T)
        self.final = L.loaded & ~pkset[L.dst]  # pickup to destination
        s, t, w = self.pp_edges
        # per destination: loaded time from each place to it, and to the start of a passage at c on a final
        # leg to it, and the time from that start to the end of the leg
        self.out, self.dc, self.tail = [], [], []
        for d in L.dest_idx:
            dist = np.full((L.n_places, K), np.inf)
            fin = self.final & (L.dst == d)
            np.minimum.at(dist, L.src[fin], L.w[:, fin].T)
            self.out.append(_relax(dist, s, t, w, ms - 1, True))
            dcs, tails = {}, {}
            for c in cs:
                li, bt, af = L.at_c[c]
                sel = self.final[li] & (L.dst[li] == d)
                dist = np.full((L.n_places, K), np.inf)
                tail = np.full(K, np.inf)
                if sel.any():
                    np.minimum.at(dist, L.src[li[sel]], bt[:, sel].T)
                    tail = af[:, sel].min(axis=1)
                dcs[c] = _relax(dist, s, t, w, ms - 1, True)
                tails[c] = tail
            self.dc.append(dcs)
            self.tail.append(tails)
        self._form: dict = {}

    def formation(self, fi):
        """``(into, hin, arr)`` for formation place index ``fi``: time to each pickup (first leg empty, then
        loaded); per checkpoint crossed on every first leg from it: time to the start of its passage there
        (K,) and from that start to each pickup (places, K); else ``None``."""
        got = self._form.get(fi)
        if got is not None:
            return got
        L = self.L
        K = L.w.shape[0]
        s, t, w = self.pp_edges
        first = (~L.loaded) & (L.src == fi)
        into = np.full((L.n_places, K), np.inf)
        np.minimum.at(into, L.dst[first], L.w[:, first].T)
        into = _relax(into, s, t, w, self.ms - 1, False)
        n_first = int(first.sum())
        hin, arr = {}, {}
        for c in self.cs:
            li, bt, af = L.at_c[c]
            sel = (~L.loaded[li]) & (L.src[li] == fi)
            if n_first == 0 or int(sel.sum()) != n_first:
                hin[c] = arr[c] = None
                continue
            hin[c] = bt[:, sel].min(axis=1)
            a = np.full((L.n_places, K), np.inf)
            np.minimum.at(a, L.dst[li[sel]], af[:, sel].T)
            arr[c] = _relax(a, s, t, w, self.ms - 1, False)
        got = self._form[fi] = (into, hin, arr)
        return got

    def round_of(self, fi, di, mask):
        """A round formed at place ``fi`` to destination ``di`` (``None``: any) whose stops are pickups of
        ``mask`` (places,): ``(T (K,), head {c: (K,)}, hin {c: (K,) or None}, tin {c: (K,) or None},
        tail {c: (K,)})``, each the least over those pickups."""
        into, hin, arr = self.formation(fi)
        ds = range(len(self.out)) if di is None else [di]
        m = mask if mask.ndim == 2 else mask[:, None]
        T = np.full(into.shape[1], np.inf)
        head = {c: np.full(into.shape[1], np.inf) for c in self.cs}
        tin = {c: (None if arr[c] is None else np.full(into.shape[1], np.inf)) for c in self.cs}
        tail = {c: np.full(into.shape[1], np.inf) for c in self.cs}
        for d in ds:
            out = self.out[d]
            T = np.minimum(T, np.where(m, into + out, np.inf).min(axis=0))
            for c in self.cs:
                head[c] = np.minimum(head[c], np.where(m, into + self.dc[d][c], np.inf).min(axis=0))
                tail[c] = np.minimum(tail[c], self.tail[d][c])
                if arr[c] is not None:
                    tin[c] = np.minimum(tin[c], np.where(m, arr[c] + out, np.inf).min(axis=0))
        return T, head, hin, tin, tail


#: Load levels: a vehicle-round carrying at most ``j / LEVELS`` of its places is timed with ``(j - 1) / LEVELS``.
LEVELS = 6
#: At most this many classes of later rounds by their least round time (their people from the quicker pickups).
BUCKETS = 6
#: Width (s) of the intervals holding round 1's passage at the reference checkpoint (0: not pinned).
PIN_S = 2400.0


def _buckets(TT):
    """Thresholds (s) of the later rounds' classes from ``TT`` (places,): each pickup's least time of a
    one-vehicle round from a destination; ``[-inf, t1, ..., inf]``."""
    vals = np.unique(TT[np.isfinite(TT)])
    if len(vals) == 0:
        return [-np.inf, np.inf]
    gaps = np.diff(vals)
    cut = np.sort(np.argsort(gaps)[::-1][: BUCKETS - 1])
    cut = [i for i in cut if gaps[i] > 60.0]
    return [-np.inf] + [float(vals[i + 1]) for i in cut] + [np.inf]


@dataclass
class _PatternBlock:
    """Patterns of one vehicle kind with the same rounds' structure, one entry per pattern.

    Attributes
    ----------
    kind : int
        Index of the vehicle kind (in sorted order).
    people, later : numpy.ndarray
        Most people of all its rounds, and of its second round.
    later_class : numpy.ndarray of int
        Class of its second round's pickups (-1: one round).
    fits : numpy.ndarray of bool
        Its rounds fit the window one after the other.
    windows : dict
        Checkpoint id -> its passages there, each ``(size, earliest_s, latest_s)``: convoy size minus one
        and the start's bounds (s from the window's start), before the usable hours clip them.
    pin : numpy.ndarray, optional
        Two-round patterns: time (s) from the start of round 1's passage at the reference checkpoint to
        the formation of round 2.
    round2 : dict, optional
        Two-round patterns: checkpoint id -> round 2's passages there, each ``(index in windows[c], time s
        from round 2's formation to the passage's start)``.
    """

    kind: int
    people: np.ndarray
    later: np.ndarray
    later_class: np.ndarray
    fits: np.ndarray
    windows: dict
    pin: np.ndarray | None = None
    round2: dict | None = None


class _Passages(NamedTuple):
    """One passage of each pattern of a block at one checkpoint, inside the checkpoint's usable hours."""

    size: np.ndarray  # convoy size minus one (int, an index of the per-size arrays)
    proc_s: np.ndarray  # least processing time (s)
    earliest_s: np.ndarray  # earliest start (s)
    latest_s: np.ndarray  # latest start (s)

    def take(self, sel: np.ndarray) -> _Passages:
        """The passages of the patterns ``sel`` (indices or bool)."""
        return _Passages(self.size[sel], self.proc_s[sel], self.earliest_s[sel], self.latest_s[sel])


def _vehicle_kinds(P: Problem, L: _Legs, TM: _Times, rounds_of, all_pk, T3: float) -> dict | None:
    """Vehicles by kind ``(depot, first departure s, capacity, rounds)`` -> how many; ``None`` beyond three rounds."""
    E = float(P.window_end_s)
    kinds: dict = {}
    first: dict = {}  # depot -> its least round time (s)
    for v in P.vehicles:
        t0 = P.first_departure(v)
        if v.depot not in first:
            fi = L.places.get(v.depot)
            first[v.depot] = INF if fi is None else float(TM.round_of(fi, None, all_pk)[0].min())
        # rounds that fit the window one after the other, each at least the least round time
        R = 0 if t0 + first[v.depot] > E else 1 + (int((E - t0 - first[v.depot]) // T3) if T3 > 0 else 99)
        if rounds_of is not None:
            R = min(R, int(rounds_of.get(v.id, 0)))
        if R <= 0 or v.capacity <= 0:
            continue
        if R > 3:
            return None
        key = (v.depot, t0, v.capacity, R)
        kinds[key] = kinds.get(key, 0) + 1
    return kinds


def _usable_hull(P: Problem, cs: list, usable, E: float) -> dict:
    """Checkpoint id -> ``(first, last)`` (s) of its usable hours inside the window."""
    hull = {}
    for c in cs:
        ivs = usable.get(c, []) if usable is not None else P.checkpoints[c].open
        ivs = [(max(0.0, a), min(E, z)) for a, z in ivs if min(E, z) > max(0.0, a)]
        hull[c] = (min((a for a, _ in ivs), default=E), max((z for _, z in ivs), default=0.0))
    return hull


def _later_classes(P: Problem, L: _Legs, TM: _Times, reach, all_pk):
    """The classes of later rounds: ``(class_cap, later_rounds)``.

    ``class_cap[i]`` is the people of the reachable pickups of class ``i`` or quicker ones;
    ``later_rounds[di]`` lists, per class with pickups, ``(i, T, head, hin, tin, tail)``: a round formed at
    destination ``di`` whose stops are that class's pickups (:meth:`_Times.round_of`).
    """
    pk_people = np.zeros(L.n_places)
    for p in P.pickups:
        if p.id in reach:
            pk_people[L.places[p.id]] = p.people
    # each pickup's least one-vehicle round from a destination
    TT = np.full(L.n_places, np.inf)
    out = np.min(np.stack(TM.out), axis=0)
    for d in L.dest_ids:
        into, _, _ = TM.formation(L.places[d])
        TT = np.minimum(TT, np.where(all_pk, into[:, 0] + out[:, 0], np.inf))
    th = _buckets(TT)
    nb = len(th) - 1
    class_cap = [float(pk_people[th[i + 1] > TT].sum()) for i in range(nb)]
    later_rounds = {}
    for di, d in enumerate(L.dest_ids):
        fi = L.places[d]
        lst = []
        for i in range(nb):
            mask = all_pk & (th[i] <= TT) & (th[i + 1] > TT)
            if mask.any():
                lst.append((i,) + TM.round_of(fi, None, mask))
        later_rounds[di] = lst
    return class_cap, later_rounds


def _kind_blocks(P: Problem, L: _Legs, TM: _Times, gi: int, kind: tuple, all_pk, later_rounds, T3: float, cref) -> list:
    """The :class:`_PatternBlock` s of vehicle kind ``gi`` ``(depot, first departure s, capacity, rounds)``.

    Each round is a convoy size and a load level (``LEVELS`` of them); a first round of a two-round
    pattern also fixes its destination and a second one its class; a third round is one of none, half
    or full load timed by ``T3`` (s), the least round time, its passages left out.
    """
    f0, t0, cap, R = kind
    fi0 = L.places.get(f0)
    if fi0 is None:
        return []
    K = L.w.shape[0]
    E = float(P.window_end_s)
    b, lv = P.rules.board_s_per_person, P.rules.leave_s_per_person
    bl = b + lv
    hi_l = np.array([math.floor(j * cap / LEVELS) for j in range(1, LEVELS + 1)], dtype=float)
    lo_l = np.array([math.floor((j - 1) * cap / LEVELS) for j in range(1, LEVELS + 1)], dtype=float)
    # a round's (size, level) grid: its size index, most people, and people it is timed with
    size_g, lvl_g = np.meshgrid(np.arange(K), np.arange(LEVELS), indexing="ij")
    size, most, timed = size_g.ravel(), hi_l[lvl_g.ravel()], lo_l[lvl_g.ravel()]
    # one round, any destination; its least length and its parts' times (s, per size, :meth:`_Times.round_of`)
    T, head, hin, tin, tail = TM.round_of(fi0, None, all_pk)
    one = _PatternBlock(gi, most, np.zeros_like(most), np.full(len(most), -1), t0 + T[size] + timed * bl <= E, {})
    for c in TM.cs:
        ws = [(size, t0 + head[c][size] + timed * b, E - tail[c][size] - timed * lv)]
        if hin[c] is not None:
            ws.append((size, t0 + hin[c][size], E - tin[c][size] - timed * bl))
        one.windows[c] = ws
    blocks = [one]
    if R < 2:
        return blocks
    n = len(size)
    # every first round with every second: first-round arrays repeated, second-round ones tiled
    s1, s2 = np.repeat(size, n), np.tile(size, n)
    timed1, timed2 = np.repeat(timed, n), np.tile(timed, n)
    people12 = np.repeat(most, n) + np.tile(most, n)
    later12 = np.tile(most, n)
    thirds = [(0.0, 0.0)]  # (people, least time s) of a third round
    if R >= 3 and math.isfinite(T3):
        thirds += [(math.floor(cap / 2), T3), (float(cap), T3 + math.floor(cap / 2) * bl)]
    # d1, d2, d3: the rounds' least durations (s), boarding and unloading included
    for di in range(len(L.dest_ids)):
        T1, head1, hin1, tin1, tail1 = TM.round_of(fi0, di, all_pk)
        d1 = np.repeat(T1[size] + timed * bl, n)
        for ci, T2, head2, hin2, tin2, tail2 in later_rounds[di]:
            d2 = np.tile(T2[size] + timed * bl, n)
            for hi3, d3 in thirds:
                blk = _PatternBlock(gi, people12 + hi3, later12, np.full(len(d1), ci), t0 + d1 + d2 + d3 <= E, {})
                # round 1's passage at the reference checkpoint starts at s: round 2 forms at or after
                # s + (its time from there to the end of its leg) + unloading
                blk.pin = tail1[cref][s1] + timed1 * lv
                blk.round2 = {}
                for c in TM.cs:
                    ws = [(s1, t0 + head1[c][s1] + timed1 * b, E - d3 - d2 - tail1[c][s1] - timed1 * lv)]
                    if hin1[c] is not None:
                        ws.append((s1, t0 + hin1[c][s1], E - d3 - d2 - tin1[c][s1] - timed1 * bl))
                    blk.round2[c] = [(len(ws), head2[c][s2] + timed2 * b)]
                    ws.append((s2, t0 + d1 + head2[c][s2] + timed2 * b, E - d3 - tail2[c][s2] - timed2 * lv))
                    if hin2[c] is not None:
                        blk.round2[c].append((len(ws), hin2[c][s2]))
                        ws.append((s2, t0 + d1 + hin2[c][s2], E - d3 - tin2[c][s2] - timed2 * bl))
                    blk.windows[c] = ws
                blocks.append(blk)
    return blocks


def _clip(blk: _PatternBlock, svc: dict, hull: dict):
    """``(fits, passages)``: the block's passages clipped to the usable hours (c -> list of :class:`_Passages`),
    and which patterns still fit (every passage's window nonempty)."""
    fits = blk.fits.copy()
    clipped = {}
    for c, ws in blk.windows.items():
        first, last = hull[c]
        lst = []
        for size, es, ls in ws:
            proc = svc[c][size]
            es2, ls2 = np.maximum(es, first), np.minimum(ls, last - proc)
            fits &= ls2 >= es2 - 1e-6
            lst.append(_Passages(size, proc, es2, ls2))
        clipped[c] = lst
    return fits, clipped


def _pin_round1(pin: np.ndarray, round2: dict, idx: np.ndarray, clipped: dict, cref):
    """Split the two-round patterns ``idx`` of a block (its ``pin`` and ``round2``) by the interval of
    :data:`PIN_S` s holding round 1's passage start at ``cref``: ``(patterns, passages)``, one per pattern
    and interval that still fits."""
    es, ls = clipped[cref][0].earliest_s[idx], clipped[cref][0].latest_s[idx]
    g0 = float(es.min())
    lo_i = np.floor((es - g0) / PIN_S).astype(np.int64)
    hi_i = np.floor((ls - g0) / PIN_S).astype(np.int64)
    cnt = hi_i - lo_i + 1
    rep = np.repeat(idx, cnt)
    off = np.arange(len(rep)) - np.repeat(np.cumsum(cnt) - cnt, cnt)
    sig = g0 + (np.repeat(lo_i, cnt) + off) * PIN_S  # each copy's interval start (s)
    new = {}
    for c, lst in clipped.items():
        lst = [x.take(rep) for x in lst]
        if c == cref:
            x = lst[0]
            lst[0] = x._replace(earliest_s=np.maximum(x.earliest_s, sig), latest_s=np.minimum(x.latest_s, sig + PIN_S))
        for j, to_start in round2[c]:
            x = lst[j]
            lst[j] = x._replace(earliest_s=np.maximum(x.earliest_s, sig + pin[rep] + to_start[rep]))
        new[c] = lst
    fits = np.ones(len(rep), dtype=bool)
    for lst in new.values():
        for x in lst:
            fits &= x.latest_s >= x.earliest_s - 1e-6
    keep = np.nonzero(fits)[0]
    return rep[keep], {c: [x.take(keep) for x in lst] for c, lst in new.items()}


def _append(acc: dict, blk: _PatternBlock, sel: np.ndarray, clipped: dict) -> None:
    """Append the patterns ``sel`` of ``blk`` to ``acc``, with their passages ``clipped`` (already per ``sel``)."""
    n, m = acc["n"], len(sel)
    acc["kind"].append(np.full(m, blk.kind))
    acc["people"].append(blk.people[sel])
    acc["later"].append(blk.later[sel])
    acc["later_class"].append(blk.later_class[sel])
    for c, lst in clipped.items():
        pa = acc["passages"][c]
        for x in lst:
            pa[0].append(n + np.arange(m))
            pa[1].append(1.0 / (x.size + 1))
            pa[2].append(x.proc_s)
            pa[3].append(x.earliest_s)
            pa[4].append(x.latest_s)
    acc["n"] = n + m


def _patterns(blocks: list, cs: list, svc: dict, hull: dict, cref) -> Patterns | None:
    """The LP's columns from the blocks: the fitting patterns, two-round ones pinned; ``None`` if none."""
    acc: dict = {"n": 0, "kind": [], "people": [], "later": [], "later_class": [], "passages": {}}
    acc["passages"] = {c: ([], [], [], [], []) for c in cs}
    for blk in blocks:
        fits, clipped = _clip(blk, svc, hull)
        idx = np.nonzero(fits)[0]
        if blk.pin is not None and blk.round2 is not None and PIN_S > 0 and len(idx):
            sel, clipped = _pin_round1(blk.pin, blk.round2, idx, clipped, cref)
        else:
            sel, clipped = idx, {c: [x.take(idx) for x in lst] for c, lst in clipped.items()}
        if len(sel):
            _append(acc, blk, sel, clipped)
    if acc["n"] == 0:
        return None
    return Patterns(
        np.concatenate(acc["kind"]),
        np.concatenate(acc["people"]),
        np.concatenate(acc["later"]),
        np.concatenate(acc["later_class"]),
        {c: PassageArrays(*(np.concatenate(x) for x in acc["passages"][c])) for c in cs},
    )


def window_cut(P: Problem, rounds_of, reach, people_cap: int, usable=None) -> int | None:
    """Most people under the passage windows of the module docstring.

    Parameters
    ----------
    P : Problem
    rounds_of : dict or None
        Vehicle id -> most rounds it can make (the bound's fleet term); ``None``: only the module's own limit
        (rounds of the least round time that fit the window).
    reach : set
        Pickups any schedule can serve (the bound's reachable pickups): the people counted.
    people_cap : int
        People any schedule moves at most (the reachable demand term).
    usable : dict, optional
        Checkpoint id -> the intervals (s) a passage may lie in (:attr:`.timing.Timetable.usable`).

    Returns
    -------
    int or None
        The most people; ``None`` when the cut does not apply (no checkpoint on every leg from a pickup to a
        destination, a vehicle that may make more than three rounds, or the LP not solved).
    """
    cs = universal_checkpoints(P)
    if not cs or not P.vehicles:
        return None
    K = max(1, min(int(P.rules.max_convoy), len(P.vehicles)))
    L = _Legs(P, K, cs)
    TM = _Times(P, L, cs)
    all_pk = np.zeros(L.n_places, dtype=bool)
    all_pk[L.pk_idx] = True
    # a third round: its least time (any size, formation, pickups), its passages left out
    T3 = min((float(TM.round_of(L.places[d], None, all_pk)[0].min()) for d in L.dest_ids), default=INF)
    kinds = _vehicle_kinds(P, L, TM, rounds_of, all_pk, T3)
    if kinds is None:
        return None
    if not kinds:
        return 0
    svc = {c: np.array([P.checkpoints[c].service_s(k, 0) for k in range(1, K + 1)]) for c in cs}
    hull = _usable_hull(P, cs, usable, float(P.window_end_s))
    class_cap, later_rounds = _later_classes(P, L, TM, reach, all_pk)
    # the reference checkpoint of pinned patterns: the last on the final legs
    cref = min(cs, key=lambda c: float(np.min(TM.tail[0][c])))
    kind_list = sorted(kinds)
    blocks = []
    for gi, kind in enumerate(kind_list):
        blocks += _kind_blocks(P, L, TM, gi, kind, all_pk, later_rounds, T3, cref)
    pats = _patterns(blocks, cs, svc, hull, cref)
    if pats is None:
        return 0
    best = lagrangian_bound(pats, [kinds[k] for k in kind_list], people_cap, class_cap)
    if best is None:
        return None
    return int(math.floor(min(best, float(people_cap)) + 1e-6))
