"""Check a solution against every constraint of a :class:`~.model.Problem` (the model's docstring).

Written apart from the engine (it shares no timing code with :mod:`.timing`), so
a bug there shows up here. :func:`planner.schedule.validate.validate` turns a
schedule (objects or JSON) and its plan into a problem and a solution and
calls :func:`check`.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.schedule.model import Problem, Solution

#: Slack (s) on time comparisons: schedule times are whole seconds.
TOL = 1.0


@dataclass
class Violation:
    """One broken constraint, with the convoy round (index or id) and vehicle it concerns, if any."""

    convoy: object | None
    vehicle: str | None
    constraint: str
    message: str

    @property
    def trip(self):  # the name of the trip-based validator
        return self.convoy

    def __str__(self):
        where = f"convoy {self.convoy} " if self.convoy is not None else ""
        who = f"vehicle {self.vehicle} " if self.vehicle else ""
        return f"{where}{who}[{self.constraint}] {self.message}"


def _dwell(per_person, loads):
    import math

    return max((math.ceil(per_person * sum(x) - 1e-9) for x in loads), default=0)


def check(P: Problem, sol: Solution, names=None) -> list:
    """Every violation of ``sol`` on ``P``; ``[]`` when it is feasible.

    Constraints: ``vehicle``, ``convoy size``, ``convoy``, ``stops``, ``seats``, ``demand``,
    ``destination``, ``destination capacity``, ``unreachable``, ``travel``,
    ``checkpoint``, ``checkpoint service``, ``checkpoint hours``, ``checkpoint
    queue``, ``boarding``, ``unloading``, ``mobilisation``, ``one place at a
    time``, ``window``, ``daylight``, ``halt``, ``escorts``, ``headway``.
    """
    out = []
    names = names or [str(i + 1) for i in range(len(sol.rounds))]
    veh = {v.id: v for v in P.vehicles}
    pk = {p.id: p for p in P.pickups}
    dests = {d.id: d for d in P.destinations}
    R = P.rules

    def bad(i, v, c, m):
        out.append(Violation(names[i] if i is not None else None, v, c, m))

    taken: dict = {}
    dest_in: dict = {}
    by_vehicle: dict = {}
    for i, r in enumerate(sol.rounds):
        nv = len(r.vehicles)
        if nv == 0:
            bad(i, None, "convoy", "no vehicles")
            continue
        if nv > R.max_convoy:
            bad(i, None, "convoy size", f"{nv} vehicles, more than {R.max_convoy}")
        if len(set(r.vehicles)) != nv:
            bad(i, None, "convoy", "a vehicle appears twice")
        if not r.stops:
            bad(i, None, "convoy", "no stops")
            continue
        if len(r.stops) > R.max_stops:
            bad(i, None, "stops", f"{len(r.stops)} assembly points, more than {R.max_stops}")
        for v in r.vehicles:
            if v not in veh:
                bad(i, v, "vehicle", "not in the fleet")
                continue
            if not P.follows(veh[v].profile, r.lead):
                bad(i, v, "convoy", f"profile {veh[v].profile} cannot drive the legs of {r.lead}")
            by_vehicle.setdefault(v, []).append(i)
            st = rm = g = 0
            for s in r.stops:
                x = s.load.get(v, (0, 0, 0))
                st, rm, g = st + x[0], rm + x[1], g + x[2]
            if v in veh and (st > veh[v].stretcher_places or rm + g > veh[v].seats):
                bad(
                    i,
                    v,
                    "seats",
                    f"{st} stretcher cases and {rm + g} seated for "
                    f"{veh[v].stretcher_places} stretcher places and {veh[v].seats} seats",
                )
        for s in r.stops:
            if s.pickup not in pk:
                bad(i, None, "demand", f"unknown pickup {s.pickup}")
                continue
            for v in s.load:
                if v not in r.vehicles:
                    bad(i, v, "convoy", f"boards at {s.pickup} but is not in the convoy")
            acc = taken.setdefault(s.pickup, [0, 0, 0])
            for x in s.load.values():
                if min(x) < 0:
                    bad(i, None, "demand", f"negative load at {s.pickup}")
                for gi in range(3):
                    acc[gi] += x[gi]
            want = pk[s.pickup].destination
            if want is not None and want != r.destination:
                bad(i, None, "destination", f"people of {s.pickup} may only go to {want}, not {r.destination}")
        if r.destination not in dests:
            bad(i, None, "destination", f"unknown destination {r.destination}")
        dest_in[r.destination] = dest_in.get(r.destination, 0) + r.people
        _check_timing(P, r, i, bad)
    for p, acc in taken.items():
        if any(a > b for a, b in zip(acc, pk[p].by_group)):
            bad(None, None, "demand", f"{p}: {acc} taken of {list(pk[p].by_group)} (stretcher, reduced, general)")
    for d, n in dest_in.items():
        if d in dests and n > dests[d].capacity:
            bad(None, None, "destination capacity", f"{d}: {n} people for capacity {dests[d].capacity:g}")
    # one place at a time: each vehicle's rounds in order, each from where the last one ended
    for v, idx in by_vehicle.items():
        idx = sorted(idx, key=lambda i: sol.rounds[i].depart)
        place, free = veh[v].depot, P.first_departure(veh[v])
        for n, i in enumerate(idx):
            r = sol.rounds[i]
            if r.formation != place:
                bad(i, v, "one place at a time", f"forms at {r.formation} but the vehicle is at {place}")
            if r.depart < free - TOL:
                what = "mobilisation" if n == 0 else "one place at a time"
                bad(i, v, what, f"departs {r.depart:.0f} s, free only from {free:.0f} s")
            place, free = r.destination, r.unloaded
    _check_queues(P, sol, bad)
    _check_escorts(P, sol, bad)
    _check_headway(P, sol, bad)
    return out


def _check_timing(P, r, i, bad):
    R = P.rules
    nv = len(r.vehicles)
    places = [r.formation] + [s.pickup for s in r.stops] + [r.destination]
    passes = list(r.passes)
    k = 0
    t = r.depart
    if r.depart < -TOL:
        bad(i, None, "window", "departs before the window opens")
    people = 0
    for j in range(len(places) - 1):
        a, b = places[j], places[j + 1]
        leg = P.leg(r.lead, a, b)
        if leg is None:
            bad(i, None, "unreachable", f"no leg {a} -> {b} for profile {r.lead}")
            return
        direction = "in" if j == 0 else "out"
        pos = 0.0
        for cid, off in leg.checkpoints:
            cp = P.checkpoints.get(cid)
            if cp is None or (direction == "in" and not cp.checks_empty):
                continue
            if k >= len(passes) or passes[k].checkpoint != cid or passes[k].direction != direction:
                bad(i, None, "checkpoint", f"no {direction} passage of {cid} on {a} -> {b} where expected")
                return
            p = passes[k]
            k += 1
            if p.arrive < t + (off - pos) - TOL:
                bad(i, None, "travel", f"reaches {cid} at {p.arrive:.0f} s, {t + off - pos:.0f} s at the earliest")
            if p.start < p.arrive - TOL:
                bad(i, None, "checkpoint service", f"{cid}: service starts before arrival")
            need = cp.service_s(nv, people)
            if p.clear - p.start < need - TOL:
                bad(i, None, "checkpoint service", f"{cid}: {p.clear - p.start:.0f} s of {need:.0f} s")
            if p.vehicles != nv or p.people != people:
                bad(
                    i,
                    None,
                    "checkpoint service",
                    f"{cid}: passage of {p.vehicles} vehicles/{p.people} people, convoy has {nv}/{people}",
                )
            if not any(lo - TOL <= p.start and p.clear <= hi + TOL for lo, hi in cp.open):
                bad(i, None, "checkpoint hours", f"{cid}: passage {p.start:.0f}-{p.clear:.0f} s outside its open hours")
            t, pos = p.clear, off
        t_b = t + (leg.time_s - pos)
        if j + 1 < len(places) - 1:
            s = r.stops[j]
            if s.arrive < t_b - TOL:
                bad(i, None, "travel", f"reaches {s.pickup} at {s.arrive:.0f} s, {t_b:.0f} s at the earliest")
            ready = P.pickup(s.pickup).ready_s if s.pickup in {x.id for x in P.pickups} else 0.0
            need = _dwell(R.board_s_per_person, s.load.values())
            if s.depart < max(s.arrive, ready) + need - TOL:
                bad(
                    i,
                    None,
                    "boarding",
                    f"at {s.pickup}: departs {s.depart:.0f} s, boarding needs until "
                    f"{max(s.arrive, ready) + need:.0f} s",
                )
            people += sum(sum(x) for x in s.load.values())
            t = s.depart
        else:
            if r.arrive < t_b - TOL:
                bad(i, None, "travel", f"reaches {b} at {r.arrive:.0f} s, {t_b:.0f} s at the earliest")
            t = r.arrive
    if k != len(passes):
        bad(i, None, "checkpoint", f"{len(passes) - k} passage(s) not on the convoy's legs")
    loads = [[sum(s.load.get(v, (0, 0, 0))[g] for s in r.stops) for g in range(3)] for v in r.vehicles]
    need = _dwell(R.leave_s_per_person, loads)
    if r.unloaded < r.arrive + need - TOL:
        bad(i, None, "unloading", f"unloaded {r.unloaded:.0f} s, unloading needs until {r.arrive + need:.0f} s")
    if r.unloaded > P.window_end_s + TOL:
        bad(i, None, "window", f"unloaded {r.unloaded:.0f} s after the window ends ({P.window_end_s:.0f} s)")
    # daylight: the round is active from departure to unloading except inside its halts
    for h in r.halts:
        cp = P.checkpoints.get(h.place)
        if cp is None or not cp.overnight_halt:
            bad(i, None, "halt", f"halt at {h.place}, which does not allow an overnight halt")
    for na, nb in P.night:
        lo, hi = max(na, r.depart), min(nb, r.unloaded)
        if hi - lo <= TOL:
            continue
        covered = sum(
            max(0.0, min(h.end, hi) - max(h.start, lo))
            for h in r.halts
            if (P.checkpoints.get(h.place) and P.checkpoints[h.place].overnight_halt)
        )
        if covered < hi - lo - TOL:
            bad(i, None, "daylight", f"moves or waits at night ({lo:.0f}-{hi:.0f} s) outside an overnight halt")


def _check_queues(P, sol, bad):
    by: dict = {}
    for i, r in enumerate(sol.rounds):
        for p in r.passes:
            by.setdefault(p.checkpoint, []).append((p.start, p.clear, i))
    for cid, ps in by.items():
        ps.sort()
        for (s1, c1, i1), (s2, c2, i2) in zip(ps[:-1], ps[1:]):
            if s2 < c1 - TOL:
                bad(i2, None, "checkpoint queue", f"{cid} serves two convoys at once ({s2:.0f} s < {c1:.0f} s)")


def _check_escorts(P, sol, bad):
    by: dict = {}
    for i, r in enumerate(sol.rounds):
        by.setdefault(r.escort, []).append(i)
    lim = P.rules.escort_teams
    if lim is not None and len(by) > lim:
        bad(None, None, "escorts", f"{len(by)} escort teams used, {lim} available")
    for team, idx in by.items():
        idx.sort(key=lambda i: sol.rounds[i].depart)
        for a, b in zip(idx[:-1], idx[1:]):
            ra, rb = sol.rounds[a], sol.rounds[b]
            need = ra.unloaded + P.transfer_s(ra.destination, rb.formation)
            if rb.depart < need - TOL:
                bad(
                    b,
                    None,
                    "escorts",
                    f"escort team {team} leads it from {rb.depart:.0f} s, free at "
                    f"{rb.formation} only from {need:.0f} s",
                )
    # convoys on the road at once
    if lim is not None:
        ev = sorted(
            [(r.depart, 1) for r in sol.rounds] + [(r.unloaded, -1) for r in sol.rounds], key=lambda e: (e[0], e[1])
        )
        n = 0
        for t, d in ev:
            n += d
            if n > lim:
                bad(None, None, "escorts", f"{n} convoys on the road at {t:.0f} s, {lim} escort teams")
                break


def _check_headway(P, sol, bad):
    h = P.rules.headway_s
    by: dict = {}
    for i, r in enumerate(sol.rounds):
        by.setdefault(r.formation, []).append((r.depart, i))
    for place, ds in by.items():
        ds.sort()
        for (a, _), (b, i) in zip(ds[:-1], ds[1:]):
            if b - a < h - TOL:
                bad(i, None, "headway", f"departs {place} {b - a:.0f} s after another convoy (headway {h:.0f} s)")
