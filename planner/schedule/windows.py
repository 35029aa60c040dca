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

The LP (people out, at most each kind's vehicles and the reachable demand,
every interval's energy) is solved by column generation over the patterns
and row generation over the intervals (the most violated ones at each
solution, between the earliest starts and latest ends of the passages it
uses), a deterministic number of rounds. The term is the least, over the
rounds, of the Lagrangian bound the round's prices give (weak duality: the
prices of the rows times their right-hand sides plus each kind's vehicles
times its patterns' best reduced profit), so it holds whether or not the
generation has converged; at convergence it is the LP optimum. Every part
relaxes the schedule (nights, escorts, headways and ready times are left out,
which only widens windows), so any feasible schedule gives a solution: the
term is never below what a schedule achieves. It is computed on the
tightening path only (``upper_bound(..., effort_s=)``): seconds on the 50 buses
/ 30 assembly points / 20 checkpoints plan.
"""

from __future__ import annotations

import math

import numpy as np

from planner.schedule.model import INF, Problem


def universal_checkpoints(P: Problem) -> list:
    """Checkpoints on every leg from a pickup to a destination (every profile), sorted."""
    pk = {p.id for p in P.pickups}
    dests = {d.id for d in P.destinations}
    common = None
    for legs in P.legs.values():
        for (a, b), lg in legs.items():
            if a in pk and b in dests:
                here = {c for c, _ in lg.checkpoints if c in P.checkpoints}
                common = here if common is None else common & here
    return sorted(common or ())


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


def mandatory(p, es, ls, t1, t2):
    """Least overlap with ``[t1, t2]`` of a job of length ``p`` starting in ``[es, ls]`` (arrays broadcast)."""
    return np.maximum(0.0, np.minimum(np.minimum(t2 - t1, p), np.minimum(es + p - t1, t2 - ls)))


#: Load levels: a vehicle-round carrying at most ``j / LEVELS`` of its places is timed with ``(j - 1) / LEVELS``.
LEVELS = 6
#: At most this many classes of later rounds by their least round time (their people from the quicker pickups).
BUCKETS = 6
#: Most rounds of separation (LP solves) per call: a deterministic limit (any prefix of the cuts is valid).
MAX_ROUNDS = 40
#: Width (s) of the intervals holding round 1's passage at the reference checkpoint (0: not pinned).
PIN_S = 2400.0
#: Columns priced in and intervals added per round.
COLUMNS = 400
CUTS = 20


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


def _solve(c, A, hi):
    """``(optimum, x, row duals)`` of ``min c @ x, A @ x <= hi, x >= 0`` by GLOP; ``(None, None)`` if not solved."""
    from ortools.linear_solver.python import model_builder_helper as mbh
    from scipy.sparse import csr_matrix

    A = csr_matrix(A, dtype=float)
    n = len(c)
    model = mbh.ModelBuilderHelper()
    model.fill_model_from_sparse_data(
        np.zeros(n), np.full(n, np.inf), np.asarray(c, float), np.full(len(hi), -np.inf), np.asarray(hi, float), A
    )
    solver = mbh.ModelSolverHelper("glop")
    solver.solve(model)
    if solver.status() != mbh.SolveStatus.OPTIMAL:
        return None, None, None
    return float(solver.objective_value()), np.asarray(solver.variable_values()), np.asarray(solver.dual_values())


def window_cut(P: Problem, rounds_of, reach, people_cap: int, usable=None) -> int | None:
    """Most people under the passage windows of the module docstring.

    Parameters
    ----------
    P : Problem
    rounds_of : dict or None
        Vehicle id -> most rounds it can make (the bound's fleet term); ``None``: only the module's own limit
        (rounds of the least round time one after the other in the window).
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
    E = float(P.window_end_s)
    # a third round: its least time (any size, formation, pickups), its passages left out
    T3 = min((float(TM.round_of(L.places[d], None, all_pk)[0].min()) for d in L.dest_ids), default=INF)
    kinds: dict = {}
    first: dict = {}
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
    if not kinds:
        return 0
    b, lv = P.rules.board_s_per_person, P.rules.leave_s_per_person
    svc = {c: np.array([P.checkpoints[c].service_s(k, 0) for k in range(1, K + 1)]) for c in cs}
    hull = {}
    for c in cs:
        ivs = usable.get(c, []) if usable is not None else P.checkpoints[c].open
        ivs = [(max(0.0, a), min(E, z)) for a, z in ivs if min(E, z) > max(0.0, a)]
        hull[c] = (min((a for a, _ in ivs), default=E), max((z for _, z in ivs), default=0.0))
    pk_people = np.zeros(L.n_places)
    for p in P.pickups:
        if p.id in reach:
            pk_people[L.places[p.id]] = p.people
    # later rounds' classes: by the least round time of their slowest pickup from a destination
    TT = np.full(L.n_places, np.inf)
    for di, d in enumerate(L.dest_ids):
        into, _, _ = TM.formation(L.places[d])
        out = np.min(np.stack(TM.out), axis=0)
        TT = np.minimum(TT, np.where(all_pk, into[:, 0] + out[:, 0], np.inf))
    th = _buckets(TT)
    nb = len(th) - 1
    # people of pickups whose quickest later round lies under each threshold
    bucket_cap = [float(pk_people[th[i + 1] > TT].sum()) for i in range(nb)]
    later_types = {}  # destination index -> list of (bucket, T, head, hin, tin, tail)
    for di, d in enumerate(L.dest_ids):
        fi = L.places[d]
        lst = []
        for i in range(nb):
            mask = all_pk & (th[i] <= TT) & (th[i + 1] > TT)
            if not mask.any():
                continue
            lst.append((i,) + TM.round_of(fi, None, mask))
        later_types[di] = lst
    # the reference checkpoint of pinned patterns: the last on the final legs
    cref = max(cs, key=lambda c: float(np.min(TM.tail[0][c])) * -1.0)
    # patterns
    kind_list = sorted(kinds)
    lvl = LEVELS
    blocks = []  # per block: dict of arrays
    for gi, (f0, t0, cap, R) in enumerate(kind_list):
        fi0 = L.places.get(f0)
        if fi0 is None:
            continue
        hi_l = np.array([math.floor(j * cap / lvl) for j in range(1, lvl + 1)], dtype=float)
        lo_l = np.array([math.floor((j - 1) * cap / lvl) for j in range(1, lvl + 1)], dtype=float)
        # first rounds: (k1, level) grids
        k1g, j1g = np.meshgrid(np.arange(K), np.arange(lvl), indexing="ij")
        k1g, j1g = k1g.ravel(), j1g.ravel()
        hi1, lo1 = hi_l[j1g], lo_l[j1g]
        # one round, any destination
        T, head, hin, tin, tail = TM.round_of(fi0, None, all_pk)
        ok = t0 + T[k1g] + lo1 * (b + lv) <= E
        blk = {
            "kind": gi,
            "people": hi1,
            "later": np.zeros_like(hi1),
            "bucket": np.full(len(hi1), -1),
            "ok": ok,
            "slots": {},
        }
        for c in cs:
            sl = [(k1g, t0 + head[c][k1g] + lo1 * b, E - tail[c][k1g] - lo1 * lv)]
            if hin[c] is not None:
                sl.append((k1g, t0 + hin[c][k1g], E - tin[c][k1g] - lo1 * (b + lv)))
            blk["slots"][c] = sl
        blocks.append(blk)
        if R < 2:
            continue
        for di, d in enumerate(L.dest_ids):
            T1, head1, hin1, tin1, tail1 = TM.round_of(fi0, di, all_pk)
            dur1 = T1[k1g] + lo1 * (b + lv)  # (n1,)
            for bi, T2, head2, hin2, tin2, tail2 in later_types[di]:
                # second rounds: (k2, level)
                k2g, j2g = k1g, j1g
                hi2, lo2 = hi_l[j2g], lo_l[j2g]
                dur2 = T2[k2g] + lo2 * (b + lv)
                n1, n2 = len(k1g), len(k2g)
                d1, d2 = np.repeat(dur1, n2), np.tile(dur2, n1)  # every first round with every second
                kk1, kk2 = np.repeat(k1g, n2), np.tile(k2g, n1)
                ll1, ll2 = np.repeat(lo1, n2), np.tile(lo2, n1)
                people12 = np.repeat(hi1, n2) + np.tile(hi2, n1)
                later12 = np.tile(hi2, n1)
                thirds = [(0.0, 0.0)]  # (people, least time) of a third round
                if R >= 3 and math.isfinite(T3):
                    thirds += [(math.floor(cap / 2), T3), (float(cap), T3 + math.floor(cap / 2) * (b + lv))]
                for hi3, d3 in thirds:
                    ok = t0 + d1 + d2 + d3 <= E
                    blk = {
                        "kind": gi,
                        "people": people12 + hi3,
                        "later": later12,
                        "bucket": np.full(len(d1), bi),
                        "ok": ok,
                        "slots": {},
                    }
                    # round 1's passage at the reference checkpoint starts at s: round 2 forms at or after
                    # s + (its time from there to the end of its leg) + unloading
                    blk["pin"] = tail1[cref][kk1] + ll1 * lv
                    blk["r2"] = {}
                    for c in cs:
                        sl = [(kk1, t0 + head1[c][kk1] + ll1 * b, E - d3 - d2 - tail1[c][kk1] - ll1 * lv)]
                        if hin1[c] is not None:
                            sl.append((kk1, t0 + hin1[c][kk1], E - d3 - d2 - tin1[c][kk1] - ll1 * (b + lv)))
                        blk["r2"][c] = [(len(sl), head2[c][kk2] + ll2 * b)]
                        sl.append((kk2, t0 + d1 + head2[c][kk2] + ll2 * b, E - d3 - tail2[c][kk2] - ll2 * lv))
                        if hin2[c] is not None:
                            blk["r2"][c].append((len(sl), hin2[c][kk2]))
                            sl.append((kk2, t0 + d1 + hin2[c][kk2], E - d3 - tin2[c][kk2] - ll2 * (b + lv)))
                        blk["slots"][c] = sl
                    blocks.append(blk)
    # flatten: per checkpoint, passages as flat arrays (pattern, share, p, es, ls)
    kind_a, people_a, later_a, bucket_a = [], [], [], []
    pas = {c: ([], [], [], [], []) for c in cs}
    n = 0
    for blk in blocks:
        ok = blk["ok"].copy()
        clipped = {}
        for c in cs:
            lo_h, hi_h = hull[c]
            cl = []
            for kk, es, ls in blk["slots"][c]:
                p = svc[c][kk]
                es2, ls2 = np.maximum(es, lo_h), np.minimum(ls, hi_h - p)
                ok &= ls2 >= es2 - 1e-6
                cl.append((kk, p, es2, ls2))
            clipped[c] = cl
        idx = np.nonzero(ok)[0]
        if "pin" in blk and PIN_S > 0 and len(idx):
            # one pattern per interval of PIN_S s holding the start of round 1's passage at the reference
            kk, p, es, ls = clipped[cref][0]
            g0 = float(es[idx].min())
            lo_i = np.floor((es[idx] - g0) / PIN_S).astype(np.int64)
            hi_i = np.floor((ls[idx] - g0) / PIN_S).astype(np.int64)
            cnt = hi_i - lo_i + 1
            rep = np.repeat(idx, cnt)
            off = np.arange(len(rep)) - np.repeat(np.cumsum(cnt) - cnt, cnt)
            sig = g0 + (np.repeat(lo_i, cnt) + off) * PIN_S
            new = {}
            for c in cs:
                cl = [(kk_, p_[rep], es_[rep], ls_[rep]) for kk_, p_, es_, ls_ in clipped[c]]
                if c == cref:
                    kk_, p_, es_, ls_ = cl[0]
                    cl[0] = (kk_, p_, np.maximum(es_, sig), np.minimum(ls_, sig + PIN_S))
                for j, o in blk["r2"][c]:
                    kk_, p_, es_, ls_ = cl[j]
                    cl[j] = (kk_, p_, np.maximum(es_, sig + blk["pin"][rep] + o[rep]), ls_)
                new[c] = cl
            ok2 = np.ones(len(rep), dtype=bool)
            for c in cs:
                for kk_, p_, es_, ls_ in new[c]:
                    ok2 &= ls_ >= es_ - 1e-6
            keep = np.nonzero(ok2)[0]
            clipped = {c: [(kk_, p_[keep], es_[keep], ls_[keep]) for kk_, p_, es_, ls_ in new[c]] for c in cs}
            sel = rep[keep]
            m = len(sel)
            if not m:
                continue
            kind_a.append(np.full(m, blk["kind"]))
            people_a.append(blk["people"][sel])
            later_a.append(blk["later"][sel])
            bucket_a.append(blk["bucket"][sel])
            for c in cs:
                for kk, p, es, ls in clipped[c]:
                    pj, sh, pp, ee, ll = pas[c]
                    pj.append(n + np.arange(m))
                    sh.append(1.0 / (kk[sel] + 1))
                    pp.append(p)
                    ee.append(es)
                    ll.append(ls)
            n += m
            continue
        m = len(idx)
        if not m:
            continue
        kind_a.append(np.full(m, blk["kind"]))
        people_a.append(blk["people"][idx])
        later_a.append(blk["later"][idx])
        bucket_a.append(blk["bucket"][idx])
        for c in cs:
            for kk, p, es, ls in clipped[c]:
                pj, sh, pp, ee, ll = pas[c]
                pj.append(n + np.arange(m))
                sh.append(1.0 / (kk[idx] + 1))
                pp.append(p[idx])
                ee.append(es[idx])
                ll.append(ls[idx])
        n += m
    if n == 0:
        return 0
    kind_a = np.concatenate(kind_a)
    people = np.concatenate(people_a)
    later = np.concatenate(later_a)
    bucket = np.concatenate(bucket_a)
    arr = {c: tuple(np.concatenate(x) for x in pas[c]) for c in cs}
    from scipy.sparse import csr_matrix

    base = []
    for gi, key in enumerate(kind_list):
        base.append(((kind_a == gi).astype(float), float(kinds[key])))
    base.append((people, float(people_cap)))
    for i in range(nb):
        if bucket_cap[i] < people_cap:
            base.append((np.where((bucket >= 0) & (bucket <= i), later, 0.0), bucket_cap[i]))
    B = csr_matrix(np.array([r for r, _ in base]))
    bh = [h for _, h in base]

    def energy_row(c, t1, t2):
        """Energy of every pattern in ``[t1, t2]`` at ``c``."""
        pj, sh, pp, ee, ll = arr[c]
        e = sh * mandatory(pp, ee, ll, t1, t2)
        return np.bincount(pj, weights=e, minlength=n)

    cuts = []  # (checkpoint, t1, t2)
    for c in cs:
        pj, sh, pp, ee, ll = arr[c]
        cuts.append((c, float(ee.min()), float((ll + pp).max())))
    full: dict = {}  # cut index -> its energy row over every pattern (made when priced with)
    Bd = B.toarray()
    bh = np.array(bh)
    nk = len(kind_list)
    # columns in the master: one-round patterns and each kind's fullest two-round one, then the priced ones
    S = np.zeros(n, dtype=bool)
    S[later == 0] = True
    for gi in range(nk):
        g = np.nonzero(kind_a == gi)[0]
        if len(g):
            S[g[np.argmax(people[g])]] = True
    best = INF
    for it in range(MAX_ROUNDS):
        cols_S = np.nonzero(S)[0]
        hc = np.array([t2 - t1 for _, t1, t2 in cuts])
        sub = {}
        pos = np.full(n, -1)
        pos[cols_S] = np.arange(len(cols_S))
        for c in cs:
            pj, sh, pp, ee, ll = arr[c]
            keep = S[pj]
            sub[c] = (pos[pj[keep]], sh[keep], pp[keep], ee[keep], ll[keep])
        Es = np.zeros((len(cuts), len(cols_S)))
        for q, (c, t1, t2) in enumerate(cuts):
            pj, sh, pp, ee, ll = sub[c]
            Es[q] = np.bincount(pj, weights=sh * mandatory(pp, ee, ll, t1, t2), minlength=len(cols_S))
        A = np.vstack([Bd[:, cols_S], Es])
        fun, xS, y = _solve(-people[cols_S], A, np.concatenate([bh, hc]))
        if fun is None:
            return None
        y = np.maximum(0.0, -y)  # prices of the rows (>= 0)
        # weak duality with these prices: the kinds' rows take each column's best reduced profit
        yk, yb, yc = y[:nk], y[nk : len(bh)], y[len(bh) :]
        rc = people - yb @ Bd[nk:]
        for q in np.nonzero(yc > 0)[0]:
            if q not in full:
                full[q] = energy_row(*cuts[q])
            rc -= yc[q] * full[q]
        lag = float(yb @ bh[nk:] + yc @ hc)
        for gi, key in enumerate(kind_list):
            g = kind_a == gi
            lag += kinds[key] * max(0.0, float(rc[g].max()) if g.any() else 0.0)
        best = min(best, lag)
        x = np.zeros(n)
        x[cols_S] = xS
        added = 0
        # columns worth adding: reduced profit over their kind's price
        gain = rc - yk[kind_a]
        gain[S] = -1.0
        new = np.argsort(gain)[::-1][:COLUMNS]
        new = new[gain[new] > 1e-6]
        S[new] = True
        added += len(new)
        for c in cs:
            pj, sh, pp, ee, ll = arr[c]
            act = x[pj] > 1e-9
            if not act.any():
                continue
            w = x[pj][act] * sh[act]
            P_, ES, LS = pp[act], ee[act], ll[act]
            t1s = np.unique(ES)
            t2s = np.unique(LS + P_)
            en = np.zeros((len(t1s), len(t2s)))
            for q in range(len(w)):
                en += w[q] * mandatory(P_[q], ES[q], LS[q], t1s[:, None], t2s[None, :])
            viol = en - (t2s[None, :] - t1s[:, None])
            viol[t2s[None, :] <= t1s[:, None]] = -1
            order = np.argsort(viol, axis=None)[::-1][:CUTS]
            for o in order:
                i1, i2 = np.unravel_index(o, viol.shape)
                if viol[i1, i2] <= 1e-3:
                    break
                cuts.append((c, float(t1s[i1]), float(t2s[i2])))
                added += 1
        if not added:
            break
    return int(math.floor(min(best, float(people_cap)) + 1e-6))
