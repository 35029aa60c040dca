"""The exact convoy model: CP-SAT variables and constraints of generic convoy slots, and a known schedule in it.

The model (:func:`build`). ``C`` generic **slots** (convoy rounds), sorted by departure. A slot chooses
one formation place ``F`` (a depot or the destination, for a vehicle's later round), one ordered
sequence of up to ``rules.max_stops`` distinct pickups and one lead profile, as one boolean of the
one-hot ``x[F, seq, lead]``; every drive and checkpoint offset is a linear sum of these booleans with
the legs' constants. It takes ``nb`` buses (counted: one kind of seated vehicle, identical) and
ambulances one by one (``am[k]``, at most the fleet's: each has its own loads, they have stretcher
places), from the formation depot's pools, or from the vehicles unloaded at the destination before it
departs (a level at each departure from the destination). Boarding: the buses' seated people at a
stop take ``ceil(B / nb)`` per bus at best (rotating the remainders over the stops reaches every
stop's ``ceil`` and the round's ``ceil(sum B / nb)`` per bus at once, within the seats), each
ambulance its own; the stop lasts ``board_s`` x the largest of them (check.py's ``_dwell``), likewise
unloading. Passages: every checkpoint on the slot's legs (``in`` for the formation's empty leg when it
checks empty, ``out`` after the first stop) is an optional interval, ``service_s(vehicles, people)``
long at least, in one ``NoOverlap`` per checkpoint, inside its open hours; headway: a fixed interval
``[depart, depart + headway)`` per formation place in one ``NoOverlap``; everything unloaded by the
window's end; demand per pickup and group; destination capacity.

Redundant constraints: a round lasts at least its drives, passages, boarding and unloading (one row for
the LP), and the visit and pair cuts of :mod:`benchmarks.exact_convoys.data`. The model's times are whole
seconds and waiting is allowed wherever the checker allows it (on the road, before a passage, before
boarding, before departure).

:func:`fix` forces a known schedule (the scheduler's) onto the slots, to check that the model accepts it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ortools.sat.python import cp_model

from benchmarks.exact_convoys.data import Data, _whole, pair_cuts, slot_cap, visit_cuts
from planner.schedule.model import Solution, class_order

#: How slots are sorted (symmetry breaking): "depart", or a checkpoint id every loaded leg passes.
ORDER = "depart"


# ---------------------------------------------------------------- model


class Slot:
    pass


@dataclass
class Model:
    D: Data
    m: cp_model.CpModel
    slots: list
    people: object
    classes: list  # expressions per class of class_order
    cap: tuple
    order: str = "depart"


def _sorted_rounds(sol: Solution, order: str) -> list:
    """The rounds of ``sol`` in the slots' order."""
    if order == "depart":
        return sorted(sol.rounds, key=lambda r: r.depart)
    return sorted(
        sol.rounds, key=lambda r: next(p.start for p in r.passes if p.checkpoint == order and p.direction == "out")
    )


