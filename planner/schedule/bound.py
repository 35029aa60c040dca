"""An upper bound on the people any schedule of a :class:`~.model.Problem` can move.

Every term is a relaxation, so the bound is never below a feasible schedule:

- **reachable demand**: people at pickups some vehicle can reach and leave
  from to an allowed destination over the problem's legs, capped by the
  destinations' capacity;
- **fleet**: each vehicle's rounds that fit the daylight parts of the window
  after its first departure; a round takes at least the fastest in-and-out path
  (drives plus the passages of a one-vehicle convoy), and each person on board
  adds boarding and leaving time; stretcher cases only in stretcher places;
- **escorts**: with ``escort_teams`` set, each team's rounds the same way, at
  most ``max_convoy`` full vehicles per round;
- **checkpoints**: for a checkpoint that every loaded path from a set of
  pickups passes, those pickups' people are at most what back-to-back
  passages of full convoys carry inside its open daylight hours (an exact
  knapsack over convoy sizes, in whole minutes rounded in the bound's favour);
  and all such cuts at once, per destination, in one LP over the people from
  each pickup to each destination (with the demand, capacity, fleet and
  escort terms);
- **checkpoints in whole convoys**: for a checkpoint every round passes loaded,
  its passages counted in whole convoys (in and out for the rounds that cross
  it empty) by load level, with each vehicle's people from the fleet term
  (:mod:`.intcut`);
- **checkpoints in sequence**: the checkpoints every round passes loaded as
  machines of a flow shop, in and out passages of optional convoy rounds with
  the least drives, boardings and unloadings between them, vehicles flowing
  from earlier rounds to later ones, solved by CP-SAT whose proven best bound
  is the term (:mod:`.seqcut`);
- **checkpoint network**: every checkpoint at once, for traffic no single
  checkpoint cuts off: people as a flow over the loaded legs (at most
  ``max_stops`` stops a round), each passage charged its share of a full
  convoy's service time inside the checkpoint's passage window (in passages of
  rounds formed across it too), with the vehicles' and escort teams' time, by
  convoy size class, in one LP (:mod:`.flowcut`);
- **checkpoint passage windows** (with ``effort_s`` only): at each checkpoint on
  every leg from a pickup to a destination, the passages of each vehicle's
  rounds (at most three) lie in windows set by its depot, its first departure,
  its earlier and later rounds, their convoy sizes and loads, and no two
  passages overlap: energetic reasoning over intervals in one LP over the
  vehicles' round patterns (:mod:`.windows`).

**Under the priority rule** (:func:`rule_floors`) the schedule that is best in
the rule's order carries at least as many of each class as a schedule found
under it, on the longest prefix of classes that schedule carries in full (a
proven limit), and of the next class; the bound is then on that best
schedule: the whole-convoy cut counts the vehicle-rounds with stretcher places
that the stretcher floor needs (:func:`.intcut.whole_convoy_cut`), and the
flow-shop cut carries at least each class's floor (:mod:`.seqcut`). The other
terms hold for every schedule, so for that one too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from planner.schedule.model import INF, Problem
from planner.schedule.reach import reachable_pickups, round_times
from planner.schedule.rulefloors import rule_floors, stretcher_patterns
from planner.schedule.timing import Timetable


@dataclass
class Bound:
    value: int
    reachable: int = 0
    fleet: int = 0
    escorts: int = 0
    checkpoints: dict = field(default_factory=dict)  # checkpoint id -> (people bound, pickups behind it)
    binding: str = ""  # the term that gives the value
    reachable_pickups: frozenset = frozenset()
    terms: dict = field(default_factory=dict)  # every term's value, by name
    #: with floors: the bound of every schedule (the terms that use no floor), and the floors used by class
    unfloored: int | None = None
    floors: dict = field(default_factory=dict)  # (group index, priority) -> people at least
    floored_terms: tuple = ()  # names of the terms that use the floors
    #: the work that does not depend on how many vehicles there are, for :func:`upper_bound`'s ``shared``
    shared: dict = field(default_factory=dict, repr=False, compare=False)


def _people_in(segments, d1, d2, beta, cap):
    """Most people one carrier moves in the daylight ``segments`` (lengths, s), and an upper limit on its rounds.

    Its first round takes at least ``d1`` s, later ones ``d2``; each person adds
    ``beta`` s; ``cap`` people a round. Rounds lie inside one segment.
    """
    if cap <= 0 or not math.isfinite(min(d1, d2)):
        return 0, 0

    def best_in(L, first):
        best, rmax = 0, 0
        R = 0
        while True:
            R += 1
            need = (d1 + (R - 1) * d2) if first else R * d2
            if need > L:
                break
            rmax = R
            n = R * cap if beta <= 0 else min(R * cap, int((L - need) // beta))
            best = max(best, n)
        return best, rmax

    top_p, top_r = 0, 0
    for f in range(len(segments)):  # the segment of the first round
        p, r = best_in(segments[f], True)
        for L in segments[f + 1 :]:
            p2, r2 = best_in(L, False)
            p, r = p + p2, r + r2
        top_p, top_r = max(top_p, p), max(top_r, r)
    return top_p, top_r


def _segments_after(tt, t0, end, halts):
    segs = [(max(a, t0), min(b, end)) for a, b in tt.day if min(b, end) > max(a, t0)]
    lengths = [b - a for a, b in segs]
    if halts and lengths:
        return [sum(lengths)]
    return lengths


#: Keys of the bound's memo whose work depends on the legs, checkpoints, pickups, destinations, rules and the
#: kinds of vehicles (profile, depot, first departure), not on how many vehicles of each kind there are.
SHARED_KEYS = frozenset(
    ("_rest_after", "_cut_one", "_cut_earliest", "_cut_rest", "_round_times", "_reach", "_leg_checkpoints")
)
SHARED_TUPLE_KEYS = frozenset(
    ("passage_window", "round_min", "paths", "group cost", "chooser", "behind", "flow legs", "leg weights")
)


def _signature(P: Problem) -> tuple:
    """What :attr:`Bound.shared` work depends on: the problem's parts (by identity) and its kinds of vehicles."""
    kinds = frozenset((v.profile, v.depot, P.first_departure(v)) for v in P.vehicles)
    return (
        P.legs,
        P.checkpoints,
        P.pickups,
        P.destinations,
        P.rules,
        P.window_end_s,
        tuple(P.night),
        P.can_follow,
        kinds,
    )


