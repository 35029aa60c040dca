"""What planners read from a schedule: hourly table, unserved demand and why, queues, convoy positions.

Every figure the GUI and the exports show of a schedule is computed here from
the typed :class:`~planner.schedule.result.Schedule` (the GUI computes none).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NamedTuple

from planner.messages import Message
from planner.schedule.model import GROUPS
from planner.schedule.result import UNSERVED_REASONS, HourlyRow, Schedule, Unserved

REASONS = UNSERVED_REASONS

#: Why people are left behind, in detail: ``code -> English template`` (see :mod:`planner.messages`).
DETAILS = {
    "priority_rule": "convoys go for the priority classes first; without the rule {free:d} people out",
    "no_stretcher_vehicle": "no vehicle has stretcher places",
    "no_vehicles": "no vehicles in the plan",
    "unreachable": "pickup {pickup} cannot be reached or cannot reach a destination",
    "routing": "{text}",  # what routing said (remark, remark_params: planner.routing.remarks.REMARKS)
    "destination_full": "destination {destinations:list} full",
    "checkpoint_closed": "checkpoint {checkpoints:list} is closed for the whole window",
    "checkpoint_hours": "no passage of checkpoint {checkpoints:list} fits its open hours for a convoy from {pickup}",
    "window_short": "no convoy can reach {pickup} and unload at a destination inside the window",
    "escorts_bound": "{teams:d} escort team(s) lead convoys the whole window",
    "checkpoint_full": "checkpoint {checkpoints:list} serves convoys back to back until the window closes",
    "escorts_busy": "every one of the {teams:d} escort team(s) is busy until the window closes",
    "idle_checkpoints": "{idle:d} vehicle(s) stand unused: no further convoy fits the window through the "
    "checkpoint queues on the way ({busiest:busy})",
    "idle_window": "{idle:d} vehicle(s) stand unused: no further convoy from where they stand fits the window",
    "fleet_busy": "every vehicle is busy until the window closes",
}


# ---------------------------------------------------------------- hourly


def hourly_rows(trips, demand, start, end, step, label):
    """Rows every ``step`` from ``start`` to ``end``: people arrived, on the road, and still waiting.

    ``trips`` are ``(depart_pickup, arrive_destination, passengers)`` with times
    in the unit of ``start``/``end``/``step`` (seconds or datetimes);
    ``label(t)`` gives each row's ``time`` text.
    """
    rows, t = [], start
    while True:
        out = sum(n for _, a, n in trips if a <= t)
        picked = sum(n for d, _, n in trips if d <= t)
        rows.append({"time": label(t), "evacuated": out, "in_transit": picked - out, "waiting": demand - picked})
        if t >= end:
            return rows
        t = min(t + step, end)


def hourly_table(schedule: Schedule, step=timedelta(hours=1)) -> list:
    """:class:`HourlyRow` every ``step`` from the window start: people arrived, on the road, waiting.

    People count as on the road from the departure of the stop they board at until their convoy unloads.
    """
    moves = []
    for c in schedule.convoys:
        for s in c.stops:
            moves.append((s.depart, c.unloaded, s.boarded))
    rows = hourly_rows(
        moves,
        schedule.demand,
        schedule.window_start,
        schedule.window_end,
        step,
        lambda t: t.isoformat(timespec="minutes"),
    )
    out = []
    t = schedule.window_start
    for r in rows:
        out.append(HourlyRow(t, r["time"], r["evacuated"], r["in_transit"], r["waiting"]))
        t = min(t + step, schedule.window_end)
    return out


# ---------------------------------------------------------------- convoys


def people_per_convoy(schedule: Schedule) -> dict:
    """``convoy id -> people on board`` (what the Gantt prints on each bar)."""
    return {c.id: c.people for c in schedule.convoys}


def convoy_sizes(schedule: Schedule) -> dict:
    """``vehicles per convoy -> number of convoys`` (the distribution of convoy sizes)."""
    out: dict = {}
    for c in schedule.convoys:
        out[c.size] = out.get(c.size, 0) + 1
    return dict(sorted(out.items()))


def vehicles_in_convoys_of(schedule: Schedule, at_least=2) -> float:
    """Share of vehicle trips made in convoys of ``at_least`` vehicles or more."""
    total = sum(c.size for c in schedule.convoys)
    return 0.0 if not total else sum(c.size for c in schedule.convoys if c.size >= at_least) / total


@dataclass(frozen=True)
class Position:
    """Where a convoy is at one time.

    ``state``: ``"forming"`` (before departure, at ``place``), ``"driving"`` (between
    ``place`` and ``to``, ``fraction`` of the way by time), ``"queued"`` or
    ``"checked"`` (at checkpoint ``place``), ``"halted"`` (overnight at ``place``),
    ``"boarding"`` (at pickup ``place``), ``"unloading"`` (at destination ``place``),
    ``"done"`` (unloaded at ``place``).
    """

    convoy: str
    state: str
    place: str
    to: str = ""
    fraction: float = 0.0
    people: int = 0
    direction: str = ""


class Stand(NamedTuple):
    """An interval a convoy round stands still: ``state`` (a :class:`Position` state) at ``place``."""

    start: datetime
    end: datetime
    state: str
    place: str
    direction: str = ""  # "in" or "out" at a checkpoint or halt, "out" unloading, "" boarding


def stands(c) -> list:
    """Where convoy round ``c`` stands still, in time order; the last :class:`Stand` is its unloading.

    ``boarding`` at each stop, ``queued`` at a checkpoint while it waits (left out when it waits
    not at all), ``checked`` while in service there, ``halted`` overnight; between two stands it
    drives. The map's tracks (:func:`planner.schedule.timeline.convoy_track`) are built on these.
    """
    out = [Stand(s.arrive, s.depart, "boarding", s.pickup) for s in c.stops]
    for p in c.passages:
        if p.start_service > p.arrive:
            out.append(Stand(p.arrive, p.start_service, "queued", p.checkpoint, p.direction))
        out.append(Stand(p.start_service, p.clear, "checked", p.checkpoint, p.direction))
    out += [Stand(h.start, h.end, "halted", h.place, h.direction) for h in c.halts]
    out.sort(key=lambda e: (e.start, e.end))
    out.append(Stand(c.arrive, c.unloaded, "unloading", c.destination, "out"))
    return out


def phase_at(c, spans: Sequence, t: datetime) -> tuple:
    """Which of a round's stands ``spans`` (anything with ``start`` and ``end``, in time order) holds ``t``.

    Returns
    -------
    (k, on_road) : (int, bool)
        ``k = -1`` before the departure of ``c``, ``len(spans)`` from its unloading on;
        otherwise ``t`` lies in ``spans[k]``, or with ``on_road`` on the drive to it (from
        ``spans[k - 1]``, or from the formation place when ``k == 0``).
    """
    if t < c.depart:
        return -1, False
    if t >= c.unloaded:
        return len(spans), False
    for k, sp in enumerate(spans):
        if t < sp.start:
            return k, True
        if t < sp.end:
            return k, False
    return len(spans), False


def convoy_position_at(schedule: Schedule, convoy_id: str, t: datetime) -> Position | None:
    """Where convoy ``convoy_id`` is at time ``t`` (``None`` for an unknown convoy).

    Between two timed places the convoy is ``driving``; ``fraction`` is the share
    of that drive's time gone (the GUI places it along the route with it).
    """
    c = schedule.convoy(convoy_id)
    if c is None:
        return None
    ev = stands(c)
    k, on_road = phase_at(c, ev, t)
    if k < 0:
        return Position(c.id, "forming", c.formation_place)
    if k == len(ev):
        return Position(c.id, "done", c.destination)
    on_board = sum(s.boarded for s in c.stops if s.depart <= t)
    here = ev[k]
    if not on_road:
        direction = ("out" if on_board else "in") if here.state == "boarding" else here.direction
        return Position(c.id, here.state, here.place, "", 0.0, on_board, direction)
    prev_end, prev_place = (ev[k - 1].end, ev[k - 1].place) if k else (c.depart, c.formation_place)
    span = (here.start - prev_end).total_seconds()
    frac = 0.0 if span <= 0 else (t - prev_end).total_seconds() / span
    return Position(
        c.id, "driving", prev_place, here.place, min(1.0, max(0.0, frac)), on_board, "out" if on_board else "in"
    )


def positions_at(schedule: Schedule, t: datetime) -> list:
    """:class:`Position` of every convoy at ``t`` (the map's time slider)."""
    return [convoy_position_at(schedule, c.id, t) for c in schedule.convoys]


# ---------------------------------------------------------------- checkpoint queues


def queue_length_at(schedule: Schedule, checkpoint_id: str, t: datetime, vehicles=False) -> int:
    """Convoys (or their vehicles, with ``vehicles``) waiting at ``checkpoint_id`` at ``t``, not yet in service."""
    n = 0
    for q in schedule.checkpoint_queues:
        if q.checkpoint != checkpoint_id:
            continue
        for p in q.passages:
            if p.arrive <= t < p.start_service:
                n += p.vehicles if vehicles else 1
    return n


def queue_steps(schedule: Schedule, checkpoint_id: str) -> list:
    """``[(time, convoys waiting)]``: the queue length at ``checkpoint_id`` after each change."""
    ev = []
    for q in schedule.checkpoint_queues:
        if q.checkpoint == checkpoint_id:
            for p in q.passages:
                if p.start_service > p.arrive:
                    ev += [(p.arrive, 1), (p.start_service, -1)]
    ev.sort(key=lambda e: (e[0], e[1]))
    n, out = 0, []
    for when, d in ev:
        n += d
        out.append((when, n))
    return out


def checkpoint_summary(schedule: Schedule) -> dict:
    """``checkpoint id -> (longest queue in convoys, longest wait in minutes, passages)``."""
    out = {}
    for q in schedule.checkpoint_queues:
        steps = queue_steps(schedule, q.checkpoint)
        out[q.checkpoint] = (max((n for _, n in steps), default=0), q.max_wait.total_seconds() / 60.0, len(q.passages))
    return out


# ---------------------------------------------------------------- unserved


def _row(pid, left, reason, code, params) -> Unserved:
    detail = Message(code, DETAILS[code], params).text
    return Unserved(pid, int(sum(left)), reason, detail, {g: int(n) for g, n in zip(GROUPS, left)}, code, params)


def unserved_of(problem, sol, bound, routes_by_profile=None, free=None) -> list:
    """People left at each pickup with the reason that binds (one of :data:`REASONS`).

    ``free``: the schedule of the same fleet without the priority rule; people it
    moves from a pickup and this schedule does not are left by the ``priority
    rule``; for the rest, the reason is what still binds without the rule.
    """
    from planner.schedule.timing import Infeasible, Timetable, time_round

    taken = sol.taken()
    rule_cost = free is not None and free.evacuated > sol.evacuated
    free_taken = free.taken() if rule_cost else {}
    ref = free if rule_cost else sol
    dest_in: dict = {}
    for r in ref.rounds:
        dest_in[r.destination] = dest_in.get(r.destination, 0) + r.people
    messages: dict = {}
    for rp in (routes_by_profile or {}).values():
        for p in rp.problems:
            messages.setdefault(p.element_id, p)
    tt = Timetable(problem)
    busy = _busy_share(problem, ref, tt)
    used = {v for r in ref.rounds for v in r.vehicles}
    idle = [v.id for v in problem.vehicles if v.id not in used]
    any_st = any(v.stretcher_places > 0 for v in problem.vehicles)
    rows = []
    for p in problem.pickups:
        got = taken.get(p.id, [0, 0, 0])
        left = [a - b for a, b in zip(p.by_group, got)]
        if sum(left) <= 0:
            continue
        if rule_cost:
            fgot = free_taken.get(p.id, [0, 0, 0])
            held = [max(0, min(lg, fg - g)) for lg, fg, g in zip(left, fgot, got)]
            if sum(held) > 0:
                rows.append(_row(p.id, held, "priority rule", "priority_rule", {"free": free.evacuated}))
                left = [a - b for a, b in zip(left, held)]
                if sum(left) <= 0:
                    continue
        if left[0] > 0 and not any_st:
            rows.append(_row(p.id, [left[0], 0, 0], "fleet", "no_stretcher_vehicle", {}))
            left[0] = 0
            if sum(left) <= 0:
                continue
        reason, code, params = _reason(problem, tt, p, bound, dest_in, busy, messages, time_round, Infeasible, idle)
        rows.append(_row(p.id, left, reason, code, params))
    return rows


def _busy_share(problem, sol, tt) -> dict:
    """Share of each checkpoint's usable time (from its first passage) spent serving convoys."""
    used: dict = {}
    first: dict = {}
    for r in sol.rounds:
        for p in r.passes:
            used[p.checkpoint] = used.get(p.checkpoint, 0.0) + (p.clear - p.start)
            first[p.checkpoint] = min(first.get(p.checkpoint, p.start), p.start)
    out = {}
    for cid, u in used.items():
        avail = sum(max(0.0, b - max(a, first[cid])) for a, b in tt.usable[cid])
        out[cid] = u / avail if avail > 0 else 1.0
    return out


def _reason(problem, tt, p, bound, dest_in, busy, messages, time_round, Infeasible, idle=()):
    pid = p.id
    if not problem.vehicles:
        return "fleet", "no_vehicles", {}
    if pid not in bound.reachable_pickups:
        if pid in messages:
            rp = messages[pid]  # the routing remark, kept by code for a front end to say it in its language
            return "unreachable", "routing", {"text": rp.message, "remark": rp.code, "remark_params": rp.params}
        return "unreachable", "unreachable", {"pickup": pid}
    dests = [d for d in problem.destinations if p.destination in (None, d.id)]
    open_d = [d for d in dests if d.capacity - dest_in.get(d.id, 0) > 0]
    if not open_d:
        return "destination capacity", "destination_full", {"destinations": [d.id for d in dests]}
    # one vehicle alone, with no other convoy on the road: does any round fit at all?
    why = set()
    fits = False
    for v in problem.vehicles:
        for lead in problem.legs:
            if not problem.follows(v.profile, lead):
                continue
            for d in open_d:
                t = problem.first_departure(v)
                for _ in range(6):
                    try:
                        time_round(
                            tt,
                            t,
                            v.depot,
                            [(pid, {v.id: (0, 0, 1) if v.seats else (1, 0, 0)})],
                            d.id,
                            [v.id],
                            lead,
                            ignore_busy=True,
                        )
                        fits = True
                    except Infeasible as exc:
                        why.add(exc.why)
                        if exc.retry_at is not None and exc.retry_at > t:
                            t = exc.retry_at
                            continue
                    break
                if fits:
                    break
            if fits:
                break
        if fits:
            break
    if not fits:
        if why == {"checkpoint"} or ("checkpoint" in why and "window" not in why):
            closed = [c for c in _checkpoints_on(problem, pid) if not tt.usable.get(c)]
            if closed:
                return "checkpoint throughput", "checkpoint_closed", {"checkpoints": closed}
            cps = _checkpoints_on(problem, pid)
            return "checkpoint throughput", "checkpoint_hours", {"checkpoints": cps, "pickup": pid}
        return "window", "window_short", {"pickup": pid}
    if problem.rules.escort_teams is not None and bound.binding == "escorts":
        return "escorts", "escorts_bound", {"teams": problem.rules.escort_teams}
    full = [c for c in _checkpoints_on(problem, pid) if busy.get(c, 0.0) >= 0.8]
    if full:
        return "checkpoint throughput", "checkpoint_full", {"checkpoints": full}
    if problem.rules.escort_teams is not None:
        return "escorts", "escorts_busy", {"teams": problem.rules.escort_teams}
    if idle:
        # vehicles stand unused: the fleet does not bind; the queues at the checkpoints on the way do
        cps = sorted(_checkpoints_on(problem, pid), key=lambda c: -busy.get(c, 0.0))
        if cps:
            top = [[c, busy.get(c, 0.0)] for c in cps[:3]]
            return "checkpoint throughput", "idle_checkpoints", {"idle": len(idle), "busiest": top}
        return "window", "idle_window", {"idle": len(idle)}
    return "fleet", "fleet_busy", {}


def _checkpoints_on(problem, pid) -> list:
    out = []
    for legs in problem.legs.values():
        for d in problem.destinations:
            lg = legs.get((pid, d.id))
            if lg is not None:
                for c, _ in lg.checkpoints:
                    if c not in out:
                        out.append(c)
    return out
