"""The CP-SAT model of the flow-shop cut (:mod:`.seqcut`): its slots, passages, machines and people.

:func:`_solve` builds and solves the model of the slots :mod:`.seqcut` worked out (its kinds, static windows
and lags) and returns its proven bound; :mod:`.seqsplit` calls it once per convoy structure. :data:`TOL` and
:func:`_fl` give the whole seconds both use.
"""

from __future__ import annotations

import math

from planner.schedule.model import GROUPS

#: Slack (whole s) the model gives back on each time comparison: ``ceil(planner.schedule.check.TOL)`` would hold
#: also the schedules that use the checker's 1 s slack (it is there for float rounding); 0 holds every schedule
#: that meets the constraints exactly, as whole-second schedules (the engine's, the exact model's) do. With the
#: slack, the exact optima of hours-2cp, cp-lanes-1-tight and cp-convoy-size (84, 165, 297) bound as 86, 170, 300.
TOL = 0


def _fl(x, k=0) -> int:
    """Whole seconds of ``x`` rounded down, less ``k`` times the checker's slack."""
    return int(math.floor(x + 1e-9)) - k * TOL


def _ops(sp, out_chain, lead, b):
    """The passages of a round of kind ``sp`` led on profile ``b``'s legs, in order: ``[(checkpoint, direction,
    lag before it), ...]``; the first out passage's lag is the drive through the pickups (``mid``: :func:`_solve`
    adds the boarding and the ready time)."""
    own = sp["lead"][b]
    ops = []
    for j, c in enumerate(sp["in"]):
        ops.append((c, "in", own["head_i"] if j == 0 else own["gaps_i"][j - 1]))
    for j, c in enumerate(out_chain):
        ops.append((c, "out", own["mid"] if j == 0 else lead[b]["gaps_o"][j - 1]))
    return ops


