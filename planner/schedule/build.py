"""From a plan and its routes to a :class:`Schedule` (design sections 6 and 10)."""

from __future__ import annotations

import math
import time as _time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Optional

from planner.progress import null_progress, scaled
from planner.schedule.bound import rule_minimums, rule_minimums_tight, upper_bound
from planner.schedule.daylight import plan_nights
from planner.schedule.heuristic import VARIANTS, Tables, solve
from planner.schedule.model import (
    GROUPS, INF, CheckpointSpec, Destination, LoadedRoute, PickupDemand, Problem, Rules, Vehicle, class_order,
)

#: Improvement runs: every variant up to this size (vehicles x pickups), the first few above it.
#: Work is limited by counts that depend on the problem's size only, so a plan gives the same
#: schedule on any machine and under any load (no wall-clock budget unless asked for).
IMPROVE_ALL_UP_TO = 20_000
IMPROVE_FEW = 4
#: Improvement runs for the comparison without the priority rule (the variants that aim at most people).
COMPARISON_VARIANTS = 8
#: Shares of an explicit ``time_budget_s`` (schedule_plan): improvement runs, the comparison
#: without the rule; the buses-needed search gets what is left of the whole budget.
BUDGET_SHARE_IMPROVE = 0.5
BUDGET_SHARE_COMPARISON = 0.2


# ---------------------------------------------------------------- plan -> problem


@dataclass(frozen=True)
class FleetVehicle:
    """One vehicle of a plan's fleet, with the id schedules use (``DP1-bus-03``)."""

    id: str
    depot_id: str
    type: str
    seats: int
    stretcher_places: int
    max_speed_kph: float
    available_from: Optional[datetime]


def plan_fleet(plan) -> list:
    """Every vehicle of the plan's depots, numbered per depot and type from 1."""
    out = []
    for depot in plan.depots:
        counter = {}
        for vt in depot.vehicles:
            for _ in range(max(0, int(vt.count))):
                counter[vt.type] = counter.get(vt.type, 0) + 1
                out.append(FleetVehicle(
                    f"{depot.id}-{vt.type}-{counter[vt.type]:02d}", depot.id, vt.type, int(vt.seats),
                    int(vt.stretcher_places), float(vt.max_speed_kph), vt.available_from,
                ))
    return out


def seconds(window_start: datetime, t: Optional[datetime]) -> float:
    return 0.0 if t is None else (t - window_start).total_seconds()


def checkpoint_service_s(cp) -> float:
    """Seconds one vehicle holds a lane: minutes per vehicle plus the hold, whole seconds."""
    return float(math.ceil((float(cp.minutes_per_vehicle) + float(cp.hold_min or 0.0)) * 60.0 - 1e-9))


def route_all(plan, net, fleet, progress=null_progress) -> dict:
    """``max_speed_kph -> PlanRoutes``: one routing run per distinct vehicle speed cap."""
    from planner.routing import route_plan

    speeds = sorted({v.max_speed_kph for v in fleet}) or [None]
    out = {}
    for n, kph in enumerate(speeds):
        out[kph] = route_plan(plan, net, max_speed_kph=kph, progress=scaled(progress, n / len(speeds), (n + 1) / len(speeds)))
    return out


