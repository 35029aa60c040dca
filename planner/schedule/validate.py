"""Independent check of a schedule against every hard constraint of design section 6.

It reads only the schedule JSON (design section 10), the plan and the road
network: travel times come from a fresh :func:`planner.routing.route_plan`,
night from astral, loading times from the plan's rules. Nothing of the
scheduler's own state is used, so a bug there shows up here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Optional

#: Slack (s) on time comparisons: schedule times are whole seconds.
TOL = 1.0


@dataclass
class Violation:
    """One broken constraint: the trip (index into ``trips``) and vehicle it concerns, if any."""

    trip: Optional[int]
    vehicle: Optional[str]
    constraint: str
    message: str

    def __str__(self):
        where = f"trip {self.trip} " if self.trip is not None else ""
        who = f"vehicle {self.vehicle} " if self.vehicle else ""
        return f"{where}{who}[{self.constraint}] {self.message}"


def _ceil_dur(per_person, n):
    return math.ceil(per_person * n - 1e-9)


def validate(schedule, plan, net, *, routes_by_speed=None) -> list:
    """Every hard-constraint violation of ``schedule`` (a Schedule or its JSON dict); [] if none.

    Constraints: ``seats``, ``demand``, ``destination``, ``unreachable``,
    ``travel time``, ``loading``, ``checkpoint order``, ``checkpoint service``,
    ``one place at a time``, ``mobilisation``, ``window``, ``daylight``,
    ``checkpoint hours``, ``checkpoint lanes``, ``convoy size``, ``convoy``,
    ``headway``, ``destination capacity``, ``vehicle``, ``kpis``.
    """
    from planner.schedule.build import checkpoint_service_s, plan_fleet
    from planner.schedule.daylight import plan_nights

    doc = schedule.to_json() if hasattr(schedule, "to_json") else schedule
    out = []
    w = plan.window
    t0 = w.start
    end_s = (w.end - w.start).total_seconds()
    rules = plan.rules

    def sec(text):
        return (datetime.fromisoformat(text) - t0).total_seconds()

    def bad(trip, vehicle, constraint, message):
        out.append(Violation(trip, vehicle, constraint, message))

    fleet = {v.id: v for v in plan_fleet(plan)}
    pickups = {p.id: p for p in plan.pickups}
    dests = {d.id: d for d in plan.destinations}
    cps = {c.id: c for c in plan.checkpoints}
    if routes_by_speed is None:
        from planner.routing import route_plan

        speeds = sorted({v.max_speed_kph for v in fleet.values()})
        routes_by_speed = {kph: route_plan(plan, net, max_speed_kph=kph) for kph in speeds}
    nights = [((a - t0).total_seconds(), (b - t0).total_seconds()) for a, b in plan_nights(plan)]
    opens = {c.id: [((a - t0).total_seconds(), (b - t0).total_seconds()) for a, b in c.open_intervals(w.start, w.end)]
             for c in plan.checkpoints}
    lp, up = float(rules.loading_s_per_person), float(rules.unloading_s_per_person)
    mob = float(rules.mobilisation_min) * 60.0

    def in_night(a, b):
        return any(a < nb - TOL and b > na + TOL for na, nb in nights)

    trips = doc.get("trips", [])
    services = {}  # checkpoint -> [(start, clear, trip index)]
    per_vehicle = {}
    taken = {}
    into = {}
    total = 0
    for n, tr in enumerate(trips):
        vid = tr.get("vehicle")
        v = fleet.get(vid)
        if v is None:
            bad(n, vid, "vehicle", f"vehicle {vid!r} is not in the plan's fleet")
            continue
        per_vehicle.setdefault(vid, []).append(n)
        groups = tr.get("passengers_by_group") or {"general": tr.get("passengers", 0)}
        st = int(groups.get("stretcher", 0))
        rm = int(groups.get("reduced_mobility", 0))
        gen = int(groups.get("general", 0))
        pax = int(tr.get("passengers", 0))
        total += pax
        if pax != st + rm + gen or min(st, rm, gen) < 0:
            bad(n, vid, "seats", f"passengers {pax} do not add up to the groups {groups}")
        if st > v.stretcher_places:
            bad(n, vid, "seats", f"{st} stretcher cases but {v.stretcher_places} stretcher places")
        if rm + gen > v.seats:
            bad(n, vid, "seats", f"{rm + gen} seated passengers but {v.seats} seats")
        pid, did = tr.get("pickup"), tr.get("destination")
        p, d = pickups.get(pid), dests.get(did)
        if p is None or d is None:
            bad(n, vid, "unreachable", f"unknown pickup {pid!r} or destination {did!r}")
            continue
        if getattr(p, "destination", None) not in (None, did):
            bad(n, vid, "destination", f"people of {pid} may only go to {p.destination}, not {did}")
        acc = taken.setdefault(pid, [0, 0, 0])
        acc[0] += st
        acc[1] += rm
        acc[2] += gen
        into[did] = into.get(did, 0) + pax
        routes = routes_by_speed[v.max_speed_kph]
        route = routes.routes.get((pid, did))
        drive_in = routes.time_s.get((tr.get("leave_from"), pid), math.inf)
        if route is None or not math.isfinite(drive_in):
            bad(n, vid, "unreachable", f"no route {tr.get('leave_from')} -> {pid} -> {did} for this vehicle")
            continue
        leave, arr_p = sec(tr["leave_at"]), sec(tr["arrive_pickup"])
        dep_p, arr_d = sec(tr["depart_pickup"]), sec(tr["arrive_destination"])
        if leave < -TOL:
            bad(n, vid, "window", f"leaves at {tr['leave_at']}, before the window opens")
        if arr_p < leave + drive_in - TOL:
            bad(n, vid, "travel time", f"reaches {pid} {leave + drive_in - arr_p:.0f} s sooner than the drive allows")
        ready = 0.0 if p.ready_time is None else (p.ready_time - t0).total_seconds()
        if dep_p < max(arr_p, ready) + _ceil_dur(lp, pax) - TOL:
            bad(n, vid, "loading", f"leaves {pid} before {pax} people can be ready and loaded")
        want = [c.checkpoint_id for c in route.checkpoints]
        got = [c.get("id") for c in tr.get("checkpoints", [])]
        if want != got:
            bad(n, vid, "checkpoint order", f"passes checkpoints {got}, the route passes {want}")
        t, prev_off = dep_p, 0.0
        for c_pass, c_route in zip(tr.get("checkpoints", []), route.checkpoints):
            cid = c_route.checkpoint_id
            a, s, c = sec(c_pass["arrive"]), sec(c_pass["start_service"]), sec(c_pass["clear"])
            if a < t + (c_route.offset_s - prev_off) - TOL:
                bad(n, vid, "travel time", f"reaches checkpoint {cid} sooner than the drive allows")
            svc = checkpoint_service_s(cps[cid]) if cid in cps else 0.0
            if s < a - TOL or c < s + svc - TOL:
                bad(n, vid, "checkpoint service", f"at {cid}: service {c_pass['start_service']}..{c_pass['clear']} "
                    f"is not {svc / 60:.0f} min after arriving {c_pass['arrive']}")
            if not any(oa - TOL <= s and c <= ob + TOL for oa, ob in opens.get(cid, [])):
                bad(n, vid, "checkpoint hours", f"served at {cid} outside its open hours")
            services.setdefault(cid, []).append((s, c, n))
            t, prev_off = c, c_route.offset_s
        if arr_d < t + (route.time_s - prev_off) - TOL:
            bad(n, vid, "travel time", f"reaches {did} sooner than the drive allows")
        if arr_d + _ceil_dur(up, pax) > end_s + TOL:
            bad(n, vid, "window", f"unloads at {did} after the window closes")
        if in_night(leave, arr_p) or in_night(dep_p, arr_d):
            bad(n, vid, "daylight", "drives between sunset and sunrise")

    # one place at a time, mobilisation
    for vid, ns in per_vehicle.items():
        v = fleet[vid]
        ns = sorted(ns, key=lambda k: sec(trips[k]["leave_at"]))
        earliest = mob if v.available_from is None else max(mob, (v.available_from - t0).total_seconds())
        where, free = v.depot_id, earliest
        for k in ns:
            tr = trips[k]
            if tr.get("leave_from") != where:
                bad(k, vid, "one place at a time", f"leaves from {tr.get('leave_from')} but is at {where}")
            if sec(tr["leave_at"]) < free - TOL:
                what = "mobilisation" if where == v.depot_id and free == earliest else "one place at a time"
                bad(k, vid, what, f"leaves at {tr['leave_at']} before it is free")
            where = tr.get("destination")
            free = sec(tr["arrive_destination"]) + _ceil_dur(up, int(tr.get("passengers", 0)))

    # demand and destination capacity
    for pid, (st, rm, gen) in taken.items():
        ppl = pickups[pid].people
        for name, got, have in (("stretcher", st, ppl.stretcher), ("reduced_mobility", rm, ppl.reduced_mobility),
                                ("general", gen, ppl.general)):
            if got > have:
                bad(None, None, "demand", f"{got} {name} people taken from {pid}, only {have} there")
    for did, n_in in into.items():
        cap = dests[did].capacity
        if cap is not None and n_in > cap:
            bad(None, None, "destination capacity", f"{n_in} people sent to {did}, capacity {cap}")

    # checkpoint lanes: never more than `lanes` vehicles in service at once
    for cid, items in services.items():
        lanes = max(1, int(cps[cid].lanes)) if cid in cps else 1
        events = sorted([(s + TOL, 1, n) for s, c, n in items] + [(c, -1, n) for s, c, n in items], key=lambda e: (e[0], e[1]))
        busy = 0
        for tt, kind, n in events:
            busy += kind
            if busy > lanes:
                bad(n, trips[n].get("vehicle"), "checkpoint lanes", f"{busy} vehicles in service at {cid}, {lanes} lanes")

    # convoys
    by_id = {}
    for n, tr in enumerate(trips):
        if tr.get("convoy") is not None:
            by_id.setdefault(tr["convoy"], []).append(n)
    route_deps = {}
    max_size = int(rules.max_convoy_size)
    headway = float(rules.headway_min) * 60.0
    for c in doc.get("convoys", []):
        cid = c.get("id")
        members = by_id.get(cid, [])
        if len(c.get("vehicles", [])) > max_size or len(members) > max_size:
            bad(None, None, "convoy size", f"convoy {cid} has {max(len(members), len(c.get('vehicles', [])))} vehicles, at most {max_size}")
        if sorted(trips[k]["vehicle"] for k in members) != sorted(c.get("vehicles", [])):
            bad(None, None, "convoy", f"convoy {cid} lists vehicles {c.get('vehicles')} but its trips are of others")
        for k in members:
            tr = trips[k]
            if (tr["pickup"], tr["destination"]) != (c.get("pickup"), c.get("destination")) or abs(sec(tr["depart_pickup"]) - sec(c["depart"])) > TOL:
                bad(k, tr["vehicle"], "convoy", f"trip does not leave {c.get('pickup')} with convoy {cid}")
        route_deps.setdefault((c.get("pickup"), c.get("destination")), []).append((sec(c["depart"]), cid))
    for deps in route_deps.values():
        deps.sort()
        for (a, ca), (b, cb) in zip(deps, deps[1:]):
            if b - a < headway - TOL:
                bad(None, None, "headway", f"convoys {ca} and {cb} leave {b - a:.0f} s apart, headway {headway:.0f} s")
    for k, tr in enumerate(trips):
        if tr.get("convoy") is None:
            bad(k, tr.get("vehicle"), "convoy", "trip belongs to no convoy")

    kpis = doc.get("kpis", {})
    if kpis.get("evacuated") != total:
        bad(None, None, "kpis", f"kpis.evacuated is {kpis.get('evacuated')}, the trips carry {total}")
    return out