def _solve(
    P,
    specs,
    out_chain,
    dur,
    gaps,
    lead,
    W,
    K,
    all_cls,
    dem_s,
    dem_o,
    people_cap,
    served,
    floors,
    det,
    at_least=0,
    order=None,
):
    """The model's proven bound; -1 for one :mod:`.seqsplit` structure (or ``at_least`` people) proven infeasible,
    ``at_least`` when a solution carries that many, ``None`` when neither is shown within the limit.

    ``order`` (one structure only, :func:`.seqsplit.orders`): the kinds of the passages out at ``out_chain[0]`` in
    time order; each kind's slots are then ordered by that passage, not by departure."""
    from ortools.sat.python import cp_model

    from planner.schedule.seqslot import slot as _slot

    rules = P.rules
    cps = P.checkpoints
    pk = {p.id: p for p in P.pickups}
    board_tol = (2 * max(1, int(rules.max_stops)) + 2) * TOL
    b_int = _fl(rules.board_s_per_person)
    lv_int = _fl(rules.leave_s_per_person)
    h_int = max(0, _fl(rules.headway_s, 1))
    cap_max = max(c[0] + c[1] for c in all_cls)
    cls_keys = sorted(all_cls)
    M = cp_model.CpModel()
    slots = []  # dicts
    machine_iv: dict = {c: [] for c in out_chain}
    machine_use: dict = dict.fromkeys(out_chain, 0)
    for sp in specs:
        prev = None
        kmax = min(K, sum(sp["cls"].values()))
        for i in range(sp["slots"]):
            s = _slot(M, P, sp, i, kmax, cap_max, dem_s, dem_o, served, pk)
            pres, bk, m, y = s["pres"], s["bk"], s["m"], s["y"]
            leads, used = s["leads"], s["used"]
            dep = M.NewIntVar(min(sp["t0"], W), W, "")
            s["dep"] = dep
            n_in = len(sp["in"])
            ops = [(c, "in") for c in sp["in"]] + [(c, "out") for c in out_chain]
            t = dep  # the model clear of the last passage (or the departure)
            for j, (c, direction) in enumerate(ops):
                a, z = sp["E"][j], sp["L"][j]
                st = M.NewIntVar(a, z, "")
                en = M.NewIntVar(a, z, "")
                base = sum(dur[c][k + 1] * bk[k] for k in range(kmax))
                d = M.NewIntVar(0, z - a, "")
                if direction == "out" and cps[c].person_s > 0:
                    L = max(1, int(cps[c].lanes))
                    M.Add(L * d >= L * base + _fl(cps[c].person_s) * y - (L - 1))
                else:
                    M.Add(d == base)
                machine_iv[c].append(M.NewOptionalIntervalVar(st, d, en, pres, ""))
                machine_use[c] += d
                for b, lb in leads.items():
                    lag = _ops(sp, out_chain, lead, b)[j][2]
                    if j == n_in:
                        # first out passage: after the drive through the pickups, the boarding, the ready time
                        M.Add(st >= t + lag + b_int * m).OnlyEnforceIf(lb)
                        M.Add(st >= lead[b]["ready0"] + b_int * m).OnlyEnforceIf(lb)
                        for p, u_p in used.items():
                            th = sp["lead"][b]["thru"].get(p)
                            if th is None:
                                M.Add(u_p == 0).OnlyEnforceIf(lb)
                                continue
                            M.Add(st >= t + th + b_int * m).OnlyEnforceIf([lb, u_p])
                            ready_p = _fl(pk[p].ready_s + lead[b]["via"][p], board_tol)
                            M.Add(st >= ready_p).OnlyEnforceIf([lb, u_p])
                    else:
                        M.Add(st >= t + lag).OnlyEnforceIf(lb)
                if sp.get("fixed"):  # per structure: the least lag whichever lead, so the LP sees it
                    lo = min(_ops(sp, out_chain, lead, b)[j][2] for b in leads)
                    M.Add(st >= t + lo + (b_int * m if j == n_in else 0)).OnlyEnforceIf(pres)
                if j == n_in:
                    first_out = (st, en)
                t = en
            u = M.NewIntVar(0, W, "")
            for b, lb in leads.items():
                M.Add(u >= t + lead[b]["tail_o"] + lv_int * m).OnlyEnforceIf(lb)
            if sp.get("fixed"):
                M.Add(u >= t + min(lead[b]["tail_o"] for b in leads) + lv_int * m).OnlyEnforceIf(pres)
            s["u"] = u
            if order is not None:
                s["first_out"] = first_out  # every slot present: ordered by it below, departures apart by headway
            elif prev is not None:
                M.AddImplication(pres, prev["pres"])
                M.Add(dep >= prev["dep"] + (h_int if sp["single_place"] else 0)).OnlyEnforceIf(pres)
            prev = s
            slots.append(s)
    if order is not None:
        # one order of the passages out at the first machine: a chain there; each kind's departures h apart
        pos = {sp["name"]: 0 for sp in specs}
        chain = []
        for name in order:
            chain.append(next(s for s in slots if s["kind"] == name and s["i"] == pos[name]))
            pos[name] += 1
        for a, b in zip(chain[:-1], chain[1:]):
            M.Add(b["first_out"][0] >= a["first_out"][1])
        for sp in specs:
            if sp["single_place"] and h_int > 0 and sp["slots"] > 1:
                M.AddNoOverlap(
                    [M.NewFixedSizeIntervalVar(s["dep"], h_int, "") for s in slots if s["kind"] == sp["name"]]
                )
    # ---- a depot's first rounds use at most its vehicles
    for sp in specs:
        if sp["name"] == "*later":
            continue
        for c, cnt in sp["cls"].items():
            M.Add(sum(s["x"][c] for s in slots if s["kind"] == sp["name"] and c in s["x"]) <= cnt)
    # ---- machines: one convoy at a time inside the hull of the usable hours, never across a gap in them
    for c in out_chain:
        a = min(sp["E"][j] for sp in specs for j, op in enumerate(sp["in"] + out_chain) if op == c)
        z = max(sp["L"][j] for sp in specs for j, op in enumerate(sp["in"] + out_chain) if op == c)
        fixed = [M.NewFixedSizeIntervalVar(g0, g1 - g0, "") for g0, g1 in gaps[c] if g1 > g0]
        M.AddNoOverlap(machine_iv[c] + fixed)
        if any(sp.get("fixed") for sp in specs):
            S, C = M.NewIntVar(a, z, ""), M.NewIntVar(a, z, "")
            M.AddMinEquality(S, [iv.StartExpr() for iv in machine_iv[c]])
            M.AddMaxEquality(C, [iv.EndExpr() for iv in machine_iv[c]])
            M.Add(machine_use[c] <= C - S)
        M.Add(machine_use[c] <= z - a - sum(max(0, min(g1, z) - max(g0, a)) for g0, g1 in gaps[c]))
    # ---- vehicles of later rounds flow from earlier rounds
    later = [s for s in slots if s["kind"] == "*later"]
    inflow: dict = {(id(s), c): [] for s in later for c in cls_keys}
    for sj in slots:
        outs: dict = {c: [] for c in cls_keys}
        for sk in later:
            if sk is sj or (sj["kind"] == "*later" and sj["i"] >= sk["i"]):
                continue
            arc = M.NewBoolVar("")
            fs = []
            for c in cls_keys:
                if c not in sj["x"] or c not in sk["x"]:
                    continue
                f = M.NewIntVar(0, K, "")
                fs.append(f)
                outs[c].append(f)
                inflow[(id(sk), c)].append(f)
            if not fs:
                continue
            M.Add(sum(fs) <= K * arc)
            M.Add(sj["u"] <= sk["dep"] + TOL).OnlyEnforceIf(arc)
            M.AddImplication(arc, sj["pres"])
        for c, fl in outs.items():
            if fl:
                M.Add(sum(fl) <= sj["x"][c])
    for sk in later:
        for c in cls_keys:
            if c in sk["x"]:
                M.Add(sk["x"][c] <= sum(inflow[(id(sk), c)]))
    # ---- escorts: at most that many rounds on the road at once
    if rules.escort_teams is not None:
        ivs = []
        for s in slots:
            ln = M.NewIntVar(0, W, "")
            ivs.append(M.NewOptionalIntervalVar(s["dep"], ln, s["u"], s["pres"], ""))
        M.AddCumulative(ivs, [1] * len(ivs), int(rules.escort_teams))
    # ---- people, and the priority rule's floors (its best schedule carries at least them)
    total_t = sum(s["yt"] for s in slots)
    total_s = sum(s["ys"] for s in slots)
    M.Add(total_s <= dem_o)
    M.Add(total_t <= dem_s)
    M.Add(total_s + total_t <= people_cap)
    for p in served:
        M.Add(sum(s["yp"][p] for s in slots) <= pk[p].people - pk[p].stretcher)
        if pk[p].stretcher > 0:
            M.Add(sum(s["ypt"][p] for s in slots) <= pk[p].stretcher)
    if floors:
        # seated classes (reduced mobility, general) all take seats: their floors count together
        for seated in (False, True):
            for pr in sorted({pr for (g, pr) in floors if (g > 0) == seated}):
                need = sum(n for (g, q), n in floors.items() if q == pr and (g > 0) == seated)
                if served:
                    key = "yp" if seated else "ypt"
                    M.Add(sum(s[key].get(p, 0) for s in slots for p in served if pk[p].priority == pr) >= need)
        if served:
            # a class carried in full: each of its pickups gives all its people of the class
            need_at: dict = {}
            for (g, pr), n in floors.items():
                at = [p for p in served if pk[p].priority == pr and getattr(pk[p], GROUPS[g]) > 0]
                if g > 0 and at and n >= sum(getattr(pk[p], GROUPS[g]) for p in at):
                    for p in at:
                        need_at[p] = need_at.get(p, 0) + getattr(pk[p], GROUPS[g])
            for p, n in need_at.items():
                M.Add(sum(s["yp"].get(p, 0) for s in slots) >= n)
        M.Add(total_t >= sum(n for (g, _), n in floors.items() if g == 0))
        M.Add(total_s >= sum(n for (g, _), n in floors.items() if g > 0))
    if at_least:  # seqsplit's test, can the structure carry that many? No objective: a solution ends it
        M.Add(total_s + total_t >= at_least)
    else:
        M.Maximize(total_s + total_t)
    fixed = any(sp.get("fixed") for sp in specs)  # one structure of :mod:`.seqsplit`: every slot present
    if not floors and not fixed:
        for s in slots:
            M.AddHint(s["pres"], False)  # nobody moves: a solution at once, so the proven bound is kept
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_deterministic_time = det
    solver.parameters.random_seed = 0
    if fixed:
        solver.parameters.linearization_level = 2  # the machines' no-overlap in the LP: it proves a structure
    status = solver.Solve(M)
    if fixed and status == cp_model.INFEASIBLE:
        return -1  # no schedule has this structure
    if at_least:
        # a solution carries that many; None: no proof either way within the limit
        return at_least if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) else None
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE) and not fixed:
        return None
    return int(math.floor(solver.BestObjectiveBound() + 1e-6))
