"""Timing one convoy round through its legs, checkpoint queues, daylight and overnight halts.

:class:`Timetable` holds what earlier rounds reserved (checkpoint service
intervals, departures per formation place); :func:`time_round` places one round
on it at or after a departure time and returns its :class:`~.model.RoundPlan`
(reserving nothing: :meth:`Timetable.commit` does).
"""

from __future__ import annotations

import bisect
import itertools
import math
import threading

from planner.schedule.model import INF, HaltPlan, Leg, PassPlan, Problem, RoundPlan, StopPlan


def _intersect(a, b):
    out = []
    for s1, e1 in a:
        for s2, e2 in b:
            s, e = max(s1, s2), min(e1, e2)
            if e > s:
                out.append((s, e))
    return sorted(out)


class Timetable:
    """Reservations of committed rounds: checkpoint service intervals and departures per place."""

    def __init__(self, problem: Problem):
        self.problem = problem
        # the daylight parts and, per checkpoint, the intervals a passage may lie in (open hours inside
        # daylight): the problem's own, worked out once (a timetable is made for every replay)
        sig = (tuple(problem.checkpoints.values()), problem.window_end_s, tuple(problem.night))
        got = problem.__dict__.get("_timetable_static")
        if got is None or got[0] != sig:
            day = problem.segments()
            usable = {
                c.id: _intersect([(max(a, 0.0), min(b, problem.window_end_s)) for a, b in c.open], day)
                for c in problem.checkpoints.values()
            }
            got = (sig, day, usable)
            problem.__dict__["_timetable_static"] = got
        self.day = got[1]
        self.day_starts = [s for s, _ in self.day]
        self.usable = got[2]
        self.busy = {c: ([], []) for c in problem.checkpoints}  # starts, ends (sorted by start)
        # the busy intervals' state: an id of the sequence of reservations and releases that made it from the
        # empty timetable (so the same id, the same intervals), and the round timings on each state
        self.state = 0
        self.steps, self.memo = _memo_of(problem, got)
        self.departs: dict = {}  # place -> sorted departure times
        # (checkpoint id, vehicles, people) -> (Checkpoint, passage seconds): time_round's, kept with the problem
        self.service: dict = problem.__dict__.setdefault("_service_s", {})

    # ---- daylight
    def segment(self, t):
        """The daylight part containing ``t`` (``None`` at night or outside the window)."""
        i = bisect.bisect_right(self.day_starts, t) - 1
        if i >= 0 and self.day[i][0] <= t <= self.day[i][1]:
            return self.day[i]
        return None

    def next_day_start(self, t):
        i = bisect.bisect_right(self.day_starts, t)
        return self.day[i][0] if i < len(self.day) else None

    def in_day(self, a, b) -> bool:
        seg = self.segment(a)
        return seg is not None and b <= seg[1] + 1e-6

    # ---- checkpoints
    def earliest(self, cp_id, t, dur, ignore_busy=False):
        """Earliest start ``>= t`` of a passage of ``dur`` seconds at ``cp_id`` (``None`` if none fits)."""
        starts, ends = self.busy[cp_id]
        n = 0 if ignore_busy else len(starts)
        need = t + dur - 1e-6
        for a, b in self.usable[cp_id]:
            if b < need:
                continue
            s = a if a > t else t  # max(t, a)
            if n:
                # skip every reservation overlapping [s, s + dur)
                i = bisect.bisect_right(starts, s) - 1
                if i < 0:
                    i = 0
                while i < n:
                    if ends[i] <= s + 1e-6:
                        i += 1
                        continue
                    if starts[i] >= s + dur - 1e-6:
                        break
                    s = ends[i]
                    i += 1
            if s + dur <= b + 1e-6:
                return s
        return None

    def headway_ok(self, place, t) -> float:
        """Earliest departure ``>= t`` from ``place`` at least the headway from every other departure."""
        h = self.problem.rules.headway_s
        ds = self.departs.get(place, [])
        if h <= 0 or not ds:
            return t
        while True:
            i = bisect.bisect_left(ds, t - h + 1e-6)
            if i < len(ds) and ds[i] < t + h - 1e-6:
                t = ds[i] + h
                continue
            return t

    def commit(self, r: RoundPlan) -> None:
        steps = self.steps
        for p in r.passes:
            starts, ends = self.busy[p.checkpoint]
            i = bisect.bisect_right(starts, p.start)
            starts.insert(i, p.start)
            ends.insert(i, p.clear)
            self.state = _step(steps, (self.state, p.checkpoint, p.start, p.clear, True))
        bisect.insort(self.departs.setdefault(r.formation, []), r.depart)

    def free(self, passes) -> None:
        """Take these passages off the checkpoints (each the first reservation with its start and clear)."""
        for p in passes:
            starts, ends = self.busy[p.checkpoint]
            for i in range(len(starts)):
                if starts[i] == p.start and ends[i] == p.clear:
                    del starts[i]
                    del ends[i]
                    self.state = _step(self.steps, (self.state, p.checkpoint, p.start, p.clear, False))
                    break

    def release(self, r: RoundPlan, passes=None) -> None:
        """Take ``r``'s departure and its ``passes`` (default: all) off the timetable."""
        self.free(list(r.passes if passes is None else passes))
        ds = self.departs.get(r.formation, [])
        if r.depart in ds:
            ds.remove(r.depart)


