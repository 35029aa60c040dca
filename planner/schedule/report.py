"""What planners read from a solution: convoy and trip tables, unserved demand and why, hourly figures."""

from __future__ import annotations

from planner.schedule.heuristic import first_departure, latest_safe_departure, segment_at
from planner.schedule.model import INF

REASONS = ("unreachable", "destination capacity", "window", "checkpoint throughput", "fleet", "priority rule")


def _iso(t):
    return t.isoformat(timespec="seconds")


def convoy_rows(problem, sol, at):
    """Convoy dicts in departure order, named C1, C2, …, and ``convoy index -> name``."""
    order = sorted(sol.convoys, key=lambda c: (c.depart, c.pickup, c.destination, c.index))
    names = {c.index: f"C{n}" for n, c in enumerate(order, 1)}
    rows = []
    for c in order:
        members = [sol.trips[ti] for ti in c.members]
        latest = latest_safe_departure(sol.state, c) if sol.state is not None else c.depart
        cps = []
        if members:
            for k, ps in enumerate(members[0].passes):
                cps.append({
                    "id": ps.checkpoint,
                    "arrive": _iso(at(ps.arrive)),
                    "leave": _iso(at(max(m.passes[k].clear for m in members))),
                })
        rows.append({
            "id": names[c.index],
            "vehicles": [problem.vehicles[m.vehicle].id for m in members],
            "pickup": c.pickup,
            "destination": c.destination,
            "depart": _iso(at(c.depart)),
            "latest_safe_depart": _iso(at(latest)),
            "arrive": _iso(at(c.arrive)),
            "passengers": sum(m.passengers for m in members),
            "checkpoints": cps,
        })
    return rows, names


def trip_rows(problem, sol, names, at, routes_by_speed=None):
    """Trip dicts per vehicle in time order (design section 10), with passengers by group."""
    rows = []
    for tr in sorted(sol.trips, key=lambda t: (problem.vehicles[t.vehicle].id, t.leave_at)):
        v = problem.vehicles[tr.vehicle]
        nodes = []
        if routes_by_speed is not None:
            r = routes_by_speed[v.profile].routes.get((tr.pickup, tr.destination))
            nodes = [int(n) for n in r.route_nodes] if r is not None else []
        rows.append({
            "vehicle": v.id,
            "seats": v.seats,
            "stretcher_places": v.stretcher_places,
            "convoy": names.get(tr.convoy),
            "pickup": tr.pickup,
            "destination": tr.destination,
            "passengers": tr.passengers,
            "passengers_by_group": dict(zip(("stretcher", "reduced_mobility", "general"), map(int, tr.load))),
            "leave_from": tr.leave_from,
            "leave_at": _iso(at(tr.leave_at)),
            "arrive_pickup": _iso(at(tr.arrive_pickup)),
            "depart_pickup": _iso(at(tr.depart_pickup)),
            "arrive_destination": _iso(at(tr.arrive_destination)),
            "route_nodes": nodes,
            "checkpoints": [
                {"id": p.checkpoint, "arrive": _iso(at(p.arrive)), "start_service": _iso(at(p.start)), "clear": _iso(at(p.clear))}
                for p in tr.passes
            ],
            "empty_km": round(tr.empty_m / 1000.0, 2),
            "loaded_km": round(tr.loaded_m / 1000.0, 2),
        })
    return rows


def hourly_rows(trips, demand, start, end, step, label):
    """Rows every ``step`` from ``start`` to ``end``: people arrived, on the road, and still waiting.

    ``trips`` are ``(depart_pickup, arrive_destination, passengers)`` with times
    in the unit of ``start``/``end``/``step`` (seconds or datetimes);
    ``label(t)`` gives each row's ``time`` text.
    """
    rows, t = [], start
    while True:
        out = sum(n for _, a, n in trips if a <= t)
        picked = sum(n for d, _, n in trips if d <= t)
        rows.append({"time": label(t), "evacuated": out, "in_transit": picked - out, "waiting": demand - picked})
        if t >= end:
            return rows
        t = min(t + step, end)


def hourly_table(problem, sol, at):
    """Per hour from the window start: people arrived, on the road, and still waiting."""
    trips = [(tr.depart_pickup, tr.arrive_destination, tr.passengers) for tr in sol.trips]
    return hourly_rows(trips, problem.demand, 0.0, problem.window_end_s, 3600.0, lambda t: _iso(at(t)))


def _taken(sol):
    taken = {}
    for tr in sol.trips:
        acc = taken.setdefault(tr.pickup, [0, 0, 0])
        for g in range(3):
            acc[g] += tr.load[g]
    return taken


def _used_passes(sol):
    used = {}
    for tr in sol.trips:
        for ps in tr.passes:
            used[ps.checkpoint] = used.get(ps.checkpoint, 0) + 1
    return used


def rule_detail(problem, sol, free, bound):
    """Why the priority rule holds buses back: the text of the ``priority rule`` reason.

    The checkpoint named is the one the schedule's stretcher cases pass that is
    used closest to its limit (its passes against the bound's); ``free`` is the
    schedule of the same fleet without the rule.
    """
    used = _used_passes(sol)
    str_through = {}
    for tr in sol.trips:
        if tr.load[0] > 0:
            for ps in tr.passes:
                str_through[ps.checkpoint] = str_through.get(ps.checkpoint, 0) + tr.load[0]
    limit = bound.checkpoint_passes
    cps = [c for c in str_through if limit.get(c)]
    buses = [n for n, v in enumerate(problem.vehicles) if v.stretcher_places == 0 and v.seats > 0]
    busy = {tr.vehicle for tr in sol.trips}
    idle = sum(1 for n in buses if n not in busy)
    stretcher = int(sol.by_group[0])
    if cps:
        cp = max(cps, key=lambda c: (used.get(c, 0) / limit[c], c))
        why = f"buses held back so that {str_through[cp]} stretcher cases can pass checkpoint {cp} first"
    elif stretcher > 0:
        why = f"buses held back so that {stretcher} stretcher cases go first"
    else:
        # no stretcher cases out: the rule's cost is the order of the other classes
        why = (f"trips made for {int(sol.by_group[1])} reduced mobility and the priority pickups first, "
               "not for the loads that move most people")
    if buses:
        why += f" ({idle} of {len(buses)} buses make no trip)"
    return f"{why}; without the rule {free.evacuated} people out"


