"""The largest round that fits: fewer vehicles and fewer people per vehicle (design section 6).

A round too long for the window, an opening interval or the daylight is cut
down, not dropped. Its time grows with the vehicles (checkpoint passages take
per vehicle) and with the people per vehicle (boarding and unloading take per
person, the vehicles side by side; passages may take per person), so both
searches are bisections: the largest vehicle count that fits at all (one
person each), then for each count from there down the largest load per
vehicle, as long as that count can still beat the best round found.
"""

from __future__ import annotations


def cap_loads(stops, vids, cap, keep_first=None) -> list:
    """The stops of a round with only ``vids`` and at most ``cap`` people per vehicle.

    ``stops``: ``[(pickup id, {vehicle id: (stretcher, reduced, general)}), ...]``. A vehicle sheds
    first the people ``keep_first(pickup id, group)`` does not favour, then the later stops' before
    the earlier ones', general before reduced mobility before stretcher cases. Stops left empty go.
    """
    vids = list(vids)
    keep = set(vids)
    out = [(q, {v: list(x) for v, x in ld.items() if v in keep}) for q, ld in stops]
    for v in vids:
        entries = [(i, g) for i, (_, ld) in enumerate(out) if v in ld for g in range(3) if ld[v][g]]
        excess = sum(out[i][1][v][g] for i, g in entries) - cap
        if excess <= 0:
            continue
        entries.sort(key=lambda e: (bool(keep_first and keep_first(out[e[0]][0], e[1])), -e[0], -e[1]))
        for i, g in entries:
            k = min(excess, out[i][1][v][g])
            out[i][1][v][g] -= k
            excess -= k
            if excess <= 0:
                break
    res = []
    for q, ld in out:
        ld = {v: tuple(x) for v, x in ld.items() if sum(x)}
        if ld:
            res.append((q, ld))
    return res


def _value(stops, keep_first) -> tuple:
    """(favoured people, people) of a stops spec."""
    fav = tot = 0
    for q, ld in stops:
        for x in ld.values():
            for g in range(3):
                tot += x[g]
                if keep_first is None or keep_first(q, g):
                    fav += x[g]
    return fav, tot


def largest_fit(try_round, used, stops, keep_first=None):
    """The round with the most people (favoured first) that fits, by cutting vehicles and loads.

    ``try_round(vids, stops)``: the timed round, ``(RoundPlan, stops)``, or ``None`` if it does not
    fit. ``used``: the vehicles in the order they are kept; ``keep_first(pickup id, group)``: people
    a vehicle keeps first (``None``: everyone alike). Returns ``(RoundPlan, stops)`` or ``None``.
    Equal people: fewer vehicles, then the earlier unloading.
    """
    got = try_round(used, stops)
    if got is not None or not used:
        return got
    n = len(used)
    cache: dict = {}

    def attempt(k, c):
        if (k, c) not in cache:
            sub = cap_loads(stops, used[:k], c, keep_first)
            cache[(k, c)] = try_round(used[:k], sub) if sub else None
        return cache[(k, c)]

    # the most vehicles that fit at all, one person each (fewer vehicles: shorter passages)
    lo, hi = 0, n + 1
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if attempt(mid, 1) is not None:
            lo = mid
        else:
            hi = mid
    if lo == 0:
        return None
    load = {v: sum(sum(ld[v]) for _, ld in stops if v in ld) for v in used}
    best, best_key = None, None
    for k in range(lo, 0, -1):
        full = max(load[v] for v in used[:k])
        bound = _value(cap_loads(stops, used[:k], full, keep_first), keep_first)
        if best_key is not None and bound <= best_key[:2]:
            break  # fewer vehicles cannot carry more
        # the smallest load per vehicle that would beat the best so far (values grow with the load)
        c_lo, c_hi = 0, full
        while c_hi - c_lo > 1:
            mid = (c_lo + c_hi) // 2
            if best_key is None or _value(cap_loads(stops, used[:k], mid, keep_first), keep_first) > best_key[:2]:
                c_hi = mid
            else:
                c_lo = mid
        if attempt(k, c_hi) is None:
            continue
        # the largest load per vehicle that fits
        a, b = c_hi, full + 1
        while b - a > 1:
            mid = (a + b) // 2
            if attempt(k, mid) is not None:
                a = mid
            else:
                b = mid
        r, sub = attempt(k, a)
        key = _value(sub, keep_first) + (-len(r.vehicles), -r.unloaded)
        if best_key is None or key > best_key:
            best, best_key = (r, sub), key
    return best


__all__ = ["cap_loads", "largest_fit"]
