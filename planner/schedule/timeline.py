"""A schedule over time: convoy segments, checkpoint queues, convoy positions.

Pure functions over the typed results of :mod:`planner.schedule.result`, for
the views that show a schedule against a clock (the GUI's Gantt, its map and
time slider; any export that wants the same figures):

- :func:`convoy_segments`: what a convoy round does from formation to unloading
  (drive in, stops, checkpoint queue and check, halts, drive out, unloading);
- :func:`queue_summary`: a checkpoint's passages, longest queue and wait (the
  queue lengths are :func:`planner.schedule.report.queue_steps`);
- :func:`convoy_track` and :func:`convoy_position_at`: where a convoy is at a
  given time, at its interpolated position along its route when on the road
  (the stands and the time walk are :func:`planner.schedule.report.stands`
  and :func:`~planner.schedule.report.phase_at`, as for the report's positions).

Positions are in projected metres (the network's CRS, as ``RoadNetwork.node_x``
and ``node_y``); times are aware ``datetime`` objects.
"""

from __future__ import annotations

import itertools
import math
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from planner.schedule import report

#: Kinds of :class:`Segment`, in the order of a round.
SEGMENT_KINDS = ("drive_in", "stop", "queue", "check", "halt", "drive_out", "unload")

#: States of :class:`ConvoyPosition`: the same words as ``planner.schedule.report.Position.state``.
STATES = ("forming", "driving", "boarding", "queued", "checked", "halted", "unloading", "done")

XY = tuple  # (x, y) projected metres


@dataclass(frozen=True)
class Segment:
    """One interval of a convoy round.

    ``kind`` is one of :data:`SEGMENT_KINDS`; ``place`` the pickup (stop), the
    checkpoint (queue, check), the halt place or the destination (unload), empty
    on the road; ``direction`` ``"in"`` or ``"out"`` for checkpoint segments and
    halts.
    """

    kind: str
    start: datetime
    end: datetime
    place: str = ""
    direction: str = ""

    @property
    def duration(self) -> timedelta:
        return self.end - self.start


#: Segment kind of each stationary state of :func:`planner.schedule.report.stands`.
_KIND_OF = {"boarding": "stop", "queued": "queue", "checked": "check", "halted": "halt"}


def convoy_segments(convoy) -> list:
    """The segments of one convoy round (a ``planner.schedule.result.Convoy``), in time order.

    The road before the first stop is ``drive_in`` (empty); from the first stop
    on it is ``drive_out`` (people on board); the round ends with ``unload``
    from arrival at the destination to the last passenger off.

    Returns
    -------
    list of Segment
        Contiguous from ``convoy.depart`` to ``convoy.unloaded``, zero-length
        intervals left out.
    """
    first_stop = convoy.stops[0].arrive if convoy.stops else convoy.arrive
    segs = []
    t = convoy.depart
    for start, end, state, place, direction in report.stands(convoy)[:-1]:  # the unloading follows
        if start > t:
            segs.append(Segment("drive_in" if start <= first_stop else "drive_out", t, start))
        if end > start:
            segs.append(Segment(_KIND_OF[state], max(start, t), end, place, direction))
        t = max(t, end)
    if convoy.arrive > t:
        segs.append(Segment("drive_in" if convoy.arrive <= first_stop else "drive_out", t, convoy.arrive))
    if convoy.unloaded > convoy.arrive:
        segs.append(Segment("unload", max(convoy.arrive, t), convoy.unloaded, convoy.destination))
    return [s for s in segs if s.end > s.start]


# ---------------------------------------------------------------- checkpoint queues


def in_service_at(queue, t: datetime):
    """The passage being checked at ``t`` (a ``CheckpointPassage``), or ``None``."""
    return next((p for p in queue.passages if p.start_service <= t < p.clear), None)


@dataclass(frozen=True)
class QueueSummary:
    """A checkpoint's passages at a glance: counts by direction, longest queue (convoys) and wait."""

    checkpoint: str
    passages: int
    inbound: int
    outbound: int
    vehicles: int
    people: int
    max_queue: int
    max_wait: timedelta
    busy: timedelta  # total service time


def queue_summary(schedule, checkpoint_id: str) -> QueueSummary:
    """The :class:`QueueSummary` of one checkpoint of a ``planner.schedule.result.Schedule``.

    The queue lengths are :func:`planner.schedule.report.queue_steps`.
    """
    queue = next((q for q in schedule.checkpoint_queues if q.checkpoint == checkpoint_id), None)
    ps = queue.passages if queue is not None else []
    return QueueSummary(
        checkpoint=checkpoint_id,
        passages=len(ps),
        inbound=sum(1 for p in ps if p.direction == "in"),
        outbound=sum(1 for p in ps if p.direction == "out"),
        vehicles=sum(p.vehicles for p in ps),
        people=sum(p.people for p in ps),
        max_queue=max((n for _, n in report.queue_steps(schedule, checkpoint_id)), default=0),
        max_wait=max((p.wait for p in ps), default=timedelta(0)),
        busy=sum((p.clear - p.start_service for p in ps), timedelta(0)),
    )


