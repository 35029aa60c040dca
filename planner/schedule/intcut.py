"""The whole-convoy passage cut of the bound: the passage-window cut of :mod:`.cuts` in integers.

It applies to a checkpoint ``c`` that every round passes loaded (every
reachable pickup is behind it), with one usable passage window and no
overnight halts. Every round then has an *out* passage of ``c`` with all its
vehicles, and an *in* passage of the same size when its formation place
crosses ``c`` empty (:func:`.cuts.passage_window`). A vehicle's first round
forms at its depot (kind by the depot), later ones at destinations.

The model, each step a relaxation (a feasible schedule gives a solution of it):

- two load levels: a *full* passage (some vehicle carries more than two thirds
  of the largest vehicle's places) fits the level-3 window of :mod:`.cuts`
  (boarding before it, unloading after); every passage, with the in passages
  of its rounds, fits the widest window (levels 1 and 2 of :mod:`.cuts` merged
  into one: a wider window, more places, so a relaxation);
- a vehicle in a *partial* passage carries at most ``d_p = min(places, floor(2/3
  x largest places))``; in a full one its places; over all its rounds at most
  ``n_v``, the fleet term's people for it (:func:`.bound._people_in`);
- a passage of ``k`` vehicles takes at least ``service_s(k, 0)`` (the
  per-person term dropped: shorter), twice when its round crosses ``c`` empty;
  times in whole minutes (coarser steps for windows over :data:`MAX_CELLS`
  minutes), each group of passages rounded down and the windows rounded down
  (a sum of floors is at most the floor of the sum);
- vehicle ``v``'s people are at most ``f_v + min(extra_v, later places)``,
  ``f_v`` its first round's share, ``extra_v = min(n_v, R_v x places) - f_v``;
  summed: ``A + min(E, D)`` with ``A`` the first rounds' people, ``E`` their
  extras and ``D`` the later rounds' places. The cut is the most, over the
  later rounds' counts by level (their places ``D`` taken from the largest
  vehicles' further rounds), of ``min(max A + D, max (A + E))`` over the first
  rounds that fit the time left (the max of a min is at most the min of the
  maxes; the second max also drops the full-level window).

``max A`` is exact by a DP over (full-level minutes, all minutes) per kind of
first round, choosing how many vehicles go in full and partial passages: the
vehicles with the most places go full (an exchange argument: a partial share
is ``min(full share, d_p)``; with vehicles of two kinds, with and without
stretcher places, the largest of each kind, :func:`_choose`).

**With a stretcher floor** (the priority rule's, :func:`.rulefloors.rule_floors`):
the schedules carrying at least ``F`` stretcher cases have at least ``m``
vehicle-rounds of vehicles with stretcher places in loaded passages (``m`` the
fewest of the fleet term's vehicle-rounds whose stretcher places hold ``F``),
and the cut relaxes that count with a Lagrangian multiplier: each such
vehicle-round is worth ``lam`` more and the cut ``lam x m`` less, the least
over a few ``lam >= 0`` (:func:`whole_convoy_cut`). On the demo (12 stretcher
cases) that gives 1,807 against 1,820, and no ``lam`` does better (from 20 to
60 the term is 1,807): the cut's windows at CP1 (183.8 min full, 208.6 min
widest, from the earliest loaded start, DP2 via P6 with nobody aboard, to the
latest clear of one ambulance) hold nearly every vehicle, so an ambulance
takes no bus's place. Only the lags between a round's passages (drives and
boarding between its in and out passage, the sizes' passages at CP2 and CP3)
make places scarce, and those only the flow-shop cut sees (:mod:`.seqsplit`:
the stretcher floor alone, 1,488); windows of 160 / 175 min would give 1,574.

Work is bounded deterministically: past :data:`MAX_WORK` cell updates the cut is left out (no term, never a wrong one).
"""

from __future__ import annotations

import math

import numpy as np

