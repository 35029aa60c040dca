"""The checkpoint network cut of the bound: people as a flow over the legs, every checkpoint at once.

The per-checkpoint cuts of :mod:`.bound` and :mod:`.cuts` need a checkpoint on
*every* loaded path from a set of pickups. Where several checkpoints share the
traffic (each pickup can leave by one of a few roads, each with its own
checkpoint) none applies alone; this linear program looks at all of them
together.

**The relaxation.** Take any feasible schedule. Follow each person it carries
along the route of the person's round: from the round's formation place (a
depot for a vehicle's first round, else a destination) over the empty leg to
the round's first stop, on to the stop where the person boards, then loaded
over the legs of the round to its destination. Count, per leg of the problem
(every lead profile's legs, as separate columns: a union), the people aboard
it (``y``), per empty leg from a formation place the people of the rounds that
start with it (``x``), and per pickup the people who board there (``b``). These
numbers satisfy:

- **flow**: at each pickup the people on loaded legs out of it are the people
  on loaded legs into it plus those boarding there; people reaching
  destinations are everyone carried;
- **demand and destinations**: ``b[p]`` at most the people at ``p`` (zero
  outside the reachable pickups of the bound); people into a destination at most
  its capacity;
- **formation**: the rounds formed at a depot carry at most its vehicles'
  places (first rounds only); those formed at destinations at most the places
  of the vehicles' further rounds (the fleet term's most rounds, less one
  each); every person boards after arriving by some empty leg (``sum b <= sum
  x``; the legs between stops before boarding are left out: dropping charges
  only loosens);
- **checkpoint time**: a passage of ``k`` vehicles carrying ``n`` of the
  round's ``N <= k * cap`` people (``cap`` the largest vehicle's places) takes
  at least ``A_k + n * s / lanes`` s, ``A_k = convoy + ceil(k / lanes) *
  vehicle + hold``; so charging each person of the round ``sigma = min_k A_k /
  (k * cap)`` for every passage of its round (the in passages on the empty leg
  where the checkpoint checks empty vehicles, every passage on loaded legs), and
  each person aboard ``s / lanes`` more, charges a passage at most its length.
  Passages serve one convoy at a time inside the checkpoint's usable hours, and
  only between the earliest any convoy can be there (first departures over the
  fastest legs, one-vehicle passages before it, pickups' ready times) and the
  latest it can clear and still reach a destination by the window's end
  (without overnight halts also: a round lies in one daylight part, so it
  passes no earlier than the part's start plus the least drive to the
  checkpoint and clears no later than the part's end less the least drive on);
  the charges sum to at most that time. A second row does the same for the
  loaded passages alone over their own (narrower) window, and, when the
  checkpoint has no per-person time, the people of the loaded passages are at
  most a knapsack of full convoys over that window (:func:`.bound._knapsack`:
  each real passage is an item of its size, its time is the item's);
- **vehicle time**: a round of ``k`` vehicles uses ``k`` times its length of
  vehicle time; each person is charged its round's legs (drive and one-vehicle
  passages) over ``cap``, plus boarding and leaving (vehicles board side by
  side: ``k`` x the longest is at least everyone's); all of it fits the
  vehicles' time after their first departure (in daylight, or the whole rest of
  the window with overnight halts); with ``escort_teams`` set, the same over
  ``max_convoy * cap`` fits the teams' time.

So any schedule's people out is a feasible value of the LP, and the LP's
optimum (HiGHS, rounded down) is a valid bound. Person-passages are counted,
not distinct people (a round may cross a checkpoint twice), which is why the
capacities above are per passage.
"""

from __future__ import annotations

import math

import numpy as np

from planner.schedule.model import INF, Problem

#: Longest window (minutes) of the exact full-convoy knapsack; longer ones take its LP relaxation (also valid).
KNAPSACK_MINUTES = 720



def _per_person(cp, K, cap):
    """``(sigma, per_aboard)``: s per person of a round per passage (convoy part), and per person aboard."""
    lanes = max(1, int(cp.lanes))
    sigma = min((cp.convoy_s + math.ceil(k / lanes) * cp.vehicle_s + cp.hold_s) / (k * cap) for k in range(1, K + 1))
    return max(0.0, sigma), max(0.0, cp.person_s / lanes)


