"""The demo plan's true optimum at the level of convoys: an exact CP-SAT model, solved class by class.

``PYTHONPATH=$PWD python benchmarks/exact_demo.py [--limit S] [--workers N]`` builds the bundled demo's
:class:`~planner.schedule.model.Problem`, runs the scheduler (:func:`planner.schedule.solve`), checks
that the model accepts the scheduler's schedule (fixed into it), then solves the model under the
priority rule (stage by stage in :func:`~planner.schedule.model.class_order`, each class fixed at its
optimum before the next) and without it (people out), turns each best solution into a
:class:`~planner.schedule.model.Solution` and runs :func:`planner.schedule.check` on it.

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

Redundant constraints (valid for every schedule, proven from lower bounds on round durations: drives
plus one-vehicle passages, no boarding): a round lasts at least its drives, passages, boarding and
unloading (one row for the LP); :func:`visit_cuts` (a set of pickups no vehicle of a kind can visit in
two of its rounds: an ambulance passes P4 in one round at most) and :func:`pair_cuts` (an ambulance
cannot visit P4 in one round and P3 in another, 21,605 s > 21,600 s). These prove the stretcher classes
under the rule. A stage the solver does not prove within ``--limit`` gets ``--lns`` seconds of
neighbourhood search (:func:`lns`: free one or two rounds' type and vehicle counts, keep the others'),
which looks for better schedules and proves nothing; such a stage is then fixed at its best found value,
so the later stages are conditional on it (the report says which stages are proven).

**Nothing is approximated**: every datum of the demo is whole seconds (asserted) and the model's times
are whole seconds, waiting is allowed wherever the checker allows it (on the road, before a passage,
before boarding, before departure), and the number of slots ``C`` is a proven cap (:func:`slot_cap`:
every round has an ``out`` passage at every checkpoint of the loaded legs, those passages do not overlap
and each is at least a one-vehicle passage long, inside ``[earliest start, latest clear]``). The model
refuses what it does not cover (several destinations, escorts, nights, checkpoints on legs between
pickups, formation legs whose checkpoint sequence depends on the pickup, vehicles free at different
times): those assertions hold on the demo.
"""

from __future__ import annotations

import argparse
import itertools
import math
import time
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from planner.schedule.model import PassPlan, Problem, RoundPlan, Solution, StopPlan, class_counts, class_order

GROUPS = ("stretcher", "reduced_mobility", "general")

#: How slots are sorted (symmetry breaking): "depart", or a checkpoint id every loaded leg passes.
ORDER = "depart"


def _whole(x, what):
    if not (math.isfinite(x) and float(x) == int(x)):
        raise ValueError(f"exact demo model: {what} = {x} is not whole seconds")
    return int(x)


# ---------------------------------------------------------------- data


@dataclass
class Data:
    """The problem's constants in the form the model reads (whole seconds)."""

    P: Problem
    W: int
    mob: int
    dest: str
    depots: list  # depot ids
    forms: list  # depots + [dest]
    bus_profile: str
    amb_profile: str | None
    bus_seats: int
    amb_seats: int
    amb_stretcher: int
    pool: dict  # (depot, "bus"/"amb") -> count
    leads: list  # lead profiles
    seqs: list  # pickup sequences
    in_cps: dict  # F -> [cp id] on the empty leg (checked ones)
    out_cps: list  # [cp id] on every pickup -> dest leg
    types: list  # (F, seq, lead) that exist
    in_off: dict  # (F, p, lead) -> [offsets of in_cps]
    in_T: dict  # (F, p, lead) -> leg time
    hop: dict  # (a, b, lead) -> leg time
    out_off: dict  # (p, lead) -> [offsets of out_cps]
    out_T: dict  # (p, lead) -> leg time
    lengths: dict = field(default_factory=dict)  # (a, b, lead) -> m


