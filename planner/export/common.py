"""What every export shares: times, names, the roads of a convoy round, atomic writes.

The exports read the typed schedule (:class:`planner.schedule.result.Schedule`),
the plan and the road network. A round's road geometry comes from its convoy's
``route_nodes`` (OSM node ids, ``"in"`` empty and ``"out"`` loaded) walked on the
network, so it is exactly the roads the scheduler timed.
"""

from __future__ import annotations

import math
import os
import tempfile
import weakref
from collections.abc import Callable
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np

from planner import fileio
from planner.errors import EvacplanError
from planner.schedule.result import GROUP_NAMES, Schedule

GROUPS = GROUP_NAMES  # stretcher, reduced_mobility, general
GROUP_LABEL = {"general": "general", "reduced_mobility": "reduced mobility", "stretcher": "stretcher"}


class ExportError(EvacplanError):
    """An export could not be written (folder missing, not writable, ...)."""


# ---------------------------------------------------------------- files


@contextmanager
def atomic_path(path, suffix=".tmp"):
    """Yield a temporary path next to ``path``; on success move it onto ``path`` (``os.replace``).

    A failure (or ``Cancelled``) removes the temporary file and leaves any old ``path`` untouched.
    """
    path = Path(path)
    target = fileio.output_target(path)  # a symbolic link is written through, not replaced
    folder = target.resolve().parent
    if not folder.is_dir():
        raise ExportError(f"{path}: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=folder)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write in {folder} ({exc.strerror or exc})") from None
    os.close(fd)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:  # the bytes are on disk before the rename
            os.fsync(fh.fileno())
        os.chmod(tmp, fileio.output_mode(target))  # mkstemp makes 0600; outputs get the user's umask
        os.replace(tmp, target)
    except OSError as exc:
        _unlink(tmp)
        raise ExportError(f"{path}: cannot write ({exc.strerror or exc})") from None
    except BaseException:
        _unlink(tmp)
        raise


def _unlink(p):
    try:
        os.unlink(p)
    except OSError:
        pass


def write_text_atomic(path, text: str) -> Path:
    """Write UTF-8 ``text`` to ``path`` atomically (:mod:`planner.fileio`); return the path."""
    folder = Path(path).resolve().parent
    if not folder.is_dir():
        raise ExportError(f"{path}: folder {folder} does not exist")
    return fileio.write_text_atomic(path, text, what="the export", error=ExportError)


# ---------------------------------------------------------------- the schedule and its times


def as_schedule(schedule, plan=None, net=None, routes=None) -> Schedule:
    """``schedule`` as the typed :class:`planner.schedule.result.Schedule`.

    A typed schedule passes through; a schedule JSON dict (design section 10,
    ``Schedule.to_json()`` or ``evacplan schedule --json``) is read into the objects.
    ``plan``, ``net`` and ``routes`` are accepted for the exporters' shared signature.
    """
    if isinstance(schedule, Schedule):
        return schedule
    if isinstance(schedule, dict):
        from planner.schedule.result import schedule_from_json

        try:
            return schedule_from_json(schedule)
        except (KeyError, TypeError, ValueError) as exc:
            raise ExportError(f"not an evacplan schedule: {exc}") from None
    raise TypeError(f"not a schedule: {type(schedule).__name__}")


def ceil_minute(t: datetime) -> datetime:
    """``t`` rounded up to the whole minute (a printed time is never earlier than the computed one)."""
    if t.second == 0 and t.microsecond == 0:
        return t
    return t.replace(second=0, microsecond=0) + timedelta(minutes=1)


def floor_minute(t: datetime) -> datetime:
    """``t`` rounded down to the minute: for a *latest* time (latest safe departure)."""
    return t.replace(second=0, microsecond=0)


def clock(
    t: datetime | None,
    day0: datetime | date | None = None,
    *,
    latest: bool = False,
    later_day: Callable[[int], str] | None = None,
) -> str:
    """``"HH:MM"`` of ``t`` in its own UTC offset, ``"HH:MM +1d"`` on a later day than ``day0``.

    Rounded up to the minute, so a printed arrival or clearance is never earlier
    than the computed one; ``latest=True`` (a latest safe departure) rounds down.
    ``later_day(days)`` gives the day marker in a document's language (``"+1 дн."``).
    """
    if t is None:
        return "–"
    t = floor_minute(t) if latest else ceil_minute(t)
    out = t.strftime("%H:%M")
    if day0 is not None:
        days = (t.date() - (day0.date() if isinstance(day0, datetime) else day0)).days
        if days:
            out += " " + (later_day(days) if later_day else f"{days:+d}d")
    return out


def minutes(td: timedelta) -> int:
    """Whole minutes of a duration, rounded up."""
    return int(math.ceil(td.total_seconds() / 60.0 - 1e-9))


def element_names(plan) -> dict:
    """``element id -> name`` for every element of the plan."""
    return {el.id: el.name for el in plan.elements()}


