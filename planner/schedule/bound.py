"""Upper bound on the people who can leave in the window (a linear relaxation).

Per route r = (pickup, destination, vehicle profile) the LP has people
``s_r`` (stretcher cases), ``g_r`` (seated) and vehicle passes ``y_r``
(continuous). It keeps only what every schedule must respect:

- demand per pickup and group; capacity per destination;
- a pass carries at most the profile's largest seats / stretcher places;
- fleet time: every trip on r takes at least ``cycle_r`` (the shortest empty
  run to its pickup + free-flow drive + each checkpoint's service) plus the
  loading and unloading of its people, and a profile's trips fit in its
  vehicles' daylight time in the window;
- fleet trips: at most the number of whole trips each vehicle can make;
- checkpoint throughput: at most ``lanes x`` the services that fit in the open
  hours between the earliest arrival and the latest useful clearance, also for
  the routes that cannot arrive before a given time (or must clear by one);
- load-aware passes: a pass that starts early carries at most the people that
  could be loaded by then, one that starts late at most those that can still be
  unloaded (:func:`pass_people`), per vehicle kind and, where few routes cross
  a checkpoint, time-indexed per route (cells of a sixth to half a service,
  at most ``lanes`` passes starting within any one service time);
- optionally, the priority rule (:mod:`.heuristic`): at least a given number
  of people out per class (group and pickup priority); :func:`rule_minimums`
  derives from a schedule the minimums every schedule that is best under the
  rule must meet, so the bound then covers exactly those schedules. Seated
  people are split into reduced mobility ``m_r`` and general ``g_r - m_r`` for
  this.

Every constraint holds for every schedule, so the LP optimum (rounded down) is
a valid upper bound; it is solved with HiGHS through scipy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_matrix

from planner.schedule.heuristic import Tables, first_departure
from planner.schedule.lanes import Lanes
from planner.schedule.model import INF, class_order


@dataclass
class Bound:
    """The bound and the simpler bounds it is at most (for reports)."""

    value: int
    demand: int
    reachable: int
    fleet: int
    checkpoint_passes: dict = field(default_factory=dict)  # checkpoint id -> max vehicle passes
    routes: int = 0


def _trips_and_people(T_s, f1, f, c, cap):
    """Most trips and people one vehicle can manage in one daylight part of T_s seconds."""
    if not math.isfinite(f1) or T_s < f1 + c:
        return 0, 0
    if f <= 0 and c <= 0:
        return 10**6, 10**9
    if not math.isfinite(f):
        n_max = 1
    else:
        # f1 + (n - 1) f + c n <= T_s  (at least one person a trip)
        n_max = 1 + int(math.floor((T_s - f1 - c) / (f + c) + 1e-9)) if f + c > 0 else 10**6
    best = 0
    for n in range(1, min(n_max, 10000) + 1):
        room = T_s - f1 - (n - 1) * f
        people = n * cap if c <= 0 else min(n * cap, int(math.floor(room / c + 1e-9)))
        best = max(best, people)
    return n_max, best


def pass_people(a1, b1, s, lanes, cap, lp, up, opens):
    """Most people one checkpoint can let through for vehicles of one kind.

    A pass starting service at t carries at most ``1 + (t - a1) / lp`` people
    (loading more takes longer, so it arrives later) and at most
    ``1 + (b1 - t) / up`` (unloading more takes longer), and at most ``cap``.
    ``a1``/``b1``: earliest and latest service start of a one-person pass (s).
    Per lane and open interval the best passes are back to back around the
    peak of that concave profile, so trying every count and every breakpoint of
    a contiguous block is exact for this relaxation.
    """
    if s <= 0:
        return INF
    total = 0
    for oa, ob in opens:
        lo, hi = max(oa, a1), min(ob - s, b1)
        if hi < lo:
            continue
        n_max = int(math.floor((hi - lo) / s + 1e-9)) + 1
        m = np.arange(n_max)

        def people(t):
            early = np.full(t.shape, np.inf) if lp <= 0 else 1 + (t - a1) / lp
            late = np.full(t.shape, np.inf) if up <= 0 else 1 + (b1 - t) / up
            return np.maximum(0.0, np.floor(np.minimum(np.minimum(early, late), cap) + 1e-9))

        t_a = a1 + lp * (cap - 1)
        t_b = b1 - up * (cap - 1)
        t_x = (a1 / lp + b1 / up) / (1 / lp + 1 / up) if lp > 0 and up > 0 else lo
        best = 0.0
        for n in range(1, n_max + 1):
            top = hi - (n - 1) * s
            marks = np.concatenate([[lo, top], t_a - m[:n] * s, t_b - m[:n] * s, t_x - m[:n] * s])
            marks = marks[(marks >= lo) & (marks <= top)]
            # integer people: also try the whole seconds around each mark
            cand = np.unique(np.concatenate([marks, np.ceil(marks), np.floor(marks)]))
            cand = cand[(cand >= lo) & (cand <= top)]
            vals = people(cand[:, None] + m[None, :n] * s).sum(axis=1)
            best = max(best, float(vals.max()))
            if n * cap <= best:
                continue
        total += best
    return total * lanes


#: Checkpoints with more routes through them, or more cells, keep only the aggregate constraints.
TIME_INDEXED_MAX_ROUTES = 60
TIME_INDEXED_MAX_CELLS = 400
TIME_INDEXED_MAX_VARS = 4000
#: Cells per service time of the time-indexed passes, finest first (the first within the budget).
CELLS_PER_SERVICE = (10, 6, 4, 3, 2)


def _open_fit(lanes, c0, c1, s):
    """Whether a service of s seconds starting in [c0, c1) can lie inside the open hours."""
    return any(min(ob - s, c1) >= max(oa, c0) for oa, ob in zip(lanes.open_a, lanes.open_b))


def _cell_people(cells, width, a1, b1, cap, lp, up):
    """Most people a pass starting in each cell [c, c + width) can carry (see pass_people)."""
    lo = np.maximum(cells, a1)
    hi = np.minimum(cells + width, b1)
    early = np.full(cells.shape, np.inf) if lp <= 0 else 1 + (hi - a1) / lp  # latest start is best for loading
    late = np.full(cells.shape, np.inf) if up <= 0 else 1 + (b1 - lo) / up  # earliest is best for unloading
    p = np.floor(np.minimum(np.minimum(early, late), cap) + 1e-9)
    return np.where(hi >= lo, np.maximum(p, 0.0), 0.0)


def _count_passes(lanes, a, b, s):
    """Services of s seconds that fit between a and b inside the open hours, over all lanes."""
    per_lane = 0
    for oa, ob in zip(lanes.open_a, lanes.open_b):
        lo, hi = max(oa, a), min(ob, b)
        if hi - lo >= s:
            per_lane += int(math.floor((hi - lo) / s + 1e-9))
    return per_lane * lanes.n


def rule_minimums(problem, by_class) -> dict:
    """People out per class that every schedule best under the priority rule reaches.

    ``by_class``: a schedule's people out per class of
    :func:`planner.schedule.model.class_order`. A schedule best under the rule
    is lexicographically at least as good: while this schedule moves a whole
    class, so does the best one, and on the first class it does not move
    completely the best one moves at least as many. Returns ``{(group index,
    priority): people}`` for that prefix of classes; the same holds for any
    larger fleet (this schedule stays feasible when vehicles are added).
    """
    out = {}
    names = ("stretcher", "reduced_mobility", "general")
    for (g, prio), n in zip(class_order(problem.pickups), by_class):
        whole = sum(getattr(p, names[g]) for p in problem.pickups if p.priority == prio)
        out[(g, prio)] = int(n)
        if n < whole:
            break
    return out


def rule_minimums_tight(problem, tables, by_class, time_indexed=False) -> dict:
    """:func:`rule_minimums`, tightened with the LP for this very fleet.

    Where the LP shows that no schedule meeting the minimums so far moves more
    of the next class than ``by_class`` does, every schedule best under the rule
    moves exactly that many of it (at least as many by the rule, at most as
    many by the LP), so the next class gets its minimum too, and so on until a
    class the LP leaves room in. Valid for this problem only (unlike
    :func:`rule_minimums`, which also holds for larger fleets). The class LPs
    leave out the time-indexed passes by default (several times faster; a
    looser LP only proves fewer classes, the result stays valid).
    """
    out = {}
    names = ("stretcher", "reduced_mobility", "general")
    for (g, prio), n in zip(class_order(problem.pickups), by_class):
        whole = sum(getattr(p, names[g]) for p in problem.pickups if p.priority == prio)
        out[(g, prio)] = int(n)
        if n >= whole:
            continue
        most = upper_bound(problem, tables, time_indexed=time_indexed, minimums={k: v for k, v in out.items() if k != (g, prio)},
                           objective=(g, prio))
        if most.value > n or most.routes == 0:
            break  # the LP leaves room in this class: later classes are free
    return out


def upper_bound(problem, tables=None, min_stretcher=0, time_indexed=True, minimums=None, objective=None) -> Bound:
    """A valid upper bound on the people any schedule of ``problem`` can take out.

    ``min_stretcher``: only schedules that take out at least this many stretcher
    cases count. ``minimums``: ``{(group index, priority): people}``, only
    schedules taking out at least that many of each class count (the priority
    rule: pass :func:`rule_minimums` of a schedule to bound the schedules best
    under the rule). ``objective``: ``(group index, priority)`` to bound the
    people of that class instead of all people (see :func:`rule_minimums_tight`).
    """
    T = tables or Tables(problem)
    pr = problem
    rules = pr.rules
    lp, up = rules.load_s_per_person, rules.unload_s_per_person
    c = lp + up
    segs = T.segments
    demand = pr.demand
    nP, nD = len(T.P), len(T.D)
    empty = Bound(0, demand, 0, 0)
    if not pr.vehicles or nP == 0 or nD == 0 or not segs or demand == 0:
        return empty
    dest_rows = [T.oidx[d] for d in T.D]

    # ---- per vehicle: available time, trips, people
    prof_time, prof_trips, prof_people, prof_seat_trips, prof_str_trips = {}, {}, {}, {}, {}
    e_min = {}
    groups = {}  # identical vehicles are computed once
    for v in pr.vehicles:
        key = (v.profile, v.depot_id, first_departure(v, rules), v.seats, v.stretcher_places)
        groups.setdefault(key, [v, 0])[1] += 1
    for v, count in groups.values():
        k = v.profile
        E, Lmin = T.E[k], T.Lmin[k]
        e = first_departure(v, rules)
        e_min[k] = min(e_min.get(k, INF), e)
        o = T.oidx[v.depot_id]
        Eany = np.minimum(E[o], E[dest_rows].min(axis=0)) if nD else E[o]
        Edest = E[dest_rows].min(axis=0)
        f_later = float((Edest[:, None] + Lmin).min()) if nP else INF
        f_any = float((Eany[:, None] + Lmin).min())
        time_v = trips_v = people_v = 0
        first = True
        for a, b in segs:
            s0 = max(a, e)
            if b <= s0:
                continue
            time_v += b - s0
            if first:
                f1 = float(((np.maximum(s0 + E[o], T.ready) - s0)[:, None] + Lmin).min())
                first = False
            else:
                f1 = f_any
            n, p = _trips_and_people(b - s0, f1, f_later, c, v.capacity)
            trips_v += n
            people_v += p
        prof_time[k] = prof_time.get(k, 0.0) + count * time_v
        prof_trips[k] = prof_trips.get(k, 0) + count * trips_v
        prof_people[k] = prof_people.get(k, 0) + count * people_v
        prof_seat_trips[k] = prof_seat_trips.get(k, 0) + count * trips_v * v.seats
        prof_str_trips[k] = prof_str_trips.get(k, 0) + count * trips_v * v.stretcher_places
    fleet = int(sum(prof_people.values()))

    # ---- usable routes
    routes = []  # (k, i, j, route, (cycle from a depot, from a destination), earliest pickup departure)
    dest_rows_set = set(dest_rows)
    for k in T.profiles:
        E, Lmin = T.E[k], T.Lmin[k]
        origins = sorted({T.oidx[v.depot_id] for v in pr.vehicles if v.profile == k}) + dest_rows
        Emin = E[origins].min(axis=0)
        for (i, j), r in T.route[k].items():
            if not math.isfinite(Emin[i]):
                continue
            fits = False
            for a, b in segs:
                s0 = max(a, e_min[k])
                if max(s0 + Emin[i], T.ready[i]) + c + Lmin[i, j] <= b:
                    fits = True
                    break
            if fits:
                dep0 = max(e_min[k] + Emin[i], T.ready[i]) + lp
                # shortest empty run from a depot (first trips) and from a destination (the others)
                from_depot = float(min(E[o, i] for o in origins if o not in dest_rows_set) + Lmin[i, j])
                from_dest = float(E[dest_rows, i].min() + Lmin[i, j])
                routes.append((k, i, j, r, (from_depot, from_dest), dep0))
    reachable_p = sorted({i for _, i, _, _, _, _ in routes})
    reachable = int(sum(pr.pickups[i].people for i in reachable_p))
    if not routes:
        return Bound(0, demand, 0, fleet)

    # ---- checkpoint passes in the useful part of the window
    svc = {cid: float(sp.service_s) for cid, sp in pr.checkpoints.items()}
    span, span_k = {}, {}
    windows = {}  # checkpoint -> [(earliest arrival, latest clear, route index)]
    for x, (k, i, j, r, _, dep0) in enumerate(routes):
        done = 0.0
        total_svc = sum(svc[cp] for cp, _ in r.checkpoints)
        for cp, off in r.checkpoints:
            a = dep0 + off + done
            done += svc[cp]
            b = pr.window_end_s - up - (r.drive_s - off) - (total_svc - done)
            lo, hi = span.get(cp, (INF, -INF))
            span[cp] = (min(lo, a), max(hi, b))
            lo, hi = span_k.get((cp, k), (INF, -INF))
            span_k[(cp, k)] = (min(lo, a), max(hi, b))
            windows.setdefault(cp, []).append((a, b, x))
    cp_passes = {}
    for cp, (a, b) in span.items():
        spec = pr.checkpoints[cp]
        if svc[cp] <= 0:
            continue
        lanes = Lanes(spec, segs)
        per_lane = 0
        for oa, ob in zip(lanes.open_a, lanes.open_b):
            lo, hi = max(oa, a), min(ob, b)
            if hi - lo >= svc[cp]:
                per_lane += int(math.floor((hi - lo) / svc[cp] + 1e-9))
        cp_passes[cp] = per_lane * lanes.n
    cp_people = {}  # (checkpoint, profile) -> people
    for (cp, k), (a, b) in span_k.items():
        if svc[cp] <= 0:
            continue
        lanes = Lanes(pr.checkpoints[cp], segs)
        cap = max(v.capacity for v in pr.vehicles if v.profile == k)
        cp_people[(cp, k)] = pass_people(a, b - svc[cp], svc[cp], lanes.n, cap, lp, up, list(zip(lanes.open_a, lanes.open_b)))

    # ---- the LP: variables s_r, g_r, y_r (passes), z_r (passes that are a vehicle's first trip)
    R = len(routes)
    rows, cols, vals, rhs = [], [], [], []

    def add(row_entries, bound_value):
        r_id = len(rhs)
        for col, val in row_entries:
            rows.append(r_id)
            cols.append(col)
            vals.append(val)
        rhs.append(bound_value)

    S, G, Y, Z, M = 0, R, 2 * R, 3 * R, 4 * R
    by_p, by_d, by_k, by_cp = {}, {}, {}, {}
    for x, (k, i, j, r, _, _) in enumerate(routes):
        by_p.setdefault(i, []).append(x)
        by_d.setdefault(j, []).append(x)
        by_k.setdefault(k, []).append(x)
        for cp, _ in r.checkpoints:
            if cp in cp_passes:
                by_cp.setdefault(cp, set()).add(x)
    for i, xs in by_p.items():
        p = pr.pickups[i]
        add([(S + x, 1.0) for x in xs], p.stretcher)
        add([(G + x, 1.0) for x in xs], p.general + p.reduced_mobility)
        # reduced mobility m_x among the seated g_x
        add([(M + x, 1.0) for x in xs], p.reduced_mobility)
        add([(G + x, 1.0) for x in xs] + [(M + x, -1.0) for x in xs], p.general)
    for x in range(R):
        add([(M + x, 1.0), (G + x, -1.0)], 0.0)
    for j, xs in by_d.items():
        cap = float(pr.destinations[j].capacity)
        if math.isfinite(cap):
            add([(S + x, 1.0) for x in xs] + [(G + x, 1.0) for x in xs], cap)
    for k, xs in by_k.items():
        vs = [v for v in pr.vehicles if v.profile == k]
        max_str = max(v.stretcher_places for v in vs)
        max_seats = max(v.seats for v in vs)
        for x in xs:
            add([(S + x, 1.0), (Y + x, -float(max_str))], 0.0)
            add([(G + x, 1.0), (Y + x, -float(max_seats))], 0.0)
        # a first trip may start nearer (from the depot); only one per vehicle
        add([(Z + x, 1.0) for x in xs], float(len(vs)))
        for x in xs:
            add([(Z + x, 1.0), (Y + x, -1.0)], 0.0)
        add(
            [(Y + x, routes[x][4][1]) for x in xs]
            + [(Z + x, min(0.0, routes[x][4][0] - routes[x][4][1])) for x in xs]
            + [(S + x, c) for x in xs] + [(G + x, c) for x in xs],
            prof_time[k],
        )
        add([(Y + x, 1.0) for x in xs], prof_trips[k])
        add([(S + x, 1.0) for x in xs] + [(G + x, 1.0) for x in xs], prof_people[k])
        add([(S + x, 1.0) for x in xs], prof_str_trips[k])
        add([(G + x, 1.0) for x in xs], prof_seat_trips[k])
    if min_stretcher > 0:
        add([(S + x, -1.0) for x in range(R)], -float(min_stretcher))
    for (g, prio), n in (minimums or {}).items():
        if n <= 0:
            continue
        xs = [x for x in range(R) if pr.pickups[routes[x][1]].priority == prio]
        entries = {0: [(S + x, -1.0) for x in xs], 1: [(M + x, -1.0) for x in xs],
                   2: [(G + x, -1.0) for x in xs] + [(M + x, 1.0) for x in xs]}[g]
        add(entries, -float(n))
    for cp, xs in by_cp.items():
        add([(Y + x, 1.0) for x in sorted(xs)], cp_passes[cp])
        # routes that cannot reach the checkpoint before a share only the passes after a
        # (and those that must clear it by b only the passes before b)
        lanes = Lanes(pr.checkpoints[cp], segs)
        for late_first in (True, False):
            rows_cp = sorted(windows[cp], key=lambda w: -w[0] if late_first else w[1])
            members, last_n = [], cp_passes[cp]
            lo, hi = INF, -INF
            for a, b, x in rows_cp:
                members.append(x)
                lo, hi = min(lo, a), max(hi, b)
                n = _count_passes(lanes, lo, hi, svc[cp])
                if n < last_n:
                    add([(Y + m, 1.0) for m in sorted(set(members))], n)
                    last_n = n
        for k in T.profiles:
            ks = [x for x in sorted(xs) if routes[x][0] == k]
            if ks and math.isfinite(cp_people.get((cp, k), INF)):
                add([(S + x, 1.0) for x in ks] + [(G + x, 1.0) for x in ks], cp_people[(cp, k)])
    # time-indexed passes at each checkpoint with few routes through it: cells of 1/q of a
    # service; at most `lanes` passes start within one service time; a pass of route x in
    # a cell carries at most what can be loaded before it and unloaded after it
    n_vars = 5 * R
    # the most constrained checkpoints first, within a budget of variables
    order = sorted(windows, key=lambda c: cp_passes.get(c, INF)) if time_indexed else []
    for cp in order:
        wins = windows[cp]
        s_cp = svc[cp]
        if s_cp <= 0 or len(wins) > TIME_INDEXED_MAX_ROUTES or n_vars > 5 * R + TIME_INDEXED_MAX_VARS:
            continue
        lanes = Lanes(pr.checkpoints[cp], segs)
        t0 = min(a for a, _, _ in wins)
        t1 = max(b - s_cp for _, b, _ in wins)
        if t1 < t0:
            continue
        # the finest cells within the budget: the narrower, the less a row of passes can
        # shift into the cell before (at most one cell), so the closer to the real count
        for q in CELLS_PER_SERVICE:
            half = s_cp / q
            n_cells = int(math.floor((t1 - t0) / half)) + 1
            if n_cells <= TIME_INDEXED_MAX_CELLS and n_cells * len(wins) <= TIME_INDEXED_MAX_VARS:
                break
        else:
            continue
        cells = t0 + half * np.arange(n_cells)
        fits = np.array([_open_fit(lanes, c, c + half, s_cp) for c in cells])
        z_of_cell = [[] for _ in range(n_cells)]
        for a, b, x in wins:
            k = routes[x][0]
            cap = max(v.capacity for v in pr.vehicles if v.profile == k)
            pm = _cell_people(cells, half, a, b - s_cp, cap, lp, up) * fits
            zs = []
            for g in np.flatnonzero(pm > 0):
                col = n_vars
                n_vars += 1
                zs.append((col, float(pm[g])))
                z_of_cell[g].append(col)
            # people of route x through cp, and its passes
            add([(S + x, 1.0), (G + x, 1.0)] + [(col, -p) for col, p in zs], 0.0)
            add([(Y + x, 1.0)] + [(col, -1.0) for col, _ in zs], 0.0)
        # at most `lanes` passes start in any q consecutive cells (one service time)
        for g in range(n_cells):
            cols_g = [c for h in range(g, min(g + q, n_cells)) for c in z_of_cell[h]]
            if cols_g and (g == 0 or z_of_cell[g]):
                add([(c, 1.0) for c in cols_g], float(lanes.n))
    A = coo_matrix((vals, (rows, cols)), shape=(len(rhs), n_vars)).tocsr()
    obj = np.concatenate([-np.ones(2 * R), np.zeros(n_vars - 2 * R)])
    if objective is not None:
        g, prio = objective
        obj = np.zeros(n_vars)
        for x in range(R):
            if pr.pickups[routes[x][1]].priority != prio:
                continue
            if g == 0:
                obj[S + x] = -1.0
            elif g == 1:
                obj[M + x] = -1.0
            else:
                obj[G + x], obj[M + x] = -1.0, 1.0
    res = linprog(obj, A_ub=A, b_ub=np.array(rhs, dtype=float), bounds=(0, None), method="highs")
    if res.status != 0:  # cannot happen: the LP is bounded and any schedule is a feasible point
        if objective is not None:
            return Bound(INF, demand, reachable, fleet, cp_passes, 0)  # no information on the class
        if min_stretcher > 0 or minimums:
            return upper_bound(problem, T, time_indexed=time_indexed)
        value = min(reachable, fleet)
    else:
        value = int(math.floor(-res.fun + 1e-6))
    if objective is not None:
        return Bound(max(0, value), demand, reachable, fleet, cp_passes, R)
    value = max(0, min(value, reachable, fleet, demand))
    return Bound(value, demand, reachable, fleet, cp_passes, R)
