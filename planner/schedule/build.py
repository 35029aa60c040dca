"""From a plan and its routes to a :class:`~planner.schedule.result.Schedule` (design sections 6 and 10)."""

from __future__ import annotations

import gc
import math
import time as _time
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime

from planner.errors import EvacplanError, PlanError
from planner.progress import null_progress, scaled
from planner.schedule.daylight import plan_nights
from planner.schedule.model import INF, Checkpoint, Destination, Leg, Pickup, Problem, Rules, Solution, Vehicle
from planner.schedule.timing import forget as forget_round_timings

#: Pickup -> pickup legs kept per pickup (the nearest by time) above this many pickups.
NEAREST_PICKUPS = 12
ALL_PICKUP_LEGS_UP_TO = 40
MANY_PICKUPS = 300
NEAREST_PICKUPS_MANY = 6


@dataclass(frozen=True)
class FleetVehicle:
    """One vehicle of a plan's fleet, with the id schedules use (``DP1-bus-03``)."""

    id: str
    depot_id: str
    type: str
    seats: int
    stretcher_places: int
    max_speed_kph: float
    available_from: datetime | None
    profile: object = None  # planner.usable.VehicleProfile
    plate: str = ""


def plan_fleet(plan) -> list:
    """Every vehicle of the plan's depots, numbered per depot and type from 1."""
    from planner.usable import profile_of

    out = []
    for depot in plan.depots:
        counter: dict = {}
        for vt in depot.vehicles:
            prof = profile_of(vt)
            for i in range(max(0, int(vt.count))):
                counter[vt.type] = counter.get(vt.type, 0) + 1
                out.append(
                    FleetVehicle(
                        f"{depot.id}-{vt.type}-{counter[vt.type]:02d}",
                        depot.id,
                        vt.type,
                        int(vt.seats),
                        int(vt.stretcher_places),
                        float(vt.max_speed_kph),
                        vt.available_from,
                        prof,
                        vt.plate(i),
                    )
                )
    return out


def profile_key(profile) -> str:
    """A short stable name of a vehicle profile (``bus-60``; size added when it is not the type's default)."""
    if profile is None:
        return "default"
    return f"{profile.kind}-{profile.max_speed_kph:g}-{profile.height_m:g}x{profile.weight_t:g}x{profile.length_m:g}"


def route_all(plan, net, fleet=None, progress=null_progress) -> dict:
    """``profile key -> PlanRoutes``: one routing run per distinct vehicle profile."""
    from planner.routing import route_plan

    fleet = plan_fleet(plan) if fleet is None else fleet
    profiles = {}
    for v in fleet:
        profiles.setdefault(profile_key(v.profile), v.profile)
    if not profiles:
        profiles = {"default": None}
    out = {}
    n = len(profiles)
    for i, (key, prof) in enumerate(sorted(profiles.items())):
        out[key] = route_plan(plan, net, profile=prof, progress=scaled(progress, i / n, (i + 1) / n))
    return out


def seconds(window_start: datetime, t: datetime | None) -> float:
    return 0.0 if t is None else (t - window_start).total_seconds()


def _leg(route) -> Leg:
    return _leg_of(route.time_s, route.length_m, route.checkpoints)


def _leg_of(time_s, length_m, passes) -> Leg:
    cps = tuple((c.checkpoint_id, float(math.ceil(c.offset_s))) for c in passes)
    return Leg(float(math.ceil(time_s)), float(length_m), cps)


def problem_legs(plan, pr) -> dict:
    """``(from_id, to_id) -> Leg`` for the legs a round drives, from one profile's routes."""
    legs = {}
    for (p, d), r in pr.routes.items():
        legs[(p, d)] = _leg(r)
    pk = [p.id for p in plan.pickups]
    origins = [d.id for d in plan.depots] + [d.id for d in plan.destinations]
    pairs = [(o, p) for o in origins for p in pk]
    for p in pk:
        others = [q for q in pk if q != p and math.isfinite(pr.time_s.get((p, q), INF))]
        if len(pk) > ALL_PICKUP_LEGS_UP_TO:
            keep = NEAREST_PICKUPS if len(pk) <= MANY_PICKUPS else NEAREST_PICKUPS_MANY
            others = sorted(others, key=lambda q: pr.time_s[(p, q)])[:keep]
        pairs += [(p, q) for q in others]
    for a, b in pairs:
        if (a, b) in legs or not math.isfinite(pr.time_s.get((a, b), INF)):
            continue
        try:
            r = pr.leg_cost(a, b)  # the leg's figures only: no route nodes or geometry
        except KeyError:
            continue
        if r is not None:
            legs[(a, b)] = _leg_of(*r)
    return legs


