"""Exit chains: stop sequences that lead out through idle checkpoints or none (see :mod:`planner.schedule`).

Where most pickups reach the destinations only through a saturated checkpoint, some of them may still leave
by another road: a pickup with a checkpoint-free leg out, or one a short checkpoint-free hop from such a
pickup. An *exit chain* of an anchor pickup is a stop sequence ``(anchor[, q[, r]])`` and a destination whose
loaded legs anchor → q → r → destination cost less at the checkpoints than the anchor's direct leg to its
nearest destination. A leg's checkpoint cost is the service time of a full convoy at each checkpoint on it
times the checkpoint's demand share (:func:`.pricing.demand_share`: 1 where the plan's demand saturates it).
:func:`exit_chains` lists, per pickup and vehicle profile, the chains by checkpoint cost plus drive time
(a few of each length), once per problem; :func:`chain_round` builds the constructive's candidate for the
first chain whose stops all still have people and whose destination has room: vehicles for all stops,
people taken at every stop, the later ones at most a share of a vehicle's seats each (the setting's
``chain_tail``, a quarter but in the "priced" setting: they are the exits of the pickups behind them too,
and a pickup emptied closes the checkpoint-free way of those behind it; 500/200 plan: no cap 16,461 people
out, one vehicle 17,726, a half 18,982, a quarter 19,479, a tenth 19,290; the city plan does best uncapped),
timed through the queues as every
other candidate (:meth:`.builder.Builder.complete`). Anchors without such a chain get none (no cost).
"""

from __future__ import annotations

from planner.schedule.fit import _fill
from planner.schedule.pricing import demand_share

#: Chains kept per pickup and number of stops (cheapest first).
PER_LENGTH = 4
#: Exits (destinations) of an intermediate stop looked at when chaining, cheapest first.
EXITS = 2


def _cost(P, leg, share, nv, per) -> float:
    """Seconds of checkpoint service a full convoy costs on ``leg``, each checkpoint weighted by its share."""
    out = 0.0
    for cid, _ in leg.checkpoints:
        w = share.get(cid, 0.0)
        if w > 0:
            out += w * P.checkpoints[cid].service_s(nv, per)
    return out


def exit_chains(P, lead, share=None) -> dict:
    """``pickup id -> [(stops tuple, destination id), ...]`` on ``lead``'s legs, cheapest first (module docstring).

    Only chains whose checkpoint cost is below that of the pickup's direct leg to its nearest destination
    (by drive time) by more than a minute; a pickup whose direct leg costs nothing has none.
    """
    if share is None:
        share = demand_share(P)
    legs = P.legs.get(lead, {})
    if not P.vehicles or not legs:
        return {}
    nv = P.rules.max_convoy
    per = max(1, nv * max(v.seats + v.stretcher_places for v in P.vehicles))
    pk = {p.id: p for p in P.pickups}
    dests = [d.id for d in P.destinations]
    cost: dict = {}

    def leg_cost(a, b):
        k = (a, b)
        c = cost.get(k)
        if c is None:
            lg = legs.get(k)
            c = cost[k] = None if lg is None else (_cost(P, lg, share, nv, per), lg.time_s)
        return c

    near: dict = {}
    for a, b in legs:
        if a in pk and b in pk:
            near.setdefault(a, []).append(b)
    # exits of each pickup: (checkpoint cost + time, checkpoint cost, destination), cheapest first
    exits: dict = {}
    for p in pk:
        out = []
        for d in dests:
            if pk[p].destination not in (None, d):
                continue
            c = leg_cost(p, d)
            if c is not None:
                out.append((c[0] + c[1], c[0], d))
        exits[p] = sorted(out)
    ok = lambda xs, d: all(pk[x].destination in (None, d) for x in xs)  # noqa: E731
    # two-stop tails (q, r) of every pickup q, cheapest first (a few more than kept: r may be the anchor)
    two: dict = {}
    for q in pk:
        tails: list = []
        for r in near.get(q, ()):
            c = leg_cost(q, r)
            for tot, cp, d in exits[r][:EXITS]:
                if ok((q,), d):
                    tails.append((c[0] + c[1] + tot, c[0] + cp, (q, r), d))
        two[q] = sorted(tails)[: PER_LENGTH + 1]
    chains: dict = {}
    for p in sorted(pk):
        direct = [(legs[(p, d)].time_s, d) for d in dests if (p, d) in legs and pk[p].destination in (None, d)]
        if not direct:
            continue
        base = leg_cost(p, min(direct)[1])[0]
        if base <= 60.0:
            continue
        by_len: list = [[(tot, cp, (p,), d) for tot, cp, d in exits[p]], [], []]
        for q in sorted(near.get(p, ())):
            c1 = leg_cost(p, q)
            for tot, cp, d in exits[q][:EXITS]:
                if ok((p, q), d):
                    by_len[1].append((c1[0] + c1[1] + tot, c1[0] + cp, (p, q), d))
            for tot, cp, st, d in two[q]:
                if st[1] != p and ok((p,), d):
                    by_len[2].append((c1[0] + c1[1] + tot, c1[0] + cp, (p,) + st, d))
        keep = []
        for group in by_len[: P.rules.max_stops]:
            good = sorted(x for x in group if x[1] < base - 60.0)
            keep.extend(good[:PER_LENGTH])
        if keep:
            chains[p] = [(st, d) for _, _, st, d in sorted(keep)]
    return chains


