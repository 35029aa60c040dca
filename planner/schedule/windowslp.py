"""The LP of the checkpoint passage windows term: energy rows, column generation and its Lagrangian bound.

The patterns of :mod:`.windows` (each a way one vehicle may spend the window,
with its passage windows at the universal checkpoints) are the LP's columns:
maximise the people out under at most each kind's vehicles, the reachable
demand, the people of each class of later rounds, and every interval's energy
at each checkpoint (the passages' mandatory parts, :func:`mandatory`, take at
most its length). It is solved by column generation over the patterns and row
generation over the intervals (the most violated ones at each solution, between
the earliest starts and latest ends of the passages it uses), a deterministic
number of rounds. The term is the least, over the rounds, of the Lagrangian
bound the round's prices give (weak duality: the prices of the rows times their
right-hand sides plus each kind's vehicles times its patterns' best reduced
profit), so it holds whether or not the generation has converged; at
convergence it is the LP optimum.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from planner.schedule.lp import lp_solution
from planner.schedule.model import INF

#: Most rounds of separation (LP solves) per call: a deterministic limit (any prefix of the cuts is valid).
MAX_ROUNDS = 40
#: Columns priced in and intervals added per round.
COLUMNS = 400
CUTS = 20


def mandatory(p, es, ls, t1, t2):
    """Least overlap with ``[t1, t2]`` of a job of length ``p`` starting in ``[es, ls]`` (arrays broadcast).

    All in seconds; energetic reasoning's mandatory part ``min(t2 - t1, p, es + p - t1, t2 - ls)``, at least 0.
    """
    return np.maximum(0.0, np.minimum(np.minimum(t2 - t1, p), np.minimum(es + p - t1, t2 - ls)))


@dataclass
class PassageArrays:
    """The passages at one checkpoint of every pattern, one entry per passage.

    Attributes
    ----------
    pattern : numpy.ndarray of int
        Index of the pattern making the passage.
    share : numpy.ndarray
        The vehicle's share of its convoy's passage, ``1 / k`` for a convoy of ``k`` vehicles.
    proc_s : numpy.ndarray
        Least processing time (s) of the convoy's passage.
    earliest_s, latest_s : numpy.ndarray
        Earliest and latest start (s from the window's start) of the passage.
    """

    pattern: np.ndarray
    share: np.ndarray
    proc_s: np.ndarray
    earliest_s: np.ndarray
    latest_s: np.ndarray

    def where(self, keep: np.ndarray) -> PassageArrays:
        """The passages where ``keep`` (bool, per passage) holds."""
        return PassageArrays(
            self.pattern[keep], self.share[keep], self.proc_s[keep], self.earliest_s[keep], self.latest_s[keep]
        )

    def energy(self, t1: float, t2: float, n: int) -> np.ndarray:
        """Per pattern (``n`` of them), its vehicles' shares of the mandatory parts (s) in ``[t1, t2]``."""
        e = self.share * mandatory(self.proc_s, self.earliest_s, self.latest_s, t1, t2)
        return np.bincount(self.pattern, weights=e, minlength=n)


@dataclass
class Patterns:
    """The LP's columns: the patterns of every vehicle kind, one entry per pattern.

    Attributes
    ----------
    kind : numpy.ndarray of int
        Index of the vehicle kind (in ``kind_vehicles``' order) the pattern belongs to.
    people : numpy.ndarray
        Most people the pattern's rounds carry.
    later : numpy.ndarray
        Of those, the people of its second round (0 for a one-round pattern).
    later_class : numpy.ndarray of int
        Class of its second round's pickups (-1: none).
    passages : dict
        Checkpoint id -> :class:`PassageArrays`, the patterns' passages there.
    """

    kind: np.ndarray
    people: np.ndarray
    later: np.ndarray
    later_class: np.ndarray
    passages: dict

    @property
    def n(self) -> int:
        """Number of patterns."""
        return len(self.people)


def _base_rows(pats: Patterns, kind_vehicles: list, people_cap: int, class_cap: list):
    """The rows other than the energy ones: ``(rows (rows, patterns), right-hand sides)``.

    First one row per kind (its vehicles), then the reachable demand, then per class of later rounds
    the people of the second rounds of that class or quicker ones (only where it binds below the demand).
    """
    base = [((pats.kind == gi).astype(float), float(count)) for gi, count in enumerate(kind_vehicles)]
    base.append((pats.people, float(people_cap)))
    for i, cap in enumerate(class_cap):
        if cap < people_cap:
            base.append((np.where((pats.later_class >= 0) & (pats.later_class <= i), pats.later, 0.0), cap))
    return np.array([r for r, _ in base]), np.array([h for _, h in base])


def _first_columns(pats: Patterns, n_kinds: int) -> np.ndarray:
    """The master's first columns (bool, per pattern): every one-round pattern and each kind's fullest one."""
    S = np.zeros(pats.n, dtype=bool)
    S[pats.later == 0] = True
    for gi in range(n_kinds):
        g = np.nonzero(pats.kind == gi)[0]
        if len(g):
            S[g[np.argmax(pats.people[g])]] = True
    return S


def _violated(pats: Patterns, x: np.ndarray) -> list:
    """Up to :data:`CUTS` intervals per checkpoint ``(c, t1, t2)`` (s) whose energy under ``x`` exceeds their length."""
    found = []
    for c, pa in pats.passages.items():
        act = x[pa.pattern] > 1e-9
        if not act.any():
            continue
        w = x[pa.pattern][act] * pa.share[act]
        proc, es, ls = pa.proc_s[act], pa.earliest_s[act], pa.latest_s[act]
        # the candidate intervals: from an earliest start to a latest end
        t1s = np.unique(es)
        t2s = np.unique(ls + proc)
        en = np.zeros((len(t1s), len(t2s)))
        for q in range(len(w)):
            en += w[q] * mandatory(proc[q], es[q], ls[q], t1s[:, None], t2s[None, :])
        viol = en - (t2s[None, :] - t1s[:, None])
        viol[t2s[None, :] <= t1s[:, None]] = -1
        order = np.argsort(viol, axis=None)[::-1][:CUTS]
        for o in order:
            i1, i2 = np.unravel_index(o, viol.shape)
            if viol[i1, i2] <= 1e-3:
                break
            found.append((c, float(t1s[i1]), float(t2s[i2])))
    return found


def lagrangian_bound(pats: Patterns, kind_vehicles: list, people_cap: int, class_cap: list) -> float | None:
    """Least Lagrangian bound (people) over the rounds of column and row generation on the patterns' LP.

    Parameters
    ----------
    pats : Patterns
        The columns.
    kind_vehicles : list of int
        Per vehicle kind, its number of vehicles.
    people_cap : int
        People any schedule moves at most (the reachable demand term).
    class_cap : list of float
        Per class of later rounds, the people of the pickups of that class or quicker ones.

    Returns
    -------
    float or None
        The bound; ``None`` if an LP was not solved.
    """
    n, nk = pats.n, len(kind_vehicles)
    Bd, bh = _base_rows(pats, kind_vehicles, people_cap, class_cap)
    # every energy row starts with the whole span of its checkpoint's passages
    cuts = [(c, float(pa.earliest_s.min()), float((pa.latest_s + pa.proc_s).max())) for c, pa in pats.passages.items()]
    full: dict = {}  # cut index -> its energy row over every pattern (made when priced with)
    S = _first_columns(pats, nk)
    best = INF
    for _ in range(MAX_ROUNDS):
        cols_S = np.nonzero(S)[0]
        hc = np.array([t2 - t1 for _, t1, t2 in cuts])
        pos = np.full(n, -1)
        pos[cols_S] = np.arange(len(cols_S))
        sub = {}
        for c, pa in pats.passages.items():
            part = pa.where(S[pa.pattern])
            part.pattern = pos[part.pattern]
            sub[c] = part
        Es = np.zeros((len(cuts), len(cols_S)))
        for q, (c, t1, t2) in enumerate(cuts):
            Es[q] = sub[c].energy(t1, t2, len(cols_S))
        A = np.vstack([Bd[:, cols_S], Es])
        fun, xS, y = lp_solution(-pats.people[cols_S], A, np.concatenate([bh, hc]))
        if fun is None:
            return None
        y = np.maximum(0.0, -y)  # prices of the rows (>= 0)
        # weak duality with these prices: the kinds' rows take each column's best reduced profit
        yk, yb, yc = y[:nk], y[nk : len(bh)], y[len(bh) :]
        rc = pats.people - yb @ Bd[nk:]
        for r in np.nonzero(yc > 0)[0]:
            if r not in full:
                c, t1, t2 = cuts[r]
                full[r] = pats.passages[c].energy(t1, t2, n)
            rc -= yc[r] * full[r]
        lag = float(yb @ bh[nk:] + yc @ hc)
        for gi, count in enumerate(kind_vehicles):
            g = pats.kind == gi
            lag += count * max(0.0, float(rc[g].max()) if g.any() else 0.0)
        best = min(best, lag)
        x = np.zeros(n)
        x[cols_S] = xS
        # columns worth adding: reduced profit over their kind's price
        gain = rc - yk[pats.kind]
        gain[S] = -1.0
        new = np.argsort(gain)[::-1][:COLUMNS]
        new = new[gain[new] > 1e-6]
        S[new] = True
        found = _violated(pats, x)
        cuts.extend(found)
        if not len(new) and not found:
            break
    return best
