"""Constructive list-scheduling heuristic with checkpoint queues and convoys, and its variants.

Event-driven: each time a vehicle is free, it takes the pickup and destination
that give the most (priority-weighted) people per second of its time, among
those it can still finish inside the window (and the current daylight part).
Checkpoints are reservation tables (:mod:`.lanes`). Vehicles leaving the same
pickup for the same destination form a convoy: a vehicle joins the next
convoy that has not left yet when that costs less (its own finish plus the
delay put on the convoy) than leaving on its own, at least one headway after
any other convoy on that pair. A convoy passes each checkpoint vehicle by
vehicle and drives on once its last vehicle clears. When a full load no longer
fits before the window closes, the largest load that does is taken.

The priority rule (design section 6, issue 5: "stretcher cases go first, then
reduced mobility, then everyone else, by pickup priority") is lexicographic,
groups first across pickups, pickup priority within each group. The classes,
in order: stretcher cases at priority-1 pickups, at priority-2 pickups, ...;
then reduced mobility by priority; then general by priority
(:func:`planner.schedule.model.class_order`). A free vehicle makes its next
trip for the most urgent class it can carry (stretcher places: stretcher
cases; seats: the others) and can still fetch and unload in time; only when no
trip for that class fits does it consider the next class. Its free places are
then filled at the same pickup with the next groups (stretcher cases board
first, then reduced mobility, then everyone else; a load cut short by time
drops general first): a trip is never made for a less urgent class while a
more urgent one that vehicle could fetch in time is still waiting. Solutions
compare on people out per class in that order, then people out (see
:meth:`planner.schedule.model.Solution.key`). Without the rule
(``stretcher_first=False``) the aim is most people out only, and the classes
only weight the scores.

Candidates are first scored optimistically with numpy (free-flow, no queue),
then simulated exactly in that order until no remaining candidate's optimistic
score can beat the best exact one (the free-flow finish is a lower bound).
Routes found infeasible from some departure time stay so for later ones (queues
only fill up), which prunes most of the failing simulations.

The improvement phase (:func:`solve`) reruns the construction with other
:class:`Params` (vehicle order by phases, checkpoint prices, lane snapping,
partial head-start loads, ...) and keeps the best schedule. Under the rule the
stretcher carriers cost the buses checkpoint lanes: the variants that help
most there serve the bottleneck checkpoint in rows (``grid``: one pass per lane
every service time from its earliest possible arrival, so no lane time is lost
to short gaps), let the carriers make their first trips where they cost the
buses least (``neck_cost``: in the first rows, before a bus can arrive there
with a full load), and move each carrier's last trip to the end of the window
(``late_carriers``), when a bus could no longer unload in time anyway.
"""

from __future__ import annotations

import heapq
import math
import time
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, replace

import numpy as np

from planner.schedule.lanes import Lanes
from planner.schedule.model import INF, ConvoyPlan, Pass, Solution, TripPlan, class_counts, lookup


@dataclass(frozen=True)
class Params:
    """Knobs of one heuristic run (the improvement phase tries several)."""

    name: str = "base"
    weights: tuple = (4.0, 2.0, 1.0)  # stretcher, reduced mobility, general
    priority_bias: float = 0.25  # score bonus for pickups of priority 1 over the least urgent
    return_weight: float = 0.0  # count this share of the drive back to the nearest waiting pickup
    max_exact: int = 8  # candidates simulated exactly per decision
    join: bool = True
    fill_first: bool = False  # prefer full loads: value counts seats filled
    cp_price: float = 0.0  # price of a checkpoint lane-second in vehicle-seconds, x fleet size / lanes
    big_first: bool = False  # schedule large vehicles first, then small ones into what is left
    fill_idle: bool = False  # load fewer people when the lanes ahead would stand idle waiting
    snap: bool = False  # never leave a checkpoint lane gap shorter than one service (see Lanes)
    rounds_first: int = 0  # big-first: stretcher carriers make this many trips before the buses (0: all)
    strict_stretcher: bool = True  # the priority rule (module docstring): classes strictly in order
    min_fill: float = 0.0  # share of its places below which a vehicle does not take a load cut short by time
    fleet_share: float = 1.0  # use only this share of the buses (spread over depots); the rest stay idle
    # stretcher cases of all pickups as one class, by score (nearest first): when every one of
    # them gets out the order of those trips does not matter, and the comparison key still
    # ranks the runs by people out per class
    stretcher_by_score: bool = False
    # big-first: once the stretcher carriers have made their trips, move each one's last trip
    # (its whole convoy) as late as it still fits, so the lanes it held in the middle of the
    # window go to the buses and it uses the end, which only small loads can still use
    late_carriers: bool = False
    # the bottleneck checkpoint (fewest lanes per service time) serves in rows from its
    # earliest possible arrival: one row every service time on every lane, so no lane
    # time is lost to gaps shorter than a service and the last row still fits
    grid: bool = False
    # grid: the first row this many seconds after the earliest possible arrival (longer loads
    # in the first row, shorter unloads in the last)
    grid_shift: float = 0.0
    # stretcher carriers (stretcher-only phase) prefer trips whose pass at the bottleneck comes
    # when a bus could carry least there (before buses can arrive full): each candidate's score
    # is divided by 1 + the bus load that could pass at the same time
    neck_cost: bool = False


# ---------------------------------------------------------------- prepared tables