def build(D: Data, C: int | None = None, order: str | None = None) -> Model:
    P, R = D.P, D.P.rules
    W = D.W
    board = _whole(R.board_s_per_person, "board_s")
    leave = _whole(R.leave_s_per_person, "leave_s")
    headway = _whole(R.headway_s, "headway_s")
    cap = slot_cap(D)
    C = cap[0] if C is None else C
    m = cp_model.CpModel()
    maxc = R.max_convoy
    n_amb = sum(v for (d, k), v in D.pool.items() if k == "amb")
    n_bus = sum(v for (d, k), v in D.pool.items() if k == "bus")
    KA = min(maxc, n_amb)
    NB = min(maxc, n_bus)
    pk = {p.id: p for p in P.pickups}
    pids = list(pk)
    slots = []
    for si in range(C):
        s = Slot()
        s.i = si
        s.active = m.new_bool_var(f"act{si}")
        s.x = {t: m.new_bool_var(f"x{si}_{t[0]}_{'-'.join(t[1])}_{t[2][:3]}") for t in D.types}
        s.y = {F: m.new_bool_var(f"y{si}_{F}") for F in D.forms}
        s.lead = {L: m.new_bool_var(f"l{si}_{L[:3]}") for L in D.leads}
        m.add(sum(s.x.values()) == s.active)
        for F in D.forms:
            m.add(sum(v for t, v in s.x.items() if t[0] == F) == s.y[F])
        for L in D.leads:
            m.add(sum(v for t, v in s.x.items() if t[2] == L) == s.lead[L])
        s.inpos = {}
        for p in pids:
            for j in range(R.max_stops):
                terms = [v for t, v in s.x.items() if len(t[1]) > j and t[1][j] == p]
                b = m.new_bool_var(f"pos{si}_{p}_{j}")
                m.add(b == sum(terms))
                s.inpos[(p, j)] = b
        s.inseq = {p: sum(s.inpos[(p, j)] for j in range(R.max_stops)) for p in pids}
        # vehicles: nb buses (one-hot e[n]), ambulances one by one
        s.e = {n: m.new_bool_var(f"e{si}_{n}") for n in range(NB + 1)}
        m.add_exactly_one(s.e.values())
        s.nb = m.new_int_var(0, NB, f"nb{si}")
        m.add(s.nb == sum(n * v for n, v in s.e.items()))
        s.am = [m.new_bool_var(f"am{si}_{k}") for k in range(KA)]
        for k in range(1, KA):
            m.add_implication(s.am[k], s.am[k - 1])
        s.na = sum(s.am)
        m.add(s.nb + s.na <= maxc)
        m.add(s.nb + s.na >= 1).only_enforce_if(s.active)
        m.add(s.nb + s.na == 0).only_enforce_if(~s.active)
        if D.amb_profile is not None:
            m.add(s.nb == 0).only_enforce_if(s.lead[D.amb_profile])
        # by formation place, for the pools
        s.nbF = {F: m.new_int_var(0, NB, "") for F in D.forms}
        s.naF = {F: m.new_int_var(0, KA, "") for F in D.forms}
        m.add(sum(s.nbF.values()) == s.nb)
        m.add(sum(s.naF.values()) == s.na)
        for F in D.forms:
            m.add(s.nbF[F] <= NB * s.y[F])
            m.add(s.naF[F] <= KA * s.y[F])
        # loads: buses' seated per pickup (B), each ambulance's seated (a) and stretcher (st) per pickup
        s.B, s.a, s.st, s.grp, s.dw = {}, {}, {}, {}, {}
        for p in pids:
            q = pk[p]
            seated = q.reduced_mobility + q.general
            s.B[p] = m.new_int_var(0, min(seated, NB * D.bus_seats), "")
            m.add(s.B[p] <= min(seated, NB * D.bus_seats) * s.inseq[p])
            for k in range(KA):
                s.a[(k, p)] = m.new_int_var(0, min(D.amb_seats, seated), "")
                s.st[(k, p)] = m.new_int_var(0, min(D.amb_stretcher, q.stretcher), "")
                m.add(s.a[(k, p)] + s.st[(k, p)] <= (D.amb_seats + D.amb_stretcher) * s.inseq[p])
            st = m.new_int_var(0, q.stretcher, "")
            rm = m.new_int_var(0, q.reduced_mobility, "")
            ge = m.new_int_var(0, q.general, "")
            m.add(st == sum(s.st[(k, p)] for k in range(KA)))
            m.add(rm + ge == s.B[p] + sum(s.a[(k, p)] for k in range(KA)))
            s.grp[p] = (st, rm, ge)
            # per-vehicle boarding at p: ceil(B / nb) per bus, each ambulance's own
            s.dw[p] = m.new_int_var(0, max(D.bus_seats, D.amb_seats + D.amb_stretcher), "")
            for n, v in s.e.items():
                if n > 0:
                    m.add(n * s.dw[p] >= s.B[p]).only_enforce_if(v)
                else:
                    m.add(s.B[p] == 0).only_enforce_if(v)
            for k in range(KA):
                m.add(s.dw[p] >= s.a[(k, p)] + s.st[(k, p)])
        m.add(sum(s.B.values()) <= D.bus_seats * s.nb)
        for k in range(KA):
            m.add(sum(s.a[(k, p)] for p in pids) <= D.amb_seats * s.am[k])
            m.add(sum(s.st[(k, p)] for p in pids) <= D.amb_stretcher * s.am[k])
        s.people = sum(sum(g) for g in s.grp.values())
        # unloading: ceil(sum B / nb) per bus, each ambulance's total
        s.ub = m.new_int_var(0, max(D.bus_seats, D.amb_seats + D.amb_stretcher), "")
        for n, v in s.e.items():
            if n > 0:
                m.add(n * s.ub >= sum(s.B.values())).only_enforce_if(v)
        for k in range(KA):
            m.add(s.ub >= sum(s.a[(k, p)] + s.st[(k, p)] for p in pids))
        _times(m, D, s, W, board, leave, headway)
        slots.append(s)
    # slots in order (symmetry): of departure, or of their out passages at checkpoint ``order`` (every
    # round has one and they do not overlap, so any schedule can be sorted so; a chain instead of a
    # disjunction there, which the LP sees)
    order = ORDER if order is None else order
    for a, b in zip(slots[:-1], slots[1:]):
        m.add_implication(b.active, a.active)
        if order == "depart":
            m.add(b.depart >= a.depart).only_enforce_if(b.active)
        else:
            m.add(b.out[order]["start"] >= a.out[order]["clear"]).only_enforce_if(b.active)
    # checkpoints: one convoy at a time
    by_cp: dict = {}
    for s in slots:
        for ps in s.passes:
            by_cp.setdefault(ps["cp"], []).append(ps["iv"])
    for ivs in by_cp.values():
        m.add_no_overlap(ivs)
    # headway per formation place
    for F in D.forms:
        m.add_no_overlap([s.hw[F] for s in slots])
    # depot pools: each vehicle leaves its depot once
    for d in D.depots:
        m.add(sum(s.nbF[d] for s in slots) <= D.pool[(d, "bus")])
        m.add(sum(s.naF[d] for s in slots) <= D.pool[(d, "amb")])
    # the destination: a round forming there takes vehicles unloaded before it departs, not taken yet
    # (slots are sorted by departure, so only earlier slots can have unloaded; the level drops only at
    # departures, so checking it at each departure is the whole reservoir)
    for j, s in enumerate(slots):
        if j == 0:
            m.add(s.y[D.dest] == 0)
            continue
        for kind, cnt, cntF, ub in (("bus", "nb", "nbF", NB), ("amb", "na", "naF", KA)):
            came = []
            for r in slots[:j]:
                before = m.new_bool_var("")
                m.add(r.unloaded <= s.depart).only_enforce_if(before)
                m.add(r.unloaded > s.depart).only_enforce_if(~before)
                w = m.new_int_var(0, ub, "")
                m.add(w <= getattr(r, cnt))
                m.add(w <= ub * before)
                came.append(w)
            if order == "depart":
                taken = sum(getattr(r, cntF)[D.dest] for r in slots[: j + 1])
            else:  # the rounds that left the destination before this one, in any slot
                taken = getattr(s, cntF)[D.dest]
                for r in slots:
                    if r is s:
                        continue
                    lt = m.new_bool_var("")
                    m.add(r.depart < s.depart).only_enforce_if(lt)
                    m.add(r.depart >= s.depart).only_enforce_if(~lt)
                    w = m.new_int_var(0, ub, "")
                    m.add(w >= getattr(r, cntF)[D.dest] - ub * (1 - lt))
                    taken = taken + w
            m.add(sum(came) >= taken).only_enforce_if(s.y[D.dest])
    # redundant: sets of pickups a vehicle visits in one round at most (visit_cuts)
    for kind, S, _ in visit_cuts(D):
        zs = []
        for s in slots:
            ind = m.new_bool_var("")
            m.add(ind == sum(x for t, x in s.x.items() if set(t[1]) & set(S)))
            n, ub = (s.nb, NB) if kind == "bus" else (s.na, KA)
            z = m.new_int_var(0, ub, "")
            m.add(z <= n)
            m.add(z <= ub * ind)
            m.add(z >= n - ub * (1 - ind))
            zs.append(z)
            if kind == "bus":
                m.add(sum(s.B[p] for p in S) <= D.bus_seats * z)
            else:
                m.add(sum(s.st[(k, p)] for k in range(KA) for p in S) <= D.amb_stretcher * z)
                m.add(sum(s.a[(k, p)] for k in range(KA) for p in S) <= D.amb_seats * z)
        m.add(sum(zs) <= sum(v for (d, k), v in D.pool.items() if k == kind))
    # redundant: pairs of pickups whose rounds a vehicle cannot combine (pair_cuts)
    for kind, p, q, _ in pair_cuts(D):
        lhs = []
        for s in slots:
            n, ub = (s.nb, NB) if kind == "bus" else (s.na, KA)
            zz = []
            for inside in (lambda t, p=p: p in t[1], lambda t, p=p, q=q: q in t[1] and p not in t[1]):
                ind = m.new_bool_var("")
                m.add(ind == sum(x for t, x in s.x.items() if inside(t)))
                z = m.new_int_var(0, ub, "")
                m.add(z <= n)
                m.add(z <= ub * ind)
                m.add(z >= n - ub * (1 - ind))
                zz.append(z)
            lhs.append(2 * zz[0] + zz[1])
            if kind == "bus":
                m.add(s.B[p] + s.B[q] <= D.bus_seats * (zz[0] + zz[1]))
            else:
                m.add(sum(s.st[(k, x)] for k in range(KA) for x in (p, q)) <= D.amb_stretcher * (zz[0] + zz[1]))
        m.add(sum(lhs) <= 2 * sum(v for (d, k), v in D.pool.items() if k == kind))
    # demand, destination capacity
    for p in pids:
        for g in range(3):
            m.add(sum(s.grp[p][g] for s in slots) <= pk[p].by_group[g])
    capd = P.destinations[0].capacity
    people = sum(s.people for s in slots)
    if math.isfinite(capd):
        m.add(people <= int(capd))
    classes = []
    for g, pr in class_order(P.pickups):
        classes.append(sum(s.grp[p][g] for s in slots for p in pids if pk[p].priority == pr))
    return Model(D, m, slots, people, classes, cap, order)


