"""The convoy scheduler: rounds formed one at a time in priority order (see :mod:`planner.schedule`).

Each step builds, for the most urgent class of people still waiting (the
priority rule) or for everyone (without it), candidate rounds: for a few
anchor pickups and every place where vehicles stand, the vehicles that carry
the anchor's people (stretcher places first, then seats, at most the convoy
size), further stops inserted where the most people of the class in hand wait, then where they cost
the least detour, while vehicles or seats are spare, the nearest destination with room; besides, where the
anchor has exit chains (:mod:`.chains`: stops and a destination whose legs avoid its direct leg's busy
checkpoints), a candidate along the first one whose stops still have people; each candidate is timed
through every checkpoint passage in both directions (:func:`.timing.time_round`)
with its escort team and headway. The candidate that moves the most of the
class per hour of the round (from the time the fleet is free; others on board
count half; under the priced settings each passage adds its service time times its
checkpoint's load ahead, :mod:`.pricing`, to the round's hours, and further stops take the most
people within the detour) is committed; a round too
long for the window is cut to the largest that fits, in vehicles and people per vehicle (:func:`.fit.largest_fit`).
:func:`solve` runs this under a few settings, class by class and for everyone at
once (the priced ones class by class; large plans only some settings, :func:`runs`), improves the
best run by the local search of :mod:`.search`, and keeps the best schedule by the objective of
:mod:`.model`.
"""

from __future__ import annotations

from itertools import product

from planner.schedule.builder import Builder, Settings, State, _group_sums
from planner.schedule.chains import chain_round
from planner.schedule.model import INF, Problem, Solution, class_order
from planner.schedule.pricing import demand_share, load_ahead
from planner.schedule.timing import Timetable, latest_departure

#: Anchors looked at per step, at most this many times the anchors a setting tries (most urgent first).
SCAN_FACTOR = 3
#: Anchors looked at per step at most while none fits (pickups behind saturated checkpoints are passed over).
SCAN_MAX = 80
#: Above this size (vehicles x pickups) only the first setting and the priced ones run; above
#: ``PRICED_ONLY_FROM`` only the first and the last, class by class (time).
ALL_SETTINGS_UP_TO = 20_000
PRICED_ONLY_FROM = 40_000

#: People outside the class in hand count this much in a candidate's people per hour (the class counts 1).
OTHERS_WEIGHT = 0.5

SETTINGS = (
    Settings(),
    Settings(
        anchors=10,
        detour_share=0.6,
        detour_min_s=1800.0,
        slack_s=3600.0,
        alt_destinations=2,
        class_stops=False,
        name="wide",
    ),
    Settings(anchors=4, detour_share=0.15, detour_min_s=300.0, slack_s=600.0, name="tight"),
    # checkpoints that are already busy cost more: rounds through idle ones are preferred (city plan: +1.4 %)
    Settings(price=1.0, fill=True, chain_tail=INF, name="priced"),
    Settings(price=3.0, fill=True, alt_destinations=2, name="priced, farther destinations"),
)


def _class_people(P, stops, cls):
    if cls is None:
        return sum(sum(x) for _, ld in stops for x in ld.values())
    g, pr = cls
    return sum(x[g] for q, ld in stops if P.pickup(q).priority == pr for x in ld.values())


def construct(problem: Problem, settings: Settings = SETTINGS[0], by_class=None) -> Solution:
    """One constructive run (see the module docstring).

    ``by_class``: form rounds class by class (default: ``rules.priority_first``), or for everyone at once.
    """
    # imported here: the repair is built on .builder's State and Builder and this module's replay
    from planner.schedule.repair import repair

    P = problem
    S = extend(State(P), settings, by_class)
    S = repair(S, settings)
    return finish(S)


def extend(S: State, settings: Settings = SETTINGS[0], by_class=None, limit=None) -> State:
    """Commit rounds to ``S`` one at a time, class by class (see :func:`construct`), until none fits (or
    ``limit`` rounds are committed)."""
    P = S.P
    B = Builder(S, settings)
    by_class = P.rules.priority_first if by_class is None else by_class
    classes = class_order(P.pickups) if by_class else [None]
    ci = 0
    guard = 0
    while ci < len(classes) and guard < 100_000 and (limit is None or limit > 0):
        guard += 1
        cls = classes[ci]
        best = _best(S, B, cls, settings)
        if best is None:
            ci += 1
            continue
        S.commit(*best)
        limit = None if limit is None else limit - 1
    return S


def finish(S: State) -> Solution:
    """The solution of a state: rounds by departure; ``specs``: the rounds in commit order as :func:`replay`
    takes them (the order that set the queues). Their latest safe departures: :func:`latest_departures`, for
    the solution that is kept (no other run needs them)."""
    rounds = sorted(S.rounds, key=lambda r: (r.depart, r.formation, r.vehicles[0]))
    sol = Solution(rounds)
    sol.specs = [_spec(S, r) for r in S.rounds]
    return sol


