"""The flow-shop cut of the bound: checkpoints passed in series, solved as a relaxation with CP-SAT.

It applies to the *universal* checkpoints ``U``: those on every leg from a
pickup to a destination, so every round that carries anyone passes each of
them loaded, in the order they lie along those legs (a subset whose order is
the same on every such leg). Each is one machine serving one convoy at a time
across both directions. A round that forms at a place from which every empty
drive to a pickup crosses some of them (checking empty vehicles) passes those
*in* first, again in a fixed order.

The model (OR-Tools CP-SAT), each step a relaxation: a schedule that meets the
constraints of the :class:`~.model.Problem` (whole seconds, as the engine's and
the exact model's are; :data:`.seqmodel.TOL`) maps to a solution of it with the same
people, each round to one slot of its kind, each passage to its start and
clear, so the model's optimum, and the solver's proven best objective bound,
is at least any schedule's people out:

- **slots**: optional convoy rounds by *kind*: first rounds from each depot
  (its vehicles, by seats and stretcher places), later rounds from the
  destinations (one kind, the fastest legs of any destination); per kind no
  more slots than its vehicles (or the vehicles' further rounds of the fleet
  term) and than its passages that fit each machine's usable hours at the
  shortest passage, so no schedule is cut off; slots of a kind are identical
  and ordered by departure (symmetry; a schedule's rounds of a kind, sorted by
  departure, fill its first slots);
- per slot: vehicles per class ``x_c`` (``1 <= n = sum x_c <= max_convoy``,
  ``n`` enumerated with booleans), people per class at most their places
  (seats for general and reduced mobility, stretcher places for stretcher
  cases), and ``m`` whole with ``m * n >= y`` and, with several classes,
  ``m * x_c >=`` the people aboard class ``c`` for every class: a schedule's
  ``m`` is the most one vehicle carries, and ``m`` boardings and unloadings
  are at most what its stops and its unloading take (vehicles board side by
  side, stop after stop: the sum over the stops of each stop's largest load
  is at least the largest total load). The mean alone (``m * n >= y``) let
  ambulances shorten a full bus's boarding. Per structure (:mod:`.seqsplit`)
  ``m * n >= y`` is posed as ``m = sum_k w_k``, ``w_k`` nonzero only when
  ``n = k``, ``sum_k k w_k >= y`` (the same integer points, the hull of the
  disjunction for the LP; on the normal path it slows the search);
- a passage of ``n`` vehicles at a machine takes at least ``service_s(n, 0)``
  (an out passage also the per-person term, rounded down), lies inside the
  machine's usable hours (their hull, with the gaps between them as fixed
  intervals: a passage lies inside one), and the passages of a machine do not
  overlap;
- lags, lower bounds over every leg and lead profile, in whole seconds rounded
  down: from departure to the first in passage; between consecutive machines
  (the drive only); from the last in passage (or the departure) to the first
  out passage, the drive to a first pickup, on to the last and to the machine
  plus ``m`` boardings; the first out passage also after the earliest ready
  time plus that drive plus ``m`` boardings; after the last out passage the
  drive to a destination and ``m`` unloadings, by the window's end; per
  structure each also with the least lag over the lead profiles,
  unconditionally (for the LP);
- per structure only (:mod:`.seqsplit`): each machine's passages, end to end,
  fit between its first start and its last clear;
- vehicles: a depot's first-round slots use at most its vehicles per class;
  a later slot's vehicles per class flow from earlier slots unloaded by its
  departure (integer flows, at most each slot's vehicles);
- headway between departures of a kind formed at one place; escort teams (when
  set) at most that many rounds on the road at once (cumulative);
- people by pickup (up to :data:`MAX_PICKUPS` pickups with people), seated and
  stretcher cases apart: a slot that takes people from pickup ``p`` passes
  it, so its first out passage is at least the least drive from the last in
  passage (or the departure) through ``p`` to the machine, plus the boarding,
  and after ``p``'s ready time plus the drive from ``p``; each pickup's seated
  people and stretcher cases are taken at most once;
- people at most the reachable demand (seats and stretcher places apart) and
  the destinations' capacity;
- **floors** (the priority rule, :func:`.rulefloors.rule_floors`): with them the
  model holds only the schedules that carry at least each class's floor, the
  rule's best schedule among them: stretcher cases of pickups of priority
  ``q`` at least the stretcher floor of ``q``, seated people (reduced mobility
  and general, both in seats) at least the sum of their floors, and for a
  class whose floor is all of it, each of its pickups at least its people of
  the class. The value is then a bound on that schedule only (a term of the
  floored bound).

Times map by ``floor`` (every lag and duration rounded down, so
``floor(a + b) >= floor(a) + floor(b)`` keeps each constraint). It is left out
(``None``) with nights in the window or overnight halts, without a universal
checkpoint, past :data:`MAX_SLOTS` slots or :data:`MAX_ARCS` flow arcs, or when
the solver finds no solution within its deterministic limit (with floors
that no solution meets, too). One worker and a deterministic time limit make
it reproducible.

**Effort.** :data:`DET_LIMIT` proves the small models (the exact instances);
the demo's 12 slots need ``effort_s`` (past :data:`MAX_SLOTS`) and ``split``,
once per structure (:mod:`.seqsplit`, which gives the figures).
"""