def _same(sig, P: Problem) -> bool:
    if sig is None:
        return False
    mine = _signature(P)
    return all(a is b for a, b in zip(sig[:4], mine[:4])) and sig[4:] == mine[4:]


def upper_bound(P: Problem, floors=None, shared=None, quick=False, effort_s=None, progress=None) -> Bound:
    """The bound of the module docstring.

    Parameters
    ----------
    P : Problem
    floors : sequence of int, optional
        Under the priority rule: the people per class (:func:`.model.class_counts`)
        of a schedule of ``P`` found under the rule. Then ``value`` bounds the
        schedule that is best in the rule's order (:func:`rule_floors`), and
        ``unfloored`` every schedule (the bound without the rule's order).
    shared : dict, optional
        :attr:`Bound.shared` of the bound of a problem that differs from ``P`` only in how many vehicles of
        each kind it has (:func:`.fleet.buses_needed`'s larger fleets): that work is not done again (the
        same figures). Ignored for any other problem.
    quick : bool
        Only the reachable demand, fleet and escort terms: a looser bound in a fraction of the time (what
        the buses-needed search tries first with a large fleet).
    effort_s : float, optional
        More effort for the flow-shop cut (:func:`.seqcut.sequence_cut`, about seconds of one core each run);
        default: the normal path's small budget.
    progress : callable, optional
        With ``effort_s``: ``progress(fraction, message)`` before each of the flow-shop cut's solver runs, the
        fraction over the whole tightening (both cuts under the priority rule); a ``Cancelled`` it raises stops
        the bound between two runs (no bound is returned). Not called on the normal path.
    """
    tt = Timetable(P)
    pk = {p.id: p for p in P.pickups}
    dests = {d.id: d for d in P.destinations}
    sig = _signature(P)
    memo: dict = {}
    if shared and _same(shared.get("_signature"), P):
        memo.update(shared)
        edges = memo.pop("_bound_edges", None)
        if edges is not None:
            P.__dict__.setdefault("_bound_edges", edges)
    rt = memo.get("_round_times")
    if rt is None:
        rt = memo["_round_times"] = round_times(P)
    halts = any(c.overnight_halt for c in P.checkpoints.values())
    beta = P.rules.board_s_per_person + P.rules.leave_s_per_person
    reach = memo.get("_reach")
    if reach is None:
        reach = memo["_reach"] = reachable_pickups(P, rt, tt, halts)
    reach = set(reach)
    demand_s = sum(pk[p].stretcher for p in reach)
    demand_o = sum(pk[p].people - pk[p].stretcher for p in reach)
    dest_cap = sum(d.capacity for d in P.destinations)
    reachable = int(min(demand_s + demand_o, dest_cap))
    # ---- fleet
    fleet_p, fleet_s, fleet_o = 0, 0, 0
    rounds_of, people_of = {}, {}
    dmin_all = INF
    kinds: dict = {}  # (profile, depot, first departure, places) -> (people, rounds): the same for each
    for v in P.vehicles:
        kind = (v.profile, v.depot, P.first_departure(v), v.capacity)
        got = kinds.get(kind)
        if got is None:
            d1 = d2 = INF
            for b in P.legs:
                if not P.follows(v.profile, b):
                    continue
                best_in = rt[b][1]
                d1 = min(d1, best_in.get(v.depot, INF))
                d2 = min(d2, min((best_in.get(x, INF) for x in dests), default=INF))
            dmin_all = min(dmin_all, d1, d2)
            segs = _segments_after(tt, kind[2], P.window_end_s, halts)
            got = kinds[kind] = _people_in(segs, d1, d2, beta, v.capacity)
        n, R = got
        rounds_of[v.id] = R
        people_of[v.id] = n
        fleet_p += n
        fleet_s += v.stretcher_places * R
        fleet_o += v.seats * R
    fleet = int(min(fleet_p, min(demand_s, fleet_s) + min(demand_o, fleet_o)))
    # ---- escorts
    escorts = None
    if P.rules.escort_teams is not None:
        cap_max = max((v.capacity for v in P.vehicles), default=0)
        t0 = min((P.first_departure(v) for v in P.vehicles), default=0.0)
        segs = _segments_after(tt, t0, P.window_end_s, halts)
        per, _ = _people_in(segs, dmin_all, dmin_all, beta / max(1, P.rules.max_convoy), P.rules.max_convoy * cap_max)
        escorts = int(P.rules.escort_teams * per)
    if quick:
        terms = {"reachable demand": reachable, "fleet": fleet}
        if escorts is not None:
            terms["escorts"] = escorts
        binding = min(terms, key=lambda k: terms[k])
        value = max(0, int(terms[binding]))
        return Bound(value, reachable, fleet, escorts or 0, {}, binding, frozenset(reach), terms)
    # ---- checkpoint cuts
    cuts = {}
    cap_max = max((v.capacity for v in P.vehicles), default=0)
    t_first = min((P.first_departure(v) for v in P.vehicles), default=0.0)
    behinds = {cid: _behind(P, cid, reach, memo=memo) for cid in P.checkpoints}
    from planner.schedule.cuts import passage_windows

    # the passage windows of the checkpoints the cuts look at, in one pass over the legs
    need = [c for c, got in behinds.items() if got and ("passage_window", c) not in memo]
    if need:
        memo.update(passage_windows(P, need, memo))
    for cid, cp in P.checkpoints.items():
        behind = behinds[cid]
        if not behind:
            continue
        people = sum(pk[p].people for p in behind)
        hi = P.window_end_s - _rest_after(P, memo).get(cid, 0.0)
        k_people = 0
        for a, b in tt.usable[cid]:
            a, b = max(a, t_first), min(b, hi)
            if b > a:
                k_people += _knapsack(cp, P.rules.max_convoy, cap_max, b - a)
        k_people = min(k_people, _passage_cut(P, cid, tt, rounds_of, halts, memo))
        cuts[cid] = (int(min(people, k_people)), sorted(behind))
    # ---- checkpoints combined, per destination (an LP over people from each pickup to each destination)
    combined = _combined_cuts(P, tt, reach, cap_max, t_first, fleet, escorts, rounds_of, halts, memo)
    # ---- combine
    terms = {"reachable demand": reachable, "fleet": fleet}
    if escorts is not None:
        terms["escorts"] = escorts
    for cid, (n, behind) in cuts.items():
        others = sum(pk[p].people for p in reach if p not in behind)
        terms[f"checkpoint {cid}"] = int(n + others)
    universal = [cid for cid, (_, behind) in cuts.items() if set(behind) >= reach]
    used: dict = {}
    if floors is not None and P.rules.priority_first:
        segs_of = lambda v: _segments_after(tt, P.first_departure(v), P.window_end_s, halts)  # noqa: E731
        pats = stretcher_patterns(P, rt, segs_of, reach, rounds_of)
        used = rule_floors(P, floors, reach, rounds_of, pats)
    st_floor = sum(n for (g, _), n in used.items() if g == 0)
    floored = {}
    if universal:
        from planner.schedule.cuts import fleet_checkpoint_lp

        both = fleet_checkpoint_lp(P, tt, universal, reachable, halts, memo)
        if both is not None:
            terms["fleet and checkpoints"] = both
        from planner.schedule.intcut import whole_convoy_cut

        for cid in universal:
            whole = whole_convoy_cut(P, cid, tt, people_of, rounds_of, memo)
            if whole is not None:
                terms[f"checkpoint {cid} in whole convoys"] = int(min(cuts[cid][0], whole))
                if st_floor > 0:
                    # the rule's best schedule only: with its stretcher cases aboard
                    ruled = whole_convoy_cut(P, cid, tt, people_of, rounds_of, memo, stretcher_floor=st_floor)
                    if ruled is not None and ruled < whole:
                        floored[f"checkpoint {cid} in whole convoys, {st_floor} stretcher cases aboard"] = int(
                            min(cuts[cid][0], ruled)
                        )
        from planner.schedule.seqcut import sequence_cut

        split = effort_s is not None  # with effort: once per convoy structure (seqsplit)
        tightening = None  # the progress of the split's solver runs, over both cuts under the rule
        if split and progress is not None:
            from planner.schedule.seqsplit import Tightening

            tightening = Tightening(progress, 2 if used else 1)
        seq = sequence_cut(P, tt, reach, rounds_of, memo, effort_s=effort_s, split=split, tightening=tightening)
        if seq is not None:
            terms["checkpoints in sequence"] = int(min(reachable, seq))
        if used:
            # the rule's best schedule only: at least the floors of each class aboard
            if tightening is not None:
                tightening.start(1)
            ruled = sequence_cut(
                P,
                tt,
                reach,
                rounds_of,
                memo,
                floors=used,
                effort_s=effort_s,
                split=split,
                tightening=tightening,
            )
            if ruled is not None and (seq is None or ruled < seq):
                floored["checkpoints in sequence, the rule's floors aboard"] = int(min(reachable, ruled))
    if cuts:
        from planner.schedule.cuts import pickup_fleet_lp

        per_pickup = pickup_fleet_lp(P, tt, reach, {c: set(b) for c, (_, b) in cuts.items()}, rounds_of, halts, memo)
        if per_pickup is not None:
            terms["fleet and checkpoints by pickup"] = per_pickup
    from planner.schedule.flowcut import flow_cut

    network = flow_cut(P, tt, reach, rounds_of, halts, memo)
    if network is not None:
        terms["checkpoint network"] = network
    if effort_s is not None:  # the tightening path only: seconds on the larger plans
        from planner.schedule.windows import window_cut

        win = window_cut(P, rounds_of, reach, reachable, tt.usable)
        if win is not None:
            terms["checkpoint passage windows"] = int(min(reachable, win))
    if combined is not None:
        terms["checkpoints"] = combined  # last: a single checkpoint that gives the same value is named
    unfloored = max(0, int(min(terms.values())))
    terms.update(floored)
    binding = min(terms, key=lambda k: terms[k])
    value = max(0, int(min(terms.values())))
    shared_out = {
        k: v for k, v in memo.items() if k in SHARED_KEYS or (isinstance(k, tuple) and k[0] in SHARED_TUPLE_KEYS)
    }
    shared_out["_signature"] = sig
    if "_bound_edges" in P.__dict__:
        shared_out["_bound_edges"] = P.__dict__["_bound_edges"]
    return Bound(
        value,
        reachable,
        fleet,
        escorts or 0,
        dict(cuts),
        binding,
        frozenset(reach),
        dict(terms),
        unfloored if floors is not None else None,
        dict(used),
        tuple(floored),
        shared_out,
    )


