"""Shortest paths over the small place graphs of the bound (depots, pickups, destinations as nodes)."""

from __future__ import annotations

import heapq

from planner.schedule.model import INF


def dijkstra(start: dict, edges: dict, ready: dict | None = None) -> dict:
    """Least distance from any start to every place reached.

    Parameters
    ----------
    start : dict
        ``place -> distance`` to begin with (s); the sources.
    edges : dict
        ``place -> [(next place, weight s), ...]``; non-negative weights.
    ready : dict, optional
        ``place -> time`` (s) before which nothing leaves it: a path reaching it earlier goes on from then
        (the distance kept for the place is still its arrival).

    Returns
    -------
    dict
        ``place -> least distance`` (s) for every place reached, the starts included.
    """
    dist = dict(start)
    heap = [(d, x) for x, d in dist.items()]
    heapq.heapify(heap)
    while heap:
        d, x = heapq.heappop(heap)
        if d > dist.get(x, INF):
            continue
        if ready is not None and d < ready.get(x, d):
            d = ready[x]
        for y, w in edges.get(x, ()):
            nd = d + w
            if nd < dist.get(y, INF):
                dist[y] = nd
                heapq.heappush(heap, (nd, y))
    return dist
