"""A :class:`~.model.Solution` in seconds → the typed :class:`~.result.Schedule` with datetimes."""

from __future__ import annotations

from datetime import timedelta

from planner.schedule.engine import latest_departures
from planner.schedule.model import GROUPS
from planner.schedule.result import (
    Boarding,
    CheckpointPassage,
    CheckpointQueue,
    Convoy,
    Halt,
    Kpis,
    Schedule,
    Stop,
    Trip,
)


def _groups(x) -> dict:
    return {g: int(n) for g, n in zip(GROUPS, x)}


def route_nodes_of(routes_by_profile, lead, places) -> list:
    """OSM node ids driven through ``places`` in order on the lead profile's routes."""
    pr = routes_by_profile.get(lead)
    out: list = []
    if pr is None:
        return out
    for a, b in zip(places[:-1], places[1:]):
        if a == b:
            continue
        r = pr.routes.get((a, b))
        if r is None:
            try:
                r = pr.leg(a, b)
            except KeyError:
                r = None
        if r is None:
            continue
        nodes = [int(n) for n in r.route_nodes]
        out.extend(nodes if not out else nodes[1:] if out[-1] == nodes[0] else nodes)
    return out


def convoys_of(problem, sol, at, routes_by_profile=None, fleet=None) -> tuple:
    """``(convoys, trips)`` of a solution, convoys named C1, C2, ... by departure."""
    plates = {v.id: getattr(v, "plate", "") for v in (fleet or [])}
    vtype = {v.id: getattr(v, "type", "bus") for v in (fleet or [])}
    rounds_of_team: dict = {}
    convoys, trips = [], []
    for n, r in enumerate(sol.rounds, 1):
        cid = f"C{n}"
        rounds_of_team[r.escort] = rounds_of_team.get(r.escort, 0) + 1
        stops = [
            Stop(
                s.pickup,
                at(s.arrive),
                at(s.depart),
                sum(sum(x) for x in s.load.values()),
                _groups([sum(x[g] for x in s.load.values()) for g in range(3)]),
            )
            for s in r.stops
        ]
        passages = [
            CheckpointPassage(
                p.checkpoint, p.direction, cid, at(p.arrive), at(p.start), at(p.clear), p.vehicles, p.people
            )
            for p in r.passes
        ]
        halts = [Halt(h.place, at(h.start), at(h.end), h.direction) for h in r.halts]
        nodes = {"in": [], "out": []}
        if routes_by_profile is not None:
            nodes["in"] = route_nodes_of(routes_by_profile, r.lead, [r.formation, r.stops[0].pickup])
            nodes["out"] = route_nodes_of(routes_by_profile, r.lead, [s.pickup for s in r.stops] + [r.destination])
        convoys.append(
            Convoy(
                id=cid,
                round=rounds_of_team[r.escort],
                escort=f"E{r.escort + 1}",
                vehicles=list(r.vehicles),
                formation_place=r.formation,
                depart=at(r.depart),
                stops=stops,
                destination=r.destination,
                arrive=at(r.arrive),
                unloaded=at(r.unloaded),
                latest_safe_depart=at(r.latest_depart),
                passages=passages,
                halts=halts,
                route_nodes=nodes,
                length_m=dict(r.length_m),
                profile=r.lead,
            )
        )
        for vid in r.vehicles:
            v = problem.vehicle(vid)
            boarded = []
            for s in r.stops:
                x = s.load.get(vid)
                if x and sum(x):
                    boarded.append(Boarding(s.pickup, int(sum(x)), _groups(x)))
            trips.append(
                Trip(
                    vid, cid, v.seats, v.stretcher_places, boarded, vtype.get(vid, "bus"), v.depot, plates.get(vid, "")
                )
            )
    return convoys, trips


def queues_of(convoys) -> list:
    by: dict = {}
    for c in convoys:
        for p in c.passages:
            by.setdefault(p.checkpoint, []).append(p)
    return [CheckpointQueue(k, sorted(v, key=lambda p: (p.start_service, p.convoy))) for k, v in sorted(by.items())]


def package(plan, net, problem, sol, bound, routes_by_profile, fleet, needed, free=None) -> Schedule:
    from planner.schedule.report import hourly_table, unserved_of

    w = plan.window
    t0 = w.start
    at = lambda s: t0 + timedelta(seconds=float(s))  # noqa: E731
    latest_departures(problem, sol)  # for the kept schedule only (.engine.finish leaves them)
    convoys, trips = convoys_of(problem, sol, at, routes_by_profile, fleet)
    capacity = sum(t.seats + t.stretcher_places for t in trips if t.passengers > 0)
    ub = max(int(bound.value), sol.evacuated)
    kpis = Kpis(
        demand=problem.demand,
        evacuated=sol.evacuated,
        upper_bound=ub,
        finish=at(sol.finish) if sol.finish is not None else None,
        convoys=len(convoys),
        vehicle_km=sol.vehicle_km,
        seat_use=(sol.evacuated / capacity) if capacity else 0.0,
        by_group=_groups(sol.by_group),
        vehicles_used=len({t.vehicle for t in trips}),
        trips_total=len(trips),
    )
    problems = []
    for rp in routes_by_profile.values():
        for p in rp.problems:
            d = {"element": p.element_id, "message": p.message}
            if d not in problems:
                problems.append(d)
    sched = Schedule(
        plan_name=plan.name,
        network={"name": getattr(net, "name", None), "sha256": getattr(net, "sha256", None)},
        window_start=w.start,
        window_end=w.end,
        kpis=kpis,
        convoys=convoys,
        trips=trips,
        checkpoint_queues=queues_of(convoys),
        buses_needed=dict(needed),
        bound_detail={
            "value": ub,
            "binding": bound.binding,
            "reachable_demand": bound.reachable,
            "fleet": bound.fleet,
            "escorts": bound.escorts,
            "checkpoints": {c: n for c, (n, _) in bound.checkpoints.items()},
            "rule": "priority" if problem.rules.priority_first else "most people",
            # the priority rule's floors the value uses: [group, priority, people at least] (empty: none)
            "floors": [[GROUPS[g], int(pr), int(n)] for (g, pr), n in sorted(bound.floors.items())],
            "without_floors": int(bound.unfloored if bound.unfloored is not None else bound.value),
        },
        routing_problems=problems,
        problem=problem,
        solution=sol,
    )
    sched.hourly = hourly_table(sched)
    sched.unserved = unserved_of(problem, sol, bound, routes_by_profile, free=free)
    if free is not None:
        sched.without_priority_rule = {
            "evacuated": int(free.evacuated),
            "by_group": _groups(free.by_group),
            # the bound of every schedule: the rule's floors hold for the rule's best schedule only
            "upper_bound": max(int(bound.unfloored if bound.unfloored is not None else bound.value), free.evacuated),
            "convoys": len(free.rounds),
        }
    return sched