class Tables:
    """Numpy views of a Problem: per profile, empty-run and loaded-route matrices."""

    def __init__(self, problem):
        self.problem = problem
        pr = problem
        self.segments = pr.segments()
        self.P = [p.id for p in pr.pickups]
        self.D = [d.id for d in pr.destinations]
        self.origins = list(dict.fromkeys([v.depot_id for v in pr.vehicles] + self.D))
        self.oidx = {o: i for i, o in enumerate(self.origins)}
        self.profiles = list(dict.fromkeys(v.profile for v in pr.vehicles))
        nP, nD, nO = len(self.P), len(self.D), len(self.origins)
        svc = {c: float(spec.service_s) for c, spec in pr.checkpoints.items()}
        self.E, self.Em, self.L, self.Lmin, self.route = {}, {}, {}, {}, {}
        for k in self.profiles:
            E = np.full((nO, nP), INF)
            Em = np.zeros((nO, nP))
            for i, o in enumerate(self.origins):
                for j, p in enumerate(self.P):
                    t = lookup(pr.drive_s, o, p, k, INF)
                    E[i, j] = INF if t is None else float(t)
                    Em[i, j] = float(lookup(pr.length_m, o, p, k, 0.0) or 0.0)
            L = np.full((nP, nD), INF)
            Lmin = np.full((nP, nD), INF)
            routes = {}
            for i, p in enumerate(self.P):
                for j, d in enumerate(self.D):
                    r = lookup(pr.loaded_route, p, d, k, None)
                    if r is None or not math.isfinite(r.drive_s):
                        continue
                    if any(c not in svc for c, _ in r.checkpoints):
                        continue  # a checkpoint the problem does not describe: unusable
                    routes[(i, j)] = r
                    L[i, j] = r.drive_s
                    Lmin[i, j] = r.drive_s + sum(svc[c] for c, _ in r.checkpoints)
            self.E[k], self.Em[k], self.L[k], self.Lmin[k], self.route[k] = E, Em, L, Lmin, routes
        # lane-seconds a pass takes from the checkpoints of each route, per lane
        self.cp_load = {}
        for k in self.profiles:
            m = np.zeros((nP, nD))
            for (i, j), r in self.route[k].items():
                m[i, j] = sum(svc[c] / max(1, int(pr.checkpoints[c].lanes)) for c, _ in r.checkpoints)
            self.cp_load[k] = m
        self.ready = np.array([float(p.ready_s) for p in pr.pickups]) if nP else np.zeros(0)
        prios = [p.priority for p in pr.pickups] or [1]
        lo, hi = min(prios), max(prios)
        # urgency in [0, 1]: 1 for the most urgent pickup (priority 1)
        self.urgency = np.array([(hi - p.priority) / (hi - lo) if hi > lo else 1.0 for p in pr.pickups])
        self.cap = np.array([float(d.capacity) for d in pr.destinations]) if nD else np.zeros(0)


def segment_at(segments, t):
    """(start, end) of the daylight part containing or following t, or None."""
    for a, b in segments:
        if t < b:
            return (max(a, t), b) if t >= a else (a, b)
    return None


# ---------------------------------------------------------------- the run