#: Round timings a memo keeps at most, then forgets (the same results, timed again; about 3 kB each: the city
#: plan fills it twice).
MEMO_SIZE = 20_000
_ids = itertools.count(1)  # timetable states, unique in the process (a forgotten memo never reuses one)


def _memo_of(problem: Problem, static) -> tuple:
    """``(steps, memo)`` for the problem's timetables: ``(state, checkpoint, start, clear, reserved) -> state``
    and ``(state, depart, ...) -> timing``. Shared by the problems that time rounds alike (the same legs,
    checkpoints and pickups, boarding and unloading rates, window and nights: the problem without the
    priority rule, with another fleet or fewer stops a round) while they are registered (:func:`forget`)."""
    got = problem.__dict__.get("_round_memo")
    if got is not None and got[0] is static and got[1] is problem.rules and got[2] is problem.legs:
        return got[3], got[4]
    rules = problem.rules
    sig = (rules.board_s_per_person, rules.leave_s_per_person, problem.window_end_s, tuple(problem.night))
    with _LOCK:
        for legs, cps, pickups, sig2, steps, memo in _MEMOS:
            if legs is problem.legs and cps is problem.checkpoints and pickups is problem.pickups and sig2 == sig:
                break
        else:
            steps, memo = {}, {}
            _MEMOS.insert(0, (problem.legs, problem.checkpoints, problem.pickups, sig, steps, memo))
            del _MEMOS[MEMOS_KEPT:]
    problem.__dict__["_round_memo"] = (static, problem.rules, problem.legs, steps, memo)
    return steps, memo


def forget() -> None:
    """Share no memo with the problems timed so far (they keep theirs): the end of a schedule."""
    with _LOCK:
        _MEMOS.clear()


#: Memos shared at most (each holds its legs, checkpoints and pickups alive until :func:`forget`).
MEMOS_KEPT = 2
_MEMOS: list = []
_LOCK = threading.Lock()


def _step(steps: dict, key) -> int:
    got = steps.get(key)
    if got is None:
        got = steps[key] = next(_ids)
    return got


class Infeasible(Exception):
    """A round cannot be timed from this departure; ``retry_at``: a later departure worth trying."""

    def __init__(self, why, retry_at=None):
        super().__init__(why)
        self.why = why
        self.retry_at = retry_at