def data(P: Problem) -> Data:
    R = P.rules
    if len(P.destinations) != 1:
        raise ValueError("exact demo model: one destination only")
    if R.escort_teams is not None:
        raise ValueError("exact demo model: unlimited escorts only")
    W = _whole(P.window_end_s, "window_end_s")
    if any(min(b, W) > max(a, 0) for a, b in P.night):
        raise ValueError("exact demo model: no nights")
    dest = P.destinations[0].id
    firsts = {P.first_departure(v) for v in P.vehicles}
    if len(firsts) != 1:
        raise ValueError("exact demo model: all vehicles free at the same time")
    mob = _whole(firsts.pop(), "first departure")
    kinds = {(v.seats, v.stretcher_places, v.profile) for v in P.vehicles}
    bus = [k for k in kinds if k[1] == 0]
    amb = [k for k in kinds if k[1] > 0]
    if len(bus) != 1 or len(amb) > 1:
        raise ValueError("exact demo model: one kind of seated vehicle and at most one with stretcher places")
    bus_seats, _, bus_profile = bus[0]
    amb_seats, amb_stretcher, amb_profile = amb[0] if amb else (0, 0, None)
    depots = sorted({v.depot for v in P.vehicles})
    pool = {}
    for d in depots:
        pool[(d, "bus")] = sum(1 for v in P.vehicles if v.depot == d and v.stretcher_places == 0)
        pool[(d, "amb")] = sum(1 for v in P.vehicles if v.depot == d and v.stretcher_places > 0)
    # lead: the bus profile (ambulances follow it: asserted), or the ambulance profile for ambulances alone
    if amb_profile is not None and not P.follows(amb_profile, bus_profile):
        raise ValueError("exact demo model: ambulances must be able to follow the buses' legs")
    if amb_profile is not None and P.follows(bus_profile, amb_profile):
        raise ValueError("exact demo model: buses following ambulance legs is not modelled")
    leads = [bus_profile] + ([amb_profile] if amb_profile else [])
    pk = [p.id for p in P.pickups]
    seqs = [s for n in range(1, R.max_stops + 1) for s in itertools.permutations(pk, n)]
    forms = depots + [dest]
    for cp in P.checkpoints.values():
        _whole(cp.convoy_s, "convoy_s"), _whole(cp.vehicle_s, "vehicle_s"), _whole(cp.hold_s, "hold_s")
    in_cps, in_off, in_T, hop, out_off, out_T, lengths = {}, {}, {}, {}, {}, {}, {}
    out_cps = None
    for L in leads:
        for F in forms:
            for p in pk:
                lg = P.leg(L, F, p)
                if lg is None:
                    continue
                cps = [(c, _whole(o, "offset")) for c, o in lg.checkpoints if P.checkpoints[c].checks_empty]
                ids = [c for c, _ in cps]
                if in_cps.setdefault(F, ids) != ids:
                    raise ValueError(f"exact demo model: the checkpoints of the legs from {F} differ by pickup")
                in_off[(F, p, L)] = [o for _, o in cps]
                in_T[(F, p, L)] = _whole(lg.time_s, "leg time")
                lengths[(F, p, L)] = lg.length_m
        for a in pk:
            for b in pk:
                if a == b:
                    continue
                lg = P.leg(L, a, b)
                if lg is None:
                    continue
                if lg.checkpoints:
                    raise ValueError(f"exact demo model: checkpoints between pickups {a} -> {b}")
                hop[(a, b, L)] = _whole(lg.time_s, "leg time")
                lengths[(a, b, L)] = lg.length_m
            lg = P.leg(L, a, dest)
            if lg is None:
                continue
            ids = [c for c, _ in lg.checkpoints]
            if out_cps is None:
                out_cps = ids
            if ids != out_cps:
                raise ValueError("exact demo model: the loaded legs pass different checkpoints")
            out_off[(a, L)] = [_whole(o, "offset") for _, o in lg.checkpoints]
            out_T[(a, L)] = _whole(lg.time_s, "leg time")
            lengths[(a, dest, L)] = lg.length_m
    if not out_cps:
        raise ValueError("exact demo model: the slot cap needs a checkpoint on every loaded leg")
    for p in P.pickups:
        if p.destination not in (None, dest):
            raise ValueError("exact demo model: pickup with another destination")
    types = []
    for F in forms:
        for seq in seqs:
            for L in leads:
                if F in depots and amb_profile == L and pool[(F, "amb")] == 0:
                    continue
                if (F, seq[0], L) not in in_T or (seq[-1], L) not in out_T:
                    continue
                if any((a, b, L) not in hop for a, b in zip(seq[:-1], seq[1:])):
                    continue
                types.append((F, seq, L))
    return Data(
        P, W, mob, dest, depots, forms, bus_profile, amb_profile, bus_seats, amb_seats, amb_stretcher, pool,
        leads, seqs, in_cps, out_cps, types, in_off, in_T, hop, out_off, out_T, lengths,
    )  # fmt: skip


def _svc(cp, n, people=0):
    return int(cp.service_s(n, people))


