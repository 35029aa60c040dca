"""The demo plan's true optimum at the level of convoys: an exact CP-SAT model, solved class by class.

``PYTHONPATH=$PWD python benchmarks/exact_demo.py [--limit S] [--workers N]`` builds the bundled demo's
:class:`~planner.schedule.model.Problem`, runs the scheduler (:func:`planner.schedule.solve`), checks
that the model accepts the scheduler's schedule (fixed into it), then solves the model under the
priority rule (stage by stage in :func:`~planner.schedule.model.class_order`, each class fixed at its
optimum before the next) and without it (people out), turns each best solution into a
:class:`~planner.schedule.model.Solution` and runs :func:`planner.schedule.check` on it.

The model is the package ``benchmarks/exact_convoys``: ``data.py`` (the problem's constants in whole
seconds, the proven slot cap, the visit and pair cuts), ``model.py`` (the CP-SAT model of generic convoy
slots, a known schedule fixed into it), ``solve.py`` (solving in stages with neighbourhood search, the
values back to a Solution, an independent recheck of its times). This script is the runner: it prints
the demo's shortest rounds, the model's size, the scheduler's schedule in the model, each stage and the
best schedules' convoys.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ortools.sat.python import cp_model

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.exact_convoys.data import Data, _svc, data, slot_cap  # noqa: E402
from benchmarks.exact_convoys.model import build, fix  # noqa: E402
from benchmarks.exact_convoys.solve import _ST, _solver, recheck, solve_stages, to_solution  # noqa: E402
from planner.schedule.model import Solution, class_counts, class_order  # noqa: E402

GROUPS = ("stretcher", "reduced_mobility", "general")


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


if __name__ == "__main__":
    main()
