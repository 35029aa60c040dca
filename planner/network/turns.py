"""Turn restrictions onto the graph: which turns (edge -> next edge) a vehicle class may make.

The OSM relations (``restr_*`` arrays, raw OSM ids) are resolved here onto
the simplified edges: an edge's first and last OSM way (``eway_osmid``) stand
for the from and to ways, its end node for the via node. Via-way restrictions
become banned or forced edge sequences (:class:`Chain`), which the turn-aware
graph of :mod:`planner.usable` gives their own copies of the via edges.

U-turns (onto the reverse of the edge just driven) are allowed only at dead
ends: a coach does not turn on the spot in a street.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from planner.network.model import APPLIES_BUS, APPLIES_MOTOR, RESTRICT_ONLY

#: Max via edges followed when resolving a via-way restriction.
MAX_VIA_EDGES = 8


@dataclass(frozen=True)
class Chain:
    """A via-way restriction on edges: after ``from_edge`` then ``via`` (in order), ``to`` edges are
    banned (``only=False``) or the only ones allowed (``only=True``; leaving the via edges early too)."""

    restriction: int  # OSM relation id
    from_edge: int
    via: tuple
    to: tuple
    only: bool


@dataclass
class Turns:
    """The legal turns of one vehicle class on a network.

    Attributes
    ----------
    turn_from, turn_to : np.ndarray of int64
        Every allowed (edge in, edge out) pair at a node (u-turns only at dead ends,
        via-node restrictions applied).
    chains : list of Chain
        Via-way restrictions.
    banned : int
        Turns removed by via-node restrictions.
    """

    turn_from: np.ndarray
    turn_to: np.ndarray
    chains: list
    banned: int


def vehicle_class(kind: str) -> int:
    """Restriction class bit of a vehicle type: buses and coaches, or other motor vehicles."""
    return APPLIES_MOTOR if str(kind).lower() in ("ambulance", "car", "van", "motorcar") else APPLIES_BUS


def edge_ways(net):
    """(first way, last way) OSM ids of every edge."""
    ptr = np.asarray(net.enode_ptr)
    return net.eway_osmid[ptr[:-1]], net.eway_osmid[ptr[1:] - 1]


def all_turns(net):
    """Every (edge in, edge out) pair meeting at a node, as two int64 arrays."""
    m, n = net.n_edges, net.n_nodes
    u = np.asarray(net.edge_u, dtype=np.int64)
    v = np.asarray(net.edge_v, dtype=np.int64)
    by_u = np.argsort(u, kind="stable")
    out_ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(u, minlength=n), out=out_ptr[1:])
    deg = out_ptr[v + 1] - out_ptr[v]
    e_in = np.repeat(np.arange(m, dtype=np.int64), deg)
    start = np.repeat(out_ptr[v], deg)
    offset = np.arange(len(e_in)) - np.repeat(np.cumsum(deg) - deg, deg)
    e_out = by_u[start + offset]
    return e_in, e_out


def turns_for(net, kind: str = "bus") -> Turns:
    """The legal turns of a vehicle type on ``net`` (cached per network and class)."""
    cls = vehicle_class(kind)
    key = ("turns", cls)
    cache = net._cache if hasattr(net, "_cache") else {}
    if key in cache:
        return cache[key]
    u = np.asarray(net.edge_u, dtype=np.int64)
    v = np.asarray(net.edge_v, dtype=np.int64)
    e_in, e_out = all_turns(net)
    # U-turns only where nothing else leads on.
    uturn = (v[e_out] == u[e_in]) & (u[e_out] == v[e_in])
    other = np.bincount(e_in[~uturn], minlength=net.n_edges)
    keep = ~uturn | (other[e_in] == 0)
    first, last = edge_ways(net)
    nidx = net.node_index()
    chains = []
    banned = 0
    applies = (np.asarray(net.restr_applies) & cls) != 0
    for r in np.flatnonzero(applies).tolist():
        via = net.restr_via[net.restr_via_ptr[r] : net.restr_via_ptr[r + 1]]
        frm, to, only = int(net.restr_from[r]), int(net.restr_to[r]), int(net.restr_kind[r]) == RESTRICT_ONLY
        if net.restr_via_way[r]:
            chains.extend(_chains(net, int(net.restr_osmid[r]), frm, [int(w) for w in via], to, only, first, last))
            continue
        node = nidx.get(int(via[0]))
        if node is None:
            continue
        at = (v[e_in] == node) & (last[e_in] == frm)
        hit = at & ((first[e_out] != to) if only else (first[e_out] == to))
        banned += int((hit & keep).sum())
        keep &= ~hit
    out = Turns(e_in[keep], e_out[keep], chains, banned)
    cache[key] = out
    return out


def _chains(net, rid, frm, via_ways, to, only, first, last) -> list:
    """Edge sequences of a via-way restriction: from-way edge, via edges (all on via ways), to-way edges."""
    u = np.asarray(net.edge_u)
    v = np.asarray(net.edge_v)
    via_set = set(via_ways)
    ptr = np.asarray(net.enode_ptr)
    # edges all of whose segments lie on via ways (vectorised: no segment of another way in the edge's range)
    other = np.concatenate(([0], np.cumsum(~np.isin(np.asarray(net.eway_osmid), list(via_set)))))
    lo, hi = ptr[: net.n_edges] + 1, ptr[1 : net.n_edges + 1]
    on_via = other[np.maximum(lo, hi)] - other[np.minimum(lo, hi)] == 0
    out_by_node = {}
    for e in np.flatnonzero(on_via | (first == to)).tolist():
        out_by_node.setdefault(int(u[e]), []).append(e)
    found = []
    for e0 in np.flatnonzero(last == frm).tolist():
        stack = [(e0, ())]
        while stack:
            cur, path = stack.pop()
            node = int(v[cur])
            nxt = [e for e in out_by_node.get(node, ()) if not (u[e] == v[cur] and v[e] == u[cur])]
            if path:
                ways = {int(w) for p in path for w in net.eway_osmid[ptr[p] + 1 : ptr[p + 1]].tolist()}
                tos = tuple(e for e in nxt if first[e] == to and e not in path)
                if ways == via_set and tos:
                    found.append(Chain(rid, e0, path, tos, only))
                    continue
            if len(path) < MAX_VIA_EDGES:
                stack.extend((e, path + (e,)) for e in nxt if on_via[e] and e not in path and e != e0)
    return found