def _fits(a, b) -> bool:
    """Vehicles of profile ``a`` fit wherever ``b`` does (no larger in any dimension)."""
    if a is None or b is None:
        return a is b
    return a.height_m <= b.height_m and a.weight_t <= b.weight_t and a.length_m <= b.length_m


def build_problem(plan, routes_by_profile, fleet=None) -> Problem:
    """The scheduler's :class:`~.model.Problem` for a plan: whole seconds from the window start.

    Raises
    ------
    PlanError
        Rules no convoy can be formed under (max convoy size or escort teams below 1), one line naming the field.
    """
    fleet = plan_fleet(plan) if fleet is None else fleet
    w = plan.window
    t0 = w.start
    rules = plan.rules
    if int(rules.max_convoy_size) < 1:
        raise PlanError(
            f"plan '{plan.name}': rules.max_convoy_size is {rules.max_convoy_size}: "
            "no convoy can be formed (give at least 1 vehicle)"
        )
    if rules.escort_teams is not None and int(rules.escort_teams) < 1:
        raise PlanError(
            f"plan '{plan.name}': rules.escort_teams is {rules.escort_teams}: "
            "no convoy can be escorted (give at least 1 team, or leave it unset for unlimited)"
        )
    vehicles = [
        Vehicle(
            v.id,
            v.depot_id,
            v.seats,
            v.stretcher_places,
            max(0.0, math.ceil(seconds(t0, v.available_from))),
            profile_key(v.profile),
        )
        for v in fleet
    ]
    pickups = [
        Pickup(
            p.id,
            int(p.people.general),
            int(p.people.reduced_mobility),
            int(p.people.stretcher),
            max(0.0, float(math.ceil(seconds(t0, p.ready_time)))),
            int(p.priority),
            getattr(p, "destination", None),
        )
        for p in plan.pickups
    ]
    dests = [Destination(d.id, INF if d.capacity is None else float(d.capacity)) for d in plan.destinations]
    cps = {}
    for c in plan.checkpoints:
        opens = tuple(
            (float(math.ceil(seconds(t0, a))), float(math.floor(seconds(t0, b))))
            for a, b in c.open_intervals(w.start, w.end)
        )
        cps[c.id] = Checkpoint(
            c.id,
            float(c.minutes_per_convoy) * 60.0,
            float(c.minutes_per_vehicle) * 60.0,
            float(c.seconds_per_person),
            max(1, int(c.lanes)),
            float(c.hold_min or 0.0) * 60.0,
            opens,
            bool(c.checks_empty),
            bool(c.overnight_halt),
        )
    night = [(float(math.floor(seconds(t0, a))), float(math.ceil(seconds(t0, b)))) for a, b in plan_nights(plan)]
    legs = {k: problem_legs(plan, pr) for k, pr in routes_by_profile.items()}
    profs = {profile_key(v.profile): v.profile for v in fleet}
    follow = frozenset((a, b) for a in profs for b in profs if a != b and _fits(profs[a], profs[b]))
    return Problem(
        vehicles=vehicles,
        pickups=pickups,
        destinations=dests,
        checkpoints=cps,
        legs=legs,
        window_end_s=float(math.floor(w.duration_s)),
        night=night,
        rules=Rules(
            max_convoy=int(rules.max_convoy_size),
            escort_teams=None if rules.escort_teams is None else int(rules.escort_teams),
            headway_s=float(rules.headway_min) * 60.0,
            board_s_per_person=float(rules.loading_s_per_person),
            leave_s_per_person=float(rules.unloading_s_per_person),
            mobilisation_s=float(rules.mobilisation_min) * 60.0,
            priority_first=bool(rules.priority_first),
        ),
        can_follow=follow,
    )


def best_checked(problem: Problem, sols) -> Solution:
    """The best of ``sols`` by the objective that passes :func:`.check.check` (a drivers' schedule is never one
    the checker rejects: a search move's defect costs a better schedule, not a wrong one).

    Raises
    ------
    EvacplanError
        When none passes.
    """
    from planner.schedule.check import check
    from planner.schedule.portfolio import best_of

    rest = list(sols)
    while rest:
        best = best_of(problem, rest)
        if not check(problem, best):
            return best
        rest = [s for s in rest if s is not best]
    raise EvacplanError("no schedule the engine formed passes the constraint checker; please report this plan")