# ---------------------------------------------------------------- positions


def osm_node_xy(net) -> dict:
    """``OSM node id -> (x, y)`` projected metres for every node a route can list (cached on ``net``).

    Route node lists (``Convoy.route_nodes``) include the nodes inside simplified
    edges, so this reads the edge geometries, whose points match
    ``RoadNetwork.enode_osmid`` one to one.
    """
    cache = getattr(net, "_cache", None)
    if isinstance(cache, dict) and "osm_xy" in cache:
        return cache["osm_xy"]
    ids = net.enode_osmid.tolist()
    xy = dict(zip(ids, zip(net.geom_x.tolist(), net.geom_y.tolist())))
    xy.update(zip(net.node_osmid.tolist(), zip(net.node_x.tolist(), net.node_y.tolist())))
    if isinstance(cache, dict):
        cache["osm_xy"] = xy
    return xy


def plan_places_xy(plan, to_xy: Callable) -> dict:
    """``element id -> (x, y)`` of every point element of a plan, through ``to_xy(lon, lat)``."""
    out = {}
    for el in plan.elements():
        lon, lat = getattr(el, "lon", None), getattr(el, "lat", None)
        if lon is not None and lat is not None:
            x, y = to_xy(float(lon), float(lat))
            out[el.id] = (float(x), float(y))
    return out


@dataclass(frozen=True)
class Mark:
    """A stationary interval of a track at distance ``at_m`` along its path."""

    start: datetime
    end: datetime
    at_m: float
    state: str
    place: str
    direction: str = ""


@dataclass
class ConvoyTrack:
    """A convoy round laid on its route: a polyline and the times it stands still along it."""

    convoy: object
    path: list  # [(x, y)] projected metres
    cum_m: list  # cumulative length at each path point
    marks: list = field(default_factory=list)  # [Mark] in time order

    @property
    def length_m(self) -> float:
        return self.cum_m[-1] if self.cum_m else 0.0

    def point_at(self, d: float) -> XY | None:
        """The point at distance ``d`` (m) along the path."""
        if not self.path:
            return None
        if d <= 0 or len(self.path) == 1:
            return self.path[0]
        if d >= self.cum_m[-1]:
            return self.path[-1]
        i = bisect_right(self.cum_m, d) - 1
        seg = self.cum_m[i + 1] - self.cum_m[i]
        f = 0.0 if seg <= 0 else (d - self.cum_m[i]) / seg
        (x0, y0), (x1, y1) = self.path[i], self.path[i + 1]
        return (x0 + f * (x1 - x0), y0 + f * (y1 - y0))


def _cumulative(path: Sequence) -> list:
    cum = [0.0]
    for (x0, y0), (x1, y1) in itertools.pairwise(path):
        cum.append(cum[-1] + math.hypot(x1 - x0, y1 - y0))
    return cum


def _project(path, cum, p: XY, lo: int, hi: int, floor_m: float) -> float:
    """Distance along ``path`` (segments ``lo..hi-1``) of the point nearest ``p``, at least ``floor_m``."""
    best, best_d = floor_m, math.inf
    px, py = p
    for i in range(max(lo, 0), min(hi, len(path) - 1)):
        (x0, y0), (x1, y1) = path[i], path[i + 1]
        dx, dy = x1 - x0, y1 - y0
        L2 = dx * dx + dy * dy
        f = 0.0 if L2 <= 0 else max(0.0, min(1.0, ((px - x0) * dx + (py - y0) * dy) / L2))
        qx, qy = x0 + f * dx, y0 + f * dy
        dist = math.hypot(px - qx, py - qy)
        along = cum[i] + f * (cum[i + 1] - cum[i])
        if dist < best_d and along >= floor_m - 1e-6:
            best, best_d = along, dist
    return max(best, floor_m)


