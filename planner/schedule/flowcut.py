"""The checkpoint network cut of the bound: people as a flow over the legs, every checkpoint at once.

The per-checkpoint cuts of :mod:`.bound` and :mod:`.cuts` need a checkpoint on
*every* loaded path from a set of pickups. Where several checkpoints share the
traffic (each pickup can leave by one of a few roads, each with its own
checkpoint) none applies alone; this linear program looks at all of them
together.

**The relaxation.** Take any feasible schedule. Follow each person it carries
along the route of the person's round: from the round's formation place (a
depot for a vehicle's first round, else a destination) over the empty leg to
the round's first stop, to the stop where the person boards, then aboard over
the round's legs to its destination. Sort the rounds by convoy size into the
classes of :data:`SIZE_CLASSES` (``lo`` to ``hi`` vehicles). Count, per class,
per loaded leg of the problem (every lead profile's legs: a union) and per
number ``h`` of stops the round still makes after the leg's start, the people
aboard (``y``); per empty first leg the people of the rounds that start with it
(``x``); per pickup the people boarding there (``b``). These numbers satisfy:

- **flow**: a person boards with at most ``max_stops - 1`` stops left, each
  leg between stops uses one up, and the legs out of pickup ``p`` with ``h``
  left carry the people in with ``h + 1`` left plus those boarding (fewer left
  is always allowed: a free arc); every person reaches a destination, and every
  person boarding arrived over some empty first leg of a round of its class
  (``sum b <= sum x``: a pool; the legs between stops before boarding are left
  out, and dropping charges only loosens). ``max_stops`` is the rule of
  :class:`~.model.Rules` that the engine and the exact model obey;
- **demand and destinations**: ``b[p]`` at most the people at ``p`` (none
  outside the bound's reachable pickups); a destination takes at most its
  capacity;
- **formation**: the rounds formed at a depot carry at most its vehicles'
  places (first rounds); those formed at destinations at most the places of
  the vehicles' further rounds (the fleet term's most rounds, less one each);
- **checkpoint time**: a passage of ``k`` vehicles carrying ``n`` of its
  round's ``N <= k * cap`` people (``cap`` the largest vehicle's places) takes
  at least ``A_k + n * s / lanes`` s, ``A_k = convoy + ceil(k / lanes) *
  vehicle + hold``; so charging each person of a round of class ``(lo, hi)``
  ``sigma = min over k in lo..hi of A_k / (k * cap)`` for each passage of the
  round (in passages on its empty leg where the checkpoint checks empty
  vehicles; every passage on loaded legs: charged to the people aboard, a
  subset), and each person aboard ``s / lanes`` more, charges a passage at most
  its length. Passages serve one convoy at a time inside the checkpoint's
  usable hours, and only between the earliest any convoy can be there (first
  departures over the fastest legs, one-vehicle passages before it, pickups'
  ready times) and the latest one can clear and still reach a destination by
  the window's end; without overnight halts a round lies in one daylight part,
  so also no earlier than the part's start plus the least drive to the
  checkpoint, no later than its end less the least drive on. The charges fit
  that time. A second row does the same for the loaded passages alone in their
  own (narrower) window, and the people of its loaded passages are at most a
  knapsack of full convoys in that window (:func:`.bound._knapsack`: a real
  passage of ``k`` vehicles takes at least its item's time, the per-person
  part left out, and carries at most its value ``k * cap``);
- **vehicle time**: a round of ``k >= lo`` vehicles holds them for its whole
  length; each person is charged the round's legs it rides (drive plus
  ``lo``-vehicle passages) over ``cap``, plus boarding and leaving (vehicles
  board side by side: ``k`` x the longest is at least everyone's); all of it
  fits the vehicles' time after their first departure (in daylight, or the
  rest of the window with overnight halts). With ``escort_teams`` set, each
  round holds one team: the same charges over ``hi * cap`` (boarding over
  ``hi``) fit the teams' time.

So any schedule's people out is a feasible value of the LP, and the LP's
optimum (:func:`.lp.lp_min`, rounded down after a relative 1e-9 and an absolute 1e-3 of
solver slack in the bound's favour) is a valid bound. Person-passages are
counted, not distinct people (a person may cross a checkpoint twice), so every
capacity above is per passage. Size classes are merged pairwise until the LP
has at most :data:`MAX_COLUMNS` columns (a coarser class is still a
relaxation: its charges are the least over its sizes).
"""