def time_round(
    tt: Timetable, depart, formation, stops, destination, vehicles, lead, *, ignore_busy=False, escort=-1
) -> RoundPlan:
    """Place one round departing ``formation`` at ``depart``.

    ``stops``: ``[(pickup id, {vehicle id: (stretcher, reduced, general)}), ...]`` in order.
    Raises :class:`Infeasible` (``why``: ``"window"``, ``"night"``, ``"checkpoint"``, ``"unreachable"``).
    """
    # the same round on the same busy intervals (the timetable's state) times the same: the candidates of
    # one step, the runs' first steps and the search's replays of the same rounds ask again and again
    memo = tt.memo
    try:
        key = (
            0 if ignore_busy else tt.state,
            depart,
            formation,
            destination,
            lead,
            tuple(vehicles),
            tuple([(q, tuple(ld.items())) for q, ld in stops]),
        )
        got = memo.get(key)
    except TypeError:  # loads held in lists: not kept
        key = got = None
    if got is None:
        try:
            got = _timed(tt, depart, formation, stops, destination, vehicles, lead, ignore_busy)
        except Infeasible as exc:
            got = (exc.why, exc.retry_at)
        if key is not None:
            if len(memo) >= MEMO_SIZE:
                memo.clear()
            memo[key] = got
    if len(got) == 2:
        raise Infeasible(*got)
    arrive, unloaded, passes, halts, out_stops, len_in, len_out = got
    return RoundPlan(
        list(vehicles),
        lead,
        escort,
        formation,
        float(depart),
        [StopPlan(pid, a, d, dict(ld)) for (pid, a, d), (_, ld) in zip(out_stops, stops)],
        destination,
        arrive,
        unloaded,
        [PassPlan(*x) for x in passes],
        [HaltPlan(*x) for x in halts],
        {"in": len_in, "out": len_out},
        float(depart),
    )


def _timed(tt: Timetable, depart, formation, stops, destination, vehicles, lead, ignore_busy) -> tuple:
    """:func:`time_round`'s work: ``(arrive, unloaded, passes, halts, stops' (pickup, arrive, depart), in and
    out lengths)``, passages and halts as tuples of their fields."""
    # the inner loop of the scheduler (every candidate round is timed here): daylight lookups inlined,
    # legs and passage times looked up once
    P = tt.problem
    rules = P.rules
    nv = len(vehicles)
    t = float(depart)
    day, starts = tt.day, tt.day_starts
    i = bisect.bisect_right(starts, t) - 1
    if not (i >= 0 and day[i][0] <= t <= day[i][1]):
        raise Infeasible("night", tt.next_day_start(t))
    # the daylight part holding t, as tt.segment(t) gives it, kept along with t (looked up again only when t
    # leaves it or reaches its end, where the next part may start; None: t at night)
    day_start, day_end = day[i]
    places = [formation] + [s for s, _ in stops] + [destination]
    last = len(places) - 1
    passes, halts, out_stops = [], [], []
    len_in = len_out = 0.0
    people = 0
    legs = P.legs.get(lead, {})
    cps = P.checkpoints
    service = tt.service
    board = rules.board_s_per_person
    for k in range(last):
        a, b = places[k], places[k + 1]
        leg = _STAY if a == b else legs.get((a, b))
        if leg is None:
            raise Infeasible("unreachable")
        if k == 0:
            direction = "in"
            len_in += leg.length_m
        else:
            direction = "out"
            len_out += leg.length_m
        pos = 0.0
        for cid, off in leg.checkpoints:
            cp = cps.get(cid)
            if cp is None or (direction == "in" and not cp.checks_empty):
                continue
            arr = t + (off - pos)
            if day_end is None or arr > day_end + 1e-6:
                raise Infeasible("night", tt.next_day_start(t))
            sk = (cid, nv, people)
            got = service.get(sk)
            if got is None or got[0] is not cp:
                got = service[sk] = (cp, cp.service_s(nv, people))
            dur = got[1]
            s = tt.earliest(cid, arr, dur, ignore_busy)
            if s is None:
                raise Infeasible("checkpoint")
            # arr <= s, both in t's daylight part: the same part (else look both up)
            if not (day_start <= arr and s < day_end) and tt.segment(arr) != tt.segment(s):
                # waiting here crosses a night
                if not cp.overnight_halt:
                    raise Infeasible("night", tt.next_day_start(t))
                halts.append((cid, arr, s, direction))
            passes.append((cid, direction, arr, s, s + dur, nv, people))  # PassPlan, made if the round fits
            t = s + dur
            if day_end is None or not day_start <= t < day_end:
                day_start, day_end = tt.segment(t) or (None, None)
            pos = off
            if cp.overnight_halt:
                rest = _rest_s(P, lead, places, k, pos, nv, people, stops)
                if day_end is not None and t + rest > day_end:
                    nxt = tt.next_day_start(t)
                    if nxt is not None:
                        halts.append((cid, t, nxt, direction))
                        t = nxt
                        day_start, day_end = tt.segment(t) or (None, None)
        end = t + (leg.time_s - pos)
        if day_end is None or end > day_end + 1e-6:
            raise Infeasible("night", tt.next_day_start(t))
        t = end
        if not day_start <= t < day_end:
            day_start, day_end = tt.segment(t) or (None, None)
        if k + 1 < last:
            pid, load = stops[k]
            pk = P.pickup(pid)
            start = t if t >= pk.ready_s else pk.ready_s
            sums = [x[0] + x[1] + x[2] for x in load.values()]
            if board >= 0.0:
                dwell = max(sums) * board if sums else 0.0
            else:
                dwell = max((n * board for n in sums), default=0.0)
            dep = start + math.ceil(dwell)
            if day_end is None or dep > day_end + 1e-6:
                raise Infeasible("night", tt.next_day_start(t))
            out_stops.append((pid, t, dep))  # StopPlan, made by time_round
            people += sum(sums)
            t = dep
            if not day_start <= t < day_end:
                day_start, day_end = tt.segment(t) or (None, None)
    arrive = t
    unload = _unload_s(stops, vehicles, rules.leave_s_per_person)
    unloaded = arrive + math.ceil(unload)
    if unloaded > P.window_end_s + 1e-6:
        raise Infeasible("window")
    if day_end is None or unloaded > day_end + 1e-6:
        raise Infeasible("night", tt.next_day_start(arrive))
    return arrive, unloaded, tuple(passes), tuple(halts), tuple(out_stops), len_in, len_out