def _rest_after(P, memo=None) -> dict:
    """``checkpoint id -> least drive (s) after it on any leg`` (kept in ``memo``; absent: on no leg)."""
    got = None if memo is None else memo.get("_rest_after")
    if got is None:
        got = {}
        for legs in P.legs.values():
            for lg in legs.values():
                for c, off in lg.checkpoints:
                    r = lg.time_s - off
                    if r < got.get(c, INF):
                        got[c] = r
        if memo is not None:
            memo["_rest_after"] = got
    return got


def _capacity_at(P, tt, cid, cap_max, t_first, memo=None) -> int:
    """People full convoys carry through checkpoint ``cid`` back to back in its open daylight hours."""
    cp = P.checkpoints[cid]
    hi = P.window_end_s - _rest_after(P, memo).get(cid, 0.0)
    total = 0
    for a, b in tt.usable[cid]:
        a, b = max(a, t_first), min(b, hi)
        if b > a:
            total += _knapsack(cp, P.rules.max_convoy, cap_max, b - a)
    return total


def _passage_cut(P, cid, tt, rounds_of, halts, memo) -> int:
    """The passage cut of :mod:`.cuts` at ``cid`` (not capped by the people behind it; kept in ``memo``)."""
    from planner.schedule.cuts import checkpoint_cut

    key = ("cut", cid)
    if key not in memo:
        memo[key] = checkpoint_cut(P, cid, P.demand, tt, rounds_of, halts, memo)
    return memo[key]