from planner.schedule.cuts import LEVELS, _prev_level, passage_window
from planner.schedule.model import Problem

#: Most DP cell updates before the cut is skipped (deterministic, no clock).
MAX_WORK = 40_000_000
#: Most time steps of the DP's window (longer windows use a coarser step than a minute).
MAX_CELLS = 300


def _windows(P, cid, tt, memo):
    """``(full, widest)`` window lengths (s) at ``cid`` as in :func:`.cuts.checkpoint_cut`; ``None`` unless one."""
    e_in, e_out, l_out, _ = passage_window(P, cid, memo)
    if not (math.isfinite(e_out) and math.isfinite(l_out)):
        return None
    cap = max((v.capacity for v in P.vehicles), default=0)
    b, lv = P.rules.board_s_per_person, P.rules.leave_s_per_person
    e0 = min(e_in, e_out) if math.isfinite(e_in) else e_out
    ivals = [(a, z) for a, z in sorted(tt.usable.get(cid, [])) if z > e0]
    if len(ivals) != 1:
        return None
    a, z = ivals[0]
    out = []
    for q in (LEVELS[-1], LEVELS[0]):
        prev = _prev_level(q, cap)
        lo_out = e_out + prev * b
        lo = max(a, min(e_in, lo_out) if math.isfinite(e_in) else lo_out)
        out.append(max(0.0, min(z, l_out - prev * lv) - lo))
    return out[0], out[1]


