"""An exact CP-SAT model of the convoy scheduling problem (the contract of :mod:`planner.schedule.model`).

The model enumerates every **round type** a schedule can use: a lead profile,
a formation place (a depot, or the destination after an earlier round), an
ordered sequence of up to ``rules.max_stops`` distinct pickups, and a
destination the sequence's people may go to. Each type gets as many optional
copies (**slots**) as any schedule could use of it (see :func:`_copies`), so
no schedule is cut off. A slot chooses its vehicles (booleans), the people each
vehicle boards at each stop by group, and exact whole-second times: departure,
the start and clear of every checkpoint passage on its legs (``in`` only when
``checks_empty``), boarding start and departure at each stop, arrival and
unloading. Constraints, one for one with the docstring of the model module:

- seats / stretcher places per vehicle, demand per pickup and group, capacity
  per destination, at most ``max_convoy`` vehicles a round;
- a passage takes at least :meth:`Checkpoint.service_s` of the slot's vehicle
  count and the people on board (``ceil(vehicles / lanes)`` as an integer
  ``q`` with ``lanes * q >= vehicles``), lies inside one open interval, and the
  passages of a checkpoint do not overlap (``NoOverlap``);
- boarding starts at or after arrival and the pickup's ready time and lasts the
  largest per-vehicle boarding; unloading likewise; everything ends by the
  window's end;
- per vehicle, its rounds do not overlap (``NoOverlap`` of ``[depart,
  unloaded)``); its first round forms at its depot, at or after
  :meth:`Problem.first_departure`, at most one round forms at a depot, and a
  round forming at the destination needs its depot round to be unloaded first
  (so the vehicle is there: the model requires a single destination);
- headway: intervals ``[depart, depart + headway)`` of the rounds forming at a
  place do not overlap;
- escorts (when ``escort_teams`` is set): each round is assigned one of the
  teams; a team's rounds do not overlap, and between two of them it drives
  :meth:`Problem.transfer_s` from the first's destination to the second's
  formation place (pairwise disjunctions).

There is no discretisation: all data are whole seconds (:func:`solve` checks
this), so the optimum is the true optimum of the problem. Windows with nights
(and so overnight halts) are not modelled: :func:`solve` refuses a problem
whose night intersects the window. A solution is turned into a
:class:`~planner.schedule.model.Solution` that :func:`planner.schedule.check`
must accept, which tests the model against the independent checker.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from planner.schedule.model import PassPlan, Problem, RoundPlan, Solution, StopPlan, class_order


@dataclass
class Result:
    status: str  # "OPTIMAL", "FEASIBLE", "INFEASIBLE", "UNKNOWN", ...
    value: int  # people out in the best schedule found
    classes: tuple = ()  # people per class of class_order (priority_first) at the lexicographic optimum
    solution: Solution | None = None
    slots: int = 0
    wall_s: float = 0.0
    stages: list = field(default_factory=list)  # (stage, status, objective, best bound)


def _whole(x, what):
    if math.isfinite(x) and float(x) != int(x):
        raise ValueError(f"exact model: {what} = {x} is not whole seconds")
    return int(x)


@dataclass
class _Type:
    lead: str
    formation: str
    seq: tuple
    dest: str
    legs: list  # Leg per hop (formation -> seq[0] -> ... -> dest)


def _types(P: Problem) -> list:
    depots = sorted({v.depot for v in P.vehicles})
    dests = [d.id for d in P.destinations]
    leads = sorted({v.profile for v in P.vehicles})
    pk = [p.id for p in P.pickups]
    out = []
    for lead in leads:
        for f in depots + dests:
            if f in depots and not any(v.depot == f and P.follows(v.profile, lead) for v in P.vehicles):
                continue
            for n in range(1, max(1, P.rules.max_stops) + 1):
                for seq in itertools.permutations(pk, n):
                    for d in dests:
                        if any(P.pickup(p).destination not in (None, d) for p in seq):
                            continue
                        places = [f, *seq, d]
                        legs = [P.leg(lead, a, b) for a, b in zip(places[:-1], places[1:])]
                        if any(lg is None for lg in legs):
                            continue
                        out.append(_Type(lead, f, seq, d, legs))
    return out


def _passages(P, t: _Type):
    """``[(hop, checkpoint id, offset, direction)]`` in driving order (the checker's rule for ``in``)."""
    out = []
    for j, lg in enumerate(t.legs):
        direction = "in" if j == 0 else "out"
        for cid, off in lg.checkpoints:
            cp = P.checkpoints.get(cid)
            if cp is None or (direction == "in" and not cp.checks_empty):
                continue
            out.append((j, cid, off, direction))
    return out


def _min_duration(P, t: _Type) -> int:
    """A lower bound on any round of this type: drives plus one-vehicle empty passages (no boarding)."""
    return int(
        sum(lg.time_s for lg in t.legs) + sum(P.checkpoints[c].service_s(1, 0) for _, c, _, _ in _passages(P, t))
    )


def _later_rounds(P, types) -> int:
    """Rounds after their first that all vehicles together can make at most (see :func:`_copies`)."""
    return _copies(P, types, total=True)


def _copies(P, types, total=False):
    """Slots per type: at least the rounds of that type any schedule can hold.

    A vehicle forms at its depot once, so a depot type has at most the number of
    its vehicles that can follow the lead. A destination type's rounds are later
    rounds of vehicles: vehicle ``v`` makes at most ``1 + (W - first(v) -
    d_first) // d_later`` rounds, where ``d_first``/``d_later`` are the
    shortest first and later rounds (every round passes the passages of its
    legs, each at least a one-vehicle passage, and rounds of a vehicle do not
    overlap); the sum over vehicles of the later rounds bounds them.
    """
    W = int(P.window_end_s)
    d_first = {}
    d_later = min(
        (_min_duration(P, t) for t in types if t.formation not in {v.depot for v in P.vehicles}), default=None
    )
    for t in types:
        if t.formation in {v.depot for v in P.vehicles}:
            d_first[t.formation] = min(d_first.get(t.formation, 10**9), _min_duration(P, t))
    later = 0
    for v in P.vehicles:
        df = d_first.get(v.depot)
        if df is None or d_later is None or d_later <= 0:
            continue
        room = W - P.first_departure(v) - df
        if room >= 0:
            later += int(room // d_later)
    if total:
        return later
    out = {}
    for i, t in enumerate(types):
        if t.formation in d_first:
            out[i] = sum(1 for v in P.vehicles if v.depot == t.formation and P.follows(v.profile, t.lead))
        else:
            out[i] = later
    return out


class _Slot:
    pass


def _fleet(P: Problem):
    """``(seats, depot -> (vehicle ids, first departure))``; the model needs one kind of vehicle."""
    kinds = {(v.seats, v.stretcher_places, v.profile) for v in P.vehicles}
    if len(kinds) != 1 or next(iter(kinds))[1] != 0:
        raise ValueError("exact model: one kind of vehicle (same seats and profile, no stretcher places) only")
    depots: dict = {}
    for v in P.vehicles:
        depots.setdefault(v.depot, []).append(v)
    out = {}
    for d, vs in depots.items():
        firsts = {P.first_departure(v) for v in vs}
        if len(firsts) != 1:
            raise ValueError("exact model: the vehicles of a depot must be free at the same time")
        out[d] = ([v.id for v in vs], _whole(firsts.pop(), "first departure"))
    return next(iter(kinds))[0], out


def build(P: Problem):
    """The CP-SAT model of ``P``: ``(model, slots, people expression, class expressions)``.

    Vehicles are counted, not named: all are of one kind, so a round needs only
    how many it takes, and :func:`_solution` names them afterwards (vehicles at
    the destination are a reservoir: each round adds its count at its unloading
    time, each round forming there takes its count at its departure; a depot's
    rounds take at most its vehicles, each once). With ``n`` identical vehicles
    a stop's boarding takes ``ceil(people / n)`` x ``board_s`` at best, and
    unloading ``ceil(total / n)`` x ``leave_s``: spreading each stop's people
    evenly, the remainders in turn over the vehicles, reaches both at once and
    keeps each vehicle within ``ceil(total / n) <= seats``.
    """
    if len(P.destinations) != 1:
        raise ValueError("exact model: one destination only (vehicles' later rounds form there)")
    W = _whole(P.window_end_s, "window_end_s")
    for a, b in P.night:
        if min(b, W) > max(a, 0):
            raise ValueError("exact model: nights inside the window are not modelled")
    R = P.rules
    board, leave = _whole(R.board_s_per_person, "board_s"), _whole(R.leave_s_per_person, "leave_s")
    headway = _whole(R.headway_s, "headway_s")
    seats, depots = _fleet(P)
    m = cp_model.CpModel()
    types = _types(P)
    copies = _copies(P, types)
    total_vehicles = len(P.vehicles)
    slots = []
    for ti, t in enumerate(types):
        prev = None
        at_depot = t.formation in depots
        nmax = min(R.max_convoy, len(depots[t.formation][0]) if at_depot else total_vehicles)
        for c in range(copies[ti]):
            s = _Slot()
            s.type, s.copy = t, c
            s.active = m.new_bool_var(f"a{ti}_{c}")
            # one-hot count of vehicles: e[n] for n = 1..nmax
            s.e = {n: m.new_bool_var("") for n in range(1, nmax + 1)}
            m.add(sum(s.e.values()) == s.active)
            s.nv = m.new_int_var(0, nmax, "")
            m.add(s.nv == sum(n * x for n, x in s.e.items()))
            s.depart = m.new_int_var(depots[t.formation][1] if at_depot else 0, W, f"d{ti}_{c}")
            s.unloaded = m.new_int_var(0, W, f"u{ti}_{c}")
            s.length = m.new_int_var(0, W, "")
            m.add(s.unloaded == s.depart + s.length)
            # loads[stop] = [stretcher, reduced, general] people boarding there (variables or 0)
            s.loads = []
            for p in t.seq:
                pk = P.pickup(p)
                s.loads.append(
                    [
                        0,
                        m.new_int_var(0, min(pk.reduced_mobility, nmax * seats), "") if pk.reduced_mobility else 0,
                        m.new_int_var(0, min(pk.general, nmax * seats), "") if pk.general else 0,
                    ]
                )
            s.people_at = [sum(x) for x in s.loads]
            s.people = sum(s.people_at)
            m.add(s.people <= seats * s.nv)
            # per-vehicle boarding at each stop and unloading: ceil(people / n)
            s.q = [m.new_int_var(0, seats, "") for _ in t.seq]
            s.u = m.new_int_var(0, seats, "")
            for n, x in s.e.items():
                for j in range(len(t.seq)):
                    m.add(n * s.q[j] >= s.people_at[j]).only_enforce_if(x)
                m.add(n * s.u >= s.people).only_enforce_if(x)
            _chain(m, P, s, W, board, leave)
            # redundant: a round lasts at least its drives and one-vehicle passages (helps the proofs)
            m.add(s.length >= _min_duration(P, t)).only_enforce_if(s.active)
            s.span = m.new_optional_interval_var(s.depart, s.length, s.unloaded, s.active, "")
            s.hw = m.new_optional_fixed_size_interval_var(s.depart, headway, s.active, "") if headway > 0 else None
            # copies of a type in order of departure
            if prev is not None:
                m.add_implication(s.active, prev.active)
                m.add(s.depart >= prev.depart).only_enforce_if(s.active)
            prev = s
            slots.append(s)
    # checkpoints: one convoy at a time
    by_cp: dict = {}
    for s in slots:
        for ps in s.passes:
            by_cp.setdefault(ps["cp"], []).append(ps["iv"])
    for ivs in by_cp.values():
        m.add_no_overlap(ivs)
    # headway per formation place
    by_place: dict = {}
    for s in slots:
        if s.hw is not None:
            by_place.setdefault(s.type.formation, []).append(s.hw)
    for ivs in by_place.values():
        m.add_no_overlap(ivs)
    # vehicles: each depot's vehicles leave it once; the destination is a reservoir of vehicles
    for d, (vids, _) in depots.items():
        m.add(sum(s.nv for s in slots if s.type.formation == d) <= len(vids))
    times, changes, actives = [], [], []
    for s in slots:
        times.append(s.unloaded)
        changes.append(s.nv)
        actives.append(s.active)
        if s.type.formation not in depots:
            times.append(s.depart)
            changes.append(-s.nv)
            actives.append(s.active)
    m.add_reservoir_constraint_with_active(times, changes, actives, 0, total_vehicles)
    # redundant: vehicle-rounds after the first rounds, at most what the window holds (see _copies)
    m.add(sum(s.nv for s in slots if s.type.formation not in depots) <= _later_rounds(P, types))
    # redundant: vehicles on the road at once (the reservoir and the depots imply it)
    m.add_cumulative([s.span for s in slots], [s.nv for s in slots], total_vehicles)
    # demand and destination capacity
    for p in P.pickups:
        for g, n in enumerate(p.by_group):
            terms = [
                row[g]
                for s in slots
                for j, row in enumerate(s.loads)
                if s.type.seq[j] == p.id and not isinstance(row[g], int)
            ]
            if terms:
                m.add(sum(terms) <= n)
    for d in P.destinations:
        if math.isfinite(d.capacity):
            m.add(sum(s.people for s in slots if s.type.dest == d.id) <= int(d.capacity))
    # escorts
    lim = R.escort_teams
    if lim is not None:
        _escorts(m, P, slots, int(lim))
    people = sum(s.people for s in slots)
    classes = []
    for g, pr in class_order(P.pickups):
        classes.append(
            sum(row[g] for s in slots for j, row in enumerate(s.loads) if P.pickup(s.type.seq[j]).priority == pr)
        )
    return m, slots, people, classes


def _chain(m, P, s, W, board, leave):
    """Times of one slot along its legs (every constraint enforced only when the slot is active)."""
    t = s.type
    on = s.active
    s.passes, s.stops = [], []
    cur = s.depart  # a time expression: the clear of the last passage, or a stop's departure
    pos = 0
    people_on = 0
    for j, lg in enumerate(t.legs):
        direction = "in" if j == 0 else "out"
        for cid, off in lg.checkpoints:
            cp = P.checkpoints.get(cid)
            if cp is None or (direction == "in" and not cp.checks_empty):
                continue
            off = _whole(off, "checkpoint offset")
            lanes = max(1, int(cp.lanes))
            arrive = cur + (off - pos)
            start = m.new_int_var(0, W, "")
            clear = m.new_int_var(0, W, "")
            dur = m.new_int_var(0, W, "")
            m.add(clear == start + dur)
            cs, vs, hs = (
                _whole(cp.convoy_s, "convoy_s"),
                _whole(cp.vehicle_s, "vehicle_s"),
                _whole(cp.hold_s, "hold_s"),
            )
            # lanes * duration >= lanes * (convoy + hold + ceil(n / lanes) * vehicle) + people * person_s
            # (durations are whole seconds, so this is the ceil of service_s)
            num, den = float(cp.person_s).as_integer_ratio()
            fixed = sum((cs + hs + math.ceil(n / lanes) * vs) * x for n, x in s.e.items())
            m.add(den * lanes * dur >= den * lanes * fixed + num * people_on)
            m.add(start >= arrive).only_enforce_if(on)
            opens = [(max(0, math.ceil(a)), min(W, math.floor(b))) for a, b in cp.open if min(W, b) > max(0, a)]
            if not opens:
                m.add(on == 0)
            elif len(opens) == 1:
                m.add(start >= opens[0][0]).only_enforce_if(on)
                m.add(clear <= opens[0][1]).only_enforce_if(on)
            else:
                lits = [m.new_bool_var("") for _ in opens]
                m.add_bool_or(lits).only_enforce_if(on)
                for lit, (a, b) in zip(lits, opens):
                    m.add(start >= a).only_enforce_if(lit)
                    m.add(clear <= b).only_enforce_if(lit)
            iv = m.new_optional_interval_var(start, dur, clear, on, "")
            s.passes.append(
                {
                    "cp": cid,
                    "dir": direction,
                    "arrive": arrive,
                    "start": start,
                    "clear": clear,
                    "iv": iv,
                    "people": people_on,
                }
            )
            cur, pos = clear, off
        reach = cur + (_whole(lg.time_s, "leg time") - pos)
        pos = 0
        if j + 1 < len(t.legs):
            pid = t.seq[j]
            pk = P.pickup(pid)
            bstart = m.new_int_var(0, W, "")
            dep = m.new_int_var(0, W, "")
            m.add(bstart >= reach).only_enforce_if(on)
            m.add(bstart >= _whole(pk.ready_s, "ready_s")).only_enforce_if(on)
            m.add(dep >= bstart + board * s.q[j]).only_enforce_if(on)
            s.stops.append({"pickup": pid, "arrive": reach, "depart": dep})
            people_on = people_on + s.people_at[j]
            cur = dep
        else:
            s.arrive = reach
            m.add(s.unloaded >= reach + leave * s.u).only_enforce_if(on)


def _escorts(m, P, slots, lim):
    if lim <= 0:
        for s in slots:
            m.add(s.active == 0)
        return
    for s in slots:
        s.team = [m.new_bool_var("") for _ in range(lim)]
        m.add(sum(s.team) == 1).only_enforce_if(s.active)
        m.add(sum(s.team) == 0).only_enforce_if(s.active.negated())
    for e in range(lim):
        m.add_no_overlap([m.new_optional_interval_var(s.depart, s.length, s.unloaded, s.team[e], "") for s in slots])
    for a, b in itertools.combinations(slots, 2):
        tab = P.transfer_s(a.type.dest, b.type.formation)
        tba = P.transfer_s(b.type.dest, a.type.formation)
        if tab == 0 and tba == 0:
            continue  # the NoOverlap per team says it all
        for e in range(lim):
            o = m.new_bool_var("")
            both = [a.team[e], b.team[e]]
            if math.isfinite(tab):
                m.add(b.depart >= a.unloaded + int(math.ceil(tab))).only_enforce_if([*both, o])
            else:
                m.add_bool_or([x.negated() for x in both] + [o.negated()])
            if math.isfinite(tba):
                m.add(a.depart >= b.unloaded + int(math.ceil(tba))).only_enforce_if([*both, o.negated()])
            else:
                m.add_bool_or([x.negated() for x in both] + [o])


_STATUS = {
    cp_model.OPTIMAL: "OPTIMAL",
    cp_model.FEASIBLE: "FEASIBLE",
    cp_model.INFEASIBLE: "INFEASIBLE",
    cp_model.MODEL_INVALID: "MODEL_INVALID",
    cp_model.UNKNOWN: "UNKNOWN",
}


def hint(m, slots, sol: Solution) -> int:
    """Hint a known schedule (e.g. the heuristic's) to the model: its rounds on slots of their types.

    Only a warm start: the solver still proves the optimum on the model. Returns the rounds hinted.
    """
    free: dict = {}
    for s in slots:
        free.setdefault((s.type.lead, s.type.formation, s.type.seq, s.type.dest), []).append(s)
    used = set()
    n = 0
    for r in sorted(sol.rounds, key=lambda r: r.depart):
        key = (r.lead, r.formation, tuple(st.pickup for st in r.stops), r.destination)
        cands = [s for s in free.get(key, ()) if id(s) not in used]
        if not cands:
            continue
        s = cands[0]
        used.add(id(s))
        n += 1
        m.add_hint(s.active, 1)
        k = len(r.vehicles)
        for c, x in s.e.items():
            m.add_hint(x, int(c == k))
        m.add_hint(s.nv, k)
        m.add_hint(s.depart, int(r.depart))
        for j, st in enumerate(r.stops):
            for g in range(3):
                x = s.loads[j][g]
                if not isinstance(x, int):
                    m.add_hint(x, sum(v[g] for v in st.load.values()))
    for s in slots:
        if id(s) not in used:
            m.add_hint(s.active, 0)
    return n


def solve(P: Problem, time_limit_s: float = 5.0, lexicographic=None, warm=None) -> Result:
    """Maximum people out on ``P`` (with ``lexicographic`` — default ``rules.priority_first`` — class by class).

    Each stage is solved with one worker and a deterministic time limit (so the
    same answer on any machine and load); ``warm``: a schedule to hint. The
    result's status is ``OPTIMAL`` only when every stage is proven optimal.
    """
    m, slots, people, classes = build(P)
    if warm is not None:
        hint(m, slots, warm)
    lexicographic = P.rules.priority_first if lexicographic is None else lexicographic
    stages = list(enumerate(classes)) if lexicographic else []
    stages.append(("total", people))
    res = Result("OPTIMAL", 0, slots=len(slots))
    solver = None
    fixed = []
    for name, expr in stages:
        if isinstance(expr, int):
            fixed.append(expr)
            continue
        m.clear_objective()
        m.maximize(expr)
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        # a deterministic limit (work units, about seconds here): the same answer under any load
        solver.parameters.max_deterministic_time = time_limit_s
        solver.parameters.max_time_in_seconds = 20 * time_limit_s
        solver.parameters.random_seed = 0
        st = solver.solve(m)
        res.wall_s += solver.wall_time
        res.stages.append((name, _STATUS.get(st, str(st)), solver.objective_value, solver.best_objective_bound))
        if st != cp_model.OPTIMAL:
            res.status = _STATUS.get(st, str(st))
            if st != cp_model.FEASIBLE:
                return res
        val = int(round(solver.objective_value))
        fixed.append(val)
        if name != "total":
            m.add(expr >= val)
            # hint the next stage with this solution
            m.clear_hints()
            for v in _all_vars(m):
                m.add_hint(v, solver.value(v))
    res.value = int(round(solver.value(people))) if solver is not None else 0
    res.classes = tuple(fixed[:-1]) if lexicographic else ()
    res.solution = _solution(P, solver, slots)
    return res


def _all_vars(m):
    return [m.get_int_var_from_proto_index(i) for i in range(len(m.proto.variables))]


def _spread(loads, vids):
    """Each stop's people over ``vids`` evenly, remainders in turn: ``[{vid: (st, rm, g)}]`` per stop."""
    out = []
    n = len(vids)
    turn = 0
    for row in loads:
        per = {v: [0, 0, 0] for v in vids}
        for g in range(3):
            k, r = divmod(row[g], n)
            for v in vids:
                per[v][g] += k
            for _ in range(r):
                per[vids[turn % n]][g] += 1
                turn += 1
        out.append({v: tuple(x) for v, x in per.items() if sum(x)})
    return out


def _solution(P, solver, slots) -> Solution:
    """The schedule of the solver's values, vehicles named in order of time (arrivals before departures)."""
    V = solver.value
    _, depots = _fleet(P)
    active = [s for s in slots if V(s.active)]
    events = []
    for i, s in enumerate(active):
        events.append((V(s.unloaded), 0, i))
        events.append((V(s.depart), 1, i))
    events.sort()
    pool = {d: list(vids) for d, (vids, _) in depots.items()}
    at_dest: list = []
    names = {}
    for _, kind, i in events:
        s = active[i]
        if kind == 0:
            at_dest.extend(names[i])
            continue
        n = int(V(s.nv))
        src = pool[s.type.formation] if s.type.formation in depots else at_dest
        names[i], src[:n] = src[:n], []
    rounds = []
    for i, s in enumerate(active):
        vids = names[i]
        values = [[int(V(x)) if not isinstance(x, int) else x for x in row] for row in s.loads]
        loads = _spread(values, vids)
        stops = [
            StopPlan(sp["pickup"], float(V(sp["arrive"])), float(V(sp["depart"])), loads[j])
            for j, sp in enumerate(s.stops)
        ]
        nv = len(vids)
        passes = [
            PassPlan(
                ps["cp"],
                ps["dir"],
                float(V(ps["arrive"])),
                float(V(ps["start"])),
                float(V(ps["clear"])),
                nv,
                int(V(ps["people"])) if not isinstance(ps["people"], int) else ps["people"],
            )
            for ps in s.passes
        ]
        escort = i if not hasattr(s, "team") else next(e for e, x in enumerate(s.team) if V(x))
        length = {"in": s.type.legs[0].length_m, "out": sum(lg.length_m for lg in s.type.legs[1:])}
        rounds.append(
            RoundPlan(
                vids,
                s.type.lead,
                escort,
                s.type.formation,
                float(V(s.depart)),
                stops,
                s.type.dest,
                float(V(s.arrive)),
                float(V(s.unloaded)),
                passes,
                [],
                length,
                float(V(s.depart)),
            )
        )
    rounds.sort(key=lambda r: (r.depart, r.formation))
    return Solution(rounds)


def proven(P: Problem, time_limit_s: float = 3.0) -> Result:
    """:func:`solve` of ``P``, asserted proven optimal (a test's reference optimum)."""
    exact = solve(P, time_limit_s)
    assert exact.status == "OPTIMAL"
    return exact