def build_problem(plan, routes_by_speed, fleet) -> Problem:
    """The scheduler's :class:`Problem` for a plan: whole seconds from the window start."""
    w = plan.window
    t0 = w.start
    end_s = float(math.floor(w.duration_s))
    rules = plan.rules
    vehicles = [
        Vehicle(v.id, v.depot_id, v.seats, v.stretcher_places, max(0.0, math.ceil(seconds(t0, v.available_from))), v.max_speed_kph)
        for v in fleet
    ]
    pickups = [
        PickupDemand(p.id, int(p.people.general), int(p.people.reduced_mobility), int(p.people.stretcher),
                     max(0.0, float(math.ceil(seconds(t0, p.ready_time)))), int(p.priority))
        for p in plan.pickups
    ]
    dests = [Destination(d.id, INF if d.capacity is None else float(d.capacity)) for d in plan.destinations]
    checkpoints = {}
    for c in plan.checkpoints:
        opens = tuple(
            (float(math.ceil(seconds(t0, a))), float(math.floor(seconds(t0, b)))) for a, b in c.open_intervals(w.start, w.end)
        )
        checkpoints[c.id] = CheckpointSpec(c.id, checkpoint_service_s(c), max(1, int(c.lanes)), opens)
    night = [(float(math.floor(seconds(t0, a))), float(math.ceil(seconds(t0, b)))) for a, b in plan_nights(plan)]
    allowed = {p.id: getattr(p, "destination", None) for p in plan.pickups}
    drive, length, loaded = {}, {}, {}
    for kph, pr in routes_by_speed.items():
        for (a, b), t in pr.time_s.items():
            drive[(a, b, kph)] = float(math.ceil(t)) if math.isfinite(t) else INF
            length[(a, b, kph)] = pr.length_m.get((a, b), 0.0)
        for (p, d), r in pr.routes.items():
            if allowed.get(p) not in (None, d):
                continue
            cps = tuple((c.checkpoint_id, float(math.ceil(c.offset_s))) for c in r.checkpoints)
            loaded[(p, d, kph)] = LoadedRoute(float(math.ceil(r.time_s)), cps, float(r.length_m))
    return Problem(
        vehicles=vehicles,
        pickups=pickups,
        destinations=dests,
        drive_s=drive,
        loaded_route=loaded,
        checkpoints=checkpoints,
        window_end_s=end_s,
        night=night,
        rules=Rules(
            max_convoy=max(1, int(rules.max_convoy_size)),
            headway_s=float(rules.headway_min) * 60.0,
            load_s_per_person=float(rules.loading_s_per_person),
            unload_s_per_person=float(rules.unloading_s_per_person),
            mobilisation_s=float(rules.mobilisation_min) * 60.0,
        ),
        length_m=length,
    )


# ---------------------------------------------------------------- the schedule


