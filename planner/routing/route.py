"""One route on the usable network: its nodes, edges, geometry and the checkpoints it passes.

:func:`make_route` turns a chain of edge indices (from any search in
:mod:`planner.routing.search`) into a :class:`Route`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from planner.edgegeom import geom_lonlat


@dataclass
class CheckpointPass:
    """A checkpoint a route drives through: its node and the driving time/distance to it from the start."""

    checkpoint_id: str
    node_index: int
    offset_s: float
    offset_m: float

    def to_dict(self) -> dict:
        return {"id": self.checkpoint_id, "offset_s": round(self.offset_s, 1), "offset_m": round(self.offset_m, 1)}


@dataclass
class Route:
    """One route on the usable network.

    Attributes
    ----------
    origin_id, destination_id : str
        Plan element ids (or ``""`` for a bare node query).
    node_index : np.ndarray
        Network node indices in driving order.
    edge_index : np.ndarray
        Network edge indices, ``len(node_index) - 1`` of them.
    route_nodes : list of int
        Every OSM node id driven through, in order, including the nodes inside simplified edges.
    length_m, time_s : float
        Metres; seconds on the usable network's weights (caps and slow zones applied).
    coords_lonlat : np.ndarray
        (k, 2) WGS84 polyline of the route.
    checkpoints : list of CheckpointPass
        Checkpoints passed, in driving order.
    label : str
        Short human label ("fastest", "via Neustrelitzer Straße").
    overlap : float
        Share of this route's length that it shares with the best route (0..1; 1 for the best).
    """

    origin_id: str
    destination_id: str
    node_index: np.ndarray
    edge_index: np.ndarray
    route_nodes: list
    length_m: float
    time_s: float
    coords_lonlat: np.ndarray
    checkpoints: list = field(default_factory=list)
    label: str = ""
    overlap: float = 1.0

    @property
    def checkpoint_ids(self) -> list:
        return [c.checkpoint_id for c in self.checkpoints]

    def to_dict(self) -> dict:
        """JSON-ready dict (coordinates rounded to 1e-6 degrees)."""
        return {
            "from": self.origin_id,
            "to": self.destination_id,
            "label": self.label,
            "time_s": round(float(self.time_s), 1),
            "length_m": round(float(self.length_m), 1),
            "overlap": round(float(self.overlap), 3),
            "checkpoints": [c.to_dict() for c in self.checkpoints],
            "route_nodes": [int(n) for n in self.route_nodes],
            "coordinates": np.round(self.coords_lonlat, 6).tolist(),
        }


def make_route(usable, origin, edges, origin_id, destination_id, checkpoints) -> Route:
    """The :class:`Route` driving ``edges`` (edge indices, in order) from node index ``origin``.

    ``checkpoints`` (a :class:`planner.usable.CheckpointIndex` or ``None``) names the checkpoints passed.
    """
    net = usable.net
    edges = np.asarray(edges, dtype=np.int64)
    nodes = (
        np.concatenate([[int(origin)], net.edge_v[edges].astype(np.int64)])
        if len(edges)
        else np.array([int(origin)], dtype=np.int64)
    )
    t = usable.time_s[edges]
    ln = net.edge_length[edges]
    cum_t = np.concatenate([[0.0], np.cumsum(t)])
    cum_l = np.concatenate([[0.0], np.cumsum(ln)])
    passes = _checkpoint_passes(checkpoints, nodes, edges, cum_t, cum_l, t, ln) if checkpoints else []
    if len(edges):
        route_nodes = net.enode_osmid[_chain_index(net.enode_ptr, edges)].tolist()
        glon, glat = geom_lonlat(net)
        gi = _chain_index(net.geom_ptr, edges)
        lon, lat = glon[gi], glat[gi]
    else:
        route_nodes = [int(net.node_osmid[nodes[0]])]
        lon, lat = net.node_lon[nodes[:1]], net.node_lat[nodes[:1]]
    return Route(
        origin_id=origin_id,
        destination_id=destination_id,
        node_index=nodes,
        edge_index=edges,
        route_nodes=route_nodes,
        length_m=float(cum_l[-1]),
        time_s=float(cum_t[-1]),
        coords_lonlat=np.column_stack([np.atleast_1d(lon), np.atleast_1d(lat)]),
        checkpoints=passes,
    )


def route_cost(usable, origin, edges, checkpoints) -> tuple:
    """``(time_s, length_m, checkpoint passes)`` of the :func:`make_route` route, the same figures, without its
    nodes and geometry (what a schedule's leg needs: a fifth of the work)."""
    net = usable.net
    edges = np.asarray(edges, dtype=np.int64)
    t = usable.time_s[edges]
    ln = net.edge_length[edges]
    cum_t = np.concatenate([[0.0], np.cumsum(t)])
    cum_l = np.concatenate([[0.0], np.cumsum(ln)])
    passes = []
    if checkpoints:
        nodes = np.concatenate([[int(origin)], net.edge_v[edges].astype(np.int64)])
        passes = _checkpoint_passes(checkpoints, nodes, edges, cum_t, cum_l, t, ln)
    return float(cum_t[-1]), float(cum_l[-1]), passes


def _checkpoint_passes(index, nodes, edges, cum_t, cum_l, t, ln):
    """Checkpoints passed along a route, in order, each once (its first passage)."""
    passes, seen = [], set()

    def add(cp, node, off_s, off_m):
        if cp not in seen:
            seen.add(cp)
            passes.append(CheckpointPass(cp, int(node), float(off_s), float(off_m)))

    # Only the steps at a checkpoint node or on a checkpoint edge need a look.
    node_keys, edge_keys = index.keys()
    at_node = _member(nodes, node_keys)
    on_edge = np.zeros(len(nodes), dtype=bool)
    on_edge[: len(edges)] = _member(edges, edge_keys)
    for i in np.flatnonzero(at_node | on_edge).tolist():
        nd = int(nodes[i])
        for cp in index.node.get(nd, ()):
            add(cp, nd, cum_t[i], cum_l[i])
        if i < len(edges):
            for cp, frac, end in sorted(index.edge.get(int(edges[i]), ()), key=lambda h: h[1]):
                add(cp, end, cum_t[i] + frac * t[i], cum_l[i] + frac * ln[i])
    return passes


def _member(values, keys) -> np.ndarray:
    """``np.isin(values, keys)`` by binary search in the (few) sorted keys: isin's sorting of both arrays
    cost more than the rest of building a leg."""
    keys = np.sort(np.asarray(keys))
    if len(keys) == 0 or len(values) == 0:
        return np.zeros(len(values), dtype=bool)
    pos = np.minimum(np.searchsorted(keys, values), len(keys) - 1)
    return keys[pos] == values


def _chain_index(ptr, edges):
    """Indices into a CSR data array for a chain of edges, dropping each joint's repeated first item."""
    ptr = np.asarray(ptr)
    start = ptr[edges].astype(np.int64)
    count = (ptr[edges + 1] - start).astype(np.int64)
    start[1:] += 1  # the first item of every later edge repeats the last one of the edge before
    count[1:] -= 1
    offset = np.cumsum(count) - count
    return np.repeat(start - offset, count) + np.arange(count.sum())