def slot_cap(D: Data) -> tuple:
    """A proven cap on the rounds of any schedule: ``(cap, checkpoint, earliest start, latest clear)``.

    Every round passes every checkpoint of the loaded legs ``out``; those passages do not overlap, each
    lasts at least a one-vehicle passage, and each starts no earlier than the earliest arrival there of
    any round (mobilisation, the shortest way in with one-vehicle passages, no boarding) and clears no
    later than the window's end minus the shortest rest of the way. Rounds forming at the destination
    are counted from mobilisation too (looser, still valid).
    """
    P = D.P
    best = None
    one = {c: _svc(P.checkpoints[c], 1) for c in P.checkpoints}
    # shortest time from departure to the first stop (passing the empty leg's checkpoints)
    t_in = min(D.in_T[(F, p, L)] + sum(one[c] for c in D.in_cps[F]) for (F, p, L) in D.in_T if (F, p, L) in D.in_off)
    for i, c in enumerate(D.out_cps):
        early = D.mob + t_in + min(D.out_off[k][i] + sum(one[x] for x in D.out_cps[:i]) for k in D.out_off)
        late = D.W - min(D.out_T[k] - D.out_off[k][i] + sum(one[x] for x in D.out_cps[i + 1 :]) for k in D.out_T)
        cap = max(0, (late - early) // one[c])
        if best is None or cap < best[0]:
            best = (cap, c, early, late)
    return best


def min_duration(D: Data, t) -> int:
    """A lower bound on any round of type ``t``: its drives and one-vehicle empty passages, no boarding."""
    P = D.P
    F, seq, L = t
    drive = D.in_T[(F, seq[0], L)] + sum(D.hop[(a, b, L)] for a, b in zip(seq[:-1], seq[1:])) + D.out_T[(seq[-1], L)]
    return drive + sum(_svc(P.checkpoints[c], 1) for c in D.in_cps[F] + D.out_cps)


def visit_cuts(D: Data, max_size=2) -> list:
    """Sets of pickups no vehicle of a kind can visit in two of its rounds: ``[(kind, set, lower bound s)]``.

    Two rounds of one vehicle that both visit the set ``S``: the later forms at the destination; the
    earlier is its depot round, or a destination round after the depot round. So the vehicle is busy from
    mobilisation for at least ``min(d1(S) + d2(S), d1 + 2 d2(S))`` (:func:`min_duration` of the shortest
    round types: ``d1`` from a depot, ``d2`` from the destination, ``(S)`` visiting ``S``); when that is
    past the window's end, every vehicle of the kind is in at most one round visiting ``S``: a valid
    (redundant) cut ``sum over rounds of vehicles of the kind x [the round visits S] <= fleet of the kind``.
    """
    out = []
    pk = [p.id for p in D.P.pickups]
    leads = {"bus": [D.bus_profile], "amb": list(D.leads)}
    dur = {t: min_duration(D, t) for t in D.types}
    for kind in ("bus", "amb"):
        homes = [d for d in D.depots if D.pool[(d, kind)] > 0]
        if not homes:
            continue
        ok = [t for t in D.types if t[2] in leads[kind]]
        d1 = min((dur[t] for t in ok if t[0] in homes), default=math.inf)
        for n in range(1, max_size + 1):
            for S in itertools.combinations(pk, n):
                d1S = min((dur[t] for t in ok if t[0] in homes and set(t[1]) & set(S)), default=math.inf)
                d2S = min((dur[t] for t in ok if t[0] == D.dest and set(t[1]) & set(S)), default=math.inf)
                lb = D.mob + min(d1S + d2S, d1 + 2 * d2S)
                if lb > D.W:
                    out.append((kind, S, lb))
    return out


def pair_cuts(D: Data) -> list:
    """Ordered pairs ``(p, q)`` of pickups whose rounds a vehicle of a kind cannot combine:
    ``[(kind, p, q, lower bound s)]``.

    When no vehicle of the kind can visit ``p`` in two rounds (:func:`visit_cuts`), nor visit ``p`` in
    one round and ``q`` in another (busy from mobilisation at least ``min(d1(p) + d2(q), d1(q) + d2(p),
    d1 + d2(p) + d2(q))``), nor make three rounds (``d1 + 2 d2``), then per vehicle
    ``#rounds visiting p + #rounds visiting q but not p / 2 <= 1``: summed over the fleet of the kind, a
    valid cut ``2 sum z(p) + sum z(q not p) <= 2 x fleet``.
    """
    out = []
    pk = [p.id for p in D.P.pickups]
    leads = {"bus": [D.bus_profile], "amb": list(D.leads)}
    dur = {t: min_duration(D, t) for t in D.types}
    single = {(k, S[0]) for k, S, _ in visit_cuts(D, 1)}
    for kind in ("bus", "amb"):
        homes = [d for d in D.depots if D.pool[(d, kind)] > 0]
        if not homes:
            continue
        ok = [t for t in D.types if t[2] in leads[kind]]
        d1 = min((dur[t] for t in ok if t[0] in homes), default=math.inf)
        d2 = min((dur[t] for t in ok if t[0] == D.dest), default=math.inf)
        if D.mob + d1 + 2 * d2 <= D.W:
            continue

        def dd(first, p, ok=ok, homes=homes):
            return min(
                (dur[t] for t in ok if (t[0] in homes if first else t[0] == D.dest) and p in t[1]), default=math.inf
            )

        for p in pk:
            if (kind, p) not in single:
                continue
            for q in pk:
                if q == p:
                    continue
                lb = D.mob + min(
                    dd(True, p) + dd(False, q), dd(True, q) + dd(False, p), d1 + dd(False, p) + dd(False, q)
                )
                if lb > D.W:
                    out.append((kind, p, q, lb))
    return out


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


# ---------------------------------------------------------------- solving


@dataclass
class Stage:
    name: str
    status: str
    value: int
    bound: float
    wall_s: float


def _solver(limit, workers, seed=0):
    sv = cp_model.CpSolver()
    sv.parameters.num_workers = workers
    sv.parameters.max_time_in_seconds = limit
    sv.parameters.random_seed = seed
    return sv


_ST = {cp_model.OPTIMAL: "OPTIMAL", cp_model.FEASIBLE: "FEASIBLE", cp_model.INFEASIBLE: "INFEASIBLE"}


def _lin(e, vals):
    """Value of a linear expression under ``vals`` (a list of values by variable index)."""
    from ortools.sat.python import cp_model_helper as h

    fe = h.FlatIntExpr(e)
    return fe.offset + sum(c * vals[v.index] for v, c in zip(fe.vars, fe.coeffs))


def _hint_from(m, sv):
    m.clear_hints()
    for i in range(len(m.proto.variables)):
        v = m.get_int_var_from_proto_index(i)
        m.add_hint(v, sv.value(v))


def lns(M: Model, expr, inc, seconds, workers, sub_s=10.0, log=print):
    """Large-neighbourhood search on ``expr`` from the complete solution ``inc`` (values by index).

    Each move keeps the round type and vehicle counts of all but one or two of the incumbent's rounds
    (as assumptions) and solves the rest (every time, load and the freed and unused slots) for
    ``sub_s`` s, hinted with the incumbent; a better solution becomes the incumbent. Returns
    ``(best value, its values)``. Only a search for better schedules: it proves nothing.
    """
    m = M.m
    idx = lambda v: v.index  # noqa: E731
    best = _lin(expr, inc)
    t0 = time.time()
    moves = 0
    while time.time() - t0 < seconds:
        act = [s for s in M.slots if inc[idx(s.active)]]
        frees = [c for n in (1, 2) for c in itertools.combinations(range(len(act)), n)] or [()]
        improved = False
        for free in frees:
            if time.time() - t0 >= seconds:
                break
            lits = []
            for j, s in enumerate(act):
                if j in free:
                    continue
                lits += [x for x in s.x.values() if inc[idx(x)]]
                lits += [x for x in s.e.values() if inc[idx(x)]]
                lits += [a if inc[idx(a)] else ~a for a in s.am]
            m.clear_hints()
            for i, v in enumerate(inc):
                m.add_hint(m.get_int_var_from_proto_index(i), v)
            m.clear_assumptions()
            m.add_assumptions(lits)
            m.clear_objective()
            m.maximize(expr)
            sv = _solver(sub_s, workers, seed=moves)
            st = sv.solve(m)
            moves += 1
            if st in (cp_model.OPTIMAL, cp_model.FEASIBLE) and sv.objective_value > best + 0.5:
                best = int(round(sv.objective_value))
                inc = [sv.value(m.get_int_var_from_proto_index(i)) for i in range(len(m.proto.variables))]
                log(f"    lns move {moves} (freed rounds {free}): {best}")
                improved = True
                break
        if not improved:
            break
    m.clear_assumptions()
    log(f"    lns: {moves} moves in {time.time() - t0:.0f} s, best {best}")
    return best, inc


def solve_stages(M: Model, stages, limit, workers, warm=None, log=print, lns_s=0.0):
    """Maximise each ``(name, expr)`` in turn, fixing each at its best value before the next.

    A stage not proven optimal is fixed at its best found value (so later stages are conditional on it).
    Returns ``(stages, the solver of the last stage)`` (``None`` when a stage found nothing).
    """
    m = M.m
    out = []
    sv = None
    fixed = []
    for name, expr in stages:
        m.clear_objective()
        m.maximize(expr)
        sv = _solver(limit, workers)
        st = sv.solve(m)
        status = _ST.get(st, str(st))
        if st not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            out.append(Stage(name, status, -1, sv.best_objective_bound, sv.wall_time))
            log(f"  stage {name:22} {status} after {sv.wall_time:.1f} s")
            return out, None
        val = int(round(sv.objective_value))
        out.append(Stage(name, status, val, sv.best_objective_bound, sv.wall_time))
        log(f"  stage {name:22} {status:8} value {val:5d} bound {sv.best_objective_bound:7.0f} ({sv.wall_time:.1f} s)")
        inc = [sv.value(m.get_int_var_from_proto_index(i)) for i in range(len(m.proto.variables))]
        if warm is not None and _lin(expr, warm) > val and all(_lin(e, warm) >= v for e, v in fixed):
            inc, val = warm, _lin(expr, warm)
        if st != cp_model.OPTIMAL and lns_s > 0:
            val2, inc2 = lns(M, expr, inc, lns_s, workers, log=log)
            if val2 > val:
                val, inc = val2, inc2
                out[-1].value = val
        m.add(expr >= val)
        fixed.append((expr, val))
        if warm is not None and all(_lin(e, warm) >= v for e, v in fixed):
            inc = warm  # the warm start (the scheduler's) still meets every stage so far: keep it as the hint
        else:
            warm = None
        m.clear_hints()
        for i, v in enumerate(inc):
            m.add_hint(m.get_int_var_from_proto_index(i), v)
        last = inc
    # a final solve fixed on the last incumbent, for a solver holding its values
    m.clear_objective()
    sv = _solver(limit, workers)
    keep = [m.get_int_var_from_proto_index(i) == v for i, v in enumerate(last)]
    for c in keep:
        m.add(c)
    st = sv.solve(m)
    assert st in (cp_model.OPTIMAL, cp_model.FEASIBLE), "the incumbent is infeasible in its own model"
    return out, sv


# ---------------------------------------------------------------- back to a Solution


def to_solution(M: Model, vals: cp_model.CpSolver) -> Solution:
    """The schedule of the model's values: vehicles named per kind in order of time (unloadings first)."""
    D, P = M.D, M.D.P

    def V(e):
        return e if isinstance(e, int) else int(vals.value(e))

    pools = {}
    for v in P.vehicles:
        pools.setdefault((v.depot, "amb" if v.stretcher_places else "bus"), []).append(v.id)
    at_dest = {"bus": [], "amb": []}
    act = [s for s in M.slots if V(s.active)]
    ev = sorted([(V(s.unloaded), 0, i) for i, s in enumerate(act)] + [(V(s.depart), 1, i) for i, s in enumerate(act)])
    names = {}
    for _, kind, i in ev:
        s = act[i]
        if kind == 0:
            for k in ("bus", "amb"):
                at_dest[k].extend(names[i][k])
            continue
        F = next(F for F in D.forms if V(s.y[F]))
        nb, na = V(s.nb), sum(V(a) for a in s.am)
        got = {}
        for k, n in (("bus", nb), ("amb", na)):
            src = at_dest[k] if D.dest == F else pools.setdefault((F, k), [])
            if len(src) < n:
                raise AssertionError(f"slot {s.i}: {n} {k} needed at {F}, {len(src)} there")
            got[k], src[:n] = src[:n], []
        names[i] = got
    rounds = []
    for i, s in enumerate(act):
        t = next(t for t in D.types if V(s.x[t]))
        F, seq, L = t
        buses, ambs = names[i]["bus"], names[i]["amb"]
        turn = 0
        stops = []
        for j, p in enumerate(seq):
            st_, rm, ge = (V(x) for x in s.grp[p])
            load = {}
            # ambulances: their stretcher cases and seated (reduced mobility first), then the buses the rest
            for k, v in enumerate(ambs):
                ns, na_ = V(s.st[(k, p)]), V(s.a[(k, p)])
                r_ = min(rm, na_)
                rm -= r_
                g_ = na_ - r_
                ge -= g_
                if ns or na_:
                    load[v] = [ns, r_, g_]
                st_ -= ns
            assert st_ == 0 and rm >= 0 and ge >= 0, (s.i, p, st_, rm, ge)
            items = [1] * rm + [2] * ge
            if items and not buses:
                raise AssertionError(f"slot {s.i}: seated people on buses at {p} but no bus")
            for g in items:  # rotate over the buses across the stops: ceil per stop and per round at once
                v = buses[turn % len(buses)]
                turn += 1
                load.setdefault(v, [0, 0, 0])[g] += 1
            arrive = V(s.in_pass[F + "_reach"]) if j == 0 else V(s.reach[j])
            stops.append(StopPlan(p, float(arrive), float(V(s.sdep[j])), {v: tuple(x) for v, x in load.items()}))
        passes = []
        nv = len(buses) + len(ambs)
        people = V(s.people)
        for ps in s.in_pass[F]:
            passes.append(
                PassPlan(ps["cp"], "in", float(V(ps["arrive"])), float(V(ps["start"])), float(V(ps["clear"])), nv, 0)
            )
        for ps in s.passes:
            if ps["dir"] == "out":
                a, st0, cl = (float(V(ps[k])) for k in ("arrive", "start", "clear"))
                passes.append(PassPlan(ps["cp"], "out", a, st0, cl, nv, people))
        places = [F, *seq, D.dest]
        length = {
            "in": D.lengths[(F, seq[0], L)],
            "out": sum(D.lengths[(a, b, L)] for a, b in zip(places[1:-1], places[2:])),
        }
        rounds.append(
            RoundPlan(
                buses + ambs, L, i, F, float(V(s.depart)), stops, D.dest, float(V(s.arrive)),
                float(V(s.unloaded)), passes, [], length, float(V(s.depart)),
            )
        )  # fmt: skip
    rounds.sort(key=lambda r: r.depart)
    return Solution(rounds, settings="exact convoy model")


# ---------------------------------------------------------------- independent timeline check


def recheck(P: Problem, sol: Solution) -> list:
    """Recompute every passage, stop and unloading time of ``sol`` from the legs (by hand, apart from
    check.py) and list what breaks a rule: travel, service, one at a time, headway, window, seats, demand."""
    bad = []
    veh = {v.id: v for v in P.vehicles}
    R = P.rules
    busy: dict = {}
    for ri, r in enumerate(sol.rounds):
        nv = len(r.vehicles)
        places = [r.formation] + [s.pickup for s in r.stops] + [r.destination]
        t = r.depart
        k = 0
        people = 0
        for j in range(len(places) - 1):
            lg = P.leg(r.lead, places[j], places[j + 1])
            pos = 0
            for cid, off in lg.checkpoints:
                p = r.passes[k]
                k += 1
                if (p.checkpoint, p.direction) != (cid, "in" if j == 0 else "out"):
                    bad.append(f"round {ri}: passage {k} is {p.checkpoint}/{p.direction}, expected {cid}")
                if p.start < t + off - pos:
                    bad.append(f"round {ri}: {cid} starts {p.start} before arrival {t + off - pos}")
                if p.clear - p.start < P.checkpoints[cid].service_s(nv, people):
                    bad.append(f"round {ri}: {cid} served {p.clear - p.start} s")
                busy.setdefault(cid, []).append((p.start, p.clear, ri))
                t, pos = p.clear, off
            t += lg.time_s - pos
            if j + 1 < len(places) - 1:
                s = r.stops[j]
                dwell = max(R.board_s_per_person * sum(x) for x in s.load.values()) if s.load else 0
                ready = P.pickup(s.pickup).ready_s
                if s.depart < max(t, ready) + dwell:
                    bad.append(f"round {ri}: leaves {s.pickup} at {s.depart}, boarding until {max(t, ready) + dwell}")
                people += sum(map(sum, s.load.values()))
                t = s.depart
        unload = max(R.leave_s_per_person * sum(r.vehicle_load(v)) for v in r.vehicles)
        if r.unloaded < t + unload or r.unloaded > P.window_end_s:
            bad.append(f"round {ri}: unloaded {r.unloaded}, needs {t + unload}, window {P.window_end_s}")
        for v in r.vehicles:
            st, rm, ge = r.vehicle_load(v)
            if st > veh[v].stretcher_places or rm + ge > veh[v].seats:
                bad.append(f"round {ri}: {v} overloaded")
        if len(r.vehicles) > R.max_convoy or len(r.stops) > R.max_stops:
            bad.append(f"round {ri}: too many vehicles or stops")
    for cid, xs in busy.items():
        xs.sort()
        for a, b in zip(xs[:-1], xs[1:]):
            if b[0] < a[1]:
                bad.append(f"{cid}: rounds {a[2]} and {b[2]} at once")
    by_f: dict = {}
    for r in sol.rounds:
        by_f.setdefault(r.formation, []).append(r.depart)
    for f, ds in by_f.items():
        ds.sort()
        if any(b - a < R.headway_s for a, b in zip(ds[:-1], ds[1:])):
            bad.append(f"headway at {f}")
    for p, acc in sol.taken().items():
        if any(a > b for a, b in zip(acc, P.pickup(p).by_group)):
            bad.append(f"{p}: {acc} taken")
    # vehicles: one round at a time, from where the last ended
    seen: dict = {}
    for r in sorted(sol.rounds, key=lambda r: r.depart):
        for v in r.vehicles:
            place, free = seen.get(v, (veh[v].depot, P.first_departure(veh[v])))
            if r.formation != place or r.depart < free:
                bad.append(f"{v}: round from {r.formation} at {r.depart}, vehicle at {place} from {free}")
            seen[v] = (r.destination, r.unloaded)
    return bad


# ---------------------------------------------------------------- report


def hms(s):
    s = int(round(s))
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


def describe(P, sol, t0=8 * 3600):
    veh = {v.id: v for v in P.vehicles}
    lines = []
    for i, r in enumerate(sol.rounds):
        nb = sum(1 for v in r.vehicles if veh[v].stretcher_places == 0)
        na = len(r.vehicles) - nb
        lines.append(
            f"  convoy {i + 1}: {r.formation} -> {r.destination}, {nb} buses + {na} ambulances, lead {r.lead[:9]}, "
            f"departs {hms(t0 + r.depart)}, arrives {hms(t0 + r.arrive)}, unloaded {hms(t0 + r.unloaded)}, "
            f"{r.people} people {r.by_group()}"
        )
        for s in r.stops:
            got = tuple(sum(x[g] for x in s.load.values()) for g in range(3))
            lines.append(
                f"      stop {s.pickup}: {hms(t0 + s.arrive)}-{hms(t0 + s.depart)} boards {got} (str, rm, gen)"
            )
        for p in r.passes:
            lines.append(
                f"      {p.checkpoint} {p.direction:3} arrive {hms(t0 + p.arrive)} start {hms(t0 + p.start)} "
                f"clear {hms(t0 + p.clear)} ({p.clear - p.start:.0f} s)"
            )
    return "\n".join(lines)


def second_rounds(P):
    """Shortest round from each place (one-vehicle passages, no boarding), from planner.schedule.reach."""
    from planner.schedule.reach import round_times

    out = []
    for lead, (_, best_in, _) in round_times(P).items():
        mob = P.rules.mobilisation_s
        d1 = min(best_in[v.depot] for v in P.vehicles if P.follows(v.profile, lead))
        again = min(best_in[d.id] for d in P.destinations)
        out.append((lead, d1, again, mob + d1 + again, P.window_end_s))
    return out


def warm_start(D: Data, sol: Solution, limit, workers):
    """Fix ``sol`` in a fresh model and solve: ``(status, wall s, people, values of every variable)``.

    The values are a complete warm start for another model built the same way (same variable indices).
    """
    M = build(D)
    fix(M, sol)
    sv = _solver(limit, workers)
    st = sv.solve(M.m)
    if st not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return _ST.get(st, str(st)), sv.wall_time, None, None
    vals = [sv.value(M.m.get_int_var_from_proto_index(i)) for i in range(len(M.m.proto.variables))]
    return _ST[st], sv.wall_time, sv.value(M.people), vals


def run(P, D, heur, rule, limit, workers, warm, log=print, lns_s=0.0):
    """Solve the model under the rule (class by class, then people out) or without it (people out)."""
    from planner.schedule import check

    M = build(D)
    if warm is not None:
        for i, v in enumerate(warm):
            M.m.add_hint(M.m.get_int_var_from_proto_index(i), v)
    order = class_order(P.pickups)
    stages = [(f"{GROUPS[g]} prio {pr}", M.classes[i]) for i, (g, pr) in enumerate(order)] if rule else []
    stages.append(("total", M.people))
    t1 = time.time()
    res, sv = solve_stages(M, stages, limit, workers, warm=warm, log=log, lns_s=lns_s)
    if sv is None:
        return res, None, None, None
    sol = to_solution(M, sv)
    viol = [str(v) for v in check(P, sol)]
    mine = recheck(P, sol)
    log(f"  {time.time() - t1:.0f} s; best: {sol.evacuated} people {sol.by_group}, {len(sol.rounds)} convoys, "
        f"classes {class_counts(P.pickups, sol.taken())}")  # fmt: skip
    log(f"  check(): {viol or 'ok'}; recheck by hand: {mine or 'ok'}")
    return res, sol, viol, mine


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=float, default=60.0, help="wall seconds per solver stage")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--lns", type=float, default=45.0, help="seconds of neighbourhood search per unproven stage")
    ap.add_argument("--plan", default="resources/plans/demo-neubrandenburg.evacplan.json")
    args = ap.parse_args(argv)
    from dataclasses import replace

    from planner.network import demo_network
    from planner.plan import load_plan
    from planner.schedule import build_problem, check, plan_fleet, solve
    from planner.schedule.build import route_all

    T = time.time()
    net = demo_network()
    plan = load_plan(args.plan)
    fleet = plan_fleet(plan)
    P = build_problem(plan, route_all(plan, net, fleet, lambda *a: None), fleet)
    print(f"demo: {len(P.vehicles)} vehicles, {len(P.pickups)} pickups, demand {P.demand}")
    for lead, d1, again, done, W in second_rounds(P):
        print(
            f"  lead {lead[:9]}: shortest first round {d1:.0f} s, shortest later round {again:.0f} s: "
            f"two rounds from mobilisation end at {done:.0f} s at the earliest (window {W:.0f} s)"
        )
    D = data(P)
    cap = slot_cap(D)
    print(f"model: {len(D.types)} round types per slot, {cap[0]} slots (cap from {cap[1]}: out passages "
          f"in [{cap[2]}, {cap[3]}] s, each >= {_svc(P.checkpoints[cap[1]], 1)} s)")  # fmt: skip
    order = class_order(P.pickups)
    out = {}
    for rule in (True, False):
        Pr = P if rule else replace(P, rules=replace(P.rules, priority_first=False))
        heur = solve(Pr)
        print(f"\n== {'under the priority rule (class by class)' if rule else 'without the rule (people out)'}")
        hv = [str(v) for v in check(Pr, heur)] or "ok"
        print(f"scheduler: {heur.evacuated} people {heur.by_group}, {len(heur.rounds)} convoys, "
              f"classes {class_counts(P.pickups, heur.taken())}, check: {hv}")  # fmt: skip
        st, wall, people, warm = warm_start(D, heur, args.limit, args.workers)
        print(f"scheduler's schedule fixed in the model (structure, loads, departures, passage starts): "
              f"{st} in {wall:.1f} s, people {people}")  # fmt: skip
        res, sol, viol, mine = run(P, D, heur, rule, args.limit, args.workers, warm, lns_s=args.lns)
        out[rule] = (heur, st, res, sol, viol, mine)
        if sol is None:
            continue
        n = len(order) + 1
        better = sol.key(P)[:n] > heur.key(P)[:n] if rule else sol.evacuated > heur.evacuated
        if better and not viol and not mine:
            print("  better than the scheduler; its convoys:")
            print(describe(P, sol))
    print(f"\ntotal {time.time() - T:.0f} s")
    return out


def _hint_solution(M: Model, sol: Solution):
    """A warm start: the scheduler's structure and loads as hints (times left to the solver)."""
    m, D = M.m, M.D
    veh = {v.id: v for v in D.P.vehicles}
    rounds = _sorted_rounds(sol, M.order)
    for s, r in zip(M.slots, rounds):
        t = (r.formation, tuple(st.pickup for st in r.stops), r.lead)
        for tt, v in s.x.items():
            m.add_hint(v, int(tt == t))
        m.add_hint(s.active, 1)
        m.add_hint(s.depart, int(r.depart))
        buses = [v for v in r.vehicles if veh[v].stretcher_places == 0]
        ambs = [v for v in r.vehicles if veh[v].stretcher_places > 0]
        for n, v in s.e.items():
            m.add_hint(v, int(n == len(buses)))
        for k, v in enumerate(s.am):
            m.add_hint(v, int(k < len(ambs)))
    for s in M.slots[len(rounds) :]:
        m.add_hint(s.active, 0)


if __name__ == "__main__":
    main()