class Dispatcher:
    """One heuristic run over a prepared Problem."""

    def __init__(self, tables, params=Params(), deadline=None, oracle=None):
        self.T = tables
        # oracle(vehicle index, [(pickup idx, dest idx), ...]) -> chosen pair or None (the vehicle
        # stops): replaces the greedy choice, for exhaustive search over dispatch decisions
        self.oracle = oracle
        self.params = params
        self.deadline = deadline
        pr = tables.problem
        self.pr = pr
        self.rules = pr.rules
        self.lanes = {c: Lanes(spec, tables.segments) for c, spec in pr.checkpoints.items()}
        for lanes in self.lanes.values():
            lanes.snap = params.snap
        if params.grid and pr.checkpoints:
            neck = neck_checkpoint(pr)
            first = earliest_arrival(tables, neck.id)
            if first < INF:
                self.lanes[neck.id].grid = first + params.grid_shift
        self.neck_fac = None
        if params.neck_cost and pr.checkpoints:
            self.neck_fac = neck_factors(tables)
        nP = len(tables.P)
        # remaining people by group, columns in GROUPS order
        self.rem = np.array([[p.stretcher, p.reduced_mobility, p.general] for p in pr.pickups], dtype=np.int64).reshape(nP, 3)
        self.caprem = tables.cap.copy()
        self.trips: list[TripPlan] = []
        self.convoys: list[ConvoyPlan] = []
        # dead[k][i, j]: a one-person departure from pickup i at or after this time cannot
        # reach destination j in time; queues only fill up, so it stays so
        self.dead = {k: np.full((len(tables.P), len(tables.D)), INF) for k in tables.profiles}
        self.cut = False  # stopped by the deadline before the end
        self.frozen = set()  # convoys of an earlier phase: their vehicles' later trips are fixed
        self.by_pair: dict = {}  # (pickup idx, dest idx) -> sorted list of (depart, convoy idx)
        self.fill_cut = False  # a candidate was refused only for params.min_fill
        self.fill_any = False  # ignore params.min_fill (see _loop)

    # ---- convoys

    def _run(self, route, depart, n, commit, limit=INF):
        """Drive a convoy of n vehicles from the pickup at ``depart``; reserve lanes.

        Returns (passes per member, arrive_destination, reservations) or None when
        a checkpoint cannot serve it in the window, or it cannot arrive by
        ``limit``. Reservations are kept only when ``commit``.
        """
        t, prev = depart, 0.0
        passes = [[] for _ in range(n)]
        held = []
        # one vehicle on a dry run needs no reservations: it never queues behind itself
        hold = commit or n > 1
        for cp, off in route.checkpoints:
            lanes = self.lanes[cp]
            arrive = t + (off - prev)
            leave = arrive
            for m in range(n):
                st, ln = lanes.earliest(arrive)
                clear = st + lanes.s
                if clear + (route.drive_s - off) > limit:  # also st == INF
                    for lz, l2, s2 in held:
                        lz.release(l2, s2)
                    return None
                if hold:
                    lanes.reserve(ln, st)
                    held.append((lanes, ln, st))
                passes[m].append(Pass(cp, arrive, st, clear, ln))
                leave = max(leave, clear)
            t, prev = leave, off
        arrive_dest = t + (route.drive_s - prev)
        if arrive_dest > limit:
            for lz, l2, s2 in held:
                lz.release(l2, s2)
            return None
        if not commit:
            for lz, l2, s2 in held:
                lz.release(l2, s2)
            held = []
        return passes, arrive_dest, held

    def _release_convoy(self, conv):
        for ti in conv.members:
            for ps in self.trips[ti].passes:
                self.lanes[ps.checkpoint].release(ps.lane, ps.start)

    def _restore_convoy(self, conv):
        for ti in conv.members:
            for ps in self.trips[ti].passes:
                self.lanes[ps.checkpoint].reserve(ps.lane, ps.start)

    def _new_slot(self, pair, ready):
        """Earliest departure ≥ ready at least one headway from every convoy on this pair."""
        h = self.rules.headway_s
        deps = [d for d, _ in self.by_pair.get(pair, ())]
        t = ready
        if h <= 0:
            return t
        changed = True
        while changed:
            changed = False
            i = bisect_left(deps, t - h + 1e-9)
            while i < len(deps) and deps[i] < t + h - 1e-9:
                t = deps[i] + h
                changed = True
                i += 1
        return t

    def _join_target(self, pair, ready, profile, limit):
        for dep, ci in self.by_pair.get(pair, ()):
            if dep < ready:
                continue
            if dep > limit:
                break
            c = self.convoys[ci]
            if ci in self.frozen:
                continue
            if c.profile == profile and len(c.members) < self.rules.max_convoy:
                return c
        return None

    # ---- one option, exactly

    def _evaluate(self, v, veh, o, i, j, leave, seg_end, commit=False):
        """Simulate vehicle v from origin o to pickup i and destination j.

        Returns (score_cost_end, value, plan) or None if it does not fit.
        """
        T, k, rules = self.T, veh.profile, self.rules
        route = T.route[k][(i, j)]
        rem = self.rem[i]
        cap_left = self.caprem[j]
        st = int(min(veh.stretcher_places, rem[0], cap_left))
        seated_room = int(min(veh.seats, cap_left - st))
        rm = int(min(seated_room, rem[1]))
        gen = int(min(seated_room - rm, rem[2]))
        n = st + rm + gen
        if n <= 0:
            return None
        arrive_p = leave + T.E[k][o, i]
        load_start = max(arrive_p, T.ready[i])
        lp, up = rules.load_s_per_person, rules.unload_s_per_person

        def plan_for(m):
            return self._best_departure(v, veh, i, j, route, load_start + dur(lp, m), m, up, seg_end)

        res = plan_for(n)
        if res is None:
            # the full load does not fit: the largest load that does (fewer people are
            # loaded and unloaded sooner, so fitting is monotone in the load)
            fixed = load_start + T.Lmin[k][i, j]
            hi = n - 1 if lp + up <= 0 else min(n - 1, int(math.floor((seg_end - fixed) / (lp + up))))
            best_n, res = 0, None
            if hi >= 1:
                res = plan_for(1)
                best_n = 1 if res is not None else 0
            while res is not None and hi > best_n:
                mid = (best_n + hi + 1) // 2
                r = plan_for(mid)
                if r is not None:
                    best_n, res = mid, r
                else:
                    hi = mid - 1
            if res is not None and best_n < self.params.min_fill * veh.capacity and not self.fill_any:
                self.fill_cut = True  # it would fit, only too short a load for this variant
                return None
            if res is None:
                return None  # a load cut this short by time would waste the slot
            n = best_n
            st, rm, gen = _shrink((st, rm, gen), n)
        elif self.params.fill_idle and res[1] is None and lp > 0:
            # head start: every lane ahead stands idle until this vehicle comes, so
            # take fewer people and use that idle time
            gap = self._idle_gap(res[3][0][0])
            m = max(n - int(gap // lp), math.ceil(n / 3))
            if m < n:
                r = plan_for(m)
                if r is not None:
                    n, res = m, r
                    st, rm, gen = _shrink((st, rm, gen), n)
        ready = load_start + dur(lp, n)
        cost_end, join, depart, sim = res
        load = (st, rm, gen)
        w = self.params.weights
        value = w[0] * st + w[1] * rm + w[2] * gen
        if self.params.fill_first:
            value = n
        if not commit:
            return cost_end, value, None
        return cost_end, value, self._commit(v, veh, o, i, j, leave, arrive_p, load_start, ready, load, route, join, depart, sim)

    def _idle_gap(self, passes):
        """Shortest idle time (s) of the lane before each pass, or 0 if the vehicle queues anywhere."""
        gap = INF
        for ps in passes:
            if ps.start > ps.arrive:
                return 0.0
            lanes = self.lanes[ps.checkpoint]
            ends = lanes.ends[ps.lane]
            i = bisect_right(ends, ps.start) - 1
            prev = ends[i] if i >= 0 else (lanes.open_a[0] if lanes.open_a else ps.start)
            gap = min(gap, ps.start - prev)
        return 0.0 if gap == INF else gap

    def _best_departure(self, v, veh, i, j, route, ready, n, up, seg_end):
        """Own convoy vs joining one: (cost_end, join convoy or None, depart, sim)."""
        pair = (i, j)
        best = None
        slot = self._new_slot(pair, ready)
        sim = self._run(route, slot, 1, commit=False, limit=seg_end - dur(up, n))
        if sim is not None:
            free = sim[1] + dur(up, n)
            if free <= seg_end:
                best = (free, None, slot, sim)
        if self.params.join:
            conv = self._join_target(pair, ready, veh.profile, slot)
            if conv is not None:
                r = self._try_join(conv, route, n, up, seg_end, dry=True)
                if r is not None:
                    own_free, delay = r
                    if best is None or own_free + delay <= best[0]:
                        best = (own_free + delay, conv, conv.depart, None)
        return best

    def _try_join(self, conv, route, n, up, seg_end, dry):
        """Re-run convoy ``conv`` with one more vehicle (carrying n); check every member still fits.

        With ``dry`` the lanes are left as they were and (own free_at, delay put on
        the others) is returned; otherwise the new reservations are kept and
        (passes, arrive) returned. None when the convoy would no longer fit.
        """
        self._release_convoy(conv)
        limit = segment_end_of(self.T.segments, conv.depart) - dur(up, max([n] + [self.trips[ti].passengers for ti in conv.members]))
        sim = self._run(route, conv.depart, len(conv.members) + 1, commit=True, limit=limit)
        result = None
        if sim is not None:
            passes, arrive, held = sim
            delay, ok = 0.0, True
            for ti in conv.members:
                tr = self.trips[ti]
                f = arrive + dur(up, tr.passengers)
                delay += f - tr.free_at
                ok = ok and f <= segment_end_of(self.T.segments, tr.depart_pickup)
            own = arrive + dur(up, n)
            if ok and own <= seg_end:
                result = (own, delay) if dry else (passes, arrive)
            if dry or result is None:
                for lz, l2, s2 in held:
                    lz.release(l2, s2)
        if dry or result is None:
            self._restore_convoy(conv)
        return result

    def _commit(self, v, veh, o, i, j, leave, arrive_p, load_start, ready, load, route, join, depart, sim):
        T, up = self.T, self.rules.unload_s_per_person
        k = veh.profile
        ti = len(self.trips)
        trip = TripPlan(
            vehicle=v, pickup=T.P[i], destination=T.D[j], load=load, leave_from=T.origins[o],
            leave_at=leave, arrive_pickup=arrive_p, load_start=load_start, depart_pickup=depart,
            passes=[], arrive_destination=0.0, free_at=0.0, empty_m=float(T.Em[k][o, i]),
            loaded_m=float(route.length_m),
        )
        self.trips.append(trip)
        if join is None:
            passes, arrive, _held = self._run(route, depart, 1, commit=True)
            trip.passes, trip.arrive_destination = passes[0], arrive
            trip.free_at = arrive + dur(up, trip.passengers)
            ci = len(self.convoys)
            conv = ConvoyPlan(ci, T.P[i], T.D[j], k, depart, [ti], arrive)
            self.convoys.append(conv)
            insort(self.by_pair.setdefault((i, j), []), (depart, ci))
            trip.convoy = ci
            changed = []
        else:
            conv = join
            res = self._try_join(conv, route, trip.passengers, up, INF, dry=False)
            if res is None:  # cannot happen: it was checked dry just before
                raise RuntimeError("convoy join failed after a successful dry run")
            passes, arrive = res
            conv.members.append(ti)
            conv.arrive = arrive
            changed = []
            for m, tj in enumerate(conv.members):
                tr = self.trips[tj]
                tr.passes = passes[m]
                tr.arrive_destination = arrive
                tr.free_at = arrive + dur(up, tr.passengers)
                if tj != ti:
                    changed.append((tr.vehicle, tr.free_at))
            trip.convoy = conv.index
        self.rem[i] -= np.array(load, dtype=np.int64)
        self.caprem[j] -= sum(load)
        return trip, changed

    # ---- the event loop

    def run(self):
        pr = self.pr
        if not self.T.P or not self.T.D or not pr.vehicles:
            return self._solution()
        everyone = list(range(len(pr.vehicles)))
        if self.params.fleet_share < 1.0:
            everyone = fleet_subset(pr.vehicles, self.params.fleet_share)
        self.free = [first_departure(v, self.rules) for v in pr.vehicles]
        self.loc = [self.T.oidx[v.depot_id] for v in pr.vehicles]
        if self.params.big_first:
            # stretcher cases go first: vehicles with stretcher places take them before the
            # buses fill the checkpoints; then big vehicles; then small ones into what is left
            top = max(pr.vehicles[v].capacity for v in everyone)
            carriers = [v for v in everyone if pr.vehicles[v].stretcher_places > 0]
            big = [v for v in everyone if pr.vehicles[v].capacity >= 0.5 * top]
            small = [v for v in everyone if pr.vehicles[v].capacity < 0.5 * top]
            phases = [(carriers, True), (big, False), (small, False)]
            if self.params.rounds_first:
                # a few stretcher trips early, the buses, then the last ones at the end
                phases = [(carriers, self.params.rounds_first), (big, False), (carriers, True), (small, False)]
            for n, (phase, only) in enumerate(phases):
                self._loop(phase, stretcher_only=only)
                if n == 0 and only is True and self.params.late_carriers:
                    self._delay_last_trips(phase)
                self.frozen = set(range(len(self.convoys)))
        else:
            self._loop(everyone)
        return self._solution()

    def _delay_last_trips(self, vehicles):
        """Move the convoys made only of the last trips of ``vehicles`` as late as they still
        fit (latest first), keeping one headway from the other convoys of their pair."""
        T, up, h = self.T, self.rules.unload_s_per_person, self.rules.headway_s
        mine = set(vehicles)
        last, count = {}, {}
        for ti, tr in enumerate(self.trips):
            if tr.vehicle in mine:
                last[tr.vehicle] = ti
                count[tr.vehicle] = count.get(tr.vehicle, 0) + 1
        # a vehicle's only trip stays: it uses the start of the window, before any bus is full
        ends = {ti for v, ti in last.items() if count[v] > 1}
        convs = [c for c in self.convoys if c.members and all(ti in ends for ti in c.members)]
        for conv in sorted(convs, key=lambda c: -c.depart):
            pair = (T.P.index(conv.pickup), T.D.index(conv.destination))
            t = latest_safe_departure(self, conv)
            others = [d for d, ci in self.by_pair.get(pair, ()) if ci != conv.index]
            for _ in range(len(others) + 1):  # step back before any convoy within one headway
                clash = [d for d in others if abs(d - t) < h - 1e-9]
                if not clash:
                    break
                t = min(clash) - h
            if t <= conv.depart + 1 or any(abs(d - t) < h - 1e-9 for d in others):
                continue
            route = T.route[conv.profile][pair]
            loads = [self.trips[ti].passengers for ti in conv.members]
            self._release_convoy(conv)
            sim = self._run(route, t, len(loads), commit=True)
            seg_end = segment_end_of(T.segments, conv.depart)
            if sim is None or any(sim[1] + dur(up, n) > seg_end for n in loads):
                if sim is not None:
                    for lz, l2, s2 in sim[2]:
                        lz.release(l2, s2)
                self._restore_convoy(conv)
                continue
            passes, arrive, _held = sim
            delta = t - conv.depart
            lst = self.by_pair[pair]
            lst.remove((conv.depart, conv.index))
            insort(lst, (t, conv.index))
            conv.depart, conv.arrive = t, arrive
            for m, ti in enumerate(conv.members):
                tr = self.trips[ti]
                tr.leave_at += delta
                tr.arrive_pickup += delta
                tr.load_start = max(tr.arrive_pickup, float(T.ready[pair[0]]))
                tr.depart_pickup = t
                tr.passes, tr.arrive_destination = passes[m], arrive
                tr.free_at = arrive + dur(up, tr.passengers)
                self.free[tr.vehicle] = tr.free_at

    def _loop(self, fleet, stretcher_only=False):
        """Dispatch ``fleet`` (vehicle indices) from their current state until none can go.

        With ``stretcher_only`` the vehicles only fetch stretcher cases and leave the
        loop (keeping their place and time for a later phase) when none can be fetched.
        """
        T, pr, rules, prm = self.T, self.pr, self.rules, self.params
        nD = len(T.D)
        if not fleet:
            return
        free, loc = self.free, self.loc
        prio = np.array([p.priority for p in pr.pickups])
        rounds = {}  # trips made in this phase, per vehicle
        # ties (a whole depot free at once) go to the vehicle nearest to waiting people
        def near(v):
            live = self.rem.sum(axis=1) > 0
            row = T.E[pr.vehicles[v].profile][loc[v]]
            return float(row[live].min()) if live.any() else 0.0

        heap = [(free[v], near(v), v) for v in fleet]
        heapq.heapify(heap)
        lp, up = rules.load_s_per_person, rules.unload_s_per_person
        w = np.array(prm.weights, dtype=float)
        while heap:
            t, _, v = heapq.heappop(heap)
            if t != free[v]:
                continue  # stale entry: the vehicle's convoy was delayed
            if self.deadline is not None and time.perf_counter() > self.deadline:
                self.cut = True
                return
            if self.rem.sum() <= 0 or self.caprem.sum() <= 0:
                return
            seg = segment_at(T.segments, t)
            if seg is None:
                continue
            leave, seg_end = seg
            veh = pr.vehicles[v]
            k, o = veh.profile, loc[v]
            # optimistic scores, vectorised over pickups x destinations
            st = np.minimum(veh.stretcher_places, self.rem[:, 0])
            seated = np.minimum(veh.seats, self.rem[:, 1] + self.rem[:, 2])
            rmn = np.minimum(seated, self.rem[:, 1])
            n = (st + seated).astype(float)
            val = (w[0] * st + w[1] * rmn + w[2] * (seated - rmn)).astype(float)
            if prm.fill_first:
                val = n.copy()
            val *= 1.0 + prm.priority_bias * T.urgency
            arrive = leave + T.E[k][o]
            dep = np.maximum(arrive, T.ready) + lp * n
            fin = dep[:, None] + T.Lmin[k] + up * n[:, None]
            # a full load that does not fit may still fit partly: score those optimistically
            dep1 = np.maximum(arrive, T.ready) + lp
            fin1 = dep1[:, None] + T.Lmin[k] + up
            ok = (n[:, None] > 0) & (fin1 <= seg_end) & (self.caprem[None, :] > 0) & (dep1[:, None] < self.dead[k])
            if not ok.any():
                nxt = segment_at(T.segments, seg_end)
                if nxt is not None and nxt[0] > t:
                    free[v] = nxt[0]
                    heapq.heappush(heap, (nxt[0], 0.0, v))
                continue
            fin = np.where(fin <= seg_end, fin, fin1)
            span = fin - t
            extra = prm.cp_price * len(pr.vehicles) * T.cp_load[k]
            if prm.return_weight > 0:
                live = self.rem.sum(axis=1) > 0
                back = T.E[k][[T.oidx[d] for d in T.D]][:, live].min(axis=1) if live.any() else np.zeros(nD)
                extra = extra + prm.return_weight * back[None, :]
            span = span + extra
            score = np.where(ok, val[:, None] / np.maximum(span, 1.0), -1.0)
            fac = None
            if stretcher_only and self.neck_fac is not None and self.oracle is None:
                fac = self.neck_fac(k, dep)
                score = np.where(ok, score * fac, -1.0)
            if self.oracle is not None:
                feasible = [(i, j) for i, j in zip(*np.nonzero(ok))
                            if self._evaluate(v, veh, o, int(i), int(j), leave, seg_end) is not None]
                pick = self.oracle(v, [(int(i), int(j)) for i, j in feasible]) if feasible else None
                if pick is None:
                    continue
                score = np.full_like(score, -1.0)
                score[pick] = 1.0
            # the priority rule: the most urgent class this vehicle can carry that it can
            # still fetch in time (stretcher cases, then reduced mobility, then everyone
            # else; within each group the pickups by priority); only then the next class
            tiers = []
            if self.oracle is None and prm.strict_stretcher:
                tiers = self._tiers(veh, prio, stretcher_only)
            elif not stretcher_only:
                tiers.append(None)
            best = None
            for mask in tiers:
                sc = score if mask is None else np.where(mask[:, None], score, -1.0)
                self.fill_cut = False
                best = self._select(v, veh, o, leave, seg_end, t, sc, extra, k, dep1, fac)
                if best is None and self.fill_cut and mask is not None:
                    # a short load of this class fits: take it rather than a less urgent class
                    self.fill_any = True
                    best = self._select(v, veh, o, leave, seg_end, t, sc, extra, k, dep1, fac)
                    self.fill_any = best is not None  # kept for the commit below
                if best is not None:
                    break
            if best is None:
                if stretcher_only:
                    continue  # done with this phase; keeps its place and time
                nxt = segment_at(T.segments, seg_end)
                if nxt is not None and nxt[0] > t:
                    free[v] = nxt[0]
                    heapq.heappush(heap, (nxt[0], 0.0, v))
                continue
            _, i, j = best
            r = self._evaluate(v, veh, o, i, j, leave, seg_end, commit=True)
            self.fill_any = False
            trip, changed = r[2]
            free[v] = trip.free_at
            loc[v] = T.oidx[trip.destination]
            rounds[v] = rounds.get(v, 0) + 1
            if stretcher_only is True or stretcher_only is False or rounds[v] < stretcher_only:
                heapq.heappush(heap, (free[v], near(v), v))
            for u, fu in changed:
                if fu != free[u]:
                    free[u] = fu
                    heapq.heappush(heap, (fu, near(u), u))

    def _tiers(self, veh, prio, stretcher_only=False):
        """Pickup masks in the order of the priority rule, for what ``veh`` can carry.

        Stretcher cases by pickup priority (vehicles with stretcher places), then
        reduced mobility by priority, then general by priority (vehicles with
        seats). With ``stretcher_only`` only the stretcher classes.
        """
        tiers = []
        groups = []
        if veh.stretcher_places > 0:
            groups.append(0)
        if veh.seats > 0 and not stretcher_only:
            groups += [1, 2]
        for g in groups:
            has = self.rem[:, g] > 0
            if g == 0 and self.params.stretcher_by_score:
                tiers.append(has)
            else:
                tiers += [has & (prio == p) for p in sorted(set(prio[has].tolist()))]
        return tiers

    def _select(self, v, veh, o, leave, seg_end, t, score, extra, k, dep1, fac=None):
        """Best (exact score, pickup, destination) among the scored candidates, or None."""
        prm, T = self.params, self.T
        nD = len(T.D)
        flat = np.argsort(-score, axis=None)
        best = None
        evaluated = 0
        for f in flat:
            sc = score.flat[f]
            if sc <= 0 or (best is not None and sc <= best[0]):
                break
            if evaluated >= prm.max_exact and (best is not None or evaluated >= 3 * prm.max_exact):
                break  # nothing among the most promising fits: the rest (slower) will not either
            i, j = divmod(int(f), nD)
            evaluated += 1
            was_cut, self.fill_cut = self.fill_cut, False
            r = self._evaluate(v, veh, o, i, j, leave, seg_end)
            short, self.fill_cut = self.fill_cut, was_cut or self.fill_cut
            if r is None:
                if self.oracle is None and not short:  # a short load that fits is not dead
                    self.dead[k][i, j] = min(self.dead[k][i, j], dep1[i])
                continue
            cost_end, value, _ = r
            exact = value * (1.0 + prm.priority_bias * T.urgency[i]) / max(cost_end - t + extra[i, j], 1.0)
            if fac is not None:
                exact *= fac[i, j]
            if best is None or exact > best[0]:
                best = (exact, i, j)
        return best

    def _solution(self):
        trips = self.trips
        by = [0, 0, 0]
        km = 0.0
        for tr in trips:
            for g in range(3):
                by[g] += tr.load[g]
            km += (tr.empty_m + tr.loaded_m) / 1000.0
        finish = max((tr.arrive_destination for tr in trips), default=None)
        taken = {}
        for tr in trips:
            acc = taken.setdefault(tr.pickup, [0, 0, 0])
            for g in range(3):
                acc[g] += tr.load[g]
        return Solution(trips, self.convoys, sum(by), tuple(by), finish, km, self.params.name, state=self,
                        by_class=class_counts(self.pr.pickups, taken))


def neck_checkpoint(problem):
    """The bottleneck checkpoint: fewest lanes per second of service."""
    return min(problem.checkpoints.values(), key=lambda c: max(1, c.lanes) / max(c.service_s, 1.0))


def neck_factors(tables):
    """For :attr:`Params.neck_cost`: ``f(profile, depart) -> (pickups x destinations)``
    factors 1 / (1 + the largest bus load that could pass the bottleneck when a trip leaving
    its pickup at ``depart`` (per pickup) reaches it), 1 for routes that do not pass it.
    ``None`` when there are no buses or no loading time."""
    T = tables
    pr = T.problem
    lp = pr.rules.load_s_per_person
    buses = [v for v in pr.vehicles if v.stretcher_places == 0 and v.seats > 0]
    if not buses or lp <= 0:
        return None
    neck = neck_checkpoint(pr)
    e_bus = earliest_arrival(T, neck.id, buses)
    if e_bus >= INF:
        return None
    cap = float(max(v.seats for v in buses))
    svc = {c: float(spec.service_s) for c, spec in pr.checkpoints.items()}
    offs = {}
    for k in T.profiles:
        off = np.full((len(T.P), len(T.D)), np.nan)
        for (i, j), r in T.route[k].items():
            done = 0.0
            for c, o in r.checkpoints:
                if c == neck.id:
                    off[i, j] = o + done
                    break
                done += svc[c]
        offs[k] = off

    def factors(k, depart):
        at = depart[:, None] + offs[k]
        load = np.clip(np.floor((at - e_bus) / lp) + 1.0, 0.0, cap)
        return np.where(np.isnan(at), 1.0, 1.0 / (1.0 + load))

    return factors


def earliest_arrival(tables, cp, vehicles=None):
    """Earliest time (s) any vehicle (of ``vehicles``, default all) can reach checkpoint
    ``cp`` with one person on board."""
    T = tables
    pr = T.problem
    lp = pr.rules.load_s_per_person
    svc = {c: float(spec.service_s) for c, spec in pr.checkpoints.items()}
    best = INF
    for v in (pr.vehicles if vehicles is None else vehicles):
        k = v.profile
        o = T.oidx[v.depot_id]
        start = first_departure(v, pr.rules)
        for (i, j), r in T.route[k].items():
            if cp not in [c for c, _ in r.checkpoints]:
                continue
            t = max(start + T.E[k][o, i], T.ready[i]) + lp
            prev = 0.0
            for c, off in r.checkpoints:
                t += off - prev
                prev = off
                if c == cp:
                    break
                t += svc[c]
            best = min(best, t)
    return float(math.ceil(best)) if best < INF else INF


def fleet_subset(vehicles, share):
    """Indices of every vehicle with stretcher places and of ``share`` of the buses of each
    depot and kind, spread evenly: where a checkpoint is the bottleneck, fewer buses queue
    less and leave its lanes to the ambulances when they need them."""
    groups = {}
    for n, v in enumerate(vehicles):
        if v.stretcher_places > 0:
            groups.setdefault(("carrier",), []).append(n)
        else:
            groups.setdefault((v.depot_id, v.seats, v.available_s, v.profile), []).append(n)
    out = []
    for key, idx in groups.items():
        if key == ("carrier",):
            out += idx
            continue
        keep = max(1, int(round(share * len(idx))))
        out += [idx[int(m * len(idx) / keep)] for m in range(keep)]
    return sorted(out)


def dur(per_person_s, n):
    """Loading or unloading time of n people, whole seconds (so every schedule time is whole)."""
    return float(math.ceil(per_person_s * n - 1e-9))


def first_departure(vehicle, rules):
    """Earliest time a vehicle may leave its depot: mobilisation, or later availability."""
    return max(float(vehicle.available_s), float(rules.mobilisation_s))


def segment_end_of(segments, t):
    for a, b in segments:
        if a <= t <= b:
            return b
    return INF


def _shrink(load, n):
    """Reduce a (stretcher, reduced mobility, general) load to n people, general first."""
    st, rm, gen = load
    over = st + rm + gen - n
    cut = min(over, gen)
    gen -= cut
    over -= cut
    cut = min(over, rm)
    rm -= cut
    over -= cut
    st -= over
    return st, rm, gen


VARIANTS = (
    Params("base"),
    Params("big-first-snap-priority", big_first=True, snap=True),
    Params("return-aware", return_weight=0.5),
    Params("big-first-snap", big_first=True, snap=True, weights=(1.0, 1.0, 1.0), priority_bias=0.0),
    Params("big-first", big_first=True, weights=(1.0, 1.0, 1.0), priority_bias=0.0),
    Params("big-first-priority", big_first=True),
    Params("big-first-snap-1", big_first=True, snap=True, rounds_first=1, weights=(1.0, 1.0, 1.0), priority_bias=0.0),
    Params("big-first-snap-2", big_first=True, snap=True, rounds_first=2, min_fill=0.3, weights=(1.0, 1.0, 1.0),
           priority_bias=0.0),
    Params("big-first-fill-idle", big_first=True, fill_idle=True, weights=(1.0, 1.0, 1.0), priority_bias=0.0),
    Params("checkpoint-price", cp_price=1.0),
    Params("checkpoint-price-low", cp_price=0.2, return_weight=0.5),
    Params("no-priority-bias", priority_bias=0.0),
    Params("fill", fill_first=True, priority_bias=0.0),
    Params("no-join", join=False),
    Params("return-full", return_weight=1.0, priority_bias=0.0),
    # stretcher carriers' last trips at the end of the window, their first ones nearest first
    Params("late-carriers", big_first=True, snap=True, late_carriers=True, min_fill=0.3, weights=(1.0, 1.0, 1.0),
           priority_bias=0.0, stretcher_by_score=True),
    Params("late-carriers-full", big_first=True, snap=True, late_carriers=True, weights=(1.0, 1.0, 1.0),
           priority_bias=0.0, stretcher_by_score=True),
    Params("late-carriers-priority", big_first=True, snap=True, late_carriers=True),
    # the bottleneck in rows from its earliest arrival
    Params("grid-late-carriers", big_first=True, grid=True, late_carriers=True, min_fill=0.3, weights=(1.0, 1.0, 1.0),
           priority_bias=0.0, stretcher_by_score=True),
    # ... and the carriers' first trips where a bus could carry least (before buses arrive full)
    Params("grid-neck-carriers", big_first=True, grid=True, late_carriers=True, min_fill=0.3, weights=(1.0, 1.0, 1.0),
           priority_bias=0.0, stretcher_by_score=True, neck_cost=True),
    # fewer buses: when a checkpoint is the bottleneck, the idle ones cost nothing
    Params("half-fleet-snap-2", big_first=True, snap=True, rounds_first=2, min_fill=0.3, weights=(1.0, 1.0, 1.0),
           priority_bias=0.0, fleet_share=0.45),
    Params("half-fleet-snap-priority", big_first=True, snap=True, fleet_share=0.5),
    Params("two-thirds-fleet-snap-2", big_first=True, snap=True, rounds_first=2, min_fill=0.3, weights=(1.0, 1.0, 1.0),
           priority_bias=0.0, fleet_share=0.66),
    # the carriers' last trips at the end and short loads into the idle lanes: where the stretcher
    # cases hold a saturated checkpoint (4-hour demo window: the same stretcher cases out as
    # big-first-fill-idle, and 150 more people)
    Params("fill-idle-late-carriers", big_first=True, fill_idle=True, late_carriers=True),
)


def solve(problem, *, variants=VARIANTS, time_budget_s=None, progress=None, tables=None, stretcher_first=True):
    """Run the heuristic once per variant and keep the best solution.

    Parameters
    ----------
    problem : Problem
    variants : sequence of Params
        The first is always run completely; the others while time is left.
    time_budget_s : float, optional
        Wall-clock budget (seconds) for the improvement runs.
    stretcher_first : bool
        The priority rule of design section 6 (module docstring): trips are made
        for the classes strictly in order, and schedules compare on people out per
        class before people out. ``False``: most people out only.
    """
    variants = [replace(p, strict_stretcher=stretcher_first) for p in variants]
    if not (any(p.stretcher for p in problem.pickups) and any(v.stretcher_places for v in problem.vehicles)):
        # nothing for stretcher carriers to do: their variants would repeat the others
        variants = [p for p in variants if not (p.late_carriers or p.stretcher_by_score)] or variants[:1]
    T = tables or Tables(problem)
    t0 = time.perf_counter()
    best = None
    for n, prm in enumerate(variants):
        elapsed = time.perf_counter() - t0
        if n > 1 and time_budget_s is not None and elapsed > time_budget_s:
            break  # the first two (plain and big vehicles first) always run
        if progress is not None:
            progress(n / len(variants), f"scheduling: heuristic variant {prm.name}")
        deadline = None if (n <= 1 or time_budget_s is None) else t0 + 1.5 * time_budget_s
        d = Dispatcher(T, prm, deadline=deadline)
        sol = d.run()
        if d.cut:
            continue  # cut short: keep only complete runs
        if best is None or sol.key(stretcher_first=stretcher_first) > best.key(stretcher_first=stretcher_first):
            best = sol
    return best


def latest_safe_departure(dispatcher, conv):
    """Latest departure (s) at which convoy ``conv`` still clears every checkpoint and
    unloads inside its daylight part of the window, the rest of the schedule unchanged."""
    d = dispatcher
    T, up = d.T, d.rules.unload_s_per_person
    i, j = T.P.index(conv.pickup), T.D.index(conv.destination)
    route = T.route[conv.profile][(i, j)]
    loads = [d.trips[ti].passengers for ti in conv.members]
    seg_end = segment_end_of(T.segments, conv.depart)
    d._release_convoy(conv)
    try:
        def fits(t):
            sim = d._run(route, t, len(loads), commit=False)
            return sim is not None and all(sim[1] + dur(up, n) <= seg_end for n in loads)

        lo, hi = float(conv.depart), float(math.floor(seg_end))
        if not fits(lo):
            return lo
        while hi - lo > 1:
            mid = math.floor((lo + hi) / 2)
            if fits(mid):
                lo = mid
            else:
                hi = mid
        return lo if not fits(hi) else hi
    finally:
        d._restore_convoy(conv)