def cache(P) -> dict:
    """``lead -> exit chains`` of problem ``P``, kept on it (computed once per profile, :func:`chain_round`)."""
    return P.__dict__.setdefault("_exit_chains", {})


def _quota(need, k) -> list:
    """``need`` ([stretcher, reduced, general]) cut to ``k`` people, stretcher cases and reduced mobility kept first."""
    out = [0, 0, 0]
    for g in range(3):
        out[g] = min(need[g], k)
        k -= out[g]
    return out


def chain_round(B, place, vids, lead, anchor, cls, wait_all):
    """The candidate round along the first usable exit chain of ``anchor`` (or ``None``); ``B``: the
    :class:`~.builder.Builder` (its ``chains`` cache is filled here, per lead profile)."""
    P, S, cfg = B.P, B.S, B.cfg
    got = B.chains.get(lead)
    if got is None:
        got = B.chains[lead] = exit_chains(P, lead)
    options = got.get(anchor)
    if not options:
        return None
    members = B.members(place, vids, lead, anchor, wait_all)
    if not members:
        return None
    if cls is not None and cls[0] == 0 and S.left[anchor][0] <= 0:
        return None
    chain = None
    for stops, d in options:
        if S.cap[d] > 0 and all(sum(S.left[q]) > 0 for q in stops):
            chain = (stops, d)
            break
    if chain is None:
        return None
    stops, dest = chain
    maxc = B.maxc
    needs = [list(S.left[q]) for q in stops]
    # vehicles for every stop: stretcher places first, then seats, at most the convoy size
    chosen: dict = {}
    # later stops: a share of a vehicle's seats each (the setting's chain_tail)
    share = cfg.chain_tail
    tail = 10**9 if share >= 1e6 else max(1, int(max(B.veh[v].seats for v in members) * share))
    needs = needs[:1] + [_quota(n, tail) for n in needs[1:]]
    want_st = sum(n[0] for n in needs)
    want_seat = sum(n[1] + n[2] for n in needs)
    for pred, short in (
        (lambda v: v.stretcher_places > 0, lambda: want_st - sum(f[0] for f in chosen.values())),
        (lambda v: v.seats > 0, lambda: want_seat - sum(f[1] for f in chosen.values())),
    ):
        for v in members:
            if len(chosen) >= maxc or short() <= 0:
                break
            if v not in chosen and pred(B.veh[v]):
                chosen[v] = [B.veh[v].stretcher_places, B.veh[v].seats]
    if not chosen:
        return None
    one = max(B.veh[v].seats for v in chosen)
    loads, order = {}, []
    for k, q in enumerate(stops):
        room = sum(f[0] + f[1] for f in chosen.values())
        # keep a vehicle's seats for each later stop that still has people (people at every stop)
        later = sum(min(sum(n), one) for n in needs[k + 1 :])
        ld = _fill(chosen, P, _quota(needs[k], max(0, room - later)))
        if ld:
            loads[q] = ld
            order.append(q)
    if not order or order[0] != anchor:
        return None
    return B.complete(place, members, lead, chosen, loads, order, dest, cls, alts=False)