def _full_convoys(cp, K, cap, length_s):
    """People back-to-back full convoys carry in ``length_s`` (valid only without per-person time): the exact
    knapsack of :func:`.bound._knapsack` up to :data:`KNAPSACK_MINUTES`, its LP relaxation beyond."""
    from planner.schedule.bound import _knapsack

    if length_s <= 60.0 * KNAPSACK_MINUTES:
        return _knapsack(cp, K, cap, length_s)
    L = math.ceil(length_s / 60.0)
    ratios = []
    for k in range(1, K + 1):
        w = int(cp.service_s(k, 0) // 60)
        if w <= 0:
            return 10**9
        ratios.append(k * cap / w)
    return int(math.floor(L * max(ratios)))


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


def _windows(P, tt, halts, lo, hi, before, after):
    """Usable seconds at each checkpoint inside ``[lo, hi]`` (and, without halts, inside each daylight part
    from its start plus ``before`` to its end less ``after``)."""
    out = {}
    for cid in P.checkpoints:
        if not math.isfinite(lo.get(cid, INF)):
            out[cid] = 0.0
            continue
        total = 0.0
        for a, z in tt.usable.get(cid, []):
            a2, z2 = max(a, lo[cid]), min(z, hi[cid])
            if not halts:
                seg = tt.segment(a)
                if seg is not None:
                    a2 = max(a2, seg[0] + before[cid])
                    z2 = min(z2, seg[1] - after[cid])
            total += max(0.0, z2 - a2)
        out[cid] = total
    return out


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
    from scipy.optimize import linprog
    from scipy.sparse import coo_matrix

    from planner.schedule.cuts import earliest_at, rest_to_destination

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
    charge = {cid: _per_person(cp, K, cap) for cid, cp in cps.items()}
    one = {cid: cp.service_s(1, 0) for cid, cp in cps.items()}
    T = earliest_at(P, memo)
    R = rest_to_destination(P, memo)
    legs = _legs(P, pk, dests, forms)
    if not legs:
        return None
    # ---- passage windows: earliest start and latest clear, all passages and loaded ones
    lo_all, hi_all, lo_out, hi_out = {}, {}, {}, {}
    bef_all, aft_all, bef_out, aft_out = {}, {}, {}, {}
    m_in = min((lg.time_s for a, b, lg in legs if a not in pk), default=0.0)  # least empty leg into a pickup
    for a, b, lg in legs:
        if not lg.checkpoints:
            continue
        loaded = a in pk
        # passages on this leg, in order, that happen (one-vehicle service as the least time)
        svc = [one.get(c, 0.0) if c in cps and (loaded or cps[c].checks_empty) else 0.0 for c, _ in lg.checkpoints]
        tot = sum(svc)
        rest_b = 0.0 if b in dests else R.get(b, INF)
        t_a = T.get(a, INF)
        run = 0.0
        for (c, off), s in zip(lg.checkpoints, svc):
            if c not in cps or s <= 0.0 and not loaded:
                run += s
                continue
            before = off + run
            after = lg.time_s - off + (tot - run - s) + rest_b
            run += s
            e = t_a + before
            late = P.window_end_s - after
            b0 = before + (m_in if loaded else 0.0)
            if e < lo_all.get(c, INF):
                lo_all[c] = e
            if late > hi_all.get(c, -INF):
                hi_all[c] = late
            bef_all[c] = min(bef_all.get(c, INF), b0)
            aft_all[c] = min(aft_all.get(c, INF), after)
            if loaded:
                if e < lo_out.get(c, INF):
                    lo_out[c] = e
                if late > hi_out.get(c, -INF):
                    hi_out[c] = late
                bef_out[c] = min(bef_out.get(c, INF), b0)
                aft_out[c] = min(aft_out.get(c, INF), after)
    W_all = _windows(P, tt, halts, lo_all, hi_all, bef_all, aft_all)
    W_out = _windows(P, tt, halts, lo_out, hi_out, bef_out, aft_out)
    # ---- nodes: aboard at pickup p with h stops left after it (h <= max_stops - 1), and one pool of
    # people not yet aboard: in by the empty legs of their rounds, out by boarding
    H = max(0, int(rules.max_stops) - 1)
    pids = sorted(pk)
    pidx = {p: i for i, p in enumerate(pids)}
    n_p = len(pids)
    pool = n_p * (H + 1)
    n_nodes = pool + 1
    cids = sorted(cps)
    cidx = {c: i for i, c in enumerate(cids)}
    n_c = len(cids)
    depots = sorted(depot_cap)
    dids = sorted(dests)
    # rows: nodes (out = in), demand per pickup, formation (depots, later rounds), destinations, checkpoints
    # (all passages, loaded passages, loaded people), vehicle time, escort time
    r_dem = n_nodes
    r_dep = r_dem + n_p
    r_later = r_dep + len(depots)
    r_dest = r_later + 1
    r_call = r_dest + len(dids)
    r_cout = r_call + n_c
    r_knap = r_cout + n_c
    r_fleet = r_knap + n_c
    r_esc = r_fleet + 1
    n_rows = r_esc + 1
    didx = {d: r_dest + i for i, d in enumerate(dids)}
    depidx = {d: r_dep + i for i, d in enumerate(depots)}
    cols: list = []  # per column: [(row, value), ...]
    obj: list = []
    beta = rules.board_s_per_person + rules.leave_s_per_person
    for p in pids:
        if p not in reach or pk[p].people <= 0:
            continue
        i = pidx[p] * (H + 1)
        # boarding (from the pool, aboard with every stop left), and fewer stops left (always allowed)
        cols.append([(pool, 1.0), (i + H, -1.0), (r_dem + pidx[p], 1.0), (r_fleet, beta), (r_esc, beta / K)])
        obj.append(0.0)
        for h in range(1, H + 1):
            cols.append([(i + h, 1.0), (i + h - 1, -1.0)])
            obj.append(0.0)
    firsts: dict = {}  # (formation place, in passages) -> least drive: one column each (they all feed the pool)
    for a, b, lg in legs:
        first = a not in pk
        t = lg.time_s
        on = []  # (checkpoint row offset, (sigma, per aboard)) of each passage on the leg
        for c, _ in lg.checkpoints:
            cp = cps.get(c)
            if cp is None or (first and not cp.checks_empty):
                continue
            t += one[c]
            on.append((cidx[c], charge[c]))
        if first:
            key = (a, tuple(k for k, _ in on))
            firsts[key] = min(firsts.get(key, INF), t)
            continue
        ent = [(r_fleet, t / cap), (r_esc, t / (K * cap))]
        ent += [(r_call + k, sig + per) for k, (sig, per) in on] + [(r_cout + k, sig + per) for k, (sig, per) in on]
        ent += [(r_knap + k, 1.0) for k, _ in on]
        ia = pidx[a] * (H + 1)
        if b in dests:
            cols.append(ent + [(ia, 1.0), (didx[b], 1.0)])
            obj.append(-1.0)
            continue
        ib = pidx[b] * (H + 1)
        for h in range(1, H + 1):
            cols.append(ent + [(ia + h, 1.0), (ib + h - 1, -1.0)])
            obj.append(0.0)
    for (a, ks), t in firsts.items():
        ent = [(r_fleet, t / cap), (r_esc, t / (K * cap)), (pool, -1.0)]
        ent += [(r_call + k, charge[cids[k]][0]) for k in ks]
        ent.append((depidx[a] if a in depidx else r_later, 1.0))
        cols.append(ent)
        obj.append(0.0)
    n_col = len(cols)
    lens = [len(c) for c in cols]
    flat = [e for c in cols for e in c]
    ri = np.fromiter((r for r, _ in flat), dtype=np.int64, count=len(flat))
    va = np.fromiter((v for _, v in flat), dtype=float, count=len(flat))
    ci = np.repeat(np.arange(n_col), lens)
    # ---- right-hand sides
    rhs = np.zeros(n_rows)
    for p in pids:
        rhs[r_dem + pidx[p]] = float(pk[p].people) if p in reach else 0.0
    for f, i in depidx.items():
        rhs[i] = float(depot_cap[f])
    rhs[r_later] = (
        INF
        if rounds_of is None
        else float(sum(v.capacity * max(0, int(rounds_of.get(v.id, 0)) - 1) for v in P.vehicles))
    )
    for d, i in didx.items():
        rhs[i] = float(dests[d].capacity)
    for c, k in cidx.items():
        cp = cps[c]
        rhs[r_call + k] = W_all[c] + 1e-6
        rhs[r_cout + k] = W_out[c] + 1e-6
        rhs[r_knap + k] = INF
        if W_out[c] <= 0.0:
            rhs[r_knap + k] = 0.0
        elif cp.person_s <= 0.0:
            rhs[r_knap + k] = float(_full_convoys(cp, K, cap, W_out[c]))
    rhs[r_fleet] = _vehicle_time(P, tt, halts)
    rhs[r_esc] = INF
    if rules.escort_teams is not None:
        t_first = min((P.first_departure(v) for v in P.vehicles), default=0.0)
        if halts:
            per_team = max(0.0, P.window_end_s - t_first)
        else:
            per_team = sum(max(0.0, e - max(s, t_first)) for s, e in tt.day if e > t_first)
        rhs[r_esc] = rules.escort_teams * per_team
    A = coo_matrix((va, (ri, ci)), shape=(n_rows, n_col)).tocsr()
    eq = np.zeros(n_rows, dtype=bool)
    eq[:n_nodes] = True
    ineq = np.isfinite(rhs) & ~eq
    res = linprog(
        np.array(obj),
        A_ub=A[ineq],
        b_ub=rhs[ineq],
        A_eq=A[eq],
        b_eq=np.zeros(n_nodes),
        bounds=(0, None),
        method="highs",
    )
    if res.status != 0:
        return None
    if memo.get("_flow_debug"):
        memo["_flow_debug"] = dict(res=res, A=A, rhs=rhs, rows=dict(dep=r_dep, later=r_later, dest=r_dest,
            call=r_call, cout=r_cout, knap=r_knap, fleet=r_fleet, esc=r_esc), cids=cids, W_all=W_all, W_out=W_out,
            charge=charge)
    return int(math.floor(-res.fun + 1e-6))


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
