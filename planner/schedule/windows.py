"""Prototype: energetic reasoning over passage windows at the universal checkpoints."""

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
LEVELS = 4
#: At most this many classes of later rounds by their least round time (their people from the quicker pickups).
BUCKETS = 6
#: Most rounds of separation (LP solves) per call: a deterministic limit (any prefix of the cuts is valid).
MAX_ROUNDS = 40
#: Columns priced in and intervals added per round.
COLUMNS = 400
CUTS = 8


def _buckets(P, TT, reach_mask, pk_people):
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


def window_cut(P: Problem, rounds_of: dict, reach, people_cap: int, usable=None, verbose=False) -> int | None:
    """Most people under the energetic cut of the module docstring; ``None``: no term."""
    cs = universal_checkpoints(P)
    if not cs or not P.vehicles:
        return None
    if max(rounds_of.values(), default=0) > 3:
        return None
    K = max(1, min(int(P.rules.max_convoy), len(P.vehicles)))
    kinds: dict = {}
    for v in P.vehicles:
        R = int(rounds_of.get(v.id, 0))
        if R <= 0 or v.capacity <= 0:
            continue
        key = (v.depot, P.first_departure(v), v.capacity, R)
        kinds[key] = kinds.get(key, 0) + 1
    if not kinds:
        return 0
    L = _Legs(P, K, cs)
    TM = _Times(P, L, cs)
    b, lv = P.rules.board_s_per_person, P.rules.leave_s_per_person
    E = float(P.window_end_s)
    svc = {c: np.array([P.checkpoints[c].service_s(k, 0) for k in range(1, K + 1)]) for c in cs}
    hull = {}
    for c in cs:
        ivs = usable.get(c, []) if usable is not None else P.checkpoints[c].open
        ivs = [(max(0.0, a), min(E, z)) for a, z in ivs if min(E, z) > max(0.0, a)]
        hull[c] = (min((a for a, _ in ivs), default=E), max((z for _, z in ivs), default=0.0))
    pk_ids = sorted(p.id for p in P.pickups)
    pk_people = np.zeros(L.n_places)
    for p in P.pickups:
        if p.id in reach:
            pk_people[L.places[p.id]] = p.people
    all_pk = np.zeros(L.n_places, dtype=bool)
    all_pk[L.pk_idx] = True
    # later rounds' classes: by the least round time of their slowest pickup from a destination
    TT = np.full(L.n_places, np.inf)
    TK = {}
    for di, d in enumerate(L.dest_ids):
        into, _, _ = TM.formation(L.places[d])
        out = np.min(np.stack(TM.out), axis=0)
        TK[di] = np.where(all_pk[:, None], into + out, np.inf)  # (places, K)
        TT = np.minimum(TT, TK[di][:, 0])
    th = _buckets(P, TT, None, pk_people)
    nb = len(th) - 1
    # people of pickups whose quickest later round lies under each threshold
    bucket_cap = [float(pk_people[TT < th[i + 1]].sum()) for i in range(nb)]
    later_types = {}  # destination index -> list of (bucket, T, head, hin, tin, tail)
    for di, d in enumerate(L.dest_ids):
        fi = L.places[d]
        lst = []
        for i in range(nb):
            mask = all_pk & (TT >= th[i]) & (TT < th[i + 1])
            if not mask.any():
                continue
            lst.append((i,) + TM.round_of(fi, None, mask))
        later_types[di] = lst
    # a third round: its least time (any size, formation, pickups), its passages left out
    T3 = min((float(TM.round_of(L.places[d], None, all_pk)[0].min()) for d in L.dest_ids), default=INF)
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
        blk = {"kind": gi, "people": hi1, "later": np.zeros_like(hi1), "bucket": np.full(len(hi1), -1), "ok": ok,
               "slots": {}}
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
            for (bi, T2, head2, hin2, tin2, tail2) in later_types[di]:
                # second rounds: (k2, level)
                k2g, j2g = k1g, j1g
                hi2, lo2 = hi_l[j2g], lo_l[j2g]
                dur2 = T2[k2g] + lo2 * (b + lv)
                A1 = lambda a: np.repeat(a, len(k2g))  # noqa: E731
                A2 = lambda a: np.tile(a, len(k1g))  # noqa: E731
                d1, d2 = A1(dur1), A2(dur2)
                kk1, kk2 = A1(k1g), A2(k2g)
                ll1, ll2 = A1(lo1), A2(lo2)
                thirds = [(0.0, 0.0)]  # (people, least time) of a third round
                if R >= 3 and math.isfinite(T3):
                    thirds += [(math.floor(cap / 2), T3), (float(cap), T3 + math.floor(cap / 2) * (b + lv))]
                for hi3, d3 in thirds:
                    ok = t0 + d1 + d2 + d3 <= E
                    blk = {"kind": gi, "people": A1(hi1) + A2(hi2) + hi3, "later": A2(hi2),
                           "bucket": np.full(len(d1), bi), "ok": ok, "slots": {}}
                    for c in cs:
                        sl = [(kk1, t0 + head1[c][kk1] + ll1 * b, E - d3 - d2 - tail1[c][kk1] - ll1 * lv)]
                        if hin1[c] is not None:
                            sl.append((kk1, t0 + hin1[c][kk1], E - d3 - d2 - tin1[c][kk1] - ll1 * (b + lv)))
                        sl.append((kk2, t0 + d1 + head2[c][kk2] + ll2 * b, E - d3 - tail2[c][kk2] - ll2 * lv))
                        if hin2[c] is not None:
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
    if verbose:
        print("patterns", n, "passages", sum(len(arr[c][0]) for c in cs))
    from scipy.sparse import csr_matrix, vstack

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
        pj, sh, pp, ee, ll = arr[c]
        e = sh * mandatory(pp, ee, ll, t1, t2)
        return np.bincount(pj, weights=e, minlength=n)

    Ec = np.zeros((len(cs) * (1 + CUTS * MAX_ROUNDS), n))  # energy rows of the intervals, as added
    hc: list = []
    for c in cs:
        pj, sh, pp, ee, ll = arr[c]
        t1, t2 = float(ee.min()), float((ll + pp).max())
        Ec[len(hc)] = energy_row(c, t1, t2)
        hc.append(t2 - t1)
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
        m = len(hc)
        cols_S = np.nonzero(S)[0]
        A = np.vstack([Bd[:, cols_S], Ec[:m, cols_S]])
        fun, xS, y = _solve(-people[cols_S], A, np.concatenate([bh, hc]))
        if fun is None:
            return None
        y = np.maximum(0.0, -y)  # prices of the rows (>= 0)
        # weak duality with these prices: the kinds' rows take each column's best reduced profit
        yk, yb, yc = y[:nk], y[nk : len(bh)], y[len(bh) :]
        rc = people - yb @ Bd[nk:] - yc @ Ec[:m]
        lag = float(yb @ bh[nk:] + yc @ np.array(hc))
        for gi, key in enumerate(kind_list):
            g = kind_a == gi
            lag += kinds[key] * max(0.0, float(rc[g].max()) if g.any() else 0.0)
        best = min(best, lag)
        if verbose:
            print(it, round(-fun, 1), round(lag, 1), m, int(S.sum()))
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
                Ec[len(hc)] = energy_row(c, t1s[i1], t2s[i2])
                hc.append(float(t2s[i2] - t1s[i1]))
                added += 1
        if not added:
            break
    return int(math.floor(min(best, float(people_cap)) + 1e-6))