@contextmanager
def _collector_paused():
    """Python's cyclic garbage collector off for the block (on again after, if it was on).

    A schedule allocates millions of short-lived tuples and small objects, freed by reference counting; each
    of the collector's passes triggered by them also walks every live object of the process (the road
    network's arrays and graphs, the routes): about a tenth of the 50/30/20 plan's time, for no garbage.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def schedule_plan(
    plan,
    net,
    *,
    progress=None,
    improve=True,
    buses_needed=True,
    routes_by_profile=None,
    priority_first=None,
    routes_by_speed=None,
    bound_effort_s=None,
    **_ignored,
):
    """Compute the convoy schedule of a plan on a road network.

    Parameters
    ----------
    plan : planner.plan.Plan
    net : planner.network.RoadNetwork
    progress : callable, optional
        ``progress(fraction, message)``; may raise ``Cancelled``.
    improve : bool
        Run every setting of the constructive (:data:`.engine.SETTINGS`), not only the first.
    buses_needed : bool
        Search the number of buses that would move everyone in this window.
    routes_by_profile : dict, optional
        ``profile key -> PlanRoutes`` already computed (:func:`route_all`).
    priority_first : bool, optional
        Default: the plan's ``rules.priority_first``.
    bound_effort_s : float, optional
        More effort for the bound's flow-shop cut (about seconds of one core a run; up to two runs under the
        priority rule, :func:`.seqcut.sequence_cut`); default: the normal path's small budget. Its runs report
        ``progress`` between 0.04 and 0.96 (the step ``tightening_bound``: nearly all the work), and a
        ``Cancelled`` stops between them.

    Returns
    -------
    planner.schedule.result.Schedule

    Raises
    ------
    PlanError
        Rules under which no convoy can be formed (one line naming the field).
    """
    try:
        with _collector_paused():
            return _schedule_plan(
                plan,
                net,
                progress,
                improve,
                buses_needed,
                routes_by_profile,
                priority_first,
                routes_by_speed,
                bound_effort_s,
            )
    finally:
        forget_round_timings()  # this schedule's problems share their round timings no longer (memory)


def _schedule_plan(
    plan, net, progress, improve, buses_needed, routes_by_profile, priority_first, routes_by_speed, bound_effort_s
):
    from planner.schedule.bound import upper_bound
    from planner.schedule.engine import SETTINGS
    from planner.schedule.package import package
    from planner.schedule.portfolio import runs

    progress = progress or null_progress
    # with effort the bound is nearly all the work (minutes; the rest about a second on the demo): the bar is its
    # solver runs, not the normal path's tenth
    tight = bound_effort_s is not None
    f_route, f_form, b_lo, b_hi, f_need, f_pack = (
        (0.02, 0.03, 0.04, 0.96, 0.96, 0.97) if tight else (0.3, 0.4, 0.7, 0.8, 0.8, 0.95)
    )
    routes_by_profile = routes_by_profile if routes_by_profile is not None else routes_by_speed
    timings = {}
    t = _time.perf_counter()
    fleet = plan_fleet(plan)
    if routes_by_profile is None:
        routes_by_profile = route_all(plan, net, fleet, scaled(progress, 0.0, f_route))
    timings["routing_s"] = _time.perf_counter() - t
    t = _time.perf_counter()
    problem = build_problem(plan, routes_by_profile, fleet)
    if priority_first is not None and bool(priority_first) != problem.rules.priority_first:
        problem.rules = replace(problem.rules, priority_first=bool(priority_first))
    timings["problem_s"] = _time.perf_counter() - t
    t = _time.perf_counter()
    progress(f_form, "forming convoys")
    settings = SETTINGS if improve else SETTINGS[:1]
    sols = runs(problem, settings)
    sol = best_checked(problem, sols)
    free = None
    if problem.rules.priority_first:
        free = best_checked(replace(problem, rules=replace(problem.rules, priority_first=False)), sols)
    timings["heuristic_s"] = _time.perf_counter() - t
    t = _time.perf_counter()
    progress(b_lo, "upper bound")
    # under the rule: the bound of the rule's best schedule, floored by what this one carries per class
    floors = None
    if problem.rules.priority_first:
        from planner.schedule.model import class_counts

        floors = class_counts(problem.pickups, sol.taken())
    # with effort: the tightening's solver runs report inside this step's share (a Cancelled stops between runs)
    bound = upper_bound(problem, floors, effort_s=bound_effort_s, progress=scaled(progress, b_lo, b_hi))
    timings["bound_s"] = _time.perf_counter() - t
    t = _time.perf_counter()
    needed = {}
    if buses_needed:
        from planner.schedule.fleet import buses_needed as _needed

        progress(f_need, "buses needed to move everyone")
        needed = _needed(problem, sol, bound.reachable, bound)
    timings["buses_needed_s"] = _time.perf_counter() - t
    progress(f_pack, "packaging the schedule")
    sched = package(plan, net, problem, sol, bound, routes_by_profile, fleet, needed, free=free)
    sched.timings = {k: round(v, 3) for k, v in timings.items()}
    progress(1.0, f"{sched.evacuated} of {sched.demand} people out")
    return sched
