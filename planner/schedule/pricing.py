"""Checkpoint prices for the constructive's priced setting (see :mod:`planner.schedule`).

A passage costs its service time times its checkpoint's *load ahead*, a share
from 0 (idle) to 1 (saturated): the larger of the share of its usable time from
now on that committed passages already take (:func:`committed_share`) and the
share the plan's demand would need there if every pickup went to its nearest
destination in full convoys (:func:`demand_share`, fixed for a problem). A
round through an idle checkpoint then beats one that queues at a saturated
checkpoint, and a small round through a saturated one ranks lower.
"""

from __future__ import annotations

from planner.schedule.model import Problem


def demand_share(P: Problem) -> dict:
    """``checkpoint id -> min(1, service seconds the demand needs there / its usable seconds)``.

    Every pickup's people go to the nearest destination (first vehicle profile's legs) in convoys of
    ``rules.max_convoy`` vehicles of the largest capacity; usable: open hours from mobilisation to the window end.
    """
    need = dict.fromkeys(P.checkpoints, 0.0)
    if not P.vehicles:
        return need
    nv = P.rules.max_convoy
    seats = max(v.seats + v.stretcher_places for v in P.vehicles)
    per = max(1, nv * seats)
    lead = sorted({v.profile for v in P.vehicles})[0]
    for p in P.pickups:
        legs = [lg for d in P.destinations if (lg := P.leg(lead, p.id, d.id)) is not None]
        if not legs:
            continue
        near = min(legs, key=lambda lg: lg.time_s)
        for cid, _ in near.checkpoints:
            if cid in need:
                need[cid] += p.people / per * P.checkpoints[cid].service_s(nv, per)
    out = {}
    start = P.rules.mobilisation_s
    for c, n in need.items():
        span = sum(max(0.0, min(b, P.window_end_s) - max(a, start)) for a, b in P.checkpoints[c].open)
        out[c] = min(1.0, n / span) if span > 0 else 1.0
    return out


def committed_share(tt, now) -> dict:
    """``checkpoint id -> share of its usable time from ``now`` on that committed passages take`` (0 to 1);
    ``tt``: the :class:`~.timing.Timetable`."""
    out = {}
    for c, (starts, ends) in tt.busy.items():
        free = sum(max(0.0, b - max(a, now)) for a, b in tt.usable[c])
        taken = sum(max(0.0, e - max(s, now)) for s, e in zip(starts, ends) if e > now)
        out[c] = min(1.0, taken / free) if free > 0 else 1.0
    return out


def load_ahead(tt, now, demand: dict) -> dict:
    """``checkpoint id -> load ahead``: the larger of :func:`committed_share` and ``demand`` (:func:`demand_share`)."""
    return {c: max(x, demand.get(c, 0.0)) for c, x in committed_share(tt, now).items()}
