"""Independent check of a schedule against every constraint of design section 6.

It reads the schedule (the typed :class:`~planner.schedule.result.Schedule` or
its JSON contract), the plan and the road network: routes come from a fresh
:func:`planner.routing.route_plan` per vehicle profile, the problem from
:func:`planner.schedule.build.build_problem`, and :func:`planner.schedule.check.check`
(which shares no code with the engine's timing) checks the rounds. KPIs are
re-counted from the convoys.
"""

from __future__ import annotations

from planner.schedule.check import Violation, check
from planner.schedule.model import GROUPS, HaltPlan, PassPlan, RoundPlan, Solution, StopPlan

__all__ = ["Violation", "solution_of", "validate"]


def solution_of(schedule, problem) -> tuple:
    """``(Solution, convoy ids)`` in seconds from a schedule (objects or JSON)."""
    from planner.schedule.result import schedule_from_json

    s = schedule if hasattr(schedule, "convoys") and not isinstance(schedule, dict) else schedule_from_json(schedule)
    t0 = s.window_start
    sec = lambda t: (t - t0).total_seconds()  # noqa: E731
    loads: dict = {}
    for t in s.trips:
        for b in t.boarded:
            loads.setdefault((t.convoy, b.pickup), {})[t.vehicle] = tuple(int(b.by_group.get(g, 0)) for g in GROUPS)
    rounds, names = [], []
    for c in s.convoys:
        try:
            escort = int(str(c.escort).lstrip("E")) - 1
        except ValueError:
            escort = hash(c.escort)
        rounds.append(
            RoundPlan(
                vehicles=list(c.vehicles),
                lead=c.profile,
                escort=escort,
                formation=c.formation_place,
                depart=sec(c.depart),
                stops=[
                    StopPlan(st.pickup, sec(st.arrive), sec(st.depart), loads.get((c.id, st.pickup), {}))
                    for st in c.stops
                ],
                destination=c.destination,
                arrive=sec(c.arrive),
                unloaded=sec(c.unloaded),
                passes=[
                    PassPlan(
                        p.checkpoint,
                        p.direction,
                        sec(p.arrive),
                        sec(p.start_service),
                        sec(p.clear),
                        p.vehicles,
                        p.people,
                    )
                    for p in sorted(c.passages, key=lambda p: p.arrive)
                ],
                halts=[HaltPlan(h.place, sec(h.start), sec(h.end), h.direction) for h in c.halts],
                length_m=dict(c.length_m),
            )
        )
        names.append(c.id)
    return Solution(rounds), names, s


def validate(schedule, plan, net, *, routes_by_profile=None, problem=None) -> list:
    """Every constraint violation of ``schedule`` (a Schedule or its JSON dict); ``[]`` if none.

    See :func:`planner.schedule.check.check` for the constraints; ``kpis`` is
    added when the reported people out, convoys or groups differ from the convoys'.
    """
    from planner.schedule.build import build_problem, route_all

    if problem is None:
        if routes_by_profile is None:
            routes_by_profile = route_all(plan, net)
        problem = build_problem(plan, routes_by_profile)
    sol, names, s = solution_of(schedule, problem)
    out = check(problem, sol, names)
    k = s.kpis
    if k.evacuated != sol.evacuated:
        out.append(Violation(None, None, "kpis", f"evacuated {k.evacuated}, the convoys carry {sol.evacuated}"))
    if k.convoys != len(sol.rounds):
        out.append(Violation(None, None, "kpis", f"{k.convoys} convoys reported, {len(sol.rounds)} listed"))
    if tuple(k.by_group.get(g, 0) for g in GROUPS) != tuple(sol.by_group):
        out.append(Violation(None, None, "kpis", f"by group {k.by_group}, the convoys carry {sol.by_group}"))
    if k.upper_bound < k.evacuated:
        out.append(Violation(None, None, "kpis", "upper bound below people out"))
    return out
