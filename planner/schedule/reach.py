"""The first terms of the bound (:mod:`.bound`): shortest rounds of a one-vehicle convoy and the pickups any
schedule can serve.

:func:`round_times` gives, per lead profile, the shortest in and out paths over its legs with the passages of
a one-vehicle convoy; :func:`reachable_pickups` the pickups some vehicle can reach from its depot over its lead's
legs, leave to an allowed destination from, and serve inside one daylight part (or the window, with
overnight halts): the reachable demand, and the pickups every other term looks at.
"""

from __future__ import annotations

import math

from planner.schedule.model import INF, Problem
from planner.schedule.shortest import dijkstra


def _min_service(P, leg, loaded, one=None):
    from planner.schedule.cuts import _svc1

    return _svc1(P, leg, loaded, one=one)


def _w_loaded(P, lg, one=None):
    return lg.time_s + _min_service(P, lg, True, one)


def _w_empty(P, lg, one=None):
    return lg.time_s + _min_service(P, lg, False, one)


def round_times(P: Problem) -> dict:
    """Per lead profile: shortest in and out paths over its legs, with the passages of a one-vehicle convoy.

    ``lead -> (out_dist, best_in, in_from)``: ``out_dist[p]`` s from pickup ``p``
    loaded to any destination; ``best_in[o]`` the shortest whole round from
    origin ``o`` (in to a first stop, out to a destination); ``in_from[o][p]`` s
    from origin ``o`` to pickup ``p`` (empty to the first stop, loaded after).
    """
    from planner.schedule.cuts import _one_vehicle

    one = _one_vehicle(P)
    pk = {p.id for p in P.pickups}
    dests = {d.id for d in P.destinations}
    out = {}
    for b, legs in P.legs.items():
        rev: dict = {}
        fwd: dict = {}
        first: dict = {}
        for (x, y), lg in legs.items():
            if x in pk and (y in pk or y in dests):
                rev.setdefault(y, []).append((x, _w_loaded(P, lg, one)))
                if y in pk:
                    fwd.setdefault(x, []).append((y, _w_loaded(P, lg, one)))
            elif y in pk:
                first.setdefault(x, []).append((y, _w_empty(P, lg, one)))
        od = dijkstra(dict.fromkeys(dests, 0.0), rev)
        od = {p: d for p, d in od.items() if p in pk}
        best_in, in_from = {}, {}
        for o, edges in first.items():
            start: dict = {}
            for y, w in edges:
                if w < start.get(y, INF):
                    start[y] = w
            dist = dijkstra(start, fwd)
            in_from[o] = dist
            best_in[o] = min((dist[p] + od[p] for p in dist if p in od), default=INF)
        out[b] = (od, best_in, in_from)
    return out


def universal_checkpoints(P: Problem) -> list:
    """Checkpoints on every leg from a pickup to a destination (every profile), sorted."""
    pk = {p.id for p in P.pickups}
    dests = {d.id for d in P.destinations}
    common = None
    for legs in P.legs.values():
        for (a, b), lg in legs.items():
            if a in pk and b in dests:
                here = {c for c, _ in lg.checkpoints if c in P.checkpoints}
                common = here if common is None else common & here
    return sorted(common or ())


def servable(P: Problem, rt, tt, halts) -> set:
    """Pickups some vehicle can reach and leave from inside one daylight part (or the window, with halts)."""
    out = set()
    dests = [d.id for d in P.destinations]

    def fits(t0, dur):
        if halts:
            return t0 + dur <= P.window_end_s and sum(max(0.0, e - max(a, t0)) for a, e in tt.day) >= dur
        return any(max(a, t0) + dur <= e for a, e in tt.day)

    seen = set()
    for v in P.vehicles:
        t_v = P.first_departure(v)
        if (v.profile, v.depot, t_v) in seen:
            continue  # the same places and times as a vehicle before (a fleet of thousands has a few kinds)
        seen.add((v.profile, v.depot, t_v))
        for b in P.legs:
            if not P.follows(v.profile, b):
                continue
            od, best_in, in_from = rt[b]
            d1 = best_in.get(v.depot, INF)
            for p in P.pickups:
                if p.id in out or p.id not in od:
                    continue
                dur = in_from.get(v.depot, {}).get(p.id, INF) + od[p.id]
                if math.isfinite(dur) and fits(t_v, dur):
                    out.add(p.id)
                    continue
                if math.isfinite(d1):
                    for d in dests:
                        dur = in_from.get(d, {}).get(p.id, INF) + od[p.id]
                        if math.isfinite(dur) and fits(t_v + d1, dur):
                            out.add(p.id)
                            break
    return out


def reachable_pickups(P: Problem, rt, tt, halts) -> frozenset:
    """Pickups some vehicle can reach over its lead's legs from its depot, leave to an allowed destination
    from, and serve in time (:func:`servable`)."""
    pk = {p.id: p for p in P.pickups}
    reach = set()
    for b, legs in P.legs.items():
        od = rt[b][0]
        starts = {v.depot for v in P.vehicles if P.follows(v.profile, b)}
        to_pickups: dict = {}
        for a, y in legs:
            if y in pk:
                to_pickups.setdefault(a, []).append(y)
        seen, stack = set(starts), list(starts)
        while stack:
            x = stack.pop()
            for y in to_pickups.get(x, ()):
                if y not in seen:
                    seen.add(y)
                    stack.append(y)
        for p in seen:
            if p in pk and p in od and _allowed_reach(P, legs, p):
                reach.add(p)
    return frozenset(reach & servable(P, rt, tt, halts))


def _allowed_reach(P, legs, p):
    allowed = P.pickup(p).destination
    for d in P.destinations:
        if allowed is not None and d.id != allowed:
            continue
        return True
    return False