def _times(m, D, s, W, board, leave, headway):
    """Departure, passages, stops, arrival and unloading of one slot (enforced when it is active)."""
    P, R = D.P, D.P.rules
    on = s.active
    s.depart = m.new_int_var(D.mob, W, f"dep{s.i}")
    s.unloaded = m.new_int_var(0, W, f"unl{s.i}")
    m.add(s.unloaded >= s.depart)
    s.passes = []
    lanes_q = {}

    def quot(lanes):
        if lanes not in lanes_q:
            q = m.new_int_var(0, R.max_convoy, "")
            m.add(lanes * q >= s.nb + s.na)
            lanes_q[lanes] = q
        return lanes_q[lanes]

    def passage(cid, direction, arrive, people, lit):
        cp = P.checkpoints[cid]
        lanes = max(1, int(cp.lanes))
        start = m.new_int_var(0, W, "")
        dur = m.new_int_var(0, W, "")
        clear = m.new_int_var(0, W, "")
        num, den = float(cp.person_s).as_integer_ratio()
        fixed = int(cp.convoy_s) + int(cp.hold_s) + int(cp.vehicle_s) * quot(lanes)
        m.add(den * lanes * dur >= den * lanes * fixed + num * people)
        m.add(start >= arrive).only_enforce_if(lit)
        opens = [(max(0, math.ceil(a)), min(W, math.floor(b))) for a, b in cp.open if min(W, b) > max(0, a)]
        if not opens:
            m.add(lit == 0)
        else:
            lits = [m.new_bool_var("") for _ in opens]
            m.add_bool_or(lits).only_enforce_if(lit)
            for b, (lo, hi) in zip(lits, opens):
                m.add(start >= lo).only_enforce_if(b)
                m.add(clear <= hi).only_enforce_if(b)
        iv = m.new_optional_interval_var(start, dur, clear, lit, "")
        ps = {"cp": cid, "dir": direction, "arrive": arrive, "start": start, "clear": clear, "iv": iv, "lit": lit}
        s.passes.append(ps)
        return ps

    xs = s.x
    s.out = {}
    # empty leg, per formation place: its checkpoints, then the first stop
    s.bstart = [m.new_int_var(0, W, "") for _ in range(R.max_stops)]
    s.sdep = [m.new_int_var(0, W, "") for _ in range(R.max_stops)]
    s.in_pass = {}
    s.reach = [None] * R.max_stops
    for F in D.forms:
        lit = s.y[F]
        tf = [t for t in D.types if t[0] == F]
        cur = s.depart
        prev_off = [0] * len(tf)
        s.in_pass[F] = []
        for i, cid in enumerate(D.in_cps[F]):
            offs = [D.in_off[(F, t[1][0], t[2])][i] for t in tf]
            arrive = cur + sum(xs[t] * (o - po) for t, o, po in zip(tf, offs, prev_off))
            ps = passage(cid, "in", arrive, 0, lit)
            s.in_pass[F].append(ps)
            cur, prev_off = ps["clear"], offs
        reach = cur + sum(xs[t] * (D.in_T[(F, t[1][0], t[2])] - po) for t, po in zip(tf, prev_off))
        m.add(s.bstart[0] >= reach).only_enforce_if(lit)
        s.in_pass[F + "_reach"] = reach
    # stops: boarding from arrival and the pickup's ready time, for the largest per-vehicle load
    pk = {p.id: p for p in P.pickups}
    for j in range(R.max_stops):
        for p in pk:
            lit = s.inpos[(p, j)]
            m.add(s.bstart[j] >= _whole(pk[p].ready_s, "ready_s")).only_enforce_if(lit)
            m.add(s.sdep[j] >= s.bstart[j] + board * s.dw[p]).only_enforce_if(lit)
        m.add(s.sdep[j] >= s.bstart[j])
        if j + 1 < R.max_stops:
            tl = [t for t in D.types if len(t[1]) > j + 1]
            hop = sum(xs[t] * D.hop[(t[1][j], t[1][j + 1], t[2])] for t in tl)
            s.reach[j + 1] = s.sdep[j] + hop
            m.add(s.bstart[j + 1] >= s.reach[j + 1])
    # loaded leg: the checkpoints from the last stop, then the destination
    tt = D.types
    cur = s.sdep[-1]
    prev_off = [0] * len(tt)
    for i, cid in enumerate(D.out_cps):
        offs = [D.out_off[(t[1][-1], t[2])][i] for t in tt]
        arrive = cur + sum(xs[t] * (o - po) for t, o, po in zip(tt, offs, prev_off))
        ps = passage(cid, "out", arrive, s.people, on)
        s.out[cid] = ps
        cur, prev_off = ps["clear"], offs
    s.arrive = cur + sum(xs[t] * (D.out_T[(t[1][-1], t[2])] - po) for t, po in zip(tt, prev_off))
    m.add(s.unloaded >= s.arrive + leave * s.ub).only_enforce_if(on)
    # redundant (the chain above implies it; it puts the loads' boarding and the passages in one row for
    # the LP): a round lasts at least its drives, its passages, its boarding and its unloading
    drive = {}
    for t in D.types:
        F, seq, L = t
        drive[t] = D.in_T[(F, seq[0], L)] + sum(D.hop[(a, b, L)] for a, b in zip(seq[:-1], seq[1:]))
        drive[t] += D.out_T[(seq[-1], L)]
    pas = []
    for ps in s.passes:
        d = m.new_int_var(0, W, "")
        m.add(d == ps["clear"] - ps["start"]).only_enforce_if(ps["lit"])
        m.add(d == 0).only_enforce_if(~ps["lit"])
        pas.append(d)
    m.add(
        s.unloaded - s.depart
        >= sum(x * drive[t] for t, x in xs.items()) + sum(pas) + board * sum(s.dw.values()) + leave * s.ub
    ).only_enforce_if(on)
    s.hw = {F: m.new_optional_fixed_size_interval_var(s.depart, headway, s.y[F], "") for F in D.forms}


