"""The flow-shop cut (:mod:`.seqcut`) split by convoy structure: one CP-SAT model per count of slots by kind.

A *structure* gives, for each kind of round of the cut (first rounds from each
depot, later rounds from the destinations), how many of its slots are
present. Each structure's model is the cut's model with exactly those slots,
all present (fixed, so the machines' intervals are not optional and the LP
sees their no-overlap, ``linearization_level`` 2), the others left out. The
bound is the most over the structures of each one's proven objective bound
(``BestObjectiveBound``, valid also when the solver stops without a solution);
a structure proven infeasible contributes nothing.

Relaxation. A schedule the checker accepts maps to a solution of the cut's
model with the same people (:mod:`.seqcut`); its rounds of each kind, sorted by
departure, fill the first slots of that kind, the later ones absent. With
``n_k`` rounds of kind ``k`` that solution is one of the model of the structure
``(n_k)``: the same variables, every present slot present, every absent one
dropped (an absent slot takes no part in any constraint but the ordering of
presence, which the dropped tail meets). So every schedule's people are at
most its structure's optimum, hence at most the most over the structures.

Pruning, each step keeping the max: a structure whose passages at their least
duration (one vehicle) overrun a machine's usable hours is infeasible; one
whose places (per depot the most a kind's slots could carry, at most its
vehicles' places; later slots ``max_convoy`` vehicles of the largest
capacity; at most the demand and the destinations' room) are at most the most
so far is not solved in the first pass and keeps its places as its bound (the
bisection solves it when the target falls below them).

Orders. A structure whose test stalls (no proof either way within the
effort) is split once more, by the order in time of its rounds' passages out
at the first machine ``c0`` (``out_chain[0]``, which every round passes
loaded once): one part per sequence of kinds (:func:`orders`; for (2, 3, 0)
the C(5, 2) = 10 places of DP1's two among the five), each solved as a
structure of its own (``_solve(..., order=...)``). In a part the slots of a
kind are ordered by that passage instead of by departure, consecutive
passages of the sequence are chained (the next starts after the previous
clears: precedences the LP sees, where the no-overlap is a disjunction), and
the departures of a kind formed at one place are only kept a headway apart
(a no-overlap of headway-long intervals). Relaxation: the passages of one
machine do not overlap and each lasts at least ``dur[c0][1] > 0`` (the split
is not made otherwise), so a schedule's rounds pass ``c0`` out in a strict
order; its sequence of kinds is one of the parts, and its rounds of each kind
in that order fill that part's slots: every constraint of the slot holds as
in :mod:`.seqcut`'s mapping, the chain holds (that order, no overlap), the
departures formed at one place are a headway apart (the checker's headway
rule, on every two of them), and a later round's vehicles come from a round
unloaded by its departure, so that round passed ``c0`` before it (its passage
precedes its unloading; the later round's follows its departure): the
later slots' flows still run from lower to higher index. So every schedule's
people are at most one part's optimum, and a structure is proven unable to
carry ``T`` when each of its parts is. The departure order is dropped, not
kept beside the passage order: a round that departs later may pass first (one
bus for P6 overtakes fifteen boarding at P4, in the tests).

Measured on the demo (12 slots: DP1 4, DP2 7, later 1; 42 structures that
fit, most proven infeasible within 0.1 s), the term without / with the rule's
floors (every class the heuristic carries in full, pickup by pickup) against
the effort (CP-SAT's deterministic limit per run), on a shared machine, the
whole of ``schedule_plan``: before the split by order, 20 s: 1,735 / 1,596
(580 s); with it, 5 s: 1,735 / 1,486 (224 s), 20 s: 1,735 / 1,486 (262 s:
the whole structures' tests stop at :data:`SPLIT_AFTER_S`, the orders prove
in a few seconds each, so more effort costs little). The heuristic's
schedules carry 1,726 / 1,450 (the latter of structure (2, 1, 0), whose own
optimum is 1,452): a gap of 2.4 % under the rule.

Where it stops, with the floors: (2, 2, 0) and (2, 3, 0) (two DP1 and two or
three DP2 first rounds) stall whole and are split; (2, 2, 0)'s six orders are
proven at most 1,481; (2, 3, 0)'s order DP2, DP2, DP1, DP2, DP1 carries 1,485
in the model (a solution, so this split goes no lower), every other part is
proven at most 1,486. Below that the next split would be within that order
(DP1's in passages at CP1 among the chain, or the order at CP2).

What the floors buy, and what did not make it faster (the floored cut alone,
5 s: 1,486 in 180 s, most of it in proving every part of (2, 2, 0) and
(2, 3, 0) near 1,482, 1-14 s a part). The stretcher floor alone gives 1,488
(191 s; at 1 s 1,680 against 1,724 with every floor): under the rule the
loss is the six ambulances taking places in the convoys that the timeline at
CP1 allows, not the stops the other floors force (without the per-pickup
terms, 1 s: 1,683). Tried, no faster: starting the bisection at the
schedule's people (every round then proves every part close to the optimum,
where proofs are dearest: over 180 s); splitting an order by the places of
DP1's in passages at CP1 too (the hardest part, (2, 2, 0) in the order DP2,
DP1, DP2, DP1 at 1,482: 12.5 s whole, 9.2 s over its ten sub-parts, one of
them 4.8 s); drives through two pickups and ``max_stops`` pickups a slot with
floors (slower); CP-SAT's disjunctive options (strong or dynamic-precedence
propagation, no probing, no symmetry: no gain); and a Lagrangian objective
in place of the floor, an ambulance worth a bus (1 s: 2,025 less 6 x 46 =
1,749 in 108 s: the worth is not boarded, so convoys of ambulances add it
for little time).
"""