def _combined_cuts(P, tt, reach, cap_max, t_first, fleet, escorts, rounds_of=None, halts=False, memo=None):
    """The LP: people ``y[p, d]`` from pickup ``p`` to destination ``d``, at most the demand, the destinations'
    capacity, the fleet and escort terms, and for each checkpoint ``c`` the people of the pairs whose every
    loaded path passes ``c`` at most what ``c`` lets through. ``None`` when no pair is cut."""
    import numpy as np

    pk = {p.id: p for p in P.pickups}
    pairs = [(p, d.id) for p in sorted(reach) for d in P.destinations if pk[p].destination in (None, d.id)]
    if not pairs or not P.checkpoints:
        return None
    col = {pr: i for i, pr in enumerate(pairs)}
    rows, rhs = [], []
    for cid in P.checkpoints:
        cut = []
        for d in P.destinations:
            for p in _behind(P, cid, reach, dests={d.id}, memo=memo):
                if (p, d.id) in col:
                    cut.append(col[(p, d.id)])
        if not cut:
            continue
        k = _capacity_at(P, tt, cid, cap_max, t_first, memo)
        if rounds_of is not None:
            k = min(k, _passage_cut(P, cid, tt, rounds_of, halts, {} if memo is None else memo))
        if k >= sum(pk[pairs[i][0]].people for i in cut):
            continue
        r = np.zeros(len(pairs))
        r[cut] = 1.0
        rows.append(r)
        rhs.append(k)
    if not rows:
        return None
    from planner.schedule.lp import lp_min

    for p in sorted(reach):
        r = np.zeros(len(pairs))
        r[[col[x] for x in pairs if x[0] == p]] = 1.0
        rows.append(r)
        rhs.append(pk[p].people)
    for d in P.destinations:
        if math.isfinite(d.capacity):
            r = np.zeros(len(pairs))
            r[[col[x] for x in pairs if x[1] == d.id]] = 1.0
            rows.append(r)
            rhs.append(d.capacity)
    total = min(fleet, escorts if escorts is not None else fleet)
    rows.append(np.ones(len(pairs)))
    rhs.append(total)
    fun = lp_min(-np.ones(len(pairs)), np.array(rows), np.array(rhs, dtype=float))
    if fun is None:
        return None
    return int(math.floor(-fun + 1e-6))