def convoy_track(convoy, node_xy: Mapping, place_xy: Mapping) -> ConvoyTrack:
    """Lay a convoy round on its route for :func:`convoy_position_at`.

    Parameters
    ----------
    convoy : planner.schedule.result.Convoy
    node_xy : mapping
        OSM node id -> (x, y) projected metres (:func:`osm_node_xy`).
    place_xy : mapping
        Plan element id -> (x, y) projected metres (:func:`plan_places_xy`), for
        the formation place, stops, checkpoints and destination.

    Notes
    -----
    The path is the empty leg (``route_nodes["in"]``, formation to the first
    stop) followed by the loaded legs (``route_nodes["out"]``, first stop through
    the other stops to the destination). Each stationary interval is placed at the point
    of its leg nearest to its place, never behind the one before it. Without
    route nodes the path runs straight between the places in time order.
    """
    stat = report.stands(convoy)
    first = place_xy.get(convoy.formation_place)
    p_in = [node_xy[n] for n in convoy.route_nodes.get("in", []) if n in node_xy]
    p_out = [node_xy[n] for n in convoy.route_nodes.get("out", []) if n in node_xy]
    path = list(p_in) + list(p_out)
    split = max(0, len(p_in) - 1)  # last segment index of the empty leg (it ends at the first stop)
    if len(path) < 2:  # no route nodes: straight lines between the places
        seq = [first] + [place_xy.get(s.place) for s in stat]  # the last stand is at the destination
        path = [p for p in seq if p is not None]
        path = [p for k, p in enumerate(path) if k == 0 or p != path[k - 1]] or [(0.0, 0.0)]
        split = len(path)
    cum = _cumulative(path)
    n = len(path)
    marks = [Mark(convoy.depart, convoy.depart, 0.0, "departed", convoy.formation_place)]
    floor = 0.0
    for start, end, state, place, direction in stat[:-1]:
        xy = place_xy.get(place)
        # the first stop ends the empty leg; passages and halts lie on the leg of their direction
        if state == "boarding":
            lo, hi = (0, split + 1) if place == convoy.stops[0].pickup else (split, n)
        else:
            lo, hi = (0, split + 1) if direction == "in" else (split, n)
        d = floor if xy is None else _project(path, cum, xy, lo, hi, floor)
        floor = d
        marks.append(Mark(start, end, d, state, place, direction))
    marks.append(Mark(convoy.arrive, convoy.unloaded, max(floor, cum[-1]), "unloading", convoy.destination))
    return ConvoyTrack(convoy, path, cum, marks)


@dataclass(frozen=True)
class ConvoyPosition:
    """Where a convoy round is at one time.

    ``state`` is one of :data:`STATES`; ``place`` where it stands (or the last
    place it left, on the road); ``next_place`` where it heads on the road;
    ``xy`` projected metres (``None`` for a track without geometry); ``since``
    and ``until`` bound the current state.
    """

    convoy: str
    state: str
    xy: XY | None
    place: str = ""
    next_place: str = ""
    direction: str = ""
    since: datetime | None = None
    until: datetime | None = None
    along_m: float = 0.0

    @property
    def active(self) -> bool:
        """On its round (neither before its departure nor after unloading)."""
        return self.state not in ("forming", "done")


def convoy_position_at(track: ConvoyTrack, t: datetime) -> ConvoyPosition:
    """The :class:`ConvoyPosition` of a convoy round (its :func:`convoy_track`) at time ``t``.

    Before departure the convoy is ``planned`` at its formation place; after the
    last passenger is off it is ``done`` at its destination. On the road between
    two stationary intervals its position is interpolated along the route in
    proportion to the time elapsed (the convoy keeps one pace between them).
    """
    c = track.convoy
    marks = track.marks
    k, on_road = report.phase_at(c, marks[1:], t)  # marks[0] is the departure
    if k < 0:
        return ConvoyPosition(c.id, "forming", track.point_at(0.0), c.formation_place, since=None, until=c.depart)
    if k == len(marks) - 1:
        return ConvoyPosition(
            c.id, "done", track.point_at(track.length_m), c.destination, since=c.unloaded, along_m=track.length_m
        )
    prev, m = marks[k], marks[k + 1]
    if not on_road:
        return ConvoyPosition(c.id, m.state, track.point_at(m.at_m), m.place, "", m.direction, m.start, m.end, m.at_m)
    span = (m.start - prev.end).total_seconds()
    f = 1.0 if span <= 0 else (t - prev.end).total_seconds() / span
    d = prev.at_m + f * (m.at_m - prev.at_m)
    direction = "in" if m.state != "unloading" and m.start <= _first_stop_arrive(c) else "out"
    return ConvoyPosition(c.id, "driving", track.point_at(d), prev.place, m.place, direction, prev.end, m.start, d)


def _first_stop_arrive(c) -> datetime:
    return c.stops[0].arrive if c.stops else c.arrive


def positions_at(tracks: Sequence, t: datetime) -> list:
    """:func:`convoy_position_at` of every track at ``t``."""
    return [convoy_position_at(tr, t) for tr in tracks]


def time_span(schedule) -> tuple:
    """``(first, last)`` time a schedule shows: the window, widened to every convoy's departure and unloading."""
    t0, t1 = schedule.window_start, schedule.window_end
    for c in schedule.convoys:
        t0, t1 = min(t0, c.depart), max(t1, c.unloaded)
    return t0, t1


def count_states(positions: Sequence) -> dict:
    """``state -> number of convoy rounds`` in it, over :data:`STATES` (zeros included)."""
    out = dict.fromkeys(STATES, 0)
    for p in positions:
        out[p.state] = out.get(p.state, 0) + 1
    return out
