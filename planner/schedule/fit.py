"""The largest round that fits: fewer vehicles and fewer people per vehicle (design section 6).

A round too long for the window, an opening interval or the daylight is cut
down, not dropped. Its time grows with the vehicles (checkpoint passages take
per vehicle) and with the people per vehicle (boarding and unloading take per
person, the vehicles side by side; passages may take per person), so both
searches are bisections: the largest vehicle count that fits at all (one
person each), then for each count from there down the largest load per
vehicle, as long as one vehicle fewer still beats the best round found.
Also the loads of a round: people given to vehicles (:func:`_fill`) and cut to
a destination's room (:func:`_trim`).
"""

from __future__ import annotations


def _fill(vehicles, P, need):
    """Assign ``need`` = [stretcher, reduced, general] to ``vehicles`` (id -> [st free, seats free]).

    Returns ``{vehicle id: (st, rm, g)}`` and mutates ``need`` and the free places.
    """
    out = {}
    n0, n1, n2 = need[0], need[1], need[2]
    for vid, free in vehicles.items():
        if not (n0 or n1 or n2):
            break  # nobody left to place: the other vehicles get nobody
        f0, f1 = free[0], free[1]
        st = f0 if f0 < n0 else n0  # min(n0, f0), as min gives it
        rm = f1 if f1 < n1 else n1
        f1 -= rm
        g = f1 if f1 < n2 else n2
        free[0] = f0 - st
        free[1] = f1 - g
        n0 -= st
        n1 -= rm
        n2 -= g
        if st or rm or g:
            out[vid] = (st, rm, g)
    need[0], need[1], need[2] = n0, n1, n2
    return out


def _trim(loads, order, room):
    out = {}
    for q in order:
        out[q] = {}
        for v, x in loads[q].items():
            x = list(x)
            for g in range(3):
                k = min(x[g], room)
                x[g] = k
                room -= k
            if sum(x):
                out[q][v] = tuple(x)
    return out


def _unless_nobody(stops) -> list:
    """``stops`` (``(pickup, loads)``), or none when nobody boards at any (waypoints alone are no round)."""
    return stops if any(ld for _, ld in stops) else []


def cap_loads(stops, vids, cap, keep_first=None) -> list:
    """The stops of a round with only ``vids`` and at most ``cap`` people per vehicle.

    ``stops``: ``[(pickup id, {vehicle id: (stretcher, reduced, general)}), ...]``. A vehicle sheds
    first the people ``keep_first(pickup id, group)`` does not favour, then the later stops' before
    the earlier ones', general before reduced mobility before stretcher cases. Stops left empty go (but
    those nobody boarded at before: waypoints, :mod:`.waypoints`); nothing when nobody is left on board.
    """
    vids = list(vids)
    keep = set(vids)
    # people per vehicle over the stops: only the vehicles above the cap shed anyone (and get copies)
    tot: dict = {}
    for _, ld in stops:
        for v, x in ld.items():
            if v in keep:
                tot[v] = tot.get(v, 0) + x[0] + x[1] + x[2]
    over = {v for v, n in tot.items() if n > cap}
    if not over:
        # nobody sheds anyone (the common case of the load bisection's upper half): the kept vehicles' loads
        res = []
        for q, was in stops:
            ld = {v: tuple(x) for v, x in was.items() if v in keep and x[0] + x[1] + x[2]}
            if ld or not was:
                res.append((q, ld))
        return _unless_nobody(res)
    out = [(q, {v: (list(x) if v in over else x) for v, x in ld.items() if v in keep}) for q, ld in stops]
    n = len(out)
    for v in vids:
        if v not in over:
            continue
        over.discard(v)  # once (vids may repeat a vehicle)
        excess = tot[v] - cap
        # shed order: the people keep_first does not favour first, each part by later stops first and
        # general before reduced mobility before stretcher cases
        order = []
        favoured = []
        for i in range(n - 1, -1, -1):
            q, ld = out[i]
            x = ld.get(v)
            if x is None:
                continue
            for g in (2, 1, 0):
                if x[g]:
                    (favoured if keep_first is not None and keep_first(q, g) else order).append((x, g))
        for x, g in order + favoured:
            k = min(excess, x[g])
            x[g] -= k
            excess -= k
            if excess <= 0:
                break
    res = []
    for (q, ld), (_, was) in zip(out, stops):
        ld = {v: tuple(x) for v, x in ld.items() if x[0] + x[1] + x[2]}
        if ld or not was:
            res.append((q, ld))  # a stop nobody boarded at before stays (a waypoint, .waypoints)
    return _unless_nobody(res)