def _group_cost(cp, K, jmax, mult, unit=60):
    """Whole ``unit`` s (rounded down) of the fastest passages of ``j`` vehicles in convoys of at most ``K``."""
    best = [0.0] + [math.inf] * jmax
    svc = [0.0] + [cp.service_s(k, 0) for k in range(1, min(K, jmax) + 1)]
    for j in range(1, jmax + 1):
        best[j] = min(best[j - k] + svc[k] for k in range(1, min(K, j) + 1))
    return [int(mult * s // unit) for s in best]


def _least_rounds(places, floor) -> int | None:
    """Fewest vehicle-rounds of ``places`` (stretcher places per vehicle-round) that hold ``floor`` stretcher cases."""
    if floor <= 0:
        return 0
    acc = 0
    for n, x in enumerate(sorted(places, reverse=True), 1):
        acc += x
        if acc >= floor:
            return n
    return None


def _top_gains(gn, gs, a, z, jf):
    """Largest sum of ``jf`` gains from the first ``a`` of ``gn`` and the first ``z`` of ``gs`` (prefix sums of
    gains sorted largest first)."""
    best = -math.inf
    for i in range(max(0, jf - z), min(a, jf) + 1):
        s = gn[i] + gs[jf - i]
        if s > best:
            best = s
    return best


def _prefix(xs) -> list:
    out = [0.0]
    acc = 0.0
    for x in xs:
        acc += x
        out.append(acc)
    return out


def _chooser(ns, st, c_p):
    """:func:`_choose` for fixed ``ns``, ``st`` and ``c_p``: ``choose(jf, jp, m)`` (prefix sums computed once)."""
    SPn = _prefix([min(x, c_p) for x in ns])
    SPs = _prefix([min(x, c_p) for x in st])
    Gn = _prefix([x - min(x, c_p) for x in ns])
    Gs = _prefix([x - min(x, c_p) for x in st])
    n_ns, n_st = len(ns), len(st)
    cache: dict = {}

    def choose(jf, jp, m):
        key = (jf, jp, m)
        got = cache.get(key)
        if got is not None:
            return got
        out: dict = {}
        j = jf + jp
        for z in range(max(0, j - n_ns), min(n_st, j) + 1):
            a = j - z
            val = SPn[a] + SPs[z] + _top_gains(Gn, Gs, a, z, jf)
            k = min(z, m)
            if val > out.get(k, -math.inf):
                out[k] = val
        cache[key] = out
        return out

    return choose


def _choose(ns, st, c_p, jf, jp, m):
    """Most people of ``jf`` full and ``jp`` partial passages' vehicles taken from ``ns`` (without stretcher
    places) and ``st`` (with), by the number of ``st`` ones capped at ``m``: ``{min(z, m): people}``.

    ``ns``/``st``: shares sorted largest first. A vehicle in a partial passage carries ``min(share, c_p)``, in a
    full one its share: people = the partial shares of the chosen + the ``jf`` largest gains ``share - min(share,
    c_p)`` among them. Both grow with each chosen share, so each kind's largest shares are chosen (exchange).
    """
    return _chooser(ns, st, c_p)(jf, jp, m)


def _memo_cost(memo, cid, cp, K, jmax, mult, unit):
    """:func:`_group_cost`, kept in ``memo`` (the same for every ``lam``)."""
    key = ("group cost", cid, K, jmax, mult, unit)
    if key not in memo:
        memo[key] = _group_cost(cp, K, jmax, mult, unit)
    return memo[key]


def _memo_chooser(memo, ns, st, c_p):
    """:func:`_chooser`, kept in ``memo`` (its answers do not depend on ``lam``)."""
    key = ("chooser", tuple(ns), tuple(st), c_p)
    if key not in memo:
        memo[key] = _chooser(ns, st, c_p)
    return memo[key]


def _max_plus(A, cands, Lf, Lt):
    """``new = A`` with ``new[x + dx, y + dy] = max(new, A[x, y] + val)`` for every ``(dx, dy, val)`` of ``cands``.

    Over the finite cells of ``A`` only (few: the DP starts from one cell), the same sums as a dense shift of
    the whole of ``A`` for each candidate; dense when the cells are many.
    """
    new = A.copy()
    if not cands:
        return new
    xs, ys = np.nonzero(~np.isneginf(A))
    if len(xs) * len(cands) > 1_000_000:  # memory: the dense shifts then
        for dx, dy, val in cands:
            sub = new[dx:, dy:]
            np.maximum(sub, A[: Lf + 1 - dx, : Lt + 1 - dy] + val, out=sub)
        return new
    dx = np.array([c[0] for c in cands], dtype=np.int64)
    dy = np.array([c[1] for c in cands], dtype=np.int64)
    dv = np.array([c[2] for c in cands], dtype=float)
    nx = xs[:, None] + dx[None, :]
    ny = ys[:, None] + dy[None, :]
    nv = A[xs, ys][:, None] + dv[None, :]
    ok = (nx <= Lf) & (ny <= Lt)
    np.maximum.at(new, (nx[ok], ny[ok]), nv[ok])
    return new


def whole_convoy_cut(P: Problem, cid, tt, people_of, rounds_of, memo=None, stretcher_floor=0) -> int | None:
    """Most people through checkpoint ``cid`` in whole convoys (the module docstring); ``None``: not applicable.

    ``people_of`` / ``rounds_of``: vehicle id -> the fleet term's most people / rounds for it.

    ``stretcher_floor``: only schedules carrying at least this many stretcher cases (the priority rule's
    floor, :func:`.rulefloors.rule_floors`). Then at least ``m`` vehicle-rounds of vehicles with stretcher places
    carry someone, ``m`` the fewest of their vehicle-rounds (the fleet term's rounds) whose stretcher places
    hold the floor, and each is a vehicle of a loaded passage of ``cid``. For any ``lam >= 0`` such a
    schedule's people are at most its people plus ``lam x (z - m)``, ``z`` its stretcher vehicle-rounds in
    passages (a Lagrangian relaxation of ``z >= m``): the cut of every configuration with each stretcher
    vehicle-round worth ``lam`` more, less ``lam x m``; the least over a few ``lam`` (0 among them, the cut
    without the floor) is the term. ``None`` also when the fleet term's rounds cannot hold the floor.
    """
    memo = {} if memo is None else memo
    if any(c.overnight_halt for c in P.checkpoints.values()):
        return None
    cap = max((v.capacity for v in P.vehicles), default=0)
    if cap <= 0:
        return None
    win = _windows(P, cid, tt, memo)
    if win is None:
        return None
    st_rounds: list[int] = []  # stretcher places of every vehicle-round that can carry someone
    share = 0
    for v in P.vehicles:
        n, R = int(people_of.get(v.id, 0)), int(rounds_of.get(v.id, 0))
        if R > 0 and min(n, v.capacity) > 0 and v.stretcher_places > 0:
            st_rounds += [v.stretcher_places] * R
            share = max(share, min(n, v.capacity))
    m = _least_rounds(st_rounds, int(stretcher_floor))
    if m is None:
        return None
    lams = [0.0]
    if m > 0:
        # a stretcher vehicle-round worth as much as a vehicle of the largest places, or of a partial passage
        c_p = math.floor(LEVELS[-2] * cap)
        lams += sorted({float(max(0, cap - share)), float(max(0, c_p - share))} - {0.0})
    best = None
    for lam in lams:
        key = ("whole convoys", cid, lam, id(people_of), id(rounds_of))
        if key not in memo:  # lam 0 is the cut without the floor: computed once for both
            memo[key] = _cut(P, cid, tt, people_of, rounds_of, memo, win, lam)
        got = memo[key]
        if got is None:
            return None
        val = int(math.floor(got - lam * m + 1e-6))
        best = val if best is None else min(best, val)
    return None if best is None else max(0, best)


def _cut(P, cid, tt, people_of, rounds_of, memo, win, lam) -> float | None:
    """The cut with each vehicle-round of a vehicle with stretcher places worth ``lam`` more (not rounded)."""
    cp = P.checkpoints[cid]
    cap = max((v.capacity for v in P.vehicles), default=0)
    # time unit: whole minutes, coarser for long windows (at most MAX_CELLS a side: bounded work; any unit is
    # safe, costs and windows both rounded down)
    unit = 60 * max(1, math.ceil(win[1] / 60 / MAX_CELLS))
    Lf, Lt = int(win[0] // unit), int(win[1] // unit)
    Lf = min(Lf, Lt)
    _, _, _, needs_in = passage_window(P, cid, memo)
    K = max(1, min(int(P.rules.max_convoy), len(P.vehicles)))
    c_p = math.floor(LEVELS[-2] * cap)
    dest_free = any(not needs_in.get(d.id, False) for d in P.destinations if d.id in needs_in)
    # multiplier (1: out only, 2: in and out) -> [(full share, full share + extra, has stretcher places)]
    first: dict[int, list] = {1: [], 2: []}
    later: list = []  # (places, has stretcher places) of further rounds
    for v in P.vehicles:
        n, R = int(people_of.get(v.id, 0)), int(rounds_of.get(v.id, 0))
        f = min(n, v.capacity)
        if R <= 0 or f <= 0:
            continue  # carries nobody: leaving it out only frees time
        st = lam > 0 and v.stretcher_places > 0
        first[2 if needs_in.get(v.depot, False) else 1].append((f, min(n, R * v.capacity), st))
        later += [(v.capacity, st)] * (R - 1)
    mult_later = 1 if dest_free else 2
    work = 0
    # max A: 2-D DP over (full minutes, all minutes)
    A = np.full((Lf + 1, Lt + 1), -np.inf)
    A[0, 0] = 0.0
    # max (A + E): 1-D DP over all minutes, every passage partial (the full window dropped)
    AE = np.full(Lt + 1, -np.inf)
    AE[0] = 0.0
    for mult, items in first.items():
        if not items:
            continue
        items.sort(key=lambda x: -x[0])
        N = len(items)
        ns = [x[0] for x in items if not x[2]]
        st = [x[0] for x in items if x[2]]
        cost = _memo_cost(memo, cid, cp, K, N, mult, unit)
        choose = _memo_chooser(memo, ns, st, c_p)
        cands = []  # (full minutes, all minutes, people) of each choice of this kind's first rounds
        for jf in range(N + 1):
            tf = cost[jf]
            if tf > Lf:
                break
            if jf < N and cost[jf + 1] == tf:
                continue  # one more vehicle at the same time is worth as much or more (values are >= 0)
            for jp in range(N + 1 - jf):
                tp = cost[jp]
                if jf + jp == 0 or (jf + jp < N and cost[jp + 1] == tp):
                    continue  # likewise
                if tf + tp > Lt:
                    break
                val = max(v + lam * z for z, v in choose(jf, jp, len(st)).items())
                work += (Lf + 1 - tf) * (Lt + 1 - tf - tp)
                if work > MAX_WORK:
                    return None
                cands.append((tf, tf + tp, val))
        A = _max_plus(A, cands, Lf, Lt)
        tops = np.concatenate([[0.0], np.cumsum(sorted((x[1] + (lam if x[2] else 0.0) for x in items), reverse=True))])
        newe = AE.copy()
        for j in range(1, N + 1):
            t = cost[j]
            if t > Lt:
                break
            work += Lt + 1 - t
            np.maximum(newe[t:], AE[: Lt + 1 - t] + tops[j], out=newe[t:])
        AE = newe
    # best within a budget: running maxima
    A = np.maximum.accumulate(np.maximum.accumulate(A, axis=0), axis=1)
    AE = np.maximum.accumulate(AE)
    # later rounds: the largest places of each kind go full (exchange argument of _choose)
    later.sort(key=lambda x: -x[0])
    N = len(later)
    ln = [x for x, s in later if not s]
    ls = [x for x, s in later if s]
    cost = _memo_cost(memo, cid, cp, K, N, mult_later, unit)
    choose = _memo_chooser(memo, ln, ls, c_p)
    if not ls:
        best = _later_best(A, AE, cost, Lf, Lt, ln, c_p)
        return 0.0 if not math.isfinite(best) else float(best)
    best = -math.inf
    AEl = AE.tolist()  # plain floats: the same sums, without numpy scalars
    for jf in range(N + 1):
        tf = cost[jf]
        if tf > Lf:
            break
        row = A[Lf - tf].tolist()
        for jp in range(N + 1 - jf):
            tp = cost[jp]
            if tf + tp > Lt:
                break
            a = row[Lt - tf - tp]
            e = AEl[Lt - tf - tp]
            for z, D in choose(jf, jp, len(ls)).items():
                x = min(a + D + lam * z, e + lam * z)
                if x > best:
                    best = x
    if not math.isfinite(best):
        return 0.0
    return float(best)


def _later_best(A, AE, cost, Lf, Lt, ln, c_p) -> float:
    """The loop over the later rounds' full and partial passages of :func:`_cut` when none of them has
    stretcher places (``ln``: their places, largest first), a row of ``jp`` at a time: ``choose(jf, jp, 0)``
    is then ``{0: SP[jf + jp] + G[jf]}`` (the same sums) and ``lam`` counts for nothing."""
    N = len(ln)
    SP = np.array(_prefix([min(x, c_p) for x in ln]))
    G = _prefix([x - min(x, c_p) for x in ln])
    cost_a = np.asarray(cost[: N + 1], dtype=np.int64)
    best = -math.inf
    for jf in range(N + 1):
        tf = cost[jf]
        if tf > Lf:
            break
        tp = cost_a[: N + 1 - jf]
        over = np.flatnonzero(tf + tp > Lt)
        n = len(tp) if len(over) == 0 else int(over[0])  # the loop's break at the first that does not fit
        if n == 0:
            continue
        idx = Lt - tf - tp[:n]
        x = np.minimum(A[Lf - tf, idx] + (SP[jf : jf + n] + G[jf]), AE[idx])
        m = float(x.max())
        if m > best:
            best = m
    return best
