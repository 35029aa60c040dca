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

import math
from dataclasses import dataclass
from itertools import product

from planner.schedule.chains import cache as chain_cache
from planner.schedule.chains import chain_round
from planner.schedule.fit import _fill, _trim, largest_fit, spread_loads
from planner.schedule.fit import fit_key as _fit_key
from planner.schedule.model import INF, Problem, RoundPlan, Solution, class_order
from planner.schedule.pricing import demand_share, load_ahead
from planner.schedule.timing import Infeasible, Timetable, latest_departure, time_round
from planner.schedule.waypoints import leg_s, with_waypoints


@dataclass(frozen=True)
class Settings:
    """One run of the constructive: anchors tried per step, the detour a further stop may cost, waiting slack."""

    anchors: int = 6
    detour_share: float = 0.35  # of the round's free-flow time
    detour_min_s: float = 900.0
    slack_s: float = 1200.0  # "leave now" candidates: vehicles free within this of the first
    alt_destinations: int = 0  # destinations besides the nearest a candidate is timed to (earliest unloading)
    class_stops: bool = True  # further stops where the class in hand waits first (else by detour alone)
    fill: bool = False  # further stops: most of the class, then most people, within the detour (else least detour)
    price: float = 0.0  # a passage costs its service time x this x its checkpoint's load ahead (.pricing)
    chains: bool = True  # also candidates along the anchor's exit chains (.chains)
    chain_tail: float = 0.25  # a chain's later stops take at most this share of a vehicle's seats (.chains)
    waypoints: bool = False  # stops where nobody boards where they shorten the route (.waypoints)
    by_passages: bool = False  # the nearest destination by drive and passages (else by drive alone)
    convoy_share: float = 1.0  # vehicles a round takes at most: this share of the rule's max_convoy, rounded up
    name: str = "default"


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


def _same(made, now) -> bool:
    """Whether the problem's vehicles, pickups, destinations and rules are those ``made`` was worked out from."""
    return all(a is b for a, b in zip(made, now)) and made[4] == len(now[0]) and made[5] == len(now[1])


class State:
    """The schedule under construction."""

    def __init__(self, problem: Problem):
        P = self.P = problem
        self.tt = Timetable(problem)
        # where the vehicles stand and from when, the people waiting, the destinations' room: the problem's,
        # worked out once (a state is made for every replay)
        got = P.__dict__.get("_start")
        if got is None or not _same(got[0], (P.vehicles, P.pickups, P.destinations, P.rules)):
            got = P.__dict__["_start"] = (
                (P.vehicles, P.pickups, P.destinations, P.rules, len(P.vehicles), len(P.pickups)),
                {v.id: (v.depot, P.first_departure(v)) for v in P.vehicles},
                {p.id: tuple(p.by_group) for p in P.pickups},
                {d.id: d.capacity for d in P.destinations},
            )
        self.vfree = dict(got[1])
        self.left = {q: list(x) for q, x in got[2].items()}
        self.cap = dict(got[3])
        self.teams: list = []  # [place, free_at]
        self.teams_at: dict = {}  # place -> team indices there
        self.rounds: list = []
        self.stops_of: dict = {}  # id(round) -> stops spec for re-timing
        self.timed = 0  # round timings tried (the local search's budget counts them)
        self.dead: dict = {}  # anchor -> the places from which no round to it fitted (skipped while the same)
        self.hold: dict = {}  # id(round) -> rounds placed between its in and its out legs (see search.replay_fit)
        self.held: list = []  # rounds whose out legs wait (search.replay_fit, search.release_held)

    # ---- escorts
    def escort_for(self, place, t):
        """(team index or -1 for a new team, earliest departure) of the team that can lead from ``place``."""
        P = self.P
        limit = P.rules.escort_teams
        if limit is None:
            # unlimited: a team already there and free, else a new one
            for i in self.teams_at.get(place, ()):
                if self.teams[i][1] <= t + 1e-6:
                    return i, t
            return -1, t
        best, best_t = -1, t
        cand = []
        for i, (loc, free) in enumerate(self.teams):
            cand.append((max(t, free + P.transfer_s(loc, place)), i))
        if len(self.teams) < limit:
            # a free existing team that is there in time, else a new team
            ready = [c for c in cand if c[0] <= t + 1e-6]
            if ready:
                return min(ready)[1], t
            return -1, t
        if not cand:
            return -1, INF
        best_t, best = min(cand)
        return best, best_t

    def commit(self, r: RoundPlan, stops) -> None:
        if r.escort < 0:
            self.teams.append([r.destination, r.unloaded])
            r.escort = len(self.teams) - 1
        else:
            old = self.teams[r.escort][0]
            if r.escort in self.teams_at.get(old, ()):
                self.teams_at[old].remove(r.escort)
            self.teams[r.escort] = [r.destination, r.unloaded]
        self.teams_at.setdefault(r.destination, []).append(r.escort)
        for v in r.vehicles:
            self.vfree[v] = (r.destination, r.unloaded)
        people = 0
        for pid, load in stops:
            a, b, c = _group_sums(load)
            acc = self.left[pid]
            acc[0] -= a
            acc[1] -= b
            acc[2] -= c
            people += a + b + c
        self.cap[r.destination] -= people  # r.people: its stops are these
        self.tt.commit(r)
        self.rounds.append(r)
        self.stops_of[id(r)] = stops