from __future__ import annotations

import itertools
import math

from planner.progress import null_progress, step

#: Most structures before the split gives way to the unsplit model.
MAX_STRUCTURES = 2000
#: Rounds of bisection on the most over the structures after the first pass.
TIGHTEN_ROUNDS = 12
#: Most deterministic time (about s of one core) of a structure's run in the first pass (it ranks the
#: structures); the bisection's tests get the whole effort.
FIRST_PASS_S = 1.0
#: Most orders of the passages at the first machine (:func:`orders`) a structure's test is split into.
MAX_ORDERS = 200
#: Most deterministic time (about s) of a test of a whole structure that can be split by order: past it the
#: structure is split (its orders, each with the whole effort, prove where the whole model stalls).
SPLIT_AFTER_S = 1.0


def orders(counts, limit=MAX_ORDERS):
    """Every sequence of names with ``n`` times each ``(name, n)`` of ``counts`` (the kinds of the passages out
    at the first machine, in time order), in lexicographic order of the names as given; ``None`` past ``limit``
    sequences."""
    names = [nm for nm, n in counts if n > 0]
    left = {nm: n for nm, n in counts if n > 0}
    total = math.factorial(sum(left.values()))
    for n in left.values():
        total //= math.factorial(n)
    if total > limit:
        return None
    out: list = []

    def grow(prefix):
        if not any(left.values()):
            out.append(tuple(prefix))
            return
        for nm in names:
            if left[nm]:
                left[nm] -= 1
                grow(prefix + [nm])
                left[nm] += 1

    grow([])
    return out


def _passages(sp, out_chain, c) -> int:
    """How many passages a slot of kind ``sp`` makes at machine ``c``."""
    return sum(1 for x in list(sp["in"]) + list(out_chain) if x == c)


def _places(sp, n, K) -> int:
    """Most people ``n`` slots of kind ``sp`` carry: each at most ``K`` vehicles of the largest capacity, and a
    depot's first rounds at most the places of its vehicles."""
    sizes = sorted((c[0] + c[1] for c, cnt in sp["cls"].items() for _ in range(cnt)), reverse=True)
    if sp["name"] == "*later":
        return n * K * (sizes[0] if sizes else 0)
    return sum(sizes[: n * K])


def _fits(specs, st, out_chain, dur) -> bool:
    """The structure's passages at their least duration fit each machine's span (first earliest start to last
    latest clear of any passage of the kinds present)."""
    for c in out_chain:
        load, lo, hi = 0, None, None
        for sp, n in zip(specs, st):
            if n == 0:
                continue
            load += n * _passages(sp, out_chain, c) * dur[c][1]
            ops = list(sp["in"]) + list(out_chain)
            for j, op in enumerate(ops):
                if op == c:
                    lo = sp["E"][j] if lo is None else min(lo, sp["E"][j])
                    hi = sp["L"][j] if hi is None else max(hi, sp["L"][j])
        if lo is not None and load > hi - lo:
            return False
    return True


def structures(specs, out_chain, dur, K, people_cap):
    """The structures worth solving: ``[(places, counts per kind), ...]``, most places first.

    Every structure but the empty one (it carries nobody) whose passages fit the machines (:func:`_fits`);
    a later slot needs a first round before it."""
    out = []
    names = [sp["name"] for sp in specs]
    for st in itertools.product(*(range(sp["slots"] + 1) for sp in specs)):
        if not any(st):
            continue
        if all(n == 0 for nm, n in zip(names, st) if nm != "*later"):
            continue  # later rounds only: their vehicles come from no first round
        if not _fits(specs, st, out_chain, dur):
            continue
        places = min(people_cap, sum(_places(sp, n, K) for sp, n in zip(specs, st)))
        out.append((int(places), st))
        if len(out) > MAX_STRUCTURES:
            return None
    out.sort(key=lambda x: (-x[0], x[1]))
    return out


