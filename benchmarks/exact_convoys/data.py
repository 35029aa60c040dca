"""The exact convoy model's data: the problem's constants in whole seconds, the slot cap and the valid cuts.

:func:`data` reads a :class:`~planner.schedule.model.Problem` into :class:`Data`: the formation places
(depots and the destination), the pickup sequences of up to ``rules.max_stops`` stops, the lead profiles,
the round types that exist and every leg's time and checkpoint offsets.

**Nothing is approximated**: every datum of the demo is whole seconds (asserted), and the number of slots
``C`` is a proven cap (:func:`slot_cap`: every round has an ``out`` passage at every checkpoint of the
loaded legs, those passages do not overlap and each is at least a one-vehicle passage long, inside
``[earliest start, latest clear]``). The model refuses what it does not cover (several destinations,
escorts, nights, checkpoints on legs between pickups, formation legs whose checkpoint sequence depends on
the pickup, vehicles free at different times): those assertions hold on the demo.

Redundant constraints (valid for every schedule, proven from lower bounds on round durations,
:func:`min_duration`: drives plus one-vehicle passages, no boarding): :func:`visit_cuts` (a set of
pickups no vehicle of a kind can visit in two of its rounds: an ambulance passes P4 in one round at most)
and :func:`pair_cuts` (an ambulance cannot visit P4 in one round and P3 in another, 21,605 s > 21,600 s).
These prove the stretcher classes under the rule; :func:`~benchmarks.exact_convoys.model.build` adds them
to the model.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field

from planner.schedule.model import Problem


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


def _kinds(D: Data, dur: dict):
    """Per kind of vehicle present: ``(kind, its depots, the round types it may lead or follow, its shortest
    first round from a depot)``, with ``dur`` the round types' :func:`min_duration`."""
    leads = {"bus": [D.bus_profile], "amb": list(D.leads)}
    for kind in ("bus", "amb"):
        homes = [d for d in D.depots if D.pool[(d, kind)] > 0]
        if not homes:
            continue
        ok = [t for t in D.types if t[2] in leads[kind]]
        yield kind, homes, ok, min((dur[t] for t in ok if t[0] in homes), default=math.inf)


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
    dur = {t: min_duration(D, t) for t in D.types}
    for kind, homes, ok, d1 in _kinds(D, dur):
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
    dur = {t: min_duration(D, t) for t in D.types}
    single = {(k, S[0]) for k, S, _ in visit_cuts(D, 1)}
    for kind, homes, ok, d1 in _kinds(D, dur):
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