class Builder:
    """Candidate rounds for one state."""

    def __init__(self, state: State, settings: Settings):
        self.S = state
        self.P = state.P
        self.cfg = settings
        P = self.P
        self.veh = P._index("_vh", P.vehicles)  # vehicle id -> Vehicle (the problem's, made once)
        got = P.__dict__.get("_maxcap")  # a builder is made for every replay: once per vehicle index
        if got is None or got[0] is not self.veh:
            got = P.__dict__["_maxcap"] = (self.veh, max((v.capacity for v in self.veh.values()), default=0))
        self.maxcap = got[1]
        # lead -> pickup -> pickups a leg leads to (insertion candidates), once per problem
        self.near: dict = P.__dict__.setdefault("_near", {})
        self.load = None  # checkpoint -> load ahead (.pricing), set per step when the setting prices passages
        self.demand = None  # checkpoint -> demand share (.pricing.demand_share), once per run
        self.chains = chain_cache(self.P)  # lead -> pickup -> exit chains (.chains), once per problem
        self.follow: dict = {}  # (place, lead) -> (vids, those of them that follow the lead), see members
        self.maxc = max(1, math.ceil(self.P.rules.max_convoy * min(1.0, settings.convoy_share) - 1e-9))

    def places(self):
        """``place -> [vehicle ids sorted by free time]`` of vehicles that can still depart in the window."""
        out: dict = {}
        end = self.P.window_end_s
        for vid, (place, free) in self.S.vfree.items():
            if free < end:
                out.setdefault(place, []).append(vid)
        for vs in out.values():
            vs.sort(key=lambda v: (self.S.vfree[v][1], v))
        return out

    def destination_for(self, lead, last, pickups):
        P = self.P
        allowed = {P.pickup(p).destination for p in pickups} - {None}
        best = None
        for d in P.destinations:
            if allowed and d.id not in allowed:
                continue
            if self.S.cap[d.id] <= 0:
                continue
            if self.cfg.by_passages:
                t = leg_s(P, lead, last, d.id, 1, False)  # a nearer one may lie behind more checkpoints
            else:
                lg = P.leg(lead, last, d.id)
                t = INF if lg is None else lg.time_s
            if t < INF and (best is None or t < best[0]):
                best = (t, d.id)
        return None if best is None else best[1]

    def members(self, place, vids, lead, anchor, wait_all) -> list:
        """The vehicles of ``vids`` that can follow ``lead`` from ``place`` to ``anchor`` (all of them, or only
        those free within the setting's slack of the first); empty when none or no leg."""
        P, S = self.P, self.S
        got = self.follow.get((place, lead))  # the vehicles there that follow the lead: once per step (vids)
        if got is None or got[0] is not vids:
            got = self.follow[(place, lead)] = (vids, [v for v in vids if P.follows(self.veh[v].profile, lead)])
        members = got[1]
        if not members or P.leg(lead, place, anchor) is None:
            return []
        if not wait_all:
            t0 = S.vfree[members[0]][1]
            members = [v for v in members if S.vfree[v][1] <= t0 + self.cfg.slack_s]
        return members

    def round_for(self, place, vids, lead, anchor, cls, wait_all):
        """One candidate round, or ``None``: (RoundPlan, stops spec)."""
        P, S = self.P, self.S
        members = self.members(place, vids, lead, anchor, wait_all)
        if not members:
            return None
        need = list(S.left[anchor])
        if cls is not None and cls[0] == 0 and need[0] <= 0:
            return None
        dest = self.destination_for(lead, anchor, [anchor])
        if dest is None:
            return None
        maxc = self.maxc
        chosen: dict = {}  # vid -> [st free, seats free]

        veh = self.veh

        def take(pred, want, i):
            # members that pred accepts, while convoy places remain and ``want`` exceeds the free places
            # ``i`` (0: stretcher, 1: seats) of the chosen vehicles
            free = sum(f[i] for f in chosen.values())
            for v in members:
                if len(chosen) >= maxc or want - free <= 0:
                    return
                x = veh[v]
                if v in chosen or not pred(x):
                    continue
                f = chosen[v] = [x.stretcher_places, x.seats]
                free += f[i]

        free_st = lambda: sum(f[0] for f in chosen.values())  # noqa: E731
        free_seat = lambda: sum(f[1] for f in chosen.values())  # noqa: E731
        take(lambda v: v.stretcher_places > 0, need[0], 0)
        take(lambda v: v.stretcher_places == 0 and v.seats > 0, need[1] + need[2], 1)
        take(lambda v: v.seats > 0, need[1] + need[2], 1)
        if not chosen:
            return None
        loads = {anchor: _fill(chosen, P, need)}
        order = [anchor]
        if not loads[anchor]:
            return None
        # further stops, by cheapest insertion, while seats or convoy places are spare
        while len(order) < P.rules.max_stops:
            spare_v = len(chosen) < maxc and any(v not in chosen for v in members)
            spare_s = free_st() + free_seat() > 0
            if not (spare_v or spare_s):
                break
            ins = self._insertion(place, order, dest, lead, chosen, spare_v, cls)
            if ins is None:
                break
            q, pos, dest2 = ins
            qneed = list(S.left[q])
            if spare_v:
                take(lambda v: v.stretcher_places > 0, qneed[0], 0)
                take(lambda v: v.seats > 0 and v.stretcher_places == 0, qneed[1] + qneed[2], 1)
            load_q = _fill(chosen, P, qneed)
            if not load_q:
                break
            order.insert(pos, q)
            loads[q] = load_q
            dest = dest2
        return self.complete(place, members, lead, chosen, loads, order, dest, cls)

    def complete(self, place, members, lead, chosen, loads, order, dest, cls, alts=True):
        """The timed candidate of a round whose vehicles (``chosen``), stops (``order``, their ``loads``) and
        destination are set: cut to the destination's room, then to the largest that fits (or ``None``)."""
        P, S = self.P, self.S
        maxc = self.maxc
        # destination room
        people = sum(sum(x) for ld in loads.values() for x in ld.values())
        room = S.cap[dest]
        if people > room:
            loads = _trim(loads, order, int(room))
            order = [q for q in order if loads.get(q)]
            if not order:
                return None
        loaded = {v for q in order for v in loads[q]}
        used = [v for v in chosen if v in loaded]
        if self.cfg.waypoints:
            order = with_waypoints(P, lead, place, order, dest, len(used))
        stops = [(q, loads.get(q, {})) for q in order]

        # too long for the window or an opening: the most people that fit with fewer vehicles or people each
        def try_round(vs, sts):
            return self._timed(place, vs, lead, sts, dest, max(S.vfree[v][1] for v in vs), alts)

        fav = _favoured(P, cls)
        got = largest_fit(try_round, used, stops, fav)
        if got is None or len(got[0].vehicles) != len(used) or got[0].people >= _people(stops):
            return got
        spare = [v for v in members if v not in loaded and self.veh[v].seats > 0][: maxc - len(used)]
        if spare:
            # loads cut, every vehicle kept: more vehicles with fewer people each board and unload faster
            more = used + spare
            wide = largest_fit(try_round, more, spread_loads(stops, more, {v: self.veh[v].seats for v in more}), fav)
            if wide is not None and (got is None or _fit_key(wide, fav) > _fit_key(got, fav)):
                got = wide
        return got

    def _timed(self, place, used, lead, stops, dest, depart, alts=True):
        got, got_t = None, INF
        for d in self._destinations(lead, stops, dest) if alts else (dest,):
            c = self._time(place, used, lead, stops, d, depart)
            if c is None:
                continue
            t = c[0].unloaded + self.cfg.price * self.priced(c[0])
            if t < got_t:
                got, got_t = c, t
            if self.cfg.price > 0 and got is c and all(x.start <= x.arrive + 1e-6 for x in c[0].passes):
                break  # priced: farther destinations only when the nearest one's round queues somewhere
        return got

    def priced(self, r) -> float:
        """Seconds a round's passages cost at the checkpoints' load ahead (0 without prices)."""
        load = self.load
        if load is None:
            return 0.0
        return sum(load[x.checkpoint] * (x.clear - x.start) for x in r.passes)

    def _destinations(self, lead, stops, dest):
        """``dest`` and up to ``alt_destinations`` others the round may unload at (allowed, with room,
        nearest first): a farther one may avoid a saturated checkpoint."""
        P, S = self.P, self.S
        if self.cfg.alt_destinations <= 0:
            return [dest]
        people = sum(sum(x) for _, ld in stops for x in ld.values())
        allowed = {P.pickup(q).destination for q, _ in stops} - {None}
        last = stops[-1][0]
        alts = []
        for d in P.destinations:
            if d.id == dest or (allowed and d.id not in allowed) or S.cap[d.id] < people:
                continue
            lg = P.leg(lead, last, d.id)
            if lg is not None:
                alts.append((lg.time_s, d.id))
        return [dest] + [d for _, d in sorted(alts)[: self.cfg.alt_destinations]]

    def _time(self, place, used, lead, stops, dest, depart):
        S = self.S
        for _ in range(4):
            S.timed += 1
            depart = S.tt.headway_ok(place, depart)
            team, t_team = S.escort_for(place, depart)
            if t_team > depart + 1e-6:
                depart = t_team
                continue
            try:
                r = time_round(S.tt, depart, place, stops, dest, used, lead, escort=team)
            except Infeasible as exc:
                if exc.retry_at is None or exc.retry_at <= depart:
                    return None
                depart = exc.retry_at
                continue
            return r, stops
        return None

    def _insertion(self, place, order, dest, lead, chosen, spare_v, cls=None):
        P, S = self.P, self.S
        path = [place] + order + [dest]
        get, rows = _leg_times(P, lead)
        edges = [0.0 if a == b else get((a, b), INF) for a, b in zip(path[:-1], path[1:])]
        limit = max(self.cfg.detour_min_s, self.cfg.detour_share * sum(edges))
        has_st = sum(f[0] for f in chosen.values()) > 0 or spare_v
        room = sum(f[0] + f[1] for f in chosen.values())
        if spare_v:
            room += (self.maxc - len(chosen)) * self.maxcap
        best = None
        near = self.near.get(lead)
        if near is None:
            near = self.near[lead] = _neighbours(P, lead)
        pks = P._index("_pk", P.pickups)
        by_class = cls is not None and self.cfg.class_stops
        # each leg q may go into: its end, its seconds, and the seconds to q from its start
        none: dict = {}
        hops = [(a, b, e, rows.get(a, none).get) for a, b, e in zip(path[:-1], path[1:], edges)]
        for q in sorted({q for x in order for q in near.get(x, ())} - set(order)):
            p = pks[q]
            left = S.left[q]
            if left[1] + left[2] <= 0 and not (left[0] > 0 and has_st):
                continue
            if p.destination is not None and p.destination != dest:
                continue
            # the most people of the class in hand that fit first; with fill, then the most people
            mine = min(left[cls[0]], room) if by_class and p.priority == cls[1] else 0
            gain: tuple = (-mine, -min(sum(left), room)) if self.cfg.fill else (-mine,)
            if best is not None and gain > best[0][0]:
                continue  # no detour makes a smaller gain win
            from_q = rows.get(q, none).get
            for i, (a, b, e, to) in enumerate(hops):
                d = (0.0 if a == q else to(q, INF)) + (0.0 if q == b else from_q(b, INF)) - e
                if d <= limit and (best is None or (gain, d) < best[0]):
                    best = ((gain, d), q, i)
        if best is None:
            return None
        return best[1], best[2], dest


