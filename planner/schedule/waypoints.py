"""Waypoints: a round may drive through an assembly point where nobody boards, when that way out is shorter.

A leg of the problem is the fastest *drive* between two places; the checkpoints on it are whatever that road
crosses. Another assembly point may lie on a road out that crosses fewer or faster checkpoints: then the
round ``... -> q -> destination`` is faster as ``... -> q -> w -> destination`` through ``w`` even when nobody
boards at ``w`` (the checker allows such a stop; it counts against ``rules.max_stops``). :func:`route_s` is
the free-flow time of a route with a convoy's passages (no queue), :func:`via` the waypoint that shortens
one leg the most, :func:`with_waypoints` a round's stops with such waypoints, and :func:`prune` drops the
stops nobody boards at that do not shorten the route (the replay of :mod:`.search` keeps the others).
The constructive takes waypoints only in the runs that ask for them (:attr:`.builder.Settings.waypoints`,
the wave run of :mod:`.waves`).
"""

from __future__ import annotations

from planner.schedule.model import INF, Problem

#: A waypoint must save at least this much (s) of free-flow time to be taken.
MIN_GAIN_S = 60.0


def leg_s(P: Problem, lead: str, a: str, b: str, nv: int, empty: bool) -> float:
    """Free-flow seconds of the leg ``a -> b`` for a convoy of ``nv`` vehicles: drive and passages (no people
    term, no queue); ``inf`` when there is no leg."""
    if a == b:
        return 0.0
    cache = P.__dict__.setdefault("_wp_leg_s", {})
    k = (lead, a, b, nv, empty)
    got = cache.get(k)
    if got is None:
        lg = P.leg(lead, a, b)
        if lg is None:
            got = INF
        else:
            got = lg.time_s
            for cid, _ in lg.checkpoints:
                cp = P.checkpoints.get(cid)
                if cp is not None and (cp.checks_empty or not empty):
                    got += cp.service_s(nv, 0)
        cache[k] = got
    return got


def route_s(P: Problem, lead: str, places, nv: int) -> float:
    """Free-flow seconds of the route through ``places`` (formation, stops, destination) of ``nv`` vehicles."""
    return sum(leg_s(P, lead, a, b, nv, k == 0) for k, (a, b) in enumerate(zip(places[:-1], places[1:])))


def via(P: Problem, lead: str, a: str, b: str, nv: int, empty: bool = False) -> tuple:
    """``(seconds saved, waypoint)``: the assembly point ``w`` for which ``a -> w -> b`` is the fastest, when
    that saves at least :data:`MIN_GAIN_S` on ``a -> b`` (else ``(0.0, None)``); per problem, cached."""
    cache = P.__dict__.setdefault("_wp_via", {})
    k = (lead, a, b, nv, empty)
    got = cache.get(k)
    if got is None:
        direct = leg_s(P, lead, a, b, nv, empty)
        best = (0.0, None)
        for p in P.pickups:
            w = p.id
            if w in (a, b):
                continue
            t = leg_s(P, lead, a, w, nv, empty) + leg_s(P, lead, w, b, nv, False)
            gain = direct - t
            if gain >= MIN_GAIN_S and gain > best[0]:
                best = (gain, w)
        got = cache[k] = best
    return got


def with_waypoints(P: Problem, lead: str, place: str, order, dest: str, nv: int) -> list:
    """``order`` (pickup ids) with waypoints inserted, while stops are left under ``rules.max_stops``: each
    time the one (:func:`via`, not a stop already) that shortens a leg of the route the most."""
    order = list(order)
    while order and len(order) < P.rules.max_stops:
        path = [place] + order + [dest]
        best = None
        for i in range(len(path) - 1):
            gain, w = via(P, lead, path[i], path[i + 1], nv, i == 0)
            if w is not None and w not in order and (best is None or gain > best[0]):
                best = (gain, i, w)
        if best is None:
            break
        order.insert(best[1], best[2])
    return order


def prune(P: Problem, lead: str, place: str, stops, dest: str, nv: int) -> list:
    """``stops`` (``(pickup, loads)``) without the stops nobody boards at, but those that shorten the route
    (by :data:`MIN_GAIN_S` at least, each against the route without it); empty when nobody boards."""
    if not any(ld for _, ld in stops):
        return []
    out = list(stops)
    i = len(out) - 1
    while i >= 0:
        q, ld = out[i]
        if not ld:
            places = [place] + [s for s, _ in out] + [dest]
            without = places[: i + 1] + places[i + 2 :]
            if route_s(P, lead, without, nv) <= route_s(P, lead, places, nv) + MIN_GAIN_S:
                del out[i]
        i -= 1
    return out


__all__ = ["leg_s", "prune", "route_s", "via", "with_waypoints"]