class Tightening:
    """The progress of the flow-shop cuts of one tightened bound (:func:`.bound.upper_bound` with an effort).

    Each cut is ``1 +`` its rounds of bisection parts: :data:`TIGHTEN_ROUNDS` until its first pass is done,
    then the rounds its bisection can take at most (``ceil(log2(most))``: each round halves the interval).
    Reports say ``part k of n`` over all the cuts; ``n`` only shrinks, so the fraction never goes back.

    Parameters
    ----------
    progress : callable
        ``progress(fraction, message)``; a ``Cancelled`` it raises stops the cut between two solver runs.
    cuts : int
        How many cuts the bound runs (two under the priority rule: without and with the rule's floors).
    """

    def __init__(self, progress=null_progress, cuts: int = 1):
        self.progress = progress
        self.sizes = [1 + TIGHTEN_ROUNDS] * max(1, int(cuts))
        self.at = 0  # the cut running
        self._last = 0.0

    def start(self, cut: int) -> None:
        """Cut ``cut`` (from 0) runs next."""
        self.at = min(max(0, int(cut)), len(self.sizes) - 1)

    def rounds(self, most: int) -> None:
        """The running cut's first pass is done, its most ``most`` people: the bisection halves ``0 .. most``."""
        need = max(0, math.ceil(math.log2(most))) if most > 1 else 0
        self.sizes[self.at] = 1 + min(TIGHTEN_ROUNDS, need)

    def report(self, part: int, within: float) -> None:
        """Before a solver run in part ``part`` (0: the first pass) of the running cut, ``within`` of it done."""
        size = self.sizes[self.at]
        done = sum(self.sizes[: self.at]) + min(part, size - 1)
        total = sum(self.sizes)
        self._last = max(self._last, (done + max(0.0, min(1.0, within))) / total)
        self.progress(self._last, step("tightening_bound", done=done + 1, total=total))


def split_solve(*args, tightening=None):
    """Most people over the structures (module docstring), each solved by :func:`.seqmodel._solve` with its
    deterministic limit; past :data:`MAX_STRUCTURES`, the unsplit model's value.

    The arguments are :func:`.seqmodel._solve`'s. ``None`` (no term) when every structure is proven
    infeasible, as the unsplit model gives none when the solver finds no solution. After the first pass
    (each structure's proven bound), up to :data:`TIGHTEN_ROUNDS` rounds bisect on the most: a target ``T``
    holds when every part still above it is proven unable to carry ``T`` people (``at_least``). A part is a
    structure, or one of its orders once a test of the whole structure stalled (module docstring); the part
    that last carried its target is tried first.

    Before each solver run it reports to ``tightening`` (a :class:`Tightening`: the first pass is its part 0,
    each round of bisection the next); a ``Cancelled`` its progress raises stops the split between two runs,
    with no value.
    """
    # looked up on .seqcut (it imports it from .seqmodel): the one name both paths of the cut call
    from planner.schedule.seqcut import _solve

    P, specs, out_chain, dur, gaps, lead, W, K, all_cls, dem_s, dem_o, people_cap, served, floors, det = args
    report = (tightening or Tightening()).report
    todo = structures(specs, out_chain, dur, K, people_cap)
    if todo is None:
        report(0, 0.0)
        return _solve(*args)

    def solve(st, lim, at_least=0, order=None):
        sub = [dict(sp, slots=n, fixed=True) for sp, n in zip(specs, st) if n > 0]
        base = (P, sub, out_chain, dur, gaps, lead, W, K, all_cls, dem_s, dem_o, people_cap, served, floors, lim)
        return _solve(*base, at_least, order=order)

    def split(st):
        """The structure's orders of the passages out at the first machine, or ``None`` (too many; a passage
        there could take no time)."""
        if min(dur[out_chain[0]][1:]) <= 0:
            return None
        return orders([(sp["name"], n) for sp, n in zip(specs, st) if n > 0])

    # (structure, order of the first machine's passages out or None for any) -> a bound on its people
    vals: dict = {}
    seen = False
    for i, (places, st) in enumerate(todo):
        if places <= max(vals.values(), default=0):
            vals[(st, None)] = places  # cannot raise the max now; the bisection below solves it if it must
            continue
        report(0, i / len(todo))
        v = solve(st, min(det, FIRST_PASS_S))
        if v is not None and v >= 0:  # -1: proven infeasible, no schedule has this structure
            vals[(st, None)] = min(v, places)
            seen = True
    if not seen:
        return None
    if tightening is not None:
        tightening.rounds(max(vals.values()))
    lo = 0  # no proof below it yet
    hot = None  # the last part that carried its target: tried first
    for rnd in range(TIGHTEN_ROUNDS):
        hi = max(vals.values())
        if hi - lo <= 1:
            break
        T = (lo + hi + 1) // 2
        queue = sorted((k for k, v in vals.items() if v >= T), key=lambda k: (k != hot, -vals[k]))
        ran, share = 0, 0.0
        while queue:
            share = max(share, ran / (ran + len(queue)))  # a split structure lengthens the queue: never back
            report(1 + rnd, share)
            ran += 1
            k = queue.pop(0)
            st, seq = k
            seqs = split(st) if seq is None else None
            v = solve(st, min(det, SPLIT_AFTER_S) if seqs else det, T, seq)
            if v is None and seqs:
                # no proof either way: from now on the structure is its orders, each a part of its own
                b = vals.pop(k)
                vals.update({(st, o): b for o in seqs})
                queue[:0] = [(st, o) for o in seqs]
                continue
            if v == -1:
                vals[k] = T - 1
                continue
            hot, lo = k, T  # this part may carry T: the most stays at least T as far as this effort shows
            break
    return int(max(vals.values()))
