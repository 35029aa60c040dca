"""A bridge while the scheduler moves to the typed results: any computed schedule as ``result.Schedule``.

The exports read :class:`planner.schedule.result.Schedule`. While
``planner.schedule.schedule_plan`` still returns its first-generation ``Schedule``
(one trip per vehicle, one pickup per convoy, checkpoint passages only loaded),
:func:`typed_schedule` carries its contract dict over into the typed objects: the
same convoys, vehicles, people and times, the empty leg from the plan's routes.
A typed schedule passes through unchanged. Delete this module once the scheduler
returns the typed objects everywhere.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from planner.schedule import result as R


def typed_schedule(schedule, plan, net, routes=None) -> R.Schedule:
    """``schedule`` as :class:`planner.schedule.result.Schedule` (see the module docstring).

    ``routes``: the plan's ``PlanRoutes`` for the empty legs (computed when omitted and needed).
    """
    if isinstance(schedule, R.Schedule):
        return schedule
    d = schedule if isinstance(schedule, dict) else schedule.to_json()
    if d.get("format") == R.SCHEDULE_FORMAT:
        return R.schedule_from_json(d)
    if routes is None and net is not None:
        from planner.routing import route_plan

        routes = route_plan(plan, net)
    return _from_v1(d, plan, net, routes)


def schedule_of(plan, net):
    """``(Schedule, PlanRoutes)`` of ``plan`` on ``net``, computed for real (:func:`planner.compute.compute_plan`)."""
    from planner.compute import compute_plan

    res = compute_plan(plan, net)
    return typed_schedule(res.schedule, plan, net, res.routes), res.routes


def _t(s):
    return datetime.fromisoformat(s)


def _groups(d):
    return {g: int((d or {}).get(g, 0)) for g in R.GROUP_NAMES}


def _leg_nodes(routes, a, b):
    if routes is None:
        return []
    try:
        r = routes.leg(a, b)
    except KeyError:
        return []
    return [] if r is None else list(r.route_nodes)


def _from_v1(d, plan, net, routes):
    plates = {}
    for dep in plan.depots:
        for vt in dep.vehicles:
            for i in range(vt.count):
                plates[f"{dep.id}-{vt.type}-{i + 1:02d}"] = (vt.plate(i), vt.type)
    trips_of = {}
    for t in d["trips"]:
        trips_of.setdefault(t["convoy"], []).append(t)
    convoys, trips = [], []
    for c in d["convoys"]:
        ts = trips_of.get(c["id"], [])
        if not ts:
            continue
        t0 = ts[0]
        by = {g: sum(int(t["passengers_by_group"].get(g, 0)) for t in ts) for g in R.GROUP_NAMES}
        arrive_p = max(_t(t["arrive_pickup"]) for t in ts)
        passages = [
            R.CheckpointPassage(cp["id"], "out", c["id"], _t(cp["arrive"]), _t(cp["arrive"]), _t(cp["leave"]),
                                len(c["vehicles"]), int(c.get("passengers", 0)))
            for cp in c.get("checkpoints", [])
        ]
        people = sum(int(t["passengers"]) for t in ts)
        arrive = _t(c["arrive"])
        convoys.append(R.Convoy(
            id=c["id"], round=1, escort=f"E{len(convoys) + 1}", vehicles=list(c["vehicles"]),
            formation_place=t0["leave_from"], depart=min(_t(t["leave_at"]) for t in ts),
            stops=[R.Stop(c["pickup"], arrive_p, _t(c["depart"]), people, by)],
            destination=c["destination"], arrive=arrive,
            unloaded=arrive + timedelta(seconds=15 * people),
            latest_safe_depart=_t(c["latest_safe_depart"]) - (_t(c["depart"]) - min(_t(t["leave_at"]) for t in ts)),
            passages=passages,
            route_nodes={"in": _leg_nodes(routes, t0["leave_from"], c["pickup"]), "out": list(t0["route_nodes"])},
            length_m={"in": 0.0, "out": 0.0},
        ))
        for t in ts:
            plate, vtype = plates.get(t["vehicle"], ("", "bus"))
            trips.append(R.Trip(
                vehicle=t["vehicle"], convoy=c["id"], seats=int(t["seats"]), stretcher_places=int(t["stretcher_places"]),
                boarded=[R.Boarding(t["pickup"], int(t["passengers"]), _groups(t["passengers_by_group"]))],
                vehicle_type=vtype, depot=t["leave_from"], plate=plate,
            ))
    queues = {}
    for c in convoys:
        for p in c.passages:
            queues.setdefault(p.checkpoint, []).append(p)
    k = d["kpis"]
    return R.Schedule(
        plan_name=d["plan"], network=dict(d["network"]),
        window_start=_t(d["window"]["start"]), window_end=_t(d["window"]["end"]),
        kpis=R.Kpis(demand=k["demand"], evacuated=k["evacuated"], upper_bound=k["upper_bound"],
                    finish=_t(k["finish"]) if k.get("finish") else None, convoys=len(convoys),
                    vehicle_km=k["vehicle_km"], seat_use=k["seat_use"], by_group=_groups(k["by_group"]),
                    vehicles_used=len({t.vehicle for t in trips}), trips_total=len(trips)),
        convoys=convoys, trips=trips,
        checkpoint_queues=[R.CheckpointQueue(cid, sorted(ps, key=lambda p: p.start_service))
                           for cid, ps in sorted(queues.items())],
        unserved=[R.Unserved(u["pickup"], u["people"], u["reason"], u.get("detail", ""), _groups(u.get("by_group")))
                  for u in d["unserved"]],
        hourly=[R.HourlyRow(_t(h["time"]), _t(h["time"]).strftime("%H:%M"), h["evacuated"], h["in_transit"],
                            h["waiting"]) for h in d["hourly"]],
        buses_needed=dict(d.get("buses_needed") or {}),
        routing_problems=list(d.get("routing_problems") or []),
    )
