"""The priority rule's class floors for the bound (design section 6; :mod:`.bound`).

Under the rule the schedule that is best in the rule's order carries at least
what a schedule found under it carries, class by class, on the longest prefix
of classes that schedule carries in full (:func:`rule_floors`). How long that
prefix is depends on the limits of the stretcher classes: a class is carried
in full when no schedule that carries the earlier classes as found carries
more of it. The plain limit counts the stretcher places of every
vehicle-round the fleet term allows. :func:`stretcher_patterns` tightens it
with the rounds a vehicle can make *through the pickups of each class*: on the
demo two rounds of an ambulance fit the window only through the pickup whose
five stretcher cases are of priority 2, so once the twelve places of the six
ambulances' single rounds through the priority-1 pickup are full, no
schedule carries any of the five, and the floors go on to every later class.
"""

from __future__ import annotations

import itertools
import math

import numpy as np

from planner.schedule.model import GROUPS, INF, Problem, class_order

#: Most stretcher classes and most stretcher rounds of a vehicle the patterns enumerate (beyond: the plain limit).
MAX_CLASSES = 4
MAX_ROUNDS = 4


def stretcher_patterns(P: Problem, rt, segments_of, reach, rounds_of) -> dict | None:
    """Per kind of vehicle with stretcher places, the sequences of rounds through stretcher classes that fit.

    Parameters
    ----------
    P : Problem
    rt : dict
        :func:`.reach.round_times` of ``P``.
    segments_of : callable
        ``vehicle -> daylight part lengths (s) after its first departure`` (the fleet term's).
    reach : set
        Pickups some schedule can serve.
    rounds_of : dict
        Vehicle id -> most rounds (the fleet term).

    Returns
    -------
    dict or None
        ``{"classes": [(0, priority), ...], "kinds": [(vehicles, places, [pattern, ...]), ...]}``, a pattern
        a tuple of rounds, each the frozenset of class indices it passes. ``None`` when the
        patterns are not worked out (nights in the window, too many classes or rounds): the plain limit holds.

    Notes
    -----
    A round through a pickup of class ``j`` from origin ``o`` takes at least
    ``t_o(j)``, the fastest in-and-out path through one (one-vehicle passages),
    and a round through several classes the largest of theirs. A vehicle's
    first such round ends at least ``min(t_depot(S), d1 + t_dest(S))`` after its
    first departure (``d1`` its fastest round of any kind, ``t_dest`` the least
    over the destinations), every later one ``t_dest(S)`` after the one before,
    whatever rounds lie between; the pattern fits when that is inside the
    vehicle's one daylight part.
    """
    order = [c for c in class_order(P.pickups) if c[0] == 0]
    pk = {p.id: p for p in P.pickups}
    at = [[p for p in reach if pk[p].stretcher > 0 and pk[p].priority == pr] for _, pr in order]
    keep = [k for k, a in enumerate(at) if a]
    classes = [order[k] for k in keep]
    at = [at[k] for k in keep]
    if not classes or len(classes) > MAX_CLASSES:
        return None
    dests = [d.id for d in P.destinations]
    subsets = [frozenset(c) for r in range(1, len(classes) + 1) for c in itertools.combinations(range(len(classes)), r)]
    kinds: dict = {}
    for v in P.vehicles:
        if v.stretcher_places <= 0:
            continue
        key = (v.profile, v.depot, P.first_departure(v), v.stretcher_places)
        if key in kinds:
            kinds[key][0] += 1
            continue
        segs = segments_of(v)
        R = int(rounds_of.get(v.id, 0))
        if len(segs) != 1 or R > MAX_ROUNDS:
            return None
        d1 = INF
        t_dep = [INF] * len(classes)
        t_dest = [INF] * len(classes)
        for b, (od, best_in, in_from) in rt.items():
            if not P.follows(v.profile, b):
                continue
            d1 = min(d1, best_in.get(v.depot, INF))
            for j, pids in enumerate(at):
                t_dep[j] = min(t_dep[j], _through(od, in_from, v.depot, pids))
                t_dest[j] = min(t_dest[j], min((_through(od, in_from, x, pids) for x in dests), default=INF))
        pats = []
        for k in range(1, R + 1):
            for seq in itertools.product(subsets, repeat=k):
                first = min(max(t_dep[j] for j in seq[0]), d1 + max(t_dest[j] for j in seq[0]))
                need = first + sum(max(t_dest[j] for j in S) for S in seq[1:])
                if math.isfinite(need) and need <= segs[0]:
                    pats.append(seq)
        kinds[key] = [1, v.stretcher_places, pats]
    return {
        "classes": classes,
        "demand": [sum(pk[p].stretcher for p in a) for a in at],
        "kinds": [tuple(x) for x in kinds.values()],
    }


def _through(od, in_from, origin, pids) -> float:
    """The fastest round (s) from ``origin`` through one of the pickups ``pids`` to a destination."""
    dist = in_from.get(origin, {})
    return min((dist[p] + od[p] for p in pids if p in dist and p in od), default=INF)