from __future__ import annotations

import heapq
import math

from planner.schedule.model import INF, Problem
from planner.schedule.reach import universal_checkpoints
from planner.schedule.seqmodel import TOL, _fl, _ops, _solve

#: Most slots of the model on the normal path before the cut is left out: beyond about ten, CP-SAT proves
#: nothing below the other terms within :data:`DET_LIMIT` (the demo: 12 slots, 2,024 in 0.25 s against the
#: 1,820 of the other terms), so trying costs time and gives nothing.
MAX_SLOTS = 10
#: Most slots with an explicit effort (``effort_s``): the demo's 12 then run, for what the effort buys.
MAX_SLOTS_EFFORT = 80
#: Most vehicle-flow arcs (slot to later slot) before the cut is left out.
MAX_ARCS = 1500
#: Most pickups with people for the per-pickup terms (beyond, the slots' people are not split by pickup).
MAX_PICKUPS = 24
#: CP-SAT's deterministic time limit (about seconds of one core) per run on the normal path (two runs under
#: the priority rule with floors): the exact instances' models are proven within it (at 0.05 cp-person-s and
#: fleet-3bus-2dep stay at 250 and 480, at 0.1 they reach 180 and 235). Measured on a shared machine: the
#: demo with a 4-5 h window (10 slots or fewer, so the cut runs) 0.4-0.8 s a run, 0.2 s at 0.05.
DET_LIMIT = 0.1


def _order(seqs, cands):
    """A subset of ``cands`` whose order is the same in every sequence of ``seqs`` (each holds every candidate),
    in that order: greedily by the first sequence, keeping a checkpoint only when it comes after every kept one
    in every sequence."""
    if not seqs:
        return []
    pos = [{c: i for i, c in reversed(list(enumerate(s)))} for s in seqs]  # first occurrence
    kept: list = []
    for c in sorted(cands, key=lambda c: pos[0][c]):
        if all(all(p[c] > p[k] for k in kept) for p in pos):
            kept.append(c)
    return kept


def _first_off(leg, cid):
    for c, off in leg.checkpoints:
        if c == cid:
            return off
    return None


def _chain_lags(legs, chain):
    """``(head, gaps, tail)``: least drive over ``legs`` from the start to ``chain[0]``, between consecutive
    checkpoints of ``chain`` (first occurrences) and from the last to the end (s, unrounded)."""
    head, tail = INF, INF
    gaps = [INF] * max(0, len(chain) - 1)
    for lg in legs:
        offs = [_first_off(lg, c) for c in chain]
        head = min(head, offs[0])
        tail = min(tail, lg.time_s - offs[-1])
        for i in range(len(gaps)):
            gaps[i] = min(gaps[i], offs[i + 1] - offs[i])
    return head, [max(0.0, g) for g in gaps], tail


def _pickup_paths(legs, pk):
    """Least drive (s) between pickups over the pickup-to-pickup ``legs``: ``dist[a][b]``."""
    edges: dict = {}
    for (a, b), lg in legs.items():
        edges.setdefault(a, {})
        edges[a][b] = min(edges[a].get(b, INF), lg.time_s)
    out = {}
    for s in pk:
        dist = {s: 0.0}
        heap = [(0.0, s)]
        while heap:
            d, x = heapq.heappop(heap)
            if d > dist.get(x, INF):
                continue
            for y, w in edges.get(x, {}).items():
                if d + w < dist.get(y, INF):
                    dist[y] = d + w
                    heapq.heappush(heap, (d + w, y))
        out[s] = dist
    return out