@dataclass
class Schedule:
    """A computed schedule and what planners read from it; :meth:`to_json` is the design's contract."""

    plan_name: str
    network: dict
    window_start: datetime
    window_end: datetime
    demand: int
    evacuated: int
    upper_bound: int
    finish: Optional[datetime]
    vehicle_km: float
    seat_use: float
    convoys: list
    trips: list
    unserved: list
    hourly: list = field(default_factory=list)
    buses_needed: dict = field(default_factory=dict)
    by_group: dict = field(default_factory=dict)
    bound_detail: dict = field(default_factory=dict)
    routing_problems: list = field(default_factory=list)
    without_stretcher_rule: dict = field(default_factory=dict)  # the same fleet, most people as the only aim
    timings: dict = field(default_factory=dict)
    problem: Any = field(default=None, repr=False)
    solution: Any = field(default=None, repr=False)

    @property
    def gap(self) -> float:
        """Share of the upper bound this schedule leaves out (0 = proven best)."""
        return 0.0 if self.upper_bound <= 0 else max(0.0, (self.upper_bound - self.evacuated) / self.upper_bound)

    def to_json(self) -> dict:
        iso = _iso
        return {
            "plan": self.plan_name,
            "network": dict(self.network),
            "window": {"start": iso(self.window_start), "end": iso(self.window_end)},
            "kpis": {
                "demand": self.demand,
                "evacuated": self.evacuated,
                "upper_bound": self.upper_bound,
                "finish": iso(self.finish) if self.finish is not None else None,
                "vehicle_km": round(self.vehicle_km, 1),
                "seat_use": round(self.seat_use, 3),
                "gap": round(self.gap, 4),
                "by_group": dict(self.by_group),
                "convoys": len(self.convoys),
                "trips": len(self.trips),
            },
            "convoys": [dict(c) for c in self.convoys],
            "trips": [dict(t) for t in self.trips],
            "unserved": [dict(u) for u in self.unserved],
            "hourly": [dict(h) for h in self.hourly],
            "buses_needed": dict(self.buses_needed),
            "bound": dict(self.bound_detail),
            "routing_problems": list(self.routing_problems),
            "without_stretcher_rule": dict(self.without_stretcher_rule),
        }

    def save_json(self, path) -> None:
        """Write :meth:`to_json` atomically (temporary file, then rename)."""
        import json

        from planner.fileio import write_text_atomic

        write_text_atomic(path, json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n", what="the schedule")


def _iso(t: datetime) -> str:
    return t.isoformat(timespec="seconds")


def schedule_plan(plan, net, *, progress=None, improve=True, buses_needed=True, routes_by_speed=None,
                  stretcher_first=None, time_budget_s=None) -> Schedule:
    """Compute the convoy schedule of a plan on a road network.

    Routes every vehicle speed cap (:func:`planner.routing.route_plan`), runs the
    constructive heuristic and its improvement runs, the LP upper bound, and the
    search for the number of buses that would move everyone in this window.

    Parameters
    ----------
    plan : planner.plan.Plan
    net : planner.network.RoadNetwork
    progress : callable, optional
        ``progress(fraction, message)``; may raise ``Cancelled``.
    improve : bool
        Run the improvement variants after the first heuristic run.
    buses_needed : bool
        Search the fleet size that moves everyone (a few more heuristic runs).
    routes_by_speed : dict, optional
        ``max_speed_kph -> PlanRoutes`` already computed for this plan.
    stretcher_first : bool, optional
        Default: the plan's ``rules.priority_first``. The priority rule (design section 6; default; see
        :mod:`planner.schedule.heuristic`): stretcher cases first, then reduced
        mobility, then everyone else, each group by pickup priority. Every figure
        of the schedule (upper bound, gap, buses needed and its reason) is then
        for that rule: the bound covers the schedules best under it
        (:func:`planner.schedule.bound.rule_minimums`).
        ``Schedule.without_stretcher_rule`` (kept under that name for readers of
        the JSON) tells what the same fleet does with most people out as the only
        aim, and its own bound. ``False``: most people out only.

    Returns
    -------
    Schedule
    """
    if stretcher_first is None:
        stretcher_first = plan.rules.priority_first
    progress = progress or null_progress
    timings = {}
    t = _time.perf_counter()
    fleet = plan_fleet(plan)
    if routes_by_speed is None:
        routes_by_speed = route_all(plan, net, fleet, scaled(progress, 0.0, 0.3))
    timings["routing_s"] = _time.perf_counter() - t
    t = _time.perf_counter()
    problem = build_problem(plan, routes_by_speed, fleet)
    tables = Tables(problem)
    size = len(problem.vehicles) * len(problem.pickups)
    variants = VARIANTS[:1] if not improve else (VARIANTS if size <= IMPROVE_ALL_UP_TO else VARIANTS[:IMPROVE_FEW])
    budget = None if time_budget_s is None else float(time_budget_s)
    clock0 = _time.perf_counter()
    sol = solve(problem, variants=variants, time_budget_s=None if budget is None else BUDGET_SHARE_IMPROVE * budget,
                progress=scaled(progress, 0.3, 0.6), tables=tables, stretcher_first=stretcher_first)
    # what the rule costs: the same fleet with most people out as the only aim
    most = None
    if stretcher_first and len(class_order(problem.pickups)) > 1:
        most = solve(problem, variants=variants[:COMPARISON_VARIANTS],
                     time_budget_s=None if budget is None else BUDGET_SHARE_COMPARISON * budget,
                     progress=scaled(progress, 0.6, 0.7), tables=tables, stretcher_first=False)
    timings["heuristic_s"] = _time.perf_counter() - t
    t = _time.perf_counter()
    progress(0.7, "upper bound")
    # the priority rule: bound the schedules best under it (they move at least these classes)
    minimums = rule_minimums(problem, sol.by_class) if stretcher_first else {}
    # the bound: where the LP proves a class cannot move more, the next classes count too
    tight = rule_minimums_tight(problem, tables, sol.by_class) if stretcher_first else {}
    bound = upper_bound(problem, tables, minimums=tight)
    free_bound = upper_bound(problem, tables) if any(minimums.values()) else bound
    ub = max(bound.value, sol.evacuated)  # the bound is valid, so this only guards rounding
    timings["bound_s"] = _time.perf_counter() - t
    t = _time.perf_counter()
    needed = {}
    if buses_needed:
        progress(0.75, "buses needed to move everyone")
        from planner.schedule.fleet import buses_needed as _buses_needed

        needed = _buses_needed(problem, fleet, current=sol, minimums=minimums,
                               deadline=None if budget is None else clock0 + budget)
    timings["buses_needed_s"] = _time.perf_counter() - t
    progress(0.95, "packaging the schedule")
    sched = package(plan, net, problem, tables, sol, bound, ub, fleet, routes_by_speed, needed, free=most)
    sched.bound_detail["rule"] = "priority" if stretcher_first else "most people"
    sched.bound_detail["without_stretcher_rule"] = int(max(free_bound.value, ub))
    sched.bound_detail["stretcher_rule_min"] = int(sum(n for (g, _), n in tight.items() if g == 0))
    sched.bound_detail["rule_minimums"] = [
        {"group": GROUPS[g], "priority": int(p), "people": int(n)} for (g, p), n in tight.items()
    ]
    if most is not None:
        sched.without_stretcher_rule = {
            "evacuated": int(most.evacuated),
            "by_group": dict(zip(("stretcher", "reduced_mobility", "general"), map(int, most.by_group))),
            "upper_bound": int(max(free_bound.value, most.evacuated)),
        }
    sched.timings = {k: round(v, 3) for k, v in timings.items()}
    progress(1.0, f"{sched.evacuated} of {sched.demand} people out")
    return sched


# ---------------------------------------------------------------- packaging


def package(plan, net, problem, tables, sol, bound, ub, fleet, routes_by_speed, needed, free=None) -> Schedule:
    from planner.schedule.report import convoy_rows, hourly_table, trip_rows, unserved_rows

    w = plan.window
    t0 = w.start
    at = lambda s: t0 + timedelta(seconds=float(s))  # noqa: E731
    convoys, names = convoy_rows(problem, sol, at)
    trips = trip_rows(problem, sol, names, at, routes_by_speed)
    unserved = unserved_rows(problem, tables, sol, bound, plan, routes_by_speed, free=free)
    capacity = sum(problem.vehicles[tr.vehicle].capacity for tr in sol.trips)
    seat_use = (sol.evacuated / capacity) if capacity else 0.0
    by_group = dict(zip(("stretcher", "reduced_mobility", "general"), map(int, sol.by_group)))
    problems = []
    for rp in routes_by_speed.values():
        for p in rp.problems:
            d = {"element": p.element_id, "message": p.message}
            if d not in problems:
                problems.append(d)
    return Schedule(
        plan_name=plan.name,
        network={"name": getattr(net, "name", None), "sha256": getattr(net, "sha256", None)},
        window_start=w.start,
        window_end=w.end,
        demand=problem.demand,
        evacuated=sol.evacuated,
        upper_bound=int(ub),
        finish=at(sol.finish) if sol.finish is not None else None,
        vehicle_km=sol.vehicle_km,
        seat_use=seat_use,
        convoys=convoys,
        trips=trips,
        unserved=unserved,
        hourly=hourly_table(problem, sol, at),
        buses_needed=needed,
        by_group=by_group,
        bound_detail={
            "value": int(ub),
            "reachable_demand": bound.reachable,
            "fleet": bound.fleet,
            "checkpoint_passes": dict(bound.checkpoint_passes),
        },
        routing_problems=problems,
        problem=problem,
        solution=sol,
    )
