"""Bus capacity scheduling: trips, convoys and checkpoint queues (design section 6).

``schedule_plan(plan, net) -> Schedule``; ``Schedule.to_json()`` is the
contract of design section 10; ``validate(schedule, plan, net)`` checks every
hard constraint independently. The modules:

- :mod:`.model`: the plain :class:`Problem` the algorithms work on (seconds);
- :mod:`.heuristic`: event-driven list scheduling with convoys, and its variants;
- :mod:`.lanes`: checkpoint queues as per-lane reservation tables;
- :mod:`.bound`: the LP upper bound;
- :mod:`.fleet`: buses needed to move everyone;
- :mod:`.daylight`: night intervals (astral);
- :mod:`.build` and :mod:`.report`: plan → problem → :class:`Schedule`;
- :mod:`.validate`: the independent checker.
"""

from planner.schedule.model import (  # noqa: F401
    GROUPS, CheckpointSpec, Destination, LoadedRoute, PickupDemand, Problem, Rules, Solution, Vehicle,
)
from planner.schedule.heuristic import Params, solve  # noqa: F401
from planner.schedule.bound import Bound, upper_bound  # noqa: F401
from planner.schedule.build import Schedule, build_problem, plan_fleet, schedule_plan  # noqa: F401
from planner.schedule.validate import Violation, validate  # noqa: F401

__all__ = [
    "GROUPS", "CheckpointSpec", "Destination", "LoadedRoute", "PickupDemand", "Problem", "Rules", "Solution", "Vehicle",
    "Params", "solve", "Bound", "upper_bound", "Schedule", "build_problem", "plan_fleet", "schedule_plan",
    "Violation", "validate",
]
