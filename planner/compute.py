"""One compute: validate a plan, route it, schedule it.

The CLI (``evacplan schedule``) and the GUI's compute worker both call
:func:`compute_plan`, so a plan that ``evacplan check`` rejects is never
scheduled by either, and both show the same routes and figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from planner.errors import NetworkError, PlanError
from planner.progress import null_progress, scaled

#: Routes offered per (pickup, destination) for display, the fastest included.
ALTERNATIVES = 3


@dataclass
class ComputeResult:
    """What one compute produced.

    Attributes
    ----------
    routes : planner.routing.PlanRoutes or None
        Routes of the fleet's most common vehicle profile, with alternatives.
    schedule : planner.schedule.result.Schedule or None
        ``None`` when validation errors stopped the compute.
    problems : list
        Validation problems (``planner.plan.Problem``) and routing problems.
    bound_effort_s : float or None
        The effort the schedule's upper bound was proven with (``compute_plan``'s ``bound_effort_s``, about
        seconds of one core a solver run); ``None``: the normal bound.
    """

    routes: Any = None
    schedule: Any = None
    problems: list = field(default_factory=list)
    bound_effort_s: float | None = None

    @property
    def errors(self) -> list:
        """The validation errors that stopped the compute (empty when it ran)."""
        from planner.plan import ERROR

        return [p for p in self.problems if getattr(p, "severity", None) == ERROR]


def network_for_plan(plan, source=None, progress=null_progress):
    """The stored road network a plan names (the bundled demo is built on first use).

    Raises
    ------
    NetworkError
        The network is not in the store: one line naming it and how to get it.
    """
    from planner import network as netmod
    from planner.plan.check import missing_network_message
    from planner.store import DEMO_NAME

    name = plan.network.name
    if name == DEMO_NAME:
        return netmod.demo_network(progress=progress)
    if isinstance(name, str) and name and (netmod.store_dir() / name).is_dir():
        return netmod.load_network(name)
    raise NetworkError(missing_network_message(plan, source or plan.name))


def compute_plan(plan, net, *, alternatives=ALTERNATIVES, progress=null_progress, bound_effort_s=None) -> ComputeResult:
    """Validate, route and schedule ``plan`` on ``net``.

    Routing runs once per vehicle profile (what ``schedule_plan`` would do
    itself), so the displayed routes and the schedule use the same roads.

    Parameters
    ----------
    plan : planner.plan.Plan
        Not modified.
    net : planner.network.RoadNetwork
    alternatives : int
        Routes offered per (pickup, destination) in ``result.routes``.
    progress : callable
        ``progress(fraction, message)``; raising ``Cancelled`` stops the work.
    bound_effort_s : float, optional
        More effort for the upper bound (:func:`planner.schedule.schedule_plan`): its solver runs report
        progress (the step ``tightening_bound``) and a ``Cancelled`` stops between two of them.

    Returns
    -------
    ComputeResult
        With ``schedule`` ``None`` and the errors in ``problems`` when the plan is invalid.
    """
    from planner.plan import ERROR, served_problems
    from planner.plan.check import plan_problems
    from planner.routing import route_plan
    from planner.schedule import schedule_plan
    from planner.schedule.build import plan_fleet, profile_key, route_all

    progress(0.0, "checking the plan")
    # refuse, never repair: a plan with any error (a point off the roads included) is not computed
    problems = plan_problems(plan, net)
    if any(p.severity == ERROR for p in problems):
        return ComputeResult(problems=problems)
    fleet = plan_fleet(plan)
    # with effort the bound's solver runs are nearly all the work: they get the bar (schedule_plan's 0.04-0.96)
    lo, split = (0.02, 0.3) if bound_effort_s is None else (0.01, 0.03)
    routes_by_profile = route_all(plan, net, fleet, scaled(progress, lo, split))
    served = {}
    for pr in routes_by_profile.values():  # points the open roads serve only from far away (closures, blocked zones)
        served.update({p.element_id: p for p in served_problems(plan, net, pr.snaps)})
    if served:
        return ComputeResult(problems=list(served.values()) + problems)
    schedule = schedule_plan(
        plan,
        net,
        progress=scaled(progress, split, 1.0),
        routes_by_profile=routes_by_profile,
        bound_effort_s=bound_effort_s,
    )
    keys = [profile_key(v.profile) for v in fleet]
    main = max(routes_by_profile, key=lambda k: (keys.count(k), k))
    prof = next((v.profile for v in fleet if profile_key(v.profile) == main), None)
    routes = route_plan(plan, net, profile=prof, alternatives=alternatives, usable=routes_by_profile[main].usable)
    seen = set()
    for pr in routes_by_profile.values():
        for rp in pr.problems:
            if rp.message not in seen:
                seen.add(rp.message)
                problems.append(rp)
    progress(1.0, "done")
    return ComputeResult(routes=routes, schedule=schedule, problems=problems, bound_effort_s=bound_effort_s)


def raise_for_errors(result: ComputeResult, source) -> None:
    """Raise ``PlanError`` naming every validation error of a compute that did not run."""
    errs = result.errors
    if errs:
        lines = "\n".join(f"  {p.message}" for p in errs)
        raise PlanError(f"{source}: the plan has {len(errs)} error(s); nothing was scheduled:\n{lines}", errs)
