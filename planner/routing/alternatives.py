"""Materially different routes between two nodes, by penalty re-routing."""

from __future__ import annotations

import numpy as np

from planner.routing.route import Route, make_route
from planner.routing.search import shortest_route
from planner.usable import UsableNetwork

PENALTY = 0.5
#: Alternatives sharing more than this share of their length with an accepted route are not "material".
MAX_OVERLAP = 0.8
#: Alternatives slower than this many times the best route are not offered.
MAX_STRETCH = 1.6


def alternative_routes(
    usable: UsableNetwork,
    origin: int,
    target: int,
    k: int = 3,
    *,
    origin_id="",
    destination_id="",
    checkpoints=None,
    penalty: float = PENALTY,
    max_overlap: float = MAX_OVERLAP,
    max_stretch: float = MAX_STRETCH,
    best: Route | None = None,
) -> list:
    """Up to ``k`` materially different routes, best first, sorted by time.

    Penalty re-routing: after each route found, the times of its edges are
    multiplied by ``1 + penalty`` and the search runs again; a candidate is kept
    when it shares at most ``max_overlap`` of its length with every route kept
    so far (and they with it) and takes at most ``max_stretch`` times the best
    route's time (on the true, unpenalised times). At most ``4 k`` searches,
    each bounded by ``limit`` so that it stops early. Each route's ``overlap``
    is its share of length on the best route.
    """
    if best is None:
        best = shortest_route(
            usable, origin, target, origin_id=origin_id, destination_id=destination_id, checkpoints=checkpoints
        )
    if best is None:
        return []
    best.overlap, best.label = 1.0, "fastest"
    kept = [best]
    if k <= 1 or len(best.edge_index) == 0:
        return kept
    tg = usable.turn_graph
    penalised = tg.graph.copy()
    column_edge = tg.state_edge[penalised.indices]
    factor = np.ones(usable.net.n_edges)
    # Bound the search: a path costing more than this on penalised weights is
    # too slow or shares too much with the routes penalised so far.
    limit = max_stretch * best.time_s * (1.0 + penalty) ** 3
    seen = {tuple(best.edge_index.tolist())}
    last = best
    start = tg.source0 + int(origin)
    for _ in range(4 * k):
        factor[last.edge_index] *= 1.0 + penalty
        penalised.data = tg.graph.data * factor[column_edge]
        dist, pred = tg.search_one(start, limit=limit, graph=penalised)
        state, t = tg.best_state(dist, int(target))
        if state < 0 or not np.isfinite(t):
            break
        edges = tg.path_edges(pred, state, start)
        key = tuple(edges.tolist())
        if key in seen:
            continue  # penalties not strong enough yet: penalise the same edges again
        seen.add(key)
        cand = make_route(usable, int(origin), edges, origin_id, destination_id, checkpoints)
        last = cand
        if cand.time_s <= max_stretch * best.time_s and all(
            _overlap(usable.net, cand, r) <= max_overlap and _overlap(usable.net, r, cand) <= max_overlap for r in kept
        ):
            cand.overlap = _overlap(usable.net, cand, best)
            kept.append(cand)
            if len(kept) >= k:
                break
    kept.sort(key=lambda r: r.time_s)
    for r in kept[1:]:
        r.label = _via_label(usable.net, r, best)
    return kept


def _overlap(net, a: Route, b: Route) -> float:
    """Share of ``a``'s length on edges that ``b`` also uses."""
    if a.length_m <= 0:
        return 1.0
    shared = np.isin(a.edge_index, b.edge_index)
    return float(net.edge_length[a.edge_index[shared]].sum() / a.length_m)


def _via_label(net, route: Route, best: Route) -> str:
    """ "via <street>": the longest named street of ``route`` that the best route does not use."""
    names = np.asarray(net.edge_name)
    on_best = set(names[best.edge_index].tolist())
    totals = {}
    for nm, ln in zip(names[route.edge_index].tolist(), net.edge_length[route.edge_index].tolist()):
        if nm and nm not in on_best:
            totals[nm] = totals.get(nm, 0.0) + ln
    if not totals:
        return "alternative"
    return "via " + max(totals, key=totals.get)
