"""Why a place cannot be reached: the hazard zone, closure, corridor or size limit that cuts it off."""

from __future__ import annotations

import numpy as np

from planner.routing.remarks import why, why_text
from planner.routing.search import shortest_edges
from planner.usable import CORRIDOR, UsableNetwork


def explain_unreachable(usable: UsableNetwork, origin: int, targets) -> str:
    """Why no target is reachable from ``origin``, in English (:func:`explain_reason` as text)."""
    return why_text(explain_reason(usable, origin, targets))


def explain_reason(usable: UsableNetwork, origin: int, targets) -> dict:
    """Why no target is reachable from ``origin``: the constraint that cuts them off.

    Re-checks reachability with constraints left out: first each blocked hazard
    zone, closure and the corridor restriction alone, then whole kinds
    together; names what has to go for a path to exist ("every path crosses
    hazard zone H1 'Bridge'"). The elements named for a group are those the
    fastest path of the relaxed network runs into.

    Returns a ``why`` parameter of :mod:`planner.routing.remarks` (a code of
    :data:`~planner.routing.remarks.WHY` and its params).
    """
    targets = np.atleast_1d(np.asarray(targets, dtype=np.int64))
    singles = [(c.element_id, [c]) for c in usable.constraints if c.removes.any()]
    if usable.corridor_keep is not None:
        singles.append((CORRIDOR, []))
    # One constraint alone?
    alone = [name for name, _ in singles if _reaches(usable.variant([name]), origin, targets)]
    if alone:
        return why(_every(usable, alone), cut=[_phrase(usable, [n])[0] for n in alone], lifted="")
    # Whole kinds, then combinations of kinds.
    kinds: dict[str, list[str]] = {}
    for c in usable.constraints:
        if c.removes.any():
            kinds.setdefault(c.kind, []).append(c.element_id)
    if usable.corridor_keep is not None:
        kinds[CORRIDOR] = [CORRIDOR]
    names = list(kinds)
    combos = [[a] for a in names] + [[a, b] for i, a in enumerate(names) for b in names[i + 1 :]]
    if len(names) > 2:
        combos.append(names)
    for combo in combos:
        drop = [e for kind in combo for e in kinds[kind]]
        relaxed = usable.variant(drop)
        if _reaches(relaxed, origin, targets):
            names = _blocking_on_path(usable, relaxed, origin, targets, drop)
            lifted = "" if len(names) < 2 else "both" if len(names) == 2 else "all"
            return why(_every(usable, names), cut=_phrase(usable, names), lifted=lifted)
    return why("no_road", network=repr(getattr(usable.net, "name", "")))


def _every(usable, names) -> str:
    """``way_in`` ("every way in") when only size limits block (they are streets, not plan elements), else ``path``."""
    kinds = {c.element_id: c.kind for c in usable.constraints}
    return "way_in" if names and all(kinds.get(n) == "limit" for n in names) else "path"


def _reaches(usable, origin, targets) -> bool:
    if np.isin(int(origin), targets):
        return True
    tg = usable.turn_graph
    edges = tg.reachable_nodes(tg.source0 + int(origin))
    return bool(np.isin(targets, usable.net.edge_v[edges]).any())


def _blocking_on_path(usable, relaxed, origin, targets, dropped):
    """The dropped constraints the relaxed network's fastest path to the nearest target runs into."""
    tg = relaxed.turn_graph
    dist, pred = tg.search_one(tg.source0 + int(origin))
    times, _ = tg.node_times(dist, targets)
    target = int(targets[int(np.argmin(times[0]))])
    edges = shortest_edges(relaxed, origin, target)
    out = []
    for c in usable.constraints:
        if c.element_id in dropped and c.removes[edges].any():
            out.append(c.element_id)
    if CORRIDOR in dropped and not usable.corridor_keep[edges].all():
        out.append(CORRIDOR)
    return out or list(dropped)


def _phrase(usable, names) -> list:
    """``[["leaves", ["corridor CR1 'M14'"]], ["crosses", ["hazard zone H1 'A'", "road closure X1 'B'"]]]``.

    Said "leaves corridor CR1 'M14' or crosses hazard zone H1 'A' or road closure X1 'B'".
    """
    by_id = {c.element_id: c for c in usable.constraints}
    leaves = [usable.corridor_desc for n in names if n == CORRIDOR]
    crosses = [by_id[n].description for n in names if n != CORRIDOR]
    parts: list = []
    if leaves:
        parts.append(["leaves", leaves[:1]])
    if crosses:
        parts.append(["crosses", crosses])
    return parts