def _capper(stops, used, keep_first):
    """``cut(k, c)``: :func:`cap_loads` ``(stops, used[:k], c, keep_first)``, each vehicle's order of shedding
    worked out once, when first needed (:func:`largest_fit` asks for many ``k`` and ``c``)."""
    order: dict = {}  # vehicle -> (people, [(stop index, group, people)] in cap_loads' order of shedding)

    def shed(v):
        got = order.get(v)
        if got is None:
            tot, first, kept = 0, [], []
            for i in range(len(stops) - 1, -1, -1):
                q, ld = stops[i]
                x = ld.get(v)
                if x is None:
                    continue
                tot += x[0] + x[1] + x[2]
                for g in (2, 1, 0):
                    if x[g]:
                        (kept if keep_first is not None and keep_first(q, g) else first).append((i, g, x[g]))
            got = order[v] = (tot, first + kept)
        return got

    items = [(q, [(v, x, x[0] + x[1] + x[2]) for v, x in ld.items()]) for q, ld in stops]

    def cut(k, c):
        keep = set(used[:k])
        rows: dict = {}  # (stop index, vehicle) -> its load after shedding
        for v in keep:
            tot, seq = shed(v)
            excess = tot - c
            if excess <= 0:
                continue
            for i, g, m in seq:
                row = rows.get((i, v))
                if row is None:
                    row = rows[(i, v)] = list(stops[i][1][v])
                d = m if m < excess else excess
                row[g] -= d
                excess -= d
                if excess <= 0:
                    break
        res = []
        for i, (q, its) in enumerate(items):
            if rows:
                out = {}
                for v, x, n in its:
                    if v in keep:
                        row = rows.get((i, v))
                        if row is not None:
                            if row[0] + row[1] + row[2]:
                                out[v] = tuple(row)
                        elif n:
                            out[v] = tuple(x)
            else:
                out = {v: tuple(x) for v, x, n in its if n and v in keep}
            if out or not its:
                res.append((q, out))
        return _unless_nobody(res)

    return cut