def _pickup_edges(P: Problem) -> dict:
    """``lead -> (pickup -> [(next pickup, checkpoints on the leg)], pickup -> {destination: checkpoints})``."""
    got = P.__dict__.get("_bound_edges")
    if got is not None:
        return got
    pk = {p.id for p in P.pickups}
    dests = {d.id for d in P.destinations}
    got = {}
    for b, legs in P.legs.items():
        nxt: dict = {}
        out: dict = {}
        for (x, y), lg in legs.items():
            if x not in pk:
                continue
            cps = frozenset(c for c, _ in lg.checkpoints)
            if y in pk:
                nxt.setdefault(x, []).append((y, cps))
            elif y in dests:
                out.setdefault(x, {})[y] = cps
        got[b] = (nxt, out)
    P.__dict__["_bound_edges"] = got
    return got


def _behind(P: Problem, cid, reach, dests=None, memo=None) -> set:
    """Pickups every loaded path from which (to one of ``dests``, default all) passes ``cid``, for every lead.

    The greatest set S of pickups whose legs to the destinations pass ``cid`` and
    whose legs that do not pass it lead only to pickups in S. Kept in ``memo``.
    """
    if memo is None:
        return _behind_of(P, cid, reach, dests)
    key = ("behind", cid, frozenset(reach), None if dests is None else frozenset(dests))
    if key not in memo:
        memo[key] = frozenset(_behind_of(P, cid, reach, dests))
    return set(memo[key])


