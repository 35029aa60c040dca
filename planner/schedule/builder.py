"""The constructive's state and its candidate rounds (used by :mod:`.engine`, :mod:`.repair` and the searches).

:class:`Settings` is one run of the constructive; :class:`State` the schedule under construction (the
timetable, vehicles' places and free times, people left, destinations' room); :class:`Builder` makes the
candidate rounds of a step: the vehicles at a place, their stops, the destination and the timing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from planner.schedule.chains import cache as chain_cache
from planner.schedule.fit import _fill, _trim, largest_fit, spread_loads
from planner.schedule.fit import fit_key as _fit_key
from planner.schedule.model import INF, Problem, RoundPlan
from planner.schedule.timing import Infeasible, Timetable, time_round
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
    @property
    def people_out(self) -> int:
        """People its rounds move."""
        return sum(r.people for r in self.rounds)

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


def _group_sums(ld) -> tuple:
    """People of one stop's loads (vehicle id -> (stretcher, reduced, general)) by group."""
    a = b = c = 0
    for x in ld.values():
        a += x[0]
        b += x[1]
        c += x[2]
    return a, b, c