def stretcher_limit(patterns: dict, i: int, before: list) -> int | None:
    """Most stretcher cases of class ``i`` (index into ``patterns["classes"]``) when classes ``< i`` carry ``before``.

    An LP over the patterns of :func:`stretcher_patterns`: each kind's vehicles
    split over its patterns, each round's places shared among the classes it
    passes. ``None`` when no pattern mix carries ``before`` (then nothing more
    is claimed).
    """
    from scipy.sparse import coo_matrix

    from planner.schedule.lp import lp_min

    n_cls = len(patterns["classes"])
    rows, cols, vals = [], [], []
    hi: list = []
    lo: list = []
    ncol = 0
    x_cols: list = [[] for _ in range(n_cls)]  # the share columns of each class

    def entry(r, col, val):
        rows.append(r)
        cols.append(col)
        vals.append(val)

    for count, places, pats in patterns["kinds"]:
        r_kind = len(hi)
        hi.append(count)
        lo.append(-np.inf)
        for pat in pats:
            lam = ncol
            ncol += 1
            entry(r_kind, lam, 1.0)
            for S in pat:
                r = len(hi)
                hi.append(0.0)
                lo.append(-np.inf)
                entry(r, lam, -float(places))
                for j in S:
                    entry(r, ncol, 1.0)
                    x_cols[j].append(ncol)
                    ncol += 1
    for j in range(n_cls):
        r = len(hi)
        hi.append(float(patterns["demand"][j]))
        lo.append(float(before[j]) if j < i else -np.inf)
        for c in x_cols[j]:
            entry(r, c, 1.0)
    if ncol == 0:
        return 0 if all(b <= 0 for b in before[:i]) else None
    c = np.zeros(ncol)
    c[x_cols[i]] = -1.0
    A = coo_matrix((vals, (rows, cols)), shape=(len(hi), ncol))
    got = lp_min(c, A, hi, lo)
    if got is None:
        return None
    return int(math.floor(-got + 1e-6))


def rule_floors(P: Problem, counts, reach, rounds_of, patterns: dict | None = None) -> dict:
    """Class floors of the priority rule's best schedule, from ``counts`` a schedule carries per class.

    Parameters
    ----------
    P : Problem
    counts : sequence of int
        People per class of :func:`.model.class_order` of a schedule of ``P``
        (:func:`.model.class_counts`), e.g. the heuristic's.
    reach : set
        Pickups some schedule can serve (the bound's reachable demand).
    rounds_of : dict
        Vehicle id -> most rounds it can make (the fleet term).
    patterns : dict, optional
        :func:`stretcher_patterns`: the stretcher classes' limits then also
        come from :func:`stretcher_limit`.

    Returns
    -------
    dict
        ``(group index, priority) -> floor``: every schedule that is best in the
        rule's order carries at least ``floor`` of the class. Empty without the
        rule.

    Notes
    -----
    Proof. Let ``H`` be the counts and ``L`` those of a best schedule in the
    rule's order, so ``L >= H`` lexicographically. Suppose ``L_j = H_j`` for
    every class ``j < i`` (true for ``i = 0``). Then ``L_i >= H_i``, or ``L``
    would be worse. Let ``U_i`` be a limit on class ``i`` in any schedule with
    ``L_j = H_j`` for ``j < i``: its people at reachable pickups, and for a
    stretcher class also the stretcher places of every vehicle-round the
    fleet term allows less the stretcher cases of the earlier stretcher
    classes (``H_j`` of them), and the pattern LP's most with the earlier
    stretcher classes at least ``H_j``. If ``H_i = U_i`` then ``L_i = H_i``
    and the step repeats with ``i + 1``; otherwise it stops: ``L_j >= H_j`` for
    every ``j <= i``, which are the floors returned.
    """
    if not P.rules.priority_first:
        return {}
    order = class_order(P.pickups)
    st_places = sum(v.stretcher_places * int(rounds_of.get(v.id, 0)) for v in P.vehicles)
    st_classes = patterns["classes"] if patterns else []
    out: dict = {}
    st_before = 0
    before = [0] * len(st_classes)  # what the schedule carries of each stretcher class of the patterns
    for (g, pr), h in zip(order, counts):
        h = int(h)
        limit = sum(getattr(p, GROUPS[g]) for p in P.pickups if p.priority == pr and p.id in reach)
        if g == 0:
            limit = min(limit, max(0, st_places - st_before))
            st_before += h
            if patterns and (g, pr) in st_classes:
                i = st_classes.index((g, pr))
                got = stretcher_limit(patterns, i, before)
                if got is None:
                    break
                limit = min(limit, got)
                before[i] = h
        if h > limit:
            break  # not a schedule of P (or a limit is wrong): claim nothing more
        if h > 0:
            out[(g, pr)] = h
        if h < limit:
            break
    return out


__all__ = ["rule_floors", "stretcher_limit", "stretcher_patterns"]