def _behind_of(P: Problem, cid, reach, dests=None) -> set:
    dests = {d.id for d in P.destinations} if dests is None else set(dests)
    result = set(reach)
    for nxt, out in _pickup_edges(P).values():
        S = {p for p in reach if all(cid in cps for d, cps in out.get(p, {}).items() if d in dests)}
        preds: dict = {}
        for p in S:
            for q, cps in nxt.get(p, ()):
                if cid not in cps:
                    preds.setdefault(q, []).append(p)
        stack = [p for p in S if any(cid not in cps and q not in S for q, cps in nxt.get(p, ()))]
        for p in stack:
            S.discard(p)
        while stack:
            q = stack.pop()
            for p in preds.get(q, ()):
                if p in S:
                    S.discard(p)
                    stack.append(p)
        result &= S
    return result


def _knapsack(cp, max_convoy, cap, length_s) -> int:
    """Most people back-to-back passages of convoys of up to ``max_convoy`` full vehicles carry in ``length_s``."""
    L = int(math.ceil(length_s / 60.0))
    items = []
    for k in range(1, max(1, max_convoy) + 1):
        # the per-person time left out: a passage carrying fewer than k * cap takes less than a full one's
        w = int(cp.service_s(k, 0) // 60)
        items.append((w, k * cap))
    if any(w <= 0 for w, _ in items):
        return 10**9
    key = tuple(items)
    table = _KNAPSACK_TABLES.get(key)
    if table is None or len(table) <= L:  # a table answers every shorter window too
        if len(_KNAPSACK_TABLES) >= 256:
            _KNAPSACK_TABLES.clear()
        table = _KNAPSACK_TABLES[key] = knapsack_table(items, L)
    return table[L]


#: ``items -> knapsack_table(items, L)`` of :func:`_knapsack`: checkpoints of the same service times share one.
_KNAPSACK_TABLES: dict = {}


def knapsack_table(items, L: int) -> list:
    """Unbounded knapsack: the most value in ``0..L`` whole minutes of back-to-back ``(minutes, value)`` items.

    ``items`` must take at least a minute each.
    """
    best = [0] * (L + 1)
    for t in range(1, L + 1):
        b = best[t - 1]
        for w, val in items:
            if w <= t and best[t - w] + val > b:
                b = best[t - w] + val
        best[t] = b
    return best