def _machines(P: Problem, pk, dests):
    """``(chain, final legs)``: the universal checkpoints in an order fixed on every pickup-to-destination leg."""
    finals = [lg for legs in P.legs.values() for (a, b), lg in legs.items() if a in pk and b in dests]
    if not finals:
        return [], finals
    common = set(universal_checkpoints(P))
    seqs = [[c for c, _ in lg.checkpoints if c in common] for lg in finals]
    return _order(seqs, common), finals


def sequence_cut(
    P: Problem,
    tt,
    reach,
    rounds_of=None,
    memo=None,
    floors=None,
    effort_s=None,
    split=False,
    tightening=None,
):
    """Most people through the universal checkpoints in series (the module docstring); ``None``: no term.

    Parameters
    ----------
    P : Problem
    tt : planner.schedule.timing.Timetable
        For the checkpoints' usable hours (``tt.usable``).
    reach : set
        Pickups some vehicle can serve (the bound's reachable pickups): their people cap the answer.
    rounds_of : dict, optional
        Vehicle id -> most rounds it can make (the fleet term): caps the later rounds.
    memo : dict, optional
        Cache shared with the other terms of the bound.
    floors : dict, optional
        ``(group index, priority) -> people at least`` (:func:`.rulefloors.rule_floors`): the value then bounds
        only the schedules that carry at least that many of each class (the priority rule's best one).
    effort_s : float, optional
        CP-SAT's deterministic time limit (about seconds of one core) instead of :data:`DET_LIMIT`, and up to
        :data:`MAX_SLOTS_EFFORT` slots instead of :data:`MAX_SLOTS`. Default: the normal path's budget.
    split : bool
        Solve the model once per structure (slots present per kind, :mod:`.seqsplit`), each with that limit.
    tightening : planner.schedule.seqsplit.Tightening, optional
        With ``split``: told before each solver run (its progress callback); a ``Cancelled`` that raises stops
        the cut between runs (nothing is kept in ``memo``).

    Returns
    -------
    int or None
        People, an upper bound on any schedule's people out (with ``floors``: on any schedule that meets them).
    """
    memo = {} if memo is None else memo
    floors = dict(floors or {})
    if effort_s is None:
        det, max_slots = DET_LIMIT, MAX_SLOTS
    else:
        det, max_slots = max(0.0, float(effort_s)), MAX_SLOTS_EFFORT
    key = ("seqcut", tuple(sorted(floors.items())), det, bool(split))
    if key not in memo:
        memo[key] = _sequence_cut(P, tt, reach, rounds_of, floors, det, max_slots, split, tightening)
    return memo[key]