def latest_departures(P: Problem, sol: Solution) -> Solution:
    """``sol`` with each round's ``latest_depart``: the latest departure at which it still fits the window,
    open hours and daylight, other rounds ignored (:func:`.timing.latest_departure`), at least its departure."""
    tt = Timetable(P)
    for r in sol.rounds:
        r.latest_depart = max(r.depart, latest_departure(tt, r, [(s.pickup, s.load) for s in r.stops]))
    return sol


# ---------------------------------------------------------------- replay (the repair: .repair)


def _spec(S, r):
    return (list(r.vehicles), r.lead, r.formation, S.stops_of[id(r)], r.destination, r.depart, S.hold.get(id(r), 0))


def replay(P: Problem, specs, settings: Settings = SETTINGS[0], shorten=False, start=None):
    """Rounds ``(vehicles, lead, formation, stops, destination, earliest departure)`` timed again in this order
    on an empty timetable (queues, headways, escorts; or on the state ``start``), or ``None`` when one no longer
    fits (with ``shorten``, a round that no longer fits first drops its last stops, and its vehicles that
    boarded only there, which then stand unused)."""
    S = State(P) if start is None else start
    B = Builder(S, settings)
    for vids, lead, place, stops, dest, dep, *_ in specs:
        if any(S.vfree[v][0] != place for v in vids):
            return None
        sums = [(q, _group_sums(ld)) for q, ld in stops]
        if S.cap[dest] < sum(a + b + c for _, (a, b, c) in sums):
            return None
        if any(S.left[q][0] < a or S.left[q][1] < b or S.left[q][2] < c for q, (a, b, c) in sums):
            return None
        got = None
        while True:
            depart = max([dep] + [S.vfree[v][1] for v in vids])
            got = B._time(place, vids, lead, stops, dest, depart)
            if got is not None or not shorten or len(stops) <= 1:
                break
            # delayed behind a round put before it: it collects at one stop fewer
            stops = stops[:-1]
            vids = [v for v in vids if any(v in ld for _, ld in stops)]
        if got is None:
            return None
        S.commit(*got)
    return S


def _spread(S, vids, slack) -> bool:
    """Whether some of these vehicles are free later than the slack after the first (waiting is a choice)."""
    return S.vfree[vids[-1]][1] > S.vfree[vids[0]][1] + slack


def _best(S, B, cls, cfg):
    P = S.P
    if cls is None:
        anchors = [p for p in P.pickups if sum(S.left[p.id]) > 0]
    else:
        g, pr = cls
        anchors = [p for p in P.pickups if p.priority == pr and S.left[p.id][g] > 0]
    if not anchors:
        return None
    anchors.sort(key=lambda p: (p.priority, p.ready_s, -sum(S.left[p.id]), p.id))
    places = B.places()
    if not places:
        return None
    now = min(S.vfree[vs[0]][1] for vs in places.values())
    if cfg.price > 0:
        if B.demand is None:
            B.demand = demand_share(P)
        B.load = load_ahead(S.tt, now, B.demand)
    best, best_key = None, None
    tried = 0
    here = tuple(sorted(places))
    # per place: the lead profiles there, and whether waiting for the later vehicles is a choice
    leads = {place: sorted({B.veh[v].profile for v in vids}) for place, vids in places.items()}
    modes = {place: (True, False) if _spread(S, vids, cfg.slack_s) else (True,) for place, vids in places.items()}
    for n, p in enumerate(anchors):
        if S.dead.get(p.id) == here:
            # nothing fitted from these places before, and queues only fill: skip it (past the scan limit only)
            if n >= SCAN_FACTOR * cfg.anchors:
                continue
        if tried >= cfg.anchors or (n >= SCAN_FACTOR * cfg.anchors and best is not None) or n >= SCAN_MAX:
            # past the scan limit only while nothing fits yet: pickups behind saturated checkpoints must not
            # end the construction while others can still be served
            break
        found = False
        for place, vids in places.items():
            for lead in leads[place]:
                for wait_all, chain in product(modes[place], (False, True) if cfg.chains else (False,)):
                    if chain and not wait_all:
                        continue  # one chain candidate per place (time: the 50/30/20 plan)
                    if chain:
                        c = chain_round(B, place, vids, lead, p.id, cls, wait_all)
                    else:
                        c = B.round_for(place, vids, lead, p.id, cls, wait_all)
                    if c is None:
                        continue
                    found = True
                    r, stops = c
                    target = _class_people(P, stops, cls)
                    if target <= 0:
                        continue
                    dur = max(60.0, r.unloaded - now)
                    dur += cfg.price * B.priced(r)
                    key = ((target + OTHERS_WEIGHT * (r.people - target)) / dur, target, -r.unloaded)
                    if best_key is None or key > best_key:
                        best, best_key = c, key
        if found:
            tried += 1
        else:
            S.dead[p.id] = here
    return best


def lead_profile(problem: Problem, profiles) -> str:
    """The profile of a group the others can follow (the slowest such), for a mixed convoy."""
    ps = sorted(set(profiles))
    ok = [b for b in ps if all(problem.follows(a, b) for a in ps)]
    return ok[0] if ok else ps[0]


__all__ = ["SETTINGS", "Settings", "construct", "latest_departures", "lead_profile"]