def vehicle_plates(schedule: Schedule) -> dict:
    """``vehicle id -> plate`` (``""`` when the plan gives none)."""
    return {t.vehicle: t.plate for t in schedule.trips}


def trips_of_convoy(schedule: Schedule, convoy) -> list:
    """The trips of ``convoy`` in the order of its vehicle list."""
    order = {v: i for i, v in enumerate(convoy.vehicles)}
    return sorted(schedule.trips_of(convoy.id), key=lambda t: order.get(t.vehicle, len(order)))


def km(m: float, tr=None) -> str:
    """Metres as a short distance: ``"850 m"``, ``"12.3 km"`` (units and decimal mark through ``tr``)."""
    if m < 950:
        return f"{int(round(m / 10.0) * 10)} {tr('m') if tr else 'm'}"
    if tr is None:
        return f"{m / 1000.0:.1f} km"
    return f"{tr.num(m / 1000.0, 1)} {tr('km')}"


# ---------------------------------------------------------------- routes on the network

_NET_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _net_cache(net) -> dict:
    try:
        return _NET_CACHE.setdefault(net, {})
    except TypeError:  # not weak-referenceable: no caching
        return {}


def _out_edges(net):
    """CSR of outgoing edges: ``(ptr, edges)`` with the edges leaving node ``i`` in ``edges[ptr[i]:ptr[i+1]]``."""
    cache = _net_cache(net)
    if "out" not in cache:
        u = np.asarray(net.edge_u)
        order = np.argsort(u, kind="stable")
        ptr = np.searchsorted(u[order], np.arange(net.n_nodes + 1))
        cache["out"] = (ptr, order)
    return cache["out"]


def route_edges(net, route_nodes) -> np.ndarray:
    """Edge indices of a route given as the OSM node ids it drives through, in order.

    ``route_nodes`` includes the nodes inside simplified edges (design section 5);
    each step takes the outgoing edge whose own OSM node list matches the next
    ids. Raises :class:`ExportError` when the ids do not form a path on ``net``.
    """
    ids = [int(x) for x in route_nodes]
    if len(ids) < 2:
        return np.zeros(0, dtype=np.int64)
    cache = _net_cache(net)
    key = ("edges", tuple(ids))
    if key in cache:
        return cache[key]
    index = net.node_index()
    ptr, order = _out_edges(net)
    edges = []
    i = 0
    while i < len(ids) - 1:
        u = index.get(ids[i])
        best = None
        if u is not None:
            for e in order[ptr[u] : ptr[u + 1]]:
                osm = net.edge_osm_nodes(int(e))
                k = len(osm)
                if ids[i : i + k] == osm.tolist() and (
                    best is None or k > best[1] or (k == best[1] and net.edge_length[e] < net.edge_length[best[0]])
                ):
                    best = (int(e), k)
        if best is None:
            raise ExportError(
                f"route through OSM nodes {ids[i]} -> {ids[i + 1]} is not on network {net.name!r}"
                " (schedule computed on another network?)"
            )
        edges.append(best[0])
        i += best[1] - 1
    out = np.asarray(edges, dtype=np.int64)
    cache[key] = out
    return out


def edges_xy(net, edges) -> np.ndarray:
    """Projected ``(k, 2)`` polyline (metres) of consecutive edges."""
    edges = np.asarray(edges, dtype=np.int64)
    if len(edges) == 0:
        return np.zeros((0, 2))
    cache = _net_cache(net)
    key = ("xy", edges.tobytes())
    hit = cache.get(key)
    if hit is None:
        hit = cache[key] = _edges_xy(net, edges)
        hit.setflags(write=False)
    return hit


def _edges_xy(net, edges) -> np.ndarray:
    ptr = np.asarray(net.geom_ptr)
    parts = []
    for j, e in enumerate(edges):
        a, b = int(ptr[e]), int(ptr[e + 1])
        if j:
            a += 1  # shared node with the previous edge
        parts.append(np.column_stack((net.geom_x[a:b], net.geom_y[a:b])))
    return np.concatenate(parts)


def edges_lonlat(net, edges) -> np.ndarray:
    """WGS84 ``(k, 2)`` polyline (lon, lat degrees) of consecutive edges."""
    xy = edges_xy(net, edges)
    if len(xy) == 0:
        return xy
    lon, lat = net.to_wgs84(xy[:, 0], xy[:, 1])
    return np.column_stack((lon, lat))


def convoy_edges(net, convoy, direction: str) -> np.ndarray:
    """Edges of a convoy round's ``"in"`` leg (empty: formation to its first stop) or ``"out"`` leg (first stop
    through the others to the reception point)."""
    nodes = (convoy.route_nodes or {}).get(direction) or []
    return route_edges(net, nodes) if len(nodes) >= 2 else np.zeros(0, dtype=np.int64)