def _sequence_cut(P: Problem, tt, reach, rounds_of, floors, det, max_slots, split=False, tightening=None):
    if P.night or any(c.overnight_halt for c in P.checkpoints.values()) or not P.vehicles:
        return None
    pk = {p.id: p for p in P.pickups}
    dests = {d.id for d in P.destinations}
    out_chain, _finals = _machines(P, pk, dests)
    if not out_chain:
        return None
    W = int(math.ceil(P.window_end_s)) + TOL  # a round is unloaded by the window's end (and the checker's slack)
    board_tol = (2 * max(1, int(P.rules.max_stops)) + 2) * TOL  # arrivals and departures at the stops
    hull: dict = {}
    gaps: dict = {}
    for c in out_chain:
        iv = tt.usable.get(c, [])
        if not iv:
            return 0  # no round can pass it loaded
        # a passage starts from TOL before an open interval and clears by TOL after it: its model interval
        # (start to clear less TOL) lies in [lo - TOL, hi]
        hull[c] = (int(math.floor(min(a for a, _ in iv))) - TOL, int(math.ceil(max(b for _, b in iv))))
        gaps[c] = [(int(math.ceil(b)), int(math.floor(a2)) - TOL) for (_, b), (a2, _) in zip(iv[:-1], iv[1:])]
    cps = P.checkpoints
    rules = P.rules
    K = max(1, min(int(rules.max_convoy), len(P.vehicles)))
    # a passage's model interval: its start to its clear less TOL, and the next passage starts TOL before that
    dur = {c: [0] + [max(0, _fl(cps[c].service_s(k, 0), 2)) for k in range(1, K + 1)] for c in out_chain}
    if all(dur[c][1] <= 0 for c in out_chain):
        return None  # rounds could take no time: the slot order below needs them to
    # ---- per lead profile: the loaded part (out chain lags, drives from a first pickup to the first machine)
    lead: dict = {}
    for b, legs in P.legs.items():
        finals = [lg for (x, y), lg in legs.items() if x in pk and y in dests]
        if not finals:
            continue
        head_o, gaps_o, tail_o = _chain_lags(finals, out_chain)
        to_out: dict = {}
        for (x, y), lg in legs.items():
            if x in pk and y in dests:
                to_out[x] = min(to_out.get(x, INF), _first_off(lg, out_chain[0]))
        paths = _pickup_paths({(x, y): lg for (x, y), lg in legs.items() if x in pk and y in pk}, pk)
        via = {p: min((d + to_out.get(q, INF) for q, d in paths[p].items()), default=INF) for p in pk}
        ready0 = min((pk[p].ready_s + via[p] for p in pk), default=INF)
        if not math.isfinite(ready0):
            continue
        lead[b] = {
            "paths": paths,
            "gaps_o": [_fl(g, 1) for g in gaps_o],
            "tail_o": _fl(tail_o, 1),
            "ready0": _fl(ready0, board_tol),
            "via": via,
        }
    if not lead:
        return 0
    reach = set(reach)

    # ---- kinds of round: first rounds per depot, later rounds from the destinations
    def key(v):
        return (int(v.seats), int(v.stretcher_places), v.profile)

    by_depot: dict = {}
    for v in P.vehicles:
        by_depot.setdefault(v.depot, []).append(v)
    kinds = []  # (name, place(s), classes {(seats, stretcher, profile): count}, earliest departure, slots cap)
    for dep in sorted(by_depot):
        cls: dict = {}
        for v in by_depot[dep]:
            cls[key(v)] = cls.get(key(v), 0) + 1
        t0 = min(P.first_departure(v) for v in by_depot[dep])
        kinds.append((dep, [dep], cls, t0, len(by_depot[dep])))
    later_cap = len(P.vehicles) * 1000 if rounds_of is None else sum(max(0, int(r) - 1) for r in rounds_of.values())
    all_cls: dict = {}
    for v in P.vehicles:
        all_cls[key(v)] = all_cls.get(key(v), 0) + 1
    if later_cap > 0:
        kinds.append(("*later", sorted(dests), all_cls, 0.0, later_cap))
    # pickups with people some vehicle can serve: the people of each slot come from them
    served = sorted(p for p in reach if p in pk and pk[p].people > 0)
    if len(served) > MAX_PICKUPS:
        served = []  # no per-pickup terms (a weaker model, still a relaxation)
    specs = []
    for name, places, cls, t0, cap in kinds:
        legs_f = [(b, y, lg) for b, legs in P.legs.items() for (x, y), lg in legs.items() if x in places and y in pk]
        if not legs_f:
            continue
        common: set = {c for c in hull if cps[c].checks_empty}
        for _b, _y, lg in legs_f:
            common &= {c for c, _ in lg.checkpoints}
        seqs = [[c for c, _ in lg.checkpoints if c in common] for _b, _y, lg in legs_f]
        in_chain = _order(seqs, common)
        per: dict = {}
        for b in lead:
            mine = [(y, lg) for bb, y, lg in legs_f if bb == b]
            if not mine:
                continue
            if in_chain:
                head_i, gaps_i, _ = _chain_lags([lg for _y, lg in mine], in_chain)
                mid = min(lg.time_s - _first_off(lg, in_chain[-1]) + lead[b]["via"].get(y, INF) for y, lg in mine)
            else:
                head_i, gaps_i = 0.0, []
                mid = min(lg.time_s + lead[b]["via"].get(y, INF) for y, lg in mine)
            if math.isfinite(mid):
                # through pickup p: from the last in passage (or the departure) via p to the first machine
                rest: dict = {}
                for y, lg in mine:
                    r = lg.time_s - (_first_off(lg, in_chain[-1]) if in_chain else 0.0)
                    rest[y] = min(rest.get(y, INF), r)
                thru: dict = {}
                for p in served:
                    t = min((r + lead[b]["paths"][y].get(p, INF) for y, r in rest.items()), default=INF)
                    thru[p] = _fl(t + lead[b]["via"][p], board_tol) if math.isfinite(t + lead[b]["via"][p]) else None
                per[b] = {
                    "head_i": _fl(head_i, 2),
                    "gaps_i": [_fl(g, 1) for g in gaps_i],
                    "mid": _fl(mid, board_tol),
                    "thru": thru,
                }
        if not per:
            continue
        specs.append(
            {
                "name": name,
                "cls": cls,
                "t0": _fl(t0, 1),
                "cap": int(min(cap, sum(cls.values()) if name != "*later" else cap)),
                "in": in_chain,
                "lead": per,
                "single_place": len(places) == 1,
            }
        )
    u_first = W + 1
    for sp in specs:
        if sp["name"] == "*later":
            sp["t0"] = max(sp["t0"], u_first)  # its vehicles unloaded after a first round
        _static_windows(sp, out_chain, hull, dur, lead, W)
        if sp["name"] != "*later" and sp["slots"] > 0:
            u_first = min(u_first, sp["u_min"])
    specs = [sp for sp in specs if sp["slots"] > 0]
    n_slots = sum(s["slots"] for s in specs)
    later = next((s for s in specs if s["name"] == "*later"), None)
    n_arcs = (n_slots * later["slots"] * len(all_cls)) if later else 0
    if n_slots == 0:
        return 0
    if n_slots > max_slots or n_arcs > MAX_ARCS:
        return None
    # ---- people caps
    dem_s = sum(pk[p].stretcher for p in reach if p in pk)
    dem_o = sum(pk[p].people - pk[p].stretcher for p in reach if p in pk)
    cap_total = sum(d.capacity for d in P.destinations)
    people_cap = int(min(dem_s + dem_o, cap_total if math.isfinite(cap_total) else dem_s + dem_o))
    args = (P, specs, out_chain, dur, gaps, lead, W, K, all_cls, dem_s, dem_o, people_cap, served, floors, det)
    if split:
        from planner.schedule.seqsplit import split_solve

        return split_solve(*args, tightening=tightening)
    return _solve(*args)