from __future__ import annotations

import functools
import math

import numpy as np

from planner.schedule.model import INF, Problem

#: Longest window (minutes) of the exact full-convoy knapsack; longer ones take its LP relaxation (also valid).
KNAPSACK_MINUTES = 720


def _per_person(cp, K, cap, lo=1, hi=None):
    """``(sigma, per_aboard)``: s per person of a round of ``lo`` to ``hi`` (default ``K``) vehicles per passage
    (the convoy part over the round's most places), and s more per person aboard."""
    lanes = max(1, int(cp.lanes))
    hi = K if hi is None else min(hi, K)
    sigma = min((cp.convoy_s + math.ceil(k / lanes) * cp.vehicle_s + cp.hold_s) / (k * cap) for k in range(lo, hi + 1))
    return max(0.0, sigma), max(0.0, cp.person_s / lanes)


def _full_convoys(cp, K, cap, length_s):
    """People back-to-back full convoys carry in ``length_s``: the knapsack of :func:`.bound._knapsack` (whole
    minutes of ``service_s(k, 0)`` rounded down, the window rounded up) up to :data:`KNAPSACK_MINUTES`, its LP
    relaxation beyond."""
    L = math.ceil(length_s / 60.0)
    w = tuple(int(cp.service_s(k, 0) // 60) for k in range(1, K + 1))
    if min(w) <= 0:
        return 10**9
    if L > KNAPSACK_MINUTES:
        return int(math.floor(L * max((k + 1) * cap / wk for k, wk in enumerate(w))))
    return _knapsack_table(w, cap)[L]


@functools.lru_cache(maxsize=64)
def _knapsack_table(w, cap):
    """Most people per whole minute ``0..KNAPSACK_MINUTES`` with ``k``-vehicle convoys taking ``w[k - 1]`` min."""
    from planner.schedule.bound import knapsack_table

    return knapsack_table([(wk, (k + 1) * cap) for k, wk in enumerate(w)], KNAPSACK_MINUTES)


def _legs(P: Problem, pk, dests, forms):
    """Distinct legs ``(a, b, Leg)`` of every profile: formation place -> pickup, and loaded ones."""
    seen = set()
    out = []
    for legs in P.legs.values():
        for (a, b), lg in legs.items():
            if a in pk:
                if b not in pk and b not in dests:
                    continue
            elif not (a in forms and b in pk):
                continue
            key = (a, b, lg.time_s, lg.checkpoints)
            if key in seen:
                continue
            seen.add(key)
            out.append((a, b, lg))
    return out


def _windows(P, tt, halts, cids, lo, hi, before, after):
    """Usable seconds at each checkpoint of ``cids`` inside ``[lo, hi]`` (and, without halts, inside each
    daylight part from its start plus ``before`` to its end less ``after``); arrays in ``cids`` order."""
    out = np.zeros(len(cids))
    for k, cid in enumerate(cids):
        if not math.isfinite(lo[k]):
            continue
        total = 0.0
        for a, z in tt.usable.get(cid, []):
            a2, z2 = max(a, lo[k]), min(z, hi[k])
            if not halts:
                seg = tt.segment(a)
                if seg is not None:
                    a2 = max(a2, seg[0] + before[k])
                    z2 = min(z2, seg[1] - after[k])
            total += max(0.0, z2 - a2)
        out[k] = total
    return out


def _passage_time(P, tt, halts, legs, pk, dests, cids, memo):
    """``(all, loaded)``: usable seconds per checkpoint (``cids`` order) for every passage and for the loaded
    ones (the windows of the module docstring)."""
    from planner.schedule.cuts import earliest_at, rest_to_destination

    cps = P.checkpoints
    cidx = {c: i for i, c in enumerate(cids)}
    one = np.array([cps[c].service_s(1, 0) for c in cids])
    empty_ok = np.array([cps[c].checks_empty for c in cids])
    T = earliest_at(P, memo)
    R = rest_to_destination(P, memo)
    m_in = min((lg.time_s for a, b, lg in legs if a not in pk), default=0.0)  # least empty leg into a pickup
    # per leg with checkpoints: drive, earliest at its start, least rest after its end, loaded; per passage
    # on it (in order): leg, checkpoint, offset
    l_time, l_start, l_rest, l_loaded, q_leg, q_cp, q_off = [], [], [], [], [], [], []
    for a, b, lg in legs:
        if not lg.checkpoints:
            continue
        j = len(l_time)
        l_time.append(lg.time_s)
        l_start.append(T.get(a, INF))
        l_rest.append(0.0 if b in dests else R.get(b, INF))
        l_loaded.append(a in pk)
        for c, off in lg.checkpoints:
            if c in cidx:
                q_leg.append(j)
                q_cp.append(cidx[c])
                q_off.append(off)
    n = len(cids)
    lo_all, lo_out = np.full(n, INF), np.full(n, INF)
    hi_all, hi_out = np.full(n, -INF), np.full(n, -INF)
    bef_all, bef_out, aft_all, aft_out = (np.full(n, INF) for _ in range(4))
    if q_leg:
        q_leg, q_cp, q_off = np.array(q_leg), np.array(q_cp), np.array(q_off, float)
        loaded = np.array(l_loaded)[q_leg]
        # a passage happens on a loaded leg, and on an empty one where the checkpoint checks empty vehicles;
        # its least time is a one-vehicle passage's
        svc = np.where(loaded | empty_ok[q_cp], one[q_cp], 0.0)
        cs = np.cumsum(svc)
        first = np.flatnonzero(np.r_[True, q_leg[1:] != q_leg[:-1]])
        start_cs = np.repeat(cs[first] - svc[first], np.diff(np.r_[first, len(q_leg)]))
        run = cs - svc - start_cs  # passages before it on its leg
        tot = np.bincount(q_leg, weights=svc, minlength=len(l_time))[q_leg]
        before = q_off + run
        with np.errstate(invalid="ignore"):
            after = np.array(l_time)[q_leg] - q_off + (tot - run - svc) + np.array(l_rest)[q_leg]
            early = np.array(l_start)[q_leg] + before
        late = P.window_end_s - after
        b0 = before + np.where(loaded, m_in, 0.0)
        happens = loaded | (empty_ok[q_cp] & (svc > 0.0))
        for m, lo, hi, bef, aft in (
            (happens, lo_all, hi_all, bef_all, aft_all),
            (loaded, lo_out, hi_out, bef_out, aft_out),
        ):
            np.minimum.at(lo, q_cp[m], early[m])
            np.maximum.at(hi, q_cp[m], late[m])
            np.minimum.at(bef, q_cp[m], b0[m])
            np.minimum.at(aft, q_cp[m], after[m])
    all_ = _windows(P, tt, halts, cids, lo_all, hi_all, bef_all, aft_all)
    return all_, _windows(P, tt, halts, cids, lo_out, hi_out, bef_out, aft_out)


def flow_cut(P: Problem, tt, reach, rounds_of=None, halts=False, memo=None) -> int | None:
    """Most people the LP of the module docstring lets out; ``None`` without checkpoints or pickups.

    Parameters
    ----------
    P : Problem
    tt : Timetable
        Its usable checkpoint hours and daylight parts.
    reach : set
        Pickup ids the bound found reachable (the others board nobody).
    rounds_of : dict, optional
        Vehicle id -> most rounds it can make (the fleet term); ``None``: later rounds unlimited.
    halts : bool
        Whether some checkpoint allows an overnight halt (then rounds may span nights).
    memo : dict, optional
        The bound's memo (earliest times and rests of :mod:`.cuts` are shared).
    """
    from scipy.sparse import coo_matrix

    from planner.schedule.lp import lp_min

    if not P.checkpoints or not reach:
        return None
    memo = {} if memo is None else memo
    rules = P.rules
    cap = max((v.capacity for v in P.vehicles), default=0)
    if cap <= 0:
        return None
    K = max(1, min(int(rules.max_convoy), len(P.vehicles)))
    pk = {p.id: p for p in P.pickups}
    dests = {d.id: d for d in P.destinations}
    depot_cap: dict = {}
    for v in P.vehicles:
        depot_cap[v.depot] = depot_cap.get(v.depot, 0) + v.capacity
    forms = set(depot_cap) | set(dests)
    cps = P.checkpoints
    legs_key = ("flow legs", frozenset(forms))  # the same for any number of such vehicles (.bound.SHARED_TUPLE_KEYS)
    legs = memo.get(legs_key)
    if legs is None:
        legs = memo[legs_key] = _legs(P, pk, dests, forms)
    if not legs:
        return None
    # ---- the legs as arrays: loaded ones (pickup -> pickup or destination) and empty first legs
    pids = sorted(pk)
    pidx = {p: i for i, p in enumerate(pids)}
    n_p = len(pids)
    cids = sorted(cps)
    cidx = {c: i for i, c in enumerate(cids)}
    n_c = len(cids)
    W_all, W_out = _passage_time(P, tt, halts, legs, pk, dests, cids, memo)
    depots = sorted(depot_cap)
    dids = sorted(dests)
    f_index = {d: i for i, d in enumerate(depots)}
    f_later = len(depots)  # every destination: later rounds
    la_: list = []
    lb_: list = []
    ld_: list = []
    lt_: list = []
    lpl_: list = []
    lpc_: list = []
    firsts: dict = {}  # (formation row, in passages) -> least drive: one column each (they all feed a pool)
    for a, b, lg in legs:
        if a in pk:
            j = len(la_)
            la_.append(pidx[a])
            lb_.append(pidx.get(b, -1))
            ld_.append(dids.index(b) if b in dests else -1)
            lt_.append(lg.time_s)
            for c, _ in lg.checkpoints:
                if c in cidx:
                    lpl_.append(j)
                    lpc_.append(cidx[c])
        else:
            ks = tuple(cidx[c] for c, _ in lg.checkpoints if c in cidx and cps[c].checks_empty)
            key = (f_index.get(a, f_later), ks)
            firsts[key] = min(firsts.get(key, INF), lg.time_s)
    la, lb, ld, lt = np.array(la_, int), np.array(lb_, int), np.array(ld_, int), np.array(lt_, float)
    lp_leg, lp_cp = np.array(lpl_, int), np.array(lpc_, int)
    fkeys = list(firsts)
    fa = np.array([f for f, _ in fkeys], int)
    ft = np.array([firsts[k] for k in fkeys], float)
    fp_leg = np.array([j for j, (_, ks) in enumerate(fkeys) for _ in ks], int)
    fp_cp = np.array([k for _, ks in fkeys for k in ks], int)
    n_l, n_f = len(la), len(fkeys)
    pp = np.flatnonzero(lb >= 0)
    pd = np.flatnonzero(ld >= 0)
    in_reach = np.array([p in reach and pk[p].people > 0 for p in pids])
    boarders = np.flatnonzero(in_reach)
    H = max(0, int(rules.max_stops) - 1)
    classes = _classes(K, n_l * H + n_p * (H + 1) + n_f)
    # ---- rows: per class nodes (aboard at pickup p with h stops left after it; and a pool of people not yet
    # aboard, in by the empty legs of their rounds, out by boarding), then the shared rows
    block = n_p * (H + 1) + 1
    n_nodes = block * len(classes)
    r_dem = n_nodes
    r_form = r_dem + n_p  # depots, then later rounds
    r_dest = r_form + len(depots) + 1
    r_call = r_dest + len(dids)
    r_cout = r_call + n_c
    r_knap = r_cout + n_c
    r_fleet = r_knap + n_c
    r_esc = r_fleet + 1
    n_rows = r_esc + 1
    beta = rules.board_s_per_person + rules.leave_s_per_person
    lanes = np.array([max(1, int(cps[c].lanes)) for c in cids], float)
    per = np.array([cps[c].person_s for c in cids], float) / lanes
    R_, C_, V_, obj = [], [], [], []
    n_col = 0

    def add(rows, cols, vals):
        rows = np.asarray(rows, dtype=np.int64).ravel()
        R_.append(rows)
        C_.append(np.asarray(cols, dtype=np.int64).ravel())
        V_.append(np.broadcast_to(np.asarray(vals, dtype=float).ravel(), rows.shape))

    for s, (lo, hi) in enumerate(classes):
        base = s * block
        pool = base + n_p * (H + 1)
        # least passage time (vehicle time) and convoy part per person of a round of this class, per checkpoint
        svc_lo = np.array([cps[c].service_s(lo, 0) for c in cids], float)
        sig = np.array([_per_person(cps[c], K, cap, lo, hi)[0] for c in cids], float)
        lt_s = (lt + np.bincount(lp_leg, weights=svc_lo[lp_cp], minlength=n_l)) / cap
        ft_s = (ft + np.bincount(fp_leg, weights=svc_lo[fp_cp], minlength=n_f)) / cap
        # boarding: pool -> aboard with every stop left
        c0 = n_col + np.arange(len(boarders))
        add(
            np.stack([np.full(len(c0), pool), base + boarders * (H + 1) + H, r_dem + boarders]),
            np.tile(c0, 3),
            np.repeat([1.0, -1.0, 1.0], len(c0)),
        )
        add([r_fleet] * len(c0), c0, beta)
        add([r_esc] * len(c0), c0, beta / hi)
        obj.append(np.zeros(len(c0)))
        n_col += len(c0)
        # fewer stops left (always allowed)
        for h in range(1, H + 1):
            c0 = n_col + np.arange(n_p)
            add(
                np.stack([base + np.arange(n_p) * (H + 1) + h, base + np.arange(n_p) * (H + 1) + h - 1]),
                np.tile(c0, 2),
                np.repeat([1.0, -1.0], n_p),
            )
            obj.append(np.zeros(n_p))
            n_col += n_p
        # loaded legs: to a destination from h = 0, between pickups from h to h - 1
        for h in range(H + 1):
            sel = pd if h == 0 else pp
            col = np.full(n_l, -1)
            col[sel] = n_col + np.arange(len(sel))
            if h == 0:
                add(np.stack([base + la[sel] * (H + 1), r_dest + ld[sel]]), np.tile(col[sel], 2), 1.0)
                obj.append(-np.ones(len(sel)))
            else:
                add(
                    np.stack([base + la[sel] * (H + 1) + h, base + lb[sel] * (H + 1) + h - 1]),
                    np.tile(col[sel], 2),
                    np.repeat([1.0, -1.0], len(sel)),
                )
                obj.append(np.zeros(len(sel)))
            add([r_fleet] * len(sel), col[sel], lt_s[sel])
            add([r_esc] * len(sel), col[sel], lt_s[sel] / hi)
            m = col[lp_leg] >= 0
            pc, pl = lp_cp[m], col[lp_leg[m]]
            add(r_call + pc, pl, sig[pc] + per[pc])
            add(r_cout + pc, pl, sig[pc] + per[pc])
            add(r_knap + pc, pl, 1.0)
            n_col += len(sel)
        # empty first legs into the pool
        c0 = n_col + np.arange(n_f)
        add(np.stack([np.full(n_f, pool), r_form + fa]), np.tile(c0, 2), np.repeat([-1.0, 1.0], n_f))
        add([r_fleet] * n_f, c0, ft_s)
        add([r_esc] * n_f, c0, ft_s / hi)
        add(r_call + fp_cp, c0[fp_leg], sig[fp_cp])
        obj.append(np.zeros(n_f))
        n_col += n_f
    # ---- right-hand sides
    rhs = np.zeros(n_rows)
    for p in pids:
        rhs[r_dem + pidx[p]] = float(pk[p].people) if p in reach else 0.0
    for f, i in f_index.items():
        rhs[r_form + i] = float(depot_cap[f])
    rhs[r_form + f_later] = (
        INF
        if rounds_of is None
        else float(sum(v.capacity * max(0, int(rounds_of.get(v.id, 0)) - 1) for v in P.vehicles))
    )
    for i, d in enumerate(dids):
        rhs[r_dest + i] = float(dests[d].capacity)
    for c, k in cidx.items():
        cp = cps[c]
        rhs[r_call + k] = W_all[k] + 1e-6
        rhs[r_cout + k] = W_out[k] + 1e-6
        rhs[r_knap + k] = float(_full_convoys(cp, K, cap, W_out[k])) if W_out[k] > 0.0 else 0.0
    rhs[r_fleet] = _vehicle_time(P, tt, halts)
    rhs[r_esc] = INF
    if rules.escort_teams is not None:
        t_first = min((P.first_departure(v) for v in P.vehicles), default=0.0)
        if halts:
            per_team = max(0.0, P.window_end_s - t_first)
        else:
            per_team = sum(max(0.0, e - max(s, t_first)) for s, e in tt.day if e > t_first)
        rhs[r_esc] = rules.escort_teams * per_team
    A = coo_matrix((np.concatenate(V_), (np.concatenate(R_), np.concatenate(C_))), shape=(n_rows, n_col)).tocsr()
    eq = np.zeros(n_rows, dtype=bool)
    eq[:n_nodes] = True
    ineq = np.isfinite(rhs) & ~eq
    keep = eq | ineq  # flow conservation (= 0) and the finite limits
    fun = lp_min(np.concatenate(obj), A[keep], np.where(eq, 0.0, rhs)[keep], np.where(eq, 0.0, -INF)[keep])
    if fun is None:
        return None
    return int(math.floor(-fun * (1.0 + 1e-9) + 1e-3))


#: Convoy size classes (smallest, largest vehicles); a class is charged its smallest size's vehicle time and
#: its best convoy part per person, so it relaxes every size in it.
SIZE_CLASSES = ((1, 1), (2, 2), (3, 4), (5, 8), (9, 15), (16, 10**6))

#: Most LP columns: fewer size classes (merged neighbours) above it (deterministic, no clock).
MAX_COLUMNS = 8_000


def _classes(K, per_class) -> list:
    """Size classes up to ``K`` vehicles, as many as :data:`MAX_COLUMNS` allows at ``per_class`` columns each."""
    cls = [(lo, min(hi, K)) for lo, hi in SIZE_CLASSES if lo <= K]
    while len(cls) > 1 and len(cls) * per_class > MAX_COLUMNS:
        merged = []
        for i in range(0, len(cls), 2):
            part = cls[i : i + 2]
            merged.append((part[0][0], part[-1][1]))
        cls = merged
    return cls


def _vehicle_time(P, tt, halts) -> float:
    """Seconds of all vehicles after their first departure: in daylight, or the whole rest with halts."""
    total = 0.0
    for v in P.vehicles:
        t0 = P.first_departure(v)
        if halts:
            total += max(0.0, P.window_end_s - t0)
        else:
            total += sum(max(0.0, e - max(s, t0)) for s, e in tt.day if e > t0)
    return total
