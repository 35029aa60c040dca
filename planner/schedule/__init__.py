"""Convoy scheduling (design section 6): who leaves, in which convoy, when, through which checkpoints.

``schedule_plan(plan, net) -> Schedule`` (typed objects, :mod:`.result`);
``validate(schedule, plan, net)`` checks every constraint independently.

**How it works, in one paragraph.** The plan becomes a :class:`~.model.Problem`
in seconds (vehicles, pickups by group, destinations, checkpoints with their
per-convoy, per-vehicle and per-person terms, lanes, open hours, empty checks and
overnight halts, and the legs each vehicle profile drives with the checkpoints on
them). A constructive (:mod:`.engine`) then forms convoy rounds one at a time:
for the most urgent class still waiting (stretcher cases, reduced mobility,
general, each by pickup priority, under the priority rule; everyone otherwise)
it tries a few anchor pickups from every place where vehicles stand, takes the
vehicles that carry the anchor's people (stretcher places first, at most the
convoy size), inserts further stops along the way where seats or convoy places
are spare and the detour is small (where the class waits first, but in the wide
setting), also tries the anchor's *exit chains* (:mod:`.chains`: stop
sequences anchor → q → r → destination whose loaded legs cost less at the
checkpoints, by their demand share, than the anchor's direct leg; people taken
at every stop; only for anchors that have one), and times each
round through every checkpoint passage in both directions (one convoy at a
time, inside open hours and daylight, with overnight halts where allowed), with
an escort team and the headway (:mod:`.timing`); it commits the candidate that
moves the most of the class per hour. It runs under five settings (how many
anchors, how much detour, how long to wait for vehicles, whether to time a
round to farther destinations too; two *priced* ones, where a passage costs its
service time times its checkpoint's load ahead, :mod:`.pricing`, so that a
round through an idle checkpoint beats one queueing at a saturated one, and
further stops take the most people within the detour; one of them times farther
destinations when the nearest one's round queues; plans with one destination
skip them, large plans run the first and the priced ones) and keeps the best by
the objective: people out (by class under the rule),
earliest finish, fewest convoys, fewest vehicle-km. After each run a repair
pass puts unused vehicles into rounds with spare places at their formation
place, and tries a round of unused vehicles earlier in the formation order,
timing the whole schedule again (:func:`.engine.replay`). A local search
(:mod:`.search`) then takes the best run: it moves a round ahead of earlier ones
in the queues, merges two convoys forming at one place, or removes a round and
puts the freed vehicles to work again with the constructive, and (:mod:`.multi`)
changes two or three rounds at once: vehicles moved or swapped between convoys,
a convoy split, a round held so that others pass a checkpoint between its in
and out passages, a new round of unused vehicles, a stop where the most urgent
class still waits; it re-times everything (loads topped up to the seats, cut
to what fits) and keeps what improves the objective, within a fixed number of
round timings. Under the priority rule the search starts instead from the best
schedule without the rule when that, converted to the rule (:mod:`.convert`:
its convoys, queue order and holds kept, every stop's places given class by
class and spread over the vehicles, stops added where classes wait, the unused
stretcher vehicles put into convoys at their place that stop where stretcher
cases wait, stops and stretcher vehicles exchanged between convoys), beats the
rule's best constructive run (on the demo: 1,450 people with every stretcher
case an ambulance has time for and every reduced-mobility person, where the
constructive's start gave 1,424). Where some pickups lie a short cycle from a destination, a further run
builds the schedule in two *waves* (:mod:`.waves`): their people are held back while the constructive forms
first rounds of at most half a convoy to the other pickups, each right away followed, in the queues too, by
its vehicles' second round to the held pickups (a candidate under the rule, not a start of its search);
its rounds may drive through an assembly point where nobody boards when its road out crosses fewer
checkpoints (:mod:`.waypoints`), and go to the destination nearest by drive and passages. Last
(:mod:`.repeat`), convoys whose vehicles unload early go again to short-cycle pickups, or the tail of a
depot convoy is reserved for a short round and a repeat, timed again in the queues and kept when the
objective improves (the 50/30/20 benchmark: 3,128 people under the priority rule, 2,615 with repeat rounds
alone, 2,473 before them; 3,244 without it, 2,880 and 2,653).
:mod:`.bound` gives a valid upper bound from reachable demand and destination
capacity, each vehicle's and escort team's rounds that fit in daylight, and,
for each checkpoint that cuts pickups off from every destination, the passages
that fit its passage window (:mod:`.cuts`: earliest arrival, latest clear,
boarding and unloading, in passages of rounds that cross it empty), alone and
in LPs with the fleet's time by convoy size; and, where traffic can leave by
several roads, all checkpoints at once in a flow LP over the legs
(:mod:`.flowcut`).

Modules: :mod:`.model` (the Problem and its solution), :mod:`.timing` (one
round through the queues), :mod:`.engine` (the constructive), :mod:`.chains` (its exit chains),
:mod:`.repair` (its repair), :mod:`.portfolio` (the runs and the best of them), :mod:`.repeat` (repeat
rounds on short cycles), :mod:`.pricing`
(checkpoint load for the priced settings), :mod:`.search` (the local
search), :mod:`.multi` (its moves over several rounds), :mod:`.convert` (the schedule without the
rule as a start under it), :mod:`.bound`, :mod:`.cuts`, :mod:`.flowcut`,
:mod:`.fleet` (buses needed), :mod:`.check` (the constraint checker on a
Problem), :mod:`.build` (plan → problem → schedule), :mod:`.package`,
:mod:`.report` (hourly table, unserved reasons, queues, convoy positions),
:mod:`.result` (the typed schedule and its JSON), :mod:`.validate`,
:mod:`.daylight`.
"""

from planner.schedule.bound import Bound, upper_bound
from planner.schedule.build import build_problem, plan_fleet, route_all, schedule_plan
from planner.schedule.check import Violation, check
from planner.schedule.model import (
    GROUPS,
    Checkpoint,
    Destination,
    Leg,
    Pickup,
    Problem,
    RoundPlan,
    Rules,
    Solution,
    Vehicle,
)
from planner.schedule.portfolio import solve
from planner.schedule.result import Schedule
from planner.schedule.validate import validate

__all__ = [
    "GROUPS",
    "Bound",
    "Checkpoint",
    "Destination",
    "Leg",
    "Pickup",
    "Problem",
    "RoundPlan",
    "Rules",
    "Schedule",
    "Solution",
    "Vehicle",
    "Violation",
    "build_problem",
    "check",
    "plan_fleet",
    "route_all",
    "schedule_plan",
    "solve",
    "upper_bound",
    "validate",
]