def _static_windows(sp, out_chain, hull, dur, lead, W):
    """Earliest start and latest clear of each passage of kind ``sp`` (one vehicle, nobody on board, the fastest
    lead), the earliest unloading ``u_min``, and how many slots of the kind fit the machines (``slots``)."""
    n_in = len(sp["in"])
    E = L = None
    u_min = INF
    for b in sp["lead"]:
        ops = _ops(sp, out_chain, lead, b)
        e, t = [], sp["t0"]
        for j, (c, _d, lag) in enumerate(ops):
            lo = max(t + lag, hull[c][0])
            if j == n_in:
                lo = max(lo, lead[b]["ready0"])
            e.append(lo)
            t = lo + dur[c][1]
        u_min = min(u_min, t + lead[b]["tail_o"])
        late, t = [0] * len(ops), W - lead[b]["tail_o"]
        for j in range(len(ops) - 1, -1, -1):
            c = ops[j][0]
            late[j] = min(t, hull[c][1])
            t = late[j] - dur[c][1] - ops[j][2]
        E = e if E is None else [min(x, y) for x, y in zip(E, e)]
        L = late if L is None else [max(x, y) for x, y in zip(L, late)]
    sp["E"], sp["L"], sp["u_min"] = E, L, int(u_min)
    ops = [(c, "in") for c in sp["in"]] + [(c, "out") for c in out_chain]
    n = sp["cap"]
    for c in out_chain:
        js = [j for j, op in enumerate(ops) if op[0] == c]
        span = max(L[j] for j in js) - min(E[j] for j in js)
        if dur[c][1] > 0:
            n = min(n, max(0, span) // (dur[c][1] * len(js)))
    if any(L[j] - E[j] < dur[op[0]][1] for j, op in enumerate(ops)):
        n = 0
    sp["slots"] = int(max(0, n))