def spread_loads(stops, vids, seats) -> list:
    """The stops' people spread evenly over ``vids`` (``seats``: vehicle id -> seats), stretcher cases kept.

    A round that is too long at full seats may fit with more vehicles carrying fewer people each
    (boarding and unloading run side by side). People beyond the seats of ``vids`` stay behind.
    """
    vids = list(vids)
    st_of: dict = {}
    for _, ld in stops:
        for v, x in ld.items():
            st_of[v] = st_of.get(v, 0) + x[0]
    seated = sum(x[1] + x[2] for _, ld in stops for x in ld.values())
    share = -(-seated // max(1, len(vids)))
    free = {v: min(seats[v], share) for v in vids}
    out = []
    for q, ld in stops:
        rm = sum(x[1] for x in ld.values())
        g = sum(x[2] for x in ld.values())
        new = {v: [x[0], 0, 0] for v, x in ld.items() if x[0] and v in free}
        for v in vids:
            k = min(rm, free[v])
            free[v] -= k
            rm -= k
            k2 = min(g, free[v])
            free[v] -= k2
            g -= k2
            if k or k2:
                e = new.setdefault(v, [0, 0, 0])
                e[1] += k
                e[2] += k2
        new = {v: tuple(x) for v, x in new.items() if sum(x)}
        if new or not ld:
            out.append((q, new))  # a waypoint stays (.waypoints)
    return out


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


def fit_key(got, keep_first=None) -> tuple:
    """Which of two timed rounds ``(RoundPlan, stops)`` is the larger: people (favoured first), fewer
    vehicles, earlier unloading."""
    r, stops = got
    return _value(stops, keep_first) + (-len(r.vehicles), -r.unloaded)


def largest_fit(try_round, used, stops, keep_first=None):
    """The round with the most people (favoured first) that fits, by cutting vehicles and loads.

    ``try_round(vids, stops)``: the timed round, ``(RoundPlan, stops)``, or ``None`` if it does not
    fit. ``used``: the vehicles in the order they are kept; ``keep_first(pickup id, group)``: people
    a vehicle keeps first (``None``: everyone alike). Returns ``(RoundPlan, stops)`` or ``None``.
    Equal people: fewer vehicles, then the earlier unloading.
    """
    loaded = set()
    for _, ld in stops:
        loaded.update(v for v, x in ld.items() if sum(x))
    used = [v for v in used if v in loaded]
    if not used:
        return None
    got = try_round(used, stops)
    if got is not None:
        return got
    n = len(used)
    cache: dict = {}
    cut = _capper(stops, used, keep_first)

    def attempt(k, c):
        if (k, c) not in cache:
            sub = cut(k, c)
            cache[(k, c)] = try_round(used[:k], sub) if sub else None
        return cache[(k, c)]

    # nothing fits if one vehicle with one person does not (the common case at the end of the window)
    if attempt(1, 1) is None:
        return None
    # the most vehicles that fit at all, one person each (fewer vehicles: shorter passages)
    lo, hi = 1, n + 1
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if attempt(mid, 1) is not None:
            lo = mid
        else:
            hi = mid
    # people a vehicle carries, favoured first: with at most c each, vehicle v keeps min(fav, c) of them
    tot = dict.fromkeys(used, 0)
    fav = dict.fromkeys(used, 0)
    for q, ld in stops:
        for v, x in ld.items():
            if v in tot:
                for g in range(3):
                    tot[v] += x[g]
                    if keep_first is None or keep_first(q, g):
                        fav[v] += x[g]

    def value(k, c):
        return sum(min(fav[v], c) for v in used[:k]), sum(min(tot[v], c) for v in used[:k])

    best, best_key = None, None
    for k in range(lo, 0, -1):
        full = max(tot[v] for v in used[:k])
        bound = value(k, full)
        if best_key is not None and bound <= best_key[:2]:
            break  # fewer vehicles cannot carry more
        if k < n and attempt(k, full) is not None:
            # full loads fit (the vehicles bind, not the people): fewer vehicles cannot do better
            r, sub = attempt(k, full)
            key = fit_key((r, sub), keep_first)
            if best_key is None or key > best_key:
                best, best_key = (r, sub), key
            break
        # the smallest load per vehicle that would beat the best so far (values grow with the load)
        c_lo, c_hi = 0, full
        while c_hi - c_lo > 1:
            mid = (c_lo + c_hi) // 2
            if best_key is None or value(k, mid) > best_key[:2]:
                c_hi = mid
            else:
                c_lo = mid
        if attempt(k, c_hi) is None:
            break  # one vehicle fewer carries less here: the people per vehicle bind, not the passages
        # the largest load per vehicle that fits
        a, b = c_hi, full + 1
        while b - a > 1:
            mid = (a + b) // 2
            if attempt(k, mid) is not None:
                a = mid
            else:
                b = mid
        r, sub = attempt(k, a)
        key = fit_key((r, sub), keep_first)
        if best_key is None or key > best_key:
            best, best_key = (r, sub), key
    return best


__all__ = ["cap_loads", "fit_key", "largest_fit", "spread_loads"]
