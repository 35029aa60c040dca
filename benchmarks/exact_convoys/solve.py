"""Solving the exact convoy model in stages, and its values back to a schedule that is checked again.

:func:`solve_stages` maximises each objective in turn (under the priority rule the classes of
:func:`~planner.schedule.model.class_order`, then people out), each fixed at its optimum before the next.
A stage the solver does not prove within the time limit gets ``lns_s`` seconds of neighbourhood search
(:func:`lns`: free one or two rounds' type and vehicle counts, keep the others'), which looks for better
schedules and proves nothing; such a stage is then fixed at its best found value, so the later stages are
conditional on it (the report says which stages are proven).

:func:`to_solution` turns the model's values into a :class:`~planner.schedule.model.Solution` (vehicles
named per kind in order of time), and :func:`recheck` recomputes every time of a schedule from the legs,
apart from :func:`planner.schedule.check`.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass

from ortools.sat.python import cp_model

from benchmarks.exact_convoys.model import Model
from planner.schedule.model import PassPlan, Problem, RoundPlan, Solution, StopPlan

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
