"""Shapely geometry of a road network's edges, cached per network.

The edge polylines (projected metres), their WGS84 vertices and an STRtree over
them, built once per :class:`~planner.network.RoadNetwork` and shared by the
usable network, corridors, routes and the map.
"""

from __future__ import annotations

import weakref

import numpy as np
import shapely

__all__ = ["edge_lines", "edge_tree", "geom_lonlat"]

_GEOM_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _cached(net):
    try:
        return _GEOM_CACHE.setdefault(net, {})
    except TypeError:  # not weak-referenceable: no cache
        return {}


def edge_lines(net) -> np.ndarray:
    """Shapely LineStrings of every edge (projected metres), cached per network."""
    cache = _cached(net)
    if "lines" not in cache:
        ptr = np.asarray(net.geom_ptr)
        counts = np.diff(ptr)
        coords = np.column_stack([net.geom_x, net.geom_y])
        cache["lines"] = shapely.linestrings(coords, indices=np.repeat(np.arange(net.n_edges), counts))
    return cache["lines"]


def geom_lonlat(net):
    """WGS84 (lon, lat) of every vertex of the edge polylines (aligned with ``net.geom_x``), cached."""
    cache = _cached(net)
    if "lonlat" not in cache:
        lon, lat = net.to_wgs84(np.asarray(net.geom_x), np.asarray(net.geom_y))
        cache["lonlat"] = (np.asarray(lon), np.asarray(lat))
    return cache["lonlat"]


def edge_tree(net) -> shapely.STRtree:
    """STRtree over :func:`edge_lines`, cached per network."""
    cache = _cached(net)
    if "tree" not in cache:
        cache["tree"] = shapely.STRtree(edge_lines(net))
    return cache["tree"]