def _leg_times(P, lead) -> tuple:
    """The lead profile's leg seconds, once per problem: ``get((a, b), default)`` and ``{a: {b: seconds}}``."""
    times = P.__dict__.setdefault("_leg_times", {})
    got = times.get(lead)
    if got is None:
        flat = {k: lg.time_s for k, lg in P.legs.get(lead, {}).items() if lg is not None}
        rows: dict = {}
        for (a, b), x in flat.items():
            rows.setdefault(a, {})[b] = x
        got = times[lead] = (flat.get, rows)
    return got


def _neighbours(P, lead) -> dict:
    """``pickup -> {pickups a leg leads to}`` on the lead's legs (the problem keeps the near ones)."""
    pk = {p.id for p in P.pickups}
    out: dict = {}
    for a, b in P.legs.get(lead, {}):
        if a in pk and b in pk:
            out.setdefault(a, set()).add(b)
    return out


def _people(stops) -> int:
    return sum(sum(x) for _, ld in stops for x in ld.values())


def _favoured(P, cls):
    """``(pickup id, group) -> bool``: people of the class in hand (``None``: everyone alike)."""
    if cls is None:
        return None
    g0, pr = cls
    return lambda q, g: g == g0 and P.pickup(q).priority == pr


def _class_people(P, stops, cls):
    if cls is None:
        return sum(sum(x) for _, ld in stops for x in ld.values())
    g, pr = cls
    return sum(x[g] for q, ld in stops if P.pickup(q).priority == pr for x in ld.values())


def construct(problem: Problem, settings: Settings = SETTINGS[0], by_class=None) -> Solution:
    """One constructive run (see the module docstring).

    ``by_class``: form rounds class by class (default: ``rules.priority_first``), or for everyone at once.
    """
    # imported here: the repair is built on this module's State, Builder and replay
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


def _group_sums(ld) -> tuple:
    """People of one stop's loads (vehicle id -> (stretcher, reduced, general)) by group."""
    a = b = c = 0
    for x in ld.values():
        a += x[0]
        b += x[1]
        c += x[2]
    return a, b, c


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
