"""Waves: short first rounds, and the short-cycle pickups kept for the second rounds (design section 6).

The constructive (:mod:`.engine`) forms rounds greedily by people per hour: long convoys of many stops go
first, and where every loaded leg shares a few checkpoints their queues make the vehicles unload late, too
late for a second round. Where some pickups lie a short *cycle* from a destination
(:func:`.repeat.short_pickups`), :func:`construct` builds the schedule in two waves instead:

- the people of the short-cycle pickups are *held back*: the first rounds from the depots are the
  constructive's best rounds to the other pickups, of at most :attr:`.builder.Settings.convoy_share` of a convoy,
  through waypoints where those shorten the way out (:mod:`.waypoints`), to the destination nearest by
  drive and passages;
- right after each of them, in the queues too, its vehicles make a second round from where they unload to
  the held pickups (the constructive's best round of those vehicles to them);
- when the held people are gone, or a convoy has no second round that fits, the constructive goes on as
  usual in whole convoys (everything it has not moved), and the repair of :mod:`.repair` puts unused
  vehicles to work.

First rounds of half a convoy: with every loaded leg through the same few checkpoints, the first rounds'
out passages and the second rounds' in passages share those checkpoints before the second rounds must
leave; whole convoys of three stops unload too late, single vehicles take a convoy's fixed passage time
each (on the 50/30/20 benchmark plan: 3,244 people with half convoys, 2,826 with whole ones). Class by
class (``by_class``, the priority rule's order) the first rounds are for the most urgent class that has
one. :func:`.portfolio.runs` runs it besides the constructive's settings and keeps it only when it is
better by the objective. Deterministic.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import replace

from planner.schedule.builder import Builder, Settings, State
from planner.schedule.engine import SETTINGS as _ENGINE
from planner.schedule.engine import _best, extend, finish
from planner.schedule.model import Problem, Solution, class_order
from planner.schedule.repeat import short_pickups

#: The settings of the wave runs: the constructive's first one with waypoints, destinations by drive and
#: passages, and first rounds of half a convoy.
SETTINGS = (replace(_ENGINE[0], waypoints=True, by_passages=True, convoy_share=0.5, name="waves, half convoys"),)


@contextmanager
def _held(S: State, pickups):
    """The people of ``pickups`` out of sight of the constructive meanwhile (``S.left`` set to nobody)."""
    saved = {q: S.left[q] for q in pickups}
    for q in pickups:
        S.left[q] = [0, 0, 0]
    try:
        yield
    finally:
        for q in pickups:
            S.left[q] = saved[q]


def construct(P: Problem, settings: Settings = SETTINGS[0], by_class=None) -> Solution | None:
    """One wave run (module docstring), or ``None`` when no pickup has a short cycle."""
    from planner.schedule.repair import repair  # built on the engine, as in engine.construct

    short = short_pickups(P)
    if not short:
        return None
    held = sorted({q for qs in short.values() for q in qs})
    kept = set(held)
    others = [p.id for p in P.pickups if p.id not in kept]
    depots = {v.depot for v in P.vehicles}
    s = settings
    whole = replace(s, convoy_share=1.0)  # second rounds, and the rest: they need not be back early
    S = State(P)
    first = Builder(S, s)
    second = Builder(S, whole)
    by_class = P.rules.priority_first if by_class is None else by_class
    classes = class_order(P.pickups) if by_class else [None]
    while any(sum(S.left[q]) > 0 for q in held):
        c = None
        with _held(S, held):
            for cls in classes:  # the most urgent class with a round (everyone without the rule)
                c = _best(S, first, cls, s)
                if c is not None:
                    break
        if c is None or c[0].formation not in depots:
            break
        S.commit(*c)
        r = c[0]
        got = None
        vids = list(r.vehicles)
        with _held(S, others):
            for q in held:
                if sum(S.left[q]) <= 0:
                    continue
                c2 = second.round_for(r.destination, vids, r.lead, q, None, True)
                if c2 is not None and (got is None or c2[0].people > got[0].people):
                    got = c2
        if got is None:
            break
        S.commit(*got)
    S = extend(S, whole, by_class)
    S = repair(S, whole)
    return finish(S)


__all__ = ["SETTINGS", "construct"]