#: The leg from a place to itself (as :meth:`.model.Problem.leg` gives it).
_STAY = Leg(0.0, 0.0, ())


def _unload_s(stops, vehicles, per_person) -> float:
    """Unloading seconds: the most people one of ``vehicles`` carries, times ``per_person`` (side by side)."""
    if not vehicles:
        return 0.0
    if not per_person >= 0.0:
        return max(sum(_sum_loads(stops, v)) * per_person for v in vehicles)
    if len(stops) == 1:
        ld = stops[0][1]
        get = ld.get
        most = 0
        for v in vehicles:
            x = get(v)
            if x:
                n = x[0] + x[1] + x[2]
                if n > most:
                    most = n
        return most * per_person
    tot: dict = {}
    for _, ld in stops:
        for v, x in ld.items():
            if x:
                tot[v] = tot.get(v, 0) + x[0] + x[1] + x[2]
    return max(tot.get(v, 0) for v in vehicles) * per_person


def _sum_loads(stops, v):
    out = [0, 0, 0]
    for _, load in stops:
        x = load.get(v)
        if x:
            for g in range(3):
                out[g] += x[g]
    return out


def _rest_s(P, lead, places, k, pos, nv, people, stops):
    """Free-flow seconds still needed after offset ``pos`` of leg ``k``: drives, boarding, passages, unloading."""
    rules = P.rules
    total = 0.0
    for j in range(k, len(places) - 1):
        leg = P.leg(lead, places[j], places[j + 1])
        if leg is None:
            return INF
        total += leg.time_s - (pos if j == k else 0.0)
        for cid, off in leg.checkpoints:
            if j == k and off <= pos:
                continue
            cp = P.checkpoints.get(cid)
            if cp is not None:
                total += cp.service_s(nv, people)
        if j + 1 < len(places) - 1 and j + 1 > k:
            _, load = stops[j]
            total += max((sum(x) * rules.board_s_per_person for x in load.values()), default=0.0)
    return total


def latest_departure(tt: Timetable, r: RoundPlan, stops) -> float:
    """Latest departure at which this round still fits the window, open hours and daylight (other rounds ignored)."""
    seg = tt.segment(r.depart)
    if seg is None:
        return r.depart
    lo, hi = r.depart, seg[1]
    ok = lo
    for _ in range(18):
        if hi - lo < 30:
            break
        mid = (lo + hi) / 2
        try:
            time_round(tt, mid, r.formation, stops, r.destination, r.vehicles, r.lead, ignore_busy=True)
            ok, lo = mid, mid
        except Infeasible:
            hi = mid
    return float(math.floor(ok))