# ---------------------------------------------------------------- a known schedule in the model


def fix(M: Model, sol: Solution, times=True) -> list:
    """Constraints that force the model onto ``sol`` (its rounds on slots in order of departure).

    Returns the constraints added (remove them with ``.proto.Clear()`` is not available: build a fresh
    model to solve afterwards). ``times``: also fix departures and passage starts.
    """
    D, m = M.D, M.m
    P = D.P
    veh = {v.id: v for v in P.vehicles}
    rounds = _sorted_rounds(sol, M.order)
    if len(rounds) > len(M.slots):
        raise ValueError(f"{len(rounds)} rounds, the model has {len(M.slots)} slots")
    for s, r in zip(M.slots, rounds):
        t = (r.formation, tuple(st.pickup for st in r.stops), r.lead)
        m.add(s.x[t] == 1)
        buses = [v for v in r.vehicles if veh[v].stretcher_places == 0]
        ambs = [v for v in r.vehicles if veh[v].stretcher_places > 0]
        m.add(s.nb == len(buses))
        m.add(s.na == len(ambs))
        for st in r.stops:
            p = st.pickup
            m.add(s.B[p] == sum(sum(st.load.get(v, (0, 0, 0))[1:]) for v in buses))
            for k, v in enumerate(ambs):
                x = st.load.get(v, (0, 0, 0))
                m.add(s.st[(k, p)] == x[0])
                m.add(s.a[(k, p)] == x[1] + x[2])
            for g in range(3):
                m.add(s.grp[p][g] == sum(x[g] for x in st.load.values()))
        if times:
            m.add(s.depart == int(round(r.depart)))
            live = [ps for ps in s.passes if ps["dir"] == "out" or any(ps is q for q in s.in_pass[r.formation])]
            for ps, pp in zip(live, r.passes):
                assert ps["cp"] == pp.checkpoint and ps["dir"] == pp.direction, (ps["cp"], pp)
                m.add(ps["start"] == int(round(pp.start)))
    for s in M.slots[len(rounds) :]:
        m.add(s.active == 0)