def unserved_rows(problem, tables, sol, bound, plan=None, routes_by_speed=None, free=None):
    """People left behind per pickup with the binding reason (one of :data:`REASONS`).

    ``free``: the schedule of the same fleet without the priority rule. When it
    moves more people, the people of a pickup it moves and this schedule does
    not are left behind by the rule (reason ``priority rule``); the reason for
    the rest is that of the schedule without the rule (what would still bind if
    the rule were lifted).
    """
    T = tables
    taken = _taken(sol)
    rule_cost = free is not None and free.evacuated > sol.evacuated
    if rule_cost:
        free_taken = _taken(free)
        rule_text = rule_detail(problem, sol, free, bound)
        rest = free  # what binds once the rule is lifted
    else:
        rest = sol
    dest_in = {}
    for tr in rest.trips:
        dest_in[tr.destination] = dest_in.get(tr.destination, 0) + tr.passengers
    used_passes = _used_passes(rest)
    any_stretcher = any(v.stretcher_places > 0 for v in problem.vehicles)
    messages = {}
    for rp in (routes_by_speed or {}).values():
        for p in rp.problems:
            messages.setdefault(p.element_id, p.message)
    rows = []
    for i, p in enumerate(problem.pickups):
        got = taken.get(p.id, [0, 0, 0])
        left = [p.stretcher - got[0], p.reduced_mobility - got[1], p.general - got[2]]
        if sum(left) <= 0:
            continue
        if rule_cost:
            fgot = free_taken.get(p.id, [0, 0, 0])
            held = [max(0, min(lg, fg - g)) for lg, fg, g in zip(left, fgot, got)]
            if sum(held) > 0:
                rows.append(_row(p.id, held, "priority rule", rule_text))
                left = [lg - h for lg, h in zip(left, held)]
                if sum(left) <= 0:
                    continue
        if left[0] > 0 and not any_stretcher:
            rows.append(_row(p.id, [left[0], 0, 0], "fleet", "no vehicle has stretcher places"))
            left[0] = 0
            if sum(left) <= 0:
                continue
        reason, detail = _reason(problem, T, i, dest_in, used_passes, bound, messages)
        rows.append(_row(p.id, left, reason, detail))
    return rows


def _row(pid, left, reason, detail):
    return {
        "pickup": pid,
        "people": int(sum(left)),
        "reason": reason,
        "detail": detail,
        "by_group": dict(zip(("stretcher", "reduced_mobility", "general"), map(int, left))),
    }


def _reason(problem, T, i, dest_in, used_passes, bound, messages):
    pid = T.P[i]
    usable = [(k, j, r) for k in T.profiles for (ii, j), r in T.route[k].items() if ii == i]
    reach = []
    for k, j, r in usable:
        origins = [T.oidx[v.depot_id] for v in problem.vehicles if v.profile == k] + [T.oidx[d] for d in T.D]
        if min(T.E[k][o, i] for o in origins) < INF:
            reach.append((k, j, r))
    if not problem.vehicles:
        return "fleet", "no vehicles in the plan"
    if not reach:
        return "unreachable", messages.get(pid, f"pickup {pid} cannot be reached or cannot reach a destination")
    open_dest = [(k, j, r) for k, j, r in reach if problem.destinations[j].capacity - dest_in.get(T.D[j], 0) > 0]
    if not open_dest:
        names = ", ".join(sorted({T.D[j] for _, j, _ in reach}))
        return "destination capacity", f"destination {names} full"
    # window: not even one trip from any vehicle fits in a daylight part of the window
    lp, up = problem.rules.load_s_per_person, problem.rules.unload_s_per_person
    fits = False
    for k, j, r in open_dest:
        for v in problem.vehicles:
            if v.profile != k:
                continue
            e = first_departure(v, problem.rules)
            seg = segment_at(T.segments, e)
            while seg is not None and not fits:
                start = max(seg[0], e)
                o = T.oidx[v.depot_id]
                fin = max(start + T.E[k][o, i], T.ready[i]) + lp + T.Lmin[k][i, j] + up
                fits = fin <= seg[1]
                seg = segment_at(T.segments, seg[1])
            if fits:
                break
        if fits:
            break
    if not fits:
        return "window", f"no vehicle can reach {pid} and unload inside the window"
    # checkpoint throughput: every route from here passes a checkpoint used to its limit
    saturated = []
    for k, j, r in open_dest:
        full = [c for c, _ in r.checkpoints
                if bound.checkpoint_passes.get(c) and used_passes.get(c, 0) >= 0.85 * bound.checkpoint_passes[c]]
        if not full:
            saturated = []
            break
        saturated.extend(full)
    if saturated:
        names = ", ".join(sorted(set(saturated)))
        return "checkpoint throughput", f"checkpoint {names} serves vehicles at its limit for the whole window"
    return "fleet", "every vehicle is busy until the window closes"
